pub mod adopt_review;
pub mod create_review;
pub mod delete_review;
pub mod get_review;
pub mod list_reviews;
pub mod send_back_review;
pub mod submit_review;
pub mod update_review;
