//! The plain data every renderer works from, and the content of
//! referat.json: a checked meeting as it is to be published. What an
//! edition shows of an item is decided once, by [`ItemView::new`]: the
//! public view of a closed item holds none of its content (see
//! docs/dev/public-edition.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::date::Date;
use crate::layout::Labels;
use crate::markdown;
use crate::model::{
    Absence, Added, Approver, Attachment, CaseRef, Document, Group, Item, ItemNumber, Kind,
    Meeting, Outcome, Person, Section, Spanned, Status, Target,
};
use crate::paths;
use crate::percent;
use crate::render::marked;

mod protocol;
pub use protocol::{DissentView, InhabilView, ProtocolView, SideView, VoteView};

/// Which edition to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    /// For publication: closed items show only number, title and "Lukket
    /// punkt".
    Public,
    /// Everything, every page marked internal.
    Internal,
}

/// What is made of a meeting: which document, in which edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Make {
    pub document: Document,
    pub edition: Edition,
    /// The tillægsdagsorden: the agenda of the items added after it went
    /// out (`added`), alone.
    pub added_only: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    /// Which document this is: `referat`, or `dagsorden` for the agenda.
    pub document: &'static str,
    /// The layout's word for it (labels.toml's `referat` or `dagsorden`):
    /// the cover says it in capitals, the title starts with it.
    pub document_word: String,
    /// The document title: "Referat - It-Arkitekturrådet - 25. november 2020".
    pub title: String,
    pub body: String,
    /// ISO date, `25-11-2020` and "Onsdag den 25. november 2020".
    pub date: String,
    pub date_short: String,
    pub date_long: String,
    pub year: String,
    pub number: Option<String>,
    /// The planned time, as meeting.yaml's `time` writes it: the agenda's.
    pub time: Option<String>,
    /// When the meeting was held (`actual_time`), in the referat only: the
    /// agenda, made before the meeting, never shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_time: Option<String>,
    /// The ISO dates the agenda and the tillægsdagsorden went out
    /// (`agenda_sent`, `added_agenda_sent`), as meeting.yaml writes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_sent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_agenda_sent: Option<String>,
    pub location: Option<String>,
    /// The chair's name as the participant list writes it, so that the
    /// layouts find the chair there by plain comparison.
    pub chair: Option<String>,
    pub referent: Option<String>,
    /// Whether the layouts print a line of its own for the referent: not
    /// when a participant list already shows them with the role Referent
    /// (as the seed referat does, under Andre deltagere).
    pub referent_line: bool,
    pub internal: bool,
    /// `udkast` or `godkendt`, when meeting.yaml gives a status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// The ISO date of the approval, and the same in words, to follow
    /// "Godkendt": "onsdag den 2. december 2020".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_long: Option<String>,
    /// `cancelled: true`: the meeting was called off ("Mødet er aflyst").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
    /// `extraordinary: true`: an ekstraordinært møde.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub extraordinary: bool,
    /// The tillægsdagsorden (`rk build --agenda --added`): the items added
    /// after the agenda went out, alone.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub added_only: bool,
    /// Who approved (signed) the protocol, as meeting.yaml's `approvals`
    /// writes it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<ApprovalView>,
    /// The Underskriftsblad, when meeting.yaml writes `approvals` (even
    /// empty): every one who signs, with their approval or none yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures: Option<Vec<SignatureView>>,
    pub people: PeopleView,
    /// The unnumbered headings the items are grouped under, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionView>,
    pub items: Vec<ItemView>,
    /// The files published beside the referat: the attachments and the
    /// files that bodies link to, of the items this edition shows.
    #[serde(skip)]
    pub files: Vec<PublishedFile>,
}

/// A file of the meeting folder copied beside the referat, at the same
/// relative path, so that the links of the HTML and the PDF find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedFile {
    /// Where it goes, relative to the referat: `bilag/x.pdf`.
    pub path: String,
    /// The file in the meeting folder.
    pub source: PathBuf,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeopleView {
    pub members: Vec<PersonView>,
    pub others: Vec<PersonView>,
    pub guests: Vec<PersonView>,
    pub absent: Vec<PersonView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute_for: Option<String>,
    /// The letter of the person's group (`A`), which the layouts print
    /// after the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The items the person attended (`["7", "8"]`); left out for someone
    /// who attended them all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Why the person was absent (`afbud`, `forfald`, `uden afbud`), when
    /// the sources say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absence: Option<&'static str>,
}

/// Who was absent from an item, as the layouts show it under the item
/// ("Fraværende: Evan Lynnerup (afbud)"): made from the participant list
/// (who is absent, who attended which items, and why), never written per
/// item. Public, as the participant list is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AttendanceView {
    /// The members absent from the item, in the participant list's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<AbsentView>,
    /// The members who left the meeting after this item: they attended it
    /// and no later one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left: Vec<String>,
}

impl AttendanceView {
    pub fn is_empty(&self) -> bool {
        self.absent.is_empty() && self.left.is_empty()
    }
}

/// A member absent from an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsentView {
    pub name: String,
    /// `afbud`, `forfald` or `uden afbud`, when the sources say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absence: Option<&'static str>,
    /// Who took the seat (a member with `substitute_for` naming them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute: Option<String>,
}

