-- Time-window searches of GET /api/audit/events: db/migration/postgresql/V21 says why. H2 has no
-- INCLUDE, so the event type index is a plain one.
create index ix_audit_event_aggregate_type_occurred on audit_event (aggregate_type, occurred_at, position);
create index ix_audit_event_type_occurred on audit_event (event_type, occurred_at, position);
create index ix_audit_event_user_occurred on audit_event (user_id, occurred_at, position);
create index ix_audit_event_user_name_occurred on audit_event (user_name, occurred_at, position);
