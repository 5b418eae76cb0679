package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("Every projection is rebuilt from the event store beside the live one, compared, then switched")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionRebuildIT {

    private static final List<String> PROJECTIONS = List.of("case-detail", "committee-tree", "complaints", "statistics",
            "suspensions");

    private RunningApp app;
    private SyntheticHistory history;
    private long appended;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        history = new SyntheticHistory(app);
        history.registerTree();
        appended = history.appendCases(3000);
        SyntheticHistory.awaitCaughtUp(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String figures() {
        return app.http.get("/api/committees/S-TU/statistics?from=2019-01-01&to=2025-12-31").body()
                + app.http.get("/api/committees/S-TU/statistics?from=2019-01-01&to=2025-12-31&perspective=SUBJECT").body()
                + app.http.get("/api/cases?committeeId=S-TU&size=200&sort=plannedOn,asc").body()
                + app.http.get("/api/committees?on=2024-12-31").body();
    }

    private String primaryKeys() {
        return app.jdbc().sql("select string_agg(conrelid::regclass::text || ' ' || pg_get_constraintdef(oid), '; '"
                + " order by conrelid::regclass::text) from pg_constraint"
                + " where contype = 'p' and connamespace = 'public'::regnamespace").query(String.class).single();
    }

    @Test
    @DisplayName("the rebuilt projections agree with the live ones, reads go on during the rebuild, and the figures stay the same")
    void rebuildsAll() {
        assertThat(app.http.get("/api/admin/projections").json()).extracting(p -> p.get("name").asString())
                .containsExactlyElementsOf(PROJECTIONS);
        // every case another test planned is in the figures before they are taken
        SyntheticHistory.awaitCaughtUp(app);
        String before = figures();
        assertThat(before).contains("\"total\":");
        String keysBefore = primaryKeys();
        // counters a rebuild's first pass writes as several rows of one key, summed when the pass ends
        assertThat(app.jdbc().sql("select count(*) from stat_counter where count > 1").query(Long.class).single())
                .isPositive();

        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> failedRead = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Http.Response response;
                try {
                    response = app.http.get("/api/cases/S-CASE-7");
                } catch (IllegalStateException interrupted) {
                    // the test is over and stopped this reader in the middle of a call
                    return;
                }
                if (response.status() != 200) {
                    failedRead.compareAndSet(null, response.toString());
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        try {
            for (String projection : PROJECTIONS) {
                Http.Response accepted = app.http.post("/api/admin/projections/" + projection + "/rebuild", "");
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            }
            Http.Response again = app.http.post("/api/admin/projections/statistics/rebuild", "");
            assertThat(again.status()).isIn(202, 409);
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (JsonNode projection : app.http.get("/api/admin/projections").json()) {
                    JsonNode rebuild = projection.get("lastRebuild");
                    if (rebuild.isNull() || !rebuild.get("status").asString().equals("DONE")) {
                        return false;
                    }
                }
                return true;
            });
        } finally {
            reader.interrupt();
        }
        assertThat(failedRead.get()).as("a read during the rebuild").isNull();
        assertThat(reads.get()).isPositive();

        for (JsonNode projection : app.http.get("/api/admin/projections").json()) {
            JsonNode rebuild = projection.get("lastRebuild");
            assertThat(rebuild.get("agreed").asBoolean()).as(projection.toString()).isTrue();
            assertThat(rebuild.get("differences").asLong()).isZero();
            assertThat(rebuild.get("events").asLong()).isGreaterThanOrEqualTo(appended);
            assertThat(projection.get("status").asString()).isEqualTo("RUNNING");
        }
        SyntheticHistory.awaitCaughtUp(app);
        assertThat(figures()).isEqualTo(before);
        // the keys the statistics' first pass wrote without are set again, as they were: the live upserts need them
        assertThat(primaryKeys()).isEqualTo(keysBefore).contains("stat_counter PRIMARY KEY (perspective, committee_id,"
                + " day, metric, by_committee_id)", "stat_applied PRIMARY KEY (aggregate_id, sequence)");
        assertThat(app.jdbc().sql("select count(*) from information_schema.schemata where schema_name like 'rebuild_%'")
                .query(Long.class).single()).isZero();
        // the table that took case_view's place keeps its storage: the documents out of the rows, the words in them
        assertThat(app.jdbc().sql("select array_to_string(reloptions, ',') from pg_class where oid = 'public.case_view'::regclass")
                .query(String.class).single()).isEqualTo("toast_tuple_target=128");
        assertThat(app.jdbc().sql("select attstorage from pg_attribute where attrelid = 'public.case_view'::regclass"
                + " and attname in ('search_words', 'search_pairs')").query(String.class).list()).containsExactly("m", "m");
        // logged, as the live tables are: every copy was filled unlogged and made durable before it took their place,
        // with its indexes and its TOAST (the statistics' counters too, summed into a new copy after the first pass)
        assertThat(app.jdbc().sql("select string_agg(distinct relpersistence::text, ',') from pg_class"
                + " where relnamespace = 'public'::regnamespace and relname in ('case_view', 'case_deadline')")
                .query(String.class).single()).isEqualTo("p");
        assertThat(app.jdbc().sql("select coalesce(string_agg(c.relname, ', ' order by c.relname), '') from pg_class c"
                + " left join pg_class owner on owner.reltoastrelid = c.oid"
                + " where c.relpersistence <> 'p' and c.relkind in ('r', 'i', 't')"
                + " and coalesce(owner.relnamespace, c.relnamespace) = 'public'::regnamespace").query(String.class).single())
                .isEmpty();
        // and the planner's statistics target of its committees (V14)
        assertThat(app.jdbc().sql("select attstattarget from pg_attribute where attrelid = 'public.case_view'::regclass"
                + " and attname = 'committee_id'").query(Integer.class).single()).isEqualTo(1000);
        // and it came with the planner's statistics of all its rows (an ANALYZE of the copy, not autovacuum's): two,
        // its committees' with their target's sample and its other columns' with the default's, where a copy whose
        // columns all have the default target (case_deadline) is analyzed once, whole
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> app.jdbc()
                .sql("select string_agg(relname || ' ' || analyze_count, ', ' order by relname) from pg_stat_user_tables"
                        + " where relid in ('public.case_view'::regclass, 'public.case_deadline'::regclass)")
                .query(String.class).single().equals("case_deadline 1, case_view 2"));
        // every column of it has its statistics, the words' and the pairs' too
        assertThat(app.jdbc().sql("select count(*) from pg_attribute a where a.attrelid = 'public.case_view'::regclass"
                + " and a.attnum > 0 and not a.attisdropped and not exists (select 1 from pg_stats s"
                + " where s.schemaname = 'public' and s.tablename = 'case_view' and s.attname = a.attname)")
                .query(Long.class).single()).isZero();
        assertThat(app.jdbc().sql("select count(*) from pg_stats where schemaname = 'public' and tablename = 'case_view'"
                + " and attname in ('search_words', 'search_pairs') and most_common_elems is not null")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("rebuilt while cases are planned, case-detail (read case by case in its first pass) and statistics agree")
    void rebuiltWhileCasesArePlanned() throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        AtomicReference<Throwable> failedWrite = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    written.addAndGet(history.appendCases(100));
                }
            } catch (RuntimeException | Error e) {
                failedWrite.set(e);
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 300);
            // the live processor's segments handle events while the copy's keys are built, one ahead of the other
            for (String projection : List.of("case-detail", "statistics")) {
                Http.Response accepted = app.http.post("/api/admin/projections/" + projection + "/rebuild", "");
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                long before = written.get();
                await().atMost(Duration.ofMinutes(2)).until(() -> SyntheticHistory.lastRebuild(app.http, projection)
                        .get("status").asString().matches("DONE|FAILED"));
                assertThat(written.get()).as("cases planned during the rebuild").isGreaterThan(before);
                JsonNode rebuild = SyntheticHistory.lastRebuild(app.http, projection);
                assertThat(rebuild.get("status").asString()).as(rebuild.toString()).isEqualTo("DONE");
                assertThat(rebuild.get("agreed").asBoolean()).as(rebuild.toString()).isTrue();
                assertThat(rebuild.get("differences").asLong()).isZero();
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(failedWrite.get()).isNull();
        SyntheticHistory.awaitCaughtUp(app);
        // every case of the store has its document, at its last event, whether the first pass or the second read it
        assertThat(app.jdbc().sql("""
                select count(*) from (select aggregate_identifier, max(sequence_number) as last from domain_event_entry
                                      where type = 'InspectionCase' group by aggregate_identifier) e
                full join case_view c on c.id = e.aggregate_identifier
                where c.id is null or e.aggregate_identifier is null or c.version <> e.last""").query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("a rebuild compares the cases without their region words (they follow the tree), and counts any other difference")
    void comparedWithoutTheRegionWords() {
        SyntheticHistory.awaitCaughtUp(app);
        // written by the live projection: the province the case's committee lies under
        assertThat(app.jdbc().sql("select search_words @@ '''@S-TU''' from case_view where id = 'S-CASE-7'")
                .query(Boolean.class).single()).isTrue();
        // in one case the word of a committee not yet in this side's tree (as when the tree was behind), in another a
        // word of no event, in a third a pair of no event (the words and the pairs in their columns, V21)
        app.jdbc().sql("update case_view set search_words = ts_delete(search_words, array['@S-TU'])"
                + " || array_to_tsvector('{@}'), search_pairs = ts_delete(search_pairs, array['@S-TU'])"
                + " || array_to_tsvector('{@}') where id = 'S-CASE-7'").update();
        app.jdbc().sql("update case_view set search_words = search_words || array_to_tsvector('{nowhere}')"
                + " where id = 'S-CASE-8'").update();
        app.jdbc().sql("update case_view set search_pairs = search_pairs || array_to_tsvector('{~no_where}')"
                + " where id = 'S-CASE-9'").update();

        JsonNode rebuild = SyntheticHistory.rebuilt(app.http, "case-detail");
        assertThat(rebuild.get("status").asString()).as(rebuild.toString()).isEqualTo("DONE");
        // the two cases with a word or a pair of no event, each once on each side
        assertThat(rebuild.get("differences").asLong()).as(rebuild.toString()).isEqualTo(4);
        assertThat(rebuild.get("agreed").asBoolean()).isFalse();
        // the rebuilt tables took the live ones' place: the words of the tree as it stands, and no word of no event
        assertThat(app.jdbc().sql("select (search_words @@ '''@S-TU''') || ' ' || (search_words @@ '''@''')"
                + " from case_view where id = 'S-CASE-7'").query(String.class).single()).isEqualTo("true false");
        assertThat(app.jdbc().sql("select search_words @@ 'nowhere' from case_view where id = 'S-CASE-8'")
                .query(Boolean.class).single()).isFalse();
        assertThat(app.jdbc().sql("select (search_pairs @@ '''@S-TU''') || ' ' || (search_pairs @@ '''~no_where''')"
                + " from case_view where id = 'S-CASE-9'").query(String.class).single()).isEqualTo("true false");
    }

    @Test
    @DisplayName("a rebuild counts a row only live, a row only rebuilt, and a row that differs only by a null, by keys of one column and of several")
    void countsEveryKindOfDifference() {
        SyntheticHistory.awaitCaughtUp(app);
        String named = app.jdbc().sql("select min(id) from case_view where subject_name is not null")
                .query(String.class).single();
        assertThat(named).isNotNull();
        String word = app.jdbc().sql("select min(word) from search_word").query(String.class).single();
        assertThat(word).isNotNull();
        // live only: a deadline of no case (a key of three columns); rebuilt only: a word deleted from the live table;
        // differing: a case's subject's name made null live, which the rebuild writes again
        app.jdbc().sql("insert into case_deadline (case_id, kind, due_on, committee_id, rule)"
                + " values ('NO-SUCH-CASE', 'EXPLANATION', date '2026-01-01', 'NO-SUCH-COMMITTEE', 'NONE')").update();
        app.jdbc().sql("delete from search_word where word = :word").param("word", word).update();
        app.jdbc().sql("update case_view set subject_name = null where id = :id").param("id", named).update();

        JsonNode rebuild = SyntheticHistory.rebuilt(app.http, "case-detail");
        assertThat(rebuild.get("status").asString()).as(rebuild.toString()).isEqualTo("DONE");
        assertThat(rebuild.get("differences").asLong()).as(rebuild.toString()).isEqualTo(1 + 1 + 2);
        assertThat(rebuild.get("agreed").asBoolean()).isFalse();
        assertThat(app.jdbc().sql("select count(*) from case_deadline where case_id = 'NO-SUCH-CASE'")
                .query(Long.class).single()).isZero();
        assertThat(app.jdbc().sql("select count(*) from search_word where word = :word").param("word", word)
                .query(Long.class).single()).isOne();
        assertThat(app.jdbc().sql("select subject_name from case_view where id = :id").param("id", named)
                .query(String.class).single()).isNotNull();

        // and a rebuild over tables that agree counts nothing
        JsonNode again = SyntheticHistory.rebuilt(app.http, "case-detail");
        assertThat(again.get("differences").asLong()).as(again.toString()).isZero();
        assertThat(again.get("agreed").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("an unknown projection is 404")
    void unknown() {
        assertThat(app.http.post("/api/admin/projections/no-such/rebuild", "").status()).isEqualTo(404);
    }
}
