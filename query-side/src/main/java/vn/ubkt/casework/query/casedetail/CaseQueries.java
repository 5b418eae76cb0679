package vn.ubkt.casework.query.casedetail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.NotYetReadException;
import vn.ubkt.casework.query.platform.ReadDatabase;
import vn.ubkt.casework.query.platform.VersionNotRecordedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Table access for the case-detail read model. */
@Repository
class CaseQueries {

    record Filter(Set<String> committees, String status, String type, String subjectType, String q, LocalDate from,
                  LocalDate to) {
    }

    /** Sortable fields of the list and their columns. */
    static final Map<String, String> SORTS = Map.of(
            "plannedOn", "c.planned_on", "updatedAt", "c.updated_at", "status", "c.status", "type", "c.type",
            "subjectName", "coalesce(c.subject_name, o.name, '')");

    /** The read model, on the replica when there is one. */
    private final JdbcClient jdbc;
    /** The read model, for the list's statements, planned with their values each time (a search's plan depends on them). */
    private final JdbcClient lists;
    /** The event store, on the primary: a version a client was just answered is there at once. */
    private final JdbcClient eventStore;
    private final JsonMapper json;
    private final QueryAccess access;
    private final CommitteeTree tree;

    CaseQueries(ReadDatabase database, JsonMapper json, QueryAccess access, CommitteeTree tree) {
        this.jdbc = database.readModel();
        this.lists = database.readModelPlannedEachTime();
        this.eventStore = database.primary();
        this.json = json;
        this.access = access;
        this.tree = tree;
    }

    Optional<CaseDocument> document(String id) {
        return jdbc.sql("select document::text from case_document where id = :id").param("id", id).query(String.class)
                .optional().map(text -> json.readValue(text, CaseDocument.class));
    }

    /** How long a read with {@code minVersion} waits for the read model (API.md "Conventions"). */
    private static final long WAIT_MILLIS = 5000;

    /**
     * The case's document once the read model holds {@code minVersion} (when given): 404 at once for a version the
     * event store never recorded, 503 when the read model is still behind after {@link #WAIT_MILLIS}. The version is
     * looked for in the primary's event store and waited for in the read model as this node reads it (a replica's):
     * read-your-writes whichever database answers.
     */
    CaseDocument documentAt(String id, Long minVersion) throws InterruptedException {
        if (minVersion != null) {
            long recorded = recordedVersion(id);
            if (recorded < minVersion) {
                throw new VersionNotRecordedException(id, minVersion, recorded);
            }
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            long version = versionOf(id);
            while (version < minVersion && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                version = versionOf(id);
            }
            if (version < minVersion) {
                throw new NotYetReadException(minVersion, version);
            }
        }
        return document(id).orElseThrow(() -> new NotFoundException("case", id));
    }

    long versionOf(String id) {
        return jdbc.sql("select version from case_view where id = :id").param("id", id).query(Long.class).optional()
                .orElse(-1L);
    }

    /** The case's last version in the event store, -1 when the store has never seen it. */
    long recordedVersion(String id) {
        return eventStore.sql("select coalesce(max(sequence_number), -1) from domain_event_entry where aggregate_identifier = :id"
                + " and type = 'InspectionCase'").param("id", id).query(Long.class).single();
    }

    /** A page of cases; {@code next} is the cursor of the page after it (null on the last page). */
    record Page(List<CaseSummaryView> items, long total, boolean totalIsEstimate, String next) {
    }

    /** Counted exactly up to this many matches; beyond, the planner's estimate, flagged (API.md "Cases (query side)"). */
    static final int EXACT_TOTAL = 10_000;
    /** A search of the whole country the planner expects to match more cases than this is not counted. */
    static final long UNCOUNTED_BEYOND = 2L * EXACT_TOTAL;

