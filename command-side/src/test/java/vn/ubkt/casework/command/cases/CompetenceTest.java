package vn.ubkt.casework.command.cases;

import static vn.ubkt.casework.events.cases.DisciplineForm.DISMISSAL;
import static vn.ubkt.casework.events.cases.DisciplineForm.DISSOLUTION;
import static vn.ubkt.casework.events.cases.DisciplineForm.EXPULSION;
import static vn.ubkt.casework.events.cases.DisciplineForm.REPRIMAND;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.ProposeDiscipline;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * R-COMPETENCE — which body may decide which form for which subject, judged by the rulebook version in force on
 * the decision's date and the tree as it stood that day — and R-FORMS (QĐ 69 art. 7), which forms a subject may
 * receive at all. Each rule is shown once allowing and once refusing.
 */
class CompetenceTest extends CaseTestBase {

    /** An official member of the cell CB3 under the Đảng ủy Khối DUK (district level, not dissolved). */
    private static final Subject.Member ENTERPRISE_MEMBER = new Subject.Member("093077001", "Hoàng Văn Em",
            Membership.OFFICIAL, CB3, List.of(), null, List.of("Trưởng phòng Kế toán"));
    /** An official member of the cell CB2 under the departmental committee DUBP. */
    private static final Subject.Member HAMLET_MEMBER = new Subject.Member("093055001", "Ngô Thị Giang",
            Membership.OFFICIAL, CB2, List.of(), null, List.of());

    /** Judged by rulebook 2026.1 (from 11 April 2026), which carries the 2025.1 competence forward, marked U. */
    private static final LocalDate IN_2026 = LocalDate.of(2026, 5, 18);
    private static final LocalDate WINDOW_2026 = LocalDate.of(2026, 6, 18);
    private static final LocalDate LAST_DAY_OF_2021_1 = LocalDate.of(2025, 6, 30);

    @Nested
    @DisplayName("a change of rulebook takes effect on its date")
    class RulebookChange {

