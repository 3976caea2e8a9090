//! The catalogue of bad input: each case is a story (and articles) written the
//! way people and other tools get it wrong, with the exit code and the message
//! `verso check` must give. Cases with problems (exit 1) must also open in the
//! reader (`verso render`), which counts them and lists them on `!`; cases that
//! cannot be read (exit 2) must say the same from the reader, never panic.

mod common;
use common::{Scratch, stderr, stdout, verso};

const A: &str = "Ann Example said the bridge fell. Officials counted 12 dead.\n";
const B: &str = "The bridge collapsed, Ann Example said. At least fifteen dead.\n";

/// A story over a.txt and b.txt with the given quotes and links.
fn story(quotes: &str, links: &str) -> String {
    format!(
        r#"{{"version": 1,
  "articles": [{{"id": "a", "file": "a.txt"}}, {{"id": "b", "file": "b.txt"}}],
  "speakers": [{{"id": "ann", "name": "Ann Example"}}],
  "quotes": [{quotes}],
  "links": [{links}]}}"#
    )
}

struct Case {
    name: &'static str,
    /// Files to write besides a.txt and b.txt (which a case may replace).
    files: Vec<(&'static str, Vec<u8>)>,
    code: i32,
    /// Every one must appear in what `check` prints.
    says: Vec<&'static str>,
}

fn case(name: &'static str, story_json: String, code: i32, says: &[&'static str]) -> Case {
    Case {
        name,
        files: vec![("story.json", story_json.into_bytes())],
        code,
        says: says.to_vec(),
    }
}

fn with(mut c: Case, file: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
    c.files.push((file, bytes.into()));
    c
}

