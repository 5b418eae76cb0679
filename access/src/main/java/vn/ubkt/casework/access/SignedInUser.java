package vn.ubkt.casework.access;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user of the product's own user store, as Spring Security holds them in a session. Serializable: the
 * session lives in PostgreSQL and is read by whichever side serves the next request.
 */
final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String fullName;
    private String passwordHash;
    private final Set<Role> roles;
    private final String committeeId;
    private final String memberId;
    private final boolean enabled;
    private final boolean mustChangePassword;

    SignedInUser(String username, String fullName, String passwordHash, Set<Role> roles, String committeeId,
                 String memberId, boolean enabled, boolean mustChangePassword) {
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.roles = Set.copyOf(roles);
        this.committeeId = committeeId;
        this.memberId = memberId;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    Actor actor() {
        return new Actor(username, fullName, roles, committeeId, memberId);
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (mustChangePassword) {
            // until the first-start password is changed, nothing but the change is allowed
            return List.of(new SimpleGrantedAuthority(AccessRules.PASSWORD_CHANGE_REQUIRED));
        }
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && user.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + "]";
    }
}
