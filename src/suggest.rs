//! Did-you-mean: the closest candidate to a misspelt word, if one is close.

/// The candidate most like `word`, when it is close enough to be a likely
/// typo: compared case-insensitively by edit distance (a swap of two
/// neighbouring letters counts as one edit), allowing more edits in longer
/// words.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = fold(word);
    let length = word.chars().count();
    let allowed = match length {
        0..=4 => 1,
        5..=8 => 2,
        _ => length / 4,
    };
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&word, &fold(c)), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// The value of a closed set that `word` most likely means: the same word
/// in another case or typed without Danish letters (`Drøftelse`,
/// `droftelse`), its first letter alone when only one value starts with it
/// (`B`, `(B)`, as minutes mark items), or a near miss by [`closest`].
pub fn closed_value<'a>(word: &str, values: &[&'a str]) -> Option<&'a str> {
    let folded = fold(word.trim());
    if let Some(value) = values.iter().find(|v| fold(v) == folded) {
        return Some(value);
    }
    let alias = VALUE_ALIASES
        .iter()
        .find(|(alias, _)| fold(alias) == folded)
        .map(|(_, value)| *value);
    if let Some(value) = alias.and_then(|a| values.iter().find(|v| **v == a)) {
        return Some(value);
    }
    let short = folded
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim_end_matches('.');
    if short.chars().count() == 1 {
        let mut starting = values.iter().filter(|v| fold(v).starts_with(short));
        return match (starting.next(), starting.next()) {
            (Some(value), None) => Some(value),
            _ => None,
        };
    }
    closest(word, values.iter().copied())
}

/// Other words minutes use for the values of closed sets, with the value
/// each means (`Udgår` is `udgik`).
const VALUE_ALIASES: &[(&str, &str)] = &[
    ("til beslutning", "beslutning"),
    ("til orientering", "orientering"),
    ("til efterretning", "orientering"),
    ("til drøftelse", "drøftelse"),
    ("udgår", "udgik"),
    ("udgået", "udgik"),
    ("trukket", "udgik"),
    ("tilbagetrukket", "udgik"),
    ("udskudt", "udsat"),
    // A referat's status, also in English.
    ("draft", "udkast"),
    ("kladde", "udkast"),
    ("foreløbig", "udkast"),
    ("approved", "godkendt"),
    ("final", "godkendt"),
    ("endelig", "godkendt"),
];
/// The names of `candidates` that are the same name as `written` in part:
/// one holds every word of the other, in the same order (`Jakob Harder`
/// and `Jakob Aagaard Harder`, either way round), compared as [`closest`]
/// compares; an initial with a full stop (`A.`) stands for a word it
/// begins. Minutes name the same person by a shorter name in one place
/// than in another.
pub fn names_in_part<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let words = |name: &str| -> Vec<String> { name.split_whitespace().map(fold).collect() };
    let written = words(written);
    if written.is_empty() {
        return Vec::new();
    }
    candidates
        .into_iter()
        .filter(|candidate| {
            let candidate = words(candidate);
            in_order(&written, &candidate) || in_order(&candidate, &written)
        })
        .collect()
}

/// Every word of `part` is among `whole`'s, in the same order.
fn in_order(part: &[String], whole: &[String]) -> bool {
    let mut whole = whole.iter();
    !part.is_empty()
        && part
            .iter()
            .all(|word| whole.any(|name| same_word(word, name) || same_word(name, word)))
}

/// `word` is `name`, or an initial of it (`a.` for `aagaard`).
fn same_word(word: &str, name: &str) -> bool {
    match word.strip_suffix('.') {
        Some(initial) if initial.chars().count() == 1 => name.starts_with(initial),
        _ => word == name,
    }
}

/// Danish names a referent may give rk's fields, with the field each means.
/// Compared like [`closest`] compares (`gæster`, `gaester`, `Gæster`).
const DANISH_FIELDS: &[(&str, &str)] = &[
    ("udvalg", "body"),
    ("organ", "body"),
    ("dato", "date"),
    ("mødedato", "date"),
    ("nummer", "number"),
    ("nr", "number"),
    ("punktnummer", "number"),
    ("mødenummer", "number"),
    ("tid", "time"),
    ("tidspunkt", "time"),
    ("klokkeslæt", "time"),
    ("sted", "location"),
    ("mødested", "location"),
    ("formand", "chair"),
    ("forkvinde", "chair"),
    ("mødeleder", "chair"),
    ("ordstyrer", "chair"),
    ("deltagere", "members"),
    ("medlemmer", "members"),
    ("andre", "others"),
    ("andre_deltagere", "others"),
    ("gæster", "guests"),
    ("gæst", "guests"),
    ("afbud", "absent"),
    ("fraværende", "absent"),
    ("navn", "name"),
    ("titel", "title"),
    ("overskrift", "title"),
    ("stilling", "title"),
    ("rolle", "role"),
    ("bemærkning", "note"),
    ("noter", "note"),
    ("stedfortræder", "substitute_for"),
    ("stedfortræder_for", "substitute_for"),
    ("suppleant", "substitute_for"),
    ("suppleant_for", "substitute_for"),
    ("sagsnummer", "sag"),
    ("sagsnr", "sag"),
    ("sagnr", "sag"),
    ("journalnummer", "sag"),
    ("ansvarlig", "responsible"),
    ("ansvarlige", "responsible"),
    ("oplægsholder", "presenters"),
    ("oplægsholdere", "presenters"),
    ("lukket", "closed"),
    ("lukket_punkt", "closed"),
    ("bilag", "attachments"),
    ("fil", "file"),
    ("link", "url"),
    ("adresse", "url"),
    ("type", "kind"),
    ("art", "kind"),
    ("punkttype", "kind"),
    ("doknr", "dok"),
    ("dok.nr", "dok"),
    ("dokumentnummer", "dok"),
    ("dokumentnr", "dok"),
    ("offentlig_beslutning", "public_decision"),
    ("offentliggjort_beslutning", "public_decision"),
    ("fravær", "absence"),
    ("fraværsgrund", "absence"),
    ("udsendt", "agenda_sent"),
    ("dagsorden_udsendt", "agenda_sent"),
    ("udsendelsesdato", "agenda_sent"),
    ("tillægsdagsorden_udsendt", "added_agenda_sent"),
    ("afholdt", "actual_time"),
    ("faktisk_tid", "actual_time"),
    ("faktisk_tidspunkt", "actual_time"),
];

