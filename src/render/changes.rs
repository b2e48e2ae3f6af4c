//! What changed in a referat between two versions of its sources: the
//! meeting's fields, the participants, and each item (its front matter
//! and the words of its body). Plain data: the change page, the JSON of
//! `rk diff --format json` and the summaries are made from it.

use serde::Serialize;

use crate::markdown;
use crate::model::{ItemNumber, same_name};
use crate::render::context::{
    DocumentView, ItemContent, ItemView, PersonView, ProtocolView, VoteView,
};
use crate::render::marked::{self, Marks};

/// A version of a referat as compared: its view in the edition of the
/// change page (the public one compares public views, in which a closed
/// item has no content), and each item's file name, by which the items of
/// two versions are paired (an item renumbered is the same item).
pub struct Version<'a> {
    pub referat: &'a DocumentView,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Not in the earlier version.
    New,
    /// Not in the work tree's version.
    Removed,
    Changed,
}

/// A field whose value changed; `None` where it was not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonChange {
    /// `members`, `others`, `guests` or `absent`.
    pub group: &'static str,
    pub name: String,
    pub change: Change,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemChange {
    pub number: String,
    pub title: String,
    pub change: Change,
    /// Closed in either version: the public edition says only that it
    /// changed.
    pub closed: bool,
    pub fields: Vec<FieldChange>,
    /// Words of the body inserted and deleted (left out where a version
    /// withholds the body: a closed item in the public edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_inserted: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_deleted: Option<usize>,
    /// Its index in each version's items.
    #[serde(skip)]
    pub old: Option<usize>,
    #[serde(skip)]
    pub new: Option<usize>,
}

impl ItemChange {
    /// The anchor of its section on the change page: the referat's
    /// (`punkt-2-1`), or `fjernet-punkt-2-1` for a removed item, whose
    /// number the new version may use.
    pub fn anchor(&self) -> String {
        let anchor = format!("punkt-{}", self.number.replace('.', "-"));
        match self.change {
            Change::Removed => format!("fjernet-{anchor}"),
            _ => anchor,
        }
    }
}

/// Every change of one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// The meeting folder's name.
    pub meeting: String,
    /// The revision compared with, as given.
    pub base: String,
    /// True when the meeting is not at `base`: everything is new.
    pub new_meeting: bool,
    pub fields: Vec<FieldChange>,
    pub people: Vec<PersonChange>,
    /// The items that changed, in the order of the page.
    pub items: Vec<ItemChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.new_meeting
            && self.fields.is_empty()
            && self.people.is_empty()
            && self.items.is_empty()
    }
}

