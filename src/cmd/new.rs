//! `rk new DATE [--from MEETING]`: the next meeting's folder, started from
//! an earlier meeting: its body, planned time, place, people in the body's
//! order (people.rs), party letters and sections, and its agenda's shape
//! (agenda.rs): standing items (`sag: none`, such as Siden sidst and
//! Eventuelt), group headings and postponed cases where they stood, a
//! commented template item where the other cases were. Nothing that was
//! that meeting's alone (afbud, substitutes, notes, approvals, decisions,
//! votes) comes along. The referent starts from sources that pass `rk
//! check`; an existing folder is never written over.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::NewArgs;
use crate::cmd::Outcome;
use crate::config::{ClosedDecisions, Numbering};
use crate::date::Date;
use crate::files::Files;
use crate::model::{CaseRef, Item, Meeting, Person, same_name};

mod agenda;
mod people;

use crate::paths;
use crate::project::Project;
use crate::source;
use crate::tr;
use agenda::{Agenda, Entry};
use people::Roster;

pub fn run(project: &Project, args: &NewArgs, cwd: &Path) -> Result<Outcome> {
    let Some(date) = Date::of_meeting_name(&args.date) else {
        bail!(tr!("error-new-not-a-date", date = args.date.as_str()));
    };
    let meetings = project.meetings_dir();
    let target = meetings.join(&args.date);
    if target.exists() {
        bail!(tr!("error-new-exists", folder = paths::shown(&target)));
    }
    let from = match &args.from {
        Some(name) => project.resolve(name, cwd)?,
        None => latest_before(project, date)?,
    };
    let mut files = Files::default();
    let previous = source::load(&from, &mut files, &mut Vec::new())?;
    if !previous.people_known {
        bail!(tr!(
            "error-new-people-unknown",
            meeting = previous.id.as_str()
        ));
    }
    let first = first_number(project, &previous, date)?;
    let folders = project.meetings()?;
    let earlier: Vec<PathBuf> = folders
        .iter()
        .filter(|dir| dir_date(dir).is_some_and(|d| previous.calendar_date().is_none_or(|p| d < p)))
        .cloned()
        .collect();
    let agenda = agenda::agenda(&previous, first);
    let roster = people::roster(&previous, &earlier);
    let start = Start {
        previous: &previous,
        files: &files,
        letters: project.config.groups.keys().cloned().collect(),
        id: &args.date,
        date,
        ordinal: ordinal(&folders, &previous, date),
    };
    let plan = NewMeeting::from(&start, &agenda, &roster);
    write(&meetings, &target, &plan)?;
    say(&target, &previous, &plan, &agenda, &roster);
    if project.config.closed_decisions == ClosedDecisions::Required
        && let Some(section) = agenda.sections.iter().find(|s| s.section.closed)
    {
        eprintln!(
            "{}",
            tr!("cmd-new-closed-required", from = section.from.to_string())
        );
    }
    eprintln!("{}", tr!("cmd-new-next", date = args.date.as_str()));
    Ok(Outcome::Success)
}

/// What rk new made: the items, the sections, where a member was put.
fn say(
    target: &Path,
    previous: &Meeting,
    plan: &NewMeeting,
    agenda: &Agenda<'_>,
    roster: &Roster<'_>,
) {
    let counts = agenda.counts();
    let (standing, templates) = (counts.standing, counts.templates);
    let groups = match counts.groups {
        0 => String::new(),
        n => tr!("cmd-new-groups", n = n),
    };
    let postponed = match counts.postponed {
        0 => String::new(),
        n => tr!("cmd-new-postponed", n = n),
    };
    eprintln!(
        "{}",
        tr!(
            "cmd-new-created",
            folder = paths::shown(target),
            from = previous.id.as_str(),
            items = crate::cmd::plural_items(plan.items.len()),
            standing = standing,
            groups = groups,
            postponed = postponed,
            templates = templates
        )
    );
    for section in &agenda.sections {
        let title = section
            .section
            .title
            .as_ref()
            .map_or("", |t| t.value.as_str());
        let from = section.from.to_string();
        let line = if section.section.closed {
            tr!("cmd-new-closed-section", title = title, from = from)
        } else {
            tr!("cmd-new-section", title = title, from = from)
        };
        eprintln!("{line}");
    }
    for note in &roster.notes {
        eprintln!("{}", tr!("cmd-new-note", note = note.as_str()));
    }
}

