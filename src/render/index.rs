//! The archive of a project, made from the sources alone: every meeting
//! with its links (index.html), every case with the items that carried it
//! (sager.html), the same as data (index.json) and Atom feeds: the newest
//! referater (feed.xml), those of each body and the items of each case
//! (under feeds/). Made from the public edition's views, in which
//! a closed item has no content ([`context::ItemView`]), so its case never
//! gets here.

use std::collections::BTreeMap;

use anyhow::Result;
use minijinja::{Value, context};
use serde::Serialize;

use crate::date::Date;
use crate::layout::Layout;
use crate::markdown;
use crate::model::Meeting;
use crate::paths;
use crate::render::context::{self, DocumentView, VoteView};
use crate::render::template;

/// The version of index.json's layout; it grows by fields, and a change
/// that takes one away or changes its meaning raises it.
pub const SCHEMA_VERSION: u32 = 1;

/// How many referater feed.xml and a body's feed hold: the newest.
pub const FEED_ENTRIES: usize = 20;

/// The archive: what index.json holds, and what the pages show.
#[derive(Debug, Clone, Serialize)]
pub struct Archive {
    pub schema_version: u32,
    /// rk.toml's `[site] title`, else the layout's label.
    pub title: String,
    /// rk.toml's `[site] url`, ending in `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Newest first.
    pub meetings: Vec<MeetingEntry>,
    /// By reference.
    pub cases: Vec<CaseEntry>,
    /// Whether the archive has the search page (rk.toml's `[site] search`).
    #[serde(skip)]
    pub search: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingEntry {
    /// The folder's name: `2020-11-25`.
    pub id: String,
    /// ISO date, `25-11-2020` and "Onsdag den 25. november 2020".
    pub date: String,
    pub date_short: String,
    pub date_long: String,
    pub year: String,
    pub body: String,
    /// The meeting's ordinal in the year, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The referat's title, as in its PDF and HTML.
    pub title: String,
    /// `udkast` or `godkendt`, when meeting.yaml gives a status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// The ISO date of the approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<String>,
    /// How many items (groups and sub-items each count).
    pub items: usize,
    /// The numbers and titles of the items, a closed one marked as the
    /// referat marks it, for the feed.
    #[serde(skip)]
    pub item_titles: Vec<String>,
    /// Links to the referat, relative to index.html.
    #[serde(rename = "referat")]
    pub minutes: Links,
    /// Links to the dagsorden, when the archive has them ([`Linked`]).
    #[serde(rename = "dagsorden", skip_serializing_if = "Option::is_none")]
    pub agenda: Option<Links>,
    /// Links to the tillægsdagsorden, when the archive has them.
    #[serde(rename = "tillaegsdagsorden", skip_serializing_if = "Option::is_none")]
    pub added_agenda: Option<Links>,
}

/// Which of a meeting's documents besides its referat the archive links
/// (the publishing layer settles it from `--agenda` and the files in the
/// output folder). An internal edition is never one of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linked {
    /// dagsorden.html and .pdf.
    pub agenda: bool,
    /// tillaegsdagsorden.html and .pdf.
    pub added_agenda: bool,
}

/// A document's files, relative to index.html.
#[derive(Debug, Clone, Serialize)]
pub struct Links {
    pub html: String,
    pub pdf: String,
}

impl Links {
    /// The links to `stem`.html and .pdf in the folder of `meeting`, whose
    /// name is percent-encoded where a link needs it (`2021-04-21-ekstra
    /// møde` is `2021-04-21-ekstra%20m%C3%B8de`).
    fn new(meeting: &str, stem: &str) -> Links {
        let folder = markdown::href(meeting);
        Links {
            html: format!("{folder}/{stem}.html"),
            pdf: format!("{folder}/{stem}.pdf"),
        }
    }
}

/// A case reference and every public item that carried it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseEntry {
    #[serde(rename = "sag")]
    pub case: String,
    /// rk.toml's `case.url` for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Oldest first.
    pub items: Vec<CaseItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseItem {
    pub meeting: String,
    pub date: String,
    pub date_short: String,
    pub body: String,
    pub number: String,
    pub title: String,
    /// The item in its referat: `2020-11-25/referat.html#punkt-2-1`.
    pub href: String,
    /// The meeting's status, when given (`udkast` for a draft).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// What was decided (`godkendt`), when the item says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<&'static str>,
    /// The item's votes, as its referat.json has them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<VoteView>,
}

