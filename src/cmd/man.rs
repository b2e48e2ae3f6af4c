//! `rk man`: the manual page rk(1), made by clap_mangen from the same
//! command line that parses rk's arguments; `--out DIR` writes it and one
//! page per subcommand (rk-build.1, rk-layout-copy.1), as git and cargo
//! ship theirs.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::{Cli, ManArgs};
use crate::cmd::Outcome;
use crate::paths;
use crate::tr;

/// The manual the pages belong to, in the page's header.
const MANUAL: &str = "rk manual";

/// rk(1)'s NAME line (`rk --help` starts with "rk, ..." instead).
const ABOUT: &str = "the referat compiler: meeting sources in, checked minutes out";

/// rk(1)'s DESCRIPTION.
const DESCRIPTION: &str = "rk turns plain-text meeting sources (a folder of Markdown \
    and YAML per meeting) into published minutes: it checks them, with findings that \
    name the file, line and column and how to fix them, and writes the referat as \
    PDF/UA, HTML and JSON.\n\n\
    Exit status: 0 done (warnings allowed), 1 findings that fail the run (errors, or \
    warnings with --deny-warnings), 2 a usage, configuration or I/O problem.";

pub fn run(args: &ManArgs) -> Result<Outcome> {
    let mut command = Cli::command()
        .about(ABOUT)
        .long_about(DESCRIPTION)
        .disable_help_subcommand(true);
    // Gives each subcommand its page name (rk-build) before the pages are made.
    command.build();
    match &args.out {
        None => io::stdout().lock().write_all(&page(&command)?)?,
        Some(dir) => {
            fs::create_dir_all(dir)
                .with_context(|| tr!("error-cannot-create", path = paths::shown(dir)))?;
            let written = write_pages(&command, dir)?;
            let dir = paths::shown(dir);
            println!("{}", tr!("cmd-man-wrote", n = written, dir = dir));
        }
    }
    Ok(Outcome::Success)
}

/// One command's page, in roff.
fn page(command: &clap::Command) -> Result<Vec<u8>> {
    let mut roff = Vec::new();
    Man::new(command.clone()).render(&mut roff)?;
    let roff = String::from_utf8(roff).context("clap_mangen wrote UTF-8")?;
    // clap_mangen leaves an empty date unquoted in the title line, which
    // shifts the source into the date's place: the line is written here.
    let title = format!(
        ".TH {} 1 \"\" \"rk {}\" \"{MANUAL}\"",
        name_of(command),
        env!("CARGO_PKG_VERSION")
    );
    let lines: Vec<&str> = roff
        .lines()
        .map(|line| {
            if line.starts_with(".TH ") {
                &title
            } else {
                line
            }
        })
        .collect();
    Ok(format!("{}\n", lines.join("\n")).into_bytes())
}

/// A page's name: rk, rk-build, rk-layout-copy.
fn name_of(command: &clap::Command) -> &str {
    command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
}

/// The pages of `command` and of its subcommands, below it, into `dir`;
/// how many were written.
fn write_pages(command: &clap::Command, dir: &Path) -> Result<usize> {
    let file = dir.join(format!("{}.1", name_of(command)));
    fs::write(&file, page(command)?)
        .with_context(|| tr!("error-cannot-write", path = paths::shown(&file)))?;
    let mut written = 1;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        written += write_pages(sub, dir)?;
    }
    Ok(written)
}
