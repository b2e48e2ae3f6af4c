//! `rk explain RULE`: a rule's explanation and example; `rk explain`: the
//! rules with their summaries; `--markdown`: the same as Markdown, the list
//! as the rule table of the documentation.

use std::io::{self, Write};

use anyhow::{Result, bail};

use crate::cli::ExplainArgs;
use crate::cmd::Outcome;
use crate::rules::{self, Rule};
use crate::suggest;
use crate::tr;

pub fn run(args: &ExplainArgs) -> Result<Outcome> {
    let text = match &args.rule {
        Some(name) => rules::explanation(find(name)?, args.markdown),
        None if args.markdown => rules::markdown_table(),
        None => list(),
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}

/// The rule a name means, or an error with a did-you-mean.
fn find(name: &str) -> Result<Rule> {
    if let Some(rule) = Rule::from_name(name) {
        return Ok(rule);
    }
    let names = Rule::EVERY.iter().map(|rule| rule.name());
    let hint = suggest::closest(name, names)
        .map_or_else(String::new, |s| tr!("error-did-you-mean", name = s));
    bail!(tr!("error-no-rule", name = name, hint = hint))
}

/// Every rule, its name and summary in two columns.
fn list() -> String {
    let width = Rule::EVERY
        .iter()
        .map(|rule| rule.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in Rule::EVERY {
        let doc = rule.doc();
        let warning = match doc.severity {
            rules::Severity::Error => String::new(),
            rules::Severity::Warning => format!(" ({})", tr!("severity-warning")),
        };
        out.push_str(&format!("{:width$}  {}{warning}\n", doc.name, doc.summary));
    }
    out.push('\n');
    out.push_str(&tr!("cmd-explain-one"));
    out.push('\n');
    out
}
