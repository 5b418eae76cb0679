package vn.ubkt.casework.query.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class QueryAccessWeb implements WebMvcConfigurer {

    private final ReadGate gate;

    QueryAccessWeb(ReadGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate).addPathPatterns("/api/cases/*/**", "/api/complaints/*/**", "/api/committees/*/**",
                "/api/suspensions/*/**", "/ui/cases/*/**", "/ui/complaints/*/**", "/ui/committees/*/**");
    }
}
