-- Answers a re-baseline carried over from a requirement key the new baseline dropped, through the catalog's
-- SUPERSEDED_BY / EQUIVALENT mappings: the source key, its version and the relation, and for each side whether
-- its carried answer still waits for confirmation (PENDING) or was confirmed (CONFIRMED). Null: the side's answer
-- is its own.
alter table assessment_item add column carried_over_from_key varchar(200);
alter table assessment_item add column carried_over_from_version varchar(50);
alter table assessment_item add column carried_over_relation varchar(20);
alter table assessment_item add column carry_over_vendor varchar(20);
alter table assessment_item add column carry_over_hospital varchar(20);
