//! Checking: every rule of the spec over a loaded meeting. Each family of
//! rules lives in its own file and pushes findings; none stops the run.

mod body;
pub mod case;
pub mod glyphs;
mod items;
mod people;
mod personal;

use crate::diag::Diagnostic;
use crate::layout::Coverage;
use crate::model::Meeting;
use crate::source::files::Files;

/// What the checks need from the project configuration.
#[derive(Default)]
pub struct Settings {
    /// What a case reference looks like (rk.toml's `case.pattern`).
    pub case: case::CasePattern,
}

/// Every check over one meeting. `coverage` is what the layout's fonts
/// can show.
pub fn check(
    meeting: &Meeting,
    files: &Files,
    settings: &Settings,
    coverage: &Coverage,
    diags: &mut Vec<Diagnostic>,
) {
    people::check(meeting, diags);
    items::check(meeting, files, settings, diags);
    body::check(meeting, files, diags);
    glyphs::check(meeting, files, coverage, diags);
}

/// A date `YYYY-MM-DD` that exists in the calendar, as (year, month, day).
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let days = days_in_month(y, m)?;
    (1..=days).contains(&d).then_some((y, m, d))
}

/// The number of days in a month of the Gregorian calendar.
pub fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn real_dates_only() {
        assert_eq!(parse_date("2020-11-25"), Some((2020, 11, 25)));
        assert_eq!(parse_date("2020-02-29"), Some((2020, 2, 29)));
        for bad in [
            "2021-02-29",
            "2020-13-01",
            "2020-11-31",
            "2020-1-05",
            "20201125",
            "2020-11-2x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
