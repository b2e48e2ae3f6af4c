//! `rk check` against the fixture projects in `tests/fixtures/rules/`: every
//! rule of SPEC.md section 2 on a clean meeting with one mistake, the three
//! output formats, and the command line of section 3.
//!
//! Fixture names: `<rule>` is the canonical fixture of a rule (its only
//! findings are of that rule), `<rule>-<case>` covers one more case of it, and
//! the few others (`clean`, `bom`, `crlf`, ...) are listed in [`EXTRAS`].

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::{
    Finding, Severity, check_json, copy_tree, fixture, fixture_copy, fixture_names, fixtures_root,
    rk,
};

/// The rules of SPEC.md section 2, by their user-facing names.
const RULES: [&str; 24] = [
    "encoding",
    "yaml",
    "yaml-comment",
    "bad-value",
    "missing-field",
    "unknown-field",
    "date-mismatch",
    "no-attendees",
    "unknown-person",
    "absent-and-present",
    "duplicate-person",
    "bad-substitute",
    "missing-sag",
    "bad-sag",
    "numbering",
    "heading-level",
    "missing-file",
    "image-alt",
    "unsafe-link",
    "personal-data",
    "raw-html",
    "empty-item",
    "nesting",
    "missing-glyph",
];

/// Fixtures that are not about one rule.
const EXTRAS: &[&str] = &[
    "clean",          // the base meeting every rule fixture starts from
    "bom",            // meeting.yaml with a UTF-8 BOM: clean
    "crlf",           // an item with CRLF line endings and three mistakes
    "ordering",       // mistakes in four files, for the sort order
    "ambiguous-date", // 2020-11-25 and 2020-11-25-ekstra
    "two-meetings",   // 2020-11-25 and 2021-02-24, for `rk list`
    "bad-config",     // rk.toml with an unknown key
];

/// Rule fixtures whose one mistake rightly gives findings of another rule too.
const MIXED: &[&str] = &[];

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

const MEETING: &str = "meetings/2020-11-25/meeting.yaml";
const SIDEN_SIDST: &str = "meetings/2020-11-25/01-siden-sidst.md";
const DROEFTELSESSAGER: &str = "meetings/2020-11-25/02-droeftelsessager.md";
const NYT: &str = "meetings/2020-11-25/02-01-nyt-fra-udvalget.md";
const DUPLA: &str = "meetings/2020-11-25/02-02-dupla.md";
const EVENTUELT: &str = "meetings/2020-11-25/03-eventuelt.md";

/// (rule, severity, file, line, column, message) of one finding.
type Expected = (
    &'static str,
    Severity,
    &'static str,
    usize,
    usize,
    &'static str,
);

struct Case {
    fixture: &'static str,
    /// Exit status of `rk check --format json` in the fixture folder.
    exit: i32,
    /// Every finding, in output order.
    findings: &'static [Expected],
}

