use api::db::migrations::{
    PLATFORM_MIGRATIONS, TENANT_MIGRATIONS, migrate_all, migrate_platform, migrate_tenant,
    revert_platform, revert_tenant,
};
use api::db::run_in_tenant;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_migrations_names::count_migrations;

use crate::helpers::{Count, spawn_app, superuser_conn};

/// Every table the tenant migrations make.
const TENANT_TABLES: [&str; 21] = [
    "actions",
    "audit_events",
    "commitment_priorities",
    "commitments",
    "course_corrections",
    "districts",
    "expert_group_members",
    "expert_group_priorities",
    "expert_groups",
    "indicator_targets",
    "indicators",
    "measurement_history",
    "measurements",
    "municipalities",
    "plans",
    "priorities",
    "review_items",
    "reviews",
    "safety_letter_documents",
    "safety_letter_schedule",
    "safety_letters",
];

mod diesel_migrations_names {
    use diesel::migration::MigrationSource;
    use diesel::pg::Pg;

    pub fn count_migrations(source: &impl MigrationSource<Pg>) -> usize {
        source.migrations().map(|m| m.len()).unwrap_or(0)
    }
}

#[derive(QueryableByName)]
struct Table {
    #[diesel(sql_type = Text)]
    name: String,
}

fn tables(su: &mut PgConnection, schema: &str) -> Vec<String> {
    diesel::sql_query(format!(
        "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = '{schema}' AND tablename <> '__diesel_schema_migrations' ORDER BY 1"
    ))
    .load::<Table>(su)
    .expect("tables")
    .into_iter()
    .map(|t| t.name)
    .collect()
}

#[actix_rt::test]
async fn tenant_migrations_run_down_and_up_cleanly() {
    let app = spawn_app().await;
    let tenant = app.tenant("updown").await;
    let schema = tenant.row.schema_name.clone();
    let mut su = superuser_conn(&app.db_url);
    let before = tables(&mut su, &schema);
    assert_eq!(before, TENANT_TABLES);

    let pool = app.pool.clone();
    let db = tenant.db();
    let (reverted, reapplied) = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        let reverted = run_in_tenant(&mut conn, &db, revert_tenant).expect("down");
        let reapplied = run_in_tenant(&mut conn, &db, migrate_tenant).expect("up");
        (reverted, reapplied)
    })
    .await
    .expect("join");
    assert_eq!(reverted.len(), count_migrations(&TENANT_MIGRATIONS));
    assert_eq!(reapplied.len(), reverted.len());
    assert_eq!(tables(&mut su, &schema), before);
    // Owned by the tenant's own role, not the login role.
    let n = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname = '{schema}' AND tableowner <> '{schema}'"
    ))
    .get_result::<Count>(&mut su)
    .expect("owners")
    .n;
    assert_eq!(n, 0);
}

#[actix_rt::test]
async fn migrate_all_reports_a_failing_tenant_migrates_the_rest_and_resumes() {
    let app = spawn_app().await;
    let good = app.tenant("good").await;
    let broken = app.tenant("broken").await;
    let pool = app.pool.clone();
    let broken_db = broken.db();

    // Break one tenant: forget its migrations and leave a table in the way of the first one.
    let report = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        run_in_tenant(&mut conn, &broken_db, |tc| {
            revert_tenant(tc)?;
            tc.batch_execute("CREATE TABLE municipalities (in_the_way int)")?;
            Ok::<_, api::db::DbError>(())
        })
        .expect("break");
        migrate_all(&pool).expect("platform part runs")
    })
    .await
    .expect("join");
    assert!(!report.is_success());
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].0, broken.slug());
    assert_eq!(report.tenants_migrated, 1);
    let _ = good;

    // Repair and run again: it resumes where it failed.
    let pool = app.pool.clone();
    let broken_db = broken.db();
    let report = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        run_in_tenant(&mut conn, &broken_db, |tc| {
            tc.batch_execute("DROP TABLE municipalities")
        })
        .expect("repair");
        migrate_all(&pool).expect("runs")
    })
    .await
    .expect("join");
    assert!(report.is_success(), "{:?}", report.failures);
    assert_eq!(report.tenants_migrated, 2);
    let mut su = superuser_conn(&app.db_url);
    assert_eq!(tables(&mut su, &broken.row.schema_name), TENANT_TABLES);
}

/// `migrate` works on several tenants at once (one per connection of its pool), and two runs
/// at the same time (two operators, say) each finish without tripping over the other.
#[actix_rt::test]
async fn migrating_many_tenants_at_once_and_twice_at_the_same_time_is_safe() {
    let app = spawn_app().await;
    let mut tenants = Vec::new();
    for i in 0..6 {
        tenants.push(app.tenant(&format!("parallel-{i}")).await);
    }
    let pool = app.pool.clone();
    let dbs: Vec<_> = tenants.iter().map(|t| t.db()).collect();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        for db in &dbs {
            run_in_tenant(&mut conn, db, revert_tenant).expect("revert");
        }
    })
    .await
    .expect("join");

    let runs: Vec<_> = (0..2)
        .map(|_| {
            let url = app.db_url.clone();
            tokio::task::spawn_blocking(move || {
                let pool = api::db::pool::build_pool(&url, 3).expect("pool");
                migrate_all(&pool).expect("runs")
            })
        })
        .collect();
    for run in runs {
        let report = run.await.expect("join");
        assert!(report.is_success(), "{:?}", report.failures);
        assert!(report.tenants_migrated >= 6, "{report:?}");
    }
    let mut su = superuser_conn(&app.db_url);
    for t in &tenants {
        assert_eq!(
            tables(&mut su, &t.row.schema_name),
            TENANT_TABLES,
            "{}",
            t.slug()
        );
    }
}

#[actix_rt::test]
async fn platform_migrations_run_down_and_up_cleanly() {
    let app = spawn_app().await;
    let mut su = superuser_conn(&app.db_url);
    let before = tables(&mut su, "platform");
    assert!(
        before.contains(&"tenants".to_owned()) && before.contains(&"jobs".to_owned()),
        "{before:?}"
    );
    let pool = app.pool.clone();
    let (reverted, reapplied) = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        // A spare schema waiting: it holds no data and goes down with its table.
        let spare = api::services::provisioning::prepare_spare_schema(&mut conn).expect("spare");
        let spare = api::domain::tenant_names::DbName::for_tenant(spare).to_string();
        let reverted = revert_platform(&mut conn).expect("down");
        let after_down = tables(&mut conn, "platform");
        assert!(after_down.is_empty(), "{after_down:?}");
        let left = diesel::sql_query(format!(
            "SELECT count(*) AS n FROM pg_namespace WHERE nspname = '{spare}' \
             UNION ALL SELECT count(*) FROM pg_roles WHERE rolname = '{spare}'"
        ))
        .load::<Count>(&mut conn)
        .expect("spare's schema and role");
        assert_eq!(
            left.iter().map(|c| c.n).sum::<i64>(),
            0,
            "the spare's schema and role are gone"
        );
        (reverted, migrate_platform(&mut conn).expect("up"))
    })
    .await
    .expect("join");
    assert_eq!(reverted.len(), count_migrations(&PLATFORM_MIGRATIONS));
    assert_eq!(reapplied.len(), reverted.len());
    assert_eq!(tables(&mut su, "platform"), before);
}
