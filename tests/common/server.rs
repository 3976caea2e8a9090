//! A web server on 127.0.0.1 for the tests: std's TcpListener on port 0 in a
//! thread, serving the fixture pages of `tests/fixtures/web` and the answers a
//! fetch must cope with (redirects, a loop, 404, 500, a PDF, an image, gzip,
//! a slow answer, an oversized page). Dropping it stops and joins it; a slow
//! answer waits for that stop, not for a clock.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

/// A running server; every request's head is kept in `requests`.
pub struct Server {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<(Mutex<bool>, Condvar)>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

struct Reply {
    status: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn reply(status: &'static str, content_type: &str, body: Vec<u8>) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        body,
    }
}

fn redirect(to: &str) -> Reply {
    Reply {
        status: "302 Found",
        headers: vec![("Location".into(), to.into())],
        body: Vec::new(),
    }
}

const HTML: &str = "text/html; charset=utf-8";

/// The answer to `GET path` with the request `head`.
fn route(path: &str, head: &str, stop: &(Mutex<bool>, Condvar)) -> Option<Reply> {
    Some(match path {
        "/news.html" => reply("200 OK", HTML, fixture("sites/guardian.html")),
        "/second.html" => reply("200 OK", HTML, fixture("sites/bbc.html")),
        "/index.html" => reply("200 OK", HTML, fixture("index.html")),
        // The page names its charset in a <meta>; the header does not.
        "/cp1252.html" => reply("200 OK", "text/html", fixture("cp1252.html")),
        // The header names it, the page does not.
        "/cp1252-header.html" => reply(
            "200 OK",
            "text/html; charset=windows-1252",
            without(&fixture("cp1252.html"), b"; charset=windows-1252"),
        ),
        "/gzip.html" => {
            if !head.to_ascii_lowercase().contains("accept-encoding: gzip") {
                return Some(reply(
                    "406 Not Acceptable",
                    "text/plain",
                    b"gzip only".to_vec(),
                ));
            }
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&fixture("sites/nyt.html")).unwrap();
            let mut r = reply("200 OK", HTML, gz.finish().unwrap());
            r.headers.push(("Content-Encoding".into(), "gzip".into()));
            r
        }
        "/moved" => redirect("/news.html"),
        "/loop-a" => redirect("/loop-b"),
        "/loop-b" => redirect("/loop-a"),
        "/broken" => reply(
            "500 Internal Server Error",
            "text/html",
            b"<h1>oops</h1>".to_vec(),
        ),
        "/report.pdf" => reply(
            "200 OK",
            "application/pdf",
            b"%PDF-1.7\n%\xe2\xe3\n".to_vec(),
        ),
        "/photo.png" => reply("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        "/slow.html" => {
            // Answers only when the server stops: the client's timeout comes first.
            let (lock, cv) = stop;
            let stopped = lock.lock().unwrap();
            drop(cv.wait_while(stopped, |s| !*s).unwrap());
            return None;
        }
        "/huge.html" => {
            let mut body = b"<html><body><article>".to_vec();
            body.resize(17 << 20, b'a');
            Reply {
                status: "200 OK",
                headers: vec![("Content-Type".into(), HTML.into())],
                body,
            }
        }
        _ => reply("404 Not Found", "text/html", b"<h1>Not found</h1>".to_vec()),
    })
}

/// `bytes` without the first occurrence of `cut`.
fn without(bytes: &[u8], cut: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(cut.len())
        .position(|w| w == cut)
        .expect("the fixture has it");
    [&bytes[..at], &bytes[at + cut.len()..]].concat()
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let stopping = Arc::new(AtomicBool::new(false));
        let (req, st, sg) = (requests.clone(), stop.clone(), stopping.clone());
        let thread = std::thread::spawn(move || {
            let mut handlers = Vec::new();
            for conn in listener.incoming() {
                if sg.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (req, st) = (req.clone(), st.clone());
                handlers.push(std::thread::spawn(move || serve(conn, &req, &st)));
            }
            for h in handlers {
                let _ = h.join();
            }
        });
        Server {
            addr,
            requests,
            stop,
            stopping,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

fn serve(conn: TcpStream, requests: &Mutex<Vec<String>>, stop: &(Mutex<bool>, Condvar)) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    requests.lock().unwrap().push(head.clone());
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let Some(r) = route(&path, &head, stop) else {
        return;
    };
    let mut out = format!("HTTP/1.1 {}\r\n", r.status);
    for (k, v) in &r.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    if path != "/huge.html" {
        out.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut conn = conn;
    // The client may hang up first (a cap, a refused type): that is its right.
    let _ = conn.write_all(out.as_bytes());
    let _ = conn.write_all(&r.body);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let (lock, cv) = &*self.stop;
        *lock.lock().unwrap() = true;
        cv.notify_all();
        // Wake the accept loop so that it sees the stop.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
