//! The JSON Schemas of meeting.yaml and of an item's front matter, for
//! editors (yaml-language-server, VS Code) and validators
//! (check-jsonschema). They are made from what the loaders read: the
//! properties of each mapping are its field list (`MEETING_FIELDS`,
//! `PERSON_FIELDS`, ...), the words of a closed set its model type's
//! (`Kind::ALL`), the required fields the findings' [`Required`]s. What a
//! list cannot say, a field's shape and its description, is kept here by
//! the field's name; a field of a list without one fails the schema test.
//!
//! A schema says less than `rk check`: it knows no meeting (who is present,
//! which items exist), and rk.toml may make the referent optional, so
//! `referent` is not required here. The words of `kind`, `status`,
//! `outcome` and `absence` are offered as rk writes them; any case of them
//! is accepted, as rk accepts it.

use serde_json::{Map, Value, json};

use crate::model::{Absence, Approval, Kind, Outcome, Status, VoteOutcome};
use crate::source::findings::{self, Required};
use crate::source::{approvals, protocol};

/// The JSON Schema draft the schemas are written in: the one taplo,
/// yaml-language-server and check-jsonschema all read.
pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// What a field's value is.
enum Shape {
    /// Any scalar, read as the text written (`number: 4` is "4"); empty is
    /// no value.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `true` or `false`.
    Boolean,
    /// One word of a closed set, in any case. Empty, which rk takes as no
    /// value, is not offered: an editor would complete `null`.
    Words(Vec<&'static str>),
    /// One text or a list of texts (`responsible: A` or `[A, B]`).
    TextOrList,
    /// A whole number, written bare or quoted.
    Count,
    /// A list whose entries are names or mappings of `of`.
    NamesOr(&'static Mapping),
    /// A list of mappings of `of`.
    List(&'static Mapping),
    /// One mapping of `of`.
    One(&'static Mapping),
    /// `inhabil`: one name, or a list of names or mappings of `of`.
    NameOrList(&'static Mapping),
    /// A mapping of a group's letter to its name.
    Groups,
    /// An attachment: a file's path, or a mapping of `of`.
    Attachments(&'static Mapping),
}

/// One mapping of the source format: the field list its loader reads, and
/// the fields it requires.
struct Mapping {
    /// How the schema titles it.
    title: &'static str,
    fields: &'static [&'static str],
    required: &'static [Required],
    /// Required fields that rk.toml may make optional (`referent =
    /// "optional"`): a schema of the file cannot see rk.toml, so they are
    /// not required in it.
    optional_by_config: &'static [&'static str],
    /// The shape and description of each field, by name.
    describe: fn(&str) -> Option<(Shape, &'static str)>,
}

/// meeting.yaml's JSON Schema.
pub fn meeting_schema() -> Value {
    document(&MEETING, "meeting.yaml: who met, when and where")
}

/// The JSON Schema of an item's front matter (the YAML between the `---`
/// lines at the top of an item file).
pub fn item_schema() -> Value {
    document(&ITEM, "An agenda item's front matter")
}

fn document(mapping: &Mapping, title: &str) -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".into(), DRAFT.into());
    schema.insert("title".into(), title.into());
    if let Value::Object(object) = object(mapping) {
        schema.extend(object);
    }
    Value::Object(schema)
}

/// The schema of one mapping: its fields, the required ones, and no other
/// (rk reports an unknown field).
fn object(mapping: &Mapping) -> Value {
    let mut properties = Map::new();
    for &name in mapping.fields {
        let (shape, description) = (mapping.describe)(name).unwrap_or_else(|| {
            panic!(
                "`{name}` of {} has no shape and description in src/source/schema.rs",
                mapping.title
            )
        });
        let mut schema = shape.schema();
        schema["description"] = description.into();
        properties.insert(name.to_string(), schema);
    }
    let required: Vec<&str> = mapping
        .required
        .iter()
        .map(|r| r.field)
        .filter(|field| !mapping.optional_by_config.contains(field))
        .collect();
    let mut schema = json!({
        "type": "object",
        "title": mapping.title,
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

impl Shape {
    fn schema(&self) -> Value {
        match self {
            Shape::Text => text(),
            Shape::Date => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }),
            Shape::Boolean => json!({ "type": ["boolean", "null"] }),
            Shape::Words(words) => json!({
                "anyOf": [
                    { "enum": words },
                    { "type": "string", "pattern": any_case(words) },
                ]
            }),
            Shape::TextOrList => json!({ "anyOf": [text(), { "type": "array", "items": text() }] }),
            Shape::Count => json!({
                "type": ["integer", "string"], "minimum": 0, "pattern": "^\\d+$"
            }),
            Shape::NamesOr(of) => json!({
                "type": ["array", "null"],
                "items": { "anyOf": [{ "type": "string" }, object(of)] },
            }),
            Shape::List(of) => json!({ "type": ["array", "null"], "items": object(of) }),
            Shape::One(of) => object(of),
            Shape::NameOrList(of) => json!({
                "anyOf": [
                    { "type": "string" },
                    { "type": "array", "items": { "anyOf": [{ "type": "string" }, object(of)] } },
                ]
            }),
            Shape::Groups => json!({
                "type": "object",
                "additionalProperties": { "type": "string" },
            }),
            Shape::Attachments(of) => {
                let mut entry = object(of);
                entry["oneOf"] = json!([{ "required": ["file"] }, { "required": ["url"] }]);
                json!({
                    "type": ["array", "null"],
                    "items": { "anyOf": [{ "type": "string" }, entry] },
                })
            }
        }
    }
}

/// Any scalar: rk reads the text written.
fn text() -> Value {
    json!({ "type": ["string", "number", "boolean", "null"] })
}

/// A pattern that matches exactly one of `words`, in any case
/// (`[Bb][Ee]...`): JSON Schema's patterns have no flag for it.
fn any_case(words: &[&str]) -> String {
    let alternatives: Vec<String> = words
        .iter()
        .map(|word| {
            word.chars()
                .map(|c| {
                    let (lower, upper): (String, String) =
                        (c.to_lowercase().collect(), c.to_uppercase().collect());
                    if lower != upper {
                        format!("[{lower}{upper}]")
                    } else if c.is_ascii_punctuation() {
                        format!("\\{c}")
                    } else {
                        lower
                    }
                })
                .collect()
        })
        .collect();
    format!("^({})$", alternatives.join("|"))
}

static MEETING: Mapping = Mapping {
    title: "meeting.yaml",
    fields: super::MEETING_FIELDS,
    required: &findings::MEETING_REQUIRED,
    optional_by_config: &["referent"],
    describe: |name| meeting_field(name).or_else(|| meeting_list(name)),
};

fn meeting_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "body" => (
            Text,
            "The council or committee: `body: Børne- og Ungeudvalget`.",
        ),
        "date" => (
            Date,
            "The meeting's date, YYYY-MM-DD: the same as the folder's name.",
        ),
        "number" => (
            Text,
            "The meeting's ordinal in the year, shown as \"4. møde\".",
        ),
        "time" => (
            Text,
            "The time of the meeting as it is to be printed (the planned time); quoted, so that \
             YAML keeps it as written: `time: \"16.00-18.00\"`.",
        ),
        "actual_time" => (
            Text,
            "The time the meeting was held, written after the meeting as `time` is: \
             `actual_time: \"16.05-18.25\"`. The referat shows it; the agenda never does.",
        ),
        "agenda_sent" => (
            Date,
            "The day the agenda (dagsorden) went out, YYYY-MM-DD: the agenda is built as it \
             was then.",
        ),
        "added_agenda_sent" => (Date, "The day the tillægsdagsorden went out, YYYY-MM-DD."),
        "location" => (
            Text,
            "Where the meeting was held: `location: Rådhuset, mødelokale 2`.",
        ),
        "chair" => (Text, "The chair (formand): a person listed as present."),
        "referent" => (
            Text,
            "Who wrote the referat: a person listed as present. Required unless rk.toml says \
             `referent = \"optional\"`.",
        ),
        "status" => (
            Words(Approval::ALL.map(Approval::word).to_vec()),
            "`udkast` (a draft under review: every page says UDKAST) or `godkendt` (approved, \
             with the date in `approved`). Without it, nothing is said.",
        ),
        "approved" => (
            Date,
            "The date the referat was approved, YYYY-MM-DD (with `status: godkendt`).",
        ),
        _ => return None,
    })
}

/// meeting.yaml's lists and mappings: the people, sections, groups and
/// approvals.
fn meeting_list(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "members" => (
            NamesOr(&PERSON),
            "The members present (\"Deltagere\"): each a name, or a mapping with `name`, \
             `title`, `organisation`, `role`, `note`, `substitute_for`, `items`, `party` and \
             `absence`.",
        ),
        "others" => (
            NamesOr(&PERSON),
            "Others present (\"Andre deltagere\"): names or persons.",
        ),
        "guests" => (NamesOr(&PERSON), "Guests (\"Gæster\"): names or persons."),
        "absent" => (
            NamesOr(&PERSON),
            "Sent apologies (\"Afbud\"): names or persons.",
        ),
        "sections" => (
            List(&SECTION),
            "Headings over the items that are not items (\"Åbne punkter\", \"Lukkede punkter\"): \
             each runs from the item numbered `from` to the next section.",
        ),
        "cancelled" => (
            Boolean,
            "`true`: the meeting was cancelled (\"Mødet er aflyst\").",
        ),
        "extraordinary" => (
            Boolean,
            "`true`: an extraordinary meeting (\"Ekstraordinært møde\").",
        ),
        "groups" => (
            Groups,
            "The political groups a member's `party` and a vote may name, letter to name: \
             `A: Socialdemokratiet` (as rk.toml's `[groups]`).",
        ),
        "approvals" => (
            NamesOr(&APPROVER),
            "Who approved (signed) the protocol, when, and with what forbehold: \
             `- { name: Carsten Rasmussen, date: 2024-06-26 }`. Written, even as `[]`, it ends \
             the referat with an Underskriftsblad.",
        ),
        _ => return None,
    })
}

