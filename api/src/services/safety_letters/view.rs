//! A version of the Veiligheidsbrief as its readers see it: with its plan's title, the names of
//! the people it mentions and of the municipalities it is for.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Towns;
use crate::domain::safety_letter::{ADOPTED, CONCEPT};
use crate::repo::safety_letters::LetterWithPlan;
use crate::services::user_names::UserNames;

/// Someone, by id and display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyLetterView {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub plan_title: String,
    pub period: String,
    pub version: i32,
    /// For all of the cooperation's municipalities (`municipalities` then lists them all).
    pub all_municipalities: bool,
    /// By id and name, in alphabetical order.
    pub municipalities: Vec<(Uuid, String)>,
    /// `wordt_samengesteld`, `concept`, `vastgesteld` or `mislukt`.
    pub status: String,
    pub failure_reason: Option<String>,
    pub automatic: bool,
    pub requested_by: Option<Person>,
    pub requested_at: DateTime<Utc>,
    pub compiled_at: Option<DateTime<Utc>>,
    pub adopted_by: Option<Person>,
    pub adopted_at: Option<DateTime<Utc>>,
    /// Size of the Word file in bytes, once compiled.
    pub document_size: Option<i32>,
}

impl SafetyLetterView {
    pub(super) fn new(l: LetterWithPlan, names: &UserNames, towns: &Towns) -> Self {
        let r = l.row;
        let person = |id: Uuid| Person {
            id,
            name: names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| "onbekende gebruiker".to_owned()),
        };
        let all = r.municipality_ids.is_empty();
        let mut municipalities: Vec<(Uuid, String)> = towns
            .iter()
            .filter(|(id, _)| all || r.municipality_ids.contains(id))
            .cloned()
            .collect();
        municipalities.sort_by(|a, b| a.1.cmp(&b.1));
        SafetyLetterView {
            id: r.id,
            plan_id: r.plan_id,
            plan_title: l.plan_title,
            period: r.period,
            version: r.version,
            all_municipalities: all,
            municipalities,
            status: r.status,
            failure_reason: r.failure_reason,
            automatic: r.automatic,
            requested_by: r.requested_by.map(person),
            requested_at: r.requested_at,
            compiled_at: r.compiled_at,
            adopted_by: r.adopted_by.map(person),
            adopted_at: r.adopted_at,
            document_size: l.docx_bytes,
        }
    }

    /// Whether it has a document (a concept or the adopted version).
    pub fn is_compiled(&self) -> bool {
        self.status == CONCEPT || self.status == ADOPTED
    }
}
