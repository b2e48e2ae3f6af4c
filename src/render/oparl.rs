//! The archive as OParl 1.1 (the open standard for council information
//! systems), in its static profile: every object rk can fill (System, one
//! Body, an Organization per `body`, Person, Meeting, AgendaItem, a Paper
//! per case, Consultation, File) as a JSON file at a stable address under
//! the site's, with the Body's lists as static pages. Made from the
//! public edition's views ([`DocumentView::listed`]): a closed item is an
//! AgendaItem with its number and title, nothing else; no Paper,
//! Consultation or File is made of it. The publishing layer writes the
//! files; this makes them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use anyhow::Result;
use serde::Serialize;

use crate::date::{Date, civil_from_days};
use crate::layout::Labels;
use crate::markdown;
use crate::model::Meeting;
use crate::render::context::{AttachmentView, DocumentView, ItemView};
use crate::source::git::Committed;

/// The OParl version rk writes, as System's `oparlVersion` names it.
pub const OPARL_VERSION: &str = "https://schema.oparl.org/1.1/";

/// The folder under out/ (and under the site's address) the files go to.
pub const FOLDER: &str = "oparl";

/// How many objects a page of a list holds: the most OParl recommends.
pub const PAGE_SIZE: usize = 100;

/// What OParl keeps of one meeting, made from its public referat: small,
/// so that the meeting itself need not be held while others are read.
#[derive(Debug, Clone)]
pub struct MeetingRecord {
    /// The folder's name.
    id: String,
    date: Date,
    approved: Option<Date>,
    body: String,
    title: String,
    /// When it was held (`actual_time`), else when it was planned.
    time: Option<String>,
    cancelled: bool,
    /// The names of the present: members, others and guests.
    participants: Vec<String>,
    items: Vec<ItemRecord>,
    /// Whether the archive links the meeting's dagsorden.
    agenda: bool,
}

/// An item: number and title, and for a public one what OParl shows of
/// its content.
#[derive(Debug, Clone)]
struct ItemRecord {
    number: String,
    title: String,
    anchor: String,
    /// `None` for a closed item: its view has no content.
    open: Option<OpenItem>,
}

#[derive(Debug, Clone)]
struct OpenItem {
    kind: Option<&'static str>,
    case: Option<String>,
    outcome: Option<&'static str>,
    decided_by: Option<String>,
    attachments: Vec<AttachmentView>,
}

impl MeetingRecord {
    /// The record of `meeting`, which passed its checks; `agenda`: the
    /// archive links its dagsorden (built in out/, or `--agenda`). `None` for a meeting with no date.
    pub fn of(meeting: &Meeting, labels: &Labels, agenda: bool) -> Option<MeetingRecord> {
        let date = meeting
            .calendar_date()
            .or_else(|| Date::of_meeting_name(&meeting.id))?;
        let referat = DocumentView::listed(meeting, date, labels);
        let people = &referat.people;
        let present = people.members.iter().chain(&people.others);
        Some(MeetingRecord {
            id: meeting.id.clone(),
            date,
            approved: referat.approved.as_deref().and_then(Date::parse),
            body: referat.body.clone(),
            title: referat.title.clone(),
            time: referat.actual_time.clone().or(referat.time.clone()),
            cancelled: referat.cancelled,
            participants: present
                .chain(&people.guests)
                .map(|p| p.name.clone())
                .collect(),
            items: referat.items.iter().map(ItemRecord::of).collect(),
            agenda,
        })
    }
}

impl ItemRecord {
    /// A public item with what OParl shows of it; a closed one (whose
    /// public view has no content) with its number and title alone.
    fn of(item: &ItemView) -> ItemRecord {
        ItemRecord {
            number: item.number.clone(),
            title: item.title.clone(),
            anchor: item.anchor(),
            open: item.content().map(|content| OpenItem {
                kind: item.kind,
                case: content.case.clone(),
                outcome: content.outcome,
                decided_by: content.decided_by.clone(),
                attachments: content.attachments.clone(),
            }),
        }
    }
}

/// What the objects are made with besides the meetings.
#[derive(Debug, Clone, Copy)]
pub struct OparlSettings<'a> {
    /// The site's address, ending in `/`.
    pub site: &'a str,
    /// The archive's title: the Body's and the System's name.
    pub title: &'a str,
    /// rk.toml's `case.url`: a Paper's `web`.
    pub case_url: Option<&'a str>,
    /// When each meeting folder was first and last committed.
    pub committed: &'a HashMap<String, Committed>,
}

/// A file of out/oparl/: its path under out/ and its text.
pub type OparlFile = (String, String);

mod objects;
mod slug;

pub use objects::files;
pub use slug::slug;

/// When an object was made and last changed, as OParl writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp {
    created: i64,
    modified: i64,
}

impl Stamp {
    /// A meeting's: when its folder was first and last committed, else its
    /// date and the date of its approval (midnight UTC).
    fn of(record: &MeetingRecord, committed: &HashMap<String, Committed>) -> Stamp {
        match committed.get(&record.id) {
            Some(c) => Stamp {
                created: c.first,
                modified: c.last,
            },
            None => {
                let created = record.date.unix_seconds();
                let approved = record.approved.map_or(created, Date::unix_seconds);
                Stamp {
                    created,
                    modified: approved.max(created),
                }
            }
        }
    }

