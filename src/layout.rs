//! Layouts: the look of a referat as data (a Typst template, the Danish
//! labels, the closing text and the fonts). The built-in layouts (`kl`,
//! the default, and `kommune`: every folder under layouts/) are compiled
//! into the binary; `--layout DIR` or `layout` in rk.toml use a folder
//! instead.
//!
//! The rule for the HTML pages ([`Layout::page`]): a page is made from its
//! template and the style.css of one layout, the layout in use when it has
//! the page's template, else the built-in [`FALLBACK`] layout, both files
//! from it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use typst::foundations::Bytes;
use typst::text::Font;

use crate::tr;

// `BUILT_IN`: the layouts under layouts/, embedded by build.rs.
include!(concat!(env!("OUT_DIR"), "/layouts.rs"));

/// The files of a built-in layout, by their path in it.
pub fn built_in(name: &str) -> Option<LayoutFiles> {
    BUILT_IN
        .iter()
        .find(|(built_in, _)| *built_in == name)
        .map(|(_, files)| *files)
}

/// The names of the built-in layouts, in name order.
pub fn built_in_names() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(name, _)| *name).collect()
}

/// The built-in layout that makes an HTML page a layout folder has no
/// template for (a folder copied before the page existed).
pub const FALLBACK: &str = "kl";

/// The tables of labels.toml that hold the words of one page: `[index]`
/// (index.html, sager.html), `[search]` (soeg.html) and `[changes]`
/// (aendringer.html). A layout without one uses the fallback layout's.
const PAGE_TABLES: &[&str] = &["index", "search", "changes"];

/// The words of labels.toml every HTML page may show that a layout folder
/// made before they existed lacks: the fallback layout's are used.
const PAGE_WORDS: &[&str] = &["accessibility_statement"];

/// The files every layout must have.
const REQUIRED: &[&str] = &["referat.typ", "labels.toml"];

/// A layout folder larger than this is refused (a template, labels and a
/// few fonts are a few MB).
const MAX_LAYOUT_BYTES: u64 = 64 * 1024 * 1024;

pub struct Layout {
    /// `kl`, or the folder it was read from.
    pub name: String,
    files: BTreeMap<String, Bytes>,
    pub labels: Labels,
    /// All of labels.toml, for the HTML template.
    pub labels_table: toml::Table,
    /// The [`FALLBACK`] layout, read when a page first needs it.
    fallback: OnceLock<Box<Layout>>,
}

/// The labels rk itself needs (for dates and titles); the template reads
/// the rest of labels.toml directly.
#[derive(Debug, Clone, Deserialize)]
pub struct Labels {
    #[serde(rename = "referat")]
    pub minutes: String,
    /// Also the role that shows the referent among the participants.
    pub referent: String,
    pub closed_item: String,
    pub internal: String,
    pub weekdays: Vec<String>,
    pub months: Vec<String>,
    pub long_date: String,
    pub title: String,
    /// The word for the agenda, as `referat` is the referat's: its cover
    /// word and the start of its title. Needed only for `--agenda`.
    #[serde(rename = "dagsorden")]
    pub agenda: Option<String>,
    /// The word for the tillægsdagsorden (`--agenda --added`); the
    /// agenda's word without it.
    pub added_agenda: Option<String>,
    /// The headings of the parts of an item written at the meeting
    /// ("Drøftelse", "Beslutning"), which the agenda leaves out. Needed
    /// only for `--agenda`.
    pub meeting_parts: Option<Vec<String>>,
    /// Whether each item shows who was absent from it ("Fraværende: Evan
    /// Lynnerup (afbud)"), as a kommune's minutes do; KL's do not.
    #[serde(default)]
    pub item_absence: bool,
}

impl Layout {
    /// A built-in layout by name, or a layout folder (relative to `base`).
    pub fn resolve(name: &str, base: &Path) -> Result<Layout> {
        if let Some(files) = built_in(name) {
            return Layout::new(
                name.into(),
                files
                    .iter()
                    .map(|(path, bytes)| (path.to_string(), Bytes::new(*bytes)))
                    .collect(),
            );
        }
        let dir = base.join(name);
        if !dir.is_dir() {
            bail!(tr!(
                "error-no-layout",
                name = name,
                names = built_in_names().join(", ")
            ));
        }
        Layout::from_dir(&dir)
    }

    fn from_dir(dir: &Path) -> Result<Layout> {
        let mut files = BTreeMap::new();
        let mut total = 0;
        read_tree(dir, dir, &mut files, &mut total)?;
        Layout::new(dir.display().to_string(), files)
    }

