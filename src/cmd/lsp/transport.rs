//! The base protocol of LSP: messages framed by a `Content-Length` header,
//! each one JSON-RPC 2.0 object.

use std::io::{self, BufRead, Read, Write};

use serde_json::Value;

/// The largest message read (a document of tens of megabytes still fits);
/// a longer one is skipped and answered with an error.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What one read of the input gave.
pub enum Incoming {
    Message(Value),
    /// A frame that is not JSON, or too long: answered with a parse error.
    Malformed(String),
    /// The client closed the input.
    End,
}

/// Reads one framed message. Headers other than `Content-Length` are
/// ignored, as the protocol allows.
pub fn read(input: &mut impl BufRead) -> io::Result<Incoming> {
    let mut length: Option<usize> = None;
    let mut bad_length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(Incoming::End);
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_some() || bad_length.is_some() {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            match value.trim().parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => bad_length = Some(value.trim().to_string()),
            }
        }
    }
    let Some(length) = length else {
        return Ok(Incoming::Malformed(format!(
            "Content-Length `{}` is not a number",
            bad_length.unwrap_or_default()
        )));
    };
    if length > MAX_MESSAGE {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Incoming::Malformed(format!(
            "a message of {length} bytes is longer than rk reads ({MAX_MESSAGE} bytes)"
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(match serde_json::from_slice(&body) {
        Ok(value) => Incoming::Message(value),
        Err(err) => Incoming::Malformed(format!("not JSON: {err}")),
    })
}

/// Writes one message, framed.
pub fn write(output: &mut impl Write, message: &Value) -> io::Result<()> {
    let body = serde_json::to_string(message).map_err(io::Error::other)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}
