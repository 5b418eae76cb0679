package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case's search vector holds the provinces its committee lies under (V18, RegionWords), and a search within a list
 * of committees ANDs the words of every province those committees reach through any link of the tree: the index finds a
 * common word's cases within a province itself. The committee list stays the exact condition.
 */
@DisplayName("A search within a province uses its provinces' words, and still finds every case of the jurisdiction")
class RegionWordsIT {

    @Test
    @DisplayName("a commune moved to another province after its case was written: the new province finds the case by its words, the old does not")
    void movedAfterTheCaseWasWritten() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http first = app.user("rw-p1", AccessFixture.P1_UBKT, null, "STAFF");
            Http second = app.user("rw-p2", AccessFixture.P2_UBKT, null, "STAFF");
            String pham = "/api/cases?size=200&q=" + URLEncoder.encode("Phạm Văn Xã", StandardCharsets.UTF_8);
            // written under the first province: its province's word (the commune reached the district and the province)
            assertThat(regionWords(app, tree.caseOfCommune)).containsExactly("@" + AccessFixture.P1);
            assertThat(words(app, tree.caseOfCommune)).contains("@" + AccessFixture.P1, "pham", "~pham_van");
            // a commission of a province lies under the province and is a provincial node itself
            assertThat(regionWords(app, tree.caseInside))
                    .containsExactly("@" + AccessFixture.P1, "@" + AccessFixture.P1_UBKT);
            // the district's commission's case, last written before the commission was dissolved into the province's:
            // the words of the tree as it stood then (its successor, a provincial node, is not among them)
            assertThat(regionWords(app, tree.caseOfDissolvedDistrict)).containsExactly("@" + AccessFixture.P1);
            assertThat(ids(first.get("/api/cases?size=200&q=" + URLEncoder.encode("Lê Văn Huyện", StandardCharsets.UTF_8))))
                    .containsExactly(tree.caseOfDissolvedDistrict);
            assertThat(ids(first.get(pham))).containsExactly(tree.caseOfCommune);
            assertThat(ids(second.get(pham))).isEmpty();

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            Http.Response moved = app.http.post("/api/committees/" + AccessFixture.P1_COMMUNE + "/move",
                    "{\"movedOn\": \"%s\", \"parentId\": \"%s\"}".formatted(today, AccessFixture.P2));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ids(second.get(pham))).containsExactly(tree.caseOfCommune));
            // the case was not written again: the second province's search ORs the first's word, which its commune
            // reaches through its old parent link
            assertThat(regionWords(app, tree.caseOfCommune)).containsExactly("@" + AccessFixture.P1);
            assertThat(ids(first.get(pham))).isEmpty();
            // and the cases of the first province that the second's words now take in are still outside it
            assertThat(ids(second.get("/api/cases?size=200&q=" + URLEncoder.encode("Nguyễn", StandardCharsets.UTF_8))))
                    .doesNotContain(tree.caseInside);
        }
    }

    @Test
    @DisplayName("the words decide within the index: a case written without its province's word is not found by the province's search")
    void theWordsAreUsed() {
        try (RunningApp app = RunningApp.start()) {
            AccessFixture tree = new AccessFixture(app).build();
            Http first = app.user("rw-used", AccessFixture.P1_UBKT, null, "STAFF");
            String trong = "/api/cases?size=200&q=" + URLEncoder.encode("Trọng", StandardCharsets.UTF_8);
            assertThat(ids(first.get(trong))).containsExactly(tree.caseInside);
            // a search of two words, matched by their pair in the pairs' column, with the provinces' words there (V21)
            String vanTrong = "/api/cases?size=200&q=" + URLEncoder.encode("Văn Trọng", StandardCharsets.UTF_8);
            assertThat(ids(first.get(vanTrong))).containsExactly(tree.caseInside);
            // the second province's word in place of the first's, as no write of this product leaves it
            app.jdbc().sql("""
                    update case_view set search_words = ts_delete(search_words, array['@%1$s', '@%2$s'])
                                             || array_to_tsvector(array['@%3$s']),
                                         search_pairs = ts_delete(search_pairs, array['@%1$s', '@%2$s'])
                                             || array_to_tsvector(array['@%3$s'])
                    where id = :id""".formatted(AccessFixture.P1, AccessFixture.P1_UBKT, AccessFixture.P2))
                    .param("id", tree.caseInside).update();
            assertThat(regionWords(app, tree.caseInside)).containsExactly("@" + AccessFixture.P2);
            assertThat(ids(first.get(trong))).isEmpty();
            assertThat(ids(first.get(vanTrong))).isEmpty();
            // the whole party's user names no committee and ANDs no province
            assertThat(ids(app.http.get(trong))).containsExactly(tree.caseInside);
            assertThat(ids(app.http.get(vanTrong))).containsExactly(tree.caseInside);
        }
    }

    @Test
    @DisplayName("upgrading to V18 gives every existing case its provinces' words, and '@' to a case whose committee reaches none")
    void migrationGivesTheWords() {
        DataSource dataSource = TestDatabase.migratedTo("17");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into committee_node (id, name, kind, level, registered_at, last_sequence, dissolved_on, successor_id)
                values ('M-TU', 'Tỉnh ủy', 'PARTY_COMMITTEE', 'PROVINCIAL', now(), 0, null, null),
                       ('M-TU-OLD', 'Tỉnh ủy cũ', 'PARTY_COMMITTEE', 'PROVINCIAL', now(), 0, '2025-07-01', 'M-TU'),
                       ('M-XA', 'Đảng ủy xã', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS', now(), 0, null, null)""").update();
        jdbc.sql("""
                insert into committee_parent_link (node_id, sequence, valid_from, parent_id)
                values ('M-XA', 0, null, 'M-TU-OLD'), ('M-XA', 1, '2025-07-01', 'M-TU')""").update();
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                values ('C-1', 0, 'SUPERVISION_REGULAR', 'PLANNED', 'M-XA', 'MEMBER', 'M-XA', 'DV-1', 'Trần Thị Lan',
                        date '2026-01-01', array_to_tsvector(array['tran', 'thi', 'lan']), '{}', now()),
                       ('C-2', 0, 'SUPERVISION_REGULAR', 'PLANNED', 'M-GONE', 'MEMBER', 'M-XA', 'DV-2', 'Trần Thị Lan',
                        date '2026-01-01', array_to_tsvector(array['tran', 'thi', 'lan']), '{}', now())""").update();
        jdbc.sql("insert into case_committee (committee_id) values ('M-XA'), ('M-GONE')").update();
        // more cases of the commune, to time the upgrade (-Dregion-words-migration.rows=1000000: docs/OPERATIONS.md)
        int rows = Integer.getInteger("region-words-migration.rows", 2_000);
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                select 'D-' || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', 'M-XA', 'MEMBER', 'M-XA', 'DV-D' || n,
                       'Nguyễn Văn Hùng', date '2026-01-01', array_to_tsvector(array['nguyen', 'van', 'hung']), '{}', now()
                from generate_series(1, :rows) n""").param("rows", rows).update();

        long started = System.nanoTime();
        TestDatabase.migrate(dataSource, "latest");
        System.out.printf("V18 gave %,d cases their region words in %.1f s%n", rows + 2, (System.nanoTime() - started) / 1e9);

        assertThat(jdbc.sql("select id || ' ' || search_words::text from case_view where id like 'C-%' order by id")
                .query(String.class).list())
                .containsExactly("C-1 '@M-TU' '@M-TU-OLD' 'lan' 'thi' 'tran'", "C-2 '@' 'lan' 'thi' 'tran'");
        // and V21 the same words to the column of the pairs (these cases' vectors had none)
        assertThat(jdbc.sql("select id || ' ' || search_pairs::text from case_view where id like 'C-%' order by id")
                .query(String.class).list()).containsExactly("C-1 '@M-TU' '@M-TU-OLD'", "C-2 '@'");
        // the words the search of the province's jurisdiction ORs find the case
        assertThat(jdbc.sql("select id from case_view where search_words @@ cast('''tran'':* & (''@M-TU'' | ''@'')' as tsquery)"
                + " and id like 'C-%' order by id").query(String.class).list()).containsExactly("C-1", "C-2");
        assertThat(jdbc.sql("select count(*) from case_view where search_words @@ '''@M-TU'' & ''@M-TU-OLD'''")
                .query(Long.class).single()).isEqualTo(rows + 1);
    }

    /** The case's provinces' words, the same in the column of its words and in that of its pairs (V21). */
    private static List<String> regionWords(RunningApp app, String caseId) {
        List<String> words = regionWords(app, caseId, "search_words");
        assertThat(regionWords(app, caseId, "search_pairs")).as("the pairs' provinces").isEqualTo(words);
        return words;
    }

    private static List<String> regionWords(RunningApp app, String caseId, String column) {
        return app.jdbc().sql("select unnest(tsvector_to_array(" + column + ")) from case_view where id = :id")
                .param("id", caseId).query(String.class).stream().filter(word -> word.startsWith("@")).sorted().toList();
    }

    /** Every word of the case's words and pairs. */
    private static List<String> words(RunningApp app, String caseId) {
        return app.jdbc().sql("select unnest(tsvector_to_array(search_words || search_pairs)) from case_view where id = :id")
                .param("id", caseId).query(String.class).list();
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").findValuesAsString("id");
    }
}
