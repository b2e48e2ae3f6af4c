//! The domain: a meeting, its people and its agenda items, as read from the
//! sources. Values that findings may point at keep their position.

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

pub use crate::config::Signatories;
use crate::date::Date;
use crate::files::FileId;

mod protocol;
pub use protocol::{
    Choice, Dissent, Inhabil, PartyGroup, Side, Standing, Vote, VoteOutcome, is_group,
};

/// A value with the byte range it was written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Members,
    Others,
    Guests,
    Absent,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Members, Group::Others, Group::Guests, Group::Absent];

    pub fn key(self) -> &'static str {
        match self {
            Group::Members => "members",
            Group::Others => "others",
            Group::Guests => "guests",
            Group::Absent => "absent",
        }
    }

    pub fn is_present(self) -> bool {
        self != Group::Absent
    }
}

/// A party letter written in brackets after a name, as minutes print it
/// (`Charlotte Brix (C)`, `Ida Holm (SF)`): the name and the letter. The
/// letter is one to three capitals; `(formand)` is no party.
pub fn party_in_name(name: &str) -> Option<(&str, &str)> {
    let inner = name.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (base, letter) = (inner[..open].trim_end(), &inner[open + 1..]);
    let capitals =
        (1..=3).contains(&letter.chars().count()) && letter.chars().all(char::is_uppercase);
    (capitals && !base.is_empty()).then_some((base, letter))
}

/// A name without a party letter in brackets after it: `Charlotte Brix
/// (C)` is Charlotte Brix's name (the letter belongs in `party`).
pub fn without_party(name: &str) -> &str {
    party_in_name(name).map_or(name, |(base, _)| base)
}

/// A name as people are compared by it: in Unicode normal form C, so that
/// `å` typed as one character and as `a` with a combining ring above (as
/// some keyboards and copied text give it) name the same person, and
/// without a party letter in brackets after it.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let name = without_party(name);
    // Most names are written in NFC already: checking is cheaper than
    // composing.
    if unicode_normalization::is_nfc(name) {
        return name.to_string();
    }
    name.nfc().collect()
}

/// Whether two names are the same person's (see [`name_key`]).
pub fn same_name(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    if a == b {
        return true;
    }
    let (a, b) = (without_party(a), without_party(b));
    if a == b {
        return true;
    }
    // Two different texts both in NFC already are different names. Text
    // below U+0300 (every byte below 0xCC) is in NFC: a quick answer for
    // the Latin names of nearly every list.
    let below_marks = |s: &str| s.bytes().all(|b| b < 0xCC);
    if below_marks(a) && below_marks(b) {
        return false;
    }
    if unicode_normalization::is_nfc(a) && unicode_normalization::is_nfc(b) {
        return false;
    }
    a.nfc().eq(b.nfc())
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: Spanned<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub note: Option<String>,
    pub substitute_for: Option<Spanned<String>>,
    /// The letter of the person's political group (`party: A`), which
    /// minutes print after the name: "Bo Hilsted (A)".
    pub party: Option<Spanned<String>>,
    /// The numbers of the items the person attended, as written
    /// (`items: [7, 8]`); empty for someone who attended them all.
    pub items: Vec<Spanned<String>>,
    /// Why the person was absent (`absence: afbud`): from the whole
    /// meeting (under `absent`), or from the items not in `items`.
    pub absence: Option<Absence>,
}

/// A person's `absence`: the kinds of absence minutes tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Sent word in advance.
    Notice,
    /// Lawfully prevented (illness, another public duty): the word the
    /// law uses when a stedfortræder is called in.
    Prevented,
    /// Absent without notice.
    WithoutNotice,
}

impl Absence {
    pub const ALL: [Absence; 3] = [Absence::Notice, Absence::Prevented, Absence::WithoutNotice];

    /// The value as written in meeting.yaml and in referat.json, and the
    /// key of the layout's word for it (labels.toml's `[absences]`).
    pub fn key(self) -> &'static str {
        match self {
            Absence::Notice => "afbud",
            Absence::Prevented => "forfald",
            Absence::WithoutNotice => "uden afbud",
        }
    }
}

impl Person {
    /// Whether the person attended item `number`: every item when `items`
    /// is not given, else the items named and the items under them
    /// (attending group 2 is attending 2.1).
    /// Entries that are no item number (a finding of their own) are left
    /// out.
    pub fn attended(&self, number: &ItemNumber) -> bool {
        let mut named = self
            .items
            .iter()
            .filter_map(|i| ItemNumber::parse(&i.value))
            .peekable();
        named.peek().is_none() || named.any(|i| number.0.starts_with(&i.0))
    }
}

