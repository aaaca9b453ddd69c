-- Re-agreement as a record both parties sign (合意の維持, 2省GL §3.2.2): one case per reason to renew the agreement,
-- opened by a catalog publication that supersedes a baseline version or by an amendment of an agreed contract's
-- baseline, SLA or responsibilities; closed only once the hospital and the vendor have both consented.
create table reagreement_case (
    id                  uuid          primary key,
    contract_id         uuid          not null references contract (id),
    trigger             varchar(40)   not null,
    superseded_guideline varchar(200),
    superseded_version  varchar(50),
    by_guideline        varchar(200),
    by_version          varchar(50),
    added_keys          jsonb         not null,
    changed_keys        jsonb         not null,
    removed_keys        jsonb         not null,
    amended_fields      jsonb         not null,
    opened_on           date          not null,
    due_on              date          not null,
    opened_at           timestamptz   not null,
    opened_by           varchar(200)  not null,
    hospital_consent_by varchar(200),
    hospital_consent_at timestamptz,
    vendor_consent_by   varchar(200),
    vendor_consent_at   timestamptz,
    closed_at           timestamptz,
    version             bigint        not null
);
create index reagreement_case_contract on reagreement_case (contract_id, opened_at);
-- A superseded baseline version opens one case per contract, however often the publication is delivered.
create unique index reagreement_case_superseded on reagreement_case (contract_id, superseded_guideline, superseded_version)
    where trigger = 'GUIDELINE_VERSION_PUBLISHED';
-- The reminder job and the UNDER_REVIEW → ACTIVE guard look for open cases past their due date.
create index reagreement_case_open_due on reagreement_case (due_on) where closed_at is null;

-- The needs flagged before cases existed become open cases, due the configured default period after this migration.
insert into reagreement_case (id, contract_id, trigger, superseded_guideline, superseded_version, by_guideline,
                              by_version, added_keys, changed_keys, removed_keys, amended_fields, opened_on, due_on,
                              opened_at, opened_by, version)
select gen_random_uuid(), c.id, 'GUIDELINE_VERSION_PUBLISHED', n -> 'superseded' ->> 'guidelineId',
       n -> 'superseded' ->> 'version', n -> 'by' ->> 'guidelineId', n -> 'by' ->> 'version', '[]', '[]', '[]', '[]',
       cast(c.updated_at at time zone 'Asia/Tokyo' as date),
       cast(c.updated_at at time zone 'Asia/Tokyo' as date) + 60, c.updated_at, 'catalog-events', 0
from contract c cross join lateral jsonb_array_elements(c.reagreement) n;
alter table contract drop column reagreement;

-- Read model of the catalog: which guideline versions are published (or were, and are now superseded) and how many
-- requirements each holds (the count when the events tell it). A contract's baseline may only name versions found
-- here as PUBLISHED with requirements.
create table published_guideline_version (
    guideline_id      varchar(200)  not null,
    version           varchar(50)   not null,
    status            varchar(20)   not null,
    has_content       boolean       not null,
    requirement_count integer,
    updated_at        timestamptz   not null,
    primary key (guideline_id, version)
);
