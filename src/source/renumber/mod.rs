//! `rk renumber`: new numbers for a meeting's items in one step. The plan
//! is made whole first (every item's new number, every file's new text and
//! name, every reference to a number that changes: the people's `items`,
//! the sections' `from`, links to `#punkt-…` anchors), then applied so that
//! an error half-way puts every file back as it was. Running text that
//! mentions a number ("jf. punkt 30") is not changed, only pointed out.

mod apply;
mod numbers;

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{Context, Result, bail};
use regex::Regex;

use crate::files::{FileId, Files};
use crate::model::{Item, ItemNumber, Meeting, Part, Spanned};
use crate::tr;

pub use apply::{Staged, apply, apply_with, stage_renames};
use numbers::new_numbers;

/// What to renumber.
#[derive(Debug, Clone)]
pub enum Request {
    /// Item `from` to the place numbered `to` among the items of its level
    /// (top-level items, or the items of one group); those in between move
    /// one place up or down.
    Move { from: ItemNumber, to: ItemNumber },
    /// Every level numbered in its order without gaps: the top level from
    /// `first` when given (where the year's numbering says where the
    /// meeting starts), else from its first item; the items of a group
    /// from 1.
    Close { first: Option<u32> },
}

/// One file of the plan: its new text and, where its name begins with its
/// number, its new name.
#[derive(Debug, Clone)]
pub struct FileEdit {
    pub from: PathBuf,
    pub to: PathBuf,
    pub bytes: Vec<u8>,
    /// What changes in it, for the report (`number 31 -> 29`).
    pub changes: Vec<String>,
}

/// A number that changes, mentioned in running text and left as written.
#[derive(Debug, Clone)]
pub struct Mention {
    pub file: FileId,
    pub offset: usize,
    pub text: String,
}

/// The whole renumbering, before anything is written.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Each item whose number changes: old and new, in the new order.
    pub numbers: Vec<(ItemNumber, ItemNumber)>,
    pub edits: Vec<FileEdit>,
    pub mentions: Vec<Mention>,
}

impl Plan {
    /// The new number of `old`, where it changes.
    pub fn new_number(&self, old: &ItemNumber) -> Option<&ItemNumber> {
        self.numbers.iter().find(|(o, _)| o == old).map(|(_, n)| n)
    }
}

/// The plan for `request` on `meeting`, loaded into `files`. An error when
/// it cannot be done safely: an item without a readable number, two items
/// with one number, a reference that is not an item number, a number that
/// cannot be reached, a new file name that is taken.
pub fn plan(meeting: &Meeting, files: &Files, request: &Request) -> Result<Plan> {
    stopped_before(&meeting.dir)?;
    let numbers = numbered(meeting, files)?;
    let map = new_numbers(&numbers, request)?;
    let mut edits: BTreeMap<FileId, Vec<Edit>> = BTreeMap::new();
    for item in &meeting.items {
        let (Some(old), Some(text)) = (&item.number, &item.number_text) else {
            continue;
        };
        if let Some(new) = map.get(old) {
            edits
                .entry(item.file)
                .or_default()
                .push(Edit::number(text, new));
        }
    }
    references(meeting, files, &map, &mut edits)?;
    sections(meeting, &map, request, &mut edits)?;
    let mentions = anchors_and_mentions(meeting, files, &map, &mut edits)?;
    let mut numbers: Vec<(ItemNumber, ItemNumber)> = map.into_iter().collect();
    numbers.sort_by(|a, b| a.1.cmp(&b.1));
    let mut plan = Plan {
        numbers,
        edits: Vec::new(),
        mentions,
    };
    for (file, list) in edits {
        let edit = file_edit(meeting, files, file, list, &plan)?;
        plan.edits.push(edit);
    }
    free_names(&plan)?;
    Ok(plan)
}

/// An error when `dir` holds the working files of an rk renumber that was
/// stopped (killed, the machine halted) before it could finish or undo.
fn stopped_before(dir: &Path) -> Result<()> {
    let entries = fs::read_dir(dir)
        .with_context(|| tr!("error-cannot-read", path = crate::paths::shown(dir)))?;
    let left: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(".rk-renumber-"))
        .collect();
    if let Some(first) = left.first() {
        let more = match left.len() {
            1 => String::new(),
            n => format!(" {}", tr!("error-and-more", n = n - 1)),
        };
        bail!(tr!(
            "error-renumber-stopped-half-way",
            dir = crate::paths::shown(dir),
            files = format!("{first}{more}")
        ));
    }
    Ok(())
}

