pub mod create_expert_group;
pub mod delete_expert_group;
pub mod get_expert_group;
pub mod list_expert_groups;
pub mod update_expert_group;
