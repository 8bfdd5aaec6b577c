//! Indicators of a priority: input rules for the indicator and its baseline and target per area.

use uuid::Uuid;

use super::InvalidField;
use super::period::Period;
use super::priority::long_text;
use super::progress::{Baseline, Comparator, Direction, Target};
use super::text::required_text;

pub const DIRECTIONS: [&str; 3] = ["lower_is_better", "higher_is_better", "keep_at_level"];

impl Direction {
    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        match s {
            "lower_is_better" => Ok(Direction::LowerIsBetter),
            "higher_is_better" => Ok(Direction::HigherIsBetter),
            "keep_at_level" => Ok(Direction::KeepAtLevel),
            other => Err(InvalidField::new(
                "direction",
                format!("'{other}' is onbekend; kies uit {}", DIRECTIONS.join(", ")),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::LowerIsBetter => "lower_is_better",
            Direction::HigherIsBetter => "higher_is_better",
            Direction::KeepAtLevel => "keep_at_level",
        }
    }
}

impl Comparator {
    /// `<=`, `>=` or `=`; the signs `≤` and `≥` are accepted too.
    pub fn parse(field: &str, s: &str) -> Result<Self, InvalidField> {
        match s.trim() {
            "<=" | "≤" => Ok(Comparator::AtMost),
            ">=" | "≥" => Ok(Comparator::AtLeast),
            "=" => Ok(Comparator::Equal),
            other => Err(InvalidField::new(
                field,
                format!("'{other}' is geen vergelijking; kies uit <=, >=, ="),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtMost => "<=",
            Comparator::AtLeast => ">=",
            Comparator::Equal => "=",
        }
    }
}

/// A figure as entered: finite and of a sane size.
pub fn value(field: &str, v: f64) -> Result<f64, InvalidField> {
    if !v.is_finite() || v.abs() > 1e15 {
        return Err(InvalidField::new(
            field,
            "moet een getal zijn tussen -10^15 en 10^15",
        ));
    }
    Ok(v)
}

/// Baseline and target of an indicator for one area (`None`: the whole cooperation).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaTarget {
    pub municipality_id: Option<Uuid>,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
}

/// An area's baseline and target as they arrive, before the rules are applied.
#[derive(Debug, Clone, Default)]
pub struct AreaTargetInput<'a> {
    pub municipality_id: Option<Uuid>,
    pub baseline: Option<(&'a str, f64)>,
    /// (period, comparator, value)
    pub target: Option<(&'a str, &'a str, f64)>,
}

impl AreaTarget {
    /// `index` places errors in the request (`areas[2].target.period`).
    pub fn parse(
        index: usize,
        direction: Direction,
        input: &AreaTargetInput<'_>,
    ) -> Result<Self, InvalidField> {
        let field = |f: &str| format!("areas[{index}].{f}");
        let baseline = input
            .baseline
            .map(|(period, v)| {
                Ok::<_, InvalidField>(Baseline {
                    period: Period::parse(&field("baseline.period"), period)?,
                    value: value(&field("baseline.value"), v)?,
                })
            })
            .transpose()?;
        let target = input
            .target
            .map(|(period, comparator, v)| {
                Ok::<_, InvalidField>(Target {
                    period: Period::parse(&field("target.period"), period)?,
                    comparator: Comparator::parse(&field("target.comparator"), comparator)?,
                    value: value(&field("target.value"), v)?,
                })
            })
            .transpose()?;
        if baseline.is_none() && target.is_none() {
            return Err(InvalidField::in_context(
                field("baseline"),
                "geef een uitgangswaarde, een streefwaarde of beide",
            ));
        }
        if let Some(t) = target {
            let contradicts = matches!(
                (direction, t.comparator),
                (Direction::LowerIsBetter, Comparator::AtLeast)
                    | (Direction::HigherIsBetter, Comparator::AtMost)
            );
            if contradicts {
                return Err(InvalidField::in_context(
                    field("target.comparator"),
                    format!(
                        "'{}' past niet bij de richting {} van de indicator",
                        t.comparator.as_str(),
                        direction.as_str()
                    ),
                ));
            }
            if let Some(b) = baseline
                && b.period.end() >= t.period.end()
            {
                return Err(InvalidField::in_context(
                    field("target.period"),
                    format!(
                        "de streefwaarde ({}) moet na de uitgangswaarde ({}) liggen",
                        t.period, b.period
                    ),
                ));
            }
        }
        Ok(AreaTarget {
            municipality_id: input.municipality_id,
            baseline,
            target,
        })
    }
}

/// Whether figures for `area` (`None`: the whole cooperation) belong to a priority of
/// `priority_municipality` (`None`: cooperation-wide). A cooperation-wide priority is measured in
/// every municipality and for the whole cooperation; a local one only in its own municipality.
pub fn area_fits(
    priority_municipality: Option<Uuid>,
    area: Option<Uuid>,
) -> Result<(), &'static str> {
    match (priority_municipality, area) {
        (None, _) => Ok(()),
        (Some(own), Some(m)) if own == m => Ok(()),
        (Some(_), Some(_)) => {
            Err("een lokale prioriteit wordt alleen in haar eigen gemeente gemeten")
        }
        (Some(_), None) => Err(
            "een lokale prioriteit wordt alleen in haar eigen gemeente gemeten, niet voor het hele samenwerkingsverband",
        ),
    }
}

/// Validated fields of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorFields {
    pub priority_id: Uuid,
    pub name: String,
    pub description: String,
    pub unit: String,
    pub source: String,
    pub direction: Direction,
    pub police_code: Option<String>,
    pub areas: Vec<AreaTarget>,
}

