-- Archived reports (API.md 1.1, "Integrity of the record"): a report kept byte for byte with the size and root of the
-- Merkle log it was computed from, so that it can be recomputed from exactly those events later. Never changed.
create table archived_report (
    report_id        varchar(36)  not null primary key,
    committee_id     varchar(100) not null,
    from_date        date         not null,
    to_date          date         not null,
    scope            varchar(20)  not null,
    perspective      varchar(20)  not null,
    lang             varchar(5)   not null,
    tree_size        bigint       not null,
    root_hash        bytea        not null,
    checkpoint       text,
    sha256           varchar(64)  not null,
    content          bytea        not null,
    media_type       varchar(100) not null,
    archived_by      varchar(100) not null,
    archived_at      timestamp with time zone not null default now()
);
create index archived_report_committee on archived_report (committee_id, archived_at);

create trigger archived_report_append_only before update or delete on archived_report
    for each statement execute function casework_refuse_change();
create trigger archived_report_no_truncate before truncate on archived_report
    for each statement execute function casework_refuse_change();
alter table archived_report enable always trigger archived_report_append_only;
alter table archived_report enable always trigger archived_report_no_truncate;
