//! The rules' declarations (`src/rules.rs`) against what rk does: `rk
//! explain`, the example of every rule checked for real, a fixture for
//! every rule. (The rule table of the book, docs/book/src/reference/, is
//! made from the declarations and held to them by reference.rs.)
//!
//! What its tests show, one by one: the rules' declarations in `src/rules.rs`
//! against what rk does: `rk explain`, every rule with a fixture, a summary, an
//! explanation and an example, and each example checked for real (the file with
//! the mistake gives findings of its rule only, the fixed file none. A new rule is one entry in
//! `src/rules.rs` (the enum, `Rule::ALL`, its name and `rk explain` follow),
//! its check and its messages, and a fixture.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{self, Finding, check_json, fixture_names, rk, scratch};
use rk::rules::{self, EXAMPLE_FOLDER, EXAMPLE_MEETING, Example, Rule, Saved, Severity};

#[test]
fn explain_prints_the_rules_explanation() {
    let run = rk(Path::new("."), &["explain", "missing-sag"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = Rule::MissingSag.doc();
    let out = common::squeeze(&run.stdout);
    assert!(
        run.stdout
            .starts_with("missing-sag (error): an item has no case reference (`sag`)\n"),
        "{}",
        run.stdout
    );
    for text in [doc.catches, doc.why, doc.fix] {
        assert!(
            out.contains(&common::squeeze(text)),
            "{text} not in:\n{out}"
        );
    }
    // The example and its fix, indented as code.
    assert!(
        run.stdout
            .contains("Example: meetings/2021-03-04/01-budget.md\n")
    );
    assert!(run.stdout.contains("\n    title: Budget 2022\n    ---\n"));
    assert!(run.stdout.contains("\n    sag: SAG-2021-00123\n"));
    assert_eq!(run.stderr, "");
}

#[test]
fn explain_lists_every_rule_with_its_summary() {
    let run = rk(Path::new("."), &["explain"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    for (rule, line) in Rule::EVERY.iter().zip(&lines) {
        let doc = rule.doc();
        assert!(line.starts_with(doc.name), "{line}");
        assert!(line.contains(doc.summary), "{line}");
        assert_eq!(
            line.ends_with("(warning)"),
            doc.severity == Severity::Warning
        );
    }
}

#[test]
fn an_unknown_rule_is_an_error_with_a_did_you_mean() {
    let run = rk(Path::new("."), &["explain", "missing-sga"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no rule `missing-sga` (did you mean missing-sag?); `rk explain` lists the rules\n"
    );
    let run = rk(Path::new("."), &["explain", "cpr"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no rule `cpr`; `rk explain` lists the rules\n"
    );
}

#[test]
fn explain_markdown_fences_the_example() {
    let run = rk(Path::new("."), &["explain", "yaml-comment", "--markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("## `yaml-comment` (warning)\n\n"));
    assert!(
        run.stdout
            .contains("```markdown\n---\nnumber: \"1\"\ntitle: Budget 2022-2025 #2 - forslag\n")
    );
    // Without a rule: the rule table.
    let run = rk(Path::new("."), &["explain", "--markdown"]);
    assert_eq!(run.stdout, rules::markdown_table());
}

#[test]
fn every_rule_is_declared_in_full_and_named_once() {
    for rule in Rule::EVERY {
        let doc = rule.doc();
        assert_eq!(Rule::from_name(doc.name), Some(*rule));
        for (field, text) in [
            ("summary", doc.summary),
            ("catches", doc.catches),
            ("why", doc.why),
            ("fix", doc.fix),
        ] {
            assert!(!text.trim().is_empty(), "{}: no {field}", doc.name);
        }
        assert!(
            !doc.summary.contains('\n') && doc.summary.len() < 80,
            "{}: summary",
            doc.name
        );
        // The id as findings show it: lower-case words joined by hyphens.
        assert!(
            doc.name
                .split('-')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "{}",
            doc.name
        );
    }
    for rule in Rule::ALL {
        let example = rule.doc().example.as_ref();
        let example = example.unwrap_or_else(|| panic!("{rule}: no example"));
        assert!(
            !example.file.is_empty() && !example.bad.is_empty(),
            "{rule}"
        );
        // The fix changes the text, or (`encoding`) how it is saved.
        assert!(
            example.bad != example.good || example.saved != Saved::Utf8,
            "{rule}: the fix is the mistake"
        );
    }
    let mut names: Vec<&str> = Rule::EVERY.iter().map(|r| r.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Rule::EVERY.len(), "a name is declared twice");
}

#[test]
fn every_rule_has_a_fixture() {
    let fixtures = fixture_names();
    for rule in Rule::ALL {
        assert!(
            fixtures.iter().any(|f| f == rule.name()),
            "no fixture `{rule}` in tests/fixtures/rules"
        );
    }
}

/// A project holding the example meeting, with `file` written as `bytes`
/// and rk.toml holding `config`.
fn example_project(name: &str, config: &str, file: &str, bytes: &[u8]) -> PathBuf {
    let root = scratch(&format!("explain-{name}"));
    fs::write(root.join("rk.toml"), config).unwrap();
    let folder = root.join(EXAMPLE_FOLDER);
    for (path, text) in EXAMPLE_MEETING {
        write(&folder.join(path), text.as_bytes());
    }
    write(&folder.join(file), bytes);
    root
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn saved(example: &Example) -> Vec<u8> {
    match example.saved {
        Saved::Utf8 => example.bad.as_bytes().to_vec(),
        Saved::Latin1 => example
            .bad
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
            .collect(),
    }
}

fn show(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("\n  {} {}:{}: {}", f.rule, f.file, f.line, f.message))
        .collect()
}

#[test]
fn the_example_meeting_is_clean() {
    let root = example_project("base", "", "meeting.yaml", EXAMPLE_MEETING[0].1.as_bytes());
    let (code, findings, stderr) = check_json(&root, &[]);
    assert_eq!(
        (code, findings.len()),
        (0, 0),
        "{}{stderr}",
        show(&findings)
    );
}

/// The docs are honest: each rule's example gives findings of that rule
/// only, with its declared severity, in the example's file; its fix none.
#[test]
fn every_example_triggers_its_rule_and_its_fix_passes() {
    let mut problems = Vec::new();
    for rule in Rule::ALL {
        let Some(example) = &rule.doc().example else {
            continue;
        };
        let root = example_project(rule.name(), example.config, example.file, &saved(example));
        let (_, findings, stderr) = check_json(&root, &[]);
        let path = format!("{EXAMPLE_FOLDER}/{}", example.file);
        let right = |f: &Finding| {
            f.rule == rule.name()
                && f.file == path
                && (f.severity == common::E) == (rule.doc().severity == Severity::Error)
        };
        if findings.is_empty() || !findings.iter().all(right) {
            problems.push(format!(
                "{rule}: the example gives{}{stderr}",
                show(&findings)
            ));
        }
        let root = example_project(
            rule.name(),
            example.config,
            example.file,
            example.good.as_bytes(),
        );
        let (code, findings, stderr) = check_json(&root, &[]);
        if code != 0 || !findings.is_empty() {
            problems.push(format!("{rule}: the fix gives{}{stderr}", show(&findings)));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
