-- Command side: the booking registry. One row per booked resource ('bay B1', 'technician ann') and
-- 15-minute slot (epoch seconds / 900): the primary key refuses the second of two bookings that race
-- for the same bay or technician at the same time. Written in the command's own transaction.
create table cmd_booking_slot (
    resource       varchar(250) not null,
    slot           bigint       not null,
    appointment_id uuid         not null,
    primary key (resource, slot)
);
create index ix_cmd_booking_slot_appointment on cmd_booking_slot (appointment_id);

-- Query side: the calendar.
create table appointment_view (
    id            uuid          not null primary key,
    customer_id   uuid          not null,
    asset_id      uuid,
    jobs          varchar(2000) not null,
    start_at      timestamp with time zone not null,
    end_at        timestamp with time zone not null,
    bay           varchar(100)  not null,
    technician    varchar(200),
    status        varchar(20)   not null,
    work_order_id uuid,
    cancel_reason varchar(500),
    booked_at     timestamp with time zone,
    version       bigint        not null
);
-- one index per filter of the calendar (time overlaps [from, to): start_at < to and end_at > from)
create index ix_appointment_view_start on appointment_view (start_at, id);
create index ix_appointment_view_bay on appointment_view (bay, start_at);
create index ix_appointment_view_technician on appointment_view (technician, start_at);
create index ix_appointment_view_customer on appointment_view (customer_id, start_at);
create index ix_appointment_view_status on appointment_view (status, start_at);

-- The work order opened by an appointment's check-in names it.
alter table work_order_view add column appointment_id uuid;
