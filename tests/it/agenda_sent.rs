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

/// `key: value` put in the meeting's meeting.yaml before its `time`.
fn send(folder: &Path, key: &str, value: &str) {
    replace_in(
        &folder.join("meeting.yaml"),
        "\ntime: ",
        &format!("\n{key}: {value}\ntime: "),
    );
}

#[test]
fn the_tillaegsdagsorden_stays_as_sent_by_added_agenda_sent() {
    let dir = repository("tests/fixtures/bodies/byraad", "tillaeg");
    let folder = dir.join("meetings/2024-05-29");
    send(&folder, "agenda_sent", "2024-05-21");
    send(&folder, "added_agenda_sent", "2024-05-27");
    commit(&dir, "Dagsorden og tillægsdagsorden udsendt");
    let args = ["--agenda", "--added"];
    let (as_sent, _) = built(&dir, "2024-05-29", &args, "out-sent", "tillaegsdagsorden");
    let (agenda, _) = built(&dir, "2024-05-29", &["--agenda"], "out-sent", "dagsorden");

    replace_in(
        &folder.join("meeting.yaml"),
        "    title: Borgmester\n",
        "    title: Borgmester\n    note: forlod mødet kl. 20.30\n",
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "time: \"18.00-21.15\"\n",
        "time: \"18.00-21.15\"\nactual_time: \"18.00-21.40\"\n",
    );
    replace_in(
        &folder.join("45a-kunstgraesbane.md"),
        "Direktionen indstiller, at",
        "Direktionen indstiller efter mødet, at",
    );
    commit(&dir, "Referat skrevet");
    let (after, said) = built(&dir, "2024-05-29", &args, "out-after", "tillaegsdagsorden");
    assert!(
        said.contains("the tillægsdagsorden as it was sent on 2024-05-27 (commit "),
        "{said}"
    );
    assert_eq!(after, as_sent);
    assert!(
        as_sent
            .pdf
            .contains("Udbud af kunstgræsbane ved Fjordhallen")
    );
    assert!(!squeeze(&after.pdf).contains(&squeeze("efter mødet")));
    let (agenda_after, _) = built(&dir, "2024-05-29", &["--agenda"], "out-after", "dagsorden");
    assert_eq!(agenda_after, agenda);
    assert!(!agenda_after.pdf.contains("forlod mødet kl. 20.30"));
    let (referat, _) = built(&dir, "2024-05-29", &[], "out-after", "referat");
    assert!(
        referat.pdf.contains("forlod mødet kl. 20.30"),
        "{}",
        referat.pdf
    );
    assert!(
        squeeze(&referat.pdf).contains(&squeeze("18.00-21.40 (planlagt 18.00-21.15)")),
        "{}",
        referat.pdf
    );
}

/// The kommune example in a repository of its own, its agenda of 5 May
/// sent on 28 April (committed), then an afbud and the actual time
/// written and committed.
#[track_caller]
fn sent_and_held(name: &str) -> PathBuf {
    let dir = repository("examples/kommune-udvalg", name);
    let folder = dir.join("meetings/2021-05-05");
    send(&folder, "agenda_sent", "2021-04-28");
    commit(&dir, "Dagsorden udsendt");
    replace_in(
        &folder.join("meeting.yaml"),
        "  - { name: Anja Kirkegaard, organisation: SF }\n",
        "",
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "absent:\n",
        "absent:\n  - { name: Anja Kirkegaard, organisation: SF, absence: afbud }\n",
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\nactual_time: \"16.05-18.25\"\n",
    );
    commit(&dir, "Referat skrevet");
    dir
}

