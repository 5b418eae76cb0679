package vn.ubkt.casework.query.platform;

/**
 * A read asked for a version of a case that the event store does not hold: waiting for the read model cannot help
 * (404 at once, not a 503 inviting a retry that can never succeed).
 */
public class VersionNotRecordedException extends RuntimeException {

    private final String caseId;
    private final long wanted;
    private final long recorded;

    public VersionNotRecordedException(String caseId, long wanted, long recorded) {
        super("case " + caseId + " has no version " + wanted + " (recorded up to " + recorded + ")");
        this.caseId = caseId;
        this.wanted = wanted;
        this.recorded = recorded;
    }

    public String caseId() {
        return caseId;
    }

    public long wanted() {
        return wanted;
    }

    public long recorded() {
        return recorded;
    }
}
