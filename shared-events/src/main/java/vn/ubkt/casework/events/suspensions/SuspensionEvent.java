package vn.ubkt.casework.events.suspensions;

/** Everything that happens to a suspension of party (or committee) activity. */
public sealed interface SuspensionEvent permits MemberSuspended, SuspensionExtended, SuspensionLifted {

    SuspensionId suspensionId();
}
