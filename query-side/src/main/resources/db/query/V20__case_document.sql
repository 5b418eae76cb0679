-- Each case's document in a table of its own, by the case's id; case_view keeps the columns lists filter and sort on,
-- and the case's words.
-- V13 asked for the documents to leave case_view's rows (toast_tuple_target = 128), so every document lay in
-- case_view's TOAST, a chunk table with an index of its own: a case written was a row, a TOAST chunk and an entry of the
-- chunks' index; a case read for the first time cost its row's page and its chunk's (docs/BENCHMARKS.md, "Case detail's
-- tail"); and a rebuild made the copy logged with its TOAST on one backend before it could build the words' index on
-- the same one. A document here lies in its own row (about 1.8 kB, as it is: PostgreSQL compresses only rows over 2 kB),
-- one page read by the key, and a rebuild makes this table logged on one backend while case_view is made logged and
-- indexed on the other (docs/BENCHMARKS.md, "Rebuilds, ninth round").
-- No foreign key: a rebuild replaces both tables, each by its copy; case-detail writes both in one transaction.
create table case_document (
    id       varchar(100) not null primary key,
    document jsonb        not null
);

insert into case_document (id, document) select id, document from case_view;

-- Dropping the column is instant; its values leave case_view's TOAST as each case is next written, or all at once by
-- rebuilding case-detail (OPERATIONS.md).
alter table case_view drop column document;
