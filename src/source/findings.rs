//! The wording of every finding met while reading a meeting folder: one
//! function per message, returning the [`Diagnostic`]. The decoder and the
//! YAML parser word their own errors (`decode::Decoded`, `yaml::YamlError`);
//! here they become findings.

use crate::diag::{Diagnostic, Fix, Loc, Rule};
use crate::source::yaml::YamlError;

// Files -------------------------------------------------------------------------

/// `missing-file`: a meeting folder without its meeting.yaml.
pub fn no_meeting_yaml(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        "this meeting folder has no meeting.yaml",
    )
    .with_help("add meeting.yaml with body, date, referent and members, or remove the folder")
}

/// `encoding`: the file is not UTF-8 text, as the decoder says.
pub fn encoding(loc: Loc, message: String, help: &str) -> Diagnostic {
    Diagnostic::error(Rule::Encoding, loc, message).with_help(help)
}

/// `yaml`: a YAML error. The parser's own words (`err.parser`) go under a
/// plain sentence, as a note, with the usual cause as the help.
pub fn yaml(loc: Loc, err: YamlError) -> Diagnostic {
    let mut diag = if err.parser {
        let (headline, help) = plain_words(&err.message, err.fix.is_some());
        Diagnostic::error(Rule::Yaml, loc, headline)
            .with_note(format!("the YAML parser says: {}", err.message))
            .with_help_opt(help.map(String::from))
    } else {
        Diagnostic::error(Rule::Yaml, loc, err.message).with_help_opt(err.help)
    };
    diag.fix = err.fix.map(|(span, text)| Fix { span, text });
    diag
}

/// One of the parser's errors in a referent's words: what is wrong, and
/// its usual cause. `quotable`: the line is `key: value` with `: ` in the
/// value, which quotes mend.
fn plain_words(parser: &str, quotable: bool) -> (&'static str, Option<&'static str>) {
    if parser.contains("mapping values are not allowed") {
        let headline = if quotable {
            "a value with a colon needs quotes"
        } else {
            "a `: ` where YAML does not expect one: the fields do not line up, or a value \
             with a colon needs quotes"
        };
        return (headline, Some(COLON_HELP));
    }
    PARSER_WORDS
        .iter()
        .find(|(said, ..)| said.iter().any(|w| parser.contains(w)))
        .map_or(
            ("this YAML cannot be read", None),
            |&(_, headline, help)| (headline, Some(help)),
        )
}

const COLON_HELP: &str = "a value that holds `: ` must be quoted (title: \"Tema: Evaluering\"); \
     if it is not that, check that the fields of one mapping line up";

/// The parser's usual errors, by words of its message (the first that
/// matches counts): the plain sentence and the help.
const PARSER_WORDS: &[(&[&str], &str, &str)] = &[
    (
        &[
            "did not find expected '-' indicator",
            "did not find expected key",
        ],
        "the lines of a list or mapping do not line up",
        "the entries of one list or mapping must line up: check the indentation",
    ),
    (
        &["only valid inside a block"],
        "a list entry `- ` where YAML does not expect one",
        "a `{` or `[` above may not be closed on its line (`{ name: Anna Holm }`), or the \
         entries of the list do not line up",
    ),
    (
        &["comment intercepting"],
        "` #` in a value starts a comment",
        "` #` starts a comment in YAML: put the value in quotes (title: \"Budget #2\")",
    ),
    (
        &["trailing content after"],
        "text after the closing quote",
        "a quoted value is the whole value: put all of it in quotes \
         (title: \"'Tema' og mere\"), or none of it",
    ),
    (
        &["illegal placement of ':'"],
        "a `:` where YAML does not expect one",
        "a `[` or `{` is not closed on its line, or a value with `:` needs quotes",
    ),
    (
        &["simple key expect"],
        "a line YAML cannot read as `field: value`",
        "write a space after the colon (`kind: beslutning`), and line up the fields",
    ),
    (
        &["quoted scalar"],
        "a quoted value is not closed",
        "end a value that starts with `\"` or `'` with the same quote, on the same line",
    ),
    (
        &["flow"],
        "a list in `[ ]` or a mapping in `{ }` cannot be read to its end",
        "a `[` or `{` is not closed, or a value in it needs quotes",
    ),
    (
        &["tab"],
        "a tab where YAML wants spaces",
        "indent with spaces, not tabs",
    ),
    (
        &["unexpected character", "cannot start any token"],
        "a value starts with a character YAML reserves",
        "a value that starts with `@`, a backtick, `%` or `!` must be quoted: title: \"@x\"",
    ),
];

