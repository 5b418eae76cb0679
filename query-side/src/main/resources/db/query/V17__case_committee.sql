-- Every committee that has been the acting committee of a case (case-detail keeps it). A list or a search by a user of
-- a province names the committees of their jurisdiction, 442 of them at national scale, most of which act on no case;
-- PostgreSQL planned each such statement in about 11 ms, matching every committee named against the thousand most
-- common values of case_view.committee_id (V14's statistics target), where the 21 that act took 0.6 ms
-- (docs/BENCHMARKS.md, "Planning a province's search"). The lists name only the committees found here.
-- A committee is never removed: a case transferred away leaves its old committee here, which narrows nothing wrongly.
create table case_committee (
    committee_id varchar(100) primary key
);

insert into case_committee (committee_id)
select distinct committee_id from case_view;
