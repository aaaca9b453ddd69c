-- Endpoints an organization subscribed, with the event types (patterns) they want.
create table webhook_endpoint (
    id              uuid primary key,
    organization_id uuid        not null,
    url             text        not null,
    description     text,
    event_types     text[]      not null,
    enabled         boolean     not null,
    disabled_reason text,
    disabled_at     timestamptz,
    -- the start of the current run of failed attempts; null while the last attempt succeeded
    failing_since   timestamptz,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index webhook_endpoint_org on webhook_endpoint (organization_id);

-- Signing secrets, encrypted (AES-256-GCM). The current one has no expiry; a rotated-out one signs until expires_at.
create table webhook_secret (
    id          uuid primary key,
    endpoint_id uuid        not null references webhook_endpoint (id) on delete cascade,
    nonce       bytea       not null,
    ciphertext  bytea       not null,
    created_at  timestamptz not null,
    expires_at  timestamptz
);
create index webhook_secret_endpoint on webhook_secret (endpoint_id);

-- One delivery per (endpoint, event): the body as this subscriber may see it, and where its delivery stands.
create table webhook_delivery (
    id              uuid primary key,
    seq             bigint generated always as identity,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        text        not null,
    event_type      text        not null,
    subject         text        not null,
    event_time      timestamptz,
    body            text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- set while an instance sends it; a crashed sender's claim runs out and the delivery is due again
    leased_until    timestamptz,
    -- a manual replay asked for the next attempt (marked in the log)
    replay          boolean     not null default false,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subject on webhook_delivery (endpoint_id, subject, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (endpoint_id, created_at desc);

-- Every attempt, for the delivery log.
create table webhook_attempt (
    id                uuid primary key,
    delivery_id       uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at      timestamptz not null,
    status_code       integer,
    latency_ms        integer     not null,
    outcome           text        not null,
    error             text,
    response_excerpt  text,
    response_truncated boolean    not null default false,
    replay            boolean     not null default false
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