/// Whether the meeting.yaml in `dir` says `extraordinary: true`.
fn is_extraordinary(dir: &Path) -> bool {
    head_fields(dir)
        .iter()
        .any(|(k, v)| k == "extraordinary" && v == "true")
}

/// The top-level text fields of the meeting.yaml in `dir` (body, date,
/// number ...), read as far as it parses; none when it does not.
fn head_fields(dir: &Path) -> Vec<(String, String)> {
    use crate::source::yaml::{self, Value};
    let Ok(text) = fs::read_to_string(dir.join("meeting.yaml")) else {
        return Vec::new();
    };
    let Ok(Some(root)) = yaml::parse(&text, 0) else {
        return Vec::new();
    };
    let Value::Map(entries) = root.value else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_str()?.trim().to_string())))
        .collect()
}

/// The new meeting's ordinal (`number`): one more than that of the body's
/// latest meeting before `date` (an extraordinary one too), or 1 in a new
/// year; none when that meeting has none.
fn ordinal(folders: &[PathBuf], previous: &Meeting, date: Date) -> Option<String> {
    let body = previous.body.as_ref()?.value.as_str();
    let value = |fields: &[(String, String)], key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let latest = folders
        .iter()
        .rev()
        .filter(|dir| dir_date(dir).is_some_and(|d| d < date))
        .map(|dir| head_fields(dir))
        .find(|fields| value(fields, "body").is_some_and(|b| same_name(&b, body)))?;
    let number = value(&latest, "number")?.parse::<u32>().ok()?;
    let held = Date::parse(&value(&latest, "date")?)?;
    Some(
        if held.year() == date.year() {
            number + 1
        } else {
            1
        }
        .to_string(),
    )
}

/// The date a meeting folder is named by.
fn dir_date(dir: &Path) -> Option<Date> {
    dir.file_name()
        .and_then(|n| n.to_str())
        .and_then(Date::of_meeting_name)
}

/// The latest meeting folder dated before `date`: the latest ordinary one,
/// since an extraordinary meeting (`extraordinary: true`), called for one
/// case, has not the shape of the body's meetings; the latest one of all
/// when every earlier meeting was extraordinary.
fn latest_before(project: &Project, date: Date) -> Result<PathBuf> {
    let earlier: Vec<PathBuf> = project
        .meetings()?
        .into_iter()
        .filter(|dir| dir_date(dir).is_some_and(|d| d < date))
        .collect();
    earlier
        .iter()
        .rev()
        .find(|dir| !is_extraordinary(dir))
        .or(earlier.last())
        .cloned()
        .with_context(|| {
            tr!(
                "error-new-nothing-before",
                date = date.to_string(),
                dir = paths::shown(&project.meetings_dir())
            )
        })
}

/// The new meeting's first item: 1, or where the project numbers items
/// through the year (`numbering = "year"`), the number after the last item
/// of the body's latest meeting before `date` that year.
fn first_number(project: &Project, previous: &Meeting, date: Date) -> Result<u32> {
    if project.config.numbering != Numbering::Year {
        return Ok(1);
    }
    let Some(body) = previous.body.as_ref() else {
        return Ok(1);
    };
    let folders = project.meetings()?;
    let last = source::previous_of(&folders, &body.value, date).map_or(0, |p| p.last);
    // A year of items does not come near the end of the numbers: a number
    // that does is a typing slip, not a place to count on from.
    if last > u32::MAX / 2 {
        bail!(tr!("error-new-last-too-large", last = last.to_string()));
    }
    Ok(last + 1)
}

/// What the new meeting starts from: the meeting it is shaped on, its
/// folder's name, its date and its ordinal.
struct Start<'m> {
    previous: &'m Meeting,
    /// The files `previous` was read from.
    files: &'m Files,
    /// The group letters of rk.toml's `[groups]`.
    letters: Vec<String>,
    id: &'m str,
    date: Date,
    ordinal: Option<String>,
}

