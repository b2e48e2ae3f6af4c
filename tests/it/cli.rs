//! The command line of SPEC.md section 3: which meetings a run checks (a
//! date, a folder, `.`, none, `--all`, an ambiguous or unknown one), `-C`,
//! `--deny-warnings` and the exit status, rk.toml, `rk list` and `rk init`.
//!
//! What its tests show, one by one: the command line: which meetings a run
//! checks (a date, a folder, `.`, none, `--all`, an ambiguous or unknown date,
//! a broken meeting folder beside good ones), `-C`, `--deny-warnings` and the
//! exit status, rk.toml (an unknown key, a key in the wrong table, the case
//! pattern), `rk list`, and `rk init` (a project that checks clean; a second
//! `rk init` changes nothing).

use crate::common;

use std::fs;

use common::{
    DUPLA, E, W, check_json, copy_tree, fixture, fixture_copy, fixtures_root, got, human, init,
    parse_findings, project_root, rk, tree, want,
};

// ---- choosing meetings ---------------------------------------------------

#[test]
fn a_date_argument_checks_that_meeting_only() {
    let dir = fixture("two-meetings");
    let (code, findings, _) = check_json(&dir, &["2021-02-24"]);
    assert_eq!(code, 0);
    assert_eq!(findings.len(), 2);
    assert!(
        findings
            .iter()
            .all(|f| f.file.starts_with("meetings/2021-02-24/"))
    );

    let (code, stderr) = human("two-meetings", &["2020-11-25"]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, "checked 2020-11-25 (5 items): no findings\n")
    );

    // A folder works as well as a date; no argument and --all check both.
    let (_, by_path, _) = check_json(&dir, &["meetings/2021-02-24"]);
    assert_eq!(by_path, findings);
    let (_, stderr) = human("two-meetings", &[]);
    assert!(stderr.ends_with(
        "checked 2020-11-25 (5 items): no findings\nchecked 2021-02-24 (2 items): 2 warnings\n"
    ));
    assert_eq!(human("two-meetings", &["--all"]).1, stderr);

    // From inside the meeting folder, `.` is the meeting and paths are
    // relative to where rk runs.
    let run = rk(
        &fixture("bad-sag").join("meetings/2020-11-25"),
        &["check", ".", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    let findings = parse_findings(&run.stdout);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].file, "02-01-nyt-fra-udvalget.md");
}

