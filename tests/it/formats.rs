//! The output formats of `rk check`: the human text pinned whole for the
//! important messages (the snippet, the caret, the help, the summary line),
//! one JSON record pinned whole, the GitHub workflow annotations, and the
//! order findings are given in. Every other test reads the JSON records
//! back through `common::parse_findings`, which requires every field.

use crate::common;

use common::{EVENTUELT, check_json, fixture, fixture_copy, human, replace_in, rk};

// ---- the human format, pinned whole ---------------------------------------

#[test]
fn human_unknown_field_suggests_sag_for_sga() {
    let (code, stderr) = human("unknown-field-sga", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[unknown-field]: unknown field `sga` in an agenda item
  ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:4:1
  │
4 │ sga: SAG-2019-04651
  │ ^^^
  │
  = help: did you mean `sag`?

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_unknown_person_suggests_the_present_name() {
    let (code, stderr) = human("unknown-person", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[unknown-person]: the presenter Ghita Thiessen is not among the people present
  ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:6:34
  │
6 │ presenters: [Christian Plaschke, Ghita Thiessen]
  │                                  ^^^^^^^^^^^^^^
  │
  = help: did you mean `Ghita Thiesen`?

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_bad_sag_suggests_the_padded_number() {
    let (code, stderr) = human("bad-sag", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[bad-sag]: `SAG-2019-4651` is not a case reference (pattern `SAG-\d{4}-\d{5}`)
  ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:4:6
  │
4 │ sag: SAG-2019-4651
  │      ^^^^^^^^^^^^^
  │
  = help: write `SAG-2019-04651`

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_numbering_duplicate_names_both_files() {
    let (code, stderr) = human("numbering", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[numbering]: item number 2.1 is used twice: also in meetings/2020-11-25/02-01-nyt-fra-udvalget.md:2
  ┌─ meetings/2020-11-25/02-02-dupla.md:2:9
  │
2 │ number: "2.1"
  │         ^^^^^
  │
  = help: give each item its own number

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_yaml_error_at_the_parsers_own_position() {
    // `title: Eventuelt: løst og fast`: the second `:` (line 3, column 17).
    let (code, stderr) = human("yaml", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[yaml]: mapping values are not allowed in this context
  ┌─ meetings/2020-11-25/03-eventuelt.md:3:17
  │
3 │ title: Eventuelt: løst og fast
  │                 ^
  │
  = help: a value that holds `: ` must be quoted (title: "Tema: Evaluering"); if it is not that, check that the fields of one mapping line up

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_missing_field_in_meeting_yaml() {
    let (code, stderr) = human("missing-field", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[missing-field]: meeting.yaml has no `referent`
  ┌─ meetings/2020-11-25/meeting.yaml:1:1
  │
1 │ body: It-Arkitekturrådet
  │ ^
  │
  = help: write `referent: <name of a present person>`

checked 2020-11-25 (5 items): 1 error
"#
    );
}

#[test]
fn human_encoding_shows_the_line_with_the_bad_byte() {
    let (code, stderr) = human("encoding", &[]);
    assert_eq!(code, 1);
    let expected = r#"error[encoding]: the file is not valid UTF-8 (byte 0xF8)
  ┌─ meetings/2020-11-25/03-eventuelt.md:6:74
  │
6 │ Bo Fristed viste en graf over Covid-19-pandemiens indvirkning på arbejdsl<?>sheden i EU.
  │                                                                          ^
  │
  = help: save the file as UTF-8 (with or without BOM)

checked 2020-11-25 (5 items): 1 error
"#;
    assert_eq!(stderr, expected.replace("<?>", "\u{FFFD}"));
}

#[test]
fn human_crlf_positions_and_no_carriage_returns() {
    let (code, stderr) = human("crlf", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        r#"error[bad-sag]: `SAG-2019-4651` is not a case reference (pattern `SAG-\d{4}-\d{5}`)
  ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:4:6
  │
4 │ sag: SAG-2019-4651
  │      ^^^^^^^^^^^^^
  │
  = help: write `SAG-2019-04651`

warning[personal-data]: an e-mail address in a public item
   ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:18:28
   │
18 │ Spørgsmål til Christian på christian.plaschke@digst.dk.
   │                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^
   │
   = help: remove it from the text, or mark the item `closed: true` so it is not published

error[heading-level]: a level-1 heading in an item body
   ┌─ meetings/2020-11-25/02-01-nyt-fra-udvalget.md:20:1
   │
20 │ # Beslutning
   │ ^^^^^^^^^^^^
   │
   = help: the item's title is its heading: write parts as `## Indstilling`

checked 2020-11-25 (5 items): 2 errors, 1 warning
"#
    );
}

#[test]
fn human_empty_item_is_a_warning_and_passes() {
    let (code, stderr) = human("empty-item", &[]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        r#"warning[empty-item]: this item has no text
  ┌─ meetings/2020-11-25/02-02-dupla.md:7:1
  │
7 │ ---
  │ ^^^
  │
  = help: write the item's parts (## Indstilling, ## Drøftelse) below this line

checked 2020-11-25 (5 items): 1 warning
"#
    );
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
    assert_eq!(
        stderr,
        r#"warning[yaml-comment]: `#` starts a YAML comment here: `title` is read as `Budget 2022-2025`
  ┌─ meetings/2020-11-25/03-eventuelt.md:3:25
  │
3 │ title: Budget 2022-2025 #2 - forslag
  │                         ^^^^^^^^^^^^
  │
  = help: write `title: "Budget 2022-2025 #2 - forslag"`

checked 2020-11-25 (5 items): 1 warning
"#
    );
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
    assert_eq!(
        run.stderr,
        r#"error[yaml]: the quote `"` that starts this value is not closed
  ┌─ meetings/2020-11-25/03-eventuelt.md:3:8
  │
3 │ title: "Eventuelt
  │        ^
  │
  = help: end the value with `"` on the same line: `title: "Eventuelt"`

checked 2020-11-25 (5 items): 1 error
"#
    );
}

// ---- GitHub annotations, the order of findings, JSON -----------------------

#[test]
fn github_format_writes_workflow_annotations() {
    let run = rk(&fixture("bad-sag"), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "::error file=meetings/2020-11-25/02-01-nyt-fra-udvalget.md,line=4,col=6,endLine=4,endColumn=19,\
         title=rk bad-sag::`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`) [bad-sag]\
         %0Ahelp: write `SAG-2019-04651`\n"
    );

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
    assert_eq!(
        run.stdout,
        "{\"rule\":\"bad-sag\",\"severity\":\"error\",\
         \"file\":\"meetings/2020-11-25/02-01-nyt-fra-udvalget.md\",\
         \"line\":4,\"column\":6,\"end_line\":4,\"end_column\":19,\
         \"message\":\"`SAG-2019-4651` is not a case reference (pattern `SAG-\\\\d{4}-\\\\d{5}`)\",\
         \"help\":\"write `SAG-2019-04651`\"}\n"
    );
    // A clean run writes nothing at all.
    let run = rk(&fixture("clean"), &["check", "--format", "json"]);
    assert_eq!(
        (run.code, run.stdout, run.stderr),
        (0, String::new(), String::new())
    );
}
