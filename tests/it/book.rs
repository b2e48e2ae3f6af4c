//! The user guide (docs/book) as a reader uses it. Every example of the
//! book that is a file of a project (a fenced block of yaml, markdown or
//! toml) says which file it is (`fil=PATH`, after the language), and is
//! written into a copy of an example project (`base=kommune`, the default:
//! examples/kommune-udvalg; `base=kl`: the example meeting of KL; `base=tom`:
//! an empty folder) before
//! `rk check --all` runs there: it must give no finding at all, or
//! exactly the findings of the rules the page says (`fund=RULE,RULE`).
//! `tilføj` appends the block to the file instead of replacing it, and
//! blocks of one page with the same `gruppe=NAME` are written into one copy
//! in order and checked together. A block marked `uddrag` is a fragment
//! and is not checked; a block with neither fails (the generated
//! reference pages are the rules' own examples, checked by explain.rs). And mdBook builds the
//! book with no warning (`just docs` does the same).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::common::{copy_tree, have_tool, parse_findings, project_root, rk, scratch};

/// The languages of blocks that are files of a project.
const CHECKED: [&str; 5] = ["yaml", "yml", "markdown", "md", "toml"];

/// One fenced block of the book.
#[derive(Debug, Clone)]
struct Snippet {
    /// The page, relative to docs/book/src, and the line the block opens on.
    page: String,
    line: usize,
    language: String,
    /// The block's attributes: `fil=...` -> its value, `uddrag` -> "".
    attributes: BTreeMap<String, String>,
    text: String,
}

impl Snippet {
    fn place(&self) -> String {
        format!("docs/book/src/{}:{}", self.page, self.line)
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

fn book_src() -> PathBuf {
    project_root().join("docs/book/src")
}

/// Every page of the guide (Markdown under docs/book/src), relative to it;
/// not the reference pages made from the code (reference/), whose examples
/// are the rules' own, checked by explain.rs.
fn pages() -> Vec<String> {
    let src = book_src();
    let mut pages = Vec::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)
            .expect("docs/book/src reads")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("reference") {
                    folders.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "md") {
                let page = path.strip_prefix(&src).unwrap().to_string_lossy();
                pages.push(page.replace('\\', "/"));
            }
        }
    }
    pages.sort();
    pages
}

/// The fenced blocks of a page, with their info strings read.
fn snippets_of(page: &str) -> Vec<Snippet> {
    let text = fs::read_to_string(book_src().join(page)).expect("a page reads");
    snippets_in(&text, page)
}

/// The fenced blocks of `text`, the page `page`.
fn snippets_in(text: &str, page: &str) -> Vec<Snippet> {
    let mut found = Vec::new();
    let mut open: Option<Snippet> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let mut words = info.split_whitespace();
                let language = words.next().unwrap_or("").to_lowercase();
                let attributes = words
                    .map(|word| match word.split_once('=') {
                        Some((name, value)) => (name.to_string(), value.to_string()),
                        None => (word.to_string(), String::new()),
                    })
                    .collect();
                open = Some(Snippet {
                    page: page.to_string(),
                    line: text[..range.start].lines().count() + 1,
                    language,
                    attributes,
                    text: String::new(),
                });
            }
            Event::Text(part) => {
                if let Some(snippet) = &mut open {
                    snippet.text.push_str(&part);
                }
            }
            Event::End(TagEnd::CodeBlock) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

fn all_snippets() -> Vec<Snippet> {
    pages().iter().flat_map(|page| snippets_of(page)).collect()
}

/// The blocks checked together: one per block, or one per page and group.
fn runs(snippets: &[Snippet]) -> Vec<Vec<Snippet>> {
    let mut runs: Vec<Vec<Snippet>> = Vec::new();
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    for snippet in snippets {
        match snippet.attribute("gruppe") {
            Some(group) => {
                let key = (snippet.page.clone(), group.to_string());
                match groups.get(&key) {
                    Some(&run) => runs[run].push(snippet.clone()),
                    None => {
                        groups.insert(key, runs.len());
                        runs.push(vec![snippet.clone()]);
                    }
                }
            }
            None => runs.push(vec![snippet.clone()]),
        }
    }
    runs
}

/// A copy of the base project the run names, in its own scratch folder.
fn base_copy(run: &[Snippet], index: usize) -> Result<PathBuf, String> {
    let dir = scratch(&format!("snippet-{index}"));
    match run[0].attribute("base").unwrap_or("kommune") {
        "kommune" => copy_tree(&project_root().join("examples/kommune-udvalg"), &dir),
        "kl" => copy_tree(
            &project_root().join("meetings/2020-11-25"),
            &dir.join("meetings/2020-11-25"),
        ),
        // An empty folder, as before `rk init`.
        "tom" => {}
        other => {
            return Err(format!(
                "{}: no base `{other}` (kommune, kl, tom)",
                run[0].place()
            ));
        }
    }
    Ok(dir)
}

