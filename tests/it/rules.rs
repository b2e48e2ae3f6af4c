//! `rk check` against the fixture projects in `tests/fixtures/rules/`: every
//! rule of SPEC.md section 2 on a clean meeting with one mistake, the
//! meta-test that every rule has a fixture giving only that rule, and the
//! tests of single rules that edit a copy of the clean meeting.
//!
//! Fixture names: `<rule>` is the canonical fixture of a rule (its only
//! findings are of that rule), `<rule>-<case>` covers one more case of it, and
//! the few others (`clean`, `bom`, `crlf`, ...) are listed in [`EXTRAS`].
//! The output formats are tested in `formats.rs`, the command line in
//! `cli.rs`, and the slips a new referent makes in YAML in `slips.rs`.
//!
//! What its tests show, one by one: a fixture per rule under
//! `tests/fixtures/rules/` (the clean meeting with one mistake, held as the
//! files that differ); the JSON output is parsed back and the whole list of
//! findings compared (rule, file, line, column, message); every rule has a
//! fixture that gives that rule only; single rules on an edited copy of the
//! clean meeting (undecodable files, CR line endings, empty fields,
//! percent-encoded image paths, personal data in titles and meeting.yaml).

use crate::common;

use std::collections::BTreeSet;
use std::fs;

use common::{
    DROEFTELSESSAGER, DUPLA, E, EVENTUELT, Expected, Got, MEETING, NYT, SIDEN_SIDST, W, check_json,
    clean_with, fixture, fixture_copy, fixture_names, got, overlays_root, replace_in, want,
};

