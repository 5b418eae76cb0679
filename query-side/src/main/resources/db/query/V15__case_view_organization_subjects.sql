-- The cases about an organization, by that organization, for a search that finds organizations by their name
-- (CaseQueries: "c.subject_type = 'ORGANIZATION' and c.subject_org_id = any(:organizations)"). Only those cases are
-- in the index, so that its entries are exactly the condition's: a search's bitmap of the organizations' cases then
-- needs no filter on each row. With the whole column indexed, PostgreSQL checked every row of a province's matches
-- against the condition again, reading each row's words from TOAST: q=Đặng by a province's user, at a million cases,
-- 272 ms with the whole column's index, 110 ms with this one (docs/BENCHMARKS.md).
drop index case_view_subject_org;
create index case_view_subject_org on case_view (subject_org_id) where subject_type = 'ORGANIZATION';
