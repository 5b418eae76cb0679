package vn.ubkt.casework.query.casedetail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ubkt.casework.query.committeetree.CommitteeTree;

/**
 * The provinces a case's committee lies under, as words of its search vector, and the words a search within a list of
 * committees ORs (V18, {@code casework_regions}): a search by a province's user then finds a common word's cases within
 * the province in the words' index itself. The committee list stays the exact condition. The words are a superset of
 * it because this side's tree only grows: a case holds every province its committee reached when the case was written,
 * the search every province its committees reach now, and "@" ({@link #NONE}) for a case that reached none.
 */
final class RegionWords {

    /** The word of a case whose committee reached no province (not yet in this side's tree, or above every province). */
    static final String NONE = "@";

    private RegionWords() {
    }

    /** Each committee's words, sorted ({@link #NONE} alone for one that reaches no province). */
    static Map<String, List<String>> of(JdbcClient jdbc, Collection<String> committees) {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        jdbc.sql("select committee_id, region from casework_regions(cast(:committees as text[]))")
                .param("committees", committees.toArray(String[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        Map<String, List<String>> words = new TreeMap<>();
        for (String committee : committees) {
            TreeSet<String> regions = found.get(committee);
            words.put(committee, regions == null ? List.of(NONE) : List.copyOf(regions));
        }
        return words;
    }

    /**
     * The {@code tsquery} that a case of one of these committees matches: the words of the provinces they reach
     * ({@link CommitteeTree#regionsReached}) ORed, and {@link #NONE}; in PostgreSQL's input syntax, to be ANDed with a
     * search's words.
     */
    static String anyOf(CommitteeTree tree, String[] committees) {
        String[] sorted = committees.clone();
        java.util.Arrays.sort(sorted);
        List<String> alternatives = new ArrayList<>(tree.regionsReached(List.of(sorted)));
        alternatives.add(NONE);
        return "(" + String.join(" | ", alternatives.stream().map(RegionWords::quoted).toList()) + ")";
    }

    /** A lexeme as a quoted {@code tsquery} operand: its quotes and backslashes doubled. */
    static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
