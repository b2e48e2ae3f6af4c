//! The `rk` binary: parse the arguments, run the command, map the result to
//! an exit status (0 done, 1 findings that fail the run, 2 usage, config or
//! I/O problems).

use std::process::ExitCode;

use clap::Parser;
use rk::cli::{Cli, Command};
use rk::cmd::{self, Outcome};

fn main() -> ExitCode {
    // Until a project is found, the locale (or RK_LANG) says the language.
    rk::i18n::settle(None);
    let cli = Cli::parse();
    match run(&cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        // A reader that stopped early (`rk check --format json | head`) is
        // not an error of ours.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", rk::tr!("cmd-error", message = format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir()?;
    let start = match &cli.dir {
        Some(dir) => cwd.join(dir),
        None => cwd.clone(),
    };
    match &cli.command {
        // A new project has no project to discover yet.
        Command::Init(args) => cmd::init::run(args, &start),
        // A MEETING given as a folder finds its own project.
        Command::Check(args) => {
            let project = cmd::project_for(&args.meetings.meetings, &start)?;
            cmd::check::run(&project, args, &start)
        }
        Command::Build(args) => {
            let project = cmd::project_for(&args.meetings.meetings, &start)?;
            cmd::build::run(&project, args, &start)
        }
        Command::Index(args) => cmd::index::run(&cmd::project_at(&start)?, args, &start),
        Command::Diff(args) => {
            let project = cmd::project_for(&args.meetings.meetings, &start)?;
            cmd::diff::run(&project, args, &start)
        }
        Command::List => cmd::list::run(&cmd::project_at(&start)?),
        Command::New(args) => cmd::new::run(&cmd::project_at(&start)?, args, &start),
        Command::Renumber(args) => {
            let project = cmd::project_for(std::slice::from_ref(&args.meeting), &start)?;
            cmd::renumber::run(&project, args, &start)
        }
        Command::Layout(command) => cmd::layout::run(command, &start),
        Command::Lsp(args) => cmd::lsp::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::man::run(args),
        Command::Watch(args) => {
            let project = cmd::project_for(std::slice::from_ref(&args.meeting), &start)?;
            cmd::watch::run(&project, args, &start)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
