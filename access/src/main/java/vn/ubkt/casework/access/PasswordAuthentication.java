package vn.ubkt.casework.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a username and password against the user store: the slow hash on the first call, the remembered MAC
 * on the next ones (see {@link VerifiedCredentials}). Failures and successes feed the sign-in throttle.
 */
final class PasswordAuthentication implements AuthenticationProvider {

    private static final String UNKNOWN_USER_HASH_INPUT = "a password nobody has, hashed to spend the same time";

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;
    private final String dummyHash;

    PasswordAuthentication(UserAccounts users, PasswordEncoder encoder, SignInThrottle throttle,
                           VerifiedCredentials verified) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.verified = verified;
        this.dummyHash = encoder.encode(UNKNOWN_USER_HASH_INPUT);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            encoder.matches(password, dummyHash); // the same time as a wrong password: usernames are not disclosed
            throttle.failed(username);
            throw new BadCredentialsException("bad credentials");
        }
        boolean remembered = verified.known(username, password);
        if (!remembered && !encoder.matches(password, user.getPassword())) {
            verified.forget(username);
            throttle.failed(username);
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
        if (!remembered) {
            verified.remember(username, password);
            throttle.succeeded(username);
            users.signedIn(username);
        }
        ((SignedInUser) user).eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