#[derive(Debug, Clone, Default)]
pub struct People {
    pub members: Vec<Person>,
    pub others: Vec<Person>,
    pub guests: Vec<Person>,
    pub absent: Vec<Person>,
}

impl People {
    pub fn group(&self, group: Group) -> &[Person] {
        match group {
            Group::Members => &self.members,
            Group::Others => &self.others,
            Group::Guests => &self.guests,
            Group::Absent => &self.absent,
        }
    }

    pub fn group_mut(&mut self, group: Group) -> &mut Vec<Person> {
        match group {
            Group::Members => &mut self.members,
            Group::Others => &mut self.others,
            Group::Guests => &mut self.guests,
            Group::Absent => &mut self.absent,
        }
    }

    /// Everyone present: members, others and guests, in that order.
    pub fn present(&self) -> impl Iterator<Item = &Person> {
        self.members.iter().chain(&self.others).chain(&self.guests)
    }
}

/// meeting.yaml.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The meeting folder.
    pub dir: PathBuf,
    /// The folder's name, e.g. `2020-11-25` or `2020-11-25-ekstra`.
    pub id: String,
    pub file: FileId,
    pub body: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub number: Option<Spanned<String>>,
    /// The planned time, as the agenda prints it (`time: "16.00-18.00"`).
    pub time: Option<String>,
    /// When the meeting was actually held (`actual_time: "16.05-18.25"`),
    /// which the referat shows; the agenda never does.
    pub actual_time: Option<String>,
    /// `agenda_sent:` as written: the date the agenda went out. From then
    /// on the agenda is built as it was sent (the commit that set it).
    pub agenda_sent: Option<Spanned<String>>,
    /// `added_agenda_sent:` as written: the date the tillægsdagsorden went
    /// out, which freezes it as `agenda_sent` freezes the agenda.
    pub added_agenda_sent: Option<Spanned<String>>,
    pub location: Option<String>,
    pub chair: Option<Spanned<String>>,
    pub referent: Option<Spanned<String>>,
    /// `status: udkast | godkendt`; `None` when not written (or not one of
    /// the two, which is a finding).
    pub status: Option<Spanned<Approval>>,
    /// `approved:` as written, the date the referat was approved.
    pub approved: Option<Spanned<String>>,
    /// `cancelled: true`: the meeting was called off ("Mødet er aflyst").
    pub cancelled: bool,
    /// `extraordinary: true`: an ekstraordinært møde.
    pub extraordinary: bool,
    /// `approvals:`: who approved (signed) the protocol, in order.
    pub approvals: Vec<Approver>,
    /// Where the `approvals` key is, when it is written (even empty): the
    /// outputs then have an Underskriftsblad.
    pub approvals_key: Option<Range<usize>>,
    /// Who signs the protocol (rk.toml's `approval`).
    pub signatories: Signatories,
    pub people: People,
    /// False when meeting.yaml could not be read: then nobody is known to be
    /// present, and the checks that ask who was there are skipped.
    pub people_known: bool,
    /// Where the `members` key was written, when it was.
    pub members_span: Option<Range<usize>>,
    pub items: Vec<Item>,
    /// The unnumbered headings the items are grouped under (`sections:`).
    pub sections: Vec<Section>,
    /// The political groups meeting.yaml defines (`groups:`), besides
    /// those of rk.toml.
    pub groups: Vec<PartyGroup>,
    /// Item files that could not be read (encoding, YAML, no front matter).
    /// Numbering gaps are not judged while an item's number is unknown.
    pub unreadable_items: usize,
}

impl Meeting {
    /// The people who sign the protocol (rk.toml's `approval`): the members
    /// present, or the chair and the referent (each once), in that order.
    pub fn signers(&self) -> Vec<&Spanned<String>> {
        match self.signatories {
            Signatories::Members => self.people.members.iter().map(|p| &p.name).collect(),
            Signatories::ChairAndReferent => {
                let mut signers: Vec<&Spanned<String>> = Vec::new();
                for name in [&self.chair, &self.referent].into_iter().flatten() {
                    if !signers.iter().any(|s| same_name(&s.value, &name.value)) {
                        signers.push(name);
                    }
                }
                signers
            }
        }
    }

    /// The date meeting.yaml gives, if it is a real `YYYY-MM-DD` date (a
    /// date that is not is a `date-mismatch` finding).
    pub fn calendar_date(&self) -> Option<Date> {
        Date::parse(&self.date.as_ref()?.value)
    }
}

