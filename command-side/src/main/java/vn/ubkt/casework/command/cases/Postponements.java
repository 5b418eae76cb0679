package vn.ubkt.casework.command.cases;

import java.time.LocalDate;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.events.cases.PostponementReason;

/**
 * R-POSTPONEMENT (HD 08-HD/TW, as reported): the last postponement recorded on a case decides. For a reason the
 * rulebook says holds the decision back (pregnancy or childcare, inpatient treatment, missing), no discipline is
 * decided before the postponement's end — nor at all while its end is not recorded; for a reason it says makes the
 * discipline not imposed (died, approved innovation, a superior's decision carried out after objecting), the body's
 * decision is recorded as "not imposed — postponement".
 */
final class Postponements {

    private Postponements() {
    }

    static boolean holds(RulebookVersion rules, PostponementReason reason, LocalDate until, LocalDate decidedOn) {
        return reason != null && rules.postponement() != null && rules.postponement().holding().contains(reason)
                && (until == null || decidedOn.isBefore(until));
    }

    static boolean notImposed(RulebookVersion rules, PostponementReason reason) {
        return reason != null && rules.postponement() != null && rules.postponement().notImposed().contains(reason);
    }
}
