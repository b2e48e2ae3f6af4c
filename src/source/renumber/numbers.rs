//! The new numbers of a renumbering: each level (the top-level items,
//! each group's items) numbered in its new order, a lettered item after the
//! plain item before it, a group's items under its new number.

use std::collections::BTreeMap;

use anyhow::{Context, Result, bail};

use super::Request;
use crate::model::{ItemNumber, Part};
use crate::tr;

/// Old number -> new number for every item whose number changes.
pub(super) fn new_numbers(
    numbers: &[ItemNumber],
    request: &Request,
) -> Result<BTreeMap<ItemNumber, ItemNumber>> {
    let mut levels: BTreeMap<Option<ItemNumber>, Vec<ItemNumber>> = BTreeMap::new();
    for number in numbers {
        levels
            .entry(number.parent())
            .or_default()
            .push(number.clone());
    }
    // Each level's new last parts, by old number; a level left out keeps
    // its parts.
    let mut parts: BTreeMap<ItemNumber, Part> = BTreeMap::new();
    match request {
        Request::Move { from, to } => {
            let siblings = levels.get(&from.parent()).cloned().unwrap_or_default();
            let order = moved_order(&siblings, from, to)?;
            parts.extend(number_level(&order, base(&siblings)?, Some(from))?);
        }
        Request::Close { first } => {
            for (parent, siblings) in &levels {
                let start = match parent {
                    None => first.map_or_else(|| base(siblings), Ok)?,
                    Some(_) => 1,
                };
                parts.extend(number_level(siblings, start, None)?);
            }
        }
    }
    let mut map = BTreeMap::new();
    for number in numbers {
        let new = renumbered(number, &parts);
        if &new != number {
            map.insert(number.clone(), new);
        }
    }
    Ok(map)
}

/// `number` with each of its parts renumbered: 2.1 is 3.1 when 2 is 3.
fn renumbered(number: &ItemNumber, parts: &BTreeMap<ItemNumber, Part>) -> ItemNumber {
    let mut new = Vec::new();
    for depth in 1..=number.depth() {
        let prefix = ItemNumber(number.0[..depth].to_vec());
        new.push(parts.get(&prefix).copied().unwrap_or(number.0[depth - 1]));
    }
    ItemNumber(new)
}

/// The first plain number of a level, where its numbering starts.
fn base(siblings: &[ItemNumber]) -> Result<u32> {
    match siblings.first().and_then(|n| n.0.last()) {
        Some(Part { n, letter: None }) => Ok(*n),
        Some(_) => bail!(tr!(
            "error-renumber-letter-first",
            number = siblings[0].to_string()
        )),
        None => Ok(1),
    }
}

/// The level's order after item `from` is moved to the place where it is
/// numbered `to`.
fn moved_order(
    siblings: &[ItemNumber],
    from: &ItemNumber,
    to: &ItemNumber,
) -> Result<Vec<ItemNumber>> {
    if !siblings.contains(from) {
        bail!(tr!(
            "error-renumber-no-such-item",
            number = from.to_string()
        ));
    }
    let (from_text, to_text) = (from.to_string(), to.to_string());
    if to.parent() != from.parent() {
        let level = match from.parent() {
            Some(parent) => tr!("error-renumber-group-level", group = parent.to_string()),
            None => tr!("error-renumber-top-level"),
        };
        bail!(tr!(
            "error-renumber-other-level",
            to = to_text,
            from = from_text,
            level = level
        ));
    }
    if to.0.last().is_some_and(|p| p.letter.is_some()) {
        bail!(tr!("error-renumber-to-lettered", to = to_text));
    }
    let rest: Vec<ItemNumber> = siblings.iter().filter(|n| *n != from).cloned().collect();
    let start = base(siblings)?;
    // The last place that gives the number: after the lettered items of
    // the item it follows (44, 44a, then the moved item as 45), so that a
    // tillægspunkt stays after its item.
    for at in (0..=rest.len()).rev() {
        let mut order = rest.clone();
        order.insert(at, from.clone());
        let parts = number_level(&order, start, Some(from))?;
        if parts
            .iter()
            .any(|(n, p)| n == from && Some(p) == to.0.last())
        {
            return Ok(order);
        }
    }
    let last = number_level(siblings, start, None)?
        .last()
        .map(|(_, p)| p.to_string())
        .unwrap_or_default();
    bail!(tr!(
        "error-renumber-to-outside",
        to = to_text,
        start = start.to_string(),
        last = last
    ))
}

