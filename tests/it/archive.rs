//! `rk build --all` and `rk check --all` over a synthetic archive (see
//! tests/it/common/archive.rs): shards that add up to the whole build, one
//! broken meeting among good ones, incremental builds recorded in
//! out/.rk-manifest.json, removed meetings, and bad `--shard` values.
//!
//! What its tests show, one by one: `rk build --all` and `rk check --all` on a
//! small synthetic archive (`tests/it/common/archive.rs`, also `cargo run
//! --example gen-archive -- DIR N`): `--shard 1/3`, `2/3` and `3/3` build
//! exactly the meetings of one full build (4, 3 and 3 of 10), byte for byte;
//! one broken meeting among good ones fails the run (exit 1) while the others
//! are built, and it is not recorded, so fixed it is the one meeting built
//! next; a no-op rebuild builds nothing (`6 skipped`) and leaves every file's
//! bytes and modification time alone; editing one item rebuilds that meeting
//! only; a changed layout file rebuilds all; `--force` builds all; a removed
//! meeting's outputs are removed and files rk did not write stay; a meeting
//! built without `--all` is built again by the next `--all`; with items
//! numbered through the year, editing March rebuilds April too, editing April
//! only April; the internal edition keeps a manifest of its own; a layout that
//! does not typeset fails every meeting with exit 2 and records none; bad
//! `--shard` values, and `--shard` or `--force` without `--all`, are usage
//! errors (exit 2).

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use common::{Run, archive, rk};

/// A project in a scratch folder with `n` generated meetings.
fn project(n: usize) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let names = archive::generate(dir.path(), n).unwrap();
    (dir, names)
}

/// Every file under `dir` (the manifest too), by its path below it, with
/// its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let modified = fs::metadata(&path).unwrap().modified().unwrap();
                files.insert(name, (fs::read(&path).unwrap(), modified));
            }
        }
    }
    files
}

/// The meetings a run's closing line and lines say it built.
fn built(run: &Run) -> Vec<String> {
    let mut ids: Vec<String> = run
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("built "))
        .map(|rest| rest.split(':').next().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The closing line: `archive: 3 built, 0 skipped (unchanged), 0 failed (…)`.
fn summary(run: &Run) -> String {
    let line = run
        .stderr
        .lines()
        .rfind(|line| line.starts_with("archive: "))
        .unwrap_or_else(|| panic!("no closing line:\n{}", run.stderr));
    line.rsplit_once(" (")
        .map_or(line, |(counts, _)| counts)
        .to_string()
}

fn build_all(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["build", "--all"];
    args.extend_from_slice(extra);
    rk(dir, &args)
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join("out/.rk-manifest.json")).unwrap()).unwrap()
}

