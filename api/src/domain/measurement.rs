//! Measurements (metingen): an indicator's value for one area in one period.

use uuid::Uuid;

use super::InvalidField;
use super::indicator::value;
use super::period::Period;

/// Validated fields of a measurement. `municipality_id` `None` is the whole cooperation.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementFields {
    pub municipality_id: Option<Uuid>,
    pub period: Period,
    pub value: f64,
    pub source_note: String,
}

impl MeasurementFields {
    pub fn parse(
        municipality_id: Option<Uuid>,
        period: &str,
        v: f64,
        source_note: Option<&str>,
    ) -> Result<Self, InvalidField> {
        Ok(MeasurementFields {
            municipality_id,
            period: Period::parse("period", period)?,
            value: value("value", v)?,
            source_note: source_note_text(source_note)?,
        })
    }
}

/// Where a figure came from, e.g. "politie, BVH-export 12 januari": optional, one line.
pub fn source_note_text(s: Option<&str>) -> Result<String, InvalidField> {
    let s = s.unwrap_or("").trim();
    if s.chars().count() > 500 {
        return Err(InvalidField::new(
            "sourceNote",
            "mag hoogstens 500 tekens bevatten",
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(InvalidField::new("sourceNote", "bevat ongeldige tekens"));
    }
    Ok(s.to_owned())
}

/// What entering a measurement did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Created,
    /// The previous value went to the history.
    Updated,
    /// The same value and note were there already; nothing changed.
    Unchanged,
}

/// Which areas a list covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AreaFilter {
    #[default]
    All,
    /// `None`: only the figures of the whole cooperation.
    Only(Option<Uuid>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let m = MeasurementFields::parse(None, "2026-h1", 12.5, Some(" politie ")).expect("valid");
        assert_eq!(m.period.to_string(), "2026-H1");
        assert_eq!(m.source_note, "politie");
        assert_eq!(
            MeasurementFields::parse(None, "2026-Q1", 1.0, None).map_err(|e| e.field),
            Err("period".to_owned())
        );
        assert_eq!(
            MeasurementFields::parse(None, "2026", f64::INFINITY, None).map_err(|e| e.field),
            Err("value".to_owned())
        );
        assert_eq!(
            MeasurementFields::parse(None, "2026", 1.0, Some("a\nb")).map_err(|e| e.field),
            Err("sourceNote".to_owned())
        );
    }
}
