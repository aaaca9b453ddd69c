-- In contract, a mandatory gap whose finding is open with a due date still ahead is being remedied on an agreed plan
-- (2省GL §3.2.2): counted apart from the open gaps, it makes the verdict CONDITIONAL until the due date passes.
alter table assessment add column planned_mandatory_gaps integer;
update assessment set planned_mandatory_gaps = 0 where verdict is not null;