const HTML: &str = "raw HTML in an item: it is shown as literal text, not as HTML";
const THUMBS_UP: &str = "`👍` (U+1F44D, an emoji or symbol) is in none of the fonts of the layout kl: the PDF cannot show it";
const MALAYALAM: &str = "`മലയാളം` (U+0D2E U+0D32 U+0D2F U+0D3E U+0D33 U+0D02, Malayalam) \
     is in none of the fonts of the layout kl: the PDF cannot show it";

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- clean --------------------------------------------------------------
    Case { fixture: "clean", exit: 0, findings: &[] },
    Case { fixture: "bom", exit: 0, findings: &[] },
    Case { fixture: "ambiguous-date", exit: 0, findings: &[] },
    // A CPR number in a closed item is not published: no finding.
    Case { fixture: "personal-data-closed", exit: 0, findings: &[] },
    // CRLF: a short case number on line 4, an e-mail and a level-1 heading below.
    Case { fixture: "crlf", exit: 1, findings: &[
        ("bad-sag", E, NYT, 4, 6, "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)"),
        ("personal-data", W, NYT, 18, 28, "an e-mail address in a public item"),
        ("heading-level", E, NYT, 20, 1, "a level-1 heading in an item body"),
    ]},
    // ---- encoding, YAML, fields ---------------------------------------------
    // `arbejdsløsheden` with ø as the Latin-1 byte 0xF8.
    Case { fixture: "encoding", exit: 1, findings: &[
        ("encoding", E, EVENTUELT, 6, 74, "the file is not valid UTF-8 (byte 0xF8)"),
    ]},
    // `title: Eventuelt: løst og fast`.
    Case { fixture: "yaml", exit: 1, findings: &[
        ("yaml", E, EVENTUELT, 3, 17, "mapping values are not allowed in this context"),
    ]},
    Case { fixture: "yaml-duplicate-key", exit: 1, findings: &[
        ("yaml", E, EVENTUELT, 5, 1, "the field `sag` is given twice in one mapping"),
    ]},
    // `title: Budget 2022-2025 #2 - forslag`: a warning, so the check passes.
    Case { fixture: "yaml-comment", exit: 0, findings: &[
        ("yaml-comment", W, EVENTUELT, 3, 25, "`#` starts a YAML comment here: `title` is read as `Budget 2022-2025`"),
    ]},
    Case { fixture: "yaml-unclosed", exit: 1, findings: &[
        ("yaml", E, EVENTUELT, 1, 1, "front matter is not closed: no `---` line after it"),
    ]},
    // `closed: nej`.
    Case { fixture: "bad-value", exit: 1, findings: &[
        ("bad-value", E, DUPLA, 7, 9, "`closed` must be true or false"),
    ]},
    Case { fixture: "missing-field", exit: 1, findings: &[
        ("missing-field", E, MEETING, 1, 1, "meeting.yaml has no `referent`"),
    ]},
    Case { fixture: "missing-field-title", exit: 1, findings: &[
        ("missing-field", E, EVENTUELT, 4, 1, "this agenda item has no `title`"),
    ]},
    // noter.md: every *.md in the folder but README.md is an agenda item.
    Case { fixture: "missing-field-front-matter", exit: 1, findings: &[
        ("missing-field", E, "meetings/2020-11-25/noter.md", 1, 1,
            "agenda item has no front matter (no `number` and `title`)"),
    ]},
    // `organization:` for a person.
    Case { fixture: "unknown-field", exit: 1, findings: &[
        ("unknown-field", E, MEETING, 14, 5, "unknown field `organization` in a person"),
    ]},
    Case { fixture: "unknown-field-sga", exit: 1, findings: &[
        ("unknown-field", E, NYT, 4, 1, "unknown field `sga` in an agenda item"),
    ]},
    // ---- meeting.yaml: the date and the people -----------------------------
    Case { fixture: "date-mismatch", exit: 1, findings: &[
        ("date-mismatch", E, MEETING, 2, 7, "the date 2020-11-26 differs from the folder's date 2020-11-25"),
    ]},
    Case { fixture: "date-mismatch-not-a-date", exit: 1, findings: &[
        ("date-mismatch", E, MEETING, 2, 7, "`2020-02-30` is not a real date"),
    ]},
    Case { fixture: "no-attendees", exit: 1, findings: &[
        ("no-attendees", E, MEETING, 4, 1, "`members` lists nobody"),
    ]},
    Case { fixture: "unknown-person", exit: 1, findings: &[
        ("unknown-person", E, NYT, 6, 34, "the presenter Ghita Thiessen is not among the people present"),
    ]},
    Case { fixture: "unknown-person-absent", exit: 1, findings: &[
        ("unknown-person", E, MEETING, 6, 8, "the chair Mette Harbo is listed as absent"),
    ]},
    Case { fixture: "unknown-person-stranger", exit: 1, findings: &[
        ("unknown-person", E, DUPLA, 6, 14, "the presenter Pia Vendelbo Danielsen is not among the people present"),
    ]},
    Case { fixture: "absent-and-present", exit: 1, findings: &[
        ("absent-and-present", E, MEETING, 25, 13, "Mette Harbo is listed under `absent` and under `guests`"),
    ]},
    Case { fixture: "duplicate-person", exit: 1, findings: &[
        ("duplicate-person", E, MEETING, 23, 5, "Bo Fristed is listed twice among the present"),
    ]},
    Case { fixture: "duplicate-person-absent", exit: 1, findings: &[
        ("duplicate-person", E, MEETING, 25, 5, "Mette Harbo is listed twice under `absent`"),
    ]},
    Case { fixture: "bad-substitute", exit: 1, findings: &[
        ("bad-substitute", E, MEETING, 18, 21,
            "Karen Rahbek is a substitute for Mette Harbro, who is not listed under `absent`"),
    ]},
    // ---- the agenda: sag and numbering --------------------------------------
    Case { fixture: "missing-sag", exit: 1, findings: &[
        ("missing-sag", E, DUPLA, 6, 1, "this item has no `sag`"),
    ]},
    Case { fixture: "bad-sag", exit: 1, findings: &[
        ("bad-sag", E, NYT, 4, 6, "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)"),
    ]},
    Case { fixture: "bad-sag-year", exit: 1, findings: &[
        ("bad-sag", E, DUPLA, 4, 6, "case SAG-2021-00012 is from 2021, after the meeting's year 2020"),
    ]},
    // rk.toml makes KL journal numbers the pattern: 2.2's passes, 2.1's SAG number fails.
    Case { fixture: "bad-sag-pattern", exit: 1, findings: &[
        ("bad-sag", E, NYT, 4, 6,
            "`SAG-2019-04651` is not a case reference (pattern `\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}`)"),
    ]},
    // 02-02-dupla.md is numbered 2.1 too: the finding names both files.
    Case { fixture: "numbering", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9,
            "item number 2.1 is used twice: also in meetings/2020-11-25/02-01-nyt-fra-udvalget.md:2"),
    ]},
    Case { fixture: "numbering-gap", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9, "item 2.3 follows 2.1: item 2.2 is missing"),
    ]},
    Case { fixture: "numbering-orphan", exit: 1, findings: &[
        ("numbering", E, "meetings/2020-11-25/04-01-naeste-moede.md", 2, 9, "item 4.1 has no parent item 4"),
    ]},
    Case { fixture: "numbering-depth", exit: 1, findings: &[
        ("numbering", E, "meetings/2020-11-25/02-01-01-01-tidsplan.md", 2, 9,
            "item 2.1.1.1 has 4 levels; at most three are allowed"),
    ]},
    Case { fixture: "numbering-malformed", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9, "`2.x` is not an item number"),
    ]},
    Case { fixture: "numbering-leading-zero", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9, "`2.02` is not an item number"),
    ]},
    // `number: 2.10` unquoted is item 2.10, not 2.1 (which would be a duplicate).
    Case { fixture: "numbering-unquoted", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9, "item 2.10 follows 2.1: item 2.2 is missing"),
    ]},
    // ---- item bodies --------------------------------------------------------
    Case { fixture: "heading-level", exit: 1, findings: &[
        ("heading-level", E, NYT, 14, 1, "a level-1 heading in an item body"),
    ]},
    Case { fixture: "heading-level-skipped", exit: 1, findings: &[
        ("heading-level", E, NYT, 18, 1, "a level-4 heading follows level 2: level 3 is skipped"),
    ]},
    Case { fixture: "missing-file", exit: 1, findings: &[
        ("missing-file", E, DUPLA, 8, 13, "attachment `bilag/dupla-arkitektur.pdf` does not exist in the meeting folder"),
    ]},
    Case { fixture: "missing-file-escape", exit: 1, findings: &[
        ("missing-file", E, EVENTUELT, 8, 41, "image `../graf.png` points outside the meeting folder"),
    ]},
    Case { fixture: "missing-file-absolute", exit: 1, findings: &[
        ("missing-file", E, DUPLA, 8, 11,
            "attachment `/home/zaa/Dokumenter/dupla.pdf` is an absolute path; \
             name files relative to the meeting folder, like bilag/graf.png"),
    ]},
    // A link to a local file is checked like an image; anchors and web
    // addresses are not files.
    Case { fixture: "missing-file-link", exit: 1, findings: &[
        ("missing-file", E, DUPLA, 16, 56, "link `bilag/dupla.pdf` does not exist in the meeting folder"),
    ]},
    Case { fixture: "image-alt", exit: 1, findings: &[
        ("image-alt", E, EVENTUELT, 8, 1, "an image without alt text"),
    ]},
    Case { fixture: "unsafe-link", exit: 1, findings: &[
        ("unsafe-link", E, DUPLA, 16, 47, "a `file:` link in published minutes"),
    ]},
    Case { fixture: "personal-data", exit: 1, findings: &[
        ("personal-data", E, SIDEN_SIDST, 8, 25, "a CPR number in a public item"),
    ]},
    // E-mail and phone are warnings: the run passes.
    Case { fixture: "personal-data-contact", exit: 0, findings: &[
        ("personal-data", W, SIDEN_SIDST, 8, 26, "an e-mail address in a public item"),
        ("personal-data", W, SIDEN_SIDST, 8, 50, "a phone number in a public item"),
    ]},
    Case { fixture: "raw-html", exit: 0, findings: &[
        ("raw-html", W, DUPLA, 16, 51, HTML),
    ]},
    Case { fixture: "empty-item", exit: 0, findings: &[
        ("empty-item", W, DUPLA, 7, 1, "this item has no text"),
    ]},
    // ---- several files and meetings -----------------------------------------
    Case { fixture: "ordering", exit: 1, findings: &[
        ("raw-html", W, SIDEN_SIDST, 8, 45, HTML),
        ("bad-sag", E, NYT, 4, 6, "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)"),
        ("heading-level", E, NYT, 14, 1, "a level-1 heading in an item body"),
        ("unknown-person", E, DUPLA, 6, 14, "the presenter Christian Harslöf is not among the people present"),
        ("heading-level", E, DUPLA, 8, 1, "a level-1 heading in an item body"),
        ("unknown-person", E, MEETING, 6, 8, "the chair Ghita Thiessen is not among the people present"),
    ]},
    // meetings/2021-02-24/README.md is not an item.
    Case { fixture: "two-meetings", exit: 0, findings: &[
        ("empty-item", W, "meetings/2021-02-24/01-siden-sidst.md", 5, 1, "this item has no text"),
        ("raw-html", W, "meetings/2021-02-24/02-dupla.md", 6, 21, HTML),
    ]},
    // Quotes 40 levels deep.
    Case { fixture: "nesting", exit: 1, findings: &[
        ("nesting", E, EVENTUELT, 6, 33, "lists, quotes and emphasis nested more than 16 levels deep"),
    ]},
    // ---- characters the layout's fonts lack ------------------------------------
    // An emoji twice (one finding) and a Malayalam word (one finding) in a body.
    Case { fixture: "missing-glyph", exit: 1, findings: &[
        ("missing-glyph", E, EVENTUELT, 6, 102, THUMBS_UP),
        ("missing-glyph", E, EVENTUELT, 8, 15, MALAYALAM),
    ]},
    Case { fixture: "missing-glyph-title", exit: 1, findings: &[
        ("missing-glyph", E, DUPLA, 3, 17,
            "`数据` (U+6570 U+636E, Chinese or Japanese) is in none of the fonts of the layout kl: the PDF cannot show it"),
    ]},
    // A Wingdings bullet and Kannada in `location`, a waving hand in a note.
    Case { fixture: "missing-glyph-meeting", exit: 1, findings: &[
        ("missing-glyph", E, MEETING, 5, 33,
            "`\\u{f0b7}` (U+F0B7, a private-use character, as Word writes a Wingdings symbol) is in none of the fonts of the layout kl: the PDF cannot show it"),
        ("missing-glyph", E, MEETING, 5, 42,
            "`ಕ` (U+0C95, Kannada) is in none of the fonts of the layout kl: the PDF cannot show it"),
        ("missing-glyph", E, MEETING, 15, 25,
            "`👋` (U+1F44B, an emoji or symbol) is in none of the fonts of the layout kl: the PDF cannot show it"),
    ]},
    // A config problem: exit 2 and no findings (the message is tested below).
    Case { fixture: "bad-config", exit: 2, findings: &[] },
];