/// One approval of the protocol: who, when, with what forbehold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalView {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forbehold: Option<String>,
}

/// A line of the Underskriftsblad: one who signs (a member present, or the
/// chair or the referent, as rk.toml's `approval` says), and their
/// approval when it is written; else a line to sign on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureView {
    pub name: String,
    /// The ISO date of the approval, and the same as "26. juni 2024".
    pub date: Option<String>,
    pub date_long: Option<String>,
    pub forbehold: Option<String>,
}

/// A berigtigelse: a correction added to an item after the approval,
/// shown after its decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CorrectionView {
    /// ISO date, and the same as "3. juli 2024" (filled in with the
    /// layout's month names when the document is made).
    pub date: String,
    pub date_long: String,
    pub text: String,
}

/// A section of the agenda ("Lukkede punkter"): not an item, no number.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: String,
    /// The number of its first item.
    pub from: String,
    /// A closed section closes every item in it.
    pub closed: bool,
}

impl SectionView {
    /// The section's anchor in the HTML: `afsnit-1` for the first.
    pub fn anchor(index: usize) -> String {
        format!("afsnit-{}", index + 1)
    }
}

/// An item as an edition shows it. What the public edition shows of a
/// closed item is all here: its number, title, level, section, kind,
/// status and that it is closed. Everything else is its [`ItemContent`],
/// which only [`ItemView::new`] puts in a view, and which it leaves out of
/// the public view of a closed item: a field added to the content later is
/// withheld with the rest, without anyone clearing it.
#[derive(Debug, Clone)]
pub struct ItemView {
    pub number: String,
    pub title: String,
    /// 1 for `2`, 2 for `2.1`, 3 for `2.9.1`.
    pub level: usize,
    pub group: bool,
    pub closed: bool,
    /// The title of the section it lies in, if any.
    pub section: Option<String>,
    /// `beslutning`, `orientering` or `drøftelse`, when given: the
    /// heading shows it, of a closed item too.
    pub kind: Option<&'static str>,
    /// `udsat` or `udgik`, when given; shown as `kind` is.
    pub status: Option<&'static str>,
    /// Who was absent from it, when the layout shows that under each item
    /// (labels.toml's `item_absence`); empty otherwise. Public, as the
    /// participant list it is made from is.
    pub attendance: AttendanceView,
    /// Private: set by [`ItemView::new`] alone.
    content: Content,
}

/// What a view holds of an item's content.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Content {
    /// Boxed: a content is large beside a fingerprint.
    Shown(Box<ItemContent>),
    /// A closed item in the public edition: none of its content, only a
    /// fingerprint of it, by which `rk diff` can say that it changed (never
    /// serialised), and the text of its decision written for the public
    /// (`public_decision`), if it has one: the one part of a closed item's
    /// content that is published.
    Withheld {
        fingerprint: Fingerprint,
        public_decision: Option<String>,
    },
}

/// A digest of a withheld content, compared within one run of rk: equal
/// when the content is the same as `rk diff` compares it (its fields, and
/// the words and structure of its body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(u64);

/// The content of an item: what the public edition withholds of a closed
/// one. A view gets it only from [`ItemView::new`] (its `content` is
/// private), so another one made elsewhere could go nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ItemContent {
    /// The case reference; `None` for `sag: none`.
    pub case: Option<String>,
    /// The document number.
    pub document_number: Option<String>,
    pub responsible: Vec<String>,
    pub presenters: Vec<String>,
    pub attachments: Vec<AttachmentView>,
    /// The Markdown body.
    pub body: String,
    /// When and why it was put on the agenda after it went out.
    pub added: Option<Box<AddedView>>,
    /// What was decided, as the key of the layout's `outcomes` label.
    pub outcome: Option<&'static str>,
    /// The body that decides the case ("Byrådet").
    pub decided_by: Option<String>,
    /// The votes, protokoltilførsler and inhabil members.
    pub protocol: ProtocolView,
    /// The berigtigelser, after the body; none when it has none (boxed:
    /// rare, and an item's content stays small).
    pub corrections: Option<Box<[CorrectionView]>>,
    /// A closed item's decision as written for the public edition
    /// (`public_decision`, Markdown); the internal edition shows it beside
    /// the body, labelled.
    pub public_decision: Option<String>,
}

/// An item's `added`: a tillægspunkt, with the date it was put on the
/// agenda and why it could not wait.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct AddedView {
    /// As written (ISO), and as `27-05-2024`.
    pub date: String,
    pub date_short: String,
    pub reason: String,
}

/// A withheld content as the serialised view gives it (the JSON, the
/// templates): no case, nobody, no files, no text.
static WITHHELD: ItemContent = ItemContent {
    case: None,
    document_number: None,
    responsible: Vec::new(),
    presenters: Vec::new(),
    attachments: Vec::new(),
    body: String::new(),
    added: None,
    outcome: None,
    decided_by: None,
    protocol: ProtocolView::EMPTY,
    corrections: None,
    public_decision: None,
};

