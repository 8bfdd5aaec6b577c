pub mod create_user;
pub mod get_user;
pub mod list_users;
pub mod remove_user;
pub mod update_user;
