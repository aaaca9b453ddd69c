-- A catalog entry is checked against the final official text (VERIFIED), only against a near-final draft or a
-- reprint (DRAFT_CHECKED, never counted as verified), or not at all (UNVERIFIED). The former boolean could only
-- say the first or the last.

alter table requirement add column verification varchar(20);
update requirement set verification = case when verified then 'VERIFIED' else 'UNVERIFIED' end;
alter table requirement alter column verification set not null;
alter table requirement add constraint requirement_verification_check
    check (verification in ('VERIFIED', 'DRAFT_CHECKED', 'UNVERIFIED'));
alter table requirement drop column verified;

alter table disclosure_template_item add column verification varchar(20);
update disclosure_template_item set verification = case when verified then 'VERIFIED' else 'UNVERIFIED' end;
alter table disclosure_template_item alter column verification set not null;
alter table disclosure_template_item add constraint disclosure_template_item_verification_check
    check (verification in ('VERIFIED', 'DRAFT_CHECKED', 'UNVERIFIED'));
alter table disclosure_template_item drop column verified;
-- The page an item was checked on, when it differs from the template's own source page.
alter table disclosure_template_item add column page integer;

-- Official guidance on how a requirement is met (the MHLW 6.0 Q&A entries that answer a 遵守事項): a JSON list of
-- {ref, document, page, url, note}.
alter table requirement add column guidance jsonb not null default '[]';
