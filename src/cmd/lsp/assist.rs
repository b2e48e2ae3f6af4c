//! What the editor asks while the referent writes: completion of names,
//! fields and case references, hover on a case reference or a name, and
//! the meeting's items as symbols.

use std::path::{Path, PathBuf};

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, DocumentSymbolParams, DocumentSymbolResponse, Hover, HoverContents,
    HoverParams, Location, MarkupContent, MarkupKind, SymbolInformation, SymbolKind,
    TextDocumentPositionParams, TextEdit,
};

use super::meeting::{MeetingHome, place};
use super::{Failure, Server, canonical_doc, text, uri_for};
use crate::files::{Files, SourceFile};
use crate::model::{CaseRef, Group, Meeting, same_name};
use crate::source::{self, Overlay};
use crate::tr;

/// The fields whose values are people present.
const PEOPLE_FIELDS: [&str; 4] = ["presenters", "responsible", "chair", "referent"];
/// The fields whose values are members or a group's letter (a vote's
/// sides, a protokoltilførsel's authors), and the inhabil members.
const VOTER_FIELDS: [&str; 5] = ["for", "against", "abstained", "by", "inhabil"];

/// Where the cursor is in a YAML line.
enum Spot {
    /// Writing a field name (the folder-of-fields it belongs to: the key
    /// of the list or mapping it is in, `None` at the top).
    Key { owner: Option<String>, start: usize },
    /// Writing a value of the field `key`, the value starting at `start`.
    Value { key: String, start: usize },
}

/// The document at a request's URI: its canonical path, text and meeting.
struct At {
    path: PathBuf,
    text: String,
    place: MeetingHome,
    offset: usize,
}

impl Server {
    fn at(&self, params: &TextDocumentPositionParams) -> Option<At> {
        let path = canonical_doc(&params.text_document.uri)?;
        let place = place(&path)?;
        let text = match self.overlay.get(&path) {
            Some(text) => text.to_string(),
            None => std::fs::read_to_string(&path).unwrap_or_default(),
        };
        let offset = text::offset(&text, params.position);
        Some(At {
            path,
            text,
            place,
            offset,
        })
    }

    /// The meeting of `place`, as last analysed (or analysed now).
    fn meeting_of(&mut self, place: &MeetingHome) -> Option<&Meeting> {
        if !self.analyses.contains_key(&place.dir) {
            let analysis = self.analyse(place).ok()?;
            self.analyses.insert(place.dir.clone(), analysis);
        }
        self.analyses.get(&place.dir)?.meetings.first()
    }