/// The new last part of each of `order`, numbered from `start`: a plain
/// item (and the moved one) takes the next number, a lettered item the
/// next letter after the plain item before it (45a stays after its 45).
fn number_level(
    order: &[ItemNumber],
    start: u32,
    moved: Option<&ItemNumber>,
) -> Result<Vec<(ItemNumber, Part)>> {
    let mut out = Vec::new();
    let mut current: Option<Part> = None;
    let mut next = start;
    for number in order {
        let lettered = number.0.last().is_some_and(|p| p.letter.is_some());
        let part = if lettered && Some(number) != moved {
            let Some(before) = current else {
                bail!(tr!(
                    "error-renumber-letter-first",
                    number = number.to_string()
                ));
            };
            let letter = match before.letter {
                None => 'a',
                Some('z') => bail!(tr!(
                    "error-renumber-too-many-letters",
                    number = before.n.to_string()
                )),
                Some(c) => char::from(c as u8 + 1),
            };
            Part {
                n: before.n,
                letter: Some(letter),
            }
        } else {
            let part = Part::plain(next);
            next = next
                .checked_add(1)
                .with_context(|| tr!("error-renumber-too-large", number = next.to_string()))?;
            part
        };
        current = Some(part);
        out.push((number.clone(), part));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> ItemNumber {
        ItemNumber::parse(text).unwrap()
    }

    fn numbers(list: &[&str]) -> Vec<ItemNumber> {
        list.iter().map(|t| n(t)).collect()
    }

    /// The changes of `request` on `list`, as `old -> new` texts.
    fn changes(list: &[&str], request: &Request) -> Vec<String> {
        new_numbers(&numbers(list), request)
            .unwrap()
            .into_iter()
            .map(|(old, new)| format!("{old} -> {new}"))
            .collect()
    }

    fn moving(from: &str, to: &str) -> Request {
        Request::Move {
            from: n(from),
            to: n(to),
        }
    }
    #[test]
    fn a_moved_item_takes_its_place_and_those_between_follow() {
        let list = ["29", "30", "31", "32", "33"];
        assert_eq!(
            changes(&list, &moving("32", "30")),
            ["30 -> 31", "31 -> 32", "32 -> 30"]
        );
        assert_eq!(
            changes(&list, &moving("29", "31")),
            ["29 -> 31", "30 -> 29", "31 -> 30"]
        );
        assert!(changes(&list, &moving("31", "31")).is_empty());
    }

    #[test]
    fn kl_numbers_move_within_their_group_and_a_group_takes_its_items_along() {
        let mut list = vec!["1", "2", "3"];
        let sub: Vec<String> = (1..=13).map(|i| format!("2.{i}")).collect();
        list.extend(sub.iter().map(String::as_str));
        let moved = changes(&list, &moving("2.10", "2.3"));
        assert_eq!(
            moved,
            [
                "2.3 -> 2.4",
                "2.4 -> 2.5",
                "2.5 -> 2.6",
                "2.6 -> 2.7",
                "2.7 -> 2.8",
                "2.8 -> 2.9",
                "2.9 -> 2.10",
                "2.10 -> 2.3"
            ]
        );
        let group = changes(&list, &moving("3", "2"));
        assert_eq!(group.len(), 15, "{group:?}");
        assert!(group.contains(&"2 -> 3".to_string()));
        assert!(group.contains(&"2.13 -> 3.13".to_string()));
        assert!(group.contains(&"3 -> 2".to_string()));
    }

    #[test]
    fn a_lettered_item_stays_after_its_item() {
        let list = ["44", "45", "45a", "46", "47"];
        assert_eq!(
            changes(&list, &moving("47", "45")),
            ["45 -> 46", "45a -> 46a", "46 -> 47", "47 -> 45"]
        );
        // Moved later, past a lettered item: 45a follows 45 as 44a.
        let list = ["41", "42", "43", "44", "45", "45a", "46"];
        assert_eq!(
            changes(&list, &moving("42", "45")),
            ["42 -> 45", "43 -> 42", "44 -> 43", "45 -> 44", "45a -> 44a"]
        );
        // A moved lettered item gets a plain number.
        assert_eq!(
            changes(&["44", "45", "45a", "46"], &moving("45a", "45")),
            ["45 -> 46", "45a -> 45", "46 -> 47"]
        );
    }

    #[test]
    fn closing_up_numbers_each_level_in_its_order() {
        let list = ["41", "43", "43a", "44", "44.2", "44.3"];
        assert_eq!(
            changes(&list, &Request::Close { first: None }),
            [
                "43 -> 42",
                "43a -> 42a",
                "44 -> 43",
                "44.2 -> 43.1",
                "44.3 -> 43.2"
            ]
        );
        assert_eq!(
            changes(&["3", "4"], &Request::Close { first: Some(29) }),
            ["3 -> 29", "4 -> 30"]
        );
    }

    #[test]
    fn what_cannot_be_reached_is_refused_with_the_reason() {
        let list = numbers(&["29", "30", "31", "2.1"]);
        for (request, says) in [
            (moving("35", "30"), "there is no item 35 to move"),
            (moving("31", "31a"), "a moved item gets a plain number"),
            (moving("2.1", "30"), "moves among the items of group 2"),
            (moving("31", "40"), "numbered 29 to 31"),
        ] {
            let err = new_numbers(&list, &request).unwrap_err().to_string();
            assert!(err.contains(says), "{request:?}: {err}");
        }
        let err = new_numbers(&numbers(&["45a", "46"]), &Request::Close { first: None })
            .unwrap_err()
            .to_string();
        assert!(err.contains("item 45a is lettered"), "{err}");
        let err = new_numbers(
            &numbers(&["1", "2"]),
            &Request::Close {
                first: Some(u32::MAX),
            },
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("do not fit"), "{err}");
    }
}
