//! The VS Code extension (editors/vscode): scripts/vscode-package.sh makes
//! one package without rk and one for this platform with this build's rk
//! inside, bundled (no node_modules); in a real VS Code (code-server,
//! driven in Chromium by tests/browser/vscode.mjs) the extension of the
//! package with rk inside puts the finding of a misspelt case number in the
//! Problems panel, its quick fix removes the finding, and "rk: Preview"
//! shows the referat in the Simple Browser; "rk: Build meeting" runs
//! `rk build` as a task whose finding joins the Problems panel. The
//! package holds the schemas its manifest contributes. code-server and the
//! npm packages come from scripts/install-test-tools.sh; without them the
//! tests are skipped on a developer's machine and fail in CI.
//!
//! What its tests show, one by one: the VS Code extension:
//! `scripts/vscode-package.sh` makes a package without rk and one for this
//! platform with the test's rk inside (executable), bundled, with no sources or
//! `node_modules`; then in a real VS Code, code-server driven in Chromium
//! (`tests/browser/vscode.mjs`), the package with rk inside installed: item
//! 2.8's case number misspelt in the editor (`SAG-2020-1980`, unsaved) shows as
//! rk's `bad-sag` finding in the Problems panel (file, message, rule, `[Ln 4,
//! Col 6]`, help), its quick fix (Ctrl+.) writes `SAG-2020-01980` and the panel
//! empties, *rk: Preview* shows the referat, built from the saved fix, in the
//! Simple Browser, and *rk: Build meeting* on the item misspelt again saves it
//! and runs `rk build` as a task whose problem matcher adds the same finding at
//! the same place.
//! The package without rk, with no rk on PATH: the extension's message says
//! rk was not found and names rk.path; its *Open Settings* button opens the
//! setting (under the Remote tab: code-server's extension host is the remote
//! machine), and with rk.path set to this build's rk the server starts and
//! the misspelt case number's finding appears.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::browser::browser_tools;
use common::{RK, example_copy, project_root, scratch};

/// The code-server that scripts/install-test-tools.sh installs (outside
/// the clone), or the one RK_CODE_SERVER names.
fn code_server() -> PathBuf {
    if let Some(path) = std::env::var_os("RK_CODE_SERVER") {
        return PathBuf::from(path);
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    Path::new(&home).join(".cache/rk-ci/code-server/node_modules/.bin/code-server")
}

/// True when `what` is there; else skipped (outside CI) or failed (in CI).
fn present(what: &Path) -> bool {
    if what.exists() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing in CI: .ci/run must run scripts/install-test-tools.sh",
        what.display()
    );
    eprintln!(
        "SKIPPED: {} is missing; run scripts/install-test-tools.sh",
        what.display()
    );
    false
}

/// VS Code's name of this platform, as `vsce package --target` takes it.
fn vscode_target() -> String {
    let os = match std::env::consts::OS {
        "windows" => "win32",
        "macos" => "darwin",
        other => other,
    };
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => other,
    };
    format!("{os}-{arch}")
}

/// The two packages, made once for the tests of this module: without rk,
/// and for this platform with this build's rk inside.
fn packages() -> &'static (PathBuf, PathBuf) {
    static PACKAGES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        let out = scratch("packages");
        let target = vscode_target();
        let run = Command::new("bash")
            .arg(project_root().join("scripts/vscode-package.sh"))
            .arg(&out)
            .arg(format!("{target}={RK}"))
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success(),
            "vscode-package.sh failed: {stdout}{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let written: Vec<PathBuf> = stdout.lines().map(PathBuf::from).collect();
        let version = env!("CARGO_PKG_VERSION");
        let plain = out.join(format!("rk-{version}.vsix"));
        let with_rk = out.join(format!("rk-{target}-{version}.vsix"));
        assert_eq!(written, [plain.clone(), with_rk.clone()], "{stdout}");
        (plain, with_rk)
    })
}

/// The files of a .vsix (a zip) with their Unix permissions.
fn listing(vsix: &Path) -> Vec<(String, u32)> {
    let script = "import sys, zipfile\n\
                  for i in zipfile.ZipFile(sys.argv[1]).infolist():\n    \
                  print(i.filename, (i.external_attr >> 16) & 0o777)";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(vsix)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let (name, mode) = l.rsplit_once(' ').expect("name and mode");
            (name.to_string(), mode.parse().expect("a mode"))
        })
        .collect()
}

fn extension_tools() -> bool {
    present(&project_root().join("editors/vscode/node_modules"))
}

#[test]
fn the_packages_are_bundled_and_only_the_platforms_holds_rk() {
    if !extension_tools() {
        return;
    }
    let (plain, with_rk) = packages();
    let plain = listing(plain);
    // vsce's order of entries is not the test's concern: sorted.
    let mut names: Vec<&str> = plain.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    for wanted in [
        "extension/package.json",
        "extension/dist/extension.js",
        "extension/snippets/item.code-snippets",
        "extension/snippets/meeting.code-snippets",
        "extension/LICENSE.txt",
    ] {
        assert!(names.contains(&wanted), "{wanted} missing: {names:?}");
    }
    assert!(
        !names
            .iter()
            .any(|n| n.contains("node_modules") || n.contains("/src/") || n.contains("/bin/")),
        "only the bundle, no sources, no rk: {names:?}"
    );
    let with_rk = listing(with_rk);
    let rk = with_rk
        .iter()
        .find(|(n, _)| n == "extension/bin/rk")
        .unwrap_or_else(|| panic!("no extension/bin/rk in {with_rk:?}"));
    assert_eq!(rk.1 & 0o111, 0o111, "rk inside is executable: {:o}", rk.1);
    let mut rest: Vec<&str> = with_rk
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| *n != "extension/bin/rk")
        .collect();
    rest.sort_unstable();
    assert_eq!(rest, names, "the same files besides rk");
}

