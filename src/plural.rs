//! Counts in words: "1 page", "16 pages"; "1 punkt", "16 punkter". Every
//! count rk says goes through here, so that none reads "1 pages".

/// `n` and the word for it: `one` when `n` is 1, else `many`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", word(n, one, many))
}

/// The word for `n` things without the number: `one` when `n` is 1.
pub fn word<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// An English count whose plural adds `s`: "1 error", "2 errors".
pub fn english(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(english(1, "page"), "1 page");
        assert_eq!(english(0, "page"), "0 pages");
        assert_eq!(english(16, "page"), "16 pages");
        assert_eq!(count(1, "punkt", "punkter"), "1 punkt");
        assert_eq!(count(2, "punkt", "punkter"), "2 punkter");
        assert_eq!(word(1, "item", "items"), "item");
    }
}
