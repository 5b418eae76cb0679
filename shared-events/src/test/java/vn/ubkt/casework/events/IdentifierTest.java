package vn.ubkt.casework.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.suspensions.SuspensionId;

@DisplayName("An identifier is 1 to 100 letters, digits, '.', '_' or '-'")
class IdentifierTest {

    private static final String HUNDRED = "a".repeat(100);

    static Stream<String> allowed() {
        return Stream.of("TU-TRA-VINH", "a.b_c-1", "0", "3f2c8a9e-1b7d-4c1e-9a2b-0c4d5e6f7a8b", HUNDRED);
    }

    static Stream<String> refused() {
        return Stream.of("", " ", "a b", "Tỉnh", "a/b", "a\u0000b", HUNDRED + "a", "a\n");
    }

    @ParameterizedTest
    @MethodSource("allowed")
    @DisplayName("allowed for a case, a committee and a suspension")
    void allows(String value) {
        assertThat(CaseId.of(value).value()).isEqualTo(value);
        assertThat(CommitteeId.of(value).value()).isEqualTo(value);
        assertThat(SuspensionId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("refused")
    @DisplayName("anything else refused, naming the identifier")
    void refuses(String value) {
        assertThatThrownBy(() -> CaseId.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("caseId must");
        assertThatThrownBy(() -> CommitteeId.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("committeeId must");
        assertThatThrownBy(() -> SuspensionId.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("suspensionId must");
    }
}
