//! rk's integration tests: one test binary (one link of the engine), a
//! module per theme, as ripgrep has them. Each module's header comment says
//! what it tests; the shared helpers (running `rk`, reading its findings,
//! scratch copies of fixtures) are in `common/`.
//!
//! Run one theme with `cargo test --test it lsp::` (a test's path starts
//! with its module), one test by its name, everything with `cargo test`.

// A test reads top to bottom: the long ones stay long.
#![allow(clippy::too_many_lines)]

mod common;

mod agenda;
mod agenda_sent;
mod archive;
mod bilag_pdf;
mod bodies {
    //! Minutes of other Danish public bodies, one fixture project each
    //! under tests/fixtures/bodies/: a fagudvalg's items numbered through
    //! the year under sections (`udvalg.rs`), a styrelse's kinds, postponed
    //! and withdrawn items, own case and document numbers (`styrelse.rs`),
    //! a kommunalbestyrelse's attendance, suppleant, chair and presenters
    //! (`kommunalbestyrelse.rs`), a MED-udvalg's draft and approved referat
    //! and `--publish` (`med_udvalg.rs`), a byråd's meetings (`byraad/`);
    //! each checked, built and read back from the PDF's text, the parsed
    //! HTML and the parsed JSON.
    mod byraad;
    mod kommunalbestyrelse;
    mod med_udvalg;
    mod styrelse;
    mod udvalg;
}
mod book;
mod browser;
mod build;
mod cases;
mod ci_files;
mod cli;
mod commonmark;
mod danish;
mod diff;
mod dist;
mod doc_links;
mod editors;
mod example_meeting;
mod example_projects;
mod explain;
mod feeds;
mod formats;
mod html;
mod index;
mod limits;
mod lsp;
mod markdown_slips;
mod messages;
mod mutations;
mod new;
mod new_meeting;
mod oparl;
mod outputs;
mod page_layout;
mod paths;
mod properties;
mod reference;
mod regressions;
mod renumber;
mod robustness;
mod rules;
mod safe_project;
mod schemas;
mod search;
mod shell;
mod site_look;
mod slips;
mod typeset;
mod vscode;
mod watch;
