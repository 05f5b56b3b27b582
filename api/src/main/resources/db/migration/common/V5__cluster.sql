-- Several instances on one database (docs/operations.md, "Several instances").

-- Every running instance says it is alive here; the live ones share the event processors' segments.
create table wrench_node (
    node_id      varchar(255) not null primary key,
    started_at   bigint       not null,
    heartbeat_at bigint       not null
);

-- A projection rebuild asked of one instance: the others stop the projection until it has been reset.
create table projection_rebuild (
    processor_name varchar(255) not null primary key,
    state          varchar(16)  not null,
    node_id        varchar(255) not null,
    requested_by   varchar(255),
    requested_at   bigint       not null,
    head_at_reset  bigint       not null,
    updated_at     bigint       not null
);

-- The embedded development issuer's signing key, shared by every instance on this database and kept
-- across restarts, so a token from one instance is accepted by all of them until it expires.
create table embedded_issuer_key (
    key_id     varchar(64)   not null primary key,
    jwk        varchar(4000) not null,
    created_at bigint        not null
);
