//! The published site of a project as one whole, in both built-in layouts:
//! the referat, the dagsorden, the change page (`rk diff`) and the archive
//! (`rk index`) of the kommune example are all in its layout's look (that
//! layout's stylesheet and markup, none of the other's), each page's foot
//! links rk.toml's `[site] accessibility_statement`, the index links the
//! public documents built in out/ and never an internal edition, and the
//! change pages pass the Nu Html Checker and axe-core at 1280 and 390 px
//! (screenshots in target/browser-screenshots/site-*; the archive pages
//! with the statement: tests/it/index.rs).
//!
//! What its tests show, one by one: the published site of the kommune example
//! in each built-in layout (referat, dagsorden, change page, index.html,
//! sager.html): every page has its layout's style.css, accent colour and head,
//! none of the other layout's; each page's foot links `[site]
//! accessibility_statement` once as *Tilgængelighedserklæring*; the index links
//! the dagsorden and tillægsdagsorden built in `out/` (no `--agenda`), in
//! index.json too, and no internal edition; without a statement no link and `rk
//! index` of a published site says so; an address that is not whole is refused
//! (exit 2); the archive and change pages pass Nu and axe at 1280 and 390 px.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::browser::{assert_valid_and_accessible, browser_tools};
use common::{git, project_copy, replace_in, rk};
use scraper::{ElementRef, Html, Selector};

const MEETING: &str = "2021-05-05";
const STATEMENT: &str = "https://www.was.digst.dk/referater-example-dk";

/// The accent colour of each built-in layout's style.css: KL's maroon,
/// the kommune layout's blue. A page with the other layout's is in the
/// wrong look.
const ACCENT: [(&str, &str); 2] = [("kl", "#6d1f3d"), ("kommune", "#1b4f72")];

/// The kommune example as a repository with the approved referat
/// committed and an edit after it (for `rk diff main`), and rk.toml with
/// the site's address and its accessibility statement.
fn site(name: &str) -> PathBuf {
    let dir = project_copy("examples/kommune-udvalg", &format!("site-{name}"));
    let toml = dir.join("rk.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        format!(
            "{text}\n[site]\nurl = \"https://referater.example.dk/\"\n\
             accessibility_statement = \"{STATEMENT}\"\n"
        ),
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Referatet som godkendt"]);
    replace_in(
        &dir.join("meetings")
            .join(MEETING)
            .join("42-klimahandleplan.md"),
        "34 konkrete tiltag",
        "36 konkrete tiltag",
    );
    dir
}

/// `rk ARGS... --layout LAYOUT`, which must succeed; its standard error.
fn run(dir: &Path, args: &[&str], layout: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--layout", layout]);
    let run = rk(dir, &all);
    assert_eq!(run.code, 0, "rk {}: {}", all.join(" "), run.stderr);
    run.stderr
}

/// Every page of the site in `layout`: the referat and dagsorden of both
/// meetings, the change page of the first, and the archive. Returns rk
/// index's standard error.
fn publish(dir: &Path, layout: &str) -> String {
    run(dir, &["build", "--all", "--only", "html,pdf"], layout);
    run(
        dir,
        &["build", MEETING, "--agenda", "--only", "html"],
        layout,
    );
    // The internal edition is built too: the archive must not link it.
    run(
        dir,
        &["build", MEETING, "--internal", "--only", "html"],
        layout,
    );
    run(dir, &["diff", "main", MEETING], layout);
    run(dir, &["index"], layout)
}

