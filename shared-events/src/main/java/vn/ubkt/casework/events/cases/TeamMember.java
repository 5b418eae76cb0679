package vn.ubkt.casework.events.cases;

import vn.ubkt.casework.events.Require;

public record TeamMember(String memberId, String fullName) {
    public TeamMember {
        Require.text(memberId, "memberId");
        Require.text(fullName, "fullName");
    }
}
