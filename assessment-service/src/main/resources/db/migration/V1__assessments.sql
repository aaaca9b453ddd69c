-- Assessments of contract phases, their items (a snapshot of each applicable requirement), vendor responses,
-- reviewer evaluations and findings.

create table assessment (
    id                      uuid primary key,
    contract_id             uuid not null,
    hospital_id             uuid not null,
    vendor_id               uuid not null,
    service_id              uuid,
    service_model           varchar(40),
    data_categories         jsonb not null default '[]',
    phase                   varchar(20) not null,
    -- One pre-contract and one post-termination assessment per contract; one in-contract review per
    -- triggering event: <contract>:<phase> or <contract>:IN_CONTRACT:<event id>.
    opening_key             varchar(200) not null unique,
    trigger_event_id        varchar(100) not null,
    baseline                jsonb not null,
    status                  varchar(20) not null,
    verdict                 varchar(20),
    score                   numeric(5, 1),
    open_mandatory_gaps     integer,
    accepted_mandatory_gaps integer,
    open_recommended_gaps   integer,
    completed_at            timestamptz,
    stale_superseded        jsonb,
    stale_by                jsonb,
    stale_changed_keys      jsonb,
    items_attempts          integer not null default 0,
    next_items_attempt_at   timestamptz,
    items_error             varchar(500),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint not null default 0
);
create index assessment_pending on assessment (next_items_attempt_at) where status = 'PENDING_ITEMS';
create index assessment_contract on assessment (contract_id, created_at);
create index assessment_hospital on assessment (hospital_id, created_at);
create index assessment_vendor on assessment (vendor_id, created_at);
create index assessment_baseline on assessment using gin (baseline jsonb_path_ops);

create table assessment_item (
    id                 uuid primary key,
    assessment_id      uuid not null references assessment (id),
    requirement_key    varchar(200) not null,
    guideline_id       varchar(200) not null,
    guideline_version  varchar(50) not null,
    section_number     varchar(100),
    ref                varchar(300),
    title_ja           text,
    title_en           text,
    summary_ja         text,
    summary_en         text,
    obligation         varchar(20) not null,
    category           varchar(50),
    party              varchar(30),
    expected_evidence  jsonb not null default '[]',
    position           integer not null,
    response           varchar(20),
    justification      varchar(2000),
    statement          varchar(4000),
    evidence_refs      jsonb not null default '[]',
    responded_by       varchar(200),
    responded_at       timestamptz,
    carried_forward    boolean not null default false,
    evaluation         varchar(20),
    evaluation_comment varchar(4000),
    evaluated_by       varchar(200),
    evaluated_at       timestamptz,
    version            bigint not null default 0,
    unique (assessment_id, requirement_key)
);

create table finding (
    id                  uuid primary key,
    assessment_id       uuid not null references assessment (id),
    item_id             uuid not null unique references assessment_item (id),
    requirement_key     varchar(200) not null,
    obligation          varchar(20) not null,
    contract_id         uuid not null,
    hospital_id         uuid not null,
    vendor_id           uuid not null,
    title               text,
    owner               varchar(200) not null,
    due_date            date not null,
    likelihood          integer not null,
    impact_c            integer not null,
    impact_i            integer not null,
    impact_a            integer not null,
    risk_level          varchar(1) not null,
    treatment           varchar(10) not null,
    measures            jsonb not null default '[]',
    status              varchar(20) not null,
    resolution_note     varchar(4000),
    resolved_at         timestamptz,
    approver            varchar(200),
    justification       varchar(4000),
    expires_on          date,
    accepted_at         timestamptz,
    overdue_notified_at timestamptz,
    -- The smallest expiry threshold (days) already announced for the current acceptance, so each is sent once.
    expiry_notified     integer,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0
);
create index finding_assessment on finding (assessment_id);
create index finding_due on finding (due_date) where status = 'OPEN' and overdue_notified_at is null;
create index finding_expiry on finding (expires_on) where status = 'RISK_ACCEPTED';
