//! Integers in JSON bodies as JSON Schema counts them: `2.0` is the integer 2 (the API description
//! says `type: integer`, which allows it), `2.5` is not an integer. serde alone refuses `2.0`.
//!
//! Use with `#[serde(deserialize_with = "whole_number::exact")]`, or `whole_number::optional`
//! with `#[serde(default)]` for an `Option`.

use serde::Deserialize;
use serde::de::{Deserializer, Error, Unexpected};

/// The number as an integer of type `T`; an error in serde's words (which `parse_errors` puts
/// in Dutch) for a fraction, text or a number out of `T`'s range.
pub fn exact<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64>,
{
    let n = serde_json::Number::deserialize(d)?;
    let whole = match (n.as_i64(), n.as_f64()) {
        (Some(i), _) => i,
        (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
        (None, Some(f)) => {
            return Err(D::Error::invalid_type(Unexpected::Float(f), &"i64"));
        }
        (None, None) => return Err(D::Error::custom("number too large")),
    };
    T::try_from(whole).map_err(|_| D::Error::custom("number too large"))
}

/// [`exact`] for an optional field: absent or `null` is `None`.
pub fn optional<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64>,
{
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "exact")] i64);
    match Option::<Wrapped>::deserialize(d)? {
        Some(Wrapped(i)) => T::try_from(i)
            .map(Some)
            .map_err(|_| D::Error::custom("number too large")),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Body {
        #[serde(deserialize_with = "super::exact")]
        year: i32,
        #[serde(default, deserialize_with = "super::optional")]
        days: Option<i32>,
    }

    fn read(json: &str) -> Result<Body, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_in_either_spelling() {
        let b = read(r#"{"year": 2026.0, "days": 3}"#).expect("read");
        assert_eq!((b.year, b.days), (2026, Some(3)));
        assert_eq!(read(r#"{"year": 2026}"#).expect("read").days, None);
        assert_eq!(
            read(r#"{"year": 2026, "days": null}"#).expect("read").days,
            None
        );
    }

    #[test]
    fn fractions_text_and_overflow_are_refused() {
        assert!(
            read(r#"{"year": 2026.5}"#)
                .expect_err("refused")
                .contains("invalid type: floating point")
        );
        assert!(read(r#"{"year": "2026"}"#).is_err());
        assert!(
            read(r#"{"year": 3000000000}"#)
                .expect_err("refused")
                .contains("number too large")
        );
    }
}
