//! `rk watch --serve`: a small HTTP server on 127.0.0.1 for the outputs
//! of a watch. The referat page is served with a script that reloads it
//! after each rebuild; the script is added to what is served only, never
//! to the built referat.html.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::percent;

/// Where the page asks for the number of the latest build.
const VERSION_PATH: &str = "/__rk/version";

/// How long a request for the build number waits for a new build.
const LONG_POLL: Duration = Duration::from_secs(20);

/// Asks for the build number, the server answering when it differs from
/// the one seen (a long poll), and reloads the page when it changes.
const RELOAD_SCRIPT: &str = "<script>/* rk watch: reload after each rebuild */\
(function(){var seen='';function poll(){fetch('/__rk/version?since='+seen,{cache:'no-store'})\
.then(function(r){return r.text()}).then(function(v){if(seen!==''&&v!==seen)\
{location.reload();return}seen=v;poll()},function(){setTimeout(poll,500)})}\
poll()})();</script>";

/// Starts serving `out_dir` on 127.0.0.1:`port` (0: any free port) in
/// the background, and says where.
pub fn start(port: u16, out_dir: PathBuf, version: Arc<AtomicU64>) -> Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .with_context(|| format!("cannot serve on 127.0.0.1:{port}"))?;
    let address = listener.local_addr()?;
    eprintln!("serving http://{address}/ (the PDF: http://{address}/referat.pdf)");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let out_dir = out_dir.clone();
            let version = Arc::clone(&version);
            std::thread::spawn(move || {
                let _ = answer(stream, &out_dir, &version);
            });
        }
    });
    Ok(())
}

/// Answers one request (GET or HEAD; the connection then closes).
fn answer(mut stream: TcpStream, out_dir: &Path, version: &AtomicU64) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers are read and not needed.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, kind, body) = if method != "GET" && method != "HEAD" {
        (405, "text/plain", b"only GET".to_vec())
    } else if path == VERSION_PATH {
        let since = target.split_once("?since=").map(|(_, v)| v.to_string());
        let v = newer_than(version, since.as_deref()).to_string();
        (200, "text/plain", v.into_bytes())
    } else {
        file(out_dir, path)
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Error" },
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The build number, once it differs from `since` (or at once without
/// one), or after [`LONG_POLL`].
fn newer_than(version: &AtomicU64, since: Option<&str>) -> u64 {
    let since = since.and_then(|s| s.parse::<u64>().ok());
    let started = std::time::Instant::now();
    loop {
        let now = version.load(Ordering::SeqCst);
        if since != Some(now) || started.elapsed() > LONG_POLL {
            return now;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A file of the outputs: the page (with the reload script) at `/`, any
/// other file by its path inside the folder.
fn file(out_dir: &Path, path: &str) -> (u16, &'static str, Vec<u8>) {
    let name = match path.trim_start_matches('/') {
        "" => "referat.html".to_string(),
        other => percent::decode(other),
    };
    let relative = Path::new(&name);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return (404, "text/plain", b"not found".to_vec());
    }
    let kind = content_type(&name);
    match std::fs::read(out_dir.join(relative)) {
        Ok(bytes) if name == "referat.html" => (200, kind, with_reload(&bytes)),
        Ok(bytes) => (200, kind, bytes),
        Err(_) if name == "referat.html" => {
            let page = "<!doctype html><title>rk watch</title><p>Not built yet: see the \
                        findings in the terminal.</p>";
            (200, kind, with_reload(page.as_bytes()))
        }
        Err(_) => (404, "text/plain", b"not found".to_vec()),
    }
}

/// The page with the reload script before `</body>` (or at its end).
fn with_reload(page: &[u8]) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    match page.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_SCRIPT}{}", &page[..at], &page[at..]).into_bytes(),
        None => format!("{page}{RELOAD_SCRIPT}").into_bytes(),
    }
}

fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "pdf" => "application/pdf",
        "json" => "application/json",
        "css" => "text/css",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = with_reload(b"<html><body><p>x</p></body></html>");
        let page = String::from_utf8(page).unwrap();
        assert!(page.ends_with("</script></body></html>"));
        assert!(page.contains(VERSION_PATH));
    }
}
