-- search=... is a substring match (LIKE '%term%'): a trigram index serves it on PostgreSQL.
create index ix_stock_item_view_search_trgm on stock_item_view using gin (search_text gin_trgm_ops);
