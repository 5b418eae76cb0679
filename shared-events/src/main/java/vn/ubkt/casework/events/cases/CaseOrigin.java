package vn.ubkt.casework.events.cases;

import vn.ubkt.casework.events.complaints.ComplaintId;

/** Where a case came from: a complaint, a supervision that found signs of violation, or nothing. */
public record CaseOrigin(Kind kind, ComplaintId complaintId, CaseId supervisionCaseId) {

    public enum Kind { NONE, COMPLAINT, SUPERVISION }

    public static final CaseOrigin NONE = new CaseOrigin(Kind.NONE, null, null);

    public static CaseOrigin complaint(ComplaintId id) {
        return new CaseOrigin(Kind.COMPLAINT, id, null);
    }

    public static CaseOrigin supervision(CaseId id) {
        return new CaseOrigin(Kind.SUPERVISION, null, id);
    }

    public CaseOrigin {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.COMPLAINT) != (complaintId != null) || (kind == Kind.SUPERVISION) != (supervisionCaseId != null)) {
            throw new IllegalArgumentException("origin " + kind + " names its complaint or supervision, and only that");
        }
    }
}
