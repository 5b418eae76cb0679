package vn.ubkt.casework.command.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ubkt.casework.events.cases.DisciplineForm.WARNING;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ubkt.casework.command.cases.CaseCommands.CloseCase;
import vn.ubkt.casework.command.cases.CaseCommands.ConcludeCase;
import vn.ubkt.casework.command.cases.CaseCommands.FileAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.HearSubject;
import vn.ubkt.casework.command.cases.CaseCommands.OpenCase;
import vn.ubkt.casework.command.cases.CaseCommands.PostponeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.ProposeDiscipline;
import vn.ubkt.casework.command.cases.CaseCommands.RecordExplanation;
import vn.ubkt.casework.command.cases.CaseCommands.RecordFindings;
import vn.ubkt.casework.command.cases.CaseCommands.ResolveAppeal;
import vn.ubkt.casework.command.cases.CaseCommands.TransferCase;
import vn.ubkt.casework.command.cases.CaseCommands.WithdrawCase;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.AppealResolved;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.CaseWithdrawn;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplinePostponed;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.Evidence;
import vn.ubkt.casework.events.cases.ExplanationRecorded;
import vn.ubkt.casework.events.cases.FindingsRecorded;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.ViolationCategory;

/**
 * Every (status, step) pair: a case is brought into each status by given events, then each of the thirteen steps
 * is tried with a command that every other rule accepts. Only the pairs the table below allows succeed; every
 * other pair is refused by the status guard ({@code case.status}), except deciding discipline once it has been
 * decided, which R-ONCE refuses. The table is written here by hand from DOMAIN.md "Lifecycle", not read from
 * {@link CaseStatus}.
 */
class CaseStatusTransitionsTest extends CaseTestBase {

    /**
     * Which step each status allows ({@code x}). Withdrawal only before conclusion; transfer until the case ends;
     * discipline decided once; an appeal only while a decision stands; nothing after closing, withdrawing or
     * escalating.
     */
    private static final String TABLE = """
            status               OPEN EXPLAIN FINDINGS CONCLUDE HEAR PROPOSE DECIDE POSTPONE APPEAL RESOLVE TRANSFER WITHDRAW CLOSE
            PLANNED               x    .       .        .        .    .       .      .        .      .       x        x        .
            OPEN                  .    x       x        x        .    .       .      .        .      .       x        x        .
            CONCLUDED             .    .       .        .        x    x       x      x        .      .       x        .        x
            DISCIPLINE_PROPOSED   .    .       .        .        x    x       x      x        .      .       x        .        .
            DECIDED               .    .       .        .        .    .       .      .        x      .       x        .        x
            APPEALED              .    .       .        .        .    .       .      .        .      x       x        .        .
            CLOSED                .    .       .        .        .    .       .      .        .      .       .        .        .
            WITHDRAWN             .    .       .        .        .    .       .      .        .      .       .        .        .
            ESCALATED             .    .       .        .        .    .       .      .        .      .       .        .        .
            """;

    /** The steps in the table's column order. */
    private static final List<CaseStep> COLUMNS = List.of(CaseStep.OPEN, CaseStep.RECORD_EXPLANATION,
            CaseStep.RECORD_FINDINGS, CaseStep.CONCLUDE, CaseStep.HEAR, CaseStep.PROPOSE_DISCIPLINE,
            CaseStep.DECIDE_DISCIPLINE, CaseStep.POSTPONE, CaseStep.APPEAL, CaseStep.RESOLVE_APPEAL, CaseStep.TRANSFER,
            CaseStep.WITHDRAW, CaseStep.CLOSE);

    /** Every step is tried on this day: after every step of every history below, and before today. */
    private static final LocalDate STEP_ON = LocalDate.of(2026, 10, 5);

