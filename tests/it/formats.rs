//! The output formats of `rk check`: the human text pinned whole for the
//! important messages (the snippet, the caret, the help, the summary line),
//! JSON records and the GitHub workflow annotations pinned whole, and the
//! order findings are given in. The whole texts are insta snapshots in
//! `snapshots/it__formats__*.snap` (`cargo insta review` after a change).
//! Every other test reads the JSON records back through
//! `common::parse_findings`, which requires every field.
//!
//! What its tests show, one by one: the output formats: the full human text of
//! the important messages (snippet, caret, help, summary line), JSON records
//! and the GitHub workflow annotations, pinned by snapshots, and findings
//! sorted by file and position in every format.

use crate::common;

use common::{EVENTUELT, check_json, fixture, fixture_copy, human, replace_in, rk};

// ---- the human format, pinned whole ---------------------------------------

#[test]
fn human_unknown_field_suggests_sag_for_sga() {
    let (code, stderr) = human("unknown-field-sga", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_unknown_person_suggests_the_present_name() {
    let (code, stderr) = human("unknown-person", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_bad_sag_suggests_the_padded_number() {
    let (code, stderr) = human("bad-sag", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_numbering_duplicate_names_both_files() {
    let (code, stderr) = human("numbering", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_yaml_error_at_the_parsers_own_position() {
    // `title: Eventuelt: løst og fast`: the second `:` (line 3, column 17).
    let (code, stderr) = human("yaml", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_missing_field_in_meeting_yaml() {
    let (code, stderr) = human("missing-field", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_encoding_shows_the_line_with_the_bad_byte() {
    let (code, stderr) = human("encoding", &[]);
    assert_eq!(code, 1);
    // The undecodable byte is shown as U+FFFD, the replacement character.
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_crlf_positions_and_no_carriage_returns() {
    let (code, stderr) = human("crlf", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_empty_item_is_a_warning_and_passes() {
    let (code, stderr) = human("empty-item", &[]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_clean_meeting_is_one_summary_line() {
    assert_eq!(
        human("clean", &[]),
        (0, "checked 2020-11-25 (5 items): no findings\n".into())
    );
    assert_eq!(
        human("bom", &[]),
        (0, "checked 2020-11-25 (5 items): no findings\n".into())
    );
}

// ---- the human format of the YAML slips (see slips.rs) -------------------

#[test]
fn human_a_comment_that_cuts_a_title_short() {
    let (code, stderr) = human("yaml-comment", &[]);
    assert_eq!(code, 0, "a warning does not fail the check");
    insta::assert_snapshot!(stderr);
}

#[test]
fn human_an_unclosed_quote() {
    let dir = fixture_copy("clean", "issue8-human-unclosed");
    replace_in(
        &dir.join(EVENTUELT),
        "title: Eventuelt",
        "title: \"Eventuelt",
    );
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

// ---- GitHub annotations, the order of findings, JSON -----------------------

/// A meeting with many findings in several files, in the human and the
/// JSON format: the whole of both pinned.
#[test]
fn many_findings_in_both_formats() {
    let (code, stderr) = human("ordering", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("ordering-human", stderr);
    let run = rk(&fixture("ordering"), &["check", "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    insta::assert_snapshot!("ordering-json", run.stdout);
}

#[test]
fn github_format_writes_workflow_annotations() {
    let run = rk(&fixture("bad-sag"), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(run.stdout);

    let run = rk(
        &fixture("personal-data-contact"),
        &["check", "--format", "github"],
    );
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with(
            "::warning file=meetings/2020-11-25/01-siden-sidst.md,line=8,col=26,endLine=8,endColumn=35,\
             title=rk personal-data::an e-mail address in a public item [personal-data]%0Ahelp: "
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("::warning file=meetings/2020-11-25/01-siden-sidst.md,line=8,col=50,")
    );
}

#[test]
fn findings_are_sorted_by_file_then_position() {
    let (code, findings, _) = check_json(&fixture("ordering"), &[]);
    assert_eq!(code, 1);
    assert!(findings.len() >= 6, "{findings:?}");
    let keys: Vec<(&str, usize, usize)> = findings
        .iter()
        .map(|f| (f.file.as_str(), f.line, f.column))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // The human format reports them in the same order.
    let (_, stderr) = human("ordering", &[]);
    let headers: Vec<String> = stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = findings
        .iter()
        .map(|f| format!("{}:{}:{}", f.file, f.line, f.column))
        .collect();
    assert_eq!(headers, expected);
}

#[test]
fn json_format_is_one_record_a_line_on_standard_output() {
    let run = rk(&fixture("bad-sag"), &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(run.stdout);
    // A clean run writes nothing at all.
    let run = rk(&fixture("clean"), &["check", "--format", "json"]);
    assert_eq!(
        (run.code, run.stdout, run.stderr),
        (0, String::new(), String::new())
    );
}
