-- Pending points beside the pending count, so every view can build one Score from the attempt row;
-- timeline event types take the names of their enum, like statuses, modes and review policies.
alter table attempt add column pending_points double precision not null default 0;
update attempt set pending_points = coalesce((
    select sum(q.points) from attempt_question q join answer a on a.attempt_id = q.attempt_id and a.slot = q.slot
    where q.attempt_id = attempt.id and a.outcome = 'PENDING'), 0);
update attempt_event set type = upper(type);