/// The field a Danish field name means (`lukket` is `closed`), when it is
/// one of `fields`.
pub fn danish_field<'a>(word: &str, fields: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = fold(word).replace([' ', '-'], "_");
    let word = word.trim_end_matches('.');
    let meant = DANISH_FIELDS
        .iter()
        .find(|(danish, _)| fold(danish) == word)?
        .1;
    fields.into_iter().find(|field| *field == meant)
}

/// Lower case, with the Danish letters as they are often typed without a
/// Danish keyboard (`Søren Ærø` and `Soren Aero` are the same).
fn fold(word: &str) -> String {
    word.to_lowercase()
        .replace('æ', "ae")
        .replace('ø', "o")
        .replace("å", "aa")
        .replace("aa", "a")
}

#[cfg(test)]
mod tests {
    use super::{closed_value, closest, danish_field, names_in_part};

    #[test]
    fn short_names_are_found_in_full_names() {
        let people = [
            "Jakob Aagaard Harder",
            "Christian Plaschke",
            "Christian Harsløf",
        ];
        assert_eq!(
            names_in_part("Jakob Harder", people),
            ["Jakob Aagaard Harder"]
        );
        assert_eq!(
            names_in_part("jakob a. harder", people),
            ["Jakob Aagaard Harder"]
        );
        assert_eq!(names_in_part("Christian", people).len(), 2);
        assert_eq!(
            names_in_part("Christian Harslof", people),
            ["Christian Harsløf"]
        );
        // In order only, and every word.
        assert!(names_in_part("Harder Jakob", people).is_empty());
        // The other way round: the list has the shorter name.
        assert_eq!(
            names_in_part("Jakob Aagaard Harder", ["Jakob Harder", "Anne Holm"]),
            ["Jakob Harder"]
        );
        assert!(names_in_part("Jakob Hansen", people).is_empty());
        assert!(names_in_part("  ", people).is_empty());
    }

    #[test]
    fn danish_field_names_mean_the_english_fields() {
        let fields = ["title", "sag", "closed", "guests", "members"];
        assert_eq!(danish_field("lukket", fields), Some("closed"));
        assert_eq!(danish_field("Gæster", fields), Some("guests"));
        assert_eq!(danish_field("gaester", fields), Some("guests"));
        assert_eq!(danish_field("sagsnr.", fields), Some("sag"));
        assert_eq!(danish_field("Dok.nr.", ["sag", "dok"]), Some("dok"));
        assert_eq!(danish_field("type", ["kind", "status"]), Some("kind"));
        // A Danish name for a field this mapping does not have.
        assert_eq!(danish_field("dato", fields), None);
        assert_eq!(danish_field("vejret", fields), None);
    }

    #[test]
    fn closed_values_in_other_forms() {
        let kinds = ["beslutning", "orientering", "drøftelse"];
        assert_eq!(closed_value("Drøftelse", &kinds), Some("drøftelse"));
        assert_eq!(closed_value("droftelse", &kinds), Some("drøftelse"));
        assert_eq!(closed_value("B", &kinds), Some("beslutning"));
        assert_eq!(closed_value("(O)", &kinds), Some("orientering"));
        assert_eq!(closed_value("beslutnig", &kinds), Some("beslutning"));
        assert_eq!(closed_value("punkt", &kinds), None);
        // Both statuses start with `u`: no guess.
        assert_eq!(closed_value("U", &["udsat", "udgik"]), None);
        assert_eq!(closed_value("udgår", &["udsat", "udgik"]), Some("udgik"));
    }

    #[test]
    fn finds_typos_but_not_strangers() {
        let fields = ["number", "title", "sag", "responsible"];
        assert_eq!(closest("sga", fields), Some("sag"));
        assert_eq!(closest("tilte", fields), Some("title"));
        assert_eq!(closest("responsable", fields), Some("responsible"));
        assert_eq!(closest("weather", fields), None);
        let people = ["Ghita Thiesen", "Zahra Al-Asfoor"];
        assert_eq!(closest("Ghita Thiessen", people), Some("Ghita Thiesen"));
        assert_eq!(closest("Soren Aero", ["Søren Ærø"]), Some("Søren Ærø"));
        assert_eq!(
            closest("Jorgen Pedersen", ["Jørgen Pedersen"]),
            Some("Jørgen Pedersen")
        );
    }
}
