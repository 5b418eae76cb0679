-- The tree's version (TreeWalk, CommitteeTree): every change the committee-tree projection makes raises it in the
-- same transaction, so a node can tell in one row read whether the answers it keeps about the tree still hold.
create table committee_tree_version (
    id      smallint not null primary key check (id = 1),
    version bigint   not null
);
insert into committee_tree_version (id, version) values (1, 0);