/// Which of a meeting's two documents is made from its sources: the
/// referat written after it, or the agenda (dagsorden) sent before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Document {
    /// The minutes: everything the items say, the referent, the status.
    #[default]
    Minutes,
    /// The agenda: each item without the parts written at the meeting;
    /// what concerns the outcome (referent, presenters present, status)
    /// is neither checked nor shown.
    Agenda,
}

impl Document {
    /// The key in the outputs' data (`document` in referat.json and
    /// dagsorden.json): `referat` or `dagsorden`.
    pub fn key(self) -> &'static str {
        match self {
            Document::Minutes => "referat",
            Document::Agenda => "dagsorden",
        }
    }
}

/// One entry of meeting.yaml's `approvals`: who approved (signed) the
/// protocol, when, and with what reservation (`forbehold`).
#[derive(Debug, Clone)]
pub struct Approver {
    pub name: Spanned<String>,
    /// The date as written (a real date, not before the meeting: checked).
    pub date: Option<Spanned<String>>,
    pub forbehold: Option<String>,
    /// Where the entry is written.
    pub span: Range<usize>,
}

/// One entry of an item's `berigtigelser`: a correction made by addition
/// after the referat was approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The date as written.
    pub date: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    /// Where the entry is written.
    pub span: Range<usize>,
}

/// Whether a referat is still a draft or has been approved
/// (meeting.yaml's `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    /// `udkast`: under review; every page says so.
    Draft,
    /// `godkendt`: approved, on the date of `approved`.
    Approved,
}

impl Approval {
    pub const ALL: [Approval; 2] = [Approval::Draft, Approval::Approved];

    /// The word written in meeting.yaml and in referat.json.
    pub fn word(self) -> &'static str {
        match self {
            Approval::Draft => "udkast",
            Approval::Approved => "godkendt",
        }
    }

    /// The status a word names, exactly as [`Approval::word`] writes it.
    pub fn parse(word: &str) -> Option<Approval> {
        Approval::ALL.into_iter().find(|s| s.word() == word)
    }
}

/// An unnumbered heading of meeting.yaml's `sections:` ("Lukkede
/// punkter"): it runs from the top-level item `from` to the next section.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: Option<Spanned<String>>,
    /// The number as written, and parsed when well formed.
    pub from_text: Option<Spanned<String>>,
    pub from: Option<ItemNumber>,
    /// A closed section closes every item in it.
    pub closed: bool,
    /// Where the entry is written.
    pub span: Range<usize>,
}

impl Meeting {
    /// The section an item numbered `number` lies in: the one with the
    /// greatest `from` not after its top-level number.
    pub fn section_of(&self, number: &ItemNumber) -> Option<&Section> {
        let top = number.top()?;
        self.sections
            .iter()
            .filter(|s| s.top().is_some_and(|from| from <= top))
            .max_by_key(|s| s.top())
    }
}

impl Section {
    /// `from` when it is a top-level number.
    pub fn top(&self) -> Option<Part> {
        match self.from.as_ref().map(|n| n.0.as_slice()) {
            Some(&[part]) => Some(part),
            _ => None,
        }
    }
}

/// The last top-level item of the same body's previous meeting of the year,
/// where a meeting numbered through the year continues (rk.toml's
/// `numbering = "year"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousMeeting {
    /// The meeting folder's name, e.g. `2021-03-17`.
    pub id: String,
    pub last: u32,
}

/// One part of an item number: `2`, or `2a` for an item added after item 2
/// (a tillægspunkt). `2a` follows `2` and precedes `3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Part {
    pub n: u32,
    /// A lowercase letter after the number, `a` to `z`.
    pub letter: Option<char>,
}

impl Part {
    pub fn plain(n: u32) -> Part {
        Part { n, letter: None }
    }

    /// Parses `2` or `2a`: a positive integer without leading zeros, and
    /// at most one lowercase letter.
    pub fn parse(text: &str) -> Option<Part> {
        let (digits, letter) = match text.char_indices().last() {
            Some((i, c)) if c.is_ascii_lowercase() => (&text[..i], Some(c)),
            _ => (text, None),
        };
        let well_formed = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        let n = well_formed.then(|| digits.parse::<u32>().ok()).flatten()?;
        Some(Part { n, letter })
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.n)?;
        match self.letter {
            Some(c) => write!(f, "{c}"),
            None => Ok(()),
        }
    }
}

