package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * R-DEADLINES for appeals: the limit is set by the level of the body that will resolve the appeal — the central limit
 * when a central body resolves it, the other limit below. An appeal against an inspection commission's decision is
 * resolved by the party committee that elected the commission (Điều lệ Đảng art. 39(7): the body above the deciding
 * body), so a provincial commission's decision has the provincial limit; an appeal against any other body's decision
 * goes to the level above its organization.
 */
public final class AppealResolution {

    private AppealResolution() {
    }

    /** The level of the body that will resolve an appeal against {@code decidingBody}'s decision of {@code date}. */
    public static CommitteeLevel resolvingLevel(TreeView tree, CommitteeId decidingBody, LocalDate date) {
        CommitteeId organization = tree.organizationOf(decidingBody, date);
        boolean commission = tree.node(decidingBody).map(n -> n.kind() == CommitteeKind.INSPECTION_COMMISSION).orElse(false);
        CommitteeId resolving = commission ? organization : tree.parentOn(organization, date).orElse(null);
        return resolving == null ? CommitteeLevel.CENTRAL
                : tree.node(resolving).map(TreeView.Node::level).orElse(CommitteeLevel.CENTRAL);
    }

    /** The working days the resolving body has, by its level. */
    public static int workingDays(RulebookVersion rules, TreeView tree, CommitteeId decidingBody, LocalDate date) {
        return resolvingLevel(tree, decidingBody, date) == CommitteeLevel.CENTRAL
                ? rules.deadlines().centralAppealResolutionWorkingDays()
                : rules.deadlines().appealResolutionWorkingDays();
    }
}
