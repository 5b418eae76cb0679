package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

/** The subject was heard (quyền trình bày ý kiến, Điều lệ art. 39(3)). */
@Revision("1")
public record SubjectHeard(
        CaseId caseId,
        LocalDate heardOn,
        String statement,
        DisciplineForm proposedForm) implements CaseEvent {

    public SubjectHeard {
        Require.present(caseId, "caseId");
        Require.present(heardOn, "heardOn");
        Require.text(statement, "statement");
    }
}
