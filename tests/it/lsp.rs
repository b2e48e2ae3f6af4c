//! `rk lsp` spoken to over its standard input and output, as an editor
//! does: findings of the unsaved text with exact ranges (UTF-16 columns),
//! quick fixes, completion, hover and symbols on a copy of the example
//! meeting; a PDF bilag's finding, read again when the file changes;
//! hostile input; and Neovim's own client attached to it.
//!
//! What its tests show, one by one: the protocol spoken to `rk lsp` on a copy
//! of the example: the findings of unsaved text with exact ranges (an `ø` and
//! an emoji before the name: UTF-16 columns), the quick fixes (a misspelt
//! presenter, a misspelt field, a short case number, a title holding `: `), a
//! change to meeting.yaml publishing an unopened item's finding and then
//! clearing it, completion, hover, symbols; a URI written otherwise than rk
//! writes it (every byte escaped, in lower case) read and answered as written,
//! and `file:///c%3A/…` refused on Linux; an untagged PDF bilag's
//! `inaccessible-pdf` finding, gone at the next edit once the file is exported
//! again with tags (the kept verdict follows the file); hostile input (not
//! JSON, no method, an unknown method, wrong parameters, a file outside the
//! project, a 10 MB document); and Neovim's own LSP client attached to `rk lsp`
//! reading back the finding of a misspelt presenter (byte columns).

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::{RK, example_copy};

const MEETING: &str = "meetings/2020-11-25";

/// A client of `rk lsp`: messages out, and every message in on a channel.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        Client::start_with(&[])
    }

    /// `rk lsp ARGS`, as a client that puts flags of its own on the
    /// command line starts it.
    fn start_with(args: &[&str]) -> Client {
        let mut child = common::rk_command()
            .arg("lsp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("rk lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend(body);
        self.send_raw(&frame);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response (the whole message).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.until(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// The first message that `wanted` accepts, within ten seconds.
    fn until(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        self.until_within(Duration::from_secs(10), wanted)
    }

    /// The first message that `wanted` accepts, within `time`.
    fn until_within(&self, time: Duration, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + time;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .incoming
                .recv_timeout(left)
                .expect("rk lsp answers in time");
            if wanted(&message) {
                return message;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        let message = self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self) -> Value {
        let reply = self.request("initialize", json!({ "capabilities": {} }));
        self.notify("initialized", json!({}));
        reply
    }

    fn open(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri(path), "languageId": "markdown", "version": 1, "text": text,
            }}),
        );
    }

    fn change(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri(path), "version": 2 },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    fn stop(mut self) {
        let reply = self.request("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "rk lsp exits 0 after shutdown and exit");
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The URI rk publishes for a file: of its real path, as `url` writes it.
fn uri(path: &Path) -> String {
    let real = path.parent().unwrap().canonicalize().unwrap();
    let path = real.join(path.file_name().unwrap());
    url::Url::from_file_path(path).unwrap().to_string()
}

fn range(line: u64, start: u64, end_line: u64, end: u64) -> Value {
    json!({ "start": { "line": line, "character": start }, "end": { "line": end_line, "character": end } })
}

fn position(line: u64, character: u64) -> Value {
    json!({ "line": line, "character": character })
}

/// The example meeting, and a later meeting that carries the case of item
/// 2.1 again (for hover).
/// VS Code's language client (vscode-languageclient, transport stdio)
/// starts the server with `--stdio` appended, a node server with
/// `--clientProcessId=PID` too: rk answers as without them. The
/// transports rk does not speak are refused, exit 2, with what to set.
#[test]
fn the_flags_of_vs_codes_client_are_accepted_and_other_transports_refused() {
    let dir = project("lsp-stdio");
    let (path, text) = item(&dir, "02-10-samtykke.md");
    let mut client = Client::start_with(&["--stdio", "--clientProcessId=4242"]);
    let reply = client.initialize();
    assert!(reply["result"]["capabilities"].is_object(), "{reply}");
    client.open(&path, &text.replace("Tom Bøgeskov", "Tom Bøgeskow"));
    let found = client.diagnostics(&uri(&path));
    assert_eq!(
        places(&found),
        [("unknown-person".to_string(), range(5, 44, 5, 56))]
    );
    client.stop();

    for flag in ["--node-ipc", "--socket=6009", "--pipe=/tmp/rk-lsp.sock"] {
        let run = common::rk(&dir, &["lsp", flag]);
        assert_eq!(run.code, 2, "{flag}: {}", run.stderr);
        let name = flag.split('=').next().unwrap();
        assert_eq!(
            run.stderr,
            format!(
                "error: rk lsp speaks over standard input and output only, not {name}: set the client's transport to stdio (in VS Code's languageclient: `transport: TransportKind.stdio`)\n"
            )
        );
    }
}

fn project(name: &str) -> PathBuf {
    let dir = example_copy(name);
    let later = dir.join("meetings/2020-12-09");
    std::fs::create_dir_all(&later).unwrap();
    let yaml = std::fs::read_to_string(dir.join(MEETING).join("meeting.yaml")).unwrap();
    std::fs::write(
        later.join("meeting.yaml"),
        yaml.replace("date: 2020-11-25", "date: 2020-12-09"),
    )
    .unwrap();
    std::fs::write(
        later.join("01-opfoelgning.md"),
        "---\nnumber: \"1\"\ntitle: Opfølgning på udvalgets arbejde\nsag: SAG-2019-04651\n---\nTekst.\n",
    )
    .unwrap();
    dir
}

fn item(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(MEETING).join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

/// The (code, range) of each diagnostic.
fn places(diagnostics: &[Value]) -> Vec<(String, Value)> {
    diagnostics
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone()))
        .collect()
}

fn code_actions(client: &mut Client, path: &Path, at: Value) -> Vec<Value> {
    let reply = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(path) },
            "range": at,
            "context": { "diagnostics": [] },
        }),
    );
    reply["result"].as_array().unwrap().clone()
}

