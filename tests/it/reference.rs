//! The reference pages of the book (docs/book/src/reference/) are made from
//! the code by `rk::cmd::reference`: a page per rule from its declaration
//! (what `rk explain RULE --markdown` prints), the rule table linking them,
//! a page per subcommand from its `--help`. What its tests show: the
//! committed pages are the ones the code makes, and no other page lies
//! among them (a rule's text changed, a rule or an option added, fails
//! until `just reference`, that is `RK_BLESS=1 cargo test --test it
//! reference::`, writes them; never in CI); each rule's page holds what
//! `rk explain RULE --markdown` prints, and each command's page what `rk
//! COMMAND --help` prints (80 columns wide); every page of the book is linked
//! from SUMMARY.md, and every link of SUMMARY.md is a page.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{project_root, rk};
use rk::cmd::reference::{self, Page};
use rk::rules::Rule;

/// The book's source folder.
fn book_src() -> PathBuf {
    project_root().join("docs/book/src")
}

/// The Markdown files under `dir`, as paths relative to `base`.
fn markdown_under(base: &Path, dir: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_under(base, &path, found);
        } else if path.extension().is_some_and(|e| e == "md") {
            let relative = path.strip_prefix(base).unwrap();
            found.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn blessing() -> bool {
    std::env::var_os("RK_BLESS").is_some() && std::env::var_os("CI").is_none()
}

/// The committed pages are the ones the code makes; with RK_BLESS=1 (not
/// in CI) a stale or missing page is written and a page the code no longer
/// makes is removed.
#[test]
fn the_reference_pages_are_the_ones_the_code_makes() {
    let src = book_src();
    let pages = reference::pages();
    let mut stale = Vec::new();
    for Page { path, text } in &pages {
        let file = src.join(path);
        if fs::read_to_string(&file).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if blessing() {
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(&file, text).unwrap();
        } else {
            stale.push(format!("docs/book/src/{path} is stale or missing"));
        }
    }
    let made: BTreeSet<&str> = pages.iter().map(|page| page.path.as_str()).collect();
    let mut committed = BTreeSet::new();
    markdown_under(&src, &src.join(reference::FOLDER), &mut committed);
    for path in committed.iter().filter(|p| !made.contains(p.as_str())) {
        if blessing() {
            fs::remove_file(src.join(path)).unwrap();
        } else {
            stale.push(format!("docs/book/src/{path} is made by nothing"));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nwrite them with `just reference` \
         (`RK_BLESS=1 cargo test --test it reference::`)",
        stale.join("\n")
    );
}

/// A rule's page is what `rk explain RULE --markdown` prints, its heading
/// made the page's title; the rule table links every rule's page.
#[test]
fn a_rules_page_is_what_rk_explain_prints() {
    let pages = reference::pages();
    let index = pages
        .iter()
        .find(|page| page.path == "reference/rules.md")
        .expect("the rule table's page");
    for rule in Rule::EVERY {
        let name = rule.name();
        let explained = rk(&project_root(), &["explain", name, "--markdown"]);
        assert_eq!(explained.code, 0, "rk explain {name}: {}", explained.stderr);
        let page = pages
            .iter()
            .find(|page| page.path == format!("reference/rules/{name}.md"))
            .unwrap_or_else(|| panic!("no page for {name}"));
        assert!(
            page.text.starts_with(&format!("# `{name}`")),
            "{name}'s page starts with its name as the title:\n{}",
            page.text
        );
        assert!(
            format!("#{}", page.text).starts_with(&explained.stdout),
            "{name}'s page is not what rk explain prints:\n{}\n---\n{}",
            page.text,
            explained.stdout
        );
        assert!(
            index.text.contains(&format!("[`{name}`](rules/{name}.md)")),
            "the rule table links {name}'s page"
        );
    }
}

/// What `rk ARGS --help` prints in a terminal 80 columns wide, without
/// the spaces at ends of lines.
fn help_at_80(args: &[&str]) -> String {
    let output = common::rk_command()
        .args(args)
        .arg("--help")
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert!(output.status.success(), "rk {args:?} --help");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.trim_end().lines().map(str::trim_end).collect();
    lines.join("\n")
}

/// The fenced blocks of a page, each under the command its heading names
/// (`# \`rk layout\``, `## \`rk layout copy\``).
fn help_blocks(page: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut command = String::new();
    let mut rest = page;
    while let Some(at) = rest.find("```text\n") {
        for line in rest[..at].lines() {
            if let Some(name) = line.trim_start_matches('#').trim().strip_prefix("`rk ") {
                command = name.trim_end_matches('`').to_string();
            }
        }
        let from = at + "```text\n".len();
        let to = from + rest[from..].find("\n```").expect("a closed block");
        blocks.push((command.clone(), rest[from..to].to_string()));
        rest = &rest[to + 4..];
    }
    blocks
}

/// Each command's page shows, under its heading, what `rk COMMAND --help`
/// prints (80 columns wide), and that of each of its own subcommands; the
/// commands' page links every page.
#[test]
fn a_commands_page_is_what_its_help_prints() {
    let pages = reference::pages();
    let index = pages
        .iter()
        .find(|page| page.path == "reference/commands.md")
        .expect("the commands' page");
    let commands: Vec<&Page> = pages
        .iter()
        .filter(|page| page.path.starts_with("reference/commands/"))
        .collect();
    assert!(
        commands.len() >= 10,
        "a page per command: {}",
        commands.len()
    );
    for page in commands {
        let name = page.path["reference/commands/".len()..].trim_end_matches(".md");
        assert!(
            index
                .text
                .contains(&format!("[`rk {name}`](commands/{name}.md)")),
            "commands.md links {name}'s page"
        );
        let blocks = help_blocks(&page.text);
        assert_eq!(
            blocks.first().map(|b| b.0.as_str()),
            Some(name),
            "{}",
            page.text
        );
        for (command, block) in blocks {
            let args: Vec<&str> = command.split(' ').collect();
            assert_eq!(
                block,
                help_at_80(&args),
                "{}: rk {command} --help",
                page.path
            );
        }
    }
    let layout = pages
        .iter()
        .find(|page| page.path == "reference/commands/layout.md")
        .expect("rk layout's page");
    assert!(
        layout.text.contains("## `rk layout copy`"),
        "{}",
        layout.text
    );
}

/// The links of SUMMARY.md, in the order they appear: `(title)[path]`.
fn summary_links(summary: &str) -> Vec<String> {
    let mut links = Vec::new();
    for line in summary.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let tail = &rest[at + 2..];
            let Some(end) = tail.find(')') else {
                break;
            };
            links.push(tail[..end].to_string());
            rest = &tail[end..];
        }
    }
    links
}

/// Every page of the book is in SUMMARY.md, so mdBook builds it and a
/// reader finds it; every link there is a page.
#[test]
fn every_page_of_the_book_is_in_its_summary() {
    let src = book_src();
    let summary = fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let linked: BTreeSet<String> = summary_links(&summary).into_iter().collect();
    let mut pages = BTreeSet::new();
    markdown_under(&src, &src, &mut pages);
    pages.remove("SUMMARY.md");
    let orphans: Vec<String> = pages
        .iter()
        .filter(|page| !linked.contains(*page))
        .map(|page| format!("docs/book/src/{page} is not in SUMMARY.md"))
        .collect();
    let dangling: Vec<String> = linked
        .iter()
        .filter(|link| !pages.contains(*link))
        .map(|link| format!("SUMMARY.md links {link}, which is no page"))
        .collect();
    let problems = [orphans, dangling].concat();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
