-- An assessment whose items the catalog cannot resolve (unknown guideline or version, no applicable requirement
-- answerable) stops retrying after a bounded time and becomes ITEMS_UNRESOLVED, keeping the reason; a publication or
-- revision in the catalog sends it back to PENDING_ITEMS. The period counts from when it (last) became pending.
alter table assessment add column items_pending_since timestamptz;
create index assessment_items_unresolved on assessment (status) where status = 'ITEMS_UNRESOLVED';