/// An indicator as it arrives, before the rules are applied.
#[derive(Debug, Clone)]
pub struct IndicatorInput<'a> {
    pub priority_id: Uuid,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub unit: &'a str,
    pub source: &'a str,
    pub direction: &'a str,
    pub police_code: Option<&'a str>,
    pub areas: Vec<AreaTargetInput<'a>>,
}

/// The police's code of an indicator (`F44`, `M0111`): letters and digits, at most 20, stored in
/// capitals; empty for none.
pub fn parse_police_code(s: &str) -> Result<Option<String>, InvalidField> {
    let c = s.trim();
    if c.is_empty() {
        return Ok(None);
    }
    if c.len() <= 20 && c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(Some(c.to_ascii_uppercase()))
    } else {
        Err(InvalidField::new(
            "policeCode",
            format!("'{c}' is geen politiecode (zoals F44 of M0111)"),
        ))
    }
}

impl IndicatorFields {
    pub fn parse(input: &IndicatorInput<'_>) -> Result<Self, InvalidField> {
        let direction = Direction::parse(input.direction)?;
        let police_code = match input.police_code {
            Some(c) => parse_police_code(c)?,
            None => None,
        };
        let mut areas: Vec<AreaTarget> = Vec::with_capacity(input.areas.len());
        for (i, a) in input.areas.iter().enumerate() {
            let area = AreaTarget::parse(i, direction, a)?;
            if areas
                .iter()
                .any(|o| o.municipality_id == area.municipality_id)
            {
                return Err(InvalidField::in_context(
                    format!("areas[{i}].municipalityId"),
                    "dit gebied staat er al in; geef per gebied één uitgangs- en streefwaarde",
                ));
            }
            areas.push(area);
        }
        Ok(IndicatorFields {
            priority_id: input.priority_id,
            name: required_text("name", input.name, 200)?,
            description: long_text("description", input.description)?,
            unit: required_text("unit", &input.unit.to_lowercase(), 50)?,
            source: required_text("source", input.source, 200)?,
            direction,
            police_code,
            areas,
        })
    }
}

/// Filters of the indicator list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct IndicatorFilter {
    pub priority_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    /// Only indicators whose name contains this text (case-insensitive).
    pub name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(direction: &'a str, areas: Vec<AreaTargetInput<'a>>) -> IndicatorInput<'a> {
        IndicatorInput {
            priority_id: Uuid::nil(),
            name: " Totaal misdrijven ",
            description: None,
            unit: "Aantal",
            source: "politie",
            direction,
            police_code: Some("f44"),
            areas,
        }
    }

    fn ermelo(target: (&'static str, &'static str, f64)) -> AreaTargetInput<'static> {
        AreaTargetInput {
            municipality_id: Some(Uuid::nil()),
            baseline: Some(("2019", 930.0)),
            target: Some(target),
        }
    }

    #[test]
    fn a_valid_indicator_is_normalised() {
        let f = IndicatorFields::parse(&input(
            "lower_is_better",
            vec![ermelo(("2024", "≤", 800.0))],
        ))
        .expect("valid");
        assert_eq!(f.name, "Totaal misdrijven");
        assert_eq!(f.unit, "aantal");
        assert_eq!(f.police_code.as_deref(), Some("F44"));
        assert_eq!(
            f.areas[0].target.map(|t| t.comparator),
            Some(Comparator::AtMost)
        );
    }

    #[test]
    fn refusals_name_the_field() {
        let cases: Vec<(IndicatorInput<'_>, &str)> = vec![
            (input("lager", vec![]), "direction"),
            (
                input("lower_is_better", vec![ermelo(("2024", ">=", 800.0))]),
                "areas[0].target.comparator",
            ),
            (
                input("lower_is_better", vec![ermelo(("2018", "<=", 800.0))]),
                "areas[0].target.period",
            ),
            (
                input("lower_is_better", vec![ermelo(("2024", "<", 800.0))]),
                "areas[0].target.comparator",
            ),
            (
                input("lower_is_better", vec![ermelo(("2024", "<=", f64::NAN))]),
                "areas[0].target.value",
            ),
            (
                input(
                    "lower_is_better",
                    vec![ermelo(("2024", "<=", 800.0)), ermelo(("2024", "<=", 700.0))],
                ),
                "areas[1].municipalityId",
            ),
            (
                input(
                    "keep_at_level",
                    vec![AreaTargetInput {
                        municipality_id: None,
                        baseline: None,
                        target: None,
                    }],
                ),
                "areas[0].baseline",
            ),
        ];
        for (i, field) in cases {
            assert_eq!(
                IndicatorFields::parse(&i).map_err(|e| e.field),
                Err(field.to_owned())
            );
        }
        let (ermelo, putten) = (Some(Uuid::new_v4()), Some(Uuid::new_v4()));
        assert!(area_fits(None, None).is_ok());
        assert!(area_fits(None, ermelo).is_ok());
        assert!(area_fits(ermelo, ermelo).is_ok());
        assert!(area_fits(ermelo, putten).is_err());
        assert!(area_fits(ermelo, None).is_err());
        let mut bad_code = input("keep_at_level", vec![]);
        bad_code.police_code = Some("F 44");
        assert_eq!(
            IndicatorFields::parse(&bad_code).map_err(|e| e.field),
            Err("policeCode".to_owned())
        );
    }
}
