//! The change page, aendringer.html: the whole referat in the layout's
//! HTML look with every change since an earlier version marked, made with
//! the layout's `aendringer.html` template and its `[changes]` labels
//! (as [`template`] and [`Layout::label_table`] choose them: from the
//! built-in fallback layout when a layout folder has none).

use std::path::Path;

use anyhow::Result;
use minijinja::{Value, context};
use serde::Serialize;

use crate::layout::Layout;
use crate::markdown;
use crate::render::changes::{self, Change, Changes, FieldChange, ItemChange};
use crate::render::context::{self, DocumentView, ItemView, PersonView, SectionView};
use crate::render::html::{self, Urls};
use crate::render::marked::{self, Marks};
use crate::render::template;

/// One version of the referat as the page shows it: the edition's view
/// (the one `version` holds: the page shows what was compared), the folder
/// its images are read from, and the version as compared.
pub struct Shown<'a> {
    pub referat: &'a DocumentView,
    pub dir: &'a Path,
    pub version: &'a changes::Version<'a>,
}

/// What the page is made from.
pub struct Input<'a> {
    pub changes: &'a Changes,
    /// None: the meeting is new since then.
    pub old: Option<Shown<'a>>,
    pub new: Shown<'a>,
    pub layout: &'a Layout,
    pub urls: Urls<'a>,
}

/// The words and marks of the page, settled once.
struct Words {
    labels: toml::Table,
    marks: Marks,
    /// The heading of an item's notes.
    notes: String,
}

/// What the template sees of an item: the new version's view (the old
/// one's for a removed item), with its body marked.
#[derive(Serialize)]
struct PageItem<'a> {
    #[serde(flatten)]
    view: &'a ItemView,
    anchor: String,
    heading: usize,
    /// `new`, `removed` or `changed`; none for an unchanged item.
    change: Option<Change>,
    /// "Nyt punkt", "Punktet er ændret", ...
    notice: Option<String>,
    /// The changes of its fields, in words.
    sentences: Vec<String>,
    /// A closed item of the public edition: number, title, "Lukket punkt"
    /// and the notice, nothing else.
    withheld: bool,
    #[serde(rename = "sag_url")]
    case_url: Option<String>,
    #[serde(rename = "dok_url")]
    document_url: Option<String>,
    body_html: Value,
    /// The public text of a closed item's decision, as HTML (not marked:
    /// the notice says that the item changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    public_decision_html: Option<Value>,
    /// The title of the section starting before it, and its anchor.
    opens: Option<SectionStart>,
}

#[derive(Serialize)]
struct SectionStart {
    title: String,
    anchor: String,
}

/// A line of a participant list: the person now (or before, when
/// removed), and before, when changed.
#[derive(Serialize)]
struct PersonLine<'a> {
    person: &'a PersonView,
    old: Option<&'a PersonView>,
    change: Option<Change>,
}

#[derive(Serialize)]
struct PeopleGroup<'a> {
    key: &'static str,
    people: Vec<PersonLine<'a>>,
}

/// The words of the change page: the layout's `[changes]` table, else
/// the built-in fallback layout's.
pub fn labels(layout: &Layout) -> Result<toml::Table> {
    layout.label_table("changes")
}

