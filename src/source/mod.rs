//! Loading: a meeting folder on disk becomes a [`Meeting`] plus the
//! findings met while reading it (encoding, YAML, unknown or missing fields),
//! each worded in `findings.rs`.

mod approvals;
pub mod corrections;
pub mod decode;
pub mod fields;
mod findings;
pub mod git;
pub mod history;
mod previous;
pub mod protocol;
pub mod renumber;
pub mod schema;
mod status;
pub mod yaml;

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::config::{Referent, Signatories};
use crate::diag::{Diagnostic, Loc, Rule};
use crate::files::{FileId, Files};
use crate::model::{
    Absence, Added, Attachment, CaseRef, Document, Group, Item, ItemNumber, Kind, Meeting, Outcome,
    People, Person, Section, Spanned, Status, Target,
};
use decode::Decoded;
use fields::{Field, Reader};
use findings::Mapping;
use yaml::Node;

pub use previous::{previous_meeting, previous_of};
pub use status::{says_approved, written_value};

pub const MEETING_FIELDS: &[&str] = &[
    "body",
    "date",
    "number",
    "time",
    "actual_time",
    "location",
    "chair",
    "referent",
    "status",
    "approved",
    "members",
    "others",
    "guests",
    "absent",
    "sections",
    "cancelled",
    "extraordinary",
    "groups",
    "approvals",
    "agenda_sent",
    "added_agenda_sent",
];
pub const SECTION_FIELDS: &[&str] = &["title", "from", "closed"];
pub const PERSON_FIELDS: &[&str] = &[
    "name",
    "title",
    "organisation",
    "role",
    "note",
    "substitute_for",
    "items",
    "party",
    "absence",
];
pub const ITEM_FIELDS: &[&str] = &[
    "number",
    "title",
    "sag",
    "responsible",
    "presenters",
    "closed",
    "kind",
    "status",
    "dok",
    "attachments",
    "added",
    "outcome",
    "decided_by",
    "votes",
    "dissents",
    "inhabil",
    "berigtigelser",
    "public_decision",
];
pub use approvals::{APPROVER_FIELDS, CORRECTION_FIELDS};
pub const ATTACHMENT_FIELDS: &[&str] = &["file", "url", "title", "closed"];
pub const ADDED_FIELDS: &[&str] = &["date", "reason"];

/// What the project (rk.toml) asks of every meeting it reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Whether meeting.yaml must name its referent.
    pub referent: Referent,
    /// The document the sources are read for. For the agenda the referat's
    /// referent, `status` and `approved` say nothing: the referent is not
    /// required, and `status` and `approved` are not read.
    pub document: Document,
    /// Who signs the protocol (rk.toml's `approval`).
    pub signatories: Signatories,
}

/// Texts that stand in for files on disk: the unsaved documents of an
/// editor (`rk lsp`). A path here is read from here, whether or not the
/// file exists; an item file here that is not on disk yet is an item too.
#[derive(Debug, Default, Clone)]
pub struct Overlay {
    texts: HashMap<PathBuf, String>,
}

impl Overlay {
    pub fn set(&mut self, path: PathBuf, text: String) {
        self.texts.insert(path, text);
    }

    pub fn remove(&mut self, path: &Path) {
        self.texts.remove(path);
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }

    /// The paths held whose folder is `dir`.
    fn in_folder<'a>(&'a self, dir: &'a Path) -> impl Iterator<Item = &'a PathBuf> + 'a {
        self.texts.keys().filter(move |p| p.parent() == Some(dir))
    }
}

/// Reads the meeting folder `dir` with the default [`Options`] (KL's).
pub fn load(dir: &Path, files: &mut Files, diags: &mut Vec<Diagnostic>) -> Result<Meeting> {
    load_with(dir, LoadOptions::default(), files, diags)
}

