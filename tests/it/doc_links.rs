//! The links of the documentation, offline: every relative link in the
//! README, CONTRIBUTING.md, BENCHMARKS.md and the Markdown under docs/
//! leads to a file or folder of the repository, and every `#anchor` to a
//! heading of the page it names (the anchor as GitHub and mdBook make it
//! from the heading's text). Links to the web are not followed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::common::project_root;

/// GitHub's Markdown as far as links go: tables, footnotes, strikethrough,
/// task lists; no smart punctuation (`--` stays two hyphens in an anchor).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// The Markdown pages checked: the root's documents and everything under
/// docs/.
fn pages() -> Vec<PathBuf> {
    let root = project_root();
    let mut pages: Vec<PathBuf> = ["README.md", "CONTRIBUTING.md", "BENCHMARKS.md"]
        .iter()
        .map(|name| root.join(name))
        .filter(|path| path.is_file())
        .collect();
    let mut folders = vec![root.join("docs")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("docs/ is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// The anchor of a heading's text: lower case, letters, digits, `-` and
/// `_` kept, spaces as `-`, everything else dropped.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A page's anchors: its headings' slugs (a repeated one with `-1`,
/// `-2`, ...) and the ids of its HTML anchors (`<a id="...">`).
fn anchors(text: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let mut name = base.clone();
                let mut n = 0;
                while found.contains(&name) {
                    n += 1;
                    name = format!("{base}-{n}");
                }
                found.insert(name);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for part in html.split("id=\"").skip(1) {
                    found.extend(part.split('"').next().map(str::to_string));
                }
            }
            _ => {}
        }
    }
    found
}

/// The relative links of a page (not to the web, not `mailto:`).
fn links(text: &str) -> Vec<String> {
    Parser::new_ext(text, options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .filter(|url| !url.contains("://") && !url.starts_with("mailto:"))
        .collect()
}

/// What is wrong with `link` on `page`, if anything.
fn broken(page: &Path, link: &str) -> Option<String> {
    let (path, anchor) = match link.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (link, None),
    };
    let target = if path.is_empty() {
        page.to_path_buf()
    } else {
        page.parent().expect("a page's folder").join(path)
    };
    if !target.exists() {
        return Some(format!("no such file: {}", target.display()));
    }
    let anchor = anchor.filter(|a| !a.is_empty())?;
    if target.extension().is_none_or(|ext| ext != "md") {
        return None;
    }
    let text = std::fs::read_to_string(&target).expect("a Markdown page");
    (!anchors(&text).contains(anchor)).then(|| format!("no heading #{anchor} in {path}"))
}

#[test]
fn every_relative_link_and_anchor_of_the_documentation_leads_somewhere() {
    let root = project_root();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).expect("a Markdown page");
        for link in links(&text) {
            checked += 1;
            if let Some(why) = broken(&page, &link) {
                let shown = page.strip_prefix(&root).unwrap_or(&page).display();
                wrong.push(format!("{shown}: ({link}): {why}"));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} links found: is the parser reading the pages?"
    );
    assert!(wrong.is_empty(), "broken links:\n{}", wrong.join("\n"));
}

#[test]
fn the_anchors_are_made_as_github_makes_them() {
    let text = "# Quick start\n## The archive: rk index\n## `rk.toml`\n## Quick start\n";
    let found = anchors(text);
    for anchor in [
        "quick-start",
        "the-archive-rk-index",
        "rktoml",
        "quick-start-1",
    ] {
        assert!(found.contains(anchor), "{anchor} not in {found:?}");
    }
    // A link to a missing heading is found broken.
    let page = project_root().join("README.md");
    assert!(broken(&page, "#no-such-heading-anywhere").is_some());
    assert!(broken(&page, "CONTRIBUTING.md").is_none());
    assert!(broken(&page, "NO-SUCH-FILE.md").is_some());
}
