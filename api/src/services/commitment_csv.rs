//! Commitments to and from CSV (see `domain::commitment_csv` for the columns). The import is all
//! rows or none: every refused row is listed, rights count per row for the rows that change
//! something, and a commitment is matched on its reference (kenmerk).

use std::collections::HashMap;

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::commitments::reference_taken;
use super::csv_import::{Abort, rejected};
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::commitment::{CommitmentFields, CommitmentInput, status_label};
use crate::domain::commitment_csv::{self, Column, CsvCommitment, HEADER, PRIORITY_SEPARATOR};
use crate::domain::csv_table::{self, RowError, Separator};
use crate::domain::page::PageRequest;
use crate::domain::role::Role;
use crate::repo::commitments::{self, CommitmentFilter, CommitmentRow};
use crate::repo::municipalities::MunicipalityRow;
use crate::repo::priorities::PriorityRow;
use crate::repo::{memberships, municipalities, priorities, users};

/// What an import did (or, as a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
}

/// A person a file may name: a member of the tenant, or someone a stored commitment names who
/// has left since (a bestuurder after an election), so that its lines still read back.
#[derive(Debug, Clone)]
struct Person {
    id: Uuid,
    name: String,
    email: String,
    member: bool,
    bestuurder: bool,
}

fn people(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    also: impl Iterator<Item = Uuid>,
) -> Result<Vec<Person>, ServiceError> {
    let members = memberships::for_tenant(conn, ctx.tenant.id)?;
    let mut ids: Vec<Uuid> = members.iter().map(|m| m.user_id).chain(also).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(users::find_many(conn, &ids)?
        .into_iter()
        .map(|u| Person {
            member: members.iter().any(|m| m.user_id == u.id),
            bestuurder: members
                .iter()
                .any(|m| m.user_id == u.id && m.role == Role::Bestuurder.as_str()),
            id: u.id,
            name: u.display_name,
            email: u.email,
        })
        .collect())
}

fn named_people<'a>(
    rows: impl Iterator<Item = &'a CommitmentRow> + 'a,
) -> impl Iterator<Item = Uuid> + 'a {
    rows.flat_map(|r| std::iter::once(r.made_by_id).chain(r.responsible_officer_id))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn export(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &CommitmentFilter,
    separator: Separator,
) -> Result<String, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let listed = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>(commitments::list(tc, filter, PageRequest::ALL)?.items)
    })?;
    let emails: HashMap<Uuid, String> =
        people(conn, ctx, named_people(listed.iter().map(|l| &l.row)))?
            .into_iter()
            .map(|p| (p.id, p.email))
            .collect();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let lines = listed.iter().map(|listed| {
        let r = &listed.row;
        let titles: Vec<&str> = listed.priorities.iter().map(|l| l.title.as_str()).collect();
        let ids: Vec<String> = listed
            .priorities
            .iter()
            .map(|l| l.priority_id.to_string())
            .collect();
        vec![
            r.reference.clone(),
            r.title.clone(),
            r.description.clone(),
            listed.municipality_name.clone(),
            r.made_on.to_string(),
            r.meeting.clone(),
            emails.get(&r.made_by_id).cloned().unwrap_or_default(),
            r.requested_by.clone(),
            r.requested_by_party.clone(),
            r.responsible_officer_id
                .and_then(|o| emails.get(&o).cloned())
                .unwrap_or_default(),
            date(r.due_on),
            status_label(&r.status).to_owned(),
            date(r.closed_on),
            r.closing_letter_reference.clone().unwrap_or_default(),
            r.closing_letter_title.clone().unwrap_or_default(),
            r.lapse_reason.clone().unwrap_or_default(),
            titles.join(PRIORITY_SEPARATOR),
            ids.join(" "),
        ]
    });
    csv_table::write(separator, &HEADER, lines)
        .map_err(|e| ServiceError::Internal(format!("writing CSV: {e}")))
}

/// Whether the caller may change commitments of at least one municipality: checked before the
/// file is read.
pub fn require_import_rights(ctx: &TenantContext) -> Result<(), ServiceError> {
    let may = ctx.grants.iter().any(|g| {
        ctx.allows(TenantAction::EditCommitment(
            g.municipality_id.unwrap_or(Uuid::nil()),
        ))
    });
    if may {
        Ok(())
    } else {
        Err(ServiceError::forbidden())
    }
}