    fn new(name: String, files: BTreeMap<String, Bytes>) -> Result<Layout> {
        for required in REQUIRED {
            if !files.contains_key(*required) {
                bail!(tr!(
                    "error-layout-lacks",
                    name = name.as_str(),
                    file = *required
                ));
            }
        }
        // Read when the outputs are written; refused here, before any work.
        if let Some(closing) = files.get("closing.md") {
            std::str::from_utf8(closing)
                .with_context(|| tr!("error-not-utf8", path = format!("{name}/closing.md")))?;
        }
        let labels_text = std::str::from_utf8(&files["labels.toml"])
            .with_context(|| tr!("error-not-utf8", path = format!("{name}/labels.toml")))?;
        let labels: Labels = toml::from_str(labels_text)
            .map_err(|e| anyhow::anyhow!("{name}/labels.toml: {}", e.to_string().trim_end()))?;
        let labels_table: toml::Table = toml::from_str(labels_text)
            .map_err(|e| anyhow::anyhow!("{name}/labels.toml: {}", e.to_string().trim_end()))?;
        if labels.weekdays.len() != 7 || labels.months.len() != 12 {
            bail!(tr!("error-layout-calendar-names", name = name.as_str()));
        }
        Ok(Layout {
            name,
            files,
            labels,
            labels_table,
            fallback: OnceLock::new(),
        })
    }

    /// The layout that makes the HTML page `template` (`referat.html`,
    /// `aendringer.html`, `index.html`, `sager.html`): this one when it
    /// has the template, else the built-in [`FALLBACK`] layout. The page's
    /// template, the templates it imports and its style.css all come from
    /// the layout returned, so a page and its stylesheet are of one look.
    pub fn page(&self, template: &str) -> Result<&Layout> {
        if self.files.contains_key(template) {
            return Ok(self);
        }
        let fallback = self.fallback()?;
        if fallback.files.contains_key(template) {
            return Ok(fallback);
        }
        bail!(tr!(
            "error-layout-lacks",
            name = self.name.as_str(),
            file = template
        ))
    }

    /// Which of `pages` this layout takes from the [`FALLBACK`] layout,
    /// as a note for the run that made them: such a page looks like KL's,
    /// not like the rest of the site, and the folder can be given its own.
    /// `None` when the layout has every one.
    pub fn fallback_note(&self, pages: &[&str]) -> Option<String> {
        let borrowed: Vec<&str> = pages
            .iter()
            .copied()
            .filter(|page| !self.files.contains_key(*page))
            .collect();
        if borrowed.is_empty() {
            return None;
        }
        let names = match borrowed.as_slice() {
            [first, second] => tr!("error-both", first = *first, second = *second),
            _ => borrowed.join(", "),
        };
        Some(tr!(
            "cmd-layout-fallback-note",
            name = self.name.as_str(),
            pages = names,
            fallback = FALLBACK
        ))
    }

    /// The built-in [`FALLBACK`] layout, read once.
    fn fallback(&self) -> Result<&Layout> {
        if let Some(layout) = self.fallback.get() {
            return Ok(layout);
        }
        let loaded = Layout::resolve(FALLBACK, Path::new("."))?;
        Ok(self.fallback.get_or_init(|| Box::new(loaded)))
    }

    /// The table `name` of labels.toml (`changes`, `index`): this
    /// layout's, else the [`FALLBACK`] layout's.
    pub fn label_table(&self, name: &str) -> Result<toml::Table> {
        if let Some(toml::Value::Table(table)) = self.labels_table.get(name) {
            return Ok(table.clone());
        }
        match self.fallback()?.labels_table.get(name) {
            Some(toml::Value::Table(table)) => Ok(table.clone()),
            _ => bail!(tr!(
                "error-layout-fallback-lacks-table",
                layout = FALLBACK,
                table = name
            )),
        }
    }

