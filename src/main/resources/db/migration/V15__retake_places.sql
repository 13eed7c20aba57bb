-- Each public exam attempt's place among its browser's attempts at the quiz (1, 2, ...), under a unique key: two
-- starts at once can no longer both count the same attempts and both start (Retakes.claim).
alter table public_attempt add column place int;
update public_attempt p set place = (select count(*) from public_attempt o
    where o.browser_hash = p.browser_hash and o.quiz_id = p.quiz_id
      and (o.started_at < p.started_at or (o.started_at = p.started_at and o.attempt_id <= p.attempt_id)));
alter table public_attempt alter column place set not null;
create unique index public_attempt_place on public_attempt (browser_hash, quiz_id, place);
drop index public_attempt_browser;
