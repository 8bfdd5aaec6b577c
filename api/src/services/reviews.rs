//! Reviews of an expert group. Members of the group (not viewers) and coordinators of the whole
//! cooperation write them; coordinators and bestuurders adopt them or send them back. A review
//! may bring updated measurements of the group's indicators, entered in the same transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::expert_groups::cadence_rule;
use super::indicators::check_areas;
use super::tenant_access::TenantContext;
use super::user_names::{UserNames, names_of};
use super::users::ensure_member;
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::measurement::MeasurementFields;
use crate::domain::page::{Page, PageRequest};
use crate::domain::period::Period;
use crate::domain::review::{
    GroupPriority, ReviewContent, ReviewItem, ReviewStep, missing_for_submit, next_status,
};
use crate::domain::time::today;
use crate::domain::version::check_version;
use crate::repo::expert_groups::{self, ExpertGroupRow};
use crate::repo::reviews::{self, CourseCorrectionRow, ReviewItemRow, ReviewRow};
use crate::repo::{indicators, measurements, priorities};

/// A figure brought in with a review.
#[derive(Debug, Clone)]
pub struct ReviewMeasurement {
    pub indicator_id: Uuid,
    pub fields: MeasurementFields,
}

/// What a writer sends: the content, and optionally figures.
#[derive(Debug, Clone)]
pub struct ReviewInput {
    pub content: ReviewContent,
    pub measurements: Vec<ReviewMeasurement>,
}

/// A review with everything its screen shows.
#[derive(Debug, Clone)]
pub struct ReviewView {
    pub review: ReviewRow,
    pub items: Vec<ReviewItemRow>,
    pub corrections: Vec<CourseCorrectionRow>,
    /// Titles of the priorities the items speak about.
    pub priority_titles: HashMap<Uuid, String>,
    pub due_on: Option<NaiveDate>,
}

impl ReviewView {
    fn people(&self) -> impl Iterator<Item = Uuid> + '_ {
        let r = &self.review;
        [
            Some(r.created_by),
            r.submitted_by,
            r.decided_by,
            r.sent_back_by,
        ]
        .into_iter()
        .flatten()
        .chain(self.corrections.iter().filter_map(|c| c.owner_id))
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    status: Option<&str>,
    page: PageRequest,
) -> Result<(Page<ReviewView>, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        reviews::list(tc, group_id, status, page)?.try_map_all(|rows| views(tc, &group, rows))
    })?;
    let names = names_of(conn, page.items.iter().flat_map(ReviewView::people));
    Ok((page, names))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
) -> Result<(ReviewView, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        let row = find(tc, group_id, id, false)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

/// Owners of course corrections with an account are users of this cooperation. Checked after
/// the group is found, so that a missing group answers 404 first.
fn check_owners(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    input: &ReviewInput,
) -> Result<(), ServiceError> {
    let owners: Vec<(String, Uuid)> = input
        .content
        .items
        .iter()
        .enumerate()
        .flat_map(|(i, item)| {
            item.course_corrections
                .iter()
                .enumerate()
                .filter_map(move |(j, c)| {
                    c.owner_id
                        .map(|o| (format!("items[{i}].courseCorrections[{j}].ownerId"), o))
                })
        })
        .collect();
    if owners.is_empty() {
        return Ok(());
    }
    run_in_tenant(conn, &ctx.db, |tc| group(tc, group_id))?;
    for (field, owner) in owners {
        ensure_member(conn, ctx, Some(owner), &field)?;
    }
    Ok(())
}

#[tracing::instrument(skip(conn, ctx, input))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    period: &str,
    input: &ReviewInput,
) -> Result<(ReviewView, UserNames), ServiceError> {
    check_owners(conn, ctx, group_id, input)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = expert_groups::find_for_update(tc, group_id)?
            .ok_or(ServiceError::not_found("expertgroep"))?;
        require_writer(tc, ctx, group_id)?;
        let period = cadence_rule(&group)?
            .cadence
            .check_period("period", Period::parse("period", period)?)?;
        if period.first_day() > today() {
            return Err(InvalidField::in_context(
                "period",
                format!("{period} is nog niet begonnen; een evaluatie gaat over de lopende of een voorbije periode"),
            )
            .into());
        }
        let period = period.to_string();
        if reviews::exists_for_period(tc, group_id, &period)? {
            return Err(ServiceError::Conflict {
                code: "review_exists",
                detail: format!(
                    "Deze expertgroep heeft al een evaluatie over {period}; werk die bij"
                ),
            });
        }
        check_content(tc, ctx, group_id, input)?;
        let row = reviews::insert(tc, group_id, &period, &input.content, ctx.user_id)?;
        record_measurements(tc, ctx, &input.measurements)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

#[tracing::instrument(skip(conn, ctx, input))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
    input: &ReviewInput,
    expected: Option<i64>,
) -> Result<(ReviewView, UserNames), ServiceError> {
    check_owners(conn, ctx, group_id, input)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        let current = find(tc, group_id, id, true)?;
        require_writer(tc, ctx, group_id)?;
        step(&current, ReviewStep::Edit)?;
        check_version(expected, current.updated_at)?;
        check_content(tc, ctx, group_id, input)?;
        let row = reviews::replace_content(tc, id, &input.content)?;
        record_measurements(tc, ctx, &input.measurements)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

#[tracing::instrument(skip(conn, ctx))]
pub fn delete(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        group(tc, group_id)?;
        let current = find(tc, group_id, id, true)?;
        require_writer(tc, ctx, group_id)?;
        step(&current, ReviewStep::Delete)?;
        reviews::delete(tc, id)?;
        Ok(())
    })
}

