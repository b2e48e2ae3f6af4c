//! Shared helpers for the integration tests: run the `rk` binary in a
//! folder, and read its `--format json` findings back into structs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

pub mod archive;
pub mod browser;

/// The binary under test, built by cargo for the integration tests.
pub const RK: &str = env!("CARGO_BIN_EXE_rk");

/// What one run of rk gave: exit status, standard output, standard error.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `rk ARGS...` with `dir` as the working directory. Colour is off
/// (standard error is a pipe anyway) and the result is returned whole.
/// The rk binary as a command, in English whatever the machine's locale
/// (a test that wants Danish says `language = "da"` in rk.toml or sets
/// `RK_LANG`).
pub fn rk_command() -> Command {
    let mut command = Command::new(RK);
    for name in ["RK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

pub fn rk(dir: &Path, args: &[&str]) -> Run {
    let output = rk_command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {RK} in {}: {e}", dir.display()));
    Run {
        // A signal (a crash) has no code: report it as -1, never as success.
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("rk wrote non-UTF-8 to stdout"),
        stderr: String::from_utf8(output.stderr).expect("rk wrote non-UTF-8 to stderr"),
    }
}

/// `tests/fixtures/rules`: the clean meeting (`clean/`) and, for every
/// other fixture, an overlay: only the files it changes or adds over
/// `clean/` (scripts/rule-fixtures.sh makes the same projects for
/// scripts/windows.sh).
pub fn overlays_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The rule fixtures as whole projects, made once per test run from
/// [`overlays_root`]: `NAME/` is `clean/` with `NAME`'s files over it.
/// Tests only read them; one that changes a fixture takes a
/// [`fixture_copy`].
pub fn fixtures_root() -> PathBuf {
    static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rule-fixtures");
        if root.exists() {
            fs::remove_dir_all(&root).expect("remove the fixtures of an earlier run");
        }
        for name in fixture_names() {
            materialise(&name, &root.join(&name));
        }
        root
    })
    .clone()
}

/// Writes the project of rule fixture `name` to `to`: the clean meeting,
/// then the fixture's own files over it.
fn materialise(name: &str, to: &Path) {
    copy_tree(&overlays_root().join("clean"), to);
    copy_tree(&overlays_root().join(name), to);
}

/// One rule fixture as a whole project (see [`fixtures_root`]).
pub fn fixture(name: &str) -> PathBuf {
    let dir = fixtures_root().join(name);
    assert!(dir.is_dir(), "no fixture {}", dir.display());
    dir
}