/// One mistake, one finding: fixtures that once gave a cascade of findings
/// (or none) for a single mistake.
#[rustfmt::skip]
const ONE_MISTAKE_ONE_FINDING: &[Case] = &[
    // meeting.yaml does not parse: nobody is known to be present, and the
    // presenters of the items must not all be reported as unknown.
    Case { fixture: "yaml-meeting", exit: 1, findings: &[
        ("yaml", E, MEETING, 22, 3, "\"-\" is only valid inside a block"),
    ]},
    // A YAML error in the group item 2 hides its number: 2.1 and 2.2 must
    // not be reported as having no parent, nor 3 as following 1.
    Case { fixture: "yaml-group", exit: 1, findings: &[
        ("yaml", E, DROEFTELSESSAGER, 3, 23, "mapping values are not allowed in this context"),
    ]},
    // `title: [..]` is a bad value; the item has a title, though a bad one.
    Case { fixture: "bad-value-title-list", exit: 1, findings: &[
        ("bad-value", E, EVENTUELT, 3, 8, "`title` must be text, not a list"),
    ]},
    // The title is published (even for a closed item): it is searched too.
    Case { fixture: "personal-data-title", exit: 1, findings: &[
        ("personal-data", E, EVENTUELT, 3, 40, "a CPR number in a public item"),
    ]},
];

