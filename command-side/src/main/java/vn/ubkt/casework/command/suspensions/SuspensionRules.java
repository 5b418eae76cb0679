package vn.ubkt.casework.command.suspensions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.suspensions.SuspensionKind;

/**
 * R-SUSPENSION (QĐ 21-QĐ/TW, as reported): a suspension lasts at most the rulebook's days, may be extended the
 * rulebook's number of times by at most its extension days, is decided by a body the rulebook's suspension
 * competence names, and a member's committee activity can be suspended only if they sit on a committee. Each rule is
 * a small policy judged by the version in force on the step's date.
 */
final class SuspensionRules {

    static final String RULE = "R-SUSPENSION";
    static final String COMPETENCE = "R-SUSPENSION-COMPETENCE";

    private SuspensionRules() {
    }

    static RuleViolationException refuse(RulebookVersion version, String rule, String field, String key, Object... args) {
        return new RuleViolationException(rule, version.source(rule), version.id(), field, "suspension." + key, args);
    }

    static RulebookVersion.Suspension rulesOf(RulebookVersion version) {
        if (version.suspension() == null) {
            throw refuse(version, RULE, null, "notInRulebook", version.id());
        }
        return version.suspension();
    }

    /** The first suspension lasts from one day up to the rulebook's days. */
    static void duration(RulebookVersion version, int days) {
        int most = rulesOf(version).days();
        if (days < 1 || days > most) {
            throw refuse(version, RULE, "days", "tooLong", days, most);
        }
    }

    /** Extended at most {@code extensions} times, each by one day up to {@code extensionDays}. */
    static void extension(RulebookVersion version, int extendedSoFar, int days) {
        RulebookVersion.Suspension rules = rulesOf(version);
        if (extendedSoFar >= rules.extensions()) {
            throw refuse(version, RULE, null, "extendedAlready", extendedSoFar, rules.extensions());
        }
        if (days < 1 || days > rules.extensionDays()) {
            throw refuse(version, RULE, "days", "extensionTooLong", days, rules.extensionDays());
        }
    }

    /** Committee activity is suspended only for a member who sits on a committee. */
    static void committeeActivityNeedsSeat(RulebookVersion version, Subject.Member member, SuspensionKind kind) {
        if (kind == SuspensionKind.COMMITTEE_ACTIVITY && member.committeeMemberOf().isEmpty()) {
            throw refuse(version, RULE, "kind", "notCommitteeMember", member.memberId());
        }
    }

    /** The entry of the rulebook's suspension competence that lets the body suspend this member, if any. */
    static Optional<RulebookVersion.SuspensionCompetence> grant(RulebookVersion version, TreeView tree, CommitteeId body,
                                                                Subject.Member member, SuspensionKind kind, LocalDate date) {
        Optional<TreeView.Node> node = tree.node(body);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        CommitteeId organization = tree.organizationOf(body, date);
        List<CommitteeId> above = tree.ancestorsOn(member.organizationId(), date);
        return rulesOf(version).competence().stream()
                .filter(entry -> entry.bodies().contains(node.get().kind()) && entry.levels().contains(node.get().level()))
                .filter(entry -> entry.kinds().contains(kind))
                .filter(entry -> switch (entry.scope()) {
                    case ANY -> true;
                    case OWN_ORGANIZATION -> member.organizationId().equals(organization);
                    case SUBTREE -> member.organizationId().equals(organization) || above.contains(organization);
                    default -> false;
                })
                .findFirst();
    }

    static void competent(RulebookVersion version, TreeView tree, CommitteeId body, Subject.Member member,
                          SuspensionKind kind, LocalDate date) {
        if (grant(version, tree, body, member, kind, date).isEmpty()) {
            throw refuse(version, COMPETENCE, "decidingCommitteeId", "competence", body, kind, member.memberId());
        }
    }

    /** A committee named in a command must exist and stand on the step's date. */
    static void standing(RulebookVersion version, TreeView tree, CommitteeId id, LocalDate date, String field) {
        TreeView.Node node = tree.node(id).orElseThrow(() -> new RuleViolationException("TREE-STANDING",
                version.source("TREE-STANDING"), version.id(), field, "case.committee.unknown", id));
        if (!node.standsOn(date)) {
            throw new RuleViolationException("TREE-STANDING", version.source("TREE-STANDING"), version.id(), field,
                    "case.committee.notStanding", id, date);
        }
    }
}
