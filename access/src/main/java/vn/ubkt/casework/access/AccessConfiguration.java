package vn.ubkt.casework.access;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import javax.sql.DataSource;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.ubkt.casework.access.vault.DenouncerVault;
import vn.ubkt.casework.access.vault.MasterKey;
import vn.ubkt.casework.access.vault.MasterKeys;

/** Identity and access for whichever side (or both) runs in this process. */
@OpenAPIDefinition(
        info = @Info(title = "Casework API", version = "1.1",
                description = "Cases, complaints, statistics and reports of party inspection commissions (API.md)"),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user of the product (POST /api/users)")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT of the deployment's OpenID Connect provider, when casework.security.oidc.issuer-uri is set")
// before Boot's own security defaults, which back off when they see this chain and user store
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@EnableConfigurationProperties(WebProperties.class)
@Import({SecurityConfiguration.class, UserController.class, AccessProblems.class, FallbackProblems.class,
        DatabaseInitializationDependencyConfigurer.class})
public class AccessConfiguration {

    @Bean
    FlywayMigrationInitializer accessMigrations(DataSource dataSource) {
        return AccessSchema.migrations(dataSource);
    }

    /** Before every other filter: a path or query that is not text is refused here (ISSUE 14). */
    @Bean
    FilterRegistrationBean<InputGuard> inputGuard() {
        FilterRegistrationBean<InputGuard> registration = new FilterRegistrationBean<>(new InputGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Tomcat's own refusals of a malformed request answer problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** A change is refused (406) before it is made when its answer could not be written in a type the client takes. */
    @Bean
    WebMvcConfigurer acceptBeforeWrite() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptBeforeWrite()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /** Every operation of the served OpenAPI document declares its security and its problem+json answers. */
    @Bean
    OpenApiCustomizer problemAnswersDocumented() {
        return new ProblemAnswersDocumented();
    }

    /** Every JSON string and key of a request body must be text (see {@link InputText}). */
    @Bean
    JacksonModule inputTextModule() {
        return InputText.jacksonModule();
    }

    /** Errors that reach the container's error page answer problem+json to API clients. */
    @Bean
    BasicErrorController problemErrorController(ErrorAttributes attributes, WebProperties web,
                                                ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(attributes, web.getError(), resolvers.orderedStream().toList());
    }

    @Bean
    ReadAudit readAudit(JdbcClient jdbc) {
        return new ReadAudit(jdbc);
    }

    /** The deployment's master key; without one the process does not start. The standalone brings its own. */
    @Bean
    @ConditionalOnMissingBean
    MasterKey masterKey(Environment environment) {
        return MasterKeys.required(environment);
    }

    @Bean
    DenouncerVault denouncerVault(JdbcClient jdbc, MasterKey masterKey) {
        return new DenouncerVault(jdbc, masterKey);
    }

    @Bean
    FirstAdmin firstAdmin(UserAccounts users, PasswordEncoder encoder, Environment environment) {
        return new FirstAdmin(users, encoder, environment);
    }
}