    /// labels.toml as the HTML pages see it: with the words of a page
    /// ([`PAGE_TABLES`], [`PAGE_WORDS`]) the [`FALLBACK`] layout's where
    /// this one has none.
    pub fn page_labels(&self) -> Result<std::borrow::Cow<'_, toml::Table>> {
        let missing: Vec<&str> = PAGE_TABLES
            .iter()
            .chain(PAGE_WORDS)
            .copied()
            .filter(|name| !self.labels_table.contains_key(*name))
            .collect();
        if missing.is_empty() {
            return Ok(std::borrow::Cow::Borrowed(&self.labels_table));
        }
        let mut labels = self.labels_table.clone();
        for name in missing {
            let value = if PAGE_TABLES.contains(&name) {
                toml::Value::Table(self.label_table(name)?)
            } else {
                self.fallback()?
                    .labels_table
                    .get(name)
                    .cloned()
                    .with_context(|| {
                        tr!(
                            "error-layout-fallback-lacks-word",
                            layout = FALLBACK,
                            word = name
                        )
                    })?
            };
            labels.insert(name.into(), value);
        }
        Ok(std::borrow::Cow::Owned(labels))
    }

    /// A file of the layout read as text (a template, the style sheet).
    pub fn text(&self, path: &str) -> Result<&str> {
        let bytes = self
            .file(path)
            .with_context(|| tr!("error-layout-lacks", name = self.name.as_str(), file = path))?;
        std::str::from_utf8(bytes)
            .with_context(|| tr!("error-not-utf8", path = format!("{}/{path}", self.name)))
    }

    pub fn file(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    /// Every file, by its path in the layout.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Bytes)> {
        self.files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes))
    }

    /// The font files (fonts/*.ttf, .otf, .ttc), in name order.
    pub fn fonts(&self) -> Vec<Bytes> {
        self.files
            .iter()
            .filter(|(path, _)| {
                let lower = path.to_ascii_lowercase();
                lower.starts_with("fonts/")
                    && [".ttf", ".otf", ".ttc", ".otc"]
                        .iter()
                        .any(|e| lower.ends_with(e))
            })
            .map(|(_, bytes)| bytes.clone())
            .collect()
    }

    /// The characters the layout's fonts have, for the checks.
    pub fn coverage(&self) -> Coverage {
        Coverage::of_fonts(&self.name, &self.fonts())
    }

    /// Refuses a layout whose labels.toml cannot make an agenda: it has no
    /// word for it or does not say which parts are written at the meeting.
    pub fn check_agenda_labels(&self) -> Result<()> {
        let missing: Vec<&str> = [
            ("dagsorden = \"Dagsorden\"", self.labels.agenda.is_none()),
            (
                "meeting_parts = [\"Drøftelse\", \"Beslutning\", \"Referat\"]",
                self.labels.meeting_parts.is_none(),
            ),
        ]
        .into_iter()
        .filter_map(|(line, absent)| absent.then_some(line))
        .collect();
        if !missing.is_empty() {
            let lines = match missing.as_slice() {
                [first, second] => tr!("error-both", first = *first, second = *second),
                _ => missing.join(", "),
            };
            bail!(tr!(
                "error-layout-no-agenda",
                name = self.name.as_str(),
                lines = lines
            ));
        }
        Ok(())
    }

    /// The closing text (Markdown), if the layout has one (it is UTF-8:
    /// [`Layout::new`] refuses a layout whose closing.md is not).
    pub fn closing(&self) -> Option<&str> {
        self.files
            .get("closing.md")
            .and_then(|b| std::str::from_utf8(b).ok())
    }
}

/// The characters a layout can typeset: the union of the character maps
/// of its fonts (the engine falls back from font to font, so a character
/// any of them has is shown). Plain data, so that the checks need not know
/// about fonts.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// The layout's name, for messages: `kl` or its folder.
    pub layout: String,
    /// Sorted, disjoint and not adjacent: (first, last) code points.
    ranges: Vec<(u32, u32)>,
    /// The same for the code points below [`LOW`] (Latin, Greek,
    /// Cyrillic, ...), one bit each: most text is looked up here.
    low: Vec<u64>,
}

/// The code points [`Coverage`] keeps a bit for.
const LOW: u32 = 0x800;

impl Coverage {
    /// Reads only the character maps of `fonts` (about a millisecond for
    /// the KL fonts).
    pub fn of_fonts(layout: &str, fonts: &[Bytes]) -> Coverage {
        // Each font's code points come in order: runs of them first, then
        // the runs of all fonts merged.
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for font in fonts.iter().flat_map(|data| Font::iter(data.clone())) {
            // A character map's segments name code points that lead to no
            // glyph (glyph 0, the empty box): the engine refuses those, so
            // only the ones with a glyph count.
            let Ok(face) = ttf_parser::Face::parse(font.data(), font.index()) else {
                continue;
            };
            let has_glyph = |c: &u32| {
                char::from_u32(*c)
                    .and_then(|ch| face.glyph_index(ch))
                    .is_some_and(|glyph| glyph.0 != 0)
            };
            for c in font.info().coverage.iter().filter(has_glyph) {
                match ranges.last_mut() {
                    Some((first, last)) if *first <= c && c <= *last + 1 => *last = (*last).max(c),
                    _ => ranges.push((c, c)),
                }
            }
        }
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (first, last) in ranges {
            match merged.last_mut() {
                Some((_, end)) if first <= *end + 1 => *end = (*end).max(last),
                _ => merged.push((first, last)),
            }
        }
        let mut low = vec![0u64; LOW as usize / 64];
        for &(first, last) in &merged {
            for c in first..=last.min(LOW - 1) {
                low[c as usize / 64] |= 1 << (c % 64);
            }
        }
        Coverage {
            layout: layout.to_string(),
            ranges: merged,
            low,
        }
    }

