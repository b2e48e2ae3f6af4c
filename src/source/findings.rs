//! The wording of every finding met while reading a meeting folder: one
//! function per message, returning the [`Diagnostic`]. The words are in
//! the catalogue `locales/*/loading.ftl`. The decoder and the YAML parser
//! say what they found (`decode::Problem`, `yaml::YamlError`); here they
//! become findings.

use crate::diag::{Diagnostic, Fix, Loc, Rule};
use crate::source::decode::Problem;
use crate::source::yaml::YamlError;
use crate::tr;

// Files -------------------------------------------------------------------------

/// `missing-file`: a meeting folder without its meeting.yaml.
pub fn no_meeting_yaml(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingFile, loc, tr!("load-no-meeting-yaml"))
        .with_help(tr!("load-no-meeting-yaml.help"))
}

/// `encoding`: the file is not UTF-8 text, as the decoder found.
pub fn encoding(loc: Loc, problem: Problem) -> Diagnostic {
    let (message, help) = match problem {
        Problem::Utf16 => (tr!("load-encoding-utf16"), tr!("load-encoding-utf16.help")),
        Problem::Nul => (tr!("load-encoding-nul"), tr!("load-encoding-nul.help")),
        Problem::LoneCr => (
            tr!("load-encoding-lone-cr"),
            tr!("load-encoding-lone-cr.help"),
        ),
        Problem::NotUtf8 { byte } => (
            tr!("load-encoding-not-utf8", byte = format!("{byte:02X}")),
            tr!("load-encoding-not-utf8.help"),
        ),
    };
    Diagnostic::error(Rule::Encoding, loc, message).with_help(help)
}

/// `yaml`: a YAML error. The parser's own words (`err.parser`) go under a
/// plain sentence, as a note, with the usual cause as the help.
pub fn yaml(loc: Loc, err: YamlError) -> Diagnostic {
    let mut diag = if err.parser {
        let (headline, help) = plain_words(&err.message, err.fix.is_some());
        Diagnostic::error(Rule::Yaml, loc, headline)
            .with_note(tr!("load-yaml-parser-says", said = err.message.as_str()))
            .with_help_opt(help)
    } else {
        Diagnostic::error(Rule::Yaml, loc, err.message).with_help_opt(err.help)
    };
    diag.fix = err.fix.map(|(span, text)| Fix { span, text });
    diag
}

/// One of the parser's errors in a referent's words: what is wrong, and
/// its usual cause. `quotable`: the line is `key: value` with `: ` in the
/// value, which quotes mend.
fn plain_words(parser: &str, quotable: bool) -> (String, Option<String>) {
    if parser.contains("mapping values are not allowed") {
        return if quotable {
            (
                tr!("load-yaml-colon-quotable"),
                Some(tr!("load-yaml-colon-quotable.help")),
            )
        } else {
            (tr!("load-yaml-colon"), Some(tr!("load-yaml-colon.help")))
        };
    }
    PARSER_WORDS
        .iter()
        .find(|(said, _)| said.iter().any(|w| parser.contains(w)))
        .map_or((tr!("load-yaml-cannot-be-read"), None), |(_, words)| {
            let (headline, help) = words();
            (headline, Some(help))
        })
}

/// The parser's usual errors, by words of its message (the first that
/// matches counts): the plain sentence and the help.
type ParserWords = (&'static [&'static str], fn() -> (String, String));

const PARSER_WORDS: &[ParserWords] = &[
    (
        &[
            "did not find expected '-' indicator",
            "did not find expected key",
        ],
        || {
            (
                tr!("load-yaml-not-lined-up"),
                tr!("load-yaml-not-lined-up.help"),
            )
        },
    ),
    (&["only valid inside a block"], || {
        (
            tr!("load-yaml-stray-dash"),
            tr!("load-yaml-stray-dash.help"),
        )
    }),
    (&["comment intercepting"], || {
        (
            tr!("load-yaml-comment-in-value"),
            tr!("load-yaml-comment-in-value.help"),
        )
    }),
    (&["trailing content after"], || {
        (
            tr!("load-yaml-after-quote"),
            tr!("load-yaml-after-quote.help"),
        )
    }),
    (&["illegal placement of ':'"], || {
        (
            tr!("load-yaml-stray-colon"),
            tr!("load-yaml-stray-colon.help"),
        )
    }),
    (&["simple key expect"], || {
        (
            tr!("load-yaml-simple-key"),
            tr!("load-yaml-simple-key.help"),
        )
    }),
    (&["quoted scalar"], || {
        (
            tr!("load-yaml-quote-not-closed"),
            tr!("load-yaml-quote-not-closed.help"),
        )
    }),
    (&["flow"], || {
        (tr!("load-yaml-flow"), tr!("load-yaml-flow.help"))
    }),
    (&["tab"], || {
        (tr!("load-yaml-tab"), tr!("load-yaml-tab.help"))
    }),
    (&["unexpected character", "cannot start any token"], || {
        (
            tr!("load-yaml-reserved-character"),
            tr!("load-yaml-reserved-character.help"),
        )
    }),
];

