//! The figures of the seed documents as demo data: indicators under the priorities they belong to,
//! with the baselines and targets of `targets.csv`, and the measurements of `measurements.csv`
//! read in through the same CSV import that users have.

use diesel::{Connection, PgConnection};
use uuid::Uuid;

use super::super::ServiceError;
use super::super::measurement_import;
use super::super::tenant_access::TenantContext;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::indicator::{AreaTargetInput, IndicatorFields, IndicatorInput};
use crate::domain::priority::{PriorityFields, Scope};
use crate::repo::{indicators, municipalities, plans, priorities};

const MEASUREMENTS: &str = include_str!("../../../demo-data/measurements.csv");
const TARGETS: &str = include_str!("../../../demo-data/targets.csv");

/// An indicator of the seeds: its name in the CSV files, the name users see, and where it belongs.
pub struct DemoIndicator {
    pub csv_name: &'static str,
    pub name: &'static str,
    pub priority: &'static str,
    pub source: &'static str,
    pub direction: &'static str,
}

/// The figures of one cooperation (`cooperation` as the CSV files name it).
pub struct DemoFigures {
    pub cooperation: &'static str,
    /// The document the figures come from, for the measurements' source note.
    pub document: &'static str,
    /// A cooperation-wide priority to add to the plan when missing (the seeds' overall goal).
    pub extra_priority: Option<&'static str>,
    pub indicators: &'static [DemoIndicator],
}

const OVERALL: &str = "Overkoepelende veiligheidsdoelstelling";
const ONDERMIJNING: &str = "Ondermijnende criminaliteit";
const HENNEP: &str = "Resultaten hennepaanpak Tweestromenland";

const fn ind(
    csv_name: &'static str,
    name: &'static str,
    priority: &'static str,
    source: &'static str,
    direction: &'static str,
) -> DemoIndicator {
    DemoIndicator {
        csv_name,
        name,
        priority,
        source,
        direction,
    }
}