/// The one edit of a quick fix: (range, new text).
fn edit_of(action: &Value, path: &Path) -> (Value, String) {
    let edits = &action["edit"]["changes"][uri(path)];
    assert_eq!(edits.as_array().unwrap().len(), 1, "{action}");
    (
        edits[0]["range"].clone(),
        edits[0]["newText"].as_str().unwrap().to_string(),
    )
}

#[test]
fn findings_of_the_unsaved_text_with_exact_ranges_and_quick_fixes() {
    let dir = project("lsp-findings");
    let (path, text) = item(&dir, "02-01-nyt-fra-udvalget.md");
    let mut client = Client::start();
    let init = client.initialize();
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1);
    assert_eq!(caps["hoverProvider"], true);

    // An ø before the misspelt name: UTF-16 columns, not bytes.
    let misspelt = text.replace(
        "presenters: [Christian Plaschke]",
        "presenters: [Tom Bøgeskov, Christian Plaschk]",
    );
    client.open(&path, &misspelt);
    let found = client.diagnostics(&uri(&path));
    assert_eq!(
        places(&found),
        [("unknown-person".to_string(), range(5, 27, 5, 44))]
    );
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["source"], "rk");
    assert_eq!(
        found[0]["message"],
        "the presenter Christian Plaschk is not among the people present\n\
         help: did you mean `Christian Plaschke`?"
    );
    let actions = code_actions(&mut client, &path, range(5, 30, 5, 30));
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["title"], "Write `Christian Plaschke`");
    assert_eq!(
        edit_of(&actions[0], &path),
        (range(5, 27, 5, 44), "Christian Plaschke".to_string())
    );
    // No fix where there is no finding.
    assert!(code_actions(&mut client, &path, range(2, 0, 2, 3)).is_empty());

    // An emoji (two UTF-16 units) before it, unsaved.
    client.change(
        &path,
        &text.replace(
            "presenters: [Christian Plaschke]",
            "presenters: [\"😀\", Christian Plaschk]",
        ),
    );
    let found = client.diagnostics(&uri(&path));
    assert!(
        places(&found).contains(&("unknown-person".to_string(), range(5, 19, 5, 36))),
        "{found:?}"
    );

    // A title that holds `: `: the fix quotes it.
    client.change(
        &path,
        &text.replace(
            "title: Nyt fra Udvalget for Arkitektur og Standarder",
            "title: Nyt fra Udvalget: status",
        ),
    );
    let found = client.diagnostics(&uri(&path));
    assert_eq!(places(&found), [("yaml".to_string(), range(2, 23, 2, 23))]);
    let actions = code_actions(&mut client, &path, range(2, 23, 2, 23));
    assert_eq!(
        edit_of(&actions[0], &path),
        (
            range(2, 7, 2, 31),
            "\"Nyt fra Udvalget: status\"".to_string()
        )
    );

    // A short case number and a misspelt field: padded, and the field meant.
    client.change(
        &path,
        &text
            .replace("sag: SAG-2019-04651", "sag: SAG-2019-4651")
            .replace("presenters:", "presentrs:"),
    );
    let found = client.diagnostics(&uri(&path));
    assert_eq!(
        places(&found),
        [
            ("bad-sag".to_string(), range(3, 5, 3, 18)),
            ("unknown-field".to_string(), range(5, 0, 5, 9)),
        ]
    );
    let actions = code_actions(&mut client, &path, range(3, 0, 5, 3));
    let edits: Vec<(Value, String)> = actions.iter().map(|a| edit_of(a, &path)).collect();
    assert_eq!(
        edits,
        [
            (range(3, 5, 3, 18), "SAG-2019-04651".to_string()),
            (range(5, 0, 5, 9), "presenters".to_string()),
        ]
    );

    // Fixed: the file's findings are cleared.
    client.change(&path, &text);
    assert_eq!(client.diagnostics(&uri(&path)), Vec::<Value>::new());
    client.stop();
}

