package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.ViolationCategory;

/**
 * R-LIMITATION (QĐ 69 art. 4; HD 02-HD/TW): counted from the end of the violation to the conclusion date.
 * A form with no limit in the rulebook (EXPULSION, DISSOLUTION) and the no-limit categories never expire;
 * a violation without an end date is continuing and counts from the conclusion itself.
 */
public final class TimeLimit {

    private TimeLimit() {
    }

    /** The last conclusion date on which the form may still be imposed, or null when there is no limit. */
    public static LocalDate lastDay(DisciplineForm form, boolean organization, List<ViolationCategory> categories,
                                    LocalDate violationTo, RulebookVersion.Limitation rule) {
        Integer years = (organization ? rule.organizationYears() : rule.memberYears()).get(form);
        if (years == null || violationTo == null || categories.stream().anyMatch(rule.noLimitCategories()::contains)) {
            return null;
        }
        return violationTo.plusYears(years);
    }

    public static boolean expired(DisciplineForm form, boolean organization, List<ViolationCategory> categories,
                                  LocalDate violationTo, LocalDate concludedOn, RulebookVersion.Limitation rule) {
        LocalDate lastDay = lastDay(form, organization, categories, violationTo, rule);
        return lastDay != null && concludedOn.isAfter(lastDay);
    }
}