/// An agenda item number as written: `2.10` is [2, 10], `2a` is [2a].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemNumber(pub Vec<Part>);

impl ItemNumber {
    /// Parses `1`, `2.1`, `2.13`, `2a`, `13.1b`: dot-separated positive
    /// integers without leading zeros, each with an optional lowercase
    /// letter. Depth is checked separately.
    pub fn parse(text: &str) -> Option<ItemNumber> {
        text.split('.')
            .map(Part::parse)
            .collect::<Option<Vec<_>>>()
            .map(ItemNumber)
    }

    /// The number of plain parts: `[2, 1]` is `2.1`.
    pub fn plain(parts: &[u32]) -> ItemNumber {
        ItemNumber(parts.iter().copied().map(Part::plain).collect())
    }

    pub fn depth(&self) -> usize {
        self.0.len()
    }

    /// The top-level part: `2a` of `2a.1`.
    pub fn top(&self) -> Option<Part> {
        self.0.first().copied()
    }

    pub fn parent(&self) -> Option<ItemNumber> {
        (self.0.len() > 1).then(|| ItemNumber(self.0[..self.0.len() - 1].to_vec()))
    }

    pub fn is_child_of(&self, parent: &ItemNumber) -> bool {
        self.0.len() == parent.0.len() + 1 && self.0.starts_with(&parent.0)
    }

    /// Parses a range of items as minutes write it, `24-26` (also with an
    /// en dash or spaces): its first and last number, of one level under
    /// one parent (`2.9-2.11`, `45-46`), the first before the last.
    pub fn parse_range(text: &str) -> Option<(ItemNumber, ItemNumber)> {
        let (first, last) = text.split_once(['-', '–', '—'])?;
        let first = ItemNumber::parse(first.trim())?;
        let last = ItemNumber::parse(last.trim())?;
        (first < last && first.depth() == last.depth() && first.parent() == last.parent())
            .then_some((first, last))
    }

    /// The numbers of `numbers` the range `first`-`last` holds: those of
    /// its level between the two (`45`, `45a`, `46` for `45-46`).
    pub fn in_range<'n>(
        numbers: impl IntoIterator<Item = &'n ItemNumber>,
        (first, last): &(ItemNumber, ItemNumber),
    ) -> Vec<&'n ItemNumber> {
        numbers
            .into_iter()
            .filter(|n| n.parent() == first.parent() && first <= *n && *n <= last)
            .collect()
    }
}

impl std::fmt::Display for ItemNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(Part::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

/// The `sag` field: a case reference or `none`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRef {
    None,
    Ref(String),
}

/// What an attachment is: a file in the meeting folder, copied beside the
/// referat, or a web address, linked to and not copied.
#[derive(Debug, Clone)]
pub enum Target {
    File(Spanned<String>),
    Url(Spanned<String>),
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub target: Target,
    pub title: Option<String>,
    /// `closed: true`: a closed bilag of an open item, shown in the
    /// internal edition only (not copied, named or linked in public).
    pub closed: bool,
}

impl Attachment {
    /// The file it names, when it is a file.
    pub fn file(&self) -> Option<&Spanned<String>> {
        match &self.target {
            Target::File(file) => Some(file),
            Target::Url(_) => None,
        }
    }

    /// The file or the web address, as written.
    pub fn written(&self) -> &Spanned<String> {
        match &self.target {
            Target::File(text) | Target::Url(text) => text,
        }
    }
}

/// An item's `added`: when it was put on the agenda after the agenda went
/// out, and why it could not wait.
#[derive(Debug, Clone)]
pub struct Added {
    pub date: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
}

/// An item's `outcome`: what became of the proposal, as a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approved,
    NotApproved,
    Recommended,
    NotRecommended,
    Noted,
    Rejected,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Approved,
        Outcome::NotApproved,
        Outcome::Recommended,
        Outcome::NotRecommended,
        Outcome::Noted,
        Outcome::Rejected,
    ];

    /// The value as written in an item and in referat.json, and the key of
    /// the layout's `outcomes` label.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Approved => "godkendt",
            Outcome::NotApproved => "ikke godkendt",
            Outcome::Recommended => "anbefalet",
            Outcome::NotRecommended => "ikke anbefalet",
            Outcome::Noted => "taget til efterretning",
            Outcome::Rejected => "forkastet",
        }
    }
}

