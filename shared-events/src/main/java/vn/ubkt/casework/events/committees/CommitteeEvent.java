package vn.ubkt.casework.events.committees;

/** Everything that happens to a node of the organization tree. Nothing is ever deleted. */
public sealed interface CommitteeEvent
        permits CommitteeRegistered, CommitteeRenamed, CommitteeCountsChanged, CommitteeMoved, CommitteeDissolved {

    CommitteeId committeeId();
}