#[test]
fn a_shallow_clone_refuses_to_build_a_sent_agenda_until_it_has_the_history() {
    let dir = sent_and_held("shallow-source");
    let (whole, _) = built(&dir, "2021-05-05", &["--agenda"], "out", "dagsorden");
    let clone = scratch("shallow-clone");
    let url = format!("file://{}", dir.display());
    git(&clone, &["clone", "-q", "--depth", "1", &url, "project"]);
    let project = clone.join("project");

    let run = rk(&project, &["build", "2021-05-05", "--agenda"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: not built: the agenda of 2021-05-05 was sent on 2021-04-28 (`agenda_sent` \
             in meetings/2021-05-05/meeting.yaml)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("shallow"), "{}", run.stderr);
    assert!(run.stderr.contains("`fetch-depth: 0`"), "{}", run.stderr);
    assert!(!project.join("out").exists(), "something was written");
    // The archive build says the same of the meeting, and builds the rest.
    let run = rk(&project, &["build", "--all", "--agenda"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!project.join("out/2021-05-05/dagsorden.pdf").exists());
    assert!(project.join("out/2021-05-26/dagsorden.pdf").is_file());

    git(&project, &["fetch", "-q", "--unshallow"]);
    let (fetched, _) = built(&project, "2021-05-05", &["--agenda"], "out", "dagsorden");
    assert_eq!(fetched, whole);
    assert!(!fetched.pdf.contains("16.05-18.25"));
}

#[test]
fn outside_git_a_sent_agenda_is_not_built_again() {
    let dir = project_copy("examples/kommune-udvalg", "no-git");
    send(
        &dir.join("meetings/2021-05-05"),
        "agenda_sent",
        "2021-04-28",
    );
    // No repository around the scratch folder, wherever it lies.
    let output = common::rk_command()
        .args(["build", "2021-05-05", "--agenda"])
        .current_dir(&dir)
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("because the meeting is not in a git repository; nothing was written"),
        "{stderr}"
    );
    assert!(!dir.join("out").exists());
    // The referat does not read the history.
    let run = rk(&dir, &["build", "2021-05-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_item_or_bilag_closed_after_sending_is_closed_in_the_agenda_as_sent() {
    let dir = sent_and_held("closed-since");
    let (before, _) = built(&dir, "2021-05-05", &["--agenda"], "out-before", "dagsorden");
    let text = "Forsyningen ønsker at separatkloakere boligområdet ved Engvej";
    assert!(squeeze(&before.pdf).contains(&squeeze(text)));
    let bilag = "Udkast til Klimahandleplan 2021-2025 på kommunens høringsportal";
    assert!(page_text(&before.html).contains(bilag));
    let item = dir.join("meetings/2021-05-05/43-spildevandsplan.md");
    replace_in(&item, "---\n", "---\nclosed: true\n");
    // A bilag of an open item closed, too.
    replace_in(
        &dir.join("meetings/2021-05-05/42-klimahandleplan.md"),
        &format!("    title: {bilag}\n"),
        &format!("    title: {bilag}\n    closed: true\n"),
    );
    commit(&dir, "Punkt 43 og et bilag til punkt 42 lukket");
    let (after, _) = built(&dir, "2021-05-05", &["--agenda"], "out-after", "dagsorden");
    assert!(
        !squeeze(&after.pdf).contains(&squeeze(text)),
        "{}",
        after.pdf
    );
    assert!(!page_text(&after.html).contains(text));
    assert!(!page_text(&after.html).contains(bilag));
    assert!(!after.json.contains("klimahandleplan-2021-2025"));
    assert!(!squeeze(&after.pdf).contains(&squeeze(bilag)));
    let json: Value = serde_json::from_str(&after.json).unwrap();
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == "43")
        .unwrap();
    assert_eq!(item["closed"], true, "{item}");
    // Still as sent otherwise: the afbud written since is not in it.
    assert!(!page_text(&after.html).contains("16.05-18.25"));
}

#[test]
fn an_agenda_sent_again_with_a_new_date_is_frozen_at_the_new_sending() {
    let dir = sent_and_held("sent-again");
    let folder = dir.join("meetings/2021-05-05");
    let correction = "indstiller, at tillæg nr. 4 (rettet udgave) anbefales";
    replace_in(
        &folder.join("43-spildevandsplan.md"),
        "indstiller, at tillæg nr. 4 anbefales",
        correction,
    );
    commit(&dir, "Rettelse til punkt 43");
    let (first, _) = built(&dir, "2021-05-05", &["--agenda"], "out-first", "dagsorden");
    assert!(!squeeze(&first.pdf).contains(&squeeze(correction)));
    // Sent again on 30 April, with the correction (and the attendance of
    // the work tree then).
    replace_in(
        &folder.join("meeting.yaml"),
        "agenda_sent: 2021-04-28",
        "agenda_sent: 2021-04-30",
    );
    commit(&dir, "Rettet dagsorden udsendt");
    let (again, said) = built(&dir, "2021-05-05", &["--agenda"], "out-again", "dagsorden");
    assert!(said.contains("as it was sent on 2021-04-30"), "{said}");
    assert!(
        squeeze(&again.pdf).contains(&squeeze(correction)),
        "{}",
        again.pdf
    );
}

#[test]
fn the_sending_dates_are_real_dates_not_after_the_meeting() {
    let dir = project_copy("examples/kommune-udvalg", "dates");
    let folder = dir.join("meetings/2021-05-05");
    send(&folder, "agenda_sent", "28-04-2021");
    send(&folder, "added_agenda_sent", "2021-05-06");
    let (code, findings, _) = common::check_json(&dir, &["2021-05-05"]);
    assert_eq!(code, 1);
    let got: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                f.rule.as_str(),
                f.line,
                f.message.as_str(),
                f.help.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "date-mismatch",
                8,
                "`agenda_sent: 28-04-2021` is not a real date",
                Some("write `agenda_sent: 2021-04-28`: dates are written YYYY-MM-DD"),
            ),
            (
                "date-mismatch",
                9,
                "the tillægsdagsorden is sent on 2021-05-06, after its meeting on 2021-05-05",
                Some(
                    "`added_agenda_sent` is the date the tillægsdagsorden went out, before or \
                     on the day of the meeting"
                ),
            ),
        ]
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "agenda_sent: 28-04-2021",
        "agenda_sent: 2021-05-03",
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "added_agenda_sent: 2021-05-06",
        "added_agenda_sent: 2021-04-30",
    );
    let (_, findings, _) = common::check_json(&dir, &["2021-05-05"]);
    let got: Vec<_> = findings
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [(
            9,
            "the tillægsdagsorden is sent on 2021-04-30, before the agenda on 2021-05-03"
        )]
    );
}

