DROP TABLE platform.jobs;
DROP TABLE platform.login_failures;
DROP TABLE platform.refresh_tokens;
DROP TABLE platform.memberships;
DROP TABLE platform.users;
DROP TABLE platform.tenants;
