//! `rk build`: check, then render each meeting and write its outputs.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use typst::foundations::Datetime;

use crate::check::parse_date;
use crate::cli::{BuildArgs, OutputKind};
use crate::cmd::{Analysis, Outcome, analyse, layout, select};
use crate::diag::{self, Diagnostic, Loc, Rule, Severity, Tally};
use crate::layout::Layout;
use crate::model::Meeting;
use crate::project::Project;
use crate::render::context::{Edition, Referat, unix_seconds};
use crate::render::typst::{self as typeset, EngineMessage, Place};
use crate::render::{html, json};
use crate::source::files::Files;

pub fn run(project: &Project, args: &BuildArgs, cwd: &Path) -> Result<Outcome> {
    let dirs = select(project, &args.meetings, cwd)?;
    let layout = layout(project, args.layout.as_deref(), cwd)?;
    let Analysis {
        mut files,
        meetings,
        diags,
    } = analyse(project, &dirs, &layout.coverage())?;
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let report = |files: &Files, diags: &[Diagnostic]| -> io::Result<()> {
        diag::emit(
            args.format,
            files,
            diags,
            color,
            &mut io::stderr().lock(),
            &mut io::stdout().lock(),
        )
    };
    report(&files, &diags)?;
    let tally = Tally::of(&diags);
    if tally.errors > 0 {
        eprintln!("not built: the sources have {tally}; nothing was written");
        return Ok(Outcome::Failed);
    }

    let out_root = match &args.out {
        Some(out) => cwd.join(out),
        None => project.root.join(&project.config.out),
    };
    let edition = if args.internal {
        Edition::Internal
    } else {
        Edition::Public
    };

    let only = Only::from(&args.only);
    let mut outcome = Outcome::Success;
    for meeting in &meetings {
        let started = Instant::now();
        let out_dir = out_root.join(&meeting.id);
        // The internal edition has names of its own, so that publishing
        // out/ after an internal build cannot publish closed items.
        let (stem, typst_dir) = match edition {
            Edition::Public => ("referat", out_dir.join("typst")),
            Edition::Internal => ("referat-internt", out_dir.join("typst-internt")),
        };
        if !args.emit_typst && typst_dir.is_dir() {
            // A document emitted by an earlier build is stale now.
            fs::remove_dir_all(&typst_dir)
                .with_context(|| format!("cannot remove {}", typst_dir.display()))?;
        }
        let referat = Referat::new(meeting, &layout.labels, edition);
        // Everything is made in memory first and written only when all of
        // it succeeded, so a failure leaves the earlier outputs whole.
        let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
        let mut pages = None;
        if only.pdf {
            let document = typeset::document(&referat, &layout);
            if args.emit_typst {
                emit_typst(&typst_dir, &document.source, &layout)?;
                copy_meeting_images(meeting, &document.source, &typst_dir)?;
            }
            let typeset = typeset::typeset(&document, &layout, &meeting.dir, timestamp(meeting)?);
            let (messages, severity) = match &typeset {
                Ok(output) => (output.warnings.clone(), Severity::Warning),
                Err(errors) => (errors.clone(), Severity::Error),
            };
            let diags: Vec<Diagnostic> = messages
                .into_iter()
                .map(|m| Diagnostic {
                    severity,
                    ..engine_diagnostic(m, meeting, &mut files, &document.source, &layout, &out_dir)
                })
                .collect();
            report(&files, &diags)?;
            match typeset {
                Ok(output) => {
                    pages = Some(output.pages);
                    outputs.push((format!("{stem}.pdf"), output.pdf));
                }
                Err(errors) if errors.iter().any(EngineMessage::is_layout_fault) => {
                    anyhow::bail!(
                        "the layout {} does not typeset (see above); no output was written",
                        layout.name
                    );
                }
                Err(_) => {
                    let emitted = if args.emit_typst {
                        format!(" (the generated document is in {})", shown(&typst_dir, cwd))
                    } else {
                        String::new()
                    };
                    eprintln!(
                        "not built: {} could not be typeset; no output was written{emitted}",
                        meeting.id
                    );
                    outcome = Outcome::Failed;
                    continue;
                }
            }
        }
        if only.html {
            let page = html::render(
                &referat,
                &layout,
                &meeting.dir,
                project.config.case.url.as_deref(),
            )?;
            outputs.push((format!("{stem}.html"), page.into_bytes()));
        }
        if only.json {
            outputs.push((format!("{stem}.json"), json::render(&referat)?.into_bytes()));
        }
        for (name, bytes) in &outputs {
            write_atomic(&out_dir.join(name), bytes)?;
        }
        let written: Vec<String> = outputs
            .iter()
            .map(|(name, _)| match pages {
                Some(n) if name.ends_with(".pdf") => format!("{name} ({n} pages)"),
                _ => name.clone(),
            })
            .collect();
        eprintln!(
            "built {}: {} in {} ({:.2} s)",
            meeting.id,
            written.join(", "),
            shown(&out_dir, cwd),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(outcome)
}

/// Which outputs `--only` asks for (all three when it is not given).
struct Only {
    pdf: bool,
    html: bool,
    json: bool,
}

impl Only {
    fn from(kinds: &[OutputKind]) -> Only {
        let wants = |kind| kinds.is_empty() || kinds.contains(&kind);
        Only {
            pdf: wants(OutputKind::Pdf),
            html: wants(OutputKind::Html),
            json: wants(OutputKind::Json),
        }
    }
}

/// The PDF's dates: midnight UTC of the meeting day, or SOURCE_DATE_EPOCH
/// when it is set, so that a build is reproducible byte for byte.
fn timestamp(meeting: &Meeting) -> Result<Datetime> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        Some(value) => value
            .trim()
            .parse::<i64>()
            .with_context(|| format!("SOURCE_DATE_EPOCH={value} is not a number of seconds"))?,
        None => {
            let date = meeting
                .date
                .as_ref()
                .map(|d| d.value.as_str())
                .unwrap_or("");
            let (y, m, d) = parse_date(date).unwrap_or((1970, 1, 1));
            unix_seconds(y, m, d)
        }
    };
    datetime(seconds).with_context(|| format!("the time {seconds} cannot be written in a PDF"))
}

