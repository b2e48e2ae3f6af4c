//! Search of the published archive: `search = true` under [site] gives
//! soeg.html, linked from the archive's pages; Pagefind (the pinned npm
//! package of tests/browser) indexes the public referat pages, which mark
//! what it takes: their items, not a closed item (heading and all), and
//! nothing of the internal edition or an agenda. In Chromium, on both
//! examples, a word of one item (in another Danish form than the text's)
//! lists that item first and leads to its anchor; a word only in a closed
//! item lists nothing and is in none of the index's files; the filters by
//! body and year narrow the hits; the page is Nu and axe clean and the
//! archive's only page with a script. Without the tools the browser tests
//! are skipped on a developer's machine and fail in CI.
//!
//! What its tests show, one by one: the search page of the archive (`search =
//! true`): written and linked only when asked for; a layout folder whose
//! referat.html lacks the marks is warned of; the public referat marks its
//! items for Pagefind's index and a closed item left out, the internal edition
//! and the agenda nothing; on both examples, indexed by the pinned Pagefind and
//! searched in Chromium with the keyboard (`tests/browser/search.mjs`), a word
//! of one item in another Danish form lists that item first and leads to its
//! anchor, the filters by body and year narrow the hits, a word only in a
//! closed item lists nothing and is in none of the index's decoded files, the
//! page is Nu and axe clean with hits shown, and no other page has a script.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::browser::browser_tools;
use common::{example_copy, project_copy, project_root, replace_in, rk};
use scraper::{Html, Selector};
use serde_json::{Value, json};

const SEARCH_ON: &str = "[site]\nsearch = true\n";

/// Appends `text` to the project's rk.toml (made when missing).
fn add_to_rk_toml(dir: &Path, text: &str) {
    let path = dir.join("rk.toml");
    let mut toml = fs::read_to_string(&path).unwrap_or_default();
    toml.push('\n');
    toml.push_str(text);
    fs::write(path, toml).unwrap();
}

/// `rk ARGS` in `dir`, which must succeed; its stderr.
fn rk_ok(dir: &Path, args: &[&str]) -> String {
    let run = rk(dir, args);
    assert_eq!(run.code, 0, "rk {args:?}: {}", run.stderr);
    run.stderr
}

