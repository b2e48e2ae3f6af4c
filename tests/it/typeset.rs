//! `rk check` passing means `rk build` typesets: a character no font of the
//! layout has is a `missing-glyph` finding of both commands, at the
//! character; characters the engine shows without a glyph pass; and what
//! the engine still refuses is reported in plain words at the place in the
//! sources it comes from.
//!
//! What its tests show, one by one: what the engine would refuse, `rk check`
//! refuses first: characters the layout's fonts lack are findings at the
//! character in check and build alike, in both built-in layouts, while white
//! space, joiners and selectors pass and typeset; an engine error is placed at
//! the text or image it is about, and one in the generated document names the
//! file `--emit-typst` wrote (or `(generated document)/referat.typ` without
//! it).

use crate::common;

use std::fs;
use std::path::Path;

use common::{
    EVENTUELT, Finding, Run, fixture_copy, parse_findings, project_copy, project_root, rk,
};

/// The built-in layouts, each with its own fonts: the checks must agree
/// with the engine for both.
const LAYOUTS: [&str; 2] = ["kl", "kommune"];

fn build_json(dir: &Path) -> (i32, Vec<Finding>, String) {
    build_json_in(dir, "kl")
}

/// `rk build --format json` in the built-in layout `layout`.
fn build_json_in(dir: &Path, layout: &str) -> (i32, Vec<Finding>, String) {
    let run = rk(
        dir,
        &[
            "build",
            "2020-11-25",
            "--layout",
            layout,
            "--format",
            "json",
        ],
    );
    (run.code, parse_findings(&run.stdout), run.stderr)
}

/// `rk check --format json` against the fonts of the built-in layout
/// `layout`.
fn check_json_in(dir: &Path, layout: &str) -> (i32, Vec<Finding>, String) {
    let run = rk(dir, &["check", "--layout", layout, "--format", "json"]);
    (run.code, parse_findings(&run.stdout), run.stderr)
}

fn at(findings: &[Finding]) -> Vec<(String, String, usize, usize)> {
    findings
        .iter()
        .map(|f| (f.rule.clone(), f.file.clone(), f.line, f.column))
        .collect()
}

fn append(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    let mut body = fs::read_to_string(&path).unwrap();
    body.push_str(text);
    fs::write(&path, body).unwrap();
}

#[test]
fn build_refuses_what_check_refuses_at_the_character() {
    for (fixture, file, line, column) in [
        ("missing-glyph", EVENTUELT, 6, 102),
        (
            "missing-glyph-title",
            "meetings/2020-11-25/02-02-dupla.md",
            3,
            17,
        ),
    ] {
        for layout in LAYOUTS {
            build_refuses_in(layout, fixture, (file, line, column));
        }
    }
}

/// `rk check` and `rk build` in `layout` both find the character of the
/// fixture at `place`, and the build writes nothing.
fn build_refuses_in(layout: &str, fixture: &str, place: (&str, usize, usize)) {
    let (file, line, column) = place;
    let want = ("missing-glyph".to_string(), file.to_string(), line, column);
    let dir = fixture_copy(fixture, &format!("typeset-{fixture}-{layout}"));
    let (code, findings, stderr) = check_json_in(&dir, layout);
    assert_eq!(code, 1, "{fixture} in {layout}: {stderr}");
    assert_eq!(at(&findings)[0], want, "{fixture} in {layout}");

    let (code, findings, stderr) = build_json_in(&dir, layout);
    assert_eq!(code, 1, "{fixture} in {layout}: {stderr}");
    assert_eq!(at(&findings)[0], want, "{fixture} in {layout}");
    assert!(
        findings.iter().all(|f| f.rule == "missing-glyph"),
        "{fixture} in {layout}: {findings:?}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        !dir.join("out").exists(),
        "{fixture} in {layout}: something was written"
    );
}

#[test]
fn the_finding_names_the_character_and_what_to_do() {
    let dir = fixture_copy("missing-glyph", "typeset-human");
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "error[missing-glyph]: `👍` (U+1F44D, an emoji or symbol) is in none of the \
             fonts of the layout kl: the PDF cannot show it"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("= help: remove it or write it in words (an emoji as what it means)"),
        "{}",
        run.stderr
    );
    // The layout rk.toml or --layout picks is the one named.
    let run = rk(&dir, &["check", "--layout", "kommune"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("is in none of the fonts of the layout kommune:"),
        "{}",
        run.stderr
    );
}

/// White space of every width, joiners, selectors, direction marks and the
/// soft hyphen are shown (or hidden) without a glyph of their own: they
/// pass the check and the engine typesets them.
#[test]
fn characters_that_need_no_glyph_pass_and_typeset() {
    for layout in LAYOUTS {
        let dir = fixture_copy("clean", &format!("typeset-invisible-{layout}"));
        append(
            &dir,
            EVENTUELT,
            "\nUd\u{AD}valg\u{A0}og\u{2009}råd\u{200B}et, \u{2003}kl.\u{202F}10 \
             \u{200D}a\u{200C}b ✓\u{FE0F} \u{200E}x\u{200F} \u{2060}y\u{3000}z\u{2028}æ.\n",
        );
        let (code, findings, stderr) = build_json_in(&dir, layout);
        assert_eq!((code, findings), (0, vec![]), "{layout}: {stderr}");
        assert!(dir.join("out/2020-11-25/referat.pdf").is_file());
    }
}