/// A label of the `[changes]` table, with `{name}` placeholders filled.
pub fn say(labels: &toml::Table, key: &str, fill: &[(&str, &str)]) -> String {
    let mut text = labels
        .get(key)
        .and_then(toml::Value::as_str)
        .unwrap_or(key)
        .to_string();
    for (name, value) in fill {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The marks of inserted and deleted words, with the words read out.
fn marks(labels: &toml::Table) -> Marks {
    let hidden = |key: &str, before: bool| {
        let word = minijinja::HtmlEscape(&say(labels, key, &[])).to_string();
        if before {
            format!("<span class=\"visually-hidden\">{word} </span>")
        } else {
            format!("<span class=\"visually-hidden\"> {word}</span>")
        }
    };
    Marks {
        ins_open: format!("<ins>{}", hidden("inserted", true)),
        ins_close: format!("{}</ins>", hidden("inserted_end", false)),
        del_open: format!("<del>{}", hidden("deleted", true)),
        del_close: format!("{}</del>", hidden("deleted_end", false)),
    }
}

/// The marks the other way round: a removed item is its old text, all
/// of it marked deleted.
fn swapped(marks: &Marks) -> Marks {
    Marks {
        ins_open: marks.del_open.clone(),
        ins_close: marks.del_close.clone(),
        del_open: marks.ins_open.clone(),
        del_close: marks.ins_close.clone(),
    }
}

/// A field's change in words: "Sag ændret fra SAG-2020-01234 til
/// SAG-2020-01243".
pub fn sentence(change: &FieldChange, labels: &toml::Table, layout_labels: &toml::Table) -> String {
    let name = labels
        .get("fields")
        .and_then(|f| f.get(change.field))
        .and_then(toml::Value::as_str)
        .unwrap_or(change.field);
    let shown = |v: &Option<String>| {
        v.as_deref()
            .map(|v| shown_value(change.field, v, labels, layout_labels))
    };
    match (shown(&change.old), shown(&change.new)) {
        (Some(old), Some(new)) => say(
            labels,
            "changed",
            &[("field", name), ("old", &old), ("new", &new)],
        ),
        (None, Some(new)) => say(labels, "added", &[("field", name), ("new", &new)]),
        (Some(old), None) => say(labels, "removed", &[("field", name), ("old", &old)]),
        (None, None) => String::new(),
    }
}

fn sentences(fields: &[FieldChange], labels: &toml::Table, layout: &toml::Table) -> Vec<String> {
    fields.iter().map(|f| sentence(f, labels, layout)).collect()
}

/// A value as the referat words it: `closed` as yes or no, an item's kind
/// and status by the layout's labels.
fn shown_value(
    field: &str,
    value: &str,
    labels: &toml::Table,
    layout_labels: &toml::Table,
) -> String {
    let from = |table: &str| {
        layout_labels
            .get(table)
            .and_then(|t| t.get(value))
            .and_then(toml::Value::as_str)
            .map(str::to_string)
    };
    match (field, value) {
        ("closed", "true") => say(labels, "yes", &[]),
        ("closed", _) => say(labels, "no", &[]),
        ("kind", _) => from("kinds").unwrap_or_else(|| value.to_string()),
        ("status", _) => from("statuses").unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// The change page of `changes` from `old` to `new`, in the edition the
/// views were made for.
pub fn render(input: &Input<'_>) -> Result<String> {
    let (layout, new, changes) = (input.layout, &input.new, input.changes);
    let labels = labels(layout)?;
    let words = Words {
        marks: marks(&labels),
        notes: layout
            .labels_table
            .get("notes")
            .and_then(|v| v.as_str())
            .unwrap_or(html::NOTES)
            .to_string(),
        labels,
    };
    let closing = layout
        .closing()
        .map(|text| {
            let body = markdown::body(text, Some(new.dir));
            html::body_html(body, 0, context::CLOSING_ANCHOR, &words.notes)
        })
        .unwrap_or_default();
    let starts = html::section_starts(new.referat);
    template::render(
        layout,
        "aendringer.html",
        context! {
            referat => new.referat,
            base => &changes.base,
            new_meeting => changes.new_meeting,
            empty => changes.is_empty(),
            changes => Value::from_serialize(&words.labels),
            meeting_sentences => meeting_sentences(changes, &words.labels, &layout.labels_table),
            summary => summary(changes, new.referat.internal, &words.labels),
            groups => people_groups(changes, input.old.as_ref().map(|o| o.referat), new.referat),
            agenda => html::agenda(new.referat, &starts),
            items => page_items(input, &words),
            mark => marks_table(&words.marks),
            closing_html => Value::from_safe_string(closing),
            accessibility_statement => input.urls.accessibility_statement,
        },
    )
}

/// The changed items listed at the top, with their anchors.
fn summary<'c>(
    changes: &'c Changes,
    internal: bool,
    labels: &toml::Table,
) -> Vec<SummaryEntry<'c>> {
    changes
        .items
        .iter()
        .map(|item| SummaryEntry {
            anchor: item.anchor(),
            number: &item.number,
            title: &item.title,
            notice: notice(item, internal, labels),
        })
        .collect()
}

#[derive(Serialize)]
struct SummaryEntry<'a> {
    anchor: String,
    number: &'a str,
    title: &'a str,
    notice: String,
}

/// The marks as the template uses them around a person's line (safe
/// HTML: rk made it, the words escaped).
fn marks_table(marks: &Marks) -> std::collections::BTreeMap<&'static str, Value> {
    [
        ("ins_open", &marks.ins_open),
        ("ins_close", &marks.ins_close),
        ("del_open", &marks.del_open),
        ("del_close", &marks.del_close),
    ]
    .into_iter()
    .map(|(k, v)| (k, Value::from_safe_string(v.clone())))
    .collect()
}

