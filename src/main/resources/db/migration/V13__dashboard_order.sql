-- The dashboard lists attempts newest first: with this index a page reads its rows in order, not all of them.
create index attempt_listed on attempt (started_at);