/// An editor may escape more of a URI than it must (VS Code writes
/// `c%3A` for `c:`): rk finds the file, and answers under the URI exactly
/// as the editor wrote it, which is how the editor knows the file again.
#[test]
fn a_uri_written_another_way_is_read_and_answered_as_written() {
    let dir = project("lsp uri-æ ø+1");
    let (path, text) = item(&dir, "02-01-nyt-fra-udvalget.md");
    let real = path.parent().unwrap().canonicalize().unwrap();
    let real = real.join(path.file_name().unwrap());
    // Every byte but `/` escaped, in lower case.
    let escaped: String = real
        .to_str()
        .unwrap()
        .bytes()
        .map(|b| match b {
            b'/' => "/".to_string(),
            b => format!("%{b:02x}"),
        })
        .collect();
    let written = format!("file://{escaped}");
    assert_ne!(written, uri(&path));
    let mut client = Client::start();
    client.initialize();
    let misspelt = text.replace("[Christian Plaschke]", "[Christian Plaschk]");
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": written, "languageId": "markdown", "version": 1, "text": misspelt,
        }}),
    );
    let found = client.diagnostics(&written);
    assert_eq!(
        places(&found),
        [("unknown-person".to_string(), range(5, 13, 5, 30))]
    );
    let reply = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": written },
            "range": range(5, 20, 5, 20),
            "context": { "diagnostics": [] },
        }),
    );
    let edits = &reply["result"][0]["edit"]["changes"][&written];
    assert_eq!(edits[0]["newText"], "Christian Plaschke", "{reply}");
    // A drive letter names no file on this system: said, not guessed.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": "file:///c%3A/rk/meetings/2020-11-25/01.md",
            "languageId": "markdown", "version": 1, "text": "x",
        }}),
    );
    let log = client.until(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"].as_str().unwrap().contains("c%3A")
    });
    assert_eq!(
        log["params"]["message"],
        "file:///c%3A/rk/meetings/2020-11-25/01.md is not a file rk can read"
    );
    client.stop();
}

#[test]
fn a_change_to_meeting_yaml_updates_the_findings_of_every_item() {
    let dir = project("lsp-meeting-yaml");
    let (yaml_path, yaml) = item(&dir, "meeting.yaml");
    let (samtykke, _) = item(&dir, "02-10-samtykke.md");
    let mut client = Client::start();
    client.initialize();
    client.open(&yaml_path, &yaml);
    assert_eq!(client.diagnostics(&uri(&yaml_path)), Vec::<Value>::new());
    // Tom Bøgeskov presents item 2.10; renamed in the participant list,
    // unsaved, item 2.10 (not open) has a finding.
    client.change(&yaml_path, &yaml.replace("Tom Bøgeskov", "Tom Bøgeskow"));
    let found = client.diagnostics(&uri(&samtykke));
    assert_eq!(
        places(&found),
        [("unknown-person".to_string(), range(5, 44, 5, 56))]
    );
    // Put back: the item's findings are cleared.
    client.change(&yaml_path, &yaml);
    assert_eq!(client.diagnostics(&uri(&samtykke)), Vec::<Value>::new());
    client.stop();
}