/// What the archive is made with besides the meetings' summaries.
#[derive(Debug, Clone, Copy)]
pub struct IndexSettings<'a> {
    pub title: &'a str,
    pub url: Option<&'a str>,
    /// rk.toml's `case.url`.
    pub case_url: Option<&'a str>,
    /// rk.toml's `[site] search`.
    pub search: bool,
}

/// What the pages show besides the archive.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageSettings<'a> {
    /// Whether feed.xml is written (the pages link it).
    pub feed: bool,
    /// rk.toml's `[site] accessibility_statement`, linked from the footer.
    pub accessibility_statement: Option<&'a str>,
}

/// What the archive keeps of one meeting: its entry and the case
/// references its public items carry, made from its public edition, so
/// that a closed item's case is never among them. Small: the meeting itself
/// need not be held while the others are read.
#[derive(Debug, Clone)]
pub struct Summary {
    entry: MeetingEntry,
    /// Each public item with a case reference, in the referat's order.
    cases: Vec<(String, CaseItem)>,
}

impl Summary {
    /// The summary of `meeting`, which passed its checks, linking its
    /// referat and the documents `linked` names; `None` for a meeting with
    /// no date.
    pub fn of(meeting: &Meeting, layout: &Layout, linked: Linked) -> Option<Summary> {
        let date = meeting
            .calendar_date()
            .or_else(|| Date::of_meeting_name(&meeting.id))?;
        let referat = DocumentView::listed(meeting, date, &layout.labels);
        let entry = meeting_entry(meeting, &referat, layout, linked);
        let cases = case_items(&entry, &referat);
        Some(Summary { entry, cases })
    }
}

impl Archive {
    /// The archive of the meetings `summaries` were made of.
    pub fn new(mut summaries: Vec<Summary>, settings: IndexSettings<'_>) -> Archive {
        summaries.sort_by(|a, b| (&b.entry.date, &b.entry.id).cmp(&(&a.entry.date, &a.entry.id)));
        let cases = cases(&summaries, settings.case_url);
        Archive {
            schema_version: SCHEMA_VERSION,
            title: settings.title.to_string(),
            url: settings.url.map(base_url),
            meetings: summaries.into_iter().map(|summary| summary.entry).collect(),
            cases,
            search: settings.search,
        }
    }
}

/// The address with one `/` at its end, so that paths follow it.
fn base_url(url: &str) -> String {
    format!("{}/", url.trim().trim_end_matches('/'))
}

fn meeting_entry(
    meeting: &Meeting,
    referat: &DocumentView,
    layout: &Layout,
    linked: Linked,
) -> MeetingEntry {
    MeetingEntry {
        id: meeting.id.clone(),
        date: referat.date.clone(),
        date_short: referat.date_short.clone(),
        date_long: referat.date_long.clone(),
        year: referat.year.clone(),
        body: referat.body.clone(),
        number: referat.number.clone(),
        title: referat.title.clone(),
        status: referat.status,
        approved: referat.approved.clone(),
        items: referat.items.len(),
        // A closed item as the referat shows it: number, title, "Lukket punkt".
        item_titles: referat
            .items
            .iter()
            .map(|item| {
                let line = format!("{}. {}", item.number, item.title);
                if item.closed {
                    format!("{line} ({})", layout.labels.closed_item)
                } else {
                    line
                }
            })
            .collect(),
        minutes: Links::new(&meeting.id, paths::PUBLIC_STEM),
        agenda: linked
            .agenda
            .then(|| Links::new(&meeting.id, paths::AGENDA_STEM)),
        added_agenda: linked
            .added_agenda
            .then(|| Links::new(&meeting.id, paths::ADDED_STEM)),
    }
}

