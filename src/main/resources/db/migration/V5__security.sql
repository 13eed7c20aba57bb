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
