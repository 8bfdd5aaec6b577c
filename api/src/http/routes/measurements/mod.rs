pub mod delete_measurement;
pub mod get_measurement;
pub mod list_measurements;
pub mod record_measurement;