/// A byte order mark inside the text (pasted from another program) is
/// invisible, and the PDF standards forbid it: a finding at it.
#[test]
fn a_byte_order_mark_inside_the_text_is_a_finding() {
    let dir = fixture_copy("clean", "typeset-bom");
    append(&dir, EVENTUELT, "\nRådet\u{FEFF}s beslutning.\n");
    let (code, findings, stderr) = build_json(&dir);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        at(&findings),
        vec![("missing-glyph".into(), EVENTUELT.into(), 8, 6)]
    );
    assert!(
        findings[0]
            .message
            .starts_with("`\\u{feff}` (U+FEFF, an invisible mark)"),
        "{}",
        findings[0].message
    );
}

/// An image whose first bytes say PNG but whose data is broken is refused
/// by the check, at the image: the engine would refuse it.
#[test]
fn a_damaged_image_is_refused_by_the_check() {
    let dir = fixture_copy("clean", "typeset-broken-image");
    let bilag = dir.join("meetings/2020-11-25/bilag");
    fs::create_dir_all(&bilag).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0x42; 64]);
    fs::write(bilag.join("graf.png"), png).unwrap();
    append(&dir, EVENTUELT, "\nSe grafen:\n\n![Graf](bilag/graf.png)\n");
    let check = rk(&dir, &["check", "--format", "json"]);
    let findings = parse_findings(&check.stdout);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert_eq!(
        at(&findings),
        vec![("missing-file".into(), EVENTUELT.into(), 10, 9)],
        "{findings:?}"
    );
    assert!(findings[0].message.contains("is damaged"), "{findings:?}");
}

/// An SVG the engine cannot read (the check does not parse SVG): the
/// engine's error names the broken file itself, not the item's title, in
/// plain words.
#[test]
fn an_engine_error_is_placed_where_the_sources_have_it() {
    let dir = fixture_copy("clean", "typeset-broken-svg");
    let bilag = dir.join("meetings/2020-11-25/bilag");
    fs::create_dir_all(&bilag).unwrap();
    fs::write(
        bilag.join("graf.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><rect",
    )
    .unwrap();
    append(&dir, EVENTUELT, "\nSe grafen:\n\n![Graf](bilag/graf.svg)\n");
    let (code, findings, stderr) = build_json(&dir);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        at(&findings),
        vec![(
            "typeset".into(),
            "meetings/2020-11-25/bilag/graf.svg".into(),
            1,
            1
        )],
        "{findings:?}"
    );
    assert!(findings[0].message.contains("SVG"), "{findings:?}");
    assert!(
        !findings[0].message.contains(" error:"),
        "{}",
        findings[0].message
    );
}

/// A layout whose `closing` wants an argument the generated document does
/// not give: the error falls in the generated document. It is placed where
/// `--emit-typst` wrote that document (the internal edition's tree for
/// `--internal`), and without it under a name that is not a file on disk.
#[test]
fn an_error_in_the_generated_document_names_where_it_is() {
    let dir = fixture_copy("clean", "typeset-generated");
    let layout = dir.join("wants-more");
    common::copy_tree(&common::project_root().join("layouts/kl"), &layout);
    common::replace_in(
        &layout.join("referat.typ"),
        "#let closing(body) = {",
        "#let closing(body, extra) = {",
    );
    let place = |extra: &[&str]| {
        let mut args = vec!["build", "2020-11-25", "--layout", "wants-more"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "json"]);
        let run = rk(&dir, &args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let findings = parse_findings(&run.stdout);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].rule, "typeset", "{findings:?}");
        assert!(findings[0].line > 1, "{findings:?}");
        findings[0].clone()
    };
    let finding = place(&[]);
    assert_eq!(finding.file, "(generated document)/referat.typ");
    let help = finding.help.unwrap_or_default();
    assert!(help.contains("--emit-typst"), "{help}");
    assert!(!dir.join("out/2020-11-25/typst").exists());

    for (extra, emitted) in [
        (&["--emit-typst"][..], "out/2020-11-25/typst/referat.typ"),
        (
            &["--emit-typst", "--internal"][..],
            "out-internt/2020-11-25/typst/referat.typ",
        ),
    ] {
        assert_eq!(place(extra).file, emitted, "{extra:?}");
        assert!(
            dir.join(emitted).is_file(),
            "{extra:?}: {emitted} not written"
        );
    }
}

