package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;

/**
 * R-COMPETENCE: whether a body may decide a form for a subject on a date, judged by the competence entries
 * of the rulebook version in force and the tree as it stood that day.
 */
public final class Competence {

    private Competence() {
    }

    /** The entry that grants the power, if any. */
    public static Optional<RulebookVersion.CompetenceEntry> grant(RulebookVersion version, CommitteeId body,
            Subject subject, DisciplineForm form, LocalDate date, TreeView tree) {
        return version.competence().stream()
                .filter(entry -> entry.forms().contains(form))
                .filter(entry -> applies(entry, body, subject, date, tree))
                .findFirst();
    }

    /** Every form this body may decide for this subject on that date: the explanation of a refusal. */
    public static Set<DisciplineForm> formsWithin(RulebookVersion version, CommitteeId body, Subject subject,
                                                  LocalDate date, TreeView tree) {
        Set<DisciplineForm> forms = EnumSet.noneOf(DisciplineForm.class);
        version.competence().stream().filter(entry -> applies(entry, body, subject, date, tree))
                .forEach(entry -> forms.addAll(entry.forms()));
        return forms;
    }

    /**
     * QĐ 296 art. 13: a member who sits on committees is dismissed by the standing committee directly above
     * the highest committee they sit on. Answers that standing committee's organization when the rule applies.
     */
    public static Optional<CommitteeId> dismissalBodyOrganization(RulebookVersion version, Subject subject,
                                                                  LocalDate date, TreeView tree) {
        if (!version.dismissalOfCommitteeMembersByStandingCommitteeAbove() || !(subject instanceof Subject.Member member)
                || member.committeeMemberOf().isEmpty()) {
            return Optional.empty();
        }
        Optional<CommitteeId> highest = member.committeeMemberOf().stream()
                .filter(id -> tree.node(id).isPresent())
                .min(Comparator.comparingInt(id -> tree.node(id).orElseThrow().level().ordinal()));
        return highest.flatMap(id -> tree.parentOn(id, date));
    }

    static boolean applies(RulebookVersion.CompetenceEntry entry, CommitteeId body, Subject subject, LocalDate date,
                           TreeView tree) {
        Optional<TreeView.Node> node = tree.node(body);
        if (node.isEmpty() || !entry.bodies().contains(node.get().kind()) || !entry.levels().contains(node.get().level())) {
            return false;
        }
        CommitteeId organization = tree.organizationOf(body, date);
        if (subject instanceof Subject.Member member) {
            return entry.subject() == RulebookVersion.SubjectKind.MEMBER
                    && memberInScope(entry.scope(), organization, member, date, tree)
                    && committeeMembersFit(entry.committeeMembers(), organization, member, date, tree)
                    && cadreFits(entry, organization, member, date, tree);
        }
        return entry.subject() == RulebookVersion.SubjectKind.ORGANIZATION
                && organizationInScope(entry.scope(), organization, subject.organizationId(), date, tree);
    }

    private static boolean memberInScope(RulebookVersion.Scope scope, CommitteeId organization, Subject.Member member,
                                         LocalDate date, TreeView tree) {
        return switch (scope) {
            case OWN_ORGANIZATION -> member.organizationId().equals(organization);
            case SUBTREE -> atOrBelow(member.organizationId(), organization, date, tree);
            case ANY -> true;
            case DIRECTLY_BELOW, BELOW_LOWER_COMMITTEE -> false;
        };
    }

    private static boolean organizationInScope(RulebookVersion.Scope scope, CommitteeId organization, CommitteeId subject,
                                               LocalDate date, TreeView tree) {
        Optional<CommitteeId> parent = tree.parentOn(subject, date);
        return switch (scope) {
            case DIRECTLY_BELOW -> parent.filter(organization::equals).isPresent();
            case BELOW_LOWER_COMMITTEE -> parent.flatMap(p -> tree.parentOn(p, date)).filter(organization::equals).isPresent();
            case ANY -> true;
            case OWN_ORGANIZATION, SUBTREE -> false;
        };
    }

    private static boolean committeeMembersFit(RulebookVersion.CommitteeMembers rule, CommitteeId organization,
                                               Subject.Member member, LocalDate date, TreeView tree) {
        List<CommitteeId> seats = member.committeeMemberOf();
        List<CommitteeId> ownAndAbove = new java.util.ArrayList<>(tree.ancestorsOn(organization, date));
        ownAndAbove.add(organization);
        boolean sitsOwnOrAbove = seats.stream().anyMatch(ownAndAbove::contains);
        return switch (rule) {
            case ANY -> true;
            case NONE -> seats.isEmpty();
            case NOT_OWN -> !sitsOwnOrAbove;
            case OWN_ONLY -> seats.contains(organization);
            case LOWER_ONLY -> !seats.isEmpty() && !sitsOwnOrAbove
                    && seats.stream().allMatch(seat -> tree.ancestorsOn(seat, date).contains(organization));
        };
    }

    private static boolean cadreFits(RulebookVersion.CompetenceEntry entry, CommitteeId organization, Subject.Member member,
                                     LocalDate date, TreeView tree) {
        if (member.managedByCommitteeId() == null) {
            return !entry.ownManagedCadresOnly();
        }
        CommitteeId managing = tree.organizationOf(member.managedByCommitteeId(), date);
        if (entry.ownManagedCadresOnly() && !managing.equals(organization)) {
            return false;
        }
        boolean managedHigher = tree.ancestorsOn(organization, date).contains(managing);
        return entry.higherManagedCadres() || !managedHigher;
    }

    private static boolean atOrBelow(CommitteeId node, CommitteeId organization, LocalDate date, TreeView tree) {
        return node.equals(organization) || tree.ancestorsOn(node, date).contains(organization);
    }

    /** Kinds that may decide discipline at all; a departmental committee only forwards proposals. */
    public static boolean mayDecideAtAll(CommitteeKind kind) {
        return kind != CommitteeKind.DEPARTMENTAL_COMMITTEE;
    }
}
