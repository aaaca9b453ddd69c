-- The guideline catalog: guidelines, their versions and lineage, sections, requirements, mappings, threats and
-- disclosure templates. A version that is PUBLISHED or SUPERSEDED is immutable; the service refuses writes to it.

create table guideline (
    id        varchar(100) primary key,
    issuer    varchar(20)  not null check (issuer in ('MHLW', 'METI', 'MIC', 'METI_MIC')),
    audience  varchar(20)  not null check (audience in ('HOSPITAL', 'VENDOR', 'BOTH')),
    title_ja  varchar(500) not null,
    title_en  varchar(500) not null,
    created_at timestamptz not null default now()
);

create table guideline_version (
    id            bigint generated always as identity primary key,
    guideline_id  varchar(100) not null references guideline (id),
    label         varchar(20)  not null,
    published_on  date,
    status        varchar(20)  not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    source_title  varchar(500),
    source_url    varchar(1000),
    notes_ja      text,
    notes_en      text,
    has_content   boolean      not null default false,
    created_at    timestamptz  not null default now(),
    row_version   bigint       not null default 0,
    unique (guideline_id, label)
);

-- supersedes links may cross guidelines (METI 2012 + MIC cloud 2018 → unified vendor guideline 1.0).
create table version_supersedes (
    version_id            bigint not null references guideline_version (id),
    superseded_version_id bigint not null references guideline_version (id),
    primary key (version_id, superseded_version_id),
    check (version_id <> superseded_version_id)
);

create table section (
    id            bigint generated always as identity primary key,
    version_id    bigint       not null references guideline_version (id),
    number        varchar(50)  not null,
    parent_number varchar(50),
    title_ja      varchar(500) not null,
    title_en      varchar(500) not null,
    position      integer      not null,
    unique (version_id, number)
);

create table requirement (
    id                bigint generated always as identity primary key,
    version_id        bigint        not null references guideline_version (id),
    section_id        bigint        not null references section (id),
    key               varchar(100)  not null,
    guideline_id      varchar(100)  not null references guideline (id),
    ref               varchar(300)  not null,
    title_ja          varchar(500)  not null,
    title_en          varchar(500)  not null,
    summary_ja        varchar(4000) not null,
    summary_en        varchar(4000) not null,
    obligation        varchar(20)   not null check (obligation in ('MANDATORY', 'RECOMMENDED', 'INFORMATIVE')),
    category          varchar(40)   not null,
    phases            varchar(200)  not null,
    party             varchar(20)   not null check (party in ('HOSPITAL', 'VENDOR', 'SHARED', 'SUBCONTRACTOR')),
    service_models    varchar(200)  not null default '',
    data_categories   varchar(200)  not null default '',
    evidence          jsonb         not null default '[]',
    citation_document varchar(500)  not null,
    citation_version  varchar(50)   not null,
    citation_section  varchar(100)  not null,
    citation_page     integer,
    citation_url      varchar(1000),
    verified          boolean       not null,
    unverified_reason varchar(2000),
    status            varchar(20)   not null check (status in ('ACTIVE', 'WITHDRAWN', 'MOVED')),
    position          integer       not null,
    unique (version_id, key)
);
create index requirement_key on requirement (key);

create table threat (
    code           varchar(100) primary key,
    threat_group   varchar(40)  not null,
    name_ja        varchar(500) not null,
    name_en        varchar(500) not null,
    description_ja varchar(4000) not null,
    description_en varchar(4000) not null,
    impact         varchar(3)   not null,
    source         varchar(500)
);

-- The CIA impact a threat has on this requirement's subject.
create table requirement_threat (
    requirement_id  bigint       not null references requirement (id),
    threat_code     varchar(100) not null references threat (code),
    confidentiality boolean      not null,
    integrity       boolean      not null,
    availability    boolean      not null,
    position        integer      not null,
    primary key (requirement_id, threat_code)
);

-- Mappings join stable keys (any version, any guideline). defined_in is the DRAFT version a mapping was added
-- to (null for seed content); such a mapping becomes visible when that version is published.
create table requirement_mapping (
    id            bigint generated always as identity primary key,
    from_key      varchar(100)  not null,
    to_key        varchar(100)  not null,
    relation      varchar(20)   not null check (relation in ('EQUIVALENT', 'SUBSET', 'SUPERSET', 'INTERSECTS', 'RELATED', 'SUPERSEDED_BY')),
    basis         varchar(20)   not null check (basis in ('OFFICIAL_TABLE', 'PUBLISHER_FAQ', 'EXPERT', 'INFERRED')),
    confidence    varchar(10)   not null check (confidence in ('HIGH', 'MEDIUM', 'LOW')),
    rationale_ja  varchar(4000) not null,
    rationale_en  varchar(4000) not null,
    source        varchar(1000),
    defined_in    bigint references guideline_version (id),
    unique (from_key, to_key, relation)
);
create index requirement_mapping_from on requirement_mapping (from_key);
create index requirement_mapping_to on requirement_mapping (to_key);

create table disclosure_template (
    id              varchar(100) primary key,
    kind            varchar(40)  not null check (kind in ('DISCLOSURE', 'ROLE_SHARING_CHECKLIST')),
    title_ja        varchar(500) not null,
    title_en        varchar(500) not null,
    source_document varchar(500) not null,
    source_version  varchar(50),
    source_section  varchar(100),
    source_page     integer
);

create table disclosure_template_item (
    id               bigint generated always as identity primary key,
    template_id      varchar(100)  not null references disclosure_template (id),
    position         integer       not null,
    ref              varchar(200)  not null,
    text_ja          varchar(4000) not null,
    text_en          varchar(4000) not null,
    party            varchar(20),
    verified         boolean       not null,
    requirement_keys varchar(2000) not null default '',
    unique (template_id, position)
);
