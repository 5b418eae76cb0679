-- Statistical forms (issue 13). The statistics projection keeps, beside its counters, one fact per counted step:
-- the step, its business day, the committee it counts under for each perspective (the same committees as
-- stat_counter) and the facts of the case a form's columns ask for. A cell of a form counts facts; the same
-- selection lists the cases behind it (drill-down), so a figure and its list cannot disagree.
create table stat_fact (
    aggregate_id   varchar(100) not null,
    sequence       bigint       not null,
    step           varchar(40)  not null,
    day            date         not null,
    actor_id       varchar(100) not null,
    subject_org_id varchar(100) not null,
    case_id        varchar(100),
    facts          jsonb        not null,
    recorded_at    timestamptz  not null,
    primary key (aggregate_id, sequence)
);
create index stat_fact_actor on stat_fact (actor_id, day);
create index stat_fact_subject on stat_fact (subject_org_id, day);

-- What the projection remembers of a case's subject for the forms (committee memberships, managing committee,
-- membership); null for cases planned before the forms existed until the projection is rebuilt.
alter table stat_case add column subject jsonb;
alter table stat_complaint add column facts jsonb;

-- Whether a named letter's writer is a party member or a citizen (form 21), when intake recorded it.
alter table complaint_view add column writer_kind varchar(10);

-- A period's figures locked once filed (chốt số liệu): the workbook as filed, with the position of the record
-- it was computed from.
create table form_lock (
    id            varchar(36)  not null primary key,
    committee_id  varchar(100) not null,
    period        varchar(20)  not null,
    scope         varchar(7)   not null,
    perspective   varchar(7)   not null,
    forms         text         not null,
    definitions   varchar(40)  not null,
    from_day      date         not null,
    to_day        date         not null,
    locked_at     timestamptz  not null,
    locked_by     varchar(100) not null,
    checkpoint_kind varchar(30) not null,
    tree_size     bigint       not null,
    root_hash     varchar(100),
    workbook      bytea        not null,
    sha256        varchar(64)  not null,
    figures       jsonb        not null,
    unique (committee_id, period, scope, perspective)
);
