//! Did-you-mean: the closest candidate to a misspelt word, if one is close.

/// The candidate most like `word`, when it is close enough to be a likely
/// typo: compared case-insensitively by edit distance (a swap of two
/// neighbouring letters counts as one edit), allowing more edits in longer
/// words.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    let allowed = match length {
        0..=4 => 1,
        5..=8 => 2,
        _ => length / 4,
    };
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&word, &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos_but_not_strangers() {
        let fields = ["number", "title", "sag", "responsible"];
        assert_eq!(closest("sga", fields), Some("sag"));
        assert_eq!(closest("tilte", fields), Some("title"));
        assert_eq!(closest("responsable", fields), Some("responsible"));
        assert_eq!(closest("weather", fields), None);
        let people = ["Ghita Thiesen", "Zahra Al-Asfoor"];
        assert_eq!(closest("Ghita Thiessen", people), Some("Ghita Thiesen"));
    }
}