/// Reads the meeting folder `dir`. I/O failures (no folder, no
/// meeting.yaml) are errors; everything wrong inside the files is a finding.
pub fn load_with(
    dir: &Path,
    options: LoadOptions,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Meeting> {
    load_from(dir, options, &Overlay::default(), files, diags)
}

/// [`load_with`], reading the files `overlay` holds from there.
pub fn load_from(
    dir: &Path,
    options: LoadOptions,
    overlay: &Overlay,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<Meeting> {
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !dir.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let meeting_path = dir.join("meeting.yaml");
    let (file, text) = if meeting_path.is_file() || overlay.get(&meeting_path).is_some() {
        read_text(&meeting_path, overlay, files, diags)?
    } else {
        // A meeting folder without its meeting.yaml: a finding, so the other
        // meetings of the run are still checked.
        let file = files.add(meeting_path, String::new());
        diags.push(findings::no_meeting_yaml(Loc::new(file, 0..0)));
        (file, None)
    };
    let mut meeting = Meeting {
        dir: dir.to_path_buf(),
        id,
        file,
        body: None,
        date: None,
        number: None,
        time: None,
        actual_time: None,
        agenda_sent: None,
        added_agenda_sent: None,
        location: None,
        chair: None,
        referent: None,
        status: None,
        approved: None,
        cancelled: false,
        extraordinary: false,
        approvals: Vec::new(),
        approvals_key: None,
        signatories: options.signatories,
        people: People::default(),
        people_known: false,
        members_span: None,
        items: Vec::new(),
        sections: Vec::new(),
        groups: Vec::new(),
        unreadable_items: 0,
    };
    if let Some(text) = text {
        read_meeting_yaml(&text, options, &mut meeting, diags);
    }
    for path in item_paths(dir, overlay)? {
        let (file, text) = read_text(&path, overlay, files, diags)?;
        match text.and_then(|text| read_item(file, &text, diags)) {
            Some(item) => meeting.items.push(item),
            None => meeting.unreadable_items += 1,
        }
    }
    meeting
        .items
        .sort_by(|a, b| a.number.cmp(&b.number).then(a.file.cmp(&b.file)));
    close_sections(&mut meeting);
    item_ranges(&mut meeting);
    Ok(meeting)
}

/// A person's `items: 24-26` is items 24, 25 and 26: every item of the
/// meeting at that level from the first to the last, each entry at the
/// place of the range. A range whose ends are not both items of the
/// meeting stays as written (the checks say what it should be).
fn item_ranges(meeting: &mut Meeting) {
    let numbers: Vec<ItemNumber> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.clone())
        .collect();
    let people = &mut meeting.people;
    let groups = [
        &mut people.members,
        &mut people.others,
        &mut people.guests,
        &mut people.absent,
    ];
    for person in groups.into_iter().flatten() {
        let mut entries = Vec::new();
        for entry in std::mem::take(&mut person.items) {
            let range = ItemNumber::parse_range(&entry.value)
                .filter(|(first, last)| numbers.contains(first) && numbers.contains(last));
            match range {
                Some(range) => entries.extend(
                    ItemNumber::in_range(&numbers, &range)
                        .into_iter()
                        .map(|n| Spanned::new(n.to_string(), entry.span.clone())),
                ),
                None => entries.push(entry),
            }
        }
        person.items = entries;
    }
}

/// Marks the items of closed sections closed.
fn close_sections(meeting: &mut Meeting) {
    let closed: Vec<bool> = meeting
        .items
        .iter()
        .map(|item| {
            item.number
                .as_ref()
                .and_then(|n| meeting.section_of(n))
                .is_some_and(|s| s.closed)
        })
        .collect();
    for (item, closed) in meeting.items.iter_mut().zip(closed) {
        item.closed_by_section = closed;
    }
}

/// The agenda item files: every `*.md` directly in the folder except
/// README.md (files, or whatever else has such a name), in file-name order (items are later ordered by number).
fn item_paths(dir: &Path, overlay: &Overlay) -> Result<Vec<PathBuf>> {
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read {}", crate::paths::shown(dir)))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", crate::paths::shown(dir)))?
            .path();
        // A folder or a broken link with an item's name is not skipped in
        // silence: reading it says what it is.
        let is_item = path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md");
        if is_item {
            paths.push(path);
        }
    }
    for path in overlay.in_folder(dir) {
        let is_item = path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md");
        if is_item && !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    paths.sort();
    Ok(paths)
}

