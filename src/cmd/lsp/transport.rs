//! The base protocol of LSP: JSON-RPC 2.0 messages framed by a
//! `Content-Length` header, over standard input and output. The envelope
//! (id, method, params; result or error) is typed here; what goes in it is
//! lsp-types'. rk answers one message at a time, so a dozen lines of
//! framing do what lsp-server's reader and writer threads would.

use std::io::{self, BufRead, Read, Write};

use lsp_types::NumberOrString;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// JSON-RPC's error codes, and LSP's for a request before `initialize`.
pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;
pub const NOT_INITIALIZED: i64 = -32002;

/// The largest message read (a document of tens of megabytes still fits);
/// a longer one is skipped and answered with an error.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// An error response's code and message.
pub type Failure = (i64, String);

/// A message from the client: a request (a method and an id), a
/// notification (a method, no id) or a response (a result or an error).
#[derive(Deserialize)]
pub struct Message {
    pub id: Option<NumberOrString>,
    pub method: Option<String>,
    #[serde(default)]
    pub params: Value,
    #[serde(default, deserialize_with = "present")]
    pub result: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub error: Option<Value>,
}

/// A field that is there, even as `null` (a response's `"result": null`).
fn present<'de, D: Deserializer<'de>>(field: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(field).map(Some)
}

/// What one read of the input gave.
pub enum Incoming {
    Message(Message),
    /// A frame that is not JSON, too long, or not a message: answered with
    /// an error that has no id.
    Malformed(Failure),
    /// The client closed the input.
    End,
}

/// The answer to a request.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    Result(Value),
    Error { code: i64, message: String },
}

impl From<Failure> for Reply {
    fn from((code, message): Failure) -> Reply {
        Reply::Error { code, message }
    }
}

#[derive(Serialize)]
struct Response<'a> {
    jsonrpc: &'static str,
    id: Option<&'a NumberOrString>,
    #[serde(flatten)]
    reply: Reply,
}

#[derive(Serialize)]
struct Notification<P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: P,
}

/// Reads one framed message. Headers other than `Content-Length` are
/// ignored, as the protocol allows.
pub fn read(input: &mut impl BufRead) -> io::Result<Incoming> {
    let Some(length) = read_header(input)? else {
        return Ok(Incoming::End);
    };
    let length = match length {
        Ok(length) => length,
        Err(bad) => {
            let why = format!("Content-Length `{bad}` is not a number");
            return Ok(Incoming::Malformed((PARSE_ERROR, why)));
        }
    };
    if length > MAX_MESSAGE {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Incoming::Malformed((
            PARSE_ERROR,
            format!("a message of {length} bytes is longer than rk reads ({MAX_MESSAGE} bytes)"),
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(match serde_json::from_slice(&body) {
        Ok(message) => Incoming::Message(message),
        Err(err) if err.is_data() => {
            Incoming::Malformed((INVALID_REQUEST, format!("not a JSON-RPC message: {err}")))
        }
        Err(err) => Incoming::Malformed((PARSE_ERROR, format!("not JSON: {err}"))),
    })
}

/// The `Content-Length` of the next frame (or what it says if that is no
/// number); `None` at the end of the input.
fn read_header(input: &mut impl BufRead) -> io::Result<Option<Result<usize, String>>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_some() {
                return Ok(length);
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            let value = value.trim();
            length = Some(value.parse::<usize>().map_err(|_| value.to_string()));
        }
    }
}

/// Writes the answer to the request `id` (`None` when its id is unknown).
pub fn respond(out: &mut impl Write, id: Option<&NumberOrString>, reply: Reply) -> io::Result<()> {
    let jsonrpc = "2.0";
    write(out, &Response { jsonrpc, id, reply })
}

/// Writes the notification `N`.
pub fn notify<N: lsp_types::notification::Notification>(
    out: &mut impl Write,
    params: N::Params,
) -> io::Result<()> {
    let jsonrpc = "2.0";
    let method = N::METHOD;
    write(
        out,
        &Notification {
            jsonrpc,
            method,
            params,
        },
    )
}

fn write(out: &mut impl Write, message: &impl Serialize) -> io::Result<()> {
    let body = serde_json::to_string(message).map_err(io::Error::other)?;
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> Vec<Result<(Option<String>, Value), i64>> {
        let mut input = input;
        let mut out = Vec::new();
        loop {
            match read(&mut input).unwrap() {
                Incoming::End => return out,
                Incoming::Malformed((code, _)) => out.push(Err(code)),
                Incoming::Message(m) => out.push(Ok((m.method, m.params))),
            }
        }
    }

    #[test]
    fn frames_are_read_and_bad_ones_answered() {
        let body = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = format!(
            "Content-Length: {}\r\nContent-Type: x\r\n\r\n{body}\r\n\
             Content-Length: x\r\n\r\nContent-Length: 3\r\n\r\n{{x}}\
             Content-Length: 2\r\n\r\n[]",
            body.len()
        );
        assert_eq!(
            read_all(input.as_bytes()),
            [
                Ok((Some("exit".into()), Value::Null)),
                Err(PARSE_ERROR),
                Err(PARSE_ERROR),
                Err(INVALID_REQUEST),
            ]
        );
    }

    #[test]
    fn responses_and_notifications_are_framed_json_rpc() {
        let mut out = Vec::new();
        let id = NumberOrString::Number(7);
        respond(&mut out, Some(&id), Reply::Result(Value::Null)).unwrap();
        respond(&mut out, None, (PARSE_ERROR, "no".into()).into()).unwrap();
        notify::<lsp_types::notification::LogMessage>(
            &mut out,
            lsp_types::LogMessageParams {
                typ: lsp_types::MessageType::INFO,
                message: "hej".into(),
            },
        )
        .unwrap();
        let bodies = [
            r#"{"jsonrpc":"2.0","id":7,"result":null}"#,
            r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"no"}}"#,
            r#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"hej"}}"#,
        ];
        let framed: String = bodies
            .iter()
            .map(|b| format!("Content-Length: {}\r\n\r\n{b}", b.len()))
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), framed);
    }
}
