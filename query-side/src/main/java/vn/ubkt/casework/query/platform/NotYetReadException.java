package vn.ubkt.casework.query.platform;

/** The read model has not yet caught up with the version the client asked for (503, Retry-After). */
public class NotYetReadException extends RuntimeException {

    private final long wanted;
    private final long current;

    public NotYetReadException(long wanted, long current) {
        super("read model at version " + current + ", asked for " + wanted);
        this.wanted = wanted;
        this.current = current;
    }

    public long wanted() {
        return wanted;
    }

    public long current() {
        return current;
    }
}
