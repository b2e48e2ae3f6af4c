//! The Atom feeds of `rk index`: feed.xml, one per body (feeds/<body>.xml)
//! and one per case (feeds/sager/<case>.xml), on the archive fixture
//! (tests/fixtures/index/archive) and both example projects. Each feed is
//! parsed with a strict XML parser (roxmltree) and validated with jing
//! against RFC 4287's RELAX NG schema (tests/feeds/atom.rnc), the rules
//! the schema leaves to Schematron checked here; its entries are the right
//! ones, newest first; the pages link every feed; a closed item's case has
//! none.
//!
//! What its tests show, one by one: the Atom feeds of `rk index` (feed.xml,
//! each body's, each case's) on the archive fixture and both example projects:
//! each parsed with roxmltree and validated with jing against RFC 4287's RELAX
//! NG schema (`tests/feeds/atom.rnc`), the rules the RFC states in Schematron
//! checked by the test (every entry an author and an alternate link), unique
//! ids, entries newest first; the right entries of a body's and a case's feed
//! (the draft left out, the item's anchor); the head links and visible links of
//! index.html and sager.html in both layouts; no feed for or with a closed
//! item's case; an old feed removed.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{files_under, have_tool, project_copy, project_root, replace_in, rk, scratch};
use scraper::{Html, Selector};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const ARCHIVE: &str = "tests/fixtures/index/archive";
const BASE: &str = "https://referater.example.dk/arkiv/";

/// The cases only closed items carry in the archive fixture.
const CLOSED_CASES: [&str; 3] = ["SAG-2020-09999", "SAG-2021-07777", "SAG-2021-05555"];

/// `project` indexed, with `[site] url` added to its rk.toml when it has none.
fn indexed(project: &Path) -> PathBuf {
    let toml = project.join("rk.toml");
    let text = fs::read_to_string(&toml).unwrap_or_default();
    if !text.contains("[site]") {
        fs::write(&toml, format!("{text}\n[site]\nurl = \"{BASE}\"\n")).unwrap();
    }
    let run = rk(project, &["index"]);
    assert_eq!(run.code, 0, "rk index failed:\n{}", run.stderr);
    project.join("out")
}

/// The three projects: the archive fixture and both examples.
fn projects(name: &str) -> Vec<PathBuf> {
    let kl = scratch(&format!("feeds-{name}-kl"));
    common::copy_tree(&project_root().join("meetings"), &kl.join("meetings"));
    vec![
        project_copy(ARCHIVE, &format!("feeds-{name}-archive")),
        kl,
        project_copy("examples/kommune-udvalg", &format!("feeds-{name}-kommune")),
    ]
}

/// The feeds under `out`: feed.xml and every file under feeds/.
fn feed_files(out: &Path) -> Vec<String> {
    files_under(out)
        .into_iter()
        .filter(|name| name == "feed.xml" || name.starts_with("feeds/"))
        .collect()
}

/// What a test reads of one feed.
struct Feed {
    id: String,
    title: String,
    updated: String,
    links: Vec<(String, String)>,
    entries: Vec<Entry>,
}

struct Entry {
    id: String,
    title: String,
    updated: String,
    author: String,
    links: Vec<(String, String)>,
    summary: String,
}

fn child(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    node.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("no <{name}>"))
        .to_string()
}

fn links(node: roxmltree::Node<'_, '_>) -> Vec<(String, String)> {
    node.children()
        .filter(|c| c.has_tag_name((ATOM, "link")))
        .map(|l| {
            (
                l.attribute("rel").unwrap().into(),
                l.attribute("href").unwrap().into(),
            )
        })
        .collect()
}

/// The feed at `path`, parsed strictly as XML in Atom's namespace.
fn read(path: &Path) -> Feed {
    let text = fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} is not XML: {e}", path.display()));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "{}", path.display());
    let entries = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|e| Entry {
            id: child(e, "id"),
            title: child(e, "title"),
            updated: child(e, "updated"),
            author: e
                .descendants()
                .find(|n| n.has_tag_name((ATOM, "name")))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_string(),
            links: links(e),
            summary: child(e, "summary"),
        })
        .collect();
    Feed {
        id: child(feed, "id"),
        title: child(feed, "title"),
        updated: child(feed, "updated"),
        links: links(feed),
        entries,
    }
}

/// jing's verdict on `files` (paths) against the Atom schema: its error
/// lines, empty when every file is valid.
fn jing(files: &[PathBuf]) -> String {
    let schema = project_root().join("tests/feeds/atom.rnc");
    let output = Command::new("jing")
        .arg("-c")
        .arg(schema)
        .args(files)
        .output()
        .expect("jing runs");
    // Debian's launcher warns about optional jars it does not find.
    let said: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&output.stderr).lines())
        .filter(|line| !line.starts_with("[warning]") && !line.trim().is_empty())
        .map(str::to_string)
        .collect();
    assert_eq!(output.status.success(), said.is_empty(), "{said:?}");
    said.join("\n")
}

