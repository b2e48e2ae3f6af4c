//! Approval and signatures (issue 19, point 6): meeting.yaml's `approvals`
//! checked against the members who took part, the Underskriftsblad in
//! both layouts (PDF, HTML), the approvals as data in the JSON.

use std::fs;
use std::path::Path;

use super::{LAYOUTS, MEETING_ID, build, byraad, select, texts, use_layout};
use crate::common::{Finding, check_json, squeeze};

fn meeting_yaml(dir: &Path) -> std::path::PathBuf {
    dir.join("meetings").join(MEETING_ID).join("meeting.yaml")
}

/// meeting.yaml of a copy with `from` replaced by `to` (once; it must be
/// there).
fn edit(dir: &Path, from: &str, to: &str) {
    let path = meeting_yaml(dir);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in meeting.yaml");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The line and column (from 1) of `needle`'s first occurrence in meeting.yaml.
fn position(dir: &Path, needle: &str) -> (usize, usize) {
    let text = fs::read_to_string(meeting_yaml(dir)).unwrap();
    let at = text.find(needle).expect("in meeting.yaml");
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

fn only(findings: &[Finding]) -> &Finding {
    assert_eq!(findings.len(), 1, "{findings:#?}");
    &findings[0]
}

#[test]
fn an_approver_who_was_absent_is_a_finding_at_the_name() {
    let dir = byraad("approval-absent");
    edit(
        &dir,
        "name: Henrik Dyrlund, date",
        "name: Evan Lynnerup, date",
    );
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let f = only(&findings);
    assert_eq!(f.rule, "bad-approver");
    assert_eq!(f.file, format!("meetings/{MEETING_ID}/meeting.yaml"));
    assert_eq!((f.line, f.column), position(&dir, "Evan Lynnerup, date"));
    assert_eq!(
        f.message,
        "Evan Lynnerup approved the referat, but is listed as absent: only the members present sign it"
    );
    assert!(
        f.help.as_deref().unwrap().contains("members present"),
        "{f:?}"
    );
}

#[test]
fn a_misspelt_approver_gets_the_member_meant() {
    let dir = byraad("approval-typo");
    edit(
        &dir,
        "name: Henrik Dyrlund, date",
        "name: Henrik Dyrlun, date",
    );
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let f = only(&findings);
    assert_eq!(f.rule, "bad-approver");
    assert_eq!((f.line, f.column), position(&dir, "Henrik Dyrlun, date"));
    assert_eq!(f.help.as_deref(), Some("did you mean `Henrik Dyrlund`?"));
    // A guest did not take part as a member: Helle Thorsen is under others.
    let dir = byraad("approval-other");
    edit(
        &dir,
        "name: Henrik Dyrlund, date",
        "name: Helle Thorsen, date",
    );
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(only(&findings).rule, "bad-approver");
}

#[test]
fn the_chair_and_the_referent_sign_when_rk_toml_says_so() {
    let dir = byraad("approval-chair");
    let toml = fs::read_to_string(dir.join("rk.toml")).unwrap();
    fs::write(
        dir.join("rk.toml"),
        format!("approval = \"chair-and-referent\"\n{toml}"),
    )
    .unwrap();
    // The chair signs; a member who is neither chair nor referent may not.
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert!(findings.iter().all(|f| f.rule == "bad-approver"));
    assert_eq!(findings.len(), 7, "{findings:#?}");
    assert!(
        findings
            .iter()
            .all(|f| !f.message.starts_with("Carsten Rasmussen"))
    );
    assert!(
        findings[0]
            .message
            .ends_with("is not among the chair and the referent, who sign it"),
        "{}",
        findings[0].message
    );
}

#[test]
fn dates_of_approvals_and_required_approvers_are_checked() {
    let dir = byraad("approval-dates");
    edit(
        &dir,
        "Bo Hilsted, date: 2024-06-26",
        "Bo Hilsted, date: 2024-05-28",
    );
    edit(
        &dir,
        "Lone Bønløkke, date: 2024-06-26",
        "Lone Bønløkke, date: 26-06-2024",
    );
    let (_, findings, _) = check_json(&dir, &[]);
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            (
                "date-mismatch",
                "the approval date `26-06-2024` is not a real date"
            ),
            (
                "date-mismatch",
                "the approval is dated 2024-05-28, before the meeting on 2024-05-29"
            ),
        ]
    );
    assert_eq!(
        findings[0].help.as_deref(),
        Some("write `date: 2024-06-26`: dates are written YYYY-MM-DD")
    );
    // rk.toml asks for approvers: an approved referat without any.
    let dir = byraad("approval-required");
    let path = meeting_yaml(&dir);
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("approvals:").unwrap();
    let end = text.find("members:").unwrap();
    fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    let f = only(&findings);
    assert_eq!(f.rule, "missing-field");
    assert_eq!((f.line, f.column), position(&dir, "godkendt"));
    // Without `approvers = "required"`, as for KL, no approvers is fine.
    let toml = fs::read_to_string(dir.join("rk.toml")).unwrap();
    fs::write(
        dir.join("rk.toml"),
        toml.replace("approvers = \"required\"\n", ""),
    )
    .unwrap();
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

const FORBEHOLD: &str = "Enhedslisten kan ikke godkende gengivelsen af drøftelsen under punkt 43.";

#[test]
fn the_underskriftsblad_is_in_the_pdf_the_html_and_the_json_of_both_layouts() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("signatures-{layout}"));
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        // The PDF: the heading, each signer with the date, the forbehold,
        // a line to sign on for the member who has not signed.
        for prose in [
            "Underskriftsblad",
            "Carsten Rasmussen Godkendt 26. juni 2024",
            "Henrik Dyrlund Godkendt 27. juni 2024",
            &format!("Jens Vestergaard Godkendt 26. juni 2024 Forbehold: {FORBEHOLD}"),
            "Preben Lyngsø Underskrift og dato",
        ] {
            assert!(out.pdf_has(prose), "{layout}: {prose} not in\n{}", out.pdf);
        }
        // The HTML: a section of its own, a line per member present.
        assert_eq!(texts(&out.html, ".signatures h2"), ["Underskriftsblad"]);
        let lines = texts(&out.html, ".signatures li");
        // The members present, Lise Dam Kjær (a stedfortræder for one item) too.
        assert_eq!(lines.len(), 10, "{layout}: {lines:?}");
        assert_eq!(
            lines[0],
            squeeze("Carsten Rasmussen Godkendt 26. juni 2024")
        );
        assert_eq!(
            lines[6],
            squeeze(&format!(
                "Jens Vestergaard Godkendt 26. juni 2024 Forbehold: {FORBEHOLD}"
            ))
        );
        assert!(
            lines[8].starts_with(&squeeze("Preben Lyngsø (Underskrift og dato")),
            "{lines:?}"
        );
        let times = select(&out.html, ".signatures time");
        assert_eq!(times[0].value().attr("datetime"), Some("2024-06-26"));
        // The JSON: the approvals as written, and the sheet.
        let approvals = out.json["approvals"].as_array().expect("approvals");
        assert_eq!(approvals.len(), 8);
        assert_eq!(approvals[6]["name"], "Jens Vestergaard");
        assert_eq!(approvals[6]["date"], "2024-06-26");
        assert_eq!(approvals[6]["forbehold"], FORBEHOLD);
        assert!(approvals[0].get("forbehold").is_none());
        let sheet = out.json["signatures"].as_array().expect("signatures");
        assert_eq!(sheet.len(), 10);
        assert_eq!(sheet[8]["name"], "Preben Lyngsø");
        assert!(sheet[8]["date"].is_null());
    }
}