/// The views of the items `edition` shows; of the added ones alone, and
/// outside any section, for the tillægsdagsorden (`added_only`).
fn item_views(meeting: &Meeting, make: Make, attendance: bool) -> Vec<ItemView> {
    let added_only = make.added_only;
    meeting
        .items
        .iter()
        .filter(|item| !added_only || is_added(item, meeting))
        .map(|item| ItemView::new(item, meeting, make, attendance))
        .map(|view| match added_only {
            true => ItemView {
                section: None,
                ..view
            },
            false => view,
        })
        .collect()
}

/// True when `item` was added to the agenda after it went out, itself or
/// as a sub-item of an added group.
fn is_added(item: &Item, meeting: &Meeting) -> bool {
    item.added.is_some()
        || item.number.as_ref().is_some_and(|n| {
            meeting.items.iter().any(|other| {
                other.added.is_some()
                    && other
                        .number
                        .as_ref()
                        .is_some_and(|o| o.depth() < n.depth() && n.0.starts_with(&o.0))
            })
        })
}

/// The view of an item's `added`; the checks found its date real.
fn added(added: &Added) -> AddedView {
    let date = added
        .date
        .as_ref()
        .map(|d| d.value.clone())
        .unwrap_or_default();
    let date_short = Date::parse(&date).map_or_else(String::new, |d| {
        format!("{:02}-{:02}-{}", d.day(), d.month(), d.year())
    });
    AddedView {
        date,
        date_short,
        reason: added
            .reason
            .as_ref()
            .map(|r| r.value.clone())
            .unwrap_or_default(),
    }
}

impl ItemContent {
    /// The content of `item` as `edition` shows it: the public edition
    /// leaves out the closed attachments.
    fn of(item: &Item, edition: Edition, meeting: &Meeting) -> ItemContent {
        ItemContent {
            case: match item.case.as_ref().map(|s| &s.value) {
                Some(CaseRef::Ref(r)) => Some(r.clone()),
                _ => None,
            },
            document_number: item.document_number.as_ref().map(|d| d.value.clone()),
            responsible: item.responsible.iter().map(|r| r.value.clone()).collect(),
            presenters: item.presenters.iter().map(|p| p.value.clone()).collect(),
            attachments: item
                .attachments
                .iter()
                .filter(|a| edition == Edition::Internal || !a.closed)
                .map(AttachmentView::new)
                .collect(),
            body: item.body.clone(),
            added: item.added.as_ref().map(|a| Box::new(added(a))),
            outcome: item.outcome.map(Outcome::key),
            decided_by: item.decided_by.as_ref().map(|d| d.value.clone()),
            protocol: ProtocolView::of(item, meeting),
            corrections: Some(
                item.corrections
                    .iter()
                    .map(|c| {
                        let text = |s: &Option<Spanned<String>>| {
                            s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
                        };
                        CorrectionView {
                            date: text(&c.date),
                            date_long: text(&c.date),
                            text: text(&c.text),
                        }
                    })
                    .collect::<Box<[_]>>(),
            )
            .filter(|c| !c.is_empty()),
            public_decision: item.public_decision.as_ref().map(|d| d.value.clone()),
        }
    }

    /// What `rk diff` (the changes module) compares of two contents, as a
    /// digest: the fields, the attachments by their titles, the body by its
    /// words and structure (not by how its lines are wrapped).
    fn fingerprint(&self) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (
            &self.case,
            &self.document_number,
            &self.responsible,
            &self.presenters,
            (&self.added, &self.outcome, &self.decided_by),
            &self.protocol,
            &self.corrections,
            &self.public_decision,
        )
            .hash(&mut hasher);
        for attachment in &self.attachments {
            attachment.title.hash(&mut hasher);
        }
        marked::keys(&self.body).hash(&mut hasher);
        Fingerprint(hasher.finish())
    }
}

impl ItemView {
    /// The view of `item` of `meeting` made as `make` says: the one place
    /// that decides what an edition shows of an item. A closed item (closed
    /// itself, by its group or by its section) in the public edition gets
    /// no content but the text of its decision written for the public
    /// (`public_decision`), and that only in the referat (the agenda is
    /// sent before anything is decided). `attendance` is whether the
    /// layout shows who was absent from each item.
    pub fn new(item: &Item, meeting: &Meeting, make: Make, attendance: bool) -> ItemView {
        let closed = item.is_closed_in(&meeting.items);
        let decided = match make.document {
            Document::Minutes => item.public_decision.as_ref().map(|d| d.value.clone()),
            // The agenda is sent before anything is decided.
            Document::Agenda => None,
        };
        ItemView {
            number: item
                .number
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            title: item
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            level: item.number.as_ref().map_or(1, |n| n.depth()),
            group: item.is_group(&meeting.items),
            closed,
            section: item
                .number
                .as_ref()
                .and_then(|n| meeting.section_of(n))
                .and_then(|s| s.title.as_ref())
                .map(|t| t.value.clone()),
            kind: item.kind.map(Kind::key),
            status: item.status.map(Status::key),
            attendance: match attendance && make.document == Document::Minutes {
                true => attendance_of(item, meeting),
                false => AttendanceView::default(),
            },
            // A withheld content's fingerprint is of all of it, closed
            // attachments too, so that a change of any is a change.
            content: match (make.edition, closed) {
                (Edition::Public, true) => Content::Withheld {
                    fingerprint: ItemContent::of(item, Edition::Internal, meeting).fingerprint(),
                    public_decision: decided,
                },
                (edition, _) => Content::Shown(Box::new(ItemContent {
                    public_decision: decided,
                    ..ItemContent::of(item, edition, meeting)
                })),
            },
        }
    }

