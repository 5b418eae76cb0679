package vn.ubkt.casework.events.committees;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ubkt.casework.events.Require;

/** A node of the organization tree: a UUID or a stable code such as {@code TU-TRA-VINH}. */
public record CommitteeId(String value) {

    public CommitteeId {
        Require.identifier(value, "committeeId");
    }

    @JsonCreator
    public static CommitteeId of(String value) {
        return new CommitteeId(value);
    }

    public static CommitteeId random() {
        return new CommitteeId(UUID.randomUUID().toString());
    }

    /** Axon stores {@code toString()} as the aggregate identifier: the bare value, never the record form. */
    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
