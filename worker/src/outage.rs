//! The database going away and coming back, told once each in the log: while PostgreSQL is
//! unreachable the worker pauses (every round and every look for jobs fails at once, quietly) and
//! resumes by itself when it answers again.

use api::db::pool::lost_connection;

/// Whether an error means the database cannot be reached, rather than a fault of the work.
pub fn database_away(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<diesel::r2d2::PoolError>().is_some()
            || cause
                .downcast_ref::<diesel::result::Error>()
                .is_some_and(lost_connection)
    })
}

/// Remembers whether the database was away, so that the log says so once, not every second.
#[derive(Debug, Default)]
pub struct DatabaseWatch {
    away: bool,
}

impl DatabaseWatch {
    /// A round or a look for jobs failed with `e`.
    pub fn failed(&mut self, what: &str, e: &anyhow::Error) {
        if !database_away(e) {
            tracing::error!(error = ?e, "{what} failed");
        } else if !self.away {
            self.away = true;
            tracing::warn!(error = %e, "the database cannot be reached: the worker pauses and tries again every round");
        }
    }

    /// A round or a look for jobs went through.
    pub fn succeeded(&mut self) {
        if self.away {
            self.away = false;
            tracing::info!("the database answers again: the worker resumes");
        }
    }

    pub fn is_away(&self) -> bool {
        self.away
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreachable_pool_is_the_database_away_and_other_faults_are_not() {
        let pool = diesel::r2d2::Pool::builder()
            .connection_timeout(std::time::Duration::from_millis(50))
            .build_unchecked(
                diesel::r2d2::ConnectionManager::<diesel::PgConnection>::new(
                    "postgres://nobody@127.0.0.1:9/nothing",
                ),
            );
        let Err(refused) = pool.get() else {
            panic!("nothing listens on port 9");
        };
        let away = anyhow::Error::from(refused);
        assert!(database_away(&away));
        let mut watch = DatabaseWatch::default();
        watch.failed("round", &away);
        assert!(watch.is_away());
        watch.failed("round", &anyhow::anyhow!("a template is missing"));
        assert!(
            watch.is_away(),
            "another fault says nothing of the database"
        );
        watch.succeeded();
        assert!(!watch.is_away());
        assert!(!database_away(&anyhow::anyhow!("a template is missing")));
    }
}
