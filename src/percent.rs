//! Percent-coding, the one codec of rk (the `percent-encoding` crate, which
//! the engine already compiles in through `url`): which bytes each kind of
//! URL piece escapes is named here once. Every set escapes the bytes
//! outside ASCII (`ø` is `%C3%B8`); an escape is written `%XX`, upper case.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// A relative path as a link (`bilag/min graf.pdf` is
/// `bilag/min%20graf.pdf`): all but letters, digits, `-._~` and `/`.
pub const LINK_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A value put into the path of a web address (rk.toml's `case.url`): what
/// would end or change the part it sits in (space, `?`, `#`, `%`, quotes,
/// ...); RFC 3986's sub-delimiters, `:`, `@` and `/` stay as written.
pub const URL_PATH_PIECE: &AsciiSet = &LINK_PATH
    .remove(b':')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b',')
    .remove(b';')
    .remove(b'&')
    .remove(b'=')
    .remove(b'+');

/// A value put into the query of a web address (after `?`): as in a path,
/// and `&`, `=` and `+` too, which would split or change the query.
pub const URL_QUERY_PIECE: &AsciiSet = &URL_PATH_PIECE.add(b'&').add(b'=').add(b'+');

/// `text` with the bytes of `set` (and all outside ASCII) escaped.
pub fn encode(text: &str, set: &'static AsciiSet) -> String {
    utf8_percent_encode(text, set).to_string()
}

/// `%20` and the like decoded; an escape that is not one (`100%`, `%zz`)
/// is kept, and text that is not UTF-8 once decoded is returned as written.
pub fn decode(text: &str) -> String {
    match percent_decode_str(text).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_paths_keep_only_the_unreserved_and_slashes() {
        assert_eq!(
            encode("bilag/søjler 2:1.pdf", LINK_PATH),
            "bilag/s%C3%B8jler%202%3A1.pdf"
        );
        assert_eq!(encode("a-b.c_d~e/f", LINK_PATH), "a-b.c_d~e/f");
        assert_eq!(encode("%&'()", LINK_PATH), "%25%26%27%28%29");
    }

    #[test]
    fn url_pieces_keep_sub_delimiters_but_in_a_query() {
        let piece = "a b?c#d%e/f:g@h!$'()*,;&=+Ø";
        assert_eq!(
            encode(piece, URL_PATH_PIECE),
            "a%20b%3Fc%23d%25e/f:g@h!$'()*,;&=+%C3%98"
        );
        assert_eq!(
            encode(piece, URL_QUERY_PIECE),
            "a%20b%3Fc%23d%25e/f:g@h!$'()*,;%26%3D%2B%C3%98"
        );
        assert_eq!(
            encode("\"<>`{}|\\^[]", URL_PATH_PIECE),
            "%22%3C%3E%60%7B%7D%7C%5C%5E%5B%5D"
        );
    }

    /// Each set escapes exactly the bytes the hand-written codecs it
    /// replaced escaped, for every byte.
    #[test]
    fn the_sets_escape_what_rk_escaped_before() {
        let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~/".contains(&b);
        let in_path = |b: u8| unreserved(b) || b":@!$'()*,;&=+".contains(&b);
        let in_query = |b: u8| unreserved(b) || b":@!$'()*,;".contains(&b);
        for byte in 0..=255u8 {
            let text = String::from_utf8_lossy(&[byte]).into_owned();
            let hand = |keep: &dyn Fn(u8) -> bool| {
                text.bytes()
                    .map(|b| match keep(b) {
                        true => char::from(b).to_string(),
                        false => format!("%{b:02X}"),
                    })
                    .collect::<String>()
            };
            assert_eq!(encode(&text, LINK_PATH), hand(&unreserved), "{byte}");
            assert_eq!(encode(&text, URL_PATH_PIECE), hand(&in_path), "{byte}");
            assert_eq!(encode(&text, URL_QUERY_PIECE), hand(&in_query), "{byte}");
        }
    }

    #[test]
    fn escapes_are_decoded_and_the_rest_kept() {
        assert_eq!(decode("bilag/min%20graf.png"), "bilag/min graf.png");
        assert_eq!(decode("s%C3%B8jler.png"), "søjler.png");
        assert_eq!(decode("s%c3%b8jler.png"), "søjler.png");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF.png"), "%FF.png");
    }
}
