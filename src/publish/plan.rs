//! A run's options settled once into a plan: which meetings, which layout,
//! document and edition, which outputs, where they go, whether drafts are
//! refused and how findings are shown. Every command that loads meetings
//! works from one.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;

use crate::diag::{DiagnosticFormat, Tally};
use crate::layout::Layout;
use crate::model::Document;
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::{Selection, layout, select};
use crate::publish::event::Sink;
use crate::publish::write::is_inside;
use crate::render::context::{Edition, Make};
use crate::render::html;
use crate::render::typst::Typesetter;
use crate::tr;

/// What a run is asked to do, as the command line says it; [`Plan::new`]
/// settles it against the project.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    pub selection: Selection,
    /// `--layout`: a built-in layout's name or a folder (relative to where
    /// rk runs); none: rk.toml's `layout`, else kl.
    pub layout: Option<String>,
    /// The referat or the agenda, in the public or the internal edition.
    pub make: Make,
    /// `--out`, relative to where rk runs.
    pub out: Option<PathBuf>,
    pub only: Only,
    /// Whether the generated Typst document is written out (`--emit-typst`).
    pub emit_typst: bool,
    /// `--publish` (true) or `--no-publish` (false); none: rk.toml decides.
    pub publish: Option<bool>,
    pub format: DiagnosticFormat,
    pub deny_warnings: bool,
    /// With `--all`: build every meeting, also those unchanged (`--force`).
    pub force: bool,
    /// What the internal edition's tree holds, for the message when it
    /// would lie inside the published one ("the internal edition"), in
    /// the language of the run.
    pub internal_what: fn() -> String,
}

impl PlanOptions {
    /// The options of a run that writes nothing of its own choosing: the
    /// referat's public edition, every output, findings for a person.
    pub fn new(selection: Selection) -> PlanOptions {
        PlanOptions {
            selection,
            layout: None,
            make: make(false, false),
            out: None,
            only: Only::all(),
            emit_typst: false,
            publish: None,
            format: DiagnosticFormat::Human,
            deny_warnings: false,
            force: false,
            internal_what: || tr!("error-internal-edition"),
        }
    }
}

/// `--agenda` and `--internal` as the document and edition to make.
pub fn make(agenda: bool, internal: bool) -> Make {
    Make {
        added_only: false,
        document: if agenda {
            Document::Agenda
        } else {
            Document::Minutes
        },
        edition: if internal {
            Edition::Internal
        } else {
            Edition::Public
        },
    }
}

/// The options of a run, settled once: which meetings, which layout,
/// edition and outputs, where they go and how findings are shown.
pub struct Plan<'a> {
    pub project: &'a Project,
    /// The folders of the meetings to work on, every one the selection
    /// names (before `--shard`).
    pub dirs: Vec<PathBuf>,
    pub selection: Selection,
    pub layout: Layout,
    /// The engine's library and the layout's fonts, made once when first
    /// needed, and the world it typesets in, kept between rebuilds.
    typesetter: OnceLock<Typesetter>,
    /// The referat or the agenda, in the public or the internal edition.
    pub make: Make,
    pub only: Only,
    /// The tree the meetings' folders go in: `out`, or for the internal
    /// edition a tree of its own, `out-internt`. A meeting's folder is
    /// [`Plan::out_dir`]; the tree itself is [`Plan::root`].
    out_root: PathBuf,
    pub urls: html::Urls<'a>,
    /// Whether the generated document is written out (`--emit-typst`).
    pub emit_typst: bool,
    pub deny_warnings: bool,
    /// Every meeting built, also those unchanged since their last build.
    pub force: bool,
    /// Whether this is a publishing build, which refuses drafts, and what
    /// made it one.
    pub publish: Option<Publish>,
    /// How findings and results are shown.
    pub format: DiagnosticFormat,
    /// Where what happens in the run is reported (the plan prints nothing).
    pub reporter: &'a dyn Sink,
}

/// What made a build a publishing build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publish {
    /// `--publish`.
    Flag,
    /// rk.toml's `publish = true`.
    Config,
}

impl Publish {
    /// `--publish` wins over nothing, `--no-publish` over rk.toml.
    fn of(flag: Option<bool>, config: bool) -> Option<Publish> {
        match flag {
            Some(true) => Some(Publish::Flag),
            None if config => Some(Publish::Config),
            _ => None,
        }
    }
}

