package vn.ubkt.casework.command.platform;

/** Metadata keys every command carries, copied onto its events. */
public final class MessageMetadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_COMMITTEE = "actorCommittee";
    public static final String CORRELATION_ID = "correlationId";

    private MessageMetadata() {
    }
}
