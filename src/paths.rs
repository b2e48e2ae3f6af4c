//! Resolving a file named in a source (an image, an attachment) inside the
//! meeting folder. Nothing a source names may lead outside it. And how a
//! path is shown: relative to the working directory, never in Windows'
//! verbatim `\\?\` form.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::percent;
use crate::tr;

/// The file `name` names, relative to `dir`, or why it cannot be used.
pub fn resolve_inside(dir: &Path, name: &str) -> Result<PathBuf, String> {
    if name.trim().is_empty() {
        return Err(tr!("items-path-no-file"));
    }
    if scheme(name).is_some_and(|s| s.len() > 1) {
        return Err(tr!("items-path-web-address", name = name));
    }
    // Read alike on every system: `\` is a folder separator on Windows
    // only, and a link with it breaks on the web.
    if name.contains('\\') {
        return Err(tr!("items-path-backslash", name = name));
    }
    let relative = Path::new(name);
    if relative.is_absolute() || relative.has_root() {
        return Err(tr!("items-path-absolute", name = name));
    }
    let mut depth: usize = 0;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| tr!("items-path-outside", name = name))?;
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(tr!("items-path-absolute-prefix", name = name));
            }
        }
    }
    let mut path = dir.join(relative);
    if !path.exists() {
        // Editors write `bilag/min%20graf.png` for `bilag/min graf.png`.
        let decoded = percent::decode(name);
        if decoded == name || !dir.join(&decoded).exists() || decoded.split('/').any(|c| c == "..")
        {
            return Err(tr!("items-path-does-not-exist", name = name));
        }
        path = dir.join(decoded);
    }
    // A symbolic link may still lead out: compare the real paths.
    let real_dir =
        canonical(dir).map_err(|e| tr!("items-path-folder-unresolved", error = e.to_string()))?;
    let real = canonical(&path)
        .map_err(|e| tr!("items-path-unresolved", name = name, error = e.to_string()))?;
    if !real.starts_with(&real_dir) {
        return Err(tr!("items-path-link-outside", name = name));
    }
    if !real.is_file() {
        return Err(tr!("items-path-not-a-file", name = name));
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

/// The real path of `path` (links resolved), in the form a user writes it:
/// on Windows `C:\x` rather than the `\\?\C:\x` that canonicalising gives.
pub fn canonical(path: &Path) -> io::Result<PathBuf> {
    path.canonicalize().map(|real| simplified(&real))
}

/// `path` without Windows' verbatim prefix where the plain form means the
/// same file; any other path unchanged.
pub fn simplified(path: &Path) -> PathBuf {
    match path.to_str().and_then(strip_verbatim) {
        Some(plain) => PathBuf::from(plain),
        None => path.to_path_buf(),
    }
}

/// `\\?\C:\x` -> `C:\x`, `\\?\UNC\host\share\x` -> `\\host\share\x`; `None`
/// when `text` is not verbatim or its plain form would name another file
/// (a `.` or `..` component, a name Windows treats specially, a path too
/// long for the plain form).
fn strip_verbatim(text: &str) -> Option<String> {
    let rest = text.strip_prefix(r"\\?\")?;
    let (plain, tail) = if let Some(unc) = rest.strip_prefix(r"UNC\") {
        (format!(r"\\{unc}"), unc)
    } else {
        let bytes = rest.as_bytes();
        let is_drive = bytes.len() >= 3
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && bytes[2] == b'\\';
        if !is_drive {
            return None;
        }
        (rest.to_string(), &rest[3..])
    };
    let plain_safe =
        plain.len() < 260 && !tail.contains('/') && tail.split('\\').all(is_plain_component);
    plain_safe.then_some(plain)
}

/// A path component that means the same with and without the verbatim
/// prefix: not `.`/`..`, no trailing dot or space, no device name.
fn is_plain_component(name: &str) -> bool {
    const DEVICES: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    !matches!(name, "." | "..")
        && !name.ends_with('.')
        && !name.ends_with(' ')
        && !name.contains([':', '*', '?', '"', '<', '>', '|'])
        && !DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem))
}

/// How findings and messages show `path`: relative to the working
/// directory (see [`shown_from`]).
pub fn shown(path: &Path) -> String {
    match std::env::current_dir() {
        Ok(cwd) => shown_from(path, &canonical_cwd(cwd)),
        Err(_) => shown_from(path, Path::new("")),
    }
}

