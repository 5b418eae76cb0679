package vn.ubkt.casework.events.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ubkt.casework.events.Require;

public record CaseId(String value) {

    public CaseId {
        Require.text(value, "caseId");
        if (value.length() > 100 || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("caseId must be 1-100 letters, digits, '.', '_' or '-'");
        }
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
