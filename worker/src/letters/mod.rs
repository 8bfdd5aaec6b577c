//! The Veiligheidsbrief as the worker makes it: gather a version's data, build its content
//! (`content`), render it as Word and HTML (`crate::document`), store both (`compile`); and the
//! schedule's drafts and stuck versions (`scheduled`). Asking for a letter is the API's
//! (`api::services::safety_letters`).

pub mod compile;
pub mod content;
pub mod scheduled;

pub use compile::compile_job;
pub use scheduled::plan_scheduled;
