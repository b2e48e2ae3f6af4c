//! `rk completions SHELL`: the completion script of a shell, made by
//! clap_complete from the same command line that parses rk's arguments, so
//! it knows every subcommand and flag of this version.

use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::Outcome;

pub fn run(args: &CompletionsArgs) -> Result<Outcome> {
    // Made in memory first: clap_complete panics when its writer fails, and
    // a closed pipe (`rk completions bash | head`) is not a bug.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "rk", &mut script);
    io::stdout().lock().write_all(&script)?;
    Ok(Outcome::Success)
}
