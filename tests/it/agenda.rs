//! `rk build --agenda`: the dagsorden made from the same sources as the
//! referat, read back as a reader would (the PDF's text, the parsed HTML,
//! the parsed JSON), and the checks that do and do not apply to it.
//!
//! What its tests show, one by one: `rk build --agenda` on the example: the
//! PDF's text holds every item's number and title, every case line, the cover
//! word *DAGSORDEN 2020* and every line of the parts prepared before the
//! meeting (Indstilling, the text before the first part), and no line of a
//! Drøftelse; the parsed HTML likewise, item by item, with no *Drøftelse*,
//! *Beslutning* or *Referat* part and no referent line; the JSON says
//! `"document": "dagsorden"` and no item body has a meeting part; the PDF is
//! tagged PDF/UA-1 and PDF/A-2b with the title *Dagsorden - ...*; the referat's
//! outputs beside it stay byte for byte, and the files its Drøftelse links to
//! stay; a meeting with no referent, an unknown presenter and `status:
//! godkendt` without a date has findings for the referat and none for the
//! agenda, and a draft's agenda builds with `--publish`; a wrong case reference
//! is still a finding; a closed item of the public agenda shows number, title
//! and *Lukket punkt* only, and an item of only a Drøftelse an empty body; the
//! internal agenda is `out-internt/<meeting>/dagsorden-internt.*`; a layout
//! without the agenda's labels cannot make one (exit 2) but still makes the
//! referat.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    build_ok, check_json, example_copy, example_meeting, have_tool, pdf_text, project_copy,
    project_root, replace_in, rk, run_tool, squeeze,
};
use rk::model::{CaseRef, Item};
use scraper::{ElementRef, Html, Selector};

/// The parts of an item written at the meeting, as the KL layout's
/// labels.toml lists them.
const MEETING_PARTS: [&str; 3] = ["Drøftelse", "Beslutning", "Referat"];

/// Sentences of the example's Drøftelse parts, which no agenda may hold.
const DISCUSSED: [&str; 4] = [
    "Christian Plaschke orienterede rådet om status for arbejdet med arkitektur i den nye \
     fællesoffentlige strategiproces.",
    "Rådet tog status for strategiprocessen til efterretning og understregede vigtigheden af \
     arkitekturarbejdet",
    "Christian supplerede med, at der pt. ikke er lovhjemmel til at gøre anvendelsen af FDA \
     obligatorisk",
    "Ghita nævnte, at KL og Digitaliseringsstyrelsen samarbejder om arkitekturarbejdet",
];

/// Sentences of the example's Indstilling parts, which the agenda holds.
const RECOMMENDED: [&str; 3] = [
    "Det indstilles, at It-Arkitekturrådet:",
    "tager status til efterretning",
    "giver indledende tilkendegivelser om muligheder og udfordringer ved overgangen til en \
     moderne distributionsplatform i skatteforvaltningen",
];

/// `rk build --agenda 2020-11-25 EXTRA...` in a scratch copy of the
/// example: the project and its output folder.
fn example_agenda(name: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
    let dir = example_copy(&format!("agenda-{name}"));
    let mut args = vec!["--agenda"];
    args.extend_from_slice(extra);
    build_ok(&dir, &args);
    let out = dir.join("out/2020-11-25");
    (dir, out)
}

/// Text without white space, hyphens or soft hyphens (line breaks and
/// hyphenation do not matter when comparing prose in a PDF).
fn prose(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '‐'))
        .collect()
}

/// The lines of an item's body as Markdown writes them, split into those
/// of the parts prepared before the meeting and those of the parts written
/// at it (by their `## ` headings), without list markers and empty lines.
fn prepared_and_meeting_lines(item: &Item) -> (Vec<String>, Vec<String>) {
    let (mut prepared, mut meeting) = (Vec::new(), Vec::new());
    let mut at_meeting = false;
    for line in item.body.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            at_meeting = MEETING_PARTS.contains(&title.trim());
            if at_meeting {
                continue;
            }
        }
        let line = line.trim_start_matches("## ").trim_start_matches("- ");
        if line.trim().is_empty() {
            continue;
        }
        if at_meeting {
            meeting.push(line.to_string());
        } else {
            prepared.push(line.to_string());
        }
    }
    (prepared, meeting)
}

