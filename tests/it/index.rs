//! `rk index`: the archive of a small project (tests/fixtures/index/archive:
//! three meetings of two bodies over two years, one case in all three,
//! closed items, a draft) as a reader and another system see it: the
//! pages parsed, index.json read back, the feed parsed as XML, the pages
//! in the Nu Html Checker and axe-core.
//!
//! What its tests show, one by one: `rk index` on a small archive
//! (`tests/fixtures/index/archive`: three meetings of two bodies over two
//! years, one case in all three, an item closed itself, one in a closed section
//! and one under a closed group, a draft): index.html parsed (years newest
//! first, bodies in name order, dates, ordinals, item counts, the draft marked,
//! the links; the dagsorden's with `--agenda`), sager.html (the case's three
//! items oldest first with their links and the case's `case.url`), index.json
//! read back, the feed parsed as XML (roxmltree: Atom's namespace, id, updated,
//! the self link, the entries newest first without the draft, their links,
//! author and dates); after `rk index` and `rk build --all`, no file under
//! `out/` holds a closed item's case, and every link of the case index leads to
//! the item's heading in the built referat; no feed without `[site] url` (and
//! an old one removed); a meeting with an error stops it with nothing written;
//! a layout without the archive templates uses KL's, one with half of them
//! takes the other from KL's, and `rk index` says which; Nu and axe on both
//! pages, with the accessibility statement at their foot.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::browser::{assert_valid_and_accessible, browser_tools};
use common::{files_under, project_copy, replace_in, rk};
use scraper::{ElementRef, Html, Selector};

const ARCHIVE: &str = "tests/fixtures/index/archive";

/// The cases only closed items carry (an item closed itself, one in a
/// closed section, one under a closed group): never published.
const CLOSED_CASES: [&str; 3] = ["SAG-2020-09999", "SAG-2021-07777", "SAG-2021-05555"];

/// A scratch copy of the archive, indexed with `extra` arguments.
fn indexed(name: &str, extra: &[&str]) -> PathBuf {
    let dir = project_copy(ARCHIVE, &format!("index-{name}"));
    let mut args = vec!["index"];
    args.extend_from_slice(extra);
    let run = rk(&dir, &args);
    assert_eq!(run.code, 0, "rk index failed:\n{}", run.stderr);
    dir
}

