//! The OParl objects of the archive, each as the file at its address, and
//! the Body's lists as pages of them.
//!
//! The addresses, under `<site>/oparl/`: `system.json`, `body.json`,
//! `organization/<body>.json`, `person/<name>.json`,
//! `meeting/<folder>.json`, `agendaitem/<folder>/<number>.json`,
//! `consultation/<folder>/<number>.json`, `paper/<case>.json`,
//! `file/<folder>/referat.json` (`dagsorden.json`, `<number>-<n>.json` for
//! an item's n-th attachment), each name a [`slug`](super::slug); the
//! lists `bodies.json`, `organizations.json`, `persons.json`,
//! `meetings.json`, `papers.json`, `agendaitems.json`,
//! `consultations.json`, `files.json` and `organization/<body>/meetings.json`,
//! their further pages `meetings-2.json` and so on.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use super::slug::unique_slugs;
use super::{
    FOLDER, ItemRecord, MeetingRecord, OPARL_VERSION, OparlFile, OparlSettings, OpenItem,
    PAGE_SIZE, Sorted, Stamp, date_time, in_folder, start_end, text, unique,
};
use crate::render::context::AttachmentView;

/// `id` and `type`, which every object has.
#[derive(Debug, Clone, Serialize)]
struct Head {
    id: String,
    #[serde(rename = "type")]
    kind: String,
}

/// `created`, `modified` and `web`, which every object rk writes has.
#[derive(Debug, Clone, Serialize)]
struct Tail {
    created: String,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    web: Option<String>,
}