/// The rules of SPEC.md section 2, by their user-facing names.
const RULES: [&str; 34] = [
    "encoding",
    "yaml",
    "yaml-comment",
    "bad-value",
    "missing-field",
    "unknown-field",
    "date-mismatch",
    "no-attendees",
    "unknown-person",
    "unknown-item",
    "absent-and-present",
    "duplicate-person",
    "bad-substitute",
    "unknown-group",
    "bad-vote",
    "bad-dissent",
    "inhabil",
    "bad-approver",
    "missing-sag",
    "bad-sag",
    "bad-document",
    "numbering",
    "heading-level",
    "missing-file",
    "image-alt",
    "inaccessible-pdf",
    "unsafe-link",
    "personal-data",
    "closed-decision",
    "raw-html",
    "markdown-slip",
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
    // `title: Eventuelt: løst og fast`: in plain words (the parser's,
    // "mapping values are not allowed in this context", are its note).
    Case { fixture: "yaml", exit: 1, findings: &[
        ("yaml", E, EVENTUELT, 3, 17, "a value with a colon needs quotes"),
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
    Case { fixture: "bad-value-outcome", exit: 1, findings: &[
        ("bad-value", E, DUPLA, 7, 10,
            "`drøftet` is not a value of `outcome` (one of `godkendt`, `ikke godkendt`, `anbefalet`, \
             `ikke anbefalet`, `taget til efterretning`, `forkastet`)"),
    ]},
    Case { fixture: "date-mismatch-added", exit: 1, findings: &[
        ("date-mismatch", E, DUPLA, 7, 16,
            "the item is added to the agenda on 2020-11-26, after its meeting on 2020-11-25"),
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
    // Christian Harsløf attended item 2.1 only, and presents 2.2.
    Case { fixture: "unknown-person-not-attending", exit: 1, findings: &[
        ("unknown-person", E, DUPLA, 6, 14, "the presenter Christian Harsløf attended only item 2.1, not item 2.2"),
    ]},
    // `items: ["2.2", 4]`: the meeting has no item 4.
    Case { fixture: "unknown-item", exit: 1, findings: &[
        ("unknown-item", E, MEETING, 16, 20, "Caroline Hegelund attended item 4, which this meeting does not have"),
    ]},
    Case { fixture: "bad-value-items", exit: 1, findings: &[
        ("bad-value", E, MEETING, 16, 13, "`punkt 3` in `items` is not an item number"),
    ]},
    Case { fixture: "absent-and-present", exit: 1, findings: &[
        ("absent-and-present", E, MEETING, 25, 13, "Mette Harbo is listed under `absent` and under `guests`"),
    ]},
    // `items` under `absent`: an absent person attended no item.
    Case { fixture: "absent-and-present-items", exit: 1, findings: &[
        ("absent-and-present", E, MEETING, 24, 68, "Mette Harbo is listed under `absent` with items attended"),
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
    // ---- the beslutningsprotokol: parties, votes, dissents, inhabilitet ------
    // rk.toml: `[groups]` A and V; Ghita Thiesen's `party: a`.
    Case { fixture: "unknown-group", exit: 1, findings: &[
        ("unknown-group", E, MEETING, 10, 12, "`a` is not the letter of a group"),
    ]},
    Case { fixture: "bad-vote", exit: 1, findings: &[
        ("bad-vote", E, DUPLA, 9, 11, "Bo Fristd is named in a vote on item 2.2, but is no member present"),
    ]},
    Case { fixture: "bad-dissent", exit: 1, findings: &[
        ("bad-dissent", E, DUPLA, 8, 9,
            "Mette Harbo is named as author of a protokoltilførsel on item 2.2, but is listed as absent"),
    ]},
    Case { fixture: "inhabil", exit: 1, findings: &[
        ("inhabil", E, DUPLA, 10, 11, "Bo Fristed is named in a vote on item 2.2, but was inhabil for it"),
    ]},
    // Mette Harbo sent apologies: she cannot sign the protocol.
    Case { fixture: "bad-approver", exit: 1, findings: &[
        ("bad-approver", E, MEETING, 29, 13,
            "Mette Harbo approved the referat, but is listed as absent: only the members present sign it"),
    ]},
    // ---- the agenda: sag and numbering --------------------------------------
    Case { fixture: "missing-sag", exit: 1, findings: &[
        ("missing-sag", E, DUPLA, 6, 1, "this item has no `sag`"),
    ]},
    Case { fixture: "bad-sag", exit: 1, findings: &[
        ("bad-sag", E, NYT, 4, 6, "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)"),
    ]},
    // rk.toml: `[document] pattern = '\d{7}'`; `dok: 441-0277`.
    // A closed item without a public decision where rk.toml requires one.
    Case { fixture: "closed-decision", exit: 1, findings: &[
        ("closed-decision", E, EVENTUELT, 6, 1, "this closed item has no public decision"),
    ]},
    // A public decision on an open item: a warning.
    Case { fixture: "closed-decision-open", exit: 0, findings: &[
        ("closed-decision", W, EVENTUELT, 5, 18, "`public_decision` on an item that is not closed"),
    ]},
    Case { fixture: "bad-document", exit: 1, findings: &[
        ("bad-document", E, DUPLA, 5, 6, "`441-0277` is not a document number (pattern `\\d{7}`)"),
    ]},
    Case { fixture: "bad-sag-year", exit: 1, findings: &[
        ("bad-sag", E, DUPLA, 4, 6, "case SAG-2021-00012 is from 2021, after the meeting's year 2020"),
    ]},
    // rk.toml makes KL journal numbers the pattern: 2.2's passes, 2.1's SAG number fails.
    Case { fixture: "bad-sag-pattern", exit: 1, findings: &[
        ("bad-sag", E, NYT, 4, 6,
            "`SAG-2019-04651` is not a case reference (pattern `\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}`)"),
    ]},
    // 02-02-dupla.md is numbered 2.1 too: the finding names both files,
    // and the number its name says.
    Case { fixture: "numbering", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9,
            "item number 2.1 is used twice: also in meetings/2020-11-25/02-01-nyt-fra-udvalget.md:2; \
             this file's name says 2.2, and item 2.2 is missing"),
    ]},
    Case { fixture: "numbering-gap", exit: 1, findings: &[
        ("numbering", E, DUPLA, 2, 9,
            "item 2.3 follows 2.1: item 2.2 is missing, and this file's name says 2.2"),
    ]},
    Case { fixture: "numbering-letter", exit: 1, findings: &[
        ("numbering", E, "meetings/2020-11-25/03b-aftale.md", 2, 9, "item 3b follows 3: item 3a is missing"),
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
        ("numbering", E, DUPLA, 2, 9,
            "item 2.10 follows 2.1: item 2.2 is missing, and this file's name says 2.2"),
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
    Case { fixture: "missing-file-closed-attachment", exit: 1, findings: &[
        ("missing-file", E, DUPLA, 20, 17,
            "link `bilag/dupla-tilbud.pdf` is a closed attachment of item 2.2, which is not published"),
    ]},
    Case { fixture: "missing-file-link", exit: 1, findings: &[
        ("missing-file", E, DUPLA, 16, 56, "link `bilag/dupla.pdf` does not exist in the meeting folder"),
    ]},
    Case { fixture: "image-alt", exit: 1, findings: &[
        ("image-alt", E, EVENTUELT, 8, 1, "an image without alt text"),
    ]},
    // A public item's PDF bilag: untagged, without a language, damaged.
    // (A closed attachment is not checked: missing-file-closed-attachment.)
    Case { fixture: "inaccessible-pdf", exit: 0, findings: &[
        ("inaccessible-pdf", W, DUPLA, 8, 13,
            "bilag `bilag/dupla-arkitektur.pdf` is an untagged PDF and names no language: a \
             screen reader cannot read it as it should (no /StructTreeRoot, no /MarkInfo with \
             /Marked true, no /Lang)"),
    ]},
    Case { fixture: "inaccessible-pdf-language", exit: 0, findings: &[
        ("inaccessible-pdf", W, DUPLA, 8, 13,
            "bilag `bilag/dupla-arkitektur.pdf` names no language: a screen reader cannot read \
             it as it should (no /Lang)"),
    ]},
    Case { fixture: "inaccessible-pdf-damaged", exit: 0, findings: &[
        ("inaccessible-pdf", W, DUPLA, 8, 13,
            "bilag `bilag/dupla-arkitektur.pdf` is a damaged PDF: whether it is accessible \
             cannot be checked"),
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
    // The four slips of Markdown that change the text: a tab-indented line,
    // a link with spaces, two vote lines joined, a wrapped `1. september`
    // and a wrapped `- og`. Warnings: the run passes.
    Case { fixture: "markdown-slip", exit: 0, findings: &[
        ("markdown-slip", W, DUPLA, 18, 1, "this line is indented by a tab: Markdown would make it a code block"),
        ("markdown-slip", W, DUPLA, 20, 14,
            "`[bilag 1](bilag/Bilag 1 - Notat om DUPLA.pdf)` is not a link but text: its target has a space"),
        ("markdown-slip", W, DUPLA, 23, 1,
            "this line is joined to the line above: a single line break inside a paragraph is a space"),
        ("markdown-slip", W, DUPLA, 26, 1,
            "`1.` at the start of this line makes it a numbered list, not the rest of the paragraph above"),
        ("markdown-slip", W, DUPLA, 29, 1,
            "`-` at the start of this line makes it a bulleted list, not the rest of the paragraph above"),
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
    // An emoji twice (a finding at each) and a Malayalam word in a body.
    Case { fixture: "missing-glyph", exit: 1, findings: &[
        ("missing-glyph", E, EVENTUELT, 6, 102, THUMBS_UP),
        ("missing-glyph", E, EVENTUELT, 6, 107, THUMBS_UP),
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
        ("yaml", E, MEETING, 22, 3, "a list entry `- ` where YAML does not expect one"),
    ]},
    // A YAML error in the group item 2 hides its number: 2.1 and 2.2 must
    // not be reported as having no parent, nor 3 as following 1.
    Case { fixture: "yaml-group", exit: 1, findings: &[
        ("yaml", E, DROEFTELSESSAGER, 3, 23, "a value with a colon needs quotes"),
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
            Some(rule) => {
                for finding in case.findings {
                    assert_eq!(
                        finding.0, rule,
                        "{}: a finding of another rule",
                        case.fixture
                    );
                }
            }
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
    let read = |path: &str| fs::read(overlays_root().join(path)).unwrap();
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

/// A fixture holds only what it changes over the clean meeting (its other
/// files come from `clean/` when the test makes the project): a copy of a
/// clean file would hide which file the mistake is in.
#[test]
fn fixtures_hold_only_their_changes() {
    let clean = overlays_root().join("clean");
    for name in fixture_names().iter().filter(|n| *n != "clean") {
        let overlay = overlays_root().join(name);
        for (path, bytes) in common::tree(&overlay) {
            let base = fs::read(clean.join(&path)).ok();
            assert!(
                base.as_ref() != Some(&bytes),
                "tests/fixtures/rules/{name}/{} is the clean meeting's: remove it",
                path.display()
            );
        }
    }
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

// ---- single rules on an edited copy of the clean meeting -------------------

/// `rk check --format json` on a scratch copy of `clean` with `path`
/// replaced by `content`.
fn check_with(name: &str, path: &str, content: &str) -> (i32, Vec<Got>) {
    let dir = clean_with(&format!("review-{name}"), path, content);
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
fn image_paths_may_be_percent_encoded() {
    let dir = fixture_copy("clean", "review-percent");
    let meeting = dir.join("meetings/2020-11-25");
    fs::create_dir_all(meeting.join("bilag")).unwrap();
    fs::copy(
        common::project_root()
            .join("tests/fixtures/build/constructs/meetings/2020-11-25/bilag/graf.png"),
        meeting.join("bilag/min graf.png"),
    )
    .unwrap();
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
    replace_in(
        &dir.join(MEETING),
        "organisation: KL",
        "organisation: KL, zaa@kl.dk",
    );
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
