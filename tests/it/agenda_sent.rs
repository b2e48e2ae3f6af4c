//! The agenda as sent: once meeting.yaml says `agenda_sent` (and, for the
//! tillægsdagsorden, `added_agenda_sent`), `rk build --agenda` builds it
//! as the commit that set the date holds it, so that the afbud, the
//! stedfortræder, a note of leaving early, the actual time and later edits
//! of the items, written after the meeting, never reach a dagsorden built
//! again. The referat shows the time the meeting was held (`actual_time`)
//! and the attendance. Both layouts, in git repositories of their own.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    assert_pdf_ua_and_pdf_a, git, pdf_text, project_copy, replace_in, rk, scratch, squeeze,
};
use scraper::{Html, Selector};
use serde_json::Value;

/// What a reader of a document gets: the PDF's text, the HTML page and the
/// JSON, as written.
#[derive(Debug, PartialEq)]
struct Seen {
    pdf: String,
    html: String,
    json: String,
}

/// `rk build MEETING ARGS... --out OUT` in `dir`, which must succeed: what
/// the document `stem` (dagsorden, referat, tillaegsdagsorden) shows, and
/// what rk said.
fn built(dir: &Path, meeting: &str, args: &[&str], out: &str, stem: &str) -> (Seen, String) {
    let mut all = vec!["build", meeting, "--out", out];
    all.extend_from_slice(args);
    let run = rk(dir, &all);
    assert_eq!(run.code, 0, "rk {all:?}:\n{}", run.stderr);
    let folder = dir.join(out).join(meeting);
    let pdf = folder.join(format!("{stem}.pdf"));
    assert_pdf_ua_and_pdf_a(&pdf);
    let seen = Seen {
        pdf: pdf_text(&pdf),
        html: fs::read_to_string(folder.join(format!("{stem}.html"))).unwrap(),
        json: fs::read_to_string(folder.join(format!("{stem}.json"))).unwrap(),
    };
    (seen, run.stderr)
}