fn page(path: &Path) -> Html {
    Html::parse_document(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// The `data-pagefind-*` attributes anywhere in a page, as `name=value`.
fn pagefind_marks(html: &Html) -> Vec<String> {
    html.root_element()
        .descendent_elements()
        .flat_map(|e| {
            e.value()
                .attrs()
                .filter(|(name, _)| name.starts_with("data-pagefind"))
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_search_page_is_written_and_linked_only_when_rk_toml_asks_for_it() {
    let dir = example_copy("page");
    rk_ok(&dir, &["index"]);
    assert!(!dir.join("out/soeg.html").exists());
    assert!(select(&page(&dir.join("out/index.html")), "a[href='soeg.html']").is_empty());

    add_to_rk_toml(&dir, SEARCH_ON);
    let stderr = rk_ok(&dir, &["index"]);
    assert!(
        stderr.contains("soeg.html needs its search index: run Pagefind after rk index, `npx pagefind --site out`"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");
    for linking in ["index.html", "sager.html"] {
        let html = page(&dir.join("out").join(linking));
        let links = select(&html, "a[href='soeg.html']");
        assert_eq!(links.len(), 1, "{linking} links the search page once");
        assert_eq!(links[0].text().collect::<String>(), "Søg");
    }
    let search = page(&dir.join("out/soeg.html"));
    let form = select(&search, "form[role=search]#soeg-form");
    assert_eq!(form.len(), 1, "one search form");
    let label = select(&search, "label[for=soeg-felt]");
    assert_eq!(label[0].text().collect::<String>(), "Søg efter");
    let options = |id: &str| -> Vec<String> {
        select(&search, &format!("#{id} option"))
            .iter()
            .map(|o| o.text().collect())
            .collect()
    };
    assert_eq!(options("soeg-organ"), ["Alle", "It-Arkitekturrådet"]);
    assert_eq!(options("soeg-aar"), ["Alle", "2020"]);
    let scripts = select(&search, "script");
    assert_eq!(scripts.len(), 1);
    assert_eq!(scripts[0].value().attr("type"), Some("module"));
    assert!(
        scripts[0]
            .text()
            .collect::<String>()
            .contains("pagefind/pagefind.js")
    );
}

/// A layout folder whose referat.html does not mark what may be indexed
/// (copied before search existed) is warned of: Pagefind would index
/// whole pages.
#[test]
fn a_layout_without_the_search_marks_is_warned_of() {
    let dir = example_copy("unmarked");
    rk_ok(&dir, &["layout", "copy", "kl", "mine"]);
    let referat = dir.join("mine/referat.html");
    let text = fs::read_to_string(&referat).unwrap();
    fs::write(&referat, text.replace("data-pagefind-body", "")).unwrap();
    add_to_rk_toml(&dir, &format!("layout = \"mine\"\n{SEARCH_ON}"));
    let stderr = rk_ok(&dir, &["index"]);
    assert!(
        stderr.contains(
            "mine/referat.html does not mark what the search may index (data-pagefind-body)"
        ),
        "{stderr}"
    );
    assert!(dir.join("out/soeg.html").is_file());
}

/// The public referat marks its items for the index, a closed item left
/// out whole; the internal edition and the agenda carry no mark at all.
#[test]
fn only_the_public_referats_open_items_are_marked_for_the_index() {
    for layout in ["kl", "kommune"] {
        let dir = project_copy("tests/fixtures/build/closed", &format!("marks-{layout}"));
        let args = ["build", "2020-11-25", "--only", "html", "--layout", layout];
        rk_ok(&dir, &args);
        rk_ok(&dir, &[&args[..], &["--internal"]].concat());
        rk_ok(&dir, &[&args[..], &["--agenda"]].concat());

        let public = page(&dir.join("out/2020-11-25/referat.html"));
        let main = select(&public, "main");
        assert_eq!(main.len(), 1);
        let main = main[0].value();
        assert_eq!(main.attr("data-pagefind-body"), Some(""), "{layout}");
        assert_eq!(main.attr("data-pagefind-filter"), Some("year:2020"));
        let h1 = select(&public, "h1");
        let body = h1[0].text().collect::<String>();
        assert_eq!(
            h1[0].value().attr("data-pagefind-filter"),
            Some(format!("body:{body}").as_str())
        );
        let ignored: Vec<String> = select(&public, "[data-pagefind-ignore=all]")
            .iter()
            .map(|e| e.value().id().unwrap_or_default().to_string())
            .collect();
        let closed: Vec<String> = select(&public, "section.item")
            .iter()
            .filter(|e| {
                e.select(&Selector::parse(".closed").unwrap())
                    .next()
                    .is_some()
            })
            .map(|e| e.value().id().unwrap().to_string())
            .collect();
        assert!(!closed.is_empty(), "the fixture has a closed item");
        assert_eq!(
            ignored, closed,
            "{layout}: exactly the closed items are left out"
        );

        for unmarked in [
            "out-internt/2020-11-25/referat-internt.html",
            "out/2020-11-25/dagsorden.html",
        ] {
            let marks = pagefind_marks(&page(&dir.join(unmarked)));
            assert_eq!(marks, Vec::<String>::new(), "{layout}: {unmarked}");
        }
    }
}

/// Pagefind of tests/browser (`npm ci` there), or None when it is missing
/// on a developer's machine (in CI that fails).
fn pagefind() -> Option<PathBuf> {
    let bin = project_root().join("tests/browser/node_modules/.bin/pagefind");
    let found = bin.exists();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "pagefind is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!(
            "SKIPPED: no pagefind in tests/browser/node_modules; run scripts/install-test-tools.sh"
        );
    }
    found.then_some(bin)
}

/// `pagefind --site out` over the project's out/, as the CI recipes run it.
fn run_pagefind(bin: &Path, dir: &Path) -> String {
    let output = Command::new(bin)
        .args(["--site", "out"])
        .current_dir(dir)
        .output()
        .expect("pagefind runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "pagefind failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// tests/browser/search.mjs over the project's out/ with `spec`; its
/// report, with what every search must show checked: the page valid and
/// accessible with hits shown, no script error, and no script on any
/// page but soeg.html.
fn searched(dir: &Path, name: &str, spec: &Value) -> Value {
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap_or(Path::new("target"))
        .join("browser-screenshots")
        .join(name);
    let mut child = Command::new("node")
        .arg(project_root().join("tests/browser/search.mjs"))
        .arg(dir.join("out"))
        .arg(&screenshots)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(spec.to_string().as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "search.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("search.mjs prints JSON");
    for (edition, vnu) in report["vnu"].as_object().unwrap() {
        assert_eq!(
            vnu["errors"],
            json!([]),
            "Nu errors in soeg.html ({edition})"
        );
        assert_eq!(
            vnu["warnings"],
            json!([]),
            "Nu warnings in soeg.html ({edition})"
        );
    }
    for width in ["1280", "390"] {
        assert_eq!(report["axe"][width], json!([]), "axe at {width} px: {name}");
        assert_eq!(
            report["axe_incomplete"][width],
            json!([]),
            "axe to review at {width} px"
        );
    }
    assert_eq!(
        report["page_errors"],
        json!([]),
        "script errors on soeg.html"
    );
    assert_eq!(
        report["scripts"]["soeg.html"], 1,
        "soeg.html has its script"
    );
    let others = report["scripts"]["others"].as_object().unwrap();
    assert!(
        others.keys().any(|p| p.ends_with("referat.html")),
        "{others:?}"
    );
    for (page, count) in others {
        assert_eq!(count, 0, "{page} has a <script>");
    }
    report
}

/// The hits of search `n` as (title, href).
fn hits(report: &Value, n: usize) -> Vec<(String, String)> {
    report["searches"][n]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["title"].as_str().unwrap().into(),
                h["href"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// Search `n` led, by its first hit, to the item `anchor` of `referat`
/// (its path on the site), whose heading starts with `number`.
fn assert_led_to(report: &Value, n: usize, referat: &str, anchor: &str, number: &str) {
    let followed = &report["searches"][n]["followed"];
    assert_eq!(followed["path"], format!("/{referat}"), "search {n}");
    assert_eq!(followed["hash"], anchor, "search {n}");
    let target = &followed["target"];
    assert_eq!(target["tag"], "section", "search {n}: {target}");
    assert!(
        target["classes"]
            .as_array()
            .unwrap()
            .contains(&json!("item")),
        "search {n}: {target}"
    );
    let heading = target["heading"].as_str().unwrap();
    assert!(
        heading.starts_with(&format!("{number}. ")),
        "search {n}: {heading}"
    );
}

/// Search `n` listed nothing and said so.
fn assert_nothing_found(report: &Value, n: usize, query: &str) {
    assert_eq!(hits(report, n), vec![], "search {n} for {query}");
    assert_eq!(
        report["searches"][n]["status"],
        format!("Ingen punkter fundet for »{query}«.")
    );
}

/// The KL example with item 2.10 closed, and a copy of it as a meeting
/// of another body in 2021; built (referat, agenda, internal edition),
/// indexed and searched.
#[test]
fn searching_the_kl_example_finds_one_item_and_nothing_of_a_closed_one() {
    if !browser_tools() {
        return;
    }
    let Some(pagefind) = pagefind() else { return };
    let dir = example_copy("kl");
    let meetings = dir.join("meetings");
    replace_in(
        &meetings.join("2020-11-25/02-10-samtykke.md"),
        "sag: SAG-2019-02290\n",
        "sag: SAG-2019-02290\nclosed: true\n",
    );
    common::copy_tree(&meetings.join("2020-11-25"), &meetings.join("2021-02-24"));
    let other = meetings.join("2021-02-24/meeting.yaml");
    replace_in(
        &other,
        "body: It-Arkitekturrådet",
        "body: Styregruppen for Data",
    );
    replace_in(&other, "date: 2020-11-25", "date: 2021-02-24");
    add_to_rk_toml(&dir, SEARCH_ON);
    rk_ok(&dir, &["build", "--all", "--only", "html"]);
    rk_ok(&dir, &["build", "--all", "--agenda", "--only", "html"]);
    rk_ok(&dir, &["build", "--all", "--internal", "--only", "html"]);
    rk_ok(&dir, &["index", "--agenda"]);
    // One referat's items at a time, so that the button for more shows.
    replace_in(
        &dir.join("out/soeg.html"),
        "data-pages=\"20\"",
        "data-pages=\"1\"",
    );
    // The internal edition among the published pages by mistake: still
    // not indexed, for it carries no mark.
    fs::copy(
        dir.join("out-internt/2020-11-25/referat-internt.html"),
        dir.join("out/2020-11-25/referat-internt.html"),
    )
    .unwrap();
    let indexed = run_pagefind(&pagefind, &dir);
    assert!(indexed.contains("Indexed 2 pages"), "{indexed}");

    // Words of item 2.10 alone. (A compound whose first part is in an
    // open item, as "samtykkekomponenten", finds the open items with that
    // part: Pagefind's fallback to the longest word that begins it.)
    let closed_words = ["føderationsmodel", "mærkeordning"];
    let report = searched(
        &dir,
        "search-kl",
        &json!({
            "searches": [
                // The text has "straksvalidering" and "straksvalideringen".
                { "query": "straksvalideringerne", "body": "It-Arkitekturrådet" },
                { "query": "straksvalideringerne", "year": "2021" },
                { "query": "straksvalideringerne", "more": true },
                { "query": closed_words[0] },
                { "query": closed_words[1] },
            ],
            "words": [closed_words[0], closed_words[1], "samtykkekomponent", "straksvalidering"],
        }),
    );
    let first = hits(&report, 0);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].0.starts_with("2.5. Gateway"), "{first:?}");
    assert_eq!(first[0].1, "/2020-11-25/referat.html#punkt-2-5");
    assert_eq!(
        report["searches"][0]["status"],
        "1 punkt fundet for »straksvalideringerne«."
    );
    assert_led_to(&report, 0, "2020-11-25/referat.html", "punkt-2-5", "2.5");
    // The other body's meeting, by the year.
    assert_eq!(
        hits(&report, 1),
        [(
            first[0].0.clone(),
            "/2021-02-24/referat.html#punkt-2-5".into()
        )]
    );
    assert_led_to(&report, 1, "2021-02-24/referat.html", "punkt-2-5", "2.5");
    // Unfiltered: the item in both meetings, one referat at a time: the
    // status says so, and the button shows the other and moves the focus
    // to it.
    let third = &report["searches"][2];
    assert_eq!(hits(&report, 2).len(), 1, "{third}");
    assert_eq!(
        third["status"],
        "Punkter fundet for »straksvalideringerne« i de første 1 af 2 referater: 1."
    );
    assert_eq!(third["more_button"], true);
    let after = &third["after_more"];
    assert_eq!(after["more_button"], false, "{after}");
    assert_eq!(
        after["status"],
        "2 punkter fundet for »straksvalideringerne«."
    );
    let both: Vec<&str> = after["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["href"].as_str().unwrap())
        .collect();
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(
        both.iter()
            .all(|href| href.ends_with("/referat.html#punkt-2-5"))
    );
    assert_ne!(both[0], both[1]);
    assert_eq!(
        after["focused"], both[1],
        "the focus is on the first new hit"
    );
    for (n, word) in closed_words.iter().enumerate() {
        assert_nothing_found(&report, 3 + n, word);
    }
    for word in [closed_words[0], closed_words[1], "samtykkekomponent"] {
        assert_eq!(
            report["index"]["words"][word],
            json!([]),
            "{word} is in the index"
        );
    }
    assert_ne!(
        report["index"]["words"]["straksvalidering"],
        json!([]),
        "the grep finds an open word"
    );
}

/// The kommune example (examples/kommune-udvalg), whose item 47 is closed:
/// its whole archive indexed and searched.
#[test]
fn searching_the_kommune_example_finds_one_item_and_nothing_of_a_closed_one() {
    if !browser_tools() {
        return;
    }
    let Some(pagefind) = pagefind() else { return };
    let dir = project_copy("examples/kommune-udvalg", "kommune");
    add_to_rk_toml(&dir, SEARCH_ON);
    rk_ok(&dir, &["build", "--all", "--only", "html"]);
    rk_ok(&dir, &["index"]);
    let indexed = run_pagefind(&pagefind, &dir);
    assert!(indexed.contains("Indexed 2 pages"), "{indexed}");

    // Words of item 47 alone, whose title is "Køb af areal til
    // regnvandsbassin ved Engvej" (a search for "regnvandsbassin" finds
    // item 43's "regnvand", the longest word that begins it).
    let closed = ["ejeren", "prisen"];
    let report = searched(
        &dir,
        "search-kommune",
        &json!({
            "searches": [
                // The text has "renseanlægget".
                { "query": "renseanlæggene" },
                { "query": closed[0] },
                { "query": closed[1] },
                { "query": "separatkloakere", "year": "2021", "body": "Klima- og Miljøudvalget" },
            ],
            "words": ["regnvandsbassin", "ejeren", "matr.nr", "separatkloakere"],
        }),
    );
    let first = hits(&report, 0);
    assert!(!first.is_empty());
    assert!(
        first[0]
            .0
            .starts_with("43. Tillæg nr. 4 til Spildevandsplan"),
        "{first:?}"
    );
    assert_eq!(first[0].1, "/2021-05-05/referat.html#punkt-43");
    assert_led_to(&report, 0, "2021-05-05/referat.html", "punkt-43", "43");
    assert_nothing_found(&report, 1, closed[0]);
    assert_nothing_found(&report, 2, closed[1]);
    for word in ["regnvandsbassin", "ejeren", "matr.nr"] {
        assert_eq!(
            report["index"]["words"][word],
            json!([]),
            "{word} is in the index"
        );
    }
    assert_ne!(report["index"]["words"]["separatkloakere"], json!([]));
    assert_eq!(
        hits(&report, 3),
        [(
            first[0].0.clone(),
            "/2021-05-05/referat.html#punkt-43".into()
        )]
    );
}