    private static Map<CaseStatus, Set<CaseStep>> expectedTable() {
        Map<CaseStatus, Set<CaseStep>> table = new EnumMap<>(CaseStatus.class);
        List<String> lines = TABLE.lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length != COLUMNS.size() + 1) {
                throw new IllegalStateException("a row of the table has " + cells.length + " cells: " + line);
            }
            Set<CaseStep> allowed = EnumSet.noneOf(CaseStep.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (cells[i + 1].equals("x")) {
                    allowed.add(COLUMNS.get(i));
                }
            }
            table.put(CaseStatus.valueOf(cells[0]), allowed);
        }
        return table;
    }

    static Stream<Arguments> everyStatusAndStep() {
        Map<CaseStatus, Set<CaseStep>> table = expectedTable();
        List<Arguments> pairs = new ArrayList<>();
        table.forEach((status, allowed) -> COLUMNS.forEach(step ->
                pairs.add(Arguments.of(status, step, allowed.contains(step)))));
        return pairs.stream();
    }

    @Test
    @DisplayName("the table covers every status and every step, once each")
    void tableIsComplete() {
        assertThat(expectedTable().keySet()).containsExactlyInAnyOrder(CaseStatus.values());
        assertThat(COLUMNS).containsExactlyInAnyOrder(CaseStep.values()).doesNotHaveDuplicates();
        assertThat(everyStatusAndStep()).hasSize(9 * 13);
    }

    @ParameterizedTest(name = "{0} + {1}: allowed {2}")
    @MethodSource("everyStatusAndStep")
    @DisplayName("in each status only the steps of the table pass; the others are refused because of the status")
    void onlyTheAllowedStepsPass(CaseStatus status, CaseStep step, boolean allowed) {
        var result = fixture.given(history(status, step)).when(command(step));
        if (allowed) {
            result.expectSuccessfulHandlerExecution()
                    .expectEventsMatching(firstPayloadIs(eventOf(step)));
        } else if (step == CaseStep.DECIDE_DISCIPLINE
                && (status == CaseStatus.DECIDED || status == CaseStatus.APPEALED)) {
            result.expectException(violating("R-ONCE", "case.once.alreadyDecided")).expectNoEvents();
        } else {
            result.expectException(refusedInStatus(status.name())).expectNoEvents();
        }
    }

    /**
     * A history that leaves the case in {@code status}. A concluded case warrants discipline and its subject was
     * heard, so that proposing and deciding can pass — except for closing, which is refused while discipline is
     * pending (tested on its own in {@link InspectionCaseTest}), so closing a concluded case is tried on a
     * conclusion that warrants none.
     */
    private static List<Object> history(CaseStatus status, CaseStep step) {
        return switch (status) {
            case PLANNED -> List.of(planned(MEMBER));
            case OPEN -> openCase(MEMBER);
            case CONCLUDED -> step == CaseStep.CLOSE
                    ? List.of(planned(MEMBER), opened(), concluded(false))
                    : heardCase(MEMBER);
            case DISCIPLINE_PROPOSED -> plus(heardCase(MEMBER), proposed(WARNING));
            case DECIDED -> decidedCase(MEMBER, WARNING, UBKT_TU);
            case APPEALED -> plus(decidedCase(MEMBER, WARNING, UBKT_TU), appealFiled());
            case CLOSED -> plus(decidedCase(MEMBER, WARNING, UBKT_TU),
                    new CaseClosed(CASE, LocalDate.of(2026, 7, 1)));
            case WITHDRAWN -> List.of(planned(MEMBER),
                    new CaseWithdrawn(CASE, LocalDate.of(2026, 2, 9), "Trùng kế hoạch"));
            case ESCALATED -> List.of(planned(CaseType.SUPERVISION_THEMATIC, MEMBER), opened(),
                    new CaseConcluded(CASE, CONCLUDED_ON, "KL 03-KL/UBKT", Outcome.SIGNS_OF_VIOLATION, List.of(), null,
                            null, false, "Có dấu hiệu vi phạm", null),
                    new CaseEscalated(CASE, CONCLUDED_ON, CaseId.of("KT-2026-018")));
        };
    }

    /** A command for the step that passes every rule but the status guard. */
    private static Object command(CaseStep step) {
        return switch (step) {
            case OPEN -> new OpenCase(CASE, STEP_ON, "QĐ 12-QĐ/UBKT", TEAM, LEAD.memberId());
            case RECORD_EXPLANATION -> new RecordExplanation(CASE, STEP_ON, "Báo cáo giải trình");
            case RECORD_FINDINGS -> new RecordFindings(CASE, STEP_ON, "Biên bản xác minh",
                    List.of(new Evidence("BB-07", null)));
            case CONCLUDE -> new ConcludeCase(CASE, STEP_ON, "KL 03-KL/UBKT", Outcome.VIOLATION,
                    List.of(ViolationCategory.FINANCE_AND_ASSETS), VIOLATION_FROM, VIOLATION_TO, true, "Vi phạm", null,
                    null, null);
            case HEAR -> new HearSubject(CASE, STEP_ON, "Nhận khuyết điểm", null);
            case PROPOSE_DISCIPLINE -> new ProposeDiscipline(CASE, STEP_ON, WARNING, CB1, UBKT_TU, "Vi phạm tài chính",
                    null, null);
            case DECIDE_DISCIPLINE -> decide(UBKT_TU, STEP_ON, 9, ballot(3, WARNING, 6));
            case POSTPONE -> new PostponeDiscipline(CASE, STEP_ON, PostponementReason.INPATIENT_TREATMENT,
                    "Điều trị nội trú");
            case APPEAL -> new FileAppeal(CASE, STEP_ON, LocalDate.of(2026, 9, 10), "Hình thức quá nặng");
            case RESOLVE_APPEAL -> new ResolveAppeal(CASE, STEP_ON, TU, "QĐ 99-QĐ/TU", AppealResult.UPHELD, null);
            case TRANSFER -> new TransferCase(CASE, STEP_ON, BTV_TU, "Theo thẩm quyền", null);
            case WITHDRAW -> new WithdrawCase(CASE, STEP_ON, "Đối tượng đã chuyển sinh hoạt");
            case CLOSE -> new CloseCase(CASE, STEP_ON);
        };
    }

    private static Class<?> eventOf(CaseStep step) {
        return switch (step) {
            case OPEN -> CaseOpened.class;
            case RECORD_EXPLANATION -> ExplanationRecorded.class;
            case RECORD_FINDINGS -> FindingsRecorded.class;
            case CONCLUDE -> CaseConcluded.class;
            case HEAR -> SubjectHeard.class;
            case PROPOSE_DISCIPLINE -> DisciplineProposed.class;
            case DECIDE_DISCIPLINE -> DisciplineDecided.class;
            case POSTPONE -> DisciplinePostponed.class;
            case APPEAL -> AppealFiled.class;
            case RESOLVE_APPEAL -> AppealResolved.class;
            case TRANSFER -> CaseTransferred.class;
            case WITHDRAW -> CaseWithdrawn.class;
            case CLOSE -> CaseClosed.class;
        };
    }

    /** Exactly one event is published, of the step's type. */
    private static org.hamcrest.Matcher<List<EventMessage<?>>> firstPayloadIs(Class<?> type) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                if (events.size() != 1 || !type.isInstance(events.get(0).getPayload())) {
                    mismatch.appendText("the events were ").appendValue(Arrays.toString(
                            events.stream().map(EventMessage::getPayloadType).map(Class::getSimpleName).toArray()));
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one " + type.getSimpleName());
            }
        };
    }
}