/// The text of the HTML page as a reader sees it.
fn page_text(html: &str) -> String {
    let page = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    page.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A scratch project of `from` in a git repository of its own, committed.
#[track_caller]
fn repository(from: &str, name: &str) -> PathBuf {
    let dir = project_copy(from, name);
    git(&dir, &["init", "-q"]);
    commit(&dir, "Mødet oprettet");
    dir
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// The edits a referent makes at and after the meeting: the meeting.yaml
/// keys and texts to replace (first occurrence), and an item file with a
/// text of its agenda part to rewrite.
struct AfterTheMeeting {
    meeting_yaml: &'static [(&'static str, &'static str)],
    item: (&'static str, &'static str, &'static str),
}

impl AfterTheMeeting {
    fn apply(&self, folder: &Path) {
        for (from, to) in self.meeting_yaml {
            replace_in(&folder.join("meeting.yaml"), from, to);
        }
        let (file, from, to) = self.item;
        replace_in(&folder.join(file), from, to);
    }
}

/// The life of a meeting's agenda: written, sent (`agenda_sent` set, the
/// agenda built, then committed, as a referent does it), then the
/// attendance, the time and an item's text edited after the meeting. The
/// agenda built after the edits, uncommitted and committed, must equal
/// the one sent, and must not show the edits; the referat must show them.
/// The referat's text after the edits is returned.
fn the_agenda_stays_as_sent(
    dir: &Path,
    meeting: &str,
    sent: &str,
    after: &AfterTheMeeting,
    edited: &[&str],
) -> String {
    let folder = dir.join("meetings").join(meeting);
    replace_in(
        &folder.join("meeting.yaml"),
        "\ntime: ",
        &format!("\nagenda_sent: {sent}\ntime: "),
    );
    // Built before the sending is committed: the work tree is what is sent.
    let (as_sent, said) = built(dir, meeting, &["--agenda"], "out-sent", "dagsorden");
    assert!(!said.contains("as it was sent"), "{said}");
    commit(dir, "Dagsorden udsendt");

    after.apply(&folder);
    let (uncommitted, said) = built(dir, meeting, &["--agenda"], "out-edited", "dagsorden");
    assert!(
        said.contains(&format!(
            "{meeting}: the agenda as it was sent on {sent} (commit "
        )),
        "{said}"
    );
    commit(dir, "Referat skrevet");
    let (committed, _) = built(dir, meeting, &["--agenda"], "out-after", "dagsorden");
    // Built after the meeting, the dagsorden is the one sent: the same text
    // in the PDF, the same HTML page and JSON.
    assert_eq!(uncommitted, as_sent);
    assert_eq!(committed, as_sent);
    for text in edited {
        assert!(
            !squeeze(&as_sent.pdf).contains(&squeeze(text)),
            "the agenda sent already has {text:?}: the test shows nothing"
        );
        assert!(!page_text(&committed.html).contains(text), "{text:?}");
    }
    let agenda: Value = serde_json::from_str(&committed.json).unwrap();
    assert_eq!(agenda["agenda_sent"], sent);
    assert!(agenda.get("actual_time").is_none(), "{agenda}");

    // The referat of the same sources shows what happened.
    let (referat, _) = built(dir, meeting, &[], "out-after", "referat");
    for text in edited {
        assert!(
            squeeze(&referat.pdf).contains(&squeeze(text)),
            "the referat's PDF has no {text:?}:\n{}",
            referat.pdf
        );
        assert!(
            squeeze(&page_text(&referat.html)).contains(&squeeze(text)),
            "the referat's page has no {text:?}"
        );
    }
    let json: Value = serde_json::from_str(&referat.json).unwrap();
    assert_eq!(json["agenda_sent"], sent);
    referat.pdf
}

#[test]
fn a_sent_agenda_built_after_the_meeting_equals_the_one_sent_in_the_kl_layout() {
    let dir = scratch("kl");
    common::copy_tree(
        &common::project_root().join("meetings/2020-11-25"),
        &dir.join("meetings/2020-11-25"),
    );
    git(&dir, &["init", "-q"]);
    commit(&dir, "Mødet oprettet");
    let after = AfterTheMeeting {
        meeting_yaml: &[
            // An afbud and a stedfortræder for the member who sent it.
            (
                "  - name: Lars Vraa\n",
                "  - name: Pia Holm\n    substitute_for: Lars Vraa\n",
            ),
            (
                "absent:\n",
                "absent:\n  - name: Lars Vraa\n    absence: afbud\n",
            ),
            // A member who left early.
            (
                "  - name: Bo Fristed\n",
                "  - name: Bo Fristed\n    note: forlod mødet kl. 13.45\n",
            ),
            // When the meeting was held.
            (
                "time: \"10.00-14.00\"\n",
                "time: \"10.00-14.00\"\nactual_time: \"10.05-13.50\"\n",
            ),
        ],
        item: (
            "02-01-nyt-fra-udvalget.md",
            "tager status til efterretning",
            "tager status til efterretning med de bemærkninger, der faldt på mødet",
        ),
    };
    let referat = the_agenda_stays_as_sent(
        &dir,
        "2020-11-25",
        "2020-11-18",
        &after,
        &[
            "Pia Holm (substitut for Lars Vraa)",
            "forlod mødet kl. 13.45",
            "10.05-13.50 (planlagt 10.00-14.00)",
            "med de bemærkninger, der faldt på mødet",
        ],
    );
    // Lars Vraa under Afbud, after the meeting only.
    let absent = referat.split("Afbud").nth(1).unwrap_or_default();
    assert!(absent.contains("Lars Vraa"), "{referat}");
}

#[test]
fn a_sent_agenda_built_after_the_meeting_equals_the_one_sent_in_the_kommune_layout() {
    let dir = repository("examples/kommune-udvalg", "kommune");
    let after = AfterTheMeeting {
        meeting_yaml: &[
            (
                "  - { name: Anja Kirkegaard, organisation: SF }\n",
                "  - { name: Ole Friis, organisation: SF, substitute_for: Anja Kirkegaard }\n",
            ),
            (
                "absent:\n",
                "absent:\n  - { name: Anja Kirkegaard, organisation: SF, absence: afbud }\n",
            ),
            (
                "  - { name: Henrik Bach, title: Næstformand, organisation: Venstre }\n",
                "  - { name: Henrik Bach, title: Næstformand, organisation: Venstre, note: forlod mødet kl. 16.45 }\n",
            ),
            (
                "time: \"16.00-18.00\"\n",
                "time: \"16.00-18.00\"\nactual_time: \"16.05-18.25\"\n",
            ),
        ],
        item: (
            "42-klimahandleplan.md",
            "Direktøren for Teknik og Miljø indstiller, at",
            "Direktøren for Teknik og Miljø indstiller nu, efter borgermødet, at",
        ),
    };
    let referat = the_agenda_stays_as_sent(
        &dir,
        "2021-05-05",
        "2021-04-28",
        &after,
        &[
            "Ole Friis, SF (stedfortræder for Anja Kirkegaard)",
            "forlod mødet kl. 16.45",
            "16.05-18.25 (planlagt 16.00-18.00)",
            "indstiller nu, efter borgermødet, at",
        ],
    );
    let absent = referat.split("Afbud").nth(1).unwrap_or_default();
    assert!(absent.contains("Anja Kirkegaard"), "{referat}");
}
