//! `rk build`: the referat PDF, read back as a reader (and a PDF checker)
//! would: its text, its metadata, its fonts, its bytes.
//!
//! What its tests show, one by one: the example's PDF text (pdftotext) holds
//! every item number and title, case line, participant in their group, `SIDE |
//! 2`, the running header, the long date, the Mission and Vision and all of the
//! seed's prose, in order; in the kommune layout it holds the same, with
//! *Sagsnr.* on the case lines, the participants and the Dagsorden on the first
//! page and neither KL's quote nor its closing page; pdfinfo and pdffonts show
//! PDF/UA-1 and PDF/A-2b, tagging, title, language and embedded fonts (the
//! layout's own) in both layouts, also for every Markdown construct and an
//! internal edition in the kommune layout; a fixture with every Markdown
//! construct and the Typst-injection strings builds, every string appears
//! literally and no file is read; two builds are byte-identical; a build that
//! fails its checks leaves the earlier outputs untouched; a missing font is an
//! error; a public item's attachment and the file its body links to are link
//! annotations of the PDF (lopdf), which stays PDF/UA-1 and PDF/A-2b, and a
//! closed item's are not; `--deny-warnings` fails a build with only warnings
//! and writes nothing; the `--emit-typst` output typeset by the typst CLI gives
//! the same pages pixel for pixel (ignored unless asked for).

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    copy_tree, example_copy, example_meeting, fixture_copy, have_tool, pdf_text, project_copy,
    project_root, require_tool, rk, run_tool,
};
use rk::model::CaseRef;

/// A scratch project holding a copy of the example meeting.
fn example_project(name: &str) -> PathBuf {
    example_copy(&format!("build-{name}"))
}

/// A scratch copy of a fixture under tests/fixtures/build.
fn build_fixture(name: &str) -> PathBuf {
    project_copy(
        &format!("tests/fixtures/build/{name}"),
        &format!("build-fixture-{name}"),
    )
}

fn build(dir: &Path, args: &[&str]) -> PathBuf {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = rk(dir, &all);
    assert_eq!(run.code, 0, "rk build failed:\n{}", run.stderr);
    dir.join("out/2020-11-25/referat.pdf")
}

/// Text without white space, hyphens or soft hyphens: line breaks and the
/// engine's hyphenation do not matter when comparing prose.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '‐'))
        .collect()
}

/// The PDF's text without the running header and footer, which text
/// extraction puts in the middle of paragraphs that cross a page.
fn body_text(text: &str) -> String {
    text.lines()
        .filter(|line| {
            let s = squeeze(line);
            !(s.starts_with("SIDE|") || s == "ItArkitekturrådet|25112020")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that `needles` occur in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[String]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle.as_str()) {
            Some(at) => from += at + needle.len(),
            None => {
                let found_anywhere = haystack.contains(needle.as_str());
                panic!(
                    "`{needle}` is {} in the PDF's text",
                    if found_anywhere {
                        "out of order"
                    } else {
                        "missing"
                    }
                );
            }
        }
    }
}

