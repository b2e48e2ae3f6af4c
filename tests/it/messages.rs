//! Messages that led a referent astray (issue 20, "Messages"), each met
//! as the referent met it, on a copy of a fixture with the one mistake:
//! numbering findings that do not cascade from one mistake, `items: 24-26`,
//! `kind: Beslutning`, a party letter in brackets after a name, the
//! personal-data help of a public item, YAML errors under a plain
//! sentence, and counts in the singular ("1 page").

use crate::common;

use common::{E, Finding, W, check_json, project_copy, replace_in, rk};

/// The kommune example's regular meeting, as findings name its files.
const MAY: &str = "meetings/2021-05-05";

/// The findings of `rk check --format json 2021-05-05` on a copy of
/// examples/kommune-udvalg with each `(file, from, to)` replaced once.
fn kommune_check(name: &str, edits: &[(&str, &str, &str)]) -> (i32, Vec<Finding>) {
    let dir = project_copy("examples/kommune-udvalg", name);
    for (file, from, to) in edits {
        replace_in(&dir.join(MAY).join(file), from, to);
    }
    let (code, findings, _) = check_json(&dir, &["2021-05-05"]);
    (code, findings)
}

/// (rule, severity, file, line, column, message, help) of each finding.
fn described(findings: &[Finding]) -> Vec<(String, common::Severity, String, usize, usize, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.severity,
                f.file.clone(),
                f.line,
                f.column,
                f.message.clone(),
                f.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

// Counts ------------------------------------------------------------------------

#[test]
fn a_one_page_referat_is_one_page_not_one_pages() {
    let dir = project_copy("examples/kommune-udvalg", "one-page");
    let run = rk(&dir, &["build", "2021-05-26"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("referat.pdf (1 page), referat.html"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("pages"), "{}", run.stderr);
}
