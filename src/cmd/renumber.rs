//! `rk renumber MEETING [--move N --to M] [--dry-run]`: new numbers for a
//! meeting's items, in one step a reviewer sees in git as renames. The plan
//! and its application are [`crate::source::renumber`]'s; here the project
//! says what may not be renumbered (an approved referat, a number the next
//! meeting of the year continues from), and what was done is told.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::RenumberArgs;
use crate::cmd::Outcome;
use crate::config::Numbering;
use crate::files::Files;
use crate::model::{Approval, Document, ItemNumber, Meeting, same_name};
use crate::paths;
use crate::project::Project;
use crate::source::renumber::{self, Plan, Request, Staged};
use crate::source::{self, LoadOptions};
use crate::tr;

pub fn run(project: &Project, args: &RenumberArgs, cwd: &Path) -> Result<Outcome> {
    let dir = project.resolve(&args.meeting, cwd)?;
    let options = LoadOptions {
        referent: project.config.referent,
        signatories: project.config.approval,
        document: Document::Minutes,
    };
    let mut files = Files::default();
    let meeting = source::load_with(&dir, options, &mut files, &mut Vec::new())?;
    if meeting.status.as_ref().map(|s| s.value) == Some(Approval::Approved) {
        bail!(tr!(
            "error-renumber-approved",
            meeting = meeting.id.as_str()
        ));
    }
    if let Some(sent) = &meeting.agenda_sent {
        bail!(tr!(
            "error-renumber-agenda-sent",
            meeting = meeting.id.as_str(),
            sent = sent.value.to_string()
        ));
    }
    let request = request(project, args, &meeting)?;
    let plan = renumber::plan(&meeting, &files, &request)?;
    if plan.numbers.is_empty() {
        eprintln!(
            "{}",
            tr!("cmd-renumber-nothing", meeting = meeting.id.as_str())
        );
        return Ok(Outcome::Success);
    }
    keep_the_year(project, &meeting, &plan)?;
    report(&meeting, &plan, &files, args.dry_run);
    if args.dry_run {
        eprintln!("{}", tr!("cmd-renumber-dry-run"));
        return Ok(Outcome::Success);
    }
    renumber::apply(&plan, &dir)?;
    match renumber::stage_renames(&plan, &dir)? {
        Staged::Renames(n) if n > 0 => eprintln!("{}", tr!("cmd-renumber-staged", n = n)),
        Staged::Renames(_) => {
            eprintln!("{}", tr!("cmd-renumber-untracked"));
        }
        Staged::NoGit => {}
    }
    eprintln!(
        "{}",
        tr!("cmd-renumber-next", meeting = meeting.id.as_str())
    );
    Ok(Outcome::Success)
}

/// The request the arguments make: a move, or the numbers closed up from
/// where the meeting starts (1, or after the year's previous meeting).
fn request(project: &Project, args: &RenumberArgs, meeting: &Meeting) -> Result<Request> {
    let number = |flag: &str, text: &str| {
        ItemNumber::parse(text.trim()).ok_or_else(|| {
            anyhow::anyhow!(tr!("error-renumber-not-a-number", flag = flag, text = text))
        })
    };
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        return Ok(Request::Move {
            from: number("--move", from)?,
            to: number("--to", to)?,
        });
    }
    let first = match project.config.numbering {
        Numbering::Meeting => Some(1),
        Numbering::Year => source::previous_meeting(&project.meetings()?, meeting)
            .and_then(|p| p.last.checked_add(1)),
    };
    Ok(Request::Close { first })
}

/// Where items run on through the year, the next meeting of the year
/// starts after this one's last item: a renumbering that moves that last
/// number is refused while such a meeting exists.
fn keep_the_year(project: &Project, meeting: &Meeting, plan: &Plan) -> Result<()> {
    if project.config.numbering != Numbering::Year {
        return Ok(());
    }
    let last = |numbers: &mut dyn Iterator<Item = &ItemNumber>| {
        numbers
            .filter(|n| n.depth() == 1)
            .filter_map(ItemNumber::top)
            .map(|p| p.n)
            .max()
    };
    let old: Vec<&ItemNumber> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .collect();
    let new: Vec<&ItemNumber> = old
        .iter()
        .map(|n| plan.new_number(n).unwrap_or(n))
        .collect();
    let (before, after) = (
        last(&mut old.iter().copied()),
        last(&mut new.iter().copied()),
    );
    if before == after {
        return Ok(());
    }
    let (Some(date), Some(body)) = (meeting.calendar_date(), meeting.body.as_ref()) else {
        return Ok(());
    };
    for dir in project.meetings()? {
        let Some(later) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(crate::date::Date::of_meeting_name)
        else {
            continue;
        };
        if later <= date || later.year() != date.year() {
            continue;
        }
        let next = source::load(&dir, &mut Files::default(), &mut Vec::new())?;
        if next
            .body
            .as_ref()
            .is_some_and(|b| same_name(&b.value, &body.value))
        {
            let number = |n: Option<u32>| {
                n.map_or_else(|| tr!("error-renumber-no-number"), |n| n.to_string())
            };
            bail!(tr!(
                "error-renumber-year-goes-on",
                meeting = meeting.id.as_str(),
                after = number(after),
                before = number(before),
                next = next.id.as_str()
            ));
        }
    }
    Ok(())
}

/// Each file with its new name and what changes in it; the mentions in
/// running text, which are not changed.
fn report(meeting: &Meeting, plan: &Plan, files: &Files, dry_run: bool) {
    let (id, items) = (
        meeting.id.as_str(),
        crate::cmd::plural_items(plan.numbers.len()),
    );
    let done = if dry_run {
        tr!("cmd-renumber-would", meeting = id, items = items)
    } else {
        tr!("cmd-renumber-done", meeting = id, items = items)
    };
    eprintln!("{done}");
    for edit in &plan.edits {
        let from = edit
            .from
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let name = if edit.to == edit.from {
            from.into_owned()
        } else {
            let to = edit
                .to
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            format!("{from} -> {to}")
        };
        eprintln!("  {name}: {}", edit.changes.join("; "));
    }
    for mention in &plan.mentions {
        let file = files.get(mention.file);
        let (line, column) = file.line_col(mention.offset);
        // The file by the name it has now.
        let path = plan
            .edits
            .iter()
            .find(|e| e.from == file.path())
            .map_or(file.path(), |e| e.to.as_path());
        eprintln!(
            "{}",
            tr!(
                "cmd-renumber-mention",
                place = format!("{}:{line}:{column}", paths::shown(path)),
                text = mention.text.as_str()
            )
        );
    }
}
