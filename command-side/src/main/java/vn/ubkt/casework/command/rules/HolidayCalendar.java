package vn.ubkt.casework.command.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Vietnam's public holidays that fall on working days (Bộ luật Lao động 2019 art. 112: 1/1, Tết Nguyên đán, 10/3 âm
 * lịch, 30/4, 1/5, 2/9), year by year, as versioned data ({@code rulebook/holidays.json}) that a deployment extends.
 * A working day is a Monday to Friday that is not one of them, or a weekend day the calendar says is worked.
 */
public record HolidayCalendar(String version, String source, Map<LocalDate, Holiday> days, Set<LocalDate> workingDays) {

    /** {@code certainty}: R where a published schedule was read through secondary sources, U where estimated. */
    public record Holiday(LocalDate date, String name, String certainty) {
    }

    /** No holidays known: weekends only. */
    public static final HolidayCalendar NONE = new HolidayCalendar("none", "none", Map.of(), Set.of());

    public HolidayCalendar {
        days = Map.copyOf(days);
        workingDays = Set.copyOf(workingDays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingDays.contains(date)) {
            return true;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !days.containsKey(date);
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** The holidays of both calendars: a deployment's file adds days (and worked weekend days) to the shipped one. */
    public HolidayCalendar extendedBy(HolidayCalendar more) {
        Map<LocalDate, Holiday> all = new TreeMap<>(days);
        all.putAll(more.days());
        Set<LocalDate> worked = new java.util.HashSet<>(workingDays);
        worked.addAll(more.workingDays());
        return new HolidayCalendar(version + "+" + more.version(), source + "; " + more.source(), all, worked);
    }
}
