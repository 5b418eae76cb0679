package vn.ubkt.casework.query.forms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.query.admin.ProjectionAdmin;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.NotYetReadException;
import vn.ubkt.casework.query.platform.ReadDatabase;
import vn.ubkt.casework.query.platform.RefusedException;
import vn.ubkt.casework.query.statistics.Fact;
import vn.ubkt.casework.query.statistics.FactsQuery;
import vn.ubkt.casework.query.integrity.Checkpoints;
import vn.ubkt.casework.query.integrity.Ledger;
import vn.ubkt.casework.query.statistics.Perspective;

/**
 * Locking a period's figures once filed (chốt số liệu). The figures are computed from the record up to its head
 * (the statistics projection is waited for until it has handled every event appended before the lock), the workbook
 * is archived with that position, and every fact it counted is remembered: a step recorded later, in the period or on
 * a case the lock counted, is flagged as arriving after the lock. The position kept is the integrity log's signed
 * checkpoint ({@code SIGNED_CHECKPOINT}: tree size, root hash and the signed note), issued once the sealer has sealed
 * every event the figures were computed from; where the deployment signs no checkpoints (no key), or the sealer lags
 * more than a few seconds, the event store's head global index ({@code EVENT_STORE_HEAD}).
 */
@Component
class FormLocks {

    static final String STATISTICS = "statistics";
    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FormsQuery forms;
    private final FormDefinitions definitions;
    private final FactsQuery facts;
    private final ProjectionAdmin projections;

    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final ReadDatabase database;

    FormLocks(JdbcClient jdbc, FormsQuery forms, FormDefinitions definitions, FactsQuery facts, ProjectionAdmin projections,
              Ledger ledger, Checkpoints checkpoints, ReadDatabase database) {
        this.database = database;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.forms = forms;
        this.definitions = definitions;
        this.facts = facts;
        this.projections = projections;
    }

    record Checkpoint(String kind, long treeSize, String rootHash) {
    }

    /** The record's checkpoint covering every event up to {@code head}, with its signed note (null without one). */
    private record Position(Checkpoint checkpoint, String note) {
    }

    private Position position(long head) throws InterruptedException {
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (checkpoints.key().isPresent() && Instant.now().isBefore(deadline)) {
            Ledger.Status status = ledger.status();
            if (status.sealedThrough() != null && status.sealedThrough() >= head) {
                Optional<String> note = checkpoints.latest(true);
                if (note.isPresent()) {
                    String[] lines = note.get().split("\n");
                    return new Position(new Checkpoint("SIGNED_CHECKPOINT", Long.parseLong(lines[1]), lines[2]), note.get());
                }
                break;
            }
            Thread.sleep(100);
        }
        return new Position(new Checkpoint("EVENT_STORE_HEAD", head, null), null);
    }

    /** A step recorded after the lock that changes what the lock counted (or would count it now). */
    record LateFact(String kind, String id, String caseId, String step, LocalDate day, boolean inPeriod) {
    }

    record LockView(String id, String committeeId, String period, Scope scope, String perspective, List<String> forms,
                    String definitionsVersion, LocalDate from, LocalDate to, Instant lockedAt, String lockedBy,
                    Checkpoint checkpoint, String sha256, List<LateFact> arrivedAfterLock) {
    }

    record Locked(LockView lock, byte[] workbook) {
    }