/// How an item file starts.
const FRONT_MATTER_EXAMPLE: &str = "start the file with front matter:\n---\nnumber: \"2.1\"\ntitle: <title>\nsag: SAG-2020-01234\n---";

/// `missing-field`: an item file that does not start with `---`.
pub fn no_front_matter(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingField,
        loc,
        "agenda item has no front matter (no `number` and `title`)",
    )
    .with_help(FRONT_MATTER_EXAMPLE)
}

/// `yaml`: front matter with no closing `---`.
pub fn front_matter_not_closed(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::Yaml,
        loc,
        "front matter is not closed: no `---` line after it",
    )
    .with_help("end the front matter with a line holding only `---`")
}

// Fields ------------------------------------------------------------------------

/// `unknown-field`: `name` is not a field of `what`; `meant` is the field
/// it most likely means, `danish` when it is that field's Danish name.
pub fn unknown_field(
    loc: Loc,
    name: &str,
    what: &str,
    meant: Option<&str>,
    danish: bool,
    allowed: &[&str],
) -> Diagnostic {
    let help = match meant {
        Some(s) if danish => format!("did you mean `{s}`? Field names are in English"),
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("the fields of {what} are: {}", allowed.join(", ")),
    };
    let diag = Diagnostic::error(
        Rule::UnknownField,
        loc,
        format!("unknown field `{name}` in {what}"),
    )
    .with_help(help);
    match meant {
        Some(field) => diag.with_fix(field),
        None => diag,
    }
}

/// A field that must be there and have a value: its name, the name of the
/// mapping that holds it (in messages), and what to write.
pub struct Required {
    pub field: &'static str,
    pub what: &'static str,
    pub help: &'static str,
}

/// The fields every meeting.yaml has.
pub const MEETING_REQUIRED: [Required; 4] = [
    Required {
        field: "body",
        what: "meeting.yaml",
        help: "write `body: It-Arkitekturrådet`",
    },
    Required {
        field: "date",
        what: "meeting.yaml",
        help: "write `date: 2020-11-25`",
    },
    Required {
        field: "referent",
        what: "meeting.yaml",
        help: "write `referent: <name of a present person>`",
    },
    Required {
        field: "members",
        what: "meeting.yaml",
        help: "write `members:\n  - name: <name>\n    organisation: <organisation>`",
    },
];

/// An agenda item's number.
pub const ITEM_NUMBER: Required = Required {
    field: "number",
    what: "this agenda item",
    help: "write `number: \"2.1\"` in the front matter",
};

/// An agenda item's title.
pub const ITEM_TITLE: Required = Required {
    field: "title",
    what: "this agenda item",
    help: "write `title: <the item's title>` in the front matter",
};

/// The name of a person written as an empty entry (`- `).
pub const ENTRY_NAME: Required = Required {
    field: "name",
    what: "an entry of this list",
    help: "write the person's name after `- `, or remove the line",
};

/// The name of a person written as fields.
pub const PERSON_NAME: Required = Required {
    field: "name",
    what: "a person",
    help: "add `name: <full name>`",
};

/// The file of an attachment.
pub const ATTACHMENT_FILE: Required = Required {
    field: "file",
    what: "an attachment",
    help: "add `file: bilag/<name>`",
};

/// The date of an item's `added`.
pub const ADDED_DATE: Required = Required {
    field: "date",
    what: "`added`",
    help: "add the date the item was put on the agenda: `date: 2024-05-27`",
};

/// The reason of an item's `added`.
pub const ADDED_REASON: Required = Required {
    field: "reason",
    what: "`added`",
    help: "add why the item could not wait for the next meeting: `reason: \"...\"`",
};