/// The names of every fixture folder, sorted.
pub fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(overlays_root())
        .expect("tests/fixtures/rules exists")
        .map(|entry| entry.expect("readable fixture folder").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One JSON Lines record of `rk check --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub help: Option<String>,
}

/// Every field a record must carry (`help` may be null, but is there).
const RECORD_FIELDS: [&str; 9] = [
    "rule",
    "severity",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "help",
];

/// Parses JSON Lines: one object per non-empty line, each with every field
/// of the record.
pub fn parse_findings(stdout: &str) -> Vec<Finding> {
    stdout
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
            let object = value
                .as_object()
                .unwrap_or_else(|| panic!("not a JSON object: {line}"));
            for field in RECORD_FIELDS {
                assert!(object.contains_key(field), "no `{field}` in {line}");
            }
            serde_json::from_value(value)
                .unwrap_or_else(|e| panic!("not a finding record ({e}): {line}"))
        })
        .collect()
}

pub const E: Severity = Severity::Error;
pub const W: Severity = Severity::Warning;

// The files of the `clean` fixture's meeting, as findings name them.
pub const MEETING: &str = "meetings/2020-11-25/meeting.yaml";
pub const SIDEN_SIDST: &str = "meetings/2020-11-25/01-siden-sidst.md";
pub const DROEFTELSESSAGER: &str = "meetings/2020-11-25/02-droeftelsessager.md";
pub const NYT: &str = "meetings/2020-11-25/02-01-nyt-fra-udvalget.md";
pub const DUPLA: &str = "meetings/2020-11-25/02-02-dupla.md";
pub const EVENTUELT: &str = "meetings/2020-11-25/03-eventuelt.md";

/// (rule, severity, file, line, column, message) of one expected finding.
pub type Expected = (
    &'static str,
    Severity,
    &'static str,
    usize,
    usize,
    &'static str,
);

/// [`Expected`] with owned text, to compare what a run found.
pub type Got = (String, Severity, String, usize, usize, String);

/// The (rule, severity, file, line, column, message) of each finding.
pub fn got(findings: &[Finding]) -> Vec<Got> {
    findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.severity,
                f.file.clone(),
                f.line,
                f.column,
                f.message.clone(),
            )
        })
        .collect()
}

/// Expected findings in the form [`got`] gives.
pub fn want(findings: &[Expected]) -> Vec<Got> {
    findings
        .iter()
        .map(|&(rule, severity, file, line, column, message)| {
            (
                rule.into(),
                severity,
                file.into(),
                line,
                column,
                message.into(),
            )
        })
        .collect()
}

/// `rk check --format json EXTRA...` in `dir`: exit status, the findings and
/// standard error.
pub fn check_json(dir: &Path, extra: &[&str]) -> (i32, Vec<Finding>, String) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = rk(dir, &args);
    (run.code, parse_findings(&run.stdout), run.stderr)
}

/// `rk check ARGS...` (human format) in fixture `name`: exit status and
/// standard error. Nothing may go to standard output.
pub fn human(name: &str, args: &[&str]) -> (i32, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let run = rk(&fixture(name), &all);
    assert_eq!(run.stdout, "", "{name}: human output went to stdout");
    (run.code, run.stderr)
}

/// A fresh, empty folder under cargo's scratch space for integration tests,
/// in a folder named after the test module that asks (the modules share one
/// binary, so their tests run at the same time: one module's `name` must not
/// be another's folder).
#[track_caller]
pub fn scratch(name: &str) -> PathBuf {
    let module = Path::new(std::panic::Location::caller().file())
        .file_stem()
        .expect("a caller's file has a name");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(module)
        .join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("remove old scratch folder");
    }
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

/// Copies a folder tree byte for byte.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create copy");
    for entry in fs::read_dir(from).expect("read folder to copy") {
        let entry = entry.expect("readable entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A scratch copy of fixture `name`, to change without touching the fixture.
#[track_caller]
pub fn fixture_copy(name: &str, scratch_name: &str) -> PathBuf {
    let dir = scratch(scratch_name);
    materialise(name, &dir);
    dir
}

/// Replaces the first `from` in the text file at `path` by `to`; `from`
/// must be there.
pub fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write the edited file");
}

/// A scratch copy of the `clean` fixture with `file` of its meeting folder
/// (`03-eventuelt.md`, `meeting.yaml`, ...) replaced by `content`.
#[track_caller]
pub fn clean_with(scratch_name: &str, file: &str, content: &str) -> PathBuf {
    let dir = fixture_copy("clean", scratch_name);
    fs::write(dir.join("meetings/2020-11-25").join(file), content).expect("write the file");
    dir
}

/// The project root (where `meetings/2020-11-25` lives).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every file under `dir` with its bytes, by its path relative to `dir`.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("read folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).expect("read file");
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// Every file under `dir`, by its path relative to it (with `/`), sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = tree(dir)
        .keys()
        .map(|path| path.to_string_lossy().replace('\\', "/"))
        .collect();
    names.sort();
    names
}

/// `rk init` in a fresh scratch folder: the project and its meeting's date.
#[track_caller]
pub fn init(scratch_name: &str) -> (PathBuf, String) {
    let dir = scratch(scratch_name);
    let run = rk(&dir, &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meetings: Vec<String> = fs::read_dir(dir.join("meetings"))
        .expect("rk init made meetings/")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    (dir, meetings[0].clone())
}

/// A scratch copy of the folder `from` of this repository (a fixture
/// project such as `tests/fixtures/build/closed`).
#[track_caller]
pub fn project_copy(from: &str, scratch_name: &str) -> PathBuf {
    let dir = scratch(scratch_name);
    copy_tree(&project_root().join(from), &dir);
    dir
}

/// A scratch project holding a copy of the example meeting,
/// `meetings/2020-11-25`.
#[track_caller]
pub fn example_copy(scratch_name: &str) -> PathBuf {
    let dir = scratch(scratch_name);
    copy_tree(
        &project_root().join("meetings/2020-11-25"),
        &dir.join("meetings/2020-11-25"),
    );
    dir
}

/// The example meeting as rk loads it, which must load without a problem.
pub fn example_meeting() -> rk::model::Meeting {
    // The file table's type is inferred: tests need not know where it lives.
    let mut files = Default::default();
    let mut diags = Vec::new();
    let meeting = rk::source::load(
        &project_root().join("meetings/2020-11-25"),
        &mut files,
        &mut diags,
    )
    .expect("the example loads");
    assert!(diags.is_empty(), "loading found problems: {diags:?}");
    meeting
}

/// `rk build 2020-11-25 EXTRA...` in `dir`, which must succeed.
pub fn build_ok(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["build", "2020-11-25"];
    args.extend_from_slice(extra);
    let run = rk(dir, &args);
    assert_eq!(run.code, 0, "rk build failed:\n{}", run.stderr);
    run
}

/// `git ARGS` in `dir`, which must succeed, with no configuration of the
/// machine's or the user's (a test author, no signing, branch `main`).
pub fn git(dir: &Path, args: &[&str]) {
    git_with(dir, args, &[]);
}

/// `git ARGS` in `dir` as [`git`] runs it, with the variables `env` set
/// besides (a commit's time: `GIT_AUTHOR_DATE`, `GIT_COMMITTER_DATE`).
pub fn git_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=rk test",
            "-c",
            "user.email=rk@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .envs(env.iter().copied())
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Text without white space, for comparing prose across line breaks.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True when the external program `name` can be run. A developer without
/// it sees the test skipped with a message naming the install script; in
/// CI (`CI` set) a missing tool fails the test.
pub fn have_tool(name: &str, version_arg: &str) -> bool {
    let found = tool_runs(name, version_arg);
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!("SKIPPED: {name} is not installed; run scripts/install-test-tools.sh");
    }
    found
}

/// Asserts that the external program `name` can be run, for a test that is
/// `#[ignore]`d unless asked for (its tool is optional, in CI too): asked
/// for, it fails without the tool rather than pass.
pub fn require_tool(name: &str, version_arg: &str) {
    assert!(
        tool_runs(name, version_arg),
        "{name} is not installed; run scripts/install-test-tools.sh --with-typst"
    );
}

fn tool_runs(name: &str, version_arg: &str) -> bool {
    Command::new(name)
        .arg(version_arg)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// Runs a tool and returns its standard output; panics with its error.
pub fn run_tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {name}: {e}"));
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF in reading order, as pdftotext extracts it.
pub fn pdf_text(pdf: &Path) -> String {
    run_tool("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"])
}

/// What pdfinfo reports of a PDF: its info lines and its XMP metadata.
pub struct PdfInfo {
    pub info: String,
    pub xmp: String,
}

/// Asserts that pdfinfo finds the PDF tagged and declaring PDF/UA-1 and
/// PDF/A-2b (the engine refuses to write a PDF that breaks either), and
/// returns what it reported.
pub fn assert_pdf_ua_and_pdf_a(pdf: &Path) -> PdfInfo {
    let path = pdf.to_string_lossy();
    let info = run_tool("pdfinfo", &[&path]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
    let xmp = run_tool("pdfinfo", &["-meta", &path]);
    for declaration in ["pdfuaid:part>1<", "pdfaid:part>2<", "pdfaid:conformance>B<"] {
        let alt = declaration.replace('>', "=\"").replace('<', "\"");
        assert!(
            xmp.contains(declaration) || xmp.contains(&alt),
            "the XMP metadata does not declare {declaration}:\n{xmp}"
        );
    }
    PdfInfo { info, xmp }
}
