package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Every version of the rules, oldest first. A step is judged by the version in force on its business date. */
public record Rulebook(List<RulebookVersion> versions) {

    public Rulebook {
        versions = versions.stream().sorted(Comparator.comparing(RulebookVersion::effectiveFrom)).toList();
    }

    public RulebookVersion inForceOn(LocalDate date) {
        RulebookVersion found = null;
        for (RulebookVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        if (found == null) {
            // before the first version we know, the earliest one is the best available text
            return versions.get(0);
        }
        return found;
    }
}
