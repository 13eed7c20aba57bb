-- A save no longer records a SAVED event: one event per autosave grew the database by kilobytes per save and
-- kept every save's chunk alive. The answer row keeps its revision and time, and the save that makes four
-- different questions saved within one 10-second stretch records a BURST event instead. The bursts of the
-- saves recorded before this version become BURST events here, so every count an interviewer saw stays the
-- same; those SAVED events stay on their timelines.
insert into attempt_event (attempt_id, at, type, slot, detail)
select attempt_id, min(at), 'BURST', null, '4 or more different questions saved within 10 seconds'
from attempt_event
where type = 'SAVED'
group by attempt_id, at / 10000
having count(distinct slot) >= 4;

-- Counting an attempt's signals (the dashboard sorts by them) reads only this index.
create index attempt_event_signal on attempt_event (attempt_id, type);
