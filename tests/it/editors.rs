//! Editors other than through `rk lsp`'s own tests (tests/it/lsp.rs, which
//! also runs Neovim): Emacs' Eglot, a second real client, attached to
//! `rk lsp` in batch mode (tests/it/editors/eglot.el).
//!
//! What its tests show, one by one: Emacs' Eglot attached to `rk lsp` in batch
//! mode (`tests/it/editors/eglot.el`): the misspelt presenter's finding arrives
//! as a Flymake diagnostic at its line and column (characters), with rule and
//! help; the quick fix, applied through `eglot-code-actions`, writes the name
//! meant and the diagnostic goes. Batch mode reads the server's messages but
//! never goes idle, so the script runs the idle timers (Eglot sends its changes
//! from one) as an idle Emacs would.

use crate::common;

use std::process::Command;

use serde_json::{Value, json};

use common::{RK, example_copy};

/// Whether Emacs with Eglot is at hand: skipped on a developer's machine
/// without it, a failure in CI (scripts/install-test-tools.sh installs
/// Debian's emacs-nox and elpa-eglot).
fn emacs_with_eglot() -> bool {
    let ready = Command::new("emacs")
        .args(["--batch", "--eval", "(require 'eglot)"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "Emacs with Eglot is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!("SKIPPED: no emacs with eglot; run scripts/install-test-tools.sh");
    }
    ready
}

#[test]
fn eglot_shows_the_finding_of_a_misspelt_presenter_and_applies_its_fix() {
    if !emacs_with_eglot() {
        return;
    }
    let dir = example_copy("editors-eglot");
    let item = dir.join("meetings/2020-11-25/02-01-nyt-fra-udvalget.md");
    common::replace_in(
        &item,
        "presenters: [Christian Plaschke]",
        "presenters: [Tom Bøgeskov, Christian Plaschk]",
    );
    let script = dir.join("eglot.el");
    std::fs::write(&script, include_str!("editors/eglot.el")).unwrap();
    let out = dir.join("eglot.json");
    // Not -Q: Debian's site-start puts the elpa-eglot package on the load path.
    let output = Command::new("emacs")
        .args(["--batch", "--no-init-file", "-l"])
        .arg(&script)
        .env("RK", RK)
        .env("ROOT", &dir)
        .env("ITEM", &item)
        .env("OUT", &out)
        .current_dir(&dir)
        .output()
        .expect("emacs runs");
    let written = std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "Emacs wrote nothing: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let result: Value = serde_json::from_str(&written).unwrap();
    // Emacs counts lines from 1 and columns in characters from 0 (the ø
    // before the name is one); Eglot puts the source and code before the
    // message, with the help after it.
    assert_eq!(
        result["before"],
        json!([{
            "line": 6, "column": 27, "end_line": 6, "end_column": 44,
            "type": "eglot-error",
            "text": "rk [unknown-person]: the presenter Christian Plaschk is not among \
                     the people present\nhelp: did you mean `Christian Plaschke`?",
        }]),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The quick fix wrote the name meant into the buffer, and the finding
    // went once Eglot had sent the change.
    assert_eq!(
        result["line"],
        "presenters: [Tom Bøgeskov, Christian Plaschke]"
    );
    assert_eq!(result["after"], json!([]));
}
