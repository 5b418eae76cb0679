package vn.ubkt.casework.command.rules;

import java.time.LocalDate;
import vn.ubkt.casework.command.platform.RuleViolationException;

/** R-DATES for cases and complaints: a business date is never after today, and the steps keep their order. */
public final class BusinessDates {

    private BusinessDates() {
    }

    public static void notInFuture(RulebookVersion version, LocalDate date, LocalDate today, String field) {
        if (date != null && date.isAfter(today)) {
            throw new RuleViolationException("R-DATES", version.source("R-DATES"), version.id(), field,
                    "case.dates.future", field, date, today);
        }
    }

    public static void notBefore(RulebookVersion version, LocalDate date, LocalDate earliest, String field,
                                 String earliestName) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            throw new RuleViolationException("R-DATES", version.source("R-DATES"), version.id(), field,
                    "case.dates.order", field, date, earliestName, earliest);
        }
    }
}
