-- The dashboard's oldest overdue work orders are those still outstanding, by due date. The index on
-- (overdue_event_id, due_date, id) held every work order that was ever overdue, so the read sorted a
-- set that grew with the history (5,408 rows for 159 answers at 30,000 work orders). overdue_due_date
-- is the due date only while a work order is outstanding and overdue (kept by the dashboard projection),
-- so the ten oldest are the first entries of its index.
alter table dashboard_work_order add column overdue_due_date date;

update dashboard_work_order set overdue_due_date = due_date
 where overdue_event_id is not null and status in ('OPEN', 'APPROVED', 'IN_PROGRESS', 'ON_HOLD');

create index ix_dashboard_work_order_outstanding_overdue on dashboard_work_order (overdue_due_date, id);

drop index ix_dashboard_work_order_overdue;
