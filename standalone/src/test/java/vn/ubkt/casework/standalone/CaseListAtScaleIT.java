package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The case list beyond 10,000 cases (API.md "Cases (query side)", 1.1): totals exact up to 10,000 and estimated
 * beyond, flagged; every page reachable through the {@code after} cursor, in the same order as by page number.
 */
@DisplayName("The case list at scale: estimated totals beyond 10,000 and the after cursor")
class CaseListAtScaleIT {

    private static RunningApp app;

    @BeforeAll
    static void store() throws Exception {
        app = RunningApp.start();
        NationalScale scale = new NationalScale(app, new NationalScale.Size(2, 2, 2, 2, 10_050));
        scale.publishTree();
        scale.copyCases(0, 10_050);
        SyntheticHistory.awaitCaughtUp(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("more than 10,000 matches: an estimate, flagged; 10,000 or fewer: exact")
    void totals() {
        JsonNode all = app.http.get("/api/cases?size=5").json();
        assertThat(all.get("totalIsEstimate").asBoolean()).isTrue();
        assertThat(all.get("total").asLong()).isGreaterThan(10_000);
        JsonNode some = app.http.get("/api/cases?size=5&committeeId=" + NationalScale.province(0) + "&scope=SUBTREE"
                + "&from=2023-01-01&to=2023-12-31").json();
        assertThat(some.get("totalIsEstimate").asBoolean()).isFalse();
        long counted = app.jdbc().sql("""
                        select count(*) from case_view where planned_on between '2023-01-01' and '2023-12-31'
                        and committee_id like 'NS-UBKT-%' and (committee_id like 'NS-UBKT-T0' or committee_id like 'NS-UBKT-H0-%')""")
                .query(Long.class).single();
        assertThat(some.get("total").asLong()).isEqualTo(counted).isPositive();
        // a search within some committees is counted whole (every case's content has "với")
        JsonNode within = app.http.get("/api/cases?size=5&committeeId=" + NationalScale.province(0) + "&scope=SUBTREE"
                + "&q=voi&from=2023-01-01&to=2023-12-31").json();
        assertThat(within.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(within.get("total").asLong()).isEqualTo(counted);
    }

    @Test
    @DisplayName("following next from the first page gives every case once, in the order pages by number give")
    void cursorWalksTheWholeList() {
        for (String sort : List.of("plannedOn,desc", "plannedOn,asc", "updatedAt,desc", "subjectName,asc", "status,desc")) {
            String base = "/api/cases?size=50&q=" + URLEncoder.encode("hùng", StandardCharsets.UTF_8) + "&sort=" + sort;
            List<String> byCursor = new ArrayList<>();
            JsonNode page = app.http.get(base).json();
            long total = page.get("total").asLong();
            assertThat(total).as(sort).isBetween(100L, 10_000L);
            while (true) {
                page.get("items").forEach(item -> byCursor.add(item.get("id").asString()));
                if (page.get("next").isNull()) {
                    break;
                }
                page = app.http.get(base + "&after=" + page.get("next").asString()).json();
            }
            List<String> byNumber = new ArrayList<>();
            for (int n = 0; n * 50 < total; n++) {
                app.http.get(base + "&page=" + n).json().get("items").forEach(item -> byNumber.add(item.get("id").asString()));
            }
            assertThat(byCursor).as(sort).hasSize((int) total).doesNotHaveDuplicates().containsExactlyElementsOf(byNumber);
        }
    }

    @Test
    @DisplayName("a word in most cases: an estimated total, and its first pages by cursor as by number, in their order")
    void commonWord() {
        for (String sort : List.of("updatedAt,desc", "plannedOn,asc")) {
            String base = "/api/cases?size=50&q=voi&sort=" + sort; // "đối với": in every case
            JsonNode page = app.http.get(base).json();
            assertThat(page.get("totalIsEstimate").asBoolean()).as(sort).isTrue();
            List<String> byCursor = new ArrayList<>();
            List<String> byNumber = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                page.get("items").forEach(item -> byCursor.add(item.get("id").asString()));
                page = app.http.get(base + "&after=" + page.get("next").asString()).json();
                app.http.get(base + "&page=" + n).json().get("items").forEach(item -> byNumber.add(item.get("id").asString()));
            }
            assertThat(byCursor).as(sort).hasSize(150).doesNotHaveDuplicates().containsExactlyElementsOf(byNumber);
        }
    }

    @Test
    @DisplayName("a page of a search is in the order asked, by planned date either way")
    void pagesAreInTheirOrder() {
        String base = "/api/cases?size=50&q=" + URLEncoder.encode("hùng", StandardCharsets.UTF_8) + "&sort=";
        List<String> descending = new ArrayList<>();
        app.http.get(base + "plannedOn,desc").json().get("items").forEach(item -> descending.add(item.get("plannedOn").asString()));
        assertThat(descending).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<String> ascending = new ArrayList<>();
        app.http.get(base + "plannedOn,asc").json().get("items").forEach(item -> ascending.add(item.get("plannedOn").asString()));
        assertThat(ascending).hasSize(50).isSorted();
        assertThat(ascending.get(0)).isLessThan(descending.get(0));
    }

    @Test
    @DisplayName("a search the planner expects in more than 20,000 cases: its estimate, uncounted, and its pages in order")
    void searchExpectedInMostCases() {
        // 40,000 cases about "tham nhũng" in the read model (rows of their own, in a province and a year no other test
        // reads), with the words of the province their committee lies under as case-detail writes them (V18), and the
        // planner's statistics of them
        app.jdbc().sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, search_pairs,
                                       updated_at)
                select 'RL-' || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', 'NS-UBKT-T1', 'MEMBER', 'NS-CB1-0-0-0', 'DV-RL-' || n,
                       'Trần Thị Lan', date '2019-01-01' + (n % 300),
                       array_to_tsvector(array['giam', 'sat', 'tham', 'nhung'] || r.words),
                       array_to_tsvector(array['~giam_sat', '~sat_tham', '~tham_nhung'] || r.words), now()
                from generate_series(1, 40000) n,
                     (select array_agg(region order by region) as words
                      from casework_regions(array['NS-UBKT-T1'])) r""").update();
        // and their documents, in the same table case-detail writes them to (V20)
        app.jdbc().sql("insert into case_document (id, document) select 'RL-' || n, '{}' from generate_series(1, 40000) n")
                .update();
        app.jdbc().sql("insert into case_committee (committee_id) values ('NS-UBKT-T1') on conflict do nothing").update();
        // and their single words, as case-detail writes them with the case (V19)
        app.jdbc().sql("insert into search_word (word) values ('giam'), ('sat'), ('tham'), ('nhung') on conflict do nothing")
                .update();
        app.jdbc().sql("analyze case_view").update();
        long expected = app.jdbc().sql("explain (format json) select 1 from case_view c where (true)"
                        + " and c.search_pairs @@ cast('''~tham_nhung'':*' as tsquery)").query(String.class).single()
                .replaceAll("(?s).*?\"Plan Rows\": (\\d+).*", "$1").transform(Long::parseLong);
        assertThat(expected).isGreaterThan(20_000);

        String base = "/api/cases?size=50&q=" + URLEncoder.encode("tham nhũng", StandardCharsets.UTF_8) + "&sort=plannedOn,desc";
        JsonNode page = estimatedPages(base, "RL-", "2019-10-27");
        assertThat(page.get("total").asLong()).isEqualTo(expected);
        // the same words within their province: more than 10,000 matches, all planned before every other case, so the
        // walk of the date index from the newest finds none of them, and they are read and counted whole (the walk:
        // searchWithinMatchingMoreThan10000)
        JsonNode within = app.http.get("/api/cases?size=5&committeeId=NS-UBKT-T1&q="
                + URLEncoder.encode("tham nhũng", StandardCharsets.UTF_8)).json();
        assertThat(within.get("total").asLong()).isEqualTo(40_000);
    }

    @Test
    @DisplayName("a search within a district matching more than 10,000 cases it expects in fewer than 20,000: 10,001"
            + " counted, an estimate, flagged, its pages in order; when its walk of the date index finds too few, every"
            + " match counted")
    void searchWithinMatchingMoreThan10000() {
        // 12,000 cases about "khiển trách" of a district's commission of province 1: in the district's share of the
        // table, 12,000 are expected to be a few thousand there, and are counted
        insertCases("KT-", 12_000, "NS-UBKT-H1-0", "khien", "trach");
        JsonNode page = walkedPages("NS-UBKT-H1-0", "khiển trách", "KT-");
        assertThat(page.get("total").asLong()).isBetween(10_001L, 20_000L);
        fallsBackOldestFirst("NS-UBKT-H1-0", "khiển trách", "KT-", 12_000);
    }

    @Test
    @DisplayName("a search within a province expected in more than 20,000 cases: not counted, an estimate, flagged, its"
            + " pages in order; when its walk of the date index finds too few, every match counted")
    void searchWithinExpectedInMoreThan20000() {
        // 40,000 cases about "kỷ luật" of province 1's commission: the province's share of the table (most of it,
        // whichever other test's cases are there) times 40,000
        insertCases("WK-", 40_000, "NS-UBKT-T1", "ky", "luat");
        JsonNode page = walkedPages("NS-UBKT-T1", "kỷ luật", "WK-");
        assertThat(page.get("total").asLong()).isBetween(20_001L, 40_000L);
        fallsBackOldestFirst("NS-UBKT-T1", "kỷ luật", "WK-", 40_000);
        // outside the province: none of them
        JsonNode outside = app.http.get("/api/cases?size=5&committeeId=" + NationalScale.provinceCommission(0) + "&q="
                + URLEncoder.encode("kỷ luật", StandardCharsets.UTF_8)).json();
        assertThat(outside.get("total").asLong()).isZero();
    }

    @Test
    @DisplayName("a search of the whole party naming an organization more than 10,000 cases are about, in words no case"
            + " holds: estimated by its words, counted to 10,001, an estimate, flagged, its pages in order; with words"
            + " in more than 20,000 cases, not counted, the organization's cases still found")
    void searchNamingAnOrganizationOfManyCases() {
        // 15,000 cases about "Chi bộ thôn 1-0-0-0", planned in 2032 (after every other case), whose content words do not
        // name it: they are found by their subject, the organization the search's words name
        assertThat(app.jdbc().sql("select id from committee_node where name_folded like '%thon 1-0-0-0%'")
                .query(String.class).list()).containsExactly("NS-CB1-0-0-0");
        insertCases("OS-", 15_000, "NS-UBKT-T1", "giam", "sat", 2032, true);

        JsonNode page = estimatedPages("/api/cases?size=50&q=" + URLEncoder.encode("thôn 1-0-0-0", StandardCharsets.UTF_8)
                + "&sort=plannedOn,desc", "OS-", "2032-07-18");
        // its words alone are expected in a few cases: counted, beyond 10,000, the estimate never below 10,001
        assertThat(page.get("total").asLong()).isBetween(10_001L, 15_000L + 10_050L);

        // "thôn" names every village's cell, and its word is in 25,000 cases more (planned in 2031): expected in more
        // than 20,000, not counted, its page found with the organizations in an array the planner does not read; the
        // newest matches are still those its words do not hold, found by their organization
        insertCases("TH-", 25_000, "NS-UBKT-T1", "thon", "xom");
        JsonNode uncounted = estimatedPages("/api/cases?size=50&q=" + URLEncoder.encode("thôn", StandardCharsets.UTF_8)
                + "&sort=plannedOn,desc", "OS-", "2032-07-18");
        assertThat(uncounted.get("total").asLong()).isGreaterThan(20_000);
        // oldest first, the village cells' cases the synthetic store holds come first, by their organization too
        JsonNode oldest = app.http.get("/api/cases?size=50&q=" + URLEncoder.encode("thôn", StandardCharsets.UTF_8)
                + "&sort=plannedOn,asc").json();
        assertThat(oldest.get("items").get(0).get("id").asString()).isEqualTo(app.jdbc().sql("""
                        select id from case_view where search_words @@ cast('thon:*' as tsquery)
                            or (subject_type = 'ORGANIZATION' and subject_org_id in (
                                select id from committee_node where name_folded like '%thon%'))
                        order by planned_on, id limit 1""").query(String.class).single());
    }

    /**
     * Cases of the committee with two words of their own (rows of their own, planned in 2031, after every case the
     * synthetic store holds), with the words of the provinces their committee lies under as case-detail writes them
     * (V18), their single words (V19) and their documents (V20), and the planner's statistics of them.
     */
    private static void insertCases(String prefix, int count, String committee, String first, String second) {
        insertCases(prefix, count, committee, first, second, 2031, false);
    }

    /** As {@link #insertCases(String, int, String, String, String)}, planned in {@code year}, about a member or a cell. */
    private static void insertCases(String prefix, int count, String committee, String first, String second, int year,
                                    boolean aboutTheCell) {
        app.jdbc().sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, search_pairs,
                                       updated_at)
                select :prefix || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', :committee,
                       case when :cell then 'ORGANIZATION' else 'MEMBER' end, 'NS-CB1-0-0-0',
                       case when :cell then null else 'DV-' || :prefix || n end,
                       case when :cell then null else 'Lê Văn Tám' end, make_date(:year, 1, 1) + (n % 200),
                       array_to_tsvector(array[:first, :second] || r.words),
                       array_to_tsvector(array['~' || :first || '_' || :second] || r.words), now()
                from generate_series(1, :count) n,
                     (select array_agg(region order by region) as words
                      from casework_regions(array[cast(:committee as text)])) r""")
                .param("prefix", prefix).param("count", count).param("committee", committee)
                .param("first", first).param("second", second).param("year", year).param("cell", aboutTheCell)
                .update();
        app.jdbc().sql("insert into case_document (id, document) select :prefix || n, '{}' from generate_series(1, :count) n")
                .param("prefix", prefix).param("count", count).update();
        app.jdbc().sql("insert into case_committee (committee_id) values (:committee) on conflict do nothing")
                .param("committee", committee).update();
        app.jdbc().sql("insert into search_word (word) values (:first), (:second) on conflict do nothing")
                .param("first", first).param("second", second).update();
        app.jdbc().sql("analyze case_view").update();
    }

