-- Who may see each case and complaint (API.md "Jurisdiction", "Conflict of interest"): the committee acting on
-- it now and the party member it concerns. Kept by the subscribing processor in the committing transaction.
create table cmd_case_access (
    case_id           varchar(100) not null primary key,
    committee_id      varchar(100) not null,
    subject_member_id varchar(100)
);

create table cmd_complaint_access (
    complaint_id      varchar(100) not null primary key,
    committee_id      varchar(100) not null,
    accused_member_id varchar(100)
);

-- cases and complaints recorded before this table existed, from their events
insert into cmd_case_access (case_id, committee_id, subject_member_id)
select e.aggregate_identifier, p ->> 'committeeId', p -> 'subject' ->> 'memberId'
from domain_event_entry e, lateral (select convert_from(e.payload, 'UTF8')::jsonb as p) j
where e.payload_type = 'vn.ubkt.casework.events.cases.CasePlanned'
on conflict do nothing;

update cmd_case_access a set committee_id = t.to_committee
from (select distinct on (aggregate_identifier) aggregate_identifier as id,
             convert_from(payload, 'UTF8')::jsonb ->> 'toCommitteeId' as to_committee
      from domain_event_entry where payload_type = 'vn.ubkt.casework.events.cases.CaseTransferred'
      order by aggregate_identifier, sequence_number desc) t
where a.case_id = t.id;

insert into cmd_complaint_access (complaint_id, committee_id, accused_member_id)
select e.aggregate_identifier, p ->> 'committeeId', p -> 'accused' ->> 'memberId'
from domain_event_entry e, lateral (select convert_from(e.payload, 'UTF8')::jsonb as p) j
where e.payload_type = 'vn.ubkt.casework.events.complaints.ComplaintReceived'
on conflict do nothing;

update cmd_complaint_access a set committee_id = t.to_committee
from (select distinct on (aggregate_identifier) aggregate_identifier as id,
             convert_from(payload, 'UTF8')::jsonb ->> 'toCommitteeId' as to_committee
      from domain_event_entry where payload_type = 'vn.ubkt.casework.events.complaints.ComplaintTransferred'
      order by aggregate_identifier, sequence_number desc) t
where a.complaint_id = t.id;
