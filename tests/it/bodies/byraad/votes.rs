//! Votes, protokoltilførsler, inhabilitet and the members' parties (issue
//! 19, points 1-3 and a person's party): the byråd's item 43 is voted on by
//! groups, an amendment first, with a protokoltilførsel by Ø; item 44 has
//! an inhabil member and a stedfortræder for it alone; item 45 is voted on
//! by names. Read back from the PDF, the HTML and the JSON in both
//! layouts; and the findings of a vote or a protokoltilførsel naming
//! someone who did not take part, each at the name with the fix.

use super::{LAYOUTS, MEETING_ID, build, byraad, texts, use_layout};
use crate::common::{self, Finding, check_json};

use std::fs;
use std::path::Path;

const ITEM_43: &str = "43-skolestruktur.md";
const ITEM_44: &str = "44-regnskab-2023.md";
const ITEM_45: &str = "45-tilskud-til-idraetsforeninger.md";
const ITEM_47: &str = "47-salg-af-grund.md";

/// The file `name` of the meeting, as findings name it.
fn meeting_file(name: &str) -> String {
    format!("meetings/{MEETING_ID}/{name}")
}

/// Replaces `old` (which must be there) by `new` in the meeting's file
/// `name`.
fn edit(dir: &Path, name: &str, old: &str, new: &str) {
    let path = dir.join("meetings").join(MEETING_ID).join(name);
    let text = fs::read_to_string(&path).expect("the file reads");
    assert!(text.contains(old), "{name} has no {old:?}");
    fs::write(&path, text.replacen(old, new, 1)).expect("the file writes");
}

/// The 1-based line and column of the first `needle` in the meeting's
/// file `name`.
fn position(dir: &Path, name: &str, needle: &str) -> (usize, usize) {
    let path = dir.join("meetings").join(MEETING_ID).join(name);
    let text = fs::read_to_string(path).expect("the file reads");
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {name}"));
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    (line, text[start..at].chars().count() + 1)
}

#[test]
fn votes_dissents_inhabilitet_and_parties_read_back_in_both_layouts() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("votes-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        for line in [
            // The participant list: a member's name with the party's letter.
            "Lone Bønløkke (A)",
            "Jens Vestergaard (Ø)",
            // Item 43: the amendment, then the proposal, by groups.
            "Afstemning: Ændringsforslag fra Enhedslisten om at bevare Fjordskolen som selvstændig skole",
            "For stemte: Ø (1)",
            "Imod stemte: A, V og O (7)",
            "Undlod at stemme: F (1)",
            "Forkastet.",
            "Afstemning: Børne- og Skoleudvalgets indstilling",
            "For stemte: A, V, O og F (8)",
            "Vedtaget.",
            "Protokoltilførsel fra Ø: Enhedslisten ønsker ført til protokol",
            // Item 44: inhabil, with a stedfortræder for the item.
            "Bo Hilsted (A) deltog ikke i behandlingen af punktet på grund af inhabilitet (hans \
             ægtefælle er partner i det revisionsfirma, der har revideret regnskabet). Lise Dam \
             Kjær (A) deltog som stedfortræder.",
            // Item 45: by names, each with the party's letter.
            "For stemte: Carsten Rasmussen (A), Lone Bønløkke (A), Bo Hilsted (A), Marianne \
             Kiærulff (V), Henrik Dyrlund (V), Preben Lyngsø (V) og Anne Marie Søgaard (F) (7)",
            "Imod stemte: Kirsten Lund Overgaard (O) og Jens Vestergaard (Ø) (2)",
        ] {
            assert!(out.pdf_has(line), "{layout}: the PDF lacks {line:?}");
        }

        let html = &out.html;
        assert!(
            texts(html, ".vote-side").contains(&common::squeeze("Imod stemte: A, V og O (7)")),
            "{layout}: {:?}",
            texts(html, ".vote-side")
        );
        assert_eq!(
            texts(html, ".vote-outcome"),
            ["Forkastet.", "Vedtaget.", "Vedtaget."],
            "{layout}"
        );
        let dissents = texts(html, ".dissent");
        assert_eq!(dissents.len(), 1, "{layout}");
        assert!(
            dissents[0].starts_with(&common::squeeze("Protokoltilførsel fra Ø:")),
            "{layout}: {dissents:?}"
        );
        let inhabil = texts(html, ".inhabil");
        assert_eq!(inhabil.len(), 1, "{layout}");
        assert!(
            inhabil[0].starts_with(&common::squeeze("Bo Hilsted (A) deltog ikke")),
            "{layout}: {inhabil:?}"
        );
        assert!(
            html.html().contains("Lone Bønløkke (A)"),
            "{layout}: the participant list"
        );

        let json = &out.json;
        let item = |number: &str| {
            json["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["number"] == number)
                .unwrap_or_else(|| panic!("item {number}"))
                .clone()
        };
        let votes = item("43")["votes"].clone();
        assert_eq!(votes.as_array().map(Vec::len), Some(2), "{layout}");
        assert_eq!(votes[0]["for"]["groups"], serde_json::json!(["Ø"]));
        assert_eq!(
            votes[0]["against"]["groups"],
            serde_json::json!(["A", "V", "O"])
        );
        assert_eq!(votes[0]["against"]["count"], 7);
        assert_eq!(votes[0]["abstained"]["count"], 1);
        assert_eq!(votes[0]["outcome"], "forkastet");
        assert_eq!(votes[1]["outcome"], "vedtaget");
        assert_eq!(item("43")["dissents"][0]["by"], serde_json::json!(["Ø"]));
        let named = &item("45")["votes"][0];
        assert_eq!(named["for"]["names"].as_array().map(Vec::len), Some(7));
        assert_eq!(
            named["against"]["names"],
            serde_json::json!(["Kirsten Lund Overgaard", "Jens Vestergaard"])
        );
        assert_eq!(item("44")["inhabil"][0]["name"], "Bo Hilsted");
        assert_eq!(item("44")["inhabil"][0]["substitute"], "Lise Dam Kjær (A)");
        assert_eq!(json["people"]["members"][1]["party"], "A");
        // Items without them have no such keys.
        assert!(item("42").get("votes").is_none(), "{layout}");
    }
}

