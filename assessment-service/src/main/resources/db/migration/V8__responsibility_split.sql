-- Who answers each item, as the contract's responsibility split (責任分界) decides, and the hospital's own answer to
-- the items the split gives to it (self-assessment) or to both sides. The vendor's answer stays in the response
-- columns. Existing items are answered by the vendor, as before.
alter table assessment_item add column answered_by varchar(20) not null default 'VENDOR';
alter table assessment_item add column hospital_response varchar(30);
alter table assessment_item add column hospital_justification text;
alter table assessment_item add column hospital_statement text;
alter table assessment_item add column hospital_evidence_refs jsonb not null default '[]';
alter table assessment_item add column hospital_responded_by text;
alter table assessment_item add column hospital_responded_at timestamptz;

-- Each contract's split as its latest contract.responsibility-split-changed event gave it: the assigned checklist items,
-- each with its side and the requirement keys it evidences.
create table contract_responsibility_split (
    contract_id   uuid primary key,
    hospital_id   uuid not null,
    vendor_id     uuid not null,
    template_id   text not null,
    items         jsonb not null,
    acknowledged  boolean not null,
    updated_at    timestamptz not null
);
