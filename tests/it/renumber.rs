//! `rk renumber` (issue 20): an item moved and the later ones renumbered in
//! one step, files, `items:` references, sections and `#punkt-` links
//! included, which git shows as renames; and what it refuses (exit 2,
//! nothing changed). The project is the Teknik- og Miljøudvalget of
//! tests/fixtures/new/teknik-og-miljoe with its April meeting written, the
//! KL example (2.10) and the byråd's tillægspunkt (45a).

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Severity, check_json, copy_tree, git, project_root, rk, scratch, tree};
use rk::source::yaml::{self, Node, Value};

/// The April meeting as the referent wrote it, started by `rk new`: the
/// cases of the open section, Meddelelser (which links to item 32), the
/// closed section; Carsten Møller attends 29 to 31 only.
#[track_caller]
fn april(name: &str) -> PathBuf {
    let dir = scratch(name);
    copy_tree(
        &project_root().join("tests/fixtures/new/teknik-og-miljoe"),
        &dir,
    );
    let run = rk(&dir, &["new", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meeting = dir.join("meetings/2026-04-15");
    for old in [
        "30-nyt-punkt.md",
        "31-meddelelser.md",
        "32-nyt-punkt.md",
        "33-orientering-om-verserende-sager.md",
    ] {
        fs::remove_file(meeting.join(old)).unwrap();
    }
    let item = |number: &str, file: &str, title: &str, sag: &str, body: &str| {
        let text = format!(
            "---\nnumber: \"{number}\"\ntitle: {title}\nkind: beslutning\nsag: {sag}\n---\n{body}\n"
        );
        fs::write(meeting.join(file), text).unwrap();
    };
    fs::write(
        meeting.join("29-godkendelse-af-dagsorden.md"),
        "---\nnumber: \"29\"\ntitle: Godkendelse af dagsorden\nkind: beslutning\nsag: none\n---\n## Indstilling\n\nDagsordenen godkendes.\n",
    )
    .unwrap();
    let proposal = "## Indstilling\n\nDirektøren indstiller, at forslaget godkendes.";
    item(
        "30",
        "30-cykelsti.md",
        "Cykelsti langs Fjordvej",
        "05.01.02-P20-2-26",
        proposal,
    );
    item(
        "31",
        "31-vintertjeneste.md",
        "Vintertjeneste 2026-2027",
        "05.05.00-G01-6-26",
        proposal,
    );
    item(
        "32",
        "32-stoejhandlingsplan.md",
        "Støjhandlingsplan 2026",
        "01.05.00-P15-1-26",
        proposal,
    );
    item(
        "33",
        "33-meddelelser.md",
        "Meddelelser",
        "none",
        "Forvaltningen orienterede om høringen, se [punkt 32](#punkt-32).",
    );
    item(
        "34",
        "34-koeb-af-areal.md",
        "Køb af areal ved Engvej",
        "02.34.02-G01-7-26",
        proposal,
    );
    item(
        "35",
        "35-verserende-sager.md",
        "Orientering om verserende sager",
        "none",
        "Orientering.",
    );
    let yaml = meeting.join("meeting.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    let text = text
        .replace(
            "  - name: Carsten Møller\n    party: C\n",
            "  - name: Carsten Møller\n    party: C\n    items: [29, 30, 31]\n",
        )
        .replace("    from: 32\n", "    from: 34\n");
    fs::write(&yaml, text).unwrap();
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}{findings:?}");
    dir
}

/// The folder's item files, sorted.
fn item_files(meeting: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(meeting)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// The `number` of an item file, its front matter parsed.
fn number_of(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap();
    let yaml = &text[4..text[4..].find("\n---\n").unwrap() + 5];
    let root = yaml::parse(yaml, 0).unwrap().unwrap();
    let Value::Map(entries) = root.value else {
        panic!("front matter is a mapping")
    };
    entries
        .iter()
        .find(|(k, _)| k.as_str() == Some("number"))
        .and_then(|(_, v)| v.as_str())
        .unwrap()
        .to_string()
}

/// meeting.yaml's value at `path` (keys, and list indexes as text).
fn yaml_at<'n>(root: &'n Node, path: &[&str]) -> &'n Node {
    path.iter().fold(root, |node, key| match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(*key))
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no {key}")),
        Value::Seq(list) => &list[key.parse::<usize>().unwrap()],
        Value::Scalar { .. } => panic!("{key} under a scalar"),
    })
}

fn texts(node: &Node) -> Vec<&str> {
    match &node.value {
        Value::Seq(list) => list.iter().map(|n| n.as_str().unwrap()).collect(),
        _ => panic!("not a list"),
    }
}

