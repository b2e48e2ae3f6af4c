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
fn described(
    findings: &[Finding],
) -> Vec<(
    String,
    common::Severity,
    String,
    usize,
    usize,
    String,
    String,
)> {
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

// Words of a closed set in any case ---------------------------------------------

#[test]
fn kind_and_status_in_another_case_are_rks_words_in_every_output() {
    let edits = [
        (
            "42-klimahandleplan.md",
            "kind: beslutning",
            "kind: Beslutning",
        ),
        (
            "44-affaldssortering.md",
            "kind: orientering",
            "kind: ORIENTERING",
        ),
        ("45-affaldsregulativ.md", "status: udsat", "status: Udsat"),
    ];
    let (code, findings) = kommune_check("case-words", &edits);
    assert_eq!((code, findings.as_slice()), (0, &[][..]), "{findings:?}");
    // Built, the edited meeting says exactly what the example says.
    let build = |dir: &std::path::Path| {
        let run = rk(dir, &["build", "2021-05-05", "--only", "html,json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let out = dir.join("out/2021-05-05");
        let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
        (read("referat.html"), read("referat.json"))
    };
    let edited = project_copy("examples/kommune-udvalg", "case-words");
    for (file, from, to) in edits {
        replace_in(&edited.join(MAY).join(file), from, to);
    }
    let example = project_copy("examples/kommune-udvalg", "case-words-example");
    let (html, json) = build(&edited);
    assert!(
        html == build(&example).0,
        "the HTML differs from the example's"
    );
    assert_eq!(json, build(&example).1);
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = |n: &str| {
        data["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(item("42")["kind"], "beslutning");
    assert_eq!(item("44")["kind"], "orientering");
    assert_eq!(item("45")["status"], "udsat");
    assert!(
        html.contains(
            r#"<span class="kind">(Beslutning)</span> <span class="status">– Udsat</span>"#
        ),
        "the layout's words for item 45"
    );
}

// Numbering: one mistake, one finding -------------------------------------------

/// Asserts that a run found exactly one error, `rule` at `file` (in the
/// May meeting) line 2, column 9 (the number), with `message` and `help`.
fn one_numbering_error(findings: &[Finding], file: &str, message: &str, help: &str) {
    assert_eq!(
        described(findings),
        [(
            "numbering".to_string(),
            E,
            format!("{MAY}/{file}"),
            2,
            9,
            message.to_string(),
            help.to_string()
        )]
    );
}

#[test]
fn a_number_used_twice_is_one_finding_with_the_number_the_file_name_says() {
    // Item 46's file says 45: item 47, the closed item that starts the
    // closed section, is not to be renumbered.
    let (code, findings) = kommune_check(
        "numbering-twice",
        &[("46-meddelelser.md", "number: \"46\"", "number: \"45\"")],
    );
    assert_eq!(code, 1);
    one_numbering_error(
        &findings,
        "46-meddelelser.md",
        "item number 45 is used twice: also in meetings/2021-05-05/45-affaldsregulativ.md:2; \
         this file's name says 46, and item 46 is missing",
        "write `number: \"46\"`",
    );
}

#[test]
fn half_a_swap_is_one_finding_at_the_file_that_kept_the_other_number() {
    // 44's file took 45: the duplicate is found at 44's file, not at 45's,
    // and the gap it leaves and Torben's `items: [.., 44]` say nothing more.
    let (code, findings) = kommune_check(
        "numbering-half-swap",
        &[("44-affaldssortering.md", "number: \"44\"", "number: \"45\"")],
    );
    assert_eq!(code, 1);
    one_numbering_error(
        &findings,
        "44-affaldssortering.md",
        "item number 45 is used twice: also in meetings/2021-05-05/45-affaldsregulativ.md:2; \
         this file's name says 44, and item 44 is missing",
        "write `number: \"44\"`",
    );
}

#[test]
fn swapped_digits_are_one_finding_not_two_gaps() {
    let (code, findings) = kommune_check(
        "numbering-digits",
        &[("46-meddelelser.md", "number: \"46\"", "number: \"64\"")],
    );
    assert_eq!(code, 1);
    one_numbering_error(
        &findings,
        "46-meddelelser.md",
        "item number 64 is out of sequence: this file's name says 46, and item 46 is missing",
        "write `number: \"46\"`",
    );
}

#[test]
fn a_skipped_number_is_one_finding_whose_help_counts_the_items_after_it() {
    // Item 44 is gone: renumbering 45 alone would open a gap after it, and
    // the closed section starts at 47.
    let dir = project_copy("examples/kommune-udvalg", "numbering-skipped");
    std::fs::remove_file(dir.join(MAY).join("44-affaldssortering.md")).unwrap();
    let (code, findings, _) = check_json(&dir, &["2021-05-05"]);
    assert_eq!(code, 1);
    one_numbering_error(
        &findings,
        "45-affaldsregulativ.md",
        "item 45 follows 43: item 44 is missing",
        "add the missing item 44; or, if no item is missing, number this item 44 and each \
         of the 2 items after it 1 lower, and the `from` of the sections from here on in \
         meeting.yaml",
    );
}

#[test]
fn a_number_used_twice_next_to_a_gap_is_one_finding_where_no_file_name_helps() {
    let dir = project_copy("examples/kommune-udvalg", "numbering-no-name");
    let may = dir.join(MAY);
    std::fs::rename(may.join("46-meddelelser.md"), may.join("meddelelser.md")).unwrap();
    replace_in(
        &may.join("meddelelser.md"),
        "number: \"46\"",
        "number: \"45\"",
    );
    let (code, findings, _) = check_json(&dir, &["2021-05-05"]);
    assert_eq!(code, 1);
    one_numbering_error(
        &findings,
        "meddelelser.md",
        "item number 45 is used twice: also in meetings/2021-05-05/45-affaldsregulativ.md:2; \
         and item 46 is missing",
        "one of the two items numbered 45 is item 46: write `number: \"46\"` in that one",
    );
}

// Ranges of items ----------------------------------------------------------------

/// The HTML and JSON of the May meeting built in `dir`.
fn may_outputs(dir: &std::path::Path) -> (String, String) {
    let run = rk(dir, &["build", "2021-05-05", "--only", "html,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out/2021-05-05");
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    (read("referat.html"), read("referat.json"))
}

#[test]
fn items_written_as_a_range_are_the_items_of_the_range() {
    // Torben Vestergaard left after item 44: `items: 41-44`, as minutes
    // write it, is `items: [41, 42, 43, 44]`, with an en dash too.
    for range in ["41-44", "\"41 – 44\"", "[41-43, 44]"] {
        let dir = project_copy("examples/kommune-udvalg", "range");
        replace_in(
            &dir.join(MAY).join("meeting.yaml"),
            "items: [41, 42, 43, 44]",
            &format!("items: {range}"),
        );
        let (code, findings, _) = check_json(&dir, &["2021-05-05"]);
        assert_eq!((code, findings.as_slice()), (0, &[][..]), "{range}");
        let (html, json) = may_outputs(&dir);
        let example = may_outputs(&project_copy("examples/kommune-udvalg", "range-example"));
        assert!(
            html == example.0,
            "{range}: the HTML differs from the example's"
        );
        assert_eq!(json, example.1, "{range}");
        let data: serde_json::Value = serde_json::from_str(&json).unwrap();
        let torben = &data["people"]["members"][3];
        assert_eq!(torben["name"], "Torben Vestergaard");
        assert_eq!(torben["items"], serde_json::json!(["41", "42", "43", "44"]));
    }
}

#[test]
fn a_range_past_the_agenda_is_answered_with_the_list() {
    let (code, findings) = kommune_check(
        "range-past",
        &[("meeting.yaml", "items: [41, 42, 43, 44]", "items: 41-49")],
    );
    assert_eq!(code, 1);
    assert_eq!(
        described(&findings),
        [(
            "unknown-item".to_string(),
            E,
            format!("{MAY}/meeting.yaml"),
            20,
            12,
            "Torben Vestergaard attended items 41-49, but this meeting has no item 49".to_string(),
            "write the items Torben Vestergaard attended as a list: \
             `items: [41, 42, 43, 44, 45, 46, 47]`"
                .to_string()
        )]
    );
}

// Personal data in a public item -------------------------------------------------

#[test]
fn a_work_phone_in_a_hearing_item_gets_the_help_of_a_public_item() {
    // The hearing item is published, and stays so: the help does not ask
    // to close it.
    let (code, findings) = kommune_check(
        "phone",
        &[(
            "42-klimahandleplan.md",
            "Der afholdes et borgermøde på biblioteket den 20. maj 2021.",
            "Der afholdes et borgermøde på biblioteket den 20. maj 2021.\n\
             Spørgsmål til høringen: Rasmus Thygesen, tlf. 72 36 41 18.",
        )],
    );
    assert_eq!(code, 0);
    let help = "remove it from the text, or move it to an attachment marked `closed: true` \
                (`attachments: [{ file: bilag/<name>, title: <title>, closed: true }]`), which \
                is not published";
    assert_eq!(
        described(&findings),
        [(
            "personal-data".to_string(),
            W,
            format!("{MAY}/42-klimahandleplan.md"),
            29,
            47,
            "a phone number in a public item".to_string(),
            help.to_string()
        )]
    );
    assert!(!help.contains("mark the item"));
}

// YAML errors in plain words ----------------------------------------------------

#[test]
fn a_colon_in_a_title_is_said_plainly_with_the_parsers_words_as_a_note() {
    let dir = project_copy("examples/kommune-udvalg", "yaml-colon");
    replace_in(
        &dir.join(MAY).join("42-klimahandleplan.md"),
        "title: Klimahandleplan 2021-2025 - udsendelse",
        "title: Klimahandleplan 2021-2025: udsendelse",
    );
    let run = rk(&dir, &["check", "2021-05-05"]);
    assert_eq!(run.code, 1);
    let finding = run.stderr.split("\n\n").next().unwrap();
    assert_eq!(
        finding,
        "error[yaml]: a value with a colon needs quotes
  ┌─ meetings/2021-05-05/42-klimahandleplan.md:3:33
  │
3 │ title: Klimahandleplan 2021-2025: udsendelse i offentlig høring
  │                                 ^
  │
  = note: the YAML parser says: mapping values are not allowed in this context
  = help: a value that holds `: ` must be quoted (title: \"Tema: Evaluering\"); if it is not that, check that the fields of one mapping line up"
    );
    let (_, findings, _) = check_json(&dir, &["2021-05-05"]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].message, "a value with a colon needs quotes");
    let json = rk(&dir, &["check", "2021-05-05", "--format", "json"]).stdout;
    let record: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(
        record["note"],
        "the YAML parser says: mapping values are not allowed in this context"
    );
}

#[test]
fn text_after_a_closing_quote_is_not_called_an_unclosed_quote() {
    let (code, findings) = kommune_check(
        "yaml-trailing",
        &[(
            "42-klimahandleplan.md",
            "title: Klimahandleplan 2021-2025 - udsendelse i offentlig høring",
            "title: 'Klimahandleplan' 2021-2025",
        )],
    );
    assert_eq!(code, 1);
    assert_eq!(
        described(&findings),
        [(
            "yaml".to_string(),
            E,
            format!("{MAY}/42-klimahandleplan.md"),
            3,
            26,
            "text after the closing quote".to_string(),
            "a quoted value is the whole value: put all of it in quotes \
             (title: \"'Tema' og mere\"), or none of it"
                .to_string()
        )]
    );
}

// A party letter in brackets after a name ---------------------------------------

#[test]
fn a_party_letter_after_a_name_says_party_and_pushes_it_into_no_other_name() {
    // The stedfortræder's `substitute_for: Jens Otto Kragh` names the absent
    // member: one warning, at the name with the letter, and no did-you-mean
    // that asks for `Jens Otto Kragh (V)`.
    let bracketed = [(
        "meeting.yaml",
        "  - { name: Jens Otto Kragh, organisation: Venstre }",
        "  - Jens Otto Kragh (V)",
    )];
    let (code, findings) = kommune_check("party-in-name", &bracketed);
    assert_eq!(code, 0);
    assert_eq!(
        described(&findings),
        [(
            "bad-value".to_string(),
            W,
            format!("{MAY}/meeting.yaml"),
            26,
            5,
            "`(V)` is a party letter, not part of the name Jens Otto Kragh".to_string(),
            "write the name alone and the party on the person: \
             `- { name: Jens Otto Kragh, party: V }`, and define the group in rk.toml: \
             `[groups]` with a line `V = \"<the party's name>\"`"
                .to_string()
        )]
    );
    // A misspelt `substitute_for` gets the name without the letter.
    let (code, findings) = kommune_check(
        "party-in-name-typo",
        &[
            bracketed[0],
            (
                "meeting.yaml",
                "substitute_for: Jens Otto Kragh",
                "substitute_for: Jens Otto Krag",
            ),
        ],
    );
    assert_eq!(code, 1);
    let substitute: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == "bad-substitute")
        .collect();
    assert_eq!(substitute.len(), 1, "{findings:?}");
    assert_eq!(
        substitute[0].help.as_deref(),
        Some("did you mean `Jens Otto Kragh`?")
    );
    assert!(
        findings
            .iter()
            .all(|f| !f.help.as_deref().unwrap_or("").contains("Kragh (V)`?"))
    );
}
