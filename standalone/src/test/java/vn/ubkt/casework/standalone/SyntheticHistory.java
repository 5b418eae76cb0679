package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * A large, realistic history for rebuilds and benchmarks: a province's tree registered through the API,
 * then case histories (plan, open, conclude, hear, decide) appended to the event store in batches, as the
 * command side would have stored them. The rules are not what is measured here, the read side is.
 */
final class SyntheticHistory {

    static final int DISTRICTS = 8;
    static final int COMMUNES_PER_DISTRICT = 10;
    private static final CaseType[] TYPES = {CaseType.INSPECTION_SIGNS_OF_VIOLATION, CaseType.INSPECTION_TASK_PERFORMANCE,
            CaseType.SUPERVISION_THEMATIC, CaseType.SUPERVISION_REGULAR};
    private static final ViolationCategory[] CATEGORIES = ViolationCategory.values();

    private final RunningApp app;
    private final Random random = new Random(20191231L);
    /** The next case number: a later call appends new cases, never a second history for the same ones. */
    private int nextCase;

    SyntheticHistory(RunningApp app) {
        this.app = app;
    }

    void registerTree() {
        CaseworkScenario tree = new CaseworkScenario(app);
        tree.committee("S-TU", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", null, 65);
        for (int d = 0; d < DISTRICTS; d++) {
            tree.committee("S-HU" + d, "Huyện ủy số " + d, "PARTY_COMMITTEE", "DISTRICT", "S-TU", 35);
            tree.committee("S-UBKT" + d, "UBKT Huyện ủy số " + d, "INSPECTION_COMMISSION", "DISTRICT", "S-HU" + d, 9);
            for (int c = 0; c < COMMUNES_PER_DISTRICT; c++) {
                tree.committee("S-XA" + d + "-" + c, "Đảng ủy xã " + d + "-" + c, "GRASSROOTS_COMMITTEE", "GRASSROOTS",
                        "S-HU" + d, 15);
                tree.committee("S-CB" + d + "-" + c, "Chi bộ thôn " + d + "-" + c, "CELL", "CELL", "S-XA" + d + "-" + c, 20);
            }
        }
    }

    /** Appends case histories (three to five events each) until at least {@code events} events; answers how many. */
    long appendCases(int events) {
        EventStore store = app.context.getBean(EventStore.class);
        TransactionTemplate transactions = new TransactionTemplate(app.context.getBean(PlatformTransactionManager.class));
        long appended = 0;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (; appended + batch.size() < events; nextCase++) {
            batch.addAll(oneCase(nextCase));
            if (batch.size() >= 1000 || appended + batch.size() >= events) {
                List<GenericDomainEventMessage<?>> toAppend = List.copyOf(batch);
                transactions.executeWithoutResult(status -> store.publish(toAppend));
                appended += toAppend.size();
                batch.clear();
            }
        }
        return appended;
    }

    private List<GenericDomainEventMessage<?>> oneCase(int i) {
        int district = random.nextInt(DISTRICTS);
        int commune = random.nextInt(COMMUNES_PER_DISTRICT);
        CaseId id = CaseId.of("S-CASE-" + i);
        CommitteeId committee = CommitteeId.of("S-UBKT" + district);
        CommitteeId cell = CommitteeId.of("S-CB" + district + "-" + commune);
        Subject subject = new Subject.Member("S-DV-" + i, "Đảng viên số " + i, Membership.OFFICIAL, cell, List.of(), null,
                List.of());
        CaseType type = TYPES[random.nextInt(TYPES.length)];
        LocalDate planned = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean supervision = type.group() == CaseType.Group.SUPERVISION;
        Outcome outcome = supervision ? Outcome.SHORTCOMING : random.nextInt(3) == 0 ? Outcome.NO_VIOLATION : Outcome.VIOLATION;
        boolean discipline = outcome == Outcome.VIOLATION;
        List<Object> events = new ArrayList<>();
        events.add(new CasePlanned(id, type, committee, subject, "Nội dung kiểm tra số " + i, "KH-" + i, planned,
                planned.plusDays(5), planned.plusDays(60), CaseOrigin.NONE, List.of()));
        events.add(new CaseOpened(id, planned.plusDays(5), "QĐ-" + i, List.of(new TeamMember("KT-1", "Phạm Thị Hà")), "KT-1"));
        events.add(new CaseConcluded(id, planned.plusDays(40), "KL-" + i, outcome,
                discipline ? List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]) : List.of(), null,
                planned.minusMonths(2), discipline, "Kết luận số " + i, null));
        if (discipline) {
            DisciplineForm form = random.nextBoolean() ? DisciplineForm.REPRIMAND : DisciplineForm.WARNING;
            events.add(new SubjectHeard(id, planned.plusDays(42), "Nhận khuyết điểm", null));
            events.add(new DisciplineDecided(id, planned.plusDays(45), committee, "QĐKL-" + i, 9,
                    Map.of(form.name(), 7, "NONE", 2), form, planned.plusDays(46), planned.plusDays(46), "2021.1", List.of()));
        }
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>("InspectionCase", id.value(), seq, events.get(seq),
                    MetaData.with("actor", "generator").and("correlationId", "synthetic-" + i)));
        }
        return messages;
    }

    /** The last rebuild of a projection as {@code GET /api/admin/projections} shows it (null before any). */
    /**
     * Starts a rebuild of the projection (202), waits until it is done or has failed, and answers it as
     * {@code /api/admin/projections} shows it.
     */
    static tools.jackson.databind.JsonNode rebuilt(Http http, String projection) {
        Http.Response accepted = http.post("/api/admin/projections/" + projection + "/rebuild", "");
        org.assertj.core.api.Assertions.assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() ->
                lastRebuild(http, projection).get("status").asString().matches("DONE|FAILED"));
        return lastRebuild(http, projection);
    }

    static tools.jackson.databind.JsonNode lastRebuild(Http http, String projection) {
        for (tools.jackson.databind.JsonNode view : http.get("/api/admin/projections").json()) {
            if (view.get("name").asString().equals(projection)) {
                return view.get("lastRebuild");
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    static void awaitCaughtUp(RunningApp app) {
        awaitCaughtUp(app, java.time.Duration.ofMinutes(10));
    }

    /** Waits, at most {@code atMost}, until every live projection has handled every event of the store. */
    static void awaitCaughtUp(RunningApp app, java.time.Duration atMost) {
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    Http.Response response = app.http.get("/api/admin/projections");
                    assertThat(response.status()).isEqualTo(200);
                    for (var projection : response.json()) {
                        if (projection.get("lag").isNull() || projection.get("lag").asLong() != 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
