-- When each staff user last signed in, for the admin's user list. Filled from the audit log for the sign-ins before it.
alter table app_user add column last_sign_in_at bigint;
update app_user set last_sign_in_at =
    (select max(a.at) from audit_event a where a.action = 'sign-in' and a.actor = app_user.username);