pub const TWEESTROMENLAND: DemoFigures = DemoFigures {
    cooperation: "Tweestromenland",
    document: "IVP Tweestromenland 2023-2026, bijlage 1",
    extra_priority: None,
    indicators: &[
        ind(
            "Aangetroffen hennepkwekerijen",
            "Aangetroffen hennepkwekerijen",
            ONDERMIJNING,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Vervaardigen harddrugs (lijst I)",
            "Vervaardigen harddrugs (lijst I)",
            ONDERMIJNING,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Afval drugslab",
            "Dumpingen afval drugslab",
            ONDERMIJNING,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Witwassen",
            "Witwassen",
            ONDERMIJNING,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Aantal hennepkwekerijen",
            "Hennepkwekerijen (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
        ind(
            "Aantal verdachten",
            "Verdachten (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
        ind(
            "Bedrag Beslag",
            "Bedrag beslag (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "higher_is_better",
        ),
        ind(
            "Bedrag Wederrechtelijk verkregen vermogen",
            "Wederrechtelijk verkregen vermogen (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "higher_is_better",
        ),
        ind(
            "Aantal zaken beslag",
            "Zaken met beslag (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "higher_is_better",
        ),
        ind(
            "Hennepplanten",
            "Hennepplanten (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
        ind(
            "Moederplanten",
            "Moederplanten (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
        ind(
            "Hennepstekken",
            "Hennepstekken (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
        ind(
            "Henneptoppen",
            "Henneptoppen (hennepaanpak)",
            ONDERMIJNING,
            HENNEP,
            "keep_at_level",
        ),
    ],
};

pub const VELUWE_WEST: DemoFigures = DemoFigures {
    cooperation: "Veluwe-West",
    document: "IVP Veluwe-West 2020-2024",
    extra_priority: Some(OVERALL),
    indicators: &[
        ind(
            "totaal misdrijven",
            "Totaal misdrijven (excl. cybercrime)",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind(
            "rapportcijfer veiligheid van de buurt",
            "Rapportcijfer veiligheid van de buurt",
            OVERALL,
            "Veiligheidsmonitor",
            "higher_is_better",
        ),
        ind(
            "Totaal misdrijven",
            "Totaal misdrijven",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind("Geweld", "Geweld", OVERALL, "politie", "lower_is_better"),
        ind(
            "Woninginbraak",
            "Woninginbraak",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Diefstal uit/vanaf motorvoertuigen",
            "Diefstal uit/vanaf motorvoertuigen",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Diefstal brom-, snor-, fietsen",
            "Diefstal brom-, snor-, fietsen",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Jeugdoverlast",
            "Jeugdoverlast",
            OVERALL,
            "politie",
            "lower_is_better",
        ),
        ind(
            "Overlast personen met verward gedrag",
            "Overlast personen met verward gedrag",
            "Kwetsbare personen",
            "politie",
            "lower_is_better",
        ),
        ind(
            "Fraude met online-handel",
            "Fraude met online-handel",
            "Cybercrime/gedigitaliseerde criminaliteit",
            "politie",
            "lower_is_better",
        ),
    ],
};

fn csv_err(e: csv::Error) -> ServiceError {
    ServiceError::Internal(format!("demo CSV: {e}"))
}

/// Loads the figures once: a tenant that has indicators already is left alone. Indicators and
/// measurements go in together or not at all.
#[tracing::instrument(skip_all, fields(cooperation = figures.cooperation))]
pub fn load(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    figures: &DemoFigures,
) -> Result<bool, ServiceError> {
    conn.transaction(|conn| {
        let created = run_in_tenant(conn, &ctx.db, |tc| {
            if !indicators::all(tc)?.is_empty() {
                return Ok::<_, ServiceError>(false);
            }
            for i in figures.indicators {
                let priority = priority(tc, figures, i.priority)?;
                let fields = indicator_fields(tc, figures, i, priority)?;
                indicators::insert(tc, &fields)?;
            }
            Ok(true)
        })?;
        if created {
            let csv = measurements_csv(figures)?;
            measurement_import::import(conn, ctx, csv.as_bytes(), false)?;
        }
        Ok(created)
    })
}

/// The priority with this title, made cooperation-wide in the tenant's plan when it is the
/// cooperation's extra priority and missing.
fn priority(
    tc: &mut TenantConn<'_>,
    figures: &DemoFigures,
    title: &str,
) -> Result<Uuid, ServiceError> {
    if let Some(p) = priorities::all(tc)?.into_iter().find(|p| p.title == title) {
        return Ok(p.id);
    }
    if figures.extra_priority != Some(title) {
        return Err(ServiceError::Internal(format!(
            "demo priority {title} missing"
        )));
    }
    let plan = plans::list(
        tc,
        &plans::PlanFilter::default(),
        crate::domain::page::PageRequest::ALL,
    )?
    .items
    .into_iter()
    .next()
    .ok_or_else(|| ServiceError::Internal("demo plan missing".to_owned()))?;
    let row = priorities::insert(
        tc,
        &PriorityFields {
            plan_id: plan.id,
            parent_id: None,
            title: title.to_owned(),
            scope: Scope::Cooperation,
            opgave: String::new(),
            ambitie: String::new(),
            aanpak: String::new(),
            doelstelling: "Naast de thema-specifieke doelen een overkoepelende meetbare \
                veiligheidsdoelstelling: 'totaal aantal misdrijven' (exclusief cybercrime) en \
                'rapportcijfer veiligheid van de buurt', als algemene indicatie van de objectieve \
                en subjectieve veiligheid van de gemeenten."
                .to_owned(),
            partners: vec![],
            flankerend_beleid: String::new(),
            owner_id: None,
        },
    )?;
    Ok(row.id)
}

fn indicator_fields(
    tc: &mut TenantConn<'_>,
    figures: &DemoFigures,
    i: &DemoIndicator,
    priority_id: Uuid,
) -> Result<IndicatorFields, ServiceError> {
    let towns = municipalities::all(tc)?;
    let town = |name: &str| -> Result<Option<Uuid>, ServiceError> {
        if name.is_empty() {
            return Ok(None);
        }
        towns
            .iter()
            .find(|m| m.name == name)
            .map(|m| Some(m.id))
            .ok_or_else(|| ServiceError::Internal(format!("demo municipality {name} missing")))
    };
    // unit and police code as the measurements file gives them
    let mut unit = String::from("aantal");
    let mut code = None;
    for r in csv::Reader::from_reader(MEASUREMENTS.as_bytes()).records() {
        let r = r.map_err(csv_err)?;
        if &r[0] == figures.cooperation && &r[2] == i.csv_name {
            unit = r[4].to_owned();
            code = Some(r[3].to_owned()).filter(|c| !c.is_empty());
            break;
        }
    }
    let mut targets = Vec::new();
    for r in csv::Reader::from_reader(TARGETS.as_bytes()).records() {
        let r = r.map_err(csv_err)?;
        if &r[0] == figures.cooperation && &r[2] == i.csv_name {
            targets.push(r);
        }
    }
    let mut areas = Vec::new();
    for r in &targets {
        let number = |s: &str| {
            s.parse::<f64>()
                .map_err(|e| ServiceError::Internal(format!("demo target {s}: {e}")))
        };
        areas.push((town(&r[1])?, number(&r[5])?, number(&r[8])?));
    }
    let inputs: Vec<AreaTargetInput<'_>> = targets
        .iter()
        .zip(&areas)
        .map(|(r, (m, baseline, target))| AreaTargetInput {
            municipality_id: *m,
            baseline: Some((&r[4], *baseline)),
            target: Some((&r[6], &r[7], *target)),
        })
        .collect();
    Ok(IndicatorFields::parse(&IndicatorInput {
        priority_id,
        name: i.name,
        description: Some(&format!("Uit {}.", figures.document)),
        unit: &unit,
        source: i.source,
        direction: i.direction,
        police_code: code.as_deref(),
        areas: inputs,
    })?)
}

/// The cooperation's rows of the measurements file, with the names users see and a source note
/// that points at the seed document's line.
fn measurements_csv(figures: &DemoFigures) -> Result<String, ServiceError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "cooperation",
        "municipality",
        "indicator",
        "indicator_code",
        "unit",
        "period",
        "value",
        "source_note",
    ])
    .map_err(csv_err)?;
    for r in csv::Reader::from_reader(MEASUREMENTS.as_bytes()).records() {
        let r = r.map_err(csv_err)?;
        if &r[0] != figures.cooperation {
            continue;
        }
        let Some(i) = figures.indicators.iter().find(|i| i.csv_name == &r[2]) else {
            return Err(ServiceError::Internal(format!(
                "demo indicator {} has no definition",
                &r[2]
            )));
        };
        let note = format!("{} (brontekst regel {})", figures.document, &r[9]);
        out.write_record([&r[0], &r[1], i.name, &r[3], &r[4], &r[6], &r[7], &note])
            .map_err(csv_err)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ServiceError::Internal(e.to_string()))
}