/// "Nyt punkt", "Punktet er fjernet", "Punktet er ændret", or for a
/// closed item of the public edition that it changed, and nothing more.
fn notice(item: &ItemChange, internal: bool, labels: &toml::Table) -> String {
    let key = match item.change {
        Change::New => "item_new",
        Change::Removed => "item_removed",
        Change::Changed if item.closed && !internal => "item_closed_changed",
        Change::Changed => "item_changed",
    };
    say(labels, key, &[])
}

/// The meeting's field changes and the participants', in words.
fn meeting_sentences(
    changes: &Changes,
    labels: &toml::Table,
    layout_labels: &toml::Table,
) -> Vec<String> {
    let fields = sentences(&changes.fields, labels, layout_labels).into_iter();
    let people = changes.people.iter().map(|p| {
        let group = layout_labels
            .get(p.group)
            .and_then(toml::Value::as_str)
            .unwrap_or(p.group);
        let key = match p.change {
            Change::New => "person_new",
            Change::Removed => "person_removed",
            Change::Changed => "person_changed",
        };
        say(labels, key, &[("name", &p.name), ("group", group)])
    });
    fields.chain(people).collect()
}

/// Each participant group with its lines marked: the new version's people
/// in order, those removed after them.
fn people_groups<'a>(
    changes: &Changes,
    old: Option<&'a DocumentView>,
    new: &'a DocumentView,
) -> Vec<PeopleGroup<'a>> {
    let old_groups = old.map(changes::groups);
    changes::groups(new)
        .into_iter()
        .enumerate()
        .map(|(g, (key, people))| {
            let before: &[PersonView] = old_groups.as_ref().map_or(&[], |o| o[g].1);
            let change_of = |name: &str, change: Change| {
                changes
                    .people
                    .iter()
                    .any(|p| p.group == key && p.name == name && p.change == change)
            };
            let mut lines: Vec<PersonLine<'a>> = people
                .iter()
                .map(|person| {
                    let old = before
                        .iter()
                        .find(|o| crate::model::same_name(&o.name, &person.name));
                    let change = [Change::New, Change::Changed]
                        .into_iter()
                        .find(|c| change_of(&person.name, *c));
                    PersonLine {
                        person,
                        old,
                        change,
                    }
                })
                .collect();
            lines.extend(
                before
                    .iter()
                    .filter(|p| change_of(&p.name, Change::Removed))
                    .map(|person| PersonLine {
                        person,
                        old: None,
                        change: Some(Change::Removed),
                    }),
            );
            PeopleGroup { key, people: lines }
        })
        .collect()
}

/// Every item of the page, in order: the new version's and the removed
/// ones, each with its changes.
fn page_items<'a>(input: &Input<'a>, words: &Words) -> Vec<PageItem<'a>> {
    let starts = html::section_starts(input.new.referat);
    changes::pairs(input.old.as_ref().map(|o| o.version), input.new.version)
        .into_iter()
        .filter_map(|(o, n)| page_item(input, words, &starts, o, n))
        .collect()
}

