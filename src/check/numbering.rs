//! The items' numbers: well formed, at most three levels, each used once,
//! counting without gaps. One mistake gives one finding: an item whose
//! number duplicates another's or breaks the count, where its file name
//! (`27-...md`) or its neighbour says the number that is missing, is
//! reported once, with that number as the fix, and the checks go on as if
//! it had it; the gap or the duplicate it caused is not reported again.

use std::collections::BTreeMap;

use crate::check::findings;
use crate::diag::{Diagnostic, Loc};
use crate::files::Files;
use crate::model::{Item, ItemNumber, Meeting, Part, PreviousMeeting};

const MAX_DEPTH: usize = 3;

/// True when every item's number is known: no item file is unreadable and
/// every number is well formed.
pub fn numbers_known(meeting: &Meeting) -> bool {
    let unknown_number = meeting
        .items
        .iter()
        .any(|i| i.number_text.is_some() && i.number.is_none());
    meeting.unreadable_items == 0 && !unknown_number
}

/// True when the numbers are known and count without a duplicate or a
/// gap: only then is an item number written elsewhere (a person's `items`,
/// a section's `from`) judged against them, as the numbering finding
/// otherwise says what is wrong, once.
pub fn in_order(meeting: &Meeting, through_year: bool) -> bool {
    let numbered = well_formed(meeting, &mut Vec::new());
    numbers_known(meeting) && Count { through_year }.problems(&numbered, true).is_empty()
}

/// The numbering findings of `meeting`. With items numbered through the
/// year (`through_year`) the count starts at the first top-level item, and
/// that item follows the last one of the body's `previous` meeting.
pub fn check(
    meeting: &Meeting,
    files: &Files,
    through_year: bool,
    previous: Option<&PreviousMeeting>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut numbered = well_formed(meeting, diags);
    let known = numbers_known(meeting);
    let count = Count { through_year };
    let mut problems = count.problems(&numbered, known);
    if known && !problems.is_empty() {
        for moved in renumbered(files, &count, &mut numbered, &mut problems) {
            diags.push(moved.finding(&numbered, files));
        }
    }
    for problem in &problems {
        diags.push(problem.finding(meeting, &numbered, files));
    }
    if through_year && known {
        diags.extend(continues(&numbered, previous));
    }
}

/// An item and the number the checks take it for.
struct Numbered<'m> {
    number: ItemNumber,
    item: &'m Item,
}

/// The items with a well-formed number, in the meeting's order; a
/// malformed number and one of more than three levels are findings.
fn well_formed<'m>(meeting: &'m Meeting, diags: &mut Vec<Diagnostic>) -> Vec<Numbered<'m>> {
    let mut numbered = Vec::new();
    for item in &meeting.items {
        let Some(text) = &item.number_text else {
            continue;
        };
        let loc = Loc::new(item.file, text.span.clone());
        let Some(number) = &item.number else {
            diags.push(findings::not_an_item_number(loc, &text.value));
            continue;
        };
        if number.depth() > MAX_DEPTH {
            diags.push(findings::number_too_deep(loc, number));
        }
        numbered.push(Numbered {
            number: number.clone(),
            item,
        });
    }
    numbered
}

/// One thing wrong with the count, by index into the numbered items.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// The item at `index` has the number of the one at `first`.
    Twice { index: usize, first: usize },
    /// A sub-item without its parent.
    NoParent { index: usize, parent: ItemNumber },
    /// A gap before the item at `index`: `missing` should come first;
    /// `before` is the sibling it follows; `later` counts the siblings
    /// after it.
    Missing {
        index: usize,
        missing: ItemNumber,
        before: Option<ItemNumber>,
        later: usize,
    },
}

/// How the siblings of one level count.
struct Count {
    through_year: bool,
}

