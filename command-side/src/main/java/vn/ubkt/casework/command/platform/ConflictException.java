package vn.ubkt.casework.command.platform;

import java.util.List;

/**
 * The current state does not allow the step (409): a status that forbids the transition, an id that is
 * already taken, a concurrent change that won. {@code currentStatus} and {@code allowed} state the facts.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final String currentStatus;
    private final List<String> allowed;
    private final transient List<Object> arguments;

    public ConflictException(String messageKey, String currentStatus, List<String> allowed, Object... arguments) {
        super(messageKey + " (status " + currentStatus + ", allowed " + allowed + ")");
        this.messageKey = messageKey;
        this.currentStatus = currentStatus;
        this.allowed = List.copyOf(allowed);
        this.arguments = List.of(java.util.Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    public String messageKey() {
        return messageKey;
    }

    public String currentStatus() {
        return currentStatus;
    }

    public List<String> allowed() {
        return allowed;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
