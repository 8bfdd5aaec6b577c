//! Formats an error with every cause under it, for logs and `Debug` output.

use std::fmt;

/// Writes `e` and then each `source()` below it, one per line.
pub fn fmt_error_chain(e: &dyn std::error::Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(f, "{e}")?;
    let mut current = e.source();
    while let Some(cause) = current {
        writeln!(f, "Caused by:\n\t{cause}")?;
        current = cause.source();
    }
    Ok(())
}
