package vn.ubkt.casework.command.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CommandAccessWeb implements WebMvcConfigurer {

    private final CommandAccess access;

    CommandAccessWeb(CommandAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns("/api/cases/*/**", "/api/complaints/*/**", "/api/suspensions/*/**");
    }
}
