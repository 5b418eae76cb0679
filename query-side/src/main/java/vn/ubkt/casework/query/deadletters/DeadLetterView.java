package vn.ubkt.casework.query.deadletters;

import java.time.Instant;

/**
 * An event a projection could not handle (API.md "Operations"), or one held back behind it: {@code caseId} is the
 * aggregate whose events wait, {@code error} is empty for an event only held back, {@code since} when it was queued.
 */
public record DeadLetterView(String id, String processor, String caseId, String eventType, Long globalIndex,
                             String error, long attempts, Instant since) {
}
