package vn.ubkt.casework.query.casedetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.cases.CaseEvent;

@DisplayName("The case fold knows every case event")
class CaseFoldTest {

    @Test
    @DisplayName("every event the sealed CaseEvent permits has its own branch in the fold")
    void exhaustive() {
        Class<?>[] permitted = CaseEvent.class.getPermittedSubclasses();
        assertThat(permitted).hasSizeGreaterThan(15);
        for (Class<?> type : permitted) {
            // an empty stand-in of the event: its branch may trip on a missing field, but must exist
            CaseEvent event = (CaseEvent) mock(type);
            Throwable thrown = catchThrowable(() -> CaseFold.apply(new CaseDocument(), event, 0, Instant.EPOCH));
            assertThat(thrown).as(type.getSimpleName())
                    .satisfiesAnyOf(t -> assertThat(t).isNull(),
                            t -> assertThat(t).isNotInstanceOf(IllegalStateException.class));
        }
    }
}
