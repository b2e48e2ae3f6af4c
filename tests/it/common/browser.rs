//! The HTML in a real browser and the W3C validator, for every test file
//! that builds a page: tests/browser/check.mjs runs the Nu Html Checker and
//! axe-core in Chromium at 1280 and 390 px and takes screenshots.

use std::path::Path;
use std::process::Command;

use super::project_root;

/// True when node, java, Chromium and tests/browser/node_modules are there.
pub fn browser_tools() -> bool {
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
pub fn assert_valid_and_accessible(name: &str, html: &Path) {
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