#[test]
fn without_approvals_there_is_no_underskriftsblad() {
    let dir = byraad("signatures-none");
    let path = meeting_yaml(&dir);
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("# Underskriftsblad").unwrap();
    let end = text.find("members:").unwrap();
    fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let toml = fs::read_to_string(dir.join("rk.toml")).unwrap();
    fs::write(
        dir.join("rk.toml"),
        toml.replace("approvers = \"required\"\n", ""),
    )
    .unwrap();
    let out = build(&dir, &[]);
    assert!(!out.pdf_has("Underskriftsblad"));
    assert!(select(&out.html, ".signatures").is_empty());
    assert!(out.json.get("approvals").is_none() && out.json.get("signatures").is_none());
}

#[test]
fn the_underskriftsblad_and_a_berigtigelse_are_valid_and_accessible_html() {
    use crate::common::browser::{assert_valid_and_accessible, browser_tools};
    if !browser_tools() {
        return;
    }
    for layout in LAYOUTS {
        let name = format!("byraad-signatures-{layout}");
        let dir = byraad(&name);
        use_layout(&dir, layout);
        let out = build(&dir, &[]);
        assert_eq!(select(&out.html, ".signatures li").len(), 10);
        assert_eq!(select(&out.html, ".correction").len(), 1);
        assert_valid_and_accessible(&name, &out.dir.join("referat.html"));
    }
}
