//! Findings about the user's sources, and their three renderings:
//! human (rustc-style snippets), JSON Lines and GitHub workflow annotations.

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use crate::files::{FileId, Files};
pub use crate::rules::{Rule, Severity};
use crate::tr;

/// Where a finding points: a byte range in one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub file: FileId,
    pub span: Range<usize>,
}

impl Loc {
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Loc { file, span }
    }
}

/// One finding about the sources. Checks push these; none stops the run.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub loc: Loc,
    pub message: String,
    pub help: Option<String>,
    /// Words of another's under the message: the YAML parser's own, below
    /// rk's plain sentence.
    pub note: Option<String>,
    /// The edit the help proposes, when it is one replacement in the
    /// finding's file (a did-you-mean name, a padded case number, a quoted
    /// value): what `rk lsp` offers as a quick fix.
    pub fix: Option<Fix>,
}

/// A replacement of the bytes `span` (in the finding's file) by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub text: String,
}

impl Diagnostic {
    pub fn error(rule: Rule, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Error,
            loc,
            message: message.into(),
            help: None,
            note: None,
            fix: None,
        }
    }

    pub fn warning(rule: Rule, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(rule, loc, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The help's edit: `text` in place of the finding's own span.
    pub fn with_fix(mut self, text: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span: self.loc.span.clone(),
            text: text.into(),
        });
        self
    }
}

/// The JSON Lines record of a finding: what `--format json` prints.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub rule: Rule,
    pub severity: Severity,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// Only on a finding that has one (the YAML parser's own words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

impl<'a> Record<'a> {
    pub fn new(files: &'a Files, diag: &'a Diagnostic) -> Self {
        let file = files.get(diag.loc.file);
        let (line, column) = file.line_col(diag.loc.span.start);
        let (end_line, end_column) = file.line_col(diag.loc.span.end);
        Record {
            rule: diag.rule,
            severity: diag.severity,
            file: file.display(),
            line,
            column,
            end_line,
            end_column,
            message: &diag.message,
            help: diag.help.as_deref(),
            note: diag.note.as_deref(),
        }
    }
}

/// Sorts findings by file, then position, then rule, so output is stable.
pub fn sort(files: &Files, diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let fa = files.get(a.loc.file).display();
        let fb = files.get(b.loc.file).display();
        fa.cmp(fb)
            .then(a.loc.span.start.cmp(&b.loc.span.start))
            .then(a.rule.cmp(&b.rule))
            .then(a.message.cmp(&b.message))
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagnosticFormat {
    Human,
    Json,
    Github,
}

/// Writes findings in the chosen format. Human text goes to `human_out`
/// (standard error), machine formats to `machine_out` (standard output).
pub fn emit(
    format: DiagnosticFormat,
    files: &Files,
    diags: &[Diagnostic],
    color: bool,
    human_out: &mut dyn Write,
    machine_out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        DiagnosticFormat::Human => {
            for diag in diags {
                human_out.write_all(render_human(files, diag, color).as_bytes())?;
            }
        }
        DiagnosticFormat::Json => {
            for diag in diags {
                let line =
                    serde_json::to_string(&Record::new(files, diag)).map_err(io::Error::other)?;
                writeln!(machine_out, "{line}")?;
            }
        }
        DiagnosticFormat::Github => {
            for diag in diags {
                writeln!(machine_out, "{}", render_github(files, diag))?;
            }
        }
    }
    Ok(())
}

/// rustc-style text: header, `file:line:col`, the source line with a marker,
/// and the help line.
pub fn render_human(files: &Files, diag: &Diagnostic, color: bool) -> String {
    let cs = match diag.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    };
    let mut notes = Vec::new();
    if let Some(note) = &diag.note {
        notes.push(format!("{}: {note}", tr!("finding-note")));
    }
    if let Some(help) = &diag.help {
        notes.push(format!("{}: {help}", tr!("finding-help")));
    }
    let cs = cs
        .with_code(diag.rule.name())
        .with_message(&diag.message)
        .with_labels(vec![Label::primary(diag.loc.file, diag.loc.span.clone())])
        .with_notes(notes);
    let config = term::Config::default();
    if color {
        let mut buffer = termcolor::Buffer::ansi();
        let styles = term::Styles::default();
        let mut writer = term::StylesWriter::new(&mut buffer, &styles);
        if term::emit_to_write_style(&mut writer, &config, files, &cs).is_ok() {
            let out = String::from_utf8_lossy(buffer.as_slice());
            return in_chosen_language(&out, diag.severity);
        }
    }
    let mut out = String::new();
    match term::emit_to_string(&mut out, &config, files, &cs) {
        Ok(()) => in_chosen_language(&out, diag.severity),
        // The span could not be placed in the file: fall back to one line.
        Err(_) => format!(
            "{}[{}]: {}\n",
            severity_word(diag.severity),
            diag.rule,
            diag.message
        ),
    }
}

/// The word for a severity in the chosen language: "error", "fejl".
fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => tr!("severity-error"),
        Severity::Warning => tr!("severity-warning"),
    }
}

/// A finding as codespan-reporting renders it, with the severity of its
/// header (`error[rule]`, always English there) in the chosen language.
fn in_chosen_language(rendered: &str, severity: Severity) -> String {
    let english = format!("{}[", severity.word());
    rendered.replacen(&english, &format!("{}[", severity_word(severity)), 1)
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`.
pub fn render_github(files: &Files, diag: &Diagnostic) -> String {
    let r = Record::new(files, diag);
    let mut message = format!("{} [{}]", r.message, r.rule);
    if let Some(note) = r.note {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    if let Some(help) = r.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title=rk {}::{}",
        r.severity.word(),
        escape_property(r.file),
        r.line,
        r.column,
        r.end_line,
        r.end_column,
        r.rule,
        escape_data(&message)
    )
}

/// A workflow command's data as GitHub's runner reads it back: only `%`,
/// CR and LF escaped (and in a property `:` and `,`). Not the percent codec
/// of [`crate::percent`], which escapes every byte outside ASCII: the
/// runner decodes these five escapes and no others, so `ø` stays `ø`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Counts of a run's findings, for the summary line and the exit status.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diags: &[Diagnostic]) -> Self {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Tally {
            errors,
            warnings: diags.len() - errors,
        }
    }

    /// The rule of every command: findings fail a run when there is an
    /// error, or a warning and `--deny-warnings` is given.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }

    /// What a run that failed by [`Tally::fails`] says after the tally:
    /// nothing, or that warnings were denied.
    pub fn denied(&self) -> String {
        if self.errors > 0 {
            String::new()
        } else {
            tr!("tally-denied")
        }
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match (self.errors, self.warnings) {
            (0, 0) => tr!("tally-none"),
            (errors, 0) => tr!("tally-errors", errors = errors),
            (0, warnings) => tr!("tally-warnings", warnings = warnings),
            (errors, warnings) => tr!("tally", errors = errors, warnings = warnings),
        };
        f.write_str(&text)
    }
}
