//! The slips a new referent makes when writing YAML (issue 8), each
//! reported at the place to fix with a help line: a comment that cuts a
//! value short, tabs, curly quotes, bullets, unclosed quotes, dates written
//! the Danish way, and misspelt or Danish field names. Their human text is
//! pinned in `formats.rs`; a key in the wrong table of rk.toml is in `cli.rs`.
//!
//! What its tests show, one by one: the slips a new referent makes in YAML,
//! each reported at the place to fix with a help line: a `#` that cuts a value
//! short, tabs, curly quotes, bullets, unclosed quotes, dates written
//! `25-11-2020`, misspelt and Danish field names.

use crate::common;

use common::{
    DUPLA, E, EVENTUELT, Expected, Finding, MEETING, W, check_json, fixture_copy, got,
    project_root, replace_in, want,
};

/// `rk check --format json` on a copy of `clean` with each `(from, to)`
/// replaced once in `path` (relative to the meeting folder).
fn check_edited(name: &str, path: &str, edits: &[(&str, &str)]) -> (i32, Vec<Finding>) {
    let dir = fixture_copy("clean", &format!("issue8-{name}"));
    let file = dir.join("meetings/2020-11-25").join(path);
    for (from, to) in edits {
        replace_in(&file, from, to);
    }
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(stderr, "", "{name}");
    (code, findings)
}

/// Asserts that the run found exactly `expected`, each with its help.
fn assert_findings(name: &str, findings: &[Finding], expected: &[(Expected, &str)]) {
    let only: Vec<Expected> = expected.iter().map(|(e, _)| *e).collect();
    assert_eq!(got(findings), want(&only), "{name}");
    for (finding, (_, help)) in findings.iter().zip(expected) {
        assert_eq!(finding.help.as_deref(), Some(*help), "{name}: {finding:?}");
    }
}

#[test]
fn a_misspelt_members_key_does_not_make_everyone_unknown() {
    let dir = fixture_copy("clean", "review-memebrs");
    replace_in(&dir.join(MEETING), "members:", "memebrs:");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["unknown-field"], "{findings:?}");
    assert_eq!(findings[0].help.as_deref(), Some("did you mean `members`?"));
}

#[test]
fn a_comment_cuts_any_text_field_short_and_the_help_shows_the_quoted_line() {
    let (code, findings) = check_edited(
        "comment-location",
        "meeting.yaml",
        &[
            ("location: KL, Weidekampsgade 10", "location: KL, 4. sal #1"),
            (
                "  - Christian Harsløf",
                "  - Christian Harsløf # gæst \"CH\"",
            ),
        ],
    );
    assert_eq!(code, 0);
    assert_findings(
        "comment-location",
        &findings,
        &[
            (
                (
                    "yaml-comment",
                    W,
                    MEETING,
                    5,
                    22,
                    "`#` starts a YAML comment here: `location` is read as `KL, 4. sal`",
                ),
                r#"write `location: "KL, 4. sal #1"`"#,
            ),
            (
                (
                    "yaml-comment",
                    W,
                    MEETING,
                    22,
                    23,
                    "`#` starts a YAML comment here: `name` is read as `Christian Harsløf`",
                ),
                r#"write `- "Christian Harsløf # gæst \"CH\""`"#,
            ),
        ],
    );
}

#[test]
fn comments_set_off_as_comments_are_not_findings() {
    // Two spaces before `#` and one after: a comment meant as one, as in the
    // example meeting. After `sag`, `number` and `date` any comment is normal.
    let dir = fixture_copy("clean", "issue8-comments-meant");
    let meeting = dir.join("meetings/2020-11-25");
    let edit = |path: &str, from: &str, to: &str| replace_in(&meeting.join(path), from, to);
    edit(
        "meeting.yaml",
        "  - name: Bo Fristed",
        "  - name: Bo Fristed      # 2.2",
    );
    edit(
        "meeting.yaml",
        "date: 2020-11-25",
        "date: 2020-11-25 #onsdag",
    );
    edit(
        "03-eventuelt.md",
        "title: Eventuelt\nsag: none",
        "title: Eventuelt\t# løst og fast\nsag: none #ingen",
    );
    edit(
        "02-01-nyt-fra-udvalget.md",
        "number: \"2.1\"",
        "number: \"2.1\" #2",
    );
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!((code, findings, stderr), (0, vec![], String::new()));

    // The example meeting writes such comments and stays clean.
    let (code, findings, stderr) = check_json(&project_root(), &["2020-11-25"]);
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
}

