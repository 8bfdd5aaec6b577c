pub mod create_commitment;
pub mod delete_commitment;
pub mod get_commitment;
pub mod list_commitments;
pub mod update_commitment;
