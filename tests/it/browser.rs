//! The HTML referat in a real browser and the W3C validator: Nu Html
//! Checker (no errors, no warnings) and axe-core in Chromium (no WCAG 2.1
//! A/AA violations, nothing left to review) at 1280 and 390 px, in both
//! built-in layouts (kl and kommune), with full-page screenshots to look at
//! in target/browser-screenshots/NAME/screenshot-WIDTH.png. The tools come from
//! scripts/install-test-tools.sh; without them the tests are skipped on a
//! developer's machine and fail in CI.
//!
//! What its tests show, one by one: the Nu Html Checker finds no errors and no
//! warnings, and axe-core no WCAG 2.1 A/AA violations and nothing left to
//! review (`incomplete`) at 1280 and 390 px, in Chromium, on the example, the
//! all-constructs fixture, a public edition with attachment links and an
//! internal edition and the example's agenda, in both layouts, and on both
//! meetings of examples/kommune-udvalg; full-page screenshots land in
//! `target/browser-screenshots/NAME/screenshot-WIDTH.png`, each checked to be a
//! PNG exactly as wide as the window (nothing sticks out sideways) and more
//! than an empty page.

use crate::common;

use std::path::PathBuf;

use common::browser::{assert_valid_and_accessible, browser_tools};
use common::{build_ok, example_copy, project_copy, rk};

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
