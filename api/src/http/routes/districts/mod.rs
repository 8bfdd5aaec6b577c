pub mod create_district;
pub mod list_districts;
pub mod update_district;
