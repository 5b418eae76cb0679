package vn.ubkt.casework.command.cases;

import java.time.LocalDate;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.command.rules.BusinessDates;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;

/** The rules a case step checks that need no state of the case itself, each refusing with its explanation. */
final class CaseRules {

    private CaseRules() {
    }

    static RuleViolationException refuse(RulebookVersion version, String rule, String field, String key, Object... args) {
        return new RuleViolationException(rule, version.source(rule), version.id(), field, "case." + key, args);
    }

    /** R-DATES: a business date is never after today. */
    static void notInFuture(RulebookVersion version, LocalDate date, LocalDate today, String field) {
        BusinessDates.notInFuture(version, date, today, field);
    }

    /** R-DATES: the steps keep their order. */
    static void notBefore(RulebookVersion version, LocalDate date, LocalDate earliest, String field, String earliestName) {
        BusinessDates.notBefore(version, date, earliest, field, earliestName);
    }

    /** R-FORMS (QĐ 69 art. 7): the forms a subject may receive; DISMISSAL only for a member who holds a post. */
    static void formFits(RulebookVersion version, Subject subject, DisciplineForm form, String field) {
        RulebookVersion.Forms forms = version.forms();
        boolean allowed;
        if (subject instanceof Subject.Member member) {
            allowed = (member.membership() == Membership.PROBATIONARY ? forms.probationary() : forms.official()).contains(form)
                    && (form != DisciplineForm.DISMISSAL || member.holdsPost());
            if (!allowed) {
                String why = member.membership() == Membership.PROBATIONARY ? "probationary"
                        : form == DisciplineForm.DISMISSAL ? "noPost" : "member";
                throw refuse(version, "R-FORMS", field, "forms." + why, form,
                        member.membership() == Membership.PROBATIONARY ? forms.probationary() : forms.official());
            }
        } else if (!forms.organization().contains(form)) {
            throw refuse(version, "R-FORMS", field, "forms.organization", form, forms.organization());
        }
    }

    /** A committee named in a command must exist and stand on the step's date. */
    static TreeView.Node standingCommittee(RulebookVersion version, TreeView tree, CommitteeId id, LocalDate date,
                                           String field) {
        TreeView.Node node = tree.node(id)
                .orElseThrow(() -> refuse(version, "TREE-STANDING", field, "committee.unknown", id));
        if (!node.standsOn(date)) {
            throw refuse(version, "TREE-STANDING", field, "committee.notStanding", id, date);
        }
        return node;
    }

    /** R-BALLOT: counts cannot exceed the eligible voters, nor the eligible voters the body's voting members. */
    static void ballotIsCoherent(RulebookVersion version, CaseCommands.Ballot ballot, int eligibleVoters,
                                 Integer votingMembers, String field) {
        if (eligibleVoters <= 0) {
            throw refuse(version, "R-BALLOT", "eligibleVoters", "ballot.noVoters");
        }
        if (votingMembers != null && eligibleVoters > votingMembers) {
            throw refuse(version, "R-BALLOT", "eligibleVoters", "ballot.moreThanMembers", eligibleVoters, votingMembers);
        }
        if (ballot.total() > eligibleVoters) {
            throw refuse(version, "R-BALLOT", field, "ballot.tooManyVotes", ballot.total(), eligibleVoters);
        }
    }
}