/// The item at `o` in the old version and `n` in the new one, as the
/// page shows it.
fn page_item<'a>(
    input: &Input<'a>,
    words: &Words,
    starts: &[Option<usize>],
    o: Option<usize>,
    n: Option<usize>,
) -> Option<PageItem<'a>> {
    let (old, new) = (input.old.as_ref(), &input.new);
    let internal = new.referat.internal;
    let old_view = o.and_then(|i| old.map(|v| &v.referat.items[i]));
    let new_view = n.map(|i| &new.referat.items[i]);
    let view = new_view.or(old_view)?;
    let change = input
        .changes
        .items
        .iter()
        .find(|c| c.old == o && c.new == n);
    // A version that withholds the item's content (closed in the public
    // edition) shows nothing of it, and nothing is marked against it.
    let before_withheld = old_view.is_some_and(|v| v.content().is_none());
    let withheld = view.content().is_none() || before_withheld;
    let level = view.level + usize::from(view.section.is_some());
    let anchor = change.map_or_else(|| view.anchor(), ItemChange::anchor);
    let body = match view.content() {
        None => String::new(),
        Some(_) => {
            let versions = Versions {
                old_view,
                new_view,
                before_withheld,
            };
            page_body(input, &versions, words, level, &anchor)
        }
    };
    let content = view.shown();
    let urls = input.urls;
    Some(PageItem {
        view,
        heading: (level + 1).min(6),
        change: change.map(|c| c.change),
        notice: change.map(|c| notice(c, internal, &words.labels)),
        sentences: change.map_or_else(Vec::new, |c| {
            sentences(&c.fields, &words.labels, &input.layout.labels_table)
        }),
        withheld,
        case_url: content
            .case
            .as_ref()
            .zip(urls.case)
            .map(|(s, u)| context::case_url(u, s)),
        document_url: content
            .document_number
            .as_ref()
            .zip(urls.document)
            .map(|(d, u)| context::document_url(u, d)),
        body_html: Value::from_safe_string(body),
        public_decision_html: view.public_decision().map(|text| {
            let prefix = format!("{anchor}-offentlig");
            let dir = new.dir;
            Value::from_safe_string(html::body(text, level, &prefix, dir, &words.notes))
        }),
        opens: n
            .and_then(|n| starts.get(n).copied().flatten())
            .map(|index| SectionStart {
                title: new.referat.sections[index].title.clone(),
                anchor: SectionView::anchor(index),
            }),
        anchor,
    })
}

/// The old and the new view of one item, and whether the old one withheld
/// its content.
struct Versions<'a> {
    old_view: Option<&'a ItemView>,
    new_view: Option<&'a ItemView>,
    before_withheld: bool,
}

/// The body of an item whose content is shown, with its changes marked.
/// Open now but closed before: the text as published now, with nothing of
/// the closed version marked.
fn page_body<'a>(
    input: &Input<'a>,
    versions: &Versions<'a>,
    words: &Words,
    level: usize,
    anchor: &str,
) -> String {
    let (old, new) = (input.old.as_ref(), &input.new);
    let (before, old_dir) = if versions.before_withheld {
        (versions.new_view, new.dir)
    } else {
        (versions.old_view, old.map_or(new.dir, |o| o.dir))
    };
    let text = |v: &'a ItemView| v.content().map(|c| c.body.as_str());
    marked_body(
        before.and_then(text).map(|body| (body, old_dir)),
        versions.new_view.and_then(text).map(|body| (body, new.dir)),
        &words.marks,
        level,
        anchor,
        &words.notes,
    )
}

/// An item's body with its changes marked: both versions merged, a new
/// item all inserted, a removed one all deleted.
fn marked_body(
    old: Option<(&str, &Path)>,
    new: Option<(&str, &Path)>,
    marks: &Marks,
    level: usize,
    prefix: &str,
    notes: &str,
) -> String {
    let old = old.map(|(text, dir)| markdown::body(text, Some(dir)));
    let new = new.map(|(text, dir)| markdown::body(text, Some(dir)));
    let empty = markdown::Body {
        events: Vec::new(),
        notes: Vec::new(),
    };
    let reversed = swapped(marks);
    // A removed item: its old text is the structure, all of it deleted.
    let (before, after, marks) = match (&old, &new) {
        (Some(old), None) => (&empty, old, &reversed),
        (old, Some(new)) => (old.as_ref().unwrap_or(&empty), new, marks),
        (None, None) => return String::new(),
    };
    fn merged<'e>(
        o: &[markdown::Event<'e>],
        n: &[markdown::Event<'e>],
        marks: &Marks,
    ) -> Vec<markdown::Event<'e>> {
        marked::merge(o, n, marks).events
    }
    let no_note = Vec::new();
    let body = markdown::Body {
        events: merged(&before.events, &after.events, marks),
        notes: after
            .notes
            .iter()
            .enumerate()
            .map(|(i, note)| merged(before.notes.get(i).unwrap_or(&no_note), note, marks))
            .collect(),
    };
    html::body_html(body, level, prefix, notes)
}
