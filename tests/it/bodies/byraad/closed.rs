//! A closed item's decision (issue 19, "closed decisions"): item 47, the
//! sale of a plot, is decided behind closed doors; the byråd publishes
//! what it decided (`public_decision`) and nothing else of the item.

use super::{LAYOUTS, MEETING_ID, build, byraad, findings, read_outputs, texts, use_layout};
use crate::common::{
    self, Severity, check_json, files_under, git, have_tool, pdf_text, replace_in, rk,
};

use std::fs;
use std::path::Path;

const ITEM: &str = "meetings/2024-05-29/47-salg-af-grund.md";

/// The public decision as item 47 writes it.
const PUBLIC: [&str; 2] = [
    "Byrådet godkendte salget af matr.nr. 12ab til den højestbydende.",
    "Købesummen offentliggøres, når handlen er endelig.",
];

/// Words of item 47's private content: its Sagsfremstilling (with the bid,
/// which must not be published: item 45a has an amount of its own), its full Beslutning, its case number and
/// (for the item alone) its kind of text.
const PRIVATE: [&str; 5] = [
    "har budt 4,2 mio",
    "budt",
    "fortroligt",
    "Budet blev accepteret",
    "02.00.00-G01-5-24",
];

/// Item 47 in referat.json or dagsorden.json.
fn item_47(json: &serde_json::Value) -> &serde_json::Value {
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == "47")
        .expect("item 47")
}

#[test]
fn the_public_edition_shows_the_public_decision_labelled_and_nothing_else_of_the_item() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("closed-public-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        // The PDF: heading, "Lukket punkt", the label and the decision.
        for words in [
            "47. Salg af grund i erhvervsområde Syd",
            "Lukket punkt",
            "Offentlig beslutning",
        ]
        .iter()
        .chain(&PUBLIC)
        {
            assert!(out.pdf_has(words), "{layout}: `{words}` not in the PDF");
        }
        for word in PRIVATE {
            assert!(!out.pdf_has(word), "{layout}: `{word}` in the PDF");
        }
        // The HTML: the decision under its label, in the item's block.
        let decision = texts(&out.html, ".public-decision").join(" ");
        assert!(
            decision.starts_with("Offentligbeslutning"),
            "{layout}: {decision}"
        );
        for words in PUBLIC {
            let words = common::squeeze(words);
            assert!(decision.contains(&words), "{layout}: {decision}");
        }
        assert_eq!(texts(&out.html, ".public-decision").len(), 1, "{layout}");
        assert_eq!(texts(&out.html, ".closed"), ["Lukketpunkt"], "{layout}");
        // The JSON: the decision as data, the rest empty.
        let json = item_47(&out.json);
        assert_eq!(json["number"], "47", "{layout}");
        assert_eq!(json["closed"], true);
        assert_eq!(json["body"], "");
        assert_eq!(json["sag"], serde_json::Value::Null);
        assert_eq!(json["responsible"], serde_json::json!([]));
        let text = json["public_decision"].as_str().expect("a public decision");
        assert_eq!(common::squeeze(text), common::squeeze(&PUBLIC.join(" ")));
        // An open item has none.
        assert!(out.json["items"][0].get("public_decision").is_none());
    }
}

#[test]
fn the_internal_edition_shows_the_whole_item_and_the_public_decision_labelled() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("closed-internal-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &["--internal"]);
        common::assert_pdf_ua_and_pdf_a(&out.dir.join("referat-internt.pdf"));
        for words in PRIVATE
            .iter()
            .chain(&PUBLIC)
            .chain(&["Offentlig beslutning"])
        {
            assert!(out.pdf_has(words), "{layout}: `{words}` not in the PDF");
        }
        let html = texts(&out.html, "body").join(" ");
        for words in PRIVATE.iter().chain(&PUBLIC) {
            let words = common::squeeze(words);
            assert!(html.contains(&words), "{layout}: `{words}` not in the HTML");
        }
        let decision = texts(&out.html, ".public-decision").join(" ");
        assert!(
            decision.starts_with("Offentligbeslutning"),
            "{layout}: {decision}"
        );
        let json = item_47(&out.json);
        assert!(
            json["body"]
                .as_str()
                .unwrap()
                .contains("Budet blev accepteret")
        );
        assert_eq!(json["sag"], "02.00.00-G01-5-24");
        let text = json["public_decision"].as_str().expect("a public decision");
        assert_eq!(common::squeeze(text), common::squeeze(&PUBLIC.join(" ")));
    }
}

