pub mod import_commitments;
