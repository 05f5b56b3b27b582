-- search=... is a substring match (LIKE '%term%'): a trigram index serves it on PostgreSQL.
create index ix_catalogue_entry_view_search_trgm on catalogue_entry_view using gin (search_text gin_trgm_ops);
