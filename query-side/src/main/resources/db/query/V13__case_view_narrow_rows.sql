-- Search at national scale (issue 11): a search rechecks every trigram candidate's search_text on the table's
-- rows and counts the matches up to 10,001, so the rows it visits should be narrow. Case documents (about a
-- kilobyte each) leave the rows for the table's TOAST storage once a row is over 128 bytes; search_text stays in
-- the row (compressed there if need be). Reading one case fetches its document from TOAST by index, once.
-- Rows written before this migration move as they are next written, or all at once by rebuilding case-detail.
alter table case_view alter column search_text set storage main;
alter table case_view set (toast_tuple_target = 128);
