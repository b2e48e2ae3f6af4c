//! Turning a file's bytes into text: UTF-8 with or without BOM, LF or CRLF.
//! Anything else is a finding that names the file and the first bad byte.

/// The decoded text, or the reason it could not be decoded with the byte
/// offset of the problem and a lossy text to show the line.
pub enum Decoded {
    Text(String),
    Invalid {
        text: String,
        offset: usize,
        problem: Problem,
    },
}

/// Why a file's bytes are no text rk reads (worded by
/// `findings::encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// UTF-16, by its byte order mark.
    Utf16,
    /// A NUL byte: a binary file.
    Nul,
    /// Lines ended by CR alone.
    LoneCr,
    /// Not UTF-8; `byte` is the first byte that is not.
    NotUtf8 { byte: u8 },
}

pub fn decode(bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Decoded::Invalid {
            text: String::new(),
            offset: 0,
            problem: Problem::Utf16,
        };
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(offset) = text.find('\0') {
                return Decoded::Invalid {
                    problem: Problem::Nul,
                    text: text.replace('\0', " "),
                    offset,
                };
            }
            let bytes = text.as_bytes();
            let lone_cr = text
                .match_indices('\r')
                .map(|(i, _)| i)
                .find(|&i| bytes.get(i + 1) != Some(&b'\n'));
            match lone_cr {
                Some(offset) => Decoded::Invalid {
                    problem: Problem::LoneCr,
                    text: text.replace('\r', "\n"),
                    offset,
                },
                None => Decoded::Text(text),
            }
        }
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bad = err.as_bytes().get(offset).copied().unwrap_or(0);
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            Decoded::Invalid {
                // The lossy text has the same prefix, so the offset still fits.
                offset,
                problem: Problem::NotUtf8 { byte: bad },
                text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_are_refused() {
        assert!(matches!(decode(b"a\r\nb\r\n".to_vec()), Decoded::Text(_)));
        assert!(matches!(
            decode(b"a\rb\r".to_vec()),
            Decoded::Invalid { offset: 1, .. }
        ));
    }

    #[test]
    fn bom_is_dropped_and_latin1_is_refused() {
        assert!(matches!(decode(b"\xEF\xBB\xBFa".to_vec()), Decoded::Text(t) if t == "a"));
        match decode(b"ab\ncd\xE6".to_vec()) {
            Decoded::Invalid {
                offset, problem, ..
            } => {
                assert_eq!(offset, 5);
                assert_eq!(problem, Problem::NotUtf8 { byte: 0xE6 });
            }
            Decoded::Text(_) => panic!("latin-1 accepted"),
        }
    }
}
