-- Command side: the customer registry (unique email and VIN, archived flag, asset ownership),
-- written in the command's own transaction.
create table cmd_customer (
    customer_id uuid         not null primary key,
    email_key   varchar(254) not null,
    archived    boolean      not null
);
create unique index ux_cmd_customer_email on cmd_customer (email_key);

create table cmd_asset (
    asset_id    uuid not null primary key,
    customer_id uuid not null,
    vin_key     varchar(17)
);
create unique index ux_cmd_asset_vin on cmd_asset (vin_key);
create index ix_cmd_asset_customer on cmd_asset (customer_id);

-- Query side: customer list and detail.
create table customer_view (
    id               uuid          not null primary key,
    name             varchar(200)  not null,
    email            varchar(254)  not null,
    phone            varchar(50),
    address          varchar(500),
    archived         boolean       not null,
    asset_count      integer       not null,
    open_work_orders integer       not null,
    version          bigint        not null,
    registered_at    timestamp with time zone,
    search_text      varchar(600)
);
-- one index per filter and sort of the list (id is the tie-breaker of every sort)
create index ix_customer_view_name on customer_view (name, id);
create index ix_customer_view_email on customer_view (email, id);
create index ix_customer_view_phone on customer_view (phone, id);
create index ix_customer_view_archived on customer_view (archived, name, id);
create index ix_customer_view_asset_count on customer_view (asset_count, id);
create index ix_customer_view_open_work_orders on customer_view (open_work_orders, id);
create index ix_customer_view_registered_at on customer_view (registered_at, id);
create index ix_customer_view_search on customer_view (search_text);

create table customer_asset_view (
    id            uuid         not null primary key,
    customer_id   uuid         not null,
    kind          varchar(20)  not null,
    make          varchar(100),
    model         varchar(100),
    model_year    integer,
    vin           varchar(17),
    serial_number varchar(100),
    license_plate varchar(20),
    odometer      bigint,
    registered_at timestamp with time zone
);
create index ix_customer_asset_view_customer on customer_asset_view (customer_id, registered_at, id);

create table customer_work_order_view (
    id          uuid          not null primary key,
    customer_id uuid          not null,
    number      varchar(20),
    status      varchar(20),
    total       numeric(19, 2),
    opened_at   timestamp with time zone
);
create index ix_customer_work_order_view_customer on customer_work_order_view (customer_id, opened_at, id);
