//! `rk new DATE [--from MEETING]`: the next meeting's folder, started from
//! an earlier meeting: its body and people, its standing items (those with
//! `sag: none`, such as Siden sidst and Eventuelt) and a commented template
//! item, so that the referent starts from sources that pass `rk check`.
//! An existing folder is never written over.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::NewArgs;
use crate::cmd::Outcome;
use crate::config::Numbering;
use crate::date::Date;
use crate::files::Files;
use crate::model::{CaseRef, Item, Meeting, Person};
use crate::paths;
use crate::project::Project;
use crate::source;

pub fn run(project: &Project, args: &NewArgs, cwd: &Path) -> Result<Outcome> {
    let Some(date) = Date::of_meeting_name(&args.date) else {
        bail!(
            "`{}` is not a meeting date: write it as YYYY-MM-DD (2021-04-21), optionally with a suffix (2021-04-21-ekstra)",
            args.date
        );
    };
    let meetings = project.meetings_dir();
    let target = meetings.join(&args.date);
    if target.exists() {
        bail!(
            "{} already exists: rk new starts a new meeting and writes over nothing",
            paths::shown(&target)
        );
    }
    let from = match &args.from {
        Some(name) => project.resolve(name, cwd)?,
        None => latest_before(project, date)?,
    };
    let mut files = Files::default();
    let previous = source::load(&from, &mut files, &mut Vec::new())?;
    if !previous.people_known {
        bail!(
            "cannot read who attended {}: fix its meeting.yaml first (rk check {})",
            previous.id,
            previous.id
        );
    }
    let first = first_number(project, &previous, date)?;
    let plan = NewMeeting::from(&previous, &args.date, date, first);
    write(&meetings, &target, &plan)?;
    eprintln!(
        "created {} from {}: {} ({} standing, 1 to fill in)",
        paths::shown(&target),
        previous.id,
        crate::cmd::plural_items(plan.items.len()),
        plan.items.len() - 1
    );
    eprintln!(
        "next: write the items, then `rk check {}`; standing items have no text until the meeting",
        args.date
    );
    Ok(Outcome::Success)
}