/// The web address of a linked attachment.
pub const ATTACHMENT_URL: Required = Required {
    field: "url",
    what: "an attachment",
    help: "write the page's full address: `url: https://...`",
};

/// The title of a section of meeting.yaml.
pub const SECTION_TITLE: Required = Required {
    field: "title",
    what: "a section",
    help: "add `title: <the heading>`, e.g. `title: Lukkede punkter`",
};

/// The date of a berigtigelse.
pub const CORRECTION_DATE: Required = Required {
    field: "date",
    what: "a berigtigelse",
    help: "add `date: YYYY-MM-DD`, the day the correction was made",
};

/// The text of a berigtigelse.
pub const CORRECTION_TEXT: Required = Required {
    field: "text",
    what: "a berigtigelse",
    help: "add `text: <what is corrected, and how>`",
};

/// The first item of a section of meeting.yaml.
pub const SECTION_FROM: Required = Required {
    field: "from",
    what: "a section",
    help: "add `from: <the number of the section's first item>`",
};

/// `missing-field`: the mapping has no `required.field`.
pub fn field_missing(loc: Loc, required: &Required) -> Diagnostic {
    let Required { field, what, help } = required;
    Diagnostic::error(Rule::MissingField, loc, format!("{what} has no `{field}`")).with_help(*help)
}

/// `missing-field`: `required.field:` with no value.
pub fn field_empty(loc: Loc, required: &Required) -> Diagnostic {
    let Required { field, help, .. } = required;
    Diagnostic::error(Rule::MissingField, loc, format!("`{field}` is empty")).with_help(*help)
}

/// `bad-value`: `what` is not a mapping of fields.
pub fn not_a_mapping(loc: Loc, what: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("{what} must be a mapping of fields"),
    )
}

/// `bad-value`: `field` holds `kind` (a list, a mapping) where text belongs.
pub fn not_text(loc: Loc, field: &str, kind: &str, is_list: bool) -> Diagnostic {
    let help = if is_list {
        format!(
            "write one value after `{field}:`; if it holds a comma or brackets, put it in quotes"
        )
    } else {
        format!("write `{field}: <text>` on one line")
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{field}` must be text, not {kind}"),
    )
    .with_help(help)
}

/// `bad-value`: `field` is neither true nor false.
pub fn not_a_boolean(loc: Loc, field: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{field}` must be true or false"),
    )
    .with_help(format!("write `{field}: true` or `{field}: false`"))
}

/// `bad-value`: a plain value in curly quotes; `help` shows it in straight
/// ones.
pub fn curly_quoted(loc: Loc, text: &str, help: String) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{text}` is in curly quotes, which YAML keeps as part of the text"),
    )
    .with_help(help)
}

/// `yaml-comment`: a ` #` cuts `field` short at `read`; `fixed` is the line
/// meant, quoted.
pub fn cut_short_by_comment(loc: Loc, field: &str, read: &str, fixed: &str) -> Diagnostic {
    Diagnostic::warning(
        Rule::YamlComment,
        loc,
        format!("`#` starts a YAML comment here: `{field}` is read as `{read}`"),
    )
    .with_help(format!("write `{fixed}`"))
}

/// `bad-value`: a list written with bullets; `message` is the YAML
/// module's word for the bullet, `list` the entries as `\n  - entry`.
pub fn bulleted_list(loc: Loc, message: String, field: &str, list: &str) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, message).with_help(format!(
        "write one entry a line after `- `:\n{field}:{list}"
    ))
}

/// `bad-value`: a group of people that is not a list.
pub fn not_a_list_of_people(loc: Loc, group: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{group}` must be a list of people"),
    )
    .with_help(format!("write one person a line:\n{group}:\n  - <name>"))
}

/// `bad-value`: `attachments` that is not a list.
pub fn not_a_list_of_attachments(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "`attachments` must be a list of `{ file, title }` or `{ url, title }`",
    )
}

/// `bad-value`: an attachment with both `file` and `url`.
pub fn file_and_url(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "an attachment is a `file` or a `url`, not both",
    )
    .with_help("make them two attachments, each with its own `title`")
}

/// `bad-value`: `value` of `field` is not one of `values`; `meant` is the
/// value it most likely means.
pub fn not_one_of(
    loc: Loc,
    field: &str,
    value: &str,
    values: &[&str],
    meant: Option<&str>,
) -> Diagnostic {
    let list = values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let help = match meant {
        Some(meant) => format!("did you mean `{field}: {meant}`?"),
        None => format!("`{field}` is one of {list}, written as here"),
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{value}` is not a value of `{field}` (one of {list})"),
    )
    .with_help(help)
}

