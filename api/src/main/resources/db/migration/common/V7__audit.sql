-- The audit trail (docs/audit.md). Processing group audit-ledger, one segment, in global event order.

-- The audit index: one row per stored event, so that GET /api/audit/events and the export filter
-- by index instead of scanning the event store. position = the event's global position (token index).
create table audit_event (
    position        bigint        not null primary key,
    event_id        varchar(255)  not null,
    aggregate_type  varchar(255),
    aggregate_id    varchar(255),
    sequence_number bigint,
    event_type      varchar(255)  not null,
    revision        varchar(255),
    occurred_at     timestamp with time zone not null,
    user_id         varchar(255),
    user_name       varchar(255),
    client_id       varchar(255),
    request_id      varchar(255),
    correlation_id  varchar(255),
    trace_id        varchar(255),
    metadata        varchar(16000) not null,
    hash            varchar(64),
    -- the event's leaf in the ledger; null for events written before hashing began
    leaf_index      bigint,
    constraint uk_audit_event_event_id unique (event_id),
    constraint uk_audit_event_leaf unique (leaf_index)
);
-- every filter is an equality on one column, served by (column, position) in position order
create index ix_audit_event_aggregate on audit_event (aggregate_id, position);
create index ix_audit_event_aggregate_type on audit_event (aggregate_type, position);
create index ix_audit_event_type on audit_event (event_type, position);
create index ix_audit_event_user on audit_event (user_id, position);
create index ix_audit_event_user_name on audit_event (user_name, position);
create index ix_audit_event_request on audit_event (request_id, position);
create index ix_audit_event_correlation on audit_event (correlation_id, position);
create index ix_audit_event_occurred on audit_event (occurred_at, position);

-- The ledger (RFC 9162 Merkle tree): the hash of every complete, aligned subtree. Height 0 holds the
-- leaf hashes, node (height, idx) covers leaves [idx * 2^height, (idx + 1) * 2^height). Hex SHA-256.
create table audit_merkle_node (
    height integer    not null,
    idx   bigint      not null,
    hash  varchar(64) not null,
    primary key (height, idx)
);

-- The development key that signs digests when wrench.audit.signing-key-file is not set (PKCS#8, base64).
create table audit_signing_key (
    id          varchar(64)   not null primary key,
    private_key varchar(4000) not null,
    created_at  timestamp with time zone not null
);

-- POST /api/audit/verify: one row per background verification, visible to every instance.
create table audit_verification (
    id           varchar(36)   not null primary key,
    state        varchar(20)   not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    total        bigint        not null,
    checked      bigint        not null,
    result       varchar(16000)
);

-- Signed tree heads: the ledger signs its root after every batch it appends. A rewrite of events and
-- ledger together cannot re-sign them without the key, and they narrow a mismatch to one batch.
create table audit_checkpoint (
    tree_size  bigint       not null primary key,
    root_hash  varchar(64)  not null,
    signed_at  varchar(40)  not null,
    key_id     varchar(100) not null,
    signature  varchar(200) not null
);
