package vn.ubkt.casework.events.committees;

import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;

@Revision("1")
public record CommitteeRenamed(CommitteeId committeeId, String previousName, String name) implements CommitteeEvent {

    public CommitteeRenamed {
        Require.present(committeeId, "committeeId");
        Require.text(previousName, "previousName");
        Require.text(name, "name");
    }
}
