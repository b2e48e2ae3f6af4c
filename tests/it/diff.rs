//! `rk diff BASE`: the referat with every change since a git revision
//! marked, on a repository made in the test: the example meeting
//! committed (with 2.13 made closed), then edited: a word changed in 2.1,
//! an item added, a person added, a case number corrected and the closed
//! item changed. The change page holds exactly those changes, the public
//! edition nothing of the closed item's text, and bad revisions give a
//! clear message and exit 2.
//!
//! What its tests show, one by one: `rk diff` on a git repository made in the
//! test (the example meeting committed with 2.13 closed, then a word changed in
//! 2.1, an item added, a person added, a case number corrected and the closed
//! item changed): the change page's `<ins>` and `<del>` are exactly those
//! changes, each with its words for screen readers, the field and participant
//! sentences and the links at the top are there, and the public page holds no
//! word of the closed item (`--internal` marks them); an unchanged item reads
//! as in referat.html; a removed item is shown whole and deleted, a renumbered
//! one under a new file name is found by its title; the JSON and GitHub forms;
//! no change writes no page; a meeting new since BASE is all new; an unknown
//! revision, a revision left out and a folder in no repository are exit 2 with
//! the message pinned, sources with an error exit 1 with nothing written; the
//! pages pass the Nu Html Checker and axe-core, public and internal.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::browser::{assert_valid_and_accessible, browser_tools};
use common::{copy_tree, git, project_root, replace_in, rk, scratch};
use scraper::{ElementRef, Html, Selector};

const MEETING: &str = "meetings/2020-11-25";

/// A repository holding a copy of the example meeting with 2.13 closed,
/// committed on `main`.
fn committed(name: &str) -> PathBuf {
    let dir = scratch(&format!("diff-{name}"));
    copy_tree(&project_root().join(MEETING), &dir.join(MEETING));
    replace_in(
        &dir.join(MEETING)
            .join("02-13-afrapportering-arkitekturboard.md"),
        "presenters: [Vibeke Normann]\n",
        "presenters: [Vibeke Normann]\nclosed: true\n",
    );
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Referatet som godkendt"]);
    dir
}

const NEW_ITEM: &str = "---\nnumber: \"2.14\"\ntitle: Datadeling på tværs\nsag: SAG-2020-01111\nresponsible: Line Laudrup\n---\n## Indstilling\n\nRådet drøfter datadeling mellem kommunerne.\n";

