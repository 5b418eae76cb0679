package db.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.ubkt.casework.query.casedetail.SearchWords;

/**
 * Search at national scale (issue 11): a case is found by its words and the pairs of neighbouring words
 * ({@link SearchWords}), in a GIN index answering a search without a recheck row by row. The trigram index it replaces
 * gave candidates to recheck: for "nguyen van" at a million cases, 19,876 candidates for 4,352 matches ("Nguyễn" and
 * "Văn" apart). Existing rows get their words here, from their folded text; a Java migration because the words are
 * made in Java, by the same code as the projection's and the search's. (The committee in the same index, with
 * btree_gin, was tried and dropped: a province's user's search then scanned the index once per committee, and a
 * common word's whole posting list each time, 6.8 s to count "thanh" over 442 committees at a million cases.)
 */
public class V14__case_search_words extends BaseJavaMigration {

    private static final int BATCH = 2_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table case_view add column search_words tsvector not null default ''");
            // in the row with the columns lists filter on, compressed there if need be: a search's recheck reads it
            statement.execute("alter table case_view alter column search_words set storage main");
        }
        String after = "";
        try (PreparedStatement read = connection.prepareStatement(
                "select id, search_text from case_view where id > ? order by id limit " + BATCH);
             PreparedStatement write = connection.prepareStatement("""
                     update case_view c set search_words = array_to_tsvector(string_to_array(v.words, ' '))
                     from unnest(?::text[], ?::text[]) v (id, words) where c.id = v.id""")) {
            while (true) {
                List<String> ids = new ArrayList<>();
                List<String> words = new ArrayList<>();
                read.setString(1, after);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        words.add(SearchWords.vector(rows.getString(2)));
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                write.setArray(1, connection.createArrayOf("text", ids.toArray()));
                write.setArray(2, connection.createArrayOf("text", words.toArray()));
                write.executeUpdate();
                after = ids.get(ids.size() - 1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop index case_view_search");
            statement.execute("create index case_view_words on case_view using gin (search_words)");
            // a search within a province names its 442 committees, most of which act on no case; with the default
            // target (100 most common values) the planner took them for 91,000 cases of 200,000 (there were 5,827), and
            // chose a scan of the whole table; a thousand most common values hold the country's commissions
            statement.execute("alter table case_view alter column committee_id set statistics 1000");
        }
    }
}