/// Every item's number; an error when one has none or two share one.
fn numbered(meeting: &Meeting, files: &Files) -> Result<Vec<ItemNumber>> {
    let id = &meeting.id;
    if meeting.unreadable_items > 0 {
        bail!(tr!("error-renumber-unreadable-item", meeting = id.as_str()));
    }
    let mut seen: BTreeMap<&ItemNumber, &Item> = BTreeMap::new();
    for item in &meeting.items {
        let name = files.get(item.file).display().to_string();
        let Some(number) = &item.number else {
            bail!(tr!(
                "error-renumber-no-number-read",
                meeting = id.as_str(),
                file = name
            ));
        };
        if let Some(other) = seen.insert(number, item) {
            bail!(tr!(
                "error-renumber-same-number",
                meeting = id.as_str(),
                other = files.get(other.file).display().to_string(),
                file = name,
                number = number.to_string()
            ));
        }
    }
    Ok(seen.into_keys().cloned().collect())
}

/// One change of a file's text: bytes of its decoded text and what goes
/// there, and a line for the report.
#[derive(Debug, Clone)]
struct Edit {
    span: Range<usize>,
    text: String,
    what: String,
}

impl Edit {
    /// `number: "31"` becomes `number: "29"`, in the same quotes.
    fn number(text: &Spanned<String>, new: &ItemNumber) -> Edit {
        Edit {
            span: text.span.clone(),
            text: new.to_string(),
            what: tr!(
                "cmd-renumber-change-number",
                old = text.value.as_str(),
                new = new.to_string()
            ),
        }
    }
}

/// The people's `items` of meeting.yaml, where they name a number that
/// changes; an error for an entry that is no item number (a word), which
/// rk cannot follow. A range (`29-31`, read as the items from 29 to 31)
/// is written anew from its new ends when its items still run together,
/// and refused when they would not.
fn references(
    meeting: &Meeting,
    files: &Files,
    map: &BTreeMap<ItemNumber, ItemNumber>,
    edits: &mut BTreeMap<FileId, Vec<Edit>>,
) -> Result<()> {
    let source = files.get(meeting.file);
    let people = crate::model::Group::ALL
        .into_iter()
        .flat_map(|g| meeting.people.group(g));
    let all_new: Vec<ItemNumber> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .map(|old| map.get(old).unwrap_or(old).clone())
        .collect();
    for person in people {
        for (span, entries) in places_of(&person.items) {
            let place = ItemsPlace {
                name: &person.name.value,
                span,
                entries,
            };
            if let Some(edit) = items_edit(meeting, source, map, &all_new, place)? {
                edits.entry(meeting.file).or_default().push(edit);
            }
        }
    }
    Ok(())
}

/// One place of a person's `items`: the entries written there (a range is
/// several).
struct ItemsPlace<'a> {
    name: &'a str,
    span: Range<usize>,
    entries: Vec<&'a Spanned<String>>,
}

/// The edit of one place of a person's `items` when a number written there
/// changes (`all_new`: the meeting's new numbers, for ranges); an error
/// for a word rk cannot follow or a range whose items would run apart.
fn items_edit(
    meeting: &Meeting,
    source: &crate::files::SourceFile,
    map: &BTreeMap<ItemNumber, ItemNumber>,
    all_new: &[ItemNumber],
    place: ItemsPlace<'_>,
) -> Result<Option<Edit>> {
    let ItemsPlace {
        name,
        span,
        entries,
    } = place;
    let written = unquoted(&source.text()[span.clone()]);
    let (line, _) = source.line_col(span.start);
    let place = || place_in(source, line);
    let olds: Option<Vec<ItemNumber>> = entries
        .iter()
        .map(|e| ItemNumber::parse(e.value.trim()))
        .collect();
    let Some(olds) = olds else {
        bail!(tr!(
            "error-renumber-not-a-number-in-items",
            meeting = meeting.id.as_str(),
            written = written,
            name = name,
            place = place()
        ));
    };
    let what = tr!("error-renumber-items-of", name = name);
    for old in &olds {
        not_taken(meeting, map, old, &what)?;
    }
    let news: Vec<ItemNumber> = olds
        .iter()
        .map(|o| map.get(o).unwrap_or(o).clone())
        .collect();
    let text = if entries.len() == 1 && written.trim() == entries[0].value.trim() {
        news[0].to_string()
    } else {
        range_text(written, &news, all_new).with_context(|| {
            tr!(
                "error-renumber-range-apart",
                meeting = meeting.id.as_str(),
                written = written,
                name = name,
                place = place()
            )
        })?
    };
    if text == written {
        return Ok(None);
    }
    let what = tr!(
        "cmd-renumber-change-items",
        name = name,
        old = written,
        new = text.as_str()
    );
    Ok(Some(Edit { span, text, what }))
}

