-- Requests to reveal a denouncer's identity, for the custodians' queue across a jurisdiction (GET
-- /api/identity-requests). Written by the "complaints" projection with complaint_view, which gives each request
-- its complaint's committee and accused. No identity here: who asked, why, and who decided.
create table identity_request_view (
    request_id      varchar(100) not null primary key,
    complaint_id    varchar(100) not null,
    -- the complaint's event sequence of the last step applied to this request: redelivery changes nothing
    version         bigint       not null,
    requested_by    varchar(100) not null,
    reason          text         not null,
    requested_at    timestamp with time zone not null,
    decision        varchar(20)  not null check (decision in ('PENDING', 'APPROVED', 'DENIED')),
    decided_by      varchar(100),
    decision_reason text,
    decided_at      timestamp with time zone
);
create index identity_request_view_complaint on identity_request_view (complaint_id);
create index identity_request_view_decision on identity_request_view (decision, requested_at);
