//! Required free text with a length limit (names, titles).

use super::InvalidField;

/// Trims `s` and checks it is non-empty and at most `max` characters.
pub fn required_text(field: &str, s: &str, max: usize) -> Result<String, InvalidField> {
    let t = s.trim();
    if t.is_empty() {
        return Err(InvalidField::new(field, "is verplicht"));
    }
    if t.chars().count() > max {
        return Err(InvalidField::new(
            field,
            format!("mag hoogstens {max} tekens bevatten"),
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(InvalidField::new(field, "bevat ongeldige tekens"));
    }
    Ok(t.to_owned())
}

/// A search text of a list filter: trimmed, at most 200 characters, no control characters.
pub fn search_text(field: &str, s: &str) -> Result<String, InvalidField> {
    let t = s.trim();
    if t.chars().count() > 200 {
        return Err(InvalidField::new(
            field,
            "mag hoogstens 200 tekens bevatten",
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(InvalidField::new(field, "bevat ongeldige tekens"));
    }
    Ok(t.to_owned())
}

/// An optional search filter: [`search_text`] of it, and none when it is left out or blank.
pub fn search_filter(field: &str, s: Option<&str>) -> Result<Option<String>, InvalidField> {
    Ok(s.map(|s| search_text(field, s))
        .transpose()?
        .filter(|t| !t.is_empty()))
}

/// `s` when it is one of `allowed`; otherwise an error that lists them.
pub fn one_of(field: &str, s: &str, allowed: &[&str]) -> Result<String, InvalidField> {
    allowed
        .iter()
        .find(|a| **a == s)
        .map(|a| (*a).to_owned())
        .ok_or_else(|| {
            InvalidField::new(
                field,
                format!("'{s}' is onbekend; kies uit {}", allowed.join(", ")),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_limits() {
        assert_eq!(
            required_text("naam", "  Ermelo ", 10),
            Ok("Ermelo".to_owned())
        );
        assert!(required_text("naam", "   ", 10).is_err());
        assert!(required_text("naam", "abcdefghijk", 10).is_err());
        assert!(required_text("naam", "a\u{0}b", 10).is_err());
    }
}
