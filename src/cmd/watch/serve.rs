//! `rk watch --serve`: a small HTTP server on 127.0.0.1 for the outputs
//! of a watch. The referat page is served with a script that reloads it
//! after each build, and after a save that failed with the findings over
//! it, as the web's dev servers show theirs, until a save builds again;
//! both are added to what is served only, never to the built
//! referat.html. A request is answered only when its `Host` is the
//! address served: a page of another site whose name was made to point
//! at 127.0.0.1 (DNS rebinding) is refused and cannot read a draft.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use minijinja::HtmlEscape;

use crate::percent;
use crate::tr;

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

/// What the served page follows: the number of the latest build, and the
/// findings of the latest save when it failed.
#[derive(Default)]
pub struct Live {
    version: AtomicU64,
    failure: Mutex<Option<String>>,
}

impl Live {
    /// A build wrote new outputs: the page shows them, and no findings.
    pub fn built(&self) {
        self.set(None);
    }

    /// A save failed with `findings` (as the terminal shows them): the
    /// page shows them over the last good outputs.
    pub fn failed(&self, findings: String) {
        self.set(Some(findings));
    }

    fn set(&self, failure: Option<String>) {
        if let Ok(mut now) = self.failure.lock() {
            *now = failure;
        }
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    fn failure(&self) -> Option<String> {
        self.failure.lock().ok().and_then(|f| f.clone())
    }
}

/// Starts serving `out_dir` on 127.0.0.1:`port` (0: any free port) in
/// the background, and says where.
pub fn start(port: u16, out_dir: PathBuf, live: Arc<Live>) -> Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .with_context(|| tr!("error-watch-cannot-serve", port = port.to_string()))?;
    let address = listener.local_addr()?;
    eprintln!(
        "{}",
        tr!("cmd-watch-serving", address = address.to_string())
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let out_dir = out_dir.clone();
            let live = Arc::clone(&live);
            std::thread::spawn(move || {
                let _ = answer(stream, address, &out_dir, &live);
            });
        }
    });
    Ok(())
}

/// One request as far as it is read: its method, its target and its
/// `Host` header.
struct Request {
    method: String,
    target: String,
    host: Option<String>,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut parts = first.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut host = None;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_string());
        }
        line.clear();
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
}

/// Whether `host` (a request's `Host`) names the address served, by its
/// number or as localhost; without the port only when it is HTTP's own.
fn is_served(host: Option<&str>, address: SocketAddr) -> bool {
    let Some(host) = host else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let port = address.port();
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) => (name, p.parse::<u16>().ok()),
        None => (host.as_str(), Some(80)),
    };
    given == Some(port) && (name == "localhost" || name == address.ip().to_string())
}

/// Answers one request (GET or HEAD; the connection then closes).
fn answer(
    mut stream: TcpStream,
    address: SocketAddr,
    out_dir: &Path,
    live: &Live,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let Request {
        method,
        target,
        host,
    } = read_request(&stream)?;
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, kind, body) = if !is_served(host.as_deref(), address) {
        let refusal = tr!(
            "cmd-watch-refused",
            address = address.to_string(),
            host = host.as_deref().unwrap_or("none")
        ) + "\n";
        (403, "text/plain; charset=utf-8", refusal.into_bytes())
    } else if method != "GET" && method != "HEAD" {
        (405, "text/plain", b"only GET".to_vec())
    } else if path == VERSION_PATH {
        let since = target.split_once("?since=").map(|(_, v)| v.to_string());
        let v = newer_than(&live.version, since.as_deref()).to_string();
        (200, "text/plain", v.into_bytes())
    } else {
        file(out_dir, path, live.failure().as_deref())
    };
    let reason = match status {
        200 => "OK",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "Error",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
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

/// A file of the outputs: the page (with the reload script, and the
/// findings of a save that failed) at `/`, any other file by its path
/// inside the folder.
fn file(out_dir: &Path, path: &str, failure: Option<&str>) -> (u16, &'static str, Vec<u8>) {
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
        Ok(bytes) if name == "referat.html" => (200, kind, with_reload(&bytes, failure)),
        Ok(bytes) => (200, kind, bytes),
        Err(_) if name == "referat.html" => {
            let page = format!(
                "<!doctype html><title>rk watch</title><p>{}</p>",
                HtmlEscape(&tr!("cmd-watch-page-not-built"))
            );
            (200, kind, with_reload(page.as_bytes(), failure))
        }
        Err(_) => (404, "text/plain", b"not found".to_vec()),
    }
}

/// The page with the reload script before `</body>` (or at its end), and
/// before it the findings of a save that failed.
fn with_reload(page: &[u8], failure: Option<&str>) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    let added = match failure {
        Some(findings) => format!("{}{RELOAD_SCRIPT}", notice(findings)),
        None => RELOAD_SCRIPT.to_string(),
    };
    match page.rfind("</body>") {
        Some(at) => format!("{}{added}{}", &page[..at], &page[at..]).into_bytes(),
        None => format!("{page}{added}").into_bytes(),
    }
}

/// The findings of a save that failed, over the whole page (which is the
/// last good build, and must not pass for this save's), as the terminal
/// shows them: file:line:column, the source line, the message, the help.
fn notice(findings: &str) -> String {
    format!(
        "<div id=\"rk-watch-findings\" role=\"alert\" style=\"position:fixed;inset:0;\
         z-index:2147483647;overflow:auto;margin:0;padding:1.5rem 2rem;\
         background:rgba(24,24,27,.96);color:#f4f4f5;font:15px/1.5 sans-serif\">\
         <p style=\"margin:0 0 1rem;font-weight:bold;font-size:1.15rem;color:#fca5a5\">\
         {}</p>\
         <pre style=\"margin:0;white-space:pre-wrap;font:14px/1.45 monospace\">{}</pre></div>",
        HtmlEscape(&tr!("cmd-watch-page-failed")),
        HtmlEscape(findings)
    )
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
        let page = with_reload(b"<html><body><p>x</p></body></html>", None);
        let page = String::from_utf8(page).unwrap();
        assert!(page.ends_with("</script></body></html>"));
        assert!(page.contains(VERSION_PATH));
        assert!(!page.contains("rk-watch-findings"));
    }

    #[test]
    fn the_findings_are_escaped_in_the_notice() {
        let page = with_reload(b"<body><p>x</p></body>", Some("error: <b>&"));
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("error: &lt;b&gt;&amp;</pre>"), "{page}");
        assert!(page.ends_with("</script></body>"));
    }

    #[test]
    fn only_the_address_served_is_answered() {
        let served: SocketAddr = "127.0.0.1:8765".parse().unwrap();
        for host in ["127.0.0.1:8765", "localhost:8765", "LocalHost:8765"] {
            assert!(is_served(Some(host), served), "{host}");
        }
        for host in [
            "attacker.example",
            "attacker.example:8765",
            "127.0.0.1",
            "127.0.0.1:80",
            "localhost:8766",
            "127.0.0.1.attacker.example:8765",
            "",
        ] {
            assert!(!is_served(Some(host), served), "{host}");
        }
        assert!(!is_served(None, served));
        let http: SocketAddr = "127.0.0.1:80".parse().unwrap();
        assert!(is_served(Some("localhost"), http));
    }
}