/// "2.1. Nyt fra Udvalget for Arkitektur og Standarder".
fn heading(item: &Item) -> String {
    format!(
        "{}. {}",
        item.number_text.as_ref().unwrap().value,
        item.title.as_ref().unwrap().value
    )
}

/// "SAG-2019-04651 Line Laudrup": the case line, for an item with a case.
fn case_line(item: &Item) -> Option<String> {
    let Some(CaseRef::Ref(reference)) = item.case.as_ref().map(|s| &s.value) else {
        return None;
    };
    let owners: Vec<&str> = item.responsible.iter().map(|r| r.value.as_str()).collect();
    Some(format!("{reference} {}", owners.join("/")))
}

#[test]
fn the_agenda_pdf_holds_every_item_its_case_line_and_indstilling_and_no_droeftelse() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let (_, out) = example_agenda("pdf", &[]);
    assert!(
        !out.join("referat.pdf").exists(),
        "--agenda wrote the referat"
    );
    let text = prose(&pdf_text(&out.join("dagsorden.pdf")));
    assert!(text.contains(&prose("DAGSORDEN 2020")), "no cover word");
    assert!(!text.contains(&prose("REFERAT 2020")));

    let meeting = example_meeting();
    let mut recommendations = 0;
    for item in &meeting.items {
        assert!(
            text.contains(&prose(&heading(item))),
            "no `{}`",
            heading(item)
        );
        if let Some(line) = case_line(item) {
            assert!(text.contains(&prose(&line)), "no case line `{line}`");
        }
        let (prepared, at_meeting) = prepared_and_meeting_lines(item);
        for line in &prepared {
            assert!(
                text.contains(&prose(line)),
                "item {}: no `{line}`",
                heading(item)
            );
        }
        recommendations += usize::from(item.body.contains("## Indstilling"));
        for line in at_meeting.iter().filter(|l| l.chars().count() > 40) {
            assert!(
                !text.contains(&prose(line)),
                "item {}: the agenda holds `{line}`",
                heading(item)
            );
        }
    }
    assert!(
        recommendations >= 10,
        "the example has its Indstilling parts"
    );
    for sentence in RECOMMENDED {
        assert!(text.contains(&prose(sentence)), "no `{sentence}`");
    }
    for sentence in DISCUSSED {
        assert!(
            !text.contains(&prose(sentence)),
            "the agenda holds `{sentence}`"
        );
    }
}

/// The PDF is tagged PDF/UA-1 and PDF/A-2b (as tests/build.rs asks of the
/// referat), in Danish, every font embedded; returns pdfinfo's report.
fn assert_pdf_ua_and_pdf_a(pdf: &Path) -> String {
    let common::PdfInfo { info, xmp } = common::assert_pdf_ua_and_pdf_a(pdf);
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>da"),
        "no language da in the XMP:\n{xmp}"
    );
    let fonts = run_tool("pdffonts", &[&pdf.to_string_lossy()]);
    for row in fonts.lines().skip(2) {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {row}");
    }
    info
}

#[test]
fn the_agenda_pdf_is_pdf_ua_and_pdf_a_and_titled_dagsorden() {
    if !have_tool("pdfinfo", "-v") {
        return;
    }
    let (_, out) = example_agenda("standards", &[]);
    let info = assert_pdf_ua_and_pdf_a(&out.join("dagsorden.pdf"));
    assert!(
        info.lines().any(|l| l.starts_with("Title:")
            && l.ends_with("Dagsorden - It-Arkitekturrådet - 25. november 2020")),
        "{info}"
    );
}

fn page(path: &Path) -> Html {
    Html::parse_document(&fs::read_to_string(path).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("")
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).expect("the JSON parses")
}