fn completion(client: &mut Client, path: &Path, line: u64, character: u64) -> Vec<Value> {
    let reply = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri(path) }, "position": position(line, character) }),
    );
    let result = &reply["result"];
    // A list, or a CompletionList.
    let items = result.get("items").unwrap_or(result);
    items.as_array().unwrap().clone()
}

fn labelled<'a>(items: &'a [Value], label: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["label"] == label)
        .unwrap_or_else(|| panic!("no {label} in {items:?}"))
}

#[test]
fn completion_of_people_fields_and_case_references() {
    let dir = project("lsp-completion");
    let (path, text) = item(&dir, "02-01-nyt-fra-udvalget.md");
    let mut client = Client::start();
    client.initialize();
    let typing = text.replace(
        "presenters: [Christian Plaschke]\n",
        "presenters: [Tom Bøgeskov, Chr\npre\nsag: \n",
    );
    client.open(&path, &typing);
    client.diagnostics(&uri(&path));

    let people = completion(&mut client, &path, 5, 30);
    let christian = labelled(&people, "Christian Plaschke");
    assert_eq!(christian["textEdit"]["range"], range(5, 27, 5, 30));
    assert_eq!(christian["textEdit"]["newText"], "Christian Plaschke");
    assert_eq!(christian["detail"], "members");
    // Only people present: nobody from `absent`.
    assert!(!people.iter().any(|i| i["label"] == "Mette Harbo"));

    let fields = completion(&mut client, &path, 6, 3);
    let presenters = labelled(&fields, "presenters");
    assert_eq!(presenters["textEdit"]["newText"], "presenters: ");
    assert_eq!(presenters["textEdit"]["range"], range(6, 0, 6, 3));
    assert!(fields.iter().any(|i| i["label"] == "attachments"));

    let cases = completion(&mut client, &path, 7, 5);
    labelled(&cases, "SAG-2019-04651");
    labelled(&cases, "SAG-2019-02290");

    // In the body, nothing is completed.
    let body_line = typing.lines().position(|l| l == "## Indstilling").unwrap() as u64;
    assert!(completion(&mut client, &path, body_line, 3).is_empty());
    client.stop();
}

fn hover(client: &mut Client, path: &Path, line: u64, character: u64) -> Value {
    let reply = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(path) }, "position": position(line, character) }),
    );
    reply["result"].clone()
}

#[test]
fn hover_on_a_case_and_a_name_and_the_items_as_symbols() {
    let dir = project("lsp-hover");
    let (path, text) = item(&dir, "02-10-samtykke.md");
    let (nyt, _) = item(&dir, "02-01-nyt-fra-udvalget.md");
    let mut client = Client::start();
    client.initialize();
    client.open(&path, &text);
    client.diagnostics(&uri(&path));

    // `presenters: [Anne Kathrine Fjord Marschall, Tom Bøgeskov]`
    let tom = hover(&mut client, &path, 5, 50);
    assert_eq!(tom["range"], range(5, 44, 5, 56));
    assert_eq!(
        tom["contents"]["value"],
        "**Tom Bøgeskov** (guests)\n\norganisation: KOMBIT"
    );
    assert_eq!(hover(&mut client, &path, 6, 0), Value::Null);

    // Item 2.1's case, carried again on 2020-12-09.
    let (_, nyt_text) = item(&dir, "02-01-nyt-fra-udvalget.md");
    client.open(&nyt, &nyt_text);
    client.diagnostics(&uri(&nyt));
    let case = hover(&mut client, &nyt, 3, 9);
    assert_eq!(case["range"], range(3, 5, 3, 19));
    assert_eq!(
        case["contents"]["value"],
        "**SAG-2019-04651** in other meetings:\n\n\
         - 2020-12-09 item 1: Opfølgning på udvalgets arbejde"
    );

    let reply = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&path) } }),
    );
    let names: Vec<&str> = reply["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 16);
    assert_eq!(names[0], "1 Siden sidst");
    assert_eq!(
        names[2],
        "2.1 Nyt fra Udvalget for Arkitektur og Standarder"
    );
    assert_eq!(names[11], "2.10 Samtykke: Økosystem og Proof of Concept");
    assert_eq!(names[15], "3 Eventuelt");
    let first = &reply["result"][0]["location"];
    assert_eq!(
        first["uri"],
        uri(&dir.join(MEETING).join("01-siden-sidst.md"))
    );
    assert_eq!(first["range"], range(2, 7, 2, 18));
    client.stop();
}