type Got = (String, Severity, String, usize, usize, String);

fn got(findings: &[Finding]) -> Vec<Got> {
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
            )
        })
        .collect()
}

fn want(findings: &[Expected]) -> Vec<Got> {
    findings
        .iter()
        .map(|&(rule, severity, file, line, column, message)| {
            (
                rule.into(),
                severity,
                file.into(),
                line,
                column,
                message.into(),
            )
        })
        .collect()
}

fn show(findings: &[Got]) -> String {
    if findings.is_empty() {
        return "    (none)\n".into();
    }
    findings
        .iter()
        .map(|(rule, severity, file, line, column, message)| {
            format!("    {rule} {severity:?} {file}:{line}:{column} {message}\n")
        })
        .collect()
}

/// Runs every case and returns one description per mismatch.
fn mismatches(cases: &[Case]) -> Vec<String> {
    let mut problems = Vec::new();
    for case in cases {
        let (code, findings, stderr) = check_json(&fixture(case.fixture), &[]);
        let (got, want) = (got(&findings), want(case.findings));
        if code != case.exit || got != want {
            problems.push(format!(
                "{}: exit {code} (expected {})\n  got:\n{}  expected:\n{}  stderr: {stderr}",
                case.fixture,
                case.exit,
                show(&got),
                show(&want)
            ));
        }
        if case.exit != 2 && !stderr.is_empty() {
            problems.push(format!(
                "{}: --format json wrote to stderr: {stderr}",
                case.fixture
            ));
        }
    }
    problems
}

