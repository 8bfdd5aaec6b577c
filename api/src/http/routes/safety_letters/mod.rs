pub mod adopt_letter;
pub mod download_letter;
pub mod get_letter;
pub mod list_letters;
pub mod request_letter;
