package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("Upgrading to the search words (V14) gives every existing case its words, and the index that answers them")
class SearchWordsMigrationIT {


    @Test
    @DisplayName("rows written before V14 are found by their words after it, pairs and prefixes alike; the trigram index is gone")
    void existingRowsGetTheirWords() {
        DataSource dataSource = TestDatabase.migratedTo("13");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // more rows than one batch of the migration's, so that its batches follow one another (more to time it:
        // -Dsearch-words-migration.rows=300000 prints how long the upgrade took, docs/OPERATIONS.md); the texts are as
        // long as the national-scale generator's
        int rows = Integer.getInteger("search-words-migration.rows", 4_500);
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_text, document, updated_at)
                select 'C-' || n, 0, 'SUPERVISION_REGULAR', 'PLANNED', 'UBKT-TU', 'MEMBER', 'CB-THON', 'DV-' || n,
                       case when n = 4321 then 'Nguyễn Văn Hùng' else 'Trần Thị Lan' end, date '2026-01-01',
                       casework_fold(case when n = 4321 then 'Nguyễn Văn Hùng DV-4321 Kiểm tra việc giao đất công'
                                     else 'Trần Thị Lan DV-' || n || ' KH-' || n || ' Giám sát thường xuyên việc tu dưỡng, rèn luyện'
                                          || ' đối với đồng chí Trần Thị Lan' end),
                       '{}', now()
                from generate_series(1, :rows) n""").param("rows", rows).update();

        long started = System.nanoTime();
        TestDatabase.migrate(dataSource, "latest");
        System.out.printf("V14 gave %,d cases their search words in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);

        assertThat(found(jdbc, "'~nguyen_van':*")).containsExactly("C-4321");
        assertThat(found(jdbc, "'~giao_dat' & '~dat_cong':*")).containsExactly("C-4321");
        assertThat(found(jdbc, "'~tran_thi':*")).hasSize(rows - 1).doesNotContain("C-4321");
        assertThat(found(jdbc, "'~nguyen_hung':*")).isEmpty();
        assertThat(jdbc.sql("select count(*) from case_view where search_words = ''").query(Long.class).single()).isZero();
        // V21 then moved the pairs to a column of their own, each with the case's provinces' words ('@' here)
        assertThat(jdbc.sql("select search_words::text || ' | ' || search_pairs::text from case_view where id = 'C-4321'")
                .query(String.class).single()).isEqualTo("'4321' '@' 'cong' 'dat' 'dv' 'giao' 'hung' 'kiem' 'nguyen' 'tra'"
                        + " 'van' 'viec' | '@' '~4321_kiem' '~dat_cong' '~dv_4321' '~giao_dat' '~hung_dv' '~kiem_tra'"
                        + " '~nguyen_van' '~tra_viec' '~van_hung' '~viec_giao'");
        assertThat(jdbc.sql("select count(*) from case_view, unnest(tsvector_to_array(search_words)) w where w like '~%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_view, unnest(tsvector_to_array(search_pairs)) w"
                + " where w not like '~%' and w <> '@'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'case_view'").query(String.class).list())
                .contains("case_view_words", "case_view_pairs").doesNotContain("case_view_search");
        assertThat(jdbc.sql("select attstattarget from pg_attribute where attrelid = 'case_view'::regclass"
                + " and attname = 'committee_id'").query(Integer.class).single()).isEqualTo(1000);
    }

    private static java.util.List<String> found(JdbcClient jdbc, String query) {
        // (every query here is of pairs, matched in their column since V21)
        return jdbc.sql("select id from case_view where search_pairs @@ cast(:query as tsquery)").param("query", query)
                .query(String.class).list();
    }
}
