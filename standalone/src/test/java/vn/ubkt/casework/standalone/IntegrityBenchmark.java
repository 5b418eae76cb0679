package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ubkt.casework.query.integrity.Checkpoints;
import vn.ubkt.casework.query.integrity.Ledger;
import vn.ubkt.casework.query.integrity.Sealer;
import vn.ubkt.casework.query.integrity.Verifier;

/**
 * Figures for docs/BENCHMARKS.md ("Sealing and verifying the record"): how fast the sealer seals a store it starts
 * behind, how fast the verifier checks it, and the command throughput through the API with the sealer running and
 * without. Not part of the suite: {@code -Dtest=IntegrityBenchmark -Dbenchmark.events=50000 -Dbenchmark.commands=600}.
 */
class IntegrityBenchmark {

    @Test
    void sealAndVerify() throws Exception {
        int events = Integer.getInteger("benchmark.events", 50_000);
        try (RunningApp app = RunningApp.start("casework.integrity.sealer.enabled=false")) {
            SyntheticHistory history = new SyntheticHistory(app);
            history.registerTree();
            history.appendCases(events);
            long stored = app.eventCount();
            DataSource dataSource = app.context.getBean(DataSource.class);
            Ledger ledger = new Ledger(JdbcClient.create(dataSource));
            Sealer sealer = new Sealer(dataSource, new Checkpoints(ledger, Optional.of(RunningApp.SIGNING_KEY),
                    Optional.empty()), new Sealer.Settings(true, Duration.ofMillis(100), 1000, Duration.ofSeconds(10),
                    Duration.ofSeconds(30)));
            long t0 = System.nanoTime();
            sealer.start();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> ledger.size() == stored);
            double sealSeconds = (System.nanoTime() - t0) / 1e9;
            sealer.stop();
            System.out.printf("BENCHMARK seal   %d events in %6.1f s: %8.0f events/s%n", stored, sealSeconds,
                    stored / sealSeconds);

            Verifier verifier = new Verifier(dataSource, Optional.of(RunningApp.SIGNING_KEY));
            for (int run = 0; run < 2; run++) {
                long t1 = System.nanoTime();
                Verifier.Result result = verifier.verify(null);
                double verifySeconds = (System.nanoTime() - t1) / 1e9;
                assertThat(result.ok()).as(result.findings().toString()).isTrue();
                System.out.printf("BENCHMARK verify %d events in %6.1f s: %8.0f events/s (run %d)%n", result.checkedEvents(),
                        verifySeconds, result.checkedEvents() / verifySeconds, run + 1);
            }
        }
    }

    @Test
    void commandThroughputWithAndWithoutTheSealer() {
        int commands = Integer.getInteger("benchmark.commands", 600);
        List<String> lines = new ArrayList<>();
        double[] off = new double[2];
        double[] on = new double[2];
        // alternated, so that whatever else the machine does weighs on both
        for (int round = 0; round < 2; round++) {
            off[round] = throughput(false, commands, lines);
            on[round] = throughput(true, commands, lines);
        }
        lines.forEach(System.out::println);
        double offMean = (off[0] + off[1]) / 2;
        double onMean = (on[0] + on[1]) / 2;
        System.out.printf("BENCHMARK commands/s without the sealer %.1f, with it %.1f: %+.1f%%%n", offMean, onMean,
                (onMean / offMean - 1) * 100);
    }

    private static double throughput(boolean sealer, int commands, List<String> lines) {
        try (RunningApp app = RunningApp.start("casework.integrity.sealer.enabled=" + sealer)) {
            SyntheticHistory history = new SyntheticHistory(app);
            history.registerTree();
            history.appendCases(5000);
            CaseDriver driver = new CaseDriver(new CaseworkScenario(app));
            // warm-up
            CaseDriver.inParallel(IntStream.range(0, 40).boxed().toList(), i -> driver.open("INSPECTION_TASK_PERFORMANCE",
                    "S-UBKT" + (i % 8), CaseDriver.member("W-" + i, "Đảng viên " + i, "S-CB" + (i % 8) + "-0"),
                    "Kiểm tra", LocalDate.of(2024, 3, 1)));
            int cases = commands / 2;
            long t0 = System.nanoTime();
            CaseDriver.inParallel(IntStream.range(0, cases).boxed().toList(), i -> driver.open("INSPECTION_TASK_PERFORMANCE",
                    "S-UBKT" + (i % 8), CaseDriver.member("B-" + i, "Đảng viên " + i, "S-CB" + (i % 8) + "-" + (i % 10)),
                    "Kiểm tra việc thực hiện nhiệm vụ", LocalDate.of(2024, 3, 1).plusDays(i % 200)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = cases * 2 / seconds;
            String status = app.http.get("/api/integrity/status").body();
            lines.add(String.format("BENCHMARK commands sealer=%-5s %d commands in %5.1f s: %6.1f commands/s; status %s",
                    sealer, cases * 2, seconds, rate, status));
            return rate;
        }
    }
}