#[test]
fn the_agenda_html_holds_the_items_without_the_parts_written_at_the_meeting() {
    let (_, out) = example_agenda("html", &["--only", "html"]);
    let html = page(&out.join("dagsorden.html"));
    let title = text(&select(&html, "title")[0]);
    assert_eq!(title, "Dagsorden - It-Arkitekturrådet - 25. november 2020");
    assert_eq!(text(&select(&html, "header .kind")[0]), "DAGSORDEN 2020");
    assert!(
        select(&html, "#gruppe-referent").is_empty(),
        "a referent line"
    );

    let meeting = example_meeting();
    for item in &meeting.items {
        let number = &item.number_text.as_ref().unwrap().value;
        let id = format!("#punkt-{}", number.replace('.', "-"));
        let section = select(&html, &id);
        assert_eq!(section.len(), 1, "no section {id}");
        let shown = squeeze(&text(&section[0]));
        assert!(shown.starts_with(&squeeze(&heading(item))), "{id}: {shown}");
        if let Some(line) = case_line(item) {
            let sag = select(&html, &format!("{id} > p.sag"));
            assert_eq!(squeeze(&text(&sag[0])), squeeze(&line));
        }
        let (prepared, at_meeting) = prepared_and_meeting_lines(item);
        for line in &prepared {
            let line = squeeze(&line.replace("**", ""));
            assert!(shown.contains(&line), "{id}: no `{line}`");
        }
        for line in &at_meeting {
            assert!(!shown.contains(&squeeze(line)), "{id} holds `{line}`");
        }
    }
    let parts: Vec<String> = select(&html, "main section h3, main section h4")
        .iter()
        .map(text)
        .collect();
    assert!(parts.iter().any(|p| p == "Indstilling"), "{parts:?}");
    for part in MEETING_PARTS {
        assert!(!parts.iter().any(|p| p == part), "a {part} part: {parts:?}");
    }
    let main = squeeze(&text(&select(&html, "main")[0]));
    for sentence in DISCUSSED {
        assert!(!main.contains(&squeeze(sentence)), "holds `{sentence}`");
    }
    for sentence in RECOMMENDED {
        assert!(main.contains(&squeeze(sentence)), "no `{sentence}`");
    }
}

#[test]
fn the_agenda_json_is_the_dagsorden_with_items_without_meeting_parts() {
    let (_, out) = example_agenda("json", &["--only", "json"]);
    assert!(!out.join("dagsorden.pdf").exists());
    let data = json(&out.join("dagsorden.json"));
    assert_eq!(data["document"], "dagsorden");
    assert_eq!(data["document_word"], "Dagsorden");
    assert_eq!(
        data["title"],
        "Dagsorden - It-Arkitekturrådet - 25. november 2020"
    );
    assert_eq!(data["referent"], serde_json::Value::Null);
    assert!(data.get("status").is_none());
    let items = data["items"].as_array().unwrap();
    assert_eq!(items.len(), 16);
    let meeting = example_meeting();
    for (item, source) in items.iter().zip(&meeting.items) {
        let body = item["body"].as_str().unwrap();
        for part in MEETING_PARTS {
            assert!(
                !body.contains(&format!("## {part}")),
                "{}: {body}",
                item["number"]
            );
        }
        assert_eq!(
            body.contains("## Indstilling"),
            source.body.contains("## Indstilling")
        );
        assert_eq!(item["title"], source.title.as_ref().unwrap().value.as_str());
    }
    // The referat's data says which document it is, too.
    let dir = out.parent().unwrap().parent().unwrap();
    build_ok(dir, &["--only", "json"]);
    let referat = json(&out.join("referat.json"));
    assert_eq!(referat["document"], "referat");
    assert!(referat["items"][1]["body"].is_string());
    assert!(
        referat["items"][2]["body"]
            .as_str()
            .unwrap()
            .contains("## Drøftelse")
    );
}

#[test]
fn the_referat_and_the_agenda_lie_side_by_side() {
    let dir = example_copy("agenda-beside");
    build_ok(&dir, &[]);
    let out = dir.join("out/2020-11-25");
    let referat: Vec<Vec<u8>> = ["pdf", "html", "json"]
        .iter()
        .map(|ext| fs::read(out.join(format!("referat.{ext}"))).unwrap())
        .collect();
    build_ok(&dir, &["--agenda", "--only", "pdf,html"]);
    for (ext, bytes) in ["pdf", "html", "json"].iter().zip(&referat) {
        assert_eq!(
            &fs::read(out.join(format!("referat.{ext}"))).unwrap(),
            bytes,
            "the agenda changed referat.{ext}"
        );
    }
    assert!(out.join("dagsorden.pdf").is_file() && out.join("dagsorden.html").is_file());
    // `--only` of the agenda leaves the referat's outputs alone.
    build_ok(&dir, &["--agenda", "--only", "json"]);
    assert!(!out.join("dagsorden.pdf").exists());
    assert!(out.join("referat.pdf").is_file() && out.join("dagsorden.json").is_file());
}

