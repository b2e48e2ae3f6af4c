//! The next meeting's agenda, made from the last one's shape: its standing
//! items (`sag: none`, such as Godkendelse af dagsorden, Meddelelser and
//! Eventuelt) and its group headings (KL's "2. Drøftelsessager") stay
//! where they stood, a postponed case comes back where it stood, each other
//! run of case items becomes one item to fill in,
//! and the sections ("Åbne punkter", "Lukkede punkter") begin where their
//! items now are.

use crate::model::{CaseRef, Item, ItemNumber, Meeting, Section, Status};

/// What a place of the new agenda holds.
pub enum Entry<'m> {
    /// A standing item of the last meeting, without its text.
    Standing(&'m Item),
    /// A group heading of the last meeting (an item with items under it
    /// and no case of its own), its items under it.
    Group(&'m Item),
    /// A case the last meeting postponed (`status: udsat`): on the agenda
    /// again, where it stood.
    Postponed(&'m Item),
    /// An item for the referent to fill in, where the last meeting had
    /// case items.
    Template,
}

/// One item of the new agenda and its number (`[48]`, `[2, 1]`).
pub struct Planned<'m> {
    pub number: Vec<u32>,
    pub entry: Entry<'m>,
}

/// A section of the last meeting and the first top-level number it now
/// begins at.
pub struct PlannedSection<'m> {
    pub section: &'m Section,
    pub from: u32,
}

/// The new agenda: items in number order, and the sections over them.
pub struct Agenda<'m> {
    pub items: Vec<Planned<'m>>,
    pub sections: Vec<PlannedSection<'m>>,
}

/// How many items of each kind the new agenda has.
pub struct Counts {
    pub standing: usize,
    pub groups: usize,
    pub postponed: usize,
    pub templates: usize,
}

impl Agenda<'_> {
    pub fn counts(&self) -> Counts {
        let count = |f: fn(&Entry<'_>) -> bool| self.items.iter().filter(|p| f(&p.entry)).count();
        Counts {
            standing: count(|e| matches!(e, Entry::Standing(_))),
            groups: count(|e| matches!(e, Entry::Group(_))),
            postponed: count(|e| matches!(e, Entry::Postponed(_))),
            templates: count(|e| matches!(e, Entry::Template)),
        }
    }
}

/// A top-level place before numbering: what it holds and the index of its
/// section in the last meeting's `sections`.
struct Slot<'m> {
    entry: Entry<'m>,
    section: Option<usize>,
}

/// The agenda of the meeting after `previous`, its top-level items
/// numbered from `first`.
pub fn agenda(previous: &Meeting, first: u32) -> Agenda<'_> {
    let section_index = |item: &Item| {
        let section = previous.section_of(item.number.as_ref()?)?;
        previous
            .sections
            .iter()
            .position(|s| std::ptr::eq(s, section))
    };
    let mut slots: Vec<Slot<'_>> = Vec::new();
    for item in children(&previous.items, None) {
        let section = section_index(item);
        let entry = entry_of(item, &previous.items);
        let same_run = matches!(
            slots.last(),
            Some(Slot { entry: Entry::Template, section: s }) if *s == section
        );
        if !(matches!(entry, Entry::Template) && same_run) {
            slots.push(Slot { entry, section });
        }
    }
    // A case item anywhere (under a group heading too) leaves an item to
    // fill in where it was; a meeting of standing items only gets one.
    let has_case = previous.items.iter().any(|item| {
        item.number.is_some() && matches!(entry_of(item, &previous.items), Entry::Template)
    });
    if !has_case {
        add_template(&mut slots);
    }
    let mut items = Vec::new();
    let mut sections = Vec::new();
    for (n, slot) in (first..).zip(slots) {
        if let Some(index) = slot.section
            && !sections
                .iter()
                .any(|s: &PlannedSection<'_>| std::ptr::eq(s.section, &previous.sections[index]))
        {
            sections.push(PlannedSection {
                section: &previous.sections[index],
                from: n,
            });
        }
        if let Entry::Group(group) = slot.entry {
            items.push(Planned {
                number: vec![n],
                entry: Entry::Group(group),
            });
            under_group(&previous.items, group, &[n], &mut items);
        } else {
            items.push(Planned {
                number: vec![n],
                entry: slot.entry,
            });
        }
    }
    Agenda { items, sections }
}

/// Where the last meeting had no case item: one item to fill in, before
/// the standing item that closed the meeting (Eventuelt), else at the end.
fn add_template(slots: &mut Vec<Slot<'_>>) {
    let at = match slots.last() {
        Some(Slot {
            entry: Entry::Standing(_),
            ..
        }) if slots.len() > 1 => slots.len() - 1,
        _ => slots.len(),
    };
    let section = at
        .checked_sub(1)
        .and_then(|i| slots.get(i))
        .or(slots.get(at))
        .and_then(|s| s.section);
    slots.insert(
        at,
        Slot {
            entry: Entry::Template,
            section,
        },
    );
}

/// The items under `group` in the new agenda, numbered below `prefix`,
/// pushed in order (groups under groups too).
fn under_group<'m>(all: &'m [Item], group: &'m Item, prefix: &[u32], out: &mut Vec<Planned<'m>>) {
    let mut entries: Vec<Entry<'m>> = Vec::new();
    for item in children(all, group.number.as_ref()) {
        let entry = entry_of(item, all);
        let run =
            matches!(entry, Entry::Template) && matches!(entries.last(), Some(Entry::Template));
        if !run {
            entries.push(entry);
        }
    }
    for (n, entry) in (1..).zip(entries) {
        let mut number = prefix.to_vec();
        number.push(n);
        if let Entry::Group(sub) = entry {
            out.push(Planned {
                number: number.clone(),
                entry: Entry::Group(sub),
            });
            under_group(all, sub, &number, out);
        } else {
            out.push(Planned { number, entry });
        }
    }
}

/// What becomes of `item` in the new agenda: a standing item stays, a
/// group heading without a case of its own stays, a postponed case comes
/// back, any other case item is replaced.
fn entry_of<'m>(item: &'m Item, all: &[Item]) -> Entry<'m> {
    let case = item.case.as_ref().map(|c| &c.value);
    let no_case = matches!(case, Some(CaseRef::None));
    if item.is_group(all) {
        if no_case || case.is_none() {
            Entry::Group(item)
        } else {
            Entry::Template
        }
    } else if no_case {
        Entry::Standing(item)
    } else if item.status == Some(Status::Postponed) {
        Entry::Postponed(item)
    } else {
        Entry::Template
    }
}

/// The items directly under `parent` (top-level items when `None`), in
/// number order.
fn children<'m>(all: &'m [Item], parent: Option<&ItemNumber>) -> Vec<&'m Item> {
    let mut found: Vec<&Item> = all
        .iter()
        .filter(|item| {
            item.number.as_ref().is_some_and(|n| match parent {
                None => n.depth() == 1,
                Some(parent) => n.is_child_of(parent),
            })
        })
        .collect();
    found.sort_by(|a, b| a.number.cmp(&b.number));
    found
}
