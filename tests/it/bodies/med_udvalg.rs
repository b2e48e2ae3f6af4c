//! Issue 10, draft or approved: a Hoved-MED-udvalg's minutes
//! (`tests/fixtures/bodies/med-udvalg`), its March referat approved at the
//! April meeting and the April referat a draft. Checked (`status` and
//! `approved` as a referent gets them wrong), built, and read back from
//! the PDF's text page by page, the parsed HTML and the parsed JSON; and
//! `rk build --publish` (or rk.toml's `publish = true`) refusing the draft.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    E, Expected, check_json, example_copy, got, have_tool, project_copy, replace_in, rk, run_tool,
    tree, want,
};
use scraper::{Html, Selector};

const FIXTURE: &str = "tests/fixtures/bodies/med-udvalg";
const MARCH: &str = "meetings/2021-03-18/meeting.yaml";
const APRIL: &str = "meetings/2021-04-15/meeting.yaml";

/// A scratch copy of the MED-udvalg's project.
fn med_udvalg(name: &str) -> PathBuf {
    project_copy(FIXTURE, &format!("bodies-d-{name}"))
}

/// `rk check --format json` in `dir`: the findings as (rule, severity,
/// file, line, column, message), after asserting the exit status.
fn findings(dir: &Path, code: i32) -> Vec<common::Got> {
    let (status, found, stderr) = check_json(dir, &[]);
    assert_eq!(status, code, "{found:#?}\n{stderr}");
    got(&found)
}

/// `rk build MEETING`, which must succeed: the meeting's output folder.
fn build(dir: &Path, meeting: &str) -> PathBuf {
    let run = rk(dir, &["build", meeting]);
    assert_eq!(run.code, 0, "rk build {meeting} failed:\n{}", run.stderr);
    dir.join("out").join(meeting)
}

fn page(out: &Path) -> Html {
    Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap())
}

/// The text of each element `css` selects, white space squeezed.
fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap())
        .expect("referat.json parses")
}

/// The text of each page of a PDF, as pdftotext extracts it page by page.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let pages = lopdf::Document::load(pdf)
        .expect("the PDF parses")
        .get_pages()
        .len();
    assert!(pages > 0, "no pages in {}", pdf.display());
    let path = pdf.to_string_lossy();
    (1..=pages)
        .map(|n| {
            let n = n.to_string();
            run_tool(
                "pdftotext",
                &["-enc", "UTF-8", "-f", &n, "-l", &n, &path, "-"],
            )
        })
        .collect()
}

/// The PDF is tagged PDF/UA-1 and PDF/A-2b; returns its Title.
fn assert_pdf_ua_and_pdf_a(pdf: &Path) -> String {
    let info = common::assert_pdf_ua_and_pdf_a(pdf).info;
    let title = info
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .unwrap_or_default();
    title.trim().to_string()
}

// ---- rk check ---------------------------------------------------------------

#[test]
fn the_med_udvalg_meetings_are_clean() {
    let dir = med_udvalg("clean");
    assert_eq!(findings(&dir, 0), []);
}

#[test]
fn a_status_outside_udkast_and_godkendt_is_a_bad_value_with_did_you_mean() {
    let cases: [(&str, &str, &str); 3] = [
        // English, the word a referent may reach for first.
        ("draft", "draft", "udkast"),
        ("approved", "approved", "godkendt"),
        // A typo.
        ("godkent", "godkent", "godkendt"),
    ];
    for (written, shown, meant) in cases {
        let dir = med_udvalg(&format!("status-{written}"));
        replace_in(
            &dir.join(APRIL),
            "status: udkast",
            &format!("status: {written}"),
        );
        let message = format!("`{shown}` is not a value of `status` (one of `udkast`, `godkendt`)");
        let (code, found, _) = check_json(&dir, &[]);
        assert_eq!(code, 1);
        assert_eq!(
            got(&found),
            vec![("bad-value".to_string(), E, APRIL.to_string(), 7, 9, message)]
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(format!("did you mean `status: {meant}`?").as_str())
        );
    }
}

