//! Fetching a web address: ureq over rustls, a `verso/VERSION` user agent, at
//! most five redirects, gzip, a connect and an overall timeout, and a size cap.
//! Progress goes to a callback; this module never prints.

use std::io::Read;
use std::time::Duration;

use ureq::ResponseExt;

/// The most redirects followed; one more is an error (a loop, usually).
pub const MAX_REDIRECTS: u32 = 5;

/// How long and how much a fetch may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub connect: Duration,
    pub overall: Duration,
    /// The most bytes of a page (after gzip is undone).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connect: Duration::from_secs(10),
            overall: Duration::from_secs(30),
            max_bytes: 16 << 20,
        }
    }
}

impl Limits {
    /// The defaults, with `VERSO_FETCH_TIMEOUT_MS` (a number of milliseconds)
    /// as both timeouts when it is set: the tests' way to make a slow server
    /// time out quickly.
    pub fn from_env() -> Limits {
        let mut l = Limits::default();
        if let Some(ms) = std::env::var("VERSO_FETCH_TIMEOUT_MS")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&ms| ms > 0)
        {
            l.connect = Duration::from_millis(ms);
            l.overall = Duration::from_millis(ms);
        }
        l
    }
}

/// A page as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Where the page was found, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// How far a fetch has got, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Connecting,
    /// Bytes received so far, and the total when the server said it.
    Received(u64, Option<u64>),
}

/// Why a fetch failed, each in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with an error status (404, 500…).
    Status(u16, String),
    /// The page is not HTML: its content type.
    NotHtml(String),
    NoSuchHost,
    /// Nothing answered (refused, unreachable).
    NoAnswer(String),
    Timeout(Duration),
    TooManyRedirects,
    TooLarge(u64),
    BadAddress(String),
    Other(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Status(404, _) => write!(f, "not found (HTTP 404)"),
            FetchError::Status(code, reason) => {
                write!(f, "the server answered HTTP {code} {reason}")
            }
            FetchError::NotHtml(ct) => write!(f, "not a web page: the server sent {ct}"),
            FetchError::NoSuchHost => write!(f, "no such host"),
            FetchError::NoAnswer(why) => write!(f, "no answer from the server ({why})"),
            FetchError::Timeout(d) => {
                write!(f, "timed out: no complete answer within {}", seconds(*d))
            }
            FetchError::TooManyRedirects => {
                write!(f, "more than {MAX_REDIRECTS} redirects (a redirect loop?)")
            }
            FetchError::TooLarge(cap) => {
                write!(f, "the page is larger than {} MiB", cap >> 20)
            }
            FetchError::BadAddress(why) => write!(f, "not a web address we can fetch: {why}"),
            FetchError::Other(why) => write!(f, "{why}"),
        }
    }
}

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Fetches `url` within `limits`, reporting progress as it goes.
pub fn fetch(
    url: &str,
    limits: Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.overall))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(format!("verso/{}", env!("CARGO_PKG_VERSION")))
        .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .build()
        .into();
    progress(Progress::Connecting);
    let resp = agent.get(url).call().map_err(|e| from_ureq(e, limits))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(FetchError::Status(
            status.as_u16(),
            status.canonical_reason().unwrap_or("").to_string(),
        ));
    }
    let final_url = resp.get_uri().to_string();
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type");
    if let Some(ct) = &content_type
        && !is_html_type(ct)
    {
        return Err(FetchError::NotHtml(ct.clone()));
    }
    // The length after gzip is not known; a gzipped length would mislead.
    let total = header("content-length")
        .filter(|_| header("content-encoding").is_none())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if total.is_some_and(|t| t > limits.max_bytes) {
        return Err(FetchError::TooLarge(limits.max_bytes));
    }
    let mut reader = resp.into_body().into_reader();
    let mut body = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = reader.read(&mut chunk).map_err(|e| from_io(e, limits))?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
        if body.len() as u64 > limits.max_bytes {
            return Err(FetchError::TooLarge(limits.max_bytes));
        }
        progress(Progress::Received(body.len() as u64, total));
    }
    if content_type.is_none() && !looks_like_html(&body) {
        return Err(FetchError::NotHtml("no content type, and no HTML".into()));
    }
    Ok(Fetched {
        final_url,
        content_type,
        body,
    })
}

/// `text/html` or XHTML, whatever the parameters.
fn is_html_type(ct: &str) -> bool {
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// A body that starts (after blanks) with a tag.
fn looks_like_html(body: &[u8]) -> bool {
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

fn from_ureq(e: ureq::Error, limits: Limits) -> FetchError {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => FetchError::Timeout(limits.overall),
        E::HostNotFound => FetchError::NoSuchHost,
        E::ConnectionFailed => FetchError::NoAnswer("connection failed".into()),
        E::TooManyRedirects => FetchError::TooManyRedirects,
        E::RedirectFailed => FetchError::Other("a redirect led nowhere".into()),
        E::BadUri(why) => FetchError::BadAddress(why),
        E::BodyExceedsLimit(_) => FetchError::TooLarge(limits.max_bytes),
        E::Tls(why) => FetchError::Other(format!("the secure connection failed ({why})")),
        E::Rustls(why) => FetchError::Other(format!("the secure connection failed ({why})")),
        E::Io(io) => from_io(io, limits),
        other => FetchError::Other(other.to_string()),
    }
}

fn from_io(e: std::io::Error, limits: Limits) -> FetchError {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::TimedOut | K::WouldBlock => FetchError::Timeout(limits.overall),
        K::ConnectionRefused => FetchError::NoAnswer("connection refused".into()),
        K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof => {
            FetchError::NoAnswer("the connection was cut".into())
        }
        _ => match e.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
            Some(Ok(u)) => from_ureq(*u, limits),
            Some(Err(other)) => FetchError::Other(other.to_string()),
            None => FetchError::Other("the connection failed".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_types() {
        assert!(is_html_type("text/html; charset=utf-8"));
        assert!(is_html_type("Application/XHTML+XML"));
        assert!(!is_html_type("application/pdf"));
        assert!(!is_html_type("image/png"));
        assert!(looks_like_html(b"\n <!doctype html>"));
        assert!(!looks_like_html(b"%PDF-1.7"));
    }
}
