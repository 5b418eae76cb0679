package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Every version of the rules, oldest first, and the calendar of public holidays that working-day deadlines skip. A
 * step is judged by the version in force on its business date.
 */
public record Rulebook(List<RulebookVersion> versions, HolidayCalendar holidays) {

    public Rulebook {
        versions = versions.stream().sorted(Comparator.comparing(RulebookVersion::effectiveFrom)).toList();
        holidays = holidays == null ? HolidayCalendar.NONE : holidays;
    }

    public Rulebook(List<RulebookVersion> versions) {
        this(versions, HolidayCalendar.NONE);
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
