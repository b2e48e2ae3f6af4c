//! The documents the editor opens and changes, and the findings of their
//! meeting: analysed from the unsaved text, published for each file of
//! the meeting, with the quick fixes their help proposes.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{Doc, Failure, INVALID_PARAMS, Server, canonical_doc, text, uri_for, uri_param};
use crate::diag::{Diagnostic, Severity};
use crate::files::SourceFile;
use crate::project::Project;
use crate::publish::Analysis;
use crate::publish::analysis::{analyse_from, layout};
use crate::source::yaml;

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
    let project = Project::discover(parent).ok()?;
    let dir = project.meeting_around(parent)?;
    (dir == parent).then_some(MeetingHome { project, dir })
}

/// A quick fix of one finding: where the finding is (LSP range), and the
/// edit.
pub struct QuickFix {
    range: Value,
    diagnostic: Value,
    edit_range: Value,
    new_text: String,
}

impl Server {
    pub(super) fn did_open(&mut self, params: &Value) -> io::Result<()> {
        let doc = params.get("textDocument");
        let uri = doc.and_then(|d| d.get("uri")).and_then(Value::as_str);
        let text = doc.and_then(|d| d.get("text")).and_then(Value::as_str);
        let (Some(uri), Some(text)) = (uri, text) else {
            return self.log("didOpen without a document".into());
        };
        self.update(uri, |_| Some(text.to_string()))
    }

    pub(super) fn did_change(&mut self, params: &Value) -> io::Result<()> {
        let Ok(uri) = uri_param(params) else {
            return self.log("didChange without a document".into());
        };
        let changes = params
            .get("contentChanges")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        self.update(uri, |old| {
            let mut text = old?.to_string();
            for change in &changes {
                apply(&mut text, change)?;
            }
            Some(text)
        })
    }

    pub(super) fn did_save(&mut self, params: &Value) -> io::Result<()> {
        let Ok(uri) = uri_param(params) else {
            return Ok(());
        };
        self.update(uri, |old| old.map(str::to_string))
    }

    pub(super) fn did_close(&mut self, params: &Value) -> io::Result<()> {
        let Some(path) = uri_param(params).ok().and_then(canonical_doc) else {
            return Ok(());
        };
        self.overlay.remove(&path);
        let uri = self.docs.remove(&path).map(|d| d.uri);
        match place(&path) {
            Some(place) => self.refresh(&place),
            // A file outside a meeting had no findings; nothing to clear.
            None => uri.map_or(Ok(()), |uri| self.publish(&uri, json!([]))),
        }
    }