/// The real path of the working directory `cwd`, resolved once and kept
/// while the working directory stays the same (every source file's path
/// is shown: resolving it each time cost a dozen system calls a file).
fn canonical_cwd(cwd: PathBuf) -> PathBuf {
    static LAST: Mutex<Option<(PathBuf, PathBuf)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((seen, real)) = last.as_ref()
        && *seen == cwd
    {
        return real.clone();
    }
    let real = canonical(&cwd).unwrap_or_else(|_| cwd.clone());
    *last = Some((cwd, real.clone()));
    real
}

/// `path` relative to `cwd` (going up with `..` when the two share a
/// folder below the root), else absolute; simplified, with `/` between
/// the parts on every system.
pub fn shown_from(path: &Path, cwd: &Path) -> String {
    let path = simplified(path);
    let cwd = simplified(cwd);
    let shown = relative(&path, &cwd).unwrap_or(path);
    let text = shown.to_string_lossy().replace('\\', "/");
    if text.is_empty() { ".".into() } else { text }
}

/// `path` relative to `base`, both absolute, when they share at least one
/// folder below the root (and the same drive).
fn relative(path: &Path, base: &Path) -> Option<PathBuf> {
    let ours: Vec<Component> = path.components().collect();
    let theirs: Vec<Component> = base.components().collect();
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    let below_root = ours[..common]
        .iter()
        .any(|c| matches!(c, Component::Normal(_)));
    if !below_root
        || theirs[common..]
            .iter()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut relative: PathBuf = theirs[common..].iter().map(|_| "..").collect();
    relative.extend(&ours[common..]);
    Some(relative)
}

/// The scheme of a link target (`https` of `https://…`), if it has one.
/// Tabs and line breaks are skipped, as browsers skip them
/// (`java&#9;script:` is `javascript:`).
pub fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_start()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_string())
}

/// Whether `url` is a whole web address: `http://` or `https://`, a host,
/// no white space (rk.toml's `[site]` addresses, which pages anywhere in
/// the tree and the feed link to).
pub fn is_web_address(url: &str) -> bool {
    let web = matches!(scheme(url).as_deref(), Some("http" | "https"));
    let host = url
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.trim().is_empty());
    web && host && !url.chars().any(char::is_whitespace)
}

/// The names of the public edition's files in a meeting's output folder.
pub const PUBLIC_STEM: &str = "referat";
/// The names of the internal edition's files.
pub const INTERNAL_STEM: &str = "referat-internt";
/// The names of the agenda's files (`rk build --agenda`), beside the
/// referat's.
pub const AGENDA_STEM: &str = "dagsorden";
/// The names of the internal edition of the agenda.
pub const AGENDA_INTERNAL_STEM: &str = "dagsorden-internt";
/// The names of the tillægsdagsorden's files (`rk build --agenda --added`).
pub const ADDED_STEM: &str = "tillaegsdagsorden";
/// The names of the internal edition of the tillægsdagsorden.
pub const ADDED_INTERNAL_STEM: &str = "tillaegsdagsorden-internt";
/// Every name rk's outputs have, before the extension.
pub const OUTPUT_STEMS: [&str; 6] = [
    PUBLIC_STEM,
    INTERNAL_STEM,
    AGENDA_STEM,
    AGENDA_INTERNAL_STEM,
    ADDED_STEM,
    ADDED_INTERNAL_STEM,
];
/// The names of the internal editions' files.
const INTERNAL_STEMS: [&str; 3] = [INTERNAL_STEM, AGENDA_INTERNAL_STEM, ADDED_INTERNAL_STEM];
/// What the outputs are, by extension.
pub const OUTPUT_EXTENSIONS: [&str; 3] = ["pdf", "html", "json"];
/// The folders `--emit-typst` writes, and older internal builds wrote.
pub const OUTPUT_FOLDERS: [&str; 2] = ["typst", INTERNAL_FOLDER];
/// The folder older internal builds wrote with `--emit-typst`.
pub const INTERNAL_FOLDER: &str = "typst-internt";
/// The change page of `rk diff`, public and internal.
pub const CHANGES_PAGE: &str = "aendringer.html";
pub const INTERNAL_CHANGES_PAGE: &str = "aendringer-internt.html";

/// `referat-internt.pdf`, `dagsorden-internt.html` and the like, and
/// `typst-internt/`: what an internal build writes, which never stays in
/// the published tree.
pub fn is_internal_output(name: &str) -> bool {
    name == INTERNAL_FOLDER
        || name == INTERNAL_CHANGES_PAGE
        || name.rsplit_once('.').is_some_and(|(stem, ext)| {
            INTERNAL_STEMS.contains(&stem) && OUTPUT_EXTENSIONS.contains(&ext)
        })
}

/// `aendringer.html` or `aendringer-internt.html`: a change page of `rk
/// diff`, which a publishing build does not leave in its tree.
pub fn is_change_page(name: &str) -> bool {
    name == CHANGES_PAGE || name == INTERNAL_CHANGES_PAGE
}

