//! The publishing layer: a run's options settled once into a [`Plan`],
//! the meetings loaded and checked ([`analysis`]), their outputs built and
//! written ([`build`]; the whole archive in [`archive`], incremental by the
//! [`manifest`]), the change pages of `rk diff` ([`diff`]) and the archive's
//! pages of `rk index` ([`index`]). The layer prints nothing: what happens
//! goes to the [`Sink`] the plan is given as an [`Event`] (the progress of
//! `--all` too), or comes back as a result. The commands translate their arguments into [`PlanOptions`]
//! and say the events and results; the language server and `rk watch`
//! work from the same plan.

pub mod analysis;
pub mod archive;
pub mod build;
pub mod diff;
pub mod event;
pub mod fingerprint;
pub mod index;
pub mod manifest;
pub mod oparl;
pub mod plan;
pub mod sent;
pub mod write;

pub use analysis::{Analysis, Selection, Shard};
pub use event::{Event, Sink};
pub use plan::{Only, Plan, PlanOptions};

/// How a run ended when it did its work: the exit status is 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failed,
}
