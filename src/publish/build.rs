//! Building: check, then render each meeting and write its outputs.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use typst::foundations::Datetime;

use crate::date::{self, Date};
use crate::diag::{Severity, Tally};
use crate::files::Files;
use crate::layout::Layout;
use crate::model::{Approval, Document, Meeting};
use crate::paths;
use crate::publish::analysis::{Analysis, analyse};
use crate::publish::event::{Event, Written};
use crate::publish::plan::{Only, Plan, Publish};
use crate::publish::sent::{self, Version};
use crate::publish::write::write_atomic;
use crate::publish::{Outcome, manifest};
use crate::render::context::{DocumentView, Edition, Make, PublishedFile};
use crate::render::typst::diagnostics::Origin;
use crate::render::typst::{self as typeset, EngineMessage};
use crate::render::{html, json};
use crate::tr;

/// Builds the meetings of `plan` (not `--all`: the archive module does that)
/// after checking them together: any finding that fails the run stops it
/// before anything is written.
pub fn run(plan: &Plan) -> Result<Outcome> {
    plan.check_layout()?;
    let Analysis {
        mut files,
        meetings,
        diags,
        ..
    } = analyse(
        plan.project,
        &plan.dirs,
        &plan.layout.coverage(),
        plan.make.document,
    )?;
    plan.reporter.emit(&files, &diags)?;
    let tally = Tally::of(&diags);
    if plan.fails(&tally) {
        plan.reporter.event(Event::SourcesFail(tally))?;
        return Ok(Outcome::Failed);
    }
    // An agenda is sent before the referat is written: drafts are no matter.
    if let Some(why) = plan.publish
        && plan.make.document == Document::Minutes
    {
        refuse_drafts(&meetings, why)?;
    }
    remove_unpublished(plan, plan.root(), 2)?;
    // Built here, not as `--all` builds: `--all` builds them again.
    manifest::forget(plan.root(), plan.stem(), &meetings)?;
    let mut outcome = Outcome::Success;
    for meeting in &meetings {
        if build(plan, meeting, &mut files)? == Outcome::Failed {
            outcome = Outcome::Failed;
        }
    }
    Ok(outcome)
}

/// A publishing build refuses drafts: an error naming each meeting whose
/// referat is `status: udkast`, before anything is written.
pub fn refuse_drafts(meetings: &[Meeting], why: Publish) -> Result<()> {
    let drafts: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            m.status
                .as_ref()
                .is_some_and(|s| s.value == Approval::Draft)
        })
        .collect();
    let [first, ..] = drafts.as_slice() else {
        return Ok(());
    };
    let which = match drafts.as_slice() {
        [_] => tr!("error-draft", meeting = first.id.as_str()),
        _ => {
            let ids: Vec<&str> = drafts.iter().map(|m| m.id.as_str()).collect();
            tr!("error-drafts", meetings = ids.join(", "))
        }
    };
    let cause = match why {
        Publish::Flag => tr!("error-publish-flag"),
        Publish::Config => tr!("error-publish-config"),
    };
    let file = match drafts.as_slice() {
        [_] => paths::shown(&first.dir.join("meeting.yaml")),
        _ => tr!("error-drafts-file"),
    };
    anyhow::bail!(tr!(
        "error-not-built-draft",
        which = which,
        cause = cause,
        file = file
    ))
}

