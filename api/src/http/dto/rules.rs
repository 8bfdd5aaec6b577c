//! The patterns the API description gives for text the API checks, one per rule.
//!
//! utoipa takes a `pattern` only as a literal in the attribute, so each field writes the pattern
//! out; these constants are the one spelling. The tests hold each constant to the domain's own
//! `parse()` (a value the pattern allows is accepted), and the document test in `openapi.rs` holds
//! every pattern in the document to this list.
//!
//! The patterns are ECMA-262 as JSON Schema asks (`$` is the end of the text), written so that
//! Python's `re`, which schemathesis generates from, reads them alike: `[0-9]` rather than `\d`,
//! explicit code-point ranges rather than Unicode classes. (Python's `$` also matches before a
//! final line break, which none of these fields accepts; ECMA-262's does not.)

/// Free text that `domain::text::required_text` accepts: something besides white space, and no
/// control characters (Unicode category Cc). The length limit is the field's `max_length`.
pub const REQUIRED_TEXT: &str =
    r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$";

/// Text without control characters (optional text and search filters; may be empty).
pub const NO_CONTROL_CHARACTERS: &str = r"^[^\x00-\x1F\x7F-\x9F]*$";

/// A year (`2026`) or a half-year (`2026-H1`, `2026-H2`) between 1900 and 2200:
/// `domain::period::Period::parse`.
pub const PERIOD: &str = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$";

/// An email address as `domain::email::EmailAddress::parse` reads it: one `@`, a dot in the
/// domain that neither starts nor ends it, no white space or control characters.
pub const EMAIL: &str = r"^[^\s\x00-\x1F\x7F-\x9F@]+@[^\s\x00-\x1F\x7F-\x9F@.][^\s\x00-\x1F\x7F-\x9F@]*\.[^\s\x00-\x1F\x7F-\x9F@]*[^\s\x00-\x1F\x7F-\x9F@.]$";

/// A cooperation's slug: `domain::slug::TenantSlug::parse` (with `minLength` 2, `maxLength` 63).
pub const SLUG: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// `If-Match`: the `ETag` of the version read (`"1782390123456789"`, optionally weak), or `*`.
pub const IF_MATCH: &str = r#"^(\*|(W/)?"-?[0-9]{1,18}")$"#;

/// Long text (`domain::priority::long_text`): line ends and tabs belong in it, other control
/// characters do not.
pub const LONG_TEXT: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

/// A date in the years the platform stores, 1900 to 2200 (`domain::time::plausible_date`). Spelled
/// out whole beside `format: date`: a generator then draws from the pattern, instead of drawing
/// any date and throwing away the 97 % outside these years.
pub const PLAUSIBLE_DATE: &str =
    r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// A moment whose date in UTC lies in 1900 to 2200 (`domain::time::plausible_time`); with
/// `format: date-time`. Years 1901 to 2199 stay inside whatever the offset.
pub const PLAUSIBLE_MOMENT: &str = r"^(190[1-9]|19[1-9][0-9]|2[01][0-9]{2})-";

/// A municipality's CBS code, `GM` and 4 digits, either case; empty for none.
pub const MUNICIPALITY_CODE: &str = r"^([Gg][Mm][0-9]{4})?$";

/// A district's CBS code, `WK` and 6 digits, either case; empty for none.
pub const DISTRICT_CODE: &str = r"^([Ww][Kk][0-9]{6})?$";

/// The police's code of an indicator: letters and digits.
pub const POLICE_CODE: &str = r"^[A-Za-z0-9]*$";