/// A person's `items` entries by the place they are written: a range is
/// several.
fn places_of(items: &[Spanned<String>]) -> Vec<(Range<usize>, Vec<&Spanned<String>>)> {
    let mut places: Vec<(Range<usize>, Vec<&Spanned<String>>)> = Vec::new();
    for entry in items {
        match places.iter_mut().find(|(span, _)| *span == entry.span) {
            Some((_, list)) => list.push(entry),
            None => places.push((entry.span.clone(), vec![entry])),
        }
    }
    places
}

/// `meeting.yaml, line 12`.
fn place_in(source: &crate::files::SourceFile, line: usize) -> String {
    let line = tr!("error-line", line = line.to_string());
    format!("{}, {line}", source.display())
}

/// A scalar's text without the quotes it is written in.
fn unquoted(written: &str) -> &str {
    match written.chars().next() {
        Some(q @ ('"' | '\'')) if written.len() >= 2 && written.ends_with(q) => {
            &written[1..written.len() - 1]
        }
        _ => written,
    }
}

/// The range `written` (`29-31`, `45 – 46`) anew for the items `news` it
/// holds after renumbering, its separator kept: an error when they are not
/// every item of their level from the first to the last of `all` (the
/// meeting's numbers after renumbering).
fn range_text(written: &str, news: &[ItemNumber], all: &[ItemNumber]) -> Result<String> {
    let (Some(first), Some(last)) = (news.iter().min(), news.iter().max()) else {
        bail!(tr!("error-renumber-empty-range"));
    };
    let mut held: Vec<&ItemNumber> = all
        .iter()
        .filter(|n| n.parent() == first.parent() && first <= *n && *n <= last)
        .collect();
    held.sort();
    let mut wanted: Vec<&ItemNumber> = news.iter().collect();
    wanted.sort();
    if held != wanted {
        let list: Vec<String> = wanted.iter().map(ToString::to_string).collect();
        bail!(tr!("error-renumber-range-becomes", items = list.join(", ")));
    }
    let at = written
        .find(['-', '–', '—'])
        .with_context(|| tr!("error-renumber-range-dash"))?;
    let dash = written[at..].chars().next().map_or(1, char::len_utf8);
    let left = written[..at].trim_end().len();
    let right = written.len() - written[at + dash..].trim_start().len();
    Ok(format!("{first}{}{last}", &written[left..right]))
}

/// An error when `old`, named by `what`, is no item of the meeting but
/// would name one after renumbering: the reference would silently change
/// its item.
fn not_taken(
    meeting: &Meeting,
    map: &BTreeMap<ItemNumber, ItemNumber>,
    old: &ItemNumber,
    what: &str,
) -> Result<()> {
    let exists = meeting.items.iter().any(|i| i.number.as_ref() == Some(old));
    if exists {
        return Ok(());
    }
    if let Some((now, _)) = map.iter().find(|(_, new)| *new == old) {
        bail!(tr!(
            "error-renumber-would-name",
            meeting = meeting.id.as_str(),
            old = old.to_string(),
            what = what,
            now = now.to_string()
        ));
    }
    Ok(())
}

/// A top-level item in the new order: its new number, the index of its
/// section (none outside every section) and its old number.
type Top<'m> = (ItemNumber, Option<usize>, &'m ItemNumber);

