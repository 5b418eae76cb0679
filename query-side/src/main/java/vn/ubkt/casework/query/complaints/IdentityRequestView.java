package vn.ubkt.casework.query.complaints;

import java.time.Instant;

/**
 * A request to reveal a denouncer: who asked and why, who decided and why, and until when an approval lets the
 * requester read. Never the identity itself.
 */
public record IdentityRequestView(String complaintId, String requestId, IdentityRequests.Status status,
                                  String requestedBy, String reason, Instant requestedAt, String decidedBy,
                                  String decisionReason, Instant decidedAt, Instant expiresAt) {
}
