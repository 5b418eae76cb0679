package vn.ubkt.casework.events.suspensions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ubkt.casework.events.Require;

public record SuspensionId(String value) {

    public SuspensionId {
        Require.text(value, "suspensionId");
        if (value.length() > 100 || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("suspensionId must be 1-100 letters, digits, '.', '_' or '-'");
        }
    }

    @JsonCreator
    public static SuspensionId of(String value) {
        return new SuspensionId(value);
    }

    public static SuspensionId random() {
        return new SuspensionId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