/// The files of the new meeting, by name.
struct NewMeeting {
    meeting_yaml: String,
    items: Vec<(String, String)>,
}

impl NewMeeting {
    /// The new meeting of `start`, with its `agenda` and `roster`.
    fn from(start: &Start<'_>, agenda: &Agenda<'_>, roster: &Roster<'_>) -> NewMeeting {
        let meeting_yaml = meeting_yaml(start, agenda, roster);
        let previous = start.previous;
        let items = agenda
            .items
            .iter()
            .map(|planned| match planned.entry {
                Entry::Standing(item) => carried_file(item, &planned.number, true),
                Entry::Group(item) => carried_file(item, &planned.number, false),
                Entry::Postponed(item) => {
                    let file = start.files.get(item.file).path().file_name();
                    let file = file.map(|f| f.to_string_lossy()).unwrap_or_default();
                    postponed_file(previous, item, &file, &planned.number)
                }
                Entry::Template => template_file(previous, &planned.number),
            })
            .collect();
        NewMeeting {
            meeting_yaml,
            items,
        }
    }
}

/// meeting.yaml of the new meeting: the body, planned time, place, people,
/// political groups and sections of `previous`. Who sent apologies last
/// time is a member again; a substitute, a guest, the notes, who attended
/// which items, absence, approval and status were for that meeting only.
fn meeting_yaml(start: &Start<'_>, agenda: &Agenda<'_>, roster: &Roster<'_>) -> String {
    let Start {
        previous,
        id,
        date,
        ordinal,
        ..
    } = start;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Started by rk new from {}: the body, place and people as they were then.\n\
         # Change who is present; list apologies under absent, guests under guests.",
        previous.id
    );
    let text =
        |field: &Option<crate::model::Spanned<String>>| field.as_ref().map(|f| f.value.clone());
    field(&mut out, "body", text(&previous.body).as_deref());
    let _ = writeln!(out, "date: {date}");
    if **id != date.to_string() {
        let _ = writeln!(
            out,
            "# The folder {id} holds a second meeting on this date."
        );
    }
    field(&mut out, "number", ordinal.as_deref());
    if previous.time.is_some() {
        let _ = writeln!(
            out,
            "# The planned time; when the meeting was held goes under actual_time after it."
        );
    }
    field(&mut out, "time", previous.time.as_deref());
    field(&mut out, "location", previous.location.as_deref());
    field(&mut out, "chair", text(&previous.chair).as_deref());
    field(&mut out, "referent", text(&previous.referent).as_deref());
    let mut letters: Vec<String> = previous
        .groups
        .iter()
        .map(|g| g.letter.value.clone())
        .collect();
    letters.extend(start.letters.iter().cloned());
    people(
        &mut out,
        "members",
        roster.members.iter().copied(),
        &letters,
    );
    people(&mut out, "others", roster.others.iter().copied(), &letters);
    groups(&mut out, previous);
    sections(&mut out, agenda);
    out
}

/// meeting.yaml's `groups:`, the letters of the parties, as the last
/// meeting defined them.
fn groups(out: &mut String, previous: &Meeting) {
    if previous.groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "groups:");
    for group in &previous.groups {
        let _ = writeln!(
            out,
            "  {}: {}",
            yaml_text(&group.letter.value),
            yaml_text(&group.name)
        );
    }
}

/// meeting.yaml's `sections:`, each from the first item now in it.
fn sections(out: &mut String, agenda: &Agenda<'_>) {
    if agenda.sections.is_empty() {
        return;
    }
    let _ = writeln!(out, "sections:");
    for planned in &agenda.sections {
        let title = planned
            .section
            .title
            .as_ref()
            .map_or("", |t| t.value.as_str());
        let _ = writeln!(out, "  - title: {}", yaml_text(title));
        let _ = writeln!(out, "    from: {}", planned.from);
        if planned.section.closed {
            let _ = writeln!(out, "    closed: true");
        }
    }
}

