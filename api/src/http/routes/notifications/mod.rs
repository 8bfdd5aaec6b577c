pub mod list_notifications;