#[test]
fn rk_list_names_the_draft() {
    let dir = med_udvalg("list");
    let run = rk(&dir, &["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2021-03-18  Hoved-MED-udvalget  3 items  ok\n\
         2021-04-15  Hoved-MED-udvalget  4 items  ok, udkast\n"
    );
}

#[test]
fn godkendt_needs_the_date_of_the_approval() {
    let dir = med_udvalg("no-approved");
    replace_in(&dir.join(MARCH), "approved: 2021-04-15\n", "");
    let expected: [Expected; 1] = [(
        "missing-field",
        E,
        MARCH,
        7,
        9,
        "an approved referat (`status: godkendt`) has no `approved` date",
    )];
    assert_eq!(findings(&dir, 1), want(&expected));
}

#[test]
fn an_approval_before_the_meeting_or_not_a_date_is_a_date_mismatch() {
    let dir = med_udvalg("approved-early");
    replace_in(
        &dir.join(MARCH),
        "approved: 2021-04-15",
        "approved: 2021-03-17",
    );
    let expected: [Expected; 1] = [(
        "date-mismatch",
        E,
        MARCH,
        8,
        11,
        "the referat is approved on 2021-03-17, before its meeting on 2021-03-18",
    )];
    assert_eq!(findings(&dir, 1), want(&expected));

    // Approved on the day of the meeting is fine.
    replace_in(
        &dir.join(MARCH),
        "approved: 2021-03-17",
        "approved: 2021-03-18",
    );
    assert_eq!(findings(&dir, 0), []);

    replace_in(
        &dir.join(MARCH),
        "approved: 2021-03-18",
        "approved: 15.04.2021",
    );
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let expected: [Expected; 1] = [(
        "date-mismatch",
        E,
        MARCH,
        8,
        11,
        "the approval date `15.04.2021` is not a real date",
    )];
    assert_eq!(got(&found), want(&expected));
    assert_eq!(
        found[0].help.as_deref(),
        Some("write `approved: 2021-04-15`: dates are written YYYY-MM-DD")
    );
}

#[test]
fn approved_goes_only_with_status_godkendt() {
    // A draft with an approval date.
    let dir = med_udvalg("approved-draft");
    replace_in(
        &dir.join(APRIL),
        "status: udkast\n",
        "status: udkast\napproved: 2021-05-20\n",
    );
    let expected: [Expected; 1] = [(
        "bad-value",
        E,
        APRIL,
        8,
        1,
        "a draft (`status: udkast`) has no approval date",
    )];
    assert_eq!(findings(&dir, 1), want(&expected));

    // An approval date and no status at all, or an empty one.
    for (name, status) in [("no-status", ""), ("empty-status", "status:\n")] {
        let dir = med_udvalg(&format!("approved-{name}"));
        replace_in(&dir.join(MARCH), "status: godkendt\n", status);
        let line = if status.is_empty() { 7 } else { 8 };
        let expected = vec![(
            "missing-field".to_string(),
            E,
            MARCH.to_string(),
            line,
            1,
            "`approved` is given, but no `status`".to_string(),
        )];
        assert_eq!(findings(&dir, 1), expected, "{name}");
    }
}

// ---- the outputs ------------------------------------------------------------

#[test]
fn a_draft_says_udkast_on_every_page_of_the_pdf_and_at_the_top_of_the_html() {
    let dir = med_udvalg("draft-build");
    let out = build(&dir, "2021-04-15");

    if have_tool("pdftotext", "-v") {
        let pdf = out.join("referat.pdf");
        let pages = pdf_pages(&pdf);
        assert!(pages.len() >= 4, "{} pages", pages.len());
        for (n, text) in pages.iter().enumerate() {
            assert!(
                text.contains("UDKAST"),
                "page {} says no UDKAST:\n{text}",
                n + 1
            );
        }
        // The cover says it besides its header: above REFERAT 2021.
        let cover = &pages[0];
        assert_eq!(cover.matches("UDKAST").count(), 2, "{cover}");
        let mark = cover.rfind("UDKAST").unwrap();
        assert!(mark < cover.find("REFERAT 2021").unwrap(), "{cover}");
        assert!(!cover.contains("Godkendt"), "{cover}");
        let title = assert_pdf_ua_and_pdf_a(&pdf);
        assert_eq!(
            title,
            "UDKAST - Referat - Hoved-MED-udvalget - 15. april 2021"
        );
    }

    let html = page(&out);
    assert_eq!(
        texts(&html, "title"),
        ["UDKAST - Referat - Hoved-MED-udvalget - 15. april 2021"]
    );
    // The first thing in the body, before the cover: visible, not hidden.
    assert_eq!(texts(&html, "body > p.draft:first-child"), ["UDKAST"]);
    assert!(texts(&html, "[hidden] .draft, .draft[hidden]").is_empty());
    assert!(texts(&html, ".approved").is_empty());

    let data = json(&out);
    assert_eq!(data["schema_version"], 3);
    assert_eq!(data["status"], "udkast");
    let object = data.as_object().unwrap();
    assert!(!object.contains_key("approved"), "{data:#}");
    assert!(!object.contains_key("approved_long"), "{data:#}");
    // The title stays the meeting's: the draft mark is the outputs'.
    assert_eq!(
        data["title"],
        "Referat - Hoved-MED-udvalget - 15. april 2021"
    );
}

#[test]
fn the_internal_edition_of_a_draft_carries_both_marks() {
    let dir = med_udvalg("draft-internal");
    let run = rk(&dir, &["build", "--internal", "2021-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out-internt/2021-04-15");
    let marks = "Internt - ikke til offentliggørelse · UDKAST";
    if have_tool("pdftotext", "-v") {
        let pdf = out.join("referat-internt.pdf");
        for (n, text) in pdf_pages(&pdf).iter().enumerate() {
            assert!(text.contains(marks), "page {}:\n{text}", n + 1);
        }
        assert_pdf_ua_and_pdf_a(&pdf);
    }
    let html = Html::parse_document(&fs::read_to_string(out.join("referat-internt.html")).unwrap());
    assert_eq!(texts(&html, "body > p.internal.draft:first-child"), [marks]);
}

#[test]
fn an_approved_referat_shows_the_date_of_its_approval() {
    let dir = med_udvalg("approved-build");
    let out = build(&dir, "2021-03-18");

    if have_tool("pdftotext", "-v") {
        let pdf = out.join("referat.pdf");
        let pages = pdf_pages(&pdf);
        let cover = &pages[0];
        assert!(
            cover.contains("Torsdag den 18. marts 2021\nGodkendt torsdag den 15. april 2021"),
            "{cover}"
        );
        assert!(pages.iter().all(|p| !p.contains("UDKAST")));
        let title = assert_pdf_ua_and_pdf_a(&pdf);
        assert_eq!(title, "Referat - Hoved-MED-udvalget - 18. marts 2021");
    }

    let html = page(&out);
    assert_eq!(
        texts(&html, "title"),
        ["Referat - Hoved-MED-udvalget - 18. marts 2021"]
    );
    assert_eq!(
        texts(&html, "header.cover p.approved"),
        ["Godkendt torsdag den 15. april 2021"]
    );
    assert_eq!(
        texts(&html, "p.approved time[datetime=\"2021-04-15\"]"),
        ["torsdag den 15. april 2021"]
    );
    assert!(texts(&html, ".draft").is_empty());

    let data = json(&out);
    assert_eq!(data["schema_version"], 3);
    assert_eq!(data["status"], "godkendt");
    assert_eq!(data["approved"], "2021-04-15");
    assert_eq!(data["approved_long"], "torsdag den 15. april 2021");
}

#[test]
fn the_example_has_no_status_and_its_outputs_say_nothing_of_one() {
    let dir = example_copy("bodies-d-example");
    // No status is a referat as before: --publish builds it.
    let run = rk(&dir, &["build", "2020-11-25", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out/2020-11-25");
    let data = json(&out);
    assert_eq!(data["schema_version"], 3);
    let object = data.as_object().unwrap();
    for key in ["status", "approved", "approved_long"] {
        assert!(!object.contains_key(key), "`{key}` in the example's JSON");
    }
    let html = page(&out);
    assert!(texts(&html, ".draft, .approved, .internal").is_empty());
    assert!(
        !fs::read_to_string(out.join("referat.html"))
            .unwrap()
            .contains("UDKAST")
    );
}

// ---- rk build --publish -----------------------------------------------------

/// An earlier build's outputs, which a refused build must leave as they are.
fn earlier_outputs(dir: &Path) {
    let out = dir.join("out/2021-04-15");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("referat.pdf"), b"an earlier build's PDF").unwrap();
    fs::write(out.join("referat.json"), b"{\"schema_version\": 1}\n").unwrap();
}

#[test]
fn publish_refuses_a_draft_and_writes_nothing() {
    let dir = med_udvalg("publish");
    earlier_outputs(&dir);
    let before = tree(&dir.join("out"));

    // Every meeting: the draft stops the run before anything is written,
    // the approved March meeting included.
    let run = rk(&dir, &["build", "--publish"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        "error: not built: 2021-04-15 is a draft (`status: udkast`), and --publish builds \
         only approved referater; nothing was written. When the referat is approved, write \
         `status: godkendt` and `approved: <the date of the approval>` in \
         meetings/2021-04-15/meeting.yaml"
    );
    assert_eq!(tree(&dir.join("out")), before, "a refused build wrote");

    let run = rk(&dir, &["build", "--publish", "2021-04-15"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(tree(&dir.join("out")), before, "a refused build wrote");

    // The approved meeting is published.
    let run = rk(&dir, &["build", "--publish", "2021-03-18"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json(&dir.join("out/2021-03-18"))["status"], "godkendt");

    // Once approved, the April referat is published too.
    replace_in(
        &dir.join(APRIL),
        "status: udkast\n",
        "status: godkendt\napproved: 2021-06-10\n",
    );
    let out = build(&dir, "2021-04-15");
    let run = rk(&dir, &["build", "--publish", "2021-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json(&out)["approved"], "2021-06-10");
}

#[test]
fn rk_toml_publish_makes_every_build_a_publishing_build() {
    let dir = med_udvalg("publish-config");
    let config = dir.join("rk.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("publish = true\n{text}")).unwrap();
    earlier_outputs(&dir);
    let before = tree(&dir.join("out"));

    let run = rk(&dir, &["build", "2021-04-15"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2021-04-15 is a draft (`status: udkast`), and rk.toml's `publish = true`"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir.join("out")), before, "a refused build wrote");

    // --no-publish builds the draft for review all the same.
    let run = rk(&dir, &["build", "--no-publish", "2021-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json(&dir.join("out/2021-04-15"))["status"], "udkast");

    let run = rk(&dir, &["build", "--publish", "--no-publish"]);
    assert_eq!(
        run.code, 2,
        "--publish and --no-publish together: {}",
        run.stderr
    );
}

// ---- the HTML in a browser --------------------------------------------------

/// The Nu Html Checker and axe-core in Chromium (tests/browser/check.mjs,
/// as tests/browser.rs runs it) find nothing in the draft's and the
/// approved referat's HTML: the marks are valid, readable, high-contrast
/// HTML. Skipped without the tools, as there.
#[test]
fn the_draft_and_the_approved_html_are_valid_and_accessible() {
    if !common::browser::browser_tools() {
        return;
    }
    let dir = med_udvalg("browser");
    for meeting in ["2021-04-15", "2021-03-18"] {
        let html = build(&dir, meeting).join("referat.html");
        common::browser::assert_valid_and_accessible(&format!("med-udvalg-{meeting}"), &html);
    }
}