/// `git status --porcelain` of the meeting folder.
fn status(dir: &Path) -> String {
    let out = Command::new("git")
        .args(["status", "--porcelain", "--", "meetings/2026-04-15"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_item_moved_forward_renumbers_the_later_ones_and_git_shows_renames() {
    let dir = april("move");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "April as written"]);
    let meeting = dir.join("meetings/2026-04-15");
    // The referent is still writing: an edit not yet committed stays an
    // edit, in the renamed file.
    common::replace_in(
        &meeting.join("31-vintertjeneste.md"),
        "forslaget godkendes.",
        "forslaget godkendes med en ekstra saltbil.",
    );

    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "32", "--to", "30"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "renumbered 2026-04-15: 3 items",
        "  32-stoejhandlingsplan.md -> 30-stoejhandlingsplan.md: number 32 -> 30",
        "  30-cykelsti.md -> 31-cykelsti.md: number 30 -> 31",
        "  meeting.yaml: items of Carsten Møller: 30 -> 31, 31 -> 32",
        "  33-meddelelser.md: link #punkt-32 -> #punkt-30",
        "note: meetings/2026-04-15/33-meddelelser.md:7:44 says \"punkt 32\": running text is not changed; check whether it means an item of this meeting",
        "git: 3 renames staged as `git mv` stages them",
    ] {
        assert!(run.stderr.contains(line), "no {line:?} in\n{}", run.stderr);
    }

    assert_eq!(
        item_files(&meeting),
        [
            "29-godkendelse-af-dagsorden.md",
            "30-stoejhandlingsplan.md",
            "31-cykelsti.md",
            "32-vintertjeneste.md",
            "33-meddelelser.md",
            "34-koeb-af-areal.md",
            "35-verserende-sager.md"
        ]
    );
    for file in item_files(&meeting) {
        assert_eq!(number_of(&meeting.join(&file)), file[..2], "{file}");
    }
    let root = yaml::parse(
        &fs::read_to_string(meeting.join("meeting.yaml")).unwrap(),
        0,
    )
    .unwrap()
    .unwrap();
    // Carsten Møller attended the same three items, now 29, 31 and 32.
    assert_eq!(
        texts(yaml_at(&root, &["members", "2", "items"])),
        ["29", "31", "32"]
    );
    // The sections did not move: the closed one still begins at 34.
    assert_eq!(
        yaml_at(&root, &["sections", "1", "from"]).as_str(),
        Some("34")
    );
    let meddelelser = fs::read_to_string(meeting.join("33-meddelelser.md")).unwrap();
    assert!(
        meddelelser.contains("[punkt 32](#punkt-30)"),
        "{meddelelser}"
    );

    // git sees three renames (their numbers changed inside: not staged).
    let status = status(&dir);
    let mut renames: Vec<&str> = status.lines().filter(|l| l.starts_with('R')).collect();
    renames.sort_unstable();
    assert_eq!(
        renames,
        [
            "RM meetings/2026-04-15/30-cykelsti.md -> meetings/2026-04-15/31-cykelsti.md",
            "RM meetings/2026-04-15/31-vintertjeneste.md -> meetings/2026-04-15/32-vintertjeneste.md",
            "RM meetings/2026-04-15/32-stoejhandlingsplan.md -> meetings/2026-04-15/30-stoejhandlingsplan.md"
        ],
        "{status}"
    );
    assert!(
        status
            .lines()
            .all(|l| l.starts_with('R') || l.starts_with(" M")),
        "{status}"
    );
    // Staged: the committed texts under their new names, as `git mv`
    // stages them; the new numbers and the edit are in the work tree.
    let staged = Command::new("git")
        .args(["diff", "--cached", "-M", "--name-status"])
        .current_dir(&dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let staged = String::from_utf8(staged.stdout).unwrap();
    assert_eq!(
        staged.lines().filter(|l| l.starts_with("R100\t")).count(),
        3,
        "{staged}"
    );
    assert_eq!(staged.lines().count(), 3, "{staged}");
    let vinter = fs::read_to_string(meeting.join("32-vintertjeneste.md")).unwrap();
    assert!(vinter.contains("number: \"32\""), "{vinter}");
    assert!(vinter.contains("med en ekstra saltbil"), "{vinter}");

    // rk check is as clean as before, the numbering findings included.
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}{findings:?}");
    // The moved item is item 30 in the outputs.
    let built = rk(&dir, &["build", "2026-04-15", "--only", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("out/2026-04-15/referat.json")).unwrap())
            .unwrap();
    assert_eq!(json["items"][1]["number"], "30");
    assert_eq!(json["items"][1]["title"], "Støjhandlingsplan 2026");
}