/// An item's `kind`: what the body is asked to do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Decision,
    Information,
    Discussion,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Decision, Kind::Information, Kind::Discussion];

    /// The value as written in an item and in referat.json.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Decision => "beslutning",
            Kind::Information => "orientering",
            Kind::Discussion => "drøftelse",
        }
    }
}

/// An item's `status`: what became of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Postponed to a later meeting.
    Postponed,
    /// Withdrawn from the agenda.
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::Postponed, Status::Withdrawn];

    /// The value as written in an item and in referat.json.
    pub fn key(self) -> &'static str {
        match self {
            Status::Postponed => "udsat",
            Status::Withdrawn => "udgik",
        }
    }
}

/// One agenda item file.
#[derive(Debug, Clone)]
pub struct Item {
    pub file: FileId,
    /// The number as written, and parsed when well formed.
    pub number_text: Option<Spanned<String>>,
    pub number: Option<ItemNumber>,
    pub title: Option<Spanned<String>>,
    pub case: Option<Spanned<CaseRef>>,
    pub responsible: Vec<Spanned<String>>,
    pub presenters: Vec<Spanned<String>>,
    pub closed: bool,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    /// The document number (`dok`), checked against rk.toml's
    /// `document.pattern`.
    pub document_number: Option<Spanned<String>>,
    /// True when the item lies in a closed section (set when the meeting
    /// is loaded).
    pub closed_by_section: bool,
    pub attachments: Vec<Attachment>,
    /// `added`: put on the agenda after it was sent (a tillægspunkt).
    pub added: Option<Added>,
    /// `outcome`: what the body decided, as a word (`godkendt`).
    pub outcome: Option<Outcome>,
    /// `decided_by`: the body that decides the case ("Byrådet").
    pub decided_by: Option<Spanned<String>>,
    /// The votes taken on it, in order.
    pub votes: Vec<Vote>,
    /// Its protokoltilførsler.
    pub dissents: Vec<Dissent>,
    /// The members inhabil for it.
    pub inhabil: Vec<Inhabil>,
    /// `berigtigelser`: corrections added after the approval, in order.
    pub corrections: Vec<Correction>,
    /// The Markdown body and its byte offset in the file.
    pub body: String,
    pub body_offset: usize,
    /// Where the front matter block is, and its closing `---` line (where
    /// a missing field should be added).
    pub front_matter: Range<usize>,
    pub front_matter_end: Range<usize>,
    /// Fields whose absence is not news: an unknown key was reported as a
    /// misspelling of them, or their value was reported as bad.
    pub already_reported: Vec<&'static str>,
    /// Where the `sag` key is, when it is written (even with no value).
    pub case_key: Option<Range<usize>>,
    /// The text of a closed item's decision written for the public
    /// edition (`public_decision`), where its value is written.
    pub public_decision: Option<Spanned<String>>,
}

impl Item {
    /// True when it or a group above it is closed: closing group 2 closes
    /// 2.1 and 2.2 too.
    pub fn is_closed_in(&self, items: &[Item]) -> bool {
        self.closed_itself()
            || self.number.as_ref().is_some_and(|n| {
                items.iter().any(|other| {
                    other.closed_itself()
                        && other
                            .number
                            .as_ref()
                            .is_some_and(|o| o.depth() < n.depth() && n.0.starts_with(&o.0))
                })
            })
    }

    /// True when it is closed or lies in a closed section (a group above
    /// it may close it too: see [`Item::is_closed_in`]).
    pub fn closed_itself(&self) -> bool {
        self.closed || self.closed_by_section
    }