/// The changes from `old` (none: a meeting new since `base`) to `new`,
/// as far as their views show them: of a closed item in the public
/// edition, that it changed, and which of its public fields (number,
/// title, closed, kind, status).
pub fn compare(meeting: &str, base: &str, old: Option<&Version<'_>>, new: &Version<'_>) -> Changes {
    let (fields, people) = match old {
        Some(old) => (
            meeting_fields(old.referat, new.referat),
            people(old.referat, new.referat),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let items: Vec<ItemChange> = pairs(old, new)
        .into_iter()
        .filter_map(|(o, n)| {
            let old_item = o.and_then(|i| old.map(|v| &v.referat.items[i]));
            let new_item = n.map(|i| &new.referat.items[i]);
            item_change(old_item, new_item, o, n)
        })
        .collect();
    Changes {
        meeting: meeting.to_string(),
        base: base.to_string(),
        new_meeting: old.is_none(),
        fields,
        people,
        items,
    }
}

/// The items of both versions paired (old index, new index), in the order
/// of the page: the new version's, a removed item where its number falls.
pub fn pairs(old: Option<&Version<'_>>, new: &Version<'_>) -> Vec<(Option<usize>, Option<usize>)> {
    let old_items = old.map_or(&[][..], |v| &v.referat.items[..]);
    let mut taken = vec![false; old_items.len()];
    let mut find = |matches: &dyn Fn(usize) -> bool| {
        let found = (0..old_items.len()).find(|&i| !taken[i] && matches(i));
        if let Some(i) = found {
            taken[i] = true;
        }
        found
    };
    let mut by_new: Vec<Option<usize>> = vec![None; new.referat.items.len()];
    // The same file first, then the same title, then the same number.
    for (n, slot) in by_new.iter_mut().enumerate() {
        *slot = find(&|i| old.is_some_and(|v| v.files.get(i) == new.files.get(n)));
    }
    let same_title = |i: usize, n: usize| old_items[i].title == new.referat.items[n].title;
    let same_number = |i: usize, n: usize| old_items[i].number == new.referat.items[n].number;
    for same in [&same_title as &dyn Fn(usize, usize) -> bool, &same_number] {
        for (n, slot) in by_new.iter_mut().enumerate() {
            if slot.is_none() {
                *slot = find(&|i| same(i, n));
            }
        }
    }
    let mut out: Vec<(Option<usize>, Option<usize>)> = by_new
        .into_iter()
        .enumerate()
        .map(|(n, o)| (o, Some(n)))
        .collect();
    let sort_key =
        |number: &str| ItemNumber::parse(number).unwrap_or(ItemNumber::plain(&[u32::MAX]));
    for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
        let key = sort_key(&old_items[i].number);
        let at = out
            .iter()
            .position(|(_, n)| n.is_some_and(|n| sort_key(&new.referat.items[n].number) > key))
            .unwrap_or(out.len());
        out.insert(at, (Some(i), None));
    }
    out
}

fn item_change<'a>(
    old: Option<&'a ItemView>,
    new: Option<&'a ItemView>,
    old_index: Option<usize>,
    new_index: Option<usize>,
) -> Option<ItemChange> {
    let shown = new.or(old)?;
    let (change, fields) = match (old, new) {
        (Some(old), Some(new)) => (Change::Changed, item_fields(old, new)),
        (None, _) => (Change::New, Vec::new()),
        (_, None) => (Change::Removed, Vec::new()),
    };
    // The bodies, where every version there is shows its body (a version
    // not there has an empty one).
    let body = |view: Option<&'a ItemView>| match view {
        Some(view) => view.content().map(|c| c.body.as_str()),
        None => Some(""),
    };
    let words = body(old)
        .zip(body(new))
        .map(|(old, new)| word_counts(old, new));
    // Two withheld contents: whether they differ, and nothing of how.
    let withheld_changed = old
        .zip(new)
        .and_then(|(old, new)| old.same_withheld(new))
        .is_some_and(|same| !same);
    let body_changed = words.is_some_and(|(_, _, changed)| changed);
    if change == Change::Changed && fields.is_empty() && !body_changed && !withheld_changed {
        return None;
    }
    Some(ItemChange {
        number: shown.number.clone(),
        title: shown.title.clone(),
        change,
        closed: old.is_some_and(|i| i.closed) || new.is_some_and(|i| i.closed),
        fields,
        words_inserted: words.map(|(inserted, _, _)| inserted),
        words_deleted: words.map(|(_, deleted, _)| deleted),
        old: old_index,
        new: new_index,
    })
}

/// Words inserted and deleted between two bodies, notes included, and
/// whether anything changed at all (emphasis, a list, a link).
fn word_counts(old: &str, new: &str) -> (usize, usize, bool) {
    let marks = Marks {
        ins_open: String::new(),
        ins_close: String::new(),
        del_open: String::new(),
        del_close: String::new(),
    };
    let (old, new) = (markdown::body(old, None), markdown::body(new, None));
    let mut counts = (0, 0, false);
    let empty = Vec::new();
    let notes = (0..old.notes.len().max(new.notes.len())).map(|i| {
        (
            old.notes.get(i).unwrap_or(&empty),
            new.notes.get(i).unwrap_or(&empty),
        )
    });
    for (o, n) in std::iter::once((&old.events, &new.events)).chain(notes) {
        let merged = marked::merge(o, n, &marks);
        counts.0 += merged.inserted;
        counts.1 += merged.deleted;
        counts.2 |= merged.changed;
    }
    counts
}