/// A scratch copy of the example whose meeting.yaml and item 2.1 are
/// changed by `edit`.
fn edited_example(name: &str, edit: impl Fn(&Path, &Path)) -> PathBuf {
    let dir = example_copy(&format!("agenda-{name}"));
    let meeting = dir.join("meetings/2020-11-25");
    edit(
        &meeting.join("meeting.yaml"),
        &meeting.join("02-01-nyt-fra-udvalget.md"),
    );
    dir
}

#[test]
fn the_checks_of_the_outcome_do_not_apply_to_the_agenda() {
    // No referent, a presenter nobody listed, an approved status without
    // its date: findings for the referat, none for the agenda.
    let dir = edited_example("outcome", |yaml, item| {
        replace_in(yaml, "referent: Zahra Al-Asfoor\n", "status: godkendt\n");
        replace_in(
            item,
            "presenters: [Christian Plaschke]",
            "presenters: [Ida Ukendt]",
        );
    });
    let (code, findings, _) = check_json(&dir, &["2020-11-25"]);
    assert_eq!(code, 1);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "missing-field").count(),
        2,
        "{findings:?}"
    );
    assert!(rules.contains(&"unknown-person"), "{findings:?}");

    let (code, findings, stderr) = check_json(&dir, &["--agenda", "2020-11-25"]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}\n{stderr}");
    let run = rk(
        &dir,
        &["build", "--agenda", "--format", "json", "2020-11-25"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "findings for the agenda");
    assert!(dir.join("out/2020-11-25/dagsorden.pdf").is_file());
}