/// `missing-field`: an item file that does not start with `---`.
pub fn no_front_matter(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingField, loc, tr!("load-no-front-matter"))
        .with_help(tr!("load-no-front-matter.help"))
}

/// `yaml`: front matter with no closing `---`.
pub fn front_matter_not_closed(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::Yaml, loc, tr!("load-front-matter-not-closed"))
        .with_help(tr!("load-front-matter-not-closed.help"))
}

// Fields ------------------------------------------------------------------------

/// A mapping of fields, as the findings about its fields name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    MeetingYaml,
    /// An agenda item's front matter, among others.
    Item,
    /// The agenda item of the file the finding is in.
    ThisItem,
    Person,
    /// An entry of a list of people.
    ListEntry,
    Section,
    Attachment,
    /// An item's `added`.
    Added,
    Approval,
    Correction,
    Vote,
    VoteCounts,
    Dissent,
    Inhabil,
}

impl Mapping {
    /// The mapping in words ("a person"), in the chosen language.
    pub fn words(self) -> String {
        match self {
            Mapping::MeetingYaml => tr!("load-mapping-meeting-yaml"),
            Mapping::Item => tr!("load-mapping-item"),
            Mapping::ThisItem => tr!("load-mapping-this-item"),
            Mapping::Person => tr!("load-mapping-person"),
            Mapping::ListEntry => tr!("load-mapping-list-entry"),
            Mapping::Section => tr!("load-mapping-section"),
            Mapping::Attachment => tr!("load-mapping-attachment"),
            Mapping::Added => tr!("load-mapping-added"),
            Mapping::Approval => tr!("load-mapping-approval"),
            Mapping::Correction => tr!("load-mapping-correction"),
            Mapping::Vote => tr!("load-mapping-vote"),
            Mapping::VoteCounts => tr!("load-mapping-vote-counts"),
            Mapping::Dissent => tr!("load-mapping-dissent"),
            Mapping::Inhabil => tr!("load-mapping-inhabil"),
        }
    }
}

/// `unknown-field`: `name` is not a field of `what`; `meant` is the field
/// it most likely means, `danish` when it is that field's Danish name.
pub fn unknown_field(
    loc: Loc,
    name: &str,
    what: Mapping,
    meant: Option<&str>,
    danish: bool,
    allowed: &[&str],
) -> Diagnostic {
    let help = match meant {
        Some(s) if danish => tr!("load-unknown-field.help-danish", meant = s),
        Some(s) => tr!("load-unknown-field.help", meant = s),
        None => tr!(
            "load-unknown-field.help-list",
            what = what.words(),
            allowed = allowed.join(", ")
        ),
    };
    let diag = Diagnostic::error(
        Rule::UnknownField,
        loc,
        tr!("load-unknown-field", name = name, what = what.words()),
    )
    .with_help(help);
    match meant {
        Some(field) => diag.with_fix(field),
        None => diag,
    }
}

/// A field that must be there and have a value: its name, the mapping
/// that holds it (in messages), and what to write.
pub struct Required {
    pub field: &'static str,
    pub what: Mapping,
    pub help: fn() -> String,
}

/// The fields every meeting.yaml has.
pub const MEETING_REQUIRED: [Required; 4] = [
    Required {
        field: "body",
        what: Mapping::MeetingYaml,
        help: || tr!("load-required-body"),
    },
    Required {
        field: "date",
        what: Mapping::MeetingYaml,
        help: || tr!("load-required-date"),
    },
    Required {
        field: "referent",
        what: Mapping::MeetingYaml,
        help: || tr!("load-required-referent"),
    },
    Required {
        field: "members",
        what: Mapping::MeetingYaml,
        help: || tr!("load-required-members"),
    },
];

/// An agenda item's number.
pub const ITEM_NUMBER: Required = Required {
    field: "number",
    what: Mapping::ThisItem,
    help: || tr!("load-required-item-number"),
};

/// An agenda item's title.
pub const ITEM_TITLE: Required = Required {
    field: "title",
    what: Mapping::ThisItem,
    help: || tr!("load-required-item-title"),
};

