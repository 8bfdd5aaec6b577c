//! Demo data: the three launch cooperations with their municipalities, a few districts, and a demo
//! user for every role. Loading it twice changes nothing: what exists is left alone.

mod accountability;
mod figures;
mod letter;

use diesel::{Connection, PgConnection};

use super::ServiceError;
use super::provisioning::{self, NewTenant, find_or_create_user};
use super::tenant_access::TenantContext;
use super::users::{member_snapshot, record_member_change};
use crate::authz::Grant;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::email::EmailAddress;
use crate::domain::municipality::{DistrictFields, MunicipalityFields};
use crate::domain::page::PageRequest;
use crate::domain::password::NewPassword;
use crate::domain::plan::PlanFields;
use crate::domain::priority::{PriorityFields, Scope};
use crate::domain::role::Role;
use crate::domain::slug::TenantSlug;
use crate::repo::plans::{self, PlanFilter};
use crate::repo::priorities;
use crate::repo::{districts, memberships, municipalities, tenants, users};

/// A plan from the seed documents with its priorities: (title, municipality for local ones,
/// the plan's doelstelling or "" where the seed states none per priority).
struct DemoPlan {
    title: &'static str,
    kind: &'static str,
    years: (i32, i32),
    status: &'static str,
    priorities: &'static [(&'static str, Option<&'static str>, &'static str)],
}