        @Test
        @DisplayName("on 30 June 2025 (rulebook 2021.1) the standing committee of a district-level committee may reprimand a member of its đảng bộ")
        void districtStandingCommitteeUnder2021() {
            fixture.given(historyOf2025(ENTERPRISE_MEMBER))
                    .when(decide(BTV_DUK, LAST_DAY_OF_2021_1, 7, ballot(2, REPRIMAND, 5)))
                    .expectEvents(new DisciplineDecided(CASE, LAST_DAY_OF_2021_1, BTV_DUK, "QĐ 45-QĐ/KL", 7,
                            Map.of("REPRIMAND", 5, "NONE", 2), REPRIMAND, LAST_DAY_OF_2021_1, LAST_DAY_OF_2021_1,
                            "2021.1", List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, LocalDate.of(2025, 7, 30),
                                    "R-APPEAL", "2021.1"))));
        }

        @Test
        @DisplayName("on 1 July 2025 (rulebook 2025.1, no district level) the same standing committee, still standing, may not")
        void districtStandingCommitteeUnder2025() {
            fixture.given(historyOf2025(ENTERPRISE_MEMBER))
                    .when(decide(BTV_DUK, REFORM, 7, ballot(2, REPRIMAND, 5)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision", "2025.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("on 1 July 2025 the provincial standing committee may reprimand the same member")
        void provincialStandingCommitteeUnder2025() {
            fixture.given(historyOf2025(ENTERPRISE_MEMBER))
                    .when(decide(BTV_TU, REFORM, 15, ballot(5, REPRIMAND, 10)))
                    .expectEvents(new DisciplineDecided(CASE, REFORM, BTV_TU, "QĐ 45-QĐ/KL", 15,
                            Map.of("REPRIMAND", 10, "NONE", 5), REPRIMAND, REFORM, REFORM, "2025.1",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, LocalDate.of(2025, 8, 1), "R-APPEAL",
                                    "2025.1"))));
        }

        @Test
        @DisplayName("a body dissolved on 1 July 2025 decides nothing from that day (TREE-STANDING)")
        void dissolvedDistrict() {
            fixture.given(historyOf2025(MEMBER))
                    .when(decide(BTV_HU, REFORM, 11, ballot(3, REPRIMAND, 8)))
                    .expectException(violating("TREE-STANDING", "case.committee.notStanding"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the day before, the district standing committee above the commune could reprimand its member")
        void districtBeforeItsDissolution() {
            fixture.given(historyOf2025(MEMBER))
                    .when(decide(BTV_HU, LAST_DAY_OF_2021_1, 11, ballot(3, REPRIMAND, 8)))
                    .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
        }
    }

    @Nested
    @DisplayName("QĐ 296 art. 13: a committee member is dismissed by the standing committee directly above the highest committee they sit on")
    class DismissalOfCommitteeMembers {

        @Test
        @DisplayName("the deputy secretary of the commune committee is dismissed by the provincial standing committee (2025.1, carried into 2026.1)")
        void byTheProvincialStandingCommittee() {
            fixture.given(heardCase(COMMUNE_COMMITTEE_MEMBER))
                    .when(decide(BTV_TU, IN_2026, 15, ballot(5, DISMISSAL, 10)))
                    .expectEvents(new DisciplineDecided(CASE, IN_2026, BTV_TU, "QĐ 45-QĐ/KL", 15,
                            Map.of("DISMISSAL", 10, "NONE", 5), DISMISSAL, IN_2026, IN_2026, "2026.1",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW_2026, "R-APPEAL", "2026.1"))));
        }

        @Test
        @DisplayName("the provincial commission, which could dismiss lower committee members, may not dismiss them any more (2025.1, carried into 2026.1)")
        void notByTheProvincialCommission() {
            fixture.given(heardCase(COMMUNE_COMMITTEE_MEMBER))
                    .when(decide(UBKT_TU, IN_2026, 9, ballot(3, DISMISSAL, 6)))
                    .expectException(violating("R-COMPETENCE", "case.competence.dismissalOfCommitteeMember", "2026.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a member of the provincial committee is dismissed by the Politburo, the standing body above it (2025.1, carried into 2026.1)")
        void provincialCommitteeMemberByThePolitburo() {
            Subject.Member provincialMember = new Subject.Member("093012399", "Đỗ Văn Hải", Membership.OFFICIAL, CB1,
                    List.of(TU, XA), null, List.of("Phó Bí thư Tỉnh ủy"));
            fixture.given(heardCase(provincialMember))
                    .when(decide(BCT, IN_2026, 18, ballot(2, DISMISSAL, 16)))
                    .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
        }

        @Test
        @DisplayName("the provincial standing committee cannot dismiss a member of its own committee (2025.1, carried into 2026.1)")
        void provincialCommitteeMemberNotByTheProvince() {
            Subject.Member provincialMember = new Subject.Member("093012399", "Đỗ Văn Hải", Membership.OFFICIAL, CB1,
                    List.of(TU, XA), null, List.of("Phó Bí thư Tỉnh ủy"));
            fixture.given(heardCase(provincialMember))
                    .when(decide(BTV_TU, IN_2026, 15, ballot(2, DISMISSAL, 13)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision", "2026.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("before QĐ 296, on 30 June 2025 (2021.1), the provincial commission could dismiss the same member")
        void byTheProvincialCommissionUnder2021() {
            fixture.given(historyOf2025(COMMUNE_COMMITTEE_MEMBER))
                    .when(decide(UBKT_TU, LAST_DAY_OF_2021_1, 9, ballot(3, DISMISSAL, 6)))
                    .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
        }
    }

    @Nested
    @DisplayName("cells and departmental committees")
    class Cells {

        @Test
        @DisplayName("a cell may reprimand its own member")
        void cellReprimandsOwnMember() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(CB1, IN_2026, 15, ballot(5, REPRIMAND, 10)))
                    .expectEvents(new DisciplineDecided(CASE, IN_2026, CB1, "QĐ 45-QĐ/KL", 15,
                            Map.of("REPRIMAND", 10, "NONE", 5), REPRIMAND, IN_2026, IN_2026, "2026.1",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW_2026, "R-APPEAL", "2026.1"))));
        }

        @Test
        @DisplayName("a cell may not expel its own member, even with twelve of fifteen votes")
        void cellMayNotExpel() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(CB1, IN_2026, 15, ballot(3, EXPULSION, 12)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a cell may not reprimand a member of another cell")
        void cellMayNotReprimandOthers() {
            fixture.given(heardCase(HAMLET_MEMBER))
                    .when(decide(CB1, IN_2026, 15, ballot(5, REPRIMAND, 10)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a departmental committee decides nothing, not even a reprimand of a member below it")
        void departmentalCommitteeDecidesNothing() {
            fixture.given(heardCase(HAMLET_MEMBER))
                    .when(decide(DUBP, IN_2026, 7, ballot(1, REPRIMAND, 6)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the grassroots committee above it reprimands that member")
        void grassrootsCommitteeDecidesInstead() {
            fixture.given(heardCase(HAMLET_MEMBER))
                    .when(decide(XA, IN_2026, 19, ballot(5, REPRIMAND, 14)))
                    .expectEventsMatching(InspectionCaseTest.payloadTypes(DisciplineDecided.class));
        }
    }

    @Nested
    @DisplayName("R-FORMS: the forms a subject may receive")
    class Forms {

        @Test
        @DisplayName("a probationary member may not be expelled: a ballot with EXPULSION is refused")
        void probationaryNotExpelled() {
            fixture.given(heardCase(PROBATIONARY_MEMBER))
                    .when(decide(UBKT_TU, IN_2026, 9, ballot(2, EXPULSION, 7)))
                    .expectException(violating("R-FORMS", "case.forms.probationary", "2026.1"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a probationary member may be warned")
        void probationaryWarned() {
            fixture.given(heardCase(PROBATIONARY_MEMBER))
                    .when(decide(UBKT_TU, IN_2026, 9, ballot(2, WARNING, 7)))
                    .expectEvents(new DisciplineDecided(CASE, IN_2026, UBKT_TU, "QĐ 45-QĐ/KL", 9,
                            Map.of("WARNING", 7, "NONE", 2), WARNING, IN_2026, IN_2026, "2026.1",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW_2026, "R-APPEAL", "2026.1"))));
        }

        @Test
        @DisplayName("DISMISSAL of a member who holds no post is refused")
        void dismissalWithoutPost() {
            fixture.given(heardCase(MEMBER_WITHOUT_POST))
                    .when(proposeTo(TU, DISMISSAL))
                    .expectException(violating("R-FORMS", "case.forms.noPost"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("DISMISSAL of a member who holds a post may be proposed to the provincial committee")
        void dismissalWithPost() {
            fixture.given(heardCase(MEMBER))
                    .when(proposeTo(TU, DISMISSAL))
                    .expectEvents(new DisciplineProposed(CASE, PROPOSED_ON, DISMISSAL, CB1, TU, "Vi phạm tài chính",
                            Map.of(), "2026.1"));
        }

        @Test
        @DisplayName("DISSOLUTION is not a form for a member")
        void dissolutionOfAMember() {
            fixture.given(heardCase(MEMBER))
                    .when(decide(TU, IN_2026, 53, ballot(13, DISSOLUTION, 40)))
                    .expectException(violating("R-FORMS", "case.forms.member"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the provincial committee may dissolve the commune's organization directly under it")
        void dissolutionOfAnOrganization() {
            fixture.given(heardCase(new Subject.Organization(XA)))
                    .when(decide(TU, IN_2026, 53, ballot(13, DISSOLUTION, 40)))
                    .expectEvents(new DisciplineDecided(CASE, IN_2026, TU, "QĐ 45-QĐ/KL", 53,
                            Map.of("DISSOLUTION", 40, "NONE", 13), DISSOLUTION, IN_2026, IN_2026, "2026.1",
                            List.of(new Deadline(Deadline.Kind.APPEAL_WINDOW, WINDOW_2026, "R-APPEAL", "2026.1"))));
        }

        @Test
        @DisplayName("the provincial standing committee, which may reprimand or warn that organization, may not dissolve it")
        void dissolutionWhereNotCompetent() {
            fixture.given(heardCase(new Subject.Organization(XA)))
                    .when(decide(BTV_TU, IN_2026, 15, ballot(5, DISSOLUTION, 10)))
                    .expectException(violating("R-COMPETENCE", "case.competence.decision"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("EXPULSION is not a form for an organization")
        void expulsionOfAnOrganization() {
            fixture.given(heardCase(new Subject.Organization(XA)))
                    .when(decide(TU, IN_2026, 53, ballot(13, EXPULSION, 40)))
                    .expectException(violating("R-FORMS", "case.forms.organization"))
                    .expectNoEvents();
        }
    }

    private static ProposeDiscipline proposeTo(CommitteeId body, DisciplineForm form) {
        return new ProposeDiscipline(CASE, PROPOSED_ON, form, CB1, body, "Vi phạm tài chính", null, null);
    }

    /** A case of 2025: planned in May, concluded on 9 June, the subject heard on 16 June. */
    private static List<Object> historyOf2025(Subject subject) {
        return List.of(
                new CasePlanned(CASE, CaseType.INSPECTION_SIGNS_OF_VIOLATION, UBKT_TU, subject, "Nội dung", "KH 02",
                        LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 5), LocalDate.of(2025, 6, 30), CaseOrigin.NONE,
                        List.of()),
                new CaseOpened(CASE, LocalDate.of(2025, 5, 12), "QĐ 08", TEAM, LEAD.memberId()),
                new CaseConcluded(CASE, LocalDate.of(2025, 6, 9), "KL 02", Outcome.VIOLATION,
                        List.of(ViolationCategory.FINANCE_AND_ASSETS), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31), true, "Vi phạm tài chính", null),
                new SubjectHeard(CASE, LocalDate.of(2025, 6, 16), "Nhận khuyết điểm", null));
    }
}
