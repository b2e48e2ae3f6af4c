//! The HTML referat in a real browser and the W3C validator: Nu Html
//! Checker (no errors, no warnings) and axe-core in Chromium (no WCAG 2.1
//! A/AA violations, nothing left to review) at 1280 and 390 px, with screenshots to look at in
//! target/browser-screenshots/. The tools come from
//! scripts/install-test-tools.sh; without them the tests are skipped on a
//! developer's machine and fail in CI.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{build_ok, example_copy, project_copy, project_root};

/// True when node, java, Chromium and tests/browser/node_modules are there.
fn browser_tools() -> bool {
    let ready = Path::new("/usr/bin/chromium").exists()
        && project_root().join("tests/browser/node_modules").is_dir()
        && Command::new("java").arg("-version").output().is_ok()
        && Command::new("node").arg("--version").output().is_ok();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser tools are missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!(
            "SKIPPED: no Chromium, java or tests/browser/node_modules; run scripts/install-test-tools.sh"
        );
    }
    ready
}

fn built_html(name: &str, fixture: Option<&str>) -> PathBuf {
    let name = format!("browser-{name}");
    let dir = match fixture {
        None => example_copy(&name),
        Some(f) => project_copy(&format!("tests/fixtures/build/{f}"), &name),
    };
    build_ok(&dir, &["--only", "html"]);
    dir.join("out/2020-11-25/referat.html")
}

/// Runs tests/browser/check.mjs and asserts a clean result.
fn assert_valid_and_accessible(name: &str, html: &Path) {
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap_or(Path::new("target"))
        .join("browser-screenshots")
        .join(name);
    let output = Command::new("node")
        .arg(project_root().join("tests/browser/check.mjs"))
        .arg(html)
        .arg(&screenshots)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "check.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("check.mjs prints JSON");
    assert_eq!(
        report["vnu"]["errors"],
        serde_json::json!([]),
        "Nu Html Checker errors in {name}"
    );
    assert_eq!(
        report["vnu"]["warnings"],
        serde_json::json!([]),
        "Nu Html Checker warnings in {name}"
    );
    for width in ["1280", "390"] {
        assert_eq!(
            report["axe"][width],
            serde_json::json!([]),
            "axe-core violations at {width} px in {name}"
        );
        assert_eq!(
            report["axe_incomplete"][width],
            serde_json::json!([]),
            "axe-core items to review (incomplete) at {width} px in {name}"
        );
        assert!(
            screenshots
                .join(format!("screenshot-{width}.png"))
                .is_file()
        );
    }
    assert_eq!(
        report["horizontal_scroll_390"], false,
        "{name} scrolls sideways at 390 px"
    );
    assert_eq!(report["scripts"], 0, "{name} has a <script>");
}

#[test]
fn the_example_is_valid_html_without_accessibility_violations() {
    if browser_tools() {
        assert_valid_and_accessible("example", &built_html("example", None));
    }
}

#[test]
fn the_agenda_of_the_example_is_valid_html_without_accessibility_violations() {
    if browser_tools() {
        let dir = example_copy("browser-agenda");
        build_ok(&dir, &["--agenda", "--only", "html"]);
        assert_valid_and_accessible("agenda", &dir.join("out/2020-11-25/dagsorden.html"));
    }
}

#[test]
fn every_markdown_construct_is_valid_and_accessible() {
    if browser_tools() {
        assert_valid_and_accessible("constructs", &built_html("constructs", Some("constructs")));
    }
}

#[test]
fn a_public_edition_with_attachment_links_and_a_closed_item_is_valid_and_accessible() {
    if browser_tools() {
        assert_valid_and_accessible("closed", &built_html("closed", Some("closed")));
    }
}

#[test]
fn the_internal_edition_with_a_closed_item_is_valid_and_accessible() {
    if browser_tools() {
        let dir = project_copy("tests/fixtures/build/closed", "browser-closed-internal");
        build_ok(&dir, &["--only", "html", "--internal"]);
        assert_valid_and_accessible(
            "closed-internal",
            &dir.join("out-internt/2020-11-25/referat-internt.html"),
        );
    }
}
