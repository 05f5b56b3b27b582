-- search=... is a substring match (LIKE '%term%') over number, description and customer name:
-- trigram indexes serve it on PostgreSQL.
create extension if not exists pg_trgm;
create index ix_work_order_view_search_trgm on work_order_view using gin (search_text gin_trgm_ops);
