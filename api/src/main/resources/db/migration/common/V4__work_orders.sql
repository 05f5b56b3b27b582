-- Command side: work-order numbers (WO-<year>-<6 digits>), from one sequence shared by every instance.
create sequence work_order_number_seq start with 1 increment by 1;

-- Query side, processing group work-order-projection: the work-order list and detail.
create table work_order_view (
    id              uuid           not null primary key,
    number          varchar(30)    not null,
    status          varchar(20)    not null,
    customer_id     uuid           not null,
    -- the customer's name as of the latest customer event this group has processed
    customer_name   varchar(200),
    asset_id        uuid,
    description     varchar(4000)  not null,
    priority        varchar(10)    not null,
    -- LOW 0 .. URGENT 3: sorting by priority follows urgency, not the alphabet
    priority_rank   integer        not null,
    technician      varchar(200),
    due_date        date,
    overdue         boolean        not null,
    approved_by     varchar(200),
    approved_total  numeric(19, 2),
    labour          numeric(19, 2) not null,
    parts           numeric(19, 2) not null,
    tax_rate        numeric(9, 4),
    tax             numeric(19, 2) not null,
    total           numeric(19, 2) not null,
    paid            numeric(19, 2) not null,
    balance         numeric(19, 2) not null,
    opened_at       timestamp with time zone not null,
    completed_at    timestamp with time zone,
    version         bigint         not null,
    -- number, description and customer name in lower case, for search
    search_text     varchar(4400)  not null
);
-- one index per filter and sort of the list (id is the tie-breaker of every sort); search is a
-- substring match, which a b-tree cannot serve: PostgreSQL gets trigram indexes in V4_1
create index ix_work_order_view_number on work_order_view (number, id);
create index ix_work_order_view_status on work_order_view (status, id);
create index ix_work_order_view_customer on work_order_view (customer_id, id);
create index ix_work_order_view_customer_name on work_order_view (customer_name, id);
create index ix_work_order_view_technician on work_order_view (technician, id);
create index ix_work_order_view_priority on work_order_view (priority_rank, id);
create index ix_work_order_view_overdue on work_order_view (overdue, id);
create index ix_work_order_view_due_date on work_order_view (due_date, id);
create index ix_work_order_view_total on work_order_view (total, id);
create index ix_work_order_view_opened_at on work_order_view (opened_at, id);

-- Lines, inspections, payments and scans of the detail; position = the sequence number of the event
-- that recorded the row, so a rebuild lists them in the same order.
create table work_order_labour_view (
    id            uuid           not null primary key,
    work_order_id uuid           not null,
    position      bigint         not null,
    description   varchar(2000)  not null,
    hours         numeric(19, 4) not null,
    hourly_rate   numeric(19, 4) not null,
    amount        numeric(19, 2) not null
);
create index ix_work_order_labour_view_work_order on work_order_labour_view (work_order_id, position);

create table work_order_part_view (
    id            uuid           not null primary key,
    work_order_id uuid           not null,
    position      bigint         not null,
    item_id       uuid           not null,
    sku           varchar(100),
    name          varchar(200),
    quantity      numeric(19, 4) not null,
    unit_price    numeric(19, 4) not null,
    amount        numeric(19, 2) not null,
    status        varchar(20)    not null
);
create index ix_work_order_part_view_work_order on work_order_part_view (work_order_id, position);

create table work_order_inspection_view (
    id            uuid          not null primary key,
    work_order_id uuid          not null,
    position      bigint        not null,
    result        varchar(10)   not null,
    notes         varchar(2000),
    inspector     varchar(200),
    recorded_at   timestamp with time zone not null
);
create index ix_work_order_inspection_view_work_order on work_order_inspection_view (work_order_id, position);

create table work_order_payment_view (
    id            uuid           not null primary key,
    work_order_id uuid           not null,
    position      bigint         not null,
    amount        numeric(19, 2) not null,
    method        varchar(20)    not null,
    balance       numeric(19, 2) not null,
    paid_at       timestamp with time zone not null
);
create index ix_work_order_payment_view_work_order on work_order_payment_view (work_order_id, position);

create table work_order_scan_view (
    id            uuid          not null primary key,
    work_order_id uuid          not null,
    position      bigint        not null,
    stage         varchar(200)  not null,
    note          varchar(2000),
    technician    varchar(200),
    scanned_at    timestamp with time zone not null
);
create index ix_work_order_scan_view_work_order on work_order_scan_view (work_order_id, position);

-- The customers and assets the work-order group has seen (from customer events), so it can name them
-- without reading another projection's tables.
create table work_order_customer_view (
    id      uuid         not null primary key,
    name    varchar(200) not null,
    version bigint       not null
);

create table work_order_asset_view (
    id            uuid         not null primary key,
    customer_id   uuid         not null,
    kind          varchar(20)  not null,
    make          varchar(100),
    model         varchar(100),
    model_year    integer,
    vin           varchar(17),
    serial_number varchar(100),
    license_plate varchar(20)
);

-- Query side, processing group customer-projection: the customer's work orders now come from
-- work-order events. version = the work order's last event applied to the row (idempotency).
alter table customer_work_order_view add column version bigint default -1 not null;

-- The charged line amounts of work orders not yet invoiced, so a removed or released line can be
-- taken off the customer's work-order total.
create table customer_work_order_line_view (
    id            uuid           not null primary key,
    work_order_id uuid           not null,
    amount        numeric(19, 2) not null
);
create index ix_customer_work_order_line_view_work_order on customer_work_order_line_view (work_order_id);