fn read(path: &Path) -> Html {
    Html::parse_document(&fs::read_to_string(path).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    let words: Vec<&str> = element.text().flat_map(str::split_whitespace).collect();
    words.join(" ")
}

fn layout_file(layout: &str, file: &str) -> String {
    fs::read_to_string(
        common::project_root()
            .join("layouts")
            .join(layout)
            .join(file),
    )
    .unwrap()
}

/// The pages of the site, relative to out/.
fn pages() -> Vec<String> {
    let mut pages: Vec<String> = ["index.html", "sager.html"].map(String::from).into();
    for page in ["referat.html", "dagsorden.html", "aendringer.html"] {
        pages.push(format!("{MEETING}/{page}"));
    }
    pages.push("2021-05-26/referat.html".into());
    pages
}

/// The page is in `layout`'s look: its style sheet is that layout's
/// style.css and has its accent colour, not the other layout's; its head
/// is the layout's (KL's cover, the kommune layout's head block).
fn assert_look(html: &Html, layout: &str, page: &str) {
    let style: String = select(html, "style")
        .iter()
        .flat_map(|s| s.text())
        .collect();
    assert!(
        style.contains(&layout_file(layout, "style.css")),
        "{page}: not {layout}'s style.css"
    );
    for (other, accent) in ACCENT {
        assert_eq!(
            style.contains(accent),
            other == layout,
            "{page} in {layout}: the accent colour {accent} of {other}"
        );
    }
    let (own, foreign) = match layout {
        "kl" => ("header.cover", "header.head"),
        _ => ("header.head", "header.cover"),
    };
    assert_eq!(select(html, own).len(), 1, "{page} in {layout}: no {own}");
    assert!(
        select(html, foreign).is_empty(),
        "{page} in {layout}: {foreign}"
    );
}

/// The page's foot links the accessibility statement, once, in words.
fn assert_statement(html: &Html, page: &str) {
    let links = select(html, "footer a");
    let statement: Vec<&ElementRef> = links
        .iter()
        .filter(|a| a.value().attr("href") == Some(STATEMENT))
        .collect();
    assert_eq!(statement.len(), 1, "{page}: the statement's link");
    assert_eq!(text(statement[0]), "Tilgængelighedserklæring", "{page}");
    assert_eq!(
        select(html, &format!("a[href=\"{STATEMENT}\"]")).len(),
        1,
        "{page}: one link to the statement"
    );
}

/// Both layouts: every page in its look with the statement at its foot;
/// the index links the dagsorden that was built (without `--agenda`) and
/// no internal edition; the archive and change pages pass Nu and axe.
#[test]
fn every_page_of_the_site_is_in_its_layouts_look_with_the_accessibility_statement() {
    for (layout, _) in ACCENT {
        let dir = site(layout);
        let said = publish(&dir, layout);
        assert!(!said.contains("no accessibility statement"), "{said}");
        let out = dir.join("out");
        for page in pages() {
            let html = read(&out.join(&page));
            assert_look(&html, layout, &page);
            assert_statement(&html, &page);
        }
        let index = read(&out.join("index.html"));
        let hrefs: Vec<&str> = select(&index, "main a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        for built in ["referat.html", "referat.pdf", "dagsorden.html"] {
            assert!(
                hrefs.contains(&format!("{MEETING}/{built}").as_str()),
                "{layout}: no link to {built}: {hrefs:?}"
            );
        }
        // The second meeting's agenda was not built: not linked.
        assert!(!hrefs.contains(&"2021-05-26/dagsorden.html"), "{hrefs:?}");
        assert!(!hrefs.iter().any(|h| h.contains("internt")), "{hrefs:?}");
        // The archive pages of two meetings are too short for the
        // screenshot check's size; tests/it/index.rs checks them, with the
        // statement, on an archive of three.
        if browser_tools() {
            assert_valid_and_accessible(
                &format!("site-{layout}-aendringer"),
                &out.join(MEETING).join("aendringer.html"),
            );
        }
    }
}

/// Without a statement no page has the link; `rk index` of a published
/// site (`[site] url`) says that the law asks for one, of a project
/// without a site address it says nothing; an address that is not a
/// whole web address is refused before anything is written.
#[test]
fn without_an_accessibility_statement_rk_index_says_so_for_a_published_site() {
    let dir = site("none");
    let toml = dir.join("rk.toml");
    replace_in(
        &toml,
        &format!("accessibility_statement = \"{STATEMENT}\"\n"),
        "",
    );
    let said = publish(&dir, "kommune");
    assert!(
        said.contains(
            "no accessibility statement: a public website needs a tilgængelighedserklæring \
             linked from every page (webtilgængelighedsloven § 4)"
        ),
        "{said}"
    );
    for page in pages() {
        let html = read(&dir.join("out").join(&page));
        assert!(
            select(&html, "a")
                .iter()
                .all(|a| text(a) != "Tilgængelighedserklæring"),
            "{page}"
        );
    }
    replace_in(&toml, "url = \"https://referater.example.dk/\"\n", "");
    let said = run(&dir, &["index"], "kommune");
    assert!(!said.contains("accessibility statement"), "{said}");

    fs::write(
        &toml,
        fs::read_to_string(&toml).unwrap()
            + "accessibility_statement = \"was.digst.dk/referater\"\n",
    )
    .unwrap();
    for args in [&["index"][..], &["build", MEETING]] {
        let refused = rk(&dir, args);
        assert_eq!(refused.code, 2, "{}", refused.stderr);
        assert!(
            refused.stderr.contains(
                "rk.toml: `accessibility_statement` under [site] is `was.digst.dk/referater`, \
                 not a whole web address"
            ),
            "{}",
            refused.stderr
        );
    }
}

/// The index links each public document of a meeting that is in out/:
/// the dagsorden and the tillægsdagsorden of the byråd's meeting, built
/// without `rk index --agenda`, and in index.json too; never the internal
/// editions, built as well.
#[test]
fn the_index_links_every_public_document_built_and_no_internal_one() {
    let dir = project_copy("tests/fixtures/bodies/byraad", "site-documents");
    let meeting = "2024-05-29";
    for args in [
        &[][..],
        &["--agenda"],
        &["--agenda", "--added"],
        &["--internal"],
        &["--agenda", "--internal"],
    ] {
        let mut all = vec!["build", meeting];
        all.extend_from_slice(args);
        let built = rk(&dir, &all);
        assert_eq!(built.code, 0, "rk {}: {}", all.join(" "), built.stderr);
    }
    let indexed = rk(&dir, &["index"]);
    assert_eq!(indexed.code, 0, "{}", indexed.stderr);
    let index = read(&dir.join("out/index.html"));
    let facts = select(&index, ".meetings .facts");
    assert_eq!(facts.len(), 1);
    let hrefs: Vec<&str> = select(&index, ".meetings a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    let wanted: Vec<String> = ["referat", "dagsorden", "tillaegsdagsorden"]
        .iter()
        .flat_map(|stem| ["html", "pdf"].map(|ext| format!("{meeting}/{stem}.{ext}")))
        .collect();
    for want in &wanted {
        assert!(hrefs.contains(&want.as_str()), "no {want}: {hrefs:?}");
    }
    assert!(!hrefs.iter().any(|h| h.contains("internt")), "{hrefs:?}");
    let words = text(&facts[0]);
    assert!(words.contains("Tillægsdagsorden: HTML"), "{words}");

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/index.json")).unwrap()).unwrap();
    let entry = &json["meetings"][0];
    assert_eq!(
        entry["dagsorden"]["html"],
        format!("{meeting}/dagsorden.html")
    );
    assert_eq!(
        entry["tillaegsdagsorden"]["pdf"],
        format!("{meeting}/tillaegsdagsorden.pdf")
    );
    assert!(!json.to_string().contains("internt"));
}