/// True when a file copied to `path` (relative to a meeting's output
/// folder) would take the place of one of rk's own outputs.
pub fn is_output_name(path: &str) -> bool {
    match path.split_once('/') {
        Some((folder, _)) => OUTPUT_FOLDERS.contains(&folder),
        None => {
            is_change_page(path)
                || path.rsplit_once('.').is_some_and(|(stem, ext)| {
                    OUTPUT_STEMS.contains(&stem) && OUTPUT_EXTENSIONS.contains(&ext)
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_windows_paths_are_simplified() {
        let plain = |s: &str| strip_verbatim(s);
        assert_eq!(
            plain(r"\\?\Z:\projekt\meetings\2021-06-15\01.md").as_deref(),
            Some(r"Z:\projekt\meetings\2021-06-15\01.md")
        );
        assert_eq!(plain(r"\\?\C:\").as_deref(), Some(r"C:\"));
        assert_eq!(
            plain(r"\\?\UNC\server\share\møde\01.md").as_deref(),
            Some(r"\\server\share\møde\01.md")
        );
        // Not verbatim: left alone.
        assert_eq!(plain(r"C:\projekt\01.md"), None);
        assert_eq!(plain("/home/referent/meetings/01.md"), None);
        // Where the plain form would name another file, the prefix stays.
        assert_eq!(plain(r"\\?\C:\projekt\..\01.md"), None);
        assert_eq!(plain(r"\\?\C:\projekt\CON"), None);
        assert_eq!(plain(r"\\?\C:\projekt\nul.txt"), None);
        assert_eq!(plain(r"\\?\C:\projekt\dot."), None);
        assert_eq!(plain(r"\\?\C:\projekt/01.md"), None);
        assert_eq!(plain(r"\\?\GLOBALROOT\Device\x"), None);
        let long = format!(r"\\?\C:\{}", "a".repeat(300));
        assert_eq!(plain(&long), None);
        // Through the Path API too (on Linux a verbatim path is one name).
        assert_eq!(
            simplified(Path::new(r"\\?\Z:\projekt\01.md")),
            PathBuf::from(r"Z:\projekt\01.md")
        );
    }

    #[test]
    fn paths_are_shown_relative_to_the_working_directory() {
        let shown = |p: &str, cwd: &str| shown_from(Path::new(p), Path::new(cwd));
        assert_eq!(
            shown(
                "/home/r/projekt/meetings/2021-06-15/01.md",
                "/home/r/projekt"
            ),
            "meetings/2021-06-15/01.md"
        );
        assert_eq!(
            shown(
                "/home/r/projekt/meetings/2021-06-15/01.md",
                "/home/r/projekt/meetings/2021-06-15"
            ),
            "01.md"
        );
        assert_eq!(
            shown("/home/r/projekt/meetings/2021-06-15/01.md", "/home/r/andet"),
            "../projekt/meetings/2021-06-15/01.md"
        );
        // Nothing shared but the root: the absolute path.
        assert_eq!(
            shown("/srv/projekt/meetings/01.md", "/home/r"),
            "/srv/projekt/meetings/01.md"
        );
        assert_eq!(shown("/home/r/projekt", "/home/r/projekt"), ".");
    }

    #[test]
    fn no_shown_path_is_verbatim() {
        // A Windows path as Linux sees it is one name, so this pins the
        // text handling: a verbatim path is shown in its plain form.
        let shown = shown_from(
            Path::new(r"\\?\Z:\projekt\meetings\2021-06-15\01.md"),
            Path::new("/elsewhere"),
        );
        assert_eq!(shown, "Z:/projekt/meetings/2021-06-15/01.md");
        assert!(!shown.starts_with(r"\\?\") && !shown.starts_with("//?/"));
    }

    #[test]
    fn output_names_are_known() {
        for taken in [
            "referat.pdf",
            "referat-internt.html",
            "typst/referat.typ",
            "dagsorden.json",
            "dagsorden-internt.pdf",
        ] {
            assert!(is_output_name(taken), "{taken}");
        }
        for free in ["bilag/referat.pdf", "referat.docx", "typst.pdf", "referat"] {
            assert!(!is_output_name(free), "{free}");
        }
        for internal in [
            "referat-internt.pdf",
            "dagsorden-internt.json",
            "typst-internt",
        ] {
            assert!(is_internal_output(internal), "{internal}");
        }
        for public in ["referat.pdf", "dagsorden.html", "dagsorden-internt.docx"] {
            assert!(!is_internal_output(public), "{public}");
        }
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