/// One message framed as the Language Server Protocol frames it.
fn frame(message: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(message).unwrap();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

/// The messages of a whole `rk lsp` session's output.
fn frames(mut out: &[u8]) -> Vec<Value> {
    let mut messages = Vec::new();
    while let Some(start) = out.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = String::from_utf8_lossy(&out[..start]).to_string();
        let length: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|n| n.trim().parse().ok())
            .expect("a Content-Length header");
        let body = &out[start + 4..start + 4 + length];
        messages.push(serde_json::from_slice(body).unwrap());
        out = &out[start + 4 + length..];
    }
    messages
}

#[test]
fn the_language_server_completes_the_new_keys_in_meeting_yaml() {
    use serde_json::json;
    use std::io::Write;
    let dir = project_copy("examples/kommune-udvalg", "lsp");
    let path = dir.join("meetings/2021-05-05/meeting.yaml");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\na\n",
        1,
    );
    let line = text.lines().position(|l| l == "a").unwrap();
    let real = path.parent().unwrap().canonicalize().unwrap();
    let uri = url::Url::from_file_path(real.join("meeting.yaml"))
        .unwrap()
        .to_string();
    let mut input = Vec::new();
    for message in [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text } } }),
        json!({ "jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
            "textDocument": { "uri": uri }, "position": { "line": line, "character": 1 } } }),
        json!({ "jsonrpc": "2.0", "id": 3, "method": "shutdown" }),
        json!({ "jsonrpc": "2.0", "method": "exit" }),
    ] {
        input.extend(frame(&message));
    }
    let mut child = common::rk_command()
        .arg("lsp")
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    let answer = frames(&output.stdout)
        .into_iter()
        .find(|m| m["id"] == 2)
        .expect("an answer to the completion");
    let result = &answer["result"];
    let items = result.get("items").unwrap_or(result).as_array().unwrap();
    let labels: Vec<&str> = items.iter().filter_map(|i| i["label"].as_str()).collect();
    for key in ["actual_time", "agenda_sent", "added_agenda_sent"] {
        assert!(labels.contains(&key), "no {key} in {labels:?}");
    }
}

