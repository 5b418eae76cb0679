package vn.ubkt.casework.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role may call what: the table of API.md ("Identity and access", "Roles") in one place, for both sides.
 * Jurisdiction and conflicts of interest are judged after this, by each side from its own data. An {@code /api}
 * path that is not named here is refused to everyone, so a new operation cannot ship without a rule.
 */
final class AccessRules {

    /** The only authority of a user who must change the first-start password before anything else. */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private static final String ADMIN = Role.ADMIN.name();
    private static final String STAFF = Role.STAFF.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String VIEWER = Role.VIEWER.name();
    private static final String CUSTODIAN = Role.CUSTODIAN.name();
    private static final String[] ANY_ROLE = {ADMIN, STAFF, AUDITOR, VIEWER, CUSTODIAN};

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // open: health probes, the login page, static assets, the OpenAPI document, the verifier key
        rules.requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/login", "/error").permitAll()
                .requestMatchers(GET, "/ui/*.css", "/ui/*.js", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers(GET, "/api/integrity/key").permitAll()
                .requestMatchers("/actuator/**").hasRole(ADMIN);

        // oneself: allowed even before the first-start password is changed
        rules.requestMatchers(GET, "/api/me").authenticated()
                .requestMatchers(POST, "/api/users/*/password").authenticated()
                .requestMatchers(GET, "/ui/password").authenticated()
                .requestMatchers("/logout").authenticated();

        rules.requestMatchers("/api/users", "/api/users/**").hasRole(ADMIN)
                .requestMatchers("/api/admin/**").hasRole(ADMIN);

        // the tree: managed by ADMIN, read by everyone; its figures by those who read statistics
        rules.requestMatchers(POST, "/api/committees", "/api/committees/*/move", "/api/committees/*/dissolve").hasRole(ADMIN)
                .requestMatchers(PATCH, "/api/committees/*").hasRole(ADMIN)
                .requestMatchers(GET, "/api/committees/*/statistics", "/api/committees/*/report",
                        "/api/committees/*/targets").hasAnyRole(STAFF, AUDITOR, VIEWER)
                .requestMatchers(GET, "/api/committees", "/api/committees/*").hasAnyRole(ANY_ROLE);

        // statistical forms: the definitions read by all; figures, workbooks and locks by those who read statistics;
        // the cases behind a figure are case contents (not for VIEWER); locking a period is staff's step
        rules.requestMatchers(GET, "/api/forms").hasAnyRole(ANY_ROLE)
                .requestMatchers(GET, "/api/committees/*/forms/*/cells/*/*/cases").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(POST, "/api/committees/*/forms/locks").hasRole(STAFF)
                .requestMatchers(GET, "/api/committees/*/forms", "/api/committees/*/forms/locks",
                        "/api/committees/*/forms/locks/*").hasAnyRole(STAFF, AUDITOR, VIEWER);

        // the denouncer's identity: asked for by staff, approved and erased by a custodian
        rules.requestMatchers(POST, "/api/complaints/*/identity-requests").hasRole(STAFF)
                .requestMatchers(GET, "/api/complaints/*/identity-requests").hasAnyRole(STAFF, CUSTODIAN)
                .requestMatchers(POST, "/api/complaints/*/identity-requests/*/approve",
                        "/api/complaints/*/identity-requests/*/deny").hasRole(CUSTODIAN)
                .requestMatchers(POST, "/api/complaints/*/identity/erase", "/api/complaints/*/erase-denouncer").hasRole(CUSTODIAN)
                .requestMatchers(GET, "/api/complaints/*/identity").hasRole(STAFF)
                .requestMatchers(GET, "/api/identity-requests").hasAnyRole(STAFF, CUSTODIAN);

        // complaints and cases: commands by staff, reads by staff and auditors
        rules.requestMatchers(POST, "/api/complaints", "/api/complaints/**").hasRole(STAFF)
                .requestMatchers(GET, "/api/complaints", "/api/complaints/**").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(POST, "/api/cases", "/api/cases/**").hasRole(STAFF)
                .requestMatchers(GET, "/api/cases", "/api/cases/**").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(GET, "/api/members/*/discipline", "/api/deadlines").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(GET, "/api/audit/reads").hasRole(AUDITOR);

        // suspension of party activity: decided by staff, read by staff and auditors; the rulebook is read by all
        rules.requestMatchers(POST, "/api/suspensions", "/api/suspensions/**").hasRole(STAFF)
                .requestMatchers(GET, "/api/suspensions", "/api/suspensions/**").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(GET, "/api/rulebook/**").hasAnyRole(ANY_ROLE);

        // the integrity of the record: the checkpoint for everyone signed in, proofs and verification for auditors and
        // administrators; archived reports for those who read reports (their committee is checked by the query side)
        rules.requestMatchers(GET, "/api/integrity/checkpoint").hasAnyRole(ANY_ROLE)
                .requestMatchers(GET, "/api/integrity/inclusion", "/api/integrity/consistency", "/api/integrity/status")
                .hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers(POST, "/api/integrity/verify").hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers(POST, "/api/committees/*/reports").hasAnyRole(STAFF, AUDITOR, VIEWER)
                .requestMatchers(GET, "/api/reports/*").hasAnyRole(STAFF, AUDITOR, VIEWER)
                .requestMatchers(POST, "/api/reports/*/verify").hasAnyRole(STAFF, AUDITOR, VIEWER);

        rules.requestMatchers("/api/**").denyAll();

        // pages
        rules.requestMatchers(GET, "/ui/users", "/ui/users/**").hasRole(ADMIN)
                .requestMatchers(GET, "/ui/audit", "/ui/audit/**").hasRole(AUDITOR)
                .requestMatchers(GET, "/ui/identity", "/ui/identity/**").hasAnyRole(STAFF, CUSTODIAN)
                .requestMatchers(GET, "/ui/cases", "/ui/cases/**", "/ui/complaints", "/ui/complaints/**").hasAnyRole(STAFF, AUDITOR)
                .requestMatchers(GET, "/ui/committees", "/ui/committee-options").hasAnyRole(ANY_ROLE)
                .requestMatchers(GET, "/ui/committees/**").hasAnyRole(STAFF, AUDITOR, VIEWER)
                .requestMatchers(GET, "/", "/ui/stream").hasAnyRole(ANY_ROLE)
                .anyRequest().denyAll();
    }
}