/// The name of a person written as an empty entry (`- `).
pub const ENTRY_NAME: Required = Required {
    field: "name",
    what: Mapping::ListEntry,
    help: || tr!("load-required-entry-name"),
};

/// The name of a person written as fields.
pub const PERSON_NAME: Required = Required {
    field: "name",
    what: Mapping::Person,
    help: || tr!("load-required-person-name"),
};

/// The file of an attachment.
pub const ATTACHMENT_FILE: Required = Required {
    field: "file",
    what: Mapping::Attachment,
    help: || tr!("load-required-attachment-file"),
};

/// The date of an item's `added`.
pub const ADDED_DATE: Required = Required {
    field: "date",
    what: Mapping::Added,
    help: || tr!("load-required-added-date"),
};

/// The reason of an item's `added`.
pub const ADDED_REASON: Required = Required {
    field: "reason",
    what: Mapping::Added,
    help: || tr!("load-required-added-reason"),
};

/// The web address of a linked attachment.
pub const ATTACHMENT_URL: Required = Required {
    field: "url",
    what: Mapping::Attachment,
    help: || tr!("load-required-attachment-url"),
};

/// The title of a section of meeting.yaml.
pub const SECTION_TITLE: Required = Required {
    field: "title",
    what: Mapping::Section,
    help: || tr!("load-required-section-title"),
};

/// The date of a berigtigelse.
pub const CORRECTION_DATE: Required = Required {
    field: "date",
    what: Mapping::Correction,
    help: || tr!("load-required-correction-date"),
};

/// The text of a berigtigelse.
pub const CORRECTION_TEXT: Required = Required {
    field: "text",
    what: Mapping::Correction,
    help: || tr!("load-required-correction-text"),
};

/// The first item of a section of meeting.yaml.
pub const SECTION_FROM: Required = Required {
    field: "from",
    what: Mapping::Section,
    help: || tr!("load-required-section-from"),
};

/// `missing-field`: the mapping has no `required.field`.
pub fn field_missing(loc: Loc, required: &Required) -> Diagnostic {
    let Required { field, what, help } = required;
    let message = tr!("load-field-missing", what = what.words(), field = *field);
    Diagnostic::error(Rule::MissingField, loc, message).with_help(help())
}

/// `missing-field`: `required.field:` with no value.
pub fn field_empty(loc: Loc, required: &Required) -> Diagnostic {
    let Required { field, help, .. } = required;
    Diagnostic::error(
        Rule::MissingField,
        loc,
        tr!("load-field-empty", field = *field),
    )
    .with_help(help())
}

/// `bad-value`: `what` is not a mapping of fields.
pub fn not_a_mapping(loc: Loc, what: Mapping) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-not-a-mapping", what = what.words()),
    )
}

/// `bad-value`: `field` holds `kind` (`list`, `mapping`: `yaml::Node::kind`)
/// where text belongs.
pub fn not_text(loc: Loc, field: &str, kind: &str, is_list: bool) -> Diagnostic {
    let help = if is_list {
        tr!("load-not-text.help-list", field = field)
    } else {
        tr!("load-not-text.help", field = field)
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-not-text", field = field, kind = kind),
    )
    .with_help(help)
}

/// `bad-value`: `field` is neither true nor false.
pub fn not_a_boolean(loc: Loc, field: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-not-a-boolean", field = field),
    )
    .with_help(tr!("load-not-a-boolean.help", field = field))
}

/// `bad-value`: a plain value in curly quotes; `fixed` is the line written
/// with straight ones.
pub fn curly_quoted(loc: Loc, text: &str, fixed: &str) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-curly-quoted", text = text))
        .with_help(tr!("load-yaml-straight-quotes", fixed = fixed))
}

/// `yaml-comment`: a ` #` cuts `field` short at `read`; `fixed` is the line
/// meant, quoted.
pub fn cut_short_by_comment(loc: Loc, field: &str, read: &str, fixed: &str) -> Diagnostic {
    Diagnostic::warning(
        Rule::YamlComment,
        loc,
        tr!("load-cut-short-by-comment", field = field, read = read),
    )
    .with_help(tr!("load-cut-short-by-comment.help", fixed = fixed))
}

/// `bad-value`: a list written with `bullet`s; `list` is the entries as
/// `\n  - entry`.
pub fn bulleted_list(loc: Loc, bullet: char, field: &str, list: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-yaml-not-a-list-marker", bullet = bullet.to_string()),
    )
    .with_help(tr!("load-bulleted-list.help", field = field, list = list))
}

/// `bad-value`: a group of people that is not a list.
pub fn not_a_list_of_people(loc: Loc, group: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-not-a-list-of-people", group = group),
    )
    .with_help(tr!("load-not-a-list-of-people.help", group = group))
}

