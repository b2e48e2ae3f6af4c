//! The HTML referat in a real browser and the W3C validator: Nu Html
//! Checker (no errors, no warnings) and axe-core in Chromium (no WCAG 2.1
//! A/AA violations, nothing left to review) at 1280 and 390 px, in both
//! built-in layouts (kl and kommune), with full-page screenshots to look at
//! in target/browser-screenshots/NAME/screenshot-WIDTH.png. The tools come from
//! scripts/install-test-tools.sh; without them the tests are skipped on a
//! developer's machine and fail in CI.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{build_ok, example_copy, project_copy, project_root, rk};

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
    built_html_in(name, fixture, "kl")
}

/// The HTML of the example (or a fixture under tests/fixtures/build) in
/// the built-in layout `layout`.
fn built_html_in(name: &str, fixture: Option<&str>, layout: &str) -> PathBuf {
    let name = format!("browser-{name}");
    let dir = match fixture {
        None => example_copy(&name),
        Some(f) => project_copy(&format!("tests/fixtures/build/{f}"), &name),
    };
    build_ok(&dir, &["--only", "html", "--layout", layout]);
    dir.join("out/2020-11-25/referat.html")
}

/// The width and height of a PNG, from its header (IHDR, the first chunk).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&png[12..16], b"IHDR", "a PNG starts with its header");
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

/// A full-page screenshot at `width` px: a real picture of the whole page,
/// exactly as wide as the window (nothing sticks out sideways), at least
/// as tall as the window (900 px), and more than a blank page's bytes.
fn assert_screenshot(png: &Path, width: u32) {
    let bytes = std::fs::read(png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
    let (w, h) = png_size(&bytes);
    assert_eq!(w, width, "{} is {w} px wide", png.display());
    assert!(h >= 900, "{} is {h} px tall", png.display());
    // A white page of this size compresses to a few kB; text is far more.
    assert!(
        bytes.len() > 40_000,
        "{} has only {} bytes: is the page empty?",
        png.display(),
        bytes.len()
    );
}

/// Runs tests/browser/check.mjs and asserts a clean result.
fn assert_valid_and_accessible(name: &str, html: &Path) {
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap_or(Path::new("target"))
        .join("browser-screenshots")
        .join(name);
    // Screenshots of an earlier run must not pass for this run's.
    if screenshots.exists() {
        std::fs::remove_dir_all(&screenshots).expect("old screenshots removed");
    }
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
        assert_screenshot(
            &screenshots.join(format!("screenshot-{width}.png")),
            width.parse().unwrap(),
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

#[test]
fn the_example_in_the_kommune_layout_is_valid_and_accessible() {
    if browser_tools() {
        let html = built_html_in("kommune-example", None, "kommune");
        assert_valid_and_accessible("kommune-example", &html);
    }
}

#[test]
fn every_markdown_construct_in_the_kommune_layout_is_valid_and_accessible() {
    if browser_tools() {
        let html = built_html_in("kommune-constructs", Some("constructs"), "kommune");
        assert_valid_and_accessible("kommune-constructs", &html);
    }
}

#[test]
fn the_kommune_layouts_internal_edition_with_a_closed_item_is_valid_and_accessible() {
    if browser_tools() {
        let dir = project_copy("tests/fixtures/build/closed", "browser-kommune-closed");
        build_ok(
            &dir,
            &["--only", "html", "--layout", "kommune", "--internal"],
        );
        assert_valid_and_accessible(
            "kommune-closed-internal",
            &dir.join("out-internt/2020-11-25/referat-internt.html"),
        );
    }
}

/// The kommune example of examples/: sections, a closed item, kinds, a
/// postponed item, link attachments, an approved meeting and a draft.
#[test]
fn the_kommune_examples_meetings_are_valid_and_accessible() {
    if browser_tools() {
        let dir = project_copy("examples/kommune-udvalg", "browser-kommune-udvalg");
        for meeting in ["2021-05-05", "2021-05-26"] {
            let run = rk(&dir, &["build", meeting, "--only", "html"]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            assert_valid_and_accessible(
                &format!("kommune-udvalg-{meeting}"),
                &dir.join(format!("out/{meeting}/referat.html")),
            );
        }
    }
}
