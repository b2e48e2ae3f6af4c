//! Sources are untrusted and outputs are published: nothing a source names
//! may lead outside its meeting folder, and no build, however many run at
//! once or however it is stopped, may leave a torn or mixed output.
//!
//! What its tests show, one by one: four concurrent builds of one meeting leave
//! the bytes one build leaves; a build killed at any of a dozen moments leaves
//! each output either the old or the new one, never a torn one; images and
//! attachments and links to local files that go up, start at the root, are web
//! addresses or are links pointing outside the meeting folder are refused, and
//! a public item cannot publish a closed item's files; personal data is found
//! in realistic sentences and dates, amounts, case, CVR, P- and journal numbers
//! are not taken for it.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::{build_ok, check_json, project_copy, rk};

const OUTPUTS: [&str; 3] = ["referat.pdf", "referat.html", "referat.json"];

fn fixture_project(name: &str) -> PathBuf {
    project_copy("tests/fixtures/build/closed", &format!("robust-{name}"))
}

fn outputs(dir: &Path) -> Vec<Vec<u8>> {
    OUTPUTS
        .iter()
        .map(|name| fs::read(dir.join("out/2020-11-25").join(name)).unwrap_or_default())
        .collect()
}

#[test]
fn concurrent_builds_of_one_meeting_leave_whole_files() {
    let dir = fixture_project("concurrent");
    build_ok(&dir, &[]);
    let expected = outputs(&dir);
    let children: Vec<_> = (0..4)
        .map(|_| {
            common::rk_command()
                .args(["build", "2020-11-25"])
                .current_dir(&dir)
                .stderr(Stdio::null())
                .spawn()
                .expect("rk starts")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert!(
        outputs(&dir) == expected,
        "an output differs after concurrent builds"
    );
    let out = dir.join("out/2020-11-25");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        names(&out),
        ["bilag", "referat.html", "referat.json", "referat.pdf"],
        "temporary files left"
    );
    // The copies of the files item 1 links to, whole, and nothing else.
    assert_eq!(
        names(&out.join("bilag")),
        ["handleplan.pdf", "notat om data.txt"],
        "temporary files left"
    );
    for name in ["handleplan.pdf", "notat om data.txt"] {
        assert_eq!(
            fs::read(out.join("bilag").join(name)).unwrap(),
            fs::read(dir.join("meetings/2020-11-25/bilag").join(name)).unwrap()
        );
    }
}

#[test]
fn a_killed_build_leaves_each_output_old_or_new_never_torn() {
    // The outputs of the sources before and after an edit.
    let dir = fixture_project("killed");
    build_ok(&dir, &[]);
    let old = outputs(&dir);
    let item = dir.join("meetings/2020-11-25/01-aaben.md");
    let edited = fs::read_to_string(&item)
        .unwrap()
        .replace("det åbne punkt", "det åbne punkt grundigt");
    let reference = fixture_project("killed-reference");
    fs::write(reference.join("meetings/2020-11-25/01-aaben.md"), &edited).unwrap();
    build_ok(&reference, &[]);
    let new = outputs(&reference);
    assert!(old != new);

    fs::write(&item, &edited).unwrap();
    for delay_ms in [0, 2, 5, 10, 20, 40, 60, 90, 120, 160, 220, 300] {
        let mut child = common::rk_command()
            .args(["build", "2020-11-25"])
            .current_dir(&dir)
            .stderr(Stdio::null())
            .spawn()
            .expect("rk starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for ((name, now), (before, after)) in
            OUTPUTS.iter().zip(outputs(&dir)).zip(old.iter().zip(&new))
        {
            assert!(
                &now == before || &now == after,
                "{name} is neither the old nor the new output after a kill at {delay_ms} ms"
            );
        }
    }
}

/// A clean copy of the closed fixture with item 1's body replaced.
fn with_body(name: &str, body: &str) -> PathBuf {
    let dir = fixture_project(name);
    let item = dir.join("meetings/2020-11-25/01-aaben.md");
    let text = fs::read_to_string(&item).unwrap();
    let front = &text[..text.find("## Drøftelse").unwrap()];
    fs::write(&item, format!("{front}{body}\n")).unwrap();
    dir
}

fn missing_file_findings(dir: &Path) -> Vec<String> {
    let (code, findings, stderr) = check_json(dir, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule == "missing-file"),
        "{findings:?}"
    );
    let run = rk(dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 1, "a build went ahead: {}", run.stderr);
    assert!(!dir.join("out").exists(), "a refused build wrote something");
    findings.into_iter().map(|f| f.message).collect()
}

#[test]
fn images_cannot_leave_the_meeting_folder() {
    let dir = with_body(
        "escape-image",
        "![Op](../../../etc/passwd.png) ![Rod](/etc/hostname) ![Web](https://example.com/x.png)",
    );
    assert_eq!(
        missing_file_findings(&dir),
        [
            "image `../../../etc/passwd.png` points outside the meeting folder",
            "image `/etc/hostname` is an absolute path; name files relative to the meeting folder, like bilag/graf.png",
            "image `https://example.com/x.png` is a web address; images and attachments must be files in the meeting folder",
        ]
    );
}

#[cfg(unix)]
#[test]
fn links_that_lead_out_of_the_meeting_folder_are_refused() {
    let dir = with_body("escape-symlink", "![Graf](bilag/ud.png)");
    let outside = dir.join("udenfor.png");
    fs::write(&outside, b"\x89PNG\r\n\x1a\n").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("meetings/2020-11-25/bilag/ud.png")).unwrap();
    let attachment = dir.join("meetings/2020-11-25/02-lukket.md");
    let text = fs::read_to_string(&attachment).unwrap();
    std::os::unix::fs::symlink(
        "/etc/hostname",
        dir.join("meetings/2020-11-25/bilag/navn.txt"),
    )
    .unwrap();
    fs::write(
        &attachment,
        text.replace("bilag/fortroligt.txt", "bilag/navn.txt"),
    )
    .unwrap();
    assert_eq!(
        missing_file_findings(&dir),
        [
            "image `bilag/ud.png` is a link that points outside the meeting folder",
            "attachment `bilag/navn.txt` is a link that points outside the meeting folder",
        ]
    );
}

