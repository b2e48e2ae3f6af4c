//! The command line, as clap derive structs: one per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};

use crate::diag::DiagnosticFormat;
use crate::publish::Shard;

#[derive(Debug, Parser)]
#[command(
    name = "rk",
    version,
    about = "rk, the referat compiler: meeting sources in, checked minutes out"
)]
pub struct Cli {
    /// Run as if started in DIR (the project is found from there upwards).
    #[arg(short = 'C', value_name = "DIR", value_hint = ValueHint::DirPath, global = true)]
    pub dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check meeting sources and report every finding.
    Check(CheckArgs),
    /// Check, then write the referat: out/<meeting>/referat.pdf, .html, .json
    /// (with --internal: out-internt/<meeting>/referat-internt.*; with
    /// --agenda the agenda: dagsorden.*, dagsorden-internt.*).
    Build(BuildArgs),
    /// Write the archive from the sources of every meeting: out/index.html
    /// (the meetings by year and body), out/sager.html (every case with the
    /// items that carried it), out/index.json and, with [site] url in
    /// rk.toml, Atom feeds (out/feed.xml and one per body and per case under
    /// out/feeds/) and out/oparl/ (OParl 1.1).
    Index(IndexArgs),
    /// List the meetings found: date, body, items, status.
    List,
    /// Start a project: rk.toml and a meetings folder with one example
    /// meeting that passes `rk check`.
    Init(InitArgs),
    /// Start the next meeting: a folder with the body, people, sections
    /// and standing items of the latest (or the named) meeting, and items
    /// to fill in.
    New(NewArgs),
    /// Give a meeting's items new numbers: move one (--move 31 --to 29) or
    /// close the gaps; files (renamed as `git mv` does), `items:`, sections
    /// and links follow.
    ///
    /// Without --move, every item is numbered in its order without gaps.
    /// An approved referat, an item moved out of its section and a last
    /// number the year's next meeting goes on from are refused.
    Renumber(RenumberArgs),
    /// Compare the meetings with their sources at a git revision and write
    /// the change page, out/<meeting>/aendringer.html: the referat with
    /// every change marked (with --internal: out-internt/<meeting>/
    /// aendringer-internt.html).
    Diff(DiffArgs),
    /// Work with layouts: copy a built-in one into a folder to change it.
    #[command(subcommand)]
    Layout(LayoutCommand),
    /// A Language Server on standard input and output, for editors: the
    /// findings of `rk check` as you type, quick fixes, completion, hover.
    Lsp(LspArgs),
    /// Explain a rule: what it catches, why it matters, how to fix it, with
    /// an example; without RULE, list the rules.
    Explain(ExplainArgs),
    /// Print a JSON Schema: of rk.toml, meeting.yaml or an item's front
    /// matter, for editors and validators (the same as schemas/*.json), or
    /// of the outputs referat.json and index.json.
    Schema(SchemaArgs),
    /// Build a meeting, then again on every save, saying how long each
    /// build took; with --serve, show it in a browser that reloads.
    Watch(WatchArgs),
    /// Print the completion script of a shell (bash, zsh, fish, powershell,
    /// elvish) on standard output, to be installed where the shell reads it.
    Completions(CompletionsArgs),
    /// Print the manual page rk(1) (roff) on standard output; with --out
    /// DIR, write it and a page per subcommand (rk-build.1, ...) into DIR.
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell the script is for.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write rk.1 and one page per subcommand (rk-build.1, rk-layout-copy.1,
    /// ...) into DIR (made if missing) instead of printing rk.1.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,
}

/// What language clients put on the server's command line. Standard input
/// and output are rk's only transport: `--stdio` says so and changes
/// nothing; the other transports are refused with a message that says
/// what to set instead.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Speak over standard input and output (the only transport; clients
    /// such as VS Code's add it).
    #[arg(long)]
    pub stdio: bool,

    /// The editor's process (VS Code's client adds it); rk ends when the
    /// editor tells it to, and reads the same from `initialize`.
    #[arg(long = "clientProcessId", value_name = "PID")]
    pub client_process_id: Option<u32>,

    /// Node's IPC channel: not spoken by rk (refused).
    #[arg(long = "node-ipc", hide = true)]
    pub node_ipc: bool,

    /// A socket: not spoken by rk (refused).
    #[arg(long, hide = true, value_name = "PORT")]
    pub socket: Option<String>,

