-- Query side, processing group attachment-projection: the attachments of each work order. The bytes
-- are in the attachment store (wrench.attachments.*) under work-orders/<work order id>/<id>.
create table work_order_attachment_view (
    id            uuid          not null primary key,
    work_order_id uuid          not null,
    inspection_id uuid,
    position      bigint        not null,
    name          varchar(200)  not null,
    content_type  varchar(100)  not null,
    size          bigint        not null,
    sha256        varchar(64)   not null,
    caption       varchar(2000),
    added_by      varchar(200),
    added_at      timestamp with time zone not null,
    removed_at    timestamp with time zone
);
-- the list: a work order's attachments not removed, in the order they were added
create index ix_work_order_attachment_view_work_order on work_order_attachment_view (work_order_id, position);