fn datetime(seconds: i64) -> Option<Datetime> {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Datetime::from_ymd_hms(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(rest / 3600).ok()?,
        u8::try_from(rest % 3600 / 60).ok()?,
        u8::try_from(rest % 60).ok()?,
    )
}

/// Writes `bytes` to a temporary file beside `path` and renames it into
/// place, so that readers see the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rk-").suffix(".tmp");
    // Outputs get the permissions of any new file (0666 less the umask),
    // not the owner-only ones of a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// out/<meeting>/typst/: the generated document, the layout under layout/,
/// and (after typesetting) the meeting files it uses under meeting/.
fn emit_typst(dir: &Path, source: &str, layout: &Layout) -> Result<()> {
    write_atomic(&dir.join("referat.typ"), source.as_bytes())?;
    for (path, bytes) in layout.files() {
        write_atomic(&dir.join(typeset::world::LAYOUT_ROOT).join(path), bytes)?;
    }
    Ok(())
}

/// Copies the meeting's images the document names into the emitted
/// folder, so that it typesets (or fails) as rk's build does.
fn copy_meeting_images(meeting: &Meeting, source: &str, dir: &Path) -> Result<()> {
    let prefix = format!("#image(\"/{}/", typeset::world::MEETING_ROOT);
    for start in source.match_indices(&prefix).map(|(i, _)| i + prefix.len()) {
        let Some(end) = source[start..].find('"') else {
            continue;
        };
        let name = &source[start..start + end];
        // Paths the checks let through; anything else is not copied.
        if let Ok(from) = crate::source::paths::resolve_inside(&meeting.dir, name) {
            let bytes =
                fs::read(&from).with_context(|| format!("cannot read {}", from.display()))?;
            write_atomic(&dir.join(typeset::world::MEETING_ROOT).join(name), &bytes)?;
        }
    }
    Ok(())
}

/// An engine message as a finding: at the place in the sources it is
/// about where it can be placed, else in the layout or the generated
/// document.
fn engine_diagnostic(
    message: EngineMessage,
    meeting: &Meeting,
    files: &mut Files,
    generated: &str,
    layout: &Layout,
    out_dir: &Path,
) -> Diagnostic {
    let loc = match (message.source_loc(meeting, files), message.place) {
        (Some(loc), _) => Some(loc),
        (None, Place::Item { .. }) => None,
        (None, Place::Layout { path, text, range }) => {
            let path = path.trim_start_matches('/');
            let path = path
                .strip_prefix(typeset::world::LAYOUT_ROOT)
                .unwrap_or(path);
            let shown = if layout.name == "kl" {
                format!("(built-in layout kl){path}")
            } else {
                format!("{}{path}", layout.name)
            };
            let file = files.add(PathBuf::from(shown), text);
            Some(Loc::new(file, range))
        }
        (None, Place::Generated(range)) => {
            let file = files.add(out_dir.join("typst/referat.typ"), generated.to_string());
            Some(Loc::new(file, range))
        }
        (None, Place::Meeting(path)) => {
            let file = files.add(meeting.dir.join(path), String::new());
            Some(Loc::new(file, 0..0))
        }
        (None, Place::Nowhere) => None,
    };
    let loc = loc.unwrap_or_else(|| Loc::new(meeting.file, 0..0));
    if let Some(glyph) = &message.glyph {
        // The same finding as `rk check` gives.
        return crate::check::glyphs::finding(glyph, loc, &layout.name);
    }
    let help = (!message.hints.is_empty()).then(|| message.hints.join("; "));
    Diagnostic::error(
        Rule::Typeset,
        loc,
        format!("the typesetting engine: {}", message.message),
    )
    .with_help_opt(help)
}

fn shown(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}
