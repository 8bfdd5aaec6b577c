//! What every CSV import shares: all rows or none, every refused row listed, and a dry run that
//! does the work against the real data and then rolls it back.

use super::ServiceError;
use crate::domain::csv_table::RowError;

/// At most this many refused rows are listed; the detail says how many there were in all.
const MAX_LISTED: usize = 500;

/// Why an import's transaction ends without commit: an error, or a dry run that did its work to
/// count what it would do.
#[derive(Debug)]
pub enum Abort<R> {
    Failed(ServiceError),
    DryRun(R),
}

impl<R> From<diesel::result::Error> for Abort<R> {
    fn from(e: diesel::result::Error) -> Self {
        Abort::Failed(e.into())
    }
}

impl<R> From<crate::db::DbError> for Abort<R> {
    fn from(e: crate::db::DbError) -> Self {
        Abort::Failed(e.into())
    }
}

impl<R> From<ServiceError> for Abort<R> {
    fn from(e: ServiceError) -> Self {
        Abort::Failed(e)
    }
}

impl<R> Abort<R> {
    /// The report of a committed import or of a dry run, or the error.
    pub fn settle(outcome: Result<R, Abort<R>>) -> Result<R, ServiceError> {
        match outcome {
            Ok(report) | Err(Abort::DryRun(report)) => Ok(report),
            Err(Abort::Failed(e)) => Err(e),
        }
    }
}

/// The refusal of a file: every refused row (the first 500 listed), nothing written.
pub fn rejected(mut rows: Vec<RowError>) -> ServiceError {
    rows.sort_by_key(|e| e.line);
    let n = rows.len();
    rows.truncate(MAX_LISTED);
    let detail = if n == 1 {
        format!(
            "Regel {} is afgekeurd: {}. Er is niets ingelezen.",
            rows[0].line, rows[0].reason
        )
    } else if n > MAX_LISTED {
        format!(
            "{n} regels zijn afgekeurd (de eerste {MAX_LISTED} staan in rejectedRows). Er is niets ingelezen."
        )
    } else {
        format!("{n} regels zijn afgekeurd (zie rejectedRows). Er is niets ingelezen.")
    };
    ServiceError::Rejected { detail, rows }
}
