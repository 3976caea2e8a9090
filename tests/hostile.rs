//! Regression tests for hostile input found by hand: absurd screen sizes, a
//! standard output closed early, file names that are not UTF-8, a story of one
//! article.

mod common;

use std::process::{Command, Stdio};

use common::{Scratch, root, stderr, stdout, verso};

const ARTICLE: &str = "Mr Carter said \"hello there\" at the meeting.\nHe left.\n";

/// A story of one article, with one quote.
fn one_article(s: &Scratch) {
    s.write("a.txt", ARTICLE);
    s.write(
        "one.json",
        r#"{"version":1,"articles":[{"id":"a","file":"a.txt"}],
        "speakers":[{"id":"c","name":"Carter"}],
        "quotes":[{"id":"q1","article":"a","speaker":"c","text":"\"hello there\""}]}"#,
    );
}

#[test]
fn render_refuses_absurd_sizes_instead_of_allocating_them() {
    let s = Scratch::new();
    // 65535x65535 cells asked for some 200 GB and aborted.
    for size in ["65535x65535", "1001x10", "10x1001", "0x0"] {
        let o = verso(&s.dir, &["render", "--size", size], None);
        assert_eq!(o.status.code(), Some(2), "{size}");
        assert!(
            stderr(&o).contains("from 1 to 1000"),
            "{size}: {}",
            stderr(&o)
        );
    }
    let o = verso(&s.dir, &["render", "--size", "1000x3"], None);
    assert_eq!(o.status.code(), Some(0));
}

/// Runs verso with its standard output a pipe whose reader is already gone
/// before verso starts (closing it after the spawn raced a fast command).
fn into_closed_pipe(args: &[&str]) -> std::process::Output {
    let s = Scratch::new();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = Command::new(env!("CARGO_BIN_EXE_verso"))
        .args(args)
        .current_dir(root())
        .env("XDG_CONFIG_HOME", s.path("config"))
        .env("XDG_STATE_HOME", s.path("state"))
        .env_remove("VERSO_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_standard_output_is_an_error_not_a_panic() {
    // `verso check | head -1` and the like: print! panicked (exit 101).
    let carter = "annotations/carter.json";
    let cases: &[&[&str]] = &[
        &["check"],
        &["render", "--size", "100x30"],
        &["score", carter, carter],
        &["score", carter, carter, "--json"],
        &["config", "--default"],
        &["config", "--path"],
        &["completions", "bash"],
        &["man"],
        &["stats"],
    ];
    for args in cases {
        let o = into_closed_pipe(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("cannot write standard output"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn one_article_story() {
    let s = Scratch::new();
    one_article(&s);
    let o = verso(&s.dir, &["check", "one.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = verso(
        &s.dir,
        &["render", "one.json", "--size", "100x12", "--keys", "]"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("no linked passages in this article"));
    for keys in ["<lt>", ">"] {
        let o = verso(
            &s.dir,
            &["render", "one.json", "--size", "100x12", "--keys", keys],
            None,
        );
        assert_eq!(o.status.code(), Some(0));
        // Was "this story has 1 articles: both are shown".
        assert!(
            stdout(&o).contains("this story has one article"),
            "{}",
            stdout(&o)
        );
    }
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    fn run(dir: &std::path::Path, args: &[&OsStr]) -> std::process::Output {
        let home = dir.join(".home");
        Command::new(env!("CARGO_BIN_EXE_verso"))
            .args(args)
            .current_dir(dir)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env_remove("VERSO_CONFIG")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    #[test]
    fn annotate_refuses_paths_a_story_file_cannot_name() {
        let s = Scratch::new();
        let bad = s.dir.join(OsStr::from_bytes(b"caf\xe9.txt"));
        std::fs::write(&bad, ARTICLE).unwrap();
        s.write("b.txt", ARTICLE);
        // Was exit 0, with "file": "caf\u{fffd}.txt", a file that does not exist.
        let o = run(
            &s.dir,
            &[
                OsStr::new("annotate"),
                OsStr::from_bytes(b"caf\xe9.txt"),
                OsStr::new("b.txt"),
            ],
        );
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
        // A folder that is not UTF-8 is fine when the paths written do not pass it.
        let folder = s.dir.join(OsStr::from_bytes(b"d\xff"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("c.txt"), ARTICLE).unwrap();
        let o = run(
            &folder,
            &[
                OsStr::new("annotate"),
                OsStr::new("c.txt"),
                OsStr::new("-o"),
                OsStr::new("story.json"),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = run(&folder, &[OsStr::new("check"), OsStr::new("story.json")]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        // Written outside it, the story would have to name the folder.
        let o = run(
            &s.dir,
            &[
                OsStr::new("export"),
                OsStr::new("--to"),
                OsStr::new("w3c"),
                folder.join("story.json").as_os_str(),
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
        assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
    }

    #[test]
    fn paths_with_spaces_work() {
        let s = Scratch::new();
        s.write("sp ace/a b.txt", ARTICLE);
        s.write("sp ace/c d.txt", ARTICLE);
        let o = verso(
            &s.dir,
            &[
                "annotate",
                "sp ace/a b.txt",
                "sp ace/c d.txt",
                "-o",
                "out dir/st ory.json",
            ],
            None,
        );
        // The output folder does not exist: a clear error, not a panic.
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        std::fs::create_dir(s.path("out dir")).unwrap();
        let o = verso(
            &s.dir,
            &[
                "annotate",
                "sp ace/a b.txt",
                "sp ace/c d.txt",
                "-o",
                "out dir/st ory.json",
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = verso(&s.dir, &["check", "out dir/st ory.json"], None);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    }
}