    pub(super) fn completion(
        &mut self,
        params: CompletionParams,
    ) -> Result<Option<CompletionResponse>, Failure> {
        let nothing = Ok(Some(CompletionResponse::Array(Vec::new())));
        let Some(at) = self.at(&params.text_document_position) else {
            return nothing;
        };
        let is_item = at.path.file_name().is_some_and(|n| n != "meeting.yaml");
        let Some(spot) = spot(&at.text, at.offset, is_item) else {
            return nothing;
        };
        let file = SourceFile::new(at.path.clone(), at.text.clone());
        let (start, choices) = match spot {
            Spot::Key { owner, start } => (start, field_choices(owner.as_deref(), is_item)),
            Spot::Value { key, start } => (start, self.value_choices(&key, &at.place)),
        };
        let range = text::range(&file, &(start..at.offset));
        let items = choices
            .into_iter()
            .map(|choice| CompletionItem {
                filter_text: Some(choice.label.clone()),
                label: choice.label,
                kind: Some(choice.kind),
                detail: Some(choice.detail),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                    range,
                    choice.insert,
                ))),
                ..CompletionItem::default()
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: false,
            items,
        })))
    }

    /// The choices for a value of `key`.
    fn value_choices(&mut self, key: &str, place: &MeetingHome) -> Vec<Choice> {
        if VOTER_FIELDS.contains(&key) || key == "party" {
            return self.voter_choices(key, place);
        }
        if PEOPLE_FIELDS.contains(&key) {
            let Some(meeting) = self.meeting_of(place) else {
                return Vec::new();
            };
            return Group::ALL
                .into_iter()
                .filter(|g| g.is_present())
                .flat_map(|g| meeting.people.group(g).iter().map(move |p| (g, p)))
                .map(|(g, p)| Choice::new(&p.name.value, CompletionItemKind::VALUE, g.key()))
                .collect();
        }
        if key == "sag" {
            let mut seen: Vec<Choice> = Vec::new();
            for carried in carriers(&place.project, &self.overlay, None) {
                if !seen.iter().any(|s| s.label == carried.reference) {
                    let detail = format!("{} {}", carried.date, carried.title);
                    let kind = CompletionItemKind::REFERENCE;
                    seen.push(Choice::new(&carried.reference, kind, &detail));
                }
            }
            return seen;
        }
        Vec::new()
    }

    pub(super) fn hover(&mut self, params: HoverParams) -> Result<Option<Hover>, Failure> {
        let Some(at) = self.at(&params.text_document_position_params) else {
            return Ok(None);
        };
        let Some((word, span)) = value_at(&at.text, at.offset) else {
            return Ok(None);
        };
        let file = SourceFile::new(at.path.clone(), at.text.clone());
        let range = text::range(&file, &span);
        let others: Vec<Carrier> = carriers(&at.place.project, &self.overlay, Some(&at.place.dir))
            .into_iter()
            .filter(|c| c.reference == word)
            .collect();
        let markdown = if !others.is_empty() {
            let mut md = tr!("cmd-lsp-case-elsewhere", case = word.as_str());
            md.push('\n');
            for c in others {
                let (date, number, title) = (c.date.as_str(), c.number.as_str(), c.title.as_str());
                md.push_str("\n- ");
                md.push_str(&tr!(
                    "cmd-lsp-case-item",
                    date = date,
                    number = number,
                    title = title
                ));
            }
            md
        } else {
            let Some(md) = self
                .meeting_of(&at.place)
                .and_then(|meeting| person_entry(meeting, &word))
            else {
                return Ok(None);
            };
            md
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(range),
        }))
    }

    pub(super) fn symbols(
        &mut self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>, Failure> {
        let nothing = Ok(Some(DocumentSymbolResponse::Flat(Vec::new())));
        let Some(place) = canonical_doc(&params.text_document.uri).and_then(|p| place(&p)) else {
            return nothing;
        };
        if self.meeting_of(&place).is_none() {
            return nothing;
        }
        let analysis = &self.analyses[&place.dir];
        let meeting = &analysis.meetings[0];
        let symbols = meeting
            .items
            .iter()
            .filter_map(|item| {
                let file = analysis.files.get(item.file);
                let number = item.number_text.as_ref().map_or("?", |n| n.value.as_str());
                let title = item.title.as_ref().map_or("", |t| t.value.as_str());
                let span = item.title.as_ref().map_or(0..0, |t| t.span.clone());
                let uri = uri_for(&self.docs, file.path())?;
                // `deprecated` is a field of the type, replaced by `tags`.
                #[allow(deprecated)]
                Some(SymbolInformation {
                    name: format!("{number} {title}"),
                    kind: SymbolKind::MODULE,
                    tags: None,
                    deprecated: None,
                    location: Location::new(uri, text::range(file, &span)),
                    container_name: None,
                })
            })
            .collect();
        Ok(Some(DocumentSymbolResponse::Flat(symbols)))
    }
}

/// One thing to complete: its label, kind, detail, and the text inserted.
struct Choice {
    label: String,
    kind: CompletionItemKind,
    detail: String,
    insert: String,
}

impl Choice {
    /// A choice that inserts its label.
    fn new(label: &str, kind: CompletionItemKind, detail: &str) -> Choice {
        Choice {
            label: label.to_string(),
            kind,
            detail: detail.to_string(),
            insert: label.to_string(),
        }
    }
}

