//! Finding personal data in text: CPR numbers, e-mail addresses and Danish
//! phone numbers. Published minutes must not carry them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::{Date, days_in_month};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalDataKind {
    Cpr,
    Email,
    Phone,
}

static CPR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\b(\d{2})(\d{2})(\d{2})-?(\d{4})\b").expect("valid regex"));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
        .expect("valid regex")
});
/// ASCII mode (`-u`): word boundaries and digits in the ASCII sense, which
/// keeps the search fast on Danish text (Unicode `\b` is not).
/// Eight digits, written together, in pairs, or (with +45 or a phone word
/// before them) in fours. The optional +45 is part of the match.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)(?:(?P<prefix>(?:\+|\b00)45 ?|\b(?:tlf|telefon|mobil|tel)\.?:? ?)|\b)(?P<number>[2-9]\d{7}|[2-9]\d(?: \d{2}){3}|[2-9]\d{3} \d{4})\b",
    )
    .expect("valid regex")
});

/// What `text` holds that each kind of personal data needs, found in one
/// quick pass, so that the searches run only where a match can be.
#[derive(Debug, Default, PartialEq, Eq)]
struct Signs {
    /// Six digits together: every CPR number has them.
    six_digits: bool,
    /// Eight digits together, or two digits, a space and two digits:
    /// every phone number has one or the other.
    phone_digits: bool,
    /// An `@`: every e-mail address has one.
    at: bool,
}

impl Signs {
    fn of(text: &str) -> Signs {
        let bytes = text.as_bytes();
        let mut signs = Signs::default();
        let mut run = 0usize;
        let mut at = 0;
        while at < bytes.len() {
            // Sixteen bytes at a time while none is a digit or `@` (no
            // early exit: the compiler checks the sixteen at once).
            let quiet = bytes.get(at..at + 16).is_some_and(|chunk| {
                chunk.iter().fold(true, |quiet, &b| {
                    quiet & (b.wrapping_sub(b'0') > 9) & (b != b'@')
                })
            });
            if quiet {
                run = 0;
                at += 16;
                continue;
            }
            // Else these sixteen bytes one by one.
            let end = (at + 16).min(bytes.len());
            for i in at..end {
                let b = bytes[i];
                if !b.is_ascii_digit() {
                    run = 0;
                    signs.at |= b == b'@';
                    continue;
                }
                run += 1;
                signs.six_digits |= run >= 6;
                // `12 34`: this digit and the one before, after a space
                // after two digits.
                let pairs = run >= 2
                    && i >= 4
                    && bytes[i - 2] == b' '
                    && bytes[i - 3].is_ascii_digit()
                    && bytes[i - 4].is_ascii_digit();
                signs.phone_digits |= run >= 8 || pairs;
            }
            at = end;
        }
        signs
    }
}

/// Every piece of personal data in `text`, with its byte range.
pub fn find(text: &str) -> Vec<(Range<usize>, PersonalDataKind)> {
    let mut found = Vec::new();
    let signs = Signs::of(text);
    if signs == Signs::default() {
        return found;
    }
    let cpr = signs.six_digits.then(|| CPR.captures_iter(text));
    for caps in cpr.into_iter().flatten() {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let part = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(day), Some(month), Some(year)) = (part(1), part(2), part(3)) else {
            continue;
        };
        if is_number_part(text, whole.clone())
            || is_char_reference(text, whole.clone())
            || !is_cpr_date(day, month, year)
            || is_labelled_id(text, whole.start)
        {
            continue;
        }
        found.push((whole, PersonalDataKind::Cpr));
    }
    let emails = signs.at.then(|| EMAIL.find_iter(text));
    for m in emails.into_iter().flatten() {
        found.push((m.range(), PersonalDataKind::Email));
    }
    let phones = signs.phone_digits.then(|| PHONE.captures_iter(text));
    for caps in phones.into_iter().flatten() {
        let Some(number) = caps.name("number") else {
            continue;
        };
        let grouped_in_fours = number.as_str().len() == 9 && number.as_str().as_bytes()[4] == b' ';
        let has_prefix = caps.name("prefix").is_some();
        if (grouped_in_fours && !has_prefix)
            || is_number_part(text, number.range())
            || is_char_reference(text, number.range())
        {
            continue;
        }
        // A country code belongs to the number; a word like `tlf.` does not.
        let range = match caps.name("prefix") {
            Some(p) if p.as_str().starts_with(['+', '0']) => p.start()..number.end(),
            _ => number.range(),
        };
        // A CPR number or e-mail already covers it.
        if found
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            continue;
        }
        if is_labelled_id(text, range.start) || is_compact_date(number.as_str()) {
            continue;
        }
        found.push((range, PersonalDataKind::Phone));
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

/// True when the digits at `range` are the code of an HTML character
/// reference, `&#87654321;` or `&#x1F600;`: a character, not a number.
fn is_char_reference(text: &str, range: Range<usize>) -> bool {
    let before = &text[..range.start];
    let rest = &text[range.end..];
    let decimal = before.ends_with("&#")
        && rest
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(';');
    let hex_start = before.trim_end_matches(|c: char| c.is_ascii_hexdigit());
    let hex = (hex_start.ends_with("&#x") || hex_start.ends_with("&#X"))
        && rest
            .trim_start_matches(|c: char| c.is_ascii_hexdigit())
            .starts_with(';');
    decimal || hex
}

