package vn.ubkt.casework.query.platform;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A read the role table lets through but this item refuses: 403 (not this user, not now) or 410 (it existed and is
 * gone for good). The message key explains it in the request's language; its arguments never hold personal data.
 */
public class RefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient List<Object> arguments;

    private RefusedException(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = List.of(Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    public static RefusedException forbidden(String messageKey, Object... arguments) {
        return new RefusedException(HttpStatus.FORBIDDEN, messageKey, arguments);
    }

    /** A request the state of the read model refuses (409): a period already locked. */
    public static RefusedException conflict(String messageKey, Object... arguments) {
        return new RefusedException(HttpStatus.CONFLICT, messageKey, arguments);
    }

    public static RefusedException gone(String messageKey, Object... arguments) {
        return new RefusedException(HttpStatus.GONE, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
