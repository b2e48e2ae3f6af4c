//! `rk lsp`: a Language Server over standard input and output. Every
//! finding of `rk check` for the meeting of an open file, computed from the
//! editor's unsaved text (an [`Overlay`] over the files on disk), with quick
//! fixes from the findings' help, completion, hover and the items as
//! symbols. The protocol is spoken by hand (JSON-RPC over `Content-Length`
//! frames, see `transport.rs`): rk needs a dozen of its messages.

mod assist;
mod meeting;
mod text;
mod transport;

use std::collections::HashMap;
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::{Value, json};

use crate::cmd::Outcome;
use crate::layout::Coverage;
use crate::publish::Analysis;
use crate::source::Overlay;
use transport::Incoming;

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;
const INVALID_PARAMS: i64 = -32602;
const INTERNAL_ERROR: i64 = -32603;
const NOT_INITIALIZED: i64 = -32002;

/// An error response: its code and message.
type Failure = (i64, String);

/// Serves until the client says `exit` or closes the input.
pub fn run() -> Result<Outcome> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut server = Server::new(Box::new(io::stdout()));
    loop {
        match transport::read(&mut input)? {
            Incoming::End => return Ok(Outcome::Success),
            Incoming::Malformed(why) => server.send(&failure(Value::Null, (PARSE_ERROR, why)))?,
            Incoming::Message(message) => {
                if let Some(outcome) = server.handle(message)? {
                    return Ok(outcome);
                }
            }
        }
    }
}

/// An open document: the client's URI for it and its text.
struct Doc {
    uri: String,
}

/// What the server remembers between messages.
pub struct Server {
    out: Box<dyn Write>,
    /// The open documents' text, by canonical path.
    overlay: Overlay,
    docs: HashMap<PathBuf, Doc>,
    /// The last diagnostics sent for each URI, so that only changes are sent.
    published: HashMap<String, Value>,
    /// The quick fixes of each URI's findings.
    fixes: HashMap<String, Vec<meeting::QuickFix>>,
    /// What each project's layout can typeset, by project root.
    coverage: HashMap<PathBuf, Coverage>,
    /// The latest analysis of each meeting, by its folder.
    analyses: HashMap<PathBuf, Analysis>,
    initialized: bool,
    shutdown: bool,
}

impl Server {
    fn new(out: Box<dyn Write>) -> Server {
        Server {
            out,
            overlay: Overlay::default(),
            docs: HashMap::new(),
            published: HashMap::new(),
            fixes: HashMap::new(),
            coverage: HashMap::new(),
            analyses: HashMap::new(),
            initialized: false,
            shutdown: false,
        }
    }

    fn send(&mut self, message: &Value) -> io::Result<()> {
        transport::write(&mut self.out, message)
    }

    fn log(&mut self, message: String) -> io::Result<()> {
        self.send(&json!({
            "jsonrpc": "2.0",
            "method": "window/logMessage",
            "params": { "type": 3, "message": message },
        }))
    }

    /// Handles one message; `Some` when the server is to stop.
    fn handle(&mut self, message: Value) -> io::Result<Option<Outcome>> {
        let id = message.get("id").cloned();
        let Some(method) = message.get("method").and_then(Value::as_str) else {
            // A response to a request of ours (none is made), or no message.
            if message.get("result").is_none() && message.get("error").is_none() {
                let why = "a message needs a `method`".to_string();
                self.send(&failure(id.unwrap_or(Value::Null), (INVALID_REQUEST, why)))?;
            }
            return Ok(None);
        };
        let method = method.to_string();
        let params = message.get("params").cloned().unwrap_or(Value::Null);
        let Some(id) = id else {
            return self.notification(&method, &params);
        };
        let answer = catch_unwind(AssertUnwindSafe(|| self.request(&method, &params)))
            .unwrap_or_else(|_| Err((INTERNAL_ERROR, format!("rk failed on {method}"))));
        let reply = match answer {
            Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
            Err(why) => failure(id, why),
        };
        self.send(&reply)?;
        Ok(None)
    }

    fn request(&mut self, method: &str, params: &Value) -> Result<Value, Failure> {
        if method == "initialize" {
            self.initialized = true;
            return Ok(capabilities());
        }
        if !self.initialized {
            return Err((NOT_INITIALIZED, "the server is not initialized".into()));
        }
        match method {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/codeAction" => self.code_actions(params),
            "textDocument/completion" => self.completion(params),
            "textDocument/hover" => self.hover(params),
            "textDocument/documentSymbol" => self.symbols(params),
            _ => Err((METHOD_NOT_FOUND, format!("rk does not know `{method}`"))),
        }
    }

    fn notification(&mut self, method: &str, params: &Value) -> io::Result<Option<Outcome>> {
        if method == "exit" {
            return Ok(Some(if self.shutdown {
                Outcome::Success
            } else {
                Outcome::Failed
            }));
        }
        let handled = catch_unwind(AssertUnwindSafe(|| match method {
            "textDocument/didOpen" => self.did_open(params),
            "textDocument/didChange" => self.did_change(params),
            "textDocument/didSave" => self.did_save(params),
            "textDocument/didClose" => self.did_close(params),
            _ => Ok(()),
        }));
        match handled {
            Ok(result) => result?,
            Err(_) => self.log(format!("rk failed on {method}"))?,
        }
        Ok(None)
    }
}

fn failure(id: Value, (code, message): Failure) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

fn capabilities() -> Value {
    json!({
        "capabilities": {
            "textDocumentSync": {
                "openClose": true,
                "change": 1,
                "save": { "includeText": false },
            },
            "codeActionProvider": { "codeActionKinds": ["quickfix"] },
            "completionProvider": { "triggerCharacters": [":", "[", ",", "-"] },
            "hoverProvider": true,
            "documentSymbolProvider": true,
        },
        "serverInfo": { "name": "rk", "version": env!("CARGO_PKG_VERSION") },
    })
}

/// The `textDocument.uri` of a message's parameters.
fn uri_param(params: &Value) -> Result<&str, Failure> {
    params
        .get("textDocument")
        .and_then(|d| d.get("uri"))
        .and_then(Value::as_str)
        .ok_or((INVALID_PARAMS, "`textDocument.uri` is missing".into()))
}

/// The canonical path of a document: its folder resolved (links
/// followed), its name kept, so that it matches the loader's paths.
fn canonical_doc(uri: &str) -> Option<PathBuf> {
    let path = text::path_of(uri)?;
    let parent = crate::paths::canonical(path.parent()?).ok()?;
    Some(parent.join(path.file_name()?))
}

/// The URI to publish a file's findings under: the client's own for an
/// open document, else one made from the path.
fn uri_for(docs: &HashMap<PathBuf, Doc>, path: &Path) -> String {
    docs.get(path)
        .map_or_else(|| text::uri_of(path), |doc| doc.uri.clone())
}
