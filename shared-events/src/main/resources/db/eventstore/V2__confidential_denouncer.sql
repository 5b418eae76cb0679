-- The denouncer's identity, kept apart from the events (which are permanent and read by statistics and
-- audit trails). An event carries only denouncer_ref. Erasure blanks the row and keeps the fact that it
-- was erased; the history of events is never rewritten.
create table confidential_denouncer (
    denouncer_ref varchar(100) not null primary key,
    complaint_id  varchar(100) not null,
    name          varchar(300),
    address       varchar(1000),
    phone         varchar(50),
    recorded_at   timestamp with time zone not null default now(),
    erased_at     timestamp with time zone
);
create index confidential_denouncer_complaint on confidential_denouncer (complaint_id);
