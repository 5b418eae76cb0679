package vn.ubkt.casework.command.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counts working days, Monday to Friday. Public holidays are not known to the product and are not skipped. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDate after(LocalDate start, int workingDays) {
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return date;
    }
}
