-- Axon Framework's own tables (event store, tokens, sagas), as Hibernate maps Axon 4.13's entities
-- (generated with schema-generation scripts, then fixed here: Flyway owns every table).
-- Binary columns are ${binary_type} on this database.

create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            ${binary_type},
    payload              ${binary_type}       not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (global_index),
    constraint uk_domain_event_entry_event_id unique (event_identifier),
    constraint uk_domain_event_entry_aggregate_seq unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            ${binary_type},
    payload              ${binary_type}       not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (sequence_number, aggregate_identifier, type),
    constraint uk_snapshot_event_entry_event_id unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          ${binary_type},
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga ${binary_type},
    primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    primary key (id)
);
create index ix_association_value_lookup on association_value_entry (saga_type, association_key, association_value);
create index ix_association_value_saga on association_value_entry (saga_id, saga_type);

-- db-scheduler: persistent deadlines (overdue work orders), shared by every instance.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            ${binary_type},
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);

-- Idempotency-Key: the first answer to a client's keyed request, replayed for 24 h.
create table idempotency_record (
    client_id   varchar(200) not null,
    idem_key    varchar(200) not null,
    fingerprint varchar(64)  not null,
    created_at  timestamp with time zone not null,
    completed   boolean      not null,
    status      integer,
    headers     varchar(4000),
    body        ${binary_type},
    primary key (client_id, idem_key)
);
create index ix_idempotency_record_created on idempotency_record (created_at);