impl Server {
    /// The members and the groups' letters, for a vote, a
    /// protokoltilførsel, `inhabil` (members only) and `party` (letters
    /// only).
    fn voter_choices(&mut self, key: &str, place: &MeetingHome) -> Vec<Choice> {
        let mut letters: Vec<(String, String)> = place
            .project
            .config
            .groups
            .iter()
            .map(|(letter, name)| (letter.clone(), name.clone()))
            .collect();
        let Some(meeting) = self.meeting_of(place) else {
            return Vec::new();
        };
        letters.extend(
            meeting
                .groups
                .iter()
                .map(|g| (g.letter.value.clone(), g.name.clone())),
        );
        let groups = letters
            .into_iter()
            .filter(|_| key != "inhabil")
            .map(|(letter, name)| Choice::new(&letter, CompletionItemKind::ENUM_MEMBER, &name));
        let members = meeting
            .people
            .members
            .iter()
            .filter(|_| key != "party")
            .map(|p| Choice::new(&p.name.value, CompletionItemKind::VALUE, "members"));
        groups.chain(members).collect()
    }
}

/// Field names to complete.
fn field_choices(owner: Option<&str>, is_item: bool) -> Vec<Choice> {
    let (fields, what): (&[&str], &str) = match owner {
        None if is_item => (source::ITEM_FIELDS, "item"),
        None => (source::MEETING_FIELDS, "meeting"),
        Some("members" | "others" | "guests" | "absent") => (source::PERSON_FIELDS, "person"),
        Some("sections") => (source::SECTION_FIELDS, "section"),
        Some("attachments") => (source::ATTACHMENT_FIELDS, "attachment"),
        Some("added") => (source::ADDED_FIELDS, "added"),
        Some("votes") => (source::protocol::VOTE_FIELDS, "vote"),
        Some("counts") => (source::protocol::COUNT_FIELDS, "vote count"),
        Some("dissents") => (source::protocol::DISSENT_FIELDS, "protokoltilførsel"),
        Some("inhabil") => (source::protocol::INHABIL_FIELDS, "inhabil member"),
        Some("approvals") => (source::APPROVER_FIELDS, "approval"),
        Some("berigtigelser") => (source::CORRECTION_FIELDS, "berigtigelse"),
        Some(_) => (&[], ""),
    };
    fields
        .iter()
        .map(|f| Choice {
            insert: format!("{f}: "),
            ..Choice::new(f, CompletionItemKind::PROPERTY, &format!("{what} field"))
        })
        .collect()
}

