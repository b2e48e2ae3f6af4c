//! Finding personal data in text: CPR numbers, e-mail addresses and Danish
//! phone numbers. Published minutes must not carry them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Cpr,
    Email,
    Phone,
}

static CPR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{2})(\d{2})(\d{2})-?(\d{4})\b").expect("valid regex"));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
        .expect("valid regex")
});
/// Eight digits, written together, in pairs, or (with +45 or a phone word
/// before them) in fours. The optional +45 is part of the match.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<prefix>(?:\+|00)45[ ]?|(?:tlf|telefon|mobil|tel)\.?:?[ ]?)?\b(?P<number>[2-9]\d{7}|[2-9]\d(?: \d{2}){3}|[2-9]\d{3} \d{4})\b",
    )
    .expect("valid regex")
});

/// Every piece of personal data in `text`, with its byte range.
pub fn find(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut found = Vec::new();
    for caps in CPR.captures_iter(text) {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let part = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(day), Some(month), Some(year)) = (part(1), part(2), part(3)) else {
            continue;
        };
        if is_number_part(text, whole.clone()) || !is_cpr_date(day, month, year) {
            continue;
        }
        found.push((whole, Kind::Cpr));
    }
    for m in EMAIL.find_iter(text) {
        found.push((m.range(), Kind::Email));
    }
    for caps in PHONE.captures_iter(text) {
        let Some(number) = caps.name("number") else {
            continue;
        };
        let grouped_in_fours = number.as_str().len() == 9 && number.as_str().as_bytes()[4] == b' ';
        let has_prefix = caps.name("prefix").is_some();
        if (grouped_in_fours && !has_prefix) || is_number_part(text, number.range()) {
            continue;
        }
        let range = caps.get(0).map_or(number.range(), |m| m.range());
        // A CPR number or e-mail already covers it.
        if found
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            continue;
        }
        if is_cvr(text, number.start()) {
            continue;
        }
        found.push((range, Kind::Phone));
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// True when the digits at `range` continue a longer number or reference:
/// `SAG-2019-046512`, `12.345678`, `1.234.567,89`.
fn is_number_part(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start]
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>();
    let after = text[range.end..].chars().take(2).collect::<Vec<_>>();
    let joins = |c: Option<&char>, next: Option<&char>| {
        matches!(c, Some('-' | '.' | ',' | '/')) && next.is_some_and(|n| n.is_ascii_alphanumeric())
    };
    joins(before.first(), before.get(1)) || joins(after.first(), after.get(1))
}

/// CVR (company) numbers are eight digits too, but not personal data.
fn is_cvr(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', ':', '.', '-']);
    before.to_lowercase().ends_with("cvr") || before.to_lowercase().ends_with("cvr-nr")
}

fn is_cpr_date(day: u32, month: u32, year: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // The century is not in the number: allow 29 in every leap year.
        2 if year.is_multiple_of(4) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        find(text).into_iter().map(|(r, k)| (&text[r], k)).collect()
    }

    #[test]
    fn cpr_numbers_with_and_without_dash() {
        assert_eq!(kinds("CPR 010203-1234."), [("010203-1234", Kind::Cpr)]);
        assert_eq!(kinds("nr. 0102031234 her"), [("0102031234", Kind::Cpr)]);
    }

    #[test]
    fn dates_case_numbers_and_amounts_are_not_cpr() {
        for text in [
            "SAG-2019-04651",
            "mødet 2020-11-25",
            "perioden 2016-2020 og 2021-2025",
            "SAG-2019-0465123456",
            "320199-1234",
            "kr. 1.234.567,89",
            "Der er afsat godt 15 mio. til 2021.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn emails_and_phone_numbers() {
        assert_eq!(kinds("skriv til zaa@kl.dk"), [("zaa@kl.dk", Kind::Email)]);
        assert_eq!(kinds("ring 33 70 33 70"), [("33 70 33 70", Kind::Phone)]);
        assert_eq!(kinds("ring +45 33703370"), [("+45 33703370", Kind::Phone)]);
        assert_eq!(kinds("tlf. 3370 3370"), [("tlf. 3370 3370", Kind::Phone)]);
        assert_eq!(kinds("Programmet 2021 2025"), []);
        assert_eq!(kinds("CVR 29189129"), []);
    }
}
