-- Query side, processing group dashboard-projection (docs/dashboards.md): running figures kept as
-- events arrive, so that GET /api/dashboard reads a few small rows instead of scanning history.

-- The highest global event-store position the group processed (one row), and a counter that moves
-- whenever a time in status changes (never back, not even on a reset), so readers may keep what
-- they computed from dashboard_status_time until it moves.
create table dashboard_state (
    id                  integer not null primary key,
    position            bigint  not null,
    status_time_version bigint  not null
);
insert into dashboard_state (id, position, status_time_version) values (1, -1, 0);

-- Every event a figure is made of: what explain lists.
create table dashboard_event (
    event_id     varchar(64)  not null primary key,
    aggregate_id varchar(64)  not null,
    event_type   varchar(100) not null,
    occurred_at  timestamp with time zone not null,
    position     bigint       not null
);

-- One row per (figure, event): the event's contribution. Figures of the current state (work orders
-- by status, workload, stock value, low stock) have no day; figures of a period (revenue,
-- inspections, completions) have the day, in the shop's time zone, the event happened on.
-- holder is the work order or stock item the contribution belongs to, so it can be taken back.
create table dashboard_contribution (
    figure   varchar(300)   not null,
    event_id varchar(64)    not null,
    holder   uuid           not null,
    on_day   date,
    position bigint         not null,
    amount   numeric(19, 4) not null,
    primary key (figure, event_id)
);
create index ix_dashboard_contribution_holder on dashboard_contribution (holder);
create index ix_dashboard_contribution_figure on dashboard_contribution (figure, on_day, position);

-- Sum of the contributions of each current-state figure.
create table dashboard_counter (
    figure varchar(300)   not null primary key,
    amount numeric(19, 4) not null
);

-- Sum of the contributions of each period figure, per day.
create table dashboard_daily (
    figure varchar(100)   not null,
    on_day date           not null,
    amount numeric(19, 4) not null,
    primary key (figure, on_day)
);

-- What the group needs to know of each work order.
create table dashboard_work_order (
    id                  uuid         not null primary key,
    number              varchar(30)  not null,
    status              varchar(20)  not null,
    -- instants as nanoseconds since the epoch: durations come out exact on every database
    status_since_nanos  bigint       not null,
    status_event_id     varchar(64)  not null,
    technician          varchar(200),
    technician_event_id varchar(64),
    due_date            date,
    overdue_event_id    varchar(64),
    opened_nanos        bigint       not null,
    completed_day       date,
    cycle_seconds       bigint,
    inspected           boolean      not null
);
create index ix_dashboard_work_order_overdue on dashboard_work_order (overdue_event_id, due_date, id);
create index ix_dashboard_work_order_completed on dashboard_work_order (completed_day);

create table dashboard_labour_line (
    line_id       uuid           not null primary key,
    work_order_id uuid           not null,
    event_id      varchar(64)    not null,
    hours         numeric(19, 4) not null
);
create index ix_dashboard_labour_line_work_order on dashboard_labour_line (work_order_id);

-- Closed stays: the seconds a work order spent in a status, by the technician assigned when each
-- stay ended ('' for none), summed over its stays.
create table dashboard_status_time (
    work_order_id uuid         not null,
    status        varchar(20)  not null,
    technician    varchar(200) not null,
    seconds       bigint       not null,
    primary key (work_order_id, status, technician)
);

create table dashboard_stock_item (
    id            uuid           not null primary key,
    sku           varchar(64)    not null,
    name          varchar(200)   not null,
    on_hand       numeric(19, 4) not null,
    reserved      numeric(19, 4) not null,
    reorder_level numeric(19, 4) not null,
    unit_cost     numeric(19, 4) not null,
    -- on hand x moving-average unit cost, rounded to cents
    item_value    numeric(19, 2) not null,
    low_stock     boolean        not null
);
create index ix_dashboard_stock_item_low on dashboard_stock_item (low_stock, sku, id);
