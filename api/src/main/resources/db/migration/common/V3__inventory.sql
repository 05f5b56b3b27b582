-- Command side: the stock item registry (unique SKU, and what a part line needs: name, moving-average
-- cost, discontinued), written in the command's own transaction.
create table cmd_stock_item (
    item_id      uuid           not null primary key,
    sku_key      varchar(64)    not null,
    sku          varchar(64)    not null,
    name         varchar(200)   not null,
    unit_cost    numeric(19, 4) not null,
    discontinued boolean        not null
);
create unique index ux_cmd_stock_item_sku on cmd_stock_item (sku_key);

-- Query side: stock item list and detail.
create table stock_item_view (
    id               uuid           not null primary key,
    sku              varchar(64)    not null,
    name             varchar(200)   not null,
    unit             varchar(20)    not null,
    location         varchar(100),
    on_hand          numeric(19, 4) not null,
    reserved         numeric(19, 4) not null,
    available        numeric(19, 4) not null,
    backordered      numeric(19, 4) not null,
    reorder_level    numeric(19, 4) not null,
    reorder_quantity numeric(19, 4) not null,
    low_stock        boolean        not null,
    unit_cost        numeric(19, 4) not null,
    discontinued     boolean        not null,
    version          bigint         not null,
    registered_at    timestamp with time zone,
    search_text      varchar(400)
);
-- one index per filter and sort of the list (id is the tie-breaker of every sort)
create index ix_stock_item_view_sku on stock_item_view (sku, id);
create index ix_stock_item_view_name on stock_item_view (name, id);
create index ix_stock_item_view_location on stock_item_view (location, id);
create index ix_stock_item_view_on_hand on stock_item_view (on_hand, id);
create index ix_stock_item_view_reserved on stock_item_view (reserved, id);
create index ix_stock_item_view_available on stock_item_view (available, id);
create index ix_stock_item_view_backordered on stock_item_view (backordered, id);
create index ix_stock_item_view_reorder_level on stock_item_view (reorder_level, id);
create index ix_stock_item_view_unit_cost on stock_item_view (unit_cost, id);
create index ix_stock_item_view_low_stock on stock_item_view (low_stock, sku, id);
create index ix_stock_item_view_search on stock_item_view (search_text);

-- Query side: each item's ledger, keyed by the event that recorded the movement.
create table stock_movement_view (
    event_id        varchar(64)    not null primary key,
    item_id         uuid           not null,
    sequence_number bigint         not null,
    occurred_at     timestamp with time zone not null,
    movement_type   varchar(20)    not null,
    quantity        numeric(19, 4) not null,
    work_order_id   uuid,
    reason          varchar(500),
    actor           varchar(200)
);
create index ix_stock_movement_view_item on stock_movement_view (item_id, sequence_number);
