//! Turning a file's bytes into text: UTF-8 with or without BOM, LF or CRLF.
//! Anything else is a finding that names the file and the first bad byte.

/// The decoded text, or the reason it could not be decoded with the byte
/// offset of the problem and a lossy text to show the line.
pub enum Decoded {
    Text(String),
    Invalid {
        text: String,
        offset: usize,
        message: String,
        help: &'static str,
    },
}

const SAVE_AS_UTF8: &str = "save the file as UTF-8 (with or without BOM)";

pub fn decode(bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Decoded::Invalid {
            text: String::new(),
            offset: 0,
            message: "the file is UTF-16, rk reads UTF-8".into(),
            help: SAVE_AS_UTF8,
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
                    message: "the file holds a NUL byte: it is not a text file".into(),
                    help: "remove the NUL byte, or move a binary file into bilag/",
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
                    message: "the file ends its lines with CR alone (old Mac line endings)".into(),
                    help: "save the file with LF or CRLF line endings",
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
                message: format!("the file is not valid UTF-8 (byte 0x{bad:02X})"),
                help: SAVE_AS_UTF8,
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
                offset, message, ..
            } => {
                assert_eq!(offset, 5);
                assert!(message.contains("0xE6"));
            }
            Decoded::Text(_) => panic!("latin-1 accepted"),
        }
    }
}
