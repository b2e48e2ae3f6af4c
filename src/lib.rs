//! rk, the referat compiler. The pipeline is load → check → render → write:
//! [`source`] loads a meeting folder into the [`model`], [`check`] reports
//! findings as [`diag::Diagnostic`]s, and the commands in [`cmd`] drive it.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod date;
pub mod diag;
pub mod files;
pub mod image;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod project;
pub mod render;
pub mod source;
pub mod suggest;
