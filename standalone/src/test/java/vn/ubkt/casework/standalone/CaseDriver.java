package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Drives cases through the public API in as few calls as the rules allow, on top of {@link CaseworkScenario}:
 * an inspection is planned and opened (two calls, counted as inspected on its opening date); a discipline is
 * planned, opened, concluded as a VIOLATION that warrants discipline, heard, and decided by a ballot that passes
 * exactly the intended form (five calls). The competence of the deciding body is the caller's choice; the
 * command side judges it, and any refusal fails the test with the problem it answered.
 */
final class CaseDriver {

    /** The read models the statistics, case lists and tree are served from. */
    static final List<String> PROJECTIONS = List.of("committee-tree", "case-detail", "statistics");

    final CaseworkScenario scenario;
    final Http http;
    private final AtomicInteger references = new AtomicInteger();

    CaseDriver(CaseworkScenario scenario) {
        this.scenario = scenario;
        this.http = scenario.http;
    }

    // ---------------------------------------------------------------- the tree

    /** Registers a node, optionally with the date it was established on. */
    void committee(String id, String name, String kind, String level, String parentId, Integer votingMembers,
                   String establishedOn) {
        String body = """
                {"id": "%s", "name": "%s", "kind": "%s", "level": "%s"%s%s%s}""".formatted(id, name, kind, level,
                parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"",
                votingMembers == null ? "" : ", \"votingMembers\": " + votingMembers,
                establishedOn == null ? "" : ", \"establishedOn\": \"" + establishedOn + "\"");
        Http.Response response = http.post("/api/committees", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    void move(String id, String movedOn, String parentId) {
        Http.Response response = http.post("/api/committees/" + id + "/move", """
                {"movedOn": "%s", "parentId": "%s"}""".formatted(movedOn, parentId));
        assertThat(response.status()).as("move " + id + ": " + response).isEqualTo(200);
    }

    void dissolve(String id, String dissolvedOn, String successorId, String reason) {
        Http.Response response = http.post("/api/committees/" + id + "/dissolve", """
                {"dissolvedOn": "%s", %s "reason": "%s"}""".formatted(dissolvedOn,
                successorId == null ? "" : "\"successorId\": \"" + successorId + "\",", reason));
        assertThat(response.status()).as("dissolve " + id + ": " + response).isEqualTo(200);
    }

    // ---------------------------------------------------------------- subjects

    static String organization(String organizationId) {
        return """
                {"type": "ORGANIZATION", "organizationId": "%s"}""".formatted(organizationId);
    }

    /** An official member who sits on no committee, holds no post and is nobody's cadre. */
    static String member(String memberId, String fullName, String organizationId) {
        return CaseworkScenario.ordinaryMember(memberId, fullName, "OFFICIAL", organizationId);
    }

    /** An official member who sits on committees and holds a post (the subject of a DISMISSAL). */
    static String cadre(String memberId, String fullName, String organizationId, List<String> committeeMemberOf,
                        String managedByCommitteeId, String post) {
        return """
                {"type": "MEMBER", "memberId": "%s", "fullName": "%s", "membership": "OFFICIAL", "organizationId": "%s",
                 "committeeMemberOf": [%s], %s "posts": ["%s"]}""".formatted(memberId, fullName, organizationId,
                committeeMemberOf.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")),
                managedByCommitteeId == null ? "" : "\"managedByCommitteeId\": \"" + managedByCommitteeId + "\",", post);
    }

    // ---------------------------------------------------------------- inspections and supervisions

    /** Plans a case a week before {@code openedOn} and opens it: counted as inspected or supervised on that day. */
    String open(String type, String committeeId, String subject, String content, LocalDate openedOn) {
        int n = references.incrementAndGet();
        String caseId = scenario.plan(type, committeeId, subject, content, "KH " + n + "-KH/" + committeeId,
                openedOn.minusDays(7).toString(), openedOn.toString(), openedOn.plusMonths(2).toString());
        scenario.step(caseId, "open", CaseworkScenario.openBody(openedOn.toString(), "QĐ " + n + "-QĐ/" + committeeId),
                "OPEN", 1);
        return caseId;
    }

    // ---------------------------------------------------------------- discipline

    /**
     * One discipline to drive to its decision. The case is planned and opened by {@code committeeId}, concluded
     * (with {@code categories}) six days before the decision, the subject heard three days before it, and the
     * decision announced and effective two days after it.
     */
    record Discipline(String type, String committeeId, String subject, String content, LocalDate openedOn,
                      String decidingCommitteeId, int eligibleVoters, String form, LocalDate decidedOn,
                      List<String> categories) {

        Discipline {
            assertThat(eligibleVoters).as("a ballot that passes one form needs three voters or more").isGreaterThanOrEqualTo(3);
            assertThat(openedOn).isBeforeOrEqualTo(decidedOn.minusDays(6));
        }

        /** An inspection on signs of violation opened by the deciding body itself, 40 days before the decision. */
        static Discipline by(String decidingCommitteeId, int eligibleVoters, String subject, String form,
                             LocalDate decidedOn, String... categories) {
            return new Discipline("INSPECTION_SIGNS_OF_VIOLATION", decidingCommitteeId, subject,
                    "Kiểm tra khi có dấu hiệu vi phạm", decidedOn.minusDays(40), decidingCommitteeId, eligibleVoters,
                    form, decidedOn, List.of(categories));
        }

        /** The ballot: every voter but one for the form (more than half, and two thirds for an expulsion). */
        String ballot() {
            return "{\"%s\": %d, \"NONE\": 1}".formatted(form, eligibleVoters - 1);
        }
    }

    /** Drives one case to its decision in five calls and answers the case id. */
    String discipline(Discipline d) {
        int n = references.incrementAndGet();
        LocalDate concludedOn = max(d.openedOn(), d.decidedOn().minusDays(6));
        LocalDate heardOn = max(concludedOn, d.decidedOn().minusDays(3));
        String caseId = scenario.plan(d.type(), d.committeeId(), d.subject(), d.content(),
                "KH " + n + "-KH/" + d.committeeId(), d.openedOn().minusDays(7).toString(), d.openedOn().toString(),
                d.openedOn().plusMonths(2).toString());
        scenario.step(caseId, "open", CaseworkScenario.openBody(d.openedOn().toString(), "QĐ " + n + "-QĐ/KT"),
                "OPEN", 1);
        scenario.step(caseId, "conclude", """
                {"concludedOn": "%s", "conclusionRef": "Thông báo kết luận số %d-TB/KT", "outcome": "VIOLATION",
                 "violationCategories": [%s], "violationFrom": "%s", "violationTo": "%s", "disciplineWarranted": true,
                 "summary": "Vi phạm, đến mức phải xem xét thi hành kỷ luật"}""".formatted(concludedOn, n,
                d.categories().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")),
                concludedOn.minusYears(1), concludedOn.minusMonths(1)), "CONCLUDED", 2);
        scenario.step(caseId, "hearing", """
                {"heardOn": "%s", "statement": "Tôi nhận khuyết điểm, vi phạm và nghiêm túc kiểm điểm"}""".formatted(heardOn),
                "CONCLUDED", 3);
        JsonNode decided = scenario.step(caseId, "discipline-decisions", """
                {"decidedOn": "%s", "decidingCommitteeId": "%s", "decisionRef": "QĐ %d-QĐ/KL", "eligibleVoters": %d,
                 "ballot": %s, "announcedOn": "%s", "effectiveOn": "%s"}""".formatted(d.decidedOn(),
                d.decidingCommitteeId(), n, d.eligibleVoters(), d.ballot(), d.decidedOn().plusDays(2),
                d.decidedOn()), "DECIDED", 4);
        assertThat(decided.get("outcome").asString()).as(d.toString()).isEqualTo("IMPOSED");
        assertThat(decided.get("form").asString()).as(d.toString()).isEqualTo(d.form());
        return caseId;
    }

    /** Drives many disciplines at once (each case's own steps stay in order) and answers their case ids. */
    List<String> disciplineAll(List<Discipline> disciplines) {
        return inParallel(disciplines, this::discipline);
    }

    static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- reads

    JsonNode statistics(String committeeId, String from, String to, String scope, String perspective) {
        Http.Response response = http.get("/api/committees/" + committeeId + "/statistics?from=" + from + "&to=" + to
                + "&scope=" + scope + "&perspective=" + perspective);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The discipline of members by form, and its total: {REPRIMAND, WARNING, DISMISSAL, EXPULSION, total}. */
    static Map<String, Integer> members(JsonNode statistics) {
        return counts(statistics.get("disciplined").get("members"));
    }

    /** The discipline of organizations by form, and its total: {REPRIMAND, WARNING, DISSOLUTION, total}. */
    static Map<String, Integer> organizations(JsonNode statistics) {
        return counts(statistics.get("disciplined").get("organizations"));
    }

    static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        object.propertyNames().forEach(name -> counts.put(name, object.get(name).asInt()));
        return counts;
    }

    /** The byDecidingCommittee rows by committee id. */
    static Map<String, JsonNode> byDecider(JsonNode statistics) {
        Map<String, JsonNode> rows = new java.util.LinkedHashMap<>();
        statistics.get("disciplined").get("byDecidingCommittee").forEach(row -> rows.put(row.get("committeeId").asString(), row));
        return rows;
    }

    // ---------------------------------------------------------------- projections

    /** Waits until every streaming processor has handled every event now in the store. */
    void awaitProjections() {
        awaitCaughtUp(scenario.app, head(scenario.app));
    }

    static long head(RunningApp app) {
        return app.jdbc().sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }

    static void awaitCaughtUp(RunningApp app, long head) {
        EventProcessingConfiguration processing = app.context.getBean(EventProcessingConfiguration.class);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    processing.eventProcessors().values().stream()
                            .filter(StreamingEventProcessor.class::isInstance)
                            .map(StreamingEventProcessor.class::cast)
                            .allMatch(processor -> caughtUp(processor, head)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder status = new StringBuilder("processors not caught up with " + head + ":");
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    status.append("\n  ").append(name).append(" running=").append(streaming.isRunning())
                            .append(" ").append(streaming.processingStatus());
                }
            });
            throw new AssertionError(status.toString(), e);
        }
    }

    /**
     * Every segment has handled the event at {@code head}. (A segment that was reset stays "replaying" until it
     * sees an event beyond its reset position, which is how Axon's ReplayToken works: not a condition here.)
     */
    static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return processor.isRunning() && !status.isEmpty() && status.values().stream().allMatch(segment ->
                !segment.isErrorState() && segment.isCaughtUp() && segment.getCurrentPosition().orElse(-1) >= head);
    }
}