#[test]
fn a_meeting_with_no_referent_builds_its_agenda_without_findings() {
    let dir = edited_example("no-referent", |yaml, _| {
        replace_in(yaml, "referent: Zahra Al-Asfoor\n", "");
    });
    let run = rk(
        &dir,
        &["build", "--agenda", "--format", "json", "2020-11-25"],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert!(
        run.stderr.contains("built 2020-11-25: dagsorden.pdf"),
        "{}",
        run.stderr
    );
    // The referat of the same sources is refused: it needs its referent.
    let run = rk(&dir, &["build", "--format", "json", "2020-11-25"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("\"missing-field\""), "{}", run.stdout);
}

#[test]
fn a_draft_is_no_matter_for_the_agenda_even_when_publishing() {
    let dir = edited_example("draft", |yaml, _| {
        replace_in(
            yaml,
            "referent: Zahra Al-Asfoor\n",
            "referent: Zahra Al-Asfoor\nstatus: udkast\n",
        );
    });
    let run = rk(&dir, &["build", "--publish", "2020-11-25"]);
    assert_eq!(run.code, 2, "a draft referat is refused: {}", run.stderr);
    build_ok(&dir, &["--agenda", "--publish"]);
    let data = json(&dir.join("out/2020-11-25/dagsorden.json"));
    assert!(data.get("status").is_none(), "{data}");
}

#[test]
fn every_other_check_applies_to_the_agenda() {
    let dir = edited_example("other-checks", |_, item| {
        replace_in(item, "sag: SAG-2019-04651", "sag: SAG-2019-4651");
    });
    let (code, findings, _) = check_json(&dir, &["--agenda", "2020-11-25"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        findings[0].file,
        "meetings/2020-11-25/02-01-nyt-fra-udvalget.md"
    );
    assert_eq!(findings[0].line, 4);
    let run = rk(&dir, &["build", "--agenda", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!dir.join("out/2020-11-25/dagsorden.pdf").exists());
}

#[test]
fn closed_items_in_the_public_agenda_show_no_body_and_meeting_parts_only_give_an_empty_body() {
    let dir = project_copy("tests/fixtures/build/closed", "agenda-closed");
    let run = build_ok(&dir, &["--agenda"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let out = dir.join("out/2020-11-25");
    let data = json(&out.join("dagsorden.json"));
    let items = data["items"].as_array().unwrap();
    // Item 1 has only a Drøftelse: an empty body, its attachment still listed.
    assert_eq!(items[0]["body"], "");
    assert_eq!(items[0]["attachments"][0]["file"], "bilag/handleplan.pdf");
    // Item 2 is closed: number, title and nothing else.
    assert_eq!(items[1]["closed"], true);
    assert_eq!(items[1]["body"], "");
    assert_eq!(items[1]["sag"], serde_json::Value::Null);
    let html = page(&out.join("dagsorden.html"));
    let closed = squeeze(&text(&select(&html, "#punkt-2")[0]));
    assert_eq!(closed, squeeze("2. Personalesag Lukket punkt"));
    let whole = fs::read_to_string(out.join("dagsorden.html")).unwrap();
    for secret in ["Hemmelig", "SAG-2020-09999", "fortroligt"] {
        assert!(!whole.contains(secret), "the public agenda holds {secret}");
    }
    // The file only the Drøftelse links to is not published with the agenda.
    assert!(out.join("bilag/handleplan.pdf").is_file());
    assert!(!out.join("bilag/notat om data.txt").exists());
    if have_tool("pdftotext", "-v") {
        let text = prose(&pdf_text(&out.join("dagsorden.pdf")));
        assert!(
            text.contains(&prose("2. Personalesag Lukket punkt")),
            "{text}"
        );
        assert!(!text.contains("Hemmelig") && !text.contains("SAG202009999"));
    }
    // Beside the referat, the agenda leaves the files the referat links to.
    build_ok(&dir, &[]);
    assert!(out.join("bilag/notat om data.txt").is_file());
    build_ok(&dir, &["--agenda"]);
    assert!(out.join("bilag/notat om data.txt").is_file());
}

#[test]
fn the_internal_agenda_has_names_of_its_own_in_a_tree_of_its_own() {
    let dir = project_copy("tests/fixtures/build/closed", "agenda-internal");
    build_ok(&dir, &["--agenda", "--internal"]);
    let out = dir.join("out-internt/2020-11-25");
    for ext in ["pdf", "html", "json"] {
        assert!(
            out.join(format!("dagsorden-internt.{ext}")).is_file(),
            "{ext}"
        );
    }
    assert!(
        !dir.join("out").exists(),
        "the internal agenda in the published tree"
    );
    let data = json(&out.join("dagsorden-internt.json"));
    assert_eq!(data["internal"], true);
    assert_eq!(data["items"][1]["sag"], "SAG-2020-09999");
    // The closed item's Drøftelse is written at the meeting: not in the agenda.
    assert_eq!(data["items"][1]["body"], "");
    // A public build removes an internal agenda left in the published tree.
    let stray = dir.join("out/2020-11-25/dagsorden-internt.html");
    fs::create_dir_all(stray.parent().unwrap()).unwrap();
    fs::copy(out.join("dagsorden-internt.html"), &stray).unwrap();
    let run = build_ok(&dir, &["--agenda"]);
    assert!(!stray.exists(), "{}", run.stderr);
}

#[test]
fn a_layout_without_the_agenda_labels_cannot_make_an_agenda() {
    let dir = example_copy("agenda-layout");
    let layout = dir.join("mitlayout");
    let run = rk(&dir, &["layout", "copy", "kl", "mitlayout"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let labels = layout.join("labels.toml");
    replace_in(&labels, "dagsorden = \"Dagsorden\"\n", "");
    let run = rk(
        &dir,
        &["build", "--agenda", "--layout", "mitlayout", "2020-11-25"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot make an agenda")
            && run.stderr.contains("add dagsorden = \"Dagsorden\""),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists());
    // The referat needs neither.
    build_ok(&dir, &["--layout", "mitlayout"]);
    assert!(project_root().join("layouts/kl/labels.toml").is_file());
}
