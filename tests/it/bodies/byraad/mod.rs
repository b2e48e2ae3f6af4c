//! A byråd's beslutningsprotokol (tests/fixtures/bodies/byraad; SPEC
//! section 10): the fixture holds every field a kommunalbestyrelse's
//! minutes need. This module holds what the parts share (a copy of the
//! project, a build in either layout, the outputs read back) and the test
//! that the whole fixture is clean and builds in both layouts; each part
//! of the protocol has a module of its own beside it.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Got, assert_pdf_ua_and_pdf_a, check_json, got, pdf_text, project_copy, rk};
use scraper::{ElementRef, Html, Selector};

pub const FIXTURE: &str = "tests/fixtures/bodies/byraad";
pub const MEETING_ID: &str = "2024-05-29";

/// The two layouts a byråd may use.
pub const LAYOUTS: [&str; 2] = ["kommune", "kl"];

/// A scratch copy of the byråd's project.
pub fn byraad(scratch_name: &str) -> PathBuf {
    project_copy(FIXTURE, &format!("byraad-{scratch_name}"))
}

/// Switches a copy to `layout` (the fixture's own is `kommune`).
pub fn use_layout(dir: &Path, layout: &str) {
    let toml = fs::read_to_string(dir.join("rk.toml")).expect("rk.toml");
    let switched = toml.replacen("layout = \"kommune\"", &format!("layout = \"{layout}\""), 1);
    fs::write(dir.join("rk.toml"), switched).expect("write rk.toml");
}

/// `rk check --format json` in `dir` (the meeting): exit status and findings.
pub fn findings(dir: &Path) -> (i32, Vec<Got>) {
    let (code, found, stderr) = check_json(dir, &[]);
    assert_eq!(stderr, "", "rk check wrote to stderr");
    (code, got(&found))
}

/// The meeting's outputs as a reader gets them.
pub struct Outputs {
    /// The PDF's text as pdftotext gives it (compare prose across line
    /// breaks with [`Outputs::pdf_has`]).
    pub pdf: String,
    pub html: Html,
    pub json: serde_json::Value,
    pub dir: PathBuf,
}

/// `rk build 2024-05-29 ARGS...` in `dir`, which must succeed, and the
/// referat read back: the PDF's text, the parsed HTML, the parsed JSON.
pub fn build(dir: &Path, args: &[&str]) -> Outputs {
    let mut all = vec!["build", MEETING_ID];
    all.extend_from_slice(args);
    let run = rk(dir, &all);
    assert_eq!(
        run.code, 0,
        "rk build failed:\n{}{}",
        run.stdout, run.stderr
    );
    let internal = args.contains(&"--internal");
    let out = dir
        .join(if internal { "out-internt" } else { "out" })
        .join(MEETING_ID);
    read_outputs(
        &out,
        if internal {
            "referat-internt"
        } else {
            "referat"
        },
    )
}

/// The document `name` (referat or dagsorden) in the folder `out`.
pub fn read_outputs(out: &Path, name: &str) -> Outputs {
    let html = fs::read_to_string(out.join(format!("{name}.html"))).expect("html written");
    let json = fs::read_to_string(out.join(format!("{name}.json"))).expect("json written");
    Outputs {
        pdf: pdf_text(&out.join(format!("{name}.pdf"))),
        html: Html::parse_document(&html),
        json: serde_json::from_str(&json).expect("json parses"),
        dir: out.to_path_buf(),
    }
}

impl Outputs {
    /// Whether the PDF's text holds `prose`, white space and line breaks
    /// aside.
    pub fn pdf_has(&self, prose: &str) -> bool {
        common::squeeze(&self.pdf).contains(&common::squeeze(prose))
    }
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).expect("a selector"))
        .collect()
}

/// The text of the elements `css` selects, whitespace squeezed.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .map(|e| common::squeeze(&e.text().collect::<String>()))
        .collect()
}

#[test]
fn the_byraad_is_clean() {
    let dir = byraad("clean");
    assert_eq!(findings(&dir), (0, Vec::new()));
}

#[test]
fn the_byraad_builds_in_both_layouts_as_pdf_ua_and_pdf_a() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("layout-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        assert_pdf_ua_and_pdf_a(&out.dir.join("referat.pdf"));
        assert!(
            out.pdf_has("Ny skolestruktur i det nordlige skoledistrikt"),
            "{layout}"
        );
        assert_eq!(out.json["body"], "Byrådet", "{layout}");
        assert!(!texts(&out.html, "h1, h2, h3").is_empty(), "{layout}");
    }
}
mod approval;
mod attendance;
mod closed;
mod corrections;
mod extras;
mod votes;
