package vn.ubkt.casework.query.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese first, English on request. Pages (the login page too) are Vietnamese until the user switches
 * ({@code ?lang=en}, kept in a cookie); an API client is answered in its {@code Accept-Language}, and in Vietnamese
 * without one.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("casework-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // pages are Vietnamese until the English switch; API clients choose by Accept-Language
        resolver.setDefaultLocaleFunction(request -> isPage(request.getRequestURI())
                || request.getHeader("Accept-Language") == null ? VIETNAMESE
                : request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor).addPathPatterns("/ui/**", "/", "/login");
    }

    private static boolean isPage(String path) {
        return path.startsWith("/ui") || path.equals("/") || path.equals("/login") || path.equals("/error");
    }
}