/// Every file under `dir`, each as its name and its text (a PDF made by rk
/// also as pdftotext reads it), in lower case.
fn texts_under(dir: &Path) -> Vec<(String, String)> {
    files_under(dir)
        .into_iter()
        .map(|file| {
            let path = dir.join(&file);
            let mut text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
            // The PDFs rk made; the bilag are the sources' own files.
            if file.ends_with(".pdf") && !file.contains("bilag/") {
                text.push_str(&pdf_text(&path));
            }
            (file.clone(), text.to_lowercase())
        })
        .collect()
}

/// Must show 2 of issue 19: every file the public edition writes (referat,
/// agenda, archive, change page, in every format) holds no word of the
/// closed item's private content, and the referat holds its public
/// decision in the PDF, the HTML and the JSON.
#[test]
fn no_file_under_out_holds_a_word_of_the_closed_items_content_but_its_public_decision() {
    assert!(have_tool("pdftotext", "-v"), "pdftotext is needed");
    let dir = byraad("closed-grep");
    fs::write(
        dir.join("rk.toml"),
        fs::read_to_string(dir.join("rk.toml")).unwrap()
            + "\n[site]\nurl = \"https://referater.example.dk/\"\n",
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "Mødet"]);
    // A change of the closed item's content and of its public decision,
    // for the change page and rk diff.
    replace_in(
        &dir.join(ITEM),
        "Budet blev accepteret.",
        "Budet blev accepteret enstemmigt.",
    );
    replace_in(
        &dir.join(ITEM),
        "til den højestbydende.",
        "til den højestbydende køber.",
    );
    let mut told = String::new();
    for args in [
        &["build", MEETING_ID][..],
        &["build", MEETING_ID, "--agenda"],
        &["index"],
        &["diff", "HEAD", MEETING_ID],
        &["diff", "HEAD", MEETING_ID, "--format", "json"],
        &["diff", "HEAD", MEETING_ID, "--format", "github"],
    ] {
        let run = rk(&dir, args);
        assert_eq!(run.code, 0, "rk {args:?}: {}{}", run.stdout, run.stderr);
        told.push_str(&run.stdout.to_lowercase());
    }
    let public = texts_under(&dir.join("out"));
    for page in [
        "2024-05-29/referat.pdf",
        "2024-05-29/referat.html",
        "2024-05-29/referat.json",
        "2024-05-29/dagsorden.pdf",
        "2024-05-29/aendringer.html",
        "index.json",
        "sager.html",
        "feed.xml",
    ] {
        assert!(public.iter().any(|(f, _)| f == page), "no out/{page}");
    }
    for (file, text) in &public {
        for word in PRIVATE.iter().chain(&["enstemmigt"]) {
            let word = word.to_lowercase();
            assert!(!text.contains(&word), "`{word}` in out/{file}");
        }
    }
    for word in PRIVATE.iter().chain(&["enstemmigt"]) {
        assert!(
            !told.contains(&word.to_lowercase()),
            "`{word}` in rk diff:\n{told}"
        );
    }
    // The public decision (as changed) is in each format of the referat,
    // and on the change page.
    let decision = "byrådet godkendte salget af matr.nr. 12ab til den højestbydende køber.";
    for page in [
        "2024-05-29/referat.pdf",
        "2024-05-29/referat.html",
        "2024-05-29/referat.json",
        "2024-05-29/aendringer.html",
    ] {
        let text = &public.iter().find(|(f, _)| f == page).unwrap().1;
        assert!(
            common::squeeze(text).contains(&common::squeeze(decision)),
            "the public decision not in out/{page}"
        );
    }
    // The agenda is sent before the meeting: no decision in it.
    let agenda = read_outputs(&dir.join("out").join(MEETING_ID), "dagsorden");
    assert!(!agenda.pdf_has("Byrådet godkendte salget"));
    assert!(item_47(&agenda.json).get("public_decision").is_none());
    // The internal edition holds every marker: the test sees what it
    // looks for where it may be.
    let run = rk(&dir, &["build", MEETING_ID, "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal: String = texts_under(&dir.join("out-internt"))
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for word in PRIVATE.iter().chain(&["enstemmigt"]) {
        assert!(
            internal.contains(&word.to_lowercase()),
            "`{word}` not in out-internt"
        );
    }
}

#[test]
fn a_closed_item_without_a_public_decision_is_a_finding_where_rk_toml_requires_one() {
    let dir = byraad("closed-required");
    let item = dir.join(ITEM);
    let text = fs::read_to_string(&item).unwrap();
    let start = text.find("public_decision:").unwrap();
    let end = text[start..].find("---").unwrap() + start;
    fs::write(&item, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(finding.rule, "closed-decision");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.file, ITEM);
    // At the front matter's closing line, where the field is to be added.
    let closing = text[..start].lines().count() + 1;
    assert_eq!((finding.line, finding.column), (closing, 1));
    assert_eq!(finding.message, "this closed item has no public decision");
    assert!(
        finding
            .help
            .as_deref()
            .unwrap()
            .contains("public_decision: |")
    );

    // A body outside the law (KL's councils, an udvalg) needs none.
    replace_in(
        &dir.join("rk.toml"),
        "closed_decisions = \"required\"\n",
        "",
    );
    assert_eq!(findings(&dir), (0, Vec::new()));
}

#[test]
fn a_cpr_number_in_a_public_decision_is_an_error_although_the_item_is_closed() {
    let dir = byraad("closed-cpr");
    replace_in(
        &dir.join(ITEM),
        "til den højestbydende.",
        "til den højestbydende, CPR-nr. 120385-1234.",
    );
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(finding.rule, "personal-data");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.file, ITEM);
    let text = fs::read_to_string(dir.join(ITEM)).unwrap();
    let at = text.find("120385-1234").unwrap();
    let line = text[..at].lines().count();
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    let column = text[line_start..at].chars().count() + 1;
    assert_eq!((finding.line, finding.column), (line, column));
    assert_eq!(
        finding.message,
        "a CPR number in the public decision of a closed item"
    );
    assert!(finding.help.as_deref().unwrap().contains("published"));
    // The same number in the closed item's body is no finding: the body is
    // not published.
    let dir = byraad("closed-cpr-body");
    replace_in(
        &dir.join(ITEM),
        "Budet blev accepteret.",
        "Køber: CPR-nr. 120385-1234.",
    );
    assert_eq!(findings(&dir), (0, Vec::new()));
}