#[test]
fn links_to_local_files_are_checked_like_images() {
    let dir = with_body(
        "escape-link",
        "[Op](../../../etc/passwd) [Rod](/etc/hostname) [Mappe](bilag/) \
         [Væk](bilag/v%C3%A6k.pdf) [Web](www.kl.dk)\n\n\
         Not files: [punkt 2](#punkt-2), [KL](https://www.kl.dk/x.pdf), \
         [mail](mailto:info@kl.dk), <info@kl.dk>, [tom]().",
    );
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    // The e-mail addresses are personal-data warnings, not missing files.
    let (files, others): (Vec<_>, Vec<_>) =
        findings.into_iter().partition(|f| f.rule == "missing-file");
    assert!(
        others.iter().all(|f| f.rule == "personal-data"),
        "{others:?}"
    );
    // Each at its link's target, on the body's first line.
    let found: Vec<(usize, usize, &str)> = files
        .iter()
        .map(|f| (f.line, f.column, f.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                9,
                6,
                "link `../../../etc/passwd` points outside the meeting folder"
            ),
            (
                9,
                33,
                "link `/etc/hostname` is an absolute path; name files relative to the meeting folder, like bilag/graf.png"
            ),
            (9, 56, "link `bilag/` is not a file"),
            (
                9,
                70,
                "link `bilag/væk.pdf` does not exist in the meeting folder"
            ),
            (
                9,
                96,
                "link `www.kl.dk` does not exist in the meeting folder"
            ),
        ]
    );
    assert_eq!(rk(&dir, &["build", "2020-11-25"]).code, 1);
    assert!(!dir.join("out").exists(), "a refused build wrote something");
}

#[test]
fn a_public_item_cannot_publish_a_closed_items_files() {
    let dir = with_body(
        "closed-files",
        "Se [notatet](bilag/fortroligt.txt) og [punktet](02-lukket.md).",
    );
    assert_eq!(
        missing_file_findings(&dir),
        [
            "link `bilag/fortroligt.txt` is a file of closed item 2, which is not published",
            "link `02-lukket.md` is a file of closed item 2, which is not published",
        ]
    );
    // The closed item may link its own files: they are in the internal
    // edition only.
    let dir = fixture_project("closed-own-files");
    let item = dir.join("meetings/2020-11-25/02-lukket.md");
    let text = fs::read_to_string(&item).unwrap();
    fs::write(
        &item,
        format!("{text}\n\nSe [notatet](bilag/fortroligt.txt).\n"),
    )
    .unwrap();
    build_ok(&dir, &[]);
    assert!(!dir.join("out/2020-11-25/bilag/fortroligt.txt").exists());
}

