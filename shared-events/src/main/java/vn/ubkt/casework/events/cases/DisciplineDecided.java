package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * Discipline was imposed: the form the ballot passed, by the competent body, in force from effectiveOn. What the law
 * and the administration did with the member ({@code legalHandling}, {@code administrativeHandling}, added for the
 * statistical forms) is null when not recorded, as in every event recorded before.
 */
@Revision("1")
public record DisciplineDecided(
        CaseId caseId,
        LocalDate decidedOn,
        CommitteeId decidingCommitteeId,
        String decisionRef,
        int eligibleVoters,
        Map<String, Integer> ballot,
        DisciplineForm form,
        LocalDate announcedOn,
        LocalDate effectiveOn,
        String rulebookVersion,
        List<Deadline> deadlines,
        LegalHandling legalHandling,
        Boolean administrativeHandling) implements CaseEvent {

    public DisciplineDecided(CaseId caseId, LocalDate decidedOn, CommitteeId decidingCommitteeId, String decisionRef,
                             int eligibleVoters, Map<String, Integer> ballot, DisciplineForm form, LocalDate announcedOn,
                             LocalDate effectiveOn, String rulebookVersion, List<Deadline> deadlines) {
        this(caseId, decidedOn, decidingCommitteeId, decisionRef, eligibleVoters, ballot, form, announcedOn, effectiveOn,
                rulebookVersion, deadlines, null, null);
    }

    @JsonCreator
    public DisciplineDecided {
        Require.present(caseId, "caseId");
        Require.present(decidedOn, "decidedOn");
        Require.present(decidingCommitteeId, "decidingCommitteeId");
        Require.text(decisionRef, "decisionRef");
        ballot = Map.copyOf(Require.present(ballot, "ballot"));
        Require.present(form, "form");
        Require.present(announcedOn, "announcedOn");
        Require.present(effectiveOn, "effectiveOn");
        Require.text(rulebookVersion, "rulebookVersion");
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
