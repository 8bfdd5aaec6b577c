DROP TABLE platform.notification_settings;
DROP TABLE platform.outbox;
