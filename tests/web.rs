//! Saved pages and web addresses as articles, end to end: the verso binary
//! against a server on 127.0.0.1 that the tests start (`common::server`); no
//! test reaches the internet. The cache lives in each test's scratch folder
//! (XDG_CACHE_HOME).

mod common;

use std::path::Path;
use std::process::Output;

use common::Scratch;
use common::server::Server;

/// Runs verso in `s`'s folder with its cache there too, and `env` set.
fn verso(s: &Scratch, args: &[&str], env: &[(&str, &str)]) -> Output {
    let cache = s.path("cache");
    let mut all = vec![("XDG_CACHE_HOME", cache.to_str().unwrap())];
    all.extend_from_slice(env);
    common::verso_with(&s.dir, args, None, &all)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn render(s: &Scratch, args: &[&str]) -> Output {
    let mut all = vec!["render", "--size", "120x40"];
    all.extend_from_slice(args);
    verso(s, &all, &[])
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
        .display()
        .to_string()
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                all.push(e.path().strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    all.sort();
    all
}

#[test]
fn two_addresses_open_side_by_side_with_their_titles() {
    let srv = Server::start();
    let s = Scratch::new();
    let o = render(&s, &[&srv.url("/news.html"), &srv.url("/second.html")]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let screen = out(&o);
    assert!(screen.contains("Ministers accused of delaying"), "{screen}");
    assert!(screen.contains("Flooding forces hundreds"), "{screen}");
    assert!(screen.contains("Ministers have been accused"), "{screen}");
    assert!(screen.contains("Hundreds of people have been"), "{screen}");
    // No menus, share buttons, captions or comments.
    for junk in [
        "Skip to main",
        "Share on",
        "Photograph:",
        "riverwatcher",
        "Support the",
    ] {
        assert!(!screen.contains(junk), "{junk:?} on screen:\n{screen}");
    }
    let ua = format!("user-agent: verso/{}", env!("CARGO_PKG_VERSION"));
    let reqs = srv.requests.lock().unwrap().clone();
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert!(
        reqs.iter().all(|r| r.to_ascii_lowercase().contains(&ua)),
        "{reqs:?}"
    );
}

#[test]
fn a_saved_page_reads_as_its_article() {
    let s = Scratch::new();
    let nyt = fixture("sites/nyt.html");
    let o = render(&s, &[&nyt]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let screen = out(&o);
    assert!(screen.contains("City Council Approves Plan"), "{screen}");
    assert!(
        screen.contains("The City Council voted 38 to 12"),
        "{screen}"
    );
    assert!(!screen.contains("Skip to content"), "{screen}");
    assert!(!screen.contains("Credit:"), "{screen}");
}

#[test]
fn annotate_writes_the_texts_beside_the_story_and_check_passes() {
    let srv = Server::start();
    let s = Scratch::new();
    let (a, b) = (srv.url("/news.html"), srv.url("/second.html"));
    let o = verso(&s, &["annotate", &a, &b, "-o", "story/story.json"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        files(&s.path("story")),
        ["articles/news.txt", "articles/second.txt", "story.json"]
    );
    let news = std::fs::read_to_string(s.path("story/articles/news.txt")).unwrap();
    // The standfirst, then the article, one paragraph per paragraph.
    let want = std::fs::read_to_string(fixture("sites/guardian.txt")).unwrap();
    let standfirst = "Providers warn shortage of nurses is putting residents at risk as review remains unpublished";
    assert_eq!(news, format!("{standfirst}\n\n{want}"));
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("story/story.json")).unwrap())
            .unwrap();
    let first = &story["articles"][0];
    assert_eq!(first["file"], "articles/news.txt");
    assert_eq!(
        first["title"],
        "Ministers accused of delaying report on care home staffing"
    );
    assert_eq!(first["outlet"], "the Guardian");
    assert_eq!(first["published"], "2026-04-22T16:05:00.000Z");
    assert_eq!(
        first["url"],
        "https://www.theguardian.com/society/2026/apr/22/care-home-staffing-report-delay"
    );
    assert_eq!(story["articles"][1]["outlet"], "BBC News");
    // The story stands on its own: no server, no cache.
    drop(srv);
    let c = verso(&s, &["check", "story/story.json"], &[]);
    assert_eq!(c.status.code(), Some(0), "{}{}", out(&c), err(&c));
    assert!(out(&c).contains(": ok: 2 articles"), "{}", out(&c));
}

#[test]
fn a_different_article_file_is_never_overwritten() {
    let srv = Server::start();
    let s = Scratch::new();
    let a = srv.url("/news.html");
    let first = verso(&s, &["annotate", &a, "-o", "d/story.json"], &[]);
    assert_eq!(first.status.code(), Some(0), "{}", err(&first));
    // The same text again: fine.
    let again = verso(&s, &["annotate", &a, "-o", "d/story.json"], &[]);
    assert_eq!(again.status.code(), Some(0), "{}", err(&again));
    let story = std::fs::read(s.path("d/story.json")).unwrap();
    let mine = "my own notes, not the page\n";
    std::fs::write(s.path("d/articles/news.txt"), mine).unwrap();
    let o = verso(&s, &["annotate", &a, "-o", "d/story.json"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("articles/news.txt: an article file with different text is already there"),
        "{}",
        err(&o)
    );
    assert_eq!(
        std::fs::read_to_string(s.path("d/articles/news.txt")).unwrap(),
        mine
    );
    assert_eq!(std::fs::read(s.path("d/story.json")).unwrap(), story);
}

#[test]
fn a_fetched_page_opens_again_offline_and_refresh_fetches_it_again() {
    let srv = Server::start();
    let s = Scratch::new();
    let a = srv.url("/news.html");
    assert_eq!(render(&s, &[&a]).status.code(), Some(0));
    drop(srv);
    let offline = render(&s, &[&a]);
    assert_eq!(offline.status.code(), Some(0), "{}", err(&offline));
    assert!(out(&offline).contains("Ministers have been accused"));
    let refresh = verso(&s, &["render", "--refresh", &a], &[]);
    assert_eq!(refresh.status.code(), Some(2));
    assert!(
        err(&refresh).contains(&format!("{a}: no answer from the server")),
        "{}",
        err(&refresh)
    );
}

#[test]
fn gzip_and_redirects() {
    let srv = Server::start();
    let s = Scratch::new();
    let o = render(&s, &[&srv.url("/gzip.html"), &srv.url("/moved")]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("The City Council voted 38 to 12"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("Ministers have been accused"),
        "{}",
        out(&o)
    );
}

#[test]
fn windows_1252_pages_come_out_right() {
    let srv = Server::start();
    let s = Scratch::new();
    let want = std::fs::read_to_string(fixture("cp1252.txt")).unwrap();
    for path in ["/cp1252.html", "/cp1252-header.html"] {
        let dir = format!("out{}", path.replace('.', "-"));
        let o = verso(
            &s,
            &["annotate", &srv.url(path), "-o", &format!("{dir}/s.json")],
            &[],
        );
        assert_eq!(o.status.code(), Some(0), "{path}: {}", err(&o));
        let name = path.trim_start_matches('/').trim_end_matches(".html");
        let got = std::fs::read_to_string(s.path(&format!("{dir}/articles/{name}.txt"))).unwrap();
        assert_eq!(got, want, "{path}");
    }
    // A saved page: the <meta> alone.
    let o = render(&s, &[&fixture("cp1252.html")]);
    assert!(
        out(&o).contains("The café on Rue Saint-Denis"),
        "{}",
        out(&o)
    );
}

#[test]
fn control_characters_in_a_page_never_reach_the_terminal_or_the_text() {
    let s = Scratch::new();
    let para = "Officials said the \u{1b}[2J\u{1b}]0;pwned\u{7}plan would cost \u{9b}31m more than first thought, and the council agreed to it after a long debate.";
    let page = format!(
        "<html><head><title>Evil\u{1b}[31m title</title></head><body><article>{}</article></body></html>",
        format!("<p>{para}</p>").repeat(6)
    );
    let path = s.write("evil.html", page);
    let o = render(&s, &[path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        !out(&o).contains(['\u{1b}', '\u{7}', '\u{9b}']),
        "{:?}",
        out(&o)
    );
    assert!(
        out(&o).contains("Officials said the [2J]0;pwnedplan"),
        "{}",
        out(&o)
    );
    let a = verso(&s, &["annotate", "evil.html", "-o", "s/s.json"], &[]);
    assert_eq!(a.status.code(), Some(0), "{}", err(&a));
    let text = std::fs::read_to_string(s.path("s/articles/evil.txt")).unwrap();
    assert!(
        !text.contains(|c: char| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let story = std::fs::read_to_string(s.path("s/s.json")).unwrap();
    assert!(story.contains("\"title\": \"Evil[31m title\""), "{story}");
}

/// Runs `annotate ARG -o out/story.json` and checks the failure: exit 2, a
/// message naming `arg` and saying `why`, and nothing written.
fn fails(s: &Scratch, arg: &str, why: &str, env: &[(&str, &str)]) {
    let o = verso(s, &["annotate", arg, "-o", "out/story.json"], env);
    assert_eq!(o.status.code(), Some(2), "{arg}: {}", err(&o));
    let e = err(&o);
    assert!(
        e.contains(&format!("{arg}: {why}")),
        "{arg}: wanted {why:?} in {e:?}"
    );
    assert!(!e.contains("panicked"), "{e}");
    assert!(
        files(&s.path("out")).is_empty(),
        "{arg}: {:?}",
        files(&s.path("out"))
    );
    assert!(
        files(&s.path("cache")).is_empty(),
        "{arg}: a bad page cached"
    );
    // The reader refuses the same way, before any terminal is touched.
    let r = verso(s, &["render", arg], env);
    assert_eq!(r.status.code(), Some(2), "{arg}");
    assert!(err(&r).contains(&format!("{arg}: {why}")), "{}", err(&r));
}

#[test]
fn bad_addresses_say_what_went_wrong_exit_2_and_write_nothing() {
    let srv = Server::start();
    let s = Scratch::new();
    fails(&s, &srv.url("/gone.html"), "not found (HTTP 404)", &[]);
    fails(
        &s,
        &srv.url("/broken"),
        "the server answered HTTP 500 Internal Server Error",
        &[],
    );
    fails(
        &s,
        &srv.url("/report.pdf"),
        "not a web page: the server sent application/pdf",
        &[],
    );
    fails(
        &s,
        &srv.url("/photo.png"),
        "not a web page: the server sent image/png",
        &[],
    );
    fails(
        &s,
        &srv.url("/loop-a"),
        "more than 5 redirects (a redirect loop?)",
        &[],
    );
    fails(
        &s,
        &srv.url("/index.html"),
        "no article text found in the page",
        &[],
    );
    fails(
        &s,
        &srv.url("/huge.html"),
        "the page is larger than 16 MiB",
        &[],
    );
    fails(
        &s,
        &srv.url("/slow.html"),
        "timed out: no complete answer within 0.3 s",
        &[("VERSO_FETCH_TIMEOUT_MS", "300")],
    );
    // A port nothing listens on: bound, then closed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    fails(
        &s,
        &format!("http://{closed}/a.html"),
        "no answer from the server",
        &[],
    );
}

#[test]
fn bad_saved_pages_say_what_went_wrong() {
    let s = Scratch::new();
    fails(&s, "missing.html", "no such file", &[]);
    s.write(
        "empty.htm",
        "<html><body><nav><a href=/>Home</a></nav></body></html>",
    );
    fails(&s, "empty.htm", "no article text found in the page", &[]);
}
