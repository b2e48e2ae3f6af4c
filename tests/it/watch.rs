//! `rk watch`: builds, then rebuilds on every save, saying how long each
//! took; a save with findings keeps the last good outputs; `--serve` shows
//! the page in Chromium, which follows each rebuild and shows the findings
//! of a failed save over the page until the next save builds, while the
//! built file holds no script; a request for another host than the one
//! served is refused (DNS rebinding).
//!
//! What its tests show, one by one: `rk watch` rebuilds on a save and says how
//! long it took; a one-word edit is typeset in the world the first build made
//! (the line says `(engine kept)`, from the typesetter's count of worlds made);
//! a save with a finding reports it and leaves the outputs as they were; after
//! the edit is undone the outputs are byte for byte those of a fresh `rk
//! build`; the first build says `built`, not `rebuilt`; with `--serve`,
//! Chromium (tests/browser/live.mjs) shows an edit within a second of the save,
//! the served page carries the reload script and the built referat.html has
//! none; after a save with an error the served page (parsed) and Chromium show
//! the finding's file:line, source line and help, and after the fix no longer;
//! a request with `Host: attacker.example` (with or without the port), or with
//! none, is refused with 403 for the page, the PDF, the JSON and the build
//! number.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::browser::browser_tools;
use common::{example_copy, project_root, replace_in};
use scraper::{Html, Selector};

const ITEM: &str = "meetings/2020-11-25/03-eventuelt.md";

/// A running `rk watch`, its standard error read line by line.
struct Watch {
    child: Child,
    lines: Receiver<String>,
}

