pub mod create_action;
pub mod delete_action;
pub mod get_action;
pub mod list_actions;
pub mod update_action;
