package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every single word of the cases' search vectors is in search_word (V19), written by case-detail with the case, and a
 * one-word search within committees ORs the exact words that begin with it when they are few: it finds what the prefix
 * finds, and the words' index ANDs each word with the provinces' words entry by entry.
 */
@DisplayName("A one-word search within a province asks which words begin with it, and finds what the prefix finds")
class SearchWordIT {

    @Test
    @DisplayName("the words that begin a province's search are ORed exactly; beyond 32 of them the prefix is kept")
    void exactWordsOfThePrefix() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http first = app.user("sw-p1", AccessFixture.P1_UBKT, null, "STAFF");
            Http second = app.user("sw-p2", AccessFixture.P2_UBKT, null, "STAFF");
            // the single words of every case's vector, no pair and no province
            assertThat(app.jdbc().sql("select word from search_word order by word").query(String.class).list())
                    .isEqualTo(app.jdbc().sql("select distinct w from case_view, unnest(tsvector_to_array(search_words)) w"
                            + " where w !~ '^[~@]' order by w").query(String.class).list())
                    .contains("huyen", "ngoai", "kh", "ax")
                    .noneMatch(word -> word.startsWith("~") || word.startsWith("@"));

            String huy = "/api/cases?size=200&q=Huy";
            String ngo = "/api/cases?size=200&q=" + URLEncoder.encode("Ngò", StandardCharsets.UTF_8);
            assertThat(ids(first.get(huy))).containsExactly(tree.caseOfDissolvedDistrict);
            assertThat(ids(first.get(ngo))).isEmpty();
            assertThat(ids(second.get(ngo))).containsExactly(tree.caseOutside);

            // the table decides: without "huyen" in it (as no write of this product leaves it), the province's search
            // ORs no word the case holds; the whole party's user names no committee and searches by the prefix
            app.jdbc().sql("delete from search_word where word = 'huyen'").update();
            assertThat(ids(first.get(huy))).isEmpty();
            assertThat(ids(app.http.get(huy))).containsExactly(tree.caseOfDissolvedDistrict);

