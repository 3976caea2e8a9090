//! `verso score`: identical stories score 1, a draft with known misses scores
//! exactly what it should, the JSON shape, and the exit codes.

mod common;
use common::{Scratch, root, stderr, stdout, verso};

const GOLD: &str = r#"{"version": 1,
  "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt"}],
  "speakers": [{"id": "ann", "name": "Ann Smith", "aliases": ["Ms Smith"]},
               {"id": "bob", "name": "Bob Jones"}],
  "quotes": [
    {"id": "q1", "article": "a", "speaker": "ann", "kind": "direct", "text": "\"We will win.\""},
    {"id": "q2", "article": "a", "speaker": "bob", "kind": "indirect", "text": "the vote was rigged"},
    {"id": "q3", "article": "b", "speaker": "ann", "kind": "direct", "text": "\"It was close.\""},
    {"id": "q4", "article": "b", "speaker": "bob", "kind": "mixed", "text": "the count was \"a farce\""}],
  "links": [
    {"id": "l1", "passages": [{"article": "a", "text": "the vote was rigged"}, {"article": "b", "text": "the count was"}]},
    {"id": "l2", "passages": [{"article": "a", "text": "We will win"}, {"article": "b", "text": "It was close"}]}]}"#;

/// Finds q1 (as "Ms Smith"), q2 with the wrong speaker and the wrong kind, misses
/// q3 and q4, adds one wrong quote; finds l1, adds one wrong link.
const DRAFT: &str = r#"{"version": 1,
  "articles": [{"id": "x", "file": "a.txt"}, {"id": "y", "file": "b.txt"}],
  "speakers": [{"id": "s", "name": "Ms Smith"}, {"id": "t", "name": "Tom Brown"}],
  "quotes": [
    {"id": "q1", "article": "x", "speaker": "s", "kind": "direct", "text": "We will win."},
    {"id": "q2", "article": "x", "speaker": "t", "kind": "mixed", "text": "vote was rigged"},
    {"id": "q3", "article": "y", "speaker": "t", "kind": "indirect", "text": "Tom Brown said"}],
  "links": [
    {"id": "l1", "passages": [{"article": "x", "text": "was rigged"}, {"article": "y", "text": "count"}]},
    {"id": "l2", "passages": [{"article": "x", "text": "Ms Smith"}, {"article": "y", "text": "Tom Brown"}]}]}"#;

fn scratch() -> Scratch {
    let s = Scratch::new();
    s.write(
        "a.txt",
        "Ms Smith said: \"We will win.\" Bob Jones said the vote was rigged.\n",
    );
    s.write(
        "b.txt",
        "\"It was close.\" Tom Brown said the count was \"a farce\".\n",
    );
    s.write("gold.json", GOLD);
    s.write("draft.json", DRAFT);
    s
}

