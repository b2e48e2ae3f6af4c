//! How rk shows paths and finds the project: findings name files relative
//! to the working directory (going up with `..` where that is shorter than
//! the absolute path), never in Windows' verbatim `\\?\` form; a meeting
//! named by its folder finds its own project, wherever rk runs.
//! The Windows binary itself is tested under Wine by scripts/windows.sh.
//!
//! What its tests show, one by one: a finding's path is `meetings/2020-11-25/…`
//! from the project root in all three formats, `../projekt/meetings/…` from a
//! neighbouring folder with `-C`, and the file itself from anywhere; a meeting
//! folder given from outside the project is checked and built with its own
//! project's rk.toml and out/. Unit tests in `src/paths.rs` feed Windows'
//! verbatim paths (`\\?\Z:\…`, `\\?\UNC\…`) to the simplification on any
//! system.

use crate::common;

use std::fs;

use common::{Finding, NYT, check_json, fixture, fixture_copy, parse_findings, rk, scratch};

/// No printed path is in the verbatim form canonicalising gives on Windows.
fn assert_plain(text: &str) {
    assert!(
        !text.contains(r"\\?\") && !text.contains("//?/"),
        "a verbatim path in:\n{text}"
    );
}

/// The one finding of the bad-sag fixture, wherever rk ran.
fn the_bad_sag(findings: &[Finding]) -> &Finding {
    assert_eq!(findings.len(), 1, "{findings:?}");
    let finding = &findings[0];
    assert_eq!(
        (finding.rule.as_str(), finding.line, finding.column),
        ("bad-sag", 4, 6)
    );
    finding
}

#[test]
fn from_the_project_root_every_format_names_the_relative_path() {
    let dir = fixture("bad-sag");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(the_bad_sag(&findings).file, NYT);

    let human = rk(&dir, &["check"]);
    assert!(
        human.stderr.contains(&format!("┌─ {NYT}:4:6\n")),
        "{}",
        human.stderr
    );
    let github = rk(&dir, &["check", "--format", "github"]);
    assert!(
        github
            .stdout
            .starts_with(&format!("::error file={NYT},line=4,col=6,")),
        "{}",
        github.stdout
    );
    for text in [&human.stderr, &github.stdout] {
        assert_plain(text);
    }
}

#[test]
fn from_a_sibling_folder_the_path_goes_up() {
    let root = scratch("paths-sibling");
    common::copy_tree(&fixture("bad-sag"), &root.join("projekt"));
    fs::create_dir(root.join("andet")).unwrap();
    let run = rk(
        &root.join("andet"),
        &["-C", "../projekt", "check", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings = parse_findings(&run.stdout);
    assert_eq!(the_bad_sag(&findings).file, format!("../projekt/{NYT}"));

    // `rk build` names the folder it wrote the same way.
    common::copy_tree(&fixture("clean"), &root.join("rent"));
    let run = rk(
        &root.join("andet"),
        &["-C", "../rent", "build", "--only", "json", "2020-11-25"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(" in ../rent/out/2020-11-25 ("),
        "{}",
        run.stderr
    );
}

#[test]
fn from_outside_the_path_names_the_file_plainly() {
    let outside = tempfile::tempdir().unwrap();
    let project = fixture("bad-sag");
    let run = rk(
        outside.path(),
        &["-C", project.to_str().unwrap(), "check", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings = parse_findings(&run.stdout);
    let file = &the_bad_sag(&findings).file;
    assert_plain(file);
    // Relative or absolute, it names the file from where rk ran.
    assert_eq!(
        outside.path().join(file).canonicalize().unwrap(),
        project.join(NYT).canonicalize().unwrap()
    );
}

#[test]
fn a_meeting_folder_given_from_outside_finds_its_project() {
    // bad-sag-pattern's rk.toml sets the case pattern its items follow:
    // checked with the project's own rk.toml, only its one finding fires.
    let project = fixture("bad-sag-pattern");
    let (code, inside, _) = check_json(&project, &[]);
    assert_eq!(code, 1);
    let outside = tempfile::tempdir().unwrap();
    let meeting = project.join("meetings/2020-11-25");
    let (code, findings, stderr) = check_json(outside.path(), &[meeting.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    let strip = |f: &[Finding]| -> Vec<(String, usize, usize, String)> {
        f.iter()
            .map(|f| (f.rule.clone(), f.line, f.column, f.message.clone()))
            .collect()
    };
    assert_eq!(strip(&findings), strip(&inside));
    for finding in &findings {
        assert_plain(&finding.file);
        assert!(outside.path().join(&finding.file).is_file(), "{finding:?}");
    }
}

#[test]
fn a_meeting_folder_built_from_outside_goes_to_its_projects_out() {
    let project = fixture_copy("clean", "paths-build-outside");
    let outside = tempfile::tempdir().unwrap();
    let meeting = project.join("meetings/2020-11-25");
    let run = rk(
        outside.path(),
        &["build", "--only", "json", meeting.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("out/2020-11-25/referat.json").is_file());
    assert_plain(&run.stderr);
    // The message names the folder it wrote, from where rk ran.
    let shown = run
        .stderr
        .lines()
        .find_map(|l| l.split(" in ").nth(1))
        .and_then(|rest| rest.rsplit_once(" ("))
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_else(|| panic!("no `built ... in DIR`: {}", run.stderr));
    assert_eq!(
        outside.path().join(shown).canonicalize().unwrap(),
        project.join("out/2020-11-25").canonicalize().unwrap()
    );
}

#[test]
fn a_date_from_outside_still_needs_the_project() {
    let outside = tempfile::tempdir().unwrap();
    let run = rk(outside.path(), &["check", "2020-11-25"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("error: no rk project found"),
        "{}",
        run.stderr
    );
}
