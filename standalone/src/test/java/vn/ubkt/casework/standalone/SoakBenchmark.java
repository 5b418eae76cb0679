package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak of issue 14 at full length; not part of the test run (its name matches neither *Test nor *IT). Run it as
 * docs/BENCHMARKS.md shows, with {@code -Pbenchmark -Dtest=SoakBenchmark -Dsoak.minutes=30}. Settings:
 * {@code soak.minutes} (30), {@code soak.warmUpSeconds} (30) and {@code soak.maxSeconds} (10) of the closed loop that
 * finds the maximum rate, {@code soak.clients} in it (8), {@code soak.sampleSeconds} (30), {@code soak.killAt} (0.5 of
 * the soak), {@code soak.downSeconds} (30) before the killed node is started again, {@code soak.nodeJvm}, the nodes' JVM options ({@code -Xmx512m}).
 */
class SoakBenchmark {

    @Test
    void soak() throws Exception {
        SoakRun.Result result = SoakRun.run(SoakRun.Settings.fromProperties(new SoakRun.Settings(Duration.ofMinutes(30),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 8, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(30),
                List.of("-Xmx512m"))));
        assertThat(result.verdict().missingFromStore()).isEmpty();
        assertThat(result.verdict().notInReadModel()).isEmpty();
        assertThat(result.rebuilds().values()).allMatch(rebuild -> rebuild.get("agreed").asBoolean());
    }
}