/// The schemas the manifest contributes (yamlValidation, tomlValidation)
/// are rk's, from the repository's schemas/, inside the package.
#[test]
fn the_package_holds_the_schemas_its_manifest_contributes() {
    if !extension_tools() {
        return;
    }
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(project_root().join("editors/vscode/package.json"))
            .expect("the manifest"),
    )
    .expect("JSON");
    let mut urls = Vec::new();
    for point in ["yamlValidation", "tomlValidation"] {
        for entry in manifest["contributes"][point].as_array().expect(point) {
            urls.push(entry["url"].as_str().expect("a url").to_string());
        }
    }
    assert_eq!(
        urls,
        [
            "./schemas/meeting.schema.json",
            "./schemas/rk.toml.schema.json"
        ]
    );
    if !project_root().join("schemas").is_dir() {
        // Before the schemas are merged, there is nothing to hold.
        eprintln!("SKIPPED: no schemas/ in the repository yet");
        return;
    }
    let (plain, _) = packages();
    let names: Vec<String> = listing(plain).into_iter().map(|(n, _)| n).collect();
    for url in urls {
        let name = url.trim_start_matches("./");
        assert!(
            names.contains(&format!("extension/{name}")),
            "{name} not in the package: {names:?}"
        );
    }
}

#[test]
fn in_vs_code_a_misspelt_case_is_found_fixed_and_the_preview_shows_the_referat() {
    let server = code_server();
    if !extension_tools() || !browser_tools() || !present(&server) {
        return;
    }
    let (_, with_rk) = packages();
    let (stdout, project) = vs_code_session(&server, with_rk, "vscode", &[]);
    let line = |step: &str| step_line(&stdout, step);
    // The finding as the Problems panel shows it: file, message, rule, place.
    let problems = line("problems: ");
    for part in [
        "02-08-evaluering-rammearkitekturpuljen.md",
        "`SAG-2020-1980` is not a case reference",
        "bad-sag",
        "[Ln 4, Col 6]",
        "help: write `SAG-2020-01980`",
    ] {
        assert!(problems.contains(part), "{part} not in: {problems}");
    }
    assert_eq!(line("quick fix: "), "Write `SAG-2020-01980`");
    assert!(line("fixed: ").contains("No problems"), "{stdout}");
    // The preview shows the referat built from the saved fix (vscode.mjs
    // waits for item 2.2's title and the fixed case number in its frame).
    let preview = line("preview: ");
    assert!(preview.starts_with("http://127.0.0.1:"), "{preview}");
    assert!(preview.contains("SAG-2020-01980"), "{preview}");
    // rk: Build meeting, the case misspelt again: the task's finding (its
    // problem matcher reads the place from rk's human output) beside the
    // language server's; the build saved the meeting first.
    let build = line("build: ");
    assert_eq!(
        build
            .matches("`SAG-2020-1980` is not a case reference")
            .count(),
        2,
        "{build}"
    );
    assert_eq!(build.matches("bad-sag [Ln 4, Col 6]").count(), 2, "{build}");
    let item = std::fs::read_to_string(
        project.join("meetings/2020-11-25/02-08-evaluering-rammearkitekturpuljen.md"),
    )
    .expect("the item");
    assert!(
        item.contains("sag: SAG-2020-1980\n"),
        "saved before the build:\n{item}"
    );
}

/// The package without rk, on a machine with no rk on PATH: the extension
/// says so, its button opens the setting, and with rk.path set there the
/// server starts and the misspelt case number's finding appears.
#[test]
fn in_vs_code_without_rk_the_message_leads_to_the_setting_that_starts_it() {
    let server = code_server();
    if !extension_tools() || !browser_tools() || !present(&server) {
        return;
    }
    let (plain, _) = packages();
    let (stdout, _) = vs_code_session(&server, plain, "vscode-no-rk", &["no-rk", RK]);
    let line = |step: &str| step_line(&stdout, step);
    let missing = line("missing: ");
    assert!(missing.contains("rk was not found"), "{missing}");
    assert!(missing.contains("rk.path"), "{missing}");
    let setting = line("setting: ");
    assert!(
        setting.contains("`SAG-2020-1980` is not a case reference"),
        "{setting}"
    );
}

/// Runs tests/browser/vscode.mjs with `package` installed in code-server
/// on a copy of the example (scratch folders named after `name`), `mode`
/// its last arguments; its standard output, the session having passed,
/// and the project it worked on.
fn vs_code_session(server: &Path, package: &Path, name: &str, mode: &[&str]) -> (String, PathBuf) {
    let project = example_copy(&format!("{name}-project"));
    let work = scratch(&format!("{name}-work"));
    let run = Command::new("node")
        .arg(project_root().join("tests/browser/vscode.mjs"))
        .args([server, package, &project, &work])
        .args(mode)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "vscode.mjs {mode:?} failed (screenshot: {}):\n{stdout}{stderr}",
        work.join("failure.png").display()
    );
    (stdout, project)
}

/// The rest of the line of `stdout` that starts with `step`.
fn step_line(stdout: &str, step: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(step))
        .unwrap_or_else(|| panic!("no {step} in:\n{stdout}"))
        .to_string()
}
