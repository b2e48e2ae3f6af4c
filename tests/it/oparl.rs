//! `rk index` and OParl 1.1 (README "OParl"): out/oparl/ of both example
//! projects and of the archive fixture (closed items, a closed section, a
//! closed group) as an OParl client reads it. Every object, in its own
//! file, in a list page or inside another object, validates against the
//! OParl 1.1 JSON Schema of its `type` (tests/fixtures/oparl-1.1, with
//! check-jsonschema); every object is at the address its `id` names, and
//! every address an object links to is a file there; no closed item's
//! case, text, files or consultation is anywhere in it; created/modified
//! come from git; gone objects are marked deleted.
//!
//! What its tests show, one by one: out/oparl/ of both examples and the archive
//! fixture: every object (in its file, in a list page, inside another)
//! validates against the OParl 1.1 schema of its type (check-jsonschema,
//! `tests/fixtures/oparl-1.1/`), is at the address its `id` says, and every
//! address between objects is a file; a closed item is an AgendaItem with
//! number and title and nothing else, and no closed item's case or text is in
//! any file or file name; the kommune example's meeting, items, bilag, cases
//! and lists as a client reads them; `created`/`modified` from a git repository
//! made in the test, else the dates; a removed meeting marked deleted and its
//! parts removed; a second run changes nothing; no `oparl/` without `[site]
//! url`.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, have_tool, project_copy, project_root, replace_in, rk, scratch};
use serde_json::Value;

const SITE: &str = "https://referater.example.dk/arkiv/";
const TYPES: &str = "https://schema.oparl.org/1.1/";

/// A scratch copy of the project at `from` (a folder of this repository)
/// with the site address `SITE` in its rk.toml.
fn with_site(from: &str, name: &str) -> PathBuf {
    let dir = scratch(name);
    let source = project_root().join(from);
    copy_tree(&source.join("meetings"), &dir.join("meetings"));
    let config = fs::read_to_string(source.join("rk.toml")).unwrap_or_default();
    let config = match config.contains("[site]") {
        true => config,
        false => format!("{config}\n[site]\nurl = \"https://referater.example.dk/arkiv\"\n"),
    };
    fs::write(dir.join("rk.toml"), config).unwrap();
    dir
}

/// `rk index` in `dir`, which must succeed.
fn index(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["index"];
    args.extend_from_slice(extra);
    let run = rk(dir, &args);
    assert_eq!(run.code, 0, "rk index failed:\n{}", run.stderr);
    run.stderr
}

/// The projects: the KL example (the repository's own meeting), the
/// kommune example, the archive fixture and the byråd's (a closed item
/// with a public decision, a PDF bilag and a closed bilag of an open
/// item), each indexed with its site.
fn indexed(name: &str) -> Vec<PathBuf> {
    let kl = with_site(".", &format!("{name}-kl"));
    let kommune = with_site("examples/kommune-udvalg", &format!("{name}-kommune"));
    let archive = project_copy("tests/fixtures/index/archive", &format!("{name}-archive"));
    let byraad = with_site("tests/fixtures/bodies/byraad", &format!("{name}-byraad"));
    for dir in [&kl, &kommune, &archive, &byraad] {
        index(dir, &["--agenda"]);
    }
    vec![kl, kommune, archive, byraad]
}

/// Every file under out/oparl/ of `dir`, by its path below out/, read.
fn oparl_files(dir: &Path) -> BTreeMap<String, Value> {
    let out = dir.join("out");
    common::files_under(&out.join("oparl"))
        .into_iter()
        .map(|name| {
            let path = format!("oparl/{name}");
            let text = fs::read_to_string(out.join(&path)).unwrap();
            let value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
            (path, value)
        })
        .collect()
}

/// Every OParl object in `value` (itself, the data of a list, the objects
/// inside), with where it is.
fn objects<'a>(value: &'a Value, at: &str, found: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            if map
                .get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.starts_with(TYPES))
            {
                found.push((at.to_string(), value));
            }
            for (key, inner) in map {
                objects(inner, &format!("{at}.{key}"), found);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                objects(inner, &format!("{at}[{index}]"), found);
            }
        }
        _ => {}
    }
}

