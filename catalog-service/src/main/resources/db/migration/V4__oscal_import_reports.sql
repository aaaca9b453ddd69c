-- A guideline published outside the Japanese ministries (an OSCAL catalog imported from another publisher, such as
-- NIST SP 800-53 or the Australian ISM) is issued by OTHER.
alter table guideline drop constraint guideline_issuer_check;
alter table guideline add constraint guideline_issuer_check
    check (issuer in ('MHLW', 'METI', 'MIC', 'METI_MIC', 'OTHER'));

-- The report of the OSCAL import that created a draft version: what was created, the defaults applied, the
-- parameters resolved and every element of the document that was not mapped (kept for the admin's review).
create table oscal_import (
    version_id   bigint primary key references guideline_version (id),
    report       jsonb       not null,
    imported_at  timestamptz not null default now()
);
