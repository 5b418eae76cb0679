-- The record's integrity (API.md 1.1, "Integrity of the record"). The event rows are sealed, in global order, into
-- an RFC 6962 Merkle log kept beside them: one leaf per event row (the hash of its stored bytes), the hashes of the
-- perfect subtrees (so a root or a proof at any size is a logarithmic number of reads), the global indexes the
-- sealer passed over as gaps, and the signed checkpoints. The sealer (query side, one per deployment) writes them;
-- nothing else does.

create table integrity_leaf (
    leaf_index       bigint       not null primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null,
    leaf_hash        bytea        not null check (length(leaf_hash) = 32),
    sealed_at        timestamp with time zone not null default now()
);

-- level >= 1: the hash of leaves [node_index * 2^level, (node_index + 1) * 2^level); level 0 is integrity_leaf
create table integrity_node (
    level      smallint not null check (level between 1 and 62),
    node_index bigint   not null,
    hash       bytea    not null check (length(hash) = 32),
    primary key (level, node_index)
);

-- global indexes that never held a committed row when the sealer passed them (a rolled-back append), recorded
-- after the gap timeout; after_leaf is the number of leaves sealed before the gap
create table integrity_gap (
    first_global_index bigint not null primary key,
    last_global_index  bigint not null,
    after_leaf         bigint not null,
    recorded_at        timestamp with time zone not null default now(),
    check (last_global_index >= first_global_index)
);

create table integrity_checkpoint (
    tree_size bigint not null primary key,
    root_hash bytea  not null check (length(root_hash) = 32),
    note      text   not null,
    issued_at timestamp with time zone not null default now()
);

-- Append-only, as a deterrent (a superuser can disable triggers; the signed checkpoints kept outside the database
-- are what detects that). ENABLE ALWAYS: they fire under session_replication_role = replica too. Axon never updates
-- nor deletes an event row (snapshots live in snapshot_event_entry, which stays writable).
create function casework_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each statement execute function casework_refuse_change();
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function casework_refuse_change();
alter table domain_event_entry enable always trigger domain_event_entry_append_only;
alter table domain_event_entry enable always trigger domain_event_entry_no_truncate;

create trigger integrity_leaf_append_only before update or delete on integrity_leaf
    for each statement execute function casework_refuse_change();
create trigger integrity_leaf_no_truncate before truncate on integrity_leaf
    for each statement execute function casework_refuse_change();
alter table integrity_leaf enable always trigger integrity_leaf_append_only;
alter table integrity_leaf enable always trigger integrity_leaf_no_truncate;

create trigger integrity_node_append_only before update or delete on integrity_node
    for each statement execute function casework_refuse_change();
create trigger integrity_node_no_truncate before truncate on integrity_node
    for each statement execute function casework_refuse_change();
alter table integrity_node enable always trigger integrity_node_append_only;
alter table integrity_node enable always trigger integrity_node_no_truncate;

create trigger integrity_gap_append_only before update or delete on integrity_gap
    for each statement execute function casework_refuse_change();
create trigger integrity_gap_no_truncate before truncate on integrity_gap
    for each statement execute function casework_refuse_change();
alter table integrity_gap enable always trigger integrity_gap_append_only;
alter table integrity_gap enable always trigger integrity_gap_no_truncate;

create trigger integrity_checkpoint_append_only before update or delete on integrity_checkpoint
    for each statement execute function casework_refuse_change();
create trigger integrity_checkpoint_no_truncate before truncate on integrity_checkpoint
    for each statement execute function casework_refuse_change();
alter table integrity_checkpoint enable always trigger integrity_checkpoint_append_only;
alter table integrity_checkpoint enable always trigger integrity_checkpoint_no_truncate;
