//! `rk renumber`: new numbers for a meeting's items in one step. The plan
//! is made whole first (every item's new number, every file's new text and
//! name, every reference to a number that changes: the people's `items`,
//! the sections' `from`, links to `#punkt-…` anchors), then applied so that
//! an error half-way puts every file back as it was. Running text that
//! mentions a number ("jf. punkt 30") is not changed, only pointed out.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{Context, Result, bail};
use regex::Regex;

use crate::files::{FileId, Files};
use crate::model::{Item, ItemNumber, Meeting, Part, Spanned};

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
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read {}", crate::paths::shown(dir)))?;
    let left: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(".rk-renumber-"))
        .collect();
    if let Some(first) = left.first() {
        let more = match left.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        bail!(
            "{} holds {first}{more} from an rk renumber that was stopped half-way: each .rk-renumber-N.old is a file as it was, each .rk-renumber-N.new its renumbered text; put them back (git status and git restore show what is missing) and remove them, then renumber again",
            crate::paths::shown(dir),
        );
    }
    Ok(())
}

/// Every item's number; an error when one has none or two share one.
fn numbered(meeting: &Meeting, files: &Files) -> Result<Vec<ItemNumber>> {
    let id = &meeting.id;
    if meeting.unreadable_items > 0 {
        bail!(
            "cannot renumber {id}: an item file cannot be read, so its number is not known; fix the findings of `rk check {id}` first"
        );
    }
    let mut seen: BTreeMap<&ItemNumber, &Item> = BTreeMap::new();
    for item in &meeting.items {
        let name = files.get(item.file).display();
        let Some(number) = &item.number else {
            bail!(
                "cannot renumber {id}: {name} has no item number rk can read; fix the findings of `rk check {id}` first"
            );
        };
        if let Some(other) = seen.insert(number, item) {
            bail!(
                "cannot renumber {id}: {} and {name} are both item {number}, and which comes first is not known; give one of them its number first",
                files.get(other.file).display()
            );
        }
    }
    Ok(seen.into_keys().cloned().collect())
}

/// Old number -> new number for every item whose number changes.
fn new_numbers(
    numbers: &[ItemNumber],
    request: &Request,
) -> Result<BTreeMap<ItemNumber, ItemNumber>> {
    let mut levels: BTreeMap<Option<ItemNumber>, Vec<ItemNumber>> = BTreeMap::new();
    for number in numbers {
        levels
            .entry(number.parent())
            .or_default()
            .push(number.clone());
    }
    // Each level's new last parts, by old number; a level left out keeps
    // its parts.
    let mut parts: BTreeMap<ItemNumber, Part> = BTreeMap::new();
    match request {
        Request::Move { from, to } => {
            let siblings = levels.get(&from.parent()).cloned().unwrap_or_default();
            let order = moved_order(&siblings, from, to)?;
            parts.extend(number_level(&order, base(&siblings)?, Some(from))?);
        }
        Request::Close { first } => {
            for (parent, siblings) in &levels {
                let start = match parent {
                    None => first.map_or_else(|| base(siblings), Ok)?,
                    Some(_) => 1,
                };
                parts.extend(number_level(siblings, start, None)?);
            }
        }
    }
    let mut map = BTreeMap::new();
    for number in numbers {
        let new = renumbered(number, &parts);
        if &new != number {
            map.insert(number.clone(), new);
        }
    }
    Ok(map)
}

/// `number` with each of its parts renumbered: 2.1 is 3.1 when 2 is 3.
fn renumbered(number: &ItemNumber, parts: &BTreeMap<ItemNumber, Part>) -> ItemNumber {
    let mut new = Vec::new();
    for depth in 1..=number.depth() {
        let prefix = ItemNumber(number.0[..depth].to_vec());
        new.push(parts.get(&prefix).copied().unwrap_or(number.0[depth - 1]));
    }
    ItemNumber(new)
}

