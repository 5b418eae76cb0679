package vn.ubkt.casework.events.cases;

import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.files.StoredFile;

/**
 * The signed document (a scan, or the final DOCX or PDF) was uploaded: the document is final and part of the
 * record. A later upload for the same document is a new {@code version}; nothing is overwritten.
 */
@Revision("1")
public record DocumentFinalized(
        CaseId caseId,
        String documentId,
        int version,
        StoredFile file) implements CaseEvent {

    public DocumentFinalized {
        Require.present(caseId, "caseId");
        Require.text(documentId, "documentId");
        Require.present(file, "file");
    }
}
