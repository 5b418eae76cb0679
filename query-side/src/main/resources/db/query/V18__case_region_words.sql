-- The provinces a case's committee lies under, as words of its search vector, so that a search by a province's user
-- finds a common word's cases within the province in the words' index itself: "Đặng" matched 453,000 of a million
-- cases, the province 13,381 of them, and the index built the word's whole bitmap before the committees narrowed it
-- (docs/BENCHMARKS.md, "Search by a province's user"). The committee list stays the exact condition; the words are a
-- superset of it, sound because the tree only grows (a move adds a dated link, a dissolution a successor):
--   * a case carries '@' || id of every PROVINCIAL node its committee reaches through any parent link of any date or a
--     successor, in the tree as this side held it when the case was last written ('@' alone when it reached none: a
--     committee not yet in this side's tree, or above every province);
--   * a search by a user whose jurisdiction is a list of committees ORs the words of every PROVINCIAL node those
--     committees reach in the tree as it stands, and '@'.
-- Every case of the list's committees then holds one of the words the search ORs. The words follow the tree, not the
-- case's events, so a rebuild compares the cases without them (no other word begins with '@').

-- every PROVINCIAL node each committee reaches through any parent link or successor, as the word '@' || id
create function casework_regions(committees text[]) returns table (committee_id text, region text)
language sql stable as $$
    with recursive up (start, id) as (
        select c, c from unnest(committees) c
        union
        select up.start, e.next from up cross join lateral (
            select l.parent_id from committee_parent_link l where l.node_id = up.id
            union all
            select n.successor_id from committee_node n where n.id = up.id
        ) e (next)
        where e.next is not null
    )
    select up.start, '@' || up.id from up join committee_node n on n.id = up.id where n.level = 'PROVINCIAL'
$$;

create temporary table region_of as
select r.committee_id, array_agg(r.region order by r.region) as words
from casework_regions(array(select committee_id from case_committee)) r group by r.committee_id;
analyze region_of;

update case_view c set search_words = c.search_words || array_to_tsvector(r.words)
from region_of r where r.committee_id = c.committee_id;

update case_view set search_words = search_words || array_to_tsvector('{@}')
where committee_id not in (select committee_id from region_of);
drop table region_of;

-- The cases about an organization, by organization and committee: a search within committees whose words name
-- thousands of organizations ("Đặng": 3,400, whose cases are 300,000 of a million) is then planned on the committees'
-- cases, checked one by one (62-64 ms at a million cases), where with the organization alone it built the bitmap of all
-- their cases and ANDed it with the committees' (107-117 ms; docs/BENCHMARKS.md, "Search by a province's user, second
-- round"). A search of the whole party still finds them by the organization, the index's first column.
drop index case_view_subject_org;
create index case_view_subject_org on case_view (subject_org_id, committee_id) where subject_type = 'ORGANIZATION';
