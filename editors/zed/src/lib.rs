//! Starts `rk lsp` for Zed: the binary named in the settings
//! (`lsp.rk.binary.path`, with `arguments` if given), else `rk` on the
//! PATH of the project's shell.

use zed_extension_api::{self as zed, LanguageServerId, Result, settings::LspSettings};

struct Rk;

impl zed::Extension for Rk {
    fn new() -> Self {
        Rk
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree("rk", worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let path = binary.as_ref().and_then(|binary| binary.path.clone());
        let command = match path.or_else(|| worktree.which("rk")) {
            Some(command) => command,
            None => {
                return Err("rk is not on PATH: install rk, or set lsp.rk.binary.path in \
                            Zed's settings"
                    .into());
            }
        };
        let args = binary
            .and_then(|binary| binary.arguments)
            .unwrap_or_else(|| vec!["lsp".into()]);
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Rk);
