package vn.ubkt.casework.query.platform;

/** Metadata keys every command carries, copied onto its events. */
public final class MessageMetadata {
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    private MessageMetadata() {
    }
}
