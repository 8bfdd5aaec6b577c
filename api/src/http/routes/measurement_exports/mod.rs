pub mod export_measurements;