#[tracing::instrument(skip(conn, ctx, csv), fields(bytes = csv.len()))]
pub fn import(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    csv: &[u8],
    dry_run: bool,
) -> Result<CommitmentImportReport, ServiceError> {
    require_import_rights(ctx)?;
    let parsed = commitment_csv::parse(csv).map_err(|e| rejected(vec![e]))?;
    // People are users in the platform schema: looked up before the tenant's transaction, for
    // the members and whoever the stored commitments name.
    let stored = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>(
            commitments::list(tc, &CommitmentFilter::all(), PageRequest::ALL)?.items,
        )
    })?;
    let people = people(conn, ctx, named_people(stored.iter().map(|l| &l.row)))?;
    let has = |c: Column| parsed.columns.contains(&c);
    let outcome = run_in_tenant(conn, &ctx.db, |tc| {
        let towns = municipalities::all(tc)?;
        let prios = priorities::all(tc)?;
        let existing = commitments::lock_all(tc)?;
        let ids: Vec<Uuid> = existing.iter().map(|r| r.id).collect();
        let mut links: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for l in commitments::priorities_of(tc, &ids)? {
            links
                .entry(l.commitment_id)
                .or_default()
                .push(l.priority_id);
        }
        let by_reference: HashMap<String, &CommitmentRow> = existing
            .iter()
            .map(|r| (r.reference.to_lowercase(), r))
            .collect();

        let mut errors = parsed.errors.clone();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut writes: Vec<(Option<Uuid>, CommitmentFields)> = Vec::new();
        let mut report = CommitmentImportReport {
            rows: parsed.rows.len(),
            dry_run,
            ..CommitmentImportReport::default()
        };
        for row in &parsed.rows {
            if let Some(first) = seen.insert(row.reference.to_lowercase(), row.line) {
                errors.push(RowError::new(
                    row.line,
                    format!("kenmerk {} staat al op regel {first}", row.reference),
                ));
                continue;
            }
            let current = by_reference.get(&row.reference.to_lowercase()).copied();
            let stored = current.map(|c| Stored {
                row: c,
                priority_ids: links.get(&c.id).cloned().unwrap_or_default(),
            });
            let fields = match resolve(row, &has, stored.as_ref(), &towns, &people, &prios) {
                Ok(f) => f,
                Err(reasons) => {
                    errors.push(RowError::new(row.line, reasons.join("; ")));
                    continue;
                }
            };
            if let Some(cur) = current {
                let mut linked = links.get(&cur.id).cloned().unwrap_or_default();
                if same(cur, &mut linked, &fields) {
                    report.unchanged += 1;
                    continue;
                }
            }
            let areas = current
                .map(|c| c.municipality_id)
                .into_iter()
                .chain(std::iter::once(fields.municipality_id));
            let mut allowed = true;
            for area in areas {
                if !ctx.allows(TenantAction::EditCommitment(area)) {
                    let name = towns
                        .iter()
                        .find(|m| m.id == area)
                        .map_or("deze gemeente", |m| m.name.as_str());
                    errors.push(RowError::new(
                        row.line,
                        format!("u mag geen toezeggingen van {name} wijzigen"),
                    ));
                    allowed = false;
                    break;
                }
            }
            if allowed {
                writes.push((current.map(|c| c.id), fields));
            }
        }
        if !errors.is_empty() {
            return Err(Abort::Failed(rejected(errors)));
        }
        for (id, fields) in &writes {
            match id {
                Some(id) => {
                    commitments::update(tc, *id, fields).map_err(reference_taken)?;
                    report.updated += 1;
                }
                None => {
                    commitments::insert(tc, fields).map_err(reference_taken)?;
                    report.created += 1;
                }
            }
        }
        if dry_run {
            return Err(Abort::DryRun(report));
        }
        Ok::<_, Abort<CommitmentImportReport>>(report)
    });
    Abort::settle(outcome)
}

