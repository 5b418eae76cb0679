package vn.ubkt.casework.command.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rulebook as the product judges by it: every version with its sources and each entry's certainty, so that
 * anyone can see which rules are unverified (U) and ask for them to be checked against the text. Served by the
 * command side, which holds the rulebook; the proxy sends {@code /api/rulebook/} there whatever the method.
 */
@Tag(name = "Rulebook", description = "The versions of the rules, their sources and how certain each entry is")
@RestController
@RequestMapping("/api/rulebook")
class RulebookController {

    private final Rulebook rulebook;

    RulebookController(Rulebook rulebook) {
        this.rulebook = rulebook;
    }

    /** {@code certainty}: C quoted text found, R reported by a secondary source, U unverified; null when not stated. */
    record EntryView(String kind, String id, String certainty, String source) {
    }

    record VersionView(String id, LocalDate effectiveFrom, LocalDate effectiveUntil, String title, List<EntryView> entries,
                       List<String> unverified) {
    }

    @Operation(summary = "Every rulebook version, oldest first, with each rule's and competence entry's source and "
            + "certainty (C, R or U); unverified lists the entries marked U")
    @GetMapping("/versions")
    List<VersionView> versions() {
        List<VersionView> views = new ArrayList<>();
        List<RulebookVersion> versions = rulebook.versions();
        for (int i = 0; i < versions.size(); i++) {
            RulebookVersion version = versions.get(i);
            LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom().minusDays(1) : null;
            List<EntryView> entries = entries(version);
            views.add(new VersionView(version.id(), version.effectiveFrom(), until, version.title(), entries,
                    entries.stream().filter(e -> "U".equals(e.certainty())).map(e -> e.kind() + " " + e.id()).toList()));
        }
        return views;
    }

    private static List<EntryView> entries(RulebookVersion version) {
        List<EntryView> entries = new ArrayList<>();
        new TreeMap<>(version.sources()).forEach((rule, source) ->
                entries.add(new EntryView("RULE", rule, version.certainty(rule), source)));
        version.competence().forEach(entry ->
                entries.add(new EntryView("COMPETENCE", entry.id(), entry.certainty(), entry.source())));
        RulebookVersion.Suspension suspension = version.suspension();
        if (suspension != null) {
            entries.add(new EntryView("SUSPENSION", "DURATION", suspension.certainty(), suspension.source()));
            suspension.competence().forEach(entry ->
                    entries.add(new EntryView("SUSPENSION_COMPETENCE", entry.id(), entry.certainty(), entry.source())));
        }
        if (version.postponement() != null) {
            entries.add(new EntryView("POSTPONEMENT", "HOLDING_AND_NOT_IMPOSED", version.postponement().certainty(),
                    version.postponement().source()));
        }
        RulebookVersion.DecisionEffect effect = version.effect();
        entries.add(new EntryView("EFFECT", effect.onSigning() ? "ON_SIGNING" : "AS_DECIDED", effect.certainty(),
                effect.source()));
        entries.add(new EntryView("EFFECT", "CELL_DECISIONS_" + effect.cellDecisions(), effect.cellCertainty(),
                effect.source()));
        return entries;
    }
}
