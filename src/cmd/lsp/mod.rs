//! `rk lsp`: a Language Server over standard input and output. Every
//! finding of `rk check` for the meeting of an open file, computed from the
//! editor's unsaved text (an [`Overlay`] over the files on disk), with quick
//! fixes from the findings' help, completion, hover and the items as
//! symbols. The messages are lsp-types' (each request and notification rk
//! handles, by its type), the framing is `transport.rs`, URIs and
//! positions are `text.rs`.

mod assist;
mod meeting;
mod text;
mod transport;

use std::collections::HashMap;
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::Result;
use lsp_types::notification::{self as note, Notification};
use lsp_types::request::{self as req, Request};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeResult, LogMessageParams, MessageType, OneOf, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde_json::Value;

use crate::cli::LspArgs;
use crate::cmd::Outcome;
use crate::layout::Coverage;
use crate::publish::Analysis;
use crate::source::Overlay;
use transport::{
    Failure, INTERNAL_ERROR, INVALID_REQUEST, Incoming, METHOD_NOT_FOUND, Message, NOT_INITIALIZED,
    Reply,
};

/// Serves until the client says `exit` or closes the input.
pub fn run(args: &LspArgs) -> Result<Outcome> {
    if let Some(flag) = args.other_transport() {
        anyhow::bail!(crate::tr!("error-lsp-stdio-only", flag = flag));
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut server = Server::new(Box::new(io::stdout()));
    loop {
        match transport::read(&mut input)? {
            Incoming::End => return Ok(Outcome::Success),
            Incoming::Malformed(why) => transport::respond(&mut server.out, None, why.into())?,
            Incoming::Message(message) => {
                if let Some(outcome) = server.handle(message)? {
                    return Ok(outcome);
                }
            }
        }
    }
}

/// An open document: the client's URI for it, kept as the client wrote it
/// (`file:///c%3A/...` stays so), to publish its findings under.
struct Doc {
    uri: Url,
}

/// The findings last published for a URI, and the file they are of.
struct Published {
    path: PathBuf,
    diagnostics: Vec<lsp_types::Diagnostic>,
}

/// What the server remembers between messages.
pub struct Server {
    out: Box<dyn Write>,
    /// The open documents' text, by canonical path.
    overlay: Overlay,
    docs: HashMap<PathBuf, Doc>,
    /// The last diagnostics sent for each URI, so that only changes are sent.
    published: HashMap<Url, Published>,
    /// The quick fixes of each URI's findings.
    fixes: HashMap<Url, Vec<meeting::QuickFix>>,
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

    fn notify<N: Notification>(&mut self, params: N::Params) -> io::Result<()> {
        transport::notify::<N>(&mut self.out, params)
    }

    fn log(&mut self, message: String) -> io::Result<()> {
        let typ = MessageType::INFO;
        self.notify::<note::LogMessage>(LogMessageParams { typ, message })
    }

    /// Handles one message; `Some` when the server is to stop.
    fn handle(&mut self, message: Message) -> io::Result<Option<Outcome>> {
        let Some(method) = message.method else {
            // A response to a request of ours (none is made), or no message.
            if message.result.is_none() && message.error.is_none() {
                let why = (INVALID_REQUEST, "a message needs a `method`".to_string());
                transport::respond(&mut self.out, message.id.as_ref(), why.into())?;
            }
            return Ok(None);
        };
        let Some(id) = message.id else {
            return self.notification(&method, message.params);
        };
        let params = message.params;
        let answer = catch_unwind(AssertUnwindSafe(|| self.request(&method, params)))
            .unwrap_or_else(|_| Err((INTERNAL_ERROR, format!("rk failed on {method}"))));
        let reply = answer.map_or_else(Reply::from, Reply::Result);
        transport::respond(&mut self.out, Some(&id), reply)?;
        Ok(None)
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        if method == req::Initialize::METHOD {
            return answer::<req::Initialize>(self, params, |server, _| {
                server.initialized = true;
                Ok(initialize_result())
            });
        }
        if !self.initialized {
            return Err((NOT_INITIALIZED, "the server is not initialized".into()));
        }
        match method {
            req::Shutdown::METHOD => answer::<req::Shutdown>(self, params, |server, ()| {
                server.shutdown = true;
                Ok(())
            }),
            req::CodeActionRequest::METHOD => {
                answer::<req::CodeActionRequest>(self, params, Server::code_actions)
            }
            req::Completion::METHOD => answer::<req::Completion>(self, params, Server::completion),
            req::HoverRequest::METHOD => answer::<req::HoverRequest>(self, params, Server::hover),
            req::DocumentSymbolRequest::METHOD => {
                answer::<req::DocumentSymbolRequest>(self, params, Server::symbols)
            }
            _ => Err((METHOD_NOT_FOUND, format!("rk does not know `{method}`"))),
        }
    }

    fn notification(&mut self, method: &str, params: Value) -> io::Result<Option<Outcome>> {
        if method == note::Exit::METHOD {
            return Ok(Some(if self.shutdown {
                Outcome::Success
            } else {
                Outcome::Failed
            }));
        }
        let handled = catch_unwind(AssertUnwindSafe(|| match method {
            note::DidOpenTextDocument::METHOD => {
                take::<note::DidOpenTextDocument>(self, params, Server::did_open)
            }
            note::DidChangeTextDocument::METHOD => {
                take::<note::DidChangeTextDocument>(self, params, Server::did_change)
            }
            note::DidSaveTextDocument::METHOD => {
                take::<note::DidSaveTextDocument>(self, params, Server::did_save)
            }
            note::DidCloseTextDocument::METHOD => {
                take::<note::DidCloseTextDocument>(self, params, Server::did_close)
            }
            // `initialized`, `$/cancelRequest` and the like need nothing.
            _ => Ok(()),
        }));
        match handled {
            Ok(result) => result?,
            Err(_) => self.log(format!("rk failed on {method}"))?,
        }
        Ok(None)
    }
}

/// The request `R` answered by `handler`: its parameters read as
/// `R::Params` (an error response if they do not fit), its result written.
fn answer<R: Request>(
    server: &mut Server,
    params: Value,
    handler: impl FnOnce(&mut Server, R::Params) -> Result<R::Result, Failure>,
) -> Result<Value, Failure> {
    let params = serde_json::from_value(params).map_err(|err| {
        let why = format!("the parameters of {} do not fit: {err}", R::METHOD);
        (transport::INVALID_PARAMS, why)
    })?;
    let result = handler(server, params)?;
    serde_json::to_value(result).map_err(|err| (INTERNAL_ERROR, err.to_string()))
}

/// The notification `N` taken by `handler`; parameters that do not fit
/// are said in the log (a notification has no answer).
fn take<N: Notification>(
    server: &mut Server,
    params: Value,
    handler: impl FnOnce(&mut Server, N::Params) -> io::Result<()>,
) -> io::Result<()> {
    match serde_json::from_value(params) {
        Ok(params) => handler(server, params),
        Err(err) => server.log(format!("the parameters of {} do not fit: {err}", N::METHOD)),
    }
}

fn initialize_result() -> InitializeResult {
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::FULL),
        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
            include_text: Some(false),
        })),
        ..TextDocumentSyncOptions::default()
    };
    let code_actions = CodeActionOptions {
        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
        ..CodeActionOptions::default()
    };
    let completion = CompletionOptions {
        trigger_characters: Some([":", "[", ",", "-"].map(String::from).to_vec()),
        ..CompletionOptions::default()
    };
    InitializeResult {
        capabilities: ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
            code_action_provider: Some(CodeActionProviderCapability::Options(code_actions)),
            completion_provider: Some(completion),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "rk".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    }
}

/// The canonical path of a document: its folder resolved (links
/// followed), its name kept, so that it matches the loader's paths.
fn canonical_doc(uri: &Url) -> Option<PathBuf> {
    let path = text::path_of(uri)?;
    let parent = crate::paths::canonical(path.parent()?).ok()?;
    Some(parent.join(path.file_name()?))
}

/// The URI to publish a file's findings under: the client's own for an
/// open document, else one made from the path.
fn uri_for(docs: &HashMap<PathBuf, Doc>, path: &Path) -> Option<Url> {
    match docs.get(path) {
        Some(doc) => Some(doc.uri.clone()),
        None => text::uri_of(path),
    }
}
