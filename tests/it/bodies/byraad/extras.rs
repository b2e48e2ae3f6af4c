//! The smaller parts of the beslutningsprotokol (issue 19, point 8): item
//! numbers with a letter (45a), a tillægspunkt (`added`), a closed bilag on
//! an open item, an item's outcome word and who decides it, a cancelled and
//! an extraordinary meeting; read back from the PDF's text, the HTML and
//! the JSON in both layouts.

use std::fs;
use std::path::Path;

use super::{
    LAYOUTS, MEETING_ID, Outputs, build, byraad, findings, read_outputs, texts, use_layout,
};
use crate::common::{self, E, git, pdf_text, replace_in, rk, tree};

const ADDED_REASON: &str =
    "Sagen kunne ikke afvente næste møde, da tilbudsfristen udløber 1. juni.";
const CLOSED_FILE: &str = "hoeringssvar-med-navne";
const CLOSED_TITLE: &str = "Høringssvar med navne og adresser";

/// Text as [`texts`] gives it, white space squeezed out.
fn sq(text: &str) -> String {
    common::squeeze(text)
}

/// `rk build 2024-05-29 --internal` in `dir`, which must succeed, and the
/// internal referat read back.
fn build_internal(dir: &Path) -> Outputs {
    let run = rk(dir, &["build", MEETING_ID, "--internal"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    read_outputs(&dir.join("out-internt").join(MEETING_ID), "referat-internt")
}

fn item<'j>(json: &'j serde_json::Value, number: &str) -> &'j serde_json::Value {
    json["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["number"] == number)
        .unwrap_or_else(|| panic!("no item {number}"))
}

#[test]
fn a_lettered_item_follows_its_number_and_precedes_the_next() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("letter-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        let numbers: Vec<&str> = out.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["number"].as_str().expect("number"))
            .collect();
        assert_eq!(numbers, ["41", "42", "43", "44", "45", "45a", "46", "47"]);
        assert!(
            out.pdf_has("45a. Udbud af kunstgræsbane ved Fjordhallen"),
            "{layout}: {}",
            out.pdf
        );
        let item_html = texts(&out.html, "#punkt-45a");
        assert!(
            item_html[0].starts_with(&sq("45a. Udbud af kunstgræsbane ved Fjordhallen")),
            "{layout}: {item_html:?}"
        );
        // A person's `items` names it: Anne Marie Søgaard attended 45a.
        let person = out.json["people"]["members"]
            .as_array()
            .expect("members")
            .iter()
            .find(|p| p["name"] == "Anne Marie Søgaard")
            .expect("Anne Marie Søgaard");
        assert_eq!(
            person["items"],
            serde_json::json!(["42", "43", "44", "45", "45a", "46"])
        );
    }
}

#[test]
fn a_letter_without_the_item_before_it_is_a_gap() {
    let dir = byraad("letter-gap");
    let meeting = dir.join("meetings").join(MEETING_ID);
    fs::rename(
        meeting.join("45a-kunstgraesbane.md"),
        meeting.join("45b-kunstgraesbane.md"),
    )
    .expect("rename");
    replace_in(
        &meeting.join("45b-kunstgraesbane.md"),
        "number: \"45a\"",
        "number: \"45b\"",
    );
    replace_in(&meeting.join("meeting.yaml"), "45a,", "45b,");
    let (code, found) = findings(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [(
            "numbering".to_string(),
            E,
            format!("meetings/{MEETING_ID}/45b-kunstgraesbane.md"),
            2,
            9,
            "item 45b follows 45: item 45a is missing".to_string()
        )]
    );
}

#[test]
fn an_added_item_is_marked_in_the_referat_and_the_agenda_in_both_layouts() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("added-{layout}"));
        use_layout(&dir, layout);
        let referat = build(&dir, &[]);
        let run = rk(&dir, &["build", MEETING_ID, "--agenda"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let agenda = read_outputs(&dir.join("out").join(MEETING_ID), "dagsorden");
        for (document, out) in [("referat", &referat), ("dagsorden", &agenda)] {
            let mark = format!("Tillægspunkt (27-05-2024): {ADDED_REASON}");
            assert!(out.pdf_has(&mark), "{layout} {document}: {}", out.pdf);
            assert_eq!(
                texts(&out.html, "p.added"),
                [sq(&mark)],
                "{layout} {document}"
            );
            assert_eq!(
                item(&out.json, "45a")["added"],
                serde_json::json!({"date": "2024-05-27", "date_short": "27-05-2024", "reason": ADDED_REASON}),
                "{layout} {document}"
            );
            // Only the added item is marked.
            assert!(item(&out.json, "45").get("added").is_none());
        }
    }
}