#[test]
fn a_tab_in_the_indentation_is_reported_at_the_tab() {
    let (code, findings) = check_edited(
        "tab-mapping",
        "meeting.yaml",
        &[("    organisation: KL\n", "\torganisation: KL\n")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "tab-mapping",
        &findings,
        &[(
            ("yaml", E, MEETING, 14, 1, "a tab in the indentation"),
            "indent with spaces, not tabs",
        )],
    );
    let (_, findings) = check_edited(
        "tab-list",
        "meeting.yaml",
        &[("  - Christian Harsløf", "\t- Christian Harsløf")],
    );
    assert_findings(
        "tab-list",
        &findings,
        &[(
            ("yaml", E, MEETING, 22, 1, "a tab in the indentation"),
            "indent with spaces, not tabs",
        )],
    );
}

#[test]
fn curly_quotes_are_not_yaml_quotes() {
    // A title in curly quotes with `: ` in it does not parse: at the quote.
    let (code, findings) = check_edited(
        "curly-title-colon",
        "03-eventuelt.md",
        &[("title: Eventuelt", "title: “Eventuelt: løst og fast”")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "curly-title-colon",
        &findings,
        &[(
            (
                "yaml",
                E,
                EVENTUELT,
                3,
                8,
                "`“` is not a YAML quote, so this value is not quoted",
            ),
            r#"“…” are not YAML quotes: use straight quotes: `title: "Eventuelt: løst og fast"`"#,
        )],
    );
    // One that parses would be published with its quotes.
    let (code, findings) = check_edited(
        "curly-title",
        "03-eventuelt.md",
        &[("title: Eventuelt", "title: ”Eventuelt”")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "curly-title",
        &findings,
        &[(
            (
                "bad-value",
                E,
                EVENTUELT,
                3,
                8,
                "`”Eventuelt”` is in curly quotes, which YAML keeps as part of the text",
            ),
            r#"“…” are not YAML quotes: use straight quotes: `title: "Eventuelt"`"#,
        )],
    );
    // A guest in curly quotes: one finding, and 2.2's presenter is still
    // known as present (the name is read without its quotes).
    let (code, findings) = check_edited(
        "curly-guest",
        "meeting.yaml",
        &[("  - Christian Harsløf", "  - ‘Christian Harsløf’")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "curly-guest",
        &findings,
        &[(
            (
                "bad-value",
                E,
                MEETING,
                22,
                5,
                "`‘Christian Harsløf’` is in curly quotes, which YAML keeps as part of the text",
            ),
            r#"“…” are not YAML quotes: use straight quotes: `- "Christian Harsløf"`"#,
        )],
    );
}

#[test]
fn bullets_are_not_list_markers() {
    // At the start of the line the list does not parse: at the bullet.
    let (code, findings) = check_edited(
        "bullet-unindented",
        "meeting.yaml",
        &[("  - Christian Harsløf", "• Christian Harsløf")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "bullet-unindented",
        &findings,
        &[(
            (
                "yaml",
                E,
                MEETING,
                22,
                1,
                "`•` is not a list marker in YAML",
            ),
            "write `- Christian Harsløf`: a hyphen and a space",
        )],
    );
    // Indented, YAML reads the bullets as one text.
    let (code, findings) = check_edited(
        "bullet-indented",
        "02-02-dupla.md",
        &[(
            "responsible: [Ken Rindsig, Pia Vendelbo Danielsen]",
            "responsible:\n  • Ken Rindsig\n  • Pia Vendelbo Danielsen",
        )],
    );
    assert_eq!(code, 1);
    assert_findings(
        "bullet-indented",
        &findings,
        &[(
            (
                "bad-value",
                E,
                DUPLA,
                6,
                3,
                "`•` is not a list marker in YAML",
            ),
            "write one entry a line after `- `:\nresponsible:\n  - Ken Rindsig\n  - Pia Vendelbo Danielsen",
        )],
    );
    // A bulleted guest list: the guests are still known as present.
    let (code, findings) = check_edited(
        "bullet-guests",
        "meeting.yaml",
        &[("  - Christian Harsløf", "  • Christian Harsløf")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "bullet-guests",
        &findings,
        &[(
            (
                "bad-value",
                E,
                MEETING,
                22,
                3,
                "`•` is not a list marker in YAML",
            ),
            "write one entry a line after `- `:\nguests:\n  - Christian Harsløf",
        )],
    );
}

#[test]
fn an_unclosed_quote_is_reported_at_the_opening_quote() {
    let (code, findings) = check_edited(
        "unclosed-title",
        "03-eventuelt.md",
        &[("title: Eventuelt", "title: \"Eventuelt")],
    );
    assert_eq!(code, 1);
    assert_findings(
        "unclosed-title",
        &findings,
        &[(
            (
                "yaml",
                E,
                EVENTUELT,
                3,
                8,
                "the quote `\"` that starts this value is not closed",
            ),
            "end the value with `\"` on the same line: `title: \"Eventuelt\"`",
        )],
    );
    let (_, findings) = check_edited(
        "unclosed-location",
        "meeting.yaml",
        &[(
            "location: KL, Weidekampsgade 10",
            "location: 'KL, Weidekampsgade 10",
        )],
    );
    assert_findings(
        "unclosed-location",
        &findings,
        &[(
            (
                "yaml",
                E,
                MEETING,
                5,
                11,
                "the quote `'` that starts this value is not closed",
            ),
            "end the value with `'` on the same line: `location: 'KL, Weidekampsgade 10'`",
        )],
    );
}

#[test]
fn a_date_written_the_danish_way_gets_its_iso_form() {
    for written in ["25-11-2020", "25.11.2020", "25/11/2020"] {
        let (code, findings) = check_edited(
            &format!("date-{}", written.replace(['.', '/'], "-")),
            "meeting.yaml",
            &[("date: 2020-11-25", &format!("date: {written}"))],
        );
        assert_eq!(code, 1);
        let message = format!("`{written}` is not a real date");
        assert_eq!(
            got(&findings),
            vec![(
                "date-mismatch".to_string(),
                E,
                MEETING.to_string(),
                2,
                7,
                message
            )]
        );
        assert_eq!(
            findings[0].help.as_deref(),
            Some("write `date: 2020-11-25`: dates are written YYYY-MM-DD")
        );
    }
}

#[test]
fn danish_field_names_suggest_the_english_field() {
    let help = |field: &str| format!("did you mean `{field}`? Field names are in English");
    let (code, findings) = check_edited(
        "danish-item",
        "03-eventuelt.md",
        &[(
            "number: \"3\"\ntitle: Eventuelt\nsag: none\n",
            "nummer: \"3\"\ntitel: Eventuelt\nsagsnr: none\nlukket: true\nbilag:\n  - bilag/x.pdf\n",
        )],
    );
    assert_eq!(code, 1);
    let found = |findings: &[Finding]| -> Vec<(String, usize, String, Option<String>)> {
        findings
            .iter()
            .map(|f| (f.rule.clone(), f.line, f.message.clone(), f.help.clone()))
            .collect()
    };
    let expect = |line: usize, danish: &str, english: &str, what: &str| {
        (
            "unknown-field".to_string(),
            line,
            format!("unknown field `{danish}` in {what}"),
            Some(help(english)),
        )
    };
    let item = "an agenda item";
    assert_eq!(
        found(&findings),
        vec![
            expect(2, "nummer", "number", item),
            expect(3, "titel", "title", item),
            expect(4, "sagsnr", "sag", item),
            expect(5, "lukket", "closed", item),
            expect(6, "bilag", "attachments", item),
        ]
    );
    let (code, findings) = check_edited(
        "danish-meeting",
        "meeting.yaml",
        &[
            ("date:", "dato:"),
            ("location:", "sted:"),
            ("chair:", "formand:"),
            ("members:", "deltagere:"),
            ("guests:", "gæster:"),
            ("absent:", "afbud:"),
        ],
    );
    assert_eq!(code, 1);
    let meeting = "meeting.yaml";
    assert_eq!(
        found(&findings),
        vec![
            expect(2, "dato", "date", meeting),
            expect(5, "sted", "location", meeting),
            expect(6, "formand", "chair", meeting),
            expect(8, "deltagere", "members", meeting),
            expect(21, "gæster", "guests", meeting),
            expect(23, "afbud", "absent", meeting),
        ]
    );
    let (_, findings) = check_edited(
        "danish-item-people",
        "02-02-dupla.md",
        &[
            ("responsible:", "ansvarlig:"),
            ("presenters:", "oplægsholdere:"),
        ],
    );
    let helps: Vec<Option<String>> = findings.iter().map(|f| f.help.clone()).collect();
    assert_eq!(helps, [Some(help("responsible")), Some(help("presenters"))]);
}
