//! `rk init [DIR]`: start a project. Writes rk.toml with the defaults
//! commented out and meetings/<today>/ with one example meeting that
//! passes `rk check`. An existing project is never written over.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::cli::InitArgs;
use crate::cmd::Outcome;

const RK_TOML: &str = include_str!("init/rk.toml");
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
        "this folder".to_string()
    } else {
        args.folder.display().to_string()
    };
    for existing in ["rk.toml", "meetings"] {
        if root.join(existing).exists() {
            bail!(
                "{shown} already holds {existing}: rk init starts a new project and writes nothing over one"
            );
        }
    }
    let (year, month, day) = today();
    let date = format!("{year:04}-{month:02}-{day:02}");
    let meeting_dir = root.join("meetings").join(&date);
    fs::create_dir_all(&meeting_dir)
        .with_context(|| format!("cannot make {}", meeting_dir.display()))?;
    write_new(&root.join("rk.toml"), RK_TOML)?;
    for (name, template) in MEETING {
        let text = template
            .replace("{date}", &date)
            .replace("{year}", &year.to_string());
        write_new(&meeting_dir.join(name), &text)?;
    }
    eprintln!(
        "created an rk project in {shown}: rk.toml and meetings/{date}/ (an example meeting with {})",
        crate::cmd::plural_items(MEETING.len() - 1)
    );
    eprintln!("next: edit meetings/{date}/, then run `rk check` and `rk build {date}` in {shown}");
    Ok(Outcome::Success)
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, text: &str) -> Result<()> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Today's date (UTC) as (year, month, day).
fn today() -> (i64, u32, u32) {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The date `days` after 1970-01-01, after Howard Hinnant's
/// `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are small and positive by construction.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_591), (2020, 11, 25));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