#[test]
fn the_outcome_and_who_decides_show_in_both_layouts_and_the_agenda_has_no_outcome() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("outcome-{layout}"));
        use_layout(&dir, layout);
        let referat = build(&dir, &[]);
        assert!(referat.pdf_has("Afgørelse: Godkendt"), "{layout}");
        assert!(
            referat.pdf_has("Afgørelse: Taget til efterretning"),
            "{layout}"
        );
        assert!(referat.pdf_has("Sagen afgøres i: Byrådet"), "{layout}");
        let outcomes = texts(&referat.html, "p.outcome");
        assert_eq!(outcomes.len(), 6, "{layout}: {outcomes:?}");
        assert!(outcomes.contains(&sq("Afgørelse: Taget til efterretning")));
        assert_eq!(
            texts(&referat.html, "p.decided-by").first(),
            Some(&sq("Sagen afgøres i: Byrådet"))
        );
        assert_eq!(item(&referat.json, "42")["outcome"], "godkendt");
        assert_eq!(
            item(&referat.json, "46")["outcome"],
            "taget til efterretning"
        );
        assert_eq!(item(&referat.json, "42")["decided_by"], "Byrådet");
        // The closed item's outcome is its content: withheld in public.
        assert!(item(&referat.json, "47").get("outcome").is_none());
        assert!(item(&referat.json, "47").get("decided_by").is_none());

        let run = rk(&dir, &["build", MEETING_ID, "--agenda"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let agenda = read_outputs(&dir.join("out").join(MEETING_ID), "dagsorden");
        assert!(agenda.pdf_has("Sagen afgøres i: Byrådet"), "{layout}");
        assert!(
            !agenda.pdf.contains("Afgørelse"),
            "{layout}: {}",
            agenda.pdf
        );
        assert!(texts(&agenda.html, "p.outcome").is_empty(), "{layout}");
        assert!(item(&agenda.json, "42").get("outcome").is_none());
        assert_eq!(item(&agenda.json, "42")["decided_by"], "Byrådet");
    }
}

#[test]
fn the_internal_edition_shows_the_closed_items_outcome() {
    let dir = byraad("outcome-internal");
    let out = build_internal(&dir);
    assert_eq!(item(&out.json, "47")["outcome"], "godkendt");
    assert_eq!(item(&out.json, "47")["decided_by"], "Byrådet");
}

