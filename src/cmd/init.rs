//! `rk init [DIR]`: start a project. Writes rk.toml with the defaults
//! commented out, meetings/<today>/ with one example meeting that passes
//! `rk check`, and a .gitignore that keeps the outputs (above all the
//! internal edition, out-internt/) out of git. An existing project is
//! never written over.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::cli::InitArgs;
use crate::cmd::Outcome;
use crate::date::Date;
use crate::tr;

const RK_TOML: &str = include_str!("init/rk.toml");
/// The lines of the project's .gitignore: the two output folders.
const GITIGNORE: &str = include_str!("init/gitignore");
/// The example meeting's files; `{date}` and `{year}` are filled in.
const MEETING: &[(&str, &str)] = &[
    ("meeting.yaml", include_str!("init/meeting.yaml")),
    (
        "01-godkendelse-af-dagsorden.md",
        include_str!("init/01-godkendelse-af-dagsorden.md"),
    ),
    (
        "02-trivselsmaaling.md",
        include_str!("init/02-trivselsmaaling.md"),
    ),
    ("03-eventuelt.md", include_str!("init/03-eventuelt.md")),
];

pub fn run(args: &InitArgs, cwd: &Path) -> Result<Outcome> {
    let root = cwd.join(&args.folder);
    let shown = if args.folder == Path::new(".") {
        tr!("cmd-init-this-folder")
    } else {
        args.folder.display().to_string()
    };
    for existing in ["rk.toml", "meetings"] {
        if root.join(existing).exists() {
            bail!(tr!(
                "error-init-exists",
                folder = shown.as_str(),
                existing = existing
            ));
        }
    }
    let today = today()?;
    let (date, year) = (today.to_string(), today.year());
    let meeting_dir = root.join("meetings").join(&date);
    fs::create_dir_all(&meeting_dir).with_context(|| {
        tr!(
            "error-cannot-make",
            path = meeting_dir.display().to_string()
        )
    })?;
    write_new(&root.join("rk.toml"), RK_TOML)?;
    for (name, template) in MEETING {
        let text = template
            .replace("{date}", &date)
            .replace("{year}", &year.to_string());
        write_new(&meeting_dir.join(name), &text)?;
    }
    ignore_outputs(&root.join(".gitignore"))?;
    eprintln!(
        "{}",
        tr!(
            "cmd-init-created",
            folder = shown.as_str(),
            date = date.as_str(),
            items = crate::cmd::plural_items(MEETING.len() - 1)
        )
    );
    eprintln!(
        "{}",
        tr!(
            "cmd-init-next",
            folder = shown.as_str(),
            date = date.as_str()
        )
    );
    eprintln!("{}", tr!("cmd-init-private"));
    Ok(Outcome::Success)
}

/// Writes the project's .gitignore, or adds the output folders to one
/// that is there already (`rk init .` in a repository), leaving its lines
/// as they are.
fn ignore_outputs(path: &Path) -> Result<()> {
    let Ok(existing) = fs::read_to_string(path) else {
        return write_new(path, GITIGNORE);
    };
    let has = |folder: &str| {
        existing.lines().any(|line| {
            let line = line.trim().trim_start_matches('/').trim_end_matches('/');
            line == folder
        })
    };
    if has("out") && has("out-internt") {
        return Ok(());
    }
    let mut text = existing.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(GITIGNORE);
    fs::write(path, text)
        .with_context(|| tr!("error-cannot-write", path = path.display().to_string()))
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, text: &str) -> Result<()> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .with_context(|| tr!("error-cannot-write", path = path.display().to_string()))
}

/// Today's date (UTC), by the system clock.
fn today() -> Result<Date> {
    let since_1970 = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .with_context(|| tr!("error-clock-before-1970"))?;
    i64::try_from(since_1970.as_secs() / 86_400)
        .ok()
        .and_then(Date::from_days_since_1970)
        .with_context(|| tr!("error-clock-after-9999"))
}