    /// Its content; none for a closed item in the public edition.
    pub fn content(&self) -> Option<&ItemContent> {
        match &self.content {
            Content::Shown(content) => Some(content.as_ref()),
            Content::Withheld { .. } => None,
        }
    }

    /// The text of its decision written for the public edition: the one
    /// part of a closed item the public edition shows; shown beside the
    /// rest of the content in the internal edition.
    pub fn public_decision(&self) -> Option<&str> {
        match &self.content {
            Content::Shown(content) => content.public_decision.as_deref(),
            Content::Withheld {
                public_decision, ..
            } => public_decision.as_deref(),
        }
    }

    /// Its content, or for a withheld one the empty content the public
    /// edition shows in its place (no case, nobody, no files, no text).
    pub fn shown(&self) -> &ItemContent {
        self.content().unwrap_or(&WITHHELD)
    }

    /// Whether the content of two views differs, as far as they show it:
    /// two withheld contents by their fingerprints; `None` when one is
    /// shown and the other withheld (nothing to compare in the open).
    pub fn same_withheld(&self, other: &ItemView) -> Option<bool> {
        match (&self.content, &other.content) {
            (
                Content::Withheld { fingerprint: a, .. },
                Content::Withheld { fingerprint: b, .. },
            ) => Some(a == b),
            _ => None,
        }
    }

    /// The item's anchor in the HTML, and the start of its notes' names in
    /// both outputs: `punkt-2-1` for 2.1.
    pub fn anchor(&self) -> String {
        format!("punkt-{}", self.number.replace('.', "-"))
    }
}

/// The view as referat.json and the templates have it: the fields of
/// before the content was split off, in their order; a withheld content as
/// an empty one.
impl Serialize for ItemView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let content = self.shown();
        let mut out = serializer.serialize_struct("ItemView", 17)?;
        out.serialize_field("number", &self.number)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("level", &self.level)?;
        out.serialize_field("group", &self.group)?;
        out.serialize_field("closed", &self.closed)?;
        optional(&mut out, "section", &self.section)?;
        out.serialize_field("sag", &content.case)?;
        optional(&mut out, "dok", &content.document_number)?;
        optional(&mut out, "kind", &self.kind)?;
        optional(&mut out, "status", &self.status)?;
        out.serialize_field("responsible", &content.responsible)?;
        out.serialize_field("presenters", &content.presenters)?;
        out.serialize_field("attachments", &content.attachments)?;
        out.serialize_field("body", &content.body)?;
        optional(&mut out, "added", &content.added)?;
        optional(&mut out, "outcome", &content.outcome)?;
        optional(&mut out, "decided_by", &content.decided_by)?;
        let protocol = &content.protocol;
        listed(&mut out, "votes", &protocol.votes)?;
        listed(&mut out, "dissents", &protocol.dissents)?;
        listed(&mut out, "inhabil", &protocol.inhabil)?;
        optional(&mut out, "berigtigelser", &content.corrections)?;
        optional(&mut out, "public_decision", &self.public_decision())?;
        if !self.attendance.is_empty() {
            out.serialize_field("attendance", &self.attendance)?;
        } else {
            out.skip_field("attendance")?;
        }
        out.end()
    }
}

/// A field left out when it is empty.
fn listed<S: serde::ser::SerializeStruct, T: Serialize>(
    out: &mut S,
    key: &'static str,
    value: &Vec<T>,
) -> Result<(), S::Error> {
    match value.is_empty() {
        false => out.serialize_field(key, value),
        true => out.skip_field(key),
    }
}

/// A field left out when it is `None`.
fn optional<S: serde::ser::SerializeStruct, T: Serialize>(
    out: &mut S,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(_) => out.serialize_field(key, value),
        None => out.skip_field(key),
    }
}

