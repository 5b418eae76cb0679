package vn.ubkt.casework.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A rebuild's copies are finished step by step on two lanes, each step once what it needs is done")
class CopyFinisherTest {

    private static final Map<String, List<String>> INDEXES = Map.of(
            "case_view", List.of(
                    "CREATE INDEX case_view_committee ON s.case_view USING btree (committee_id)",
                    "CREATE INDEX case_view_words ON s.case_view USING gin (search_words)",
                    "CREATE INDEX case_view_planned ON s.case_view USING btree (planned_on)",
                    "CREATE INDEX case_view_pairs ON s.case_view USING gin (search_pairs)"),
            "search_word", List.of());
    private static final Map<String, List<String>> KEYS = Map.of(
            "case_document", List.of("alter table s.case_document add constraint case_document_pkey primary key (id)"));

    @Test
    @DisplayName("the plan: GIN indexes first, then each copy made logged (with the key it lost), its other indexes, its analysis after all its indexes, each kind from the largest copy")
    void plan() {
        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_document", "case_view", "search_word"),
                KEYS, INDEXES, Map.of());

        assertThat(steps).extracting(CopyFinisher.Step::id).containsExactly(
                "index:case_view:0", "index:case_view:1",
                "logged:case_document", "logged:case_view", "logged:search_word",
                "index:case_view:2", "index:case_view:3",
                "analyzed:case_document", "analyzed:case_view", "analyzed:search_word");
        assertThat(steps.get(0).label()).isEqualTo("index case_view_words");
        assertThat(steps.get(0).after()).containsExactly("logged:case_view");
        assertThat(steps.get(1).label()).isEqualTo("index case_view_pairs");
        assertThat(steps.get(2).statements()).containsExactly("alter table s.case_document set logged",
                "alter table s.case_document add constraint case_document_pkey primary key (id)");
        assertThat(steps.get(2).label()).isEqualTo("made logged and keyed");
        assertThat(steps.get(3).statements()).containsExactly("alter table s.case_view set logged");
        assertThat(steps.get(5).label()).isEqualTo("index case_view_committee");
        assertThat(steps.get(8).statements()).containsExactly("analyze s.case_view");
        assertThat(steps.get(8).after()).containsExactlyInAnyOrder("logged:case_view", "index:case_view:0",
                "index:case_view:1", "index:case_view:2", "index:case_view:3");
    }

    @Test
    @DisplayName("a copy given its own analyses is analyzed by them, in their order, after all its indexes; the others whole")
    void analyses() {
        List<String> split = List.of("analyze s.case_view (id, search_words)", "analyze s.case_view (committee_id)");

        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_document", "case_view", "search_word"),
                KEYS, INDEXES, Map.of("case_view", split));

        CopyFinisher.Step view = steps.stream().filter(step -> step.id().equals("analyzed:case_view")).findFirst()
                .orElseThrow();
        assertThat(view.statements()).isEqualTo(split);
        assertThat(view.after()).containsExactlyInAnyOrder("logged:case_view", "index:case_view:0",
                "index:case_view:1", "index:case_view:2", "index:case_view:3");
        assertThat(steps.stream().filter(step -> step.id().equals("analyzed:search_word")).findFirst().orElseThrow()
                .statements()).containsExactly("analyze s.search_word");
    }

    @Test
    @DisplayName("a lane that has made the largest copy logged takes the second GIN index of another copy before its own analysis")
    void ginBeforeAnalysis() throws InterruptedException {
        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_document", "case_view", "search_word"),
                KEYS, INDEXES, Map.of());
        CountDownLatch wordsStarted = new CountDownLatch(1);
        CountDownLatch pairsStarted = new CountDownLatch(1);

        List<List<CopyFinisher.Done>> lanes = CopyFinisher.run(steps, 2, step -> {
            switch (step.id()) {
                // the largest copy is made logged until the words' index has started on the other lane, which waits for
                // the pairs' index to start: on the lane that made the largest copy logged, or this times out
                case "logged:case_document" -> await(wordsStarted);
                case "index:case_view:0" -> {
                    wordsStarted.countDown();
                    await(pairsStarted);
                }
                case "index:case_view:1" -> pairsStarted.countDown();
                default -> { }
            }
        });

        List<String> largest = lanes.stream().map(lane -> lane.stream().map(done -> done.step().id()).toList())
                .filter(ids -> ids.contains("logged:case_document")).findFirst().orElseThrow();
        assertThat(largest.get(largest.indexOf("logged:case_document") + 1)).isEqualTo("index:case_view:1");
    }

    @Test
    @DisplayName("no step starts before every step it waits for has ended, and every step runs once")
    void order() throws InterruptedException {
        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_document", "case_view", "search_word"),
                KEYS, INDEXES, Map.of());
        Map<String, long[]> times = new ConcurrentHashMap<>();
        CountDownLatch viewFinished = new CountDownLatch(1);

        List<List<CopyFinisher.Done>> lanes = CopyFinisher.run(steps, 2, step -> {
            long started = System.nanoTime();
            if (step.id().equals("logged:case_document")) {
                // the largest copy is made logged until the other lane has finished case_view, which it must not
                // wait for: if it did, this would time out
                await(viewFinished);
            }
            times.put(step.id(), new long[] {started, System.nanoTime()});
            if (step.id().equals("analyzed:case_view")) {
                viewFinished.countDown();
            }
        });

        assertThat(lanes).hasSize(2);
        assertThat(lanes.stream().flatMap(List::stream).map(done -> done.step().id()))
                .containsExactlyInAnyOrderElementsOf(steps.stream().map(CopyFinisher.Step::id).toList());
        for (CopyFinisher.Step step : steps) {
            for (String before : step.after()) {
                assertThat(times.get(step.id())[0]).as(step.id() + " after " + before)
                        .isGreaterThanOrEqualTo(times.get(before)[1]);
            }
        }
        assertThat(times.get("analyzed:case_view")[1]).isLessThan(times.get("logged:case_document")[1]);
    }

    @Test
    @DisplayName("two indexes of one table build side by side on the two lanes")
    void sideBySide() throws InterruptedException {
        CyclicBarrier both = new CyclicBarrier(2);
        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_view"), Map.of(),
                Map.of("case_view", List.of("CREATE INDEX a ON s.case_view USING gin (w)",
                        "CREATE INDEX b ON s.case_view USING btree (c)")), Map.of());

        List<List<CopyFinisher.Done>> lanes = CopyFinisher.run(steps, 2, step -> {
            if (step.id().startsWith("index:")) {
                try {
                    // each index waits here for the other: run one after the other, the first would time out
                    both.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the indexes were not built side by side", e);
                }
            }
        });

        assertThat(lanes).allSatisfy(lane -> assertThat(lane).extracting(done -> done.step().id())
                .containsAnyOf("index:case_view:0", "index:case_view:1"));
    }

    @Test
    @DisplayName("a step that fails stops both lanes: what waits for it never runs, and the failure is thrown")
    void failure() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<CopyFinisher.Step> steps = CopyFinisher.plan("s", List.of("case_view"), Map.of(), INDEXES, Map.of());

        assertThatThrownBy(() -> CopyFinisher.run(steps, 2, step -> {
            ran.add(step.id());
            if (step.id().equals("logged:case_view")) {
                throw new IllegalStateException("could not extend file");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("could not extend file");
        assertThat(ran).containsExactly("logged:case_view");
    }

    @Test
    @DisplayName("steps that wait for one another, or for a step not planned, are refused rather than waited for")
    void refusesWhatCannotRun() {
        CopyFinisher.Step a = new CopyFinisher.Step("a", "t", "a", List.of(), Set.of("b"));
        CopyFinisher.Step b = new CopyFinisher.Step("b", "t", "b", List.of(), Set.of("a"));
        assertThatThrownBy(() -> CopyFinisher.run(List.of(a, b), 2, step -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("waiting for one another");
        CopyFinisher.Step c = new CopyFinisher.Step("c", "t", "c", List.of(), Set.of("d"));
        assertThatThrownBy(() -> CopyFinisher.run(List.of(c), 2, step -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not planned");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a step waited 10 s for another lane's step, which never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