#[test]
fn hostile_input_gives_errors_never_a_crash() {
    let dir = project("lsp-hostile");
    let mut client = Client::start();
    // Before initialize: refused.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.initialize();
    // Not JSON.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let bad = client.until(|m| m.get("error").is_some());
    assert_eq!(bad["error"]["code"], -32700);
    assert_eq!(bad["id"], Value::Null);
    // JSON, but no message.
    client.send(&json!([1, 2, 3]));
    let bad = client.until(|m| m.get("error").is_some());
    assert_eq!(bad["error"]["code"], -32600);
    // A length that is not a number.
    client.send_raw(b"Content-Length: many\r\n\r\n");
    let bad = client.until(|m| m.get("error").is_some());
    assert_eq!(bad["error"]["code"], -32700);
    // An unknown method; an unknown notification is ignored.
    let unknown = client.request("rk/teleport", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.notify("rk/whatever", json!({ "x": 1 }));
    // Parameters of the wrong shape.
    let wrong = client.request("textDocument/completion", json!({ "textDocument": 7 }));
    assert_eq!(wrong["error"]["code"], -32602);
    // A change to a file outside any project: no findings, said in the log.
    let outside = std::env::temp_dir().join("rk-lsp-outside.md");
    std::fs::write(&outside, "x").unwrap();
    client.change(&outside, "---\nnumber: 1\n---\n");
    let log = client.until(|m| m["method"] == "window/logMessage");
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("not open"),
        "{log}"
    );
    client.open(&outside, "---\nnumber: 1\n---\n");
    assert_eq!(client.diagnostics(&uri(&outside)), Vec::<Value>::new());
    // A document of 10 MB: its findings, in time.
    let (path, text) = item(&dir, "03-eventuelt.md");
    let mut big = text.clone();
    while big.len() < 10 * 1024 * 1024 {
        big.push_str("Bo Fristed viste en graf over æøå og 😀 i mange år.\n");
    }
    client.open(&path, &big);
    // A minute: the point is an answer, not a hang; the debug build on a
    // loaded 2-core CI machine took over ten seconds.
    let found = client.until_within(Duration::from_secs(60), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&path)
    })["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    assert!(found.iter().all(|d| d["range"]["start"]["line"].is_u64()));
    // Still serving.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&path) } }),
    );
    assert_eq!(symbols["result"].as_array().unwrap().len(), 16);
    client.stop();
}

/// Whether Neovim is at hand: skipped on a developer's machine without
/// it, a failure in CI (scripts/install-test-tools.sh installs it).
fn neovim() -> bool {
    let ready = Command::new("nvim").arg("--version").output().is_ok();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "Neovim is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!("SKIPPED: no nvim; run scripts/install-test-tools.sh");
    }
    ready
}

/// Neovim's client (vim.lsp.start from Neovim 0.8, start_client and
/// buf_attach_client before) started on `rk lsp`, attached to an item
/// opened from disk, writes the first diagnostic it is given to a JSON file.
const NEOVIM_SCRIPT: &str = r#"
local config = { name = "rk", cmd = { os.getenv("RK"), "lsp" }, root_dir = os.getenv("ROOT") }
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ITEM")))
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
end
local found = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
if found then
  local d = vim.diagnostic.get(0)[1]
  local lsp = (d.user_data or {}).lsp or {}
  out = {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    message = d.message, severity = d.severity, source = d.source,
    code = d.code or lsp.code,
  }
end
local file = io.open(os.getenv("OUT"), "w")
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd("qa!")
"#;

#[test]
fn neovim_shows_the_finding_of_a_misspelt_presenter() {
    if !neovim() {
        return;
    }
    let dir = project("lsp-neovim");
    let (path, text) = item(&dir, "02-01-nyt-fra-udvalget.md");
    std::fs::write(
        &path,
        text.replace(
            "presenters: [Christian Plaschke]",
            "presenters: [Tom Bøgeskov, Christian Plaschk]",
        ),
    )
    .unwrap();
    let script = dir.join("attach.lua");
    std::fs::write(&script, NEOVIM_SCRIPT).unwrap();
    let out = dir.join("diagnostic.json");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("RK", RK)
        .env("ROOT", &dir)
        .env("ITEM", &path)
        .env("OUT", &out)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("nvim runs");
    let written = std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote nothing: {}",
            String::from_utf8_lossy(&status.stderr)
        )
    });
    let diagnostic: Value = serde_json::from_str(&written).unwrap();
    // Neovim counts columns in bytes: the ø before the name is two.
    assert_eq!(
        diagnostic,
        json!({
            "lnum": 5, "col": 28, "end_lnum": 5, "end_col": 45,
            "message": "the presenter Christian Plaschk is not among the people present\n\
                        help: did you mean `Christian Plaschke`?",
            "severity": 1, "source": "rk", "code": "unknown-person",
        })
    );
}