#[test]
fn rk_diff_tells_a_change_of_the_actual_time_and_of_the_sending() {
    let dir = repository("examples/kommune-udvalg", "diff");
    let folder = dir.join("meetings/2021-05-05");
    send(&folder, "agenda_sent", "2021-04-28");
    commit(&dir, "Dagsorden udsendt");
    replace_in(
        &folder.join("meeting.yaml"),
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\nactual_time: \"16.05-18.25\"\n",
    );
    replace_in(
        &folder.join("meeting.yaml"),
        "agenda_sent: 2021-04-28",
        "agenda_sent: 2021-04-29",
    );
    let run = rk(&dir, &["diff", "HEAD", "2021-05-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "2021-05-05 since HEAD: meeting: actual_time changed; meeting: agenda_sent changed"
        ),
        "{}",
        run.stdout
    );
    let page = fs::read_to_string(dir.join("out/2021-05-05/aendringer.html")).unwrap();
    let words = page_text(&page);
    assert!(words.contains("Afholdt tilføjet: 16.05-18.25"), "{words}");
    // The referat on the page shows the time it was held, as the referat does.
    assert!(
        words.contains("16.05-18.25 (planlagt 16.00-18.00)"),
        "{words}"
    );
    assert!(
        words.contains("Dagsorden udsendt ændret fra 2021-04-28 til 2021-04-29"),
        "{words}"
    );
}

#[test]
fn the_ci_recipes_build_the_agendas_as_sent_with_the_whole_history() {
    let root = common::project_root();
    let workflow = fs::read_to_string(root.join("examples/ci/github/referater.yml")).unwrap();
    let job = workflow
        .split("\n  build:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n  index:\n").next())
        .expect("a build job");
    assert!(job.contains("fetch-depth: 0"), "{job}");
    assert!(
        job.contains("rk-bin/rk build --all --agenda --shard \"$SHARD/3\""),
        "{job}"
    );
    assert!(workflow.contains("rk-bin/rk index --agenda"));
    let gitlab = fs::read_to_string(root.join("examples/ci/gitlab-ci.yml")).unwrap();
    let job = gitlab
        .split("\nbuild:\n")
        .nth(1)
        .and_then(|rest| rest.split("\nindex:\n").next())
        .expect("a build job");
    for needed in [
        "GIT_DEPTH: 0",
        "apt-get install -y --no-install-recommends git",
        "rk/bin/rk build --all --agenda --shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"",
    ] {
        assert!(job.contains(needed), "no {needed:?} in {job}");
    }
    assert!(gitlab.contains("rk/bin/rk index --agenda"));
}

