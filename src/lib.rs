//! rk, the referat compiler. The pipeline is load → check → render → write:
//! [`source`] loads a meeting folder into the [`model`], [`check`] reports
//! findings as [`diag::Diagnostic`]s, [`render`] makes the outputs, and
//! [`publish`] settles a run's plan, builds and writes them and reports
//! what happened as events; the commands in [`cmd`] translate their
//! arguments into a plan and print those events through [`console`], the
//! only module that prints.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod console;
pub mod date;
pub mod diag;
pub mod files;
pub mod i18n;
pub mod image;
#[cfg(test)]
mod layers;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod percent;
pub mod plural;
pub mod project;
pub mod publish;
pub mod render;
pub mod rules;
pub mod source;
pub mod suggest;
