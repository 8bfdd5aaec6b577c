pub mod get_me;
pub mod get_notification_settings;
pub mod update_notification_settings;