fn cases() -> Vec<Case> {
    let q =
        |text: &str| format!(r#"{{"id": "q1", "article": "a", "speaker": "ann", "text": {text}}}"#);
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    vec![
        case("a story file with a byte-order mark", format!("\u{feff}{}", story("", "")), 0, &["ok: 2 articles"]),
        case("a story file with a byte-order mark", format!("\u{feff}{}", story("", "")), 0, &["ok: 2 articles"]),
        case("not JSON", "hello, world".into(), 2, &["story.json: not valid JSON: expected value at line 1, column 1", "  hello, world\n  ^"]),
        case("truncated JSON", story("", "")[..60].to_string(), 2, &["not valid JSON (the file ends too early): EOF while parsing a value at line 2, column 45"]),
        case("a list, not a story", "[1, 2, 3]".into(), 2, &["the top level is an array"]),
        case("no version", r#"{"articles": []}"#.into(), 2, &["no \"version\" field (this program reads version 1)"]),
        case("version 2", story("", "").replace("\"version\": 1", "\"version\": 2"), 2, &["story file version 2 is not supported: this program reads version 1"]),
        case("version as a string", story("", "").replace("\"version\": 1", "\"version\": \"1\""), 2, &["version \"1\" is not supported"]),
        case("deeply nested JSON", format!(r#"{{"version": 1, "x": {deep}}}"#), 2, &["not valid JSON: recursion limit exceeded at line 1, column"]),
        case("a number where a string belongs", story("", "").replace("\"file\": \"b.txt\"", "\"file\": 7"), 1, &["articles[1].file (b): \"file\" must be a string, found a number"]),
        case("articles not a list", r#"{"version": 1, "articles": {"id": "a"}}"#.into(), 1, &["articles: \"articles\" must be an array, found an object"]),
        case("passages empty", story("", r#"{"id": "l1", "passages": []}"#), 1, &["links[0].passages (l1): a link needs two or more passages, in at least two articles; it has 0"]),
        case("one passage", story("", r#"{"id": "l1", "passages": [{"article": "a", "text": "12 dead"}]}"#), 1, &["it has 1"]),
        case("an unknown field", story(&q("\"12 dead\"").replace("}", ", \"confidence\": 0.9}"), ""), 1, &["quotes[0].confidence (q1): unknown field \"confidence\"; fields allowed in quotes[0]:"]),
        case("a misspelt field", story(&q("\"12 dead\"").replace("\"speaker\"", "\"speeker\""), ""), 1, &["unknown field \"speeker\" (did you mean \"speaker\"?)", "quotes[0] (q1): required field \"speaker\" is missing"]),
        case("a field given twice", story(&q("\"12 dead\", \"text\": \"the bridge fell\""), ""), 1, &["quotes[0].text (q1): field \"text\" is given more than once; only the last is read"]),
        case("a top-level field given twice", story("", "").replace("\"links\": []", "\"links\": [], \"links\": []"), 1, &["links: field \"links\" is given more than once"]),
        case("a misspelt top-level field", story("", "").replace("\"quotes\"", "\"quote\""), 1, &["quote: unknown field \"quote\" (did you mean \"quotes\"?)"]),
        case("duplicate quote ids", story(&format!("{}, {}", q("\"12 dead\""), q("\"the bridge fell\"")), ""), 1, &["quotes[1] (q1): duplicate id \"q1\": quotes[0] already has it; this one is ignored"]),
        case("duplicate article ids", story("", "").replace("\"id\": \"b\"", "\"id\": \"a\""), 1, &["articles[1] (a): duplicate id \"a\""]),
        case("an article id with spaces", story("", "").replace("\"id\": \"b\"", "\"id\": \"b b\""), 1, &["articles[1].id (b b): id \"b b\" may only use letters"]),
        case("a speaker that is not there", story(&q("\"12 dead\"").replace("\"ann\"", "\"bob\""), ""), 1, &["quotes[0].speaker (q1): speaker \"bob\" is not in this story (speakers: ann)"]),
        case("an article that is not there", story("", r#"{"id": "l1", "passages": [{"article": "a", "text": "12 dead"}, {"article": "c", "text": "x"}]}"#), 1, &["links[0].passages[1].article (l1): article \"c\" is not in this story (articles: a, b)"]),
        case("start negative", story(&q("\"12 dead\", \"start\": -5"), ""), 1, &["quotes[0].start (q1): \"start\" must be a whole number of characters from 0 up, found -5"]),
        case("start not a number", story(&q("\"12 dead\", \"start\": \"12\""), ""), 1, &["found the string \"12\""]),
        case("start a fraction", story(&q("\"12 dead\", \"start\": 1.5"), ""), 1, &["found 1.5"]),
        case("start beyond the end", story(&q("\"12 dead\", \"start\": 100000"), ""), 1, &["quotes[0].start (q1): start 100000 is beyond the end of the article (61 characters); the text was anchored without it"]),
        case("an empty text", story(&q("\"\""), ""), 1, &["quotes[0].text (q1): \"text\" is empty"]),
        case("text not in the article", story(&q("\"Officials counted 13 dead\""), ""), 1, &["quotes[0] (q1): text \"Officials counted 13 dead\" is not in article \"a\"; closest passage (character 34): \"Officials counted 12 dead\""]),
        case("a link in one article", story("", r#"{"id": "l1", "passages": [{"article": "a", "text": "12 dead"}, {"article": "a", "text": "the bridge fell"}]}"#), 1, &["links[0].passages (l1): all passages of the link are in article \"a\""]),
        case("an unknown kind", story(&q("\"12 dead\", \"kind\": \"quoted\""), ""), 1, &["quotes[0].kind (q1): unknown quote kind \"quoted\": use \"direct\", \"indirect\" or \"mixed\""]),
        case("an unknown colour", story("", "").replace("\"name\": \"Ann Example\"", "\"name\": \"Ann Example\", \"color\": \"teal-ish\""), 1, &["speakers[0].color (ann): unknown colour \"teal-ish\""]),
        with(
            case("a text found ten times", story(&q("\"ha\""), ""), 1, &["quotes[0] (q1): text \"ha\" occurs 10 times in article \"a\" (at characters 0, 3, 6, 9, 12, …) and nothing chooses one: add a prefix, suffix or start"]),
            "a.txt",
            "ha ".repeat(10),
        ),
        case("the story as its own article", story("", "").replace("b.txt", "story.json"), 2, &["story.json: article file ./story.json is the story file itself"]),
        case("a folder as an article", story("", "").replace("b.txt", "sub"), 2, &["story.json: article file ./sub: is a folder, not a file"]),
        case("a missing article", story("", "").replace("b.txt", "gone.txt"), 2, &["story.json: article file ./gone.txt: no such file"]),
        with(case("an article not in UTF-8", story("", ""), 2, &["article file ./b.txt: not UTF-8: invalid byte 0xe9 at byte offset 13 (line 2)", "iconv"]), "b.txt", b"Line one.\nCaf\xe9 society.\n".to_vec()),
        with(case("an article with a byte-order mark", story(&q("\"Ann\", \"start\": 1"), ""), 0, &["ok: 2 articles"]), "a.txt", "\u{feff}Ann Example said hello.\n"),
        with(case("CRLF line ends", story(&q("\"hello.\\r\\nBye\""), ""), 0, &["ok"]), "a.txt", "Ann said hello.\r\nBye.\r\n"),
        with(case("lone CR line ends", story(&q("\"hello.\\rBye\""), ""), 0, &["ok"]), "a.txt", "Ann said hello.\rBye.\r"),
        with(case("tabs, controls and bidi controls", story(&q("\"said\\thi\""), ""), 0, &["ok"]), "a.txt", "Ann Example said\thi \u{1b}[31mred\u{7} \u{202e}evil\u{202c} \u{200f}.\n"),
        with(case("joiners and combining marks", story(&q("\"Zoe\\u0301\""), ""), 0, &["ok"]), "a.txt", "Zoe\u{301} said 👩‍👩‍👧‍👦 and ﷽ and 각 (각).\n"),
        with(case("an empty article", story("", ""), 0, &["ok: 2 articles, 1 speakers, 0 quotes, 0 links"]), "a.txt", ""),
        with(case("a quote in an empty article", story(&q("\"hello\""), ""), 1, &["quotes[0] (q1): text \"hello\" is not in article \"a\""]), "a.txt", ""),
        with(case("a 10 MB line without a break", story(&q("\"needle\", \"start\": 5000000"), ""), 0, &["ok"]), "a.txt", format!("{}needle{}", "x".repeat(5_000_000), "y".repeat(5_000_000))),
        case("two speakers sharing an alias", story("", "").replace(
            r#""speakers": [{"id": "ann", "name": "Ann Example"}]"#,
            r#""speakers": [{"id": "ann", "name": "Ann Example", "aliases": ["Example"]}, {"id": "bob", "name": "Bob Example", "aliases": ["Example"]}]"#,
        ), 1, &["speakers[1] (bob): \"Example\" also names speaker \"ann\""]),
    ]
}

fn write_case(c: &Case) -> Scratch {
    let s = Scratch::new();
    s.write("a.txt", A);
    s.write("b.txt", B);
    std::fs::create_dir_all(s.path("sub")).unwrap();
    for (name, bytes) in &c.files {
        s.write(name, bytes);
    }
    s
}

#[test]
fn the_catalogue() {
    let all = cases();
    assert!(all.len() >= 30, "{} cases", all.len());
    let mut failures = Vec::new();
    for c in &all {
        let s = write_case(c);
        let o = verso(&s.dir, &["check", "story.json"], None);
        let out = stdout(&o);
        if o.status.code() != Some(c.code) {
            failures.push(format!(
                "{}: exit {:?}, wanted {}\n{out}{}",
                c.name,
                o.status.code(),
                c.code,
                stderr(&o)
            ));
            continue;
        }
        for want in &c.says {
            if !out.contains(want) {
                failures.push(format!("{}: missing {want:?} in\n{out}", c.name));
            }
        }
        // The reader opens what can be read, and counts the problems.
        let r = verso(
            &s.dir,
            &["render", "story.json", "--size", "160x40", "--keys", "!"],
            None,
        );
        let screen = stdout(&r);
        match c.code {
            2 => {
                if r.status.code() != Some(2)
                    || !stderr(&r).contains(c.says[0].trim_start_matches("story.json: "))
                {
                    failures.push(format!(
                        "{}: the reader said {:?} {}",
                        c.name,
                        r.status.code(),
                        stderr(&r)
                    ));
                }
            }
            1 if out.contains("sound: 0 articles") => {
                if r.status.code() != Some(1) || !stderr(&r).contains("no article could be opened")
                {
                    failures.push(format!(
                        "{}: the reader said {:?} {}",
                        c.name,
                        r.status.code(),
                        stderr(&r)
                    ));
                }
            }
            1 => {
                let n = out.lines().count() - 1;
                let badge = format!("{n} problem");
                if r.status.code() != Some(0)
                    || !screen.contains(&badge)
                    || !screen.contains("problems ─")
                {
                    failures.push(format!(
                        "{}: the reader did not list {n} problems:\n{screen}{}",
                        c.name,
                        stderr(&r)
                    ));
                }
            }
            _ => {
                if r.status.code() != Some(0) {
                    failures.push(format!("{}: the reader failed: {}", c.name, stderr(&r)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_50_mb_story_is_checked() {
    let s = Scratch::new();
    let text = "Ann Example said the bridge fell. ".repeat(2000);
    s.write("a.txt", &text);
    s.write("b.txt", B);
    // 300,000 quotes, each anchored by its start: about 50 MB of JSON.
    let mut quotes = Vec::new();
    for i in 0..300_000 {
        quotes.push(format!(
            r#"{{"id": "q{i}", "article": "a", "speaker": "ann", "kind": "indirect", "cue": "said, according to the official record of the meeting", "text": "the bridge fell", "start": {}}}"#,
            17 + (i % 2000) * 34
        ));
    }
    let json = story(&quotes.join(",\n"), "");
    assert!(json.len() > 50_000_000, "{}", json.len());
    s.write("story.json", json);
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "story.json: ok: 2 articles, 1 speakers, 300000 quotes, 0 links\n"
    );
}

#[test]
fn an_unreadable_file() {
    let s = Scratch::new();
    s.write("a.txt", A);
    s.write("b.txt", B);
    s.write("story.json", story("", ""));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(s.path("b.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let o = verso(&s.dir, &["check", "story.json"], None);
    if std::fs::read(s.path("b.txt")).is_ok() {
        // Running as root: permissions do not stop us; the file reads normally.
        assert_eq!(o.status.code(), Some(0));
    } else {
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            stdout(&o),
            "story.json: article file ./b.txt: permission denied\n"
        );
    }
    std::fs::set_permissions(s.path("story.json"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let o = verso(&s.dir, &["check", "story.json"], None);
    if std::fs::read(s.path("story.json")).is_err() {
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(stdout(&o), "story.json: permission denied\n");
    }
}
