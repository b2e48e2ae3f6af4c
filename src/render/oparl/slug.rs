//! The names of the objects' files: readable, safe in a path and in a URL
//! as they are, and stable from run to run.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;

use unicode_normalization::UnicodeNormalization;

/// `text` as a piece of a path: lower case, Danish letters spelt out (`æ`
/// `ae`, `ø` `oe`, `å` `aa`), other accents dropped, every run of other
/// characters one `-`, none at either end; digits and dots kept (`2.1`,
/// `06.00.05-p16-1-21`). Never empty, never starting with a dot.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let spelt = text
        .to_lowercase()
        .replace('æ', "ae")
        .replace('ø', "oe")
        .replace('å', "aa");
    for c in spelt.nfd() {
        if c.is_ascii_alphanumeric() || (c == '.' && !out.is_empty() && !out.ends_with('-')) {
            out.push(c);
        } else if unicode_normalization::char::is_combining_mark(c) {
            // An accent of the letter before it.
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches(['-', '.']).to_string();
    if out.is_empty() { "-".into() } else { out }
}

/// Each key's slug, unique among `keys`: when two keys have the same slug
/// (`21/04651` and `21-04651`), the first in sorted order keeps it and each
/// other gets a digest of its key added (`21-04651-1a2b3c`), so a name does
/// not depend on which other keys there are but for such a clash.
pub fn unique_slugs<'a>(keys: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut by_slug: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for key in keys {
        by_slug.entry(slug(key)).or_default().push(key);
    }
    let mut names = HashMap::new();
    for (slug, mut keys) in by_slug {
        keys.sort_unstable();
        keys.dedup();
        for (index, key) in keys.into_iter().enumerate() {
            let name = match index {
                0 => slug.clone(),
                _ => format!("{slug}-{}", digest(key)),
            };
            names.insert(key.to_string(), name);
        }
    }
    names
}

/// Six hexadecimal digits of a key's SipHash (a specified algorithm: the
/// same in every build).
fn digest(key: &str) -> String {
    let mut hasher = siphasher::sip::SipHasher13::new();
    hasher.write(key.as_bytes());
    format!("{:06x}", hasher.finish() & 0x00ff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_safe() {
        assert_eq!(slug("Mette Søgaard Lund"), "mette-soegaard-lund");
        assert_eq!(slug("Klima- og Miljøudvalget"), "klima-og-miljoeudvalget");
        assert_eq!(slug("06.00.05-P16-1-21"), "06.00.05-p16-1-21");
        assert_eq!(slug("2.1"), "2.1");
        assert_eq!(slug("2021-04-21-ekstra møde"), "2021-04-21-ekstra-moede");
        assert_eq!(slug("Børne- og Ungeudvalget"), "boerne-og-ungeudvalget");
        assert_eq!(slug("José Åberg"), "jose-aaberg");
        assert_eq!(slug("../x"), "x");
        assert_eq!(slug("..."), "-");
    }

    #[test]
    fn clashing_slugs_are_made_unique_the_same_way_every_time() {
        let names = unique_slugs(["21/04651", "21-04651", "SAG-1"]);
        assert_eq!(names["21-04651"], "21-04651");
        assert_eq!(names["SAG-1"], "sag-1");
        let other = &names["21/04651"];
        assert!(other.starts_with("21-04651-") && other.len() == "21-04651-".len() + 6);
        assert_eq!(
            unique_slugs(["21-04651", "21/04651"]),
            names_without(&names, "SAG-1")
        );
    }

    fn names_without(names: &HashMap<String, String>, key: &str) -> HashMap<String, String> {
        let mut names = names.clone();
        names.remove(key);
        names
    }
}
