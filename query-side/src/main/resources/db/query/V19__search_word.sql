-- Every single word of any case's search vector (not its pairs '~…', not its provinces '@…'), kept by case-detail in
-- the transaction that writes the case. A search of one word is a prefix ('dang':*), and the words' index gathers every
-- entry that begins with it into one bitmap before it can AND anything with it: "Đặng" by a province's user gathered
-- the 453,000 cases of the words that begin with "dang" at a million cases, lossy in work_mem, and rechecked 24,000 of
-- them to find the province's 13,381 (docs/BENCHMARKS.md, "Search by a province's user, third round"). A search within
-- committees asks this table which words begin with its word and, when they are few, ORs them as exact words: the index
-- then ANDs each one's entries with the province's words entry by entry.
-- The words of a case come from its first event alone (CasePlanned's subject, content and plan reference), so this set
-- is the same whatever batches wrote the cases, live or in a rebuild, and a rebuild compares it row for row. The
-- collation is "C": a prefix is then a range of the key's index (like 'dang%').
create table search_word (
    word text collate "C" primary key
);

insert into search_word (word)
select distinct w.word from case_view c cross join lateral unnest(tsvector_to_array(c.search_words)) w (word)
where left(w.word, 1) not in ('~', '@');

-- The organizations the cases of some committees are about, by committee: a search within committees names only those
-- whose names hold its words (the same cases; a list the planner reads in 3.5 ms where "Đặng"'s 3,400 organizations took
-- 17). Found through the index by organization (V18), that list took 9-10 ms at a million cases, the whole index read for
-- the province's 21 committees; by committee 3.3-4.0 ms. The index holds the cases about an organization only: 2.3 MB
-- at a million cases, built in 1.7 s.
create index case_view_committee_org on case_view (committee_id, subject_org_id) where subject_type = 'ORGANIZATION';