/// Every file under `out` as text: a PDF as its text and its bytes.
fn every_text(out: &Path) -> Vec<(String, String)> {
    tree(out)
        .into_iter()
        .map(|(path, bytes)| {
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            if path.extension().is_some_and(|e| e == "pdf") && bytes.starts_with(b"%PDF") {
                text.push_str(&pdf_text(&out.join(&path)));
            }
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn a_closed_bilag_reaches_no_public_output_and_the_internal_edition_has_it() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("closed-bilag-{layout}"));
        use_layout(&dir, layout);
        let public = build(&dir, &[]);
        let run = rk(&dir, &["build", MEETING_ID, "--agenda"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let run = rk(&dir, &["index"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let out = dir.join("out");
        let texts_out = every_text(&out);
        assert!(
            texts_out
                .iter()
                .any(|(p, _)| p.ends_with("lokalplan-1087.pdf"))
        );
        assert!(texts_out.iter().any(|(p, _)| p.ends_with("index.html")));
        for (path, text) in &texts_out {
            for word in [CLOSED_FILE, CLOSED_TITLE, "Lukket bilag"] {
                assert!(!text.contains(word), "{layout}: {path} holds {word}");
            }
        }
        // The open bilag of the same item is shown and linked.
        assert!(
            public.pdf_has("Lokalplan 1087 - endelig udgave"),
            "{layout}"
        );
        let links = texts(&public.html, ".attachments a");
        assert_eq!(links, [sq("Lokalplan 1087 - endelig udgave")], "{layout}");
        let attachments = &item(&public.json, "42")["attachments"];
        assert_eq!(attachments.as_array().map(Vec::len), Some(1), "{layout}");

        let internal = build_internal(&dir);
        common::assert_pdf_ua_and_pdf_a(&internal.dir.join("referat-internt.pdf"));
        let shown = format!("{CLOSED_TITLE} (Lukket bilag)");
        assert!(internal.pdf_has(&shown), "{layout}: {}", internal.pdf);
        assert!(
            texts(&internal.html, ".attachments li").contains(&sq(&shown)),
            "{layout}"
        );
        let attachments = &item(&internal.json, "42")["attachments"];
        assert_eq!(attachments[1]["closed"], true, "{layout}");
        assert!(
            internal
                .dir
                .join(format!("bilag/{CLOSED_FILE}.pdf"))
                .is_file(),
            "{layout}"
        );
    }
}

#[test]
fn a_closed_bilag_linked_from_an_items_text_is_a_finding() {
    let dir = byraad("closed-bilag-linked");
    let meeting = dir.join("meetings").join(MEETING_ID);
    let item = meeting.join("43-skolestruktur.md");
    let text = fs::read_to_string(&item).expect("item");
    fs::write(
        &item,
        format!("{text}\nSe [høringssvarene](bilag/{CLOSED_FILE}.pdf).\n"),
    )
    .expect("write");
    let (code, found) = findings(&dir);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "missing-file");
    assert_eq!(
        found[0].5,
        format!(
            "link `bilag/{CLOSED_FILE}.pdf` is a closed attachment of item 42, which is not published"
        )
    );
}

/// A copy whose meeting.yaml says `extra` after the body, with item 44's
/// text gone.
fn meeting_with(name: &str, extra: &str) -> std::path::PathBuf {
    let dir = byraad(name);
    let meeting = dir.join("meetings").join(MEETING_ID);
    replace_in(
        &meeting.join("meeting.yaml"),
        "body: Byrådet\n",
        &format!("body: Byrådet\n{extra}"),
    );
    let item = meeting.join("44-regnskab-2023.md");
    let text = fs::read_to_string(&item).expect("item");
    let front = text
        .splitn(3, "---")
        .take(2)
        .collect::<Vec<_>>()
        .join("---");
    fs::write(&item, format!("{front}---\n")).expect("write");
    dir
}

#[test]
fn a_cancelled_meeting_says_so_and_gives_no_empty_item_warnings() {
    let dir = meeting_with("not-cancelled", "");
    let (_, found) = findings(&dir);
    assert!(found.iter().any(|f| f.0 == "empty-item"), "{found:?}");
    for layout in LAYOUTS {
        let dir = meeting_with(&format!("cancelled-{layout}"), "cancelled: true\n");
        use_layout(&dir, layout);
        assert_eq!(findings(&dir), (0, Vec::new()));
        let out = build(&dir, &[]);
        common::assert_pdf_ua_and_pdf_a(&out.dir.join("referat.pdf"));
        assert!(out.pdf_has("Mødet er aflyst"), "{layout}: {}", out.pdf);
        assert_eq!(
            texts(&out.html, "p.cancelled"),
            [sq("Mødet er aflyst")],
            "{layout}"
        );
        assert_eq!(out.json["cancelled"], true, "{layout}");
        assert!(out.json.get("extraordinary").is_none());
    }
}

#[test]
fn an_extraordinary_meeting_says_so_in_its_heading() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("extraordinary-{layout}"));
        use_layout(&dir, layout);
        replace_in(
            &dir.join("meetings").join(MEETING_ID).join("meeting.yaml"),
            "body: Byrådet\n",
            "body: Byrådet\nextraordinary: true\n",
        );
        let out = build(&dir, &[]);
        assert!(out.pdf_has("Ekstraordinært møde"), "{layout}: {}", out.pdf);
        assert_eq!(
            texts(&out.html, "header p.extraordinary"),
            [sq("Ekstraordinært møde")],
            "{layout}"
        );
        assert_eq!(out.json["extraordinary"], true);
        assert!(out.json.get("cancelled").is_none());
        // The fixture itself is neither.
        let ordinary = byraad(&format!("ordinary-{layout}"));
        use_layout(&ordinary, layout);
        let plain = build(&ordinary, &[]);
        assert!(!plain.pdf_has("Ekstraordinært"));
        assert!(!plain.pdf_has("aflyst"));
    }
}

#[test]
fn a_misspelt_outcome_gets_a_did_you_mean() {
    let dir = byraad("outcome-misspelt");
    let item = dir
        .join("meetings")
        .join(MEETING_ID)
        .join("43-skolestruktur.md");
    replace_in(&item, "outcome: godkendt", "outcome: Godkent");
    let (code, found, _) = common::check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "bad-value");
    assert_eq!((found[0].line, found[0].column), (8, 10));
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `outcome: godkendt`?")
    );
}

