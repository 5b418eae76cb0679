package vn.ubkt.casework.query.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ubkt.casework.query.admin.ProjectionAdmin;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.integrity.Checkpoints;
import vn.ubkt.casework.query.integrity.Ledger;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.statistics.StatisticsQuery;

/**
 * Reports kept with the checkpoint they were computed at, and recomputed from exactly the first {@code treeSize}
 * events of the log. Both the archived bytes and the verification come from the same path: the read models a report
 * reads (the committee tree and the statistics) are replayed from the event store, up to the event sealed as leaf
 * {@code treeSize - 1}, into tables of a scratch schema, and the report is written from those. The live tables are
 * never read, so later events, rebuilds or a changed read model cannot change what a report of the past says.
 *
 * <p>The replay is the rebuild machinery's own ({@link ProjectionAdmin#replayInto}), so a report of the past is computed
 * by the same handlers, in the same batches, as a rebuilt read model.
 */
@Component
class ArchivedReports {

    /** The read models a report reads, by their processors' names (API.md, "Operations"). */
    private static final List<String> READ_MODELS = List.of("committee-tree", "statistics");

    private final ProjectionAdmin projections;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final Reports reports;

    ArchivedReports(ProjectionAdmin projections, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                    Ledger ledger, Checkpoints checkpoints, Reports reports) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.reports = reports;
    }

    record Request(String committeeId, LocalDate from, LocalDate to, Scope scope, Perspective perspective, String lang) {
    }

    record Archived(String reportId, long treeSize, String rootHash, String sha256, String checkpoint, Request request,
                    String archivedBy, Instant archivedAt, byte[] content) {
    }

    record Verification(String reportId, boolean identical, long treeSize, String rootHash, boolean logUnchanged,
                        String sha256, String recomputedSha256, long replayedEvents) {
    }

    /** Archives the report as of everything sealed now. */
    Archived archive(Request request, String actor) {
        if (request.to().isBefore(request.from())) {
            throw new IllegalArgumentException("to must not be before from");
        }
        Optional<String> checkpoint = checkpoints.latest(true);
        long treeSize = checkpoint.map(note -> Long.parseLong(note.split("\n")[1])).orElseGet(ledger::size);
        byte[] root = ledger.root(treeSize);
        Recomputed recomputed = recompute(request, treeSize);
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(recomputed.content());
        jdbc.sql("""
                insert into archived_report (report_id, committee_id, from_date, to_date, scope, perspective, lang,
                    tree_size, root_hash, checkpoint, sha256, content, media_type, archived_by)
                values (:id, :committee, :from, :to, :scope, :perspective, :lang, :size, :root, :checkpoint, :sha, :content,
                    'text/plain;charset=UTF-8', :by)""")
                .param("id", id).param("committee", request.committeeId()).param("from", request.from())
                .param("to", request.to()).param("scope", request.scope().name())
                .param("perspective", request.perspective().name()).param("lang", request.lang())
                .param("size", treeSize).param("root", root).param("checkpoint", checkpoint.orElse(null))
                .param("sha", sha256).param("content", recomputed.content()).param("by", actor).update();
        return find(id).orElseThrow();
    }

    Optional<Archived> find(String reportId) {
        return jdbc.sql("""
                select report_id, committee_id, from_date, to_date, scope, perspective, lang, tree_size, root_hash,
                       checkpoint, sha256, content, archived_by, archived_at
                from archived_report where report_id = ?""").param(reportId)
                .query((rs, n) -> new Archived(rs.getString(1), rs.getLong(8), base64(rs.getBytes(9)), rs.getString(11),
                        rs.getString(10), new Request(rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), Scope.valueOf(rs.getString(5)),
                        Perspective.valueOf(rs.getString(6)), rs.getString(7)), rs.getString(13),
                        rs.getObject(14, OffsetDateTime.class).toInstant(), rs.getBytes(12)))
                .optional();
    }

    /** Recomputes the report from the first {@code treeSize} events of the log and compares it byte for byte. */
    Verification verify(Archived archived) {
        Recomputed recomputed = recompute(archived.request(), archived.treeSize());
        String recomputedSha = sha256(recomputed.content());
        boolean logUnchanged = archived.treeSize() <= ledger.size()
                && base64(ledger.root(archived.treeSize())).equals(archived.rootHash());
        return new Verification(archived.reportId(), MessageDigest.isEqual(recomputed.content(), archived.content()),
                archived.treeSize(), archived.rootHash(), logUnchanged, archived.sha256(), recomputedSha,
                recomputed.events());
    }

    private record Recomputed(byte[] content, long events) {
    }

    private Recomputed recompute(Request request, long treeSize) {
        long through = treeSize == 0 ? 0 : ledger.globalIndexOf(treeSize - 1)
                .orElseThrow(() -> new IllegalStateException("the log has no leaf " + (treeSize - 1)));
        String schema = "archive_" + UUID.randomUUID().toString().replace("-", "");
        try {
            long events = projections.replayInto(schema, through, READ_MODELS);
            byte[] content = transactions.execute(status -> {
                jdbc.sql("set local search_path to " + schema + ", public").update();
                CommitteeTree tree = CommitteeTree.over(jdbc);
                if (!tree.exists(request.committeeId())) {
                    throw new NotFoundException("committee", request.committeeId());
                }
                return reports.report(StatisticsQuery.over(jdbc, tree), tree, request.committeeId(), request.from(),
                        request.to(), request.scope(), request.perspective(), Locale.forLanguageTag(request.lang()))
                        .asText().getBytes(StandardCharsets.UTF_8);
            });
            return new Recomputed(content, events);
        } finally {
            transactions.executeWithoutResult(status -> jdbc.sql("drop schema if exists " + schema + " cascade").update());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