struct DemoTenant {
    slug: &'static str,
    name: &'static str,
    /// (name, CBS code, districts)
    municipalities: &'static [(&'static str, &'static str, &'static [&'static str])],
    /// The municipality of the scoped coordinator, `coordinator-<x>@<slug>.example`.
    scoped_coordinator: (&'static str, &'static str),
    /// Invented names for admin, coordinator, expert, bestuurder, viewer, scoped coordinator.
    people: [&'static str; 6],
    plan: DemoPlan,
    /// Indicators and measurements from the seeds' figures.
    figures: Option<&'static figures::DemoFigures>,
    /// The expert group, its review and the commitments.
    accountability: &'static accountability::DemoAccountability,
}

const TENANTS: &[DemoTenant] = &[
    DemoTenant {
        slug: "1stroom",
        name: "1Stroom (Duiven en Westervoort)",
        municipalities: &[("Duiven", "GM0226", &[]), ("Westervoort", "GM0293", &[])],
        scoped_coordinator: ("duiven", "Duiven"),
        people: [
            "Anouk de Wit",
            "Bram Hendriks",
            "Carla Mulder",
            "Daan Verbeek",
            "Eva Smits",
            "Femke Jansen",
        ],
        // Seed 000: the enforcement strategy for the public space; its priorities (§ 4.2).
        plan: DemoPlan {
            title: "Handhavingsstrategie openbare ruimte 1Stroom",
            kind: "handhavingsstrategie",
            years: (2022, 2025),
            status: "concept",
            priorities: &[
                ("Afval", None, ""),
                ("Horeca", None, ""),
                ("Jeugdproblematiek", None, ""),
                ("Ondermijning", None, ""),
                ("Parkeeroverlast", None, ""),
                ("Verontreiniging door honden", None, ""),
            ],
        },
        figures: None,
        accountability: &accountability::ONE_STROOM,
    },
    DemoTenant {
        slug: "tweestromenland",
        name: "Tweestromenland",
        municipalities: &[
            ("Berg en Dal", "GM1945", &[]),
            ("Beuningen", "GM0209", &[]),
            ("Druten", "GM0225", &[]),
            ("Heumen", "GM0252", &[]),
            ("West Maas en Waal", "GM0668", &[]),
            ("Wijchen", "GM0296", &[]),
        ],
        scoped_coordinator: ("wijchen", "Wijchen"),
        people: [
            "Gijs van Dam",
            "Hanna Kok",
            "Iris Bosman",
            "Joost Peters",
            "Karin Vos",
            "Lars Meijer",
        ],
        // Seed 001: IVP 2023-2026, its five priorities.
        plan: DemoPlan {
            title: "Integraal Veiligheidsplan Tweestromenland 2023-2026",
            kind: "ivp",
            years: (2023, 2026),
            status: "vastgesteld",
            priorities: &[
                ("Ondermijnende criminaliteit", None, ""),
                ("Digitale criminaliteit", None, ""),
                ("Zorg en veiligheid", None, ""),
                ("Verkeersveiligheid", None, ""),
                (
                    "Verbinding met de samenleving / maatschappelijke onrust",
                    None,
                    "",
                ),
            ],
        },
        figures: Some(&figures::TWEESTROMENLAND),
        accountability: &accountability::TWEESTROMENLAND,
    },
    DemoTenant {
        slug: "veluwe-west",
        name: "Veluwe-West (Ermelo, Harderwijk, Putten)",
        municipalities: &[
            ("Ermelo", "GM0233", &[]),
            (
                "Harderwijk",
                "GM0243",
                &["Binnenstad", "Stadsdennen", "Drielanden", "Hierden"],
            ),
            ("Putten", "GM0273", &[]),
        ],
        scoped_coordinator: ("ermelo", "Ermelo"),
        people: [
            "Maaike Visser",
            "Niels de Boer",
            "Olga Brouwer",
            "Pieter Dekker",
            "Rosa Timmer",
            "Sander Wolters",
        ],
        // Seed 002: IVP 2020-2024, five bovenlokale and the lokale priorities per municipality.
        plan: DemoPlan {
            title: "Integraal Veiligheidsplan Veluwe-West 2020-2024",
            kind: "ivp",
            years: (2020, 2024),
            status: "vastgesteld",
            priorities: &[
                (
                    "Kwetsbare personen",
                    None,
                    "Een zodanige infrastructuur van samenwerkende professionals en toegesneden voorzieningen in stand houden dat de veiligheid van en rond personen en gezinnen in alle gevallen van een aanvaardbaar niveau is of zo snel mogelijk weer wordt. Deze infrastructuur sluit aan op, maakt zo goed mogelijk gebruik van de mogelijkheden van de samenleving zelf.",
                ),
                (
                    "Ondermijning",
                    None,
                    "Via consequente inzet van de bestuurlijke instrumenten, in samenwerking met onze partners de speelruimte en invloed van criminele netwerken/fenomenen verder verkleinen. We zijn bestuurlijk weerbaar en ondersteunen maatschappelijke weerbaarheid.",
                ),
                (
                    "Cybercrime/gedigitaliseerde criminaliteit",
                    None,
                    "Vergroten van de beheersbaarheid van gedigitaliseerde criminaliteit door een beter zicht erop en impulsen in awareness en handelingsperspectief, vooral bij kwetsbare groepen.",
                ),
                (
                    "Informatievoorziening",
                    None,
                    "Verdere versteviging van het rendement van onze inspanningen op het veiligheidsdomein door het ‘slim richten’ daarvan op basis van adequate stuurinformatie.",
                ),
                (
                    "Veilige, vitale vakantieparken",
                    None,
                    "Via gerichte en consequente inzet van de bestuurlijke instrumenten, samen met onze handhavings- en veiligheidspartners de verdere normalisering en vitalisering van de parken ondersteunen.",
                ),
                (
                    "Overlast, geweld",
                    Some("Ermelo"),
                    "Verdere versteviging van de beheersbaarheid van het vraagstuk door slim, informatiegestuurd ‘samen optrekken’.",
                ),
                (
                    "Verkeersveiligheid",
                    Some("Ermelo"),
                    "Continueren van de integrale inzet op verkeersveiligheid en daarmee de subjectieve en objectieve verkeersveiligheid verder verbeteren.",
                ),
                (
                    "Jeugd en Veiligheid",
                    Some("Ermelo"),
                    "Samen met de partners onze verantwoordelijkheid voor veilig opgroeien mét perspectief zo goed mogelijk invullen, en daarmee problematisch gedrag – individueel en in groepsverband – verder terugdringen.",
                ),
                (
                    "Jeugd en Veiligheid",
                    Some("Harderwijk"),
                    "Samen met de partners onze verantwoordelijkheid voor veilig opgroeien mét perspectief zo goed mogelijk invullen, en daarmee problematisch gedrag – individueel en in groepsverband – verder terugdringen.",
                ),
                (
                    "Actieve veiligheidszorg rond en met het AZC",
                    Some("Harderwijk"),
                    "Via nauwe samenwerking met de partners – publiek en privaat – veiligheidsvraagstukken zo goed mogelijk voorkomen en, waar ze zich toch voordoen, beheersbaar houden door maatwerk en snelheid in de aanpak.",
                ),
                (
                    "Veilig Thuis",
                    Some("Harderwijk"),
                    "Verder terugdringen van huiselijk geweld door preventie aan de basis en – waar het zich toch voordoet – zo vroeg mogelijk signaleren en interveniëren.",
                ),
                (
                    "Veelvoorkomende vermogenscriminaliteit",
                    Some("Putten"),
                    "Door slimme inzet van preventieve en repressieve middelen, samen met burgers en veiligheidspartners, woninginbraak en andere vormen van vermogenscriminaliteit zoveel mogelijk voorkomen en op lange termijn op een aanvaardbaar niveau houden.",
                ),
                (
                    "Veilig (agrarisch) buitengebied",
                    Some("Putten"),
                    "Barrières tegen ondermijnende criminaliteit in het buitengebied van Putten opwerpen door een slim en integraal samenstel van maatregelen. Aanpak en interventies, maatschappelijke weerbaarheid en bestuurlijke weerbaarheid worden verder verstevigd.",
                ),
            ],
        },
        figures: Some(&figures::VELUWE_WEST),
        accountability: &accountability::VELUWE_WEST,
    },
];

pub const PLATFORM_ADMIN_EMAIL: &str = "platform-admin@platform.example";

/// What loading the demo data did.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub tenants_created: Vec<String>,
    pub users: Vec<String>,
    /// Tenants whose indicators and measurements were loaded now.
    pub figures_loaded: Vec<String>,
    /// Tenants whose expert group, review or commitments were loaded now.
    pub accountability_loaded: Vec<String>,
    /// Tenants whose Veiligheidsbrief over 2026 was asked for now (the worker compiles it).
    pub letters_requested: Vec<String>,
}

/// Loads the demo tenants and users; every demo user gets `password`.
#[tracing::instrument(skip_all)]
pub fn load(conn: &mut PgConnection, password: &NewPassword) -> Result<DemoReport, ServiceError> {
    let mut report = DemoReport::default();
    let (admin, _) = find_or_create_user(
        conn,
        &email(PLATFORM_ADMIN_EMAIL)?,
        "Platformbeheer",
        Some(password),
    )?;
    users::set_platform_admin(conn, admin.id, true)?;
    report.users.push(PLATFORM_ADMIN_EMAIL.to_owned());

    for t in TENANTS {
        let admin_email = email(&format!("admin@{}.example", t.slug))?;
        let tenant = match tenants::find_by_slug(conn, t.slug)? {
            Some(existing) => existing,
            None => {
                let created = provisioning::create_tenant(
                    conn,
                    &NewTenant {
                        slug: TenantSlug::parse(t.slug)?,
                        name: t.name.to_owned(),
                        admin_email: admin_email.clone(),
                        admin_name: t.people[0].to_owned(),
                        admin_password: Some(password.clone()),
                    },
                )?;
                report.tenants_created.push(t.slug.to_owned());
                created
            }
        };
        let db = tenant
            .db()
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        let scoped_id = run_in_tenant(conn, &db, |tc| {
            let mut scoped = None;
            for (name, code, district_names) in t.municipalities {
                let existing = municipalities::list(
                    tc,
                    Some(name),
                    PageRequest {
                        page: 1,
                        page_size: 100,
                    },
                )?
                .items
                .into_iter()
                .find(|m| m.name == *name);
                let m = match existing {
                    Some(m) => m,
                    None => {
                        municipalities::insert(tc, &MunicipalityFields::parse(name, Some(code))?)?
                    }
                };
                let have = districts::for_municipalities(tc, &[m.id])?;
                for d in *district_names {
                    if !have.iter().any(|h| h.name == *d) {
                        districts::insert(tc, m.id, &DistrictFields::parse(d, None)?)?;
                    }
                }
                if *name == t.scoped_coordinator.1 {
                    scoped = Some(m.id);
                }
            }
            load_plan(tc, &t.plan)?;
            Ok::<_, ServiceError>(scoped)
        })?;

        let roles = [
            ("admin", Role::TenantAdmin, None),
            ("coordinator", Role::Coordinator, None),
            ("expert", Role::Expert, None),
            ("bestuurder", Role::Bestuurder, None),
            ("viewer", Role::Viewer, None),
        ];
        let scoped_local = format!("coordinator-{}", t.scoped_coordinator.0);
        let all = roles
            .iter()
            .map(|(local, role, m)| ((*local).to_owned(), *role, *m))
            .chain(std::iter::once((
                scoped_local,
                Role::Coordinator,
                scoped_id,
            )));
        for (i, (local, role, municipality_id)) in all.enumerate() {
            let address = format!("{local}@{}.example", t.slug);
            let (user, _) =
                find_or_create_user(conn, &email(&address)?, t.people[i], Some(password))?;
            let existing = memberships::for_user_in_tenant(conn, tenant.id, user.id)?;
            if existing.is_empty() {
                conn.transaction(|conn| {
                    memberships::insert_many(
                        conn,
                        &[memberships::MembershipRow {
                            id: uuid::Uuid::new_v4(),
                            user_id: user.id,
                            tenant_id: tenant.id,
                            role: role.as_str().to_owned(),
                            municipality_id,
                            created_at: chrono::Utc::now(),
                        }],
                    )?;
                    let grant = Grant {
                        role,
                        municipality_id,
                    };
                    record_member_change(
                        conn,
                        &db,
                        user.id,
                        None,
                        Some(member_snapshot(&user, &[grant])),
                    )
                })?;
            }
            report.users.push(address);
        }
        if let Some(f) = t.figures {
            let admin = users::find_by_email(conn, admin_email.as_str())?
                .ok_or_else(|| ServiceError::Internal("demo admin missing".to_owned()))?;
            let ctx = TenantContext {
                db: db.clone(),
                tenant: tenant.clone(),
                grants: vec![Grant {
                    role: Role::TenantAdmin,
                    municipality_id: None,
                }],
                user_id: admin.id,
            };
            if figures::load(conn, &ctx, f)? {
                report.figures_loaded.push(t.slug.to_owned());
            }
        }
        let person = |conn: &mut PgConnection, role: &str| {
            users::find_by_email(conn, &format!("{role}@{}.example", t.slug))?
                .map(|u| u.id)
                .ok_or_else(|| ServiceError::Internal(format!("demo {role} missing")))
        };
        let people = accountability::DemoPeople {
            coordinator: person(conn, "coordinator")?,
            expert: person(conn, "expert")?,
            bestuurder: person(conn, "bestuurder")?,
        };
        if accountability::load(conn, &tenant, &db, &people, t.accountability)? {
            report.accountability_loaded.push(t.slug.to_owned());
        }
        if letter::load(conn, &tenant, &db, people.coordinator)? {
            report.letters_requested.push(t.slug.to_owned());
        }
    }
    Ok(report)
}

/// The plan and its priorities, unless the tenant has plans already.
fn load_plan(tc: &mut TenantConn<'_>, p: &DemoPlan) -> Result<(), ServiceError> {
    let all = PageRequest {
        page: 1,
        page_size: 100,
    };
    if plans::list(tc, &PlanFilter::default(), all)?.total > 0 {
        return Ok(());
    }
    let plan = plans::insert(
        tc,
        &PlanFields::parse(p.title, p.kind, p.years.0, p.years.1, Some(p.status), None)?,
    )?;
    let towns = municipalities::list(tc, None, all)?.items;
    for (title, town, goal) in p.priorities {
        let scope = match town {
            None => Scope::Cooperation,
            Some(name) => {
                let m = towns.iter().find(|m| m.name == *name).ok_or_else(|| {
                    ServiceError::Internal(format!("demo municipality {name} missing"))
                })?;
                Scope::Municipality(m.id)
            }
        };
        priorities::insert(
            tc,
            &PriorityFields {
                plan_id: plan.id,
                parent_id: None,
                title: (*title).to_owned(),
                scope,
                opgave: String::new(),
                ambitie: String::new(),
                aanpak: String::new(),
                doelstelling: (*goal).to_owned(),
                partners: vec![],
                flankerend_beleid: String::new(),
                owner_id: None,
            },
        )?;
    }
    Ok(())
}

fn email(s: &str) -> Result<EmailAddress, ServiceError> {
    Ok(EmailAddress::parse(s)?)
}