// The status of the referat ----------------------------------------------------

/// `missing-field`: `status: godkendt` without the date of the approval
/// (`empty`: `approved:` is written with no value).
pub fn approved_missing(loc: Loc, empty: bool) -> Diagnostic {
    let message = if empty {
        "`approved` is empty"
    } else {
        "an approved referat (`status: godkendt`) has no `approved` date"
    };
    Diagnostic::error(Rule::MissingField, loc, message)
        .with_help("write `approved: YYYY-MM-DD`, the date the referat was approved")
}

/// `bad-value`: `approved` with `status: udkast`.
pub fn approved_on_a_draft(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "a draft (`status: udkast`) has no approval date",
    )
    .with_help("write `status: godkendt` once the referat is approved, or remove `approved`")
}

/// `missing-field`: `approved` without any `status`.
pub fn approved_without_status(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingField,
        loc,
        "`approved` is given, but no `status`",
    )
    .with_help("add `status: godkendt` (or remove `approved`)")
}

/// `bad-value`: `sections` is not a list of sections.
pub fn not_a_list_of_approvals(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "`approvals` must be a list of `{ name, date, forbehold }`",
    )
    .with_help("write `approvals:\n  - { name: Anna Holm, date: 2024-06-26 }`")
}

/// `bad-value`: `berigtigelser` is not a list.
pub fn not_a_list_of_corrections(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "`berigtigelser` must be a list of `{ date, text }`",
    )
    .with_help("write `berigtigelser:\n  - { date: 2024-07-03, text: \"...\" }`")
}

/// `bad-value`: `sections` is not a list.
pub fn not_a_list_of_sections(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "`sections` must be a list of `{ title, from, closed }`",
    )
    .with_help("write `sections:\n  - title: Lukkede punkter\n    from: 48\n    closed: true`")
}

// The beslutningsprotokol ------------------------------------------------------

/// `bad-value`: `field` (`votes`, `dissents`, `inhabil`) is not a list of
/// its entries; `example` is how one is written.
pub fn not_a_list_of(loc: Loc, field: &str, example: &str) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, format!("`{field}` must be a list"))
        .with_help(format!("write `{field}:\n{example}`"))
}

/// `bad-value`: `groups` is not a mapping of letters to names.
pub fn not_groups(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        "`groups` must map each group's letter to its name",
    )
    .with_help("write `groups:\n  A: Socialdemokratiet\n  V: Venstre`")
}

/// `bad-value`: a count of a vote that is no whole number.
pub fn not_a_count(loc: Loc, choice: &str, value: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{value}` is not a number of votes"),
    )
    .with_help(format!(
        "write the number of votes as digits: `{choice}: 14`"
    ))
}

/// A vote's subject.
pub const VOTE_SUBJECT: Required = Required {
    field: "subject",
    what: "a vote",
    help: "write what was voted on: `subject: Ændringsforslag fra Ø`",
};

/// A vote's outcome.
pub const VOTE_OUTCOME: Required = Required {
    field: "outcome",
    what: "a vote",
    help: "write `outcome: vedtaget` or `outcome: forkastet`",
};

/// The author of a protokoltilførsel.
pub const DISSENT_BY: Required = Required {
    field: "by",
    what: "a protokoltilførsel",
    help: "write who asked for it: `by: Ø` or `by: [Jens Vestergaard]`",
};

/// The text of a protokoltilførsel.
pub const DISSENT_TEXT: Required = Required {
    field: "text",
    what: "a protokoltilførsel",
    help: "write what is to be recorded: `text: Enhedslisten kan ikke støtte …`",
};
