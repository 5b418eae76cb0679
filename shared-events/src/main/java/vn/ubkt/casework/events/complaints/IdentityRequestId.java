package vn.ubkt.casework.events.complaints;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ubkt.casework.events.Require;

/** A request to reveal a denouncer's identity, one of possibly several on a complaint. */
public record IdentityRequestId(String value) {

    public IdentityRequestId {
        Require.text(value, "requestId");
    }

    @JsonCreator
    public static IdentityRequestId of(String value) {
        return new IdentityRequestId(value);
    }

    public static IdentityRequestId random() {
        return new IdentityRequestId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