#[test]
fn the_example_pdf_holds_the_whole_referat() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let dir = example_project("text");
    let text = pdf_text(&build(&dir, &["2020-11-25"]));
    let squeezed = squeeze(&text);
    let body = squeeze(&body_text(&text));
    let meeting = example_meeting();

    // The cover and the running header and footer.
    for expected in [
        "REFERAT 2020",
        "Onsdag den 25. november 2020",
        "Dato: 25-11-2020 10.00-14.00",
        "Sted: KL, Weidekampsgade 10",
        "It-Arkitekturrådet | 25-11-2020",
        "SIDE | 2",
        "Dagsorden",
    ] {
        assert!(
            squeezed.contains(&squeeze(expected)),
            "no `{expected}` in the PDF"
        );
    }

    // Every participant, in the group the sources give.
    let mut groups = Vec::new();
    for (label, people) in [
        ("Deltagere:", &meeting.people.members),
        ("Andre deltagere:", &meeting.people.others),
        ("Gæster:", &meeting.people.guests),
        ("Afbud:", &meeting.people.absent),
    ] {
        groups.push(squeeze(label));
        groups.extend(people.iter().map(|p| squeeze(&p.name.value)));
    }
    assert_in_order(&body, &groups);
    // As in the seed: the referent once, under Andre deltagere with the
    // role, and no line of their own.
    assert!(body.contains(&squeeze("Zahra Al-Asfoor, KL (Referent)")));
    assert_eq!(body.matches(&squeeze("Zahra Al-Asfoor")).count(), 1);
    assert!(body.contains(&squeeze(
        "Karen Rahbek, Kontorchef for kontor for strategi og analyse & Kontor for \
         Forvaltningsrelationer, Koncern IT, Københavns Kommune (substitut for Mette Harbo)"
    )));
    assert!(body.contains(&squeeze(
        "Caroline Hegelund, Leder af KLs Innovations- og Teknologienhed, KL (fra kl. 13:00)"
    )));

    // Every item: number and title (in the Dagsorden and as a heading), the
    // case line, and the whole of its prose, in order.
    let sequence = assert_items_in_order(&body, &meeting, |sag, owners| format!("{sag} {owners}"));

    // The closing page: KL's Mission and Vision, last.
    let mission = squeeze(
        "KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati. KL varetager \
         kommunernes fælles interesser og er kommunernes samlede forhandlingsorganisation, \
         videnscenter og forum for fælles initiativer og beslutninger.",
    );
    let vision = squeeze(
        "KL opnår, med et helhedsperspektiv på opgaveløsningen, indflydelse og resultater på \
         kommunernes vegne, til gavn for borgerne og samfundet.",
    );
    assert!(
        body.ends_with(&vision),
        "the Vision does not end the referat"
    );
    assert!(body.rfind(&mission) > body.rfind(&sequence[sequence.len() - 1]));
}

/// Asserts that the Dagsorden lists every item of the example, and that
/// after it come each item's number and title, its case line (as
/// `case_line(sag, owners)` writes it) and the whole of its prose, in
/// order. Returns that sequence, squeezed.
fn assert_items_in_order(
    body: &str,
    meeting: &rk::model::Meeting,
    case_line: impl Fn(&str, &str) -> String,
) -> Vec<String> {
    let mut sequence = Vec::new();
    for item in &meeting.items {
        let number = item.number_text.as_ref().unwrap().value.clone();
        let title = &item.title.as_ref().unwrap().value;
        sequence.push(squeeze(&format!("{number}. {title}")));
        if let Some(sag) = &item.case
            && let CaseRef::Ref(r) = &sag.value
        {
            let owners: Vec<&str> = item.responsible.iter().map(|r| r.value.as_str()).collect();
            sequence.push(squeeze(&case_line(&r.to_string(), &owners.join("/"))));
        }
        for line in item.body.lines() {
            let line = line.trim_start_matches("## ").trim_start_matches("- ");
            if !line.trim().is_empty() {
                sequence.push(squeeze(line));
            }
        }
    }
    // The Dagsorden lists every item before the items begin.
    let agenda: Vec<String> = meeting
        .items
        .iter()
        .map(|i| {
            squeeze(&format!(
                "{}. {}",
                i.number_text.as_ref().unwrap().value,
                i.title.as_ref().unwrap().value
            ))
        })
        .collect();
    assert_in_order(body, &agenda);
    let after_agenda =
        body.find(&agenda[agenda.len() - 1]).unwrap() + agenda[agenda.len() - 1].len();
    assert_in_order(&body[after_agenda..], &sequence);
    sequence
}