#[test]
fn an_ambiguous_date_lists_both_folders() {
    let dir = fixture("ambiguous-date");
    let run = rk(&dir, &["check", "2020-11-25"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    // The folders are named from where rk runs, ready to paste.
    assert_eq!(
        run.stderr,
        "error: 2020-11-25 names 2 meetings; give the folder instead:\n  \
         meetings/2020-11-25\n  meetings/2020-11-25-ekstra\n"
    );
    // The full folder name is not ambiguous.
    let (code, stderr) = human("ambiguous-date", &["2020-11-25-ekstra"]);
    assert_eq!(code, 0);
    assert!(
        stderr.starts_with("checked 2020-11-25-ekstra ("),
        "{stderr}"
    );
}

#[test]
fn an_unknown_meeting_is_a_usage_error() {
    let dir = fixture("two-meetings");
    let run = rk(&dir, &["check", "2020-12-16"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no meeting `2020-12-16`: not a meeting under meetings nor a folder with a meeting.yaml \
         (meetings: 2020-11-25, 2021-02-24)\n"
    );
    let run = rk(&dir, &["check", "meetings/2020-11-52"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: no meeting `meetings/2020-11-52`"),
        "{}",
        run.stderr
    );
}

#[test]
fn dash_c_sets_the_start_folder() {
    let root = fixtures_root();
    for args in [
        ["-C", "bad-sag", "check", "--format", "json"],
        ["check", "-C", "bad-sag", "--format", "json"],
    ] {
        let run = rk(&root, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let findings = parse_findings(&run.stdout);
        // Paths stay relative to the working directory, not to -C.
        assert_eq!(
            got(&findings),
            want(&[(
                "bad-sag",
                E,
                "bad-sag/meetings/2020-11-25/02-01-nyt-fra-udvalget.md",
                4,
                6,
                "`SAG-2019-4651` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)",
            )])
        );
    }
    // The project is found upwards from -C, like cargo finds Cargo.toml.
    let run = rk(
        &root,
        &[
            "-C",
            "bad-sag/meetings/2020-11-25",
            "check",
            "2020-11-25",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(parse_findings(&run.stdout).len(), 1);
}

#[test]
fn every_meeting_folder_is_checked_even_when_one_is_broken() {
    let dir = fixture_copy("clean", "review-folders");
    // A folder named by a date but without meeting.yaml, and a meeting
    // whose folder is not named by its date: both are findings, and the
    // other meetings are still checked.
    fs::create_dir_all(dir.join("meetings/2020-12-01")).unwrap();
    copy_tree(
        &dir.join("meetings/2020-11-25"),
        &dir.join("meetings/ekstra-moede"),
    );
    let (code, findings, stderr) = check_json(&dir, &["--all"]);
    assert_eq!(code, 1, "{stderr}");
    let found: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f.rule.clone(), f.file.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "missing-file".to_string(),
                "meetings/2020-12-01/meeting.yaml".to_string()
            ),
            (
                "date-mismatch".to_string(),
                "meetings/ekstra-moede/meeting.yaml".to_string()
            ),
        ]
    );
}

#[test]
fn the_same_meeting_named_twice_is_checked_once() {
    let dir = fixture_copy("bad-sag", "review-twice");
    let (code, findings, _) = check_json(&dir, &["2020-11-25", "meetings/2020-11-25"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:?}");
}

#[test]
fn inside_a_meeting_folder_no_argument_means_that_meeting() {
    let dir = fixture_copy("two-meetings", "review-inside");
    let run = rk(&dir.join("meetings/2021-02-24"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("checked 2021-02-24 (2 items): 2 warnings\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("checked 2020-11-25"), "{}", run.stderr);
    // `..` from a subfolder names the meeting by its real name.
    fs::create_dir_all(dir.join("meetings/2021-02-24/bilag")).unwrap();
    let run = rk(&dir.join("meetings/2021-02-24/bilag"), &["check", ".."]);
    assert!(
        run.stderr
            .ends_with("checked 2021-02-24 (2 items): 2 warnings\n"),
        "{}",
        run.stderr
    );
}

// ---- exit status -----------------------------------------------------------

#[test]
fn deny_warnings_fails_a_run_with_only_warnings() {
    for name in ["raw-html", "empty-item", "personal-data-contact"] {
        let dir = fixture(name);
        let (code, findings, _) = check_json(&dir, &[]);
        assert_eq!(code, 0, "{name} without --deny-warnings");
        assert!(
            !findings.is_empty() && findings.iter().all(|f| f.severity == W),
            "{name}"
        );
        let (code, denied, _) = check_json(&dir, &["--deny-warnings"]);
        assert_eq!(code, 1, "{name} with --deny-warnings");
        assert_eq!(
            denied, findings,
            "{name}: --deny-warnings changes the exit status only"
        );
        assert_eq!(
            human(name, &["--deny-warnings"]).0,
            1,
            "{name}, human format"
        );
    }
    assert_eq!(check_json(&fixture("clean"), &["--deny-warnings"]).0, 0);
}

// ---- rk.toml ---------------------------------------------------------------

#[test]
fn an_unknown_key_in_rk_toml_is_a_config_error() {
    let run = rk(&fixture("bad-config"), &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let first = run.stderr.lines().next().unwrap_or_default();
    // Named from the working directory, as findings are.
    assert!(first.starts_with("error: rk.toml: "), "{}", run.stderr);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unknown field `patern`, expected `pattern` or `url`"),
        "{}",
        run.stderr
    );
    // Every command reads the config.
    assert_eq!(rk(&fixture("bad-config"), &["list"]).code, 2);
}

#[test]
fn the_case_pattern_in_rk_toml_decides_what_bad_sag_accepts() {
    // With rk.toml (KL journal numbers): 2.2's `00.01.00-A00-1-20` passes and
    // 2.1's SAG number fails (see CASES). Without it, the other way round.
    let dir = fixture_copy("bad-sag-pattern", "bad-sag-pattern-default");
    fs::remove_file(dir.join("rk.toml")).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        got(&findings),
        want(&[(
            "bad-sag",
            E,
            DUPLA,
            4,
            6,
            "`00.01.00-A00-1-20` is not a case reference (pattern `SAG-\\d{4}-\\d{5}`)",
        )])
    );
    // A pattern that is not a regular expression is a config error.
    fs::write(dir.join("rk.toml"), "[case]\npattern = 'SAG-(\\d{4}'\n").unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("rk.toml"), "{}", run.stderr);
}

#[test]
fn a_top_level_key_after_case_in_rk_toml_says_where_it_landed() {
    let dir = fixture_copy("clean", "issue8-toml-after-case");
    fs::write(
        dir.join("rk.toml"),
        "meetings = \"meetings\"\n[case]\npattern = 'SAG-\\d{4}-\\d{5}'\nout = \"udgivet\"\n",
    )
    .unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: rk.toml: `out` on line 4 landed inside `[case]`: every key after a `[case]` line \
         belongs to that table, which has no `out`. Top-level keys go before the first \
         table: move `out` above `[case]`\n"
    );
    // A key that is nowhere known keeps the parser's message.
    fs::write(dir.join("rk.toml"), "[case]\nlayot = \"kl\"\n").unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `layot`"),
        "{}",
        run.stderr
    );
}

// ---- rk list -------------------------------------------------------------

#[test]
fn list_shows_each_meeting_with_its_status() {
    let run = rk(&fixture("two-meetings"), &["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "2020-11-25  It-Arkitekturrådet  5 items  ok\n\
         2021-02-24  It-Arkitekturrådet  2 items  2 warnings\n"
    );
    let run = rk(&fixture("bad-sag"), &["list"]);
    assert_eq!(
        run.stdout,
        "2020-11-25  It-Arkitekturrådet  5 items  1 error\n"
    );
}

#[test]
fn one_item_is_singular() {
    let (_, stderr) = human("ambiguous-date", &["2020-11-25-ekstra"]);
    assert_eq!(stderr, "checked 2020-11-25-ekstra (1 item): no findings\n");
    let run = rk(&fixture("ambiguous-date"), &["list"]);
    assert!(run.stdout.contains("  1 item  "), "{}", run.stdout);
}

// ---- rk init ---------------------------------------------------------------

#[test]
fn rk_init_starts_a_project_that_checks_clean_and_never_overwrites() {
    let (dir, date) = init("cli-init");
    let files: Vec<String> = tree(&dir)
        .keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(
        files,
        [
            ".gitignore".to_string(),
            format!("meetings/{date}/01-godkendelse-af-dagsorden.md"),
            format!("meetings/{date}/02-trivselsmaaling.md"),
            format!("meetings/{date}/03-eventuelt.md"),
            format!("meetings/{date}/meeting.yaml"),
            "rk.toml".to_string(),
        ]
    );
    // Clean, warnings included.
    assert_eq!(
        check_json(&dir, &["--deny-warnings"]),
        (0, vec![], String::new())
    );
    let run = rk(&dir, &["check"]);
    assert_eq!(
        run.stderr,
        format!("checked {date} (3 items): no findings\n")
    );

    // A second rk init changes nothing and says why.
    let before = tree(&dir);
    let run = rk(&dir, &["init"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: this folder already holds rk.toml: rk init starts a new project and writes nothing over one\n"
    );
    assert_eq!(tree(&dir), before);
    // Nor does one over a meetings folder without rk.toml.
    fs::remove_file(dir.join("rk.toml")).unwrap();
    let before = tree(&dir);
    assert_eq!(rk(&dir, &["init"]).code, 2);
    assert_eq!(tree(&dir), before);

    // A folder named on the command line is made.
    let run = rk(&dir, &["init", "ny/udvalg"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("ny/udvalg/rk.toml").is_file());
    assert_eq!(check_json(&dir.join("ny/udvalg"), &[]).0, 0);
}

/// `rk init`'s .gitignore keeps both editions out of git: after an
/// internal and a public build, `git add -A` tracks the sources only. An
/// existing .gitignore keeps its lines and gains the two folders.
#[test]
fn rk_init_keeps_the_outputs_and_the_internal_edition_out_of_git() {
    let (dir, date) = init("cli-init-gitignore");
    let run = rk(&dir, &["build", &date, "--internal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = rk(&dir, &["build", &date]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("out-internt").is_dir() && dir.join("out").is_dir());
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).expect("git speaks UTF-8")
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    let tracked = git(&["ls-files"]);
    let tracked: Vec<&str> = tracked.lines().collect();
    assert!(tracked.contains(&".gitignore"), "{tracked:?}");
    assert!(tracked.contains(&"rk.toml"), "{tracked:?}");
    assert!(
        tracked
            .iter()
            .all(|f| !f.starts_with("out/") && !f.starts_with("out-internt/")),
        "{tracked:?}"
    );

    // In a folder that has a .gitignore already, its lines stay.
    let other = dir.join("udvalg");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join(".gitignore"), "*.docx").unwrap();
    let run = rk(&other, &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("keep the repository private"),
        "{}",
        run.stderr
    );
    let ignore = fs::read_to_string(other.join(".gitignore")).unwrap();
    assert!(ignore.starts_with("*.docx\n"), "{ignore}");
    for folder in ["/out/", "/out-internt/"] {
        assert_eq!(
            ignore.lines().filter(|l| *l == folder).count(),
            1,
            "{ignore}"
        );
    }
}

#[test]
fn the_book_shows_the_meeting_yaml_rk_init_writes() {
    let page = project_root().join("docs/book/src/kom-i-gang.md");
    let page = fs::read_to_string(page).unwrap();
    let template = fs::read_to_string(project_root().join("src/cmd/init/meeting.yaml")).unwrap();
    let shown = template.replace("{date}", "2021-06-15");
    assert!(
        page.contains(&format!("\n{shown}```\n")),
        "the book's kom-i-gang.md must show src/cmd/init/meeting.yaml with date 2021-06-15"
    );
}

// ---- the commands in Danish ---------------------------------------------

#[test]
fn with_language_da_the_commands_and_their_errors_speak_danish() {
    let (dir, date) = init("danish");
    let toml = dir.join("rk.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("language = \"da\"\n{text}")).unwrap();
    let check = rk(&dir, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let closing = format!("tjekket {date} (3 punkter): ingen fund");
    assert!(check.stderr.contains(&closing), "{}", check.stderr);
    let list = rk(&dir, &["list"]);
    assert!(list.stdout.contains("3 punkter"), "{}", list.stdout);
    let unknown = rk(&dir, &["check", "2020-01-01"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.starts_with("fejl: intet møde `2020-01-01`"),
        "{}",
        unknown.stderr
    );
    let again = rk(&dir, &["new", &date]);
    assert!(again.stderr.contains("findes allerede"), "{}", again.stderr);
    // RK_LANG overrides rk.toml for one run.
    let english = common::rk_command()
        .args(["check"])
        .current_dir(&dir)
        .env("RK_LANG", "en")
        .output()
        .unwrap();
    let stderr = String::from_utf8(english.stderr).unwrap();
    assert!(
        stderr.contains(&format!("checked {date} (3 items)")),
        "{stderr}"
    );
}
