//! The three outputs as text, pinned whole by snapshots (insta, in
//! `snapshots/`): the PDF's text as pdftotext extracts it, the HTML and the
//! JSON, of the example meeting in the kl layout and of
//! examples/kommune-udvalg's regular meeting in the kommune layout, for
//! the public referat, the internal referat and the agenda. Any change to
//! what a reader gets shows here as a diff to review (`cargo insta review`,
//! or `INSTA_UPDATE=always cargo test` and `git diff`); the other modules
//! say which parts matter and why.
//!
//! What its tests show, one by one: the PDF's text, the HTML and the JSON of
//! the example and of examples/kommune-udvalg's regular meeting (public and
//! internal referat, agenda), pinned whole by snapshots.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{build_ok, example_copy, have_tool, pdf_text, project_copy, rk};

/// The outputs of `rk build MEETING EXTRA...` in a scratch copy of the
/// example (`from` = None) or of a project of this repository.
#[track_caller]
fn built(name: &str, from: Option<&str>, meeting: &str, extra: &[&str]) -> PathBuf {
    let dir = match from {
        None => example_copy(name),
        Some(project) => project_copy(project, name),
    };
    if meeting == "2020-11-25" {
        build_ok(&dir, extra);
    } else {
        let mut args = vec!["build", meeting];
        args.extend_from_slice(extra);
        let run = rk(&dir, &args);
        assert_eq!(run.code, 0, "rk build {meeting}:\n{}", run.stderr);
    }
    dir
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Snapshots `DOCUMENT.html`, `DOCUMENT.json` and the text of
/// `DOCUMENT.pdf` in `out`, named `PREFIX-DOCUMENT.FORMAT`.
fn assert_outputs(prefix: &str, out: &Path, document: &str) {
    let file = |ext: &str| out.join(format!("{document}.{ext}"));
    insta::assert_snapshot!(format!("{prefix}-{document}.html"), read(&file("html")));
    insta::assert_snapshot!(format!("{prefix}-{document}.json"), read(&file("json")));
    if have_tool("pdftotext", "-v") {
        insta::assert_snapshot!(
            format!("{prefix}-{document}.pdf.txt"),
            pdf_text(&file("pdf"))
        );
    }
}

#[test]
fn the_example_referat() {
    let dir = built("outputs-example", None, "2020-11-25", &[]);
    assert_outputs("example", &dir.join("out/2020-11-25"), "referat");
}

#[test]
fn the_example_referat_internal() {
    let dir = built(
        "outputs-example-internal",
        None,
        "2020-11-25",
        &["--internal"],
    );
    let out = dir.join("out-internt/2020-11-25");
    assert!(out.is_dir(), "the internal edition is not in out-internt/");
    assert_outputs("example", &out, "referat-internt");
}

#[test]
fn the_example_agenda() {
    let dir = built("outputs-example-agenda", None, "2020-11-25", &["--agenda"]);
    assert_outputs("example", &dir.join("out/2020-11-25"), "dagsorden");
}

#[test]
fn the_kommune_example_referat() {
    let dir = built(
        "outputs-kommune",
        Some("examples/kommune-udvalg"),
        "2021-05-05",
        &[],
    );
    assert_outputs("kommune", &dir.join("out/2021-05-05"), "referat");
}

#[test]
fn the_kommune_example_referat_internal() {
    let dir = built(
        "outputs-kommune-internal",
        Some("examples/kommune-udvalg"),
        "2021-05-05",
        &["--internal"],
    );
    let out = dir.join("out-internt/2021-05-05");
    assert_outputs("kommune", &out, "referat-internt");
}

#[test]
fn the_kommune_example_agenda() {
    let dir = built(
        "outputs-kommune-agenda",
        Some("examples/kommune-udvalg"),
        "2021-05-05",
        &["--agenda"],
    );
    assert_outputs("kommune", &dir.join("out/2021-05-05"), "dagsorden");
}