/// The example in the kommune layout: the whole referat, with the layout's
/// words, compact (participants and Dagsorden on the first page), and
/// neither KL's quote nor its closing page.
#[test]
fn the_kommune_layout_holds_the_whole_referat_without_kls_quote_or_closing() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let dir = example_project("text-kommune");
    let pdf = build(&dir, &["2020-11-25", "--layout", "kommune"]);
    // In the order of the PDF's content, which is the order of its tags:
    // pdftotext's own guess at the layout reads the first page's labels
    // ("Dato", "Sted", ...) as a column of their own.
    let raw = |extra: &[&str]| {
        let path = pdf.to_string_lossy();
        let mut args = vec!["-raw", "-enc", "UTF-8"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&[&path, "-"]);
        run_tool("pdftotext", &args)
    };
    let text = raw(&[]);
    let squeezed = squeeze(&text);
    // Without the running header and footer: "Referat · It-Arkitekturrådet
    // · 25-11-2020", "Side 2 af 12".
    let body = squeeze(
        &text
            .lines()
            .filter(|line| {
                let s = squeeze(line);
                let page = s.strip_prefix("Side").and_then(|r| r.split_once("af"));
                let numbers = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
                !(s == "Referat·ItArkitekturrådet·25112020"
                    || page.is_some_and(|(n, m)| numbers(n) && numbers(m)))
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let pages = run_tool("pdfinfo", &[&pdf.to_string_lossy()])
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<usize>().unwrap())
        })
        .unwrap();
    for expected in [
        "REFERAT",
        "Dato Onsdag den 25. november 2020, 10.00-14.00",
        "Sted KL, Weidekampsgade 10",
        "Referat · It-Arkitekturrådet · 25-11-2020",
        &format!("Side 2 af {pages}"),
        "Karen Rahbek, Kontorchef for kontor for strategi og analyse & Kontor for \
         Forvaltningsrelationer, Koncern IT, Københavns Kommune (stedfortræder for Mette Harbo)",
    ] {
        assert!(
            squeezed.contains(&squeeze(expected)),
            "no `{expected}` in the PDF"
        );
    }
    let first_page = squeeze(&raw(&["-f", "1", "-l", "1"]));
    for expected in ["Deltagere", "Afbud", "Dagsorden", "1. Siden sidst"] {
        assert!(
            first_page.contains(&squeeze(expected)),
            "no `{expected}` on the first page"
        );
    }
    let sequence = assert_items_in_order(&body, &example_meeting(), |sag, owners| {
        format!("Sagsnr. {sag} · {owners}")
    });
    // The last item's text ends the document, followed only by who was
    // absent from it (the kommune layout says so under each item): no
    // closing page, no quote.
    let absent = squeeze(
        "Fraværende: Mette Harbo \
         Karen Rahbek mødte som stedfortræder for Mette Harbo",
    );
    let last = format!("{}{absent}", sequence[sequence.len() - 1]);
    assert!(body.ends_with(&last), "{body}");
    for kl in [
        "KL bidrager til at udvikle",
        "Mission",
        "Fra KL's mission",
        "SIDE",
    ] {
        assert!(!body.contains(&squeeze(kl)), "`{kl}` in the kommune layout");
    }
}

#[test]
fn the_pdf_is_pdf_ua_and_pdf_a_tagged_titled_danish_with_embedded_fonts() {
    if !have_tool("pdfinfo", "-v") {
        return;
    }
    let dir = example_project("standards");
    let pdf = build(&dir, &["2020-11-25"]);
    assert_standards_and_fonts(&pdf, &["OpenSans", "DejaVuSans"]);
}

