-- The server's own secrets (the CSRF key), made at first start so every instance shares them.
create table server_secret (
    name         varchar(100) primary key,
    secret_value varchar(200) not null,
    created_at   bigint       not null
);

-- How many blocks a throttle key has served in a row: each one lasts longer, up to a cap.
alter table sign_in_throttle add column strikes integer not null default 0;

-- An admin's password reset makes the user choose a new password at their next sign-in.
alter table app_user add column must_change_password boolean not null default false;

-- Attempts at public exam quizzes per browser (a hash of its id cookie), for the retake limit.
create table public_attempt (
    browser_hash varchar(64)  not null,
    quiz_id      varchar(200) not null,
    attempt_id   varchar(64)  not null,
    started_at   bigint       not null
);
create index public_attempt_browser on public_attempt (browser_hash, quiz_id);
