-- Read model "statistics": counters per perspective, committee, business day and metric, so a report of
-- any period sums a few rows per committee instead of scanning cases. ACTOR counters are kept under the
-- acting committee (for discipline, the deciding one), SUBJECT counters under the subject's organization;
-- by_committee_id is the deciding committee of a discipline counter ('' otherwise).
create table stat_counter (
    perspective     varchar(7)   not null,
    committee_id    varchar(100) not null,
    day             date         not null,
    metric          varchar(120) not null,
    by_committee_id varchar(100) not null default '',
    count           integer      not null,
    primary key (perspective, committee_id, day, metric, by_committee_id)
);
create index stat_counter_day on stat_counter (perspective, day);

-- What the projection needs to remember of a case or complaint between its events.
create table stat_case (
    case_id          varchar(100) not null primary key,
    case_type        varchar(60)  not null,
    committee_id     varchar(100) not null,
    subject_type     varchar(20)  not null,
    subject_org_id   varchar(100) not null,
    committee_member boolean      not null
);

create table stat_complaint (
    complaint_id   varchar(100) not null primary key,
    committee_id   varchar(100) not null,
    accused_org_id varchar(100) not null
);

-- Events already counted: a redelivered event is recognised and changes nothing.
create table stat_applied (
    aggregate_id varchar(100) not null,
    sequence     bigint       not null,
    primary key (aggregate_id, sequence)
);