/// The first plain number of a level, where its numbering starts.
fn base(siblings: &[ItemNumber]) -> Result<u32> {
    match siblings.first().and_then(|n| n.0.last()) {
        Some(Part { n, letter: None }) => Ok(*n),
        Some(_) => bail!(
            "cannot renumber: item {} is lettered but no item comes before it to follow",
            siblings[0]
        ),
        None => Ok(1),
    }
}

/// The level's order after item `from` is moved to the place where it is
/// numbered `to`.
fn moved_order(
    siblings: &[ItemNumber],
    from: &ItemNumber,
    to: &ItemNumber,
) -> Result<Vec<ItemNumber>> {
    if !siblings.contains(from) {
        bail!("there is no item {from} to move");
    }
    if to.parent() != from.parent() {
        let level = match from.parent() {
            Some(parent) => format!("the items of group {parent} ({parent}.1, {parent}.2 …)"),
            None => "the top-level items".to_string(),
        };
        bail!("--to {to}: item {from} moves among {level}; give it a number there");
    }
    if to.0.last().is_some_and(|p| p.letter.is_some()) {
        bail!(
            "--to {to}: a moved item gets a plain number (a letter is for an item put in after the agenda was sent); move it to a number without a letter"
        );
    }
    let rest: Vec<ItemNumber> = siblings.iter().filter(|n| *n != from).cloned().collect();
    let start = base(siblings)?;
    // The last place that gives the number: after the lettered items of
    // the item it follows (44, 44a, then the moved item as 45), so that a
    // tillægspunkt stays after its item.
    for at in (0..=rest.len()).rev() {
        let mut order = rest.clone();
        order.insert(at, from.clone());
        let parts = number_level(&order, start, Some(from))?;
        if parts
            .iter()
            .any(|(n, p)| n == from && Some(p) == to.0.last())
        {
            return Ok(order);
        }
    }
    let last = number_level(siblings, start, None)?
        .last()
        .map(|(_, p)| p.to_string())
        .unwrap_or_default();
    bail!("--to {to}: the items there are numbered {start} to {last}; give a number among them")
}

/// The new last part of each of `order`, numbered from `start`: a plain
/// item (and the moved one) takes the next number, a lettered item the
/// next letter after the plain item before it (45a stays after its 45).
fn number_level(
    order: &[ItemNumber],
    start: u32,
    moved: Option<&ItemNumber>,
) -> Result<Vec<(ItemNumber, Part)>> {
    let mut out = Vec::new();
    let mut current: Option<Part> = None;
    let mut next = start;
    for number in order {
        let lettered = number.0.last().is_some_and(|p| p.letter.is_some());
        let part = if lettered && Some(number) != moved {
            let Some(before) = current else {
                bail!(
                    "cannot renumber: item {number} is lettered but no item comes before it to follow"
                );
            };
            let letter = match before.letter {
                None => 'a',
                Some('z') => bail!(
                    "cannot renumber: more than 26 lettered items after item {}",
                    before.n
                ),
                Some(c) => char::from(c as u8 + 1),
            };
            Part {
                n: before.n,
                letter: Some(letter),
            }
        } else {
            let part = Part::plain(next);
            next = next.checked_add(1).with_context(|| {
                format!("cannot renumber: item numbers after {next} do not fit")
            })?;
            part
        };
        current = Some(part);
        out.push((number.clone(), part));
    }
    Ok(out)
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
            what: format!("number {} -> {new}", text.value),
        }
    }
}

