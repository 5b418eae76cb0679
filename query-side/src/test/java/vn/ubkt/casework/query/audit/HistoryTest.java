package vn.ubkt.casework.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.complaints.ComplaintEvent;
import vn.ubkt.casework.events.suspensions.SuspensionEvent;

@DisplayName("A history step's business date is the date field each event names, never a guess")
class HistoryTest {

    @Test
    @DisplayName("every event of a case, a complaint and a suspension names its business date, a LocalDate field it has")
    void everyEventNamed() {
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> sealed : List.of(CaseEvent.class, ComplaintEvent.class, SuspensionEvent.class)) {
            events.addAll(List.of(sealed.getPermittedSubclasses()));
        }
        assertThat(events).hasSizeGreaterThan(25);
        for (Class<?> event : events) {
            assertThat(History.BUSINESS_DATE).as(event.getSimpleName()).containsKey(event.getSimpleName());
            String field = History.BUSINESS_DATE.get(event.getSimpleName());
            if (field.isEmpty()) {
                // a step at an instant: it has no business date field at all
                assertThat(List.of(event.getRecordComponents())).as(event.getSimpleName())
                        .noneMatch(component -> component.getType() == LocalDate.class);
                continue;
            }
            assertThat(List.of(event.getRecordComponents())).as(event.getSimpleName() + "." + field)
                    .anyMatch(component -> component.getName().equals(field) && component.getType() == LocalDate.class);
        }
    }

    @Test
    @DisplayName("the named field is the step's own date: a decision's, not the dates it carries")
    void decisionDate() {
        assertThat(History.BUSINESS_DATE.get("DisciplineDecided")).isEqualTo("decidedOn");
        List<String> dates = new ArrayList<>();
        for (RecordComponent component : vn.ubkt.casework.events.cases.DisciplineDecided.class.getRecordComponents()) {
            if (component.getType() == LocalDate.class) {
                dates.add(component.getName());
            }
        }
        assertThat(dates).contains("decidedOn", "effectiveOn");
    }
}
