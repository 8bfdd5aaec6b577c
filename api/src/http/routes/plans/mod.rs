pub mod create_plan;
pub mod delete_plan;
pub mod get_plan;
pub mod list_plans;
pub mod update_plan;