/// The five edits of the brief, in the work tree.
fn edit(dir: &Path) {
    let meeting = dir.join(MEETING);
    replace_in(
        &meeting.join("02-01-nyt-fra-udvalget.md"),
        "- tager status til efterretning",
        "- tager sagen til efterretning",
    );
    fs::write(meeting.join("02-14-datadeling.md"), NEW_ITEM).unwrap();
    replace_in(
        &meeting.join("meeting.yaml"),
        "  - name: Caroline Hegelund\n",
        "  - name: Jens Testesen\n    organisation: KL\n  - name: Caroline Hegelund\n",
    );
    replace_in(
        &meeting.join("02-04-synkronisering-sor.md"),
        "sag: SAG-2017-01594",
        "sag: SAG-2017-01549",
    );
    replace_in(
        &meeting.join("02-13-afrapportering-arkitekturboard.md"),
        "afholdt to møder",
        "afholdt tre hemmelige møder",
    );
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// An element's text as read, without the words for screen readers.
fn seen(element: ElementRef<'_>) -> String {
    let hidden = sel(".visually-hidden");
    let mut text: String = element.text().collect();
    for span in element.select(&hidden) {
        let words: String = span.text().collect();
        text = text.replacen(&words, "", 1);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the item section an element lies in, or "" outside items.
fn item_of(element: ElementRef<'_>) -> String {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| {
            e.value()
                .has_class("item", scraper::CaseSensitivity::CaseSensitive)
        })
        .and_then(|e| e.value().id())
        .unwrap_or("")
        .to_string()
}

/// Each `<ins>` or `<del>` of the page: the item it is in and its words.
fn marks(page: &Html, tag: &str) -> Vec<(String, String)> {
    page.select(&sel(tag))
        .map(|e| (item_of(e), seen(e)))
        .collect()
}

fn read(path: &Path) -> Html {
    Html::parse_document(
        &fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

#[test]
fn the_change_page_marks_exactly_the_changes_and_nothing_of_a_closed_item() {
    let dir = committed("five");
    edit(&dir);
    let run = rk(&dir, &["diff", "main", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2020-11-25 since main: participants: Jens Testesen new in members; \
         2.1 Nyt fra Udvalget for Arkitektur og Standarder: 1 word changed; \
         2.4 Drøftelse af løsningsskitse for synkronisering af Sundhedsvæsenets \
         Organisationsregister (SOR) og Støttesystem Organisation: sag changed; \
         2.13 Afrapportering fra Arkitekturboards møder i oktober 2020: changed (closed item); \
         2.14 Datadeling på tværs: new\n  wrote out/2020-11-25/aendringer.html\n"
    );
    let page_path = dir.join("out/2020-11-25/aendringer.html");
    let page = read(&page_path);

    // Deleted: the one word of 2.1. Inserted: its replacement, the new
    // item's words, the new person: nothing else anywhere.
    assert_eq!(
        marks(&page, "del"),
        vec![("punkt-2-1".to_string(), "status".to_string())]
    );
    let ins = marks(&page, "ins");
    let outside: Vec<&(String, String)> = ins
        .iter()
        .filter(|(item, _)| item != "punkt-2-14")
        .collect();
    assert_eq!(
        outside,
        vec![
            &(String::new(), "Jens Testesen, KL".to_string()),
            &("punkt-2-1".to_string(), "sagen".to_string()),
        ]
    );
    let new_words: Vec<&str> = ins
        .iter()
        .filter(|(item, _)| item == "punkt-2-14")
        .map(|(_, words)| words.as_str())
        .collect();
    assert_eq!(
        new_words,
        ["Indstilling", "Rådet drøfter datadeling mellem kommunerne."]
    );
    // The marks are read out: each has its words for screen readers.
    for mark in page.select(&sel("ins, del")) {
        assert_eq!(
            mark.select(&sel(".visually-hidden")).count(),
            2,
            "{}",
            mark.html()
        );
    }

    // The field changes in words, at the item and at the top.
    let sentences = |id: &str| -> Vec<String> {
        page.select(&sel(&format!("#{id} .change-sentences li")))
            .map(seen)
            .collect()
    };
    assert_eq!(
        sentences("punkt-2-4"),
        ["Sag ændret fra SAG-2017-01594 til SAG-2017-01549"]
    );
    assert_eq!(sentences("punkt-2-1"), Vec::<String>::new());
    let top: Vec<String> = page.select(&sel("#moedet li")).map(seen).collect();
    assert_eq!(top, ["Jens Testesen tilføjet under Deltagere"]);
    // Each changed item listed at the top, linked to its section.
    let links: Vec<String> = page
        .select(&sel(".change-summary a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        links,
        ["#punkt-2-1", "#punkt-2-4", "#punkt-2-13", "#punkt-2-14"]
    );
    for link in &links {
        assert_eq!(page.select(&sel(link)).count(), 1, "{link}");
    }
    let notice = |id: &str| {
        seen(
            page.select(&sel(&format!("#{id} .change-notice")))
                .next()
                .unwrap(),
        )
    };
    assert_eq!(notice("punkt-2-14"), "Nyt punkt");
    assert_eq!(notice("punkt-2-1"), "Punktet er ændret");

    // The closed item: number, title, "Lukket punkt" and that it changed.
    let closed = page.select(&sel("#punkt-2-13")).next().unwrap();
    assert_eq!(
        seen(closed),
        "2.13. Afrapportering fra Arkitekturboards møder i oktober 2020 \
         Punktet er ændret (lukket punkt: ændringerne vises kun i den interne udgave) Lukket punkt"
    );
    // An unchanged item reads as in the referat.
    let build = rk(&dir, &["build", "2020-11-25", "--only", "html"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let referat = read(&dir.join("out/2020-11-25/referat.html"));
    for id in ["#punkt-2-2", "#punkt-2-9", "#punkt-3"] {
        let inner = |page: &Html| page.select(&sel(id)).next().map(|e| e.inner_html());
        let squeeze = |html: Option<String>| {
            html.unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(squeeze(inner(&page)), squeeze(inner(&referat)), "{id}");
    }
    let text = fs::read_to_string(&page_path).unwrap();
    for secret in [
        "hemmelige",
        "afholdt to",
        "Emnesystematik",
        "tager afrapporteringen",
    ] {
        assert!(
            !text.contains(secret),
            "the public change page shows {secret:?}"
        );
    }
}

#[test]
fn the_internal_edition_shows_the_closed_items_changes() {
    let dir = committed("internal");
    edit(&dir);
    let run = rk(&dir, &["diff", "main", "2020-11-25", "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "2.13 Afrapportering fra Arkitekturboards møder i oktober 2020: 2 words changed"
        ),
        "{}",
        run.stdout
    );
    assert!(!dir.join("out/2020-11-25/aendringer.html").exists());
    let page = read(&dir.join("out-internt/2020-11-25/aendringer-internt.html"));
    let in_closed = |tag: &str| -> Vec<String> {
        marks(&page, tag)
            .into_iter()
            .filter(|(item, _)| item == "punkt-2-13")
            .map(|(_, words)| words)
            .collect()
    };
    assert_eq!(in_closed("del"), ["to"]);
    assert_eq!(in_closed("ins"), ["tre hemmelige"]);
    assert!(
        page.select(&sel("#punkt-2-13 .closed-internal"))
            .next()
            .is_some()
    );
}

#[test]
fn json_gives_the_changes_as_data_and_github_a_step_summary() {
    let dir = committed("json");
    edit(&dir);
    let run = rk(&dir, &["diff", "main", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 1);
    let changes = &lines[0];
    assert_eq!(changes["meeting"], "2020-11-25");
    assert_eq!(changes["base"], "main");
    assert_eq!(changes["new_meeting"], false);
    assert_eq!(changes["page"], "out/2020-11-25/aendringer.html");
    assert_eq!(
        changes["people"],
        serde_json::json!([{"group": "members", "name": "Jens Testesen", "change": "new"}])
    );
    let items = changes["items"].as_array().unwrap();
    let numbers: Vec<&str> = items
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["2.1", "2.4", "2.13", "2.14"]);
    assert_eq!(items[0]["words_inserted"], 1);
    assert_eq!(items[0]["words_deleted"], 1);
    assert_eq!(
        items[1]["fields"],
        serde_json::json!([{"field": "sag", "old": "SAG-2017-01594", "new": "SAG-2017-01549"}])
    );
    // The closed item: that it changed, nothing of how.
    assert_eq!(items[2]["closed"], true);
    assert_eq!(items[2]["fields"], serde_json::json!([]));
    assert!(items[2].get("words_inserted").is_none());
    assert_eq!(items[3]["change"], "new");

    let run = rk(&dir, &["diff", "main", "--format", "github"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("### 2020-11-25: changes since `main`\n\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "- **2\\.1 Nyt fra Udvalget for Arkitektur og Standarder**: 1 word changed\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn no_change_writes_no_page_unless_the_meeting_is_named() {
    let dir = committed("same");
    let run = rk(&dir, &["diff", "main"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "2020-11-25: no changes since main\n")
    );
    assert!(!dir.join("out").exists());
    let run = rk(&dir, &["diff", "main", "--format", "github"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "No meeting changed since `main`.\n")
    );
    let run = rk(&dir, &["diff", "main", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = read(&dir.join("out/2020-11-25/aendringer.html"));
    assert_eq!(page.select(&sel("ins, del")).count(), 0);
    assert_eq!(
        seen(
            page.select(&sel(".change-box .change-notice"))
                .next()
                .unwrap()
        ),
        "Ingen ændringer siden main."
    );
}

#[test]
fn a_meeting_new_since_base_is_all_new() {
    let dir = scratch("diff-new-meeting");
    fs::write(dir.join("README.md"), "Referater\n").unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Start"]);
    copy_tree(&project_root().join(MEETING), &dir.join(MEETING));
    let run = rk(&dir, &["diff", "main", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2020-11-25: new since main\n  wrote out/2020-11-25/aendringer.html\n"
    );
    let page = read(&dir.join("out/2020-11-25/aendringer.html"));
    assert_eq!(page.select(&sel("del")).count(), 0);
    // Every item's text is inserted, every item said to be new.
    for item in page.select(&sel("main section.item")) {
        let id = item.value().id().unwrap();
        assert!(
            item.select(&sel("ins")).next().is_some() || id == "punkt-2",
            "{id}"
        );
        assert_eq!(
            seen(item.select(&sel(".change-notice")).next().unwrap()),
            "Nyt punkt"
        );
    }
    assert!(
        seen(page.select(&sel(".change-box")).next().unwrap()).contains("Mødet er nyt siden main")
    );
}

#[test]
fn a_bad_base_is_a_clear_error() {
    let dir = committed("bad-base");
    let run = rk(&dir, &["diff", "nosuch", "2020-11-25"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: unknown revision `nosuch`: git knows no branch, tag or commit of that name"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists());
    let run = rk(&dir, &["diff", "2020-11-25"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with(
            "; `2020-11-25` is a meeting, and the first argument is the revision to compare with: `rk diff main 2020-11-25`\n"
        ),
        "{}",
        run.stderr
    );

    // Not in a repository: git is kept from looking above the folder.
    let plain = scratch("diff-no-repo");
    copy_tree(&project_root().join(MEETING), &plain.join(MEETING));
    let output = common::rk_command()
        .args(["diff", "main", "2020-11-25"])
        .current_dir(&plain)
        .env("GIT_CEILING_DIRECTORIES", plain.parent().unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        ". is not in a git repository: rk diff compares with a revision of the repository the meetings are committed in\n"
            .replace(". is", "error: . is")
    );
}

#[test]
fn the_change_page_is_valid_html_and_accessible() {
    if !browser_tools() {
        return;
    }
    let dir = committed("browser");
    edit(&dir);
    let run = rk(&dir, &["diff", "main", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_valid_and_accessible("diff", &dir.join("out/2020-11-25/aendringer.html"));
    let run = rk(&dir, &["diff", "main", "2020-11-25", "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_valid_and_accessible(
        "diff-internal",
        &dir.join("out-internt/2020-11-25/aendringer-internt.html"),
    );
}

#[test]
fn a_removed_item_is_shown_deleted_and_a_renumbered_one_keeps_its_text() {
    let dir = committed("removed");
    let meeting = dir.join(MEETING);
    git(
        &dir,
        &[
            "rm",
            "-q",
            "meetings/2020-11-25/02-12-arkitekturrapport-sygesikring.md",
        ],
    );
    // 2.13 becomes 2.12, under a new file name: found by its title.
    git(
        &dir,
        &[
            "mv",
            "meetings/2020-11-25/02-13-afrapportering-arkitekturboard.md",
            "meetings/2020-11-25/02-12-afrapportering.md",
        ],
    );
    replace_in(
        &meeting.join("02-12-afrapportering.md"),
        "number: \"2.13\"",
        "number: \"2.12\"",
    );
    replace_in(
        &meeting.join("meeting.yaml"),
        "Weidekampsgade 10",
        "Weidekampsgade 12",
    );
    let run = rk(
        &dir,
        &[
            "diff",
            "main",
            "2020-11-25",
            "--internal",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let changes: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(
        changes["fields"],
        serde_json::json!([{"field": "location", "old": "KL, Weidekampsgade 10", "new": "KL, Weidekampsgade 12"}])
    );
    let items: Vec<(String, String)> = changes["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["title"].as_str().unwrap().to_string(),
                i["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "Afrapportering fra Arkitekturboards møder i oktober 2020".to_string(),
                "changed".to_string()
            ),
            (
                "Arkitekturrapport vedrørende Sygesikring".to_string(),
                "removed".to_string()
            ),
        ]
    );
    assert_eq!(
        changes["items"][0]["fields"],
        serde_json::json!([{"field": "number", "old": "2.13", "new": "2.12"}])
    );
    let path = dir.join("out-internt/2020-11-25/aendringer-internt.html");
    let page = read(&path);
    assert_eq!(
        page.select(&sel("#punkt-2-12 .change-sentences li"))
            .map(seen)
            .collect::<Vec<_>>(),
        ["Nummer ændret fra 2.13 til 2.12"]
    );
    assert_eq!(
        page.select(&sel("#punkt-2-12 ins, #punkt-2-12 del"))
            .count(),
        0
    );
    // The removed item whole, where it was, its parts still headings and
    // every word of them deleted.
    let removed = page.select(&sel("#fjernet-punkt-2-12")).next().unwrap();
    assert_eq!(
        seen(removed.select(&sel(".change-notice")).next().unwrap()),
        "Punktet er fjernet"
    );
    let headings: Vec<String> = removed.select(&sel("h4")).map(seen).collect();
    assert_eq!(headings, ["Indstilling", "Drøftelse"]);
    for block in removed.select(&sel(
        "h4, p:not(.change-notice):not(.sag):not(.presenters), li",
    )) {
        assert!(
            block.select(&sel("del")).next().is_some(),
            "{}",
            block.html()
        );
    }
    assert_eq!(page.select(&sel("ins")).count(), 0);
    if browser_tools() {
        assert_valid_and_accessible("diff-removed", &path);
    }
}

#[test]
fn sources_with_an_error_get_no_change_page() {
    let dir = committed("error");
    replace_in(
        &dir.join(MEETING).join("02-04-synkronisering-sor.md"),
        "sag: SAG-2017-01594",
        "sag: SAG-2017-1594",
    );
    let run = rk(&dir, &["diff", "main", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-sag]"), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("no change page: the sources have 1 error; nothing was written\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    assert!(!dir.join("out").exists());
}

/// The closed item of the marker test: a marker word (all beginning
/// `zqx`) in every field that holds its content, a note, a linked file
/// and an attachment's file name among them.
const MARKED_CLOSED_ITEM: &str = "---
number: \"2\"
title: Personalesag
kind: beslutning
sag: SAG-zqxsag
dok: zqxdok
responsible: Zqxansvarlig Hansen
presenters: [Karen Rahbek]
closed: true
attachments:
  - { file: bilag/zqxfil.txt, title: Zqxtitel om sagen }
  - { file: bilag/zqxutitlet.txt }
  - { url: \"https://zqxadresse.example.dk/notat\", title: Zqxlinktitel }
berigtigelser:
  - { date: 2020-12-10, text: Zqxberigtigelse af beslutningen }
---
## Drøftelse

Sagen zqxbody drøftes[^1], se [notatet](bilag/zqxlinket.txt).

[^1]: Zqxnote til sagen.
";

/// Every file under `dir` as text, by its path (a PDF rk made by its text
/// too, when pdftotext is there, besides its bytes).
fn texts_under(dir: &Path) -> Vec<(String, String)> {
    common::files_under(dir)
        .into_iter()
        .map(|file| {
            let path = dir.join(&file);
            let mut text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
            let made = file.ends_with(".pdf") && !file.contains("bilag/");
            if made && common::have_tool("pdftotext", "-v") {
                text.push_str(&common::pdf_text(&path));
            }
            (file.clone(), format!("{file}\n{text}").to_lowercase())
        })
        .collect()
}

#[test]
fn no_output_of_the_public_edition_holds_a_word_of_a_closed_items_content() {
    let dir = scratch("diff-markers");
    copy_tree(&project_root().join("tests/fixtures/build/closed"), &dir);
    let meeting = dir.join(MEETING);
    fs::write(meeting.join("02-lukket.md"), MARKED_CLOSED_ITEM).unwrap();
    for name in ["zqxfil.txt", "zqxutitlet.txt", "zqxlinket.txt"] {
        fs::write(meeting.join("bilag").join(name), "indhold\n").unwrap();
    }
    // Links for cases and documents, an archive with a feed: more places a
    // case or a document number could show.
    fs::write(
        dir.join("rk.toml"),
        "[case]\npattern = \"SAG-[a-z0-9-]+\"\nurl = \"https://sager.example.dk/{sag}\"\n\n\
         [document]\nurl = \"https://dok.example.dk/{dok}\"\n\n\
         [site]\nurl = \"https://referater.example.dk/\"\n",
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Mødet"]);
    // Every field of the closed item changed, and a word of the open one.
    replace_in(&meeting.join("02-lukket.md"), "zqxbody", "zqxbody zqxnyt");
    replace_in(&meeting.join("02-lukket.md"), "zqxsag", "zqxsag2");
    replace_in(&meeting.join("02-lukket.md"), "zqxdok", "zqxdok2");
    replace_in(
        &meeting.join("02-lukket.md"),
        "Zqxansvarlig",
        "Zqxansvarlig2",
    );
    replace_in(
        &meeting.join("02-lukket.md"),
        "Zqxberigtigelse af",
        "Zqxberigtigelse2 af",
    );
    replace_in(&meeting.join("01-aaben.md"), "det åbne", "det helt åbne");

    let mut told = String::new();
    for args in [
        &["build", "2020-11-25"][..],
        &["build", "2020-11-25", "--agenda"],
        &["index"],
        &["diff", "HEAD", "2020-11-25"],
        &["diff", "HEAD", "2020-11-25", "--format", "json"],
        &["diff", "HEAD", "2020-11-25", "--format", "github"],
        &["build", "2020-11-25", "--internal"],
        &["build", "2020-11-25", "--internal", "--agenda"],
        &["diff", "HEAD", "2020-11-25", "--internal"],
    ] {
        let run = rk(&dir, args);
        assert_eq!(run.code, 0, "rk {args:?}: {}", run.stderr);
        if !args.contains(&"--internal") {
            told.push_str(&run.stdout.to_lowercase());
        }
    }
    // The public outputs: every page, the data, the archive, the change
    // page, and what rk diff told.
    let public = texts_under(&dir.join("out"));
    for page in [
        "2020-11-25/referat.html",
        "2020-11-25/referat.json",
        "2020-11-25/referat.pdf",
        "2020-11-25/dagsorden.html",
        "2020-11-25/dagsorden.pdf",
        "2020-11-25/aendringer.html",
        "index.html",
        "index.json",
        "sager.html",
        "feed.xml",
    ] {
        assert!(
            public.iter().any(|(file, _)| file == page),
            "no out/{page}: {public:?}"
        );
    }
    for (file, text) in &public {
        assert!(!text.contains("zqx"), "a marker in out/{file}");
        // The item's presenter is one of the members: not named as such.
        assert!(!text.contains("oplæg ved"), "the presenters in out/{file}");
    }
    assert!(
        !told.contains("zqx"),
        "a marker in rk diff's output:\n{told}"
    );
    assert!(told.contains("changed (closed item)"), "{told}");
    // The title, the kind and that it is closed are public.
    let referat = &public
        .iter()
        .find(|(file, _)| file == "2020-11-25/referat.html")
        .unwrap()
        .1;
    assert!(referat.contains("personalesag") && referat.contains("lukket punkt"));

    // The internal edition has every marker: the test sees what it looks
    // for where it may be.
    let internal: String = texts_under(&dir.join("out-internt"))
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for marker in [
        "zqxsag2",
        "zqxdok2",
        "zqxansvarlig2",
        "zqxfil",
        "zqxutitlet",
        "zqxtitel",
        "zqxlinktitel",
        "zqxadresse",
        "zqxbody",
        "zqxnyt",
        "zqxnote",
        "zqxlinket",
        "zqxberigtigelse2",
    ] {
        assert!(internal.contains(marker), "{marker} not in out-internt");
    }
}

const KOMMUNE_MEETING: &str = "meetings/2021-05-05";

/// The kommune example (examples/kommune-udvalg) committed on `main`,
/// then edited: a word of 42's body and the text of the closed item 47.
fn kommune_edited(name: &str) -> PathBuf {
    let dir = common::project_copy("examples/kommune-udvalg", &format!("diff-{name}"));
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Referatet som godkendt"]);
    let meeting = dir.join(KOMMUNE_MEETING);
    replace_in(
        &meeting.join("42-klimahandleplan.md"),
        "34 konkrete tiltag",
        "36 konkrete tiltag",
    );
    replace_in(
        &meeting.join("47-koeb-af-areal.md"),
        "45 kr. pr. m²",
        "52 kr. pr. m²",
    );
    dir
}

/// The text of the `<style>` of a page.
fn style_of(page: &Html) -> String {
    page.select(&sel("style"))
        .next()
        .expect("the page has its styles inline")
        .text()
        .collect()
}

fn layout_file(layout: &str, file: &str) -> String {
    fs::read_to_string(project_root().join("layouts").join(layout).join(file)).unwrap()
}

/// The kommune layout makes its change page with its own template and
/// stylesheet (before, it took KL's template with the kommune stylesheet,
/// whose rules do not style KL's classes): the page's head is the
/// kommune referat's, and it passes the Nu Html Checker and axe.
#[test]
fn the_kommune_layout_makes_its_own_change_page() {
    let dir = kommune_edited("kommune");
    let run = rk(&dir, &["diff", "main", "2021-05-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = dir.join("out/2021-05-05/aendringer.html");
    let page = read(&path);
    assert!(style_of(&page).contains(&layout_file("kommune", "style.css")));
    assert!(!style_of(&page).contains(&layout_file("kl", "style.css")));
    // Every class of the page's head has a rule in the kommune stylesheet.
    for (css, count) in [
        ("header.head", 1),
        (".head .word", 1),
        (".head dl.facts", 1),
        // Deltagere, Andre deltagere, Afbud.
        (".facts ul.people", 3),
    ] {
        assert_eq!(page.select(&sel(css)).count(), count, "{css}");
    }
    assert_eq!(page.select(&sel(".cover, .when, .long-date")).count(), 0);
    assert_eq!(
        marks(&page, "ins"),
        [("punkt-42".to_string(), "36".to_string())]
    );
    assert_eq!(
        marks(&page, "del"),
        [("punkt-42".to_string(), "34".to_string())]
    );
    // The closed item: that it changed, none of its words.
    let closed = page.select(&sel("#punkt-47")).next().unwrap();
    assert_eq!(
        seen(closed.select(&sel(".change-notice")).next().unwrap()),
        "Punktet er ændret (lukket punkt: ændringerne vises kun i den interne udgave)"
    );
    assert!(!page.html().contains("kr. pr. m²"));
    assert_eq!(
        page.select(&sel(".change-summary a"))
            .map(seen)
            .collect::<Vec<_>>(),
        [
            "42. Klimahandleplan 2021-2025 - udsendelse i offentlig høring",
            "47. Køb af areal til regnvandsbassin ved Engvej"
        ]
    );
    // `rk layout copy kommune DIR` makes the same page from the folder.
    let built_in = fs::read(&path).unwrap();
    let copy = rk(&dir, &["layout", "copy", "kommune", "kopi"]);
    assert_eq!(copy.code, 0, "{}", copy.stderr);
    let run = rk(&dir, &["diff", "main", "2021-05-05", "--layout", "kopi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fs::read(&path).unwrap() == built_in,
        "the copy's page differs"
    );
    let run = rk(&dir, &["diff", "main", "2021-05-05", "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal = dir.join("out-internt/2021-05-05/aendringer-internt.html");
    assert_eq!(
        marks(&read(&internal), "ins"),
        [
            ("punkt-42".to_string(), "36".to_string()),
            ("punkt-47".to_string(), "52".to_string())
        ]
    );
    if browser_tools() {
        assert_valid_and_accessible("diff-kommune", &path);
        assert_valid_and_accessible("diff-kommune-internal", &internal);
    }
}

/// A layout folder without aendringer.html (a kommune layout copied
/// before it had one): the change page comes whole from the built-in kl
/// layout, its template and its stylesheet, with the folder's words and
/// kl's [changes] words where the folder has none.
#[test]
fn a_layout_without_a_change_page_takes_kls_template_and_stylesheet_together() {
    let dir = kommune_edited("fallback");
    let copy = rk(&dir, &["layout", "copy", "kommune", "gammel"]);
    assert_eq!(copy.code, 0, "{}", copy.stderr);
    fs::remove_file(dir.join("gammel/aendringer.html")).unwrap();
    let labels = dir.join("gammel/labels.toml");
    let text = fs::read_to_string(&labels).unwrap();
    let cut = text.find("# The archive pages").unwrap();
    fs::write(&labels, &text[..cut]).unwrap();
    let run = rk(&dir, &["diff", "main", "2021-05-05", "--layout", "gammel"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("has no aendringer.html, so the page is made whole from the built-in kl"),
        "{}",
        run.stderr
    );
    let page = read(&dir.join("out/2021-05-05/aendringer.html"));
    assert!(style_of(&page).contains(&layout_file("kl", "style.css")));
    assert!(!style_of(&page).contains(&layout_file("kommune", "style.css")));
    assert_eq!(page.select(&sel("header.cover .when")).count(), 1);
    assert_eq!(
        seen(page.select(&sel("#aendringer")).next().unwrap()),
        "Ændringer siden main"
    );
    // The folder's words: the kommune layout's, not kl's.
    assert!(page.html().contains("Fremlagt af Kirsten Dalgaard"));
}