/// The latest meeting folder dated before `date`.
fn latest_before(project: &Project, date: Date) -> Result<PathBuf> {
    project
        .meetings()?
        .into_iter()
        .rfind(|dir| {
            dir.file_name()
                .and_then(|n| n.to_str())
                .and_then(Date::of_meeting_name)
                .is_some_and(|d| d < date)
        })
        .with_context(|| {
            format!(
                "no meeting before {date} under {} to start from: name one with --from, or start a project with rk init",
                paths::shown(&project.meetings_dir())
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
    Ok(source::previous_of(&folders, &body.value, date).map_or(1, |p| p.last + 1))
}

/// The files of the new meeting, by name.
struct NewMeeting {
    meeting_yaml: String,
    items: Vec<(String, String)>,
}

impl NewMeeting {
    /// The new meeting `id` on `date`, from `previous`, its items numbered
    /// from `first`.
    fn from(previous: &Meeting, id: &str, date: Date, first: u32) -> NewMeeting {
        let meeting_yaml = meeting_yaml(previous, id, date);
        let (head, tail) = standing_items(previous);
        let mut items = Vec::new();
        let mut number = first;
        for item in head {
            items.push(standing_file(item, number));
            number += 1;
        }
        items.push(template_file(previous, number));
        number += 1;
        for item in tail {
            items.push(standing_file(item, number));
            number += 1;
        }
        NewMeeting {
            meeting_yaml,
            items,
        }
    }
}

/// The standing items of `meeting`: top-level items with `sag: none`, in
/// number order, split into those before the others and the one that
/// closes the meeting (Eventuelt: the last item, when it is standing).
fn standing_items(meeting: &Meeting) -> (Vec<&Item>, Vec<&Item>) {
    let mut standing: Vec<&Item> = meeting
        .items
        .iter()
        .filter(|item| {
            item.number.as_ref().is_some_and(|n| n.depth() == 1)
                && matches!(item.case.as_ref().map(|s| &s.value), Some(CaseRef::None))
                && !item.is_group(&meeting.items)
        })
        .collect();
    standing.sort_by(|a, b| a.number.cmp(&b.number));
    let last = meeting
        .items
        .iter()
        .filter(|item| item.number.as_ref().is_some_and(|n| n.depth() == 1))
        .map(|item| &item.number)
        .max();
    let tail = match standing.last() {
        Some(item) if Some(&item.number) == last => vec![standing.pop().expect("a last item")],
        _ => Vec::new(),
    };
    (standing, tail)
}

/// meeting.yaml of the new meeting: the body, place and people of
/// `previous`. Who sent apologies last time is a member again; a
/// substitute, a guest and the notes were for that meeting only.
fn meeting_yaml(previous: &Meeting, id: &str, date: Date) -> String {
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
    if id != date.to_string() {
        let _ = writeln!(
            out,
            "# The folder {id} holds a second meeting on this date."
        );
    }
    let number = text(&previous.number).and_then(|n| n.parse::<u32>().ok());
    field(
        &mut out,
        "number",
        number.map(|n| (n + 1).to_string()).as_deref(),
    );
    field(&mut out, "time", previous.time.as_deref());
    field(&mut out, "location", previous.location.as_deref());
    field(&mut out, "chair", text(&previous.chair).as_deref());
    field(&mut out, "referent", text(&previous.referent).as_deref());
    let substitutes: Vec<&Person> = previous
        .people
        .present()
        .filter(|p| p.substitute_for.is_some())
        .collect();
    let members = previous
        .people
        .members
        .iter()
        .chain(&previous.people.absent)
        .filter(|p| !substitutes.iter().any(|s| std::ptr::eq(*s, *p)));
    people(&mut out, "members", members);
    let others = previous
        .people
        .others
        .iter()
        .filter(|p| p.substitute_for.is_none());
    people(&mut out, "others", others);
    out
}

fn field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{key}: {}", yaml_text(value));
    }
}

/// A list of people, each with the fields that last beyond one meeting.
fn people<'a>(out: &mut String, key: &str, people: impl Iterator<Item = &'a Person>) {
    let mut people = people.peekable();
    if people.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for person in people {
        let _ = writeln!(out, "  - name: {}", yaml_text(&person.name.value));
        let party = person.party.as_ref().map(|p| p.value.clone());
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

/// A standing item under its new number, without the last meeting's text.
fn standing_file(item: &Item, number: u32) -> (String, String) {
    let title = item.title.as_ref().map_or("", |t| t.value.as_str());
    let mut text = format!(
        "---\nnumber: \"{number}\"\ntitle: {}\nsag: none\n",
        yaml_text(title)
    );
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
    text.push_str("---\n");
    (file_name(number, title), text)
}

/// A new item for the referent to fill in, with the optional fields as
/// comments.
fn template_file(previous: &Meeting, number: u32) -> (String, String) {
    let body = previous
        .body
        .as_ref()
        .map_or("udvalget", |b| b.value.as_str());
    let text = format!(
        include_str!("new/item.md"),
        number = number,
        body = body.replace('\n', " ")
    );
    (file_name(number, "nyt punkt"), text)
}

/// `02-siden-sidst.md`: the number, then the title in lower-case letters
/// and digits (æ, ø and å spelt ae, oe and aa).
fn file_name(number: u32, title: &str) -> String {
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
    if slug.is_empty() {
        format!("{number:02}-punkt.md")
    } else {
        format!("{number:02}-{slug}.md")
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
        .with_context(|| format!("cannot make {}", paths::shown(meetings)))?;
    let staging = tempfile::Builder::new()
        .prefix(".rk-new-")
        .tempdir_in(meetings)
        .with_context(|| format!("cannot write in {}", paths::shown(meetings)))?;
    let files = std::iter::once(("meeting.yaml", plan.meeting_yaml.as_str()))
        .chain(plan.items.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    for (name, text) in files {
        let path = staging.path().join(name);
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if target.exists() {
        bail!(
            "{} appeared while rk new wrote: nothing was changed",
            paths::shown(target)
        );
    }
    fs::rename(staging.path(), target)
        .with_context(|| format!("cannot make {}", paths::shown(target)))?;
    let _ = staging.keep();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_spell_danish_letters() {
        assert_eq!(file_name(1, "Siden sidst"), "01-siden-sidst.md");
        assert_eq!(
            file_name(42, "Godkendelse af dagsorden"),
            "42-godkendelse-af-dagsorden.md"
        );
        assert_eq!(
            file_name(3, "Økonomi & årsregnskab"),
            "03-oekonomi-aarsregnskab.md"
        );
        assert_eq!(file_name(7, "???"), "07-punkt.md");
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