#[test]
fn a_closed_items_votes_and_dissents_stay_out_of_the_public_edition() {
    let dir = byraad("votes-closed");
    edit(
        &dir,
        ITEM_47,
        "\n---\n",
        "\nvotes:\n  - subject: Salg til højestbydende køber\n    for: [A, V]\n    \
         against: [Ø]\n    outcome: vedtaget\ndissents:\n  - by: Jens Vestergaard\n    \
         text: Hemmelig protokoltilførsel om grundsalget.\n---\n",
    );
    assert_eq!(super::findings(&dir), (0, Vec::new()));
    let public = build(&dir, &[]);
    for file in walk(&public.dir) {
        let bytes = fs::read(&file).expect("an output reads");
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["Salg til højestbydende", "Hemmelig protokoltilførsel"] {
            assert!(!text.contains(secret), "{} holds {secret}", file.display());
        }
    }
    assert!(!public.pdf_has("Salg til højestbydende"));
    let run = common::rk(&dir, &["build", MEETING_ID, "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal =
        super::read_outputs(&dir.join("out-internt").join(MEETING_ID), "referat-internt");
    assert!(internal.pdf_has("Afstemning: Salg til højestbydende køber"));
    assert!(internal.pdf_has("Hemmelig protokoltilførsel om grundsalget."));
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The finding of `rule` at (`line`, `column`) of `file`, which must be
/// there.
fn finding_at<'f>(
    found: &'f [Finding],
    rule: &str,
    file: &str,
    (line, column): (usize, usize),
) -> &'f Finding {
    found
        .iter()
        .find(|f| f.rule == rule && f.file == file && f.line == line && f.column == column)
        .unwrap_or_else(|| panic!("no {rule} at {file}:{line}:{column} in {found:#?}"))
}

#[test]
fn a_vote_or_dissent_by_someone_who_took_no_part_is_a_finding_at_the_name() {
    let dir = byraad("votes-findings");
    // Item 45 by names: the absent Evan Lynnerup, a misspelt Jens
    // Vestergaard.
    edit(
        &dir,
        ITEM_45,
        "      - Henrik Dyrlund\n",
        "      - Evan Lynnerup\n",
    );
    edit(&dir, ITEM_45, "Jens Vestergaard]", "Jens Vestergård]");
    // Item 44: a vote naming the inhabil Bo Hilsted.
    edit(
        &dir,
        ITEM_44,
        "\n---\n",
        "\nvotes:\n  - subject: Årsregnskabet\n    for: [Bo Hilsted, Lise Dam Kjær]\n    \
         outcome: vedtaget\n---\n",
    );
    // Item 43: a protokoltilførsel by Lise Dam Kjær, who attended only 44.
    edit(&dir, ITEM_43, "  - by: Ø\n", "  - by: Lise Dam Kjær\n");

    let (code, found, stderr) = check_json(&dir, &[]);
    assert_eq!((code, stderr.as_str()), (1, ""), "{found:#?}");

    let absent = finding_at(
        &found,
        "bad-vote",
        &meeting_file(ITEM_45),
        position(&dir, ITEM_45, "Evan Lynnerup"),
    );
    assert!(absent.message.contains("listed as absent"), "{absent:?}");
    assert!(
        absent
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("remove Evan Lynnerup from the vote"),
        "{absent:?}"
    );

    let unknown = finding_at(
        &found,
        "bad-vote",
        &meeting_file(ITEM_45),
        position(&dir, ITEM_45, "Jens Vestergård"),
    );
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean `Jens Vestergaard`?"),
        "{unknown:?}"
    );

    let inhabil = finding_at(
        &found,
        "inhabil",
        &meeting_file(ITEM_44),
        position(&dir, ITEM_44, "Bo Hilsted, Lise"),
    );
    assert!(inhabil.message.contains("inhabil"), "{inhabil:?}");
    let help = inhabil.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("remove Bo Hilsted from the vote") && help.contains("Lise Dam Kjær"),
        "{inhabil:?}"
    );

    let dissent = finding_at(
        &found,
        "bad-dissent",
        &meeting_file(ITEM_43),
        position(&dir, ITEM_43, "Lise Dam Kjær"),
    );
    assert!(
        dissent.message.contains("attended only item 44"),
        "{dissent:?}"
    );
    assert!(
        dissent
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("add 43 to the `items` of Lise Dam Kjær"),
        "{dissent:?}"
    );
    // The count of item 45's `for` still names 7, and the vote 7: no
    // finding about counts; nothing else is found.
    assert_eq!(found.len(), 4, "{found:#?}");
}

