package vn.ubkt.casework.query.statistics;

import java.util.Arrays;
import java.util.List;
import vn.ubkt.casework.events.cases.AppealChangeReason;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.LegalHandling;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.complaints.WriterKind;
import vn.ubkt.casework.events.suspensions.SuspensionKind;

/**
 * What a form may ask of a {@link Fact}: the one vocabulary of the fact writer (the statistics projection) and its
 * readers (the form definitions, checked against it at start). An attribute is either stored with the fact or
 * {@link #derived() derived} from the committee tree when a form is computed (the level of the acting body, of the
 * committees a member sits on, of the managing committee).
 */
public enum FactAttribute {
    CASE_TYPE("caseType", names(CaseType.values())),
    GROUP("group", names(CaseType.Group.values())),
    SUBJECT("subject", List.of("MEMBER", "ORGANIZATION")),
    MEMBERSHIP("membership", names(Membership.values())),
    /** Whether the member sits on a party committee (cấp ủy viên). */
    COMMITTEE_MEMBER("committeeMember", booleans()),
    /** The highest level among the committees the member sits on (derived). */
    COMMITTEE_MEMBER_LEVEL("committeeMemberLevel", names(CommitteeLevel.values()), true),
    /** The level of the committee managing the member as a cadre (derived). */
    MANAGING_LEVEL("managingLevel", names(CommitteeLevel.values()), true),
    /** The level of the subject's organization, or of the organization the member belongs to (derived). */
    SUBJECT_LEVEL("subjectLevel", names(CommitteeLevel.values()), true),
    /** The kind and level of the body the fact counts under from the acting perspective (derived). */
    ACTOR_KIND("actorKind", names(CommitteeKind.values()), true),
    ACTOR_LEVEL("actorLevel", names(CommitteeLevel.values()), true),
    OUTCOME("outcome", names(Outcome.values())),
    WARRANTED("warranted", booleans()),
    /** The violation categories of the case's conclusion; a fact matches when one of them is asked for. */
    CATEGORY("category", names(ViolationCategory.values())),
    DENUNCIATION_RESULT("denunciationResult", names(DenunciationResult.values())),
    REFERRED_TO_INVESTIGATION("referredToInvestigation", booleans()),
    FORM("form", names(DisciplineForm.values())),
    LEGAL_HANDLING("legalHandling", names(LegalHandling.values())),
    ADMINISTRATIVE_HANDLING("administrativeHandling", booleans()),
    NOT_IMPOSED_REASON("notImposedReason", names(NotImposedReason.values())),
    APPEAL_RESULT("appealResult", names(AppealResult.values())),
    CHANGE_REASON("changeReason", names(AppealChangeReason.values())),
    SUSPENSION_KIND("suspensionKind", names(SuspensionKind.values())),
    ANONYMOUS("anonymous", booleans()),
    WRITER_KIND("writerKind", names(WriterKind.values())),
    /** Amounts in thousand đồng: summed by a money column, never matched. */
    AMOUNT_IN_VIOLATION("amountInViolation", List.of()),
    AMOUNT_RECOVERED("amountRecovered", List.of());

    private final String key;
    private final List<String> values;
    private final boolean derived;

    FactAttribute(String key, List<String> values) {
        this(key, values, false);
    }

    FactAttribute(String key, List<String> values, boolean derived) {
        this.key = key;
        this.values = values;
        this.derived = derived;
    }

    public String key() {
        return key;
    }

    /** The values a form may ask for; empty for an amount, which is summed. */
    public List<String> allowed() {
        return values;
    }

    public boolean derived() {
        return derived;
    }

    public boolean amount() {
        return values.isEmpty();
    }

    public static FactAttribute byKey(String key) {
        return Arrays.stream(FactAttribute.values()).filter(a -> a.key.equals(key)).findFirst().orElse(null);
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static List<String> booleans() {
        return List.of("true", "false");
    }
}
