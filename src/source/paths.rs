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
    let mut path = dir.join(relative);
    if !path.exists() {
        // Editors write `bilag/min%20graf.png` for `bilag/min graf.png`.
        let decoded = percent_decode(name);
        if decoded == name || !dir.join(&decoded).exists() || decoded.split('/').any(|c| c == "..")
        {
            return Err(format!("`{name}` does not exist in the meeting folder"));
        }
        path = dir.join(decoded);
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

/// `name` as a path inside the folder, written the one way: `./` and
/// `a/../` taken out, `/` between the parts (`./bilag/x.pdf` is
/// `bilag/x.pdf`). `None` for a path that is absolute or leads out.
pub fn normalise(name: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if name.starts_with('/') || Path::new(name).has_root() {
        return None;
    }
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `%20` and the like decoded; anything that is not a valid escape or not
/// UTF-8 afterwards is left as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("bilag/min%20graf.png"), "bilag/min graf.png");
        assert_eq!(percent_decode("s%C3%B8jler.png"), "søjler.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn paths_are_normalised() {
        assert_eq!(normalise("./bilag//x.pdf").as_deref(), Some("bilag/x.pdf"));
        assert_eq!(
            normalise("a/../bilag/x.pdf").as_deref(),
            Some("bilag/x.pdf")
        );
        for bad in ["../x.pdf", "/etc/passwd", ".", ""] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