/// Builds one meeting: the outputs are made in memory first and written
/// (each through a temporary file and a rename) only when all of them were
/// made, so a meeting that cannot be typeset leaves its earlier outputs as
/// they were. The document of `--emit-typst` is the exception: it is
/// written before typesetting, so that a failure can be looked into.
pub fn build(plan: &Plan, current: &Meeting, files: &mut Files) -> Result<Outcome> {
    let started = Instant::now();
    // A sent agenda is built as it was sent.
    let version = sent::version(plan, current, files)?;
    let meeting = match &version {
        Version::Now => current,
        Version::Sent(sent) => &sent.meeting,
        Version::Fails => return Ok(Outcome::Failed),
    };
    if plan.make.added_only && meeting.items.iter().all(|i| i.added.is_none()) {
        anyhow::bail!(tr!("error-nothing-added", meeting = meeting.id.as_str()));
    }
    let out_dir = plan.out_dir(&meeting.id);
    clear(plan, &out_dir)?;
    let date = meeting_date(meeting)?;
    let referat = DocumentView::of(meeting, date, &plan.layout.labels, plan.make);
    let Some(outputs) = outputs(plan, meeting, &referat, files, &out_dir)? else {
        return Ok(Outcome::Failed);
    };
    // The files the PDF and the HTML link to, written first, so that the
    // links work as soon as a referat is there.
    let copies = if plan.only.pdf || plan.only.html {
        read_files(&referat.files)?
    } else {
        Vec::new()
    };
    for (name, bytes) in &copies {
        write_atomic(&out_dir.join(name), bytes)?;
    }
    for output in &outputs {
        write_atomic(&out_dir.join(&output.written.name), &output.bytes)?;
    }
    // Even when only the JSON is written, a file this edition does not
    // publish (its item is closed now) does not stay. The agenda's files
    // are among the referat's, which may lie beside it: what the referat
    // of this edition links to stays.
    let kept = kept_files(plan, current, date, referat.files);
    remove_stale_copies(plan, &out_dir, meeting, &kept)?;
    remove_other_outputs(plan, &out_dir)?;
    let written: Vec<Written> = outputs
        .iter()
        .map(|output| output.written.clone())
        .collect();
    plan.reporter.event(Event::Built {
        id: &meeting.id,
        outputs: &written,
        copies: copies.len(),
        out_dir: &out_dir,
        seconds: started.elapsed().as_secs_f64(),
    })?;
    Ok(Outcome::Success)
}

/// The copies a build leaves beside its outputs: its own `files`, and for
/// the agenda also what the referat of this edition links to (made from
/// `current`, the sources as they are, for a sent agenda too), which may
/// lie beside it.
fn kept_files(
    plan: &Plan,
    current: &Meeting,
    date: Date,
    mut files: Vec<PublishedFile>,
) -> Vec<PublishedFile> {
    if plan.make.document == Document::Agenda {
        let make = Make {
            document: Document::Minutes,
            added_only: false,
            ..plan.make
        };
        files.extend(DocumentView::of(current, date, &plan.layout.labels, make).files);
    }
    files
}

/// Removes from a meeting's output folder what this build would leave
/// stale: a document an earlier `--emit-typst` wrote when this build does
/// not emit one.
fn clear(plan: &Plan, out_dir: &Path) -> Result<()> {
    let typst_dir = out_dir.join("typst");
    if !plan.emit_typst && typst_dir.is_dir() {
        fs::remove_dir_all(&typst_dir).with_context(|| {
            tr!(
                "error-cannot-remove",
                path = typst_dir.display().to_string()
            )
        })?;
    }
    Ok(())
}

/// Removes the outputs of the kinds `--only` left out: made from older
/// sources, they may hold what the sources no longer publish (an item
/// closed since), and they would be published beside the new ones.
fn remove_other_outputs(plan: &Plan, out_dir: &Path) -> Result<()> {
    let Only { pdf, html, json } = plan.only;
    for (wanted, ext) in [(pdf, "pdf"), (html, "html"), (json, "json")] {
        let path = out_dir.join(format!("{}.{ext}", plan.stem()));
        if !wanted && path.is_file() {
            fs::remove_file(&path)
                .with_context(|| tr!("error-cannot-remove", path = path.display().to_string()))?;
            plan.reporter.event(Event::RemovedLeftOut(&path))?;
        }
    }
    Ok(())
}

/// One output of a build, made in memory.
struct Output {
    written: Written,
    bytes: Vec<u8>,
}

impl Output {
    fn new(name: String, bytes: Vec<u8>, pages: Option<usize>) -> Output {
        Output {
            written: Written { name, pages },
            bytes,
        }
    }
}

/// The outputs `--only` asks for, or `None` when the meeting cannot be
/// typeset (the engine's findings are reported).
fn outputs(
    plan: &Plan,
    meeting: &Meeting,
    referat: &DocumentView,
    files: &mut Files,
    out_dir: &Path,
) -> Result<Option<Vec<Output>>> {
    let stem = plan.stem();
    let mut outputs = Vec::new();
    if plan.only.pdf {
        let Some(pdf) = pdf(plan, meeting, referat, files, out_dir)? else {
            return Ok(None);
        };
        outputs.push(pdf);
    }
    if plan.only.html {
        let page = html::render(referat, &plan.layout, &meeting.dir, plan.urls)?;
        outputs.push(Output::new(format!("{stem}.html"), page.into_bytes(), None));
    }
    if plan.only.json {
        outputs.push(Output::new(
            format!("{stem}.json"),
            json::render(referat)?.into_bytes(),
            None,
        ));
    }
    Ok(Some(outputs))
}

