//! Case references: the pattern rk.toml gives (`case.pattern`), the parts
//! it names (`year`, `number`), an example reference made from it for the
//! help texts, and the obvious fix of a near miss.

use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::config::DEFAULT_CASE_PATTERN;

/// The default pattern with the parts it has always had named.
const DEFAULT_WITH_PARTS: &str = r"SAG-(?<year>\d{4})-(?<number>\d{5})";

/// The characters a referent types between the parts of a reference; a
/// near miss may use any of them where the pattern has one.
const SEPARATORS: &str = "-–— /_.";

/// An example or a fix longer than this is not shown.
const MAX_EXAMPLE: usize = 80;

/// A compiled `case.pattern`.
pub struct CasePattern {
    /// As written in rk.toml, for messages.
    text: String,
    /// Anchored at both ends.
    regex: Regex,
    /// The pattern's structure, with the default's implicit parts.
    hir: Hir,
}

impl Default for CasePattern {
    fn default() -> Self {
        CasePattern::new(DEFAULT_CASE_PATTERN).expect("the default case pattern is valid")
    }
}

impl CasePattern {
    /// Compiles a pattern that is already known to be a valid regular
    /// expression. The error names what is wrong with its `year` or
    /// `number` group.
    pub fn new(text: &str) -> Result<CasePattern, String> {
        let source = if text == DEFAULT_CASE_PATTERN {
            DEFAULT_WITH_PARTS
        } else {
            text
        };
        let hir = regex_syntax::parse(source).map_err(|e| e.to_string())?;
        let regex = Regex::new(&format!("^(?:{source})$")).map_err(|e| e.to_string())?;
        if let Some(year) = group(&hir, "year")
            && (!only_digits(year) || ![(2, Some(2)), (4, Some(4))].contains(&char_len(year)))
        {
            return Err(
                "its `year` group must match four digits, or two meaning 20yy: \
                 `(?<year>\\d{4})` or `(?<year>\\d{2})`"
                    .into(),
            );
        }
        if group(&hir, "number").is_some_and(|number| !only_digits(number)) {
            return Err(
                "its `number` group must match digits only, like `(?<number>\\d{5})`".into(),
            );
        }
        Ok(CasePattern {
            text: text.to_string(),
            regex,
            hir,
        })
    }

    /// The pattern as written in rk.toml.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True for the default pattern, whose messages name KL's form.
    pub fn is_default(&self) -> bool {
        self.text == DEFAULT_CASE_PATTERN
    }

    pub fn is_match(&self, reference: &str) -> bool {
        self.regex.is_match(reference)
    }

    /// The year of a matching reference: its `year` group (two digits mean
    /// 20yy), or for a pattern that names no year, the first four-digit
    /// number from 1900 to 2199 in it.
    pub fn year(&self, reference: &str) -> Option<u32> {
        if group(&self.hir, "year").is_none() {
            return reference
                .split(|c: char| !c.is_ascii_digit())
                .filter(|part| part.len() == 4)
                .filter_map(|part| part.parse().ok())
                .find(|year| (1900..=2199).contains(year));
        }
        let year = self.regex.captures(reference)?.name("year")?.as_str();
        let value: u32 = year.parse().ok()?;
        match year.len() {
            2 => Some(2000 + value),
            _ => Some(value),
        }
    }

    /// A reference that matches the pattern, made from it: digits count up
    /// from 0 (`\d{5}` gives `01234`), literal text is kept, any other class
    /// gives its first letter, and the `year` group is `year` when given.
    /// None when the pattern is too intricate to give a short example.
    pub fn example(&self, year: Option<u32>) -> Option<String> {
        [year, None].into_iter().find_map(|year| {
            let mut example = ExampleWalk {
                year,
                out: String::new(),
                digit: 0,
            };
            example.walk(&self.hir)?;
            self.is_match(&example.out).then_some(example.out)
        })
    }

    /// The obvious fix of a reference that does not match: the pattern's
    /// own text and separators where the reference has them in another case
    /// or with another separator, and the `number` zero-padded
    /// (`SAG-2019-4651` -> `SAG-2019-04651`). None when no such fix
    /// matches.
    pub fn fixed(&self, reference: &str) -> Option<String> {
        let parts: Vec<Part> = match self.hir.kind() {
            HirKind::Concat(subs) => subs.iter().map(Part::of).collect(),
            _ => vec![Part::of(&self.hir)],
        };
        let separators = format!("[{}]", regex_syntax::escape(SEPARATORS));
        let mut loose = format!("^{separators}*");
        for (i, part) in parts.iter().enumerate() {
            loose.push_str(&format!("(?<p{i}>{})", part.loose(&separators)));
        }
        loose.push_str(&format!("{separators}*$"));
        let caps = Regex::new(&loose).ok()?.captures(reference)?;
        let text = |i: usize| caps.name(&format!("p{i}")).map_or("", |m| m.as_str());
        let number = parts
            .iter()
            .enumerate()
            .find_map(|(i, part)| matches!(part, Part::Number { .. }).then(|| text(i)))
            .unwrap_or("");
        let widest = parts
            .iter()
            .find_map(|part| match part {
                Part::Number { max } => *max,
                _ => None,
            })
            .unwrap_or(number.len())
            .clamp(number.len(), MAX_EXAMPLE);
        (number.len()..=widest).find_map(|width| {
            let fixed: String = parts
                .iter()
                .enumerate()
                .map(|(i, part)| match part {
                    Part::Literal(literal) => literal.clone(),
                    Part::Number { .. } => format!("{number:0>width$}"),
                    Part::Look => String::new(),
                    Part::Other(_) => text(i).to_string(),
                })
                .collect();
            self.is_match(&fixed).then_some(fixed)
        })
    }
}

