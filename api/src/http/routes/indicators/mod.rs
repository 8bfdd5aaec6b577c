pub mod create_indicator;
pub mod delete_indicator;
pub mod get_indicator;
pub mod list_indicators;
pub mod update_indicator;
