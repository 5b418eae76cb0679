package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.events.committees.CommitteeKind;

/**
 * R-EFFECT (QĐ 21-QĐ/TW and QĐ 212-QĐ/TW, as reported): from rulebook 2026.1 a discipline decision takes effect on
 * the day it is signed, except a decision within a cell's competence — what applies to a cell's decision is not
 * reported, so the rulebook says it ({@code effect.cellDecisions}, marked U): AS_DECIDED lets the cell state its
 * effective date (on or after the decision), ON_SIGNING treats it like every other body's.
 */
public final class EffectiveDate {

    private EffectiveDate() {
    }

    /** Whether a decision by this kind of body takes effect on signing under this version. */
    public static boolean onSigning(RulebookVersion version, CommitteeKind body) {
        RulebookVersion.DecisionEffect effect = version.effect();
        if (!effect.onSigning()) {
            return false;
        }
        return body != CommitteeKind.CELL || effect.cellDecisions() == RulebookVersion.CellDecisions.ON_SIGNING;
    }

    public static void check(RulebookVersion version, CommitteeKind body, LocalDate decidedOn, LocalDate effectiveOn) {
        if (onSigning(version, body) && !effectiveOn.equals(decidedOn)) {
            throw new RuleViolationException("R-EFFECT", version.source("R-EFFECT"), version.id(), "effectiveOn",
                    "case.effect.onSigning", effectiveOn, decidedOn);
        }
    }
}
