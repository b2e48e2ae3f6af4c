//! Dates of the Gregorian calendar, as rk reads and writes them: strictly
//! `YYYY-MM-DD` in the sources, the weekday and the seconds since 1970 for
//! the outputs. Every date rk reads or computes goes through [`Date`]; where
//! no date can be had, the caller says so instead of assuming one.

use std::fmt;

/// A date that exists in the calendar, from year 0 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, if it exists in the calendar (and its year has four digits).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let days = days_in_month(year, month)?;
        (year <= 9999 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD` exactly (two-digit month and day), a real date.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = text.get(r)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        Date::new(digits(0..4)?, digits(5..7)?, digits(8..10)?)
    }

    /// The date a meeting folder is named by: `2020-11-25` or
    /// `2020-11-25-ekstra` (a suffix after a hyphen).
    pub fn of_meeting_name(name: &str) -> Option<Date> {
        let date = Date::parse(name.get(..10)?)?;
        (name.len() == 10 || (name.as_bytes()[10] == b'-' && name.len() > 11)).then_some(date)
    }

    /// A date written another common way (`15-06-2021`, `15.6.2021`,
    /// `2021/06/15`), for the help that says how to write it `YYYY-MM-DD`.
    pub fn suggest(text: &str) -> Option<Date> {
        let parts: Vec<&str> = text.trim().split(['-', '.', '/']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let digits = |s: &str, min: usize, max: usize| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let (year, month, day) = if digits(a, 1, 2) && digits(b, 1, 2) && digits(c, 4, 4) {
            (c, b, a)
        } else if digits(a, 4, 4) && digits(b, 1, 2) && digits(c, 1, 2) {
            (a, b, c)
        } else {
            return None;
        };
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The date `days` after 1970-01-01 (before it, for a negative number),
    /// if its year has four digits.
    pub fn from_days_since_1970(days: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(days);
        Date::new(u32::try_from(year).ok()?, month, day)
    }

    pub fn year(self) -> u32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (self.days_since_1970() + 3).rem_euclid(7) as usize
    }

    /// Days since 1970-01-01, after Howard Hinnant's `days_from_civil`.
    pub fn days_since_1970(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Seconds since 1970 at midnight UTC of the date.
    pub fn unix_seconds(self) -> i64 {
        self.days_since_1970() * 86_400
    }
}

/// `2020-11-25`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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

/// (year, month, day) of the day `days` after 1970-01-01, for any number of
/// days (a year beyond four digits too), after Howard Hinnant's
/// `civil_from_days`.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Month 1..=12 and day 1..=31 by construction.
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn real_dates_only() {
        assert_eq!(Date::parse("2020-11-25"), Date::new(2020, 11, 25));
        assert_eq!(date("2020-02-29").to_string(), "2020-02-29");
        assert_eq!(date("0000-01-01").year(), 0);
        for bad in [
            "2021-02-29",
            "1900-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-11-00",
            "2020-11-31",
            "2020-1-05",
            "20201125",
            "2020-11-2x",
            "2020-11-+5",
            "2020-11-25 ",
            "2020–11–25",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2000, 2), Some(29));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(1900, 2), Some(28));
        assert_eq!(days_in_month(2023, 2), Some(28));
        assert_eq!(days_in_month(2023, 4), Some(30));
        assert_eq!(days_in_month(2023, 12), Some(31));
        assert_eq!(days_in_month(2023, 13), None);
        assert_eq!(Date::new(10_000, 1, 1), None);
    }

    #[test]
    fn meeting_names() {
        let named = |name| Date::of_meeting_name(name).map(|d| d.to_string());
        assert_eq!(named("2020-11-25").as_deref(), Some("2020-11-25"));
        assert_eq!(named("2020-11-25-ekstra").as_deref(), Some("2020-11-25"));
        assert_eq!(named("2020-11-25-"), None);
        assert_eq!(named("2020-11-25x"), None);
        assert_eq!(named("2020-11-31-ekstra"), None);
        assert_eq!(named("møde"), None);
    }

    #[test]
    fn dates_written_the_danish_way_in_iso_form() {
        let suggested = |text| Date::suggest(text).map(|d| d.to_string());
        assert_eq!(suggested("15-06-2021").as_deref(), Some("2021-06-15"));
        assert_eq!(suggested("15.06.2021").as_deref(), Some("2021-06-15"));
        assert_eq!(suggested("15/6/2021").as_deref(), Some("2021-06-15"));
        assert_eq!(suggested("2021/06/15").as_deref(), Some("2021-06-15"));
        assert_eq!(suggested("15. juni 2021"), None);
        assert_eq!(suggested("2021-6"), None);
        // Not a real date in any order.
        assert_eq!(suggested("31-06-2021"), None);
        assert_eq!(suggested("29-02-2021"), None);
    }

    #[test]
    fn weekdays_and_seconds() {
        assert_eq!(date("2020-11-25").weekday(), 2); // a Wednesday: Onsdag
        assert_eq!(date("1970-01-01").weekday(), 3);
        assert_eq!(date("2000-02-29").weekday(), 1);
        assert_eq!(date("1969-12-31").weekday(), 2);
        assert_eq!(date("2020-11-25").unix_seconds(), 1_606_262_400);
        assert_eq!(date("1970-01-01").unix_seconds(), 0);
        assert_eq!(date("1969-12-31").days_since_1970(), -1);
    }

    #[test]
    fn days_there_and_back() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_591), (2020, 11, 25));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(Date::from_days_since_1970(-719_529), None); // year -1
        for text in [
            "0000-01-01",
            "1600-02-29",
            "1999-12-31",
            "2100-03-01",
            "9999-12-31",
        ] {
            let d = date(text);
            assert_eq!(Date::from_days_since_1970(d.days_since_1970()), Some(d));
        }
        // Every day of four centuries, a leap cycle, round trips.
        let start = date("1900-01-01").days_since_1970();
        for days in start..start + 146_097 {
            let d = Date::from_days_since_1970(days).unwrap();
            assert_eq!(d.days_since_1970(), days);
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
    }
}