#[test]
fn completion_of_a_votes_fields_members_and_group_letters() {
    let dir = common::project_copy("tests/fixtures/bodies/byraad", "lsp-votes");
    let path = dir.join("meetings/2024-05-29/43-skolestruktur.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let typing = text.replace(
        "    against: [Ø]\n    counts: { for: 8, against: 1 }\n",
        "    against: [Ø, Jens\n    outc\n",
    );
    let line = |start: &str| typing.lines().position(|l| l.starts_with(start)).unwrap() as u64;
    let mut client = Client::start();
    client.initialize();
    client.open(&path, &typing);
    client.diagnostics(&uri(&path));

    let voters = completion(&mut client, &path, line("    against: [Ø, Jens"), 21);
    let jens = labelled(&voters, "Jens Vestergaard");
    assert_eq!(jens["detail"], "members");
    let letter = labelled(&voters, "Ø");
    assert_eq!(letter["detail"], "Enhedslisten");
    // Only members: not the kommunaldirektør under `others`.
    assert!(!voters.iter().any(|i| i["label"] == "Helle Thorsen"));

    let fields = completion(&mut client, &path, line("    outc"), 8);
    let outcome = labelled(&fields, "outcome");
    assert_eq!(outcome["textEdit"]["newText"], "outcome: ");
    labelled(&fields, "abstained");
    client.stop();
}

/// A `markdown-slip` of the unsaved text arrives like any finding, and its
/// quick fix puts the target with spaces in angle brackets.
#[test]
fn a_link_with_spaces_is_a_finding_with_its_fix() {
    let dir = project("lsp-markdown-slip");
    let (path, text) = item(&dir, "03-eventuelt.md");
    let mut client = Client::start();
    client.initialize();
    let slip = format!("{text}\nSe [bilag 1](bilag/Bilag 1 - Notat om støj.pdf).\n");
    let line = slip.lines().count() as u64 - 1;
    client.open(&path, &slip);
    let found = client.diagnostics(&uri(&path));
    assert_eq!(
        places(&found),
        [("markdown-slip".to_string(), range(line, 13, line, 46))]
    );
    assert_eq!(found[0]["severity"], 2);
    let actions = code_actions(&mut client, &path, range(line, 20, line, 20));
    assert_eq!(
        edit_of(&actions[0], &path),
        (
            range(line, 13, line, 46),
            "<bilag/Bilag 1 - Notat om støj.pdf>".to_string()
        )
    );
    client.change(&path, &text);
    assert_eq!(client.diagnostics(&uri(&path)), Vec::<Value>::new());
    client.stop();
}

#[test]
fn an_untagged_bilag_is_a_finding_until_it_is_exported_again_with_tags() {
    let dir = project("lsp-bilag-pdf");
    let (path, text) = item(&dir, "03-eventuelt.md");
    let bilag = dir.join(MEETING).join("bilag/notat.pdf");
    std::fs::create_dir_all(bilag.parent().unwrap()).unwrap();
    std::fs::write(&bilag, crate::bilag_pdf::tiny_pdf(false, false, "Notat")).unwrap();
    let attached = text.replacen(
        "sag: none\n",
        "sag: none\nattachments:\n  - { file: bilag/notat.pdf, title: Notat }\n",
        1,
    );
    let mut client = Client::start();
    client.initialize();
    client.open(&path, &attached);
    let found = client.diagnostics(&uri(&path));
    assert_eq!(
        places(&found),
        [("inaccessible-pdf".to_string(), range(5, 12, 5, 27))]
    );
    assert_eq!(found[0]["severity"], 2);
    // Exported again with tags and a language; the next edit sees it,
    // though the process read the file before.
    std::fs::write(&bilag, crate::bilag_pdf::tiny_pdf(true, true, "Notat")).unwrap();
    client.change(&path, &format!("{attached}\nNyt afsnit.\n"));
    assert_eq!(client.diagnostics(&uri(&path)), Vec::<Value>::new());
    client.stop();
}
