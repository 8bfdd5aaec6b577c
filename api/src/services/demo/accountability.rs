//! The accountability loops as demo data: per cooperation an expert group with its review of
//! 2026-H1, submitted, and commitments to the councils — among them 26bb000713 of seed 004,
//! discharged by a council letter. Entered through the services, as the demo people, so that the
//! rules and the audit trail apply as they would for users. Loading twice changes nothing.

use chrono::NaiveDate;
use diesel::PgConnection;
use uuid::Uuid;

use super::super::ServiceError;
use super::super::tenant_access::TenantContext;
use super::super::{commitments, expert_groups, reviews};
use crate::authz::Grant;
use crate::db::{TenantDb, run_in_tenant};
use crate::domain::commitment::{CommitmentFields, CommitmentInput};
use crate::domain::expert_group::{ExpertGroupFields, Member};
use crate::domain::page::PageRequest;
use crate::domain::review::{CourseCorrection, ReviewContent, ReviewItem};
use crate::domain::role::Role;
use crate::repo::commitments::CommitmentFilter;
use crate::repo::expert_groups::ExpertGroupFilter;
use crate::repo::tenants::TenantRow;
use crate::repo::{municipalities, priorities};
use crate::services::reviews::ReviewInput;

/// One priority's assessment in the demo review.
pub struct DemoItem {
    pub priority: &'static str,
    pub status: &'static str,
    pub progress: &'static str,
    pub activities: &'static str,
    pub risks: &'static str,
    /// (description, owner, follow-up date)
    pub corrections: &'static [(&'static str, &'static str, &'static str)],
}

/// A commitment of the demo; dates as `YYYY-MM-DD`.
pub struct DemoCommitment {
    pub reference: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub municipality: &'static str,
    pub made_on: &'static str,
    pub meeting: &'static str,
    pub requested_by: &'static str,
    pub party: &'static str,
    pub due_on: Option<&'static str>,
    pub status: &'static str,
    /// (closed on, letter reference, letter title) for a discharged one.
    pub closing: Option<(&'static str, &'static str, &'static str)>,
    pub priorities: &'static [&'static str],
}

pub struct DemoAccountability {
    pub group: &'static str,
    pub group_description: &'static str,
    pub themes: &'static [&'static str],
    /// (name, organisation, email) of members without an account.
    pub externals: &'static [(&'static str, &'static str, &'static str)],
    pub review_summary: &'static str,
    pub items: &'static [DemoItem],
    pub commitments: &'static [DemoCommitment],
}

/// The demo users of a cooperation that act here.
pub struct DemoPeople {
    pub coordinator: Uuid,
    pub expert: Uuid,
    pub bestuurder: Uuid,
}

fn ctx(tenant: &TenantRow, db: &TenantDb, user: Uuid, role: Role) -> TenantContext {
    TenantContext {
        tenant: tenant.clone(),
        db: db.clone().acting_as(user),
        grants: vec![Grant {
            role,
            municipality_id: None,
        }],
        user_id: user,
    }
}

fn date(s: &str) -> Result<NaiveDate, ServiceError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| ServiceError::Internal(format!("demo date {s}: {e}")))
}

