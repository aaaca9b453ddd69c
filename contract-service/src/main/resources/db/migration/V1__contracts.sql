-- Organizations (hospitals and vendors), vendor services and certifications.
create table organization (
    id               uuid         primary key,
    kind             varchar(20)  not null,
    name_ja          varchar(200) not null,
    name_en          varchar(200),
    corporate_number char(13)     not null unique,
    contacts         jsonb        not null,
    registered_by    uuid         not null,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    version          bigint       not null
);
create index organization_registered_by on organization (registered_by);

create table vendor_service (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id),
    name            varchar(200) not null,
    service_model   varchar(30)  not null,
    data_locations  jsonb        not null,
    subcontractors  jsonb        not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null
);
create index vendor_service_organization on vendor_service (organization_id);

create table certification (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id),
    scheme          varchar(30)  not null,
    certificate_number varchar(100),
    issuer          varchar(200),
    issued_on       date         not null,
    expires_on      date         not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null
);
create index certification_organization on certification (organization_id);
create index certification_expires on certification (expires_on);

-- Contracts: terms kept as JSON documents (validated at the API), the lifecycle as columns.
create table contract (
    id                      uuid         primary key,
    hospital_id             uuid         not null references organization (id),
    vendor_id               uuid         not null references organization (id),
    service_id              uuid         not null references vendor_service (id),
    service_model           varchar(30)  not null,
    title                   varchar(300) not null,
    baseline                jsonb        not null,
    data_categories         jsonb        not null,
    start_date              date         not null,
    end_date                date         not null,
    auto_renewal            boolean      not null,
    hospital_notice_days    integer      not null,
    vendor_notice_days      integer      not null,
    notice_deadline         date         not null,
    sla                     jsonb        not null,
    responsibilities        jsonb        not null,
    phase                   varchar(20)  not null,
    state                   varchar(30)  not null,
    activity                varchar(20),
    signed_on               date,
    reagreement             jsonb        not null,
    reagreement_required    boolean      not null,
    version                 bigint       not null,
    created_by              varchar(200) not null,
    created_at              timestamptz  not null,
    updated_by              varchar(200) not null,
    updated_at              timestamptz  not null
);
create index contract_hospital on contract (hospital_id);
create index contract_vendor on contract (vendor_id);
create index contract_state on contract (state);
create index contract_notice_deadline on contract (notice_deadline);

create table contract_transition (
    id          uuid         primary key,
    contract_id uuid         not null references contract (id),
    from_state  varchar(30)  not null,
    to_state    varchar(30)  not null,
    phase       varchar(20)  not null,
    actor       varchar(200) not null,
    reason      varchar(2000),
    occurred_at timestamptz  not null
);
create index contract_transition_contract on contract_transition (contract_id, occurred_at);

-- Local read model of assessment results: the latest result per contract and phase.
create table assessment_result (
    contract_id         uuid         not null,
    phase               varchar(20)  not null,
    assessment_id       uuid         not null,
    verdict             varchar(20)  not null,
    score               numeric(6,2),
    open_mandatory_gaps integer      not null,
    completed_at        timestamptz  not null,
    event_time          timestamptz  not null,
    event_id            varchar(200) not null,
    primary key (contract_id, phase)
);

create table incident (
    id                      uuid          primary key,
    contract_id             uuid          not null references contract (id),
    reported_by_party       varchar(20)   not null,
    reported_by             varchar(200)  not null,
    summary                 varchar(2000) not null,
    cia_impact              jsonb         not null,
    detected_at             timestamptz   not null,
    notified_at             timestamptz   not null,
    resolved_at             timestamptz,
    notified_within_sla     boolean,
    timeline                jsonb         not null,
    measure                 varchar(4000),
    hospital_agreed_by      varchar(200),
    hospital_agreed_at      timestamptz,
    vendor_agreed_by        varchar(200),
    vendor_agreed_at        timestamptz,
    created_at              timestamptz   not null,
    version                 bigint        not null
);
create index incident_contract on incident (contract_id);

create table termination_record (
    contract_id              uuid          primary key references contract (id),
    noticed_by_party         varchar(20),
    noticed_on               date,
    notice_reason            varchar(2000),
    data_returned_on         date,
    data_return_note         varchar(2000),
    data_return_recorded_by  varchar(200),
    data_return_confirmed_by varchar(200),
    data_return_confirmed_at timestamptz,
    certificate_ref          varchar(200),
    deleted_by               varchar(200),
    media                    varchar(500),
    method                   varchar(500),
    deleted_on               date,
    version                  bigint        not null
);

-- Each reminder once per subject, threshold and due date.
create table reminder_sent (
    kind        varchar(40)  not null,
    subject_id  uuid         not null,
    threshold   integer      not null,
    due_date    date         not null,
    sent_at     timestamptz  not null,
    primary key (kind, subject_id, threshold, due_date)
);