/// A field's value as compared and as the JSON gives it: lists joined.
fn value(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

fn field(field: &'static str, old: Option<String>, new: Option<String>) -> Option<FieldChange> {
    (old != new).then_some(FieldChange { field, old, new })
}

/// The fields that changed, in the order of the page: of the content
/// only where both versions show it.
fn item_fields(old: &ItemView, new: &ItemView) -> Vec<FieldChange> {
    let content = match (old.content(), new.content()) {
        (Some(old), Some(new)) => content_fields(old, new),
        _ => Default::default(),
    };
    let [
        sag,
        dok,
        responsible,
        presenters,
        attachments,
        inhabil,
        votes,
        dissents,
        added,
        decided_by,
        outcome,
        corrections,
    ] = content;
    [
        field("number", value(&old.number), value(&new.number)),
        field("title", value(&old.title), value(&new.title)),
        sag,
        dok,
        responsible,
        presenters,
        field(
            "closed",
            Some(old.closed.to_string()),
            Some(new.closed.to_string()),
        ),
        field(
            "kind",
            old.kind.map(str::to_string),
            new.kind.map(str::to_string),
        ),
        field(
            "status",
            old.status.map(str::to_string),
            new.status.map(str::to_string),
        ),
        attachments,
        inhabil,
        votes,
        dissents,
        added,
        decided_by,
        outcome,
        corrections,
        // Public in both editions, of a closed item too.
        field(
            "public_decision",
            old.public_decision().map(str::to_string),
            new.public_decision().map(str::to_string),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The words of a vote's sides in the value of a changed vote.
const SIDES: [&str; 3] = ["for", "imod", "undlod"];

/// A vote as one line: "Indstillingen (vedtaget): for A, V og O (14);
/// imod Ø (2)".
fn vote_line(vote: &VoteView) -> String {
    let sides = [&vote.in_favour, &vote.against, &vote.abstained];
    let said: Vec<String> = SIDES
        .iter()
        .zip(sides)
        .filter(|(_, side)| !side.shown.is_empty() || side.count.is_some())
        .map(|(word, side)| match side.count {
            Some(count) => format!("{word} {} ({count})", side.shown.join(", ")),
            None => format!("{word} {}", side.shown.join(", ")),
        })
        .collect();
    let outcome = vote.outcome.map(|o| format!(" ({o})")).unwrap_or_default();
    format!("{}{outcome}: {}", vote.subject, said.join("; "))
}

/// The changes of the protocol's fields: who was inhabil, the votes and
/// the protokoltilførsler.
fn protocol_fields(old: &ProtocolView, new: &ProtocolView) -> [Option<FieldChange>; 3] {
    let inhabil = |p: &ProtocolView| {
        let names: Vec<String> = p.inhabil.iter().map(|i| i.shown.clone()).collect();
        value(&names.join(", "))
    };
    let votes = |p: &ProtocolView| {
        let lines: Vec<String> = p.votes.iter().map(vote_line).collect();
        value(&lines.join(" / "))
    };
    let dissents = |p: &ProtocolView| {
        let lines: Vec<String> = p
            .dissents
            .iter()
            .map(|d| format!("{}: {}", d.shown.join(", "), d.text))
            .collect();
        value(&lines.join(" / "))
    };
    [
        field("inhabil", inhabil(old), inhabil(new)),
        field("votes", votes(old), votes(new)),
        field("dissents", dissents(old), dissents(new)),
    ]
}

/// The changes of the content's fields: sag, dok, responsible, presenters,
/// attachments, the reason it was added, who decides, the outcome, the
/// protocol's and the berigtigelser.
fn content_fields(old: &ItemContent, new: &ItemContent) -> [Option<FieldChange>; 12] {
    let list = |l: &[String], sep: &str| value(&l.join(sep));
    let [inhabil, votes, dissents] = protocol_fields(&old.protocol, &new.protocol);
    let attachments = |c: &ItemContent| {
        let titles: Vec<String> = c.attachments.iter().map(|a| a.title.clone()).collect();
        value(&titles.join(", "))
    };
    [
        field("sag", old.case.clone(), new.case.clone()),
        field(
            "dok",
            old.document_number.clone(),
            new.document_number.clone(),
        ),
        field(
            "responsible",
            list(&old.responsible, "/"),
            list(&new.responsible, "/"),
        ),
        field(
            "presenters",
            list(&old.presenters, ", "),
            list(&new.presenters, ", "),
        ),
        field("attachments", attachments(old), attachments(new)),
        inhabil,
        votes,
        dissents,
        field(
            "added",
            old.added.as_ref().map(|a| a.reason.clone()),
            new.added.as_ref().map(|a| a.reason.clone()),
        ),
        field("decided_by", old.decided_by.clone(), new.decided_by.clone()),
        field(
            "outcome",
            old.outcome.map(str::to_string),
            new.outcome.map(str::to_string),
        ),
        field("berigtigelser", corrections(old), corrections(new)),
    ]
}

/// The berigtigelser as one text: "2024-07-03: Lokalplanen omfatter ...".
fn corrections(content: &ItemContent) -> Option<String> {
    let each: Vec<String> = content
        .corrections
        .iter()
        .flatten()
        .map(|c| format!("{}: {}", c.date, c.text))
        .collect();
    value(&each.join("; "))
}

/// Who approved, as one text: "Carsten Rasmussen (2024-06-26), ...".
fn approvals(referat: &DocumentView) -> Option<String> {
    let each: Vec<String> = referat
        .approvals
        .iter()
        .map(|a| {
            let mut text = a.name.clone();
            if let Some(date) = &a.date {
                text.push_str(&format!(" ({date})"));
            }
            if let Some(forbehold) = &a.forbehold {
                text.push_str(&format!(", forbehold: {forbehold}"));
            }
            text
        })
        .collect();
    value(&each.join(", "))
}

fn meeting_fields(old: &DocumentView, new: &DocumentView) -> Vec<FieldChange> {
    [
        field("body", value(&old.body), value(&new.body)),
        field("date", value(&old.date), value(&new.date)),
        field("number", old.number.clone(), new.number.clone()),
        field("time", old.time.clone(), new.time.clone()),
        field(
            "actual_time",
            old.actual_time.clone(),
            new.actual_time.clone(),
        ),
        field(
            "agenda_sent",
            old.agenda_sent.clone(),
            new.agenda_sent.clone(),
        ),
        field(
            "added_agenda_sent",
            old.added_agenda_sent.clone(),
            new.added_agenda_sent.clone(),
        ),
        field("location", old.location.clone(), new.location.clone()),
        field("chair", old.chair.clone(), new.chair.clone()),
        field("referent", old.referent.clone(), new.referent.clone()),
        field(
            "status",
            old.status.map(str::to_string),
            new.status.map(str::to_string),
        ),
        field("approved", old.approved.clone(), new.approved.clone()),
        field("approvals", approvals(old), approvals(new)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The groups in the order of the page, with their keys.
pub fn groups(referat: &DocumentView) -> [(&'static str, &[PersonView]); 4] {
    let p = &referat.people;
    [
        ("members", &p.members[..]),
        ("others", &p.others[..]),
        ("guests", &p.guests[..]),
        ("absent", &p.absent[..]),
    ]
}

/// Who was added to, removed from or changed in each group (a person
/// moved from one group to another is removed from one, new in the other).
fn people(old: &DocumentView, new: &DocumentView) -> Vec<PersonChange> {
    let mut out = Vec::new();
    for ((group, old_people), (_, new_people)) in groups(old).into_iter().zip(groups(new)) {
        for person in new_people {
            let change = match old_people.iter().find(|o| same_name(&o.name, &person.name)) {
                None => Some(Change::New),
                Some(o) if !same_person(o, person) => Some(Change::Changed),
                Some(_) => None,
            };
            out.extend(change.map(|change| PersonChange {
                group,
                name: person.name.clone(),
                change,
            }));
        }
        for person in old_people {
            if !new_people.iter().any(|n| same_name(&n.name, &person.name)) {
                out.push(PersonChange {
                    group,
                    name: person.name.clone(),
                    change: Change::Removed,
                });
            }
        }
    }
    out
}

/// The same details: name, title, organisation, role, note, substitute,
/// party and items.
pub fn same_person(a: &PersonView, b: &PersonView) -> bool {
    a.name == b.name
        && a.title == b.title
        && a.organisation == b.organisation
        && a.role == b.role
        && a.note == b.note
        && a.substitute_for == b.substitute_for
        && a.party == b.party
        && a.items == b.items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meeting, Spanned};
    use crate::render::context::{Edition, closed_fixture};

    /// The changes from the fixture meeting to `edit` of it, in `edition`.
    fn changes_to(edit: impl Fn(&mut Meeting), edition: Edition) -> Changes {
        let (old, date) = closed_fixture();
        let mut new = old.clone();
        edit(&mut new);
        let labels = crate::layout::Layout::resolve("kl", std::path::Path::new("."))
            .unwrap()
            .labels;
        let (old, new) = (
            DocumentView::new(&old, date, &labels, edition),
            DocumentView::new(&new, date, &labels, edition),
        );
        let files = vec!["01.md".to_string(), "02.md".to_string()];
        let version = |referat| Version {
            referat,
            files: files.clone(),
        };
        compare("m", "main", Some(&version(&old)), &version(&new))
    }

    fn closed_item_edited(meeting: &mut Meeting) {
        let item = &mut meeting.items[1];
        item.body = item.body.replace("hans fravær", "hendes fravær");
        item.case = Some(Spanned::new(
            crate::model::CaseRef::Ref("SAG-2020-08888".into()),
            0..0,
        ));
    }

    #[test]
    fn the_public_edition_says_only_that_a_closed_item_changed() {
        let public = changes_to(closed_item_edited, Edition::Public);
        let [item] = &public.items[..] else {
            panic!("{:?}", public.items)
        };
        assert_eq!((item.change, item.closed), (Change::Changed, true));
        assert!(item.fields.is_empty(), "{:?}", item.fields);
        assert_eq!((item.words_inserted, item.words_deleted), (None, None));

        let internal = changes_to(closed_item_edited, Edition::Internal);
        let item = &internal.items[0];
        let fields: Vec<&str> = item.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["sag"]);
        assert_eq!(
            (item.words_inserted, item.words_deleted),
            (Some(1), Some(1))
        );
    }

    #[test]
    fn a_closed_item_rewrapped_is_unchanged_in_both_editions() {
        let rewrap = |m: &mut Meeting| m.items[1].body = m.items[1].body.replace(", og", ",\nog");
        assert!(closed_fixture().0.items[1].body.contains(", og"));
        for edition in [Edition::Public, Edition::Internal] {
            assert!(changes_to(rewrap, edition).is_empty(), "{edition:?}");
        }
    }

    #[test]
    fn an_item_opened_shows_nothing_of_its_closed_version() {
        let open = |m: &mut Meeting| {
            m.items[1].closed = false;
            m.items[1].case = None;
        };
        let public = changes_to(open, Edition::Public);
        let item = &public.items[0];
        let fields: Vec<&str> = item.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["closed"]);
        assert_eq!(item.words_inserted, None);
        let internal = changes_to(open, Edition::Internal);
        let fields: Vec<&str> = internal.items[0].fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["sag", "closed"]);
    }

    /// Item 1 of the fixture given a vote by `against`, and a
    /// protokoltilførsel when `dissent`.
    fn voted(against: &'static str, dissent: bool) -> impl Fn(&mut Meeting) {
        move |m: &mut Meeting| {
            use crate::model::{Choice, Dissent, Side, Vote, VoteOutcome};
            let span = |t: &str| Spanned::new(t.to_string(), 0..0);
            let side = |choice, names: &[&str]| Side {
                choice,
                entries: names.iter().map(|n| span(n)).collect(),
                count: None,
            };
            m.items[0].votes = vec![Vote {
                subject: Some(span("Indstillingen")),
                sides: [
                    side(Choice::For, &["Karen Rahbek"]),
                    side(Choice::Against, &[against]),
                    side(Choice::Abstained, &[]),
                ],
                outcome: Some(VoteOutcome::Adopted),
                span: 0..0,
            }];
            if dissent {
                m.items[0].dissents = vec![Dissent {
                    by: vec![span(against)],
                    text: Some(span("Ført til protokol.")),
                    span: 0..0,
                }];
            }
        }
    }

    #[test]
    fn a_changed_vote_and_a_new_dissent_are_field_changes() {
        let (old, date) = closed_fixture();
        let mut before = old.clone();
        voted("A", false)(&mut before);
        let mut after = old.clone();
        voted("Ø", true)(&mut after);
        let labels = crate::layout::Layout::resolve("kl", std::path::Path::new("."))
            .unwrap()
            .labels;
        let view = |m: &Meeting| DocumentView::new(m, date, &labels, Edition::Public);
        let version = |referat| Version {
            referat,
            files: vec!["01.md".to_string(), "02.md".to_string()],
        };
        let changes = compare(
            "m",
            "main",
            Some(&version(&view(&before))),
            &version(&view(&after)),
        );
        let fields = &changes.items[0].fields;
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["votes", "dissents"]);
        assert_eq!(
            fields[0].new.as_deref(),
            Some("Indstillingen (vedtaget): for Karen Rahbek; imod Ø")
        );
        assert_eq!(fields[1].old, None);
        assert_eq!(fields[1].new.as_deref(), Some("Ø: Ført til protokol."));
    }
}
