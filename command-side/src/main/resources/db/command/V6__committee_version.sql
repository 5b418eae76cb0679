-- The directory's version (TreeWalk): every change to cmd_committee or cmd_committee_link raises it in the same
-- transaction, so the jurisdictions kept in memory are known to still hold with one row read.
create table cmd_committee_version (
    id      smallint not null primary key check (id = 1),
    version bigint   not null
);
insert into cmd_committee_version (id, version) values (1, 0);
