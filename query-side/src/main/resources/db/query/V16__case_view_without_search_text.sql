-- search_text, the folded text the trigram search matched, has had no reader since search went by words (V14, which
-- filled search_words from it and dropped its index). Every write of a case still folded it in PostgreSQL, and it
-- widened every row a search reads. Dropping it is instant; the rows shrink as they are next written, or all at once
-- by rebuilding case-detail.
alter table case_view drop column search_text;