    /// A named pipe: not spoken by rk (refused).
    #[arg(long, hide = true, value_name = "NAME")]
    pub pipe: Option<String>,
}

impl LspArgs {
    /// The transport other than standard input and output a client asked
    /// for, as it named it.
    pub fn other_transport(&self) -> Option<&'static str> {
        if self.node_ipc {
            Some("--node-ipc")
        } else if self.socket.is_some() {
            Some("--socket")
        } else if self.pipe.is_some() {
            Some("--pipe")
        } else {
            None
        }
    }
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule, as findings name it: missing-sag.
    #[arg(value_name = "RULE")]
    pub rule: Option<String>,

    /// Print Markdown: the rule's explanation, or without RULE the rule
    /// table of the documentation.
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum, value_name = "FILE")]
    pub file: SchemaFile,
}

/// The files rk has a JSON Schema of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaFile {
    /// rk.toml.
    RkToml,
    /// A meeting's meeting.yaml.
    Meeting,
    /// An item's front matter.
    Item,
    /// referat.json (and dagsorden.json), an output.
    Referat,
    /// index.json, the archive's data.
    Index,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The meeting: its date (2020-11-25) or its folder.
    #[arg(value_name = "MEETING")]
    pub meeting: String,

    /// Serve the referat on 127.0.0.1 (the page reloads after each
    /// rebuild; the PDF is beside it, /referat.pdf).
    #[arg(long)]
    pub serve: bool,

    /// The port to serve on (0: any free port; the address is printed).
    #[arg(long, value_name = "PORT", default_value_t = 8765, requires = "serve")]
    pub port: u16,

    /// Where the outputs go, as `rk build --out`.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,

    /// The layout, as `rk build --layout`.
    #[arg(long, value_name = "NAME|DIR")]
    pub layout: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new meeting's date, which names its folder: 2021-04-21 (or
    /// 2021-04-21-ekstra for a second meeting that day).
    #[arg(value_name = "DATE")]
    pub date: String,
    /// The meeting to start from (default: the latest one before DATE).
    #[arg(long, value_name = "MEETING")]
    pub from: Option<String>,
}

#[derive(Debug, Args)]
pub struct RenumberArgs {
    /// The meeting: its date (2026-04-15) or its folder.
    #[arg(value_name = "MEETING")]
    pub meeting: String,
    /// The item to move: its number (31, 2.10, 45a).
    #[arg(long = "move", value_name = "NUMBER", requires = "to")]
    pub from: Option<String>,
    /// The number it is to have; the items from there on move one place
    /// (without --move: every item numbered in its order, without gaps).
    #[arg(long, value_name = "NUMBER", requires = "from")]
    pub to: Option<String>,
    /// Say what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum LayoutCommand {
    /// Write a built-in layout (template, labels, stylesheet, closing text,
    /// fonts) into DIR, for a body to change; then use it with `--layout
    /// DIR` or `layout = "DIR"` in rk.toml.
    Copy(LayoutCopyArgs),
    /// List the built-in layouts.
    List,
}

#[derive(Debug, Args)]
pub struct LayoutCopyArgs {
    /// The built-in layout to copy.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The folder to write it to (made if missing; it must be empty).
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub folder: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to start the project in (made if missing). It must not
    /// hold rk.toml or meetings/ yet.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath, default_value = ".")]
    pub folder: PathBuf,
}

/// Which meetings a command works on.
#[derive(Debug, Args)]
pub struct MeetingArgs {
    /// A meeting: its date (2020-11-25) or its folder. None: every meeting.
    #[arg(value_name = "MEETING")]
    pub meetings: Vec<String>,

    /// Every meeting under the meetings folder, as an archive: each
    /// meeting on its own (one meeting's findings never stop the others),
    /// in parallel on every core; `rk build --all` also skips a meeting
    /// unchanged since its last build and removes the outputs of a removed
    /// meeting.
    #[arg(long, conflicts_with = "meetings")]
    pub all: bool,

    /// Only this share of the meetings (with --all): I/N, the Ith of N
    /// shares (1/3, 2/3, 3/3), for a CI job matrix. Meetings are dealt out
    /// in date order, so the shares are even and stay put as meetings are
    /// added.
    #[arg(long, value_name = "I/N", requires = "all", value_parser = Shard::parse)]
    pub shard: Option<Shard>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub meetings: MeetingArgs,

