-- The readable name of a scan's technician and of an inspector (the event metadata's userName when
-- the event was recorded) beside their user id.
alter table work_order_scan_view add column technician_name varchar(200);
alter table work_order_inspection_view add column inspector_name varchar(200);