#[test]
fn the_referat_with_the_actual_time_stays_valid_and_accessible_in_both_layouts() {
    if !common::browser::browser_tools() {
        return;
    }
    let kl = common::example_copy("valid-kl");
    replace_in(
        &kl.join("meetings/2020-11-25/meeting.yaml"),
        "time: \"10.00-14.00\"\n",
        "time: \"10.00-14.00\"\nactual_time: \"10.05-13.50\"\n",
    );
    let kommune = project_copy("examples/kommune-udvalg", "valid-kommune");
    replace_in(
        &kommune.join("meetings/2021-05-05/meeting.yaml"),
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\nactual_time: \"16.05-18.25\"\n",
    );
    for (name, dir, meeting) in [
        ("actual-time-kl", &kl, "2020-11-25"),
        ("actual-time-kommune", &kommune, "2021-05-05"),
    ] {
        let (seen, _) = built(dir, meeting, &[], "out", "referat");
        assert!(seen.html.contains("(planlagt "), "{name}");
        common::browser::assert_valid_and_accessible(
            name,
            &dir.join("out").join(meeting).join("referat.html"),
        );
    }
}

#[test]
fn a_meeting_folder_renamed_after_sending_keeps_its_agenda_as_sent() {
    let dir = sent_and_held("renamed");
    let (as_sent, _) = built(&dir, "2021-05-05", &["--agenda"], "out-before", "dagsorden");
    git(
        &dir,
        &["mv", "meetings/2021-05-05", "meetings/2021-05-05-ordinaert"],
    );
    commit(&dir, "Mødets mappe omdøbt");
    let meeting = "2021-05-05-ordinaert";
    let (after, said) = built(&dir, meeting, &["--agenda"], "out-after", "dagsorden");
    assert!(said.contains("as it was sent on 2021-04-28"), "{said}");
    assert_eq!(after, as_sent);
    assert!(!after.pdf.contains("16.05-18.25"));
}

#[test]
fn the_keys_written_in_danish_get_the_key_meant() {
    let dir = project_copy("examples/kommune-udvalg", "danish");
    replace_in(
        &dir.join("meetings/2021-05-05/meeting.yaml"),
        "time: \"16.00-18.00\"\n",
        "time: \"16.00-18.00\"\nudsendt: 2021-04-28\nafholdt: \"16.05-18.25\"\n",
    );
    let (code, findings, _) = common::check_json(&dir, &["2021-05-05"]);
    assert_eq!(code, 1);
    let got: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                f.rule.as_str(),
                f.line,
                f.help.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "unknown-field",
                9,
                "did you mean `agenda_sent`? Field names are in English"
            ),
            (
                "unknown-field",
                10,
                "did you mean `actual_time`? Field names are in English"
            ),
        ]
    );
}

#[test]
fn an_error_in_the_agenda_as_sent_stops_its_build_and_says_how_to_send_it_again() {
    let dir = repository("examples/kommune-udvalg", "sent-with-error");
    let folder = dir.join("meetings/2021-05-05");
    let item = folder.join("43-spildevandsplan.md");
    send(&folder, "agenda_sent", "2021-04-28");
    replace_in(&item, "sag: 06.00.05-P16-1-21", "sag: 06.00.05-P16-1-2x");
    commit(&dir, "Dagsorden udsendt");
    replace_in(&item, "sag: 06.00.05-P16-1-2x", "sag: 06.00.05-P16-1-21");
    commit(&dir, "Sagsnummer rettet");
    let run = rk(&dir, &["build", "2021-05-05", "--agenda"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("┌─ meetings/2021-05-05/43-spildevandsplan.md (as sent, commit "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "has 1 error; nothing was written. A fix committed since is not in the agenda as \
             sent: to publish it, send the agenda again and write the new date in `agenda_sent`"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists());
    // Sent again, with the fix.
    replace_in(
        &folder.join("meeting.yaml"),
        "agenda_sent: 2021-04-28",
        "agenda_sent: 2021-04-29",
    );
    commit(&dir, "Rettet dagsorden udsendt");
    let (again, said) = built(&dir, "2021-05-05", &["--agenda"], "out", "dagsorden");
    assert!(said.contains("as it was sent on 2021-04-29"), "{said}");
    assert!(again.pdf.contains("06.00.05-P16-1-21"));
}
