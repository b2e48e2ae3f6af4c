//! `rk new` carries the meeting over as a kommune's referent needs it
//! (issue 20): the sections and which items lie in them, each standing
//! item's kind, the members in the committee's order, the planned time and
//! the party letters; none of what belonged to the last meeting alone
//! (afbud, substitutes, notes, who attended what, approvals, status, the
//! items' decisions, votes and corrections). The fixture is
//! tests/fixtures/new/teknik-og-miljoe, read back by parsing the YAML.

use crate::common;

use std::fs;
use std::path::Path;

use common::{Severity, check_json, copy_tree, project_root, rk, scratch};
use rk::source::yaml::{self, Node, Value};

/// A scratch copy of the Teknik- og Miljøudvalget project.
#[track_caller]
fn committee(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    copy_tree(
        &project_root().join("tests/fixtures/new/teknik-og-miljoe"),
        &dir,
    );
    dir
}

/// The YAML of `text` (a meeting.yaml, or an item's front matter between
/// its `---` lines), parsed.
fn parse(text: &str) -> Node {
    let yaml = match text.strip_prefix("---\n") {
        Some(rest) => &rest[..rest.find("\n---\n").expect("front matter ends") + 1],
        None => text,
    };
    yaml::parse(yaml, 0)
        .unwrap_or_else(|e| panic!("{}: {text}", e.message))
        .expect("a document")
}

fn entries(node: &Node) -> &[(Node, Node)] {
    match &node.value {
        Value::Map(entries) => entries,
        other => panic!("not a mapping: {other:?}"),
    }
}

fn keys(node: &Node) -> Vec<&str> {
    entries(node)
        .iter()
        .map(|(k, _)| k.as_str().unwrap())
        .collect()
}

fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    entries(node)
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

fn text<'n>(node: &'n Node, key: &str) -> Option<&'n str> {
    get(node, key).and_then(Node::as_str)
}

fn list(node: &Node) -> &[Node] {
    match &node.value {
        Value::Seq(items) => items,
        other => panic!("not a list: {other:?}"),
    }
}

fn read(meeting: &Path, file: &str) -> Node {
    parse(&fs::read_to_string(meeting.join(file)).unwrap())
}

