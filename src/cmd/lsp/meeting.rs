//! The documents the editor opens and changes, and the findings of their
//! meeting: analysed from the unsaved text, published for each file of
//! the meeting, with the quick fixes their help proposes.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use lsp_types::notification::PublishDiagnostics;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, NumberOrString, PublishDiagnosticsParams,
    Range, TextDocumentContentChangeEvent, TextEdit, Url, WorkspaceEdit,
};

use super::{Doc, Failure, Published, Server, canonical_doc, text, uri_for};
use crate::diag::{Diagnostic, Severity};
use crate::files::SourceFile;
use crate::project::Project;
use crate::publish::Analysis;
use crate::publish::analysis::{analyse_from, layout};
use crate::source::yaml;
use crate::tr;

/// A file of a meeting: the project, the meeting's folder (canonical) and
/// the file's own path in it.
pub struct MeetingHome {
    pub project: Project,
    pub dir: PathBuf,
}

/// The meeting that the file at `path` (canonical) belongs to: its
/// meeting.yaml or an item file directly in a meeting folder.
pub fn place(path: &Path) -> Option<MeetingHome> {
    let parent = path.parent()?;
    let name = path.file_name()?.to_str()?;
    if !(name == "meeting.yaml" || name.ends_with(".md")) || name == "README.md" {
        return None;
    }
    let project = crate::cmd::project_at(parent).ok()?;
    let dir = project.meeting_around(parent)?;
    (dir == parent).then_some(MeetingHome { project, dir })
}

/// A quick fix of one finding: the finding, and the edit.
pub struct QuickFix {
    diagnostic: lsp_types::Diagnostic,
    edit: TextEdit,
}

impl Server {
    pub(super) fn did_open(&mut self, params: DidOpenTextDocumentParams) -> io::Result<()> {
        let doc = params.text_document;
        self.update(doc.uri, |_| Some(doc.text))
    }

    pub(super) fn did_change(&mut self, params: DidChangeTextDocumentParams) -> io::Result<()> {
        let changes = params.content_changes;
        self.update(params.text_document.uri, |old| {
            let mut text = old?.to_string();
            for change in &changes {
                apply(&mut text, change)?;
            }
            Some(text)
        })
    }

    pub(super) fn did_save(&mut self, params: DidSaveTextDocumentParams) -> io::Result<()> {
        self.update(params.text_document.uri, |old| old.map(str::to_string))
    }

    pub(super) fn did_close(&mut self, params: DidCloseTextDocumentParams) -> io::Result<()> {
        let Some(path) = canonical_doc(&params.text_document.uri) else {
            return Ok(());
        };
        self.overlay.remove(&path);
        let uri = self.docs.remove(&path).map(|d| d.uri);
        match place(&path) {
            Some(place) => self.refresh(&place),
            // A file outside a meeting had no findings; nothing to clear.
            None => uri.map_or(Ok(()), |uri| self.publish(uri, path, Vec::new())),
        }
    }

    /// Sets a document's text to what `change` makes of the old one (`None`
    /// when the document was not open) and publishes its meeting's findings.
    fn update(
        &mut self,
        uri: Url,
        change: impl FnOnce(Option<&str>) -> Option<String>,
    ) -> io::Result<()> {
        let Some(path) = canonical_doc(&uri) else {
            return self.log(format!("{uri} is not a file rk can read"));
        };
        let Some(text) = change(self.overlay.get(&path)) else {
            return self.log(format!("{uri} is not open, or the change does not fit it"));
        };
        self.overlay.set(path.clone(), text);
        self.docs.insert(path.clone(), Doc { uri: uri.clone() });
        match place(&path) {
            Some(place) => self.refresh(&place),
            None => {
                self.log(format!(
                    "{uri} is not a file of a meeting in an rk project: no findings"
                ))?;
                self.publish(uri, path, Vec::new())
            }
        }
    }

    /// Analyses the meeting at `place` and publishes each of its files'
    /// findings that changed (an empty list for a file that has none left).
    pub(super) fn refresh(&mut self, place: &MeetingHome) -> io::Result<()> {
        let analysis = match self.analyse(place) {
            Ok(analysis) => analysis,
            Err(err) => return self.log(format!("cannot check {}: {err:#}", place.dir.display())),
        };
        let mut by_uri: HashMap<Url, Findings> = HashMap::new();
        for (_, file) in analysis.files.iter() {
            if let Some(uri) = uri_for(&self.docs, file.path()) {
                by_uri.entry(uri).or_insert_with(|| Findings::of(file));
            }
        }
        for diag in &analysis.diags {
            let file = analysis.files.get(diag.loc.file);
            let Some(findings) = uri_for(&self.docs, file.path()).and_then(|u| by_uri.get_mut(&u))
            else {
                continue;
            };
            let lsp = to_lsp(file, diag);
            findings.fixes.extend(quick_fix(file, diag, &lsp));
            findings.diagnostics.push(lsp);
        }
        // Files of this meeting that had findings and are gone or clean.
        let gone: Vec<(Url, PathBuf)> = self
            .published
            .iter()
            .filter(|(uri, p)| p.path.starts_with(&place.dir) && !by_uri.contains_key(*uri))
            .map(|(uri, p)| (uri.clone(), p.path.clone()))
            .collect();
        for (uri, path) in gone {
            self.fixes.remove(&uri);
            self.publish(uri, path, Vec::new())?;
        }
        for (uri, findings) in by_uri {
            self.fixes.insert(uri.clone(), findings.fixes);
            self.publish(uri, findings.path, findings.diagnostics)?;
        }
        self.analyses.insert(place.dir.clone(), analysis);
        Ok(())
    }
    pub(super) fn analyse(&mut self, place: &MeetingHome) -> anyhow::Result<Analysis> {
        let root = place.project.root.clone();
        if !self.coverage.contains_key(&root) {
            let layout = layout(&place.project, None, &root)?;
            self.coverage.insert(root.clone(), layout.coverage());
        }
        let coverage = &self.coverage[&root];
        analyse_from(
            &place.project,
            std::slice::from_ref(&place.dir),
            coverage,
            crate::model::Document::Minutes,
            &self.overlay,
        )
    }

