package vn.ubkt.casework.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user as the rest of the product sees them, however they signed in (form, Basic or a JWT of
 * the deployment's OpenID Connect provider): who, with which roles, bound to which committee, and which party
 * member they are (for conflicts of interest).
 */
public record Actor(String username, String fullName, Set<Role> roles, String committeeId, String memberId) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** True when the user is the party member {@code memberId} (a subject or an accused). */
    public boolean is(String otherMemberId) {
        return memberId != null && otherMemberId != null && memberId.equals(otherMemberId);
    }

    /** The signed-in user of this thread's request. */
    public static Actor current() {
        return signedIn().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("nobody is signed in"));
    }

    public static Optional<Actor> signedIn() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** True while the signed-in user may do nothing but change the first-start (or reset) password. */
    public static boolean mustChangePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AccessRules.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }

    public static Optional<Actor> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.actor());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(fromJwt(token.getToken(), token.getAuthorities()));
        }
        return Optional.empty();
    }

    private static Actor fromJwt(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        String username = jwt.getClaimAsString("preferred_username");
        String name = jwt.getClaimAsString("name");
        return new Actor(username, name == null ? username : name, roles, jwt.getClaimAsString("committee_id"),
                jwt.getClaimAsString("member_id"));
    }
}