/// The anchor of the closing text, and the start of its notes' names.
pub const CLOSING_ANCHOR: &str = "afslutning";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentView {
    /// The path as written in the item, for a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The web address as written, for a linked page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// As written, or else the file's path or the address.
    pub title: String,
    /// The link: to the copy beside the referat (`bilag/min%20graf.pdf`),
    /// or the web address.
    pub href: Option<String>,
    /// A closed attachment, which only the internal edition has.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}

impl AttachmentView {
    fn new(attachment: &Attachment) -> AttachmentView {
        let written = attachment.written().value.clone();
        let title = attachment.title.clone().unwrap_or_else(|| written.clone());
        match &attachment.target {
            Target::File(file) => AttachmentView {
                href: paths::normalise(&file.value).map(|p| markdown::href(&p)),
                file: Some(written),
                url: None,
                title,
                closed: attachment.closed,
            },
            Target::Url(_) => AttachmentView {
                href: Some(written.clone()),
                file: None,
                url: Some(written),
                title,
                closed: attachment.closed,
            },
        }
    }
}

impl DocumentView {
    /// The publishable view of a meeting that passed its checks, held on
    /// `date` (its date, which the checks found real): its referat.
    pub fn new(meeting: &Meeting, date: Date, labels: &Labels, edition: Edition) -> DocumentView {
        let make = Make {
            document: Document::Minutes,
            edition,
            added_only: false,
        };
        DocumentView::of(meeting, date, labels, make)
    }

    /// The public referat of a meeting that passed its checks, as a list
    /// of meetings shows it (the archive's index): the same view as
    /// [`DocumentView::new`] gives, without the files it publishes, which
    /// a list links to through the referat and never copies (`files` is
    /// left empty; finding them reads every item's body again).
    pub fn listed(meeting: &Meeting, date: Date, labels: &Labels) -> DocumentView {
        let make = Make {
            document: Document::Minutes,
            edition: Edition::Public,
            added_only: false,
        };
        DocumentView::view(meeting, date, labels, make)
    }

    /// The referat or the agenda of a meeting that passed its checks. The
    /// agenda has no referent, no status, and its items leave out the
    /// parts written at the meeting (labels.toml's `meeting_parts`).
    pub fn of(meeting: &Meeting, date: Date, labels: &Labels, make: Make) -> DocumentView {
        let mut referat = DocumentView::view(meeting, date, labels, make);
        if make.document == Document::Agenda {
            let parts = labels.meeting_parts.as_deref().unwrap_or_default();
            for item in &mut referat.items {
                if let Content::Shown(content) = &mut item.content {
                    content.body = markdown::without_parts(&content.body, parts);
                    // What became of it is decided at the meeting.
                    content.outcome = None;
                    // Votes, protokoltilførsler and inhabilitet are the
                    // meeting's outcome, as the parts written there are.
                    content.protocol = ProtocolView::EMPTY;
                }
            }
            referat.referent = None;
            referat.referent_line = false;
            referat.status = None;
            referat.approved = None;
            referat.approved_long = None;
            referat.approvals = Vec::new();
            referat.signatures = None;
        }
        for item in &mut referat.items {
            if let Content::Shown(content) = &mut item.content {
                if make.document == Document::Agenda {
                    content.corrections = None;
                }
                for correction in content.corrections.iter_mut().flatten() {
                    if let Some(date) = Date::parse(&correction.date) {
                        correction.date_long = day_words(date, labels);
                    }
                }
            }
        }
        referat.files = published_files(&referat.items, &meeting.dir);
        referat
    }

    fn view(meeting: &Meeting, date: Date, labels: &Labels, make: Make) -> DocumentView {
        let Make {
            document,
            edition,
            added_only,
        } = make;
        let document_word = document_word(make, labels);
        let text = |s: &Option<Spanned<String>>| s.as_ref().map(|s| s.value.clone());
        let (year, month, day) = (date.year(), date.month(), date.day());
        let body = text(&meeting.body).unwrap_or_default();
        let fill = |template: &str| filled(template, labels, date, &document_word, &body);
        // The checks found the approval date real when there is one.
        let approved = meeting
            .approved
            .as_ref()
            .and_then(|a| Date::parse(&a.value));
        DocumentView {
            document: document.key(),
            title: fill(&labels.title),
            document_word: document_word.clone(),
            date_short: format!("{day:02}-{month:02}-{year}"),
            date_long: fill(&labels.long_date),
            year: year.to_string(),
            date: date.to_string(),
            body,
            number: text(&meeting.number),
            time: meeting.time.clone(),
            actual_time: match document {
                Document::Minutes => meeting.actual_time.clone(),
                Document::Agenda => None,
            },
            agenda_sent: text(&meeting.agenda_sent),
            added_agenda_sent: text(&meeting.added_agenda_sent),
            location: meeting.location.clone(),
            chair: meeting
                .chair
                .as_ref()
                .map(|c| listed_name(meeting, &c.value)),
            referent: text(&meeting.referent),
            referent_line: meeting
                .referent
                .as_ref()
                .is_some_and(|r| !listed_as_referent(meeting, &r.value, &labels.referent)),
            internal: edition == Edition::Internal,
            status: meeting.status.as_ref().map(|s| s.value.word()),
            approved: approved.map(|d| d.to_string()),
            approved_long: approved.map(|d| approved_words(d, labels)),
            cancelled: meeting.cancelled,
            extraordinary: meeting.extraordinary,
            approvals: meeting.approvals.iter().map(approval).collect(),
            signatures: meeting
                .approvals_key
                .as_ref()
                .map(|_| signatures(meeting, labels)),
            people: people_view(meeting),
            // The tillægsdagsorden's few items stand without the sections,
            // whose first items it does not have.
            sections: match added_only {
                true => Vec::new(),
                false => meeting.sections.iter().map(section).collect(),
            },
            items: item_views(meeting, make, labels.item_absence),
            added_only,
            files: Vec::new(),
        }
    }
}

/// The document's word (labels.toml's `referat`, `dagsorden`, or the
/// tillægsdagsorden's word).
fn document_word(make: Make, labels: &Labels) -> String {
    match (make.document, &labels.added_agenda) {
        (Document::Agenda, Some(word)) if make.added_only => word.clone(),
        (Document::Minutes, _) => labels.minutes.clone(),
        (Document::Agenda, _) => labels.agenda.clone().unwrap_or_default(),
    }
}

/// The meeting's people by group, as the participant list shows them.
fn people_view(meeting: &Meeting) -> PeopleView {
    let people = |group: Group| -> Vec<PersonView> {
        meeting.people.group(group).iter().map(person).collect()
    };
    PeopleView {
        members: people(Group::Members),
        others: people(Group::Others),
        guests: people(Group::Guests),
        absent: people(Group::Absent),
    }
}

/// Who was absent from `item` (a member under `absent`, or one whose
/// `items` leave it out) and who left after it (attended it and no later
/// item). Without `items` a member attended every item
/// ([`Person::attended`]).
fn attendance_of(item: &Item, meeting: &Meeting) -> AttendanceView {
    let Some(number) = &item.number else {
        return AttendanceView::default();
    };
    if item.is_group(&meeting.items) {
        return AttendanceView::default();
    }
    let substitute = |absent: &Person| {
        meeting
            .people
            .present()
            .find(|p| {
                p.substitute_for
                    .as_ref()
                    .is_some_and(|s| crate::model::same_name(&s.value, &absent.name.value))
            })
            .map(|p| p.name.value.clone())
    };
    let absent_view = |p: &Person| AbsentView {
        name: p.name.value.clone(),
        absence: p.absence.map(Absence::key),
        substitute: substitute(p),
    };
    let members = &meeting.people.members;
    // A stedfortræder for a member who is present (called in for the items
    // that member is inhabil for) is not absent from the others; an inhabil
    // member is shown as such by the item, not as absent.
    let seat_of_present = |p: &Person| {
        p.substitute_for.as_ref().is_some_and(|s| {
            meeting
                .people
                .present()
                .any(|q| crate::model::same_name(&q.name.value, &s.value))
        })
    };
    let mut absent: Vec<AbsentView> = members
        .iter()
        .filter(|p| !p.attended(number) && !seat_of_present(p))
        .map(absent_view)
        .collect();
    absent.extend(meeting.people.absent.iter().map(absent_view));
    let later: Vec<&ItemNumber> = meeting
        .items
        .iter()
        .filter(|i| !i.is_group(&meeting.items))
        .filter_map(|i| i.number.as_ref())
        .filter(|n| *n > number)
        .collect();
    let left = members
        .iter()
        .filter(|p| {
            p.attended(number)
                && !seat_of_present(p)
                && !later.is_empty()
                && !later.iter().any(|n| p.attended(n))
        })
        .map(|p| p.name.value.clone())
        .collect();
    AttendanceView { absent, left }
}

/// A template of labels.toml (`title`, `long_date`) filled in for a
/// meeting held on `date`: weekday, day, month, year, the document's word
/// (`{referat}`: Referat or Dagsorden) and the body.
fn filled(template: &str, labels: &Labels, date: Date, word: &str, body: &str) -> String {
    let name = |names: &[String], i: usize| names.get(i).cloned().unwrap_or_default();
    template
        .replace("{weekday}", &name(&labels.weekdays, date.weekday()))
        .replace("{day}", &date.day().to_string())
        .replace("{month}", &name(&labels.months, date.month() as usize - 1))
        .replace("{year}", &date.year().to_string())
        .replace("{referat}", word)
        .replace("{body}", body)
}

fn approval(approver: &Approver) -> ApprovalView {
    ApprovalView {
        name: approver.name.value.clone(),
        date: approver.date.as_ref().map(|d| d.value.clone()),
        forbehold: approver.forbehold.clone(),
    }
}

/// The lines of the Underskriftsblad: each who signs, with their approval
/// (the checks found its date real) when meeting.yaml writes one.
fn signatures(meeting: &Meeting, labels: &Labels) -> Vec<SignatureView> {
    meeting
        .signers()
        .into_iter()
        .map(|signer| {
            let approval = meeting
                .approvals
                .iter()
                .find(|a| crate::model::same_name(&a.name.value, &signer.value));
            let date = approval
                .and_then(|a| a.date.as_ref())
                .and_then(|d| Date::parse(&d.value));
            SignatureView {
                name: listed_name(meeting, &signer.value),
                date: date.map(|d| d.to_string()),
                date_long: date.map(|d| day_words(d, labels)),
                forbehold: approval.and_then(|a| a.forbehold.clone()),
            }
        })
        .collect()
}

/// A date as a sentence writes it without its weekday: "3. juli 2024".
fn day_words(date: Date, labels: &Labels) -> String {
    let month = labels
        .months
        .get(date.month() as usize - 1)
        .cloned()
        .unwrap_or_default();
    format!("{}. {month} {}", date.day(), date.year())
}

/// The long date of an approval, to follow the layout's "Godkendt": the
/// layout's `long_date` with the weekday in lower case, as it is written
/// within a sentence ("onsdag den 2. december 2020").
fn approved_words(date: Date, labels: &Labels) -> String {
    let word = |words: &[String], i: usize| words.get(i).cloned().unwrap_or_default();
    let text = labels
        .long_date
        .replace(
            "{weekday}",
            &word(&labels.weekdays, date.weekday()).to_lowercase(),
        )
        .replace("{day}", &date.day().to_string())
        .replace("{month}", &word(&labels.months, date.month() as usize - 1))
        .replace("{year}", &date.year().to_string());
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// The attachments and linked files of the items as shown (a closed item
/// of the public edition shows none), each once, in path order.
fn published_files(items: &[ItemView], dir: &Path) -> Vec<PublishedFile> {
    let mut files = BTreeMap::new();
    for content in items.iter().filter_map(ItemView::content) {
        let links = markdown::linked_files(&content.body);
        let attachments = content.attachments.iter().filter_map(|a| a.file.clone());
        for name in attachments.chain(links) {
            // The checks have refused names that lead nowhere.
            if let (Some(path), Ok(source)) =
                (paths::normalise(&name), paths::resolve_inside(dir, &name))
            {
                files.entry(path).or_insert(source);
            }
        }
    }
    files
        .into_iter()
        .map(|(path, source)| PublishedFile { path, source })
        .collect()
}

/// True when `name` is among the present with the role `role` (the
/// layout's word for a referent), in any case.
fn listed_as_referent(meeting: &Meeting, name: &str, role: &str) -> bool {
    meeting.people.present().any(|p| {
        crate::model::same_name(&p.name.value, name)
            && p.role
                .as_deref()
                .is_some_and(|r| r.trim().to_lowercase() == role.to_lowercase())
    })
}

/// `name` as the participant list writes it (the checks compare names in
/// Unicode normal form C), or as given when nobody present has it.
fn listed_name(meeting: &Meeting, name: &str) -> String {
    meeting
        .people
        .present()
        .find(|p| crate::model::same_name(&p.name.value, name))
        .map_or(name, |p| p.name.value.as_str())
        .to_string()
}

fn person(p: &Person) -> PersonView {
    // The checks have refused entries that are no item number. In number
    // order, each once.
    let mut items: Vec<ItemNumber> = p
        .items
        .iter()
        .filter_map(|i| ItemNumber::parse(&i.value))
        .collect();
    items.sort();
    items.dedup();
    PersonView {
        name: p.name.value.clone(),
        title: p.title.clone(),
        organisation: p.organisation.clone(),
        role: p.role.clone(),
        note: p.note.clone(),
        substitute_for: p.substitute_for.as_ref().map(|s| s.value.clone()),
        party: p.party.as_ref().map(|s| s.value.clone()),
        items: items.iter().map(ToString::to_string).collect(),
        absence: p.absence.map(Absence::key),
    }
}

fn section(s: &Section) -> SectionView {
    SectionView {
        title: s
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        from: s.from.as_ref().map(ToString::to_string).unwrap_or_default(),
        closed: s.closed,
    }
}

/// rk.toml's `document.url` for one document number: `{dok}` replaced as
/// [`case_url`] replaces `{sag}`.
pub fn document_url(template: &str, dok: &str) -> String {
    url_with(template, "{dok}", dok)
}

/// rk.toml's `case.url` for one reference: `{sag}` replaced by the
/// reference as a piece of a URL. The reference's `/` stays a `/` (a case
/// number like `20/04651` is a path on many case systems); what would end or
/// change the part it sits in is percent-encoded: spaces, `?`, `#`, `%`,
/// non-ASCII, and in a query (after `?`) also `&`, `=` and `+`.
pub fn case_url(template: &str, reference: &str) -> String {
    url_with(template, "{sag}", reference)
}

/// `template` with `placeholder` replaced by `value` as a piece of a URL
/// (see [`case_url`]).
fn url_with(template: &str, placeholder: &str, reference: &str) -> String {
    let in_query = template
        .split(placeholder)
        .next()
        .is_some_and(|before| before.contains('?'));
    let set = if in_query {
        percent::URL_QUERY_PIECE
    } else {
        percent::URL_PATH_PIECE
    };
    template.replace(placeholder, &percent::encode(reference, set))
}

/// The test fixture's meeting with a closed item (item 2), loaded, and its
/// date.
#[cfg(test)]
pub(crate) fn closed_fixture() -> (Meeting, Date) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/build/closed/meetings/2020-11-25");
    let mut files = crate::files::Files::default();
    let meeting = crate::source::load(&dir, &mut files, &mut Vec::new()).unwrap();
    let date = meeting.calendar_date().unwrap();
    (meeting, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        crate::layout::Layout::resolve("kl", Path::new("."))
            .unwrap()
            .labels
    }

    #[test]
    fn a_closed_item_has_no_content_in_the_public_edition_and_all_of_it_internally() {
        let (mut meeting, date) = closed_fixture();
        // Whatever its source says: a field given, a note, a linked file.
        meeting.items[1].document_number = Some(Spanned::new("DOK-1".into(), 0..0));
        meeting.items[1]
            .body
            .push_str("\n[^1] [x](bilag/fortroligt.txt)\n\n[^1]: Note.\n");
        let labels = labels();
        for document in [Document::Minutes, Document::Agenda] {
            let public = Make {
                document,
                edition: Edition::Public,
                added_only: false,
            };
            let referat = DocumentView::of(&meeting, date, &labels, public);
            let closed = &referat.items[1];
            assert!(closed.closed && closed.content().is_none());
            assert_eq!(closed.shown(), &WITHHELD);
            assert!(referat.items[0].content().is_some());
            // Only the open item's files are published.
            assert!(referat.files.iter().all(|f| !f.path.contains("fortroligt")));

            let internal = Make {
                document,
                edition: Edition::Internal,
                added_only: false,
            };
            let referat = DocumentView::of(&meeting, date, &labels, internal);
            let content = referat.items[1].content().unwrap();
            assert_eq!(content.case.as_deref(), Some("SAG-2020-09999"));
            assert_eq!(content.document_number.as_deref(), Some("DOK-1"));
            assert_eq!(content.presenters, ["Karen Rahbek"]);
            assert!(
                referat
                    .files
                    .iter()
                    .any(|f| f.path == "bilag/fortroligt.txt")
            );
        }
    }

    #[test]
    fn the_public_decision_is_all_a_closed_items_public_view_holds_and_only_in_the_referat() {
        let (mut meeting, date) = closed_fixture();
        let decision = "Udvalget traf en afgørelse.";
        meeting.items[1].public_decision = Some(Spanned::new(decision.into(), 0..0));
        let labels = labels();
        let view = |meeting: &Meeting, document, edition| {
            let make = Make {
                document,
                edition,
                added_only: false,
            };
            DocumentView::of(meeting, date, &labels, make).items[1].clone()
        };
        let public = view(&meeting, Document::Minutes, Edition::Public);
        assert!(public.content().is_none());
        assert_eq!(public.public_decision(), Some(decision));
        let json = serde_json::to_value(&public).unwrap();
        assert_eq!(json["public_decision"], decision);
        assert_eq!(json["body"], "");
        let internal = view(&meeting, Document::Minutes, Edition::Internal);
        assert_eq!(internal.public_decision(), Some(decision));
        assert!(internal.content().unwrap().body.contains("Hemmelig Hansen"));
        // The agenda is sent before anything is decided.
        for edition in [Edition::Public, Edition::Internal] {
            assert_eq!(
                view(&meeting, Document::Agenda, edition).public_decision(),
                None
            );
        }
        // A change of the public decision is a change of the withheld
        // content.
        let before = view(&meeting, Document::Minutes, Edition::Public);
        meeting.items[1].public_decision = Some(Spanned::new("Andet.".into(), 0..0));
        let after = view(&meeting, Document::Minutes, Edition::Public);
        assert_eq!(before.same_withheld(&after), Some(false));
    }

    #[test]
    fn a_withheld_content_serialises_as_an_empty_one_with_the_same_keys() {
        let (meeting, date) = closed_fixture();
        let labels = labels();
        let view = |edition| {
            let referat = DocumentView::new(&meeting, date, &labels, edition);
            serde_json::to_value(&referat.items[1]).unwrap()
        };
        let (public, internal) = (view(Edition::Public), view(Edition::Internal));
        assert_eq!(
            public,
            serde_json::json!({
                "number": "2", "title": "Personalesag", "level": 1, "group": false,
                "closed": true, "sag": null, "responsible": [], "presenters": [],
                "attachments": [], "body": ""
            })
        );
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        assert_eq!(keys(&public), keys(&internal));
        assert!(
            internal["body"]
                .as_str()
                .unwrap()
                .contains("Hemmelig Hansen")
        );
    }

    #[test]
    fn a_listed_referat_is_the_public_one_without_its_files() {
        let (meeting, date) = closed_fixture();
        let labels = labels();
        let listed = DocumentView::listed(&meeting, date, &labels);
        let public = DocumentView::new(&meeting, date, &labels, Edition::Public);
        assert!(listed.files.is_empty());
        assert!(listed.items[1].closed && listed.items[1].content().is_none());
        assert_eq!(
            serde_json::to_value(&listed).unwrap(),
            serde_json::to_value(&public).unwrap()
        );
    }

    #[test]
    fn anchors() {
        let item = ItemView {
            number: "2.9.1".into(),
            title: String::new(),
            level: 3,
            group: false,
            closed: false,
            section: None,
            kind: None,
            status: None,
            attendance: AttendanceView::default(),
            content: Content::Shown(Box::new(WITHHELD.clone())),
        };
        assert_eq!(item.anchor(), "punkt-2-9-1");
    }

    #[test]
    fn case_urls_keep_slashes() {
        let url = |sag| case_url("https://sager.example.dk/{sag}", sag);
        assert_eq!(url("20/04651"), "https://sager.example.dk/20/04651");
        assert_eq!(url("SAG 2019/1"), "https://sager.example.dk/SAG%202019/1");
        assert_eq!(url("a?b#c%d"), "https://sager.example.dk/a%3Fb%23c%25d");
        assert_eq!(url("Ø&x=1"), "https://sager.example.dk/%C3%98&x=1");
        assert_eq!(
            case_url("https://sager.example.dk/find?q={sag}&o=1", "A&B=1+2/3"),
            "https://sager.example.dk/find?q=A%26B%3D1%2B2/3&o=1"
        );
    }
}