    /// Sets a document's text to what `change` makes of the old one (`None`
    /// when the document was not open) and publishes its meeting's findings.
    fn update(
        &mut self,
        uri: &str,
        change: impl FnOnce(Option<&str>) -> Option<String>,
    ) -> io::Result<()> {
        let Some(path) = canonical_doc(uri) else {
            return self.log(format!("{uri} is not a file rk can read"));
        };
        let Some(text) = change(self.overlay.get(&path)) else {
            return self.log(format!("{uri} is not open, or the change does not fit it"));
        };
        self.overlay.set(path.clone(), text);
        self.docs.insert(
            path.clone(),
            Doc {
                uri: uri.to_string(),
            },
        );
        match place(&path) {
            Some(place) => self.refresh(&place),
            None => {
                self.log(format!(
                    "{uri} is not a file of a meeting in an rk project: no findings"
                ))?;
                self.publish(uri, json!([]))
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
        let mut by_uri: HashMap<String, (Vec<Value>, Vec<QuickFix>)> = HashMap::new();
        for (_, file) in analysis.files.iter() {
            by_uri.entry(uri_for(&self.docs, file.path())).or_default();
        }
        for diag in &analysis.diags {
            let file = analysis.files.get(diag.loc.file);
            let entry = by_uri.entry(uri_for(&self.docs, file.path())).or_default();
            let lsp = to_lsp(file, diag);
            if let Some(fix) = quick_fix(file, diag, &lsp) {
                entry.1.push(fix);
            }
            entry.0.push(lsp);
        }
        // Files of this meeting that had findings and are gone or clean.
        let prefix = text::uri_of(&place.dir) + "/";
        let gone: Vec<String> = self
            .published
            .keys()
            .filter(|uri| uri.starts_with(&prefix) && !by_uri.contains_key(*uri))
            .cloned()
            .collect();
        for uri in gone {
            self.fixes.remove(&uri);
            self.publish(&uri, json!([]))?;
        }
        for (uri, (diagnostics, fixes)) in by_uri {
            self.fixes.insert(uri.clone(), fixes);
            self.publish(&uri, Value::Array(diagnostics))?;
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
    fn publish(&mut self, uri: &str, diagnostics: Value) -> io::Result<()> {
        let open = self.docs.values().any(|d| d.uri == uri);
        let last = self.published.get(uri).cloned().unwrap_or(json!([]));
        if !open && last == diagnostics {
            return Ok(());
        }
        if diagnostics.as_array().is_some_and(Vec::is_empty) {
            self.published.remove(uri);
        } else {
            self.published.insert(uri.to_string(), diagnostics.clone());
        }
        self.send(&json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": { "uri": uri, "diagnostics": diagnostics },
        }))
    }

    /// `textDocument/codeAction`: the quick fixes of the findings whose
    /// range meets the requested one.
    pub(super) fn code_actions(&mut self, params: &Value) -> Result<Value, Failure> {
        let uri = uri_param(params)?;
        let wanted = params
            .get("range")
            .and_then(span_of)
            .ok_or((INVALID_PARAMS, "`range` is missing".to_string()))?;
        let actions: Vec<Value> = self
            .fixes
            .get(uri)
            .into_iter()
            .flatten()
            .filter(|fix| span_of(&fix.range).is_some_and(|r| r.0 <= wanted.1 && wanted.0 <= r.1))
            .map(|fix| {
                json!({
                    "title": format!("Write `{}`", fix.new_text),
                    "kind": "quickfix",
                    "diagnostics": [fix.diagnostic],
                    "isPreferred": true,
                    "edit": { "changes": { uri: [{ "range": fix.edit_range, "newText": fix.new_text }] } },
                })
            })
            .collect();
        Ok(Value::Array(actions))
    }
}

/// A range as two (line, character) pairs.
type Span = ((u64, u64), (u64, u64));

fn span_of(range: &Value) -> Option<Span> {
    let point = |p: &Value| Some((p.get("line")?.as_u64()?, p.get("character")?.as_u64()?));
    Some((point(range.get("start")?)?, point(range.get("end")?)?))
}

/// Applies one `contentChanges` entry: the whole text, or a range of it.
fn apply(text: &mut String, change: &Value) -> Option<()> {
    let new = change.get("text")?.as_str()?;
    let Some(range) = change.get("range") else {
        *text = new.to_string();
        return Some(());
    };
    let ((line, character), (end_line, end_character)) = span_of(range)?;
    let at = |l: u64, c: u64| text::offset(text, l as usize, c as usize);
    let (start, end) = (at(line, character), at(end_line, end_character));
    if start > end {
        return None;
    }
    text.replace_range(start..end, new);
    Some(())
}

/// A finding as an LSP diagnostic: rule as code, the help after the message.
fn to_lsp(file: &SourceFile, diag: &Diagnostic) -> Value {
    let mut message = diag.message.clone();
    if let Some(help) = &diag.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    json!({
        "range": text::range(file, &diag.loc.span),
        "severity": match diag.severity { Severity::Error => 1, Severity::Warning => 2 },
        "code": diag.rule.name(),
        "source": "rk",
        "message": message,
    })
}

/// The quick fix of a finding whose help is one edit. A replacement for a
/// value written in quotes is quoted too.
fn quick_fix(file: &SourceFile, diag: &Diagnostic, lsp: &Value) -> Option<QuickFix> {
    let fix = diag.fix.as_ref()?;
    let written = file.text().get(fix.span.clone())?;
    let quoted = written.starts_with(['"', '\'']) && !fix.text.starts_with(['"', '\'']);
    Some(QuickFix {
        range: lsp["range"].clone(),
        diagnostic: lsp.clone(),
        edit_range: text::range(file, &fix.span),
        new_text: if quoted {
            yaml::quoted(&fix.text)
        } else {
            fix.text.clone()
        },
    })
}