fn field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{key}: {}", yaml_text(value));
    }
}

/// A list of people, each with the fields that last beyond one meeting.
/// A party letter in brackets after a name (`Charlotte Brix (C)`) that is
/// a group's (`letters`) is written as the name alone and `party: C`, as
/// the warning about it asks.
fn people<'a>(
    out: &mut String,
    key: &str,
    people: impl Iterator<Item = &'a Person>,
    letters: &[String],
) {
    let mut people = people.peekable();
    if people.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for person in people {
        let mut name = person.name.value.as_str();
        let mut party = person.party.as_ref().map(|p| p.value.clone());
        if let Some((base, letter)) = crate::model::party_in_name(name)
            && match &party {
                Some(party) => party == letter,
                None => letters.iter().any(|l| l == letter),
            }
        {
            name = base;
            party = Some(letter.to_string());
        }
        let _ = writeln!(out, "  - name: {}", yaml_text(name));
        for (key, value) in [
            ("title", &person.title),
            ("organisation", &person.organisation),
            ("role", &person.role),
            ("party", &party),
        ] {
            if let Some(value) = value {
                let _ = writeln!(out, "    {key}: {}", yaml_text(value));
            }
        }
    }
}

/// A standing item (`standing`) or a group heading under its new number,
/// with its title, kind, responsible and `closed`, without the last
/// meeting's text, document number, decision, votes or corrections.
fn carried_file(item: &Item, number: &[u32], standing: bool) -> (String, String) {
    let title = item.title.as_ref().map_or("", |t| t.value.as_str());
    let mut text = format!(
        "---\nnumber: \"{}\"\ntitle: {}\n",
        dotted(number),
        yaml_text(title)
    );
    if let Some(kind) = item.kind {
        let _ = writeln!(text, "kind: {}", kind.key());
    }
    if standing || matches!(item.case.as_ref().map(|c| &c.value), Some(CaseRef::None)) {
        text.push_str("sag: none\n");
    }
    responsible(&mut text, item);
    if item.closed {
        text.push_str("closed: true\n");
    }
    text.push_str("---\n");
    (file_name(number, title), text)
}

/// `responsible:` of `item`, one name or a list, when it has any.
fn responsible(text: &mut String, item: &Item) {
    match item.responsible.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(text, "responsible: {}", yaml_text(&one.value));
        }
        several => {
            let names: Vec<String> = several.iter().map(|n| yaml_text(&n.value)).collect();
            let _ = writeln!(text, "responsible: [{}]", names.join(", "));
        }
    }
}

/// A case the last meeting postponed, under its new number: what it is
/// (title, kind, case, document number, responsible, who decides, closed),
/// with a comment that says where its text is, and nothing of what became
/// of it (status, votes, decision) nor its bilag, which stay in the last
/// meeting's folder.
fn postponed_file(previous: &Meeting, item: &Item, file: &str, number: &[u32]) -> (String, String) {
    let title = item.title.as_ref().map_or("", |t| t.value.as_str());
    let mut text = String::from("---\n");
    let old = item
        .number
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let _ = writeln!(
        text,
        "# Postponed at {} (item {old}, {}/{file}): bring over its text as far as it still holds.",
        previous.id, previous.id
    );
    let _ = writeln!(
        text,
        "number: \"{}\"\ntitle: {}",
        dotted(number),
        yaml_text(title)
    );
    if let Some(kind) = item.kind {
        let _ = writeln!(text, "kind: {}", kind.key());
    }
    if let Some(CaseRef::Ref(case)) = item.case.as_ref().map(|c| &c.value) {
        let _ = writeln!(text, "sag: {}", yaml_text(case));
    }
    if let Some(dok) = &item.document_number {
        let _ = writeln!(
            text,
            "dok: {}",
            serde_json::to_string(&dok.value).expect("a string is JSON")
        );
    }
    responsible(&mut text, item);
    if let Some(body) = &item.decided_by {
        let _ = writeln!(text, "decided_by: {}", yaml_text(&body.value));
    }
    if item.closed {
        text.push_str("closed: true\n");
    }
    text.push_str("---\n");
    (file_name(number, title), text)
}

