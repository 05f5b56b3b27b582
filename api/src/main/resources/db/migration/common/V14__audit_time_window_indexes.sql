-- Time-window searches of GET /api/audit/events (AuditFilter.page, docs/audit.md): a window with an
-- aggregate type or an event type reads its positions from one range of these indexes, without the
-- table, and only the page's rows in full. A window alone uses ix_audit_event_occurred (V7).
create index ix_audit_event_aggregate_type_occurred on audit_event (aggregate_type, occurred_at, position);
create index ix_audit_event_type_occurred on audit_event (event_type, occurred_at, position);
