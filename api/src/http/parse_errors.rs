//! Dutch for the (English) messages of serde's parsers: JSON bodies, query strings and path
//! parameters. A user of the API reads which field is wrong and why, in Dutch, with the field
//! named as the API names it (`areas[1].target.value`), and never an English fragment.

/// A refused value: the field when known, and the reason in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub field: Option<String>,
    pub reason: String,
}

/// Reads serde's `message`. `path` is where the parser was (`areas[1]`, `.` or empty for the
/// top), when known; a field the message itself names (missing, unknown) is added to it.
pub fn dutch(path: Option<&str>, message: &str) -> ParseError {
    let message = message
        .trim_start_matches("Query deserialize error: ")
        .trim_start_matches("Path deserialize error: ");
    // serde_json adds where it was: " at line 1 column 21".
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let path = path.filter(|p| !p.is_empty() && *p != ".");
    let within = |name: String| match path {
        Some(p) if p == name || p.ends_with(&format!(".{name}")) => p.to_owned(),
        Some(p) => format!("{p}.{name}"),
        None => name,
    };
    let field = |name: Option<String>| name.map(within).or_else(|| path.map(str::to_owned));

    if let Some(rest) = message.strip_prefix("missing field ") {
        return ParseError {
            field: field(first_quoted(rest)),
            reason: "ontbreekt; dit veld is verplicht".to_owned(),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let known = rest.split_once(", expected ").map(|(_, e)| names(e));
        return ParseError {
            field: field(first_quoted(rest)),
            reason: match known {
                Some(k) if !k.is_empty() => format!("is onbekend; toegestaan zijn: {k}"),
                _ => "is onbekend; hier horen geen velden".to_owned(),
            },
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return ParseError {
            field: field(first_quoted(rest)),
            reason: "staat er twee keer in".to_owned(),
        };
    }
    let field = field(None);
    let reason = reason(message);
    // Without a field to put it after, the reason needs a subject of its own.
    let reason = match &field {
        Some(_) => reason,
        None if reason == FALLBACK => "de waarde past hier niet".to_owned(),
        None if ["moet ", "is ", "heeft "]
            .iter()
            .any(|v| reason.starts_with(v)) =>
        {
            format!("de waarde {reason}")
        }
        None => reason,
    };
    ParseError { field, reason }
}

const FALLBACK: &str = "heeft een waarde die hier niet past";

fn reason(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = first_quoted(rest).unwrap_or_default();
        let allowed = rest
            .split_once(", expected ")
            .map(|(_, e)| names(e))
            .unwrap_or_default();
        return format!("'{value}' is geen toegestane waarde; kies uit: {allowed}");
    }
    if message.contains("provided string was not `true` or `false`") {
        return "moet true of false zijn".to_owned();
    }
    if message.contains("UUID") {
        return "is geen geldige id (UUID)".to_owned();
    }
    if message.contains("invalid digit")
        || message.contains("number too large")
        || message.contains("number too small")
    {
        return "moet een geheel getal zijn".to_owned();
    }
    if message.contains("float") && !message.starts_with("invalid type") {
        return "moet een getal zijn".to_owned();
    }
    if [
        "trailing input",
        "premature end of input",
        "input contains invalid characters",
        "input is out of range",
        "input is not enough",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        return "is geen geldige datum; schrijf JJJJ-MM-DD (een tijdstip als 2026-11-23T09:00:00Z)"
            .to_owned();
    }
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "moet {} zijn, niet {}",
            expected_kind(expected),
            got_kind(got)
        );
    }
    if message.starts_with("invalid length") {
        return "heeft niet het goede aantal waarden".to_owned();
    }
    FALLBACK.to_owned()
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`" → "a, b, c".
fn names(expected: &str) -> String {
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .collect::<Vec<_>>()
        .join(", ")
}

fn first_quoted(s: &str) -> Option<String> {
    s.split('`').nth(1).map(str::to_owned)
}