#[test]
fn a_public_decision_on_an_open_item_is_a_warning() {
    let dir = byraad("closed-open-item");
    let item = dir.join("meetings/2024-05-29/45-tilskud-til-idraetsforeninger.md");
    let text = fs::read_to_string(&item).unwrap();
    let fixed = text.replacen("\n---\n", "\npublic_decision: Tilskud godkendt.\n---\n", 1);
    fs::write(&item, fixed).unwrap();
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "closed-decision");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message,
        "`public_decision` on an item that is not closed"
    );
}

/// The byråd's referat, with a closed item's public decision and the
/// absence under each item, is valid HTML without accessibility
/// violations in both layouts, public and internal.
#[test]
fn the_referat_with_a_public_decision_is_valid_and_accessible_html() {
    use crate::common::browser::{assert_valid_and_accessible, browser_tools};
    if !browser_tools() {
        return;
    }
    for layout in LAYOUTS {
        let dir = byraad(&format!("closed-browser-{layout}"));
        use_layout(&dir, layout);
        for (internal, file) in [(false, "out"), (true, "out-internt")] {
            let mut args = vec!["build", MEETING_ID, "--only", "html"];
            let mut page = format!("{file}/{MEETING_ID}/referat.html");
            if internal {
                args.push("--internal");
                page = format!("{file}/{MEETING_ID}/referat-internt.html");
            }
            let run = rk(&dir, &args);
            assert_eq!(run.code, 0, "{}", run.stderr);
            let name = format!("byraad-{layout}-{file}");
            assert_valid_and_accessible(&name, &dir.join(page));
        }
    }
}
