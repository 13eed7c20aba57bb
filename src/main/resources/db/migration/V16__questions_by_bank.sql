-- The statistics of one bank read its questions' rows through this index, not every attempt's (Statistics.items).
create index attempt_question_bank on attempt_question (bank_id);
