//! The HTML referat and the JSON data: read back as a browser (an HTML
//! parser) and an importing system (a JSON parser) would.
//!
//! What its tests show, one by one: the HTML is parsed back (landmarks, one h1,
//! no skipped levels, agenda links to existing anchors, every item, case line
//! and participant, the closing text, no `<script>`), the JSON parses and holds
//! every item; a closed item's CPR number, name, case and attachment reach no
//! public output and all of the `--internal` one, which is marked on every
//! page; a public item's attachment and linked files are copied beside the
//! page, byte-identical across builds, linked from it, and removed when the
//! item is closed; after `--internal` and a public build no file anywhere under
//! `out/` holds a closed item's text or name, the old internal files are
//! removed with a warning, and the internal tree cannot be put inside `out/`;
//! HTML and JSON are byte-identical across builds; `--only`; `case.url`.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{build_ok, example_copy, files_under, have_tool, pdf_text, project_copy, rk, squeeze};
use scraper::{ElementRef, Html, Selector};

/// A scratch copy of the example (`from` = "example") or of the fixture
/// `tests/fixtures/build/<from>`.
fn project(name: &str, from: &str) -> PathBuf {
    let name = format!("html-{name}");
    if from == "example" {
        example_copy(&name)
    } else {
        project_copy(&format!("tests/fixtures/build/{from}"), &name)
    }
}

/// `rk build 2020-11-25 ARGS...`, which must succeed: the output folder.
fn build(dir: &Path, args: &[&str]) -> PathBuf {
    build_ok(dir, args);
    dir.join("out/2020-11-25")
}

fn page(out: &Path) -> Html {
    Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("")
}

fn json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap())
        .expect("referat.json parses")
}