#[test]
fn a_dry_run_says_what_would_change_and_changes_nothing() {
    let dir = april("dry-run");
    let before = tree(&dir);
    let run = rk(
        &dir,
        &[
            "renumber",
            "2026-04-15",
            "--move",
            "29",
            "--to",
            "31",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("would renumber 2026-04-15: 3 items"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("dry run: nothing was changed"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);
}

#[test]
fn closing_a_gap_renumbers_the_rest_unless_the_next_meeting_goes_on_from_it() {
    let dir = april("gap");
    let meeting = dir.join("meetings/2026-04-15");
    // Vintertjeneste is withdrawn from the agenda: 31 is missing.
    fs::remove_file(meeting.join("31-vintertjeneste.md")).unwrap();
    let (_, findings, _) = check_json(&dir, &["2026-04-15"]);
    assert!(
        findings.iter().any(|f| f.rule == "numbering"),
        "{findings:?}"
    );
    // Carsten Møller's `items` still names 31, which after renumbering
    // would be Støjhandlingsplan: refused until it is taken out.
    let before = tree(&dir);
    let run = rk(&dir, &["renumber", "2026-04-15"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("`31` in the items of Carsten Møller is no item of 2026-04-15, and after renumbering it would name the item now numbered 32"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "items: [29, 30, 31]",
        "items: [29, 30]",
    );

    // May's meeting, numbered on from April's 35, is there: refused.
    let run = rk(&dir, &["new", "2026-05-20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = tree(&dir);
    let run = rk(&dir, &["renumber", "2026-04-15"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "cannot renumber 2026-04-15: its last item would be 34 instead of 35, and 2026-05-20"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);

    fs::remove_dir_all(dir.join("meetings/2026-05-20")).unwrap();
    let run = rk(&dir, &["renumber", "2026-04-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        item_files(&meeting),
        [
            "29-godkendelse-af-dagsorden.md",
            "30-cykelsti.md",
            "31-stoejhandlingsplan.md",
            "32-meddelelser.md",
            "33-koeb-af-areal.md",
            "34-verserende-sager.md"
        ]
    );
    let root = yaml::parse(
        &fs::read_to_string(meeting.join("meeting.yaml")).unwrap(),
        0,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        yaml_at(&root, &["sections", "1", "from"]).as_str(),
        Some("33")
    );
    assert_eq!(
        texts(yaml_at(&root, &["members", "2", "items"])),
        ["29", "30"]
    );
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    // Nothing left to do the second time.
    let again = rk(&dir, &["renumber", "2026-04-15"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("nothing to renumber"),
        "{}",
        again.stderr
    );
}

#[test]
fn what_cannot_be_renumbered_safely_is_refused_and_nothing_changes() {
    let dir = april("refused");
    let meeting = dir.join("meetings/2026-04-15");
    let cases: [(&[&str], &str); 6] = [
        (
            &["renumber", "2026-03-18", "--move", "24", "--to", "25"],
            "2026-03-18 is approved (`status: godkendt`): an approved referat is corrected by addition only (berigtigelser), never renumbered",
        ),
        (
            &["renumber", "2026-04-15", "--move", "34", "--to", "30"],
            "cannot move item 34 there: it lies in the section Lukkede punkter, and at 30 it would lie in the section Åbne punkter and be published",
        ),
        (
            &["renumber", "2026-04-15", "--move", "32", "--to", "30a"],
            "a moved item gets a plain number",
        ),
        (
            &["renumber", "2026-04-15", "--move", "32", "--to", "40"],
            "the items there are numbered 29 to 35",
        ),
        (
            &["renumber", "2026-04-15", "--move", "tre", "--to", "30"],
            "--move tre: not an item number",
        ),
        (
            &["renumber", "2026-04-15", "--move", "36", "--to", "30"],
            "there is no item 36 to move",
        ),
    ];
    let before = tree(&dir);
    for (args, says) in cases {
        let run = rk(&dir, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(tree(&dir), before, "{args:?} changed something");
    }
    // Once the agenda has gone out, its numbers are published.
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "date: 2026-04-15\n",
        "date: 2026-04-15\nagenda_sent: 2026-04-08\n",
    );
    let before = tree(&dir);
    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "32", "--to", "30"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("the agenda of 2026-04-15 went out on 2026-04-08 (`agenda_sent` in meeting.yaml): its item numbers are published"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "agenda_sent: 2026-04-08\n",
        "",
    );
    let run = rk(&dir, &["renumber", "2026-04-15", "--move", "32"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--to"), "{}", run.stderr);

    // A range in `items` is not followed, but named.
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "items: [29, 30, 31]",
        "items: 29-31",
    );
    let before = tree(&dir);
    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "32", "--to", "30"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot renumber 2026-04-15: `29-31` in the items of Carsten Møller (meetings/2026-04-15/meeting.yaml, line 19) is ")
            && run.stderr.contains("write the numbers as a list"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);

    // Two items with one number: which comes first is not known.
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "items: 29-31",
        "items: [29, 30, 31]",
    );
    common::replace_in(
        &meeting.join("31-vintertjeneste.md"),
        "number: \"31\"",
        "number: \"30\"",
    );
    let before = tree(&dir);
    let run = rk(&dir, &["renumber", "2026-04-15"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("are both item 30"), "{}", run.stderr);
    assert_eq!(tree(&dir), before);

    // The working files of a renumbering that was killed half-way.
    common::replace_in(
        &meeting.join("31-vintertjeneste.md"),
        "number: \"30\"",
        "number: \"31\"",
    );
    fs::write(meeting.join(".rk-renumber-0.old"), "---\nnumber: \"32\"\n").unwrap();
    let before = tree(&dir);
    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "32", "--to", "30"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("holds .rk-renumber-0.old from an rk renumber that was stopped half-way"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);
}

#[test]
fn kl_numbers_and_a_group_move_with_their_files() {
    let dir = common::example_copy("kl");
    let meeting = dir.join("meetings/2020-11-25");
    let run = rk(
        &dir,
        &["renumber", "2020-11-25", "--move", "2.10", "--to", "2.3"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("  02-10-samtykke.md -> 02-03-samtykke.md: number 2.10 -> 2.3"),
        "{}",
        run.stderr
    );
    assert!(meeting.join("02-03-samtykke.md").is_file());
    assert!(
        meeting
            .join("02-04-naeste-generation-digital-post.md")
            .is_file()
    );
    assert_eq!(number_of(&meeting.join("02-03-samtykke.md")), "2.3");
    assert_eq!(
        number_of(&meeting.join("02-10-beretning-om-raadets-virke.md")),
        "2.10"
    );
    let (code, findings, stderr) = check_json(&dir, &["2020-11-25"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule != "numbering"),
        "{findings:?}"
    );

    // Eventuelt before the group: the group's thirteen items go with it.
    let run = rk(
        &dir,
        &["renumber", "2020-11-25", "--move", "3", "--to", "2"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(meeting.join("02-eventuelt.md").is_file());
    assert!(meeting.join("03-droeftelsessager.md").is_file());
    assert_eq!(
        number_of(&meeting.join("03-13-afrapportering-arkitekturboard.md")),
        "3.13"
    );
    let (code, findings, stderr) = check_json(&dir, &["2020-11-25"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.rule != "numbering"),
        "{findings:?}"
    );
}

#[test]
fn a_tillaegspunkt_stays_after_its_item() {
    let dir = scratch("byraad");
    copy_tree(&project_root().join("tests/fixtures/bodies/byraad"), &dir);
    let meeting = dir.join("meetings/2024-05-29");
    // The byråd's meeting as a draft, before it was approved.
    let yaml = meeting.join("meeting.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    let start = text.find("status: godkendt").unwrap();
    let end = text.find("members:").unwrap();
    fs::write(
        &yaml,
        format!("{}status: udkast\n{}", &text[..start], &text[end..]),
    )
    .unwrap();

    let run = rk(
        &dir,
        &["renumber", "2024-05-29", "--move", "42", "--to", "45"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("  45a-kunstgraesbane.md -> 44a-kunstgraesbane.md: number 45a -> 44a"),
        "{}",
        run.stderr
    );
    assert_eq!(number_of(&meeting.join("44a-kunstgraesbane.md")), "44a");
    assert_eq!(number_of(&meeting.join("45-lokalplan-1087.md")), "45");
    let root = yaml::parse(&fs::read_to_string(&yaml).unwrap(), 0)
        .unwrap()
        .unwrap();
    // Anne Marie Søgaard attended the same items; Lise Dam Kjær took
    // Bo Hilsted's seat for the accounts, now item 43.
    assert_eq!(
        texts(yaml_at(&root, &["members", "7", "items"])),
        ["45", "42", "43", "44", "44a", "46"]
    );
    assert_eq!(texts(yaml_at(&root, &["members", "9", "items"])), ["43"]);
    let (code, findings, stderr) = check_json(&dir, &["2024-05-29"]);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}{findings:?}");
}

#[test]
fn rk_help_lists_renumber_and_its_help_says_how() {
    let dir = scratch("help");
    let run = rk(&dir, &["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("renumber ")
                && l.contains("Give a meeting's items new numbers")),
        "{}",
        run.stdout
    );
    let run = rk(&dir, &["renumber", "--help"]);
    assert_eq!(run.code, 0);
    for flag in ["--move <NUMBER>", "--to <NUMBER>", "--dry-run"] {
        assert!(run.stdout.contains(flag), "{}", run.stdout);
    }
}

#[test]
fn line_endings_byte_order_marks_and_quotes_stay_as_written() {
    let dir = scratch("as-written");
    let meeting = dir.join("meetings/2026-01-14");
    fs::create_dir_all(&meeting).unwrap();
    fs::write(
        meeting.join("meeting.yaml"),
        "body: Udvalget\r\ndate: 2026-01-14\r\nreferent: Anne Holm\r\nmembers:\r\n  - name: Anne Holm\r\n    items: [1, 3]\r\n",
    )
    .unwrap();
    fs::write(
        meeting.join("1-et.md"),
        "\u{feff}---\r\nnumber: 1\r\ntitle: Et\r\nsag: none\r\n---\r\nTekst om punkt 3.\r\n",
    )
    .unwrap();
    fs::write(
        meeting.join("2-to.md"),
        "---\r\nnumber: '2'\r\ntitle: To\r\nsag: none\r\n---\r\nSe [her](#punkt-3).\r\n",
    )
    .unwrap();
    fs::write(
        meeting.join("3-tre.md"),
        "---\r\nnumber: \"3\"\r\ntitle: Tre\r\nsag: none\r\n---\r\nTekst.\r\n",
    )
    .unwrap();
    let run = rk(
        &dir,
        &["renumber", "2026-01-14", "--move", "3", "--to", "1"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Not tracked by git (the scratch folder is in no repository, or in
    // an ignored folder of one): plain renames, nothing staged.
    assert!(!run.stderr.contains("staged"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("note: meetings/2026-01-14/2-et.md:6:10 says \"punkt 3\""),
        "{}",
        run.stderr
    );
    let read = |name: &str| fs::read(meeting.join(name)).unwrap();
    assert_eq!(
        read("1-tre.md"),
        b"---\r\nnumber: \"1\"\r\ntitle: Tre\r\nsag: none\r\n---\r\nTekst.\r\n"
    );
    assert_eq!(
        read("2-et.md"),
        "\u{feff}---\r\nnumber: 2\r\ntitle: Et\r\nsag: none\r\n---\r\nTekst om punkt 3.\r\n"
            .as_bytes()
    );
    assert_eq!(
        read("3-to.md"),
        b"---\r\nnumber: '3'\r\ntitle: To\r\nsag: none\r\n---\r\nSe [her](#punkt-1).\r\n"
    );
    assert!(
        String::from_utf8(read("meeting.yaml"))
            .unwrap()
            .ends_with("    items: [2, 1]\r\n")
    );
    let (code, findings, stderr) = check_json(&dir, &["2026-01-14"]);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}{findings:?}");
}

#[test]
fn a_range_of_items_follows_while_its_items_run_together() {
    let dir = april("range");
    let meeting = dir.join("meetings/2026-04-15");
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "items: [29, 30, 31]",
        "items: 29-31",
    );
    // Støjhandlingsplan first: Carsten Møller's three items are now 30-32.
    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "32", "--to", "29"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("  meeting.yaml: items of Carsten Møller: 29-31 -> 30-32"),
        "{}",
        run.stderr
    );
    let yaml = fs::read_to_string(meeting.join("meeting.yaml")).unwrap();
    assert!(yaml.contains("    items: 30-32\n"), "{yaml}");
    let (code, findings, stderr) = check_json(&dir, &["2026-04-15"]);
    assert_eq!((code, findings.len()), (0, 0), "{stderr}{findings:?}");
    // Moved into the middle of them, the range would hold another item:
    // refused, nothing changed.
    let before = tree(&dir);
    let run = rk(
        &dir,
        &["renumber", "2026-04-15", "--move", "33", "--to", "31"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("`30-32` in the items of Carsten Møller (meetings/2026-04-15/meeting.yaml, line 19) is a range whose items would not run together after renumbering; write the numbers as a list first: its items become 30, 32, 33"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);
}