/// The public items of `referat` that carry a case reference, with the
/// reference. A closed item has none here: its public view has no content.
fn case_items(entry: &MeetingEntry, referat: &DocumentView) -> Vec<(String, CaseItem)> {
    referat
        .items
        .iter()
        .filter_map(|item| {
            let content = item.content()?;
            let sag = content.case.clone()?;
            let case = CaseItem {
                meeting: entry.id.clone(),
                date: entry.date.clone(),
                date_short: entry.date_short.clone(),
                body: entry.body.clone(),
                number: item.number.clone(),
                title: item.title.clone(),
                href: format!("{}#{}", entry.minutes.html, item.anchor()),
                status: entry.status,
                outcome: content.outcome,
                votes: content.protocol.votes.clone(),
            };
            Some((sag, case))
        })
        .collect()
}

/// Every case reference of the meetings' public items, each with its items
/// oldest first (`summaries` are newest first).
fn cases(summaries: &[Summary], case_url: Option<&str>) -> Vec<CaseEntry> {
    let mut by_sag: BTreeMap<String, Vec<CaseItem>> = BTreeMap::new();
    // Oldest meeting first; items in the referat's order.
    for summary in summaries.iter().rev() {
        for (sag, item) in &summary.cases {
            by_sag.entry(sag.clone()).or_default().push(item.clone());
        }
    }
    by_sag
        .into_iter()
        .map(|(sag, items)| CaseEntry {
            url: case_url.map(|template| context::case_url(template, &sag)),
            case: sag,
            items,
        })
        .collect()
}

/// index.json.
pub fn json(archive: &Archive) -> Result<String> {
    let mut text = serde_json::to_string_pretty(archive)?;
    text.push('\n');
    Ok(text)
}

/// A body's name and its meetings of one year, as template values.
type BodyMeetings<'a> = (&'a str, Vec<Value>);

/// The meetings by year (newest first) and body (in name order), as
/// index.html has them: each year with its anchor and bodies, each body
/// with its meetings. `shown` is `archive.meetings` as a template value:
/// the years hold its meetings, not copies.
fn years(archive: &Archive, shown: &Value) -> Value {
    let mut years: Vec<(&str, Vec<BodyMeetings>)> = Vec::new();
    for (index, meeting) in archive.meetings.iter().enumerate() {
        if years.last().is_none_or(|(year, _)| *year != meeting.year) {
            years.push((&meeting.year, Vec::new()));
        }
        let Some((_, bodies)) = years.last_mut() else {
            continue;
        };
        let value = shown.get_item_by_index(index).unwrap_or_default();
        match bodies.iter_mut().find(|(body, _)| *body == meeting.body) {
            Some((_, meetings)) => meetings.push(value),
            None => bodies.push((&meeting.body, vec![value])),
        }
    }
    years
        .into_iter()
        .map(|(year, mut bodies)| {
            bodies.sort_by(|a, b| a.0.cmp(b.0));
            let bodies: Vec<Value> = bodies
                .into_iter()
                .map(|(body, meetings)| context! { body => body, meetings => meetings })
                .collect();
            context! { year => year, anchor => format!("aar-{year}"), bodies => bodies }
        })
        .collect()
}

/// The ids of the cases' headings: `sag-` and the reference with every
/// character but letters and digits as `-`, made unique.
fn case_anchors(cases: &[CaseEntry]) -> Vec<String> {
    unique(cases.iter().map(|case| {
        let slug: String = case
            .case
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        format!("sag-{slug}")
    }))
}