/// A file the closed item only links from its body is its file too: a
/// public item that links it as well would publish it.
#[test]
fn a_file_a_closed_item_links_is_not_published_by_a_public_one() {
    let dir = with_body("closed-linked", "Se [referatet](bilag/referat-lukket.txt).");
    let meeting = dir.join("meetings/2020-11-25");
    fs::write(
        meeting.join("bilag/referat-lukket.txt"),
        "FORTROLIGT INDHOLD",
    )
    .unwrap();
    let closed = meeting.join("02-lukket.md");
    let text = fs::read_to_string(&closed).unwrap();
    fs::write(
        &closed,
        format!("{text}\n\nSe [referatet](bilag/referat-lukket.txt).\n"),
    )
    .unwrap();
    assert_eq!(
        missing_file_findings(&dir),
        ["link `bilag/referat-lukket.txt` is a file of closed item 2, which is not published"]
    );
}

/// `rk check --format json` findings of a body, as (line text, kind) pairs.
fn personal_data_in(name: &str, body: &str) -> Vec<(String, String)> {
    let dir = with_body(name, body);
    let (_, findings, _) = check_json(&dir, &[]);
    let text = fs::read_to_string(dir.join("meetings/2020-11-25/01-aaben.md")).unwrap();
    findings
        .into_iter()
        .filter(|f| f.rule == "personal-data")
        .map(|f| {
            let line = text.lines().nth(f.line - 1).unwrap_or_default();
            let from: String = line.chars().skip(f.column - 1).collect();
            let width = f.end_column - f.column;
            (
                from.chars().take(width).collect(),
                format!("{:?}", f.severity),
            )
        })
        .collect()
}

#[test]
fn personal_data_is_found_in_realistic_sentences() {
    let found = personal_data_in(
        "pd-true",
        "Borgeren (CPR 010203-1234) og hans datter, 2502101234, klagede.\n\n\
         Kontakt sagsbehandleren på zahra.al-asfoor@kl.dk eller 33 70 33 70.\n\n\
         Mobil: 20304050. Fra udlandet: +45 33703370 eller 0045 3370 3370.",
    );
    assert_eq!(
        found,
        [
            ("010203-1234".to_string(), "Error".to_string()),
            ("2502101234".to_string(), "Error".to_string()),
            ("zahra.al-asfoor@kl.dk".to_string(), "Warning".to_string()),
            ("33 70 33 70".to_string(), "Warning".to_string()),
            ("20304050".to_string(), "Warning".to_string()),
            ("+45 33703370".to_string(), "Warning".to_string()),
            ("0045 3370 3370".to_string(), "Warning".to_string()),
        ]
    );
}

#[test]
fn dates_amounts_case_numbers_and_company_numbers_are_not_personal_data() {
    let found = personal_data_in(
        "pd-false",
        "Mødet den 25.11.2020 kl. 10.00-14.00 (2020-11-25) om SAG-2019-04651 og \
         SAG-2020-05388.\n\n\
         Programmet 2021-2025 har afsat 15.000.000 kr. (1.234.567,89 kr. i 2021) til 142 sager.\n\n\
         KL, CVR-nr. 29189129, P-nr. 1003388394; journalnummer 85274113; EAN 5798000000000.\n\n\
         Datoerne 20201125 og 25112020; version 2.10.3; 320199-1234 er ikke en dato.",
    );
    assert_eq!(found, Vec::<(String, String)>::new());
}

/// A linked file is copied beside the referat under its own path: one
/// named like an output would overwrite it, or be overwritten.
#[test]
fn a_linked_file_may_not_take_an_outputs_name() {
    let dir = with_body(
        "output-names",
        "Se [sidste referat](referat.pdf) og [kilden](typst/referat.typ).",
    );
    let meeting = dir.join("meetings/2020-11-25");
    fs::write(meeting.join("referat.pdf"), "%PDF-1.4 sidste referat").unwrap();
    fs::create_dir_all(meeting.join("typst")).unwrap();
    fs::write(meeting.join("typst/referat.typ"), "= Kilde").unwrap();
    assert_eq!(
        missing_file_findings(&dir),
        [
            "link `referat.pdf` has the name of one of rk's own outputs, which would take its place",
            "link `typst/referat.typ` has the name of one of rk's own outputs, which would take its place",
        ]
    );
}

/// A path written with Windows' `\` gets the `/` form as its help.
#[test]
fn a_backslash_path_gets_the_slash_form_as_help() {
    let dir = with_body("backslash", "Se [planen](bilag\\handleplan.pdf).");
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        findings[0].help.as_deref(),
        Some("write the path with `/` between folders: `bilag/handleplan.pdf`")
    );
}