/// The PDF, or `None` when the meeting cannot be typeset (the engine's
/// findings are reported).
fn pdf(
    plan: &Plan,
    meeting: &Meeting,
    referat: &DocumentView,
    files: &mut Files,
    out_dir: &Path,
) -> Result<Option<Output>> {
    let layout = &plan.layout;
    let typst_dir = out_dir.join("typst");
    let document = typeset::document(referat, layout, &meeting.dir)
        .with_context(|| tr!("error-typst-data"))?;
    let name = format!("{}.typ", referat.document);
    let emitted = plan.emit_typst.then(|| typst_dir.join(&name));
    if let Some(path) = &emitted {
        emit_typst(path, &document, layout, &meeting.dir)?;
    }
    let typeset = plan
        .typesetter()
        .typeset(&document, &meeting.dir, timestamp(meeting)?);
    let (messages, severity) = match &typeset {
        Ok(output) => (output.warnings.clone(), Severity::Warning),
        Err(errors) => (errors.clone(), Severity::Error),
    };
    let origin = Origin {
        meeting,
        layout,
        document: &document,
        emitted: emitted.as_deref(),
    };
    let diags = origin.findings(messages, severity, files);
    plan.reporter.emit(files, &diags)?;
    let denied = match typeset {
        Ok(output) if !plan.fails(&Tally::of(&diags)) => {
            return Ok(Some(Output::new(
                format!("{}.pdf", plan.stem()),
                output.pdf,
                Some(output.pages),
            )));
        }
        Ok(_) => true,
        Err(errors) if errors.iter().any(EngineMessage::is_layout_fault) => {
            anyhow::bail!(tr!(
                "error-layout-does-not-typeset",
                name = layout.name.as_str()
            ));
        }
        Err(_) => false,
    };
    plan.reporter.event(Event::NotTypeset {
        id: &meeting.id,
        denied,
        emitted: emitted.is_some().then_some(typst_dir.as_path()),
    })?;
    Ok(None)
}

/// The bytes of each file to publish, by its path beside the referat.
fn read_files(files: &[PublishedFile]) -> Result<Vec<(String, Vec<u8>)>> {
    files
        .iter()
        .map(|file| {
            let bytes = fs::read(&file.source).with_context(|| {
                tr!(
                    "error-cannot-read",
                    path = file.source.display().to_string()
                )
            })?;
            Ok((file.path.clone(), bytes))
        })
        .collect()
}

/// Removes from the published tree what does not belong there, in `dir`
/// and the folders below it to `depth` levels (the meetings' folders),
/// naming each (to `plan`'s reporter); links are not followed. In a
/// public build: what an internal build left (rk once wrote the internal
/// edition beside the public one). In a publishing build, too: `rk diff`'s
/// change pages, which are for review.
pub fn remove_unpublished(plan: &Plan, dir: &Path, depth: usize) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        let Some(event) = unpublished(plan, &entry.file_name().to_string_lossy(), &path) else {
            if is_dir && depth > 0 {
                remove_unpublished(plan, &path, depth - 1)?;
            }
            continue;
        };
        let removed = if is_dir {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.with_context(|| tr!("error-cannot-remove", path = path.display().to_string()))?;
        plan.reporter.event(event)?;
    }
    Ok(())
}

/// Why a file named `name` at `path` does not stay in `plan`'s tree, as
/// the event that says so; `None` when it may stay.
fn unpublished<'a>(plan: &Plan, name: &str, path: &'a Path) -> Option<Event<'a>> {
    let public = plan.make.edition == Edition::Public;
    if public && paths::is_internal_output(name) {
        Some(Event::RemovedInternal(path))
    } else if plan.publish.is_some() && paths::is_change_page(name) {
        Some(Event::RemovedChangePage(path))
    } else {
        None
    }
}

