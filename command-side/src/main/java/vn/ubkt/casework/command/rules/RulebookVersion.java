package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.suspensions.SuspensionKind;

/**
 * One version of the rules of party discipline, in force from {@code effectiveFrom} (inclusive) until the next
 * version begins. Every rule it holds names its source; entries that could not be checked against the text
 * are marked {@code U} (unverified) and are data precisely so that they can be corrected without a release.
 * With {@code dismissalOfCommitteeMembersByStandingCommitteeAbove} (QĐ 296 art. 13), a member who sits on
 * committees is dismissed only by the standing committee directly above the highest committee they sit on.
 */
public record RulebookVersion(
        String id,
        LocalDate effectiveFrom,
        String title,
        Map<String, String> sources,
        Forms forms,
        List<CompetenceEntry> competence,
        Limitation limitation,
        Ballot ballot,
        Deadlines deadlines,
        boolean dismissalOfCommitteeMembersByStandingCommitteeAbove,
        Map<String, String> ruleCertainty,
        Suspension suspension,
        DecisionEffect effect,
        Postponement postponement,
        Map<String, String> documentBases) {

    public RulebookVersion {
        documentBases = documentBases == null ? Map.of() : Map.copyOf(documentBases);
        ruleCertainty = ruleCertainty == null ? Map.of() : Map.copyOf(ruleCertainty);
        effect = effect == null ? DecisionEffect.AS_DECIDED_BY_THE_BODY : effect;
    }

    /**
     * The "Căn cứ" line a document cites for a basis ({@code CHARTER}, {@code INSPECTION}, {@code DISCIPLINE},
     * {@code WORKING_RULES}): the texts in force on the document's date, so a document issued under QĐ 22 cites
     * QĐ 22 and one issued under QĐ 296 cites QĐ 296 (OUTPUTS.md "The documents of a case").
     */
    public java.util.Optional<String> documentBasis(String basis) {
        return java.util.Optional.ofNullable(documentBases.get(basis));
    }

    /**
     * R-SUSPENSION: suspension of party (or committee) activity of a member under investigation, prosecution or
     * detention lasts at most {@code days}, extendable {@code extensions} time(s) by at most {@code extensionDays}
     * (QĐ 21-QĐ/TW, as reported: 90 days, once by at most 30). Which body may suspend whom is data too.
     */
    public record Suspension(int days, int extensionDays, int extensions, String certainty, String source,
                             List<SuspensionCompetence> competence) {
        public Suspension {
            competence = competence == null ? List.of() : List.copyOf(competence);
        }
    }

    /** A body of one of {@code bodies} at one of {@code levels} may suspend {@code kinds} of members in {@code scope}. */
    public record SuspensionCompetence(String id, Set<CommitteeKind> bodies, Set<CommitteeLevel> levels,
                                       Set<SuspensionKind> kinds, Scope scope, String certainty, String source) {
    }

    /**
     * R-EFFECT: when a discipline decision takes effect. With {@code onSigning} (QĐ 21-QĐ/TW, as reported) it takes
     * effect on the day it is signed, {@code effectiveOn = decidedOn}; decisions within a cell's competence are
     * excepted, and what applies to them instead is {@code cellDecisions} — not reported, so data ({@code U}).
     */
    public record DecisionEffect(boolean onSigning, CellDecisions cellDecisions, String certainty, String cellCertainty,
                                 String source) {
        static final DecisionEffect AS_DECIDED_BY_THE_BODY = new DecisionEffect(false, CellDecisions.AS_DECIDED, "U",
                "U", "as decided by the body");

        public DecisionEffect {
            cellDecisions = cellDecisions == null ? CellDecisions.AS_DECIDED : cellDecisions;
        }
    }

    /**
     * R-POSTPONEMENT (HD 08-HD/TW, as reported; which reason does what is unverified): a postponement for a
     * {@code holding} reason holds the decision back until it ends; for a {@code notImposed} reason the body's decision
     * is recorded as not imposed — postponement.
     */
    public record Postponement(Set<PostponementReason> holding, Set<PostponementReason> notImposed, String certainty,
                               String source) {
        public Postponement {
            holding = holding == null ? Set.of() : Set.copyOf(holding);
            notImposed = notImposed == null ? Set.of() : Set.copyOf(notImposed);
        }
    }

    public enum CellDecisions {
        /** The cell states the day its decision takes effect (on or after the decision, e.g. once approved above). */
        AS_DECIDED,
        /** A cell's decisions take effect on signing like every other body's. */
        ON_SIGNING
    }

    /** R-FORMS: the forms each kind of subject may receive. DISMISSAL only for a member who holds a post. */
    public record Forms(Set<DisciplineForm> organization, Set<DisciplineForm> official, Set<DisciplineForm> probationary) {
    }

    /**
     * R-COMPETENCE: a body of one of {@code bodies} at one of {@code levels} may decide {@code forms} for a
     * subject of kind {@code subject} when the subject stands in {@code scope} to the body's organization and
     * the committee-member and cadre-management conditions hold. {@code certainty}: C quoted text found,
     * R reported by a secondary source, U unverified.
     */
    public record CompetenceEntry(
            String id,
            Set<CommitteeKind> bodies,
            Set<CommitteeLevel> levels,
            SubjectKind subject,
            Set<DisciplineForm> forms,
            Scope scope,
            CommitteeMembers committeeMembers,
            boolean higherManagedCadres,
            boolean ownManagedCadresOnly,
            String certainty,
            String source) {
    }

    public enum SubjectKind { MEMBER, ORGANIZATION }

    public enum Scope {
        /** The member belongs to the body's own organization (a cell's own members). */
        OWN_ORGANIZATION,
        /** The member belongs to the body's organization or anything below it (its đảng bộ). */
        SUBTREE,
        /** Anywhere (the Politburo and Secretariat). */
        ANY,
        /** The organization hangs directly under the body's organization. */
        DIRECTLY_BELOW,
        /** The organization hangs directly under a committee that hangs directly under the body's organization. */
        BELOW_LOWER_COMMITTEE
    }

    public enum CommitteeMembers {
        /** No condition. */
        ANY,
        /** The member sits on no party committee. */
        NONE,
        /** The member sits only on committees below the body's organization (dismissal of lower-level committee members). */
        LOWER_ONLY,
        /** The member does not sit on the committee of the body's organization nor above it. */
        NOT_OWN,
        /** The member sits on the committee of the body's organization (the Central Committee's own members). */
        OWN_ONLY
    }

    /** R-LIMITATION: years from the end of the violation to the conclusion; a missing form has no limit. */
    public record Limitation(
            Map<DisciplineForm, Integer> memberYears,
            Map<DisciplineForm, Integer> organizationYears,
            Set<ViolationCategory> noLimitCategories) {
    }

    /**
     * R-BALLOT: a form passes with more than {@code passNumerator/passDenominator} of the eligible voters;
     * EXPULSION needs at least {@code expulsionNumerator/expulsionDenominator}.
     */
    public record Ballot(int passNumerator, int passDenominator, int expulsionNumerator, int expulsionDenominator) {
    }

    /** R-DEADLINES and R-APPEAL lengths. Working days skip weekends and the public holidays of the {@link HolidayCalendar}. */
    public record Deadlines(
            int appealWindowMonths,
            int appealResolutionWorkingDays,
            int centralAppealResolutionWorkingDays,
            int denunciationWorkingDays) {
    }

    public String source(String rule) {
        return sources.getOrDefault(rule, "DOMAIN.md " + rule);
    }

    /** C, R or U for a rule's source where the rulebook says; null where it does not. */
    public String certainty(String rule) {
        return ruleCertainty.get(rule);
    }
}