/// Where the cursor at `offset` is, in YAML: the front matter of an item
/// file, or anywhere in meeting.yaml.
fn spot(text: &str, offset: usize, is_item: bool) -> Option<Spot> {
    if is_item && !in_front_matter(text, offset) {
        return None;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start();
    let (dash, rest) = match rest.strip_prefix("- ") {
        Some(r) => (2, r),
        None => (0, rest),
    };
    if let Some((key, after)) = rest.split_once(':')
        && is_name(key)
    {
        let token = after.rfind([',', '[']).map_or(0, |i| i + 1);
        let skipped = after[token..].len() - after[token..].trim_start().len();
        let start = line_start + indent + dash + key.len() + 1 + token + skipped;
        return Some(Spot::Value {
            key: key.to_string(),
            start,
        });
    }
    if !rest.is_empty() && !is_name(rest) {
        return None;
    }
    let owner = owner_key(&text[..line_start], indent);
    let start = line_start + indent + dash;
    let names = |o: &str| PEOPLE_FIELDS.contains(&o) || VOTER_FIELDS.contains(&o);
    if dash == 2 && owner.as_deref().is_some_and(names) {
        // `- ` in a list of names: a name.
        return owner.map(|key| Spot::Value { key, start });
    }
    Some(Spot::Key { owner, start })
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The key of the nearest line above that is indented less than `indent`
/// (`members:` for a person's fields), or `None` at the top. A field of a
/// list's entry below its first (`    title:` under `  - name: Anna`)
/// belongs to the list's key too.
fn owner_key(above: &str, indent: usize) -> Option<String> {
    if indent == 0 {
        return None;
    }
    // The indentation of the `- ` of the entry the field is in, once met.
    let mut entry: Option<usize> = None;
    for line in above.lines().rev() {
        let content = line.trim_start();
        let own = line.len() - content.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let dashed = content.starts_with("- ");
        let skip = match entry {
            None => own >= indent,
            Some(at) => own > at || (own == at && dashed),
        };
        if skip {
            continue;
        }
        if entry.is_none() && dashed && own + 2 == indent {
            entry = Some(own);
            continue;
        }
        let content = content.strip_prefix("- ").unwrap_or(content);
        return content.split_once(':').map(|(k, _)| k.trim().to_string());
    }
    None
}

/// Whether `offset` lies between an item file's opening `---` and its
/// closing one.
fn in_front_matter(text: &str, offset: usize) -> bool {
    let Some(rest) = text.strip_prefix("---") else {
        return false;
    };
    let first = text.len() - rest.len();
    let close = rest
        .find("\n---")
        .or_else(|| rest.find("\n..."))
        .map_or(text.len(), |i| first + i + 1);
    offset > first && offset <= close
}

/// The scalar around `offset` on its line, without quotes: a field's value
/// or one entry of a `[a, b]` or `- a` list.
fn value_at(text: &str, offset: usize) -> Option<(String, std::ops::Range<usize>)> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[start..end];
    let bounds = |c: char| matches!(c, ',' | '[' | ']' | '"' | '\'');
    let value_from = match line.find(": ") {
        Some(i) => i + 2,
        None => line.len() - line.trim_start_matches([' ', '-']).len(),
    };
    let at = (offset - start).max(value_from);
    let left = line[..at]
        .rfind(bounds)
        .map_or(value_from, |i| i + 1)
        .max(value_from);
    let right = line[at..].find(bounds).map_or(line.len(), |i| at + i);
    let raw = &line[left..right];
    let word = raw.trim();
    if word.is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_start().len();
    let from = start + left + lead;
    Some((word.to_string(), from..from + word.len()))
}

/// The Markdown of the entry of the person called `name`.
fn person_entry(meeting: &Meeting, name: &str) -> Option<String> {
    let (group, person) = Group::ALL.into_iter().find_map(|g| {
        let person = meeting
            .people
            .group(g)
            .iter()
            .find(|p| same_name(&p.name.value, name))?;
        Some((g, person))
    })?;
    let mut md = format!("**{}** ({})", person.name.value, group.key());
    let fields = [
        ("title", person.title.as_deref()),
        ("organisation", person.organisation.as_deref()),
        ("role", person.role.as_deref()),
        ("note", person.note.as_deref()),
        (
            "substitute_for",
            person.substitute_for.as_ref().map(|s| s.value.as_str()),
        ),
        ("absence", person.absence.map(crate::model::Absence::key)),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            md.push_str(&format!("\n\n{key}: {value}"));
        }
    }
    if !person.items.is_empty() {
        let items: Vec<&str> = person.items.iter().map(|i| i.value.as_str()).collect();
        md.push_str(&format!("\n\nitems: {}", items.join(", ")));
    }
    Some(md)
}

/// An item that carries a case reference.
struct Carrier {
    reference: String,
    date: String,
    number: String,
    title: String,
}

/// Every item of the project's meetings (but the one in `skip`) with a
/// case reference, read as the loader reads them (open documents from the
/// editor), in meeting order.
fn carriers(
    project: &crate::project::Project,
    overlay: &Overlay,
    skip: Option<&Path>,
) -> Vec<Carrier> {
    let mut out = Vec::new();
    for dir in project.meetings().unwrap_or_default() {
        let dir = crate::paths::canonical(&dir).unwrap_or(dir);
        if Some(dir.as_path()) == skip {
            continue;
        }
        let (mut files, mut diags) = (Files::default(), Vec::new());
        let options = source::LoadOptions {
            referent: project.config.referent,
            signatories: project.config.approval,
            document: crate::model::Document::Minutes,
        };
        let Ok(meeting) = source::load_from(&dir, options, overlay, &mut files, &mut diags) else {
            continue;
        };
        let date = meeting
            .date
            .as_ref()
            .map_or(meeting.id.clone(), |d| d.value.clone());
        for item in &meeting.items {
            if let Some(CaseRef::Ref(reference)) = item.case.as_ref().map(|s| &s.value) {
                out.push(Carrier {
                    reference: reference.clone(),
                    date: date.clone(),
                    number: item
                        .number_text
                        .as_ref()
                        .map_or(String::new(), |n| n.value.clone()),
                    title: item
                        .title
                        .as_ref()
                        .map_or(String::new(), |t| t.value.clone()),
                });
            }
        }
    }
    out
}
