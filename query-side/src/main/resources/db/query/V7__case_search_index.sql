-- Search at national scale (issue 11): "q" matches the folded text anywhere in it (like '%…%'), which only a
-- trigram index serves; pg_trgm is a trusted extension (the database's owner may create it) shipped with
-- PostgreSQL's contrib modules. Lists also filter on the subject's organization and sort on the update instant.
create extension if not exists pg_trgm;
create index case_view_search on case_view using gin (search_text gin_trgm_ops);
create index case_view_subject_org on case_view (subject_org_id);
create index case_view_updated on case_view (updated_at);
