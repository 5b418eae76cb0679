package vn.ubkt.casework.query.complaints;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A letter in the intake register. {@code denouncerOnFile} says whether the sender's identity is kept; the
 * identity itself is never served here (no read of this API is entitled to it).
 */
public record ComplaintView(String id, long version, String committeeId, LocalDate receivedOn, boolean anonymous,
                            boolean denouncerOnFile, JsonNode accused, String accusedName, String content, String status,
                            String caseId, LocalDate decidedOn, String dismissalReason, String note,
                            List<Transfer> transfers, String writerKind) {

    public record Transfer(LocalDate transferredOn, String fromCommitteeId, String toCommitteeId, String reason) {
    }
}
