pub mod confirm_unsubscribe;
pub mod unsubscribe_page;