#[test]
fn every_fixture_gives_exactly_its_findings() {
    let problems = mismatches(CASES);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn one_mistake_gives_one_finding() {
    let problems = mismatches(ONE_MISTAKE_ONE_FINDING);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The rule a fixture is about: `bad-sag-year` is about `bad-sag`.
fn rule_of(fixture: &str) -> Option<&'static str> {
    RULES
        .iter()
        .copied()
        .filter(|rule| fixture == *rule || fixture.starts_with(&format!("{rule}-")))
        .max_by_key(|rule| rule.len())
}

#[test]
fn every_rule_has_a_fixture_that_gives_only_that_rule() {
    // The list above is the list rk knows.
    let known: Vec<&str> = rk::diag::Rule::ALL.iter().map(|r| r.name()).collect();
    assert_eq!(known, RULES, "rk's rules and this test's list differ");

    let folders: BTreeSet<String> = fixture_names().into_iter().collect();
    let mut tabled = BTreeSet::new();
    for case in CASES.iter().chain(ONE_MISTAKE_ONE_FINDING) {
        assert!(
            tabled.insert(case.fixture.to_string()),
            "{} is in the tables twice",
            case.fixture
        );
    }
    assert_eq!(
        folders, tabled,
        "every fixture folder needs an entry in CASES or ONE_MISTAKE_ONE_FINDING"
    );

    for case in CASES {
        match rule_of(case.fixture) {
            None => assert!(
                EXTRAS.contains(&case.fixture),
                "{}: not named after a rule",
                case.fixture
            ),
            Some(rule) if !MIXED.contains(&case.fixture) => {
                for finding in case.findings {
                    assert_eq!(
                        finding.0, rule,
                        "{}: a finding of another rule",
                        case.fixture
                    );
                }
            }
            Some(_) => {}
        }
    }
    for rule in RULES {
        let case = CASES
            .iter()
            .find(|c| c.fixture == rule)
            .unwrap_or_else(|| panic!("no fixture `{rule}` in tests/fixtures/rules"));
        assert!(!case.findings.is_empty(), "fixture `{rule}` finds nothing");
        let expected_exit = if case.findings.iter().any(|f| f.1 == E) {
            1
        } else {
            0
        };
        assert_eq!(case.exit, expected_exit, "fixture `{rule}`");
    }
}

/// The fixtures are committed byte for byte (`.gitattributes`: `* -text`):
/// the bytes these tests are about must have survived git.
#[test]
fn fixtures_keep_their_bytes() {
    let read = |path: &str| fs::read(fixtures_root().join(path)).unwrap();
    let latin1 = read("encoding/meetings/2020-11-25/03-eventuelt.md");
    assert!(latin1.contains(&0xF8) && std::str::from_utf8(&latin1).is_err());
    let crlf = read("crlf/meetings/2020-11-25/02-01-nyt-fra-udvalget.md");
    let lines = crlf
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    let crlfs = crlf.windows(2).filter(|w| w == b"\r\n").count();
    assert!(lines > 10 && crlfs == lines, "CRLF line endings were lost");
    assert!(read("bom/meetings/2020-11-25/meeting.yaml").starts_with(b"\xEF\xBB\xBF"));
}

/// Undecodable files written by the test itself, so they do not depend on git.
#[test]
fn encoding_problems_name_the_file_and_the_place() {
    let cases: [(&str, Vec<u8>, usize, usize, &str); 3] = [
        (
            "latin1",
            "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\nIngen bem\u{e6}rkninger.\n"
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap())
                .collect(),
            6,
            10,
            "the file is not valid UTF-8 (byte 0xE6)",
        ),
        (
            "utf16",
            [0xFF, 0xFE]
                .into_iter()
                .chain(
                    "---\nnumber: \"3\"\n"
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                )
                .collect(),
            1,
            1,
            "the file is UTF-16, rk reads UTF-8",
        ),
        (
            "nul",
            b"---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\nSlut.\0\n".to_vec(),
            6,
            6,
            "the file holds a NUL byte: it is not a text file",
        ),
    ];
    for (name, bytes, line, column, message) in cases {
        let dir = fixture_copy("clean", &format!("encoding-{name}"));
        fs::write(dir.join(EVENTUELT), bytes).unwrap();
        let (code, findings, _) = check_json(&dir, &[]);
        assert_eq!(code, 1, "{name}");
        assert_eq!(
            got(&findings),
            want(&[("encoding", E, EVENTUELT, line, column, message)]),
            "{name}"
        );
        let help = if name == "nul" {
            "remove the NUL byte, or move a binary file into bilag/"
        } else {
            "save the file as UTF-8 (with or without BOM)"
        };
        assert_eq!(findings[0].help.as_deref(), Some(help), "{name}");
    }
}

// ---- the human format, pinned whole ---------------------------------------