#[test]
fn the_example_html_holds_what_the_pdf_holds() {
    let dir = project("example", "example");
    let out = build(&dir, &[]);
    assert!(out.join("referat.pdf").is_file());
    let html = page(&out);
    let data = json(&out);

    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("da"));
    assert_eq!(select(&html, "h1").len(), 1, "one h1");
    for landmark in ["header", "nav", "main", "footer"] {
        assert_eq!(select(&html, landmark).len(), 1, "one <{landmark}>");
    }
    assert!(select(&html, "script").is_empty(), "a <script> in the page");

    // Headings never skip a level.
    let mut previous = 1;
    for heading in select(&html, "h1, h2, h3, h4, h5, h6") {
        let level: usize = heading.value().name()[1..].parse().unwrap();
        assert!(
            level <= previous + 1,
            "h{level} after h{previous}: {}",
            text(&heading)
        );
        previous = level;
    }

    // Every agenda link leads to its item, and every item is in the agenda.
    let links: Vec<String> = select(&html, "nav a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let items = data["items"].as_array().expect("items in the JSON");
    assert_eq!(items.len(), 16);
    assert_eq!(links.len(), items.len());
    let main_text = squeeze(&text(&select(&html, "main")[0]));
    for (item, link) in items.iter().zip(&links) {
        let number = item["number"].as_str().unwrap();
        let title = item["title"].as_str().unwrap();
        let anchor = format!("punkt-{}", number.replace('.', "-"));
        assert_eq!(link, &format!("#{anchor}"));
        let section = select(&html, &format!("section#{anchor}"));
        assert_eq!(section.len(), 1, "no section #{anchor}");
        let heading = select(&html, &format!("#{anchor}-titel"));
        assert_eq!(text(&heading[0]), format!("{number}. {title}"));
        if let Some(sag) = item["sag"].as_str() {
            let owners: Vec<&str> = item["responsible"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            let case_line = select(&html, &format!("#{anchor} .sag"));
            assert_eq!(
                squeeze(&text(&case_line[0])),
                squeeze(&format!("{sag} {}", owners.join("/")))
            );
        }
        // The prose, line by line (Markdown marks taken off).
        for line in item["body"].as_str().unwrap().lines() {
            let line = line.trim_start_matches("## ").trim_start_matches("- ");
            assert!(
                main_text.contains(&squeeze(line)),
                "not in the HTML: {line}"
            );
        }
    }

    // The participants in their groups, as in the PDF.
    let pdf = squeeze(&pdf_text_or_empty(&out.join("referat.pdf")));
    for (group, label) in [
        ("members", "Deltagere"),
        ("others", "Andre deltagere"),
        ("guests", "Gæster"),
        ("absent", "Afbud"),
    ] {
        let section = select(&html, &format!("section[aria-labelledby=gruppe-{group}]"));
        assert_eq!(text(&select(&html, &format!("#gruppe-{group}"))[0]), label);
        let names: Vec<String> = select(
            &html,
            &format!("section[aria-labelledby=gruppe-{group}] li"),
        )
        .iter()
        .map(text)
        .collect();
        let people = data["people"][group].as_array().unwrap();
        assert_eq!(names.len(), people.len(), "{group}");
        for (line, person) in names.iter().zip(people) {
            assert!(line.starts_with(person["name"].as_str().unwrap()), "{line}");
            if !pdf.is_empty() {
                assert!(pdf.contains(&squeeze(line)), "not in the PDF: {line}");
            }
        }
        assert_eq!(section.len(), 1);
    }
    let footer = text(&select(&html, "footer")[0]);
    assert!(footer.contains("KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati."));
    assert!(footer.contains("til gavn for borgerne og samfundet."));
}

/// The PDF's text when pdftotext is at hand, else nothing to compare.
fn pdf_text_or_empty(pdf: &Path) -> String {
    if have_tool("pdftotext", "-v") {
        pdf_text(pdf)
    } else {
        String::new()
    }
}

#[test]
fn every_construct_reaches_the_html_and_source_markup_stays_text() {
    let dir = project("constructs", "constructs");
    let out = build(&dir, &[]);
    let source = fs::read_to_string(out.join("referat.html")).unwrap();
    let html = page(&out);
    assert!(
        select(&html, "script").is_empty(),
        "a <script> element in the page"
    );
    let main = text(&select(&html, "main")[0]);
    for literal in [
        "#read(\"/etc/passwd\")",
        "$x$",
        "@ref",
        "<label>",
        "// ikke en kommentar",
        "<script>alert(\"rk\")</script>",
        "= Ikke en overskrift",
    ] {
        assert!(
            main.contains(literal),
            "`{literal}` is not text in the page"
        );
    }
    assert!(!source.contains("HEMMELIGT-INDHOLD"));

    // Tables have header cells; images are embedded with their alt text.
    assert_eq!(select(&html, "table th").len(), 3);
    let images = select(&html, "main img");
    assert_eq!(images.len(), 1);
    assert_eq!(
        images[0].value().attr("alt"),
        Some("Søjlediagram over svarprocenter")
    );
    assert!(
        images[0]
            .value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    // Footnotes are linked both ways.
    let reference = select(&html, "sup.fnref a")[0];
    let note_id = reference
        .value()
        .attr("href")
        .unwrap()
        .trim_start_matches('#');
    let note = select(&html, &format!("li#{note_id}"));
    assert!(text(&note[0]).contains("Kilden er effektmålingen fra august 2020."));
    let back = select(&html, &format!("li#{note_id} a.backlink"))[0];
    assert_eq!(
        back.value().attr("href").unwrap(),
        format!("#{}", reference.value().attr("id").unwrap())
    );
    // The same note referred to twice: one note, two references with ids of
    // their own.
    let references = select(&html, "sup.fnref a");
    assert_eq!(references.len(), 2);
    assert_ne!(
        references[0].value().attr("id"),
        references[1].value().attr("id")
    );
    assert_eq!(
        references[0].value().attr("href"),
        references[1].value().attr("href")
    );
    assert_eq!(select(&html, ".footnotes li").len(), 1);
    // The notes are a section with a heading, and the return link's name
    // holds what it shows (no aria-label that hides the arrow).
    let heading = select(&html, "section.footnotes > h3");
    assert_eq!(heading.len(), 1);
    assert_eq!(text(&heading[0]), "Noter");
    assert_eq!(back.value().attr("aria-label"), None);
    assert!(text(&back).contains("Tilbage til henvisning 1"));
    for tag in [
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ol",
        "ul",
    ] {
        assert!(
            !select(&html, &format!("main {tag}")).is_empty(),
            "no <{tag}>"
        );
    }
    assert_eq!(select(&html, "main ol[start='3']").len(), 1);
}

#[test]
fn closed_items_reach_no_public_output_but_all_of_the_internal_edition() {
    let dir = project("closed", "closed");
    let out = build(&dir, &[]);
    let html = fs::read_to_string(out.join("referat.html")).unwrap();
    let json_text = fs::read_to_string(out.join("referat.json")).unwrap();
    let pdf = pdf_text_or_empty(&out.join("referat.pdf"));
    for secret in [
        "Hemmelig Hansen",
        "010203-1234",
        "SAG-2020-09999",
        "fortroligt",
    ] {
        assert!(
            !html.to_lowercase().contains(&secret.to_lowercase()),
            "{secret} in the HTML"
        );
        assert!(
            !json_text.to_lowercase().contains(&secret.to_lowercase()),
            "{secret} in the JSON"
        );
        assert!(
            !pdf.to_lowercase().contains(&secret.to_lowercase()),
            "{secret} in the PDF"
        );
    }
    let item = &json(&out)["items"][1];
    assert_eq!(item["closed"], true);
    assert_eq!(item["title"], "Personalesag");
    assert_eq!(item["body"], "");
    assert!(item["presenters"].as_array().unwrap().is_empty());
    let page = Html::parse_document(&html);
    assert_eq!(text(&select(&page, "#punkt-2 .closed")[0]), "Lukket punkt");
    assert!(!html.contains("Internt"));
    if !pdf.is_empty() {
        assert!(pdf.contains("Lukket punkt"));
        assert!(!pdf.contains("Internt - ikke til offentliggørelse"));
    }

    let public = outputs_of(&out);
    build(&dir, &["--internal"]);
    // The internal edition goes to a tree of its own: the public files stay.
    assert!(
        outputs_of(&out) == public,
        "--internal changed the public edition"
    );
    let out = dir.join("out-internt/2020-11-25");
    let html = fs::read_to_string(out.join("referat-internt.html")).unwrap();
    let json_text = fs::read_to_string(out.join("referat-internt.json")).unwrap();
    for secret in [
        "Hemmelig Hansen",
        "010203-1234",
        "SAG-2020-09999",
        "Fortroligt notat",
    ] {
        assert!(html.contains(secret), "{secret} not in the internal HTML");
        assert!(
            json_text.contains(secret),
            "{secret} not in the internal JSON"
        );
    }
    assert!(html.contains("Internt - ikke til offentliggørelse"));
    if have_tool("pdftotext", "-v") {
        let pdf = pdf_text(&out.join("referat-internt.pdf"));
        assert!(
            pdf.contains("Lukket punkt"),
            "the internal edition does not mark the closed item"
        );
        for secret in ["Hemmelig Hansen", "010203-1234", "SAG-2020-09999"] {
            assert!(pdf.contains(secret), "{secret} not in the internal PDF");
        }
        // Every page is marked.
        let pages = pdf.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
        let marks = pdf.matches("Internt - ikke til offentliggørelse").count();
        assert_eq!(marks, pages, "{pages} pages, {marks} marked");
    }
}

fn outputs_of(out: &Path) -> Vec<Vec<u8>> {
    ["referat.pdf", "referat.html", "referat.json"]
        .iter()
        .map(|n| fs::read(out.join(n)).unwrap())
        .collect()
}

#[test]
fn a_closed_group_closes_its_sub_items() {
    let dir = project("closed-group", "closed");
    let meeting = dir.join("meetings/2020-11-25");
    fs::write(
        meeting.join("02-lukket.md"),
        "---\nnumber: \"2\"\ntitle: Personalesager\nclosed: true\n---\n",
    )
    .unwrap();
    fs::write(
        meeting.join("02-01-sag.md"),
        "---\nnumber: \"2.1\"\ntitle: En sag\nsag: SAG-2020-09999\n---\nHemmelig undertekst.\n",
    )
    .unwrap();
    let out = build(&dir, &[]);
    let html = fs::read_to_string(out.join("referat.html")).unwrap();
    let json_text = fs::read_to_string(out.join("referat.json")).unwrap();
    let pdf = pdf_text_or_empty(&out.join("referat.pdf"));
    for secret in ["Hemmelig undertekst", "SAG-2020-09999"] {
        assert!(
            !html.contains(secret) && !json_text.contains(secret) && !pdf.contains(secret),
            "{secret} leaked"
        );
    }
    assert_eq!(json(&out)["items"][2]["closed"], true);
}

#[test]
fn two_builds_give_byte_identical_html_and_json() {
    let dir = project("reproducible", "example");
    let out = build(&dir, &["--only", "html,json"]);
    assert!(
        !out.join("referat.pdf").exists(),
        "--only html,json wrote a PDF"
    );
    let first = (
        fs::read(out.join("referat.html")).unwrap(),
        fs::read(out.join("referat.json")).unwrap(),
    );
    fs::remove_dir_all(&out).unwrap();
    let out = build(&dir, &["--only", "html,json"]);
    let second = (
        fs::read(out.join("referat.html")).unwrap(),
        fs::read(out.join("referat.json")).unwrap(),
    );
    assert!(first == second, "two builds differ");
}

#[test]
fn only_pdf_writes_only_the_pdf() {
    let dir = project("only-pdf", "closed");
    let out = build(&dir, &["--only", "pdf"]);
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The PDF links to item 1's files, so they come along.
    assert_eq!(names, ["bilag", "referat.pdf"]);
}

#[test]
fn case_references_link_out_when_rk_toml_sets_case_url() {
    let dir = project("case-url", "closed");
    fs::write(
        dir.join("rk.toml"),
        "[case]\nurl = \"https://sager.example.dk/{sag}\"\n",
    )
    .unwrap();
    let out = build(&dir, &["--only", "html"]);
    let html = page(&out);
    let link = select(&html, "#punkt-1 .sag a");
    assert_eq!(
        link[0].value().attr("href"),
        Some("https://sager.example.dk/SAG-2020-01234")
    );
    assert_eq!(text(&link[0]), "SAG-2020-01234");
}

/// `%20` and the like decoded, as a web server does with a link.
fn percent_decode(text: &str) -> String {
    let mut out = Vec::new();
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let escape = tail
            .get(..2)
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escape {
            Some(byte) if b == b'%' => {
                out.push(byte);
                rest = &tail[2..];
            }
            _ => {
                out.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn attachments_and_linked_files_of_public_items_are_published_beside_the_page() {
    let dir = project("attachments", "closed");
    let out = build(&dir, &[]);
    let meeting = dir.join("meetings/2020-11-25");
    // Item 1's attachment and the file its body links to are copied at
    // the same relative path; closed item 2's attachment is not.
    assert_eq!(
        files_under(&out),
        [
            "bilag/handleplan.pdf",
            "bilag/notat om data.txt",
            "referat.html",
            "referat.json",
            "referat.pdf"
        ]
    );
    for file in ["bilag/handleplan.pdf", "bilag/notat om data.txt"] {
        assert_eq!(
            fs::read(out.join(file)).unwrap(),
            fs::read(meeting.join(file)).unwrap(),
            "{file} is not a copy"
        );
    }

    let html = page(&out);
    let attachment = select(&html, "#punkt-1 ul.attachments a");
    assert_eq!(attachment.len(), 1, "the attachment is not a link");
    assert_eq!(text(&attachment[0]), "Handleplan for 2021");
    assert_eq!(
        attachment[0].value().attr("href"),
        Some("bilag/handleplan.pdf")
    );
    let body_links: Vec<(String, String)> = select(&html, "#punkt-1 p a")
        .iter()
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect();
    assert_eq!(
        body_links,
        [
            (
                "handleplanen".to_string(),
                "bilag/handleplan.pdf".to_string()
            ),
            (
                "notatet".to_string(),
                "bilag/notat%20om%20data.txt#side-2".to_string()
            ),
        ]
    );
    // Every link of the page that is not an anchor or a web address finds
    // its file beside the page, as it will once out/ is published.
    for a in select(&html, "a[href]") {
        let href = a.value().attr("href").unwrap();
        if href.starts_with('#') || href.contains(':') {
            continue;
        }
        let file = percent_decode(href.split('#').next().unwrap());
        assert!(out.join(&file).is_file(), "{href} leads nowhere");
    }
    let page_text = fs::read_to_string(out.join("referat.html")).unwrap();
    assert!(!page_text.to_lowercase().contains("fortrolig"));
    // The JSON keeps the path as written, and where the copy is.
    let attachment = &json(&out)["items"][0]["attachments"][0];
    assert_eq!(attachment["file"], "bilag/handleplan.pdf");
    assert_eq!(attachment["href"], "bilag/handleplan.pdf");
    assert_eq!(json(&out)["items"][1]["attachments"], serde_json::json!([]));

    // Byte for byte the same on the next build.
    let before: Vec<Vec<u8>> = files_under(&out)
        .iter()
        .map(|f| fs::read(out.join(f)).unwrap())
        .collect();
    build(&dir, &[]);
    let after: Vec<Vec<u8>> = files_under(&out)
        .iter()
        .map(|f| fs::read(out.join(f)).unwrap())
        .collect();
    assert!(before == after, "a second build differs");

    // Once item 1 is closed, its files leave the published folder.
    let item = meeting.join("01-aaben.md");
    let source = fs::read_to_string(&item).unwrap();
    fs::write(
        &item,
        source.replace("number: \"1\"", "number: \"1\"\nclosed: true"),
    )
    .unwrap();
    let run = rk(&dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files_under(&out),
        ["referat.html", "referat.json", "referat.pdf"],
        "{}",
        run.stderr
    );
}

#[test]
fn after_an_internal_build_and_a_public_one_nothing_under_out_holds_a_closed_item() {
    let dir = project("internal-tree", "closed");
    // What an older rk left: the internal edition beside the public one.
    let leftovers = dir.join("out/2020-11-25");
    fs::create_dir_all(leftovers.join("typst-internt")).unwrap();
    fs::write(leftovers.join("referat-internt.html"), "Hemmelig Hansen").unwrap();
    fs::write(leftovers.join("referat-internt.json"), "010203-1234").unwrap();
    fs::write(
        leftovers.join("typst-internt/referat.typ"),
        "SAG-2020-09999",
    )
    .unwrap();
    // ... also for a meeting this build does not build, and at the top.
    fs::create_dir_all(dir.join("out/2020-01-01")).unwrap();
    fs::write(
        dir.join("out/2020-01-01/referat-internt.pdf"),
        "Hemmelig Hansen",
    )
    .unwrap();
    fs::write(dir.join("out/referat-internt.html"), "Hemmelig Hansen").unwrap();

    let run = rk(&dir, &["build", "2020-11-25", "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal = dir.join("out-internt/2020-11-25");
    assert_eq!(
        files_under(&internal),
        [
            "bilag/fortroligt.txt",
            "bilag/handleplan.pdf",
            "bilag/notat om data.txt",
            "referat-internt.html",
            "referat-internt.json",
            "referat-internt.pdf"
        ]
    );
    let page =
        Html::parse_document(&fs::read_to_string(internal.join("referat-internt.html")).unwrap());
    let closed_attachment = select(&page, "#punkt-2 ul.attachments a");
    assert_eq!(
        closed_attachment[0].value().attr("href"),
        Some("bilag/fortroligt.txt")
    );

    let run = rk(&dir, &["build", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in [
        "2020-11-25/referat-internt.html",
        "2020-11-25/referat-internt.json",
        "2020-11-25/typst-internt",
        "2020-01-01/referat-internt.pdf",
        "referat-internt.html",
    ] {
        assert!(
            run.stderr
                .contains(&format!("warning: removed out/{name}: ")),
            "no warning for {name}:\n{}",
            run.stderr
        );
    }
    // Every file of the whole tree, by name and content (a PDF by its text).
    let out = dir.join("out");
    let files = files_under(&out);
    assert!(files.contains(&"2020-11-25/referat.pdf".to_string()));
    for file in &files {
        let path = out.join(file);
        let content = if file.ends_with(".pdf") && file.contains("referat") {
            pdf_text_or_empty(&path)
        } else {
            String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned()
        };
        let seen = format!("{file}\n{content}").to_lowercase();
        for secret in [
            "hemmelig hansen",
            "010203-1234",
            "sag-2020-09999",
            "fortrolig",
        ] {
            assert!(!seen.contains(secret), "{secret} in out/{file}");
        }
    }
}

#[test]
fn the_internal_edition_never_goes_under_the_published_tree() {
    let dir = project("internal-under-out", "closed");
    for out in ["out", "out/internt", "./out/../out"] {
        let run = rk(&dir, &["build", "2020-11-25", "--internal", "--out", out]);
        assert_eq!(run.code, 2, "--out {out}: {}", run.stderr);
        assert!(
            run.stderr.contains("the internal edition cannot go to"),
            "{}",
            run.stderr
        );
    }
    assert!(!dir.join("out").exists());
    // rk.toml names the internal tree.
    fs::write(dir.join("rk.toml"), "out_internal = \"internt\"\n").unwrap();
    let run = rk(
        &dir,
        &["build", "2020-11-25", "--internal", "--only", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        dir.join("internt/2020-11-25/referat-internt.json")
            .is_file()
    );
}

#[test]
fn images_are_typed_by_their_bytes_not_their_names() {
    // A PNG without an extension and one named .jpg pass the check (it
    // reads their bytes): the page embeds both as PNG, and the PDF builds.
    let dir = project("image-names", "constructs");
    let meeting = dir.join("meetings/2020-11-25");
    let png = fs::read(meeting.join("bilag/graf.png")).unwrap();
    fs::write(meeting.join("bilag/graf"), &png).unwrap();
    fs::write(meeting.join("bilag/graf.jpg"), &png).unwrap();
    fs::write(
        meeting.join("03-billeder.md"),
        "---\nnumber: \"3\"\ntitle: Billeder\nsag: none\n---\n\
         ![Uden endelse](bilag/graf)\n\n![Forkert endelse](bilag/graf.jpg)\n",
    )
    .unwrap();
    let out = build(&dir, &["--only", "html"]);
    let html = page(&out);
    for alt in ["Uden endelse", "Forkert endelse"] {
        let image = select(&html, &format!("main img[alt='{alt}']"));
        assert_eq!(image.len(), 1, "no image `{alt}`");
        let src = image[0].value().attr("src").unwrap();
        assert!(
            src.starts_with("data:image/png;base64,"),
            "`{alt}` is not embedded as a PNG: {}",
            &src[..src.len().min(40)]
        );
    }
    // The engine goes by the names unless told the type.
    build(&dir, &["--only", "pdf"]);
    if have_tool("pdfimages", "-v") {
        let pdf = out.join("referat.pdf");
        let list = common::run_tool("pdfimages", &["-list", &pdf.to_string_lossy()]);
        // Two lines of header, then one line per image: the graph of item
        // 1 and the two of item 3.
        assert_eq!(list.lines().count(), 2 + 3, "{list}");
    }
}

/// `--only` writes some outputs; those of the other kinds, made from older
/// sources, go: they may hold an item closed since.
#[test]
fn only_removes_the_outputs_it_does_not_make() {
    let dir = project("only-stale", "closed");
    let out = build(&dir, &[]);
    let item = dir.join("meetings/2020-11-25/01-aaben.md");
    let text = fs::read_to_string(&item).unwrap();
    fs::write(&item, text.replacen("---\n", "---\nclosed: true\n", 1)).unwrap();
    let run = rk(&dir, &["build", "2020-11-25", "--only", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: removed"), "{}", run.stderr);
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["referat.json"]);
}

/// A link does not smuggle the internal tree into the published one.
#[cfg(unix)]
#[test]
fn the_internal_tree_may_not_reach_the_published_one_through_a_link() {
    let dir = project("internal-link", "closed");
    fs::create_dir_all(dir.join("out/x")).unwrap();
    std::os::unix::fs::symlink(dir.join("out/x"), dir.join("intlink")).unwrap();
    fs::write(dir.join("rk.toml"), "out_internal = \"intlink\"\n").unwrap();
    let run = rk(&dir, &["build", "2020-11-25", "--internal"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("the internal edition cannot go to"),
        "{}",
        run.stderr
    );
    assert!(files_under(&dir.join("out")).is_empty());
}