static PERSON: Mapping = Mapping {
    title: "a person",
    fields: super::PERSON_FIELDS,
    required: &[findings::PERSON_NAME],
    optional_by_config: &[],
    describe: person_field,
};

fn person_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "name" => (Text, "The person's full name."),
        "title" => (Text, "The person's title: `title: Formand`."),
        "organisation" => (
            Text,
            "The person's organisation: `organisation: Skolelederforeningen`.",
        ),
        "role" => (Text, "The person's role at the meeting: `role: Referent`."),
        "note" => (Text, "A note shown after the name: `note: fra kl. 16.30`."),
        "substitute_for" => (
            Text,
            "The absent member whose seat this person took (stedfortræder, suppleant).",
        ),
        "items" => (
            TextOrList,
            "The items the person attended, for someone who came or left during the meeting: \
             `items: [7, 8]`. Without it, every item.",
        ),
        "party" => (
            Text,
            "The person's group letter, defined in rk.toml's `[groups]` or meeting.yaml's \
             `groups`: `party: A`.",
        ),
        "absence" => (
            Words(Absence::ALL.map(Absence::key).to_vec()),
            "Why the person was absent: `afbud` (sent word), `forfald` (lawfully prevented) or \
             `uden afbud`; under `absent` the whole meeting, on a member with `items` the items \
             missed.",
        ),
        _ => return None,
    })
}

