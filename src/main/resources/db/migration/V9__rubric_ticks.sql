-- The rubric lines a grader ticked with a grade, one number per line in rubric order, comma-separated:
-- 0 or 1 for a plain line or a red flag, 0 to M for "award if N of M". Null for grades without a rubric.
alter table grade_change add column rubric_ticks varchar(1000);
