//! One module per subcommand: each translates its arguments into the
//! options of [`crate::publish`], runs it and prints what came of it.

pub mod build;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod index;
pub mod init;
pub mod layout;
pub mod list;
pub mod lsp;
pub mod man;
pub mod new;
pub mod reference;
pub mod renumber;
pub mod schema;
pub mod watch;

use std::path::Path;

use anyhow::Result;

use crate::cli::MeetingArgs;
use crate::i18n;
use crate::project::Project;
use crate::publish::Selection;
use crate::tr;

pub use crate::console::Reporter;
pub use crate::publish::Outcome;

/// The project a command works in: the one around the first MEETING given
/// as a folder that lies in a project (so `rk check /path/to/meeting` works
/// from anywhere), else the one found upwards from `start`.
pub fn project_for(meetings: &[String], start: &Path) -> Result<Project> {
    let around_meeting = meetings
        .iter()
        .map(|arg| start.join(arg))
        .filter(|dir| dir.is_dir())
        .find_map(|dir| Project::discover(&dir).ok());
    match around_meeting {
        Some(project) => Ok(speaking(project)),
        None => project_at(start),
    }
}

/// The project `start` lies in, with its language chosen for what the
/// run says.
pub fn project_at(start: &Path) -> Result<Project> {
    Project::discover(start).map(speaking)
}

/// The project, once its language (rk.toml's `language`, else `RK_LANG`
/// or the locale; see [`crate::i18n::settle`]) is chosen.
fn speaking(project: Project) -> Project {
    i18n::settle(project.config.language);
    project
}

/// The meetings the command line names.
pub fn selection(args: &MeetingArgs) -> Selection {
    Selection {
        meetings: args.meetings.clone(),
        all: args.all,
        shard: args.shard,
    }
}

/// "1 item", "16 items".
pub fn plural_items(n: usize) -> String {
    tr!("cmd-items", n = n)
}