/// The kommune layout's PDF meets the same standards, in its own fonts.
#[test]
fn the_kommune_layout_pdf_is_pdf_ua_and_pdf_a_in_its_own_fonts() {
    if !have_tool("pdfinfo", "-v") {
        return;
    }
    let dir = example_project("standards-kommune");
    let pdf = build(&dir, &["2020-11-25", "--layout", "kommune"]);
    assert_standards_and_fonts(&pdf, &["NotoSans", "DejaVuSans"]);
    // Every Markdown construct and a closed item's internal edition too.
    let dir = build_fixture("constructs");
    let pdf = build(&dir, &["2020-11-25", "--layout", "kommune"]);
    assert_pdf_ua_and_pdf_a(&pdf);
    let dir = build_fixture("closed");
    let run = rk(
        &dir,
        &["build", "2020-11-25", "--layout", "kommune", "--internal"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_pdf_ua_and_pdf_a(&dir.join("out-internt/2020-11-25/referat-internt.pdf"));
}

/// The example's PDF: titled, by the body, tagged, A4, dated, Danish,
/// PDF/UA-1 and PDF/A-2b, every font embedded and one of `fonts` (the
/// layout's).
fn assert_standards_and_fonts(pdf: &Path, fonts: &[&str]) {
    let path = pdf.to_string_lossy();
    let info = run_tool("pdfinfo", &[&path]);
    let field = |name: &str| -> String {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        field("Title"),
        "Referat - It-Arkitekturrådet - 25. november 2020"
    );
    assert_eq!(field("Author"), "It-Arkitekturrådet");
    assert_eq!(field("Tagged"), "yes");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert!(field("CreationDate").contains("2020"), "{info}");

    let xmp = assert_pdf_ua_and_pdf_a(pdf);
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>da"),
        "no language da in the XMP:\n{xmp}"
    );

    let listed = run_tool("pdffonts", &[&path]);
    let rows: Vec<&str> = listed.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{listed}");
    assert!(
        rows.iter().any(|row| row.contains(fonts[0])),
        "the layout's text face {} is not used:\n{listed}",
        fonts[0]
    );
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID: `emb` is 5th from the end.
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "a font is not embedded: {row}");
        assert!(
            fonts.iter().any(|f| row.contains(f)),
            "a font other than the layout's: {row}"
        );
    }
}

/// The PDF is tagged PDF/UA-1 and PDF/A-2b; its XMP metadata.
fn assert_pdf_ua_and_pdf_a(pdf: &Path) -> String {
    common::assert_pdf_ua_and_pdf_a(pdf).xmp
}