            // 33 words that begin "huy": the prefix is kept, and finds the case again
            app.jdbc().sql("insert into search_word (word) select 'huyz' || n from generate_series(1, 33) n").update();
            assertThat(ids(first.get(huy))).containsExactly(tree.caseOfDissolvedDistrict);
            // 32 of them: ORed exactly, and none is the case's
            app.jdbc().sql("delete from search_word where word = 'huyz33'").update();
            assertThat(ids(first.get(huy))).isEmpty();
        }
    }

    @Test
    @DisplayName("a case's new words are written with it, found by the province's search at once, and rebuilt alike")
    void writtenWithTheCase() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http first = app.user("sw-new", AccessFixture.P1_UBKT, null, "STAFF");
            assertThat(app.jdbc().sql("select count(*) from search_word where word like 'khu%'").query(Long.class).single())
                    .isZero();
            String khue = tree.plan(AccessFixture.P1_UBKT, "AX-M-7", "Đoàn Thị Khuê", AccessFixture.P1_CELL, "2026-05-01");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ids(first.get("/api/cases?size=200&q=Khu"))).containsExactly(khue));
            assertThat(app.jdbc().sql("select word from search_word where word like 'khu%' or word like 'doa%'")
                    .query(String.class).list()).containsExactlyInAnyOrder("khue", "doan");
            // the same words again, and one more: the known ones are not asked for again, the new one is written
            String khuong = tree.plan(AccessFixture.P1_UBKT, "AX-M-8", "Đoàn Thị Khương", AccessFixture.P1_CELL,
                    "2026-05-02");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ids(first.get("/api/cases?size=200&q=Khu"))).containsExactlyInAnyOrder(khue, khuong));
            assertThat(app.jdbc().sql("select word from search_word where word like 'khu%'").query(String.class).list())
                    .containsExactlyInAnyOrder("khue", "khuong");

            SyntheticHistory.awaitCaughtUp(app);
            JsonNode rebuild = SyntheticHistory.rebuilt(app.http, "case-detail");
            assertThat(rebuild.get("status").asString()).as(rebuild.toString()).isEqualTo("DONE");
            assertThat(rebuild.get("agreed").asBoolean()).as(rebuild.toString()).isTrue();
            assertThat(ids(first.get("/api/cases?size=200&q=Khu"))).containsExactlyInAnyOrder(khue, khuong);
        }
    }

    @Test
    @DisplayName("within committees, a search names only the organizations their cases are about, and finds those cases by the name")
    void organizationsOfTheCommittees() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            // a case about the first province's cell and one about the second province (its party committee), neither
            // with the organization's name in its words
            String cell = new CaseworkScenario(app).plan("INSPECTION_SIGNS_OF_VIOLATION", AccessFixture.P1_UBKT, """
                    {"type": "ORGANIZATION", "organizationId": "%s"}""".formatted(AccessFixture.P1_CELL),
                    "Kiểm tra khi có dấu hiệu vi phạm", "KH-ORG-1", "2026-05-01", "2026-05-01", "2026-12-31");
            String province = new CaseworkScenario(app).plan("INSPECTION_SIGNS_OF_VIOLATION", AccessFixture.P2_UBKT, """
                    {"type": "ORGANIZATION", "organizationId": "%s"}""".formatted(AccessFixture.P2),
                    "Kiểm tra khi có dấu hiệu vi phạm", "KH-ORG-2", "2026-05-01", "2026-05-01", "2026-12-31");
            Http first = app.user("sw-org1", AccessFixture.P1_UBKT, null, "STAFF");
            Http second = app.user("sw-org2", AccessFixture.P2_UBKT, null, "STAFF");
            // "Chi bộ thôn Một" and "Tỉnh ủy Một" both hold "mot"; each province finds its own case only
            String mot = "/api/cases?size=200&subjectType=ORGANIZATION&q=" + URLEncoder.encode("Một", StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ids(first.get(mot))).containsExactly(cell));
            assertThat(ids(second.get(mot))).isEmpty();
            String hai = "/api/cases?size=200&subjectType=ORGANIZATION&q=" + URLEncoder.encode("Tỉnh ủy Hai", StandardCharsets.UTF_8);
            assertThat(ids(second.get(hai))).containsExactly(province);
            assertThat(ids(first.get(hai))).isEmpty();
            // the whole party's user, within the second province's committee by its filter, and without it
            assertThat(ids(app.http.get(hai + "&committeeId=" + AccessFixture.P2_UBKT))).containsExactly(province);
            assertThat(ids(app.http.get(hai + "&committeeId=" + AccessFixture.P1_UBKT))).isEmpty();
            assertThat(ids(app.http.get(mot))).containsExactly(cell);
        }
    }

    @Test
    @DisplayName("a word the live table lacks is a difference the rebuild counts, and the rebuilt table has it")
    void aMissingWordIsADifference() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            SyntheticHistory.awaitCaughtUp(app);
            app.jdbc().sql("delete from search_word where word = 'huyen'").update();
            JsonNode rebuild = SyntheticHistory.rebuilt(app.http, "case-detail");
            assertThat(rebuild.get("differences").asLong()).as(rebuild.toString()).isEqualTo(1);
            assertThat(rebuild.get("agreed").asBoolean()).isFalse();
            Http first = app.user("sw-rebuilt", AccessFixture.P1_UBKT, null, "STAFF");
            assertThat(ids(first.get("/api/cases?size=200&q=Huy"))).containsExactly(tree.caseOfDissolvedDistrict);
        }
    }

    @Test
    @DisplayName("upgrading to V19 writes the single words of every existing case")
    void migrationWritesTheWords() {
        DataSource dataSource = TestDatabase.migratedTo("18");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // more cases, to time the upgrade (-Dsearch-word-migration.rows=1000000: docs/OPERATIONS.md)
        int rows = Integer.getInteger("search-word-migration.rows", 2_000);
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                select 'D-' || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', 'M-XA', 'MEMBER', 'M-XA', 'DV-D' || n,
                       'Nguyễn Văn Hùng', date '2026-01-01',
                       array_to_tsvector(array['nguyen', 'van', 'hung', 'dvd' || n, '~nguyen_van', '~van_hung', '@M-TU']),
                       '{}', now()
                from generate_series(1, :rows) n""").param("rows", rows).update();
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                values ('C-1', 0, 'SUPERVISION_REGULAR', 'PLANNED', 'M-XA', 'MEMBER', 'M-XA', 'DV-1', 'Trần Thị Lan',
                        date '2026-01-01', array_to_tsvector(array['tran', 'thi', 'lan', '~tran_thi', '@']), '{}', now())""")
                .update();

        long started = System.nanoTime();
        TestDatabase.migrate(dataSource, "latest");
        System.out.printf("V19 wrote the words of %,d cases in %.1f s%n", rows + 1, (System.nanoTime() - started) / 1e9);

        assertThat(jdbc.sql("select word from search_word where word not like 'dvd%' order by word")
                .query(String.class).list()).containsExactly("hung", "lan", "nguyen", "thi", "tran", "van");
        assertThat(jdbc.sql("select count(*) from search_word where word like 'dvd%'").query(Long.class).single())
                .isEqualTo(rows);
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").findValuesAsString("id");
    }
}