/// Concept → ingediend, when every priority of the group has a status and a narrative.
#[tracing::instrument(skip(conn, ctx))]
pub fn submit(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
) -> Result<(ReviewView, UserNames), ServiceError> {
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        let current = find(tc, group_id, id, true)?;
        require_writer(tc, ctx, group_id)?;
        step(&current, ReviewStep::Submit)?;
        let prios: Vec<GroupPriority> = expert_groups::priorities_of(tc, &[group_id])?
            .into_iter()
            .map(|p| GroupPriority {
                id: p.priority_id,
                title: p.title,
            })
            .collect();
        let items: Vec<ReviewItem> = reviews::items_of(tc, &[id])?
            .into_iter()
            .map(|i| ReviewItem {
                priority_id: i.priority_id,
                status: i.status,
                progress: i.progress,
                activities: i.activities,
                risks: i.risks,
                course_corrections: vec![],
            })
            .collect();
        let missing = missing_for_submit(&prios, &items);
        if !missing.is_empty() {
            return Err(InvalidField::in_context(
                "items",
                format!(
                    "de evaluatie is nog niet compleet; vul status en voortgang in voor: {}",
                    missing.join(", ")
                ),
            )
            .into());
        }
        let row = reviews::mark_submitted(tc, id, ctx.user_id)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

/// Ingediend → vastgesteld.
#[tracing::instrument(skip(conn, ctx))]
pub fn adopt(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
) -> Result<(ReviewView, UserNames), ServiceError> {
    ctx.require(TenantAction::DecideReview)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        let current = find(tc, group_id, id, true)?;
        step(&current, ReviewStep::Adopt)?;
        let row = reviews::mark_adopted(tc, id, ctx.user_id)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

/// Ingediend → concept, with the reason for the group.
#[tracing::instrument(skip(conn, ctx, reason))]
pub fn send_back(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    group_id: Uuid,
    id: Uuid,
    reason: &str,
) -> Result<(ReviewView, UserNames), ServiceError> {
    ctx.require(TenantAction::DecideReview)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let group = group(tc, group_id)?;
        let current = find(tc, group_id, id, true)?;
        step(&current, ReviewStep::SendBack)?;
        let row = reviews::mark_sent_back(tc, id, ctx.user_id, reason)?;
        view(tc, &group, row)
    })?;
    named(conn, view)
}

fn named(
    conn: &mut PgConnection,
    view: ReviewView,
) -> Result<(ReviewView, UserNames), ServiceError> {
    let names = names_of(conn, view.people());
    Ok((view, names))
}

fn group(tc: &mut TenantConn<'_>, id: Uuid) -> Result<ExpertGroupRow, ServiceError> {
    expert_groups::find(tc, id)?.ok_or(ServiceError::not_found("expertgroep"))
}

fn find(
    tc: &mut TenantConn<'_>,
    group_id: Uuid,
    id: Uuid,
    lock: bool,
) -> Result<ReviewRow, ServiceError> {
    reviews::find(tc, group_id, id, lock)?.ok_or(ServiceError::not_found("evaluatie"))
}

fn step(review: &ReviewRow, step: ReviewStep) -> Result<(), ServiceError> {
    next_status(&review.status, step).map_err(|e| ServiceError::Conflict {
        code: "review_locked",
        detail: e.0,
    })?;
    Ok(())
}

