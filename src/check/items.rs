//! The agenda: item numbering, case references and empty items.

use std::collections::BTreeMap;

use crate::check::Settings;
use crate::check::case::CasePattern;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc, Rule};
use crate::files::Files;
use crate::model::{Item, ItemNumber, Meeting, Sag};

const MAX_DEPTH: usize = 3;

pub fn check(meeting: &Meeting, files: &Files, settings: &Settings, diags: &mut Vec<Diagnostic>) {
    diags.extend(no_items(meeting));
    numbering(meeting, files, diags);
    let year = meeting
        .date
        .as_ref()
        .and_then(|d| Date::parse(&d.value))
        .map(Date::year);
    for item in &meeting.items {
        let group = item.is_group(&meeting.items);
        if let Some(sag) = &item.sag
            && let Sag::Ref(reference) = &sag.value
        {
            let loc = Loc::new(item.file, sag.span.clone());
            diags.extend(check_sag(reference, loc, year, settings));
        }
        if !group && item.number.is_some() {
            let end_of_front_matter = Loc::new(item.file, item.front_matter_end.clone());
            if item.sag.is_none() && !item.already_reported.contains(&"sag") {
                let (loc, message) = match &item.sag_key {
                    Some(key) => (Loc::new(item.file, key.clone()), "`sag` is empty"),
                    None => (end_of_front_matter.clone(), "this item has no `sag`"),
                };
                diags.push(
                    Diagnostic::error(Rule::MissingSag, loc, message)
                        .with_help(missing_sag_help(&settings.case, year)),
                );
            }
            if item.body.trim().is_empty() {
                diags.push(
                    Diagnostic::warning(
                        Rule::EmptyItem,
                        end_of_front_matter,
                        "this item has no text",
                    )
                    .with_help(
                        "write the item's parts (## Indstilling, ## Drøftelse) below this line",
                    ),
                );
            }
        }
    }
}

/// An `empty-item` warning at meeting.yaml when the folder holds no item
/// file at all. Not when an item file or meeting.yaml could not be read:
/// that has its own finding.
fn no_items(meeting: &Meeting) -> Option<Diagnostic> {
    let no_files = meeting.items.is_empty() && meeting.unreadable_items == 0;
    (no_files && meeting.people_known).then(|| {
        Diagnostic::warning(
            Rule::EmptyItem,
            Loc::new(meeting.file, 0..0),
            "this meeting has no agenda items",
        )
        .with_help(
            "write each item as a Markdown file beside meeting.yaml, \
             such as 01-godkendelse.md with `number` and `title` in its front matter",
        )
    })
}

fn numbering(meeting: &Meeting, files: &Files, diags: &mut Vec<Diagnostic>) {
    let mut by_number: BTreeMap<&ItemNumber, &Item> = BTreeMap::new();
    for item in &meeting.items {
        let Some(text) = &item.number_text else {
            continue;
        };
        let loc = Loc::new(item.file, text.span.clone());
        let Some(number) = &item.number else {
            diags.push(
                Diagnostic::error(
                    Rule::Numbering,
                    loc,
                    format!("`{}` is not an item number", text.value),
                )
                .with_help(malformed_help(&text.value)),
            );
            continue;
        };
        if number.depth() > MAX_DEPTH {
            diags.push(
                Diagnostic::error(
                    Rule::Numbering,
                    loc.clone(),
                    format!(
                        "item {number} has {} levels; at most three are allowed",
                        number.depth()
                    ),
                )
                .with_help("use at most three levels, like 2.9.1"),
            );
        }
        match by_number.get(number) {
            Some(first) => {
                let first_file = files.get(first.file).display();
                let (line, _) = files
                    .get(first.file)
                    .line_col(first.number_text.as_ref().map_or(0, |t| t.span.start));
                diags.push(
                    Diagnostic::error(
                        Rule::Numbering,
                        loc,
                        format!("item number {number} is used twice: also in {first_file}:{line}"),
                    )
                    .with_help("give each item its own number"),
                );
            }
            None => {
                by_number.insert(number, item);
            }
        }
    }

    // Every sub-item needs its parent; the children of each parent (and the
    // top level) must count 1, 2, 3 ... without gaps. While an item file
    // cannot be read its number is unknown, so gaps are not judged.
    let unknown_number = meeting
        .items
        .iter()
        .any(|i| i.number_text.is_some() && i.number.is_none());
    if meeting.unreadable_items > 0 || unknown_number {
        return;
    }
    let mut children: BTreeMap<Vec<u32>, Vec<(&ItemNumber, &Item)>> = BTreeMap::new();
    for (number, item) in &by_number {
        if let Some(parent) = number.parent()
            && !by_number.contains_key(&parent)
        {
            diags.push(
                Diagnostic::error(
                    Rule::Numbering,
                    number_loc(item),
                    format!("item {number} has no parent item {parent}"),
                )
                .with_help(format!(
                    "add an item numbered {parent} (a group heading), or renumber this one"
                )),
            );
        }
        let parent_key = number.0[..number.0.len() - 1].to_vec();
        children.entry(parent_key).or_default().push((number, item));
    }
    for siblings in children.values() {
        let mut expected = 1;
        for (number, item) in siblings {
            let last = *number.0.last().unwrap_or(&0);
            if last != expected {
                let mut missing = number.0.clone();
                if let Some(l) = missing.last_mut() {
                    *l = expected;
                }
                let missing = ItemNumber(missing);
                let message = if expected == 1 {
                    format!("item {number} comes first at its level: item {missing} is missing")
                } else {
                    let mut before = number.0.clone();
                    if let Some(l) = before.last_mut() {
                        *l = expected - 1;
                    }
                    format!(
                        "item {number} follows {}: item {missing} is missing",
                        ItemNumber(before)
                    )
                };
                diags.push(
                    Diagnostic::error(Rule::Numbering, number_loc(item), message).with_help(
                        format!("renumber this item {missing}, or add the missing item"),
                    ),
                );
            }
            expected = last.saturating_add(1);
        }
    }
}