/// A new item for the referent to fill in, with the optional fields as
/// comments.
fn template_file(previous: &Meeting, number: &[u32]) -> (String, String) {
    let body = previous
        .body
        .as_ref()
        .map_or("udvalget", |b| b.value.as_str());
    let text = format!(
        include_str!("new/item.md"),
        number = dotted(number),
        body = body.replace('\n', " ")
    );
    (file_name(number, "nyt punkt"), text)
}

/// `2.1` of `[2, 1]`.
fn dotted(number: &[u32]) -> String {
    let parts: Vec<String> = number.iter().map(u32::to_string).collect();
    parts.join(".")
}

/// `02-01-siden-sidst.md`: the number's parts, two digits at least, then
/// the title in lower-case letters and digits (æ, ø and å spelt ae, oe and
/// aa).
fn file_name(number: &[u32], title: &str) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        match c {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let parts: Vec<String> = number.iter().map(|n| format!("{n:02}")).collect();
    let number = parts.join("-");
    if slug.is_empty() {
        format!("{number}-punkt.md")
    } else {
        format!("{number}-{slug}.md")
    }
}

/// `value` as a YAML scalar: plain when YAML reads it back as the same text,
/// else double-quoted (JSON's escapes are YAML's).
fn yaml_text(value: &str) -> String {
    let plain = value.chars().next().is_some_and(|c| c.is_alphabetic())
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " .,/()'-".contains(c))
        && !value.ends_with(' ')
        && !["true", "false", "yes", "no", "null", "on", "off", "none"]
            .contains(&value.to_ascii_lowercase().as_str());
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).expect("a string is JSON")
    }
}

/// Writes the folder whole or not at all: into a temporary folder beside
/// it, renamed into place at the end.
fn write(meetings: &Path, target: &Path, plan: &NewMeeting) -> Result<()> {
    fs::create_dir_all(meetings)
        .with_context(|| tr!("error-cannot-make", path = paths::shown(meetings)))?;
    let staging = tempfile::Builder::new()
        .prefix(".rk-new-")
        .tempdir_in(meetings)
        .with_context(|| tr!("error-cannot-write-in", path = paths::shown(meetings)))?;
    let files = std::iter::once(("meeting.yaml", plan.meeting_yaml.as_str()))
        .chain(plan.items.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    for (name, text) in files {
        let path = staging.path().join(name);
        fs::write(&path, text)
            .with_context(|| tr!("error-cannot-write", path = path.display().to_string()))?;
    }
    if target.exists() {
        bail!(tr!("error-new-appeared", folder = paths::shown(target)));
    }
    fs::rename(staging.path(), target)
        .with_context(|| tr!("error-cannot-make", path = paths::shown(target)))?;
    let _ = staging.keep();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_spell_danish_letters() {
        assert_eq!(file_name(&[1], "Siden sidst"), "01-siden-sidst.md");
        assert_eq!(
            file_name(&[42], "Godkendelse af dagsorden"),
            "42-godkendelse-af-dagsorden.md"
        );
        assert_eq!(
            file_name(&[3], "Økonomi & årsregnskab"),
            "03-oekonomi-aarsregnskab.md"
        );
        assert_eq!(file_name(&[7], "???"), "07-punkt.md");
        assert_eq!(file_name(&[2, 10], "Samtykke"), "02-10-samtykke.md");
    }

    #[test]
    fn yaml_text_quotes_what_yaml_would_read_otherwise() {
        assert_eq!(yaml_text("Ghita Thiesen"), "Ghita Thiesen");
        assert_eq!(yaml_text("KL, Weidekampsgade 10"), "KL, Weidekampsgade 10");
        assert_eq!(yaml_text("10.00-14.00"), "\"10.00-14.00\"");
        assert_eq!(yaml_text("Budget: forslag"), "\"Budget: forslag\"");
        assert_eq!(yaml_text("no"), "\"no\"");
        assert_eq!(
            yaml_text("fra kl. 13:00 # sent"),
            "\"fra kl. 13:00 # sent\""
        );
    }
}
