package vn.ubkt.casework.query.complaints;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ubkt.casework.events.complaints.ComplaintAccepted;
import vn.ubkt.casework.events.complaints.ComplaintDismissed;
import vn.ubkt.casework.events.complaints.ComplaintEvent;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.complaints.DenouncerIdentityErased;
import vn.ubkt.casework.events.complaints.IdentityRevealApproved;
import vn.ubkt.casework.events.complaints.IdentityRevealDenied;
import vn.ubkt.casework.events.complaints.IdentityRevealRequested;

/**
 * The requests to reveal one complaint's denouncer, and whether there is still an identity to reveal, folded from
 * the complaint's own events (never from a copy that could drift from them). It alone decides whether a user may read
 * the identity now and what status a request has; the custodians' queue asks {@link #status} too.
 */
final class IdentityRequests {

    /** A request as the read side names it: EXPIRED is an approval whose lifetime has passed. */
    enum Status { PENDING, APPROVED, DENIED, EXPIRED }

    /** What was decided, as recorded (identity_request_view.decision). */
    enum Decision { PENDING, APPROVED, DENIED }

    /** Whether a user may read the identity now and, when not, why (each answers its own problem). */
    enum Verdict { REVEAL, UNKNOWN, ERASED, ANONYMOUS, NO_REQUEST, PENDING, DENIED, EXPIRED }

    record Request(String requestId, String requestedBy, String reason, Instant requestedAt, Decision decision,
                   String decidedBy, String decisionReason, Instant decidedAt) {

        Status status(Instant now, Duration lifetime) {
            return IdentityRequests.status(decision, decidedAt, now, lifetime);
        }

        /** When an approval stops letting the requester read; null unless approved. */
        Instant expiresAt(Duration lifetime) {
            return decision == Decision.APPROVED ? decidedAt.plus(lifetime) : null;
        }

        private Request decided(Decision outcome, String by, String why, Instant at) {
            return new Request(requestId, requestedBy, reason, requestedAt, outcome, by, why, at);
        }
    }

    record Outcome(Verdict verdict, Request request) {
    }

    private String complaintId;
    private String denouncerRef;
    private boolean erased;
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final Map<String, vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded> attachments = new LinkedHashMap<>();

    /** An approval lets its requester read from the approval until (not at) the end of the lifetime. */
    static Status status(Decision decision, Instant decidedAt, Instant now, Duration lifetime) {
        return switch (decision) {
            case PENDING -> Status.PENDING;
            case DENIED -> Status.DENIED;
            case APPROVED -> now.isBefore(decidedAt.plus(lifetime)) ? Status.APPROVED : Status.EXPIRED;
        };
    }

    static IdentityRequests of(Iterable<ComplaintEvent> events) {
        IdentityRequests fold = new IdentityRequests();
        events.forEach(fold::apply);
        return fold;
    }

    void apply(ComplaintEvent event) {
        if (event instanceof ComplaintReceived received) {
            complaintId = received.complaintId().value();
            denouncerRef = received.denouncerRef();
        } else if (event instanceof DenouncerIdentityErased) {
            erased = true;
        } else if (event instanceof IdentityRevealRequested requested) {
            requests.putIfAbsent(requested.requestId().value(), new Request(requested.requestId().value(),
                    requested.requestedBy(), requested.reason(), requested.requestedAt(), Decision.PENDING, null, null,
                    null));
        } else if (event instanceof IdentityRevealApproved approved) {
            requests.computeIfPresent(approved.requestId().value(), (id, request) -> request.decided(Decision.APPROVED,
                    approved.approvedBy(), approved.reason(), approved.approvedAt()));
        } else if (event instanceof IdentityRevealDenied denied) {
            requests.computeIfPresent(denied.requestId().value(), (id, request) -> request.decided(Decision.DENIED,
                    denied.deniedBy(), denied.reason(), denied.deniedAt()));
        } else if (event instanceof vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded added) {
            attachments.put(added.attachmentId(), added);
        } else if (event instanceof ComplaintAccepted || event instanceof ComplaintTransferred
                || event instanceof ComplaintDismissed) {
            // the letter's course does not change who may see its sender
        } else {
            throw new IllegalStateException("IdentityRequests does not know " + event.getClass().getSimpleName());
        }
    }

    /** The files added to the letter, in order; one that reveals the denouncer is served like the identity. */
    List<vn.ubkt.casework.events.complaints.ComplaintAttachmentAdded> attachments() {
        return new ArrayList<>(attachments.values());
    }

    boolean known() {
        return complaintId != null;
    }

    String denouncerRef() {
        return denouncerRef;
    }

    List<Request> requests() {
        return new ArrayList<>(requests.values());
    }

    /**
     * Whether {@code username} may read the identity at {@code now}: only the requester of an approved request, within
     * its lifetime, while the identity is on file. A refusal names the state of the user's latest request.
     */
    Outcome revealTo(String username, Instant now, Duration lifetime) {
        if (!known()) {
            return new Outcome(Verdict.UNKNOWN, null);
        }
        if (erased) {
            return new Outcome(Verdict.ERASED, null);
        }
        if (denouncerRef == null) {
            return new Outcome(Verdict.ANONYMOUS, null);
        }
        List<Request> own = requests.values().stream().filter(r -> r.requestedBy().equals(username)).toList();
        Optional<Request> open = own.stream().filter(r -> r.status(now, lifetime) == Status.APPROVED)
                .max(Comparator.comparing(Request::decidedAt));
        if (open.isPresent()) {
            return new Outcome(Verdict.REVEAL, open.get());
        }
        Optional<Request> latest = own.stream().max(Comparator.comparing(Request::requestedAt));
        if (latest.isEmpty()) {
            return new Outcome(Verdict.NO_REQUEST, null);
        }
        Verdict verdict = switch (latest.get().status(now, lifetime)) {
            case PENDING -> Verdict.PENDING;
            case DENIED -> Verdict.DENIED;
            case EXPIRED, APPROVED -> Verdict.EXPIRED;
        };
        return new Outcome(verdict, latest.get());
    }
}
