-- Time-window searches of GET /api/audit/events (AuditFilter.page, docs/audit.md): a window with an
-- aggregate type, an event type or a user reads its matching positions from one range of these indexes,
-- and only the page's rows in full. A window alone uses ix_audit_event_occurred (V7). The event type
-- index carries the aggregate type so that both together are still answered from the index alone.
-- (H2 has no INCLUDE: db/migration/h2 has the same indexes without it.)
create index ix_audit_event_aggregate_type_occurred on audit_event (aggregate_type, occurred_at, position);
create index ix_audit_event_type_occurred on audit_event (event_type, occurred_at, position) include (aggregate_type);
create index ix_audit_event_user_occurred on audit_event (user_id, occurred_at, position);
create index ix_audit_event_user_name_occurred on audit_event (user_name, occurred_at, position);
