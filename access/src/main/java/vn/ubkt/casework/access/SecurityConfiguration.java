package vn.ubkt.casework.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One security configuration for both sides (and for the standalone, where they share a process): form login
 * and a session in PostgreSQL for the pages, HTTP Basic for API clients, Bearer JWTs when the deployment names
 * an OpenID Connect issuer; the role table of {@link AccessRules}; problem+json for 401, 403 and 429.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Scripts, styles and data only from the product itself; never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI styles its own elements inline; it is still never framed and loads nothing from elsewhere. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'";
    /** A page session ends after this long, however active (ASVS 3.3: periodic re-authentication). */
    static final Duration ABSOLUTE_SESSION_LIFETIME = Duration.ofHours(12);

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; argon2 and others are understood, so stored hashes can be upgraded over time
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Sign-ins (successes, failures, lock-outs) stay observed; the filter chain's per-filter observations and the
     * per-request authorization ones do not: they wrapped each of the chain's filters on every request, about a
     * tenth of a command's CPU in a profile (docs/BENCHMARKS.md, "The command path, profiled"), and
     * {@code http.server.requests} already times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .shouldObserveAuthentications(true)
                .build();
    }

    @Bean
    UserAccounts userAccounts(JdbcClient jdbc) {
        return new UserAccounts(jdbc);
    }

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc) {
        return new SignInThrottle(jdbc);
    }

    @Bean
    VerifiedCredentials verifiedCredentials() {
        return new VerifiedCredentials();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts users, PasswordEncoder encoder, SignInThrottle throttle,
                                                VerifiedCredentials verified, ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(new PasswordAuthentication(users, encoder, throttle, verified));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain casework(HttpSecurity http, AuthenticationManager authenticationManager,
                                 SignInThrottle throttle, UserAccounts users,
                                 @Value("${casework.security.oidc.issuer-uri:}") String issuer) throws Exception {
        boolean oidc = !issuer.isBlank();
        AuthenticationEntryPoint api = (request, response, e) -> unauthorized(request, response, oidc);
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(AccessRules::apply)
                .httpBasic(basic -> basic.realmName("casework").authenticationEntryPoint(api))
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler(new FirstStepAfterSignIn()).failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                (ProblemResponses.wantsProblem(request) ? api : login).commence(request, response, e))
                        .accessDeniedHandler(accessDenied(api)))
                // a page's session needs the CSRF token; a client that sends its own credentials on every call
                // (Basic, Bearer) cannot be forged by another site, unless the browser says the call is cross-site
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        && !"cross-site".equals(request.getHeader("Sec-Fetch-Site"))))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                request.getRequestURI().startsWith("/swagger-ui")
                                        ? SWAGGER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY)))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AbsoluteSessionTimeout(), SecurityContextHolderFilter.class);
        if (oidc) {
            http.oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(api)
                    .jwt(jwt -> jwt.authenticationManager(bearerAuthentication(issuer))));
        }
        return http.build();
    }

    /** Bearer tokens have their own manager: the form's and Basic's manager knows only passwords. */
    private static AuthenticationManager bearerAuthentication(String issuer) {
        // resolves the provider's configuration at the first token, so the product starts while the provider is down
        JwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwtRoles());
        return new ProviderManager(provider);
    }

    /** Claims of API.md: {@code preferred_username}, {@code roles}, {@code committee_id}, {@code member_id}. */
    static JwtAuthenticationConverter jwtRoles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, boolean oidc)
            throws IOException {
        response.addHeader("WWW-Authenticate", "Basic realm=\"casework\", charset=\"UTF-8\"");
        if (oidc) {
            response.addHeader("WWW-Authenticate", "Bearer");
        }
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "Chưa đăng nhập", "Not signed in",
                "Cần đăng nhập (HTTP Basic, Bearer hoặc phiên đăng nhập) để dùng chức năng này.",
                "Sign in (HTTP Basic, Bearer or a page session) to use this.");
    }

    private static AccessDeniedHandler accessDenied(AuthenticationEntryPoint api) {
        return (request, response, e) -> {
            // a state change without a CSRF token and without credentials: what is missing is the sign-in
            if (e instanceof org.springframework.security.web.csrf.CsrfException && ProblemResponses.wantsProblem(request)
                    && Actor.signedIn().isEmpty()) {
                api.commence(request, response,
                        new org.springframework.security.authentication.InsufficientAuthenticationException("not signed in"));
                return;
            }
            boolean mustChange = SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                    .anyMatch(a -> AccessRules.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
            if (!ProblemResponses.wantsProblem(request)) {
                if (mustChange) {
                    response.sendRedirect("/ui/password");
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
                return;
            }
            if (mustChange) {
                ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "password-change-required",
                        "Cần đổi mật khẩu", "Password change required",
                        "Mật khẩu khởi tạo phải được đổi trước (POST /api/users/{username}/password).",
                        "The first-start password must be changed first (POST /api/users/{username}/password).");
            } else {
                ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                        "Không có quyền", "Forbidden",
                        "Vai trò của người dùng không cho phép thao tác này.",
                        "The user's roles do not allow this.");
            }
        };
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) ->
                response.sendRedirect("/login?error");
    }

    /** After the form sign-in: the password page when it must be changed, else where the user was going. */
    private static final class FirstStepAfterSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

        FirstStepAfterSignIn() {
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication)
                throws ServletException, IOException {
            if (authentication.getPrincipal() instanceof SignedInUser user && user.mustChangePassword()) {
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, "/ui/password");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Ends a page session older than {@link #ABSOLUTE_SESSION_LIFETIME}, however active it has been. */
    private static final class AbsoluteSessionTimeout extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && System.currentTimeMillis() - session.getCreationTime()
                    > ABSOLUTE_SESSION_LIFETIME.toMillis()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
            chain.doFilter(request, response);
        }
    }
}
