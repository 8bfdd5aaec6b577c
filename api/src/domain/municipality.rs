//! Municipalities (gemeenten) and districts (wijken) of a tenant: input rules.

use super::InvalidField;
use super::text::required_text;

/// Validated fields of a municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityFields {
    pub name: String,
    pub cbs_code: Option<String>,
}

/// Validated fields of a district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictFields {
    pub name: String,
    pub cbs_code: Option<String>,
}

impl MunicipalityFields {
    pub fn parse(name: &str, cbs_code: Option<&str>) -> Result<Self, InvalidField> {
        Ok(MunicipalityFields {
            name: required_text("name", name, 200)?,
            cbs_code: code("cbsCode", cbs_code, "GM", 4)?,
        })
    }
}

impl DistrictFields {
    pub fn parse(name: &str, cbs_code: Option<&str>) -> Result<Self, InvalidField> {
        Ok(DistrictFields {
            name: required_text("name", name, 200)?,
            cbs_code: code("cbsCode", cbs_code, "WK", 6)?,
        })
    }
}

/// A CBS area code: a prefix (`GM` municipality, `WK` district) and a fixed number of digits.
fn code(
    field: &str,
    s: Option<&str>,
    prefix: &str,
    digits: usize,
) -> Result<Option<String>, InvalidField> {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let s = s.to_uppercase();
    let ok = s
        .strip_prefix(prefix)
        .is_some_and(|d| d.len() == digits && d.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(Some(s))
    } else {
        Err(InvalidField::new(
            field,
            format!("moet een CBS-code zijn: {prefix} gevolgd door {digits} cijfers"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cbs_codes() {
        assert_eq!(
            MunicipalityFields::parse("Ermelo", Some("gm0233")).map(|m| m.cbs_code),
            Ok(Some("GM0233".to_owned()))
        );
        assert_eq!(
            MunicipalityFields::parse("Ermelo", Some("")).map(|m| m.cbs_code),
            Ok(None)
        );
        assert!(MunicipalityFields::parse("Ermelo", Some("GM233")).is_err());
        assert!(MunicipalityFields::parse("Ermelo", Some("WK023301")).is_err());
        assert!(DistrictFields::parse("Stadsdennen", Some("WK024302")).is_ok());
        assert!(MunicipalityFields::parse(" ", None).is_err());
    }
}