#[test]
fn the_april_meeting_carries_the_march_meeting_over() {
    let dir = committee("april");
    // March as the referent left it: when the agenda went out and when the
    // meeting really ended (the keys of the agenda as sent, issue 20
    // point 2): neither belongs to April.
    common::replace_in(
        &dir.join("meetings/2026-03-18/meeting.yaml"),
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\nactual_time: \"16.00-17.45\"\nagenda_sent: 2026-03-11\n",
    );
    let run = rk(&dir, &["new", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("section Lukkede punkter (closed) from item 32"),
        "{}",
        run.stderr
    );
    let meeting = dir.join("meetings/2026-04-15");
    let mut names: Vec<String> = fs::read_dir(&meeting)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // March ran 23-28 (25a a tillægspunkt): April goes on at 29. Godkendelse
    // af dagsorden and Meddelelser stand where they stood, the open cases
    // (24-25a) become one item to fill in between them, and the closed
    // section keeps its case (27, now one item to fill in) and its standing
    // item (28) at the end.
    assert_eq!(
        names,
        [
            "29-godkendelse-af-dagsorden.md",
            "30-nyt-punkt.md",
            "31-meddelelser.md",
            "32-nyt-punkt.md",
            "33-orientering-om-verserende-sager.md",
            "meeting.yaml"
        ]
    );

    let yaml = read(&meeting, "meeting.yaml");
    assert_eq!(
        keys(&yaml),
        [
            "body", "date", "number", "time", "location", "chair", "members", "others", "groups",
            "sections"
        ],
        "nothing of March's status, approvals, guests or absent"
    );
    assert_eq!(text(&yaml, "body"), Some("Teknik- og Miljøudvalget"));
    assert_eq!(text(&yaml, "date"), Some("2026-04-15"));
    assert_eq!(text(&yaml, "number"), Some("4"));
    // The planned time, never the actual one (the keys above say that
    // neither `actual_time` nor `agenda_sent` is there).
    assert_eq!(text(&yaml, "time"), Some("16.00-18.00"));
    let written = fs::read_to_string(meeting.join("meeting.yaml")).unwrap();
    assert!(!written.contains("17.45"), "{written}");
    assert!(
        written.contains("# The planned time; when the meeting was held goes under actual_time after it.\ntime: \"16.00-18.00\"\n"),
        "{written}"
    );
    assert!(!written.contains("2026-03-11"), "{written}");

    // The committee in its order: Birthe Lund back in the seat Bent Vinther
    // took for her, Dorthe Riis (absent, no substitute) where February
    // listed her, Carsten Møller without his note, items and absence.
    let members = list(get(&yaml, "members").unwrap());
    let shown: Vec<(&str, Option<&str>, Vec<&str>)> = members
        .iter()
        .map(|m| (text(m, "name").unwrap(), text(m, "party"), keys(m)))
        .collect();
    assert_eq!(
        shown,
        [
            ("Anders Holm", Some("A"), vec!["name", "title", "party"]),
            ("Birthe Lund", Some("V"), vec!["name", "title", "party"]),
            ("Carsten Møller", Some("C"), vec!["name", "party"]),
            ("Dorthe Riis", Some("F"), vec!["name", "party"]),
            ("Erik Skov", Some("Ø"), vec!["name", "party"]),
        ]
    );
    let others: Vec<&str> = list(get(&yaml, "others").unwrap())
        .iter()
        .map(|p| text(p, "name").unwrap())
        .collect();
    assert_eq!(others, ["Kirsten Dalgaard", "Jonas Berg"]);
    let groups: Vec<(&str, &str)> = entries(get(&yaml, "groups").unwrap())
        .iter()
        .map(|(k, v)| (k.as_str().unwrap(), v.as_str().unwrap()))
        .collect();
    assert_eq!(
        groups,
        [
            ("A", "Socialdemokratiet"),
            ("V", "Venstre"),
            ("C", "Det Konservative Folkeparti"),
            ("F", "SF - Socialistisk Folkeparti"),
            ("Ø", "Enhedslisten"),
        ]
    );
    let sections: Vec<(&str, &str, Option<&str>)> = list(get(&yaml, "sections").unwrap())
        .iter()
        .map(|s| {
            (
                text(s, "title").unwrap(),
                text(s, "from").unwrap(),
                text(s, "closed"),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("Åbne punkter", "29", None),
            ("Lukkede punkter", "32", Some("true"))
        ]
    );

    // Each standing item keeps its title and kind, and nothing of March's
    // text, decision, votes or corrections.
    for (file, number, title, kind) in [
        (
            "29-godkendelse-af-dagsorden.md",
            "29",
            "Godkendelse af dagsorden",
            "beslutning",
        ),
        ("31-meddelelser.md", "31", "Meddelelser", "orientering"),
        (
            "33-orientering-om-verserende-sager.md",
            "33",
            "Orientering om verserende sager",
            "orientering",
        ),
    ] {
        let item = read(&meeting, file);
        assert_eq!(keys(&item), ["number", "title", "kind", "sag"], "{file}");
        assert_eq!(text(&item, "number"), Some(number));
        assert_eq!(text(&item, "title"), Some(title));
        assert_eq!(text(&item, "kind"), Some(kind));
        assert_eq!(text(&item, "sag"), Some("none"));
        let whole = fs::read_to_string(meeting.join(file)).unwrap();
        assert!(whole.ends_with("---\n"), "{file} has March's text: {whole}");
    }
    for (file, number) in [("30-nyt-punkt.md", "30"), ("32-nyt-punkt.md", "32")] {
        let item = read(&meeting, file);
        assert_eq!(keys(&item), ["number", "title", "sag"], "{file}");
        assert_eq!(text(&item, "number"), Some(number));
    }

    // rk reads it as meant: 32 and 33 in the closed section.
    let mut files = Default::default();
    let loaded = rk::source::load(&meeting, &mut files, &mut Vec::new()).unwrap();
    let closed: Vec<String> = loaded
        .items
        .iter()
        .filter(|i| i.closed_by_section)
        .map(|i| i.number.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(closed, ["32", "33"]);

    // rk check: no error, and the numbering goes on from March.
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!(code, 0, "{stderr}");
    let rules: Vec<(&str, Severity)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        rules,
        [
            ("empty-item", Severity::Warning),
            ("empty-item", Severity::Warning),
            ("empty-item", Severity::Warning)
        ],
        "{findings:?}"
    );
    // And the agenda of the new meeting builds from it.
    let built = rk(&dir, &["build", "2026-04-15", "--agenda", "--only", "html"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let html = fs::read_to_string(dir.join("out/2026-04-15/dagsorden.html")).unwrap();
    assert!(html.contains("Lukkede punkter"), "{html}");
}

#[test]
fn an_absent_member_nobody_listed_before_comes_last_and_rk_says_so() {
    let dir = committee("absent-first-time");
    fs::remove_dir_all(dir.join("meetings/2026-02-18")).unwrap();
    let run = rk(&dir, &["new", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "note: Dorthe Riis (absent from 2026-03-18) is last among the members: no earlier meeting shows their place"
        ),
        "{}",
        run.stderr
    );
    let yaml = read(&dir.join("meetings/2026-04-15"), "meeting.yaml");
    let members: Vec<&str> = list(get(&yaml, "members").unwrap())
        .iter()
        .map(|m| text(m, "name").unwrap())
        .collect();
    assert_eq!(
        members,
        [
            "Anders Holm",
            "Birthe Lund",
            "Carsten Møller",
            "Erik Skov",
            "Dorthe Riis"
        ]
    );
}

#[test]
fn a_new_year_counts_the_meetings_from_one_and_an_extraordinary_meeting_is_no_model() {
    let dir = committee("new-year");
    // An extraordinary meeting in between, called for one case: the next
    // ordinary meeting is shaped on March's, numbered on from the extra one.
    let extra = dir.join("meetings/2026-03-30");
    fs::create_dir_all(&extra).unwrap();
    fs::write(
        extra.join("meeting.yaml"),
        "body: Teknik- og Miljøudvalget\ndate: 2026-03-30\nnumber: 4\nextraordinary: true\n\
         chair: Anders Holm\nmembers:\n  - Anders Holm\n  - Erik Skov\n",
    )
    .unwrap();
    fs::write(
        extra.join("29-vandforsyning.md"),
        "---\nnumber: \"29\"\ntitle: Nødvandforsyning\nsag: 13.02.00-G01-1-26\n---\nGodkendt.\n",
    )
    .unwrap();
    let run = rk(&dir, &["new", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("from 2026-03-18"), "{}", run.stderr);
    let meeting = dir.join("meetings/2026-04-15");
    assert!(meeting.join("30-godkendelse-af-dagsorden.md").is_file());
    // The fifth meeting of the year, after the extra fourth.
    let yaml = read(&meeting, "meeting.yaml");
    assert_eq!(text(&yaml, "number"), Some("5"));
    let (code, _, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!(code, 0, "{stderr}");

    let run = rk(&dir, &["new", "2027-01-13", "--from", "2026-03-18"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = read(&dir.join("meetings/2027-01-13"), "meeting.yaml");
    assert_eq!(text(&yaml, "number"), Some("1"));
    assert!(
        dir.join("meetings/2027-01-13/01-godkendelse-af-dagsorden.md")
            .is_file()
    );
}

#[test]
fn a_byraad_starts_its_next_meeting_with_the_closed_section_and_is_told_what_it_will_need() {
    let dir = scratch("byraad");
    copy_tree(&project_root().join("tests/fixtures/bodies/byraad"), &dir);
    let run = rk(&dir, &["new", "2024-06-26"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "note: the items from 51 on are closed, and rk.toml says `closed_decisions = \"required\"`: `rk check` asks for each one's public_decision once it is decided (`rk check --agenda` does not)"
        ),
        "{}",
        run.stderr
    );
    let meeting = dir.join("meetings/2024-06-26");
    let yaml = read(&meeting, "meeting.yaml");
    // Evan Lynnerup (afbud) in the seat Preben Lyngsø took for him; Lise
    // Dam Kjær, stedfortræder for the inhabil Bo Hilsted, is gone.
    let members: Vec<(&str, Option<&str>)> = list(get(&yaml, "members").unwrap())
        .iter()
        .map(|m| (text(m, "name").unwrap(), text(m, "party")))
        .collect();
    assert_eq!(
        members,
        [
            ("Carsten Rasmussen", Some("A")),
            ("Lone Bønløkke", Some("A")),
            ("Bo Hilsted", Some("A")),
            ("Marianne Kiærulff", Some("V")),
            ("Henrik Dyrlund", Some("V")),
            ("Kirsten Lund Overgaard", Some("O")),
            ("Jens Vestergaard", Some("Ø")),
            ("Anne Marie Søgaard", Some("F")),
            ("Evan Lynnerup", Some("V")),
        ]
    );
    // Before the meeting it is an agenda that passes its checks.
    let (code, findings, stderr) = check_json(&dir, &["--agenda", "2024-06-26"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule == "empty-item"),
        "{findings:?}"
    );
    let (code, findings, _) = check_json(&dir, &["2024-06-26"]);
    assert_eq!(code, 1);
    let errors: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.as_str(), f.file.as_str()))
        .collect();
    assert_eq!(
        errors,
        [("closed-decision", "meetings/2024-06-26/51-nyt-punkt.md")]
    );
}

#[test]
fn a_postponed_case_comes_back_where_it_stood_without_what_became_of_it() {
    let dir = scratch("postponed");
    copy_tree(&project_root().join("examples/kommune-udvalg"), &dir);
    // May's item 45 was postponed ("Udsat til næste ordinære møde"): the
    // June meeting, shaped on May's, numbered on from the extra meeting's
    // 49, has it again among the cases.
    let run = rk(&dir, &["new", "2021-06-16", "--from", "2021-05-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("5 items (2 standing, 1 postponed, 2 to fill in)"),
        "{}",
        run.stderr
    );
    let meeting = dir.join("meetings/2021-06-16");
    let mut names: Vec<String> = fs::read_dir(&meeting)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "50-godkendelse-af-dagsorden.md",
            "51-nyt-punkt.md",
            "52-nyt-regulativ-for-husholdningsaffald.md",
            "53-meddelelser.md",
            "54-nyt-punkt.md",
            "meeting.yaml"
        ]
    );
    let file = "52-nyt-regulativ-for-husholdningsaffald.md";
    let item = read(&meeting, file);
    assert_eq!(keys(&item), ["number", "title", "kind", "sag", "dok"]);
    assert_eq!(
        text(&item, "title"),
        Some("Nyt regulativ for husholdningsaffald")
    );
    assert_eq!(text(&item, "sag"), Some("07.00.01-P21-1-21"));
    assert_eq!(text(&item, "dok"), Some("220112"));
    let whole = fs::read_to_string(meeting.join(file)).unwrap();
    assert!(
        whole.starts_with(
            "---\n# Postponed at 2021-05-05 (item 45, 2021-05-05/45-affaldsregulativ.md)"
        ),
        "{whole}"
    );
    assert!(whole.ends_with("---\n"), "{whole}");
    let (code, findings, stderr) = check_json(&dir, &["2021-06-16"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule == "empty-item"),
        "{findings:?}"
    );
}

#[test]
fn a_party_letter_written_after_a_name_becomes_the_persons_party() {
    let dir = committee("party-in-name");
    // March's referent wrote the letter into the name, as the minutes
    // print it; rk warned.
    common::replace_in(
        &dir.join("meetings/2026-03-18/meeting.yaml"),
        "  - { name: Erik Skov, party: Ø }\n",
        "  - { name: Charlotte Brix (C) }\n  - { name: Erik Skov, party: Ø }\n",
    );
    let (_, findings, _) = check_json(&dir, &["2026-03-18"]);
    assert!(
        findings.iter().any(|f| f.rule == "bad-value"),
        "{findings:?}"
    );
    let run = rk(&dir, &["new", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = read(&dir.join("meetings/2026-04-15"), "meeting.yaml");
    let charlotte = list(get(&yaml, "members").unwrap())
        .iter()
        .find(|m| text(m, "name").is_some_and(|n| n.starts_with("Charlotte")))
        .unwrap();
    assert_eq!(text(charlotte, "name"), Some("Charlotte Brix"));
    assert_eq!(text(charlotte, "party"), Some("C"));
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule == "empty-item"),
        "{findings:?}"
    );
}
