-- An essay's rubric line by line, as the attempt saw it: what to look for, its points, and optionally
-- "award if award_n of award_m". Red flags carry no points. Frozen at start like the rest of the snapshot.
create table attempt_rubric_line (
    attempt_id varchar(64) not null,
    slot       integer     not null,
    position   integer     not null,
    html       varchar     not null,
    points     integer     not null,
    award_n    integer,
    award_m    integer,
    red_flag   boolean     not null default false,
    primary key (attempt_id, slot, position),
    foreign key (attempt_id, slot) references attempt_question (attempt_id, slot)
);

-- An essay's model answer, for interviewers only.
create table attempt_model_answer (
    attempt_id varchar(64) not null,
    slot       integer     not null,
    html       varchar     not null,
    primary key (attempt_id, slot),
    foreign key (attempt_id, slot) references attempt_question (attempt_id, slot)
);