impl Watch {
    fn start(dir: &Path, extra: &[&str]) -> Watch {
        let mut child = common::rk_command()
            .args(["watch", "2020-11-25"])
            .args(extra)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rk watch starts");
        let stderr: ChildStderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines }
    }

    /// The lines up to and including the first that `last` accepts.
    fn until(&self, last: impl Fn(&str) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("rk watch said only: {seen:#?}"));
            let done = last(&line);
            seen.push(line);
            if done {
                return seen;
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_build_end(line: &str) -> bool {
    ["rebuilt in ", "not rebuilt (", "built in ", "not built ("]
        .iter()
        .any(|start| line.starts_with(start))
}

/// `rk watch --serve --port 0` on `dir`, after its first build: the watch
/// and the address it serves.
fn serve(dir: &Path) -> (Watch, String) {
    let watch = Watch::start(dir, &["--serve", "--port", "0"]);
    let started = watch.until(|l| l.starts_with("watching"));
    let address = started
        .iter()
        .find_map(|l| l.strip_prefix("serving http://"))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {started:#?}"))
        .to_string();
    (watch, address)
}

fn out_html(dir: &Path) -> PathBuf {
    dir.join("out/2020-11-25/referat.html")
}

#[test]
fn every_save_rebuilds_and_a_save_with_findings_keeps_the_last_outputs() {
    let dir = example_copy("watch-saves");
    let watch = Watch::start(&dir, &[]);
    let first = watch.until(|l| l.starts_with("watching"));
    // The first build is a build, not a rebuild, and makes the
    // typesetter's world.
    assert!(
        first
            .iter()
            .any(|l| l.starts_with("built in ") && l.ends_with(" ms")),
        "{first:#?}"
    );
    assert!(!first.iter().any(|l| l.contains("rebuilt")), "{first:#?}");
    let item = dir.join(ITEM);
    let original = std::fs::read_to_string(&item).unwrap();
    replace_in(&item, "viste en graf", "viste en ny graf");
    let rebuilt = watch.until(is_build_end);
    let last = rebuilt.last().unwrap();
    // A one-word edit: the typesetter made no new world, the engine with
    // its fonts and cache was kept.
    assert!(
        last.starts_with("rebuilt in ") && last.ends_with(" ms (engine kept)"),
        "{rebuilt:#?}"
    );
    let html = std::fs::read_to_string(out_html(&dir)).unwrap();
    assert!(html.contains("viste en ny graf"));
    let pdf = std::fs::read(dir.join("out/2020-11-25/referat.pdf")).unwrap();

    // A misspelt presenter: the finding, and the outputs stay as they were.
    replace_in(&item, "sag: none", "sag: none\npresenters: [Bo Fristd]");
    let failed = watch.until(is_build_end);
    let text = failed.join("\n");
    assert!(text.contains("error[unknown-person]"), "{text}");
    assert!(text.contains("did you mean `Bo Fristed`?"), "{text}");
    assert!(
        failed
            .last()
            .unwrap()
            .contains("the last good outputs stay")
    );
    assert_eq!(std::fs::read_to_string(out_html(&dir)).unwrap(), html);
    assert_eq!(
        std::fs::read(dir.join("out/2020-11-25/referat.pdf")).unwrap(),
        pdf
    );

    // Put right: the outputs of the engine kept between builds are byte
    // for byte those of a build from scratch.
    std::fs::write(&item, original).unwrap();
    let rebuilt = watch.until(is_build_end);
    assert!(
        rebuilt.last().unwrap().starts_with("rebuilt in ")
            && rebuilt.last().unwrap().ends_with("(engine kept)"),
        "{rebuilt:#?}"
    );
    let fresh = common::rk(&dir, &["build", "2020-11-25", "--out", "fresh"]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    for name in ["referat.pdf", "referat.html", "referat.json"] {
        assert!(
            std::fs::read(dir.join("out/2020-11-25").join(name)).unwrap()
                == std::fs::read(dir.join("fresh/2020-11-25").join(name)).unwrap(),
            "{name} of the watch differs from a fresh build"
        );
    }
}

/// One GET to `address` with the header `Host: host`: the response's
/// head and body.
fn request(address: &str, host: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).expect("the server listens");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response);
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

/// One GET on 127.0.0.1, as a browser asks for it: the response's body.
fn get(address: &str, path: &str) -> String {
    let (head, body) = request(address, address, path);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    body
}

/// DNS rebinding: a page of attacker.example, its name made to point at
/// 127.0.0.1, asks the watch for the draft; the browser sends the
/// attacker's name as `Host`, and the watch refuses (what `curl -H 'Host:
/// attacker.example' http://127.0.0.1:PORT/` sends). The page, the PDF
/// and the build number are all refused; localhost is answered.
#[test]
fn a_request_for_another_host_is_refused() {
    let dir = example_copy("watch-host");
    let (_watch, address) = serve(&dir);
    let port = address.rsplit(':').next().unwrap();
    for path in ["/", "/referat.pdf", "/referat.json", "/__rk/version"] {
        for host in [
            "attacker.example".to_string(),
            format!("attacker.example:{port}"),
        ] {
            let (head, body) = request(&address, &host, path);
            assert!(
                head.starts_with("HTTP/1.1 403 Forbidden"),
                "{host} {path}: {head}"
            );
            assert!(body.contains("refused"), "{body}");
            assert!(!body.contains("Bo Fristed"), "{body}");
        }
    }
    let (head, _) = request(&address, &format!("localhost:{port}"), "/");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // No Host at all (HTTP/1.0) is no address served either.
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(stream, "GET / HTTP/1.0\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 403"), "{response}");
}

/// A save with an error: the served page shows the findings (file, line,
/// message, help) over the last good page, and once a save builds again,
/// no more; over HTTP, and in Chromium as the referent sees it.
#[test]
fn a_failed_save_shows_its_findings_in_the_page() {
    const HELP: &str = "did you mean `Bo Fristed`?";
    let dir = example_copy("watch-findings");
    let (watch, address) = serve(&dir);
    assert!(!get(&address, "/").contains("rk-watch-findings"));
    let node = browser_tools().then(|| {
        let mut node = Command::new("node")
            .arg(project_root().join("tests/browser/live.mjs"))
            .arg(format!("http://{address}/"))
            // Shown, then gone.
            .args([HELP.to_string(), format!("-{HELP}")])
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs");
        let mut out = BufReader::new(node.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line, "loaded\n");
        (node, out)
    });
    let item = dir.join(ITEM);
    let original = std::fs::read_to_string(&item).unwrap();
    replace_in(&item, "sag: none", "sag: none\npresenters: [Bo Fristd]");
    let failed = watch.until(is_build_end);
    assert!(
        failed.last().unwrap().starts_with("not rebuilt ("),
        "{failed:#?}"
    );
    let page = Html::parse_document(&get(&address, "/"));
    let notice: String = page
        .select(&Selector::parse("#rk-watch-findings[role=alert]").unwrap())
        .next()
        .unwrap_or_else(|| panic!("no findings in the served page"))
        .text()
        .collect();
    for wanted in [
        "the last save was not built",
        "error[unknown-person]",
        "meetings/2020-11-25/03-eventuelt.md:5:",
        "presenters: [Bo Fristd]",
        "did you mean `Bo Fristed`?",
    ] {
        assert!(notice.contains(wanted), "{wanted:?} not in {notice}");
    }
    // The built file is the last good one, with no notice.
    assert!(
        !std::fs::read_to_string(out_html(&dir))
            .unwrap()
            .contains("rk-watch")
    );
    let node = node.map(|(node, mut out)| {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.starts_with("shown"), "{line}");
        (node, out)
    });

    std::fs::write(&item, original).unwrap();
    let rebuilt = watch.until(is_build_end);
    assert!(
        rebuilt.last().unwrap().starts_with("rebuilt in "),
        "{rebuilt:#?}"
    );
    let page = get(&address, "/");
    assert!(!page.contains("rk-watch-findings") && !page.contains("Bo Fristd"));
    if let Some((mut node, mut out)) = node {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(node.wait().unwrap().success(), "{line}");
        assert!(line.starts_with("gone"), "{line}");
    }
}

