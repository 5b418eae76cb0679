package vn.ubkt.casework.events.complaints;

import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.files.StoredFile;

/**
 * A file was added to a complaint: the letter's scan, an enclosure. One that {@code revealsDenouncer} (the
 * default: a signed letter names its writer) is kept like the identity itself, shown only through the reveal
 * workflow; its name and description are shown to nobody else either.
 */
@Revision("1")
public record ComplaintAttachmentAdded(
        ComplaintId complaintId,
        String attachmentId,
        StoredFile file,
        String description,
        String supersedes,
        boolean revealsDenouncer) implements ComplaintEvent {

    public ComplaintAttachmentAdded {
        Require.present(complaintId, "complaintId");
        Require.text(attachmentId, "attachmentId");
        Require.present(file, "file");
    }
}