fn page(dir: &Path, name: &str) -> Html {
    Html::parse_document(&fs::read_to_string(dir.join("out").join(name)).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    let words: Vec<&str> = element.text().flat_map(str::split_whitespace).collect();
    words.join(" ")
}

fn hrefs(element: &ElementRef<'_>) -> Vec<String> {
    element
        .select(&Selector::parse("a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn the_archive_lists_every_meeting_newest_first_by_year_and_body() {
    let dir = indexed("years", &[]);
    let html = page(&dir, "index.html");
    assert_eq!(text(&select(&html, "h1")[0]), "Referatarkiv");
    let years: Vec<String> = select(&html, "main h2").iter().map(text).collect();
    assert_eq!(years, ["2021", "2020"]);
    let sections = select(&html, "main > section");
    let bodies = |i: usize| -> Vec<String> {
        sections[i]
            .select(&Selector::parse("h3").unwrap())
            .map(|h| text(&h))
            .collect()
    };
    // Bodies in name order within a year.
    assert_eq!(bodies(0), ["Børne- og Ungeudvalget", "It-Arkitekturrådet"]);
    assert_eq!(bodies(1), ["It-Arkitekturrådet"]);
    let meetings: Vec<String> = select(&html, ".meetings li").iter().map(text).collect();
    assert_eq!(meetings.len(), 3, "{meetings:#?}");
    // The draft is marked; every meeting has its item count and links.
    assert!(
        meetings[0].starts_with("Tirsdag den 15. juni 2021 UDKAST 3 punkter · Referat: HTML"),
        "{}",
        meetings[0]
    );
    assert!(
        meetings[1].starts_with("Onsdag den 10. marts 2021 1. møde · 3 punkter"),
        "{}",
        meetings[1]
    );
    assert!(
        meetings[2].starts_with("Onsdag den 25. november 2020 4. møde · 3 punkter"),
        "{}",
        meetings[2]
    );
    let links = hrefs(&select(&html, ".meetings li")[2]);
    assert_eq!(
        links,
        [
            "2020-11-25/referat.html",
            "2020-11-25/referat.html",
            "2020-11-25/referat.pdf"
        ]
    );
    assert!(
        !fs::read_to_string(dir.join("out/index.html"))
            .unwrap()
            .contains("dagsorden")
    );
    let nav = hrefs(&select(&html, "header nav")[0]);
    assert_eq!(nav, ["#aar-2021", "#aar-2020", "sager.html", "feed.xml"]);
}

#[test]
fn with_agenda_each_meeting_links_its_dagsorden_too() {
    let dir = indexed("agenda", &["--agenda"]);
    let html = page(&dir, "index.html");
    let links = hrefs(&select(&html, ".meetings li")[2]);
    assert_eq!(
        links[1..],
        [
            "2020-11-25/referat.html",
            "2020-11-25/referat.pdf",
            "2020-11-25/dagsorden.html",
            "2020-11-25/dagsorden.pdf"
        ]
    );
    let json = index_json(&dir);
    assert_eq!(
        json["meetings"][2]["dagsorden"],
        serde_json::json!({"html": "2020-11-25/dagsorden.html", "pdf": "2020-11-25/dagsorden.pdf"})
    );
}

#[test]
fn the_case_index_follows_a_case_through_the_years() {
    let dir = indexed("cases", &[]);
    let html = page(&dir, "sager.html");
    let cases: Vec<String> = select(&html, "main h2").iter().map(text).collect();
    assert_eq!(cases, ["SAG-2019-04651", "SAG-2021-00017"]);
    let case = select(&html, "#sag-sag-2019-04651")[0];
    assert_eq!(
        hrefs(&case)[0],
        "https://sager.example.dk/SAG-2019-04651",
        "the case links to rk.toml's case.url"
    );
    let items: Vec<String> = case
        .select(&Selector::parse("li").unwrap())
        .map(|li| text(&li))
        .collect();
    assert_eq!(
        items,
        [
            "25-11-2020 · It-Arkitekturrådet · punkt 2 2. Fælleskommunal arkitektur & <styring>",
            "10-03-2021 · It-Arkitekturrådet · punkt 1 1. Arkitekturen, opfølgning",
            "15-06-2021 · Børne- og Ungeudvalget · punkt 1 · UDKAST 1. Arkitekturen i skolerne",
        ]
    );
    // Then the link to the case's feed (tests/it/feeds.rs), then the items.
    assert_eq!(hrefs(&case)[1], "feeds/sager/sag-2019-04651.xml");
    assert_eq!(
        hrefs(&case)[2..],
        [
            "2020-11-25/referat.html#punkt-2",
            "2021-03-10/referat.html#punkt-1",
            "2021-06-15/referat.html#punkt-1"
        ]
    );
}

#[test]
fn a_closed_items_case_is_in_no_file_under_out_and_the_anchors_lead_to_the_items() {
    let dir = indexed("closed", &[]);
    let build = rk(&dir, &["build", "--all"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for name in files_under(&dir.join("out")) {
        let bytes = fs::read(dir.join("out").join(&name)).unwrap();
        let content = String::from_utf8_lossy(&bytes);
        for sag in CLOSED_CASES {
            assert!(!content.contains(sag), "{sag} is published in out/{name}");
        }
    }
    // Closed items appear as in the referat: in the feed with number and
    // title only.
    let feed = fs::read_to_string(dir.join("out/feed.xml")).unwrap();
    assert!(feed.contains("3. Personalesag (Lukket punkt)"), "{feed}");
    // Every link of the case index finds its item in the built referat.
    let html = page(&dir, "sager.html");
    for link in select(&html, "main li a") {
        let href = link.value().attr("href").unwrap();
        let (file, anchor) = href.split_once('#').unwrap();
        let referat =
            Html::parse_document(&fs::read_to_string(dir.join("out").join(file)).unwrap());
        let target = select(&referat, &format!("#{anchor}"));
        assert_eq!(target.len(), 1, "{href} leads nowhere");
        let heading = text(&target[0].child_elements().next().unwrap());
        assert_eq!(heading, text(&link), "{href}");
    }
}

fn index_json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(dir.join("out/index.json")).unwrap()).unwrap()
}

#[test]
fn index_json_holds_the_meetings_and_the_cases() {
    let dir = indexed("json", &[]);
    let json = index_json(&dir);
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["title"], "Referatarkiv");
    assert_eq!(json["url"], "https://referater.example.dk/arkiv/");
    let ids: Vec<&str> = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2021-06-15", "2021-03-10", "2020-11-25"]);
    let first = &json["meetings"][2];
    assert_eq!(first["body"], "It-Arkitekturrådet");
    assert_eq!(first["date"], "2020-11-25");
    assert_eq!(first["number"], "4");
    assert_eq!(first["status"], "godkendt");
    assert_eq!(first["approved"], "2021-03-10");
    assert_eq!(first["items"], 3);
    assert_eq!(
        first["referat"],
        serde_json::json!({"html": "2020-11-25/referat.html", "pdf": "2020-11-25/referat.pdf"})
    );
    assert_eq!(json["meetings"][0]["status"], "udkast");
    assert!(json["meetings"][1].get("status").is_none());
    assert!(first.get("dagsorden").is_none());
    let case = &json["cases"][0];
    assert_eq!(case["sag"], "SAG-2019-04651");
    assert_eq!(case["url"], "https://sager.example.dk/SAG-2019-04651");
    assert_eq!(
        case["items"][0],
        serde_json::json!({
            "meeting": "2020-11-25",
            "date": "2020-11-25",
            "date_short": "25-11-2020",
            "body": "It-Arkitekturrådet",
            "number": "2",
            "title": "Fælleskommunal arkitektur & <styring>",
            "href": "2020-11-25/referat.html#punkt-2",
            "status": "godkendt"
        })
    );
    assert_eq!(case["items"][2]["status"], "udkast");
    assert_eq!(json["cases"].as_array().unwrap().len(), 2);
}

#[test]
fn the_feed_is_atom_with_the_newest_referater_and_no_draft() {
    let dir = indexed("feed", &[]);
    let text = fs::read_to_string(dir.join("out/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("feed.xml is XML");
    let atom = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    assert_eq!(feed.tag_name().name(), "feed");
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        node.children()
            .find(|c| c.has_tag_name((atom, name)))
            .and_then(|c| c.text())
            .unwrap_or_else(|| panic!("no <{name}>"))
            .to_string()
    };
    assert_eq!(child(feed, "id"), "https://referater.example.dk/arkiv/");
    assert_eq!(child(feed, "title"), "Referatarkiv");
    assert_eq!(child(feed, "updated"), "2021-03-10T00:00:00Z");
    let links = |node: roxmltree::Node<'_, '_>| -> Vec<(String, String)> {
        node.children()
            .filter(|c| c.has_tag_name((atom, "link")))
            .map(|l| {
                (
                    l.attribute("rel").unwrap().into(),
                    l.attribute("href").unwrap().into(),
                )
            })
            .collect()
    };
    assert!(links(feed).contains(&(
        "self".into(),
        "https://referater.example.dk/arkiv/feed.xml".into()
    )));
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((atom, "entry")))
        .collect();
    // The draft of 2021-06-15 is not published in the feed.
    let ids: Vec<String> = entries.iter().map(|e| child(*e, "id")).collect();
    assert_eq!(
        ids,
        [
            "https://referater.example.dk/arkiv/2021-03-10/referat.html",
            "https://referater.example.dk/arkiv/2020-11-25/referat.html"
        ]
    );
    let entry = entries[1];
    assert_eq!(
        child(entry, "title"),
        "Referat - It-Arkitekturrådet - 25. november 2020"
    );
    assert_eq!(child(entry, "published"), "2020-11-25T00:00:00Z");
    // Approved on 2021-03-10: updated then.
    assert_eq!(child(entry, "updated"), "2021-03-10T00:00:00Z");
    assert_eq!(
        links(entry),
        [
            (
                "alternate".to_string(),
                "https://referater.example.dk/arkiv/2020-11-25/referat.html".to_string()
            ),
            (
                "related".to_string(),
                "https://referater.example.dk/arkiv/2020-11-25/referat.pdf".to_string()
            )
        ]
    );
    let author = entry
        .descendants()
        .find(|n| n.has_tag_name((atom, "name")))
        .and_then(|n| n.text());
    assert_eq!(author, Some("It-Arkitekturrådet"));
    assert!(child(entry, "summary").contains("2. Fælleskommunal arkitektur & <styring>"));
}

#[test]
fn without_a_site_address_there_is_no_feed_and_an_old_one_goes() {
    let dir = indexed("no-site", &[]);
    assert!(dir.join("out/feed.xml").is_file());
    replace_in(
        &dir.join("rk.toml"),
        "url = \"https://referater.example.dk/arkiv\"\n",
        "",
    );
    let run = rk(&dir, &["index"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!dir.join("out/feed.xml").exists());
    assert!(
        run.stderr.contains(
            "no feeds: an Atom feed needs the address the archive is published at, `url` \
             under `[site]` in rk.toml"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "indexed 3 meetings and 2 cases: index.html, sager.html, index.json in out ("
        ),
        "{}",
        run.stderr
    );
    let html = page(&dir, "index.html");
    assert!(select(&html, "a[href='feed.xml']").is_empty());
    assert!(select(&html, "link[rel='alternate']").is_empty());

    // An address that is not a whole one is a configuration problem.
    replace_in(
        &dir.join("rk.toml"),
        "[site]\n",
        "[site]\nurl = \"referater.example.dk\"\n",
    );
    let run = rk(&dir, &["index", "--out", "andet"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: rk.toml: `url` under [site] is `referater.example.dk`, not a whole web address: \
         write the address out/ is published at, with https:// (`https://referater.example.dk/`)\n"
    );
    assert!(!dir.join("andet").exists());
}

#[test]
fn a_folder_name_with_a_space_is_linked_percent_encoded() {
    let dir = project_copy(ARCHIVE, "index-space");
    let meetings = dir.join("meetings");
    fs::rename(
        meetings.join("2021-03-10"),
        meetings.join("2021-03-10-ekstra møde"),
    )
    .unwrap();
    let run = rk(&dir, &["index"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = index_json(&dir);
    assert_eq!(json["meetings"][1]["id"], "2021-03-10-ekstra møde");
    assert_eq!(
        json["meetings"][1]["referat"]["html"],
        "2021-03-10-ekstra%20m%C3%B8de/referat.html"
    );
    assert_eq!(
        json["cases"][0]["items"][1]["href"],
        "2021-03-10-ekstra%20m%C3%B8de/referat.html#punkt-1"
    );
    let html = page(&dir, "index.html");
    assert_eq!(
        hrefs(&select(&html, ".meetings li")[1])[0],
        "2021-03-10-ekstra%20m%C3%B8de/referat.html"
    );
}

#[test]
fn out_names_another_folder() {
    let dir = indexed("out", &["--out", "arkiv"]);
    let files = files_under(&dir.join("arkiv"));
    let (oparl, pages): (Vec<String>, Vec<String>) =
        files.into_iter().partition(|f| f.starts_with("oparl/"));
    assert_eq!(
        pages,
        [
            "feed.xml",
            "feeds/boerne-og-ungeudvalget.xml",
            "feeds/it-arkitekturraadet.xml",
            "feeds/sager/sag-2019-04651.xml",
            "feeds/sager/sag-2021-00017.xml",
            "index.html",
            "index.json",
            "sager.html"
        ]
    );
    assert!(
        oparl.contains(&"oparl/system.json".to_string()),
        "{oparl:?}"
    );
    assert!(!dir.join("out").exists());
}

#[test]
fn a_meeting_with_an_error_stops_the_index_and_nothing_is_written() {
    let dir = project_copy(ARCHIVE, "index-error");
    replace_in(
        &dir.join("meetings/2021-03-10/02-data.md"),
        "sag: SAG-2021-00017",
        "sag: SAG-2021-17",
    );
    let run = rk(&dir, &["index", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("\"rule\":\"bad-sag\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("not indexed: the sources have 1 error; nothing was written"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists());
}

fn style_of(dir: &Path, name: &str) -> String {
    select(&page(dir, name), "style")[0].text().collect()
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

/// Each archive page is made from the template and the stylesheet of one
/// layout: the kommune layout has its own; a layout folder without a page's
/// template (a kommune layout copied before it had them) takes that page
/// whole from the built-in kl layout, template and stylesheet, and the
/// other from the folder.
#[test]
fn an_archive_page_comes_whole_from_one_layout() {
    let dir = indexed("layout", &[]);
    let kl = |name: &str| fs::read(dir.join("out").join(name)).unwrap();
    let (kl_index, kl_cases) = (kl("index.html"), kl("sager.html"));
    let run = rk(&dir, &["index", "--layout", "kommune"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
    for name in ["index.html", "sager.html"] {
        assert!(style_of(&dir, name).contains(&layout_file("kommune", "style.css")));
        assert_eq!(select(&page(&dir, name), "header.head h1").len(), 1);
        assert!(select(&page(&dir, name), ".cover").is_empty());
    }

    let copy = rk(&dir, &["layout", "copy", "kommune", "eget"]);
    assert_eq!(copy.code, 0, "{}", copy.stderr);
    fs::remove_file(dir.join("eget/index.html")).unwrap();
    fs::remove_file(dir.join("eget/sager.html")).unwrap();
    let labels = dir.join("eget/labels.toml");
    let text = fs::read_to_string(&labels).unwrap();
    fs::write(&labels, &text[..text.find("# The archive pages").unwrap()]).unwrap();
    let run = rk(&dir, &["index", "--layout", "eget"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(kl("index.html") == kl_index, "index.html is not kl's");
    assert!(kl("sager.html") == kl_cases, "sager.html is not kl's");
    // Said, with what to copy to have the folder's look.
    assert!(
        run.stderr.contains(
            "has no index.html and sager.html, so the page is made whole from the built-in kl \
             layout (template and style.css) and looks like KL's, not like the folder's"
        ),
        "{}",
        run.stderr
    );

    // Only sager.html: that page is the folder's, index.html still kl's.
    fs::write(
        dir.join("eget/sager.html"),
        layout_file("kommune", "sager.html"),
    )
    .unwrap();
    let run = rk(&dir, &["index", "--layout", "eget"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("has no index.html, so"),
        "{}",
        run.stderr
    );
    assert!(kl("index.html") == kl_index, "index.html is not kl's");
    assert!(style_of(&dir, "sager.html").contains(&layout_file("kommune", "style.css")));
    assert!(!style_of(&dir, "sager.html").contains(&layout_file("kl", "style.css")));
    assert_eq!(
        select(&page(&dir, "sager.html"), "header.head h1")[0]
            .text()
            .collect::<String>(),
        "Sager"
    );
}

/// With the accessibility statement linked at the foot (`[site]
/// accessibility_statement`), as a published site has it.
#[test]
fn the_index_pages_are_valid_html_without_accessibility_violations() {
    if browser_tools() {
        let dir = indexed("browser", &["--agenda"]);
        let toml = dir.join("rk.toml");
        let text = fs::read_to_string(&toml).unwrap();
        let statement = "accessibility_statement = \"https://www.was.digst.dk/example\"\n";
        fs::write(&toml, format!("{text}{statement}")).unwrap();
        let run = rk(&dir, &["index", "--agenda"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(select(&page(&dir, "index.html"), "footer a").len(), 1);
        assert_valid_and_accessible("index-archive", &dir.join("out/index.html"));
        assert_valid_and_accessible("index-cases", &dir.join("out/sager.html"));
        let run = rk(&dir, &["index", "--agenda", "--layout", "kommune"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_valid_and_accessible("index-kommune-archive", &dir.join("out/index.html"));
        assert_valid_and_accessible("index-kommune-cases", &dir.join("out/sager.html"));
    }
}
