//! Defects found in review, each pinned by what a referent sees: the
//! findings of `rk check`, the errors of `rk build`, the outputs.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{check_json, copy_tree, project_root, rk, scratch};

const MEETING: &str = "body: It-Arkitekturrådet\ndate: 2020-11-25\nreferent: Zahra Al-Asfoor\n\
                       members: [Ghita Thiesen]\nothers: [Zahra Al-Asfoor]\n";

/// A scratch project with meeting 2020-11-25 holding `meeting_yaml`:
/// the project root and the meeting folder.
fn meeting(name: &str, meeting_yaml: &str) -> (PathBuf, PathBuf) {
    let root = scratch(&format!("regressions-{name}"));
    let dir = root.join("meetings/2020-11-25");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("meeting.yaml"), meeting_yaml).unwrap();
    (root, dir)
}

fn item(dir: &Path, number: &str, title: &str, body: &str) {
    fs::write(
        dir.join(format!("{}.md", number.replace('.', "-"))),
        format!("---\nnumber: \"{number}\"\ntitle: {title}\nsag: none\n---\n{body}\n"),
    )
    .unwrap();
}

#[test]
fn a_meeting_without_items_is_a_warning_at_meeting_yaml() {
    let (root, _) = meeting("no-items", MEETING);
    let (code, findings, stderr) = check_json(&root, &[]);
    assert_eq!(code, 0, "a warning alone does not fail: {stderr}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(finding.rule, "empty-item");
    assert_eq!(
        (finding.file.as_str(), finding.line, finding.column),
        ("meetings/2020-11-25/meeting.yaml", 1, 1)
    );
    assert_eq!(finding.message, "this meeting has no agenda items");
    let run = rk(&root, &["build", "2020-11-25", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[empty-item]: this meeting has no agenda items"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_layout_closing_text_that_is_not_utf8_is_a_configuration_error() {
    let (root, dir) = meeting("closing-latin1", MEETING);
    item(&dir, "1", "Godkendelse", "Godkendt.");
    let layout = root.join("latin1");
    copy_tree(&project_root().join("layouts/kl"), &layout);
    // "Mødet sluttede." in Latin-1: the ø is one byte, 0xF8.
    fs::write(layout.join("closing.md"), b"M\xF8det sluttede.\n").unwrap();
    for command in ["check", "build"] {
        let run = rk(&root, &[command, "2020-11-25", "--layout", "latin1"]);
        assert_eq!(run.code, 2, "rk {command}: {}", run.stderr);
        assert!(
            run.stderr.contains("latin1/closing.md is not UTF-8"),
            "rk {command}: {}",
            run.stderr
        );
    }
    assert!(!root.join("out").exists());
}
