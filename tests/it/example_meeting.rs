//! The example meeting, meetings/2020-11-25: it checks clean, it has the
//! seed referat's structure, and its prose is the seed's, complete.
//!
//! What its tests show, one by one: the example meeting checks clean, has items
//! 1, 2, 2.1–2.13 and 3 with the seed's thirteen case lines and people, and its
//! prose equals the seed referat's character for character
//! (`tests/fixtures/seed/`).

use crate::common;

use common::{example_meeting as example, project_root, rk, squeeze};
use rk::model::{CaseRef, Item, Meeting};

fn number(item: &Item) -> String {
    item.number_text.as_ref().expect("numbered").value.clone()
}

#[test]
fn rk_check_of_the_example_is_clean() {
    let run = rk(
        &project_root(),
        &["check", "2020-11-25", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "findings were reported");
}

#[test]
fn the_example_has_the_seeds_items_and_case_lines() {
    let meeting = example();
    let numbers: Vec<String> = meeting.items.iter().map(number).collect();
    let mut expected = vec!["1".to_string(), "2".to_string()];
    expected.extend((1..=13).map(|n| format!("2.{n}")));
    expected.push("3".to_string());
    assert_eq!(numbers, expected);

    let cases: Vec<(String, String)> = meeting
        .items
        .iter()
        .filter_map(|item| match &item.case.as_ref()?.value {
            CaseRef::Ref(r) => {
                let owners: Vec<&str> = item.responsible.iter().map(|r| r.value.as_str()).collect();
                Some((number(item), format!("{r} {}", owners.join("/"))))
            }
            CaseRef::None => None,
        })
        .collect();
    assert_eq!(cases.len(), 13, "{cases:?}");
    assert_eq!(
        cases[0],
        ("2.1".into(), "SAG-2019-04651 Line Laudrup".into())
    );
    assert_eq!(
        cases[9],
        (
            "2.10".into(),
            "SAG-2019-02290 Anne Kathrine Fjord Marschall/Tom Bøgeskov/Torben Mathisen".into()
        )
    );

    for item in &meeting.items {
        let group = item.is_group(&meeting.items);
        assert_eq!(group, number(item) == "2", "item {}", number(item));
        if !group {
            assert!(
                !item.body.trim().is_empty(),
                "item {} is empty",
                number(item)
            );
        }
    }
    assert_eq!(
        meeting.chair.as_ref().map(|c| c.value.as_str()),
        Some("Ghita Thiesen")
    );
    assert_eq!(
        meeting.referent.as_ref().map(|c| c.value.as_str()),
        Some("Zahra Al-Asfoor")
    );
}

#[test]
fn the_example_lists_everyone_the_seed_names_in_their_group() {
    let meeting = example();
    let names = |people: &[rk::model::Person]| -> Vec<String> {
        people.iter().map(|p| p.name.value.clone()).collect()
    };
    let members = names(&meeting.people.members);
    let others = names(&meeting.people.others);
    let guests = names(&meeting.people.guests);
    assert!(members.contains(&"Caroline Hegelund".to_string()));
    for name in [
        "Vibeke Normann",
        "Rune Reimann Petersen",
        "Zahra Al-Asfoor",
        "Karen Rahbek",
    ] {
        assert!(
            others.contains(&name.to_string()),
            "{name} not under others"
        );
    }
    for name in [
        "Christian Harsløf",
        "Carsten Nydam-Rønved",
        "Thomas Gundel",
        "Jørgen Pedersen",
        "Kaare Pedersen",
        "Tom Bøgeskov",
        "Jan Kjellerup",
    ] {
        assert!(
            guests.contains(&name.to_string()),
            "{name} not under guests"
        );
    }
    let karen = meeting
        .people
        .others
        .iter()
        .find(|p| p.name.value == "Karen Rahbek")
        .unwrap();
    assert_eq!(
        karen.substitute_for.as_ref().map(|s| s.value.as_str()),
        Some("Mette Harbo")
    );
    assert_eq!(names(&meeting.people.absent), ["Mette Harbo"]);
    let caroline = meeting
        .people
        .members
        .iter()
        .find(|p| p.name.value == "Caroline Hegelund")
        .unwrap();
    assert_eq!(caroline.note.as_deref(), Some("fra kl. 13:00"));
}

/// The seed from item 1 on, without the page header and footer and without
/// bullet characters: what the sources must reproduce.
fn seed_prose() -> String {
    let seed = include_str!("../fixtures/seed/referat-2020-11-25.txt");
    let start = seed.find("\n 1. Siden sidst").expect("item 1 in the seed");
    let lines = seed[start..].lines().filter(|line| {
        let t = line.trim();
        t != "IT-Arkitekturrådet  | 25-11-2020" && t != "SIDE  |  20"
    });
    let unbulleted: Vec<&str> = lines
        .map(|line| {
            let t = line.trim_start();
            ["- ", "– ", "\u{F02D}"]
                .iter()
                .find_map(|bullet| t.strip_prefix(bullet))
                .unwrap_or(line)
        })
        .collect();
    squeeze(&unbulleted.join("\n"))
}

/// The same text made from the sources: number, title, case line and the
/// body with its Markdown marks (part headings, bullets) taken off.
fn sources_prose(meeting: &Meeting) -> String {
    let mut text = String::new();
    for item in &meeting.items {
        text.push_str(&format!(
            "{}. {}\n",
            number(item),
            item.title.as_ref().unwrap().value
        ));
        if let Some(sag) = &item.case
            && let CaseRef::Ref(r) = &sag.value
        {
            let owners: Vec<&str> = item.responsible.iter().map(|r| r.value.as_str()).collect();
            text.push_str(&format!("{r} {}\n", owners.join("/")));
        }
        for line in item.body.lines() {
            let line = line.strip_prefix("## ").unwrap_or(line);
            let line = line.strip_prefix("- ").unwrap_or(line);
            text.push_str(line);
            text.push('\n');
        }
    }
    squeeze(&text)
}

#[test]
fn the_examples_prose_is_the_seeds_word_for_word() {
    let seed = seed_prose();
    let ours = sources_prose(&example());
    if seed != ours {
        let at = seed
            .chars()
            .zip(ours.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let context = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(60))
                .take(140)
                .collect::<String>()
        };
        panic!(
            "the sources differ from the seed after {at} characters:\nseed:    {}\nsources: {}",
            context(&seed),
            context(&ours)
        );
    }
}