/// `rk check` (human format) in a fixture: exit status and standard error.
/// Nothing may go to standard output.
fn human(name: &str, args: &[&str]) -> (i32, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let run = rk(&fixture(name), &all);
    assert_eq!(run.stdout, "", "{name}: human output went to stdout");
    (run.code, run.stderr)
}

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

// ---- other formats and flags --------------------------------------------

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
fn deny_warnings_fails_a_run_with_only_warnings() {
    for name in ["raw-html", "empty-item", "personal-data-contact"] {
        let dir = fixture(name);
        let (code, findings, _) = check_json(&dir, &[]);
        assert_eq!(code, 0, "{name} without --deny-warnings");
        assert!(
            !findings.is_empty() && findings.iter().all(|f| f.severity == W),
            "{name}"
        );
        let (code, denied, _) = check_json(&dir, &["--deny-warnings"]);
        assert_eq!(code, 1, "{name} with --deny-warnings");
        assert_eq!(
            denied, findings,
            "{name}: --deny-warnings changes the exit status only"
        );
        assert_eq!(
            human(name, &["--deny-warnings"]).0,
            1,
            "{name}, human format"
        );
    }
    assert_eq!(check_json(&fixture("clean"), &["--deny-warnings"]).0, 0);
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

// ---- choosing meetings ---------------------------------------------------

#[test]
fn a_date_argument_checks_that_meeting_only() {
    let dir = fixture("two-meetings");
    let (code, findings, _) = check_json(&dir, &["2021-02-24"]);
    assert_eq!(code, 0);
    assert_eq!(findings.len(), 2);
    assert!(
        findings
            .iter()
            .all(|f| f.file.starts_with("meetings/2021-02-24/"))
    );

    let (code, stderr) = human("two-meetings", &["2020-11-25"]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, "checked 2020-11-25 (5 items): no findings\n")
    );

    // A folder works as well as a date; no argument and --all check both.
    let (_, by_path, _) = check_json(&dir, &["meetings/2021-02-24"]);
    assert_eq!(by_path, findings);
    let (_, stderr) = human("two-meetings", &[]);
    assert!(stderr.ends_with(
        "checked 2020-11-25 (5 items): no findings\nchecked 2021-02-24 (2 items): 2 warnings\n"
    ));
    assert_eq!(human("two-meetings", &["--all"]).1, stderr);

    // From inside the meeting folder, `.` is the meeting and paths are
    // relative to where rk runs.
    let run = rk(
        &fixture("bad-sag").join("meetings/2020-11-25"),
        &["check", ".", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    let findings = common::parse_findings(&run.stdout);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].file, "02-01-nyt-fra-udvalget.md");
}