static SECTION: Mapping = Mapping {
    title: "a section",
    fields: super::SECTION_FIELDS,
    required: &[findings::SECTION_TITLE, findings::SECTION_FROM],
    optional_by_config: &[],
    describe: section_field,
};

fn section_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "title" => (Text, "The section's heading: `title: Lukkede punkter`."),
        "from" => (
            Text,
            "The number of the section's first top-level item: `from: 46`.",
        ),
        "closed" => (Boolean, "`true` closes every item of the section."),
        _ => return None,
    })
}

static APPROVER: Mapping = Mapping {
    title: "an approval",
    fields: approvals::APPROVER_FIELDS,
    required: &[findings::PERSON_NAME],
    optional_by_config: &[],
    describe: approver_field,
};

fn approver_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "name" => (Text, "The member who approved: a member present."),
        "date" => (Date, "The date of the approval, YYYY-MM-DD."),
        "forbehold" => (Text, "The member's reservation, printed under the name."),
        _ => return None,
    })
}

static ITEM: Mapping = Mapping {
    title: "an agenda item",
    fields: super::ITEM_FIELDS,
    required: &[findings::ITEM_NUMBER, findings::ITEM_TITLE],
    optional_by_config: &[],
    describe: |name| item_field(name).or_else(|| item_decision(name)),
};

