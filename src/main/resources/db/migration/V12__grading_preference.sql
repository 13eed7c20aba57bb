-- Each grader's own choice to grade blind: it stays on across pages, tabs and sign-ins until they turn it off.
create table grading_preference (
    username varchar(100) primary key,
    blind    boolean not null
);