/// One element of the pattern's top-level sequence, for [`CasePattern::fixed`].
enum Part<'h> {
    Literal(String),
    Number { max: Option<usize> },
    Look,
    Other(&'h Hir),
}

impl Part<'_> {
    fn of(hir: &Hir) -> Part<'_> {
        match hir.kind() {
            HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
                Ok(text) => Part::Literal(text.to_string()),
                Err(_) => Part::Other(hir),
            },
            HirKind::Capture(capture) if capture.name.as_deref() == Some("number") => {
                Part::Number {
                    max: char_len(&capture.sub).1,
                }
            }
            HirKind::Look(_) => Part::Look,
            _ => Part::Other(hir),
        }
    }

    /// What this part matches in a near miss: letters in either case, any
    /// separator for one, a number of any width up to the pattern's.
    fn loose(&self, separators: &str) -> String {
        match self {
            Part::Literal(text) => text
                .chars()
                .map(|c| {
                    if SEPARATORS.contains(c) {
                        format!("{separators}+")
                    } else if c.is_alphabetic() {
                        format!("(?i:{})", regex_syntax::escape(&c.to_string()))
                    } else {
                        regex_syntax::escape(&c.to_string())
                    }
                })
                .collect(),
            Part::Number { max: Some(max) } => format!("[0-9]{{1,{max}}}"),
            Part::Number { max: None } => "[0-9]+".to_string(),
            Part::Look => String::new(),
            Part::Other(hir) => hir.to_string(),
        }
    }
}

/// The sub-expression of the group called `name`.
fn group<'h>(hir: &'h Hir, name: &str) -> Option<&'h Hir> {
    if let HirKind::Capture(capture) = hir.kind()
        && capture.name.as_deref() == Some(name)
    {
        return Some(&capture.sub);
    }
    hir.kind().subs().iter().find_map(|sub| group(sub, name))
}

/// How many characters `hir` matches: at least, and at most (None: no
/// bound). The engine's own figures count bytes.
fn char_len(hir: &Hir) -> (usize, Option<usize>) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (0, Some(0)),
        HirKind::Literal(literal) => {
            let n = String::from_utf8_lossy(&literal.0).chars().count();
            (n, Some(n))
        }
        HirKind::Class(_) => (1, Some(1)),
        HirKind::Repetition(repetition) => {
            let (min, max) = char_len(&repetition.sub);
            let times = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
            (
                min.saturating_mul(times(repetition.min)),
                repetition
                    .max
                    .zip(max)
                    .map(|(n, max)| max.saturating_mul(times(n))),
            )
        }
        HirKind::Capture(capture) => char_len(&capture.sub),
        HirKind::Concat(subs) => subs.iter().map(char_len).fold((0, Some(0)), |a, b| {
            (
                a.0.saturating_add(b.0),
                a.1.zip(b.1).map(|(x, y)| x.saturating_add(y)),
            )
        }),
        HirKind::Alternation(subs) => {
            let lens: Vec<_> = subs.iter().map(char_len).collect();
            let min = lens.iter().map(|l| l.0).min().unwrap_or(0);
            let max = lens.iter().map(|l| l.1).collect::<Option<Vec<_>>>();
            (min, max.and_then(|m| m.into_iter().max()))
        }
    }
}

/// True when `hir` matches decimal digits and nothing else.
fn only_digits(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(literal) => literal.0.iter().all(u8::is_ascii_digit),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|c| c.is_numeric())),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| r.start().is_ascii_digit() && r.end().is_ascii_digit()),
        _ => hir.kind().subs().iter().all(only_digits),
    }
}

/// The walk that makes an example reference.
struct ExampleWalk {
    year: Option<u32>,
    out: String,
    /// The next digit of the running sequence 0123456789.
    digit: u32,
}

