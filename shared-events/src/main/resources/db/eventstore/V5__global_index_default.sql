-- An event's global index is taken from the sequence by its insert (the column's default) and returned by it, so an
-- append is one round trip per event instead of a nextval and then the insert (axon-sequences-orm.xml: IDENTITY).
-- The sequence still steps by one, and rows written with an explicit index (COPY, restores) are unchanged.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