/// Writes the run's blocks into a copy of its base, checks it, and says
/// what differs from what the page promises.
fn check_run(run: &[Snippet], index: usize) -> Result<(), String> {
    let dir = base_copy(run, index)?;
    let mut expected = BTreeSet::new();
    for snippet in run {
        let file = snippet
            .attribute("fil")
            .ok_or_else(|| format!("{}: a checked block without fil=", snippet.place()))?;
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("the file's folder");
        }
        let text = match snippet.attribute("tilføj") {
            Some(_) => fs::read_to_string(&path).unwrap_or_default() + "\n" + &snippet.text,
            None => snippet.text.clone(),
        };
        fs::write(&path, text).expect("write the block");
        if let Some(rules) = snippet.attribute("fund") {
            expected.extend(rules.split(',').map(String::from));
        }
    }
    let run_rk = rk(&dir, &["check", "--all", "--format", "json"]);
    let found: BTreeSet<String> = parse_findings(&run_rk.stdout)
        .into_iter()
        .map(|finding| finding.rule)
        .collect();
    if found == expected {
        Ok(())
    } else {
        let last = run.last().expect("a run has a block");
        Err(format!(
            "{}: `rk check --all` gave findings of {found:?}, the page says {expected:?}\n{}{}",
            last.place(),
            run_rk.stdout,
            run_rk.stderr
        ))
    }
}

#[test]
fn every_project_file_in_the_book_passes_rk_check_or_gives_the_finding_its_page_says() {
    let snippets: Vec<Snippet> = all_snippets()
        .into_iter()
        .filter(|s| CHECKED.contains(&s.language.as_str()))
        .collect();
    let mut problems: Vec<String> = snippets
        .iter()
        .filter(|s| s.attribute("fil").is_none() && s.attribute("uddrag").is_none())
        .map(|s| {
            format!(
                "{}: a {} block needs fil=PATH or uddrag",
                s.place(),
                s.language
            )
        })
        .collect();
    let checked: Vec<Snippet> = snippets
        .into_iter()
        .filter(|s| s.attribute("uddrag").is_none() && s.attribute("fil").is_some())
        .collect();
    let runs = runs(&checked);
    assert!(
        runs.len() >= 20,
        "the book checks only {} examples",
        runs.len()
    );
    problems.extend(
        runs.iter()
            .enumerate()
            .filter_map(|(index, run)| check_run(run, index).err()),
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_snippet_reader_sees_attributes_groups_and_fragments() {
    let text = "# P\n\n```yaml fil=meetings/x/meeting.yaml gruppe=a fund=numbering\nbody: B\n```\n\n\
                ```toml uddrag\nx = 1\n```\n\n```yaml fil=rk.toml gruppe=a tilføj\ny: 1\n```\n";
    let snippets = snippets_in(text, "page.md");
    assert_eq!(snippets.len(), 3);
    assert_eq!(snippets[0].language, "yaml");
    assert_eq!(snippets[0].line, 3);
    assert_eq!(
        snippets[0].attribute("fil"),
        Some("meetings/x/meeting.yaml")
    );
    assert_eq!(snippets[0].attribute("fund"), Some("numbering"));
    assert_eq!(snippets[0].text, "body: B\n");
    assert_eq!(snippets[1].attribute("uddrag"), Some(""));
    assert_eq!(snippets[2].attribute("tilføj"), Some(""));
    let runs = runs(&snippets);
    assert_eq!(runs.len(), 2, "the two blocks of group a are one run");
    assert_eq!(runs[0].len(), 2);
}

#[test]
fn mdbook_builds_the_book_with_no_warning() {
    if !have_tool("mdbook", "--version") {
        return;
    }
    let out = scratch("mdbook");
    let output = Command::new("mdbook")
        .arg("build")
        .arg(project_root().join("docs/book"))
        .arg("--dest-dir")
        .arg(&out)
        .output()
        .expect("mdbook runs");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "mdbook build failed:\n{log}");
    let warnings: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("WARN") || line.contains("ERROR"))
        .collect();
    assert!(
        warnings.is_empty(),
        "mdbook build warned:\n{}",
        warnings.join("\n")
    );
    let guide = fs::read_to_string(out.join("et-moede.html")).expect("the guide's page is built");
    assert!(guide.contains("lang=\"da\""), "the book says it is Danish");
    assert!(Path::new(&out.join("reference/rules/closed-decision.html")).is_file());
}
