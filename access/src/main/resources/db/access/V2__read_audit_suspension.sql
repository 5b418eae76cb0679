-- A look at a suspension of party activity is accountable like a look at a case (API.md 1.1, "Read audit").
alter table read_audit drop constraint if exists read_audit_kind_check;
alter table read_audit add constraint read_audit_kind_check
    check (kind in ('CASE', 'COMPLAINT', 'IDENTITY', 'SUSPENSION'));