    /**
     * Newest first, the walk from the newest case finds the page's matches at once (see {@link #estimatedPages}).
     */
    private static JsonNode walkedPages(String committee, String q, String prefix) {
        return estimatedPages("/api/cases?size=50&committeeId=" + committee + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=plannedOn,desc", prefix, "2031-07-19");
    }

    /**
     * Three pages of 50 newest first, by cursor as by number and in the database's order of the cases whose ids begin
     * with {@code prefix}, the first planned on {@code newest}, each answer's total an estimate; answers the first.
     */
    private static JsonNode estimatedPages(String base, String prefix, String newest) {
        JsonNode first = app.http.get(base).json();
        JsonNode page = first;
        List<String> byCursor = new ArrayList<>();
        List<String> byNumber = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            assertThat(page.get("totalIsEstimate").asBoolean()).isTrue();
            page.get("items").forEach(item -> {
                byCursor.add(item.get("id").asString());
                dates.add(item.get("plannedOn").asString());
            });
            page = app.http.get(base + "&after=" + page.get("next").asString()).json();
            app.http.get(base + "&page=" + n).json().get("items").forEach(item -> byNumber.add(item.get("id").asString()));
        }
        assertThat(byCursor).hasSize(150).doesNotHaveDuplicates().containsExactlyElementsOf(byNumber)
                .allMatch(id -> id.startsWith(prefix));
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder()).first().isEqualTo(newest);
        assertThat(byCursor).containsExactlyElementsOf(app.jdbc().sql("select id from case_view where id like :prefix"
                + " order by planned_on desc, id limit 150").param("prefix", prefix + "%").query(String.class).list());
        return first;
    }

    /**
     * Oldest first, every case before 2031 comes first: the walk finds none of the committee's, and the matches are
     * read, sorted and counted whole.
     */
    private static void fallsBackOldestFirst(String committee, String q, String prefix, int count) {
        JsonNode oldest = app.http.get("/api/cases?size=50&committeeId=" + committee + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=plannedOn,asc").json();
        assertThat(oldest.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(oldest.get("total").asLong()).isEqualTo(count);
        assertThat(oldest.get("items").get(0).get("id").asString()).isEqualTo(app.jdbc().sql(
                        "select id from case_view where id like :prefix order by planned_on, id limit 1")
                .param("prefix", prefix + "%").query(String.class).single());
        assertThat(oldest.get("items").get(0).get("plannedOn").asString()).isEqualTo("2031-01-01");
    }

    @Test
    @DisplayName("a cursor not made by the list, or made for another sort, is a 400 naming after")
    void badCursor() {
        Http.Response forged = app.http.get("/api/cases?after=bm90LWEtY3Vyc29y");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("after");
        String next = app.http.get("/api/cases?size=5&sort=plannedOn,desc").json().get("next").asString();
        assertThat(app.http.get("/api/cases?size=5&sort=status,asc&after=" + next).status()).isEqualTo(400);
    }
}