impl Tail {
    fn new(stamp: Stamp, web: Option<String>) -> Tail {
        Tail {
            created: date_time(stamp.created),
            modified: date_time(stamp.modified),
            web,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct System {
    #[serde(flatten)]
    head: Head,
    oparl_version: &'static str,
    body: String,
    name: String,
    website: String,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    #[serde(flatten)]
    head: Head,
    system: String,
    name: String,
    website: String,
    organization: String,
    person: String,
    meeting: String,
    paper: String,
    /// rk knows no legislative terms: always empty.
    legislative_term: Vec<Head>,
    agenda_item: String,
    consultation: String,
    file: String,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
struct Organization {
    #[serde(flatten)]
    head: Head,
    body: String,
    name: String,
    meeting: String,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
struct Person {
    #[serde(flatten)]
    head: Head,
    body: String,
    name: String,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Meeting {
    #[serde(flatten)]
    head: Head,
    name: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cancelled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    organization: Vec<String>,
    participant: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    invitation: Option<File>,
    results_protocol: File,
    agenda_item: Vec<AgendaItem>,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct AgendaItem {
    #[serde(flatten)]
    head: Head,
    meeting: String,
    number: String,
    order: usize,
    name: String,
    public: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    consultation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    auxiliary_file: Vec<File>,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Consultation {
    #[serde(flatten)]
    head: Head,
    paper: String,
    agenda_item: String,
    meeting: String,
    organization: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authoritative: Option<bool>,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Paper {
    #[serde(flatten)]
    head: Head,
    body: String,
    name: String,
    reference: String,
    date: String,
    consultation: Vec<Consultation>,
    #[serde(flatten)]
    tail: Tail,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct File {
    #[serde(flatten)]
    head: Head,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mime_type: Option<&'static str>,
    date: String,
    access_url: String,
    meeting: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    agenda_item: Vec<String>,
    #[serde(flatten)]
    tail: Tail,
}

/// A page of a list.
#[derive(Serialize)]
struct Page<'a, T> {
    data: &'a [T],
    pagination: Pagination,
    links: Links,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pagination {
    total_elements: usize,
    elements_per_page: usize,
    current_page: usize,
    total_pages: usize,
}

#[derive(Serialize)]
struct Links {
    first: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<String>,
    #[serde(rename = "self")]
    this: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    last: String,
}

/// Where the files go as they are made (the publishing layer writes
/// them), and the addresses they are made at.
struct Out<'s> {
    /// `<site>oparl/`.
    root: String,
    sink: &'s mut dyn FnMut(OparlFile) -> Result<()>,
}

impl Out<'_> {
    /// The address of the object or list page at `path` (no `.json`).
    fn url(&self, path: &str) -> String {
        format!("{}{path}.json", self.root)
    }

    fn put<T: Serialize>(&mut self, path: &str, value: &T) -> Result<()> {
        (self.sink)((format!("{FOLDER}/{path}.json"), text(value)?))
    }

    /// The list at `path` of `items`, in pages (see [`Pager`]). Returns the
    /// list's address.
    fn list<T: Serialize + Clone>(&mut self, path: &str, items: &[T]) -> Result<String> {
        let mut pager = Pager::new(path, items.len());
        for item in items {
            pager.push(self, item.clone())?;
        }
        pager.finish(self)
    }

    fn head(&self, path: &str, kind: &str) -> Head {
        Head {
            id: self.url(path),
            kind: format!("{OPARL_VERSION}{kind}"),
        }
    }
}

/// A list written a page at a time as its objects come, so that no list
/// is held whole: pages of [`PAGE_SIZE`], the first at `path`, the others
/// at `path-2` and so on. How many objects there will be is known before
/// the first comes (the pages say how many there are).
struct Pager<T> {
    path: String,
    total: usize,
    page: Vec<T>,
    /// How many pages are written.
    written: usize,
}

impl<T: Serialize> Pager<T> {
    fn new(path: &str, total: usize) -> Pager<T> {
        Pager {
            path: path.to_string(),
            total,
            page: Vec::new(),
            written: 0,
        }
    }

    fn push(&mut self, out: &mut Out<'_>, item: T) -> Result<()> {
        self.page.push(item);
        if self.page.len() == PAGE_SIZE {
            self.flush(out)?;
        }
        Ok(())
    }

    /// Writes the last page (the only one, empty, of an empty list) and
    /// returns the list's address.
    fn finish(mut self, out: &mut Out<'_>) -> Result<String> {
        if !self.page.is_empty() || self.written == 0 {
            self.flush(out)?;
        }
        debug_assert_eq!(self.written, self.pages(), "{}: counted wrong", self.path);
        Ok(out.url(&self.path))
    }

    fn pages(&self) -> usize {
        self.total.div_ceil(PAGE_SIZE).max(1)
    }

    fn page_path(&self, n: usize) -> String {
        match n {
            1 => self.path.clone(),
            n => format!("{}-{n}", self.path),
        }
    }

    fn flush(&mut self, out: &mut Out<'_>) -> Result<()> {
        let (n, total) = (self.written + 1, self.pages());
        let page = Page {
            data: &self.page,
            pagination: Pagination {
                total_elements: self.total,
                elements_per_page: PAGE_SIZE,
                current_page: n,
                total_pages: total,
            },
            links: Links {
                first: out.url(&self.page_path(1)),
                prev: (n > 1).then(|| out.url(&self.page_path(n - 1))),
                this: out.url(&self.page_path(n)),
                next: (n < total).then(|| out.url(&self.page_path(n + 1))),
                last: out.url(&self.page_path(total)),
            },
        };
        out.put(&self.page_path(n), &page)?;
        self.page.clear();
        self.written = n;
        Ok(())
    }
}

/// The names of the objects' files, each unique among its kind.
struct Names {
    meetings: HashMap<String, String>,
    organizations: HashMap<String, String>,
    persons: HashMap<String, String>,
    papers: HashMap<String, String>,
}

impl Names {
    fn of(records: &[&MeetingRecord]) -> Names {
        let cases = records.iter().flat_map(|r| &r.items).filter_map(|item| {
            let open = item.open.as_ref()?;
            open.case.as_deref()
        });
        let people = records.iter().flat_map(|r| &r.participants);
        let keys: Vec<String> = people.map(|p| person_key(p)).collect();
        Names {
            meetings: unique_slugs(records.iter().map(|r| r.id.as_str())),
            organizations: unique_slugs(records.iter().map(|r| r.body.as_str())),
            persons: unique_slugs(keys.iter().map(String::as_str)),
            papers: unique_slugs(cases),
        }
    }
}

/// A person as the objects know them: the name as written, in Unicode
/// normal form C (as the checks compare names), so that one person is one
/// Person across meetings.
fn person_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.trim().nfc().collect()
}

/// What the meetings give the objects made of many of them: the lists,
/// written as the objects come, and what the organizations, persons and
/// papers are made of at the end.
struct Collected {
    meetings: Pager<Meeting>,
    agenda_items: Pager<AgendaItem>,
    consultations: Pager<Consultation>,
    files: Pager<File>,
    /// By body: its stamp and its meetings.
    organizations: Sorted<(Stamp, Pager<Meeting>)>,
    /// By person: the name and the stamp.
    persons: Sorted<(String, Stamp)>,
    /// By case: the first item's title and date, the stamp and the
    /// consultations.
    papers: Sorted<(String, String, Stamp, Vec<Consultation>)>,
    /// The span of every meeting's stamp.
    stamp: Option<Stamp>,
}

impl Collected {
    /// The lists of `records`, each told how many objects it will have.
    fn new(records: &[&MeetingRecord], names: &Names) -> Collected {
        let items = || records.iter().flat_map(|r| &r.items);
        let open = || items().filter_map(|item| item.open.as_ref());
        let documents: usize = records.iter().map(|r| 1 + usize::from(r.agenda)).sum();
        let attachments: usize = open().map(|o| o.attachments.len()).sum();
        let mut organizations: Sorted<usize> = Sorted::new();
        for record in records {
            *organizations.entry(record.body.clone()).or_default() += 1;
        }
        let organizations = organizations
            .into_iter()
            .map(|(body, count)| {
                let path = format!("organization/{}/meetings", names.organizations[&body]);
                let stamp = Stamp {
                    created: i64::MAX,
                    modified: i64::MIN,
                };
                (body, (stamp, Pager::new(&path, count)))
            })
            .collect();
        Collected {
            meetings: Pager::new("meetings", records.len()),
            agenda_items: Pager::new("agendaitems", items().count()),
            consultations: Pager::new("consultations", open().filter(|o| o.case.is_some()).count()),
            files: Pager::new("files", documents + attachments),
            organizations,
            persons: Sorted::new(),
            papers: Sorted::new(),
            stamp: None,
        }
    }
}

/// Every file of out/oparl/, each given to `sink` as it is made: the
/// objects of `records` (meetings that passed their checks) and the lists
/// of the Body, with the addresses under the site's. Only the papers,
/// persons and a page of each list are held at a time, not the archive.
pub fn files(
    records: &[MeetingRecord],
    settings: OparlSettings<'_>,
    sink: &mut dyn FnMut(OparlFile) -> Result<()>,
) -> Result<()> {
    let mut records: Vec<&MeetingRecord> = records.iter().collect();
    records.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let names = Names::of(&records);
    let mut out = Out {
        root: format!("{}{FOLDER}/", settings.site),
        sink,
    };
    let mut collected = Collected::new(&records, &names);
    for record in records {
        meeting(record, &names, &settings, &mut out, &mut collected)?;
    }
    let body = out.url("body");
    let lists = body_lists(&names, &settings, &mut out, collected, &body)?;
    system_and_body(&settings, &mut out, &lists)
}

/// The addresses of the Body's lists, and the span of every stamp.
struct BodyLists {
    organizations: String,
    persons: String,
    meetings: String,
    papers: String,
    agenda_items: String,
    consultations: String,
    files: String,
    stamp: Option<Stamp>,
}

/// The organizations, persons and papers, each at its address, and every
/// list of the Body.
fn body_lists(
    names: &Names,
    settings: &OparlSettings<'_>,
    out: &mut Out<'_>,
    collected: Collected,
    body: &str,
) -> Result<BodyLists> {
    let organizations = organizations(names, out, collected.organizations, body)?;
    let mut persons = Pager::new("persons", collected.persons.len());
    for (key, (name, stamp)) in collected.persons {
        let path = format!("person/{}", names.persons[&key]);
        let person = Person {
            head: out.head(&path, "Person"),
            body: body.to_string(),
            name,
            tail: Tail::new(stamp, None),
        };
        out.put(&path, &person)?;
        persons.push(out, person)?;
    }
    Ok(BodyLists {
        organizations: out.list("organizations", &organizations)?,
        persons: persons.finish(out)?,
        meetings: collected.meetings.finish(out)?,
        papers: papers(names, settings, out, collected.papers, body)?,
        agenda_items: collected.agenda_items.finish(out)?,
        consultations: collected.consultations.finish(out)?,
        files: collected.files.finish(out)?,
        stamp: collected.stamp,
    })
}

fn organizations(
    names: &Names,
    out: &mut Out<'_>,
    by_body: Sorted<(Stamp, Pager<Meeting>)>,
    body: &str,
) -> Result<Vec<Organization>> {
    let mut organizations = Vec::new();
    for (name, (stamp, meetings)) in by_body {
        let path = format!("organization/{}", names.organizations[&name]);
        let organization = Organization {
            head: out.head(&path, "Organization"),
            body: body.to_string(),
            name,
            meeting: meetings.finish(out)?,
            tail: Tail::new(stamp, None),
        };
        out.put(&path, &organization)?;
        organizations.push(organization);
    }
    Ok(organizations)
}

/// Each case's Paper, written at its address; returns the list's address.
fn papers(
    names: &Names,
    settings: &OparlSettings<'_>,
    out: &mut Out<'_>,
    by_case: Sorted<(String, String, Stamp, Vec<Consultation>)>,
    body: &str,
) -> Result<String> {
    let mut papers = Pager::new("papers", by_case.len());
    for (case, (name, date, stamp, consultation)) in by_case {
        let path = format!("paper/{}", names.papers[&case]);
        let web = match settings.case_url {
            Some(template) => crate::render::context::case_url(template, &case),
            None => format!("{}sager.html", settings.site),
        };
        let paper = Paper {
            head: out.head(&path, "Paper"),
            body: body.to_string(),
            name,
            reference: case,
            date,
            consultation,
            tail: Tail::new(stamp, Some(web)),
        };
        out.put(&path, &paper)?;
        papers.push(out, paper)?;
    }
    papers.finish(out)
}

fn system_and_body(
    settings: &OparlSettings<'_>,
    out: &mut Out<'_>,
    lists: &BodyLists,
) -> Result<()> {
    // An archive of no meetings yet: made now, as far as anyone can tell.
    let stamp = lists.stamp.unwrap_or(Stamp {
        created: 0,
        modified: 0,
    });
    let web = Some(format!("{}index.html", settings.site));
    let body = Body {
        head: out.head("body", "Body"),
        system: out.url("system"),
        name: settings.title.to_string(),
        website: settings.site.to_string(),
        organization: lists.organizations.clone(),
        person: lists.persons.clone(),
        meeting: lists.meetings.clone(),
        paper: lists.papers.clone(),
        legislative_term: Vec::new(),
        agenda_item: lists.agenda_items.clone(),
        consultation: lists.consultations.clone(),
        file: lists.files.clone(),
        tail: Tail::new(stamp, web.clone()),
    };
    out.put("body", &body)?;
    let bodies = out.list("bodies", std::slice::from_ref(&body))?;
    let system = System {
        head: out.head("system", "System"),
        oparl_version: OPARL_VERSION,
        body: bodies,
        name: settings.title.to_string(),
        website: settings.site.to_string(),
        tail: Tail::new(stamp, web),
    };
    out.put("system", &system)
}

/// What every object of one meeting shares.
struct MeetingContext<'a> {
    record: &'a MeetingRecord,
    stamp: Stamp,
    /// The meeting's name among the files: `2021-05-05`.
    slug: &'a str,
    url: String,
    organization: String,
    /// The referat's address.
    web: String,
    site: &'a str,
}

/// The objects of one meeting: itself, its agenda items, their
/// consultations and files, each at its address; what the organizations,
/// persons and papers take of it, collected.
fn meeting(
    record: &MeetingRecord,
    names: &Names,
    settings: &OparlSettings<'_>,
    out: &mut Out<'_>,
    collected: &mut Collected,
) -> Result<()> {
    let slug = &names.meetings[&record.id];
    let path = format!("meeting/{slug}");
    let context = MeetingContext {
        record,
        stamp: Stamp::of(record, settings.committed),
        slug,
        url: out.url(&path),
        organization: out.url(&format!(
            "organization/{}",
            names.organizations[&record.body]
        )),
        web: format!("{}{}", settings.site, in_folder(&record.id, "referat.html")),
        site: settings.site,
    };
    let mut items = Vec::new();
    for (index, item) in record.items.iter().enumerate() {
        items.push(agenda_item(
            &context,
            names,
            out,
            collected,
            item,
            index + 1,
        )?);
    }
    let participant = unique(record.participants.iter().map(|name| {
        let key = person_key(name);
        let slug = &names.persons[&key];
        let entry = collected.persons.entry(key.clone());
        let (_, stamp) = entry.or_insert_with(|| (key.clone(), context.stamp));
        *stamp = stamp.join(context.stamp);
        out.url(&format!("person/{slug}"))
    }));
    let meeting = meeting_object(&context, out, collected, items, participant)?;
    if let Some((stamp, meetings)) = collected.organizations.get_mut(&record.body) {
        *stamp = stamp.join(context.stamp);
        meetings.push(out, meeting.clone())?;
    }
    collected.meetings.push(out, meeting)?;
    collected.stamp = Some(
        collected
            .stamp
            .map_or(context.stamp, |s| s.join(context.stamp)),
    );
    Ok(())
}

/// The Meeting, with its documents, written at its address.
fn meeting_object(
    context: &MeetingContext<'_>,
    out: &mut Out<'_>,
    collected: &mut Collected,
    agenda_item: Vec<AgendaItem>,
    participant: Vec<String>,
) -> Result<Meeting> {
    let record = context.record;
    let (start, end) = start_end(record.date, record.time.as_deref());
    let results_protocol = document_file(context, out, "referat")?;
    collected.files.push(out, results_protocol.clone())?;
    let invitation = match record.agenda {
        true => Some(document_file(context, out, "dagsorden")?),
        false => None,
    };
    if let Some(file) = &invitation {
        collected.files.push(out, file.clone())?;
    }
    let meeting = Meeting {
        head: out.head(&format!("meeting/{}", context.slug), "Meeting"),
        name: record.title.clone(),
        cancelled: record.cancelled,
        start,
        end,
        organization: vec![context.organization.clone()],
        participant,
        invitation,
        results_protocol,
        agenda_item,
        tail: Tail::new(context.stamp, Some(context.web.clone())),
    };
    out.put(&format!("meeting/{}", context.slug), &meeting)?;
    Ok(meeting)
}

/// The PDF of the referat or the dagsorden (`stem`) as a File, written at
/// its address.
fn document_file(context: &MeetingContext<'_>, out: &mut Out<'_>, stem: &str) -> Result<File> {
    let record = context.record;
    let path = format!("file/{}/{stem}", context.slug);
    let pdf = format!("{stem}.pdf");
    let file = File {
        head: out.head(&path, "File"),
        name: format!("{} ({stem})", record.title),
        access_url: format!("{}{}", context.site, in_folder(&record.id, &pdf)),
        file_name: Some(pdf),
        mime_type: Some("application/pdf"),
        date: record.date.to_string(),
        meeting: vec![context.url.clone()],
        agenda_item: Vec::new(),
        tail: Tail::new(context.stamp, None),
    };
    out.put(&path, &file)?;
    Ok(file)
}

/// An AgendaItem, written at its address; of a public item also its
/// attachments as Files and, when it carries a case, its Consultation.
/// A closed item has its number and title, and nothing else.
fn agenda_item(
    context: &MeetingContext<'_>,
    names: &Names,
    out: &mut Out<'_>,
    collected: &mut Collected,
    item: &ItemRecord,
    order: usize,
) -> Result<AgendaItem> {
    let number = super::slug(&item.number);
    let path = format!("agendaitem/{}/{number}", context.slug);
    let url = out.url(&path);
    let open = item.open.as_ref();
    let mut files = Vec::new();
    for (index, attachment) in open.into_iter().flat_map(|o| &o.attachments).enumerate() {
        let file = attachment_file(
            context,
            out,
            attachment,
            &url,
            &format!("{number}-{}", index + 1),
        )?;
        collected.files.push(out, file.clone())?;
        files.push(file);
    }
    let consultation = match open.and_then(|o| o.case.as_deref().map(|case| (o, case))) {
        Some((open, case)) => {
            let paper = out.url(&format!("paper/{}", names.papers[case]));
            let consultation = Consultation {
                head: out.head(
                    &format!("consultation/{}/{number}", context.slug),
                    "Consultation",
                ),
                paper,
                agenda_item: url.clone(),
                meeting: context.url.clone(),
                organization: vec![context.organization.clone()],
                role: open.kind,
                authoritative: authoritative(open, &context.record.body),
                tail: Tail::new(context.stamp, None),
            };
            out.put(
                &format!("consultation/{}/{number}", context.slug),
                &consultation,
            )?;
            collect_paper(out, collected, case, item, context, &consultation)?;
            Some(consultation.head.id)
        }
        None => None,
    };
    let agenda_item = AgendaItem {
        head: out.head(&path, "AgendaItem"),
        meeting: context.url.clone(),
        number: item.number.clone(),
        order,
        name: item.title.clone(),
        public: open.is_some(),
        consultation,
        result: open.and_then(|o| o.outcome),
        auxiliary_file: files,
        tail: Tail::new(
            context.stamp,
            Some(format!("{}#{}", context.web, item.anchor)),
        ),
    };
    out.put(&path, &agenda_item)?;
    collected.agenda_items.push(out, agenda_item.clone())?;
    Ok(agenda_item)
}

/// Whether the meeting's body decides the case: not when `decided_by`
/// names another body or the outcome is a recommendation to one
/// (`anbefalet`); yes when `decided_by` names its own body or a decision
/// item (`beslutning`) has neither; unsaid otherwise.
fn authoritative(open: &OpenItem, body: &str) -> Option<bool> {
    let recommended = matches!(open.outcome, Some("anbefalet" | "ikke anbefalet"));
    match (open.kind, open.decided_by.as_deref()) {
        (_, Some(other)) => Some(!recommended && crate::model::same_name(other, body)),
        _ if recommended => Some(false),
        (Some("beslutning"), None) => Some(true),
        _ => None,
    }
}

/// A consultation added to its paper: the paper is named and dated by the
/// first item that carried it.
fn collect_paper(
    out: &mut Out<'_>,
    collected: &mut Collected,
    case: &str,
    item: &ItemRecord,
    context: &MeetingContext<'_>,
    consultation: &Consultation,
) -> Result<()> {
    let entry = collected.papers.entry(case.to_string()).or_insert_with(|| {
        (
            item.title.clone(),
            context.record.date.to_string(),
            context.stamp,
            Vec::new(),
        )
    });
    entry.2 = entry.2.join(context.stamp);
    entry.3.push(consultation.clone());
    collected.consultations.push(out, consultation.clone())
}

/// An item's attachment as a File: a file copied beside the referat, or a
/// page it links to.
fn attachment_file(
    context: &MeetingContext<'_>,
    out: &mut Out<'_>,
    attachment: &AttachmentView,
    agenda_item: &str,
    stem: &str,
) -> Result<File> {
    let path = format!("file/{}/{stem}", context.slug);
    let record = context.record;
    let (access_url, file_name) = match (&attachment.file, &attachment.href) {
        (Some(file), Some(href)) => (
            format!("{}{}", context.site, in_folder(&record.id, href)),
            file.rsplit('/').next().map(str::to_string),
        ),
        _ => (attachment.url.clone().unwrap_or_default(), None),
    };
    let file = File {
        head: out.head(&path, "File"),
        name: attachment.title.clone(),
        mime_type: file_name.as_deref().and_then(mime_type),
        file_name,
        date: record.date.to_string(),
        access_url,
        meeting: vec![context.url.clone()],
        agenda_item: vec![agenda_item.to_string()],
        tail: Tail::new(context.stamp, None),
    };
    out.put(&path, &file)?;
    Ok(file)
}

/// The media type of a file by its extension, for the common kinds of
/// bilag.
fn mime_type(name: &str) -> Option<&'static str> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_pages_of_a_hundred_linked_to_each_other() {
        let mut files: Vec<OparlFile> = Vec::new();
        let mut sink = |file: OparlFile| -> Result<()> {
            files.push(file);
            Ok(())
        };
        let mut out = Out {
            root: "https://x.dk/oparl/".into(),
            sink: &mut sink,
        };
        let items: Vec<usize> = (0..250).collect();
        let url = out.list("meetings", &items).unwrap();
        assert_eq!(url, "https://x.dk/oparl/meetings.json");
        // An empty list is one empty page.
        out.list("papers", &Vec::<usize>::new()).unwrap();
        let names: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            names,
            [
                "oparl/meetings.json",
                "oparl/meetings-2.json",
                "oparl/meetings-3.json",
                "oparl/papers.json"
            ]
        );
        let page = |n: usize| -> serde_json::Value { serde_json::from_str(&files[n].1).unwrap() };
        assert_eq!(page(1)["data"][0], 100);
        assert_eq!(page(1)["pagination"]["totalElements"], 250);
        assert_eq!(page(1)["pagination"]["currentPage"], 2);
        assert_eq!(page(1)["pagination"]["totalPages"], 3);
        assert_eq!(page(1)["links"]["prev"], "https://x.dk/oparl/meetings.json");
        assert_eq!(
            page(1)["links"]["next"],
            "https://x.dk/oparl/meetings-3.json"
        );
        assert_eq!(
            page(1)["links"]["self"],
            "https://x.dk/oparl/meetings-2.json"
        );
        assert_eq!(page(2)["data"].as_array().unwrap().len(), 50);
        assert!(page(2)["links"].get("next").is_none());
        assert_eq!(page(3)["data"], serde_json::json!([]));
        assert_eq!(page(3)["pagination"]["totalPages"], 1);
    }

    #[test]
    fn who_decides() {
        let item = |kind, outcome, decided_by: Option<&str>| OpenItem {
            kind,
            case: None,
            outcome,
            decided_by: decided_by.map(str::to_string),
            attachments: Vec::new(),
        };
        let decides = |open: OpenItem| authoritative(&open, "Udvalget");
        assert_eq!(decides(item(Some("beslutning"), None, None)), Some(true));
        assert_eq!(decides(item(None, None, Some("Udvalget"))), Some(true));
        assert_eq!(
            decides(item(Some("beslutning"), None, Some("Byrådet"))),
            Some(false)
        );
        let recommended = item(Some("beslutning"), Some("anbefalet"), None);
        assert_eq!(decides(recommended), Some(false));
        assert_eq!(decides(item(Some("orientering"), None, None)), None);
    }
}
