//! `inaccessible-pdf` on real PDFs: rk's own referat.pdf (tagged, in
//! Danish) attached as a bilag passes; a PDF without tags or language, one
//! with tags and no language, a damaged one and a text named .pdf each give
//! the warning at the attachment, naming the file, with the help; a closed
//! item's bilag and a closed bilag are not checked. pdfinfo (poppler)
//! agrees on which PDFs are tagged. The rule's table cases are in
//! rules.rs, its example in explain.rs.
//!
//! What its tests show, one by one: `inaccessible-pdf` on real PDFs: rk's own
//! referat.pdf as a bilag passes, an untagged one (made by the test, exact
//! cross-reference table; pdfinfo agrees it is untagged) gives the warning at
//! the attachment's line with the help; tags without a language, a language
//! without tags, a damaged PDF, a text named .pdf each their message, never a
//! panic; a closed item's and a closed bilag are not checked; a bilag exported
//! again with tags passes.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{DUPLA, W, check_json, fixture_copy, have_tool, replace_in, rk, run_tool};

const FOLDER: &str = "meetings/2020-11-25";

/// A one-page PDF showing `text`: with `tagged`, a structure tree whose
/// paragraph holds the page's marked text and the catalog's /MarkInfo;
/// with `language`, /Lang (da). Its cross-reference table is exact.
pub fn tiny_pdf(tagged: bool, language: bool, text: &str) -> Vec<u8> {
    let mut catalog = String::from("<< /Type /Catalog /Pages 2 0 R");
    if tagged {
        catalog.push_str(" /StructTreeRoot 5 0 R /MarkInfo << /Marked true >>");
    }
    if language {
        catalog.push_str(" /Lang (da)");
    }
    catalog.push_str(" >>");
    let content = if tagged {
        format!("/P << /MCID 0 >> BDC BT /F1 12 Tf 20 50 Td ({text}) Tj ET EMC")
    } else {
        format!("BT /F1 12 Tf 20 50 Td ({text}) Tj ET")
    };
    let mut objects = vec![
        catalog,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R \
             /Resources << /Font << /F1 6 0 R >> >>{} >>",
            if tagged { " /StructParents 0" } else { "" }
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        if tagged {
            "<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R >>".to_string()
        } else {
            "null".to_string()
        },
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    if tagged {
        objects.push("<< /Type /StructElem /S /P /P 5 0 R /Pg 3 0 R /K 0 >>".to_string());
        objects.push("<< /Nums [0 [7 0 R]] >>".to_string());
    }
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (number, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", number + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

/// The clean meeting with `files` written under bilag/ and item 2.2
/// attaching each (`closed` for a closed attachment).
fn with_bilag(name: &str, files: &[(&str, Vec<u8>, bool)]) -> PathBuf {
    let dir = fixture_copy("clean", &format!("bilag-{name}"));
    let folder = dir.join(FOLDER);
    fs::create_dir_all(folder.join("bilag")).unwrap();
    let mut lines = String::from("attachments:\n");
    for (file, bytes, closed) in files {
        fs::write(folder.join("bilag").join(file), bytes).unwrap();
        let closed = if *closed { ", closed: true" } else { "" };
        lines.push_str(&format!(
            "  - {{ file: bilag/{file}, title: Bilag{closed} }}\n"
        ));
    }
    replace_in(
        &dir.join(DUPLA),
        "presenters: [Christian Harsløf]\n",
        &format!("presenters: [Christian Harsløf]\n{lines}"),
    );
    dir
}

/// rk's own referat of the clean meeting: a PDF/UA, tagged, in Danish.
fn rks_own_pdf() -> Vec<u8> {
    let dir = fixture_copy("clean", "bilag-own");
    let run = rk(&dir, &["build", "2020-11-25", "--only", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    fs::read(dir.join("out/2020-11-25/referat.pdf")).unwrap()
}

/// pdfinfo's `Tagged:` line of the PDF at `path`: `yes` or `no`.
fn pdfinfo_tagged(path: &Path) -> String {
    let info = run_tool("pdfinfo", &[&path.to_string_lossy()]);
    info.lines()
        .find_map(|line| line.strip_prefix("Tagged:"))
        .unwrap_or_else(|| panic!("no Tagged: in {info}"))
        .trim()
        .to_string()
}

#[test]
fn an_untagged_bilag_gives_the_warning_and_a_tagged_one_does_not() {
    let dir = with_bilag(
        "tagged",
        &[
            ("referat-fra-sidst.pdf", rks_own_pdf(), false),
            (
                "scannet.pdf",
                tiny_pdf(false, false, "Scannet notat"),
                false,
            ),
        ],
    );
    let bilag = dir.join(FOLDER).join("bilag");
    if have_tool("pdfinfo", "-v") {
        assert_eq!(pdfinfo_tagged(&bilag.join("referat-fra-sidst.pdf")), "yes");
        assert_eq!(pdfinfo_tagged(&bilag.join("scannet.pdf")), "no");
    }
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(
        (
            finding.rule.as_str(),
            finding.severity,
            finding.file.as_str()
        ),
        ("inaccessible-pdf", W, DUPLA)
    );
    // At the second attachment's file, in the front matter.
    assert_eq!((finding.line, finding.column), (9, 13));
    assert_eq!(
        finding.message,
        "bilag `bilag/scannet.pdf` is an untagged PDF and names no language: a screen reader \
         cannot read it as it should (no /StructTreeRoot, no /MarkInfo with /Marked true, no \
         /Lang)"
    );
    let help = finding.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("\"Document structure tags for accessibility\"") && help.contains("language"),
        "{help}"
    );
    // As a referent sees it: the file, the line and the help.
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for shown in [
        "warning[inaccessible-pdf]",
        "02-02-dupla.md:9:13",
        "bilag/scannet.pdf",
        "Word",
    ] {
        assert!(run.stderr.contains(shown), "{shown}: {}", run.stderr);
    }
    // `--deny-warnings` makes it fail the run, as any warning.
    let (code, _, _) = check_json(&dir, &["--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn tags_without_a_language_and_a_language_without_tags_are_each_named() {
    let dir = with_bilag(
        "language",
        &[
            ("uden-sprog.pdf", tiny_pdf(true, false, "Notat"), false),
            ("uden-tags.pdf", tiny_pdf(false, true, "Notat"), false),
            ("i-orden.pdf", tiny_pdf(true, true, "Notat"), false),
        ],
    );
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    let messages: Vec<(usize, &str)> = findings
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                8,
                "bilag `bilag/uden-sprog.pdf` names no language: a screen reader cannot read it \
                 as it should (no /Lang)"
            ),
            (
                9,
                "bilag `bilag/uden-tags.pdf` is an untagged PDF: a screen reader cannot read it \
                 as it should (no /StructTreeRoot, no /MarkInfo with /Marked true)"
            ),
        ]
    );
}

#[test]
fn a_damaged_pdf_or_a_text_named_pdf_is_reported_not_a_panic() {
    let tagged = tiny_pdf(true, true, "Notat");
    let mut garbage = b"%PDF-1.7\n".to_vec();
    garbage.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let dir = with_bilag(
        "damaged",
        &[
            ("halv.pdf", tagged[..tagged.len() / 3].to_vec(), false),
            ("stoej.pdf", garbage, false),
            (
                "notat.pdf",
                b"Notat om data: ikke en PDF.\n".to_vec(),
                false,
            ),
            // Not named .pdf and not a PDF: none of this rule's.
            ("notat.txt", b"Notat om data.\n".to_vec(), false),
        ],
    );
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "bilag `bilag/halv.pdf` is a damaged PDF: whether it is accessible cannot be checked",
            "bilag `bilag/stoej.pdf` is a damaged PDF: whether it is accessible cannot be checked",
            "bilag `bilag/notat.pdf` is named .pdf but is not a PDF: whether it is accessible \
             cannot be checked",
        ]
    );
    assert!(findings.iter().all(|f| f.rule == "inaccessible-pdf"));
}

#[test]
fn a_closed_items_bilag_and_a_closed_bilag_are_not_checked() {
    let untagged = || tiny_pdf(false, false, "Fortroligt");
    let dir = with_bilag(
        "closed",
        &[
            ("fortroligt.pdf", untagged(), true),
            ("tilbud.pdf", untagged(), false),
        ],
    );
    let (_, findings, _) = check_json(&dir, &[]);
    let files: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(findings.len(), 1, "{files:?}");
    assert!(files[0].contains("bilag/tilbud.pdf"), "{files:?}");
    // The item closed: neither is published, neither is checked.
    replace_in(
        &dir.join(DUPLA),
        "sag: SAG-2020-01234\n",
        "sag: SAG-2020-01234\nclosed: true\n",
    );
    let (_, findings, stderr) = check_json(&dir, &[]);
    assert!(
        findings.iter().all(|f| f.rule != "inaccessible-pdf"),
        "{findings:#?}{stderr}"
    );
}

#[test]
fn a_bilag_exported_again_with_tags_passes() {
    let dir = with_bilag(
        "again",
        &[("notat.pdf", tiny_pdf(false, false, "Notat"), false)],
    );
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(findings.len(), 1);
    fs::write(
        dir.join(FOLDER).join("bilag/notat.pdf"),
        tiny_pdf(true, true, "Notat"),
    )
    .unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}
