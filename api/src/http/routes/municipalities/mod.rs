pub mod create_municipality;
pub mod get_municipality;
pub mod list_municipalities;
pub mod update_municipality;