#[test]
fn counts_that_do_not_add_up_and_unknown_letters_are_findings() {
    let dir = byraad("votes-counts");
    edit(
        &dir,
        ITEM_43,
        "counts: { for: 1, against: 7",
        "counts: { for: 1, against: 14",
    );
    edit(
        &dir,
        ITEM_43,
        "    for: [A, V, O, F]\n",
        "    for: [A, V, O, SF]\n",
    );
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let count = finding_at(
        &found,
        "bad-vote",
        &meeting_file(ITEM_43),
        position(&dir, ITEM_43, "14"),
    );
    assert!(
        count.message.contains("differs from the 7 members"),
        "{count:?}"
    );
    let letter = finding_at(
        &found,
        "unknown-group",
        &meeting_file(ITEM_43),
        position(&dir, ITEM_43, "SF]"),
    );
    assert_eq!(
        letter.help.as_deref(),
        Some("did you mean `F`?"),
        "{letter:?}"
    );
}

#[test]
fn the_byraads_votes_are_valid_and_accessible_html_in_both_layouts() {
    if !common::browser::browser_tools() {
        return;
    }
    for layout in LAYOUTS {
        let dir = byraad(&format!("votes-browser-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        common::browser::assert_valid_and_accessible(
            &format!("byraad-votes-{layout}"),
            &out.dir.join("referat.html"),
        );
    }
}

/// `rk index` carries each public item's outcome and votes into the case
/// history (sager.html and index.json), in both layouts, Nu- and
/// axe-clean; the closed item's case stays out of it, votes and all.
#[test]
fn the_case_history_shows_the_outcome_and_the_votes() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("votes-index-{layout}"));
        use_layout(&dir, layout);
        let run = common::rk(&dir, &["index"]);
        assert_eq!(run.code, 0, "rk index failed:\n{}", run.stderr);
        let page = fs::read_to_string(dir.join("out/sager.html")).expect("sager.html");
        let html = scraper::Html::parse_document(&page);
        // `texts` squeezes white space out.
        let squeezed = |text: &str| common::squeeze(text);
        let votes = texts(&html, "section[id] li .case-vote");
        assert!(
            votes.iter().any(|v| v
                .starts_with(&squeezed("Afstemning: Ændringsforslag fra Enhedslisten"))
                && v.ends_with(&squeezed("· Forkastet."))),
            "{layout}: {votes:?}"
        );
        assert!(
            votes
                .iter()
                .any(|v| *v
                    == squeezed("Afstemning: Børne- og Skoleudvalgets indstilling · Vedtaget.")),
            "{layout}: {votes:?}"
        );
        let items = texts(&html, "section[id] li");
        assert!(
            items.iter().any(|i| i.contains(&squeezed(
                "43. Ny skolestruktur i det nordlige skoledistrikt · Godkendt"
            ))),
            "{layout}: {items:?}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("out/index.json")).unwrap())
                .expect("index.json parses");
        let cases = json["cases"].as_array().expect("cases");
        let skole = cases
            .iter()
            .find(|c| c["sag"] == "17.01.00-P20-2-24")
            .expect("item 43's case");
        assert_eq!(skole["items"][0]["outcome"], "godkendt");
        assert_eq!(skole["items"][0]["votes"][1]["outcome"], "vedtaget");
        assert!(
            cases.iter().all(|c| c["sag"] != "02.00.00-G01-5-24"),
            "the closed item's case is in the index"
        );
        assert!(!page.contains("02.00.00-G01-5-24"), "{layout}");
        if crate::common::browser::browser_tools() {
            crate::common::browser::assert_valid_and_accessible(
                &format!("byraad-sager-{layout}"),
                &dir.join("out/sager.html"),
            );
        }
    }
}
