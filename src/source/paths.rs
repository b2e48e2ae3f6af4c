//! Resolving a file named in a source (an image, an attachment) inside the
//! meeting folder. Nothing a source names may lead outside it.

use std::path::{Component, Path, PathBuf};

/// The file `name` names, relative to `dir`, or why it cannot be used.
pub fn resolve_inside(dir: &Path, name: &str) -> Result<PathBuf, String> {
    if name.trim().is_empty() {
        return Err("no file is named".into());
    }
    if crate::markdown::scheme(name).is_some_and(|s| s.len() > 1) {
        return Err(format!(
            "`{name}` is a web address; images and attachments must be files in the meeting folder"
        ));
    }
    let relative = Path::new(name);
    if relative.is_absolute() || relative.has_root() {
        return Err(format!(
            "`{name}` is an absolute path; name files relative to the meeting folder, like bilag/graf.png"
        ));
    }
    let mut depth: usize = 0;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| format!("`{name}` points outside the meeting folder"))?;
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("`{name}` is an absolute path"));
            }
        }
    }
    let path = dir.join(relative);
    if !path.exists() {
        return Err(format!("`{name}` does not exist in the meeting folder"));
    }
    // A symbolic link may still lead out: compare the real paths.
    let real_dir = dir
        .canonicalize()
        .map_err(|e| format!("cannot resolve the meeting folder: {e}"))?;
    let real = path
        .canonicalize()
        .map_err(|e| format!("cannot resolve `{name}`: {e}"))?;
    if !real.starts_with(&real_dir) {
        return Err(format!(
            "`{name}` is a link that points outside the meeting folder"
        ));
    }
    if !real.is_file() {
        return Err(format!("`{name}` is not a file"));
    }
    Ok(real)
}
