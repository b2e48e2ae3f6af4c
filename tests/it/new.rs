//! `rk new` (the next meeting from an earlier one) and `rk layout copy` (a
//! built-in layout in a folder of one's own), run as a referent would.

use crate::common;

use std::fs;

use common::{Severity, check_json, copy_tree, example_copy, project_root, rk, scratch, tree};

#[test]
fn a_new_meeting_from_the_example_passes_rk_check() {
    let dir = example_copy("new-from-example");
    let run = rk(&dir, &["new", "2020-12-16"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("from 2020-11-25"), "{}", run.stderr);
    let meeting = dir.join("meetings/2020-12-16");
    let mut names: Vec<String> = fs::read_dir(&meeting)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Siden sidst and Eventuelt stand, and so does the group heading
    // Drøftelsessager: its thirteen cases become one item to fill in under
    // it.
    assert_eq!(
        names,
        [
            "01-siden-sidst.md",
            "02-01-nyt-punkt.md",
            "02-droeftelsessager.md",
            "03-eventuelt.md",
            "meeting.yaml"
        ]
    );
    // Mette Harbo sent apologies, and her substitute sat among the others:
    // rk says where it put her.
    assert!(
        run.stderr.contains(
            "note: Mette Harbo (absent from 2020-11-25) is last among the members: no earlier meeting shows their place"
        ),
        "{}",
        run.stderr
    );

    let (code, findings, stderr) = check_json(&dir, &["2020-12-16"]);
    assert_eq!(code, 0, "{stderr}");
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Standing items have no text until the meeting, and rk says so.
    let warned: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.file.as_str()))
        .collect();
    assert_eq!(
        warned,
        [
            ("empty-item", "meetings/2020-12-16/01-siden-sidst.md"),
            ("empty-item", "meetings/2020-12-16/03-eventuelt.md"),
        ]
    );

    let yaml = fs::read_to_string(meeting.join("meeting.yaml")).unwrap();
    for line in [
        "body: It-Arkitekturrådet",
        "date: 2020-12-16",
        "chair: Ghita Thiesen",
        "referent: Zahra Al-Asfoor",
        "  - name: Caroline Hegelund",
        // Who sent apologies last time is a member again.
        "  - name: Mette Harbo",
    ] {
        assert!(yaml.lines().any(|l| l == line), "no {line:?} in\n{yaml}");
    }
    // A guest, a substitute and a note were for that meeting only.
    for gone in [
        "Christian Harsløf",
        "Karen Rahbek",
        "fra kl. 13:00",
        "guests:",
        "absent:",
    ] {
        assert!(!yaml.contains(gone), "{gone:?} in\n{yaml}");
    }
    let template = fs::read_to_string(meeting.join("02-01-nyt-punkt.md")).unwrap();
    assert!(template.starts_with("---\n# A new item, made by rk new"));
    assert!(template.contains("number: \"2.1\"\n"));
    let group = fs::read_to_string(meeting.join("02-droeftelsessager.md")).unwrap();
    assert_eq!(group, "---\nnumber: \"2\"\ntitle: Drøftelsessager\n---\n");
    assert!(template.contains("Det indstilles, at It-Arkitekturrådet:"));
    let standing = fs::read_to_string(meeting.join("03-eventuelt.md")).unwrap();
    assert_eq!(
        standing,
        "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\n"
    );
}

#[test]
fn rk_new_on_an_existing_folder_refuses_and_changes_nothing() {
    let dir = example_copy("new-existing");
    let before = tree(&dir);
    let run = rk(&dir, &["new", "2020-11-25"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("meetings/2020-11-25 already exists: rk new starts a new meeting and writes over nothing"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir), before);

    for (args, says) in [
        (vec!["new", "25-11-2020"], "is not a meeting date"),
        (vec!["new", "2020-11-01"], "no meeting before 2020-11-01"),
        (
            vec!["new", "2021-01-13", "--from", "2020-11-26"],
            "no meeting `2020-11-26`",
        ),
    ] {
        let run = rk(&dir, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(tree(&dir), before, "{args:?} changed the project");
    }
}

#[test]
fn numbers_run_on_where_the_project_numbers_through_the_year() {
    let dir = scratch("new-running");
    copy_tree(&project_root().join("tests/fixtures/bodies/udvalg"), &dir);
    // The April meeting ends at item 47: May starts at 48.
    let run = rk(&dir, &["new", "2021-05-19"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (code, findings, stderr) = check_json(&dir, &["2021-05-19"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    // The three cases of the open section (42-44) become one item to fill
    // in, Meddelelser (`sag: none`) stands after it as it stood after them,
    // and the closed section's cases become one item of their own.
    let meeting = dir.join("meetings/2021-05-19");
    let template = fs::read_to_string(meeting.join("48-nyt-punkt.md")).unwrap();
    assert!(template.contains("number: \"48\"\n"), "{template}");
    let standing = fs::read_to_string(meeting.join("49-meddelelser.md")).unwrap();
    assert!(standing.contains("number: \"49\"\n"), "{standing}");
    let closed = fs::read_to_string(meeting.join("50-nyt-punkt.md")).unwrap();
    assert!(closed.contains("number: \"50\"\n"), "{closed}");

    // A new year starts again from 1.
    let run = rk(&dir, &["new", "2022-01-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("meetings/2022-01-12/01-nyt-punkt.md").is_file());
    assert!(dir.join("meetings/2022-01-12/02-meddelelser.md").is_file());
    assert!(dir.join("meetings/2022-01-12/03-nyt-punkt.md").is_file());
}

#[test]
fn a_copied_layout_builds_the_same_bytes_as_the_built_in_one() {
    let dir = example_copy("layout-copy");
    let run = rk(&dir, &["layout", "copy", "kl", "mit-layout"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each text file says at its top what it is for.
    for (file, comment) in [
        ("referat.typ", "//"),
        ("labels.toml", "#"),
        ("referat.html", "{#"),
        ("item.html", "{#"),
        ("aendringer.html", "{#"),
        ("index.html", "{#"),
        ("sager.html", "{#"),
        ("style.css", "/*"),
        ("closing.md", "[//]: #"),
        ("fonts/README.md", "#"),
    ] {
        let text = fs::read_to_string(dir.join("mit-layout").join(file)).unwrap();
        assert!(text.starts_with(comment), "{file} starts {:?}", &text[..20]);
    }
    let built_in = rk(&dir, &["build", "2020-11-25", "--out", "ud-kl"]);
    assert_eq!(built_in.code, 0, "{}", built_in.stderr);
    let copied = rk(
        &dir,
        &[
            "build",
            "2020-11-25",
            "--layout",
            "mit-layout",
            "--out",
            "ud-kopi",
        ],
    );
    assert_eq!(copied.code, 0, "{}", copied.stderr);
    let (a, b) = (tree(&dir.join("ud-kl")), tree(&dir.join("ud-kopi")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{} differs", path.display());
    }

    // A folder that is not empty is never written into.
    let before = tree(&dir.join("mit-layout"));
    let again = rk(&dir, &["layout", "copy", "kl", "mit-layout"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("is not empty"), "{}", again.stderr);
    assert_eq!(tree(&dir.join("mit-layout")), before);
    let unknown = rk(&dir, &["layout", "copy", "kk", "andet"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean kl?"),
        "{}",
        unknown.stderr
    );
    assert!(!dir.join("andet").exists());
}