/// The sections' `from`: each section begins at the new number of the
/// first of its items, which stay in it. A moved item must stay in its
/// section (beside one of its items): moved out of "Lukkede punkter" it
/// would be published, so that is refused.
fn sections(
    meeting: &Meeting,
    map: &BTreeMap<ItemNumber, ItemNumber>,
    request: &Request,
    edits: &mut BTreeMap<FileId, Vec<Edit>>,
) -> Result<()> {
    if meeting.sections.is_empty() {
        return Ok(());
    }
    let tops = tops(meeting, map);
    if let Request::Move { from, .. } = request {
        stays_in_its_section(meeting, &tops, from)?;
    }
    for (i, section) in meeting.sections.iter().enumerate() {
        let (Some(old), Some(text)) = (&section.from, &section.from_text) else {
            continue;
        };
        let Some((new, _, _)) = tops.iter().find(|t| t.1 == Some(i)) else {
            continue;
        };
        if new != old {
            let title = section.title.as_ref().map_or("", |t| t.value.as_str());
            edits.entry(meeting.file).or_default().push(Edit {
                span: text.span.clone(),
                text: new.to_string(),
                what: tr!(
                    "cmd-renumber-change-section",
                    title = title,
                    old = old.to_string(),
                    new = new.to_string()
                ),
            });
        }
    }
    Ok(())
}

/// The top-level items with their sections, in the new order.
fn tops<'m>(meeting: &'m Meeting, map: &BTreeMap<ItemNumber, ItemNumber>) -> Vec<Top<'m>> {
    let index = |old: &ItemNumber| {
        let section = meeting.section_of(old)?;
        meeting
            .sections
            .iter()
            .position(|s| std::ptr::eq(s, section))
    };
    let mut tops: Vec<Top<'m>> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .filter(|n| n.depth() == 1)
        .map(|old| (map.get(old).unwrap_or(old).clone(), index(old), old))
        .collect();
    tops.sort();
    tops
}

/// Refuses a move of top-level item `from` that takes it away from every
/// other item of its section.
fn stays_in_its_section(meeting: &Meeting, tops: &[Top<'_>], from: &ItemNumber) -> Result<()> {
    let Some(at) = tops.iter().position(|(_, _, old)| *old == from) else {
        return Ok(());
    };
    if from.depth() != 1 {
        return Ok(());
    }
    let own = tops[at].1;
    let beside = |i: Option<usize>| i.and_then(|i| tops.get(i)).is_some_and(|t| t.1 == own);
    let alone = tops.iter().filter(|t| t.1 == own).count() == 1;
    if alone || beside(at.checked_sub(1)) || beside(Some(at + 1)) {
        return Ok(());
    }
    let title = |i: Option<usize>| {
        i.and_then(|i| meeting.sections[i].title.as_ref())
            .map_or_else(
                || tr!("error-renumber-no-section"),
                |t| tr!("error-renumber-the-section", title = t.value.as_str()),
            )
    };
    let closed = |i: Option<usize>| i.is_some_and(|i| meeting.sections[i].closed);
    let there = tops
        .get(at + 1)
        .or(at.checked_sub(1).and_then(|i| tops.get(i)))
        .and_then(|t| t.1);
    let (closed_own, closed_there) = (closed(own), closed(there));
    let (from, to, own, there) = (
        from.to_string(),
        tops[at].0.to_string(),
        title(own),
        title(there),
    );
    bail!(if closed_own && !closed_there {
        tr!(
            "error-renumber-out-of-closed-section",
            from = from,
            own = own,
            to = to,
            there = there
        )
    } else {
        tr!(
            "error-renumber-out-of-section",
            from = from,
            own = own,
            to = to,
            there = there
        )
    });
}

/// `#punkt-2-1`: a link to an item's anchor.
static ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#punkt-([0-9]+[a-z]?(?:-[0-9]+[a-z]?)*)\b").expect("a regex"));
/// "punkt 30", "punkterne 30 og 31": running text naming an item.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpunkt(?:et|erne)?\s+([0-9]+[a-z]?(?:\.[0-9]+[a-z]?)*)").expect("a regex")
});

