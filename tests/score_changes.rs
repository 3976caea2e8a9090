//! `verso score CORRECTED DRAFT --changes`: the table and the JSON of what a
//! person changed, and the command line's rules (the draft is required, and
//! `--attributions` does not go with it).

mod common;
use common::{Scratch, stderr, stdout, verso};

const DRAFT: &str = r#"{"version": 1,
      "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt"}],
      "speakers": [{"id": "s1", "name": "Ms Smith", "aliases": ["Smith"]},
                   {"id": "s2", "name": "Bob Jones"},
                   {"id": "s3", "name": "Tom Brown"},
                   {"id": "s4", "name": "Brown"}],
      "quotes": [
        {"id": "q1", "article": "a", "speaker": "s1", "kind": "direct", "text": "\"We will win.\""},
        {"id": "q2", "article": "a", "speaker": "s2", "kind": "indirect", "text": "the vote was rigged"},
        {"id": "q3", "article": "a", "speaker": "s2", "kind": "indirect", "text": "it was fine"},
        {"id": "q4", "article": "b", "speaker": "s4", "kind": "direct", "text": "\"It was close.\""},
        {"id": "q5", "article": "b", "speaker": "s3", "kind": "indirect", "text": "the count was"}],
      "links": [
        {"id": "l1", "kind": "same", "passages": [{"article": "a", "text": "the vote was rigged"}, {"article": "b", "text": "the count was"}]},
        {"id": "l2", "note": "win or close", "passages": [{"article": "a", "text": "We will win"}, {"article": "b", "text": "It was close"}]},
        {"id": "l3", "passages": [{"article": "a", "text": "Carl Diaz"}, {"article": "b", "text": "Tom Brown"}]},
        {"id": "l4", "passages": [{"article": "a", "text": "Ann Smith said"}, {"article": "b", "text": "Tom Brown said"}]}]}"#;

/// DRAFT corrected (ids renumbered): Ms Smith renamed Ann Smith, Brown merged
/// into Tom Brown, Carl Diaz added; a quote deleted, one added, one
/// re-attributed, one widened and made mixed; a link retyped, a note edited,
/// passages moved, a link deleted and one added.
const CORRECTED: &str = r#"{"version": 1,
      "articles": [{"id": "B", "file": "b.txt"}, {"id": "A", "file": "a.txt"}],
      "speakers": [{"id": "p1", "name": "Tom Brown", "aliases": ["Brown"]},
                   {"id": "s1", "name": "Ann Smith", "aliases": ["Ms Smith"]},
                   {"id": "p3", "name": "Bob Jones"},
                   {"id": "p4", "name": "Carl Diaz"}],
      "quotes": [
        {"id": "x1", "article": "A", "speaker": "s1", "kind": "direct", "text": "\"We will win.\""},
        {"id": "x2", "article": "A", "speaker": "p4", "kind": "indirect", "text": "it was fine"},
        {"id": "x3", "article": "B", "speaker": "p1", "kind": "direct", "text": "\"It was close.\""},
        {"id": "x4", "article": "B", "speaker": "p1", "kind": "mixed", "text": "the count was \"a farce\""},
        {"id": "x5", "article": "A", "speaker": "p4", "kind": "direct", "text": "\"No comment.\""}],
      "links": [
        {"id": "m1", "kind": "conflict", "passages": [{"article": "A", "text": "the vote was rigged"}, {"article": "B", "text": "the count was"}]},
        {"id": "m2", "note": "win, or close", "passages": [{"article": "A", "text": "We will win"}, {"article": "B", "text": "It was close"}]},
        {"id": "m3", "passages": [{"article": "A", "text": "it was fine"}, {"article": "B", "text": "a farce"}]},
        {"id": "m4", "passages": [{"article": "A", "text": "Ann Smith"}, {"article": "B", "text": "Tom Brown said the"}]}]}"#;

fn scratch() -> Scratch {
    let s = Scratch::new();
    s.write(
        "a.txt",
        "Ann Smith said: \"We will win.\" Bob Jones said the vote was rigged. \
                     Carl Diaz said it was fine, adding: \"No comment.\"\n",
    );
    s.write(
        "b.txt",
        "\"It was close.\" Tom Brown said the count was \"a farce\".\n",
    );
    s.write("draft.json", DRAFT);
    s.write("corrected.json", CORRECTED);
    s
}

#[test]
fn the_changes_as_a_table() {
    let s = scratch();
    let o = verso(
        &s.dir,
        &["score", "corrected.json", "draft.json", "--changes"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..21],
        [
            "corrected.json against its draft draft.json: what a person changed",
            "",
            "                      quotes   links  speakers",
            "drafted                    5       4         4",
            "corrected                  5       4         4",
            "kept unchanged             2       0         1",
            "deleted                    1       1         1",
            "added                      1       1         1",
            "re-attributed              1",
            "kind changed               1       1",
            "bounds changed             1",
            "passages changed                   1",
            "note changed                       1",
            "renamed                                      1",
            "aliases added                                2",
            "aliases removed                              1",
            "",
            "edits: 16",
            "quotes: 2 of 5 drafted kept unchanged (0.40)",
            "links: 0 of 4 drafted kept unchanged (0.00)",
            "speakers: 1 of 4 drafted kept unchanged (0.25)",
        ],
        "{out}"
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");

    let o = verso(
        &s.dir,
        &["score", "draft.json", "draft.json", "--changes"],
        None,
    );
    assert!(
        stdout(&o).lines().any(|l| l == "edits: 0"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_changes_as_json() {
    let s = scratch();
    let o = verso(
        &s.dir,
        &[
            "score",
            "corrected.json",
            "draft.json",
            "--changes",
            "--json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["edits"], 16);
    assert_eq!(v["quotes"]["reattributed"], 1);
    assert_eq!(v["quotes"]["kept_share"], 0.4);
    assert_eq!(v["links"]["retyped"], 1);
    assert_eq!(v["speakers"]["removed"], 1);
    assert_eq!(v["articles"]["paired"], 2);
}

#[test]
fn the_draft_is_required_and_attributions_do_not_mix() {
    let s = scratch();
    let o = verso(&s.dir, &["score", "corrected.json", "--changes"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = verso(
        &s.dir,
        &[
            "score",
            "corrected.json",
            "draft.json",
            "--changes",
            "--attributions",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--attributions"), "{}", stderr(&o));
}
