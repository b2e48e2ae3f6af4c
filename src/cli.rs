//! The command line, as clap derive structs: one per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diag::Format;

#[derive(Debug, Parser)]
#[command(
    name = "rk",
    version,
    about = "rk, the referat compiler: meeting sources in, checked minutes out"
)]
pub struct Cli {
    /// Run as if started in DIR (the project is found from there upwards).
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check meeting sources and report every finding.
    Check(CheckArgs),
    /// List the meetings found: date, body, items, status.
    List,
}

/// Which meetings a command works on.
#[derive(Debug, Args)]
pub struct MeetingArgs {
    /// A meeting: its date (2020-11-25) or its folder. None: every meeting.
    #[arg(value_name = "MEETING")]
    pub meetings: Vec<String>,

    /// Every meeting under the meetings folder.
    #[arg(long, conflicts_with = "meetings")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub meetings: MeetingArgs,

    /// How findings are written: human (standard error), json (JSON Lines
    /// on standard output) or github (workflow annotations on standard
    /// output).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}