#[test]
fn three_shards_build_exactly_the_meetings_of_one_full_build_byte_for_byte() {
    let (dir, names) = project(10);
    let full = build_all(dir.path(), &["--out", "full"]);
    assert_eq!(full.code, 0, "{}", full.stderr);
    assert_eq!(built(&full), names);
    let mut by_shard = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let run = build_all(dir.path(), &["--shard", shard, "--out", "sharded"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        by_shard.push(built(&run));
    }
    // Dealt out in date order: 4, 3 and 3 meetings, none twice.
    assert_eq!(by_shard.iter().map(Vec::len).collect::<Vec<_>>(), [4, 3, 3]);
    let mut union: Vec<String> = by_shard.concat();
    union.sort();
    assert_eq!(union, names);
    let outputs = |tree: &str| -> BTreeMap<String, Vec<u8>> {
        snapshot(&dir.path().join(tree))
            .into_iter()
            .filter(|(name, _)| !name.ends_with(".rk-manifest.json"))
            .map(|(name, (bytes, _))| (name, bytes))
            .collect()
    };
    let (full, sharded) = (outputs("full"), outputs("sharded"));
    assert_eq!(full.len(), 3 * names.len());
    assert!(
        full == sharded,
        "the shards' outputs differ from the full build's"
    );
    // The manifest of the sharded tree records every meeting, as the full
    // one does: the three runs add up.
    let recorded = |tree: &str| -> Vec<String> {
        let text = fs::read(dir.path().join(tree).join(".rk-manifest.json")).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&text).unwrap();
        value["meetings"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(recorded("sharded"), recorded("full"));
}

#[test]
fn one_broken_meeting_fails_the_run_and_the_others_are_built() {
    let (dir, names) = project(6);
    let broken = &names[2];
    let item = dir
        .path()
        .join("meetings")
        .join(broken)
        .join("02-02-dupla.md");
    let text = fs::read_to_string(&item).unwrap();
    fs::write(&item, text.replace("title: DUPLA", "titel: DUPLA")).unwrap();

    let run = build_all(dir.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "not built: {broken} has 1 error; nothing was written"
        )),
        "{}",
        run.stderr
    );
    let good: Vec<String> = names.iter().filter(|n| *n != broken).cloned().collect();
    assert_eq!(built(&run), good);
    assert_eq!(
        summary(&run),
        "archive: 5 built, 0 skipped (unchanged), 1 failed"
    );
    for name in &good {
        assert!(
            dir.path()
                .join("out")
                .join(name)
                .join("referat.pdf")
                .is_file()
        );
    }
    assert!(!dir.path().join("out").join(broken).exists());
    // Not recorded as built: fixed, it is the one meeting built next.
    assert!(manifest(dir.path())["meetings"].get(broken).is_none());
    let again = build_all(dir.path(), &[]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert_eq!(built(&again), Vec::<String>::new());
    fs::write(&item, text).unwrap();
    let fixed = build_all(dir.path(), &[]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    assert_eq!(built(&fixed), std::slice::from_ref(broken));
    assert_eq!(
        summary(&fixed),
        "archive: 1 built, 5 skipped (unchanged), 0 failed"
    );
}

#[test]
fn an_unchanged_archive_is_skipped_and_its_outputs_left_alone() {
    let (dir, names) = project(6);
    let first = build_all(dir.path(), &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = snapshot(&dir.path().join("out"));

    let again = build_all(dir.path(), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(built(&again), Vec::<String>::new());
    assert_eq!(
        summary(&again),
        "archive: 0 built, 6 skipped (unchanged), 0 failed"
    );
    for name in &names {
        assert!(
            again
                .stderr
                .contains(&format!("skipped {name}: unchanged since its last build")),
            "{}",
            again.stderr
        );
    }
    // The same bytes and the same times: no output was written. The
    // manifest may have got the meetings' stamps (see the next test), and
    // nothing else.
    let after = snapshot(&dir.path().join("out"));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (name, file) in &before {
        if !name.ends_with(".rk-manifest.json") {
            assert!(after[name] == *file, "{name} was written again");
        }
    }
    let unstamped = |bytes: &[u8]| {
        let mut manifest: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        for documents in manifest["meetings"].as_object_mut().unwrap().values_mut() {
            for entry in documents.as_object_mut().unwrap().values_mut() {
                entry.as_object_mut().unwrap().remove("stamp");
            }
        }
        manifest
    };
    assert_eq!(
        unstamped(&before[".rk-manifest.json"].0),
        unstamped(&after[".rk-manifest.json"].0)
    );

    // --force builds every meeting again.
    let forced = build_all(dir.path(), &["--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(built(&forced), names);
}

/// Waits until every file written so far is older than rk's margin for
/// files changed "lately" (three seconds), whose stamps it does not trust.
fn let_the_sources_settle() {
    std::thread::sleep(std::time::Duration::from_millis(3_500));
}

/// The stamps the manifest records for the referat of each meeting.
fn stamps(dir: &Path) -> BTreeMap<String, Option<String>> {
    let manifest = manifest(dir);
    manifest["meetings"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, documents)| {
            let stamp = documents["referat"]["stamp"].as_str().map(String::from);
            (id.clone(), stamp)
        })
        .collect()
}

#[test]
fn a_meeting_is_known_unchanged_by_its_stamp_and_every_change_is_still_seen() {
    let (dir, names) = project(4);
    let meeting = |k: usize| dir.path().join("meetings").join(&names[k]);
    let_the_sources_settle();
    let first = build_all(dir.path(), &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // Sources older than the margin: each meeting's stamp is recorded.
    let recorded = stamps(dir.path());
    assert_eq!(recorded.len(), 4);
    assert!(recorded.values().all(Option::is_some), "{recorded:?}");

    // Nothing changed: skipped by the stamps, and nothing written at all,
    // the manifest neither.
    let before = snapshot(&dir.path().join("out"));
    let again = build_all(dir.path(), &[]);
    assert_eq!(
        summary(&again),
        "archive: 0 built, 4 skipped (unchanged), 0 failed"
    );
    assert!(before == snapshot(&dir.path().join("out")));

    // Touched, the same content: the stamp differs, the digest does not.
    let item = meeting(0).join("03-eventuelt.md");
    let file = fs::File::options().write(true).open(&item).unwrap();
    file.set_modified(SystemTime::now()).unwrap();
    drop(file);
    let touched = build_all(dir.path(), &[]);
    assert_eq!(built(&touched), Vec::<String>::new(), "{}", touched.stderr);
    // Touched just now: its new stamp is not trusted yet, not recorded.
    assert_eq!(stamps(dir.path())[&names[0]], recorded[&names[0]]);

    // Edited, the same size and the same modification time (as `touch -r`
    // leaves it): the file's status change time still tells (where the
    // system keeps one: Windows has none, and such an edit goes unseen
    // there, as by make).
    #[cfg(unix)]
    {
        let item = meeting(1).join("03-eventuelt.md");
        let modified = fs::metadata(&item).unwrap().modified().unwrap();
        let text = fs::read_to_string(&item).unwrap();
        let edited = text.replacen(" er nr. ", " er Nr. ", 1);
        assert_eq!(edited.len(), text.len());
        fs::write(&item, &edited).unwrap();
        let file = fs::File::options().write(true).open(&item).unwrap();
        file.set_modified(modified).unwrap();
        drop(file);
        let run = build_all(dir.path(), &[]);
        assert_eq!(built(&run), [names[1].clone()], "{}", run.stderr);
    }

    // A file added to a meeting folder, then removed: built each time.
    let added = meeting(2).join("noter.txt");
    fs::write(&added, "Noter til mødet.\n").unwrap();
    let run = build_all(dir.path(), &[]);
    assert_eq!(built(&run), [names[2].clone()], "{}", run.stderr);
    fs::remove_file(&added).unwrap();
    let run = build_all(dir.path(), &[]);
    assert_eq!(built(&run), [names[2].clone()], "{}", run.stderr);

    // Once the changed files are older than the margin, their stamps are
    // recorded by a run that builds nothing.
    let_the_sources_settle();
    let settled = build_all(dir.path(), &[]);
    assert_eq!(built(&settled), Vec::<String>::new(), "{}", settled.stderr);
    let now = stamps(dir.path());
    assert!(now.values().all(Option::is_some), "{now:?}");
    assert_ne!(now[&names[0]], recorded[&names[0]]);
    let before = snapshot(&dir.path().join("out"));
    build_all(dir.path(), &[]);
    assert!(before == snapshot(&dir.path().join("out")));
}

#[test]
fn with_stamps_an_edit_of_the_previous_meeting_of_the_year_rebuilds_the_next() {
    let dir = common::project_copy("tests/fixtures/bodies/udvalg", "archive-year-stamps");
    let_the_sources_settle();
    let first = build_all(&dir, &[]);
    assert_eq!(built(&first), ["2021-03-17", "2021-04-21"]);
    assert!(stamps(&dir).values().all(Option::is_some));
    // March edited, April's own files untouched: April's stamp covers
    // March's files too.
    let march = dir.join("meetings/2021-03-17/39-vintertjeneste.md");
    let text = fs::read_to_string(&march).unwrap();
    fs::write(&march, format!("{text}\nEt tillæg.\n")).unwrap();
    let run = build_all(&dir, &[]);
    assert_eq!(built(&run), ["2021-03-17", "2021-04-21"], "{}", run.stderr);
    // A meeting added before April in the year: April again.
    let extra = dir.join("meetings/2021-04-01");
    common::copy_tree(&dir.join("meetings/2021-03-17"), &extra);
    let run = build_all(&dir, &[]);
    assert!(
        built(&run).contains(&"2021-04-21".to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn editing_one_item_rebuilds_only_its_meeting() {
    let (dir, names) = project(6);
    assert_eq!(build_all(dir.path(), &[]).code, 0);
    let before = snapshot(&dir.path().join("out"));
    let edited = &names[4];
    let item = dir
        .path()
        .join("meetings")
        .join(edited)
        .join("03-eventuelt.md");
    let mut text = fs::read_to_string(&item).unwrap();
    text.push_str("\nEn tilføjelse efter mødet.\n");
    fs::write(&item, text).unwrap();

    let run = build_all(dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(built(&run), std::slice::from_ref(edited));
    assert_eq!(
        summary(&run),
        "archive: 1 built, 5 skipped (unchanged), 0 failed"
    );
    let after = snapshot(&dir.path().join("out"));
    for (name, file) in &before {
        let in_edited = name.starts_with(&format!("{edited}/"));
        if !in_edited && !name.ends_with(".rk-manifest.json") {
            assert!(after[name] == *file, "{name} was written again");
        }
    }
    let html =
        fs::read_to_string(dir.path().join("out").join(edited).join("referat.html")).unwrap();
    assert!(html.contains("En tilføjelse efter mødet."));

    // A layout file counts too: a layout folder changed rebuilds them all.
    let layout = dir.path().join("mit-layout");
    assert_eq!(
        rk(dir.path(), &["layout", "copy", "kl", "mit-layout"]).code,
        0
    );
    let with_layout = build_all(dir.path(), &["--layout", "mit-layout"]);
    assert_eq!(built(&with_layout), names, "{}", with_layout.stderr);
    let labels = layout.join("labels.toml");
    let text = fs::read_to_string(&labels).unwrap();
    fs::write(&labels, format!("{text}\n# changed\n")).unwrap();
    let changed = build_all(dir.path(), &["--layout", "mit-layout"]);
    assert_eq!(built(&changed), names, "{}", changed.stderr);
}

#[test]
fn a_removed_meeting_has_its_outputs_removed_and_nothing_else() {
    let (dir, names) = project(6);
    assert_eq!(build_all(dir.path(), &[]).code, 0);
    let gone = &names[1];
    let out = dir.path().join("out");
    // A file rk did not write stays, and so does its folder.
    fs::write(out.join(&names[3]).join("noter.txt"), "mine").unwrap();
    fs::write(out.join("README.txt"), "mine").unwrap();
    fs::remove_dir_all(dir.path().join("meetings").join(gone)).unwrap();

    let run = build_all(dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "removed out/{gone}: the meeting is no longer among the sources"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        summary(&run),
        "archive: 0 built, 5 skipped (unchanged), 0 failed, 1 removed"
    );
    assert!(!out.join(gone).exists());
    assert!(manifest(dir.path())["meetings"].get(gone).is_none());
    assert!(out.join(&names[3]).join("noter.txt").is_file());
    assert!(out.join("README.txt").is_file());
    for name in names.iter().filter(|n| *n != gone) {
        assert!(out.join(name).join("referat.pdf").is_file());
    }

    // A meeting built without --all is built again by the next --all
    // build (its outputs may have been made with other options).
    let one = rk(dir.path(), &["build", &names[0], "--only", "html"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    let all = build_all(dir.path(), &[]);
    assert_eq!(built(&all), [names[0].clone()], "{}", all.stderr);
    assert!(out.join(&names[0]).join("referat.pdf").is_file());
}

#[test]
fn check_all_reports_every_meeting_and_fails_on_one_broken() {
    let (dir, names) = project(6);
    let item = dir
        .path()
        .join("meetings")
        .join(&names[5])
        .join("01-siden-sidst.md");
    let text = fs::read_to_string(&item).unwrap();
    fs::write(&item, text.replace("title:", "titel:")).unwrap();
    let run = rk(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let checked: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("checked "))
        .collect();
    assert_eq!(checked.len(), 6, "{}", run.stderr);
    for (line, name) in checked.iter().zip(&names) {
        assert!(line.starts_with(&format!("checked {name} (16 items): ")));
    }
    assert!(checked[5].ends_with("1 error"), "{}", checked[5]);
    // A shard checks its share only: 2/3 is the 2nd and the 5th meeting.
    let shard = rk(dir.path(), &["check", "--all", "--shard", "2/3"]);
    assert_eq!(shard.code, 0, "{}", shard.stderr);
    let checked: Vec<&str> = shard
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("checked "))
        .map(|rest| rest.split(' ').next().unwrap())
        .collect();
    assert_eq!(checked, [names[1].as_str(), names[4].as_str()]);
}

#[test]
fn bad_shards_are_a_usage_error() {
    let (dir, _) = project(1);
    for bad in ["0/3", "4/3", "1/0", "x", "1/", "/3", "1/3/3"] {
        let run = build_all(dir.path(), &["--shard", bad]);
        assert_eq!(run.code, 2, "--shard {bad}: {}", run.stderr);
        assert!(
            run.stderr.contains("is not a shard: give I/N"),
            "--shard {bad}: {}",
            run.stderr
        );
    }
    // --shard and --force belong to --all.
    for args in [
        &["build", "--shard", "1/2"][..],
        &["check", "--shard", "1/2"],
        &["build", "--force"],
    ] {
        let run = rk(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("--all"), "{args:?}: {}", run.stderr);
    }
    assert!(!dir.path().join("out").exists());
}

#[test]
fn the_internal_edition_keeps_a_manifest_of_its_own() {
    let (dir, names) = project(3);
    let internal = build_all(dir.path(), &["--internal"]);
    assert_eq!(internal.code, 0, "{}", internal.stderr);
    assert_eq!(built(&internal), names);
    let text = fs::read(dir.path().join("out-internt/.rk-manifest.json")).unwrap();
    let recorded: serde_json::Value = serde_json::from_slice(&text).unwrap();
    assert!(recorded["meetings"][&names[0]]["referat-internt"]["inputs"].is_string());
    // The public edition is another tree: built, not skipped.
    let public = build_all(dir.path(), &[]);
    assert_eq!(built(&public), names, "{}", public.stderr);
    assert!(manifest(dir.path())["meetings"][&names[0]]["referat"].is_object());
    let again = build_all(dir.path(), &["--internal"]);
    assert_eq!(
        summary(&again),
        "archive: 0 built, 3 skipped (unchanged), 0 failed"
    );
}

#[test]
fn a_layout_that_does_not_typeset_is_an_error_of_every_meeting() {
    let (dir, _) = project(3);
    assert_eq!(rk(dir.path(), &["layout", "copy", "kl", "brudt"]).code, 0);
    let template = dir.path().join("brudt/referat.typ");
    let text = fs::read_to_string(&template).unwrap();
    fs::write(&template, format!("{text}\n#let broken = (\n")).unwrap();
    let run = build_all(dir.path(), &["--layout", "brudt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        summary(&run),
        "archive: 0 built, 0 skipped (unchanged), 3 failed"
    );
    assert!(
        run.stderr.contains("error: 3 meetings could not be built:"),
        "{}",
        run.stderr
    );
    assert!(
        manifest(dir.path())["meetings"]
            .as_object()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn with_items_numbered_through_the_year_a_meeting_depends_on_the_earlier_ones() {
    // Teknik- og Miljøudvalget: April's items go on from March's.
    let dir = common::project_copy("tests/fixtures/bodies/udvalg", "archive-year");
    let first = build_all(&dir, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(built(&first), ["2021-03-17", "2021-04-21"]);
    // March changed: April, whose numbers follow March's, is built again.
    let march = dir.join("meetings/2021-03-17/39-vintertjeneste.md");
    let text = fs::read_to_string(&march).unwrap();
    fs::write(&march, format!("{text}\nEt tillæg.\n")).unwrap();
    let run = build_all(&dir, &[]);
    assert_eq!(built(&run), ["2021-03-17", "2021-04-21"], "{}", run.stderr);
    // April changed: March is not.
    let april = dir.join("meetings/2021-04-21/43-anlaegsbudget.md");
    let text = fs::read_to_string(&april).unwrap();
    fs::write(&april, format!("{text}\nEt tillæg.\n")).unwrap();
    let run = build_all(&dir, &[]);
    assert_eq!(built(&run), ["2021-04-21"], "{}", run.stderr);
}

#[test]
fn the_agenda_and_the_referat_are_recorded_apart() {
    let (dir, names) = project(3);
    assert_eq!(built(&build_all(dir.path(), &[])), names);
    let agenda = build_all(dir.path(), &["--agenda"]);
    assert_eq!(agenda.code, 0, "{}", agenda.stderr);
    assert_eq!(built(&agenda), names);
    let recorded = manifest(dir.path());
    assert!(recorded["meetings"][&names[0]]["referat"].is_object());
    assert!(recorded["meetings"][&names[0]]["dagsorden"].is_object());
    // Each is skipped on its own next time.
    for args in [&[][..], &["--agenda"]] {
        let again = build_all(dir.path(), args);
        assert_eq!(
            summary(&again),
            "archive: 0 built, 3 skipped (unchanged), 0 failed"
        );
    }
}
