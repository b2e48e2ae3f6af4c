//! `rk list`: the meetings found, with date, body, items and status.

use std::io::{self, Write};

use anyhow::Result;

use crate::cmd::{Outcome, plural_items};
use crate::diag::Tally;
use crate::model::{Approval, Document};
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::{analyse, layout};
use crate::tr;

pub fn run(project: &Project) -> Result<Outcome> {
    let dirs = project.meetings()?;
    let mut out = io::stdout().lock();
    if dirs.is_empty() {
        let dir = paths::shown(&project.meetings_dir());
        writeln!(out, "{}", tr!("cmd-list-none", dir = dir))?;
        return Ok(Outcome::Success);
    }
    let coverage = layout(project, None, &project.root)?.coverage();
    let mut rows = Vec::new();
    for dir in &dirs {
        let analysis = analyse(
            project,
            std::slice::from_ref(dir),
            &coverage,
            Document::Minutes,
        )?;
        let meeting = &analysis.meetings[0];
        let body = meeting
            .body
            .as_ref()
            .map_or_else(|| tr!("cmd-list-no-body"), |b| b.value.clone());
        let tally = Tally::of(&analysis.diags);
        let mut status = if tally.errors + tally.warnings == 0 {
            tr!("cmd-list-ok")
        } else {
            tally.to_string()
        };
        // A draft says so: `rk build --publish` would refuse it.
        if let Some(s) = meeting
            .status
            .as_ref()
            .filter(|s| s.value == Approval::Draft)
        {
            status.push_str(&format!(", {}", s.value.word()));
        }
        rows.push([
            meeting.id.clone(),
            body,
            plural_items(meeting.items.len() + meeting.unreadable_items),
            status,
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < row.len() {
                line.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            } else {
                line.push_str(cell);
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(Outcome::Success)
}
