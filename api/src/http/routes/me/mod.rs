pub mod get_me;
