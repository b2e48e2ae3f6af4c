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
        assert_eq!(closest("Soren Aero", ["Søren Ærø"]), Some("Søren Ærø"));
        assert_eq!(
            closest("Jorgen Pedersen", ["Jørgen Pedersen"]),
            Some("Jørgen Pedersen")
        );
    }
}
