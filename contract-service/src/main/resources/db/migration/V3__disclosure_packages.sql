-- The disclosure package of a contract (2省GL §3.2.1, vendor guideline §4.1 表4-1): one row per item of the
-- catalog's disclosure templates, copied in when the package starts, so that a later catalog change does not alter
-- what was answered and reviewed.
create table disclosure_package (
    contract_id               uuid          primary key references contract (id),
    copied_from               uuid          references contract (id),
    shared_understanding      boolean       not null,
    shared_understanding_at   timestamptz,
    created_by                varchar(200)  not null,
    created_at                timestamptz   not null,
    updated_by                varchar(200)  not null,
    updated_at                timestamptz   not null,
    version                   bigint        not null
);

create table disclosure_item (
    id              uuid          primary key,
    contract_id     uuid          not null references disclosure_package (contract_id),
    row_key         varchar(200)  not null,
    position        int           not null,
    template_id     varchar(200)  not null,
    ref             varchar(200)  not null,
    text_ja         varchar(2000) not null,
    text_en         varchar(2000) not null,
    requirements    jsonb         not null,
    fact            varchar(40),
    status          varchar(30)   not null,
    statement       varchar(8000),
    evidence        jsonb         not null,
    answered_by     varchar(200),
    answered_at     timestamptz,
    review_decision varchar(30),
    review_comment  varchar(4000),
    reviewed_by     varchar(200),
    reviewed_at     timestamptz,
    unique (contract_id, row_key)
);
