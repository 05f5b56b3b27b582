-- Blue/green rebuilds (docs/operations.md, "Rebuilding projections"): the copy of the view is built in
-- its own schema by a second processor; the request says where, and when the copy took over the reads.
alter table projection_rebuild add column copy_schema varchar(64);
alter table projection_rebuild add column switched_at bigint;