/// The targets of the PDF's link annotations that open an address (URI
/// actions), in page order.
fn pdf_links(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("the PDF parses");
    let mut links = Vec::new();
    for page in doc.get_pages().into_values() {
        for annotation in doc.get_page_annotations(page).expect("annotations") {
            let is_link = annotation
                .get(b"Subtype")
                .and_then(|s| s.as_name())
                .is_ok_and(|s| s == b"Link");
            let action = annotation
                .get(b"A")
                .and_then(|a| doc.dereference(a))
                .and_then(|(_, a)| a.as_dict());
            if let (true, Ok(action)) = (is_link, action)
                && let Ok(uri) = action.get(b"URI").and_then(|u| u.as_str())
            {
                links.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    links
}

#[test]
fn attachments_and_linked_files_are_links_of_the_pdf() {
    let dir = build_fixture("closed");
    let pdf = build(&dir, &["2020-11-25"]);
    let out = pdf.parent().unwrap();
    let links = pdf_links(&pdf);
    // Item 1's body links, then its attachment's title: each a link
    // annotation to the copy beside the PDF.
    assert_eq!(
        links,
        [
            "bilag/handleplan.pdf",
            "bilag/notat%20om%20data.txt#side-2",
            "bilag/handleplan.pdf"
        ]
    );
    assert!(out.join("bilag/handleplan.pdf").is_file());
    assert!(out.join("bilag/notat om data.txt").is_file());
    // Closed item 2's attachment is neither copied nor named.
    assert!(!out.join("bilag/fortroligt.txt").exists());
    if have_tool("pdfinfo", "-v") {
        assert_pdf_ua_and_pdf_a(&pdf);
        let text = pdf_text(&pdf);
        assert!(text.contains("Handleplan for 2021"), "{text}");
        assert!(!text.to_lowercase().contains("fortrolig"), "{text}");
    }
}

#[test]
fn deny_warnings_fails_a_build_with_only_warnings_and_writes_nothing() {
    let dir = fixture_copy("raw-html", "build-deny-warnings");
    let run = rk(&dir, &["build", "2020-11-25", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("warning[raw-html]"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "not built: the sources have 1 warning and --deny-warnings is given; nothing was written"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists(), "a denied build wrote something");
    let run = rk(&dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("out/2020-11-25/referat.pdf").is_file());
}

#[test]
fn every_markdown_construct_builds_and_source_text_stays_text() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let dir = build_fixture("constructs");
    let text = pdf_text(&build(&dir, &["2020-11-25"]));
    let squeezed = squeeze(&text);
    for literal in [
        "#read(\"/etc/passwd\")",
        "#read(\"hemmelig.txt\")",
        "$x$",
        "@ref",
        "<label>",
        "// ikke en kommentar",
        "2 * 3",
        "under_streg",
        "C:\\Users\\rk",
        "= Ikke en overskrift",
        "#set text(fill: red) #import \"/etc/passwd\" #let x = 1 #{ panic(\"nej\") }",
    ] {
        assert!(
            text.contains(literal),
            "`{literal}` is not in the PDF literally:\n{text}"
        );
    }
    assert!(!text.contains("root:x:0:0"), "the PDF holds /etc/passwd");
    assert!(
        !text.contains("HEMMELIGT-INDHOLD"),
        "the PDF holds hemmelig.txt"
    );

    for construct in [
        "kursiv",
        "fed",
        "overstreget",
        "kode i linjen",
        "KL",
        "Første punkt",
        "Indlejret punkt",
        "Nummereret i to niveauer",
        "Tredje nummer",
        "Svarprocent",
        "Aalborg",
        "Kilden er effektmålingen fra august 2020.",
        "Et citat fra rådet, som står for sig selv.",
        "println!(\"kodeblok\");",
        "Et underafsnit",
        "Grafen som bilag",
    ] {
        assert!(
            squeezed.contains(&squeeze(construct)),
            "`{construct}` is not in the PDF"
        );
    }
    // A note referred to twice is printed once.
    assert_eq!(
        text.matches("Kilden er effektmålingen").count(),
        1,
        "{text}"
    );
    // The hard break puts the rest on the next line.
    assert!(text.contains("Linje et\nLinje to"), "{text}");
    // The numbered list keeps its start.
    assert!(squeezed.contains("3.Tredjenummer"), "{text}");
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = example_project("reproducible");
    let pdf = build(&dir, &["2020-11-25"]);
    let first = fs::read(&pdf).unwrap();
    fs::remove_file(&pdf).unwrap();
    let second = fs::read(build(&dir, &["2020-11-25"])).unwrap();
    assert!(first == second, "two builds of the same sources differ");
    assert!(first.starts_with(b"%PDF-"));
}

#[test]
fn a_build_that_fails_its_checks_writes_nothing() {
    let dir = example_project("failing");
    let pdf = build(&dir, &["2020-11-25"]);
    let out = pdf.parent().unwrap().to_path_buf();
    let outputs = ["referat.pdf", "referat.html", "referat.json"];
    let before: Vec<Vec<u8>> = outputs
        .iter()
        .map(|n| fs::read(out.join(n)).unwrap())
        .collect();

    let item = dir.join("meetings/2020-11-25/02-01-nyt-fra-udvalget.md");
    let text = fs::read_to_string(&item).unwrap();
    fs::write(&item, text.replace("SAG-2019-04651", "SAG-2019-4651")).unwrap();
    let run = rk(&dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-sag]"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    for (name, earlier) in outputs.iter().zip(&before) {
        assert!(
            &fs::read(out.join(name)).unwrap() == earlier,
            "the earlier {name} changed"
        );
    }
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["referat.html", "referat.json", "referat.pdf"],
        "temporary files left"
    );
}

#[test]
fn a_layout_that_names_a_missing_font_is_a_layout_error() {
    let dir = example_project("bad-font");
    let layout = dir.join("my-layout");
    copy_tree(&project_root().join("layouts/kl"), &layout);
    let template = fs::read_to_string(layout.join("referat.typ")).unwrap();
    fs::write(
        layout.join("referat.typ"),
        template.replace(
            "font: (\"Open Sans\", \"DejaVu Sans\")",
            "font: \"Frutiger\"",
        ),
    )
    .unwrap();
    let run = rk(&dir, &["build", "2020-11-25", "--layout", "my-layout"]);
    // A fault of the layout, not of the sources: exit 2.
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown font family: frutiger"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out/2020-11-25/referat.pdf").exists());
}