#[test]
fn every_feed_of_both_examples_and_the_archive_is_valid_atom() {
    let validate = have_tool("jing", "-h");
    for project in projects("valid") {
        let out = indexed(&project);
        let names = feed_files(&out);
        assert!(names.len() >= 3, "{names:?}");
        let paths: Vec<PathBuf> = names.iter().map(|n| out.join(n)).collect();
        if validate {
            let errors = jing(&paths);
            assert!(errors.is_empty(), "{}:\n{errors}", project.display());
        }
        for (name, path) in names.iter().zip(&paths) {
            let feed = read(path);
            // Its own address, and the page it follows.
            assert!(
                feed.links
                    .contains(&("self".into(), format!("{BASE}{name}")))
            );
            assert!(feed.links.iter().any(|(rel, _)| rel == "alternate"));
            assert!(feed.id.starts_with(BASE) && !feed.title.is_empty());
            assert!(feed.updated.ends_with("T00:00:00Z"), "{}", feed.updated);
            let ids: BTreeSet<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(ids.len(), feed.entries.len(), "{name}: an id twice");
            // The rules RFC 4287 states in Schematron: the feed names no
            // author, so every entry does; every entry has its page.
            for entry in &feed.entries {
                assert!(!entry.author.is_empty(), "{name}: {}", entry.id);
                assert!(entry.links.iter().any(|(rel, _)| rel == "alternate"));
                assert!(entry.updated <= feed.updated, "{name}");
            }
            // Newest first, by the meeting's date in the entry's address.
            let dates: Vec<&str> = feed
                .entries
                .iter()
                .map(|e| &e.id[BASE.len()..BASE.len() + 10])
                .collect();
            let mut sorted = dates.clone();
            sorted.sort_by(|a, b| b.cmp(a));
            assert_eq!(dates, sorted, "{name}");
        }
    }
}

#[test]
fn each_body_and_each_case_has_a_feed_of_its_own_entries() {
    let out = indexed(&project_copy(ARCHIVE, "feeds-entries"));
    assert_eq!(
        feed_files(&out),
        [
            "feed.xml",
            "feeds/boerne-og-ungeudvalget.xml",
            "feeds/it-arkitekturraadet.xml",
            "feeds/sager/sag-2019-04651.xml",
            "feeds/sager/sag-2021-00017.xml",
        ]
    );
    let body = read(&out.join("feeds/it-arkitekturraadet.xml"));
    assert_eq!(body.id, format!("{BASE}feeds/it-arkitekturraadet.xml"));
    assert_eq!(body.title, "It-Arkitekturrådet - Referatarkiv");
    let ids: Vec<&str> = body.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            format!("{BASE}2021-03-10/referat.html"),
            format!("{BASE}2020-11-25/referat.html")
        ]
    );
    // Approved on 2021-03-10: updated then; the feed as its newest entry.
    assert_eq!(body.entries[1].updated, "2021-03-10T00:00:00Z");
    assert_eq!(body.updated, "2021-03-10T00:00:00Z");
    // A closed item is in the list of items as the referat shows it.
    assert!(
        body.entries[1]
            .summary
            .contains("3. Personalesag (Lukket punkt)")
    );

    // The other body's only meeting is a draft: no entry yet.
    let draft = read(&out.join("feeds/boerne-og-ungeudvalget.xml"));
    assert!(draft.entries.is_empty());
    assert_eq!(draft.updated, "2021-06-15T00:00:00Z");

    // A case: its items newest first, the draft's left out, each linked
    // to the item in its referat.
    let case = read(&out.join("feeds/sager/sag-2019-04651.xml"));
    assert_eq!(case.title, "SAG-2019-04651 - Referatarkiv");
    assert!(case.links.contains(&(
        "alternate".into(),
        format!("{BASE}sager.html#sag-sag-2019-04651")
    )));
    let entries: Vec<(&str, &str)> = case
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    let second = format!("{BASE}2021-03-10/referat.html#punkt-1");
    let first = format!("{BASE}2020-11-25/referat.html#punkt-2");
    assert_eq!(
        entries,
        [
            (
                second.as_str(),
                "It-Arkitekturrådet 10-03-2021: 1. Arkitekturen, opfølgning"
            ),
            (
                first.as_str(),
                "It-Arkitekturrådet 25-11-2020: 2. Fælleskommunal arkitektur & <styring>"
            ),
        ]
    );
    assert!(
        case.entries[1]
            .links
            .contains(&("alternate".into(), first.clone()))
    );
    assert!(
        case.entries[1]
            .links
            .contains(&("related".into(), format!("{BASE}2020-11-25/referat.pdf")))
    );
    assert_eq!(case.entries[1].author, "It-Arkitekturrådet");

    // A closed item's case: no feed, and in none.
    for name in feed_files(&out) {
        let text = fs::read_to_string(out.join(&name)).unwrap();
        for sag in CLOSED_CASES {
            assert!(!text.contains(sag), "{sag} in out/{name}");
            assert!(!name.contains(&sag.to_lowercase()), "{name}");
        }
    }
}

