-- search=... is a substring match (LIKE '%term%'): a trigram index serves it on PostgreSQL.
create extension if not exists pg_trgm;
create index ix_customer_view_search_trgm on customer_view using gin (search_text gin_trgm_ops);
