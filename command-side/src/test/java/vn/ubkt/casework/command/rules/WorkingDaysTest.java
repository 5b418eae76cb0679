package vn.ubkt.casework.command.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/** Working days know Vietnam's public holidays (Bộ luật Lao động 2019 art. 112), Tết included, year by year. */
@DisplayName("Working days skip weekends and Vietnam's public holidays, from a calendar a deployment can extend")
class WorkingDaysTest {

    private static HolidayCalendar shipped() throws IOException {
        return RulebookLoader.shippedHolidays();
    }

    @Test
    @DisplayName("the shipped calendar lists Tết (five working days) and the other holidays for every year 2019–2027")
    void everyYear() throws IOException {
        HolidayCalendar calendar = shipped();
        IntStream.rangeClosed(2019, 2027).forEach(year -> {
            assertThat(calendar.days().values().stream().filter(d -> d.date().getYear() == year
                    && d.name().startsWith("Tết Nguyên đán"))).as("Tết of " + year).hasSize(5);
            assertThat(calendar.days().values().stream().filter(d -> d.date().getYear() == year
                    && d.name().startsWith("Giỗ Tổ"))).as("Hùng Kings of " + year).hasSize(1);
        });
        assertThat(calendar.holiday(LocalDate.of(2026, 2, 17))).get()
                .satisfies(day -> assertThat(day.name()).startsWith("Tết Nguyên đán"));
        assertThat(calendar.days().values()).allSatisfy(day -> assertThat(day.date().getDayOfWeek().getValue()).isLessThan(6));
    }

    @Test
    @DisplayName("the first day of Tết Bính Ngọ (Tuesday 17 February 2026) is not a working day; the Monday after Tết is")
    void tetIsNotWorked() throws IOException {
        assertThat(shipped().isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(shipped().isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
        assertThat(HolidayCalendar.NONE.isWorkingDay(LocalDate.of(2026, 2, 17))).as("without a calendar").isTrue();
    }

    @Test
    @DisplayName("five working days after Friday 13 February 2026 is Friday 27 February, not Friday 20 February")
    void countsAcrossTet() throws IOException {
        assertThat(WorkingDays.after(LocalDate.of(2026, 2, 13), 5, shipped())).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(WorkingDays.after(LocalDate.of(2026, 2, 13), 5, HolidayCalendar.NONE)).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(WorkingDays.after(LocalDate.of(2026, 3, 2), 5, shipped())).as("an ordinary week")
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    @DisplayName("a deployment's file adds a holiday and a worked Saturday (làm bù)")
    void deploymentExtends(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("holidays.json");
        Files.writeString(file, """
                {"version": "TQ-2026.1", "source": "Quyết định của UBND tỉnh",
                 "days": [{"date": "2026-03-09", "name": "Ngày nghỉ của tỉnh", "certainty": "C"}],
                 "workingDays": ["2026-03-14"]}""");
        Rulebook rulebook = new RulebookLoader().rulebook(new ClassPathResource("rulebook/rulebook.json"),
                new FileSystemResource(file));
        HolidayCalendar calendar = rulebook.holidays();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).as("the shipped days stay").isFalse();
        assertThat(calendar.version()).isEqualTo("VN-2026.1+TQ-2026.1");
    }

    @Test
    @DisplayName("a calendar with a day listed twice or without certainty is refused at start")
    void incoherent() {
        assertThatThrownBy(() -> RulebookLoader.readHolidays(new ByteArrayInputStream("""
                {"version": "x", "days": [{"date": "2026-03-09", "name": "A", "certainty": "C"},
                                          {"date": "2026-03-09", "name": "B", "certainty": "C"},
                                          {"date": "2026-03-10", "name": "C"}]}""".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("listed twice").hasMessageContaining("certainty");
    }
}
