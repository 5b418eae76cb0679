-- Who may see each suspension of party activity (API.md "Jurisdiction", "Conflict of interest"): the deciding
-- committee and the suspended member. Kept by the subscribing processor in the committing transaction.
create table cmd_suspension_access (
    suspension_id varchar(100) not null primary key,
    committee_id  varchar(100) not null,
    member_id     varchar(100) not null
);
