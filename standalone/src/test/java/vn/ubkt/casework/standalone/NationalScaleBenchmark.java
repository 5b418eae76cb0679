package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The national-scale benchmark at full size (issue 11); not part of the test run (its name matches neither *Test nor
 * *IT). Run it as docs/BENCHMARKS.md shows, with {@code -Pbenchmark}, which gives the JVM a 1 GiB heap:
 * {@code ./mvnw -pl standalone -Pbenchmark test -Dbenchmark.cases=1000000}. Sizes: {@code benchmark.provinces}
 * (34), {@code benchmark.districts} per province until the 2025 reform (20), {@code benchmark.communes} per district
 * (5), {@code benchmark.cells} per commune (3), {@code benchmark.cases}; {@code benchmark.seconds} of each load and
 * {@code benchmark.requests} per kind of read.
 */
class NationalScaleBenchmark {

    @Test
    void nationalScale() throws Exception {
        NationalScale.Size size = NationalScale.Size.fromProperties(new NationalScale.Size(34, 20, 5, 3, 1_000_000));
        NationalScaleRun.Result result = NationalScaleRun.run(size, Integer.getInteger("benchmark.seconds", 20),
                Integer.getInteger("benchmark.requests", 300), Integer.getInteger("benchmark.warmup", 10));
        assertThat(result.rebuilds().values()).allMatch(rebuild -> rebuild.get("agreed").asBoolean());
    }
}
