pub mod import_measurements;