/// Every pattern above: the document may use no other.
pub const ALL: [&str; 12] = [
    REQUIRED_TEXT,
    NO_CONTROL_CHARACTERS,
    PERIOD,
    EMAIL,
    SLUG,
    IF_MATCH,
    LONG_TEXT,
    PLAUSIBLE_DATE,
    PLAUSIBLE_MOMENT,
    MUNICIPALITY_CODE,
    DISTRICT_CODE,
    POLICE_CODE,
];

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::domain::email::EmailAddress;
    use crate::domain::period::Period;
    use crate::domain::slug::TenantSlug;
    use crate::domain::text::required_text;

    fn re(p: &str) -> Regex {
        Regex::new(p).expect("a valid pattern")
    }

    /// What the pattern allows, the parser accepts; and the pattern refuses what the parser
    /// refuses (for these samples), so the document is neither too loose nor needlessly strict.
    /// (The parsers trim first: a value with white space or control characters around it, which
    /// the pattern refuses, may still be accepted. Stricter, never looser.)
    fn agree(pattern: &str, parses: impl Fn(&str) -> bool, samples: &[&str]) {
        let re = re(pattern);
        for s in samples {
            assert_eq!(
                re.is_match(s),
                parses(s),
                "pattern {pattern} and the parser disagree on {s:?}"
            );
        }
    }

    #[test]
    fn required_text_agrees_with_the_domain() {
        agree(
            REQUIRED_TEXT,
            |s| required_text("f", s, 1000).is_ok(),
            &[
                "Ermelo", " Ermelo ", "a b", "", "   ", "\t", "a\u{0}b", "a\nb", "x\u{85}y", "é",
                "\u{a0}",
            ],
        );
    }

    #[test]
    fn no_control_characters_agrees_with_the_domain_search_text() {
        use crate::domain::text::search_text;
        agree(
            NO_CONTROL_CHARACTERS,
            |s| search_text("f", s).is_ok(),
            &["", " ", "Ermelo", "a\u{7f}", "a\nb", "\u{9f}", "\u{a0}"],
        );
    }

    #[test]
    fn period_agrees_with_the_domain() {
        agree(
            PERIOD,
            |s| Period::parse("p", s).is_ok(),
            &[
                "2026", "2026-H1", "2026-h2", "1900", "2200", "2201", "1899", "2026-H3", "26",
                "2026-", "-2026", "20261", "", "٢٠٢٦",
            ],
        );
    }

    #[test]
    fn email_agrees_with_the_domain() {
        agree(
            EMAIL,
            |s| EmailAddress::parse(s).is_ok(),
            &[
                "a@b.nl",
                "Coordinator@Veluwe-West.example",
                "a@b",
                "@b.nl",
                "a@.nl",
                "a@b.",
                "a@@b.nl",
                "a b@c.nl",
                "a@b@c.nl",
                "",
                "a@b.c.d",
            ],
        );
    }

    #[test]
    fn slug_agrees_with_the_domain() {
        let re = re(SLUG);
        for s in [
            "veluwe-west",
            "1stroom",
            "ab",
            "a-b-c",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "",
        ] {
            let fits = re.is_match(s) && (2..=63).contains(&s.len());
            assert_eq!(fits, TenantSlug::parse(s).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn long_text_agrees_with_the_domain() {
        use crate::domain::priority::long_text;
        agree(
            LONG_TEXT,
            |s| long_text("f", Some(s)).is_ok(),
            &[
                "",
                "a\nb\r\n\tc",
                "a\u{0}b",
                "a\u{b}b",
                "\u{7f}",
                "a\u{85}b",
                "é",
            ],
        );
    }

    #[test]
    fn plausible_dates_and_moments_agree_with_the_domain() {
        use chrono::{DateTime, NaiveDate};

        use crate::domain::time::{plausible_date, plausible_time};
        agree(
            PLAUSIBLE_DATE,
            |s| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .is_ok_and(|d| plausible_date("d", d).is_ok())
            },
            &[
                "2026-12-07",
                "1900-01-01",
                "2200-12-31",
                "1899-12-31",
                "2201-01-01",
                "2026-13-01",
                "2026-12-32",
            ],
        );
        let re = re(PLAUSIBLE_MOMENT);
        for s in [
            "1901-01-01T00:00:00+14:00",
            "2199-12-31T23:59:59-12:00",
            "2026-12-07T10:00:00Z",
        ] {
            assert!(re.is_match(s), "{s}");
            let t = DateTime::parse_from_rfc3339(s).expect("a moment").to_utc();
            assert!(plausible_time("t", t).is_ok(), "{s}");
        }
        assert!(!re.is_match("1900-01-01T00:00:00+01:00"));
        assert!(!re.is_match("2200-12-31T23:00:00-05:00"));
    }

    #[test]
    fn cbs_codes_agree_with_the_domain() {
        use crate::domain::municipality::{DistrictFields, MunicipalityFields};
        agree(
            MUNICIPALITY_CODE,
            |s| MunicipalityFields::parse("x", Some(s)).is_ok(),
            &[
                "GM0233", "gm0233", "", "GM023", "GM02333", "WK023301", "GMabcd",
            ],
        );
        agree(
            DISTRICT_CODE,
            |s| DistrictFields::parse("x", Some(s)).is_ok(),
            &["WK023301", "wk023301", "", "WK02330", "GM0233"],
        );
    }

    #[test]
    fn police_code_agrees_with_the_domain() {
        use crate::domain::indicator::parse_police_code;
        agree(
            POLICE_CODE,
            |s| parse_police_code(s).is_ok(),
            &["", "A12", "1a2B", "A-1", "a b", "é"],
        );
    }

    #[test]
    fn if_match_takes_what_the_header_reader_takes() {
        let re = re(IF_MATCH);
        for s in ["*", "\"1782390123456789\"", "W/\"17\"", "\"-5\""] {
            assert!(re.is_match(s), "{s:?}");
        }
        for s in ["", "17", "\"abc\"", "\"17", "W/17"] {
            assert!(!re.is_match(s), "{s:?}");
        }
    }
}
