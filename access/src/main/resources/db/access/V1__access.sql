-- Identity and access, read and written by both sides (they may run as separate processes on this database).

create table app_user (
    username             varchar(100) not null primary key,
    full_name            varchar(300) not null,
    -- a slow adaptive hash with its algorithm prefix ({bcrypt}…); never served
    password_hash        varchar(500) not null,
    committee_id         varchar(100) not null,
    member_id            varchar(100),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    created_at           timestamp with time zone not null default now(),
    last_sign_in_at      timestamp with time zone
);

create table app_user_role (
    username varchar(100) not null references app_user (username) on delete cascade,
    role     varchar(20)  not null,
    primary key (username, role)
);

-- Failed sign-ins, kept for the throttling window (API.md: 5 within 15 minutes lock the username out).
create table sign_in_failure (
    username varchar(100) not null,
    at       timestamp with time zone not null default now()
);
create index sign_in_failure_username on sign_in_failure (username, at);

-- Spring Session JDBC (its schema-postgresql.sql): one sign-in across both sides.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- The read audit: every read of a case or complaint and every reveal of a denouncer's identity. Append-only:
-- the database itself refuses to change or remove a row.
create table read_audit (
    id           bigint generated always as identity primary key,
    at           timestamp with time zone not null default now(),
    username     varchar(100) not null,
    kind         varchar(20)  not null check (kind in ('CASE', 'COMPLAINT', 'IDENTITY')),
    item_id      varchar(100) not null,
    committee_id varchar(100),
    what         varchar(200) not null
);
create index read_audit_item on read_audit (kind, item_id, at);
create index read_audit_user on read_audit (username, at);
create index read_audit_at on read_audit (at);

create function read_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'read_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger read_audit_no_update before update or delete on read_audit
    for each row execute function read_audit_refuse_change();
create trigger read_audit_no_truncate before truncate on read_audit
    for each statement execute function read_audit_refuse_change();