fn select(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn the_pages_of_both_layouts_link_every_feed() {
    for project in projects("links") {
        let out = indexed(&project);
        let page = |name: &str| Html::parse_document(&fs::read_to_string(out.join(name)).unwrap());
        let feeds = feed_files(&out);
        let bodies: Vec<String> = feeds
            .iter()
            .filter(|f| f.starts_with("feeds/") && !f.starts_with("feeds/sager/"))
            .cloned()
            .collect();
        let cases: Vec<String> = feeds
            .iter()
            .filter(|f| f.starts_with("feeds/sager/"))
            .cloned()
            .collect();
        let alternate = "link[rel='alternate'][type='application/atom+xml']";
        let mut head_links = vec!["feed.xml".to_string()];
        head_links.extend(bodies.iter().cloned());
        let index = page("index.html");
        assert_eq!(
            select(&index, alternate),
            head_links,
            "{}",
            project.display()
        );
        // Visible too: a link to each body's feed.
        let visible = "a[rel='alternate'][type='application/atom+xml']";
        assert_eq!(select(&index, visible), bodies);
        let sager = page("sager.html");
        assert_eq!(select(&sager, alternate), head_links);
        // Each case's feed beside its heading.
        let mut linked = select(&sager, &format!("main section {visible}"));
        linked.sort();
        assert_eq!(linked, cases);
        let headings = Selector::parse("main section").unwrap();
        assert_eq!(sager.select(&headings).count(), cases.len());
    }
}

#[test]
fn a_case_carried_by_several_items_of_one_meeting_lists_them_in_its_order() {
    let kl = scratch("feeds-kl-case");
    common::copy_tree(&project_root().join("meetings"), &kl.join("meetings"));
    let out = indexed(&kl);
    let body = read(&out.join("feeds/it-arkitekturraadet.xml"));
    let ids: Vec<&str> = body.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [format!("{BASE}2020-11-25/referat.html")]);
    let case = read(&out.join("feeds/sager/sag-2019-05662.xml"));
    let anchors: Vec<&str> = case
        .entries
        .iter()
        .map(|e| e.id.rsplit_once('#').unwrap().1)
        .collect();
    assert_eq!(
        anchors,
        [
            "punkt-2-3",
            "punkt-2-5",
            "punkt-2-7",
            "punkt-2-11",
            "punkt-2-13"
        ]
    );
    assert!(
        case.entries[0]
            .title
            .starts_with("It-Arkitekturrådet 25-11-2020: 2.3. "),
        "{}",
        case.entries[0].title
    );
}

#[test]
fn the_kommune_examples_closed_case_has_no_feed() {
    let out = indexed(&project_copy(
        "examples/kommune-udvalg",
        "feeds-kommune-closed",
    ));
    let names = feed_files(&out);
    assert!(
        names.contains(&"feeds/sager/06-00-05-p16-1-21.xml".to_string()),
        "{names:?}"
    );
    for name in &names {
        let text = fs::read_to_string(out.join(name)).unwrap();
        assert!(!text.contains("02.34.02-G01-4-21"), "out/{name}");
        assert!(!name.contains("02-34-02"), "{name}");
    }
}

#[test]
fn feeds_no_longer_made_are_removed() {
    let dir = project_copy(ARCHIVE, "feeds-stale");
    let out = indexed(&dir);
    assert!(out.join("feeds/sager/sag-2021-00017.xml").is_file());
    let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
    let unchanged = modified("feeds/sager/sag-2019-04651.xml");
    // The case's item moves to another case: its old feed goes.
    replace_in(
        &dir.join("meetings/2021-03-10/02-data.md"),
        "sag: SAG-2021-00017",
        "sag: SAG-2021-00018",
    );
    let run = rk(&dir, &["index"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!out.join("feeds/sager/sag-2021-00017.xml").exists());
    assert!(out.join("feeds/sager/sag-2021-00018.xml").is_file());
    // A feed whose text is the same is left as it was, for a deployment
    // that copies what changed.
    assert_eq!(modified("feeds/sager/sag-2019-04651.xml"), unchanged);
    assert!(
        run.stderr.contains(
            "index.html, sager.html, index.json, feed.xml, 4 feeds under feeds/ in out ("
        ),
        "{}",
        run.stderr
    );
    // Without the site's address there are no feeds: all of them go.
    replace_in(
        &dir.join("rk.toml"),
        "url = \"https://referater.example.dk/arkiv\"\n",
        "",
    );
    let run = rk(&dir, &["index"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(feed_files(&out).is_empty(), "{:?}", files_under(&out));
    assert!(!out.join("feeds").exists());
}