    /// How findings are written: human (standard error), json (JSON Lines
    /// on standard output) or github (workflow annotations on standard
    /// output).
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// The layout whose fonts the text is checked against, as `rk build
    /// --layout` (default: rk.toml's `layout`, else kl).
    #[arg(long, value_name = "NAME|DIR")]
    pub layout: Option<String>,

    /// Check the sources for the agenda, as `rk build --agenda` does: what
    /// concerns the meeting's outcome (the referent, presenters present,
    /// the referat's status) is not checked.
    #[arg(long)]
    pub agenda: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub meetings: MeetingArgs,

    /// Write the agenda (dagsorden.pdf, .html, .json) instead of the
    /// referat: each item without the parts written at the meeting (the
    /// layout's `meeting_parts`: Drøftelse, Beslutning, Referat), no
    /// referent and no status; drafts are not refused.
    #[arg(long)]
    pub agenda: bool,

    /// With --agenda: the tillægsdagsorden alone (tillaegsdagsorden.pdf,
    /// .html, .json): the items put on the agenda after it went out
    /// (`added` in their front matter).
    #[arg(long, requires = "agenda")]
    pub added: bool,

    /// Where the outputs go (default: `out` in the project, or rk.toml's
    /// `out`; with --internal, `out-internt` or rk.toml's `out_internal`).
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,

    /// Which outputs to write: pdf, html, json (comma-separated; default
    /// all three).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<OutputKind>,

    /// The full edition with closed items, every page marked internal,
    /// in a tree of its own (out-internt/<meeting>/).
    #[arg(long)]
    pub internal: bool,

    /// A built-in layout (kl) or a layout folder (default: rk.toml's
    /// `layout`, else kl).
    #[arg(long, value_name = "NAME|DIR")]
    pub layout: Option<String>,

    /// Also write the generated Typst document with the layout files beside
    /// it, for the typst CLI: typst/ beside the referat (out/<meeting>/typst/,
    /// with --internal out-internt/<meeting>/typst/).
    #[arg(long)]
    pub emit_typst: bool,

    /// Build for publication: a meeting whose referat is a draft
    /// (`status: udkast`) is refused, and nothing is written (rk.toml's
    /// `publish = true` makes every build one).
    #[arg(long)]
    pub publish: bool,

    /// Build drafts too, even when rk.toml says `publish = true` (to review
    /// a draft where that setting is in force).
    #[arg(long, conflicts_with = "publish")]
    pub no_publish: bool,

    /// How findings are written (see `rk check --help`).
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Fail (exit 1, nothing written) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// With --all: build every meeting, also those unchanged since their
    /// last build.
    #[arg(long, requires = "all")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Where the archive goes (default: `out` in the project, or rk.toml's
    /// `out`), beside the meetings' folders that `rk build` writes.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,

    /// The layout whose index.html and sager.html make the pages (default:
    /// rk.toml's `layout`, else kl; a layout without them uses kl's).
    #[arg(long, value_name = "NAME|DIR")]
    pub layout: Option<String>,

    /// Link every meeting's dagsorden (dagsorden.pdf, .html), built or
    /// not, for a CI that builds them in another job (`rk build --agenda`);
    /// without it a dagsorden is linked where it is in the output folder.
    #[arg(long)]
    pub agenda: bool,

    /// How findings are written (see `rk check --help`).
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The git revision to compare with: a branch, tag or commit (main,
    /// origin/main, v2021-04, HEAD~1). It is read from the repository; the
    /// work tree is not changed.
    #[arg(value_name = "BASE")]
    pub base: String,

    /// The meetings to compare (default: every meeting; then a change page
    /// is written only for those that changed).
    #[command(flatten)]
    pub meetings: MeetingArgs,

    /// Show the changes of closed items too, in the internal tree
    /// (out-internt/<meeting>/aendringer-internt.html).
    #[arg(long)]
    pub internal: bool,

    /// Where the change pages go (default: as for `rk build`).
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,

    /// A built-in layout or a layout folder (default: rk.toml's `layout`,
    /// else kl).
    #[arg(long, value_name = "NAME|DIR")]
    pub layout: Option<String>,

    /// How the changes are told on standard output: human (a line per
    /// meeting), json (JSON Lines, one object per meeting) or github
    /// (Markdown for a pull request's step summary).
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputKind {
    Pdf,
    Html,
    Json,
}