    /// True when another item is numbered below this one (2 for 2.1).
    pub fn is_group(&self, items: &[Item]) -> bool {
        self.number.as_ref().is_some_and(|n| {
            items
                .iter()
                .any(|other| other.number.as_ref().is_some_and(|o| o.is_child_of(n)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_letter_in_brackets_is_not_part_of_a_name() {
        assert_eq!(
            party_in_name("Charlotte Brix (C)"),
            Some(("Charlotte Brix", "C"))
        );
        assert_eq!(party_in_name("Ida Holm (SF)"), Some(("Ida Holm", "SF")));
        assert_eq!(party_in_name("Bo Ravn (Ø) "), Some(("Bo Ravn", "Ø")));
        assert_eq!(party_in_name("Bo Ravn (formand)"), None);
        assert_eq!(party_in_name("Bo Ravn (ABCD)"), None);
        assert_eq!(party_in_name("(C)"), None);
        assert!(same_name("Charlotte Brix (C)", "Charlotte Brix"));
        assert_eq!(name_key("Charlotte Brix (C)"), name_key("Charlotte Brix"));
        assert!(!same_name("Charlotte Brix (C)", "Charlotte Bruun"));
    }

    #[test]
    fn a_range_of_items_is_the_items_of_its_level_between_its_ends() {
        let numbers: Vec<ItemNumber> = ["2", "2.9", "2.10", "2.11", "3", "45", "45a", "46"]
            .iter()
            .map(|n| ItemNumber::parse(n).unwrap())
            .collect();
        let range = |text: &str| {
            let range = ItemNumber::parse_range(text)?;
            let within = ItemNumber::in_range(&numbers, &range);
            Some(within.iter().map(ToString::to_string).collect::<Vec<_>>())
        };
        assert_eq!(range("2.9-2.11").unwrap(), ["2.9", "2.10", "2.11"]);
        assert_eq!(range("45 – 46").unwrap(), ["45", "45a", "46"]);
        assert_eq!(range("2-3").unwrap(), ["2", "3"]);
        assert_eq!(range("3-2"), None);
        assert_eq!(range("2-2.10"), None);
        assert_eq!(range("24"), None);
    }

    #[test]
    fn text_below_the_combining_marks_is_in_nfc_and_names_compare_by_it() {
        // The quick answer of `same_name` holds for every character it takes.
        for c in (0..0x300).filter_map(char::from_u32) {
            assert!(
                unicode_normalization::is_nfc(&c.to_string()),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(same_name("Søren Ærø", "Søren Ærø"));
        assert!(!same_name("Søren Ærø", "Soren Aero"));
        // `ø` written as o and a combining stroke is not the same letter in
        // NFC; `é` as e and a combining acute is.
        assert!(same_name("Ren\u{e9}e", "Rene\u{301}e"));
        assert!(!same_name("Ren\u{e9}e", "Rene\u{300}e"));
    }

    #[test]
    fn numbers_are_read_as_written() {
        assert_eq!(ItemNumber::parse("2.10"), Some(ItemNumber::plain(&[2, 10])));
        assert_ne!(ItemNumber::parse("2.10"), ItemNumber::parse("2.1"));
        for bad in [
            "", "2.", ".1", "2..1", "02", "2.01", "0", "a", "2.1ab", "-1", "2A", "a2", "0a", "2.a",
        ] {
            assert_eq!(ItemNumber::parse(bad), None, "{bad}");
        }
        assert!(ItemNumber::plain(&[2, 10]) > ItemNumber::plain(&[2, 9]));
    }

    #[test]
    fn a_lettered_number_follows_its_number_and_precedes_the_next() {
        let n = |text: &str| ItemNumber::parse(text).unwrap();
        let mut numbers = [
            n("3"),
            n("2b"),
            n("2.1"),
            n("2a"),
            n("2"),
            n("13.1"),
            n("2a.1"),
        ];
        numbers.sort();
        let written: Vec<String> = numbers.iter().map(ToString::to_string).collect();
        assert_eq!(written, ["2", "2.1", "2a", "2a.1", "2b", "3", "13.1"]);
        assert_eq!(
            n("45a").top(),
            Some(Part {
                n: 45,
                letter: Some('a')
            })
        );
        assert_eq!(n("2a.1").parent(), Some(n("2a")));
    }

    #[test]
    fn an_item_lies_in_the_last_section_begun_before_it() {
        let section = |title: &str, from: &str| Section {
            title: Some(Spanned::new(title.to_string(), 0..0)),
            from_text: None,
            from: ItemNumber::parse(from),
            closed: false,
            span: 0..0,
        };
        let meeting = Meeting {
            dir: PathBuf::new(),
            id: String::new(),
            file: crate::files::Files::default().add("meeting.yaml".into(), String::new()),
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
            signatories: Signatories::Members,
            people: People::default(),
            people_known: true,
            members_span: None,
            items: Vec::new(),
            sections: vec![section("Åbne", "42"), section("Lukkede", "46")],
            groups: Vec::new(),
            unreadable_items: 0,
        };
        let title = |n: &str| {
            meeting
                .section_of(&ItemNumber::parse(n).unwrap())
                .and_then(|s| s.title.as_ref())
                .map(|t| t.value.clone())
        };
        assert_eq!(title("41"), None);
        assert_eq!(title("42").as_deref(), Some("Åbne"));
        assert_eq!(title("45.2").as_deref(), Some("Åbne"));
        assert_eq!(title("46").as_deref(), Some("Lukkede"));
        assert_eq!(title("90").as_deref(), Some("Lukkede"));
    }
}