fn number_loc(item: &Item) -> Loc {
    let span = item.number_text.as_ref().map_or(0..0, |t| t.span.clone());
    Loc::new(item.file, span)
}

fn malformed_help(text: &str) -> String {
    let parts: Vec<String> = text
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_start_matches('0').to_string())
        .collect();
    let fixed = parts.join(".");
    if !fixed.is_empty() && ItemNumber::parse(&fixed).is_some() && fixed != text {
        format!("write `number: \"{fixed}\"`")
    } else {
        "an item number is dot-separated whole numbers from 1, like 2 or 2.1 or 2.13".to_string()
    }
}

/// `bad-sag`: the reference must match the configured pattern and its year
/// may not be after the meeting's year.
fn check_sag(
    reference: &str,
    loc: Loc,
    meeting_year: Option<u32>,
    settings: &Settings,
) -> Option<Diagnostic> {
    let pattern = &settings.case;
    if !pattern.is_match(reference) {
        let help = match pattern.fixed(reference) {
            Some(fixed) => format!("write `{fixed}`"),
            None => format!(
                "a case reference {}; an item without a case has `sag: none`",
                looks_like(pattern, meeting_year)
            ),
        };
        return Some(
            Diagnostic::error(
                Rule::BadSag,
                loc,
                format!(
                    "`{reference}` is not a case reference (pattern `{}`)",
                    pattern.text()
                ),
            )
            .with_help(help),
        );
    }
    let year = pattern.year(reference)?;
    let meeting_year = meeting_year?;
    (year > meeting_year).then(|| {
        Diagnostic::error(
            Rule::BadSag,
            loc,
            format!("case {reference} is from {year}, after the meeting's year {meeting_year}"),
        )
        .with_help("check the year in the case reference")
    })
}

/// The help of `missing-sag`: KL's form for the default pattern, else an
/// example made from the configured one.
fn missing_sag_help(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return "write `sag: SAG-YYYY-NNNNN`, or `sag: none` for an item without a case".into();
    }
    match pattern.example(meeting_year) {
        Some(example) => format!(
            "write the case reference, like `sag: {example}`, or `sag: none` for an item without a case"
        ),
        None => format!(
            "write the case reference (it matches `{}`), or `sag: none` for an item without a case",
            pattern.text()
        ),
    }
}

/// "looks like `SAG-2020-01234`", or what the pattern says.
fn looks_like(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return "looks like `SAG-2020-01234`".into();
    }
    match pattern.example(meeting_year) {
        Some(example) => format!("looks like `{example}`"),
        None => format!("matches `{}`", pattern.text()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_year_after_meeting_year() {
        let s = Settings::default();
        let file = Files::default().add("meeting.yaml".into(), String::new());
        let loc = Loc::new(file, 0..0);
        assert!(check_sag("SAG-2021-00001", loc.clone(), Some(2020), &s).is_some());
        assert!(check_sag("SAG-2020-00001", loc, Some(2020), &s).is_none());
    }
}
