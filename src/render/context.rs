//! The plain data every renderer works from, and the content of
//! referat.json: a checked meeting as it is to be published. Closed items
//! are cut down here, once, for every output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::date::Date;
use crate::layout::Labels;
use crate::markdown;
use crate::model::{Group, Item, Meeting, Person, Sag, Section, Spanned};
use crate::paths;

/// Which edition to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    /// For publication: closed items show only number, title and "Lukket
    /// punkt".
    Public,
    /// Everything, every page marked internal.
    Internal,
}

#[derive(Debug, Clone, Serialize)]
pub struct Referat {
    /// The document title: "Referat - It-Arkitekturrådet - 25. november 2020".
    pub title: String,
    pub body: String,
    /// ISO date, `25-11-2020` and "Onsdag den 25. november 2020".
    pub date: String,
    pub date_short: String,
    pub date_long: String,
    pub year: String,
    pub number: Option<String>,
    pub time: Option<String>,
    pub location: Option<String>,
    pub chair: Option<String>,
    pub referent: Option<String>,
    /// Whether the layouts print a line of its own for the referent: not
    /// when a participant list already shows them with the role Referent
    /// (as the seed referat does, under Andre deltagere).
    pub referent_line: bool,
    pub internal: bool,
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

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub number: String,
    pub title: String,
    /// 1 for `2`, 2 for `2.1`, 3 for `2.9.1`.
    pub level: usize,
    pub group: bool,
    pub closed: bool,
    /// The title of the section it lies in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The case reference; `None` for `sag: none` and for a closed item in
    /// the public edition.
    pub sag: Option<String>,
    pub responsible: Vec<String>,
    pub presenters: Vec<String>,
    pub attachments: Vec<AttachmentView>,
    /// The Markdown body; empty for a closed item in the public edition.
    pub body: String,
}

/// The anchor of the closing text, and the start of its notes' names.
pub const CLOSING_ANCHOR: &str = "afslutning";

