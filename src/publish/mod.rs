//! The publishing layer: a run's options settled once into a [`Plan`],
//! the meetings loaded and checked ([`analysis`]), their outputs built and
//! written ([`build`]; the whole archive in [`archive`], incremental by the
//! [`manifest`]). The commands translate their arguments into
//! [`Options`] and print; the language server, `rk watch`, `rk diff` and
//! `rk index` work from the same plan.

pub mod analysis;
pub mod archive;
pub mod build;
pub mod fingerprint;
pub mod manifest;
pub mod plan;
pub mod write;

pub use analysis::{Analysis, Selection, Shard};
pub use plan::{Only, Plan, PlanOptions};

/// How a run ended when it did its work: the exit status is 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failed,
}
