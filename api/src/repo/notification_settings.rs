//! `platform.notification_settings`: how each user wants to hear from the platform. A user
//! without a row has the defaults (weekly digest, reminders on); the row appears with the first
//! email that needs its unsubscribe token, or the first change.

use chrono::Utc;
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::notification_settings;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notification_settings)]
pub struct SettingsRow {
    pub user_id: Uuid,
    pub digest: String,
    pub reminders: bool,
    pub unsubscribe_token: String,
    pub updated_at: chrono::DateTime<Utc>,
}

/// The user's settings, made with the defaults and `new_token` when missing.
#[tracing::instrument(skip(conn, new_token))]
pub fn get_or_create(
    conn: &mut PgConnection,
    user_id: Uuid,
    new_token: &str,
) -> Result<SettingsRow, DbError> {
    // Read first: the worker asks every round, and the row is made only once.
    if let Some(row) = notification_settings::table
        .find(user_id)
        .select(SettingsRow::as_select())
        .first(conn)
        .optional()?
    {
        return Ok(row);
    }
    diesel::insert_into(notification_settings::table)
        .values((
            notification_settings::user_id.eq(user_id),
            notification_settings::unsubscribe_token.eq(new_token),
        ))
        .on_conflict(notification_settings::user_id)
        .do_nothing()
        .execute(conn)?;
    Ok(notification_settings::table
        .find(user_id)
        .select(SettingsRow::as_select())
        .first(conn)?)
}

#[tracing::instrument(skip(conn, new_token))]
pub fn update(
    conn: &mut PgConnection,
    user_id: Uuid,
    digest: &str,
    reminders: bool,
    new_token: &str,
) -> Result<SettingsRow, DbError> {
    get_or_create(conn, user_id, new_token)?;
    Ok(diesel::update(notification_settings::table.find(user_id))
        .set((
            notification_settings::digest.eq(digest),
            notification_settings::reminders.eq(reminders),
            notification_settings::updated_at.eq(diesel::dsl::now),
        ))
        .returning(SettingsRow::as_returning())
        .get_result(conn)?)
}

#[tracing::instrument(skip(conn, token))]
pub fn find_by_token(conn: &mut PgConnection, token: &str) -> Result<Option<SettingsRow>, DbError> {
    Ok(notification_settings::table
        .filter(notification_settings::unsubscribe_token.eq(token))
        .select(SettingsRow::as_select())
        .first(conn)
        .optional()?)
}
