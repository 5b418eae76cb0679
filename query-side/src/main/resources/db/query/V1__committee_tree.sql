-- The organization tree as it stood on any date (read model "committee-tree").
create table committee_node (
    id                 varchar(100) not null primary key,
    name               varchar(300) not null,
    kind               varchar(40)  not null,
    level              varchar(20)  not null,
    established_on     date,
    dissolved_on       date,
    successor_id       varchar(100),
    dissolution_reason text,
    voting_members     integer,
    party_members      integer,
    cells              integer,
    registered_at      timestamp with time zone not null,
    last_sequence      bigint       not null
);
create index committee_node_successor on committee_node (successor_id);

-- One row per parent link: from valid_from (null: since always) the node hangs under parent_id.
create table committee_parent_link (
    node_id    varchar(100) not null,
    sequence   bigint       not null,
    valid_from date,
    parent_id  varchar(100),
    primary key (node_id, sequence)
);
create index committee_parent_link_parent on committee_parent_link (parent_id);