    @Transactional
    Locked lock(String committeeId, FormPeriod period, Scope scope, Perspective perspective, String codes)
            throws InterruptedException {
        String perspectiveKey = perspective == null ? "DEFAULT" : perspective.name();
        Optional<LockView> existing = find(committeeId, period.code(), scope, perspectiveKey);
        if (existing.isPresent()) {
            throw RefusedException.conflict("forms.locked", committeeId, period.code(), scope, existing.get().lockedAt());
        }
        long head = projections.head();
        // the facts are read where read models are read: a replica must show what the projection wrote up to the head
        if (!projections.awaitPosition(STATISTICS, head, CATCH_UP) || !database.awaitReplay(CATCH_UP)) {
            throw new NotYetReadException(head, -1);
        }
        List<FormDefinitions.Form> selected = forms.select(codes);
        FormsQuery.FormsView view = forms.compute(committeeId, period, scope, perspective, selected);
        Instant lockedAt = Instant.now();
        String lockedBy = Actor.current().username();
        String footer = "Số liệu chốt lúc " + lockedAt + " bởi " + lockedBy + ", tính từ hồ sơ đến sự kiện số " + head
                + " (định nghĩa biểu " + definitions.version() + ").";
        byte[] workbook = FormWorkbook.write(view, footer);
        Position position = position(head);
        Set<String> counted = new LinkedHashSet<>();
        Set<String> cases = new LinkedHashSet<>();
        for (Perspective p : perspectivesOf(selected, perspective)) {
            for (Fact fact : facts.facts(committeeId, period.from(), period.to(), scope, p, java.util.EnumSet.allOf(Fact.Step.class))) {
                counted.add(key(fact));
                if (fact.caseId() != null) {
                    cases.add(fact.caseId());
                }
            }
        }
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(workbook);
        List<String> codesLocked = selected.stream().map(FormDefinitions.Form::code).toList();
        try {
            insert(id, committeeId, period, scope, perspectiveKey, codesLocked, lockedAt, lockedBy, position, workbook,
                    sha256, Map.of("view", view, "counted", counted, "cases", cases, "eventStoreHead", head,
                            "checkpointNote", position.note() == null ? "" : position.note()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another lock of the same period won the race
            throw RefusedException.conflict("forms.locked", committeeId, period.code(), scope, "—");
        }
        return new Locked(new LockView(id, committeeId, period.code(), scope, perspectiveKey, codesLocked,
                definitions.version(), period.from(), period.to(), lockedAt, lockedBy,
                position.checkpoint(), sha256, List.of()), workbook);
    }

    private void insert(String id, String committeeId, FormPeriod period, Scope scope, String perspectiveKey,
                        List<String> codesLocked, Instant lockedAt, String lockedBy, Position position, byte[] workbook,
                        String sha256, Map<String, Object> figures) {
        jdbc.sql("""
                insert into form_lock (id, committee_id, period, scope, perspective, forms, definitions, from_day, to_day,
                                       locked_at, locked_by, checkpoint_kind, tree_size, root_hash, workbook, sha256, figures)
                values (:id, :committee, :period, :scope, :perspective, :forms, :definitions, :from, :to, :at, :by,
                        :kind, :size, :root, :workbook, :sha, cast(:figures as jsonb))""")
                .param("id", id).param("committee", committeeId).param("period", period.code())
                .param("scope", scope.name()).param("perspective", perspectiveKey).param("forms", String.join(",", codesLocked))
                .param("definitions", definitions.version()).param("from", period.from()).param("to", period.to())
                .param("at", java.sql.Timestamp.from(lockedAt)).param("by", lockedBy)
                .param("kind", position.checkpoint().kind()).param("size", position.checkpoint().treeSize())
                .param("root", position.checkpoint().rootHash())
                .param("workbook", workbook).param("sha", sha256)
                .param("figures", JSON.writeValueAsString(figures))
                .update();
    }

    private List<Perspective> perspectivesOf(List<FormDefinitions.Form> selected, Perspective asked) {
        return selected.stream().map(f -> FormsQuery.perspectiveOf(f, asked)).distinct().toList();
    }

    Optional<LockView> find(String committeeId, String period, Scope scope, String perspective) {
        return jdbc.sql("select id from form_lock where committee_id = :c and period = :p and scope = :s and perspective = :v")
                .param("c", committeeId).param("p", period).param("s", scope.name()).param("v", perspective)
                .query(String.class).optional().map(this::view);
    }

    List<LockView> list(String committeeId) {
        return jdbc.sql("select id from form_lock where committee_id = :c order by locked_at").param("c", committeeId)
                .query(String.class).list().stream().map(this::view).toList();
    }

    /** A lock with what arrived after it; 404 when unknown or of another committee. */
    LockView view(String committeeId, String id) {
        LockView view = view(id);
        if (view == null || !view.committeeId().equals(committeeId)) {
            throw new NotFoundException("lock", id);
        }
        return view;
    }

    byte[] workbook(String committeeId, String id) {
        view(committeeId, id);
        return jdbc.sql("select workbook from form_lock where id = :id").param("id", id).query(byte[].class).single();
    }

    private LockView view(String id) {
        record Row(String committee, String period, String scope, String perspective, String forms, String definitions,
                   LocalDate from, LocalDate to, Instant at, String by, String kind, long treeSize, String rootHash,
                   String sha, String figures) {
        }
        Row row = jdbc.sql("""
                select committee_id, period, scope, perspective, forms, definitions, from_day, to_day, locked_at, locked_by,
                       checkpoint_kind, tree_size, root_hash, sha256, figures::text from form_lock where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11), rs.getLong(12),
                        rs.getString(13), rs.getString(14), rs.getString(15)))
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        JsonNode figures = JSON.readTree(row.figures());
        Set<String> counted = new HashSet<>();
        figures.get("counted").forEach(node -> counted.add(node.asString()));
        Set<String> cases = new LinkedHashSet<>();
        figures.get("cases").forEach(node -> cases.add(node.asString()));
        Scope scope = Scope.valueOf(row.scope());
        Perspective asked = row.perspective().equals("DEFAULT") ? null : Perspective.valueOf(row.perspective());
        List<FormDefinitions.Form> locked = new ArrayList<>();
        for (String code : row.forms().split(",")) {
            if (definitions.form(code) != null) {
                locked.add(definitions.form(code));
            }
        }
        List<LateFact> late = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Perspective p : perspectivesOf(locked, asked)) {
            for (Fact fact : facts.facts(row.committee(), row.from(), row.to(), scope, p, java.util.EnumSet.allOf(Fact.Step.class))) {
                if (!counted.contains(key(fact)) && seen.add(key(fact))) {
                    late.add(late(fact, true));
                }
            }
        }
        for (Fact fact : facts.factsOfCases(cases)) {
            if (!counted.contains(key(fact)) && seen.add(key(fact))) {
                late.add(late(fact, !fact.day().isBefore(row.from()) && !fact.day().isAfter(row.to())));
            }
        }
        return new LockView(id, row.committee(), row.period(), scope, row.perspective(), List.of(row.forms().split(",")),
                row.definitions(), row.from(), row.to(), row.at(), row.by(),
                new Checkpoint(row.kind(), row.treeSize(), row.rootHash()), row.sha(), late);
    }

    private static LateFact late(Fact fact, boolean inPeriod) {
        String kind = fact.step() == Fact.Step.SUSPENDED ? "SUSPENSION"
                : fact.step().name().startsWith("COMPLAINT_") ? "COMPLAINT" : "CASE";
        return new LateFact(kind, kind.equals("CASE") ? fact.caseId() : fact.aggregateId(), fact.caseId(),
                fact.step().name(), fact.day(), inPeriod);
    }

    private static String key(Fact fact) {
        return fact.aggregateId() + "#" + fact.sequence();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
