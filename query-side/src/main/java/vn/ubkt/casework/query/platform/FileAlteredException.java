package vn.ubkt.casework.query.platform;

/**
 * The bytes in the content store no longer match the SHA-256 recorded when they were uploaded (409): reported,
 * never served silently. {@code stored} is null when the object is missing altogether.
 */
public class FileAlteredException extends RuntimeException {

    private final String fileId;
    private final String recorded;
    private final String stored;

    public FileAlteredException(String fileId, String recorded, String stored) {
        super("file " + fileId + " does not match its recorded hash");
        this.fileId = fileId;
        this.recorded = recorded;
        this.stored = stored;
    }

    public String fileId() {
        return fileId;
    }

    public String recorded() {
        return recorded;
    }

    public String stored() {
        return stored;
    }
}