fn item_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "number" => (
            Text,
            "The item's number, quoted and read as written: `number: \"2.1\"`; `\"45a\"` for an \
             item put in after 45.",
        ),
        "title" => (Text, "The item's title."),
        "sag" => (
            Text,
            "The case reference (`sag: SAG-2019-04651`), or `sag: none`.",
        ),
        "responsible" => (
            TextOrList,
            "Who is responsible for the item: a name or a list.",
        ),
        "presenters" => (TextOrList, "Who presents the item: a name or a list."),
        "closed" => (
            Boolean,
            "`true`: a closed item; the public edition shows its number, title and \"Lukket \
             punkt\", nothing of its content.",
        ),
        "kind" => (
            Words(Kind::ALL.map(Kind::key).to_vec()),
            "What the body is asked to do: `beslutning`, `orientering` or `drøftelse`.",
        ),
        "status" => (
            Words(Status::ALL.map(Status::key).to_vec()),
            "What became of the item: `udsat` (postponed) or `udgik` (withdrawn).",
        ),
        "dok" => (
            Text,
            "The document number (\"Dok.nr.\"), quoted; checked against rk.toml's `[document]`.",
        ),
        "attachments" => (
            Attachments(&ATTACHMENT),
            "The item's bilag: `- { file: bilag/plan.pdf, title: Planen }` (a file in the \
             meeting folder) or `- { url: https://..., title: ... }`.",
        ),
        _ => return None,
    })
}

/// An item's fields of what was decided, and how: the
/// beslutningsprotokol's.
fn item_decision(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "added" => (
            One(&ADDED),
            "A tillægspunkt: when it was put on the agenda and why: \
             `added: {date: 2024-05-27, reason: \"...\"}`.",
        ),
        "outcome" => (
            Words(Outcome::ALL.map(Outcome::key).to_vec()),
            "What the body decided, shown as \"Afgørelse: ...\" in the referat.",
        ),
        "decided_by" => (Text, "Who decides the case: `decided_by: Byrådet`."),
        "votes" => (
            List(&VOTE),
            "Each vote on the item, in order (an amendment, then the proposal).",
        ),
        "dissents" => (
            List(&DISSENT),
            "The protokoltilførsler: each with its authors (`by`) and its `text`.",
        ),
        "inhabil" => (
            NameOrList(&INHABIL),
            "The members who took no part in the item: names, or `{ name, reason }`.",
        ),
        "berigtigelser" => (
            List(&CORRECTION),
            "Corrections after approval, by addition only: `- { date: 2024-07-03, text: ... }`.",
        ),
        "public_decision" => (
            Text,
            "A closed item's decision as the public may read it (Markdown).",
        ),
        _ => return None,
    })
}

static ATTACHMENT: Mapping = Mapping {
    title: "an attachment",
    fields: super::ATTACHMENT_FIELDS,
    required: &[],
    optional_by_config: &[],
    describe: attachment_field,
};

fn attachment_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "file" => (
            Text,
            "A file in the meeting folder, relative to it: `file: bilag/plan.pdf`.",
        ),
        "url" => (
            Text,
            "A page's whole address, with its scheme: `url: https://...`.",
        ),
        "title" => (
            Text,
            "The attachment's title; without it the path or address is shown.",
        ),
        "closed" => (
            Boolean,
            "`true`: a closed bilag, kept out of the public edition.",
        ),
        _ => return None,
    })
}

static ADDED: Mapping = Mapping {
    title: "added",
    fields: super::ADDED_FIELDS,
    required: &[findings::ADDED_DATE, findings::ADDED_REASON],
    optional_by_config: &[],
    describe: added_field,
};

fn added_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "date" => (Date, "The day the item was put on the agenda, YYYY-MM-DD."),
        "reason" => (Text, "Why the item could not wait for the next meeting."),
        _ => return None,
    })
}