/// Reads and decodes a file. Undecodable text is an `encoding` finding and
/// gives `None`; the file is still registered so the finding can show it.
fn read_text(
    path: &Path,
    overlay: &Overlay,
    files: &mut Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<(FileId, Option<String>)> {
    if let Some(text) = overlay.get(path) {
        let file = files.add(path.to_path_buf(), text.to_string());
        return Ok((file, Some(text.to_string())));
    }
    let bytes =
        fs::read(path).with_context(|| format!("cannot read {}", crate::paths::shown(path)))?;
    Ok(match decode::decode(bytes) {
        Decoded::Text(text) => (files.add(path.to_path_buf(), text.clone()), Some(text)),
        Decoded::Invalid {
            text,
            offset,
            problem,
        } => {
            let file = files.add(path.to_path_buf(), text);
            diags.push(findings::encoding(Loc::new(file, offset..offset), problem));
            (file, None)
        }
    })
}

fn yaml_finding(file: FileId, err: yaml::YamlError) -> Diagnostic {
    findings::yaml(Loc::new(file, err.span.clone()), err)
}

fn read_meeting_yaml(
    text: &str,
    options: LoadOptions,
    meeting: &mut Meeting,
    diags: &mut Vec<Diagnostic>,
) {
    let file = meeting.file;
    let root = match yaml::parse(text, 0) {
        Ok(Some(root)) => root,
        Ok(None) => Node {
            value: yaml::Value::Map(Vec::new()),
            span: 0..0,
        },
        Err(err) => return diags.push(yaml_finding(file, err)),
    };
    let mut r = Reader {
        file,
        diags,
        misspelt: Vec::new(),
    };
    let Some(fields) = r.fields(&root, MEETING_FIELDS, Mapping::MeetingYaml) else {
        return;
    };
    meeting.people_known = true;
    let top = root.span.start..root.span.start;
    read_meeting_values(&mut r, &fields, options, meeting);
    read_meeting_lists(&mut r, &fields, meeting);
    if r.misspelt.contains(&"members") {
        // `memebrs:` was reported; who is present is not known.
        meeting.people_known = false;
    }
    require_meeting_fields(&mut r, &fields, options, top);
    if options.document == Document::Minutes {
        status::pair(&mut r, &fields, meeting);
    }
}

/// meeting.yaml's single values: body, date, time, chair, status and the
/// like (an agenda reads no status and no approvals).
fn read_meeting_values(
    r: &mut Reader,
    fields: &[Field],
    options: LoadOptions,
    meeting: &mut Meeting,
) {
    for field in fields {
        let (key, value) = (field.name, field.value);
        match key {
            "body" => meeting.body = r.text(value, key),
            "date" => meeting.date = r.text(value, key),
            "number" => meeting.number = r.text(value, key),
            "time" => meeting.time = r.text(value, key).map(|s| s.value),
            "actual_time" => meeting.actual_time = r.text(value, key).map(|s| s.value),
            "agenda_sent" => meeting.agenda_sent = r.text(value, key),
            "added_agenda_sent" => meeting.added_agenda_sent = r.text(value, key),
            "location" => meeting.location = r.text(value, key).map(|s| s.value),
            "chair" => meeting.chair = r.text(value, key),
            "referent" => meeting.referent = r.text(value, key),
            "status" | "approved" | "approvals" if options.document == Document::Agenda => {}
            "approvals" => {
                meeting.approvals_key = Some(field.key.clone());
                meeting.approvals = approvals::read_approvals(r, value);
            }
            "status" => meeting.status = status::read(r, value),
            "approved" => meeting.approved = r.text(value, key),
            "cancelled" => meeting.cancelled = r.boolean(value, key).unwrap_or(false),
            "extraordinary" => meeting.extraordinary = r.boolean(value, key).unwrap_or(false),
            _ => {}
        }
    }
}

/// meeting.yaml's lists: the people by group, the sections and the groups
/// votes may name.
fn read_meeting_lists(r: &mut Reader, fields: &[Field], meeting: &mut Meeting) {
    for group in Group::ALL {
        if let Some(field) = fields.iter().find(|f| f.name == group.key()) {
            let list_or_empty =
                field.value.is_null() || matches!(field.value.value, yaml::Value::Seq(_));
            if group == Group::Members && list_or_empty {
                meeting.members_span = Some(field.key.clone());
            }
            *meeting.people.group_mut(group) = read_people(r, field.value, group);
        }
    }
    if let Some(field) = fields.iter().find(|f| f.name == "sections") {
        meeting.sections = read_sections(r, field.value);
    }
    if let Some(field) = fields.iter().find(|f| f.name == "groups") {
        meeting.groups = protocol::read_groups(r, field.value);
    }
}

/// The fields every meeting.yaml has, reported at its top (`top`) when
/// absent. A project may make the referent optional: then no referent, or
/// an empty `referent:`, is no finding; nor for an agenda, which is made
/// before anyone has written the referat.
fn require_meeting_fields(
    r: &mut Reader<'_>,
    fields: &[Field<'_>],
    options: LoadOptions,
    top: Range<usize>,
) {
    for required in &findings::MEETING_REQUIRED {
        let referent_optional =
            options.referent == Referent::Optional || options.document == Document::Agenda;
        if required.field == "referent" && referent_optional {
            continue;
        }
        if required.field == "members" {
            // An empty `members:` is `no-attendees`.
            if !fields.iter().any(|f| f.name == required.field) {
                r.missing(top.clone(), required);
            }
        } else {
            r.require(fields, required, top.clone());
        }
    }
}

fn read_people(r: &mut Reader<'_>, node: &Node, group: Group) -> Vec<Person> {
    if node.is_null() {
        return Vec::new();
    }
    let yaml::Value::Seq(items) = &node.value else {
        if let Some(names) = r.bulleted(node, group.key()) {
            return names.into_iter().map(person).collect();
        }
        let loc = r.loc(node.span.clone());
        r.report(findings::not_a_list_of_people(loc, group.key()));
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| read_person(r, item))
        .collect()
}

fn read_person(r: &mut Reader<'_>, node: &Node) -> Option<Person> {
    if node.is_null() {
        let at = node.span.start..node.span.start;
        r.missing(at, &findings::ENTRY_NAME);
        return None;
    }
    if let yaml::Value::Scalar { .. } = node.value {
        let name = r.entry_text(node, "name")?;
        return Some(person(name));
    }
    let fields = r.fields(node, PERSON_FIELDS, Mapping::Person)?;
    let mut person = person(Spanned::new(String::new(), node.span.clone()));
    let mut named = false;
    for Field {
        name: key, value, ..
    } in fields
    {
        if key == "items" {
            // The numbers are judged against the agenda by the checks.
            person.items = r.text_list(value, key);
            continue;
        }
        let text = r.text(value, key);
        match key {
            "name" => {
                if let Some(name) = text {
                    person.name = name;
                    named = true;
                }
            }
            "title" => person.title = text.map(|s| s.value),
            "organisation" => person.organisation = text.map(|s| s.value),
            "role" => person.role = text.map(|s| s.value),
            "note" => person.note = text.map(|s| s.value),
            "substitute_for" => person.substitute_for = text,
            "party" => person.party = text,
            "absence" => person.absence = text.and_then(|t| absence(r, t)),
            _ => {}
        }
    }
    if !named {
        if !r
            .diags
            .iter()
            .any(|d| d.rule == Rule::BadValue && node.span.contains(&d.loc.span.start))
        {
            let at = node.span.start..node.span.start;
            r.missing(at, &findings::PERSON_NAME);
        }
        return None;
    }
    Some(person)
}

fn person(name: Spanned<String>) -> Person {
    Person {
        name,
        title: None,
        organisation: None,
        role: None,
        note: None,
        substitute_for: None,
        party: None,
        items: Vec::new(),
        absence: None,
    }
}

/// A person's `absence`: one of the kinds, or a `bad-value` finding at
/// the value with the kind it most likely means.
fn absence(r: &mut Reader<'_>, text: Spanned<String>) -> Option<Absence> {
    let keys = Absence::ALL.map(Absence::key);
    if let Some(kind) = Absence::ALL
        .into_iter()
        .find(|a| same_word(&text.value, a.key()))
    {
        return Some(kind);
    }
    let meant = crate::suggest::closed_value(&text.value, &keys);
    let loc = r.loc(text.span);
    r.report(findings::not_one_of(
        loc,
        "absence",
        &text.value,
        &keys,
        meant,
    ));
    None
}

/// `sections:`, a list of `{ title, from, closed }`.
fn read_sections(r: &mut Reader<'_>, node: &Node) -> Vec<Section> {
    let yaml::Value::Seq(entries) = &node.value else {
        if !node.is_null() {
            let loc = r.loc(node.span.clone());
            r.report(findings::not_a_list_of_sections(loc));
        }
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| read_section(r, entry))
        .collect()
}

fn read_section(r: &mut Reader<'_>, node: &Node) -> Option<Section> {
    // A misspelt key of this section speaks for this section only.
    let outer = std::mem::take(&mut r.misspelt);
    let section = read_section_fields(r, node);
    r.misspelt = outer;
    section
}

fn read_section_fields(r: &mut Reader<'_>, node: &Node) -> Option<Section> {
    let fields = r.fields(node, SECTION_FIELDS, Mapping::Section)?;
    let mut section = Section {
        title: None,
        from_text: None,
        from: None,
        closed: false,
        span: node.span.clone(),
    };
    for Field {
        name: key, value, ..
    } in &fields
    {
        match *key {
            "title" => section.title = r.text(value, key),
            "from" => {
                section.from_text = r.text(value, key);
                section.from = section
                    .from_text
                    .as_ref()
                    .and_then(|n| ItemNumber::parse(&n.value));
            }
            "closed" => section.closed = r.boolean(value, key).unwrap_or(false),
            _ => {}
        }
    }
    let at = node.span.start..node.span.start;
    r.require(&fields, &findings::SECTION_TITLE, at.clone());
    r.require(&fields, &findings::SECTION_FROM, at);
    Some(section)
}

/// Splits an item file into its front matter (the YAML between a `---` on
/// the very first line and the next `---` line) and the body.
#[derive(Debug, PartialEq)]
struct Split {
    yaml: Range<usize>,
    block: Range<usize>,
    /// The closing `---` line, without its line ending.
    close: Range<usize>,
    body: usize,
}

fn split_front_matter(text: &str) -> Result<Option<Split>, usize> {
    let mut lines = line_spans(text);
    let Some(first) = lines.next() else {
        return Ok(None);
    };
    if text[first.clone()].trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first.end;
    for line in lines {
        let content = text[line.start..line.end].trim_end();
        if content == "---" || content == "..." {
            return Ok(Some(Split {
                yaml: yaml_start..line.start,
                block: 0..line.end,
                close: line.start..line.start + content.len(),
                body: line.end,
            }));
        }
    }
    Err(text.len())
}

/// Each line's byte range including its line ending.
fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = start..end;
        start = end;
        Some(line)
    })
}

