package vn.ubkt.casework.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Verified Basic credentials are remembered as a MAC, for the same username and password only")
class VerifiedCredentialsTest {

    @Test
    @DisplayName("a remembered username and password are known; another password or user is not")
    void remembers() {
        VerifiedCredentials verified = new VerifiedCredentials();
        assertThat(verified.known("lan", "correct horse battery")).isFalse();
        verified.remember("lan", "correct horse battery");
        assertThat(verified.known("lan", "correct horse battery")).isTrue();
        assertThat(verified.known("lan", "correct horse batterY")).isFalse();
        assertThat(verified.known("hoa", "correct horse battery")).isFalse();
    }

    @Test
    @DisplayName("forgetting a user (a password change, a disabled account) makes the next call pay the slow hash again")
    void forgets() {
        VerifiedCredentials verified = new VerifiedCredentials();
        verified.remember("lan", "correct horse battery");
        verified.forget("lan");
        assertThat(verified.known("lan", "correct horse battery")).isFalse();
    }

    @Test
    @DisplayName("two processes never share what they remember: each has its own key")
    void ownKey() {
        VerifiedCredentials one = new VerifiedCredentials();
        VerifiedCredentials other = new VerifiedCredentials();
        one.remember("lan", "correct horse battery");
        assertThat(other.known("lan", "correct horse battery")).isFalse();
    }
}