#[test]
fn an_ambiguous_date_lists_both_folders() {
    let dir = fixture("ambiguous-date");
    let run = rk(&dir, &["check", "2020-11-25"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    // The folders are named from where rk runs, ready to paste.
    assert_eq!(
        run.stderr,
        "error: 2020-11-25 names 2 meetings; give the folder instead:\n  \
         meetings/2020-11-25\n  meetings/2020-11-25-ekstra\n"
    );
    // The full folder name is not ambiguous.
    let (code, stderr) = human("ambiguous-date", &["2020-11-25-ekstra"]);
    assert_eq!(code, 0);
    assert!(
        stderr.starts_with("checked 2020-11-25-ekstra ("),
        "{stderr}"
    );
}

#[test]
fn an_unknown_meeting_is_a_usage_error() {
    let dir = fixture("two-meetings");
    let run = rk(&dir, &["check", "2020-12-16"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no meeting `2020-12-16`: not a meeting under meetings nor a folder with a meeting.yaml \
         (meetings: 2020-11-25, 2021-02-24)\n"
    );
    let run = rk(&dir, &["check", "meetings/2020-11-52"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: no meeting `meetings/2020-11-52`"),
        "{}",
        run.stderr
    );
}

#[test]
fn dash_c_sets_the_start_folder() {
    let root = fixtures_root();
    for args in [
        ["-C", "bad-sag", "check", "--format", "json"],
        ["check", "-C", "bad-sag", "--format", "json"],
    ] {
        let run = rk(&root, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let findings = common::parse_findings(&run.stdout);
        // Paths stay relative to the working directory, not to -C.
        assert_eq!(
            got(&findings),
            want(&[(
                "bad-sag",
                E,
                "bad-sag/meetings/2020-11-25/02-01-nyt-fra-udvalget.md",
                4,
                6,
                "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)",
            )])
        );
    }
    // The project is found upwards from -C, like cargo finds Cargo.toml.
    let run = rk(
        &root,
        &[
            "-C",
            "bad-sag/meetings/2020-11-25",
            "check",
            "2020-11-25",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(common::parse_findings(&run.stdout).len(), 1);
}

// ---- rk.toml ---------------------------------------------------------------

#[test]
fn an_unknown_key_in_rk_toml_is_a_config_error() {
    let run = rk(&fixture("bad-config"), &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let first = run.stderr.lines().next().unwrap_or_default();
    let config = fixture("bad-config")
        .canonicalize()
        .unwrap()
        .join("rk.toml");
    assert!(
        first.starts_with(&format!("error: {}: ", config.display())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unknown field `patern`, expected `pattern` or `url`"),
        "{}",
        run.stderr
    );
    // Every command reads the config.
    assert_eq!(rk(&fixture("bad-config"), &["list"]).code, 2);
}

#[test]
fn the_case_pattern_in_rk_toml_decides_what_bad_sag_accepts() {
    // With rk.toml (KL journal numbers): 2.2's `00.01.00-A00-1-20` passes and
    // 2.1's SAG number fails (see CASES). Without it, the other way round.
    let dir = fixture_copy("bad-sag-pattern", "bad-sag-pattern-default");
    fs::remove_file(dir.join("rk.toml")).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        got(&findings),
        want(&[(
            "bad-sag",
            E,
            DUPLA,
            4,
            6,
            "`00.01.00-A00-1-20` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)",
        )])
    );
    // A pattern that is not a regular expression is a config error.
    fs::write(dir.join("rk.toml"), "[case]\npattern = 'SAG-(\\d{4}'\n").unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("rk.toml"), "{}", run.stderr);
}

// ---- rk list -------------------------------------------------------------

#[test]
fn list_shows_each_meeting_with_its_status() {
    let run = rk(&fixture("two-meetings"), &["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "2020-11-25  It-Arkitekturrådet  5 items  ok\n\
         2021-02-24  It-Arkitekturrådet  2 items  2 warnings\n"
    );
    let run = rk(&fixture("bad-sag"), &["list"]);
    assert_eq!(
        run.stdout,
        "2020-11-25  It-Arkitekturrådet  5 items  1 error\n"
    );
}

#[test]
fn one_item_is_singular() {
    let (_, stderr) = human("ambiguous-date", &["2020-11-25-ekstra"]);
    assert_eq!(stderr, "checked 2020-11-25-ekstra (1 item): no findings\n");
    let run = rk(&fixture("ambiguous-date"), &["list"]);
    assert!(run.stdout.contains("  1 item  "), "{}", run.stdout);
}

// ---- mistakes found in review ------------------------------------------

/// `rk check --format json` on a scratch copy of `clean` with `path`
/// replaced by `content`.
fn check_with(name: &str, path: &str, content: &str) -> (i32, Vec<Got>) {
    let dir = fixture_copy("clean", &format!("review-{name}"));
    fs::write(dir.join("meetings/2020-11-25").join(path), content).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    (code, got(&findings))
}

#[test]
fn empty_required_fields_are_missing_fields_at_their_keys() {
    let (code, found) = check_with(
        "empty-fields",
        "03-eventuelt.md",
        "---\nnumber: \"3\"\ntitle:\nsag:\n---\nTekst.\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        found,
        want(&[
            ("missing-field", E, EVENTUELT, 3, 1, "`title` is empty"),
            ("missing-sag", E, EVENTUELT, 4, 1, "`sag` is empty"),
        ])
    );
}

#[test]
fn a_misspelt_members_key_does_not_make_everyone_unknown() {
    let dir = fixture_copy("clean", "review-memebrs");
    let path = dir.join(MEETING);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("members:", "memebrs:", 1)).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["unknown-field"], "{findings:?}");
    assert_eq!(findings[0].help.as_deref(), Some("did you mean `members`?"));
}

#[test]
fn every_meeting_folder_is_checked_even_when_one_is_broken() {
    let dir = fixture_copy("clean", "review-folders");
    // A folder named by a date but without meeting.yaml, and a meeting
    // whose folder is not named by its date: both are findings, and the
    // other meetings are still checked.
    fs::create_dir_all(dir.join("meetings/2020-12-01")).unwrap();
    copy_tree(
        &dir.join("meetings/2020-11-25"),
        &dir.join("meetings/ekstra-moede"),
    );
    let (code, findings, stderr) = check_json(&dir, &["--all"]);
    assert_eq!(code, 1, "{stderr}");
    let found: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f.rule.clone(), f.file.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "missing-file".to_string(),
                "meetings/2020-12-01/meeting.yaml".to_string()
            ),
            (
                "date-mismatch".to_string(),
                "meetings/ekstra-moede/meeting.yaml".to_string()
            ),
        ]
    );
}

#[test]
fn the_same_meeting_named_twice_is_checked_once() {
    let dir = fixture_copy("bad-sag", "review-twice");
    let (code, findings, _) = check_json(&dir, &["2020-11-25", "meetings/2020-11-25"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:?}");
}

#[test]
fn inside_a_meeting_folder_no_argument_means_that_meeting() {
    let dir = fixture_copy("two-meetings", "review-inside");
    let run = rk(&dir.join("meetings/2021-02-24"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("checked 2021-02-24 (2 items): 2 warnings\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("checked 2020-11-25"), "{}", run.stderr);
    // `..` from a subfolder names the meeting by its real name.
    fs::create_dir_all(dir.join("meetings/2021-02-24/bilag")).unwrap();
    let run = rk(&dir.join("meetings/2021-02-24/bilag"), &["check", ".."]);
    assert!(
        run.stderr
            .ends_with("checked 2021-02-24 (2 items): 2 warnings\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn image_paths_may_be_percent_encoded() {
    let dir = fixture_copy("clean", "review-percent");
    let meeting = dir.join("meetings/2020-11-25");
    fs::create_dir_all(meeting.join("bilag")).unwrap();
    fs::write(meeting.join("bilag/min graf.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    fs::write(
        meeting.join("03-eventuelt.md"),
        "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\n![Graf](bilag/min%20graf.png)\n",
    )
    .unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings), (0, vec![]));
}

#[test]
fn old_mac_line_endings_are_an_encoding_finding() {
    let (code, found) = check_with(
        "cr",
        "03-eventuelt.md",
        "---\rnumber: \"3\"\rtitle: Eventuelt\rsag: none\r---\rTekst.\r",
    );
    assert_eq!(code, 1);
    assert_eq!(
        found,
        want(&[(
            "encoding",
            E,
            EVENTUELT,
            1,
            4,
            "the file ends its lines with CR alone (old Mac line endings)"
        )])
    );
}

#[test]
fn personal_data_in_a_quoted_title_is_marked_exactly() {
    let (code, found) = check_with(
        "title-cpr",
        "03-eventuelt.md",
        "---\nnumber: \"3\"\ntitle: \"Ansøgning fra 010203-1234\"\nsag: none\n---\nTekst.\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        found,
        want(&[(
            "personal-data",
            E,
            EVENTUELT,
            3,
            23,
            "a CPR number in a public item"
        )])
    );
}

#[test]
fn personal_data_in_meeting_yaml_is_found() {
    let dir = fixture_copy("clean", "review-yaml-email");
    let path = dir.join(MEETING);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("organisation: KL", "organisation: KL, zaa@kl.dk", 1),
    )
    .unwrap();
    let (_, findings, _) = check_json(&dir, &[]);
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        rules,
        [("personal-data", "an e-mail address in meeting.yaml")]
    );
}

// ==== issue 8: YAML as a new referent writes it ============================
//
// A comment that cuts a title short, tabs, curly quotes, bullets, unclosed
// quotes, a key in the wrong table of rk.toml, Danish dates and field names:
// each at the place to fix, with a help line.

/// `rk check --format json` on a copy of `clean` with each `(from, to)`
/// replaced once in `path` (relative to the meeting folder).
fn check_edited(name: &str, path: &str, edits: &[(&str, &str)]) -> (i32, Vec<Finding>) {
    let dir = fixture_copy("clean", &format!("issue8-{name}"));
    let file = dir.join("meetings/2020-11-25").join(path);
    let mut text = fs::read_to_string(&file).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{path} has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    fs::write(&file, text).unwrap();
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
    let edit = |path: &str, from: &str, to: &str| {
        let text = fs::read_to_string(meeting.join(path)).unwrap();
        assert!(text.contains(from), "{path} has no {from:?}");
        fs::write(meeting.join(path), text.replacen(from, to, 1)).unwrap();
    };
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
    let (code, findings, stderr) = check_json(&common::project_root(), &["2020-11-25"]);
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
fn human_an_unclosed_quote() {
    let dir = fixture_copy("clean", "issue8-human-unclosed");
    let path = dir.join(EVENTUELT);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("title: Eventuelt", "title: \"Eventuelt", 1),
    )
    .unwrap();
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

#[test]
fn a_top_level_key_after_case_in_rk_toml_says_where_it_landed() {
    let dir = fixture_copy("clean", "issue8-toml-after-case");
    fs::write(
        dir.join("rk.toml"),
        "meetings = \"meetings\"\n[case]\npattern = 'SAG-\\d{4}-\\d{5}'\nout = \"udgivet\"\n",
    )
    .unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let config = dir.canonicalize().unwrap().join("rk.toml");
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: `out` on line 4 landed inside `[case]`: every key after a `[case]` line \
             belongs to that table, which has no `out`. Top-level keys go before the first \
             table: move `out` above `[case]`\n",
            config.display()
        )
    );
    // A key that is nowhere known keeps the parser's message.
    fs::write(dir.join("rk.toml"), "[case]\nlayot = \"kl\"\n").unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `layot`"),
        "{}",
        run.stderr
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
