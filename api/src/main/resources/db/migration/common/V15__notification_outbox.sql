-- Customer notifications (docs/notifications.md). The feed's own lookups, kept by the one-segment
-- processor notification-outbox (OutboxFeed) in the transaction that stores its token: who a work order
-- belongs to, and where (and whether) its customer wants e-mail.
create table notification_recipient (
    customer_id uuid         primary key,
    name        varchar(200) not null,
    email       varchar(320),
    language    varchar(8),
    opted_out   boolean      not null,
    archived    boolean      not null
);

create table notification_work_order (
    work_order_id uuid        primary key,
    customer_id   uuid        not null,
    number        varchar(40) not null,
    due_date      date
);

-- When notifications were deployed: events stored before it only fill the lookups, so a first deployment
-- onto a store with history does not mail every customer about work done long ago.
create table notification_feed_start (
    id         int                      primary key,
    started_at timestamp with time zone not null
);

-- One row per (event, message kind): a replay or a redelivered batch finds its row and adds nothing.
-- id is derived from both (a name-based UUID) and is the local part of the Message-ID.
create table notification_outbox (
    id              varchar(36)              primary key,
    event_id        varchar(255)             not null,
    kind            varchar(40)              not null,
    message_id      varchar(320)             not null,
    customer_id     uuid                     not null,
    work_order_id   uuid,
    recipient       varchar(320)             not null,
    language        varchar(8)               not null,
    model           varchar(4000)            not null,
    state           varchar(10)              not null,
    attempts        int                      not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(200),
    claimed_until   timestamp with time zone,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint notification_outbox_event_kind unique (event_id, kind)
);

create index notification_outbox_due on notification_outbox (state, next_attempt_at);
create index notification_outbox_listed on notification_outbox (state, created_at);
create index notification_outbox_work_order on notification_outbox (work_order_id);

-- The feed exists from this migration on: events stored before it are history.
insert into notification_feed_start (id, started_at) values (1, current_timestamp);
