pub mod create_priority;
pub mod delete_priority;
pub mod get_priority;
pub mod list_priorities;
pub mod update_priority;