    /**
     * A page of the cases the filter and the user's jurisdiction select, either the {@code page}-th (offset) or the
     * one after {@code after}, a cursor an earlier page answered (keyset: as fast deep in the list as at its start).
     */
    Page list(Filter filter, int page, int size, String sort, boolean ascending, Cursor after) {
        String sortColumn = SORTS.get(sort);
        Map<String, Object> params = new java.util.HashMap<>();
        // only what the user may see, in the query itself (API.md "Jurisdiction", "Conflict of interest")
        // the committees named are those of the jurisdiction (or the filter) that act on a case: the others select no
        // row, and each one named cost the planner a pass over the committees' most common values (V17)
        StringBuilder where = new StringBuilder(" where "
                + access.visible("c.committee_id", "c.subject_member_id", params, this::acting));
        boolean someCommittees = !access.current().national();
        if (filter.committees() != null) {
            where.append(" and c.committee_id = any(:committees)");
            params.put("committees", acting(filter.committees().toArray(String[]::new)));
            someCommittees = true;
        }
        // the user's and the filter's committees alone, and the words without the provinces' with every other condition
        // but the organizations named (below): a search within committees estimates its matches by the two
        String scope = where.toString();
        // (the words and the filters, without the organizations named: after " where true" a search within committees
        // is estimated by them, after the scope the whole party's search)
        StringBuilder unscoped = new StringBuilder();
        // the search's conditions with the organizations named in an array the planner does not read (below)
        String unread = null;
        if (filter.q() != null && !filter.q().isBlank()) {
            // the case's words and pairs of neighbouring words (SearchWords), in a GIN index; organizations are found by
            // their folded name (anywhere in it) in the tree first, and their cases by the subject's organization
            String query = SearchWords.query(filter.q());
            String pattern = "%" + likeEscaped(fold(filter.q().strip())) + "%";
            // one word in the words' column, several (their pairs) in the pairs' (V21)
            String column = "c." + SearchWords.column(filter.q());
            String words = query == null ? "false" : column + " @@ cast(:query as tsquery)";
            // within a list of committees, the words of the provinces they lie under as well (RegionWords, V18), and a
            // single word's prefix as the exact words it begins (search_word, V19): the index then ANDs each word's or
            // pair's entries with the province's one by one, where it built the word's whole bitmap first
            // (docs/BENCHMARKS.md, "Search by a province's user", second and third rounds)
            String[] within = (String[]) (params.containsKey("committees") ? params.get("committees")
                    : params.get("visibleCommittees"));
            // (and without the provinces' words, for the estimate of a search within committees, below)
            params.put("plainQuery", query);
            if (query != null && within != null && within.length > 0) {
                params.put("plainQuery", exactWords(filter.q(), query));
                query = "(" + params.get("plainQuery") + ") & " + RegionWords.anyOf(tree, within);
            }
            // the organizations named, a constant the executor looks up in a hash when it rechecks a row (found in the
            // statement instead, an array the planner does not read element by element, "Đặng"'s 3,400 saved 15 ms of
            // planning but were compared one by one with each of the 24,000 rows a province's search rechecked, 640 ms
            // at a million cases: docs/BENCHMARKS.md, "Search by a province's user, second round"). Within committees,
            // only those some case of the committees is about, which selects the same cases: a province's "Đặng" named
            // 3,400 organizations, 100 of them its cases' subjects, and the planner, for 17 ms, then checked each of the
            // province's 29,604 cases, where the index of each branch now serves its own ("… third round")
            String[] organizations = (within == null
                    ? lists.sql("select id from committee_node where name_folded like :pattern")
                    : lists.sql("""
                            select n.id from committee_node n where n.name_folded like :pattern and exists (
                                select 1 from case_view o where o.subject_org_id = n.id
                                    and o.subject_type = 'ORGANIZATION' and o.committee_id = any(cast(:within as text[])))""")
                            .param("within", within))
                    .param("pattern", pattern).query(String.class).list().toArray(String[]::new);
            String matching = words;
            if (organizations.length > 0) {
                java.util.function.UnaryOperator<String> named = array -> "(" + words
                        + " or (c.subject_type = 'ORGANIZATION' and c.subject_org_id = any(" + array + ")))";
                matching = named.apply(":organizations");
                unread = named.apply("cast((select cast(:organizations as text[])) as text[])");
                params.put("organizations", organizations);
            }
            params.put("query", query);
            where.append(" and ").append(matching);
            unscoped.append(" and ").append(query == null ? "false" : column + " @@ cast(:plainQuery as tsquery)");
        }
        // the filters, in both the list's conditions and those it is estimated by within committees
        StringBuilder filters = new StringBuilder();
        if (filter.status() != null) {
            filters.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.type() != null) {
            filters.append(" and c.type = :type");
            params.put("type", filter.type());
        }
        if (filter.subjectType() != null) {
            filters.append(" and c.subject_type = :subjectType");
            params.put("subjectType", filter.subjectType());
        }
        if (filter.from() != null) {
            filters.append(" and c.planned_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            filters.append(" and c.planned_on <= :to");
            params.put("to", filter.to());
        }
        where.append(filters);
        unscoped.append(filters);
        boolean search = filter.q() != null && !filter.q().isBlank();
        // a search within some committees (a province's user, a committeeId) is planned for all its matches, and counts
        // up to 10,001 of them as it reads them: with the limit in the statement, the planner expects to meet 10,001
        // matches early in a scan of the whole table, and when the committees hold few of a common word's matches it
        // reads all of it ("Đặng" by a province's user: 150 ms at 200,000 cases, and 3.3 s at a million). Planned without
        // one, it reads the committees' cases or the word's, whichever it expects fewer
        boolean searchWithin = someCommittees && search;
        if (after != null) {
            if (!after.sort().equals(sort) || after.ascending() != ascending) {
                throw new IllegalArgumentException("after belongs to another sort order");
            }
            params.put("afterValue", after.value());
            params.put("afterId", after.id());
        }
        String direction = ascending ? " asc" : " desc";
        // sorting by the subject's name needs the organization's name (SORTS); no other sort needs a join
        String from = " from case_view c"
                + (sort.equals("subjectName") ? " left join committee_node o on o.id = c.subject_org_id" : "");
        String matches = "select c.id, " + sortColumn + " as sort_key, " + sortColumn + "::text as sort_value" + from;
        long offset = after != null ? 0L : (long) page * size;
        // the planner's estimate of a search's matches: one it expects in more than twice 10,000 cases is not counted,
        // its total is that estimate (over the whole country, a word's, from the statistics of the words' column, was
        // within 3% of the count for every common term of the benchmark, and a pair's within 35%); counting 10,001 of
        // them built the word's whole bitmap and read 10,001 rows, 57 ms for "thanh" and 28 for "hùng" at a million
        // cases, where the estimate takes 1.5 and the first page by the date index 2.
        // (An estimate wrong by that much would cost its page a long walk of the sort column's index, not a wrong page.)
        // Within committees the planner multiplies the words' estimate by the committees' (and expected 849 of a
        // province's 13,381 "Đặng", whose words name the province already), and with the provinces' words it adds up
        // the province's two (its party committee's and its commission's, which the same cases hold: 27,291). Instead,
        // the words' matches over the whole country, without the provinces' words and the organizations named (fewer,
        // never more, than they select), in the share of the table the committees' cases are: 14,213 × 29,807 / 1M
        // (how many rows the table holds, for the estimate and the walk's bound within committees)
        long caseRows = searchWithin ? tableRows() : 0;
        // The whole party's search is estimated by its words alone, as a search within committees is: the organizations
        // named add their cases, so it is counted whenever it was before, and an uncounted total is the words' estimate;
        // the planner weighed each of "Đặng"'s 3,400 organizations against the column's statistics, 18-22 ms to plan the
        // estimate against 0.2-0.3 ms without them (docs/BENCHMARKS.md, "The whole party's search naming 3,400
        // organizations")
        long expected = !search ? -1 : searchWithin ? withinEstimate(" where true" + unscoped, scope, params, caseRows)
                : estimate(" from case_view c" + scope + unscoped, params);
        if (search && expected <= UNCOUNTED_BEYOND) {
            // one pass over the matches: their ids and sort values, up to 10,001, counted, and when they are all there
            // sorted for the page, whose rows alone are then joined and their documents read. (Counting them, then reading them again to sort them, took twice as long at a million
            // cases, and the planner, walking the sort column's index for a page, read the whole table when the
            // matches were few or none was left after a cursor.)
            String cursor = after == null ? "" : after("l.sort_key", "l.id", sort, ascending);
            // (within committees m is planned for every match, and l, which reads m, stops at 10,001)
            List<Object[]> rows = countedPage("with " + (searchWithin ? "m" : "l") + " as materialized (" + matches + where
                    + (searchWithin ? "), l as materialized (select * from m" : "") + " limit " + (EXACT_TOTAL + 1) + ")",
                    "l", "t.n <= " + EXACT_TOTAL + cursor, direction, params, size, offset);
            long counted = (Long) rows.get(0)[0];
            if (counted <= EXACT_TOTAL) {
                return page(pageRows(rows), size, sort, ascending, counted, false);
            }
            if (searchWithin) {
                return pageWithin(where.toString(), params, sortColumn, direction, size, offset, sort, ascending,
                        after, Math.max(EXACT_TOTAL + 1, expected), matches, caseRows);
            }
        } else if (searchWithin) {
            return pageWithin(where.toString(), params, sortColumn, direction, size, offset, sort, ascending, after,
                    expected, matches, caseRows);
        }
        // the conditions name only case_view's columns: counted without the joins, up to 10,001 (API.md), then the
        // planner's estimate
        long counted = search ? Math.max(expected, EXACT_TOTAL + 1)
                : lists.sql("select count(*) from (select 1 from case_view c" + where + " limit " + (EXACT_TOTAL + 1)
                        + ") m").params(params).query(Long.class).single();
        boolean estimate = counted > EXACT_TOTAL;
        long total = search ? counted
                : estimate ? Math.max(counted, estimate(" from case_view c" + where, params)) : counted;
        // The whole party's search expected in more than 20,000 cases names the organizations in an array the planner
        // does not read: it weighed each of "Đặng"'s 3,400 against the column's statistics, 16 ms to plan a page
        // executed in 0.3-1 ms, against 0.8-1.3 ms without them. Its words alone are expected in so many cases that
        // the plan walks the sort column's index either way, each row's organization looked for in the array (not in a
        // hash; 100 rows for "Đặng"'s first page) (docs/BENCHMARKS.md, "The whole party's search naming 3,400
        // organizations")
        String pageWhere = (search && !searchWithin && expected > UNCOUNTED_BEYOND && unread != null
                ? scope + " and " + unread + filters : where)
                + (after == null ? "" : after(sortColumn, "c.id", sort, ascending));
        // the page's rows are chosen on case_view alone (its sort column, its id), and only they are then joined to
        // their committees and their documents read: a search of a million cases sorted thousands of matches, and
        // joined and read every one of them before the sort, when the documents' fields were in the select list
        List<Object[]> rows = lists.sql("select " + SUMMARY_COLUMNS + " from (" + matches + pageWhere + " order by "
                        + sortColumn + direction + ", c.id limit :limit offset :offset) p" + SUMMARY_JOINS
                        + " order by p.sort_key" + direction + ", p.id")
                .params(params).param("limit", size + 1).param("offset", offset)
                .query((rs, n) -> summary(rs, 0))
                .list();
        return page(rows, size, sort, ascending, total, estimate);
    }

    /** The sort columns a page within committees may walk the index of, in the list's order. */
    private static final java.util.Set<String> WALKED = java.util.Set.of("plannedOn", "updatedAt");

    /**
     * A page of a search within committees that matches more than 10,000 cases (counted, or expected in more than
     * twice as many): its total {@code estimated}, flagged, and its rows found by walking the sort column's index from
     * the page's start, each row checked, where reading and sorting every match read a row for each (at a million cases, 13,381 for "Đặng" by a province's
     * user: docs/BENCHMARKS.md, "Search by a province's user, fourth round"). The walk is bounded: with more than 10,000
     * matches among the table's rows, three times the rows that hold the page's matches at that density; a walk that
     * finds too few (matches bunched at the other end of the order, a filter) gives way to reading and sorting them all,
     * counted whole.
     */
    private Page pageWithin(String where, Map<String, Object> params, String sortColumn, String direction, int size,
                            long offset, String sort, boolean ascending, Cursor after, long estimated, String matches,
                            long rows) {
        String cursor = after == null ? "" : after(sortColumn, "c.id", sort, ascending);
        long walk = 3 * (offset + size + 1) * Math.max(rows, 1) / (EXACT_TOTAL + 1) + 1;
        if (WALKED.contains(sort) && walk <= WALK_AT_MOST) {
            // the rows in the list's order from the page's start, ties with the last included (a walk never ends within
            // a sort value), then the search's conditions on each; only the page's rows are then joined
            String walked = " from (select * from case_view c" + (cursor.isEmpty() ? "" : " where true" + cursor)
                    + " order by " + sortColumn + direction + " fetch first " + walk + " rows with ties) c";
            List<Object[]> found = lists.sql("select " + SUMMARY_COLUMNS + " from (select c.id, " + sortColumn
                            + " as sort_key, " + sortColumn + "::text as sort_value" + walked + where + cursor
                            + " order by " + sortColumn + direction + ", c.id limit :limit offset :offset) p"
                            + SUMMARY_JOINS + " order by p.sort_key" + direction + ", p.id")
                    .params(params).param("limit", size + 1).param("offset", offset)
                    .query((rs, n) -> summary(rs, 0)).list();
            if (found.size() > size) {
                return page(found, size, sort, ascending, estimated, true);
            }
        }
        // every match read and sorted, and counted whole
        String allCursor = after == null ? "" : after("m.sort_key", "m.id", sort, ascending);
        List<Object[]> all = countedPage("with m as materialized (" + matches + where + ")", "m", "true" + allCursor,
                direction, params, size, offset);
        return page(pageRows(all), size, sort, ascending, (Long) all.get(0)[0], false);
    }

    /**
     * One statement over {@code matched}, CTEs that end with {@code source} (ids, sort keys and values): the count of
     * {@code source}'s rows, and, where {@code condition} holds, the page of them, joined; each row the count and a
     * page's row ({@link #pageRows}), one row with the count alone when the page is empty.
     */
    private List<Object[]> countedPage(String matched, String source, String condition, String direction,
                                       Map<String, Object> params, int size, long offset) {
        return lists.sql(matched + ", t as (select count(*) as n from " + source + "),"
                        + " p as (select " + source + ".* from " + source + ", t where " + condition + " order by "
                        + source + ".sort_key" + direction + ", " + source + ".id limit :limit offset :offset)"
                        + " select t.n, " + SUMMARY_COLUMNS + " from t left join (p" + SUMMARY_JOINS + ") on true"
                        + " order by p.sort_key" + direction + ", p.id")
                .params(params).param("limit", size + 1).param("offset", offset)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2) == null ? null : summary(rs, 1)})
                .list();
    }

    /** The page's rows of {@link #countedPage}'s answer. */
    private static List<Object[]> pageRows(List<Object[]> rows) {
        return rows.stream().filter(row -> row[1] != null).map(row -> (Object[]) row[1]).toList();
    }

    /**
     * The words' estimate over the whole country in the share of the table the committees' cases are, never more than
     * those cases (a table the planner has no statistics of yet holds no rows for it).
     */
    private long withinEstimate(String unscoped, String scope, Map<String, Object> params, long rows) {
        long committees = estimate(" from case_view c" + scope, params);
        return rows == 0 ? committees : Math.min(committees,
                Math.round((double) estimate(" from case_view c" + unscoped, params) * committees / rows));
    }

    /** How many rows case_view holds, as the planner's statistics last counted them. */
    private long tableRows() {
        return jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = cast('case_view' as regclass)")
                .query(Long.class).single();
    }

    /** The longest walk of a sort column's index a page within committees takes before it reads every match. */
    static final long WALK_AT_MOST = 100_000;

    /** A one-word search's prefix is ORed as the exact words it begins when they are at most this many (V19). */
    static final int PREFIX_WORDS = 32;

    /**
     * A one-word search's query as the exact words of the cases that begin with it (search_word, V19), ORed, when they
     * are at most {@link #PREFIX_WORDS}: it matches the same cases, and the words' index ANDs each word's entries with
     * the provinces' words entry by entry, where it gathered all the prefix's entries into one bitmap first ("Đặng" by a
     * province's user: docs/BENCHMARKS.md, "Search by a province's user, third round"). Any other query as it is.
     */
    private String exactWords(String q, String query) {
        List<String> words = SearchWords.words(q);
        if (words.size() != 1) {
            return query;
        }
        List<String> begun = lists.sql("select word from search_word where word like :prefix order by word limit :n")
                .param("prefix", likeEscaped(words.get(0)) + "%").param("n", PREFIX_WORDS + 1)
                .query(String.class).list();
        if (begun.size() > PREFIX_WORDS) {
            return query;
        }
        // none: the word itself, which no case holds either
        return begun.isEmpty() ? RegionWords.quoted(words.get(0))
                : String.join(" | ", begun.stream().map(RegionWords::quoted).toList());
    }

    /**
     * The rows after the cursor's (sort value, id) in the list's order, as a condition on their sort key and id: the
     * sort key either way, then the id; the first bound alone is one the sort column's index serves, so a deep page
     * starts where the last ended.
     */
    private static String after(String key, String id, String sort, boolean ascending) {
        String value = SORT_TYPES.get(sort);
        return " and " + key + (ascending ? " >= " : " <= ") + value
                + " and (" + key + (ascending ? " > " : " < ") + value + " or " + id + " > :afterId)";
    }

    /** A page's columns, from its chosen rows {@code p} (id, sort key, sort value) and {@link #SUMMARY_JOINS}. */
    private static final String SUMMARY_COLUMNS = """
            c.id, c.type, c.status, c.committee_id, k.name, c.subject_type, coalesce(c.subject_name, o.name),
            c.subject_org_id, c.subject_member_id, d.document->>'planRef', c.planned_on,
            left(d.document->>'content', 300), d.document->'disciplineInForce'->>'form', c.version, p.sort_value""";
    private static final String SUMMARY_JOINS = " join case_view c on c.id = p.id join case_document d on d.id = p.id"
            + " left join committee_node o on o.id = c.subject_org_id left join committee_node k on k.id = c.committee_id";

    /** A row of {@link #SUMMARY_COLUMNS} from the column after {@code skip}: the summary and its sort value. */
    private static Object[] summary(java.sql.ResultSet rs, int skip) throws java.sql.SQLException {
        return new Object[] {new CaseSummaryView(rs.getString(skip + 1), rs.getString(skip + 2), rs.getString(skip + 3),
                rs.getString(skip + 4), rs.getString(skip + 5), rs.getString(skip + 6), rs.getString(skip + 7),
                rs.getString(skip + 8), rs.getString(skip + 9), rs.getString(skip + 10),
                rs.getObject(skip + 11, LocalDate.class), rs.getString(skip + 12), rs.getString(skip + 13),
                rs.getLong(skip + 14)), rs.getString(skip + 15)};
    }

    /** The page of {@code size} of the rows (one more when a page follows), and the cursor of the next. */
    private static Page page(List<Object[]> rows, int size, String sort, boolean ascending, long total, boolean estimate) {
        List<CaseSummaryView> items = rows.stream().limit(size).map(row -> (CaseSummaryView) row[0]).toList();
        String next = null;
        if (rows.size() > size) {
            Object[] last = rows.get(size - 1);
            next = new Cursor(sort, ascending, (String) last[1], ((CaseSummaryView) last[0]).id()).encode();
        }
        return new Page(items, total, estimate, next);
    }

    /** The SQL type each sort column's cursor value is read back as. */
    private static final Map<String, String> SORT_TYPES = Map.of("plannedOn", "cast(:afterValue as date)",
            "updatedAt", "cast(:afterValue as timestamptz)", "status", ":afterValue", "type", ":afterValue",
            "subjectName", ":afterValue");

    /**
     * Of these committees, those that are or were the acting committee of a case (case_committee, kept by case-detail in
     * the transaction that writes the case): a list names only them, and selects the same cases.
     */
    private String[] acting(String[] committees) {
        return lists.sql("select committee_id from case_committee where committee_id = any(cast(:committees as text[]))")
                .param("committees", committees).query(String.class).list().toArray(String[]::new);
    }

    /** The planner's estimate of how many rows a query selects, for totals beyond {@link #EXACT_TOTAL}. */
    private long estimate(String fromWhere, Map<String, Object> params) {
        String plan = lists.sql("explain (format json) select 1" + fromWhere).params(params).query(String.class).single();
        JsonNode rows = json.readTree(plan).path(0).path("Plan").path("Plan Rows");
        return rows.isNumber() ? rows.asLong() : 0;
    }

    /** Folds as the database's {@code casework_fold} does, so the pattern is built once, in Java. */
    private String fold(String text) {
        return jdbc.sql("select casework_fold(:text)").param("text", text).query(String.class).single();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Where a page ended: the list's sort, the last row's sort value and id. Opaque to clients (base64url). */
    record Cursor(String sort, boolean ascending, String value, String id) {

        String encode() {
            String text = String.join("\u0000", sort, ascending ? "asc" : "desc", value == null ? "" : value, id);
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The cursor an earlier page answered; a cursor not made here is a 400. */
        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8).split("\u0000", -1);
                if (parts.length != 4 || !SORTS.containsKey(parts[0]) || !(parts[1].equals("asc") || parts[1].equals("desc"))
                        || parts[3].isEmpty()) {
                    throw new IllegalArgumentException("after is not a cursor this list answered");
                }
                if (parts[0].equals("plannedOn")) {
                    LocalDate.parse(parts[2]);
                }
                return new Cursor(parts[0], parts[1].equals("asc"), parts[2], parts[3]);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("after is not a cursor this list answered");
            }
        }
    }

    List<CaseDocument> disciplinedMember(String memberId) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("member", memberId);
        return jdbc.sql("""
                select d.document::text from case_view c join case_document d on d.id = c.id
                where c.subject_member_id = :member and jsonb_array_length(d.document->'decisions') > 0 and """
                        + access.visible("c.committee_id", "c.subject_member_id", params) + " order by c.planned_on, c.id")
                .params(params).query(String.class).list().stream()
                .map(text -> json.readValue(text, CaseDocument.class)).toList();
    }

    record DeadlineRow(String caseId, String kind, LocalDate dueOn, String committeeId, String rule) {
    }

    List<DeadlineRow> openDeadlines(Set<String> committees, LocalDate overdueBefore) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        conditions.add(access.visible("d.committee_id", "c.subject_member_id", params));
        if (committees != null) {
            conditions.add("d.committee_id = any(:committees)");
            params.put("committees", committees.toArray(String[]::new));
        }
        if (overdueBefore != null) {
            conditions.add("d.due_on < :today");
            params.put("today", overdueBefore);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.sql("select d.case_id, d.kind, d.due_on, d.committee_id, d.rule from case_deadline d"
                        + " join case_view c on c.id = d.case_id" + where + " order by d.due_on, d.case_id")
                .params(params)
                .query((rs, n) -> new DeadlineRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
