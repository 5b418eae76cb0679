package vn.ubkt.casework.query.complaints;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.complaints.ComplaintAccepted;
import vn.ubkt.casework.events.complaints.ComplaintDismissed;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.complaints.DenouncerIdentityErased;
import vn.ubkt.casework.events.complaints.IdentityRevealApproved;
import vn.ubkt.casework.events.complaints.IdentityRevealDenied;
import vn.ubkt.casework.events.complaints.IdentityRevealRequested;
import vn.ubkt.casework.query.platform.LiveUpdates;

/**
 * The intake register and the requests to reveal a denouncer (without the identity); idempotent by the version each
 * row records.
 */
@Component
@ProcessingGroup(ComplaintProjection.NAME)
class ComplaintProjection {

    static final String NAME = "complaints";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LiveUpdates live;

    /** {@code live} is null for a rebuild, which no page watches. */
    ComplaintProjection(JdbcClient jdbc, JsonMapper json, LiveUpdates live) {
        this.jdbc = jdbc;
        this.json = json;
        this.live = live;
    }

    private void changed(String id, long version) {
        if (live != null) {
            jdbc.sql("select committee_id, accused->>'memberId' from complaint_view where id = :id").param("id", id)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                    .ifPresent(holder -> live.changed("complaint", id, version, holder[0], holder[1]));
        }
    }

    @EventHandler
    void on(ComplaintReceived event, @SequenceNumber long sequence) {
        jdbc.sql("""
                insert into complaint_view (id, version, committee_id, received_on, anonymous, denouncer_on_file, accused,
                                            accused_name, content, status, writer_kind)
                values (:id, :v, :committee, :on, :anonymous, :onFile, cast(:accused as jsonb), :name, :content, 'RECEIVED',
                        :writerKind)
                on conflict (id) do nothing""")
                .param("id", event.complaintId().value()).param("v", sequence)
                .param("committee", event.committeeId().value()).param("on", event.receivedOn())
                .param("anonymous", event.anonymous()).param("onFile", event.denouncerRef() != null)
                .param("accused", json.writeValueAsString(event.accused()))
                .param("name", event.accused() instanceof Subject.Member member ? member.fullName() : null)
                .param("content", event.content())
                .param("writerKind", event.writerKind() == null ? null : event.writerKind().name()).update();
        changed(event.complaintId().value(), sequence);
    }

    @EventHandler
    void on(ComplaintAccepted event, @SequenceNumber long sequence) {
        update(event.complaintId().value(), sequence, "status = 'ACCEPTED', case_id = :a, decided_on = :b",
                Map.of("a", event.caseId().value(), "b", event.acceptedOn()));
    }

    @EventHandler
    void on(ComplaintDismissed event, @SequenceNumber long sequence) {
        jdbc.sql("""
                update complaint_view set status = 'DISMISSED', decided_on = :on, dismissal_reason = :reason, note = :note,
                       version = :v
                where id = :id and version < :v""")
                .param("on", event.dismissedOn()).param("reason", event.reason().name()).param("note", event.note())
                .param("v", sequence).param("id", event.complaintId().value()).update();
        changed(event.complaintId().value(), sequence);
    }

    @EventHandler
    void on(ComplaintTransferred event, @SequenceNumber long sequence) {
        String transfer = json.writeValueAsString(List.of(new ComplaintView.Transfer(event.transferredOn(),
                event.fromCommitteeId().value(), event.toCommitteeId().value(), event.reason())));
        update(event.complaintId().value(), sequence,
                "committee_id = :a, transfers = transfers || cast(:b as jsonb)",
                Map.of("a", event.toCommitteeId().value(), "b", transfer));
    }

    @EventHandler
    void on(DenouncerIdentityErased event, @SequenceNumber long sequence) {
        update(event.complaintId().value(), sequence, "denouncer_on_file = false", Map.of());
    }

    @EventHandler
    void on(IdentityRevealRequested event, @SequenceNumber long sequence) {
        jdbc.sql("""
                insert into identity_request_view (request_id, complaint_id, version, requested_by, reason, requested_at,
                                                   decision)
                values (:request, :complaint, :v, :by, :reason, :at, 'PENDING')
                on conflict (request_id) do nothing""")
                .param("request", event.requestId().value()).param("complaint", event.complaintId().value())
                .param("v", sequence).param("by", event.requestedBy()).param("reason", event.reason())
                .param("at", utc(event.requestedAt())).update();
        touched(event.complaintId().value(), sequence);
    }

    @EventHandler
    void on(IdentityRevealApproved event, @SequenceNumber long sequence) {
        decided(event.requestId().value(), sequence, "APPROVED", event.approvedBy(), event.reason(), event.approvedAt());
        touched(event.complaintId().value(), sequence);
    }

    @EventHandler
    void on(IdentityRevealDenied event, @SequenceNumber long sequence) {
        decided(event.requestId().value(), sequence, "DENIED", event.deniedBy(), event.reason(), event.deniedAt());
        touched(event.complaintId().value(), sequence);
    }

    private void decided(String requestId, long sequence, String decision, String by, String reason,
                         java.time.Instant at) {
        jdbc.sql("""
                update identity_request_view
                set decision = :decision, decided_by = :by, decision_reason = :reason, decided_at = :at, version = :v
                where request_id = :request and version < :v""")
                .param("decision", decision).param("by", by).param("reason", reason).param("at", utc(at))
                .param("v", sequence).param("request", requestId).update();
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A step that changes nothing the register shows still moves the complaint's version. */
    private void touched(String id, long sequence) {
        jdbc.sql("update complaint_view set version = :v where id = :id and version < :v")
                .param("v", sequence).param("id", id).update();
        changed(id, sequence);
    }

    private void update(String id, long sequence, String assignments, Map<String, Object> params) {
        jdbc.sql("update complaint_view set " + assignments + ", version = :v where id = :id and version < :v")
                .params(params).param("v", sequence).param("id", id).update();
        changed(id, sequence);
    }
}