#[test]
fn the_tillaegsdagsorden_holds_the_added_items_alone() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("tillaeg-{layout}"));
        use_layout(&dir, layout);
        let run = rk(&dir, &["build", MEETING_ID, "--agenda", "--added"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let out = dir.join("out").join(MEETING_ID);
        let added = read_outputs(&out, "tillaegsdagsorden");
        common::assert_pdf_ua_and_pdf_a(&out.join("tillaegsdagsorden.pdf"));
        let numbers: Vec<&str> = added.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["number"].as_str().expect("number"))
            .collect();
        assert_eq!(numbers, ["45a"], "{layout}");
        assert_eq!(added.json["added_only"], true);
        assert_eq!(added.json["document"], "dagsorden");
        assert!(added.pdf_has("Tillægsdagsorden - Byrådet") || added.pdf_has("TILLÆGSDAGSORDEN"));
        assert!(added.pdf_has(ADDED_REASON), "{layout}: {}", added.pdf);
        assert!(!added.pdf_has("Lokalplan 1087"), "{layout}");
        assert!(!added.pdf_has("Indstillingen blev godkendt"), "{layout}");
        let title = texts(&added.html, "title");
        assert_eq!(
            title,
            [sq("Tillægsdagsorden - Byrådet - 29. maj 2024")],
            "{layout}"
        );
        // Neither the referat nor the full agenda is written by it.
        assert!(!out.join("dagsorden.pdf").exists());
        assert!(!out.join("referat.pdf").exists());
    }
}

#[test]
fn a_meeting_without_added_items_has_no_tillaegsdagsorden() {
    let dir = byraad("tillaeg-none");
    let meeting = dir.join("meetings").join(MEETING_ID);
    replace_in(
        &meeting.join("45a-kunstgraesbane.md"),
        &format!("added: {{date: 2024-05-27, reason: \"{ADDED_REASON}\"}}\n"),
        "",
    );
    let run = rk(&dir, &["build", MEETING_ID, "--agenda", "--added"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("no item was added to the agenda"),
        "{}",
        run.stderr
    );
    assert!(
        !dir.join("out")
            .join(MEETING_ID)
            .join("tillaegsdagsorden.pdf")
            .exists()
    );
}

#[test]
fn the_pages_with_every_new_field_are_valid_and_accessible() {
    if !crate::common::browser::browser_tools() {
        return;
    }
    for layout in LAYOUTS {
        let dir = byraad(&format!("browser-{layout}"));
        use_layout(&dir, layout);
        replace_in(
            &dir.join("meetings").join(MEETING_ID).join("meeting.yaml"),
            "body: Byrådet\n",
            "body: Byrådet\nextraordinary: true\ncancelled: true\n",
        );
        for args in [
            &["--only", "html"][..],
            &["--only", "html", "--internal"],
            &["--only", "html", "--agenda", "--added"],
        ] {
            let mut all = vec!["build", MEETING_ID];
            all.extend_from_slice(args);
            let run = rk(&dir, &all);
            assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        }
        let out = dir.join("out").join(MEETING_ID);
        let internal = dir.join("out-internt").join(MEETING_ID);
        for (name, page) in [
            ("referat", out.join("referat.html")),
            ("internt", internal.join("referat-internt.html")),
            ("tillaeg", out.join("tillaegsdagsorden.html")),
        ] {
            crate::common::browser::assert_valid_and_accessible(
                &format!("byraad-{layout}-{name}"),
                &page,
            );
        }
    }
}

#[test]
fn rk_diff_tells_a_changed_outcome_and_nothing_of_a_closed_bilag() {
    let dir = byraad("diff");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "base"]);
    let meeting = dir.join("meetings").join(MEETING_ID);
    replace_in(
        &meeting.join("43-skolestruktur.md"),
        "outcome: godkendt",
        "outcome: forkastet",
    );
    replace_in(
        &meeting.join("42-lokalplan-1087.md"),
        "title: Høringssvar med navne og adresser",
        "title: Høringssvar med navne og adresser fra høringen",
    );
    let run = rk(&dir, &["diff", "main", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("Høringssvar"), "{}", run.stdout);
    let changes: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().expect("a line")).expect("JSON");
    let items = changes["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["number"], "43");
    assert_eq!(
        items[0]["fields"],
        serde_json::json!([{"field": "outcome", "old": "godkendt", "new": "forkastet"}])
    );
    let page = fs::read_to_string(dir.join("out").join(MEETING_ID).join("aendringer.html"))
        .expect("the change page");
    assert!(page.contains("Afgørelse"), "{page}");
    assert!(!page.contains("Høringssvar") && !page.contains(CLOSED_FILE));
}
