-- Command side: the technician directory (who may be assigned), written in the command's own transaction.
create table cmd_technician (
    user_id      varchar(200) not null primary key,
    display_name varchar(200) not null,
    active       boolean      not null
);

-- Query side: the directory as clients list it.
create table technician_view (
    user_id       varchar(200) not null primary key,
    technician_id uuid         not null,
    display_name  varchar(200) not null,
    active        boolean      not null,
    version       bigint       not null,
    registered_at timestamp with time zone
);
-- one index per filter and sort of the list (user id is the tie-breaker of every sort)
create index ix_technician_view_name on technician_view (display_name, user_id);
create index ix_technician_view_active on technician_view (active, display_name, user_id);

-- The work-order list and detail show the assigned technician's display name beside their user id.
alter table work_order_view add column technician_name varchar(200);

-- work-order-projection's own copy of the directory's names (a rename reaches every work order).
create table work_order_technician_view (
    user_id varchar(200) not null primary key,
    name    varchar(200) not null
);

-- The dashboard's own copy of the directory's names (its workload is keyed by user id).
create table dashboard_technician (
    user_id      varchar(200) not null primary key,
    display_name varchar(200) not null
);