/// Where an edition's outputs go: `--out` (relative to where rk runs), else
/// rk.toml's `out` or `out_internal`. The internal edition (`what`, for the
/// message) never goes inside the tree that gets published.
pub fn output_root(
    project: &Project,
    out: Option<&Path>,
    edition: Edition,
    cwd: &Path,
    what: &str,
) -> Result<PathBuf> {
    let published = project.root.join(&project.config.out);
    let out_root = match (out, edition) {
        (Some(out), _) => cwd.join(out),
        (None, Edition::Public) => published.clone(),
        (None, Edition::Internal) => project.root.join(&project.config.out_internal),
    };
    if edition == Edition::Internal && is_inside(&out_root, &published) {
        anyhow::bail!(tr!(
            "error-internal-inside-published",
            what = what,
            out = paths::shown(&out_root),
            published = paths::shown(&published)
        ));
    }
    Ok(out_root)
}

/// rk.toml's `[site] accessibility_statement`, which every page links to
/// wherever it lies in the tree: a whole web address.
fn accessibility_statement(project: &Project) -> Result<Option<&str>> {
    let Some(url) = project.config.site.accessibility_statement.as_deref() else {
        return Ok(None);
    };
    if paths::is_web_address(url) {
        return Ok(Some(url));
    }
    anyhow::bail!(tr!(
        "error-accessibility-statement-not-an-address",
        url = url
    ))
}

impl<'a> Plan<'a> {
    /// The plan of `options` in `project`, run from `cwd`, reporting to
    /// `reporter`: a layout or an output folder that cannot be used is an
    /// error here, before any finding.
    pub fn new(
        project: &'a Project,
        options: &PlanOptions,
        cwd: &Path,
        reporter: &'a dyn Sink,
    ) -> Result<Plan<'a>> {
        let out_root = output_root(
            project,
            options.out.as_deref(),
            options.make.edition,
            cwd,
            &(options.internal_what)(),
        )?;
        Ok(Plan {
            project,
            dirs: select(project, &options.selection, cwd)?,
            selection: options.selection.clone(),
            typesetter: OnceLock::new(),
            layout: layout(project, options.layout.as_deref(), cwd)?,
            make: options.make,
            only: options.only,
            out_root,
            urls: html::Urls {
                case: project.config.case.url.as_deref(),
                document: project.config.document.url.as_deref(),
                accessibility_statement: accessibility_statement(project)?,
            },
            emit_typst: options.emit_typst,
            deny_warnings: options.deny_warnings,
            force: options.force,
            publish: Publish::of(options.publish, project.config.publish),
            format: options.format,
            reporter,
        })
    }

    /// The typesetter of this plan's layout, made on first use.
    pub fn typesetter(&self) -> &Typesetter {
        self.typesetter
            .get_or_init(|| Typesetter::new(&self.layout))
    }

    /// An agenda needs the layout's labels of the parts written at the
    /// meeting: an error before anything is built when they are missing.
    pub fn check_layout(&self) -> Result<()> {
        if self.make.document == Document::Agenda {
            self.layout.check_agenda_labels()?;
        }
        Ok(())
    }

    /// Whether findings tallied as `tally` fail this run.
    pub fn fails(&self, tally: &Tally) -> bool {
        tally.fails(self.deny_warnings)
    }

    /// `referat`, or `referat-internt` for the internal edition, whose
    /// files say what they are wherever they end up; `dagsorden` and
    /// `dagsorden-internt` for the agenda.
    pub fn stem(&self) -> &'static str {
        match (self.make.document, self.make.edition) {
            (Document::Agenda, Edition::Public) if self.make.added_only => paths::ADDED_STEM,
            (Document::Agenda, Edition::Internal) if self.make.added_only => {
                paths::ADDED_INTERNAL_STEM
            }
            (Document::Minutes, Edition::Public) => paths::PUBLIC_STEM,
            (Document::Minutes, Edition::Internal) => paths::INTERNAL_STEM,
            (Document::Agenda, Edition::Public) => paths::AGENDA_STEM,
            (Document::Agenda, Edition::Internal) => paths::AGENDA_INTERNAL_STEM,
        }
    }

    /// The folder of meeting `id`'s outputs.
    pub fn out_dir(&self, id: &str) -> PathBuf {
        self.out_root.join(id)
    }

    /// The tree the meetings' folders go in, for what belongs to the whole
    /// tree (the manifest, the archive's pages, clean-ups).
    pub fn root(&self) -> &Path {
        &self.out_root
    }
}

/// Which outputs `--only` asks for (all three when it is not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Only {
    pub pdf: bool,
    pub html: bool,
    pub json: bool,
}

impl Only {
    pub fn all() -> Only {
        Only {
            pdf: true,
            html: true,
            json: true,
        }
    }
}
