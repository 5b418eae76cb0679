-- The last number each issuing body gave each type of document in a term (OUTPUTS.md "Numbers"): one row per
-- sequence, raised in the transaction that records the document, so numbers have no gap and no duplicate.
create table cmd_document_number (
    issuer_id   varchar(100) not null,
    type_code   varchar(10)  not null,
    term        varchar(40)  not null,
    last_serial integer      not null,
    primary key (issuer_id, type_code, term)
);