/// Links to the anchors of items whose number changes, followed in every
/// item's text; mentions in running text (items and meeting.yaml),
/// returned to be pointed out.
fn anchors_and_mentions(
    meeting: &Meeting,
    files: &Files,
    map: &BTreeMap<ItemNumber, ItemNumber>,
    edits: &mut BTreeMap<FileId, Vec<Edit>>,
) -> Result<Vec<Mention>> {
    let mut mentions = Vec::new();
    let texts = std::iter::once(meeting.file)
        .chain(meeting.items.iter().map(|i| i.file))
        .map(|file| (file, 0));
    for (file, from) in texts {
        let text = files.get(file).text();
        let Some(body) = text.get(from..) else {
            continue;
        };
        for found in ANCHOR.captures_iter(body) {
            let whole = found.get(1).expect("group 1");
            let Some(old) = ItemNumber::parse(&whole.as_str().replace('-', ".")) else {
                continue;
            };
            let what = tr!(
                "error-renumber-the-link",
                anchor = whole.as_str(),
                file = files.get(file).display().to_string()
            );
            not_taken(meeting, map, &old, &what)?;
            if let Some(new) = map.get(&old) {
                let span = from + whole.start()..from + whole.end();
                edits.entry(file).or_default().push(Edit {
                    span,
                    text: new.to_string().replace('.', "-"),
                    what: tr!(
                        "cmd-renumber-change-link",
                        old = whole.as_str(),
                        new = new.to_string().replace('.', "-")
                    ),
                });
            }
        }
        for found in MENTION.captures_iter(body) {
            let number = found.get(1).expect("group 1");
            if ItemNumber::parse(number.as_str()).is_some_and(|n| map.contains_key(&n)) {
                let whole = found.get(0).expect("the match");
                mentions.push(Mention {
                    file,
                    offset: from + whole.start(),
                    text: whole.as_str().to_string(),
                });
            }
        }
    }
    Ok(mentions)
}

/// The file `file` with `edits` made, renamed where its name begins with
/// its item's number. The bytes on disk must be the text rk read (after a
/// byte order mark, which is kept).
fn file_edit(
    meeting: &Meeting,
    files: &Files,
    file: FileId,
    mut edits: Vec<Edit>,
    plan: &Plan,
) -> Result<FileEdit> {
    let source = files.get(file);
    let path = source.path().to_path_buf();
    let raw = fs::read(&path)
        .with_context(|| tr!("error-cannot-read", path = source.display().to_string()))?;
    let bom: &[u8] = if raw.starts_with(b"\xEF\xBB\xBF") {
        b"\xEF\xBB\xBF"
    } else {
        b""
    };
    if raw[bom.len()..] != *source.text().as_bytes() {
        bail!(tr!(
            "error-renumber-changed-meanwhile",
            file = source.display().to_string()
        ));
    }
    let mut text = source.text().to_string();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for edit in &edits {
        let old = &text[edit.span.clone()];
        let new = requote(old, &edit.text);
        text.replace_range(edit.span.clone(), &new);
    }
    let mut bytes = bom.to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let item = meeting.items.iter().find(|i| i.file == file);
    let to = item
        .and_then(|i| i.number.as_ref())
        .and_then(|old| Some((old, plan.new_number(old)?)))
        .and_then(|(old, new)| file_name(path.file_name()?.to_str()?, old, new))
        .map_or_else(|| path.clone(), |name| path.with_file_name(name));
    edits.reverse();
    let changes = merged(edits.into_iter().map(|e| e.what));
    Ok(FileEdit {
        from: path,
        to,
        bytes,
        changes,
    })
}

/// The changes of a file for the report, those of one person or field
/// on one line: `items of Anne Marie Søgaard: 42 -> 45, 43 -> 42`.
fn merged(changes: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for change in changes {
        let (what, how) = change.split_once(": ").unwrap_or(("", &change));
        match out.last_mut() {
            Some((last, list)) if !what.is_empty() && last == what => list.push(how.to_string()),
            _ => out.push((what.to_string(), vec![how.to_string()])),
        }
    }
    out.into_iter()
        .map(|(what, list)| {
            if what.is_empty() {
                list.join(", ")
            } else {
                format!("{what}: {}", list.join(", "))
            }
        })
        .collect()
}

/// `new` in the quotes `old` was written in.
fn requote(old: &str, new: &str) -> String {
    match old.chars().next() {
        Some(q @ ('"' | '\'')) if old.len() >= 2 && old.ends_with(q) => format!("{q}{new}{q}"),
        _ => new.to_string(),
    }
}