/// An item file read, or `None` when its front matter cannot be read as
/// fields (a finding says why).
fn read_item(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Item> {
    let split = match split_front_matter(text) {
        Ok(Some(split)) => split,
        Ok(None) => {
            diags.push(findings::no_front_matter(Loc::new(file, 0..0)));
            return None;
        }
        Err(end) => {
            diags.push(findings::front_matter_not_closed(Loc::new(
                file,
                0..3.min(end),
            )));
            return None;
        }
    };
    let root = match yaml::parse(&text[split.yaml.clone()], split.yaml.start) {
        Ok(Some(root)) => root,
        Ok(None) => Node {
            value: yaml::Value::Map(Vec::new()),
            span: split.yaml.clone(),
        },
        Err(err) => {
            diags.push(yaml_finding(file, err));
            return None;
        }
    };
    let mut r = Reader {
        file,
        diags,
        misspelt: Vec::new(),
    };
    let fields = r.fields(&root, ITEM_FIELDS, Mapping::Item)?;
    let mut item = empty_item(file, text, &split);
    for field in &fields {
        read_item_field(&mut r, field, &mut item);
    }
    item.already_reported = r.misspelt.clone();
    if item.status.is_none()
        && fields
            .iter()
            .any(|f| f.name == "status" && !f.value.is_null())
    {
        // A bad value was reported; whether the item was held is not known.
        item.already_reported.push("status");
    }
    if let Some(sag) = fields.iter().find(|f| f.name == "sag") {
        let empty = sag.value.is_null() || sag.value.as_str().is_some_and(|t| t.trim().is_empty());
        if empty {
            item.case_key = Some(sag.key.clone());
        } else if item.case.is_none() {
            // A bad value was reported; its absence is not news.
            item.already_reported.push("sag");
        }
    }
    require_item_fields(&mut r, &fields, item.front_matter_end.clone());
    Some(item)
}

/// The item of a file split at its front matter, before its fields are read.
fn empty_item(file: FileId, text: &str, split: &Split) -> Item {
    Item {
        file,
        number_text: None,
        number: None,
        title: None,
        case: None,
        responsible: Vec::new(),
        presenters: Vec::new(),
        closed: false,
        kind: None,
        status: None,
        document_number: None,
        closed_by_section: false,
        attachments: Vec::new(),
        added: None,
        outcome: None,
        decided_by: None,
        votes: Vec::new(),
        dissents: Vec::new(),
        inhabil: Vec::new(),
        corrections: Vec::new(),
        body: text[split.body..].to_string(),
        body_offset: split.body,
        front_matter: split.block.clone(),
        front_matter_end: split.close.clone(),
        already_reported: Vec::new(),
        case_key: None,
        public_decision: None,
    }
}

/// One field of an item's front matter into `item`.
fn read_item_field(r: &mut Reader<'_>, field: &Field<'_>, item: &mut Item) {
    let (key, value) = (field.name, field.value);
    match key {
        "number" => {
            item.number_text = r.text(value, key);
            item.number = item
                .number_text
                .as_ref()
                .and_then(|n| ItemNumber::parse(&n.value));
        }
        "title" => item.title = r.text(value, key),
        "sag" => {
            item.case = r.text(value, key).map(|s| {
                let sag = if s.value == "none" {
                    CaseRef::None
                } else {
                    CaseRef::Ref(s.value)
                };
                Spanned::new(sag, s.span)
            });
        }
        "responsible" => item.responsible = r.text_list(value, key),
        "presenters" => item.presenters = r.text_list(value, key),
        "closed" => item.closed = r.boolean(value, key).unwrap_or(false),
        "kind" => {
            item.kind = one_of(r, value, key, &Kind::ALL.map(Kind::key))
                .and_then(|k| Kind::ALL.into_iter().find(|kind| kind.key() == k));
        }
        "status" => {
            item.status = one_of(r, value, key, &Status::ALL.map(Status::key))
                .and_then(|k| Status::ALL.into_iter().find(|status| status.key() == k));
        }
        "dok" => item.document_number = r.text(value, key),
        "attachments" => item.attachments = read_attachments(r, value),
        "added" => item.added = read_added(r, value),
        "outcome" => {
            item.outcome = one_of(r, value, key, &Outcome::ALL.map(Outcome::key))
                .and_then(|k| Outcome::ALL.into_iter().find(|o| o.key() == k));
        }
        "decided_by" => item.decided_by = r.text(value, key),
        "votes" => item.votes = protocol::read_votes(r, value),
        "dissents" => item.dissents = protocol::read_dissents(r, value),
        "inhabil" => item.inhabil = protocol::read_inhabil(r, value),
        "berigtigelser" => item.corrections = approvals::read_corrections(r, value),
        "public_decision" => item.public_decision = r.text(value, key),
        _ => {}
    }
}

/// `added: {date, reason}`: both required.
fn read_added(r: &mut Reader<'_>, node: &Node) -> Option<Added> {
    let fields = r.fields(node, ADDED_FIELDS, Mapping::Added)?;
    let mut added = Added {
        date: None,
        reason: None,
    };
    for Field {
        name: key, value, ..
    } in &fields
    {
        match *key {
            "date" => added.date = r.text(value, key),
            "reason" => added.reason = r.text(value, key),
            _ => {}
        }
    }
    let at = node.span.start..node.span.start;
    r.require(&fields, &findings::ADDED_DATE, at.clone());
    r.require(&fields, &findings::ADDED_REASON, at);
    Some(added)
}

/// True when `written` is the word `value` of a closed set in any case:
/// `Beslutning` and `BESLUTNING` are `beslutning`, and the outputs say
/// rk's word (the layout's label for it).
fn same_word(written: &str, value: &str) -> bool {
    written == value || written.to_lowercase() == value.to_lowercase()
}

/// A value of the closed set `values`, in any case; anything else is a
/// `bad-value` finding at the value, with the value it most likely means.
fn one_of<'v>(r: &mut Reader<'_>, node: &Node, field: &str, values: &[&'v str]) -> Option<&'v str> {
    let text = r.text(node, field)?;
    if let Some(value) = values.iter().find(|v| same_word(&text.value, v)) {
        return Some(value);
    }
    let meant = crate::suggest::closed_value(&text.value, values);
    let loc = r.loc(text.span);
    r.report(findings::not_one_of(loc, field, &text.value, values, meant));
    None
}

/// `number` and `title`, reported at the closing `---` (`at`) when absent.
fn require_item_fields(r: &mut Reader<'_>, fields: &[Field<'_>], at: Range<usize>) {
    r.require(fields, &findings::ITEM_NUMBER, at.clone());
    r.require(fields, &findings::ITEM_TITLE, at);
}

fn read_attachments(r: &mut Reader<'_>, node: &Node) -> Vec<Attachment> {
    let yaml::Value::Seq(items) = &node.value else {
        if !node.is_null() {
            let loc = r.loc(node.span.clone());
            r.report(findings::not_a_list_of_attachments(loc));
        }
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        if let yaml::Value::Scalar { .. } = item.value {
            if let Some(file) = r.entry_text(item, "file") {
                out.push(Attachment {
                    target: Target::File(file),
                    title: None,
                    closed: false,
                });
            }
            continue;
        }
        if let Some(attachment) = read_attachment(r, item) {
            out.push(attachment);
        }
    }
    out
}

/// One `{ file, title }` or `{ url, title }` entry of `attachments`.
fn read_attachment(r: &mut Reader<'_>, node: &Node) -> Option<Attachment> {
    let fields = r.fields(node, ATTACHMENT_FIELDS, Mapping::Attachment)?;
    let (mut file, mut url, mut title, mut closed) = (None, None, None, false);
    for Field {
        name: key, value, ..
    } in &fields
    {
        match *key {
            "file" => file = r.text(value, key),
            "url" => url = r.text(value, key),
            "title" => title = r.text(value, key).map(|s| s.value),
            "closed" => closed = r.boolean(value, key).unwrap_or(false),
            _ => {}
        }
    }
    let target = match (file, url) {
        (Some(file), None) => Target::File(file),
        (None, Some(url)) => Target::Url(url),
        (Some(_), Some(url)) => {
            let loc = r.loc(url.span);
            r.report(findings::file_and_url(loc));
            return None;
        }
        (None, None) => {
            let at = node.span.start..node.span.start;
            if fields.iter().any(|f| f.name == "url") {
                r.require(&fields, &findings::ATTACHMENT_URL, at);
            } else {
                r.missing(at, &findings::ATTACHMENT_FILE);
            }
            return None;
        }
    };
    Some(Attachment {
        target,
        title,
        closed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_only_at_the_very_top() {
        let text = "---\nnumber: \"1\"\n---\nBody\n";
        let split = split_front_matter(text).unwrap().unwrap();
        assert_eq!(&text[split.yaml.clone()], "number: \"1\"\n");
        assert_eq!(&text[split.body..], "Body\n");
        assert!(
            split_front_matter("\n---\nnumber: 1\n---\n")
                .unwrap()
                .is_none()
        );
        assert_eq!(split_front_matter("---\nnumber: 1\n"), Err(14));
        let crlf = "---\r\nnumber: 1\r\n---\r\nB";
        let split = split_front_matter(crlf).unwrap().unwrap();
        assert_eq!(&crlf[split.body..], "B");
    }
}
