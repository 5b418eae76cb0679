package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("Upgrading to V20 moves every case's document into case_document, unchanged, and out of case_view")
class CaseDocumentMigrationIT {

    @Test
    @DisplayName("each document is in case_document by its case's id, as it was; case_view has no document column")
    void documentsMoveToTheirOwnTable() {
        DataSource dataSource = TestDatabase.migratedTo("19");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // more cases, to time the upgrade (-Dcase-document-migration.rows=1000000: docs/OPERATIONS.md); each document
        // about as long as the national-scale generator's (1.7 kB of JSON)
        int rows = Integer.getInteger("case-document-migration.rows", 2_000);
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                select 'D-' || n, n % 9, 'SUPERVISION_REGULAR', 'PLANNED', 'M-XA', 'MEMBER', 'M-XA', 'DV-D' || n,
                       'Nguyễn Văn Hùng', date '2026-01-01', array_to_tsvector(array['nguyen', 'van', 'hung']),
                       jsonb_build_object('id', 'D-' || n, 'version', n % 9, 'content',
                                          repeat('Giám sát việc tu dưỡng, rèn luyện đạo đức ' || n || '. ', 30)),
                       now()
                from generate_series(1, :rows) n""").param("rows", rows).update();
        jdbc.sql("""
                insert into case_view (id, version, type, status, committee_id, subject_type, subject_org_id,
                                       subject_member_id, subject_name, planned_on, search_words, document, updated_at)
                values ('C-1', 3, 'INSPECTION_MEMBER', 'OPENED', 'M-XA', 'MEMBER', 'M-XA', 'DV-1', 'Trần Thị Lan',
                        date '2026-01-01', array_to_tsvector(array['tran', 'thi', 'lan']),
                        '{"id": "C-1", "version": 3, "planRef": "KH-7", "decisions": [{"form": "REPRIMAND"}]}', now())""")
                .update();
        String before = jdbc.sql("select md5(string_agg(md5(id || document::text), ',' order by id)) from case_view")
                .query(String.class).single();

        long started = System.nanoTime();
        TestDatabase.migrate(dataSource, "latest");
        System.out.printf("V20 moved the documents of %,d cases in %.1f s%n", rows + 1, (System.nanoTime() - started) / 1e9);

        assertThat(jdbc.sql("select document::text from case_document where id = 'C-1'").query(String.class).single())
                .isEqualTo("{\"id\": \"C-1\", \"planRef\": \"KH-7\", \"version\": 3, \"decisions\": [{\"form\": \"REPRIMAND\"}]}");
        assertThat(jdbc.sql("select md5(string_agg(md5(id || document::text), ',' order by id)) from case_document")
                .query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from case_document").query(Long.class).single()).isEqualTo(rows + 1);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'case_view'"
                + " and column_name = 'document'").query(Long.class).single()).isZero();
        // the rows lists read are as they were
        assertThat(jdbc.sql("select count(*) from case_view where search_words @@ 'nguyen'::tsquery").query(Long.class)
                .single()).isEqualTo(rows);
    }
}