/// `bad-value`: `attachments` that is not a list.
pub fn not_a_list_of_attachments(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-a-list-of-attachments"))
}

/// `bad-value`: an attachment with both `file` and `url`.
pub fn file_and_url(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-file-and-url"))
        .with_help(tr!("load-file-and-url.help"))
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
        Some(meant) => tr!("load-not-one-of.help", field = field, meant = meant),
        None => tr!(
            "load-not-one-of.help-list",
            field = field,
            values = list.as_str()
        ),
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!(
            "load-not-one-of",
            value = value,
            field = field,
            values = list
        ),
    )
    .with_help(help)
}

// The status of the referat ----------------------------------------------------

/// `missing-field`: `status: godkendt` without the date of the approval
/// (`empty`: `approved:` is written with no value).
pub fn approved_missing(loc: Loc, empty: bool) -> Diagnostic {
    let (message, help) = if empty {
        (tr!("load-approved-empty"), tr!("load-approved-empty.help"))
    } else {
        (
            tr!("load-approved-missing"),
            tr!("load-approved-missing.help"),
        )
    };
    Diagnostic::error(Rule::MissingField, loc, message).with_help(help)
}

/// `bad-value`: `approved` with `status: udkast`.
pub fn approved_on_a_draft(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-approved-on-a-draft"))
        .with_help(tr!("load-approved-on-a-draft.help"))
}

/// `missing-field`: `approved` without any `status`.
pub fn approved_without_status(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingField, loc, tr!("load-approved-without-status"))
        .with_help(tr!("load-approved-without-status.help"))
}

/// `bad-value`: `approvals` is not a list of approvals.
pub fn not_a_list_of_approvals(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-a-list-of-approvals"))
        .with_help(tr!("load-not-a-list-of-approvals.help"))
}

/// `bad-value`: `berigtigelser` is not a list.
pub fn not_a_list_of_corrections(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-a-list-of-corrections"))
        .with_help(tr!("load-not-a-list-of-corrections.help"))
}

/// `bad-value`: `sections` is not a list.
pub fn not_a_list_of_sections(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-a-list-of-sections"))
        .with_help(tr!("load-not-a-list-of-sections.help"))
}

// The beslutningsprotokol ------------------------------------------------------

/// A list of the beslutningsprotokol's entries of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolList {
    Votes,
    Dissents,
    Inhabil,
}

impl ProtocolList {
    /// The field that holds the list.
    pub fn key(self) -> &'static str {
        match self {
            ProtocolList::Votes => "votes",
            ProtocolList::Dissents => "dissents",
            ProtocolList::Inhabil => "inhabil",
        }
    }
}

/// `bad-value`: `list` (`votes`, `dissents`, `inhabil`) is not a list of
/// its entries; the help shows how one is written.
pub fn not_a_list_of(loc: Loc, list: ProtocolList) -> Diagnostic {
    let help = match list {
        ProtocolList::Votes => tr!("load-not-a-list-of.help-votes"),
        ProtocolList::Dissents => tr!("load-not-a-list-of.help-dissents"),
        ProtocolList::Inhabil => tr!("load-not-a-list-of.help-inhabil"),
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("load-not-a-list-of", field = list.key()),
    )
    .with_help(help)
}

/// `bad-value`: `groups` is not a mapping of letters to names.
pub fn not_groups(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-groups"))
        .with_help(tr!("load-not-groups.help"))
}

/// `bad-value`: a count of a vote that is no whole number.
pub fn not_a_count(loc: Loc, choice: &str, value: &str) -> Diagnostic {
    Diagnostic::error(Rule::BadValue, loc, tr!("load-not-a-count", value = value))
        .with_help(tr!("load-not-a-count.help", choice = choice))
}

/// A vote's subject.
pub const VOTE_SUBJECT: Required = Required {
    field: "subject",
    what: Mapping::Vote,
    help: || tr!("load-required-vote-subject"),
};

/// A vote's outcome.
pub const VOTE_OUTCOME: Required = Required {
    field: "outcome",
    what: Mapping::Vote,
    help: || tr!("load-required-vote-outcome"),
};

/// The author of a protokoltilførsel.
pub const DISSENT_BY: Required = Required {
    field: "by",
    what: Mapping::Dissent,
    help: || tr!("load-required-dissent-by"),
};

/// The text of a protokoltilførsel.
pub const DISSENT_TEXT: Required = Required {
    field: "text",
    what: Mapping::Dissent,
    help: || tr!("load-required-dissent-text"),
};
