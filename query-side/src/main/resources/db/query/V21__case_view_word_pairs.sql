-- A case's pairs of neighbouring words ('~nguyen_van') in a column of their own, search_pairs, with its own GIN index;
-- search_words keeps the single words. Both keep the case's provinces' words ('@…', V18): a search within committees
-- ANDs them with its terms in whichever index it reads. A search of one word reads the words' index, a search of
-- several words (their pairs) the pairs' (SearchWords.column).
-- The one index of both was the longest step of a rebuild after its replay, one backend's work while the other had less
-- to do (at a million cases 66.4 s, the whole rebuild's last 88.5 s taking it and case_view made logged before it);
-- two indexes of about half the entries each build side by side (docs/BENCHMARKS.md, "Rebuilds, eleventh round").
-- Every row is written again here, and both indexes built: about as long as rebuilding case-detail's case_view
-- (OPERATIONS.md, "Upgrading to V21").
-- (the indexes built with the memory a rebuild gives them, for this transaction only)
set local maintenance_work_mem = '256MB';

drop index case_view_words;

alter table case_view add column search_pairs tsvector not null default '';
-- in the row, as search_words (V14): a search's recheck reads it
alter table case_view alter column search_pairs set storage main;

update case_view set
    search_pairs = array_to_tsvector(array(
        select w from unnest(tsvector_to_array(search_words)) w where left(w, 1) in ('~', '@'))),
    search_words = array_to_tsvector(array(
        select w from unnest(tsvector_to_array(search_words)) w where left(w, 1) <> '~'));

create index case_view_words on case_view using gin (search_words);
create index case_view_pairs on case_view using gin (search_pairs);