/// Ignored by default, shown as such: the typst CLI takes a long build and
/// CI has none. `cargo test -- --ignored` runs it (and fails without it).
#[test]
#[ignore = "needs the typst CLI: scripts/install-test-tools.sh --with-typst"]
fn the_emitted_typst_source_typesets_identically_with_the_typst_cli() {
    require_tool("typst", "--version");
    require_tool("pdftoppm", "-v");
    let version = run_tool("typst", &["--version"]);
    assert!(
        version.contains("0.15.1"),
        "the typst CLI is not 0.15.1: {version}"
    );
    let dir = example_project("emit");
    let pdf = build(&dir, &["2020-11-25", "--emit-typst"]);
    let typst_dir = dir.join("out/2020-11-25/typst");
    let cli_pdf = dir.join("cli.pdf");
    run_tool(
        "typst",
        &[
            "compile",
            "--root",
            &typst_dir.to_string_lossy(),
            "--font-path",
            &typst_dir.join("layout/fonts").to_string_lossy(),
            "--ignore-system-fonts",
            "--pdf-standard",
            "ua-1",
            "--pdf-standard",
            "a-2b",
            "--creation-timestamp",
            "1606262400",
            &typst_dir.join("referat.typ").to_string_lossy(),
            &cli_pdf.to_string_lossy(),
        ],
    );
    assert_eq!(pdf_text(&pdf), pdf_text(&cli_pdf));
    // Every page looks the same, pixel for pixel.
    for (name, file) in [("rk", &pdf), ("cli", &cli_pdf)] {
        run_tool(
            "pdftoppm",
            &[
                "-r",
                "40",
                "-png",
                &file.to_string_lossy(),
                &dir.join(name).to_string_lossy(),
            ],
        );
    }
    let mut pages = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(rest) = name.strip_prefix("rk-") {
            let ours = fs::read(dir.join(&name)).unwrap();
            let theirs = fs::read(dir.join(format!("cli-{rest}"))).unwrap();
            assert!(
                ours == theirs,
                "page {rest} differs between rk and the typst CLI"
            );
            pages += 1;
        }
    }
    assert!(pages > 5, "only {pages} pages rendered");
}

#[test]
fn a_layout_with_a_broken_template_or_a_missing_label_is_a_layout_error() {
    let dir = example_project("bad-layout");
    let layout = dir.join("broken");
    copy_tree(&project_root().join("layouts/kl"), &layout);
    let template = fs::read_to_string(layout.join("referat.typ")).unwrap();
    fs::write(
        layout.join("referat.typ"),
        template.replace("#let accent =", "#let accent = ("),
    )
    .unwrap();
    let run = rk(&dir, &["build", "2020-11-25", "--layout", "broken"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("broken/referat.typ"), "{}", run.stderr);

    let labels = dir.join("no-label");
    copy_tree(&project_root().join("layouts/kl"), &labels);
    let text = fs::read_to_string(labels.join("labels.toml")).unwrap();
    fs::write(
        labels.join("labels.toml"),
        text.replace("agenda = \"Dagsorden\"\n", ""),
    )
    .unwrap();
    let run = rk(
        &dir,
        &[
            "build",
            "2020-11-25",
            "--layout",
            "no-label",
            "--only",
            "html",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("referat.html"), "{}", run.stderr);
    assert!(!dir.join("out/2020-11-25/referat.html").exists());
}
