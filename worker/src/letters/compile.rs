//! The worker's compilation of one version: gather the plan's data as it stands, build the
//! letter (`domain::safety_letter::content`), render it as Word and HTML, store both. What goes
//! wrong ends as status `mislukt` with a reason the coordinator can read; the job itself fails
//! only when not even that can be recorded, and is then retried.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::content::{
    self, AreaInput, CommitmentInput, CorrectionInput, FigureInput, IndicatorInput, Judgement,
    LetterInput, PendingReview, PlanInput, PriorityInput,
};
use crate::document::{docx, html};
use crate::error::WorkerError;
use api::db::{TenantConn, TenantDb, run_in_tenant, run_in_tenant_one_snapshot};
use api::domain::commitment::{AFGEDAAN, PENDING};
use api::domain::page::PageRequest;
use api::domain::period::Period;
use api::domain::review::VASTGESTELD;
use api::domain::safety_letter::COMPILING;
use api::domain::time::date_in_netherlands;
use api::repo::commitments::{self, CommitmentFilter, CommitmentRow};
use api::repo::figures::Figured;
use api::repo::indicators::{self, IndicatorRow, TargetRow};
use api::repo::measurements::MeasurementRow;
use api::repo::priorities::{self, PriorityRow};
use api::repo::reviews::{self, CourseCorrectionRow, JudgementRow};
use api::repo::safety_letters::{self, LetterRow, NewDocument};
use api::repo::tenants::TenantRow;
use api::repo::users;
use api::repo::{municipalities, plans};
use api::services::progress::{direction, period, target_of};

/// What a compile job did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileOutcome {
    Compiled {
        docx_bytes: usize,
    },
    Failed {
        reason: String,
    },
    /// The version was not waiting to be compiled (done by another worker, or gone).
    Skipped,
}

/// Why a compilation failed.
enum Failure {
    /// In the data or the document: the reason is for the coordinator.
    Content(String),
    Technical(WorkerError),
}

impl From<WorkerError> for Failure {
    fn from(e: WorkerError) -> Self {
        Failure::Technical(e)
    }
}

impl From<api::services::ServiceError> for Failure {
    fn from(e: api::services::ServiceError) -> Self {
        Failure::Technical(e.into())
    }
}

impl From<api::db::DbError> for Failure {
    fn from(e: api::db::DbError) -> Self {
        Failure::Technical(e.into())
    }
}

impl From<diesel::result::Error> for Failure {
    fn from(e: diesel::result::Error) -> Self {
        Failure::Technical(e.into())
    }
}

/// Compiles the version `letter_id` of `tenant` at `now`.
#[tracing::instrument(skip(conn, tenant), fields(tenant = %tenant.slug))]
pub fn compile_job(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    letter_id: Uuid,
    now: DateTime<Utc>,
    last_attempt: bool,
) -> Result<CompileOutcome, WorkerError> {
    let db = tenant.db()?;
    let reason = match compile(conn, tenant, &db, letter_id, now) {
        Ok(outcome) => return Ok(outcome),
        Err(Failure::Content(reason)) => reason,
        // A technical fault may pass (a lost connection): the job tries again after a while,
        // and only its last attempt gives up.
        Err(Failure::Technical(e)) if !last_attempt => return Err(e),
        Err(Failure::Technical(e)) => {
            tracing::error!(letter = %letter_id, error = ?e, "compiling a safety letter failed");
            format!(
                "Door een technische fout kon de brief niet worden samengesteld. Stel de brief opnieuw samen; \
blijft het misgaan, geef dan kenmerk {letter_id} door aan de beheerder van het platform."
            )
        }
    };
    let marked = run_in_tenant(conn, &db, |tc| {
        safety_letters::mark_failed(tc, letter_id, &reason, now)
    })?;
    Ok(if marked {
        CompileOutcome::Failed { reason }
    } else {
        CompileOutcome::Skipped
    })
}

