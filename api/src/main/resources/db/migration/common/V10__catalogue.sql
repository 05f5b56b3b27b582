-- Command side: the catalogue registry (unique code; each entry's current revision as a work order
-- applies it), written in the command's own transaction.
create table cmd_service_entry (
    entry_id    uuid           not null primary key,
    code_key    varchar(40)    not null,
    code        varchar(40)    not null,
    revision    integer        not null,
    name        varchar(200)   not null,
    retired     boolean        not null,
    fixed_price numeric(19, 2)
);
create unique index ux_cmd_service_entry_code on cmd_service_entry (code_key);

-- a labour line has no item_id; a part line has no description
create table cmd_service_line (
    entry_id    uuid           not null,
    position    integer        not null,
    description varchar(2000),
    hours       numeric(19, 4),
    hourly_rate numeric(19, 4),
    item_id     uuid,
    quantity    numeric(19, 4),
    primary key (entry_id, position)
);

-- Query side: catalogue list and detail (current revision).
create table catalogue_entry_view (
    id          uuid           not null primary key,
    code        varchar(40)    not null,
    code_key    varchar(40)    not null,
    name        varchar(200)   not null,
    description varchar(2000),
    category    varchar(100),
    revision    integer        not null,
    retired     boolean        not null,
    fixed_price numeric(19, 2),
    hours       numeric(19, 4) not null,
    version     bigint         not null,
    defined_at  timestamp with time zone,
    search_text varchar(600)
);
-- one index per filter and sort of the list (id is the tie-breaker of every sort)
create unique index ux_catalogue_entry_view_code on catalogue_entry_view (code_key, id);
create index ix_catalogue_entry_view_name on catalogue_entry_view (name, id);
create index ix_catalogue_entry_view_category on catalogue_entry_view (category, id);
create index ix_catalogue_entry_view_hours on catalogue_entry_view (hours, id);
create index ix_catalogue_entry_view_retired on catalogue_entry_view (retired, code_key, id);
create index ix_catalogue_entry_view_search on catalogue_entry_view (search_text);

create table catalogue_line_view (
    id          uuid           not null primary key,
    entry_id    uuid           not null,
    position    integer        not null,
    description varchar(2000),
    hours       numeric(19, 4),
    hourly_rate numeric(19, 4),
    item_id     uuid,
    quantity    numeric(19, 4)
);
create index ix_catalogue_line_view_entry on catalogue_line_view (entry_id, position);

-- Query side: the jobs (catalogue entries) applied to a work order.
create table work_order_job_view (
    id            uuid          not null primary key,
    work_order_id uuid          not null,
    position      bigint        not null,
    service_code  varchar(40)   not null,
    revision      integer       not null,
    name          varchar(200)  not null,
    line_ids      varchar(4000) not null
);
create index ix_work_order_job_view_work_order on work_order_job_view (work_order_id, position);