/// The people's `items` and the sections' `from` of meeting.yaml, where
/// they name a number that changes; an error for an entry that is no item
/// number (a range, a word), which rk cannot follow.
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
    for person in people {
        for entry in &person.items {
            let Some(old) = ItemNumber::parse(entry.value.trim()) else {
                let (line, _) = source.line_col(entry.span.start);
                bail!(
                    "cannot renumber {}: `{}` in the items of {} ({}, line {line}) is not one item number; write the numbers as a list ([24, 25, 26]) first",
                    meeting.id,
                    entry.value,
                    person.name.value,
                    source.display()
                );
            };
            let what = format!("the items of {}", person.name.value);
            not_taken(meeting, map, &old, &what)?;
            if let Some(new) = map.get(&old) {
                edits.entry(meeting.file).or_default().push(Edit {
                    span: entry.span.clone(),
                    text: new.to_string(),
                    what: format!("items of {}: {old} -> {new}", person.name.value),
                });
            }
        }
    }
    Ok(())
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
        bail!(
            "cannot renumber {}: `{old}` in {what} is no item of {}, and after renumbering it would name the item now numbered {now}; take it out or correct it first",
            meeting.id,
            meeting.id
        );
    }
    Ok(())
}

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
    let index = |old: &ItemNumber| {
        let section = meeting.section_of(old)?;
        meeting
            .sections
            .iter()
            .position(|s| std::ptr::eq(s, section))
    };
    // Top-level items: (new number, section), in the new order.
    let mut tops: Vec<(ItemNumber, Option<usize>, &ItemNumber)> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .filter(|n| n.depth() == 1)
        .map(|old| (map.get(old).unwrap_or(old).clone(), index(old), old))
        .collect();
    tops.sort();
    if let Request::Move { from, .. } = request
        && from.depth() == 1
        && let Some(at) = tops.iter().position(|(_, _, old)| *old == from)
    {
        let own = tops[at].1;
        let beside = |i: Option<usize>| i.and_then(|i| tops.get(i)).is_some_and(|t| t.1 == own);
        let alone = tops.iter().filter(|t| t.1 == own).count() == 1;
        if !alone && !beside(at.checked_sub(1)) && !beside(Some(at + 1)) {
            let title = |i: Option<usize>| {
                i.and_then(|i| meeting.sections[i].title.as_ref())
                    .map_or("no section".to_string(), |t| {
                        format!("the section {}", t.value)
                    })
            };
            let closed = |i: Option<usize>| i.is_some_and(|i| meeting.sections[i].closed);
            let there = tops
                .get(at + 1)
                .or(at.checked_sub(1).and_then(|i| tops.get(i)))
                .and_then(|t| t.1);
            bail!(
                "cannot move item {from} there: it lies in {}, and at {} it would lie in {}{}; move it within its section, or change the sections in meeting.yaml first",
                title(own),
                tops[at].0,
                title(there),
                if closed(own) && !closed(there) {
                    " and be published"
                } else {
                    ""
                }
            );
        }
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
                what: format!("section {title} from {old} -> {new}"),
            });
        }
    }
    Ok(())
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
            let what = format!(
                "the link #punkt-{} in {}",
                whole.as_str(),
                files.get(file).display()
            );
            not_taken(meeting, map, &old, &what)?;
            if let Some(new) = map.get(&old) {
                let span = from + whole.start()..from + whole.end();
                edits.entry(file).or_default().push(Edit {
                    span,
                    text: new.to_string().replace('.', "-"),
                    what: format!(
                        "link #punkt-{} -> #punkt-{}",
                        whole.as_str(),
                        new.to_string().replace('.', "-")
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
    let raw = fs::read(&path).with_context(|| format!("cannot read {}", source.display()))?;
    let bom: &[u8] = if raw.starts_with(b"\xEF\xBB\xBF") {
        b"\xEF\xBB\xBF"
    } else {
        b""
    };
    if raw[bom.len()..] != *source.text().as_bytes() {
        bail!(
            "{} changed while rk renumber read it: nothing was changed",
            source.display()
        );
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
            bail!("cannot renumber: two files would be named {shown}; rename one of them first");
        }
        if edit.to != edit.from
            && !leaving.contains(&&edit.to)
            && edit.to.symlink_metadata().is_ok()
        {
            bail!("cannot renumber: {shown} is there already; rename or remove it first");
        }
        taken.push(&edit.to);
    }
    Ok(())
}

/// Writes the plan: each new text beside its file, then every file out of
/// the way, then every new text into place, then the old texts removed.
/// When a step fails, the steps done are undone, so the folder is as it
/// was, and the error says so.
pub fn apply(plan: &Plan, dir: &Path) -> Result<()> {
    apply_with(plan, dir, &mut |from, to| fs::rename(from, to))
}

/// [`apply`] with the renames of the way forward done by `rename`, so that
/// a test can make one fail.
pub fn apply_with(
    plan: &Plan,
    dir: &Path,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> Result<()> {
    let new_of = |i: usize| dir.join(format!(".rk-renumber-{i}.new"));
    let old_of = |i: usize| dir.join(format!(".rk-renumber-{i}.old"));
    for (i, edit) in plan.edits.iter().enumerate() {
        if let Err(err) = fs::write(new_of(i), &edit.bytes) {
            (0..=i).for_each(|j| drop(fs::remove_file(new_of(j))));
            return Err(err).with_context(|| {
                format!(
                    "cannot write in {}: nothing was changed",
                    crate::paths::shown(dir)
                )
            });
        }
    }
    let mut moved_out = 0;
    let mut moved_in = 0;
    let mut result = Ok(());
    for (i, edit) in plan.edits.iter().enumerate() {
        result = rename(&edit.from, &old_of(i))
            .with_context(|| format!("cannot move {}", crate::paths::shown(&edit.from)));
        if result.is_err() {
            break;
        }
        moved_out += 1;
    }
    if result.is_ok() {
        for (i, edit) in plan.edits.iter().enumerate() {
            result = rename(&new_of(i), &edit.to)
                .with_context(|| format!("cannot write {}", crate::paths::shown(&edit.to)));
            if result.is_err() {
                break;
            }
            moved_in += 1;
        }
    }
    if let Err(err) = result {
        undo(plan, moved_in, moved_out, &new_of, &old_of);
        return Err(err.context("nothing was changed: every file is back as it was"));
    }
    for i in 0..plan.edits.len() {
        let _ = fs::remove_file(old_of(i));
    }
    Ok(())
}

/// Puts back what [`apply_with`] did: the first `moved_in` new texts out of
/// their places, the first `moved_out` files back under their names.
fn undo(
    plan: &Plan,
    moved_in: usize,
    moved_out: usize,
    new_of: &dyn Fn(usize) -> PathBuf,
    old_of: &dyn Fn(usize) -> PathBuf,
) {
    for (i, edit) in plan.edits.iter().enumerate().take(moved_in).rev() {
        let _ = fs::rename(&edit.to, new_of(i));
    }
    for (i, edit) in plan.edits.iter().enumerate().take(moved_out).rev() {
        let _ = fs::rename(old_of(i), &edit.from);
    }
    for i in 0..plan.edits.len() {
        let _ = fs::remove_file(new_of(i));
    }
}

/// What became of the renames in git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staged {
    /// The folder is in no git work tree (or git cannot be run): the files
    /// were renamed, and that is all.
    NoGit,
    /// The renames of the files git tracks are in git's index, as `git mv`
    /// puts them (the old content under the new name); how many.
    Renames(usize),
}

/// Moves the index entries of the renamed files that git tracks to their
/// new names, as `git mv` does: `git status` then shows each as a rename,
/// and the new numbers inside as a change not staged. One update of the
/// index (`git update-index --index-info`), after the files are in place.
pub fn stage_renames(plan: &Plan, dir: &Path) -> Result<Staged> {
    let renamed: Vec<(&str, &str)> = plan
        .edits
        .iter()
        .filter(|e| e.from != e.to)
        .filter_map(|e| Some((e.from.file_name()?.to_str()?, e.to.file_name()?.to_str()?)))
        .collect();
    if renamed.is_empty() || git(dir, &["rev-parse", "--is-inside-work-tree"], None).is_err() {
        return Ok(Staged::NoGit);
    }
    // Paths as the index holds them: from the work tree's top.
    let mut args = vec!["ls-files", "--stage", "--full-name", "-z", "--"];
    args.extend(renamed.iter().map(|(from, _)| *from));
    let listing = git(dir, &args, None).map_err(anyhow::Error::msg)?;
    let mut input = Vec::new();
    let mut count = 0;
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((head, name)) = entry.split_once('\t') else {
            continue;
        };
        let (folder, file) = name.rsplit_once('/').unwrap_or(("", name));
        let Some((_, to)) = renamed.iter().find(|(from, _)| *from == file) else {
            continue;
        };
        let to = if folder.is_empty() {
            (*to).to_string()
        } else {
            format!("{folder}/{to}")
        };
        let mut fields = head.split(' ');
        let (Some(mode), Some(object), Some("0")) = (fields.next(), fields.next(), fields.next())
        else {
            bail!("git's index has {name} in a merge conflict: resolve it, then rename");
        };
        input.extend_from_slice(format!("0 {object}\t{name}\0{mode} {object}\t{to}\0").as_bytes());
        count += 1;
    }
    if count > 0 {
        git(dir, &["update-index", "-z", "--index-info"], Some(&input))
            .map_err(anyhow::Error::msg)
            .context("the files are renamed, but git's index was not updated: `git add -A` on the meeting folder records the renames")?;
    }
    Ok(Staged::Renames(count))
}

/// Runs `git ARGS` in `dir` with `input` on its standard input: its
/// standard output, or what it said when it failed or could not be run.
fn git(dir: &Path, args: &[&str], input: Option<&[u8]>) -> std::result::Result<Vec<u8>, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("git cannot be run: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.unwrap_or_default())
            .map_err(|e| format!("git: {e}"))?;
    }
    let output = child.wait_with_output().map_err(|e| format!("git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> ItemNumber {
        ItemNumber::parse(text).unwrap()
    }

    fn numbers(list: &[&str]) -> Vec<ItemNumber> {
        list.iter().map(|t| n(t)).collect()
    }

    /// The changes of `request` on `list`, as `old -> new` texts.
    fn changes(list: &[&str], request: &Request) -> Vec<String> {
        new_numbers(&numbers(list), request)
            .unwrap()
            .into_iter()
            .map(|(old, new)| format!("{old} -> {new}"))
            .collect()
    }

    fn moving(from: &str, to: &str) -> Request {
        Request::Move {
            from: n(from),
            to: n(to),
        }
    }

    #[test]
    fn a_moved_item_takes_its_place_and_those_between_follow() {
        let list = ["29", "30", "31", "32", "33"];
        assert_eq!(
            changes(&list, &moving("32", "30")),
            ["30 -> 31", "31 -> 32", "32 -> 30"]
        );
        assert_eq!(
            changes(&list, &moving("29", "31")),
            ["29 -> 31", "30 -> 29", "31 -> 30"]
        );
        assert!(changes(&list, &moving("31", "31")).is_empty());
    }

    #[test]
    fn kl_numbers_move_within_their_group_and_a_group_takes_its_items_along() {
        let mut list = vec!["1", "2", "3"];
        let sub: Vec<String> = (1..=13).map(|i| format!("2.{i}")).collect();
        list.extend(sub.iter().map(String::as_str));
        let moved = changes(&list, &moving("2.10", "2.3"));
        assert_eq!(
            moved,
            [
                "2.3 -> 2.4",
                "2.4 -> 2.5",
                "2.5 -> 2.6",
                "2.6 -> 2.7",
                "2.7 -> 2.8",
                "2.8 -> 2.9",
                "2.9 -> 2.10",
                "2.10 -> 2.3"
            ]
        );
        let group = changes(&list, &moving("3", "2"));
        assert_eq!(group.len(), 15, "{group:?}");
        assert!(group.contains(&"2 -> 3".to_string()));
        assert!(group.contains(&"2.13 -> 3.13".to_string()));
        assert!(group.contains(&"3 -> 2".to_string()));
    }

    #[test]
    fn a_lettered_item_stays_after_its_item() {
        let list = ["44", "45", "45a", "46", "47"];
        assert_eq!(
            changes(&list, &moving("47", "45")),
            ["45 -> 46", "45a -> 46a", "46 -> 47", "47 -> 45"]
        );
        // Moved later, past a lettered item: 45a follows 45 as 44a.
        let list = ["41", "42", "43", "44", "45", "45a", "46"];
        assert_eq!(
            changes(&list, &moving("42", "45")),
            ["42 -> 45", "43 -> 42", "44 -> 43", "45 -> 44", "45a -> 44a"]
        );
        // A moved lettered item gets a plain number.
        assert_eq!(
            changes(&["44", "45", "45a", "46"], &moving("45a", "45")),
            ["45 -> 46", "45a -> 45", "46 -> 47"]
        );
    }

    #[test]
    fn closing_up_numbers_each_level_in_its_order() {
        let list = ["41", "43", "43a", "44", "44.2", "44.3"];
        assert_eq!(
            changes(&list, &Request::Close { first: None }),
            [
                "43 -> 42",
                "43a -> 42a",
                "44 -> 43",
                "44.2 -> 43.1",
                "44.3 -> 43.2"
            ]
        );
        assert_eq!(
            changes(&["3", "4"], &Request::Close { first: Some(29) }),
            ["3 -> 29", "4 -> 30"]
        );
    }

    #[test]
    fn what_cannot_be_reached_is_refused_with_the_reason() {
        let list = numbers(&["29", "30", "31", "2.1"]);
        for (request, says) in [
            (moving("35", "30"), "there is no item 35 to move"),
            (moving("31", "31a"), "a moved item gets a plain number"),
            (moving("2.1", "30"), "moves among the items of group 2"),
            (moving("31", "40"), "numbered 29 to 31"),
        ] {
            let err = new_numbers(&list, &request).unwrap_err().to_string();
            assert!(err.contains(says), "{request:?}: {err}");
        }
        let err = new_numbers(&numbers(&["45a", "46"]), &Request::Close { first: None })
            .unwrap_err()
            .to_string();
        assert!(err.contains("item 45a is lettered"), "{err}");
        let err = new_numbers(
            &numbers(&["1", "2"]),
            &Request::Close {
                first: Some(u32::MAX),
            },
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("do not fit"), "{err}");
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
    fn a_failure_at_any_step_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let files = [("29-a.md", "a29"), ("30-b.md", "b30"), ("31-c.md", "c31")];
        for (name, text) in files {
            fs::write(dir.path().join(name), text).unwrap();
        }
        let edit = |from: &str, to: &str, text: &str| FileEdit {
            from: dir.path().join(from),
            to: dir.path().join(to),
            bytes: text.as_bytes().to_vec(),
            changes: Vec::new(),
        };
        // A cycle of names: 31 to 29, 29 to 30, 30 to 31.
        let plan = Plan {
            numbers: Vec::new(),
            edits: vec![
                edit("29-a.md", "30-a.md", "a30"),
                edit("30-b.md", "31-b.md", "b31"),
                edit("31-c.md", "29-c.md", "c29"),
            ],
            mentions: Vec::new(),
        };
        let snapshot = || {
            let mut all: Vec<(String, String)> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| {
                    let e = e.unwrap();
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read_to_string(e.path()).unwrap(),
                    )
                })
                .collect();
            all.sort();
            all
        };
        let before = snapshot();
        // Six renames on the way forward: fail each one in turn.
        for failing in 0..6 {
            let mut count = 0;
            let err = apply_with(&plan, dir.path(), &mut |from, to| {
                count += 1;
                if count == failing + 1 {
                    return Err(io::Error::other("disk full"));
                }
                fs::rename(from, to)
            })
            .unwrap_err();
            assert!(
                format!("{err:#}").contains("nothing was changed"),
                "{err:#}"
            );
            assert_eq!(snapshot(), before, "failing rename {failing}");
        }
        apply(&plan, dir.path()).unwrap();
        let names: Vec<(String, String)> = snapshot();
        assert_eq!(
            names,
            [
                ("29-c.md".to_string(), "c29".to_string()),
                ("30-a.md".to_string(), "a30".to_string()),
                ("31-b.md".to_string(), "b31".to_string())
            ]
        );
    }
}
