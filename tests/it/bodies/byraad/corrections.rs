//! Corrections by addition (issue 19, point 7): once a meeting is
//! `godkendt` in a commit, a later change to its files fails `rk check`
//! unless it only adds a berigtigelse, which the outputs show after the
//! decision it corrects; without git the check is said to be skipped.

use std::fs;
use std::path::Path;

use super::{LAYOUTS, MEETING_ID, build, byraad, read_outputs, select, texts, use_layout};
use crate::common::{Finding, check_json, git, replace_in, rk};

const BERIGTIGELSE: &str =
    "Lokalplanen omfatter matr.nr. 7b og 7c, ikke 7b og 7d som anført i beslutningen.";

fn item(dir: &Path, file: &str) -> std::path::PathBuf {
    dir.join("meetings").join(MEETING_ID).join(file)
}

/// A copy of the byråd in a repository of its own, committed as approved.
fn committed(name: &str) -> std::path::PathBuf {
    let dir = byraad(name);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "Referatet godkendt"]);
    dir
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn an_approved_meeting_edited_in_a_later_commit_fails_the_check() {
    let dir = committed("corrections-edited");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    // Checked out with CRLF line endings (git on Windows): the same text.
    let file = item(&dir, "43-skolestruktur.md");
    let lf = fs::read_to_string(&file).unwrap();
    fs::write(&file, lf.replace('\n', "\r\n")).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    fs::write(&file, &lf).unwrap();
    // The decision of item 43 changed and committed.
    let file = item(&dir, "43-skolestruktur.md");
    let text = fs::read_to_string(&file).unwrap();
    let decision = text.find("## Beslutning").expect("a decision");
    let changed = format!(
        "{}{}",
        &text[..decision],
        text[decision..].replacen("blev", "blev ikke", 1)
    );
    fs::write(&file, &changed).unwrap();
    git(&dir, &["commit", "-q", "-am", "Beslutningen rettet"]);
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(rules(&findings), ["changed-after-approval"]);
    let f = &findings[0];
    assert_eq!(f.file, format!("meetings/{MEETING_ID}/43-skolestruktur.md"));
    // At the first changed byte: "ikke" inserted after "blev ".
    let at = changed.find("blev ikke").unwrap() + "blev ".len();
    let line = changed[..at].matches('\n').count() + 1;
    assert_eq!(f.line, line, "{f:?}");
    assert!(
        f.message
            .starts_with("43-skolestruktur.md was changed after the referat was approved (commit "),
        "{}",
        f.message
    );
    assert!(
        f.help.as_deref().unwrap().contains("berigtigelser"),
        "{f:?}"
    );
    // The human format says it too, and fails.
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("changed-after-approval"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_change_to_meeting_yaml_or_a_new_file_is_a_change_too_even_uncommitted() {
    let dir = committed("corrections-yaml");
    let yaml = item(&dir, "meeting.yaml");
    replace_in(&yaml, "time: \"18.00-21.15\"", "time: \"18.00-21.30\"");
    fs::write(
        item(&dir, "48-nyt-punkt.md"),
        "---\nnumber: \"48\"\ntitle: Eventuelt\nsag: none\n---\nIntet.\n",
    )
    .unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let changed: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.rule == "changed-after-approval")
        .map(|f| (f.file.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(changed.len(), 2, "{findings:#?}");
    assert!(changed[0].0.ends_with("48-nyt-punkt.md"), "{changed:?}");
    assert!(
        changed[0].1.contains("was added to the meeting after"),
        "{changed:?}"
    );
    assert!(changed[1].0.ends_with("meeting.yaml"), "{changed:?}");
}

#[test]
fn an_edit_that_only_adds_a_berigtigelse_passes_and_is_shown() {
    let dir = committed("corrections-added");
    let file = item(&dir, "43-skolestruktur.md");
    replace_in(
        &file,
        "\n---\n",
        "\nberigtigelser:\n  - date: 2024-07-10\n    text: Skolerne samles fra skoleåret 2026/27, ikke 2025/26.\n---\n",
    );
    git(&dir, &["commit", "-q", "-am", "Berigtigelse af punkt 43"]);
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    // An old berigtigelse edited later is a change.
    replace_in(
        &item(&dir, "42-lokalplan-1087.md"),
        "7b og 7c,",
        "7b og 7e,",
    );
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(
        (code, rules(&findings)),
        (1, vec!["changed-after-approval"])
    );
    replace_in(
        &item(&dir, "42-lokalplan-1087.md"),
        "7b og 7e,",
        "7b og 7c,",
    );
    // rk diff says it as a field sentence on the change page.
    let run = rk(&dir, &["diff", "HEAD~1", MEETING_ID]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("berigtigelser changed"),
        "{}",
        run.stdout
    );
    let page =
        fs::read_to_string(dir.join("out").join(MEETING_ID).join("aendringer.html")).unwrap();
    let page = scraper::Html::parse_document(&page);
    let said = crate::common::squeeze(&page.root_element().text().collect::<String>());
    assert!(
        said.contains(&crate::common::squeeze(
            "Berigtigelser tilføjet: 2024-07-10: Skolerne samles"
        )),
        "{said}"
    );
    // The outputs show the new berigtigelse after the decision.
    let out = build(&dir, &[]);
    assert!(
        out.pdf_has(
            "Berigtigelse af 10. juli 2024: Skolerne samles fra skoleåret 2026/27, ikke 2025/26."
        ),
        "{}",
        out.pdf
    );
}

#[test]
fn the_outputs_show_the_berigtigelse_after_the_decision_in_both_layouts() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("corrections-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        let shown = format!("Berigtigelse af 3. juli 2024: {BERIGTIGELSE}");
        assert!(out.pdf_has(&shown), "{layout}:\n{}", out.pdf);
        // After the decision of item 42, before item 43.
        let squeezed = crate::common::squeeze(&out.pdf);
        let at = |text: &str| squeezed.find(&crate::common::squeeze(text));
        let decision = at("Direktionen indstiller, at lokalplan 1087").unwrap();
        let correction = at(&shown).unwrap();
        // The last mention of item 43 is its heading (the first the Dagsorden's).
        let next = squeezed
            .rfind(&crate::common::squeeze("43. Ny skolestruktur"))
            .unwrap();
        assert!(decision < correction && correction < next, "{layout}");
        assert_eq!(
            texts(&out.html, "#punkt-42 .correction"),
            [crate::common::squeeze(&shown)]
        );
        let item = out.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["number"] == "42")
            .unwrap();
        assert_eq!(item["berigtigelser"][0]["date"], "2024-07-03");
        assert_eq!(item["berigtigelser"][0]["text"], BERIGTIGELSE);
        assert_eq!(select(&out.html, ".correction").len(), 1, "{layout}");
    }
}

#[test]
fn a_berigtigelse_on_a_closed_item_is_withheld_in_public() {
    let dir = byraad("corrections-closed");
    replace_in(
        &item(&dir, "47-salg-af-grund.md"),
        "kind: beslutning\n",
        "kind: beslutning\nberigtigelser:\n  - { date: 2024-07-05, text: \"Købesummen var 4,3 mio. kr.\" }\n",
    );
    build(&dir, &[]);
    for entry in walk(&dir.join("out")) {
        let bytes = fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("4,3 mio"), "{} shows it", entry.display());
    }
    let pdf = crate::common::pdf_text(&dir.join("out").join(MEETING_ID).join("referat.pdf"));
    assert!(!pdf.contains("4,3 mio"));
    let run = rk(&dir, &["build", MEETING_ID, "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal = read_outputs(&dir.join("out-internt").join(MEETING_ID), "referat-internt");
    let shown = "Berigtigelse af 5. juli 2024: Købesummen var 4,3 mio. kr.";
    assert!(internal.pdf_has(shown), "{}", internal.pdf);
    assert_eq!(
        texts(&internal.html, "#punkt-47 .correction"),
        [crate::common::squeeze(shown)]
    );
    let item = internal.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == "47")
        .unwrap();
    assert_eq!(item["berigtigelser"][0]["date"], "2024-07-05");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn without_git_the_check_is_said_to_be_skipped() {
    // Not in a repository.
    let dir = byraad("corrections-no-repo");
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "note: {MEETING_ID} is approved, but whether it was changed since its approval was not checked: the meeting is not in a git repository"
        )),
        "{}",
        run.stderr
    );
    // In a repository, but not committed as approved yet.
    git(&dir, &["init", "-q"]);
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("has not been committed as approved"),
        "{}",
        run.stderr
    );
    // git not installed: no git on PATH.
    let empty = dir.join("no-git");
    fs::create_dir_all(&empty).unwrap();
    let out = crate::common::rk_command()
        .arg("check")
        .current_dir(&dir)
        .env("PATH", &empty)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("not checked: git cannot be run here"),
        "{stderr}"
    );
}
