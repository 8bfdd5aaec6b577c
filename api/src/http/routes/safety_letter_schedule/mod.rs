pub mod get_schedule;
pub mod update_schedule;
