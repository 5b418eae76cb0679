package vn.ubkt.casework.command.platform;

import java.util.Arrays;
import java.util.List;

/**
 * The user may not take this step on this item, though the role table lets them call it (403): for example a
 * custodian deciding their own request to reveal an identity. The message key explains it in the request's language.
 */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    public ForbiddenException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