/// What serde expected, as in "moet … zijn".
fn expected_kind(expected: &str) -> String {
    let e = expected.trim();
    let integer = [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    if integer.contains(&e) {
        return if e.starts_with('u') {
            "een geheel getal van 0 of meer".to_owned()
        } else {
            "een geheel getal".to_owned()
        };
    }
    match e {
        "f32" | "f64" | "a number" => "een getal".to_owned(),
        "a string" | "a borrowed string" | "a char" => "tekst".to_owned(),
        "a boolean" => "true of false".to_owned(),
        "a sequence" => "een lijst".to_owned(),
        "a map" => "een object".to_owned(),
        e if e.starts_with("struct ") || e.starts_with("enum ") => "een object".to_owned(),
        e if e.contains("UUID") => "een id (UUID)".to_owned(),
        e if e.contains("date") || e.contains("time") => "een datum".to_owned(),
        _ => "een andere soort waarde".to_owned(),
    }
}

/// What serde found, as in "niet …".
fn got_kind(got: &str) -> String {
    let g = got.trim();
    let quoted = first_quoted(g);
    if let Some(text) = g.strip_prefix("string ") {
        return format!("de tekst {text}");
    }
    if g.starts_with("integer") || g.starts_with("floating point") {
        // As a Dutch reader writes it: 1,5, not 1.5 (which reads as fifteen).
        return format!("het getal {}", quoted.unwrap_or_default().replace('.', ","));
    }
    if g.starts_with("boolean") {
        return quoted.unwrap_or_else(|| "true of false".to_owned());
    }
    match g {
        "null" | "unit value" => "leeg (null)".to_owned(),
        "map" => "een object".to_owned(),
        "sequence" => "een lijst".to_owned(),
        _ => "deze waarde".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(path: Option<&str>, message: &str) -> (Option<String>, String) {
        let e = dutch(path, message);
        (e.field, e.reason)
    }

    #[test]
    fn unknown_and_missing_fields_are_named_where_they_are() {
        assert_eq!(
            both(
                Some("x"),
                "unknown field `x`, expected one of `municipalityId`, `period`, `value` at line 1 column 9"
            ),
            (
                Some("x".to_owned()),
                "is onbekend; toegestaan zijn: municipalityId, period, value".to_owned()
            )
        );
        assert_eq!(
            both(
                Some("areas[0].extra"),
                "unknown field `extra`, expected `value` or `period`"
            ),
            (
                Some("areas[0].extra".to_owned()),
                "is onbekend; toegestaan zijn: value, period".to_owned()
            )
        );
        assert_eq!(
            both(Some("areas[0]"), "missing field `period`"),
            (
                Some("areas[0].period".to_owned()),
                "ontbreekt; dit veld is verplicht".to_owned()
            )
        );
        assert_eq!(
            both(None, "missing field `title`").0,
            Some("title".to_owned())
        );
        assert_eq!(
            both(Some("."), "unknown field `a`, there are no fields").1,
            "is onbekend; hier horen geen velden"
        );
    }

    #[test]
    fn wrong_types_say_what_was_expected_in_dutch() {
        assert_eq!(
            both(
                Some("areas[1].value"),
                "invalid type: string \"veel\", expected f64"
            ),
            (
                Some("areas[1].value".to_owned()),
                "moet een getal zijn, niet de tekst \"veel\"".to_owned()
            )
        );
        assert_eq!(
            both(Some("count"), "invalid value: integer `-1`, expected u32").1,
            "moet een geheel getal van 0 of meer zijn, niet het getal -1"
        );
        assert_eq!(
            both(Some("areas"), "invalid type: map, expected a sequence").1,
            "moet een lijst zijn, niet een object"
        );
        assert_eq!(
            both(None, "invalid type: null, expected struct PlanRequest").1,
            "de waarde moet een object zijn, niet leeg (null)"
        );
        assert_eq!(
            both(
                Some("title"),
                "invalid type: integer `5`, expected a string"
            )
            .1,
            "moet tekst zijn, niet het getal 5"
        );
    }

    #[test]
    fn values_of_a_fixed_list_ids_numbers_and_dates() {
        assert_eq!(
            both(
                Some("kind"),
                "unknown variant `x`, expected `ivp` or `handhaving`"
            )
            .1,
            "'x' is geen toegestane waarde; kies uit: ivp, handhaving"
        );
        assert_eq!(
            both(
                Some("priorityId"),
                "UUID parsing failed: invalid length: found 3"
            )
            .1,
            "is geen geldige id (UUID)"
        );
        assert_eq!(
            both(
                None,
                "Query deserialize error: invalid digit found in string"
            )
            .1,
            "de waarde moet een geheel getal zijn"
        );
        assert_eq!(
            both(None, "Query deserialize error: premature end of input").1,
            "de waarde is geen geldige datum; schrijf JJJJ-MM-DD (een tijdstip als 2026-11-23T09:00:00Z)"
        );
        assert_eq!(
            both(None, "provided string was not `true` or `false`").1,
            "de waarde moet true of false zijn"
        );
        assert_eq!(
            both(None, "something nobody foresaw").1,
            "de waarde past hier niet"
        );
    }

    #[test]
    fn numbers_are_echoed_the_dutch_way_and_a_lone_reason_gets_a_subject() {
        assert_eq!(
            both(
                Some("count"),
                "invalid type: floating point `1.5`, expected u32"
            )
            .1,
            "moet een geheel getal van 0 of meer zijn, niet het getal 1,5"
        );
        assert_eq!(
            both(
                None,
                "Path deserialize error: UUID parsing failed: invalid length: found 3"
            ),
            (None, "de waarde is geen geldige id (UUID)".to_owned())
        );
    }
}
