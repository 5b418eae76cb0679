-- Read model "suspensions": one row per suspension of party activity (API.md "Suspension of party activity"),
-- with the columns its lists filter on. Whether it has ended is judged against today when it is read.
create table suspension_view (
    id                    varchar(100) not null primary key,
    version               bigint       not null,
    member_id             varchar(100) not null,
    member_org_id         varchar(100) not null,
    committee_member      boolean      not null,
    kind                  varchar(30)  not null,
    deciding_committee_id varchar(100) not null,
    case_id               varchar(100),
    suspended_on          date         not null,
    ends_on               date         not null,
    lifted_on             date,
    document              jsonb        not null,
    updated_at            timestamp with time zone not null
);
create index suspension_view_committee on suspension_view (deciding_committee_id);
create index suspension_view_member on suspension_view (member_id);
create index suspension_view_case on suspension_view (case_id);
