package vn.ubkt.casework.command.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.ubkt.casework.events.cases.DisciplineForm;

/**
 * R-BALLOT (QĐ 22 art. 15; QĐ 69): a secret ballot per form. A form passes with more than half of the
 * eligible voters, EXPULSION with at least two thirds. If no form passes on its own votes, votes are added
 * from the heaviest form downward — the votes for a heavier form count for every lighter one — and the first
 * form whose running total passes is decided; if none does, there is no discipline.
 */
public final class BallotCount {

    private BallotCount() {
    }

    /** The form the ballot passed, or null when none did. The ballot must already be valid. */
    public static DisciplineForm passedForm(Map<DisciplineForm, Integer> votes, int eligibleVoters,
                                            RulebookVersion.Ballot rule) {
        List<DisciplineForm> heaviestFirst = votes.keySet().stream()
                .sorted(Comparator.comparingInt(DisciplineForm::weight).reversed()).toList();
        int runningTotal = 0;
        for (DisciplineForm form : heaviestFirst) {
            runningTotal += votes.get(form);
            if (passes(form, runningTotal, eligibleVoters, rule)) {
                return form;
            }
        }
        return null;
    }

    static boolean passes(DisciplineForm form, int votes, int eligibleVoters, RulebookVersion.Ballot rule) {
        if (form == DisciplineForm.EXPULSION) {
            return (long) votes * rule.expulsionDenominator() >= (long) rule.expulsionNumerator() * eligibleVoters;
        }
        return (long) votes * rule.passDenominator() > (long) rule.passNumerator() * eligibleVoters;
    }
}