fn compile(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    db: &TenantDb,
    letter_id: Uuid,
    now: DateTime<Utc>,
) -> Result<CompileOutcome, Failure> {
    let Some(gathered) = run_in_tenant_one_snapshot(conn, db, |tc| gather(tc, letter_id))? else {
        return Ok(CompileOutcome::Skipped);
    };
    // Unlike the API's answers, a frozen letter cannot go without the names: a failed lookup
    // fails the attempt, and the job tries again.
    let mut ids: Vec<Uuid> = gathered
        .letter
        .requested_by
        .into_iter()
        .chain(gathered.commitments.iter().map(|c| c.made_by_id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let people: HashMap<Uuid, String> = users::find_many(conn, &ids)?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let input = assemble(&tenant.name, &gathered, &people, now)?;
    // Building and rendering are pure: a failure there is the same on every attempt, so it is
    // reported at once. A panic (a bug) must not take the worker down with it.
    let rendered = std::panic::catch_unwind(|| {
        content::build(&input).and_then(|doc| Ok((docx::render(&doc)?, html::render(&doc))))
    });
    let (docx, html) = match rendered {
        Ok(Ok(files)) => files,
        Ok(Err(e)) => {
            tracing::error!(letter = %letter_id, error = %e, "a safety letter could not be rendered");
            return Err(Failure::Content(format!(
                "De brief kon niet worden opgemaakt: {}. Geef kenmerk {letter_id} door aan de beheerder van het platform.",
                e.in_dutch()
            )));
        }
        Err(_) => {
            tracing::error!(letter = %letter_id, "rendering a safety letter panicked");
            return Err(Failure::Content(format!(
                "Door een fout in het platform kon de brief niet worden opgemaakt. Geef kenmerk {letter_id} door aan de beheerder van het platform."
            )));
        }
    };
    let doc = NewDocument {
        letter_id,
        docx_sha256: hex(&Sha256::digest(&docx)),
        docx,
        html,
        generated_at: now,
    };
    let stored = run_in_tenant(conn, db, |tc| safety_letters::store_compiled(tc, &doc))?;
    Ok(if stored {
        CompileOutcome::Compiled {
            docx_bytes: doc.docx.len(),
        }
    } else {
        CompileOutcome::Skipped
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The tenant's data the letter is made of, read in one transaction from one snapshot.
struct Gathered {
    letter: LetterRow,
    plan: plans::PlanRow,
    period: Period,
    /// The municipalities the letter is for, by name.
    towns: Vec<(Uuid, String)>,
    priorities: Vec<PriorityRow>,
    indicators: Vec<IndicatorRow>,
    targets: Vec<TargetRow>,
    measurements: Vec<MeasurementRow>,
    judgements: Vec<JudgementRow>,
    corrections: Vec<CourseCorrectionRow>,
    commitments: Vec<CommitmentRow>,
}

fn gather(tc: &mut TenantConn<'_>, letter_id: Uuid) -> Result<Option<Gathered>, Failure> {
    let Some(letter) = safety_letters::find(tc, letter_id)?.map(|l| l.row) else {
        return Ok(None);
    };
    if letter.status != COMPILING {
        return Ok(None);
    }
    let plan = plans::find(tc, letter.plan_id)?
        .ok_or_else(|| Failure::Content("Het plan van deze brief bestaat niet meer.".to_owned()))?;
    let period = period(&letter.period)?;
    let mut towns: Vec<(Uuid, String)> = municipalities::all(tc)?
        .into_iter()
        .filter(|m| letter.municipality_ids.is_empty() || letter.municipality_ids.contains(&m.id))
        .map(|m| (m.id, m.name))
        .collect();
    towns.sort_by(|a, b| a.1.cmp(&b.1));
    if towns.is_empty() {
        return Err(Failure::Content(if letter.municipality_ids.is_empty() {
            "Het samenwerkingsverband heeft nog geen gemeenten; voeg ze eerst toe.".to_owned()
        } else {
            "De gekozen gemeenten bestaan niet meer; stel de brief opnieuw samen met de huidige gemeenten."
                .to_owned()
        }));
    }
    let included = |m: Option<Uuid>| m.is_none_or(|m| towns.iter().any(|(id, _)| *id == m));
    let priorities: Vec<PriorityRow> = priorities::of_plan_in_entry_order(tc, plan.id)?
        .into_iter()
        .filter(|p| included(p.municipality_id))
        .collect();
    let priority_ids: Vec<Uuid> = priorities.iter().map(|p| p.id).collect();
    let letter_end = period.end();
    let mut indicators = Vec::new();
    let mut targets = Vec::new();
    let mut measurements = Vec::new();
    for Figured { indicator, figures } in indicators::for_priorities(tc, &priority_ids)? {
        indicators.push(indicator);
        targets.extend(
            figures
                .targets
                .into_iter()
                .filter(|t| included(t.municipality_id)),
        );
        for m in figures.measurements {
            if included(m.municipality_id)
                && api::services::progress::period(&m.period)?.end() <= letter_end
            {
                measurements.push(m);
            }
        }
    }
    let judgements = reviews::judgements_of(tc, &priority_ids)?;
    let adopted_reviews: Vec<Uuid> = judgements
        .iter()
        .filter(|j| j.review_status == VASTGESTELD)
        .map(|j| j.review_id)
        .collect();
    let corrections = reviews::corrections_of(tc, &adopted_reviews)?;
    let commitments = commitments::list(tc, &CommitmentFilter::all(), PageRequest::ALL)?
        .items
        .into_iter()
        .map(|c| c.row)
        .filter(|c| included(Some(c.municipality_id)))
        .collect();
    Ok(Some(Gathered {
        letter,
        plan,
        period,
        towns,
        priorities,
        indicators,
        targets,
        measurements,
        judgements,
        corrections,
        commitments,
    }))
}

fn assemble(
    cooperation: &str,
    g: &Gathered,
    people: &HashMap<Uuid, String>,
    now: DateTime<Utc>,
) -> Result<LetterInput, Failure> {
    let as_of = date_in_netherlands(now);
    let town_name = |id: Uuid| {
        g.towns
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let mut main = Vec::new();
    let mut local: Vec<(String, Vec<PriorityInput>)> = g
        .towns
        .iter()
        .map(|(_, name)| (name.clone(), Vec::new()))
        .collect();
    for p in &g.priorities {
        let input = priority_input(g, p)?;
        match p.municipality_id {
            None => main.push(input),
            Some(m) => {
                let name = town_name(m);
                if let Some((_, list)) = local.iter_mut().find(|(n, _)| *n == name) {
                    list.push(input);
                }
            }
        }
    }
    local.retain(|(_, list)| !list.is_empty());

    let commitment = |c: &CommitmentRow| CommitmentInput {
        reference: c.reference.clone(),
        title: c.title.clone(),
        municipality: town_name(c.municipality_id),
        made_on: c.made_on,
        meeting: c.meeting.clone(),
        made_by: people
            .get(&c.made_by_id)
            .cloned()
            .unwrap_or_else(|| "een bestuurder".to_owned()),
        due_on: c.due_on,
        status: c.status.clone(),
        closed_on: c.closed_on,
        letter_reference: c.closing_letter_reference.clone(),
        letter_title: c.closing_letter_title.clone(),
    };
    let (first, last) = (g.period.first_day(), g.period.last_day());
    let mut discharged: Vec<CommitmentInput> = g
        .commitments
        .iter()
        .filter(|c| {
            c.status == AFGEDAAN
                && c.closed_on
                    .is_some_and(|d| first <= d && d <= last.max(as_of))
        })
        .map(commitment)
        .collect();
    discharged.sort_by(|a, b| (a.closed_on, &a.reference).cmp(&(b.closed_on, &b.reference)));
    let open = g
        .commitments
        .iter()
        .filter(|c| PENDING.contains(&c.status.as_str()) && c.made_on <= as_of)
        .map(commitment)
        .collect();

    Ok(LetterInput {
        cooperation: cooperation.to_owned(),
        plan: PlanInput {
            title: g.plan.title.clone(),
            start_year: g.plan.start_year,
            end_year: g.plan.end_year,
            adopted_on: g.plan.adopted_on,
        },
        period: g.period,
        version: g.letter.version,
        municipalities: g.towns.iter().map(|(_, n)| n.clone()).collect(),
        priorities: main,
        local,
        discharged,
        open,
        as_of,
        generated_at: now,
        requested_by: g.letter.requested_by.map(|id| {
            people
                .get(&id)
                .cloned()
                .unwrap_or_else(|| "een coördinator".to_owned())
        }),
    })
}

fn priority_input(g: &Gathered, p: &PriorityRow) -> Result<PriorityInput, Failure> {
    let letter_end = g.period.end();
    let mut own: Vec<(&JudgementRow, Period)> = Vec::new();
    for j in g.judgements.iter().filter(|j| j.priority_id == p.id) {
        let at = period(&j.period)?;
        if at.end() <= letter_end {
            own.push((j, at));
        }
    }
    // Newest period first; of one period the latest decision.
    own.sort_by(|(a, pa), (b, pb)| {
        pb.end()
            .total_cmp(&pa.end())
            .then_with(|| b.decided_at.cmp(&a.decided_at))
            .then_with(|| a.group_name.cmp(&b.group_name))
    });
    let adopted = own.iter().find(|(j, _)| j.review_status == VASTGESTELD);
    let judgement = adopted.map(|(j, at)| Judgement {
        group: j.group_name.clone(),
        period: *at,
        adopted_on: j.decided_at.map(date_in_netherlands),
        status: j.status.clone(),
        progress: j.progress.clone(),
        activities: j.activities.clone(),
        risks: j.risks.clone(),
        corrections: g
            .corrections
            .iter()
            .filter(|c| c.review_id == j.review_id && c.priority_id == p.id)
            .map(|c| CorrectionInput {
                description: c.description.clone(),
                owner: c.owner.clone(),
                follow_up_on: c.follow_up_on,
            })
            .collect(),
    });
    let adopted_end = adopted.map(|(_, at)| at.end()).unwrap_or(f64::NEG_INFINITY);
    let pending_review = own
        .iter()
        .find(|(j, at)| j.review_status != VASTGESTELD && at.end() > adopted_end)
        .map(|(j, at)| PendingReview {
            group: j.group_name.clone(),
            period: *at,
        });

    let mut indicators = Vec::new();
    for ind in g.indicators.iter().filter(|i| i.priority_id == p.id) {
        indicators.push(indicator_input(g, ind)?);
    }
    Ok(PriorityInput {
        title: p.title.clone(),
        goal: p.doelstelling.clone(),
        judgement,
        pending_review,
        indicators,
    })
}

fn indicator_input(g: &Gathered, ind: &IndicatorRow) -> Result<IndicatorInput, Failure> {
    let mut areas: Vec<Option<Uuid>> = g
        .targets
        .iter()
        .filter(|t| t.indicator_id == ind.id)
        .map(|t| t.municipality_id)
        .chain(
            g.measurements
                .iter()
                .filter(|m| m.indicator_id == ind.id)
                .map(|m| m.municipality_id),
        )
        .collect();
    let name_of = |m: Option<Uuid>| match m {
        None => api::services::progress::COOPERATION_AREA.to_owned(),
        Some(id) => g
            .towns
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default(),
    };
    areas.sort_by_key(|m| (m.is_some(), name_of(*m)));
    areas.dedup();
    let mut out = Vec::new();
    for area in areas {
        let (baseline, target) = match g
            .targets
            .iter()
            .find(|t| t.indicator_id == ind.id && t.municipality_id == area)
        {
            Some(t) => target_of(t)?,
            None => (None, None),
        };
        let mut figures = Vec::new();
        for m in g
            .measurements
            .iter()
            .filter(|m| m.indicator_id == ind.id && m.municipality_id == area)
        {
            figures.push(FigureInput {
                period: period(&m.period)?,
                value: m.value,
                source_note: m.source_note.clone(),
                entered_on: date_in_netherlands(m.entered_at),
            });
        }
        figures.sort_by(|a, b| a.period.end().total_cmp(&b.period.end()));
        out.push(AreaInput {
            name: name_of(area),
            baseline,
            target,
            figures,
        });
    }
    Ok(IndicatorInput {
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        source: ind.source.clone(),
        direction: direction(ind)?,
        areas: out,
    })
}
