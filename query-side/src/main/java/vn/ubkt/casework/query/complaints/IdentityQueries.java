package vn.ubkt.casework.query.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.ReadAudit;
import vn.ubkt.casework.access.vault.DenouncerIdentity;
import vn.ubkt.casework.access.vault.DenouncerVault;
import vn.ubkt.casework.events.complaints.ComplaintEvent;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.complaints.IdentityRequests.Request;
import vn.ubkt.casework.query.complaints.IdentityRequests.Status;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.RefusedException;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * Reads of the denouncer's identity (API.md "The denouncer's identity"). Whether a user may read it is decided from
 * the complaint's events in the event store, read at the moment of asking: the query side sends no commands and keeps
 * no copy of the decision. Every reveal is written to the read audit before the identity leaves.
 */
@Component
class IdentityQueries {

    private static final int MAX_ROWS = 500;

    private final EventStore eventStore;
    private final DenouncerVault vault;
    private final ReadAudit audit;
    private final QueryAccess access;
    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    IdentityQueries(EventStore eventStore, DenouncerVault vault, ReadAudit audit, QueryAccess access, ReadDatabase database,
                    Clock clock, @Value("${casework.security.reveal-lifetime:PT24H}") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("casework.security.reveal-lifetime must be positive");
        }
        this.eventStore = eventStore;
        this.vault = vault;
        this.audit = audit;
        this.access = access;
        this.jdbc = database.readModel();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The identity, to the requester of a request approved within the lifetime; otherwise a 403, or 410 once erased. */
    DenouncerIdentity reveal(String complaintId) {
        IdentityRequests requests = fold(complaintId);
        Actor actor = Actor.current();
        Instant now = clock.instant();
        IdentityRequests.Outcome outcome = requests.revealTo(actor.username(), now, lifetime);
        Request request = outcome.request();
        switch (outcome.verdict()) {
            case UNKNOWN -> throw new NotFoundException("complaint", complaintId);
            case ERASED -> throw RefusedException.gone("identity.erased", complaintId);
            case ANONYMOUS -> throw RefusedException.forbidden("identity.anonymous", complaintId);
            case NO_REQUEST -> throw RefusedException.forbidden("identity.noRequest", complaintId);
            case PENDING -> throw RefusedException.forbidden("identity.pending", complaintId, request.requestId());
            case DENIED -> throw RefusedException.forbidden("identity.denied", complaintId, request.requestId());
            case EXPIRED -> throw RefusedException.forbidden("identity.expired", complaintId, request.requestId(),
                    request.expiresAt(lifetime));
            case REVEAL -> {
                // a row erased behind the events' back (as V3 did to rows kept in clear) is gone all the same
            }
        }
        DenouncerIdentity identity = vault.open(requests.denouncerRef())
                .orElseThrow(() -> RefusedException.gone("identity.erased", complaintId));
        audit.record(ReadAudit.Kind.IDENTITY, complaintId, access.complaintCommittee(complaintId).orElse(null),
                "identity revealed under request " + request.requestId() + " approved by " + request.decidedBy());
        return identity;
    }

    /** The files added to a complaint, oldest first; one that may reveal the denouncer shows only a neutral name. */
    List<ComplaintAttachmentView> attachmentsOf(String complaintId) {
        IdentityRequests requests = fold(complaintId);
        if (!requests.known()) {
            throw new NotFoundException("complaint", complaintId);
        }
        return requests.attachments().stream().map(a -> new ComplaintAttachmentView(a.attachmentId(), a.file().name(),
                a.file().contentType(), a.file().size(), a.file().sha256(), a.description(), a.supersedes(),
                a.revealsDenouncer())).toList();
    }

    public record ComplaintAttachmentView(String attachmentId, String name, String contentType, long size, String sha256,
                                          String description, String supersedes, boolean revealsDenouncer) {
    }

    /**
     * A file of the complaint, to download. One that may reveal the denouncer is treated as the identity: only the
     * requester of an approved reveal, within its lifetime, and the read is recorded as a reveal.
     */
    vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded attachment(String complaintId, String attachmentId) {
        IdentityRequests requests = fold(complaintId);
        if (!requests.known()) {
            throw new NotFoundException("complaint", complaintId);
        }
        var attachment = requests.attachments().stream().filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        if (!attachment.revealsDenouncer()) {
            return attachment;
        }
        IdentityRequests.Outcome outcome = requests.revealTo(Actor.current().username(), clock.instant(), lifetime);
        if (outcome.verdict() != IdentityRequests.Verdict.REVEAL) {
            throw RefusedException.forbidden("attachment.revealsDenouncer", complaintId, attachmentId);
        }
        audit.record(ReadAudit.Kind.IDENTITY, complaintId, access.complaintCommittee(complaintId).orElse(null),
                "attachment " + attachmentId + " revealed under request " + outcome.request().requestId()
                        + " approved by " + outcome.request().decidedBy());
        return attachment;
    }

    /** Every request on one complaint, oldest first, with its status now. */
    List<IdentityRequestView> requestsOf(String complaintId) {
        IdentityRequests requests = fold(complaintId);
        if (!requests.known()) {
            throw new NotFoundException("complaint", complaintId);
        }
        Instant now = clock.instant();
        return requests.requests().stream().map(request -> view(complaintId, request, now)).toList();
    }

    /** The custodians' queue: requests on the complaints the user may see, oldest first, optionally of one status. */
    List<IdentityRequestView> queue(Status status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select r.complaint_id, r.request_id, r.requested_by, r.reason, r.requested_at, r.decision, r.decided_by,
                       r.decision_reason, r.decided_at
                from identity_request_view r join complaint_view c on c.id = r.complaint_id
                where """).append(access.visible("c.committee_id", "c.accused->>'memberId'", params));
        if (status != null) {
            sql.append(" and r.decision = :decision");
            params.put("decision", switch (status) {
                case PENDING -> "PENDING";
                case DENIED -> "DENIED";
                case APPROVED, EXPIRED -> "APPROVED";
            });
        }
        sql.append(" order by r.requested_at, r.request_id limit ").append(MAX_ROWS);
        Instant now = clock.instant();
        List<IdentityRequestView> views = new ArrayList<>();
        for (Row row : jdbc.sql(sql.toString()).params(params).query(IdentityQueries::row).list()) {
            IdentityRequestView view = view(row.complaintId(), row.request(), now);
            if (status == null || view.status() == status) {
                views.add(view);
            }
        }
        return views;
    }

    private record Row(String complaintId, Request request) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), new Request(rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs, 5), IdentityRequests.Decision.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                instant(rs, 9)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private IdentityRequestView view(String complaintId, Request request, Instant now) {
        return new IdentityRequestView(complaintId, request.requestId(), request.status(now, lifetime),
                request.requestedBy(), request.reason(), request.requestedAt(), request.decidedBy(),
                request.decisionReason(), request.decidedAt(), request.expiresAt(lifetime));
    }

    private IdentityRequests fold(String complaintId) {
        List<ComplaintEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(complaintId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof ComplaintEvent event) {
                events.add(event);
            }
        }
        return IdentityRequests.of(events);
    }
}