impl ExampleWalk {
    fn walk(&mut self, hir: &Hir) -> Option<()> {
        if self.out.len() > MAX_EXAMPLE {
            return None;
        }
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(literal) => self.out.push_str(std::str::from_utf8(&literal.0).ok()?),
            HirKind::Class(class) => {
                let c = self.pick(class)?;
                self.out.push(c);
            }
            HirKind::Repetition(repetition) => {
                self.digit = 0;
                for _ in 0..repetition.min {
                    self.walk(&repetition.sub)?;
                }
            }
            HirKind::Capture(capture) => {
                let len = char_len(&capture.sub).1;
                match (capture.name.as_deref(), self.year, len) {
                    (Some("year"), Some(year), Some(4)) => self.out.push_str(&format!("{year:04}")),
                    (Some("year"), Some(year), Some(2)) => {
                        self.out.push_str(&format!("{:02}", year % 100));
                    }
                    _ => self.walk(&capture.sub)?,
                }
            }
            HirKind::Concat(subs) => {
                for sub in subs {
                    self.walk(sub)?;
                }
            }
            HirKind::Alternation(subs) => self.walk(subs.first()?)?,
        }
        Some(())
    }

    /// A character of the class: the next digit of the sequence where the
    /// class has it, else a letter or digit, else any visible character.
    fn pick(&mut self, class: &Class) -> Option<char> {
        let ranges: Vec<(char, char)> = match class {
            Class::Unicode(class) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            Class::Bytes(class) => class
                .ranges()
                .iter()
                .filter(|r| r.start().is_ascii())
                .map(|r| (char::from(r.start()), char::from(r.end().min(0x7F))))
                .collect(),
        };
        let has = |c: char| {
            ranges
                .iter()
                .any(|(start, end)| (*start..=*end).contains(&c))
        };
        let digit = char::from_digit(self.digit % 10, 10)?;
        if has(digit) {
            self.digit += 1;
            return Some(digit);
        }
        let visible = |wanted: fn(&char) -> bool| {
            ranges
                .iter()
                .find_map(|(start, end)| (*start..=*end).take(128).find(wanted))
        };
        visible(char::is_ascii_alphanumeric)
            .or_else(|| visible(|c| *c == ' '))
            .or_else(|| visible(char::is_ascii_graphic))
            .or_else(|| visible(|c| !c.is_control()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str) -> CasePattern {
        CasePattern::new(text).unwrap()
    }

    #[test]
    fn the_default_keeps_its_fixes() {
        let p = CasePattern::default();
        assert_eq!(p.fixed("SAG-2019-4651").as_deref(), Some("SAG-2019-04651"));
        assert_eq!(p.fixed("sag 2019 04651").as_deref(), Some("SAG-2019-04651"));
        assert_eq!(p.fixed("sag–2019–4651").as_deref(), Some("SAG-2019-04651"));
        assert_eq!(p.fixed("SAG-2019-1234567"), None);
        assert_eq!(p.fixed("SAG2019-4651"), None);
        assert_eq!(p.fixed("SAG-19-04651"), None);
        assert_eq!(p.fixed("hello"), None);
        assert_eq!(p.year("SAG-2021-00012"), Some(2021));
        assert_eq!(p.example(Some(2021)).as_deref(), Some("SAG-2021-01234"));
    }

    #[test]
    fn named_parts_give_year_and_padding_for_any_body() {
        let p = pattern(r"(?<year>\d{2})/(?<number>\d{5})");
        assert_eq!(p.example(Some(2021)).as_deref(), Some("21/01234"));
        assert_eq!(p.example(None).as_deref(), Some("01/01234"));
        assert_eq!(p.year("25/00001"), Some(2025));
        assert_eq!(p.fixed("21/4651").as_deref(), Some("21/04651"));
        assert_eq!(p.fixed("21-04651").as_deref(), Some("21/04651"));
        assert_eq!(p.fixed("2021/04651"), None);

        let p = pattern(r"BUU\.(?<number>\d+)\.(?<year>\d{4})");
        assert_eq!(p.example(Some(2020)).as_deref(), Some("BUU.0.2020"));
        assert_eq!(p.year("BUU.17.2024"), Some(2024));
        assert_eq!(p.fixed("buu 17 2024").as_deref(), Some("BUU.17.2024"));
    }

    #[test]
    fn patterns_without_parts_still_give_an_example() {
        let p = pattern(r"\d{2}/\d{5}");
        assert_eq!(p.example(Some(2021)).as_deref(), Some("01/01234"));
        assert_eq!(p.year("21/00001"), None);
        assert_eq!(p.fixed("21-01234").as_deref(), Some("21/01234"));
        let kle = pattern(r"\d{2}\.\d{2}\.\d{2}-[A-Z]\d{2}-\d+-\d{2}");
        assert_eq!(kle.example(None).as_deref(), Some("01.01.01-A01-0-01"));
        assert_eq!(
            pattern(r"(?:KK|BR)-[^/]{3}").example(None).as_deref(),
            Some("KK-012")
        );
        assert_eq!(pattern(r"x{500}").example(None), None);
    }

    #[test]
    fn a_year_group_must_be_two_or_four_digits() {
        assert!(CasePattern::new(r"(?<year>\d{3})-\d+").is_err());
        assert!(CasePattern::new(r"(?<year>\d{2,4})-\d+").is_err());
        assert!(CasePattern::new(r"(?<year>[A-Z]{4})-\d+").is_err());
        assert!(CasePattern::new(r"\d{4}-(?<number>[A-Z]+)").is_err());
        assert!(CasePattern::new(r"(?P<year>\d{4})-(?P<number>\d+)").is_ok());
    }
}