/// Every string in `value`.
fn strings<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::String(text) => found.push(text),
        Value::Array(items) => items.iter().for_each(|v| strings(v, found)),
        Value::Object(map) => map.values().for_each(|v| strings(v, found)),
        _ => {}
    }
}

#[test]
fn every_object_is_at_its_address_and_every_link_between_objects_leads_to_a_file() {
    for dir in indexed("addresses") {
        let files = oparl_files(&dir);
        for name in [
            "system",
            "body",
            "bodies",
            "organizations",
            "persons",
            "meetings",
            "papers",
        ] {
            assert!(files.contains_key(&format!("oparl/{name}.json")), "{name}");
        }
        for (path, value) in &files {
            let address = format!("{SITE}{path}");
            if let Some(data) = value.get("data") {
                // A list page: its data, where it is and where the others are.
                assert!(data.is_array(), "{path}");
                assert_eq!(value["links"]["self"], address.as_str(), "{path}");
                assert!(value["pagination"]["totalElements"].is_u64(), "{path}");
            } else {
                assert_eq!(
                    value["id"],
                    address.as_str(),
                    "{path}: its id is its address"
                );
            }
            let mut found = Vec::new();
            strings(value, &mut found);
            for link in found
                .iter()
                .filter(|s| s.starts_with(&format!("{SITE}oparl/")))
            {
                let file = link.strip_prefix(SITE).unwrap();
                assert!(
                    files.contains_key(file),
                    "{path} links to {link}, which is not there"
                );
            }
        }
        assert_eq!(files["oparl/system.json"]["oparlVersion"], TYPES);
        assert_eq!(
            files["oparl/system.json"]["body"],
            format!("{SITE}oparl/bodies.json")
        );
    }
}

/// The schemas' patterns escape `:` and `/` (`^https\:\/\/schema…`), which
/// ECMAScript regular expressions allow outside their Unicode mode only:
/// the mode the schemas were written for.
const REGEX_VARIANT: [&str; 2] = ["--regex-variant", "nonunicode"];