    /// The span of two: the earlier creation, the later change.
    fn join(self, other: Stamp) -> Stamp {
        Stamp {
            created: self.created.min(other.created),
            modified: self.modified.max(other.modified),
        }
    }
}

/// The types OParl keeps a deleted object of, at its address, with
/// `deleted: true` (the others are removed with the object they belong to).
const KEPT_WHEN_DELETED: [&str; 7] = [
    "System",
    "Body",
    "Organization",
    "Person",
    "Meeting",
    "Paper",
    "File",
];

/// What a file an earlier run wrote, and this one did not, becomes: for
/// an object of a type OParl keeps, the object marked deleted (its `id`,
/// `type` and `created`, `modified` the time of the deletion, `now`,
/// nothing else: OParl's rule for deleted objects); `None` for one to
/// remove (a list page, an object of another type, a file rk cannot read).
/// An object already marked deleted stays as it is (`Some` of its text).
pub fn deleted(old: &str, now: i64) -> Option<String> {
    let old: serde_json::Value = serde_json::from_str(old).ok()?;
    let kind = old.get("type")?.as_str()?;
    let name = kind.strip_prefix(OPARL_VERSION)?;
    if !KEPT_WHEN_DELETED.contains(&name) {
        return None;
    }
    if old.get("deleted") == Some(&serde_json::Value::Bool(true)) {
        return text(&old).ok();
    }
    let tombstone = serde_json::json!({
        "id": old.get("id")?.as_str()?,
        "type": kind,
        "created": old.get("created")?.as_str()?,
        "modified": date_time(now),
        "deleted": true,
    });
    text(&tombstone).ok()
}

/// Seconds since 1970 as an OParl date-time, in UTC:
/// `2021-05-05T14:03:00Z`.
fn date_time(seconds: i64) -> String {
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The start and end of a meeting on `date` as OParl date-times in Danish
/// time, from its time as written (`16.00-18.00`, `kl. 10:00`): the first
/// two times of day in it; `None` for each that is not there.
fn start_end(date: Date, time: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(time) = time else {
        return (None, None);
    };
    let offset = if summer_time(date) {
        "+02:00"
    } else {
        "+01:00"
    };
    let mut found = clock_times(time)
        .into_iter()
        .map(|(h, m)| format!("{date}T{h:02}:{m:02}:00{offset}"));
    (found.next(), found.next())
}

/// The times of day in a text, in order: `16.00-18.00` gives 16:00 and
/// 18:00.
fn clock_times(text: &str) -> Vec<(u32, u32)> {
    static PATTERN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^0-9])([0-9]{1,2})[.:]([0-9]{2})(?:[^0-9]|$)")
            .expect("the pattern is valid")
    });
    let pattern = &*PATTERN;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(caps) = pattern.captures_at(text, at) {
        let (Some(hours), Some(minutes)) = (caps.get(1), caps.get(2)) else {
            break;
        };
        at = minutes.end();
        let (h, m) = (hours.as_str().parse(), minutes.as_str().parse());
        if let (Ok(h), Ok(m)) = (h, m)
            && h < 24
            && m < 60
        {
            found.push((h, m));
        }
    }
    found
}

/// Whether Denmark keeps summer time on `date` (the EU's rule: from the
/// last Sunday of March to the last Sunday of October), for a meeting
/// held in the daytime.
fn summer_time(date: Date) -> bool {
    let last_sunday = |month: u32| {
        let last = Date::new(date.year(), month, 31).expect("March and October have 31 days");
        31 - u32::try_from((last.weekday() + 1) % 7).unwrap_or(0)
    };
    let (month, day) = (date.month(), date.day());
    match month {
        4..=9 => true,
        3 => day >= last_sunday(3),
        10 => day < last_sunday(10),
        _ => false,
    }
}

/// A link relative to the site (`2020-11-25/referat.pdf`), with the
/// meeting folder's name percent-encoded as the archive's pages link it.
fn in_folder(meeting: &str, file: &str) -> String {
    format!("{}/{file}", markdown::href(meeting))
}

/// The names in a list, each once, in order.
fn unique(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    names
        .into_iter()
        .filter(|name| seen.insert(name.clone()))
        .collect()
}

/// Keys in a stable order with their values: what the lists are made of.
type Sorted<T> = BTreeMap<String, T>;

/// The serialisation every file gets: pretty, with a final line feed.
fn text<T: Serialize>(value: &T) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_are_utc() {
        assert_eq!(date_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(date_time(1_620_223_380), "2021-05-05T14:03:00Z");
    }

    #[test]
    fn meeting_times_are_danish_time() {
        let date = |s| Date::parse(s).unwrap();
        assert_eq!(
            start_end(date("2021-05-05"), Some("16.00-18.00")),
            (
                Some("2021-05-05T16:00:00+02:00".into()),
                Some("2021-05-05T18:00:00+02:00".into())
            )
        );
        assert_eq!(
            start_end(date("2020-11-25"), Some("kl. 10:00")),
            (Some("2020-11-25T10:00:00+01:00".into()), None)
        );
        assert_eq!(
            start_end(date("2020-11-25"), Some("formiddag")),
            (None, None)
        );
        // 2021: summer time from 28 March to 31 October.
        assert!(!summer_time(date("2021-03-27")));
        assert!(summer_time(date("2021-03-28")));
        assert!(summer_time(date("2021-10-30")));
        assert!(!summer_time(date("2021-10-31")));
    }
}