#[test]
fn the_served_page_follows_each_save_in_chromium() {
    let dir = example_copy("watch-serve");
    let (_watch, address) = serve(&dir);
    // The served page reloads itself; the built file has no script.
    let served = get(&address, "/");
    assert!(served.contains("/__rk/version"));
    let built = std::fs::read_to_string(out_html(&dir)).unwrap();
    assert!(!built.contains("<script") && !built.contains("__rk"));
    assert!(get(&address, "/referat.pdf").starts_with("%PDF"));
    if !browser_tools() {
        return;
    }
    let new_text = "Et helt nyt punkt om åbne data";
    let mut node = Command::new("node")
        .arg(project_root().join("tests/browser/live.mjs"))
        .arg(format!("http://{address}/"))
        .arg(new_text)
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut out = BufReader::new(node.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "loaded\n");
    let saved = Instant::now();
    replace_in(
        &dir.join(ITEM),
        "Bo Fristed viste",
        &format!("{new_text}. Bo Fristed viste"),
    );
    line.clear();
    out.read_line(&mut line).unwrap();
    let took = saved.elapsed();
    assert!(node.wait().unwrap().success(), "{line}");
    assert!(line.starts_with("shown"), "{line}");
    eprintln!("the page showed the edit {took:?} after the save");
    assert!(
        took < Duration::from_secs(1),
        "the page showed the edit after {took:?}"
    );
    let built = std::fs::read_to_string(out_html(&dir)).unwrap();
    assert!(built.contains(new_text));
    assert!(!built.contains("<script") && !built.contains("__rk"));
}

/// A first build with an error is "not built", not "not rebuilt", and the
/// served page, with nothing built to show, shows its findings; the save
/// that puts it right is the first build (and says so), and the page
/// shows the referat.
#[test]
fn a_first_build_with_an_error_is_not_built_and_the_page_shows_why() {
    let dir = example_copy("watch-first");
    let item = dir.join(ITEM);
    let original = std::fs::read_to_string(&item).unwrap();
    replace_in(&item, "sag: none", "sag: none\npresenters: [Bo Fristd]");
    let watch = Watch::start(&dir, &["--serve", "--port", "0"]);
    let started = watch.until(|l| l.starts_with("watching"));
    assert!(
        started
            .iter()
            .any(|l| l.starts_with("not built (") && l.ends_with("no outputs were written")),
        "{started:#?}"
    );
    assert!(
        !started.iter().any(|l| l.contains("rebuilt")),
        "{started:#?}"
    );
    let address = started
        .iter()
        .find_map(|l| l.strip_prefix("serving http://"))
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_string();
    let page = Html::parse_document(&get(&address, "/"));
    let notice: String = page
        .select(&Selector::parse("#rk-watch-findings").unwrap())
        .next()
        .unwrap_or_else(|| panic!("no findings in the served page"))
        .text()
        .collect();
    assert!(notice.contains("did you mean `Bo Fristed`?"), "{notice}");
    std::fs::write(&item, original).unwrap();
    let built = watch.until(is_build_end);
    assert!(built.last().unwrap().starts_with("built in "), "{built:#?}");
    let page = get(&address, "/");
    assert!(!page.contains("rk-watch-findings") && page.contains("Bo Fristed viste"));
}