/// Loads what is missing; answers whether anything was.
pub fn load(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    db: &TenantDb,
    people: &DemoPeople,
    demo: &DemoAccountability,
) -> Result<bool, ServiceError> {
    let coordinator = ctx(tenant, db, people.coordinator, Role::Coordinator);
    let expert = ctx(tenant, db, people.expert, Role::Expert);
    let (prios, towns) = run_in_tenant(conn, db, |tc| {
        Ok::<_, ServiceError>((priorities::all(tc)?, municipalities::all(tc)?))
    })?;
    let priority = |title: &str| {
        prios
            .iter()
            .find(|p| p.title == title)
            .map(|p| p.id)
            .ok_or_else(|| ServiceError::Internal(format!("demo priority {title} missing")))
    };
    let mut loaded = false;

    let (groups, _) = expert_groups::list(
        conn,
        &coordinator,
        &ExpertGroupFilter::default(),
        PageRequest::ALL,
    )?;
    if !groups.items.iter().any(|g| g.group.name == demo.group) {
        let theme = demo
            .themes
            .iter()
            .map(|t| priority(t))
            .collect::<Result<Vec<_>, _>>()?;
        let mut members = vec![Member::User {
            user_id: people.expert,
            organisation: "Gemeente".to_owned(),
        }];
        for (name, organisation, email) in demo.externals {
            members.push(Member::parse(
                None,
                Some(name),
                Some(organisation),
                Some(email),
            )?);
        }
        let fields = ExpertGroupFields::parse(
            demo.group,
            Some(demo.group_description),
            &theme,
            Some(people.coordinator),
            members,
            None,
            None,
            Some("2026-H1"),
        )?;
        let (group, _) = expert_groups::create(conn, &coordinator, &fields)?;
        let items = demo
            .items
            .iter()
            .map(|i| {
                let corrections = i
                    .corrections
                    .iter()
                    .map(|(d, owner, on)| {
                        Ok(CourseCorrection::parse(d, owner, None, Some(date(on)?))?)
                    })
                    .collect::<Result<Vec<_>, ServiceError>>()?;
                Ok(ReviewItem::parse(
                    priority(i.priority)?,
                    Some(i.status),
                    Some(i.progress),
                    Some(i.activities),
                    Some(i.risks),
                    corrections,
                )?)
            })
            .collect::<Result<Vec<_>, ServiceError>>()?;
        let input = ReviewInput {
            content: ReviewContent::parse(Some(demo.review_summary), items)?,
            measurements: vec![],
        };
        let (review, _) = reviews::create(conn, &expert, group.group.id, "2026-H1", &input)?;
        reviews::submit(conn, &expert, group.group.id, review.review.id)?;
        loaded = true;
    }

    for c in demo.commitments {
        let existing = commitments::list(
            conn,
            &coordinator,
            &CommitmentFilter {
                text: Some(c.reference.to_owned()),
                ..CommitmentFilter::all()
            },
            PageRequest::ALL,
        )?
        .0;
        if existing
            .items
            .iter()
            .any(|v| v.row.reference == c.reference)
        {
            continue;
        }
        let town = towns
            .iter()
            .find(|m| m.name == c.municipality)
            .ok_or_else(|| {
                ServiceError::Internal(format!("demo municipality {} missing", c.municipality))
            })?;
        let priority_ids = c
            .priorities
            .iter()
            .map(|t| priority(t))
            .collect::<Result<Vec<_>, _>>()?;
        let fields = CommitmentFields::parse(&CommitmentInput {
            reference: c.reference,
            title: c.title,
            description: Some(c.description),
            municipality_id: Some(town.id),
            made_on: Some(date(c.made_on)?),
            meeting: Some(c.meeting),
            made_by_id: Some(people.bestuurder),
            requested_by: Some(c.requested_by),
            requested_by_party: Some(c.party),
            responsible_officer_id: Some(people.coordinator),
            due_on: c.due_on.map(date).transpose()?,
            priority_ids: &priority_ids,
            status: Some(c.status),
            closed_on: c.closing.map(|(on, _, _)| date(on)).transpose()?,
            closing_letter_reference: c.closing.map(|(_, r, _)| r),
            closing_letter_title: c.closing.map(|(_, _, t)| t),
            lapse_reason: None,
        })?;
        commitments::create(conn, &coordinator, &fields)?;
        loaded = true;
    }
    Ok(loaded)
}

pub const VELUWE_WEST: DemoAccountability = DemoAccountability {
    group: "Expertgroep Ondermijning",
    group_description: "Bewaakt de uitvoering van de bovenlokale prioriteit Ondermijning en stuurt bij (naar het voorbeeld van de expertgroepen in seed 003).",
    themes: &["Ondermijning"],
    externals: &[
        (
            "Erik Jansen",
            "Politie Noord- en Oost-Gelderland",
            "e.jansen@politie.example",
        ),
        (
            "Fatima El Amrani",
            "RIEC Oost-Nederland",
            "f.elamrani@riec.example",
        ),
        (
            "Gerard Hofman",
            "Openbaar Ministerie",
            "g.hofman@om.example",
        ),
    ],
    review_summary: "Halfjaarlijkse evaluatie, besproken in de expertgroep van 16 juni 2026.",
    items: &[DemoItem {
        priority: "Ondermijning",
        status: "aandacht_nodig",
        progress: "De integrale controles op bedrijventerreinen en vakantieparken lopen volgens plan; het aantal signalen bij het RIEC neemt toe, maar de opvolging vraagt meer capaciteit dan voorzien.",
        activities: "Integrale controles met politie en RIEC; bestuurlijke weerbaarheidsscan voor de drie gemeenten; voorlichting aan ondernemers.",
        risks: "Beperkte capaciteit bij politie en handhaving in de zomerperiode.",
        corrections: &[
            (
                "Extra integrale controle op vakantieparken in het najaar",
                "Teamchef politie Noord-Veluwe",
                "2026-10-31",
            ),
            (
                "Signalen uit de weerbaarheidsscan bespreken in het driehoeksoverleg",
                "Coördinator integrale veiligheid",
                "2026-09-15",
            ),
        ],
    }],
    commitments: &[
        DemoCommitment {
            reference: "26bb000713",
            title: "Effect van wijkgericht handhaven inzichtelijk maken",
            description: "Toegezegd in de commissievergadering van 22 januari 2026, bij de bespreking van de Prioriteringsagenda handhaving, naar aanleiding van vragen van het lid Vonk (ChristenUnie): de commissie schriftelijk informeren over de mogelijkheden om het effect van wijkgericht handhaven inzichtelijk te maken.",
            municipality: "Harderwijk",
            made_on: "2026-01-22",
            meeting: "Commissievergadering (Prioriteringsagenda handhaving)",
            requested_by: "Vonk",
            party: "ChristenUnie",
            due_on: Some("2026-04-30"),
            status: "afgedaan",
            closing: Some((
                "2026-03-17",
                "RIB 2026-014",
                "Raadsinformatiebrief: het effect van wijkgericht handhaven inzichtelijk maken",
            )),
            priorities: &["Ondermijning"],
        },
        DemoCommitment {
            reference: "VW-2026-031",
            title: "Voortgang aanpak vakantieparken rapporteren",
            description: "De raad ontvangt een tussenrapportage over de aanpak van vakantieparken.",
            municipality: "Putten",
            made_on: "2026-05-12",
            meeting: "Raadsvergadering",
            requested_by: "De Jong",
            party: "VVD",
            due_on: Some("2026-10-01"),
            status: "in_behandeling",
            closing: None,
            priorities: &["Veilige, vitale vakantieparken"],
        },
        DemoCommitment {
            reference: "VW-2026-044",
            title: "Cijfers verward gedrag per gemeente delen",
            description: "De commissie ontvangt de meldingen verward gedrag per gemeente over 2026.",
            municipality: "Ermelo",
            made_on: "2026-09-08",
            meeting: "Commissie Bestuur en Veiligheid",
            requested_by: "Bakker",
            party: "CDA",
            due_on: Some("2027-02-01"),
            status: "open",
            closing: None,
            priorities: &["Kwetsbare personen"],
        },
    ],
};

