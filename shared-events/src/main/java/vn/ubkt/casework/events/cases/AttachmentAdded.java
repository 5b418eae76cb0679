package vn.ubkt.casework.events.cases;

import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.files.StoredFile;

/**
 * A piece of evidence (a scanned letter, minutes, a bank statement) was added to the case file. A correction is
 * a new attachment that {@code supersedes} the earlier one, which stays in the file.
 */
@Revision("1")
public record AttachmentAdded(
        CaseId caseId,
        String attachmentId,
        StoredFile file,
        String description,
        String supersedes) implements CaseEvent {

    public AttachmentAdded {
        Require.present(caseId, "caseId");
        Require.text(attachmentId, "attachmentId");
        Require.present(file, "file");
    }
}