/// A font's character map may name a code point in a range that leads to
/// no glyph: DejaVu Sans's (in both built-in layouts) maps ✅ and ❓ to the
/// empty box. Check sees them as the engine does, so check fails where
/// build would.
#[test]
fn a_mapped_code_point_without_a_glyph_is_missing() {
    for layout in LAYOUTS {
        for (n, sign) in ["✅", "❎", "❓", "❔", "❕"].into_iter().enumerate() {
            let dir = fixture_copy("clean", &format!("typeset-boxed-{n}-{layout}"));
            append(&dir, EVENTUELT, &format!("\nGodkendt {sign}\n"));
            let (code, findings, stderr) = check_json_in(&dir, layout);
            assert_eq!(code, 1, "{sign} in {layout}: {stderr}");
            assert_eq!(findings.len(), 1, "{sign} in {layout}: {findings:?}");
            assert_eq!(findings[0].rule, "missing-glyph", "{sign} in {layout}");
            assert!(findings[0].message.contains(sign), "{sign}: {findings:?}");
        }
        // A neighbour the fonts really have passes and typesets.
        let dir = fixture_copy("clean", &format!("typeset-boxed-ok-{layout}"));
        append(&dir, EVENTUELT, "\nKlip ✂ og ✆\n");
        let (code, findings, stderr) = build_json_in(&dir, layout);
        assert_eq!((code, findings.len()), (0, 0), "{layout}: {stderr}");
    }
}

/// Every place a character is written is a finding of its own, so that
/// fixing one does not reveal the next only on the next run.
#[test]
fn each_place_of_a_missing_character_is_reported() {
    let dir = fixture_copy("clean", "typeset-each-place");
    append(&dir, EVENTUELT, "\n中 og 中\n\nIgen: 中\n");
    let check = rk(&dir, &["check", "--format", "json"]);
    let findings = parse_findings(&check.stdout);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let places: Vec<(usize, usize)> = findings.iter().map(|f| (f.line, f.column)).collect();
    assert_eq!(places.len(), 3, "{findings:?}");
    assert!(findings.iter().all(|f| f.rule == "missing-glyph"));
}

/// The closed fixture, with an image in the open item 1 (its name needs
/// percent-encoding) and one in the closed item 2, built in `eget`, a copy
/// of the kl layout whose `item` calls `probe` at item 1.
fn probe_project() -> (std::path::PathBuf, impl Fn(&str, &[&str]) -> Run) {
    let dir = project_copy("tests/fixtures/build/closed", "typeset-layout-reach");
    let bilag = dir.join("meetings/2020-11-25/bilag");
    let png =
        project_root().join("tests/fixtures/build/constructs/meetings/2020-11-25/bilag/graf.png");
    for name in ["aaben graf.png", "hemmelig.png"] {
        fs::copy(&png, bilag.join(name)).unwrap();
    }
    append(
        &dir,
        "meetings/2020-11-25/01-aaben.md",
        "\n![Graf](bilag/aaben%20graf.png)\n",
    );
    append(
        &dir,
        "meetings/2020-11-25/02-lukket.md",
        "\n![Hemmelig graf](bilag/hemmelig.png)\n",
    );
    let run = rk(&dir, &["layout", "copy", "kl", "eget"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let template = dir.join("eget/referat.typ");
    let original = fs::read_to_string(&template).unwrap();
    let heading = "  heading(level: level, outlined: true)";
    assert!(original.contains(heading), "the kl layout's item changed");
    let project = dir.clone();
    let build = move |probe: &str, extra: &[&str]| {
        let code = format!("  if number == \"1\" {{ {probe} }}\n{heading}");
        fs::write(&template, original.replacen(heading, &code, 1)).unwrap();
        let mut args = vec!["build", "2020-11-25", "--layout", "eget"];
        args.extend_from_slice(extra);
        rk(&project, &args)
    };
    (dir, build)
}

/// The engine is served only the meeting's images the document shows: a
/// layout's own Typst code cannot read a closed item's source or
/// attachment, nor show its image, in the public edition
/// (docs/dev/public-edition.md).
#[test]
fn a_layout_cannot_reach_a_closed_items_files_through_the_engine() {
    let (dir, build) = probe_project();
    for (probe, path) in [
        (
            "text(read(\"/meeting/02-lukket.md\"))",
            "/meeting/02-lukket.md",
        ),
        // A path relative to the layout's file, out of its folder.
        (
            "text(read(\"../meeting/bilag/fortroligt.txt\"))",
            "/meeting/bilag/fortroligt.txt",
        ),
        (
            "image(\"/meeting/bilag/hemmelig.png\", alt: \"x\")",
            "/meeting/bilag/hemmelig.png",
        ),
    ] {
        let run = build(probe, &[]);
        assert_eq!(run.code, 2, "{probe}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr
                .contains(&format!("file not found (searched at {path})"))
                && run.stderr.contains("eget/referat.typ")
                && run.stderr.contains("does not typeset"),
            "{probe}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert!(!dir.join("out").exists(), "{probe}: an output was written");
    }
    // The same code reaches what the document shows, by the name the
    // document gives it: the open item's image in the public edition, the
    // closed item's in the internal one.
    let run = build(
        "image(\"/meeting/bilag/aaben%20graf.png\", alt: \"x\")",
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("out/2020-11-25/referat.pdf").is_file());
    let run = build(
        "image(\"/meeting/bilag/hemmelig.png\", alt: \"x\")",
        &["--internal"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}