fn json(s: &Scratch, draft: &str, gold: &str) -> serde_json::Value {
    let o = verso(&s.dir, &["score", draft, gold, "--json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn identical_stories_score_one() {
    let s = scratch();
    let v = json(&s, "gold.json", "gold.json");
    for path in [
        "/quotes/all/f1",
        "/quotes/direct/precision",
        "/quotes/mixed/recall",
        "/quotes/indirect/f1",
        "/speakers/accuracy",
        "/links/f1",
    ] {
        assert_eq!(
            v.pointer(path).and_then(|x| x.as_f64()),
            Some(1.0),
            "{path}"
        );
    }
    let o = verso(
        &root(),
        &[
            "score",
            "annotations/carter.json",
            "annotations/carter.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("quotes, all kinds"));
}

#[test]
fn known_misses_give_exact_scores() {
    let s = scratch();
    let v = json(&s, "draft.json", "gold.json");
    let f = |p: &str| v.pointer(p).and_then(|x| x.as_f64()).unwrap();
    // Quotes: 3 drafted, 4 gold, 2 matched (q1-q1, q2-q2).
    assert_eq!(f("/quotes/all/precision"), 2.0 / 3.0);
    assert_eq!(f("/quotes/all/recall"), 0.5);
    assert!((f("/quotes/all/f1") - 4.0 / 7.0).abs() < 1e-12);
    // Direct: draft q1 matched (1/1); gold q1 found, q3 not (1/2).
    assert_eq!(f("/quotes/direct/precision"), 1.0);
    assert_eq!(f("/quotes/direct/recall"), 0.5);
    // Mixed: draft q2 is mixed and matched (1/1); gold q4 missed (0/1).
    assert_eq!(f("/quotes/mixed/precision"), 1.0);
    assert_eq!(f("/quotes/mixed/recall"), 0.0);
    // Indirect: draft q3 wrong (0/1); gold q2 found as mixed (1/1).
    assert_eq!(f("/quotes/indirect/precision"), 0.0);
    assert_eq!(f("/quotes/indirect/recall"), 1.0);
    // Speakers: "Ms Smith" is an alias of Ann Smith; Tom Brown is not Bob Jones.
    assert_eq!(v["speakers"]["matched_quotes"], 2);
    assert_eq!(v["speakers"]["same_speaker"], 1);
    assert_eq!(f("/speakers/accuracy"), 0.5);
    // Links: l1 matches gold l1; l2 matches nothing; gold l2 not found.
    assert_eq!(f("/links/precision"), 0.5);
    assert_eq!(f("/links/recall"), 0.5);
    assert_eq!(f("/links/f1"), 0.5);
}

#[test]
fn the_json_has_every_field() {
    let s = scratch();
    let v = json(&s, "draft.json", "gold.json");
    for kind in ["all", "direct", "mixed", "indirect"] {
        for field in [
            "draft",
            "gold",
            "draft_matched",
            "gold_matched",
            "precision",
            "recall",
            "f1",
        ] {
            assert!(v["quotes"][kind].get(field).is_some(), "{kind}.{field}");
        }
    }
    assert_eq!(v["quotes"]["all"]["draft"], 3);
    assert_eq!(v["links"]["gold"], 2);
    assert!(v["speakers"].get("accuracy").is_some());
}

#[test]
fn the_table_fits_80_columns() {
    let s = scratch();
    let o = verso(&s.dir, &["score", "draft.json", "gold.json"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("  indirect") && out.contains("links"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
}

#[test]
fn exit_codes_and_warnings() {
    let s = scratch();
    let o = verso(&s.dir, &["score", "missing.json", "gold.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.json"));
    s.write("broken.json", "{\"version\": 1,");
    let o = verso(&s.dir, &["score", "broken.json", "gold.json"], None);
    assert_eq!(o.status.code(), Some(2));
    // A problem (unknown speaker) is a warning; the rest is still scored.
    s.write(
        "odd.json",
        DRAFT.replace(
            "\"speaker\": \"t\", \"kind\": \"indirect\"",
            "\"speaker\": \"zz\", \"kind\": \"indirect\"",
        ),
    );
    let o = verso(&s.dir, &["score", "odd.json", "gold.json", "--json"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).starts_with("verso score: odd.json: quotes[2].speaker (q3): ")
            && stderr(&o).contains("(left out of the scores)"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["quotes"]["all"]["draft"], 2);
    // No draft is a usage error (no reference: the bundled story, tested below).
    let o = verso(&s.dir, &["score"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn without_a_reference_the_bundled_story_is_the_gold() {
    // From a folder with no story files: the bundled story is the reference,
    // and `-` reads the draft from standard input.
    let s = Scratch::new();
    let carter = root().join("annotations/carter.json");
    let carter = carter.to_str().unwrap();
    let both = verso(&s.dir, &["score", carter, carter], None);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    let bundled = verso(&s.dir, &["score", carter], None);
    assert_eq!(bundled.status.code(), Some(0), "{}", stderr(&bundled));
    let scores =
        |o: &std::process::Output| stdout(o).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(scores(&bundled), scores(&both));
    assert!(
        stdout(&bundled).starts_with(&format!("{carter} scored against annotations/carter.json")),
        "{}",
        stdout(&bundled)
    );
    let json = std::fs::read_to_string(carter).unwrap();
    // (From standard input, article paths are relative to the current folder.)
    let piped = verso(
        &root().join("annotations"),
        &["score", "-", "--json"],
        Some(&json),
    );
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    let v: serde_json::Value = serde_json::from_str(&stdout(&piped)).unwrap();
    assert_eq!(v["quotes"]["all"]["f1"], 1.0, "{v}");
}
