//! The reference pages of the book, made from the code: one page per rule
//! from its declaration in [`crate::rules`] (what `rk explain RULE
//! --markdown` prints), the rule table linking them, and one page per
//! subcommand from what `rk COMMAND --help` prints (80 columns wide).
//! A test compares them with the committed pages under
//! docs/book/src/reference/ and writes them with `just reference`.

use std::fmt::Write as _;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::rules::{self, Rule};

/// Where the pages lie, from the book's source folder (docs/book/src).
pub const FOLDER: &str = "reference";

/// The width clap wraps the help to on a page, whatever the terminal.
const WIDTH: usize = 80;

/// A generated page: its path under the book's source folder, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub text: String,
}

/// Every reference page: the rules, their index, the commands, theirs.
pub fn pages() -> Vec<Page> {
    let mut pages = vec![rules_index()];
    pages.extend(Rule::EVERY.iter().map(|rule| rule_page(*rule)));
    let command = cli();
    pages.push(commands_index(&command));
    pages.extend(subcommands(&command).map(command_page));
    pages
}

/// The rule table, each rule's name a link to its page.
fn rules_index() -> Page {
    let mut text = String::from(
        "# Rules\n\n\
         The rules `rk check` applies, and the findings of the other steps; \
         `rk explain RULE` prints a rule's page in the terminal.\n\n",
    );
    text.push_str(&rules::markdown_table_of(Rule::EVERY, |name| {
        format!("[`{name}`](rules/{name}.md)")
    }));
    Page {
        path: format!("{FOLDER}/rules.md"),
        text: finished(&text),
    }
}

/// A rule's page: `rk explain RULE --markdown`, its heading the page's title.
fn rule_page(rule: Rule) -> Page {
    let explained = rules::explanation(rule, true);
    let body = explained.strip_prefix('#').unwrap_or(&explained);
    Page {
        path: format!("{FOLDER}/rules/{}.md", rule.name()),
        text: finished(body),
    }
}

/// The subcommands, each with what it does, linking their pages.
fn commands_index(command: &clap::Command) -> Page {
    let mut text = String::from("# Commands\n\n");
    for sub in subcommands(command) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let name = sub.get_name();
        let about = escaped(&about);
        let _ = writeln!(text, "- [`rk {name}`](commands/{name}.md): {about}");
    }
    Page {
        path: format!("{FOLDER}/commands.md"),
        text: finished(&text),
    }
}

/// A subcommand's page: its long help, and its own subcommands' below it.
fn command_page(command: &clap::Command) -> Page {
    let mut text = format!("# `{}`\n\n", shown_name(command));
    text.push_str(&help_block(command));
    for sub in subcommands(command) {
        let _ = writeln!(text, "\n## `{}`\n", shown_name(sub));
        text.push_str(&help_block(sub));
    }
    Page {
        path: format!("{FOLDER}/commands/{}.md", command.get_name()),
        text: finished(&text),
    }
}

/// What `rk COMMAND --help` prints in a terminal [`WIDTH`] wide, fenced,
/// without the spaces clap leaves at ends of lines: the arguments parsed
/// as rk parses them, so the page says what the user sees (short or long
/// help as clap chooses).
fn help_block(command: &clap::Command) -> String {
    let name = shown_name(command);
    let mut args: Vec<&str> = name.split(' ').collect();
    args.push("--help");
    let help = match cli().try_get_matches_from(args) {
        Err(shown) => shown.render().to_string(),
        Ok(_) => String::new(),
    };
    let lines: Vec<&str> = help.trim_end().lines().map(str::trim_end).collect();
    format!("```text\n{}\n```\n", lines.join("\n"))
}

/// rk's command line, built, so each subcommand knows its full name
/// (`rk layout copy`) and wraps at [`WIDTH`].
fn cli() -> clap::Command {
    let mut command = Cli::command().term_width(WIDTH).max_term_width(WIDTH);
    command.build();
    command
}

/// The subcommands a user sees: not the hidden ones, nor `help` (which
/// says what `--help` says).
fn subcommands(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
}

/// `rk layout copy`, as typed.
fn shown_name(command: &clap::Command) -> String {
    command
        .get_bin_name()
        .unwrap_or_else(|| command.get_name())
        .to_string()
}

/// A page's text, ending in one newline and the line saying where it
/// comes from.
fn finished(text: &str) -> String {
    format!("{}\n\n{GENERATED}", text.trim_end())
}

/// Text for Markdown outside code: a `<` (`out/<meeting>/`) escaped so it
/// is not read as an HTML tag; code spans (between backticks) kept as they
/// are.
fn escaped(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(at, part)| {
            if at % 2 == 0 {
                part.replace('<', "\\<")
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// The line at the foot of each page, saying where it comes from.
const GENERATED: &str = "<!-- Made from the code (src/rules.rs, src/cli.rs) by \
    src/cmd/reference.rs; `just reference` writes it. Do not edit. -->\n";
