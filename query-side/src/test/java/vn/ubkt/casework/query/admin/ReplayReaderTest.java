package vn.ubkt.casework.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.axonframework.common.DateTimeUtils;

/** The replay's reading of an event's time answers what Axon's own parsing answers, for what Axon writes and more. */
class ReplayReaderTest {

    @Property(tries = 3000)
    void readsWhatAxonWritesAsAxonReadsIt(@ForAll @LongRange(min = -62_000_000_000L, max = 253_402_300_799L) long second,
                                          @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                          @ForAll boolean byAxon) {
        // Axon writes milliseconds; Instant's own form has 0, 3, 6 or 9 digits of the second's fraction
        Instant instant = Instant.ofEpochSecond(second, byAxon ? nanos / 1_000_000 * 1_000_000 : nanos);
        String written = byAxon ? DateTimeUtils.formatInstant(instant) : instant.toString();
        assertThat(ReplayReader.instant(written)).isEqualTo(DateTimeUtils.parseInstant(written)).isEqualTo(instant);
    }

    @Example
    void readsTheFormsAxonAlsoReads() {
        for (String text : new String[] {"2026-12-01T12:09:13.888Z", "2026-12-01T12:09:13Z", "2026-12-01T12:09:13.1234Z",
                "2026-12-01T12:09:13.123456789Z", "2026-12-01t12:09:13.888z", "2026-12-01T19:09:13.888+07:00",
                "2024-02-29T00:00:00.000Z", "+10000-01-01T00:00:00.000Z", "2026-12-01T12:09Z", "2026-12-01T12:09:13.12Z"}) {
            assertThat(ReplayReader.instant(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Example
    void refusesWhatAxonRefuses() {
        for (String text : new String[] {"2026-02-30T12:09:13.888Z", "2026-12-01T24:00:00.000Z", "2026-12-01T12:60:00Z",
                "2026-13-01T12:09:13.888Z", "10000-01-01T00:00:00.000Z", "2026-12-01T12:09:13.1234567890Z",
                "2026-1a-01T12:09:13.888Z", "2026-12-01 12:09:13.888Z", "not a time at all...."}) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as("Axon refuses %s", text)
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> ReplayReader.instant(text)).as(text).isInstanceOf(RuntimeException.class);
        }
    }
}
