//! A safe project (issue 20, point 3): git does not carry the internal
//! edition, `rk check` says so when it does, and a publishing build leaves
//! in out/ only what the published edition holds.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{Finding, check_json, copy_tree, git, init, project_root, replace_in, rk, scratch};

/// The files git tracks in `dir`'s repository.
fn tracked(dir: &Path) -> Vec<String> {
    let output = Command::new("git")
        .args(["ls-files"])
        .current_dir(dir)
        .output()
        .expect("git runs");
    String::from_utf8(output.stdout)
        .expect("git speaks UTF-8")
        .lines()
        .map(String::from)
        .collect()
}

/// A project from `rk init`, committed, with both editions built.
fn committed_project(name: &str) -> (std::path::PathBuf, String) {
    let (dir, date) = init(name);
    for extra in [&["--internal"][..], &[]] {
        let mut args = vec!["build", date.as_str()];
        args.extend_from_slice(extra);
        let run = rk(&dir, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "Første møde"]);
    (dir, date)
}

fn internal_tracked(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.rule == "internal-tracked")
        .collect()
}

/// Must show 3, first half: after `rk init`, an internal build and `git
/// add -A`, git tracks nothing of out-internt/, and `rk check` is clean.
#[test]
fn git_add_all_after_an_internal_build_tracks_nothing_of_the_internal_edition() {
    let (dir, _) = committed_project("safe-init");
    let files = tracked(&dir);
    assert!(files.contains(&"rk.toml".to_string()), "{files:?}");
    assert!(
        files.iter().all(|f| !f.starts_with("out-internt/")),
        "{files:?}"
    );
    let (code, findings, _) = check_json(&dir, &["--deny-warnings"]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
}

/// When the internal edition is tracked all the same (`git add -f`, or a
/// project made before rk wrote a .gitignore), `rk check` warns at the
/// .gitignore, with the command that stops the tracking; a warning that
/// `--deny-warnings` turns into a failure.
#[test]
fn rk_check_warns_when_git_tracks_the_internal_edition() {
    let (dir, date) = committed_project("safe-tracked");
    git(&dir, &["add", "-f", "out-internt"]);
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 0, "a warning: {findings:?}");
    let found = internal_tracked(&findings);
    assert_eq!(found.len(), 1, "{findings:?}");
    let finding = found[0];
    assert_eq!(finding.file, ".gitignore");
    // At the end of the file, where a line would go: after its two lines.
    let lines = fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert_eq!(finding.line, lines.lines().count() + 1, "{finding:?}");
    assert!(
        finding
            .message
            .contains(&format!("out-internt/{date}/referat-internt."))
            && finding.message.contains("closed items' text"),
        "{}",
        finding.message
    );
    let help = finding.help.as_deref().unwrap();
    assert!(help.contains("git rm -r --cached out-internt"), "{help}");
    // The .gitignore names the folder already: no advice to add it.
    assert!(!help.contains("add the line"), "{help}");
    assert_eq!(check_json(&dir, &["--deny-warnings"]).0, 1);

    // In human form, too, at the file and line.
    let run = rk(&dir, &["check"]);
    assert!(
        run.stderr.contains("warning[internal-tracked]") && run.stderr.contains(".gitignore:"),
        "{}",
        run.stderr
    );

    // Without the line in .gitignore, the help adds it; without a
    // .gitignore, the finding points at rk.toml and says to write one.
    fs::write(dir.join(".gitignore"), "*.docx\n").unwrap();
    let (_, findings, _) = check_json(&dir, &[]);
    let help = internal_tracked(&findings)[0].help.clone().unwrap();
    assert!(
        help.contains("add the line `/out-internt/` to .gitignore"),
        "{help}"
    );
    fs::remove_file(dir.join(".gitignore")).unwrap();
    let (_, findings, _) = check_json(&dir, &[]);
    let finding = internal_tracked(&findings)[0];
    assert_eq!((finding.file.as_str(), finding.line), ("rk.toml", 1));
    assert!(
        finding
            .help
            .as_deref()
            .unwrap()
            .contains("write a .gitignore"),
        "{finding:?}"
    );

    // Untracked again: no finding.
    git(&dir, &["rm", "-r", "-q", "--cached", "out-internt"]);
    let (_, findings, _) = check_json(&dir, &[]);
    assert!(internal_tracked(&findings).is_empty(), "{findings:?}");
}

/// An internal edition in another folder (rk.toml's `out_internal`) is the
/// one looked for.
#[test]
fn the_internal_folder_of_rk_toml_is_the_one_looked_for() {
    let (dir, date) = committed_project("safe-own-folder");
    fs::write(
        dir.join("rk.toml"),
        "out_internal = \"lukket\"\n".to_string()
            + &fs::read_to_string(dir.join("rk.toml")).unwrap(),
    )
    .unwrap();
    let run = rk(&dir, &["build", &date, "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    git(&dir, &["add", "-A"]);
    let (_, findings, _) = check_json(&dir, &[]);
    let found = internal_tracked(&findings);
    assert_eq!(found.len(), 1, "{findings:?}");
    assert!(found[0].message.contains("lukket/"), "{}", found[0].message);
    assert!(
        found[0].help.as_deref().unwrap().contains("`/lukket/`"),
        "{:?}",
        found[0].help
    );
}

const MEETING: &str = "meetings/2020-11-25";

/// The example meeting in a repository, committed on `main`, then edited
/// so that `rk diff main` has a change to show.
fn edited_example(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    copy_tree(&project_root().join(MEETING), &dir.join(MEETING));
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Referatet"]);
    replace_in(
        &dir.join(MEETING).join("02-01-nyt-fra-udvalget.md"),
        "- tager status til efterretning",
        "- tager sagen til efterretning",
    );
    dir
}

/// Must show 3, second half: a publishing build after `rk diff` leaves no
/// change page in out/, and says that it removed it; a build that does
/// not publish leaves the page for the review it was made for.
#[test]
fn a_publishing_build_after_rk_diff_leaves_no_change_page() {
    let dir = edited_example("safe-diff-publish");
    let page = dir.join("out/2020-11-25/aendringer.html");
    let run = rk(&dir, &["diff", "main"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(page.is_file());

    // Reviewing: the page stays beside the draft build.
    let run = rk(&dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(page.is_file(), "a review build keeps the change page");

    let run = rk(&dir, &["build", "2020-11-25", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!page.exists(), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "removed out/2020-11-25/aendringer.html: the change page of `rk diff` is for review"
        ),
        "{}",
        run.stderr
    );
    let mut left: Vec<String> = fs::read_dir(dir.join("out/2020-11-25"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .collect();
    left.sort();
    assert_eq!(left, ["referat.html"]);

    // The archive's publishing build, too, for a meeting it skips as
    // unchanged since its last build.
    let run = rk(&dir, &["build", "--all", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = rk(&dir, &["diff", "main"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(page.is_file());
    let run = rk(&dir, &["build", "--all", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!page.exists(), "{}", run.stderr);
}
