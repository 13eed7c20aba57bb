-- Each stored answer has a server revision and remembers the page that saved it: a save based on an
-- older revision, from another page, is refused (a stale tab can never overwrite a newer answer).
alter table answer add column revision integer not null default 0;
alter table answer add column saved_by varchar(32);
update answer set revision = seq;
alter table answer drop column seq;

-- Saves per attempt are counted in a one-minute window, under the attempt's row lock.
alter table attempt add column save_window_start bigint not null default 0;
alter table attempt add column save_window_count integer not null default 0;
