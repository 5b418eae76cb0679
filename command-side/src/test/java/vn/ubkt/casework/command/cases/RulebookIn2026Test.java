package vn.ubkt.casework.command.cases;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.OpenCase;
import vn.ubkt.casework.events.cases.TeamMember;

/**
 * DOMAIN.md "The rules in 2026": QĐ 21-QĐ/TW replaced QĐ 296-QĐ/TW on 11 April 2026 and QĐ 212-QĐ/TW replaced
 * QĐ 69-QĐ/TW on 17 August 2026. A step is judged by the version in force on its business date, and its refusal
 * names that version and its source.
 */
class RulebookIn2026Test extends CaseTestBase {

    private OpenCase openWithTheSubjectOnTheTeam(LocalDate on) {
        return new OpenCase(CASE, on, "QĐ 12", List.of(LEAD, new TeamMember(MEMBER.memberId(), MEMBER.fullName())),
                LEAD.memberId());
    }

    @Test
    @DisplayName("a team including the subject, opened on 31 March 2026, is refused by 2025.1 citing QĐ 296-QĐ/TW")
    void dayBeforeQd21() {
        fixture.given(planned(MEMBER))
                .when(openWithTheSubjectOnTheTeam(LocalDate.of(2026, 3, 31)))
                .expectException(violating("R-DUTIES", "case.duties.subjectOnTeam", "2025.1"))
                .expectException(citing("QĐ 296-QĐ/TW (2025)"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the same team opened on 11 April 2026 is refused by 2026.1 citing QĐ 21-QĐ/TW, carried forward and unverified")
    void firstDayOfQd21() {
        fixture.given(planned(MEMBER))
                .when(openWithTheSubjectOnTheTeam(LocalDate.of(2026, 4, 11)))
                .expectException(violating("R-DUTIES", "case.duties.subjectOnTeam", "2026.1"))
                .expectException(citing("QĐ 21-QĐ/TW (11/04/2026) (carried forward from 2025.1; unverified)"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a form refused on 16 August 2026 cites QĐ 69-QĐ/TW; on 17 August 2026 it cites QĐ 212-QĐ/TW (2026.2)")
    void qd212() {
        fixture.given(heardCase(PROBATIONARY_MEMBER))
                .when(decide(UBKT_TU, LocalDate.of(2026, 8, 16), 9, ballot(2, EXPULSION_VOTES, 7)))
                .expectException(violating("R-FORMS", "case.forms.probationary", "2026.1"))
                .expectException(citing("QĐ 69-QĐ/TW (2022) art. 7 (forms unchanged by the 2026 texts, as reported)"));
        fixture.given(heardCase(PROBATIONARY_MEMBER))
                .when(decide(UBKT_TU, LocalDate.of(2026, 8, 17), 9, ballot(2, EXPULSION_VOTES, 7)))
                .expectException(violating("R-FORMS", "case.forms.probationary", "2026.2"))
                .expectException(citing("QĐ 212-QĐ/TW (17/08/2026) (forms unchanged from QĐ 69-QĐ/TW art. 7, as reported)"));
    }

    private static final vn.ubkt.casework.events.cases.DisciplineForm EXPULSION_VOTES =
            vn.ubkt.casework.events.cases.DisciplineForm.EXPULSION;
}
