package vn.ubkt.casework.events.suspensions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ubkt.casework.events.Require;

public record SuspensionId(String value) {

    public SuspensionId {
        Require.identifier(value, "suspensionId");
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
