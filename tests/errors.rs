//! One way to fail: every command says what went wrong on standard error as
//! `verso COMMAND: ...` naming the file, and exits 0 (done), 1 (problems in the
//! input, the work done over the rest) or 2 (could not); and only `cli` prints
//! and picks exit codes.

mod common;

use common::{Scratch, root, stderr, verso};

/// A story with one problem (an unknown speaker), beside its article.
fn odd(s: &Scratch) {
    s.write("a.txt", "Ann said \"yes\" and Bob said no.\n");
    s.write(
        "odd.json",
        r#"{"version": 1, "articles": [{"id": "a", "file": "a.txt"}],
  "speakers": [{"id": "ann", "name": "Ann"}],
  "quotes": [{"id": "q1", "article": "a", "speaker": "ann", "text": "\"yes\""},
             {"id": "q2", "article": "a", "speaker": "zz", "text": "no"}]}"#,
    );
}

#[test]
fn a_missing_story_is_named_with_the_command_and_exits_2() {
    let s = Scratch::new();
    for args in [
        &["stats", "missing.json"][..],
        &["score", "missing.json"],
        &["export", "--to", "w3c", "missing.json"],
        &["import", "missing.jsonld"],
        &["render", "missing.json"],
    ] {
        let o = verso(&s.dir, args, None);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        let prefix = format!("verso {}: missing.json", args[0]);
        assert!(err.starts_with(&prefix), "{args:?}: {err:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    // The reader is `verso` itself.
    let o = verso(&s.dir, &["missing.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("verso: missing.json"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn problems_are_said_with_the_command_and_exit_1_or_are_scored_around() {
    let s = Scratch::new();
    odd(&s);
    for (args, code) in [
        (&["stats", "odd.json"][..], 1),
        (&["export", "--to", "w3c", "odd.json", "-o", "x.jsonld"], 1),
        (&["score", "odd.json", "odd.json"], 0),
    ] {
        let o = verso(&s.dir, args, None);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert!(!err.is_empty(), "{args:?}");
        for line in err.lines() {
            let prefix = format!("verso {}: odd.json: quotes[1].speaker (q2): ", args[0]);
            assert!(line.starts_with(&prefix), "{args:?}: {line}");
        }
    }
    // A bad argument is named with the command too.
    let o = verso(&s.dir, &["render", "a.txt", "odd.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("verso render: odd.json: give one story file"),
        "{}",
        stderr(&o)
    );
}

/// Every `.rs` file under `dir`.
fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_cli_prints_and_picks_exit_codes() {
    let src = root().join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut offenders = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // cli reports; main hands its code to the system.
        if rel.starts_with("cli/") || rel == "main.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let prints = ["eprintln!", "println!", "eprint!", "print!("]
                .iter()
                .any(|m| code.contains(m));
            // The signal thread of the live reader leaves with 128 + the signal.
            let exits = code.contains("process::exit") && !code.contains("exit(128 + sig)");
            if prints || exits {
                offenders.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "print or exit outside cli:\n{}",
        offenders.join("\n")
    );
}
