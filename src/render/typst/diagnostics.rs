//! The engine's messages as findings, placed in the sources where they can
//! be, else in the layout or the generated document.

use std::path::{Path, PathBuf};

use crate::check::glyphs;
use crate::diag::{Diagnostic, Loc, Rule, Severity};
use crate::files::Files;
use crate::layout::Layout;
use crate::model::Meeting;
use crate::tr;

use super::world::LAYOUT_ROOT;
use super::{EngineMessage, EnginePlace, TypstDocument};

/// The name of the generated document in a finding when it was not
/// written out: it says what the text is, and is no file on disk.
pub fn unwritten() -> String {
    tr!("items-typeset-unwritten")
}

/// What the engine typeset: the meeting, its layout and the generated
/// document, and where `--emit-typst` wrote that document, if it did.
pub struct Origin<'a> {
    pub meeting: &'a Meeting,
    pub layout: &'a Layout,
    pub document: &'a TypstDocument,
    pub emitted: Option<&'a Path>,
}

impl Origin<'_> {
    /// The engine's messages as findings of `severity`; the files they
    /// point at outside the sources are added to `files`.
    pub fn findings(
        &self,
        messages: Vec<EngineMessage>,
        severity: Severity,
        files: &mut Files,
    ) -> Vec<Diagnostic> {
        messages
            .into_iter()
            .map(|message| Diagnostic {
                severity,
                ..self.finding(message, files)
            })
            .collect()
    }

    /// An engine message as a finding: at the place in the sources it is
    /// about where it can be placed, else in the layout or the generated
    /// document.
    fn finding(&self, message: EngineMessage, files: &mut Files) -> Diagnostic {
        let meeting = self.meeting;
        let at = message.source_loc(meeting, files);
        let EngineMessage {
            message,
            mut hints,
            place,
            glyph,
        } = message;
        let loc = match (at, place) {
            (Some(loc), _) => Some(loc),
            (None, EnginePlace::Item { .. }) => None,
            (None, EnginePlace::Layout { path, text, range }) => {
                let file = files.add(self.layout_path(&path), text);
                Some(Loc::new(file, range))
            }
            (None, EnginePlace::Generated(range)) => {
                let path = match self.emitted {
                    Some(path) => path.to_path_buf(),
                    None => {
                        hints.push(tr!("items-typeset-generated-hint"));
                        PathBuf::from(unwritten())
                    }
                };
                let file = files.add(path, self.document.source.clone());
                Some(Loc::new(file, range))
            }
            (None, EnginePlace::Meeting(path)) => {
                let file = files.add(meeting.dir.join(path), String::new());
                Some(Loc::new(file, 0..0))
            }
            (None, EnginePlace::Nowhere) => None,
        };
        let loc = loc.unwrap_or_else(|| Loc::new(meeting.file, 0..0));
        if let Some(glyph) = &glyph {
            // The same finding as `rk check` gives.
            return glyphs::finding(glyph, loc, &self.layout.name);
        }
        let help = (!hints.is_empty()).then(|| hints.join("; "));
        Diagnostic::error(Rule::Typeset, loc, tr!("items-typeset", message = message))
            .with_help_opt(help)
    }

    /// A layout file as a finding names it: under the layout's folder, or
    /// the built-in layout's name.
    fn layout_path(&self, path: &str) -> PathBuf {
        let path = path.trim_start_matches('/');
        let path = path.strip_prefix(LAYOUT_ROOT).unwrap_or(path);
        PathBuf::from(if self.layout.name == "kl" {
            format!(
                "{}{path}",
                tr!("items-typeset-built-in-layout", name = "kl")
            )
        } else {
            format!("{}{path}", self.layout.name)
        })
    }
}
