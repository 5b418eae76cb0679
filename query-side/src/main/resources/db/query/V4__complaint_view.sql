-- Read model "complaints": the intake register. The denouncer's identity is not here: only whether one is
-- on file (it stays in confidential_denouncer, which no public read serves).
create table complaint_view (
    id              varchar(100) not null primary key,
    version         bigint       not null,
    committee_id    varchar(100) not null,
    received_on     date         not null,
    anonymous       boolean      not null,
    denouncer_on_file boolean    not null,
    accused         jsonb        not null,
    accused_name    varchar(300),
    content         text         not null,
    status          varchar(20)  not null,
    case_id         varchar(100),
    decided_on      date,
    dismissal_reason varchar(40),
    note            text,
    transfers       jsonb        not null default '[]'
);
create index complaint_view_committee on complaint_view (committee_id, status);