impl ItemView {
    /// The item's anchor in the HTML, and the start of its notes' names in
    /// both outputs: `punkt-2-1` for 2.1.
    pub fn anchor(&self) -> String {
        format!("punkt-{}", self.number.replace('.', "-"))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    /// The path as written in the item.
    pub file: String,
    pub title: String,
    /// The link to the copy beside the referat: `bilag/min%20graf.pdf`.
    pub href: Option<String>,
}

impl Referat {
    /// The publishable view of a meeting that passed its checks, held on
    /// `date` (its date, which the checks found real).
    pub fn new(meeting: &Meeting, date: Date, labels: &Labels, edition: Edition) -> Referat {
        let text = |s: &Option<Spanned<String>>| s.as_ref().map(|s| s.value.clone());
        let (year, month, day) = (date.year(), date.month(), date.day());
        let month_name = labels
            .months
            .get(month as usize - 1)
            .cloned()
            .unwrap_or_default();
        let weekday = labels
            .weekdays
            .get(date.weekday())
            .cloned()
            .unwrap_or_default();
        let body = text(&meeting.body).unwrap_or_default();
        let fill = |template: &str| {
            template
                .replace("{weekday}", &weekday)
                .replace("{day}", &day.to_string())
                .replace("{month}", &month_name)
                .replace("{year}", &year.to_string())
                .replace("{referat}", &labels.referat)
                .replace("{body}", &body)
        };
        let people = |group: Group| -> Vec<PersonView> {
            meeting.people.group(group).iter().map(person).collect()
        };
        let internal = edition == Edition::Internal;
        let mut referat = Referat {
            title: fill(&labels.title),
            date_short: format!("{day:02}-{month:02}-{year}"),
            date_long: fill(&labels.long_date),
            year: year.to_string(),
            date: date.to_string(),
            body,
            number: text(&meeting.number),
            time: meeting.time.clone(),
            location: meeting.location.clone(),
            chair: text(&meeting.chair),
            referent: text(&meeting.referent),
            referent_line: meeting
                .referent
                .as_ref()
                .is_some_and(|r| !listed_as_referent(meeting, &r.value, &labels.referent)),
            internal,
            people: PeopleView {
                members: people(Group::Members),
                others: people(Group::Others),
                guests: people(Group::Guests),
                absent: people(Group::Absent),
            },
            sections: meeting.sections.iter().map(section).collect(),
            items: meeting
                .items
                .iter()
                .map(|item| item_view(item, meeting, internal))
                .collect(),
            files: Vec::new(),
        };
        referat.files = published_files(&referat.items, &meeting.dir);
        referat
    }
}

/// The attachments and linked files of the items as shown (a closed item
/// of the public edition shows none), each once, in path order.
fn published_files(items: &[ItemView], dir: &Path) -> Vec<PublishedFile> {
    let mut files = BTreeMap::new();
    for item in items {
        let links = markdown::linked_files(&item.body);
        let attachments = item.attachments.iter().map(|a| a.file.clone());
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

fn person(p: &Person) -> PersonView {
    PersonView {
        name: p.name.value.clone(),
        title: p.title.clone(),
        organisation: p.organisation.clone(),
        role: p.role.clone(),
        note: p.note.clone(),
        substitute_for: p.substitute_for.as_ref().map(|s| s.value.clone()),
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

fn item_view(item: &Item, meeting: &Meeting, internal: bool) -> ItemView {
    let items = &meeting.items;
    let number = item
        .number
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let level = item.number.as_ref().map_or(1, |n| n.depth());
    let title = item
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    let mut view = ItemView {
        number,
        title,
        level,
        group: item.is_group(items),
        closed: item.is_closed_in(items),
        section: item
            .number
            .as_ref()
            .and_then(|n| meeting.section_of(n))
            .and_then(|s| s.title.as_ref())
            .map(|t| t.value.clone()),
        sag: match item.sag.as_ref().map(|s| &s.value) {
            Some(Sag::Ref(r)) => Some(r.clone()),
            _ => None,
        },
        responsible: item.responsible.iter().map(|r| r.value.clone()).collect(),
        presenters: item.presenters.iter().map(|p| p.value.clone()).collect(),
        attachments: item
            .attachments
            .iter()
            .map(|a| AttachmentView {
                file: a.file.value.clone(),
                title: a.title.clone().unwrap_or_else(|| a.file.value.clone()),
                href: paths::normalise(&a.file.value).map(|p| markdown::href(&p)),
            })
            .collect(),
        body: item.body.clone(),
    };
    if view.closed && !internal {
        // Number, title and "Lukket punkt": nothing else may be published.
        view.sag = None;
        view.responsible.clear();
        view.presenters.clear();
        view.attachments.clear();
        view.body.clear();
    }
    view
}

/// rk.toml's `case.url` for one reference: `{sag}` replaced by the
/// reference as a piece of a URL. The reference's `/` stays a `/` (a case
/// number like `20/04651` is a path on many case systems); what would end or
/// change the part it sits in is percent-encoded: spaces, `?`, `#`, `%`,
/// non-ASCII, and in a query (after `?`) also `&`, `=` and `+`.
pub fn case_url(template: &str, reference: &str) -> String {
    let in_query = template
        .split("{sag}")
        .next()
        .is_some_and(|before| before.contains('?'));
    let encoded: String = reference
        .bytes()
        .map(|b| {
            let keep = b.is_ascii_alphanumeric()
                || b"-._~/:@!$'()*,;".contains(&b)
                || (!in_query && b"&=+".contains(&b));
            if keep {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    template.replace("{sag}", &encoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors() {
        let item = ItemView {
            number: "2.9.1".into(),
            title: String::new(),
            level: 3,
            group: false,
            closed: false,
            section: None,
            sag: None,
            responsible: Vec::new(),
            presenters: Vec::new(),
            attachments: Vec::new(),
            body: String::new(),
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