impl Count {
    /// Everything wrong with the numbers: duplicates, sub-items without
    /// their parent and, while every number is `known`, gaps.
    fn problems(&self, numbered: &[Numbered<'_>], known: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut first: BTreeMap<&ItemNumber, usize> = BTreeMap::new();
        for (index, n) in numbered.iter().enumerate() {
            match first.get(&n.number) {
                Some(&first) => problems.push(Problem::Twice { index, first }),
                None => {
                    first.insert(&n.number, index);
                }
            }
        }
        if !known {
            return problems;
        }
        let mut levels: BTreeMap<&[Part], Vec<(&ItemNumber, usize)>> = BTreeMap::new();
        for (&number, &index) in &first {
            if let Some(parent) = number.parent()
                && !first.contains_key(&parent)
            {
                problems.push(Problem::NoParent { index, parent });
            }
            let parent = &number.0[..number.0.len() - 1];
            levels.entry(parent).or_default().push((number, index));
        }
        for (parent, siblings) in &levels {
            let start = match siblings.first() {
                Some((first, _)) if self.through_year && parent.is_empty() => first.0[0].n,
                _ => 1,
            };
            problems.extend(gaps(siblings, start));
        }
        problems
    }
}

/// Siblings count `start`, `start` + 1 ...: a problem at each that does
/// not. An item added after another (`2a` after `2`, `2b` after `2a`) is
/// no gap; a letter needs its item before it (`2a` needs `2`, `2b` `2a`).
fn gaps(siblings: &[(&ItemNumber, usize)], start: u32) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut expected = Part::plain(start);
    let mut before: Option<Part> = None;
    for (at, &(number, index)) in siblings.iter().enumerate() {
        let Some(&last) = number.0.last() else {
            continue;
        };
        if let Some(missing) = missing_before(last, expected, before) {
            problems.push(Problem::Missing {
                index,
                missing: with_last(number, missing),
                before: before.map(|b| with_last(number, b)),
                later: siblings.len() - at - 1,
            });
        }
        expected = Part::plain(last.n.saturating_add(1));
        before = Some(last);
    }
    problems
}

/// The part missing before `last`, when it does not follow `before`: a
/// plain number must be `expected`, a letter must follow the part of the
/// same number before it (`2` before `2a`, `2a` before `2b`).
fn missing_before(last: Part, expected: Part, before: Option<Part>) -> Option<Part> {
    let Some(letter) = last.letter else {
        return (last.n != expected.n).then_some(expected);
    };
    let previous_letter = match letter {
        'a' => None,
        c => char::from_u32(c as u32 - 1),
    };
    let wanted = Part {
        n: last.n,
        letter: previous_letter,
    };
    (before != Some(wanted)).then_some(wanted)
}

/// `number` with its last part replaced by `last`.
fn with_last(number: &ItemNumber, last: Part) -> ItemNumber {
    let mut parts = number.0.clone();
    if let Some(l) = parts.last_mut() {
        *l = last;
    }
    ItemNumber(parts)
}

/// An item taken for another number than its own, and why.
struct Moved {
    index: usize,
    written: ItemNumber,
    /// The item before it when the gap was right before it.
    follows: Option<ItemNumber>,
    /// True when its file name says the number; false when it is the
    /// missing neighbour of a number used twice.
    by_name: bool,
}

