-- Case search also matches an organization subject by its committee's name: the folded name is kept beside it
-- (casework_fold is immutable, so a stored generated column) with a trigram index, instead of folding every
-- committee's name on every search (measured: 360 ms over 15,000 committees).
alter table committee_node add column name_folded text generated always as (casework_fold(name)) stored;
create index committee_node_name_search on committee_node using gin (name_folded gin_trgm_ops);
