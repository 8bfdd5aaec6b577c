DROP INDEX platform.jobs_running;
DROP TABLE platform.notification_settings;
DROP TABLE platform.outbox;