    /// True when some font of the layout has a glyph for `c`.
    pub fn contains(&self, c: char) -> bool {
        let c = u32::from(c);
        if c < LOW {
            return self
                .low
                .get(c as usize / 64)
                .is_some_and(|w| w & (1 << (c % 64)) != 0);
        }
        let after = self.ranges.partition_point(|&(first, _)| first <= c);
        after > 0 && self.ranges[after - 1].1 >= c
    }
}

/// Reads every file below `dir`. Links that lead out of the layout folder
/// are refused.
fn read_tree(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, Bytes>,
    total: &mut u64,
) -> Result<()> {
    let real_root = root.canonicalize().with_context(|| {
        tr!(
            "error-cannot-open-layout",
            path = root.display().to_string()
        )
    })?;
    let cannot_read = || tr!("error-cannot-read", path = dir.display().to_string());
    for entry in fs::read_dir(dir).with_context(cannot_read)? {
        let path: PathBuf = entry.with_context(cannot_read)?.path();
        let real = path
            .canonicalize()
            .with_context(|| tr!("error-cannot-open", path = path.display().to_string()))?;
        if !real.starts_with(&real_root) {
            bail!(tr!(
                "error-layout-outside",
                path = path.display().to_string()
            ));
        }
        if real.is_dir() {
            read_tree(root, &path, files, total)?;
        } else {
            let bytes = fs::read(&path)
                .with_context(|| tr!("error-cannot-read", path = path.display().to_string()))?;
            *total += bytes.len() as u64;
            if *total > MAX_LAYOUT_BYTES {
                bail!(tr!(
                    "error-layout-too-large",
                    path = root.display().to_string()
                ));
            }
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(relative, Bytes::new(bytes));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTML pages every built-in layout has, each made by itself.
    const PAGES: [&str; 4] = [
        "referat.html",
        "aendringer.html",
        "index.html",
        "sager.html",
    ];

    #[test]
    fn each_built_in_layout_makes_every_page_itself() {
        for name in built_in_names() {
            let layout = Layout::resolve(name, Path::new(".")).unwrap();
            for page in PAGES {
                assert_eq!(layout.page(page).unwrap().name, name, "{page}");
            }
            for table in PAGE_TABLES.iter().chain(PAGE_WORDS) {
                assert!(layout.labels_table.contains_key(*table), "{name}: {table}");
            }
        }
    }

    #[test]
    fn a_folder_without_a_page_takes_it_from_the_fallback_layout() {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in built_in("kommune").unwrap() {
            if ["referat.typ", "referat.html", "style.css"].contains(path) {
                fs::write(dir.path().join(path), bytes).unwrap();
            }
        }
        // labels.toml as it was before the pages had words of their own.
        let (_, labels) = built_in("kommune")
            .unwrap()
            .iter()
            .find(|(path, _)| *path == "labels.toml")
            .unwrap();
        let labels = std::str::from_utf8(labels).unwrap();
        let labels = labels
            .find("# The archive pages")
            .map_or(labels, |at| &labels[..at])
            .replace("accessibility_statement = ", "# accessibility_statement = ");
        fs::write(dir.path().join("labels.toml"), labels).unwrap();
        let layout = Layout::from_dir(dir.path()).unwrap();
        assert!(std::ptr::eq(layout.page("referat.html").unwrap(), &layout));
        for page in &PAGES[1..] {
            assert_eq!(layout.page(page).unwrap().name, FALLBACK, "{page}");
        }
        // The words: the folder's, a page's table it lacks the fallback's.
        assert!(!layout.labels_table.contains_key("changes"));
        let labels = layout.page_labels().unwrap();
        assert_eq!(labels["presenters"].as_str(), Some("Fremlagt af"));
        assert!(labels.contains_key("index") && labels.contains_key("changes"));
        assert_eq!(
            labels["accessibility_statement"].as_str(),
            Some("Tilgængelighedserklæring")
        );
        assert!(layout.page("nothing.html").is_err());
    }

    #[test]
    fn the_kl_fonts_cover_danish_and_not_emoji() {
        let coverage = Layout::resolve("kl", Path::new(".")).unwrap().coverage();
        for c in "Aa æøå ÆØÅ é ü – “” € § ½ →".chars() {
            assert!(coverage.contains(c), "{c}");
        }
        for c in ['👍', '中', 'മ', 'ಕ', '\u{F0B7}'] {
            assert!(!coverage.contains(c), "{c}");
        }
    }
}