    /// Sends a file's diagnostics, unless they are what was sent last (an
    /// open document's are sent on every change, as editors expect).
    fn publish(
        &mut self,
        uri: Url,
        path: PathBuf,
        diagnostics: Vec<lsp_types::Diagnostic>,
    ) -> io::Result<()> {
        let open = self.docs.values().any(|d| d.uri == uri);
        let last = self.published.get(&uri).map_or(&[][..], |p| &p.diagnostics);
        if !open && last == diagnostics.as_slice() {
            return Ok(());
        }
        if diagnostics.is_empty() {
            self.published.remove(&uri);
        } else {
            let diagnostics = diagnostics.clone();
            self.published
                .insert(uri.clone(), Published { path, diagnostics });
        }
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams::new(uri, diagnostics, None))
    }

    /// `textDocument/codeAction`: the quick fixes of the findings whose
    /// range meets the requested one.
    pub(super) fn code_actions(
        &mut self,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>, Failure> {
        let uri = params.text_document.uri;
        let wanted = params.range;
        let meets = |r: &Range| r.start <= wanted.end && wanted.start <= r.end;
        let actions = self
            .fixes
            .get(&uri)
            .into_iter()
            .flatten()
            .filter(|fix| meets(&fix.diagnostic.range))
            .map(|fix| {
                let changes = HashMap::from([(uri.clone(), vec![fix.edit.clone()])]);
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: tr!("cmd-lsp-fix", text = fix.edit.new_text.as_str()),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![fix.diagnostic.clone()]),
                    is_preferred: Some(true),
                    edit: Some(WorkspaceEdit::new(changes)),
                    ..CodeAction::default()
                })
            })
            .collect();
        Ok(Some(actions))
    }
}

/// The findings of one file, as they are gathered.
struct Findings {
    path: PathBuf,
    diagnostics: Vec<lsp_types::Diagnostic>,
    fixes: Vec<QuickFix>,
}

impl Findings {
    fn of(file: &SourceFile) -> Findings {
        Findings {
            path: file.path().to_path_buf(),
            diagnostics: Vec::new(),
            fixes: Vec::new(),
        }
    }
}

/// Applies one `contentChanges` entry: the whole text, or a range of it.
fn apply(text: &mut String, change: &TextDocumentContentChangeEvent) -> Option<()> {
    let Some(range) = change.range else {
        text.clone_from(&change.text);
        return Some(());
    };
    let (start, end) = (
        text::offset(text, range.start),
        text::offset(text, range.end),
    );
    if start > end {
        return None;
    }
    text.replace_range(start..end, &change.text);
    Some(())
}

/// A finding as an LSP diagnostic: rule as code, the help after the message.
fn to_lsp(file: &SourceFile, diag: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = diag.message.clone();
    if let Some(note) = &diag.note {
        message.push_str(&format!("\n{}: {note}", tr!("finding-note")));
    }
    if let Some(help) = &diag.help {
        message.push_str(&format!("\n{}: {help}", tr!("finding-help")));
    }
    lsp_types::Diagnostic {
        range: text::range(file, &diag.loc.span),
        severity: Some(match diag.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diag.rule.name().to_string())),
        source: Some("rk".to_string()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

/// The quick fix of a finding whose help is one edit. A replacement for a
/// value written in quotes is quoted too.
fn quick_fix(
    file: &SourceFile,
    diag: &Diagnostic,
    lsp: &lsp_types::Diagnostic,
) -> Option<QuickFix> {
    let fix = diag.fix.as_ref()?;
    let written = file.text().get(fix.span.clone())?;
    let quoted = written.starts_with(['"', '\'']) && !fix.text.starts_with(['"', '\'']);
    let new_text = if quoted {
        yaml::quoted(&fix.text)
    } else {
        fix.text.clone()
    };
    Some(QuickFix {
        diagnostic: lsp.clone(),
        edit: TextEdit::new(text::range(file, &fix.span), new_text),
    })
}
