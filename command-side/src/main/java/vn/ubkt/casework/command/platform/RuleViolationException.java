package vn.ubkt.casework.command.platform;

import java.util.Arrays;
import java.util.List;

/**
 * A business rule refuses the command (422). It names the rule, its source and the rulebook version, and
 * carries a message key so the refusal is explained in the request's language.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String ruleSource;
    private final String rulebookVersion;
    private final String field;
    private final String messageKey;
    private final transient List<Object> arguments;

    public RuleViolationException(String rule, String ruleSource, String rulebookVersion, String field,
                                  String messageKey, Object... arguments) {
        super(rule + ": " + messageKey + " " + Arrays.toString(arguments));
        this.rule = rule;
        this.ruleSource = ruleSource;
        this.rulebookVersion = rulebookVersion;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    public String rule() {
        return rule;
    }

    public String ruleSource() {
        return ruleSource;
    }

    public String rulebookVersion() {
        return rulebookVersion;
    }

    /** The request field the refusal concerns, or null. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
