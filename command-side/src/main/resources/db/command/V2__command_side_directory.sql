-- What the command side keeps of the tree for its rules (competence, ballots, appeals). Written by a
-- subscribing processor in the same transaction as the committee events, so it is never behind them.
create table cmd_committee (
    id             varchar(100) not null primary key,
    kind           varchar(40)  not null,
    level          varchar(20)  not null,
    voting_members integer,
    established_on date,
    dissolved_on   date,
    successor_id   varchar(100),
    last_sequence  bigint       not null
);

create table cmd_committee_link (
    node_id    varchar(100) not null,
    sequence   bigint       not null,
    valid_from date,
    parent_id  varchar(100),
    primary key (node_id, sequence)
);

-- Cases not yet closed, withdrawn or escalated, by the committee that holds them: a dissolution moves
-- them to the successor.
create table cmd_open_case (
    case_id      varchar(100) not null primary key,
    committee_id varchar(100) not null
);
create index cmd_open_case_committee on cmd_open_case (committee_id);