/// A name for a file or an id made of `text`: lower-case letters a-z and
/// digits, æ, ø and å as ae, oe and aa, accents dropped, and every run of
/// other characters as one `-` (`Børne- og Ungeudvalget`:
/// `boerne-og-ungeudvalget`).
fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::new();
    for c in text.to_lowercase().nfkd() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            // Å is a with a ring: the ring is a mark of its own here.
            '\u{30a}' if out.ends_with('a') => out.push('a'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `names` made unique: a name taken already gets `-2`, `-3`, ... (the
/// first that is free).
fn unique(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    names
        .map(|name| {
            let mut free = name.clone();
            let mut n = 1;
            while taken.contains(&free) {
                n += 1;
                free = format!("{name}-{n}");
            }
            taken.insert(free.clone());
            free
        })
        .collect()
}

/// The cases as sager.html has them: each with its fields, the id of its
/// heading (`anchor`) and, when the feeds are written, the path of its
/// feed (`feed`). `shown` is `archive.cases` as a template value: the
/// fields are its, not copies.
fn html_cases(archive: &Archive, shown: &Value, feed: bool) -> Value {
    case_anchors(&archive.cases)
        .into_iter()
        .enumerate()
        .map(|(index, anchor)| {
            let case = shown.get_item_by_index(index).unwrap_or_default();
            let fields = case.try_iter().into_iter().flatten().map(|key| {
                let value = case.get_item(&key).unwrap_or_default();
                (key, value)
            });
            let feed = feed.then(|| (Value::from("feed"), Value::from(case_feed_path(&anchor))));
            fields
                .chain(std::iter::once((
                    Value::from("anchor"),
                    Value::from(anchor),
                )))
                .chain(feed)
                .collect::<Value>()
        })
        .collect()
}

/// The bodies with the paths of their feeds (`body`, `feed`), in name
/// order; none when the feeds are not written.
fn feeds_of_bodies(archive: &Archive, feed: bool) -> Value {
    if !feed {
        return Value::from(Vec::<Value>::new());
    }
    body_feeds(archive)
        .into_iter()
        .map(|(body, path)| context! { body => body, feed => path })
        .collect()
}

/// The two pages: index.html and sager.html, from the layout's templates
/// (each as [`template::render`] chooses it).
pub fn pages(
    archive: &Archive,
    layout: &Layout,
    settings: PageSettings<'_>,
) -> Result<(String, String)> {
    // The archive becomes a template value once; the years and the cases
    // are made of its meetings and cases.
    let shown = Value::from_serialize(archive);
    let meetings = shown.get_attr("meetings").unwrap_or_default();
    let cases = shown.get_attr("cases").unwrap_or_default();
    let values = context! {
        archive => shown.clone(),
        years => years(archive, &meetings),
        cases => html_cases(archive, &cases, settings.feed),
        feed => settings.feed,
        feeds => feeds_of_bodies(archive, settings.feed),
        search => archive.search,
        accessibility_statement => settings.accessibility_statement,
    };
    // The two pages at once, on two cores where there are.
    let (index, sager) = rayon::join(
        || template::render(layout, "index.html", values.clone()),
        || template::render(layout, "sager.html", values.clone()),
    );
    Ok((index?, sager?))
}

/// Where the archive's own feed is, under out/.
pub const FEED_PATH: &str = "feed.xml";

/// One Atom feed: its path under out/ (`feeds/boerne-og-ungeudvalget.xml`)
/// and its text.
#[derive(Debug, Clone)]
pub struct Feed {
    pub path: String,
    pub xml: String,
}

/// The feeds of the archive, each with links starting with the site's
/// address `base`: feed.xml (the newest referater of all bodies), one per
/// body (`feeds/<body>.xml`, its newest referater) and one per case
/// (`feeds/sager/<case>.xml`, the items that carried it, newest first).
/// Drafts are in none: a feed announces published referater. Made from
/// the archive, whose cases are public items' only.
pub fn feeds(archive: &Archive, base: &str) -> Vec<Feed> {
    let all = archive
        .meetings
        .iter()
        .filter(|m| !is_draft(m.status))
        .take(FEED_ENTRIES)
        .map(|m| meeting_atom(m, base))
        .collect();
    let head = FeedHead {
        id: base.to_string(),
        title: archive.title.clone(),
        path: FEED_PATH.to_string(),
        page: "index.html".to_string(),
        fallback: archive.meetings.first().map(|m| m.date.clone()),
    };
    let mut feeds = vec![atom(&head, all, base)];
    for (body, path) in body_feeds(archive) {
        let meetings = archive.meetings.iter().filter(|m| m.body == body);
        let entries = meetings
            .clone()
            .filter(|m| !is_draft(m.status))
            .take(FEED_ENTRIES)
            .map(|m| meeting_atom(m, base))
            .collect();
        let head = FeedHead {
            id: format!("{base}{path}"),
            title: format!("{body} - {}", archive.title),
            page: "index.html".to_string(),
            fallback: meetings.map(|m| m.date.clone()).next(),
            path,
        };
        feeds.push(atom(&head, entries, base));
    }
    feeds.extend(case_feeds(archive, base));
    feeds
}

/// `udkast`: a draft, in no feed.
fn is_draft(status: Option<&str>) -> bool {
    status == Some("udkast")
}

/// Each body of the archive (in name order) with the path of its feed.
pub fn body_feeds(archive: &Archive) -> Vec<(&str, String)> {
    let mut bodies: Vec<&str> = archive.meetings.iter().map(|m| m.body.as_str()).collect();
    bodies.sort_unstable();
    bodies.dedup();
    let slugs = unique(bodies.iter().map(|body| slug(body)));
    bodies
        .into_iter()
        .zip(slugs)
        .map(|(body, slug)| (body, format!("feeds/{slug}.xml")))
        .collect()
}

/// The path of a case's feed, from the id of its heading in sager.html
/// (`sag-sag-2019-04651`: `feeds/sager/sag-2019-04651.xml`).
fn case_feed_path(anchor: &str) -> String {
    let name = anchor.strip_prefix("sag-").unwrap_or(anchor);
    format!("feeds/sager/{name}.xml")
}

/// The feed of every case: its public items, newest first, each linked to
/// the item in its referat.
fn case_feeds(archive: &Archive, base: &str) -> Vec<Feed> {
    let by_id: BTreeMap<&str, &MeetingEntry> = archive
        .meetings
        .iter()
        .map(|m| (m.id.as_str(), m))
        .collect();
    let anchors = case_anchors(&archive.cases);
    archive
        .cases
        .iter()
        .zip(anchors)
        .map(|(case, anchor)| {
            // Newest meeting first; one meeting's items in its order.
            let mut items: Vec<&CaseItem> = case.items.iter().collect();
            items.sort_by(|a, b| (&b.date, &b.meeting).cmp(&(&a.date, &a.meeting)));
            let entries = items
                .into_iter()
                .filter(|item| !is_draft(item.status))
                .filter_map(|item| {
                    Some(case_item_atom(
                        item,
                        by_id.get(item.meeting.as_str())?,
                        base,
                    ))
                })
                .collect();
            let head = FeedHead {
                id: format!("{base}{}", case_feed_path(&anchor)),
                title: format!("{} - {}", case.case, archive.title),
                path: case_feed_path(&anchor),
                page: format!("sager.html#{anchor}"),
                fallback: case.items.last().map(|item| item.date.clone()),
            };
            atom(&head, entries, base)
        })
        .collect()
}

/// What a feed says of itself.
struct FeedHead {
    id: String,
    title: String,
    /// Its path under out/, for its `self` link.
    path: String,
    /// The page it follows, relative to out/, for its `alternate` link.
    page: String,
    /// Its `updated` when it has no entry: the date of its newest meeting.
    fallback: Option<String>,
}

/// One entry of a feed, its links absolute.
struct AtomEntry {
    id: String,
    title: String,
    /// ISO dates.
    published: String,
    updated: String,
    author: String,
    html: String,
    pdf: String,
    summary: String,
}

/// A referat as an entry: its address is its id.
fn meeting_atom(meeting: &MeetingEntry, base: &str) -> AtomEntry {
    let html = format!("{base}{}", meeting.minutes.html);
    let mut summary = meeting.date_long.clone();
    for title in &meeting.item_titles {
        summary.push('\n');
        summary.push_str(title);
    }
    AtomEntry {
        id: html.clone(),
        title: meeting.title.clone(),
        published: meeting.date.clone(),
        updated: entry_updated(meeting),
        author: meeting.body.clone(),
        html,
        pdf: format!("{base}{}", meeting.minutes.pdf),
        summary,
    }
}

/// An item of a case as an entry: the item's address in its referat
/// (with its anchor) is its id.
fn case_item_atom(item: &CaseItem, meeting: &MeetingEntry, base: &str) -> AtomEntry {
    let html = format!("{base}{}", item.href);
    let line = format!("{}. {}", item.number, item.title);
    let mut summary = format!("{}\n{}\n{line}", meeting.date_long, item.body);
    if let Some(outcome) = item.outcome {
        summary.push_str(&format!("\n{outcome}"));
    }
    AtomEntry {
        id: html.clone(),
        title: format!("{} {}: {line}", item.body, item.date_short),
        published: meeting.date.clone(),
        updated: entry_updated(meeting),
        author: item.body.clone(),
        html,
        pdf: format!("{base}{}", meeting.minutes.pdf),
        summary,
    }
}

/// The feed of `head` with `entries` (newest first), as Atom.
fn atom(head: &FeedHead, entries: Vec<AtomEntry>, base: &str) -> Feed {
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .or_else(|| head.fallback.clone())
        .unwrap_or_else(|| "1970-01-01".to_string());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n");
    push_element(&mut xml, 1, "id", &head.id);
    push_element(&mut xml, 1, "title", &head.title);
    push_element(&mut xml, 1, "updated", &timestamp(&updated));
    let own = format!("{base}{}", head.path);
    push_link(&mut xml, 1, "self", "application/atom+xml", &own);
    let page = format!("{base}{}", head.page);
    push_link(&mut xml, 1, "alternate", "text/html", &page);
    push_element(&mut xml, 1, "generator", "rk");
    for entry in entries {
        push_entry(&mut xml, &entry);
    }
    xml.push_str("</feed>\n");
    Feed {
        path: head.path.clone(),
        xml,
    }
}

/// An entry was last changed when it was approved, else on its date.
fn entry_updated(meeting: &MeetingEntry) -> String {
    meeting
        .approved
        .clone()
        .unwrap_or_else(|| meeting.date.clone())
}

fn push_entry(xml: &mut String, entry: &AtomEntry) {
    xml.push_str("  <entry>\n");
    push_element(xml, 2, "id", &entry.id);
    push_element(xml, 2, "title", &entry.title);
    push_element(xml, 2, "published", &timestamp(&entry.published));
    push_element(xml, 2, "updated", &timestamp(&entry.updated));
    xml.push_str("    <author>\n");
    push_element(xml, 3, "name", &entry.author);
    xml.push_str("    </author>\n");
    push_link(xml, 2, "alternate", "text/html", &entry.html);
    push_link(xml, 2, "related", "application/pdf", &entry.pdf);
    push_element(xml, 2, "summary", &entry.summary);
    xml.push_str("  </entry>\n");
}

/// `2020-11-25` as an Atom date: midnight UTC of that day.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

fn push_element(xml: &mut String, depth: usize, name: &str, text: &str) {
    let indent = "  ".repeat(depth);
    xml.push_str(&format!("{indent}<{name}>{}</{name}>\n", xml_text(text)));
}

fn push_link(xml: &mut String, depth: usize, rel: &str, kind: &str, href: &str) {
    let indent = "  ".repeat(depth);
    xml.push_str(&format!(
        "{indent}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        xml_text(href)
    ));
}

/// Text for an XML element or attribute: markup characters escaped, and
/// the characters XML 1.0 cannot hold at all left out.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml_text("a&b<c>\"d'\u{1}e\u{2028}"),
            "a&amp;b&lt;c&gt;&quot;d&apos;e\u{2028}"
        );
    }

    #[test]
    fn case_anchors_are_unique() {
        let case = |sag: &str| CaseEntry {
            case: sag.into(),
            url: None,
            items: Vec::new(),
        };
        let cases = [case("21/04651"), case("21-04651"), case("SAG-2019-04651")];
        let anchors: Vec<String> = case_anchors(&cases);
        assert_eq!(
            anchors,
            ["sag-21-04651", "sag-21-04651-2", "sag-sag-2019-04651"]
        );
    }

    #[test]
    fn slugs_spell_danish_letters_out_and_join_the_rest_with_hyphens() {
        assert_eq!(slug("Børne- og Ungeudvalget"), "boerne-og-ungeudvalget");
        assert_eq!(slug("It-Arkitekturrådet"), "it-arkitekturraadet");
        assert_eq!(slug("Ældrerådet"), "aeldreraadet");
        assert_eq!(slug("  Café & Kultur (2021) "), "cafe-kultur-2021");
        assert_eq!(slug("ÅÅ"), "aaaa");
        assert_eq!(slug("§§"), "x");
    }

    #[test]
    fn unique_names_skip_a_name_taken_by_another() {
        // "a-2" is taken by the second name before the third asks for it.
        let names = ["a", "a-2", "a", "a"].map(String::from);
        assert_eq!(unique(names.into_iter()), ["a", "a-2", "a-3", "a-4"]);
    }

    #[test]
    fn base_urls_end_in_one_slash() {
        assert_eq!(base_url("https://x.dk"), "https://x.dk/");
        assert_eq!(
            base_url("https://x.dk/referater//"),
            "https://x.dk/referater/"
        );
    }
}