/// Removes the copies an earlier build made of meeting files that this
/// build does not publish (no longer linked, or their item is closed now),
/// naming each. Only files that are copies of the meeting folder's files
/// are touched, and nothing when the output is the meeting folder itself.
fn remove_stale_copies(
    plan: &Plan,
    out_dir: &Path,
    meeting: &Meeting,
    published: &[PublishedFile],
) -> Result<()> {
    let (Ok(out), Ok(source)) = (out_dir.canonicalize(), meeting.dir.canonicalize()) else {
        return Ok(());
    };
    if out.starts_with(&source) || source.starts_with(&out) {
        return Ok(());
    }
    let kept: Vec<&str> = published.iter().map(|file| file.path.as_str()).collect();
    let mut stale = Vec::new();
    for entry in fs::read_dir(&source)
        .with_context(|| tr!("error-cannot-read", path = source.display().to_string()))?
    {
        let entry =
            entry.with_context(|| tr!("error-cannot-read", path = source.display().to_string()))?;
        stale_under(&source, &out, &entry.path(), &kept, &mut stale);
    }
    stale.sort();
    for path in stale {
        fs::remove_file(&path)
            .with_context(|| tr!("error-cannot-remove", path = path.display().to_string()))?;
        plan.reporter.event(Event::RemovedStale(&path))?;
        // Folders left empty go too (bilag/).
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(&out) && *d != out) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

/// The copies in `out` of the files at and under `path` (in the meeting
/// folder `source`) that are not kept.
fn stale_under(source: &Path, out: &Path, path: &Path, kept: &[&str], stale: &mut Vec<PathBuf>) {
    let Ok(relative) = path.strip_prefix(source) else {
        return;
    };
    let copy = out.join(relative);
    let Ok(kind) = copy.symlink_metadata().map(|m| m.file_type()) else {
        return;
    };
    if kind.is_dir() && path.is_dir() {
        for entry in fs::read_dir(path).into_iter().flatten().flatten() {
            stale_under(source, out, &entry.path(), kept, stale);
        }
    } else if kind.is_file() {
        let name: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = name.join("/");
        let output = paths::OUTPUT_STEMS
            .iter()
            .any(|stem| name.starts_with(stem))
            && !name.contains('/');
        if !output && !kept.contains(&name.as_str()) {
            stale.push(copy);
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
            .with_context(|| tr!("error-source-date-epoch", value = value.as_str()))?,
        None => meeting_date(meeting)?.unix_seconds(),
    };
    datetime(seconds).with_context(|| tr!("error-pdf-time", seconds = seconds.to_string()))
}

/// The meeting's date, which the checks have found real before a build.
pub(crate) fn meeting_date(meeting: &Meeting) -> Result<Date> {
    meeting
        .calendar_date()
        .with_context(|| tr!("error-build-no-date", meeting = meeting.id.as_str()))
}

fn datetime(seconds: i64) -> Option<Datetime> {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // SOURCE_DATE_EPOCH may lie beyond the four-digit years of a `Date`.
    let (year, month, day) = date::civil_from_days(days);
    Datetime::from_ymd_hms(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(rest / 3600).ok()?,
        u8::try_from(rest % 3600 / 60).ok()?,
        u8::try_from(rest % 60).ok()?,
    )
}

/// <out>/<meeting>/typst/: the generated document (`path`: referat.typ or
/// dagsorden.typ), the layout under layout/ and the meeting's images the
/// document shows under meeting/, so that it typesets (or fails) as rk's
/// build does. Written before typesetting.
fn emit_typst(
    path: &Path,
    document: &typeset::TypstDocument,
    layout: &Layout,
    meeting_dir: &Path,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    write_atomic(path, document.source.as_bytes())?;
    for (path, bytes) in layout.files() {
        write_atomic(&dir.join(typeset::world::LAYOUT_ROOT).join(path), bytes)?;
    }
    for name in &document.images {
        // Paths the checks let through; anything else is not copied.
        if let Ok(from) = paths::resolve_inside(meeting_dir, name) {
            let bytes = fs::read(&from)
                .with_context(|| tr!("error-cannot-read", path = from.display().to_string()))?;
            write_atomic(&dir.join(typeset::world::MEETING_ROOT).join(name), &bytes)?;
        }
    }
    Ok(())
}