/// The file name for an item renumbered from `old` to `new`, when `name`
/// begins with `old`'s parts (`02-01-nyt.md` for 2.1, `45a-udbud.md` for
/// 45a), each part as wide as it was written.
pub fn file_name(name: &str, old: &ItemNumber, new: &ItemNumber) -> Option<String> {
    if old.depth() != new.depth() {
        return None;
    }
    let mut rest = name;
    let mut out = String::new();
    for (i, (old_part, new_part)) in old.0.iter().zip(&new.0).enumerate() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let letter = rest[digits..]
            .chars()
            .next()
            .filter(char::is_ascii_lowercase)
            .filter(|_| old_part.letter.is_some());
        let end = digits + letter.map_or(0, char::len_utf8);
        let written = Part::parse(rest[..end].trim_start_matches('0'))?;
        if digits == 0 || written != *old_part {
            return None;
        }
        let after = rest[end..].chars().next();
        let last = i + 1 == old.depth();
        if !(after == Some('-') || (last && after == Some('.'))) {
            return None;
        }
        out.push_str(&format!("{:0digits$}", new_part.n));
        if let Some(letter) = new_part.letter {
            out.push(letter);
        }
        rest = &rest[end..];
        if !last {
            out.push('-');
            rest = &rest[1..];
        }
    }
    Some(out + rest)
}

/// An error when a new name is taken by a file that keeps its name, or two
/// files would get one name.
fn free_names(plan: &Plan) -> Result<()> {
    let leaving: Vec<&PathBuf> = plan.edits.iter().map(|e| &e.from).collect();
    let mut taken: Vec<&PathBuf> = Vec::new();
    for edit in &plan.edits {
        let shown = crate::paths::shown(&edit.to);
        if taken.contains(&&edit.to) {
            bail!(tr!("error-renumber-same-name", file = shown));
        }
        if edit.to != edit.from
            && !leaving.contains(&&edit.to)
            && edit.to.symlink_metadata().is_ok()
        {
            bail!(tr!("error-renumber-name-taken", file = shown));
        }
        taken.push(&edit.to);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> ItemNumber {
        ItemNumber::parse(text).unwrap()
    }

    #[test]
    fn a_file_name_follows_its_number_as_wide_as_it_was_written() {
        let name = |file: &str, old: &str, new: &str| file_name(file, &n(old), &n(new));
        assert_eq!(
            name("31-cykelsti.md", "31", "29").as_deref(),
            Some("29-cykelsti.md")
        );
        assert_eq!(
            name("02-10-samtykke.md", "2.10", "2.3").as_deref(),
            Some("02-03-samtykke.md")
        );
        assert_eq!(
            name("02-01-nyt.md", "2.1", "3.1").as_deref(),
            Some("03-01-nyt.md")
        );
        assert_eq!(
            name("02-droeftelsessager.md", "2", "3").as_deref(),
            Some("03-droeftelsessager.md")
        );
        assert_eq!(
            name("45a-udbud.md", "45a", "44a").as_deref(),
            Some("44a-udbud.md")
        );
        assert_eq!(
            name("45a-udbud.md", "45a", "45").as_deref(),
            Some("45-udbud.md")
        );
        assert_eq!(name("9-x.md", "9", "10").as_deref(), Some("10-x.md"));
        assert_eq!(name("31.md", "31", "30").as_deref(), Some("30.md"));
        // Names that do not begin with the number keep their name.
        for (file, old) in [
            ("cykelsti.md", "31"),
            ("310-x.md", "31"),
            ("31a-x.md", "31"),
            ("02-nyt.md", "2.1"),
        ] {
            assert_eq!(name(file, old, "30"), None, "{file}");
        }
    }

    #[test]
    fn a_range_of_items_is_written_anew_from_its_new_ends_or_refused() {
        let all: Vec<ItemNumber> = ["29", "30", "31", "32", "33"]
            .iter()
            .map(|t| n(t))
            .collect();
        let range = |written: &str, news: &[&str]| {
            let news: Vec<ItemNumber> = news.iter().map(|t| n(t)).collect();
            range_text(written, &news, &all).map_err(|e| e.to_string())
        };
        assert_eq!(range("29-31", &["30", "31", "32"]).as_deref(), Ok("30-32"));
        assert_eq!(
            range("29 – 31", &["29", "30", "31"]).as_deref(),
            Ok("29 – 31")
        );
        assert_eq!(
            range("29-31", &["29", "31", "32"]),
            Err("its items become 29, 31, 32".to_string())
        );
    }
}
