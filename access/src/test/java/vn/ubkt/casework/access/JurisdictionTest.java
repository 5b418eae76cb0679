package vn.ubkt.casework.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A jurisdiction includes its committees, or the whole party")
class JurisdictionTest {

    @Test
    @DisplayName("a subtree includes its committees and nothing else")
    void subtree() {
        Jurisdiction province = new Jurisdiction(false, Set.of("TU", "UBKT-TU", "XA"));
        assertThat(province.includes("XA")).isTrue();
        assertThat(province.includes("TU-KHAC")).isFalse();
        assertThat(province.includes(null)).isFalse();
        assertThat(Jurisdiction.nothing().includes("TU")).isFalse();
    }

    @Test
    @DisplayName("the whole party includes every committee")
    void national() {
        assertThat(Jurisdiction.wholeParty().includes("ANY")).isTrue();
    }

    @Test
    @DisplayName("an actor is the member they are, and only that member")
    void conflict() {
        Actor actor = new Actor("lan", "Lan", Set.of(Role.STAFF), "UBKT-TU", "0123");
        assertThat(actor.is("0123")).isTrue();
        assertThat(actor.is("0124")).isFalse();
        assertThat(actor.is(null)).isFalse();
        assertThat(new Actor("hoa", "Hoa", Set.of(), "UBKT-TU", null).is(null)).isFalse();
    }
}