impl Moved {
    fn finding(&self, numbered: &[Numbered<'_>], files: &Files) -> Diagnostic {
        let Numbered { number, item } = &numbered[self.index];
        let other = numbered
            .iter()
            .enumerate()
            .find(|(i, n)| *i != self.index && n.number == self.written)
            .map(|(_, n)| place(n.item, files));
        let loc = number_loc(item);
        if self.by_name {
            let before = match &other {
                Some(other) => findings::Misnumbered::Twice(other),
                None => match &self.follows {
                    Some(before) => findings::Misnumbered::Follows(before),
                    None => findings::Misnumbered::OutOfSequence,
                },
            };
            findings::number_not_the_file_name(loc, &self.written, number, before)
        } else {
            let other = other.unwrap_or_default();
            findings::number_twice_one_missing(loc, &self.written, number, &other)
        }
    }
}

/// Takes an item whose number is a mistake for another number, once its
/// file name (or, for a number used twice, the number after or before it)
/// says one that no item has and that leaves fewer problems: the item is
/// taken for it from then on. Each such item is returned; `problems` are
/// what is left.
fn renumbered(
    files: &Files,
    count: &Count,
    numbered: &mut [Numbered<'_>],
    problems: &mut Vec<Problem>,
) -> Vec<Moved> {
    let mut moved = Vec::new();
    for index in 0..numbered.len() {
        let path = files.get(numbered[index].item.file).path();
        if let Some(hint) = name_number(path)
            && let Some(m) = try_number(count, numbered, problems, index, hint, true)
        {
            moved.push(m);
        }
    }
    let twice: Vec<usize> = problems
        .iter()
        .filter_map(|p| match p {
            Problem::Twice { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    for index in twice {
        for neighbour in neighbours(&numbered[index].number) {
            if let Some(m) = try_number(count, numbered, problems, index, neighbour, false) {
                moved.push(m);
                break;
            }
        }
    }
    moved
}

/// Takes the item at `index` for `number` when no item has that number
/// and the count then has fewer problems.
fn try_number(
    count: &Count,
    numbered: &mut [Numbered<'_>],
    problems: &mut Vec<Problem>,
    index: usize,
    number: ItemNumber,
    by_name: bool,
) -> Option<Moved> {
    if numbered.iter().any(|n| n.number == number) {
        return None;
    }
    let follows = problems.iter().find_map(|p| match p {
        Problem::Missing {
            index: at,
            missing,
            before,
            ..
        } if *at == index && *missing == number => before.clone(),
        _ => None,
    });
    let written = std::mem::replace(&mut numbered[index].number, number);
    let fewer = count.problems(numbered, true);
    if fewer.len() < problems.len() {
        *problems = fewer;
        return Some(Moved {
            index,
            written,
            follows,
            by_name,
        });
    }
    numbered[index].number = written;
    None
}

/// The numbers next to `number` at its level: one more, one less.
fn neighbours(number: &ItemNumber) -> Vec<ItemNumber> {
    let Some(&last) = number.0.last() else {
        return Vec::new();
    };
    let mut near = vec![with_last(number, Part::plain(last.n.saturating_add(1)))];
    if last.letter.is_none() && last.n > 1 {
        near.push(with_last(number, Part::plain(last.n - 1)));
    }
    near
}

/// The number an item's file name starts with: `27-budget.md` is 27,
/// `02-01-nyt.md` 2.1, `45a-tillaeg.md` 45a.
fn name_number(path: &std::path::Path) -> Option<ItemNumber> {
    let stem = path.file_stem()?.to_str()?;
    let parts: Vec<Part> = stem
        .split(['-', '_', ' ', '.'])
        .map_while(|word| Part::parse(word.trim_start_matches('0')))
        .collect();
    (!parts.is_empty() && parts.len() <= MAX_DEPTH).then_some(ItemNumber(parts))
}

/// `file:line` of an item's number, as a finding names another file.
fn place(item: &Item, files: &Files) -> String {
    let file = files.get(item.file);
    let (line, _) = file.line_col(item.number_text.as_ref().map_or(0, |t| t.span.start));
    format!("{}:{line}", file.display())
}

fn number_loc(item: &Item) -> Loc {
    let span = item.number_text.as_ref().map_or(0..0, |t| t.span.clone());
    Loc::new(item.file, span)
}

impl Problem {
    fn finding(&self, meeting: &Meeting, numbered: &[Numbered<'_>], files: &Files) -> Diagnostic {
        match self {
            Problem::Twice { index, first } => {
                let Numbered { number, item } = &numbered[*index];
                let first = place(numbered[*first].item, files);
                findings::number_used_twice(number_loc(item), number, &first)
            }
            Problem::NoParent { index, parent } => {
                let Numbered { number, item } = &numbered[*index];
                findings::no_parent_item(number_loc(item), number, parent)
            }
            Problem::Missing {
                index,
                missing,
                before,
                later,
            } => {
                let Numbered { number, item } = &numbered[*index];
                let sections = number.depth() == 1
                    && meeting
                        .sections
                        .iter()
                        .filter_map(|s| s.from.as_ref())
                        .any(|from| from >= number);
                let after = findings::Later {
                    items: *later,
                    sections,
                };
                findings::number_missing(number_loc(item), number, missing, before.as_ref(), after)
            }
        }
    }
}

/// With items numbered through the year: the first top-level item follows
/// the last one of the body's previous meeting of the year, if there is one.
fn continues(numbered: &[Numbered<'_>], previous: Option<&PreviousMeeting>) -> Option<Diagnostic> {
    let previous = previous?;
    let first = numbered
        .iter()
        .filter(|n| n.number.depth() == 1)
        .min_by(|a, b| a.number.cmp(&b.number))?;
    (first.number.0 != [Part::plain(previous.last.saturating_add(1))]).then(|| {
        findings::numbering_does_not_continue(number_loc(first.item), &first.number, previous)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_says_its_number() {
        let number = |name: &str| name_number(std::path::Path::new(name)).map(|n| n.to_string());
        assert_eq!(number("m/27-budget.md").as_deref(), Some("27"));
        assert_eq!(number("m/02-01-nyt.md").as_deref(), Some("2.1"));
        assert_eq!(number("m/45a-tillaeg.md").as_deref(), Some("45a"));
        assert_eq!(number("m/budget.md"), None);
        assert_eq!(number("m/NN-nyt-punkt.md"), None);
    }
}