/// Whether the stored commitment already holds these fields.
fn same(cur: &CommitmentRow, linked: &mut [Uuid], f: &CommitmentFields) -> bool {
    let mut wanted = f.priority_ids.clone();
    wanted.sort_unstable();
    linked.sort_unstable();
    cur.reference == f.reference
        && cur.title == f.title
        && cur.description == f.description
        && cur.municipality_id == f.municipality_id
        && cur.made_on == f.made_on
        && cur.meeting == f.meeting
        && cur.made_by_id == f.made_by_id
        && cur.requested_by == f.requested_by
        && cur.requested_by_party == f.requested_by_party
        && cur.responsible_officer_id == f.responsible_officer_id
        && cur.due_on == f.due_on
        && cur.status == f.status
        && cur.closed_on == f.closed_on
        && cur.closing_letter_reference == f.closing_letter_reference
        && cur.closing_letter_title == f.closing_letter_title
        && cur.lapse_reason == f.lapse_reason
        && *linked == wanted[..]
}

/// A stored commitment the row updates.
struct Stored<'a> {
    row: &'a CommitmentRow,
    priority_ids: Vec<Uuid>,
}

/// The row with its names resolved against the tenant, checked by the commitment rules. For a
/// stored commitment, a column the file does not have keeps the stored value, and the people it
/// names stay valid even when they have left.
fn resolve(
    row: &CsvCommitment,
    has: &dyn Fn(Column) -> bool,
    stored: Option<&Stored<'_>>,
    towns: &[MunicipalityRow],
    people: &[Person],
    prios: &[PriorityRow],
) -> Result<CommitmentFields, Vec<String>> {
    let cur = stored.map(|s| s.row);
    let mut reasons = Vec::new();
    let key = row.municipality.to_lowercase();
    let town = towns.iter().find(|m| {
        m.name.to_lowercase() == key
            || m.cbs_code.as_deref().map(str::to_lowercase) == Some(key.clone())
    });
    if town.is_none() {
        reasons.push(format!(
            "gemeente '{}' hoort niet bij dit samenwerkingsverband",
            row.municipality
        ));
    }
    let mut person = |what: &str, named: &str, bestuurder_only: bool, keep: Option<Uuid>| {
        let key = named.to_lowercase();
        let found: Vec<&Person> = people
            .iter()
            .filter(|p| {
                Some(p.id) == keep
                    || if bestuurder_only {
                        p.bestuurder
                    } else {
                        p.member
                    }
            })
            .filter(|p| p.email == key || p.name.to_lowercase() == key)
            .collect();
        match found.as_slice() {
            [one] => Some(one.id),
            [] => {
                reasons.push(format!(
                    "{what} '{named}' is geen {} van dit samenwerkingsverband",
                    if bestuurder_only {
                        "bestuurder"
                    } else {
                        "gebruiker"
                    }
                ));
                None
            }
            _ => {
                reasons.push(format!(
                    "{what} '{named}' is niet eenduidig; gebruik het e-mailadres"
                ));
                None
            }
        }
    };
    let made_by = person("bestuurder", &row.made_by, true, cur.map(|c| c.made_by_id));
    let officer = match (has(Column::Officer), cur) {
        (false, Some(c)) => c.responsible_officer_id,
        _ => row.officer.as_deref().and_then(|o| {
            person(
                "ambtenaar",
                o,
                false,
                cur.and_then(|c| c.responsible_officer_id),
            )
        }),
    };
    let priority_ids = if has(Column::PriorityIds) && !row.priority_ids.is_empty() {
        for id in &row.priority_ids {
            if !prios.iter().any(|p| p.id == *id) {
                reasons.push(format!(
                    "prioriteit {id} bestaat niet in dit samenwerkingsverband"
                ));
            }
        }
        row.priority_ids.clone()
    } else if has(Column::Priorities) || has(Column::PriorityIds) || stored.is_none() {
        let mut ids = Vec::new();
        for title in &row.priorities {
            let key = title.to_lowercase();
            let mut found: Vec<&PriorityRow> = prios
                .iter()
                .filter(|p| p.title.to_lowercase() == key)
                .collect();
            if found.len() > 1 {
                // "Jeugd en Veiligheid" of Ermelo and of Harderwijk: the commitment's own wins.
                found.retain(|p| {
                    p.municipality_id.is_none() || p.municipality_id == town.map(|t| t.id)
                });
            }
            match found.as_slice() {
                [one] => ids.push(one.id),
                [] => reasons.push(format!("prioriteit '{title}' bestaat niet")),
                _ => reasons.push(format!(
                    "prioriteit '{title}' is niet eenduidig; geef prioriteit_ids"
                )),
            }
        }
        ids
    } else {
        stored.map(|s| s.priority_ids.clone()).unwrap_or_default()
    };
    if !reasons.is_empty() {
        return Err(reasons);
    }
    // Text columns the file does not have keep the stored text.
    let text = |c: Column, given: &str, kept: Option<&str>| -> String {
        match (has(c), kept) {
            (false, Some(k)) => k.to_owned(),
            _ => given.to_owned(),
        }
    };
    let opt = |c: Column, given: &Option<String>, kept: Option<Option<String>>| -> Option<String> {
        match (has(c), kept) {
            (false, Some(k)) => k,
            _ => given.clone(),
        }
    };
    let date =
        |c: Column, given: Option<chrono::NaiveDate>, kept: Option<Option<chrono::NaiveDate>>| {
            match (has(c), kept) {
                (false, Some(k)) => k,
                _ => given,
            }
        };
    let description = text(
        Column::Description,
        &row.description,
        cur.map(|c| c.description.as_str()),
    );
    let meeting = text(
        Column::Meeting,
        &row.meeting,
        cur.map(|c| c.meeting.as_str()),
    );
    let requested_by = text(
        Column::RequestedBy,
        &row.requested_by,
        cur.map(|c| c.requested_by.as_str()),
    );
    let party = text(
        Column::Party,
        &row.party,
        cur.map(|c| c.requested_by_party.as_str()),
    );
    let status = opt(
        Column::Status,
        &row.status,
        cur.map(|c| Some(c.status.clone())),
    );
    let letter_reference = opt(
        Column::LetterReference,
        &row.letter_reference,
        cur.map(|c| c.closing_letter_reference.clone()),
    );
    let letter_title = opt(
        Column::LetterTitle,
        &row.letter_title,
        cur.map(|c| c.closing_letter_title.clone()),
    );
    let lapse_reason = opt(
        Column::LapseReason,
        &row.lapse_reason,
        cur.map(|c| c.lapse_reason.clone()),
    );
    let input = CommitmentInput {
        reference: &row.reference,
        title: &row.title,
        description: Some(&description),
        municipality_id: town.map(|t| t.id),
        made_on: row.made_on,
        meeting: Some(&meeting),
        made_by_id: made_by,
        requested_by: Some(&requested_by),
        requested_by_party: Some(&party),
        responsible_officer_id: officer,
        due_on: date(Column::DueOn, row.due_on, cur.map(|c| c.due_on)),
        priority_ids: &priority_ids,
        status: status.as_deref(),
        closed_on: date(Column::ClosedOn, row.closed_on, cur.map(|c| c.closed_on)),
        closing_letter_reference: letter_reference.as_deref(),
        closing_letter_title: letter_title.as_deref(),
        lapse_reason: lapse_reason.as_deref(),
    };
    CommitmentFields::parse(&input)
        .map_err(|e| vec![format!("{}: {}", column_of(&e.field), e.message)])
}

/// The CSV column of each API field, for messages.
const COLUMN_OF_FIELD: [(&str, &str); 17] = [
    ("reference", "kenmerk"),
    ("title", "titel"),
    ("description", "omschrijving"),
    ("municipalityId", "gemeente"),
    ("madeOn", "datum_toezegging"),
    ("meeting", "vergadering"),
    ("madeById", "bestuurder"),
    ("requestedBy", "aangevraagd_door"),
    ("requestedByParty", "fractie"),
    ("responsibleOfficerId", "ambtenaar"),
    ("dueOn", "termijn"),
    ("status", "status"),
    ("closedOn", "datum_afdoening"),
    ("closingLetterReference", "kenmerk_brief"),
    ("closingLetterTitle", "titel_brief"),
    ("lapseReason", "reden_vervallen"),
    ("priorityIds", "prioriteiten"),
];

fn column_of(field: &str) -> &str {
    COLUMN_OF_FIELD
        .iter()
        .find(|(api, _)| *api == field)
        .map_or(field, |(_, csv)| csv)
}
