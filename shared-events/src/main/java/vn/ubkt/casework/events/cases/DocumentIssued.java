package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * A step's document was drafted and given its number and date ({@code number} "12-QĐ/UBKTTU", the
 * {@code serial} 12 in the issuing body's sequence for the type and {@code term}); or, with {@code external},
 * the number of a document issued outside the product was recorded for the step. {@code bases} are the
 * "Căn cứ" lines of the rulebook version in force on {@code issuedOn}, fixed when the document was issued.
 */
@Revision("1")
public record DocumentIssued(
        CaseId caseId,
        String documentId,
        DocumentKind kind,
        LocalDate issuedOn,
        CommitteeId issuingCommitteeId,
        String number,
        Integer serial,
        String term,
        boolean external,
        List<String> bases,
        String rulebookVersion) implements CaseEvent {

    public DocumentIssued {
        Require.present(caseId, "caseId");
        Require.text(documentId, "documentId");
        Require.present(kind, "kind");
        Require.present(issuedOn, "issuedOn");
        Require.present(issuingCommitteeId, "issuingCommitteeId");
        bases = bases == null ? List.of() : List.copyOf(bases);
    }
}