static VOTE: Mapping = Mapping {
    title: "a vote",
    fields: protocol::VOTE_FIELDS,
    required: &[findings::VOTE_SUBJECT, findings::VOTE_OUTCOME],
    optional_by_config: &[],
    describe: vote_field,
};

fn vote_field(name: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match name {
        "subject" => (Text, "What was voted on."),
        "for" => (
            TextOrList,
            "Who voted for: group letters or names of members present.",
        ),
        "against" => (
            TextOrList,
            "Who voted against: group letters or names of members present.",
        ),
        "abstained" => (
            TextOrList,
            "Who abstained: group letters or names of members present.",
        ),
        "counts" => (
            One(&COUNTS),
            "The counts: `{ for: 1, against: 7, abstained: 1 }`.",
        ),
        "outcome" => (
            Words(VoteOutcome::ALL.map(VoteOutcome::key).to_vec()),
            "What the vote decided: `vedtaget` or `forkastet`.",
        ),
        _ => return None,
    })
}

static COUNTS: Mapping = Mapping {
    title: "the counts of a vote",
    fields: protocol::COUNT_FIELDS,
    required: &[],
    optional_by_config: &[],
    describe: count_field,
};

fn count_field(name: &str) -> Option<(Shape, &'static str)> {
    Some(match name {
        "for" => (Shape::Count, "How many voted for."),
        "against" => (Shape::Count, "How many voted against."),
        "abstained" => (Shape::Count, "How many abstained."),
        _ => return None,
    })
}

static DISSENT: Mapping = Mapping {
    title: "a protokoltilførsel",
    fields: protocol::DISSENT_FIELDS,
    required: &[findings::DISSENT_BY, findings::DISSENT_TEXT],
    optional_by_config: &[],
    describe: dissent_field,
};

fn dissent_field(name: &str) -> Option<(Shape, &'static str)> {
    Some(match name {
        "by" => (
            Shape::TextOrList,
            "Its authors: members or a group's letter.",
        ),
        "text" => (Shape::Text, "What is to be entered in the protocol."),
        _ => return None,
    })
}

static INHABIL: Mapping = Mapping {
    title: "an inhabil member",
    fields: protocol::INHABIL_FIELDS,
    required: &[findings::PERSON_NAME],
    optional_by_config: &[],
    describe: inhabil_field,
};

fn inhabil_field(name: &str) -> Option<(Shape, &'static str)> {
    Some(match name {
        "name" => (Shape::Text, "The member who was inhabil."),
        "reason" => (
            Shape::Text,
            "Why, when wanted: `reason: hans ægtefælle er partner i revisionsfirmaet`.",
        ),
        _ => return None,
    })
}

static CORRECTION: Mapping = Mapping {
    title: "a berigtigelse",
    fields: approvals::CORRECTION_FIELDS,
    required: &[findings::CORRECTION_DATE, findings::CORRECTION_TEXT],
    optional_by_config: &[],
    describe: correction_field,
};

fn correction_field(name: &str) -> Option<(Shape, &'static str)> {
    Some(match name {
        "date" => (Shape::Date, "The day the correction was made, YYYY-MM-DD."),
        "text" => (Shape::Text, "What is corrected, and how."),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_matches_each_word_in_any_case_and_nothing_else() {
        let pattern = regex::Regex::new(&any_case(&["drøftelse", "ikke godkendt"])).unwrap();
        for yes in ["drøftelse", "Drøftelse", "DRØFTELSE", "Ikke Godkendt"] {
            assert!(pattern.is_match(yes), "{yes}");
        }
        for no in ["droftelse", "drøftelser", "ikke  godkendt", ""] {
            assert!(!pattern.is_match(no), "{no}");
        }
    }

    #[test]
    fn every_field_the_loaders_read_is_described() {
        let meeting = meeting_schema();
        let item = item_schema();
        for name in super::super::MEETING_FIELDS {
            assert!(
                meeting["properties"][name]["description"].is_string(),
                "{name}"
            );
        }
        for name in super::super::ITEM_FIELDS {
            assert!(
                item["properties"][name]["description"].is_string(),
                "{name}"
            );
        }
        assert_eq!(meeting["additionalProperties"], json!(false));
        assert_eq!(meeting["required"], json!(["body", "date", "members"]));
    }
}
