package vn.ubkt.casework.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * One step of a case's history: its business date ({@code occurredOn}), when it was recorded, who acted (username, name, committee),
 * a sentence for people, and the event's own data. The denouncer's identity is never in events, so never here.
 */
public record HistoryEntryView(long sequence, String type, LocalDate occurredOn, Instant recordedAt, String actor,
                               String actorName, String actorCommittee, String correlationId, String summary, JsonNode data) {
}
