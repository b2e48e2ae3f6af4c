//! `rk layout copy NAME DIR`: a built-in layout written into a folder, for
//! a body to change without rebuilding rk; `rk layout list`: their names.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{LayoutCommand, LayoutCopyArgs};
use crate::cmd::Outcome;
use crate::layout;
use crate::suggest;
use crate::tr;

pub fn run(command: &LayoutCommand, cwd: &Path) -> Result<Outcome> {
    match command {
        LayoutCommand::Copy(args) => copy(args, cwd),
        LayoutCommand::List => {
            for name in layout::built_in_names() {
                println!("{name}");
            }
            Ok(Outcome::Success)
        }
    }
}

/// Writes every file of the layout into a new or empty folder: into a
/// temporary folder beside it first, so that a failure leaves nothing
/// half-written.
fn copy(args: &LayoutCopyArgs, cwd: &Path) -> Result<Outcome> {
    let Some(files) = layout::built_in(&args.name) else {
        let names = layout::built_in_names();
        let hint = suggest::closest(&args.name, names.iter().copied())
            .map_or_else(String::new, |s| tr!("error-did-you-mean", name = s));
        bail!(tr!(
            "error-no-built-in-layout",
            name = args.name.as_str(),
            hint = hint,
            names = names.join(", ")
        ));
    };
    let target = cwd.join(&args.folder);
    let shown = args.folder.display();
    if target.exists() && !is_empty_dir(&target)? {
        bail!(tr!("error-layout-not-empty", folder = shown.to_string()));
    }
    let parent = target.parent().unwrap_or(cwd);
    fs::create_dir_all(parent)
        .with_context(|| tr!("error-cannot-make", path = parent.display().to_string()))?;
    let staging = tempfile::Builder::new()
        .prefix(".rk-layout-")
        .tempdir_in(parent)
        .with_context(|| tr!("error-cannot-write-in", path = parent.display().to_string()))?;
    for (path, bytes) in files {
        let file = staging.path().join(path);
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)
                .with_context(|| tr!("error-cannot-make", path = dir.display().to_string()))?;
        }
        fs::write(&file, bytes)
            .with_context(|| tr!("error-cannot-write", path = file.display().to_string()))?;
    }
    if target.exists() {
        fs::remove_dir(&target)
            .with_context(|| tr!("error-cannot-replace", path = shown.to_string()))?;
    }
    fs::rename(staging.path(), &target)
        .with_context(|| tr!("error-cannot-make", path = shown.to_string()))?;
    // Moved: nothing is left for the temporary folder to remove.
    let _ = staging.keep();
    eprintln!(
        "{}",
        tr!(
            "cmd-layout-copied",
            name = args.name.as_str(),
            folder = shown.to_string(),
            n = files.len()
        )
    );
    Ok(Outcome::Success)
}

fn is_empty_dir(path: &Path) -> Result<bool> {
    if !path.is_dir() {
        return Ok(false);
    }
    let mut entries = fs::read_dir(path)
        .with_context(|| tr!("error-cannot-read", path = path.display().to_string()))?;
    Ok(entries.next().is_none())
}
