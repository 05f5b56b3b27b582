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
