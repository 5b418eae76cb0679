package vn.ubkt.casework.events.complaints;

import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * A committee received a letter. The denouncer's identity is never in an event: events are permanent and
 * read by statistics and audit trails. It is kept apart under {@code denouncerRef}, where it is shown only
 * to those entitled and can be erased without rewriting history (Luật Tố cáo 2018 arts. 9, 56 as analogue).
 */
@Revision("1")
public record ComplaintReceived(
        ComplaintId complaintId,
        CommitteeId committeeId,
        LocalDate receivedOn,
        boolean anonymous,
        String denouncerRef,
        Subject accused,
        String content,
        WriterKind writerKind) implements ComplaintEvent {

    public ComplaintReceived(ComplaintId complaintId, CommitteeId committeeId, LocalDate receivedOn, boolean anonymous,
                             String denouncerRef, Subject accused, String content) {
        this(complaintId, committeeId, receivedOn, anonymous, denouncerRef, accused, content, null);
    }

    /** {@code writerKind}: whether a named writer is a party member or a citizen (added later; null when not said). */
    @JsonCreator
    public ComplaintReceived {
        Require.present(complaintId, "complaintId");
        Require.present(committeeId, "committeeId");
        Require.present(receivedOn, "receivedOn");
        Require.present(accused, "accused");
        Require.text(content, "content");
        if (anonymous && denouncerRef != null) {
            throw new IllegalArgumentException("an anonymous complaint has no denouncer on file");
        }
    }
}
