package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/** What the rules need to know of the organization tree on a date, as the command side keeps it. */
public interface TreeView {

    record Node(CommitteeId id, CommitteeKind kind, CommitteeLevel level, Integer votingMembers,
                LocalDate establishedOn, LocalDate dissolvedOn, CommitteeId successorId) {

        public boolean standsOn(LocalDate date) {
            return (establishedOn == null || !establishedOn.isAfter(date))
                    && (dissolvedOn == null || date.isBefore(dissolvedOn));
        }
    }

    Optional<Node> node(CommitteeId id);

    Optional<CommitteeId> parentOn(CommitteeId id, LocalDate date);

    /** Parent, grandparent, … up to the root, as the tree stood on the date. */
    default List<CommitteeId> ancestorsOn(CommitteeId id, LocalDate date) {
        List<CommitteeId> ancestors = new ArrayList<>();
        Optional<CommitteeId> parent = parentOn(id, date);
        while (parent.isPresent() && ancestors.size() < 32 && !ancestors.contains(parent.get())) {
            ancestors.add(parent.get());
            parent = parentOn(parent.get(), date);
        }
        return ancestors;
    }

    /**
     * The organization a body acts for: a standing committee, inspection commission, Politburo or Secretariat
     * acts for the committee that elected it; any other node for itself.
     */
    default CommitteeId organizationOf(CommitteeId body, LocalDate date) {
        Optional<Node> node = node(body);
        if (node.isPresent() && node.get().kind().isElectedBody()) {
            return parentOn(body, date).orElse(body);
        }
        return body;
    }
}
