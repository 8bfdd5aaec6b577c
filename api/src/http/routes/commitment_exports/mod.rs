pub mod export_commitments;
