package vn.ubkt.casework.command.rules;

import java.time.LocalDate;

/**
 * Counts working days: Monday to Friday, skipping the public holidays of the {@link HolidayCalendar} (Tết and the
 * other lunar holidays included), so that every deadline in working days lands on the right day.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The day on which the {@code workingDays}-th working day after {@code start} falls. */
    public static LocalDate after(LocalDate start, int workingDays, HolidayCalendar calendar) {
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (calendar.isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