pub const TWEESTROMENLAND: DemoAccountability = DemoAccountability {
    group: "Expertgroep Ondermijnende criminaliteit",
    group_description: "Volgt de hennepaanpak en de aanpak van ondermijning in de zes gemeenten.",
    themes: &["Ondermijnende criminaliteit"],
    externals: &[
        (
            "Hans de Graaf",
            "Politie Oost-Nederland",
            "h.degraaf@politie.example",
        ),
        (
            "Ingrid Smeets",
            "Woningcorporatie Talis",
            "i.smeets@talis.example",
        ),
    ],
    review_summary: "Evaluatie eerste halfjaar 2026.",
    items: &[DemoItem {
        priority: "Ondermijnende criminaliteit",
        status: "op_koers",
        progress: "De hennepaanpak levert resultaat op: meer ontmantelde kwekerijen en meer bestuurlijke sluitingen dan vorig jaar.",
        activities: "Gezamenlijke acties met de woningcorporatie; bestuurlijke sluitingen op grond van artikel 13b Opiumwet.",
        risks: "Verplaatsing naar het buitengebied.",
        corrections: &[(
            "Signalen uit het buitengebied samen met de agrarische sector verzamelen",
            "Projectleider ondermijning",
            "2026-11-30",
        )],
    }],
    commitments: &[DemoCommitment {
        reference: "TS-2026-007",
        title: "Resultaten hennepaanpak aan de raad melden",
        description: "Jaarlijks de resultaten van de hennepaanpak delen met de raad.",
        municipality: "Wijchen",
        made_on: "2026-02-10",
        meeting: "Commissie Algemene Zaken",
        requested_by: "Peters",
        party: "GroenLinks",
        due_on: Some("2027-03-01"),
        status: "open",
        closing: None,
        priorities: &["Ondermijnende criminaliteit"],
    }],
};

pub const ONE_STROOM: DemoAccountability = DemoAccountability {
    group: "Expertgroep Jeugd en horeca",
    group_description: "Bespreekt de handhaving rond jeugdproblematiek en horeca in Duiven en Westervoort.",
    themes: &["Jeugdproblematiek", "Horeca"],
    externals: &[
        ("Jeroen Vos", "Jongerenwerk", "j.vos@jongerenwerk.example"),
        (
            "Karin Bos",
            "Politie Oost-Nederland",
            "k.bos@politie.example",
        ),
    ],
    review_summary: "Evaluatie eerste halfjaar 2026.",
    items: &[
        DemoItem {
            priority: "Horeca",
            status: "op_koers",
            progress: "De horecacontroles zijn uitgevoerd zoals gepland; weinig overtredingen.",
            activities: "Gezamenlijke controles met de politie in het uitgaansgebied.",
            risks: "",
            corrections: &[],
        },
        DemoItem {
            priority: "Jeugdproblematiek",
            status: "niet_op_koers",
            progress: "Meer meldingen van overlast door jongeren rond het winkelcentrum in Westervoort.",
            activities: "Inzet van jongerenwerk en boa's op vaste avonden.",
            risks: "Jongeren verplaatsen zich naar andere plekken.",
            corrections: &[(
                "Gebiedsverbod onderzoeken voor de vaste kern",
                "Teamleider handhaving",
                "2026-09-01",
            )],
        },
    ],
    commitments: &[DemoCommitment {
        reference: "1S-2026-003",
        title: "Evaluatie cameratoezicht winkelcentrum",
        description: "De raad ontvangt een evaluatie van het tijdelijke cameratoezicht.",
        municipality: "Westervoort",
        made_on: "2026-03-05",
        meeting: "Raadsvergadering",
        requested_by: "Van der Linden",
        party: "D66",
        due_on: Some("2026-09-30"),
        status: "open",
        closing: None,
        priorities: &["Jeugdproblematiek"],
    }],
};
