-- A trainer's "try it" run is a real attempt that never counts: not on the dashboard, not in statistics.
alter table attempt add column trial boolean not null default false;
-- Time the question was on screen, worked out from the timeline when the attempt is finalised.
alter table answer add column time_spent_ms bigint;
