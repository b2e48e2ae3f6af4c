//! `rk completions SHELL` and `rk man`: the bash and fish scripts loaded
//! in a real bash and fish complete subcommands and flags, zsh parses its,
//! and the manual pages render in groff without a warning and name every
//! subcommand.
//!
//! What its tests show, one by one: `rk completions`: the bash script sourced
//! in bash (its completion function called as bash calls it) completes `rk bu`
//! to `build`, `rk layout c` to `copy`, a subcommand's flag and a flag's
//! values; fish (`complete -C`) the same; zsh parses its script; every shell's
//! script names the subcommands. `rk man`: rk(1) and every page of `--out`
//! render in groff with all warnings on and none given, rk(1) names every
//! subcommand of the command line; `scripts/shell-files.sh` writes what rk
//! prints.

use crate::common;

use std::path::Path;
use std::process::Command;

use clap::CommandFactory;

use common::{have_tool, rk, scratch};

/// The words bash offers for the command line `line` (the cursor at its
/// end), from the script `rk completions bash` printed, sourced as a
/// user's .bashrc or bash-completion would. The completion function is the
/// one `complete -p rk` names, called as bash calls it.
fn bash_completes(script: &Path, line: &str) -> Vec<String> {
    let program = r#"
source "$SCRIPT" || exit 3
spec=$(complete -p rk) || exit 4
function=$(sed -E 's/.* -F ([^ ]+) .*/\1/' <<<"$spec")
read -ra COMP_WORDS <<<"$LINE"
[[ "$LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$LINE"
COMP_POINT=${#LINE}
cur="${COMP_WORDS[COMP_CWORD]}"
prev="${COMP_WORDS[COMP_CWORD-1]}"
"$function" rk "$cur" "$prev"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", program])
        .env("SCRIPT", script)
        .env("LINE", line)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|word| !word.is_empty())
        .map(String::from)
        .collect()
}

/// `rk completions SHELL` into a file of the scratch folder.
fn script(dir: &Path, shell: &str) -> std::path::PathBuf {
    let run = rk(dir, &["completions", shell]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("rk"), "{shell}: {}", run.stdout);
    let path = dir.join(format!("rk.{shell}"));
    std::fs::write(&path, run.stdout).unwrap();
    path
}

#[test]
fn bash_completes_a_subcommand_and_its_flags() {
    let dir = scratch("shell-bash");
    let script = script(&dir, "bash");
    assert_eq!(bash_completes(&script, "rk bu"), ["build"]);
    assert_eq!(bash_completes(&script, "rk la"), ["layout"]);
    assert_eq!(bash_completes(&script, "rk layout c"), ["copy"]);
    assert_eq!(
        bash_completes(&script, "rk build --deny"),
        ["--deny-warnings"]
    );
    assert_eq!(
        bash_completes(&script, "rk check --format "),
        ["human", "json", "github"]
    );
    let shells = bash_completes(&script, "rk completions ");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(shells.iter().any(|s| s == shell), "{shells:?}");
    }
}

#[test]
fn every_shells_script_is_printed_and_zsh_parses_its() {
    let dir = scratch("shell-scripts");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = std::fs::read_to_string(script(&dir, shell)).unwrap();
        for sub in ["build", "check", "lsp", "completions", "man"] {
            assert!(text.contains(sub), "{shell} lacks {sub}");
        }
    }
    let unknown = rk(&dir, &["completions", "tcsh"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("possible values"),
        "{}",
        unknown.stderr
    );
    // zsh parses its script (`zsh -n`: parsed, not run).
    if have_tool("zsh", "--version") {
        let output = Command::new("zsh")
            .arg("-n")
            .arg(dir.join("rk.zsh"))
            .output()
            .unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "zsh: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn fish_completes_a_subcommand_and_its_flags() {
    if !have_tool("fish", "--version") {
        return;
    }
    let dir = scratch("shell-fish");
    let script = script(&dir, "fish");
    // `complete -C LINE` prints what fish offers for LINE: word, tab, help.
    let completes = |line: &str| -> Vec<String> {
        let output = Command::new("fish")
            .args(["--no-config", "-c", "source $argv[1]; complete -C $argv[2]"])
            .arg(&script)
            .arg(line)
            .output()
            .expect("fish runs");
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "fish: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| line.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(completes("rk bu"), ["build"]);
    assert_eq!(completes("rk build --deny"), ["--deny-warnings"]);
}

/// Renders a page with groff's man macros and every warning on, as
/// `man -l` does; its words, one space apart, after asserting there was
/// no warning.
fn render(page: &Path) -> String {
    let output = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-rLL=200n"])
        .arg(page)
        .env("GROFF_NO_SGR", "1")
        .output()
        .expect("groff runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{}: {stderr}",
        page.display()
    );
    // Bold and underline by overstriking, as grotty writes them.
    let text = String::from_utf8(output.stdout).unwrap();
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'\u{8}') {
            chars.next();
        } else {
            plain.push(c);
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_manual_pages_render_without_warnings_and_name_every_subcommand() {
    if !have_tool("groff", "--version") {
        return;
    }
    let dir = scratch("shell-man");
    let run = rk(&dir, &["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = dir.join("rk.1");
    std::fs::write(&page, &run.stdout).unwrap();
    let text = render(&page);
    assert!(
        text.contains("rk - the referat compiler"),
        "the NAME section: {text}"
    );
    assert!(text.contains("Exit status: 0 done"), "{text}");
    let command = rk::cli::Cli::command();
    let subcommands: Vec<&str> = command.get_subcommands().map(|s| s.get_name()).collect();
    assert!(subcommands.contains(&"build"), "{subcommands:?}");
    for name in &subcommands {
        assert!(
            text.contains(&format!("rk-{name}(1)")),
            "rk(1) lacks {name}"
        );
    }

    // --out: rk.1 and a page per subcommand, nested ones too, each
    // rendering clean with its own flags.
    let out = dir.join("man1");
    let run = rk(&dir, &["man", "--out", "man1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read(out.join("rk.1")).unwrap(),
        std::fs::read(&page).unwrap()
    );
    for name in subcommands.iter().chain(&["layout-copy", "layout-list"]) {
        let text = render(&out.join(format!("rk-{name}.1")));
        assert!(text.contains(&format!("rk-{name} - ")), "{name}: {text}");
    }
    let build = render(&out.join("rk-build.1"));
    assert!(build.contains("--deny-warnings"), "{build}");
    assert!(
        build.contains("rk 0.1.0"),
        "the footer names the version: {build}"
    );
    // rk.1, one per subcommand, and layout's two.
    let pages = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(pages, subcommands.len() + 3);
    assert!(
        run.stdout.contains(&format!("wrote {pages} manual pages")),
        "{}",
        run.stdout
    );
}

/// scripts/shell-files.sh, which the release archives take their
/// completions and manual pages from, writes what rk prints.
#[test]
fn shell_files_sh_writes_the_scripts_and_pages_rk_prints() {
    let dir = scratch("shell-files");
    let status = Command::new("bash")
        .arg(common::project_root().join("scripts/shell-files.sh"))
        .arg(dir.join("files"))
        .arg(common::RK)
        .status()
        .expect("bash runs");
    assert!(status.success());
    let files = dir.join("files");
    for (shell, name) in [
        ("bash", "rk.bash"),
        ("zsh", "_rk"),
        ("fish", "rk.fish"),
        ("powershell", "_rk.ps1"),
        ("elvish", "rk.elv"),
    ] {
        let written = std::fs::read_to_string(files.join("completions").join(name)).unwrap();
        assert_eq!(written, rk(&dir, &["completions", shell]).stdout, "{name}");
    }
    let man1 = files.join("man/man1");
    assert_eq!(
        std::fs::read_to_string(man1.join("rk.1")).unwrap(),
        rk(&dir, &["man"]).stdout
    );
    assert!(man1.join("rk-layout-copy.1").is_file());
}
