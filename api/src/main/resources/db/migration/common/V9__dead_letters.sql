-- Axon's sequenced dead-letter queue (JpaSequencedDeadLetterQueue), as Hibernate maps Axon 4.13's
-- DeadLetterEntry with Spring's naming: one row per parked event, per processing group and sequence
-- (the aggregate), in the order the events came. Binary columns are ${binary_type} on this database.
create table dead_letter_entry (
    dead_letter_id       varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              ${binary_type} not null,
    meta_data            ${binary_type},
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                ${binary_type},
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          ${binary_type},
    primary key (dead_letter_id),
    constraint uk_dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_entry_group on dead_letter_entry (processing_group);
create index ix_dead_letter_entry_group_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- Every dead letter evicted by an operator (DELETE /api/admin/dead-letters/{id}): what it was, why and
-- who, kept for the audit. The event itself stays in the event store; the view never saw it.
create table dead_letter_eviction (
    dead_letter_id      varchar(255) not null primary key,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    event_identifier    varchar(255) not null,
    payload_type        varchar(255) not null,
    aggregate_id        varchar(255),
    sequence_number     bigint,
    cause_type          varchar(255),
    cause_message       varchar(1023),
    enqueued_at         timestamp with time zone not null,
    reason              varchar(1000) not null,
    evicted_by          varchar(255) not null,
    evicted_at          timestamp with time zone not null
);
create index ix_dead_letter_eviction_group on dead_letter_eviction (processing_group, evicted_at);