#[test]
fn every_object_validates_against_the_oparl_schema_of_its_type() {
    if !have_tool("check-jsonschema", "--version") {
        return;
    }
    let schemas = project_root().join("tests/fixtures/oparl-1.1");
    let objects_dir = scratch("schema-objects");
    let mut by_type: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for dir in indexed("schema") {
        let project = dir.file_name().unwrap().to_string_lossy().into_owned();
        for (path, value) in oparl_files(&dir) {
            let mut found = Vec::new();
            objects(&value, &path, &mut found);
            for (index, (_, object)) in found.into_iter().enumerate() {
                let kind = object["type"]
                    .as_str()
                    .unwrap()
                    .strip_prefix(TYPES)
                    .unwrap();
                let name = format!("{project}-{}-{index}.json", path.replace('/', "_"));
                let file = objects_dir.join(kind).join(name);
                fs::create_dir_all(file.parent().unwrap()).unwrap();
                fs::write(&file, serde_json::to_string_pretty(object).unwrap()).unwrap();
                by_type.entry(kind.to_string()).or_default().push(file);
            }
        }
    }
    let kinds: BTreeSet<&str> = by_type.keys().map(String::as_str).collect();
    let all = [
        "AgendaItem",
        "Body",
        "Consultation",
        "File",
        "Meeting",
        "Organization",
    ];
    let all = all.into_iter().chain(["Paper", "Person", "System"]);
    assert_eq!(kinds, all.collect(), "every type rk writes is there");
    for (kind, files) in &by_type {
        let schema = schemas.join(format!("{kind}.json"));
        let output = Command::new("check-jsonschema")
            .args(REGEX_VARIANT)
            .arg("--schemafile")
            .arg(&schema)
            .args(files)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{kind}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The schemas do refuse: a Meeting whose participants are not a list.
    let broken = objects_dir.join("broken.json");
    let meeting = fs::read_to_string(&by_type["Meeting"][0]).unwrap();
    let mut meeting: Value = serde_json::from_str(&meeting).unwrap();
    meeting["participant"] = Value::from("everyone");
    fs::write(&broken, meeting.to_string()).unwrap();
    let output = Command::new("check-jsonschema")
        .args(REGEX_VARIANT)
        .arg("--schemafile")
        .arg(schemas.join("Meeting.json"))
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

/// The cases only closed items carry, and words of the closed items' text:
/// of the kommune example (item 47, in its closed section) and of the
/// archive fixture (an item closed itself, one in a closed section, one
/// under a closed group).
const CLOSED: [&str; 14] = [
    "02.34.02-G01-4-21",
    "221090",
    "matr.nr. 12b",
    // The byråd's item 47 (its public decision too: OParl shows a closed
    // item's number and title alone) and the closed bilag of item 42.
    "02.00.00-G01-5-24",
    "budt",
    "fortroligt",
    "matr.nr. 12ab",
    "Købesummen",
    "hoeringssvar-med-navne",
    "Høringssvar med navne",
    "SAG-2020-09999",
    "SAG-2021-07777",
    "SAG-2021-05555",
    "Fortroligt",
];

/// The closed items by title: their number and title are public.
const CLOSED_TITLES: [&str; 6] = [
    "Køb af areal til regnvandsbassin ved Engvej",
    "Salg af grund i erhvervsområde Syd",
    "Personalesag",
    "Kontraktforhold",
    "Lukkede sager",
    "Salg af grund",
];

#[test]
fn a_closed_item_is_its_number_and_title_and_nothing_else() {
    let mut closed_seen = BTreeSet::new();
    for dir in indexed("closed") {
        for (path, value) in oparl_files(&dir) {
            let text = serde_json::to_string(&value).unwrap();
            for word in CLOSED {
                let slug = word.to_lowercase();
                assert!(
                    !text.contains(word) && !text.contains(&slug) && !path.contains(&slug),
                    "{path} has {word:?}"
                );
            }
            let mut found = Vec::new();
            objects(&value, &path, &mut found);
            for (at, object) in found {
                let name = object["name"].as_str().unwrap_or_default();
                if object["type"] != format!("{TYPES}AgendaItem") {
                    continue;
                }
                if !CLOSED_TITLES.contains(&name) {
                    assert_eq!(object["public"], true, "{at}");
                    continue;
                }
                closed_seen.insert(name.to_string());
                let keys: BTreeSet<&str> = object
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect();
                let allowed = ["id", "type", "meeting", "number", "order", "name", "public"];
                let allowed = allowed.into_iter().chain(["created", "modified", "web"]);
                assert_eq!(keys, allowed.collect(), "{at}");
                assert_eq!(object["public"], false, "{at}");
            }
        }
        // Nothing is made of a closed item but its AgendaItem.
        let out = dir.join("out/oparl");
        for folder in ["consultation", "file"] {
            for name in common::files_under(&out.join(folder)) {
                let value: Value = serde_json::from_str(
                    &fs::read_to_string(out.join(folder).join(&name)).unwrap(),
                )
                .unwrap();
                let item = value["agendaItem"].to_string();
                assert!(!item.is_empty());
                for title in CLOSED_TITLES {
                    assert!(!value.to_string().contains(title), "{folder}/{name}");
                }
            }
        }
    }
    assert_eq!(closed_seen.len(), CLOSED_TITLES.len(), "{closed_seen:?}");
}

#[test]
fn the_kommune_examples_meetings_items_cases_and_bilag_are_there() {
    let dir = with_site("examples/kommune-udvalg", "kommune-objects");
    let stderr = index(&dir, &[]);
    assert!(stderr.contains("OParl 1.1: "), "{stderr}");
    let files = oparl_files(&dir);
    let meeting = &files["oparl/meeting/2021-05-05.json"];
    assert_eq!(
        meeting["name"],
        "Referat - Klima- og Miljøudvalget - 5. maj 2021"
    );
    assert_eq!(meeting["start"], "2021-05-05T16:00:00+02:00");
    assert_eq!(meeting["end"], "2021-05-05T18:00:00+02:00");
    assert_eq!(
        meeting["organization"][0],
        format!("{SITE}oparl/organization/klima-og-miljoeudvalget.json")
    );
    assert_eq!(
        meeting["resultsProtocol"]["accessUrl"],
        format!("{SITE}2021-05-05/referat.pdf")
    );
    assert!(
        meeting.get("invitation").is_none(),
        "no dagsorden without --agenda"
    );
    assert_eq!(meeting["web"], format!("{SITE}2021-05-05/referat.html"));
    // The present are participants; the absent are not.
    let participants = meeting["participant"].to_string();
    assert!(
        participants.contains("person/lise-holm-nielsen.json"),
        "{participants}"
    );
    assert!(
        participants.contains("person/kirsten-dalgaard.json"),
        "{participants}"
    );
    assert!(!participants.contains("jens-otto-kragh"), "{participants}");
    let items = meeting["agendaItem"].as_array().unwrap();
    assert_eq!(items.len(), 7);
    let item = &items[1];
    assert_eq!(item["number"], "42");
    assert_eq!(item["order"], 2);
    assert_eq!(
        item["web"],
        format!("{SITE}2021-05-05/referat.html#punkt-42")
    );
    assert_eq!(
        item["auxiliaryFile"][0]["accessUrl"],
        "https://www.example.dk/hoeringer/klimahandleplan-2021-2025"
    );
    // A case is a Paper, each item that carried it a Consultation of it.
    let paper = &files["oparl/paper/06.00.05-p16-1-21.json"];
    assert_eq!(paper["reference"], "06.00.05-P16-1-21");
    assert_eq!(paper["name"], "Tillæg nr. 4 til Spildevandsplan 2019-2029");
    assert_eq!(
        paper["web"],
        "https://sager.example.dk/sag/06.00.05-P16-1-21"
    );
    let consultation = &paper["consultation"][0];
    assert_eq!(
        consultation["agendaItem"],
        format!("{SITE}oparl/agendaitem/2021-05-05/43.json")
    );
    assert_eq!(consultation["role"], "beslutning");
    assert_eq!(
        files["oparl/agendaitem/2021-05-05/43.json"]["consultation"],
        consultation["id"]
    );
    // The Body's lists hold every object of their kind.
    assert_eq!(
        files["oparl/meetings.json"]["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        files["oparl/organizations.json"]["pagination"]["totalElements"],
        1
    );
}

/// `git ARGS` in `dir` with the commit's time set to `time` (ISO 8601, UTC).
fn git_at(dir: &Path, time: &str, args: &[&str]) {
    common::git_with(
        dir,
        args,
        &[("GIT_AUTHOR_DATE", time), ("GIT_COMMITTER_DATE", time)],
    );
}

#[test]
fn created_and_modified_come_from_git_else_from_the_meetings_dates() {
    let dir = project_copy("tests/fixtures/index/archive", "git-times");
    git_at(&dir, "2021-03-01T09:00:00Z", &["init", "-q"]);
    git_at(
        &dir,
        "2021-03-01T09:00:00Z",
        &["add", "rk.toml", "meetings/2020-11-25"],
    );
    git_at(
        &dir,
        "2021-03-01T09:00:00Z",
        &["commit", "-q", "-m", "November"],
    );
    replace_in(
        &dir.join("meetings/2020-11-25/01-siden-sidst.md"),
        "\n---\n",
        "\n---\n\nTilføjet.\n",
    );
    git_at(
        &dir,
        "2021-03-12T15:30:00Z",
        &["commit", "-q", "-am", "A change"],
    );
    index(&dir, &[]);
    let files = oparl_files(&dir);
    let november = &files["oparl/meeting/2020-11-25.json"];
    assert_eq!(november["created"], "2021-03-01T09:00:00Z");
    assert_eq!(november["modified"], "2021-03-12T15:30:00Z");
    // Its parts have its times.
    let item = &files["oparl/agendaitem/2020-11-25/1.json"];
    assert_eq!(item["modified"], "2021-03-12T15:30:00Z");
    // Not committed: the meeting's date, and the date of its approval.
    let march = &files["oparl/meeting/2021-03-10.json"];
    assert_eq!(march["created"], "2021-03-10T00:00:00Z");
    assert_eq!(march["modified"], "2021-03-10T00:00:00Z");
    // The organization's span is its meetings'.
    let council = &files["oparl/organization/it-arkitekturraadet.json"];
    assert_eq!(council["created"], "2021-03-01T09:00:00Z");
    assert_eq!(council["modified"], "2021-03-12T15:30:00Z");
    assert_eq!(files["oparl/body.json"]["modified"], "2021-06-15T00:00:00Z");
}

#[test]
fn a_gone_meeting_is_marked_deleted_and_its_parts_removed() {
    let dir = project_copy("tests/fixtures/index/archive", "deleted");
    index(&dir, &[]);
    let before = oparl_files(&dir);
    // A second run over the same sources writes nothing.
    let stderr = index(&dir, &[]);
    assert!(stderr.contains(" (0 changed)"), "{stderr}");
    fs::remove_dir_all(dir.join("meetings/2021-03-10")).unwrap();
    let stderr = index(&dir, &[]);
    let after = oparl_files(&dir);
    let meeting = &after["oparl/meeting/2021-03-10.json"];
    let keys: BTreeSet<&str> = meeting
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["id", "type", "created", "modified", "deleted"])
    );
    assert_eq!(meeting["deleted"], true);
    assert_eq!(
        meeting["created"],
        before["oparl/meeting/2021-03-10.json"]["created"]
    );
    assert!(!after.contains_key("oparl/agendaitem/2021-03-10/1.json"));
    assert!(after.contains_key("oparl/file/2021-03-10/referat.json"));
    assert!(stderr.contains("marked deleted"), "{stderr}");
    // The case only that meeting carried: its Paper is marked deleted too.
    assert_eq!(after["oparl/paper/sag-2021-00017.json"]["deleted"], true);
    let meetings = after["oparl/meetings.json"]["data"].to_string();
    assert!(!meetings.contains("meeting/2021-03-10"), "{meetings}");
}

#[test]
fn without_a_site_address_there_is_no_oparl_and_an_old_one_goes() {
    let dir = project_copy("tests/fixtures/index/archive", "no-site");
    index(&dir, &[]);
    assert!(dir.join("out/oparl/system.json").is_file());
    replace_in(
        &dir.join("rk.toml"),
        "url = \"https://referater.example.dk/arkiv\"\n",
        "",
    );
    let stderr = index(&dir, &[]);
    assert!(!dir.join("out/oparl").exists());
    assert!(
        stderr.contains(
            "no oparl/: OParl's objects are known by their addresses, which need the address \
             the archive is published at, `url` under `[site]` in rk.toml"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("removed out/oparl: rk.toml has no [site] url"),
        "{stderr}"
    );
}

#[test]
fn a_bilag_file_is_a_file_beside_the_referat_and_a_closed_bilag_is_not_there() {
    let dir = with_site("tests/fixtures/bodies/byraad", "byraad-files");
    index(&dir, &[]);
    let files = oparl_files(&dir);
    let item = &files["oparl/agendaitem/2024-05-29/42.json"];
    let bilag = &item["auxiliaryFile"];
    assert_eq!(
        bilag.as_array().unwrap().len(),
        1,
        "the closed bilag is not there: {bilag}"
    );
    assert_eq!(bilag[0]["name"], "Lokalplan 1087 - endelig udgave");
    assert_eq!(bilag[0]["fileName"], "lokalplan-1087.pdf");
    assert_eq!(bilag[0]["mimeType"], "application/pdf");
    assert_eq!(
        bilag[0]["accessUrl"],
        format!("{SITE}2024-05-29/bilag/lokalplan-1087.pdf")
    );
    assert_eq!(files["oparl/file/2024-05-29/42-1.json"], bilag[0]);
}
