//! Markdown that changes the text is a finding (`markdown-slip`): the four
//! slips a referent met, each reported at its line and column in the human
//! and the JSON format, and what the outputs show of an indented line
//! (plain text: no code block in the HTML, no monospace font in the PDF).
//! The CommonMark spec's examples are run in the library
//! (tests/it/commonmark.rs); the rule's fixture is in rules.rs.
//!
//! What its tests show, one by one: the slips of Markdown that change the text
//! (`markdown-slip`): a wrapped `1. september`, a link with spaces, a line
//! indented from Word, two vote lines joined, each at its line in the human and
//! the JSON format; an indented line is plain text in the HTML and the PDF,
//! fenced code is code.

use crate::common;

use std::fs;
use std::path::Path;

use common::{
    EVENTUELT, Expected, W, assert_pdf_ua_and_pdf_a, build_ok, check_json, clean_with, got,
    have_tool, pdf_text, rk, run_tool, want,
};

/// Item 3 as the referent wrote it: a date wrapped to the start of a line,
/// a link to a file whose name has spaces, a line pasted from Word with
/// its tab, and one line per vote.
const ITEM: &str = "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\n\
    Støjhandleplanen træder i kraft den\n\
    1. september 2026 og gælder for hele kommunen.\n\
    \n\
    Se [bilag 1](bilag/Bilag 1 - Notat om støj.pdf).\n\
    \n\
    \tBorgerne kan se planen på kommunens hjemmeside.\n\
    \n\
    For stemte: A, B, F og Ø (4)\n\
    Imod stemte: V, O og C (3)\n";

#[rustfmt::skip]
const FOUND: &[Expected] = &[
    ("markdown-slip", W, EVENTUELT, 7, 1,
        "`1.` at the start of this line makes it a numbered list, not the rest of the paragraph above"),
    ("markdown-slip", W, EVENTUELT, 9, 14,
        "`[bilag 1](bilag/Bilag 1 - Notat om støj.pdf)` is not a link but text: its target has a space"),
    ("markdown-slip", W, EVENTUELT, 11, 1,
        "this line is indented by a tab: Markdown would make it a code block"),
    ("markdown-slip", W, EVENTUELT, 14, 1,
        "this line is joined to the line above: a single line break inside a paragraph is a space"),
];

#[test]
fn the_four_slips_are_found_at_their_lines_in_json() {
    let dir = clean_with("json", "03-eventuelt.md", ITEM);
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 0, "warnings only: {stderr}");
    assert_eq!(got(&findings), want(FOUND));
    let helps: Vec<&str> = findings
        .iter()
        .map(|f| f.help.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        helps,
        [
            "if the line goes on from the line above, write `1\\.` or move `1.` to the line above; \
             if a list is meant, put a blank line before it",
            "write the target in angle brackets: `[bilag 1](<bilag/Bilag 1 - Notat om støj.pdf>)`, \
             or each space as `%20`",
            "remove the indentation; rk shows the line as plain text, without its Markdown; \
             code is written between two ``` lines",
            "to keep the lines apart, end the line above with `\\` (a line break), \
             put a blank line between them, or write them as a list (`- `)",
        ]
    );
    // --deny-warnings fails the run on them.
    let (code, _, _) = check_json(&dir, &["--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn the_four_slips_are_found_at_their_lines_in_human_form() {
    let dir = clean_with("human", "03-eventuelt.md", ITEM);
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (_, _, file, line, column, message) in FOUND {
        let place = format!("{file}:{line}:{column}");
        let at = run
            .stderr
            .find(&format!("warning[markdown-slip]: {message}\n"))
            .unwrap_or_else(|| panic!("no finding {message:?} in\n{}", run.stderr));
        let next_line = run.stderr[at..].lines().nth(1).unwrap();
        assert!(next_line.ends_with(&place), "{place} in {next_line:?}");
    }
    // The source line under each, with the marker under the slip.
    assert!(
        run.stderr.contains(
            "\n9 │ Se [bilag 1](bilag/Bilag 1 - Notat om støj.pdf).\n  │              ^^^^^^^^^"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("checked 2020-11-25 (5 items): 4 warnings")
    );
}

/// The outputs of item 3 holding `body`: the HTML, the PDF's text and the
/// PDF's fonts.
fn built(name: &str, body: &str) -> Option<(String, String, String)> {
    if !have_tool("pdftotext", "-v") {
        return None;
    }
    let item = format!("---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\n{body}");
    let dir = clean_with(name, "03-eventuelt.md", &item);
    build_ok(&dir, &[]);
    let out = dir.join("out/2020-11-25");
    let pdf = out.join("referat.pdf");
    assert_pdf_ua_and_pdf_a(&pdf);
    let fonts = run_tool("pdffonts", &[&pdf.to_string_lossy()]);
    let html = fs::read_to_string(out.join("referat.html")).unwrap();
    Some((html, pdf_text(Path::new(&pdf)), fonts))
}

#[test]
fn an_indented_line_is_shown_as_plain_text_and_fenced_code_as_code() {
    let line = "Borgerne kan se planen på kommunens hjemmeside.";
    let Some((html, text, fonts)) = built(
        "indented",
        &format!("Før.\n\n\t{line}\n    Høringen slutter 1. oktober.\n"),
    ) else {
        return;
    };
    assert!(!html.contains("<pre"), "{html}");
    assert!(
        html.contains(&format!(
            "<p>{line}<br />\nHøringen slutter 1. oktober.</p>"
        )),
        "{html}"
    );
    assert!(text.contains(line), "{text}");
    assert!(!fonts.contains("Mono"), "{fonts}");
    // The same line fenced is code: a <pre> and the monospace font.
    let Some((html, text, fonts)) = built("fenced", &format!("Før.\n\n```\n{line}\n```\n")) else {
        return;
    };
    assert!(
        html.contains(&format!("<pre><code>{line}\n</code></pre>")),
        "{html}"
    );
    assert!(text.contains(line), "{text}");
    assert!(fonts.contains("Mono"), "{fonts}");
}

/// A closed item's public decision is Markdown too: its slips are found
/// where they are written in the front matter.
#[test]
fn a_public_decision_is_checked_where_it_is_written() {
    let item = "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\nclosed: true\n\
                public_decision: |\n  Udvalget godkendte salget.\n  For stemte: A, B, F og Ø (4)\n  \
                Imod stemte: V, O og C (3)\n---\nKøberen har budt 4,2 mio. kr.\n";
    let dir = clean_with("public-decision", "03-eventuelt.md", item);
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        got(&findings),
        want(&[(
            "markdown-slip",
            W,
            EVENTUELT,
            9,
            3,
            "this line is joined to the line above: a single line break inside a paragraph is a space"
        )])
    );
}
