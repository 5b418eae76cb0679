package vn.ubkt.casework.events.suspensions;

/** What is suspended: the member's party activity (đình chỉ sinh hoạt đảng) or their activity on a committee (sinh hoạt cấp ủy). */
public enum SuspensionKind {
    PARTY_ACTIVITY,
    COMMITTEE_ACTIVITY
}