fn require_writer(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    group_id: Uuid,
) -> Result<(), ServiceError> {
    if ctx.allows(TenantAction::WriteAnyReview)
        || (ctx.allows(TenantAction::WriteReviewAsMember)
            && expert_groups::has_member(tc, group_id, ctx.user_id)?)
    {
        return Ok(());
    }
    Err(ServiceError::Forbidden(
        "Alleen leden van deze expertgroep en coördinatoren schrijven haar evaluatie".to_owned(),
    ))
}

/// Every item speaks about a priority of the group; every figure about one of its indicators,
/// in an area the writer may bring figures for.
fn check_content(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    group_id: Uuid,
    input: &ReviewInput,
) -> Result<(), ServiceError> {
    let ids: Vec<Uuid> = expert_groups::priorities_of(tc, &[group_id])?
        .into_iter()
        .map(|p| p.priority_id)
        .collect();
    for (i, item) in input.content.items.iter().enumerate() {
        if !ids.contains(&item.priority_id) {
            return Err(InvalidField::in_context(
                format!("items[{i}].priorityId"),
                "deze prioriteit hoort niet bij het thema van deze expertgroep",
            )
            .into());
        }
    }
    for (i, m) in input.measurements.iter().enumerate() {
        let field = |f: &str| format!("measurements[{i}].{f}");
        let indicator = indicators::find(tc, m.indicator_id)?.ok_or_else(|| {
            InvalidField::in_context(
                field("indicatorId"),
                "deze indicator bestaat niet in dit samenwerkingsverband",
            )
        })?;
        if !ids.contains(&indicator.priority_id) {
            return Err(InvalidField::in_context(
                field("indicatorId"),
                "deze indicator hoort niet bij een prioriteit van deze expertgroep",
            )
            .into());
        }
        let priority = priorities::find(tc, indicator.priority_id)?
            .ok_or(ServiceError::not_found("prioriteit"))?;
        check_areas(
            tc,
            &priority,
            std::iter::once(m.fields.municipality_id),
            &field("municipalityId"),
        )?;
        if !ctx.allows(TenantAction::EnterReviewFigure(m.fields.municipality_id)) {
            return Err(ServiceError::Forbidden(format!(
                "U mag met deze evaluatie geen cijfers voor {} invoeren (measurements[{i}])",
                if m.fields.municipality_id.is_some() {
                    "deze gemeente"
                } else {
                    "het hele samenwerkingsverband"
                }
            )));
        }
    }
    Ok(())
}

/// Entered as the writer of the review, after [`check_content`] checked each figure.
fn record_measurements(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    list: &[ReviewMeasurement],
) -> Result<(), ServiceError> {
    for m in list {
        measurements::record(tc, m.indicator_id, &m.fields, ctx.user_id)?;
    }
    Ok(())
}

fn views(
    tc: &mut TenantConn<'_>,
    group: &ExpertGroupRow,
    rows: Vec<ReviewRow>,
) -> Result<Vec<ReviewView>, ServiceError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let rule = cadence_rule(group)?;
    let titles: HashMap<Uuid, String> = expert_groups::priorities_of(tc, &[group.id])?
        .into_iter()
        .map(|p| (p.priority_id, p.title))
        .collect();
    let mut items: HashMap<Uuid, Vec<ReviewItemRow>> = HashMap::new();
    for i in reviews::items_of(tc, &ids)? {
        items.entry(i.review_id).or_default().push(i);
    }
    let mut corrections: HashMap<Uuid, Vec<CourseCorrectionRow>> = HashMap::new();
    for c in reviews::corrections_of(tc, &ids)? {
        corrections.entry(c.review_id).or_default().push(c);
    }
    let mut out = Vec::with_capacity(rows.len());
    for review in rows {
        let mut its = items.remove(&review.id).unwrap_or_default();
        // In the order of the group's priorities (by title).
        its.sort_by_key(|i| titles.get(&i.priority_id).cloned().unwrap_or_default());
        let mut priority_titles = titles.clone();
        for i in &its {
            if !priority_titles.contains_key(&i.priority_id)
                && let Some(p) = priorities::find(tc, i.priority_id)?
            {
                priority_titles.insert(p.id, p.title);
            }
        }
        out.push(ReviewView {
            due_on: Period::parse("period", &review.period)
                .ok()
                .map(|p| rule.due_on(p)),
            items: its,
            corrections: corrections.remove(&review.id).unwrap_or_default(),
            priority_titles,
            review,
        });
    }
    Ok(out)
}

fn view(
    tc: &mut TenantConn<'_>,
    group: &ExpertGroupRow,
    row: ReviewRow,
) -> Result<ReviewView, ServiceError> {
    views(tc, group, vec![row])?
        .pop()
        .ok_or(ServiceError::not_found("evaluatie"))
}