/// Numbers that are labelled as something else: company (CVR), production
/// unit (P-nr.), journal, case and document numbers, EAN and account
/// numbers.
fn is_labelled_id(text: &str, start: usize) -> bool {
    const LABELS: &[&str] = &[
        "cvr",
        "p-nr",
        "p-nummer",
        "pnr",
        "journalnr",
        "journalnummer",
        "j.nr",
        "jnr",
        "sagsnr",
        "sagsnummer",
        // An item's own numbers in its front matter: `sag: 20123456`,
        // `dok: 41023456`, and "Dok.nr. 41023456" in a text.
        "sag:",
        "dok",
        "ean",
        "konto",
        "kontonr",
        "reg.nr",
        "faktura",
    ];
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..start].to_lowercase();
    // Only the two words right before the number: "CVR-nummer: ", "CVR nr. ".
    let last_words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    last_words
        .iter()
        .any(|word| LABELS.iter().any(|label| word.starts_with(label)))
}

/// `20201125` and `25112020` are dates, not phone numbers.
fn is_compact_date(digits: &str) -> bool {
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let part = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
    let real = |year: u32, month: u32, day: u32| {
        (1900..=2199).contains(&year) && Date::new(year, month, day).is_some()
    };
    real(part(0..4), part(4..6), part(6..8)) || real(part(4..8), part(2..4), part(0..2))
}

fn is_cpr_date(day: u32, month: u32, year: u32) -> bool {
    // The century is not in the number: 29 February counts in every fourth year.
    let leap_or_not = if year.is_multiple_of(4) { 2000 } else { 2001 };
    days_in_month(leap_or_not, month).is_some_and(|days| (1..=days).contains(&day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, PersonalDataKind)> {
        find(text).into_iter().map(|(r, k)| (&text[r], k)).collect()
    }

    #[test]
    fn cpr_numbers_with_and_without_dash() {
        assert_eq!(
            kinds("CPR 010203-1234."),
            [("010203-1234", PersonalDataKind::Cpr)]
        );
        assert_eq!(
            kinds("nr. 0102031234 her"),
            [("0102031234", PersonalDataKind::Cpr)]
        );
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
    fn the_quick_pass_lets_every_kind_through_and_spares_plain_text() {
        let signs = |text: &str| {
            let s = Signs::of(text);
            (s.six_digits, s.phone_digits, s.at)
        };
        assert_eq!(
            signs("mødet 2020-11-25 kl. 10.00, 15 mio."),
            (false, false, false)
        );
        assert_eq!(signs("010203-1234"), (true, false, false));
        assert_eq!(signs("33703370"), (true, true, false));
        assert_eq!(signs("33 70 33 70"), (false, true, false));
        assert_eq!(signs("3370 3370"), (false, true, false));
        assert_eq!(signs("zaa@kl.dk"), (false, false, true));
        // What each kind is found in has its sign (the searches run there).
        for text in [
            "CPR 010203-1234.",
            "ring 33 70 33 70",
            "tlf. 3370 3370",
            "ring +45 33703370",
            "skriv til zaa@kl.dk",
        ] {
            assert!(!find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn emails_and_phone_numbers() {
        assert_eq!(
            kinds("skriv til zaa@kl.dk"),
            [("zaa@kl.dk", PersonalDataKind::Email)]
        );
        assert_eq!(
            kinds("ring 33 70 33 70"),
            [("33 70 33 70", PersonalDataKind::Phone)]
        );
        assert_eq!(
            kinds("ring +45 33703370"),
            [("+45 33703370", PersonalDataKind::Phone)]
        );
        assert_eq!(
            kinds("tlf. 3370 3370"),
            [("3370 3370", PersonalDataKind::Phone)]
        );
        assert_eq!(kinds("Programmet 2021 2025"), []);
        assert_eq!(kinds("CVR 29189129"), []);
        assert_eq!(kinds("KL, CVR nr. 29189129."), []);
        assert_eq!(kinds("CVR-nummer: 29189129."), []);
        assert_eq!(kinds("sag: 20123456\ndok: \"41023456\""), []);
        assert_eq!(kinds("Dok.nr. 41023456"), []);
        assert_eq!(kinds("Journalnummer 85274113"), []);
        assert_eq!(kinds("den 20201125 og 29112020"), []);
        assert_eq!(kinds("P-nr. 1003388394"), []);
        assert_eq!(kinds("&#87654321; og &#0102031234;"), []);
        assert_eq!(kinds("&#x87654321; &#X1F33703370;"), []);
        assert_eq!(
            kinds("# 87654321;"),
            [("87654321", PersonalDataKind::Phone)]
        );
        assert_eq!(
            kinds("Kontakt +4533703370."),
            [("+4533703370", PersonalDataKind::Phone)]
        );
    }
}
