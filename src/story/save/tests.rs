//! Tests of the span-preserving writer: unchanged files byte for byte, each
//! kind of change, and property tests against serde_json and the loader.

use super::*;
use crate::exchange::canonical;
use crate::story::format::Selector;
use std::collections::HashMap;

const A: &str = "Ann Smith said: \"We will win.\" Bob Jones said the vote was rigged. \
                 Carl Diaz said it was fine, adding: \"No comment.\"\n";
const B: &str = "\"It was close.\" Tom Brown said the count was \"a farce\".\n";

fn load(json: &str) -> crate::story::Story {
    crate::story::from_json("t", json, |f| match f {
        "a.txt" => Ok(A.to_string()),
        "b.txt" => Ok(B.to_string()),
        _ => Err(format!("no {f}")),
    })
    .unwrap()
}

/// The story's canonical form, in id order (quotes are in text order).
fn sorted(mut f: StoryFile) -> StoryFile {
    f.speakers.sort_by(|a, b| a.id.cmp(&b.id));
    f.quotes.sort_by(|a, b| a.id.cmp(&b.id));
    f.links.sort_by(|a, b| a.id.cmp(&b.id));
    f
}

/// Saves `edit` made to the story in `original`, and checks that the
/// result loads as the edited story.
fn save(original: &str, edit: impl FnOnce(&mut StoryFile)) -> String {
    let loaded = canonical(&load(original));
    let mut current = loaded.clone();
    edit(&mut current);
    let out = patch(original, &loaded, &current).unwrap();
    assert_eq!(sorted(canonical(&load(&out))), sorted(current), "{out}");
    out
}

/// Lines of `a` not in `b`, and of `b` not in `a`, counted as multisets.
fn changed_lines(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let count = |s: &str| {
        let mut m: HashMap<String, isize> = HashMap::new();
        for l in s.split('\n') {
            *m.entry(l.to_string()).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for (l, n) in &ca {
        for _ in 0..(n - cb.get(l).copied().unwrap_or(0)).max(0) {
            removed.push(l.clone());
        }
    }
    for (l, n) in &cb {
        for _ in 0..(n - ca.get(l).copied().unwrap_or(0)).max(0) {
            added.push(l.clone());
        }
    }
    removed.sort();
    added.sort();
    (removed, added)
}

fn strs(v: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// A selector for `phrase` in `article` ("a" or "b"), as canonical has it.
fn sel(article: &str, phrase: &str) -> Selector {
    let text = if article == "a" { A } else { B };
    let at = text.find(phrase).unwrap();
    Selector {
        text: phrase.to_string(),
        start: Some(text[..at].chars().count() as u64),
        ..Selector::default()
    }
}

fn quote<'f>(f: &'f mut StoryFile, id: &str) -> &'f mut QuoteEntry {
    f.quotes.iter_mut().find(|q| q.id == id).unwrap()
}

fn link<'f>(f: &'f mut StoryFile, id: &str) -> &'f mut LinkEntry {
    f.links.iter_mut().find(|l| l.id == id).unwrap()
}

fn speaker<'f>(f: &'f mut StoryFile, id: &str) -> &'f mut SpeakerEntry {
    f.speakers.iter_mut().find(|s| s.id == id).unwrap()
}

/// A hand-written file: CRLF, odd spacing, a prefix and a suffix, escapes,
/// an unknown field, entries that do not load, no final newline.
fn odd() -> String {
    [
        "{ \"version\":1 ,",
        "\t\"title\" : \"Odd\" ,",
        "  \"articles\" : [ {\"id\":\"a\",\"file\":\"a.txt\"} , {\"id\":\"b\",\"file\":\"b.txt\"} ],",
        "  \"speakers\":[",
        "      {\"id\":\"s1\",\"name\":\"Ann Smith\", \"aliases\" : [\"Smith\"]},",
        "      {\"id\":\"s2\",\"name\":\"Bob Jones\",\"colour\":\"red\"},",
        "      {\"id\":\"s3\",\"name\":\"Tom Brown\"}",
        "  ],",
        "  \"quotes\":[",
        "      {\"id\":\"q1\",\"article\":\"a\",\"speaker\":\"s1\",\"text\":\"\\\"We will win.\\\"\",\"prefix\":\"said: \"},",
        "      {\"id\":\"q2\",\"article\":\"a\",\"speaker\":\"s2\",\"kind\":\"indirect\",\"text\":\"the vote was rigged\",\"suffix\":\".\"},",
        "      {\"id\":\"q4\",\"article\":\"a\",\"speaker\":\"s2\",\"text\":\"said\",\"prefix\":\"Jones \"},",
        "      {\"id\":\"qx\",\"article\":\"a\",\"speaker\":\"nobody\",\"text\":\"Ann\"},",
        "      {\"article\":\"a\",\"speaker\":\"s1\",\"text\":\"Ann\"},",
        "      {\"id\":\"q3\",\"article\":\"b\",\"speaker\":\"s3\",\"text\":\"\\u0022It was close.\\u0022\"}",
        "  ],",
        "  \"links\":[ {\"id\":\"l1\",\"kind\":\"same\",\"passages\":[{\"article\":\"a\",\"text\":\"the vote was rigged\"},{\"article\":\"b\",\"text\":\"the count was\",\"start\":28}]}]",
        "}",
    ]
    .join("\r\n")
}

const HEAD: &str = r#"{
  "version": 1,
  "title": "Votes",
  "articles": [
    {
      "id": "a",
      "file": "a.txt"
    },
    {
      "id": "b",
      "file": "b.txt"
    }
  ],
  "speakers": [
    {
      "id": "s1",
      "name": "Ann Smith",
      "aliases": [
        "Smith"
      ]
    },
    {
      "id": "s2",
      "name": "Bob Jones"
    },
    {
      "id": "s3",
      "name": "Tom Brown",
      "description": "counts votes"
    }
  ],
"#;
const Q1: &str = r#"    {
      "id": "q1",
      "article": "a",
      "speaker": "s1",
      "text": "\"We will win.\""
    }"#;
const Q2: &str = r#"    {
      "id": "q2",
      "article": "a",
      "speaker": "s2",
      "kind": "indirect",
      "text": "the vote was rigged"
    }"#;
const Q3: &str = r#"    {
      "id": "q3",
      "article": "a",
      "speaker": "s2",
      "kind": "indirect",
      "text": "it was fine"
    }"#;
/// A new quote as the reader makes it, as serde_json pretty writes it.
const Q9: &str = r#"    {
      "id": "q9",
      "article": "b",
      "speaker": "s3",
      "kind": "mixed",
      "text": "the count was \"a farce\"",
      "start": 31
    }"#;
const LINKS: &str = r#"  "links": [
    {
      "id": "l1",
      "kind": "same",
      "passages": [
        {
          "article": "a",
          "text": "the vote was rigged"
        },
        {
          "article": "b",
          "text": "the count was"
        }
      ]
    }
  ]
"#;

/// A file as `verso annotate` writes it (but without the defaults), with
/// these quotes.
fn pretty(quotes: &[&str]) -> String {
    let inner = if quotes.is_empty() {
        String::new()
    } else {
        format!("\n{}\n  ", quotes.join(",\n"))
    };
    format!("{HEAD}  \"quotes\": [{inner}],\n{LINKS}}}\n")
}

fn q9() -> QuoteEntry {
    QuoteEntry {
        id: "q9".into(),
        article: "b".into(),
        speaker: "s3".into(),
        kind: Some("mixed".into()),
        cue: None,
        selector: sel("b", "the count was \"a farce\""),
    }
}

#[test]
fn an_unchanged_story_is_saved_byte_for_byte() {
    for f in [odd(), pretty(&[Q1, Q2, Q3]), pretty(&[])] {
        let loaded = canonical(&load(&f));
        assert_eq!(patch(&f, &loaded, &loaded.clone()).unwrap(), f);
    }
    // A change elsewhere leaves prefix, suffix, escapes and the rest alone.
    let out = save(&odd(), |s| speaker(s, "s3").name = "Tom A. Brown".into());
    let (removed, added) = changed_lines(&odd(), &out);
    assert_eq!(
        removed,
        strs(&["      {\"id\":\"s3\",\"name\":\"Tom Brown\"}\r"])
    );
    assert_eq!(
        added,
        strs(&["      {\"id\":\"s3\",\"name\":\"Tom A. Brown\"}\r"])
    );
    assert!(!out.ends_with('\n'));
}

#[test]
fn the_speaker_of_a_quote() {
    let out = save(&pretty(&[Q1, Q2, Q3]), |s| {
        quote(s, "q2").speaker = "s3".into()
    });
    let (removed, added) = changed_lines(&pretty(&[Q1, Q2, Q3]), &out);
    assert_eq!(removed, strs(&["      \"speaker\": \"s2\","]));
    assert_eq!(added, strs(&["      \"speaker\": \"s3\","]));
    // On one line, CRLF.
    let out = save(&odd(), |s| quote(s, "q2").speaker = "s1".into());
    let want = odd().replace("\"speaker\":\"s2\",\"kind\"", "\"speaker\":\"s1\",\"kind\"");
    assert_eq!(out, want);
}

#[test]
fn a_kind_where_there_was_none() {
    let f = pretty(&[Q1, Q2, Q3]);
    let out = save(&f, |s| quote(s, "q1").kind = Some("mixed".into()));
    let (removed, added) = changed_lines(&f, &out);
    assert!(removed.is_empty());
    assert_eq!(added, strs(&["      \"kind\": \"mixed\","]));
    assert!(out.contains("\"speaker\": \"s1\",\n      \"kind\": \"mixed\",\n      \"text\""));
    // The default kind, absent from the file, stays absent.
    let out = save(&f, |s| quote(s, "q1").cue = Some("said".into()));
    let (_, added) = changed_lines(&f, &out);
    assert_eq!(added, strs(&["      \"cue\": \"said\","]));
}

#[test]
fn a_moved_anchor_drops_prefix_and_suffix() {
    let f = pretty(&[Q1, Q2, Q3]);
    let out = save(&f, |s| {
        quote(s, "q3").selector = sel("a", "\"No comment.\"")
    });
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["      \"text\": \"it was fine\""]));
    assert_eq!(
        added,
        strs(&[
            "      \"text\": \"\\\"No comment.\\\"\",",
            "      \"start\": 103"
        ])
    );
    // One line with a prefix: text and start written, prefix gone.
    let out = save(&odd(), |s| {
        quote(s, "q1").selector = sel("a", "\"No comment.\"")
    });
    let want = odd().replace(
        "\"text\":\"\\\"We will win.\\\"\",\"prefix\":\"said: \"}",
        "\"text\":\"\\\"No comment.\\\"\",\"start\":103}",
    );
    assert_eq!(out, want);
    // The same text elsewhere: the start written, the text left as it is.
    let third = A.find("Diaz said").unwrap() + 5;
    let out = save(&odd(), |s| {
        quote(s, "q4").selector.start = Some(third as u64)
    });
    let want = odd().replace(
        "\"text\":\"said\",\"prefix\":\"Jones \"}",
        &format!("\"text\":\"said\",\"start\":{third}}}"),
    );
    assert_eq!(out, want);
}

#[test]
fn a_note_added_changed_and_removed() {
    let f = pretty(&[Q1]);
    let noted = save(&f, |s| {
        link(s, "l1").note = Some("rigged, or counted".into())
    });
    let (removed, added) = changed_lines(&f, &noted);
    assert!(removed.is_empty());
    assert_eq!(added, strs(&["      \"note\": \"rigged, or counted\","]));
    assert!(noted.contains("\"kind\": \"same\",\n      \"note\""));
    let changed = save(&noted, |s| {
        link(s, "l1").note = Some("rigged/counted".into())
    });
    let (removed, added) = changed_lines(&noted, &changed);
    assert_eq!(removed, strs(&["      \"note\": \"rigged, or counted\","]));
    assert_eq!(added, strs(&["      \"note\": \"rigged/counted\","]));
    let back = save(&changed, |s| link(s, "l1").note = None);
    assert_eq!(back, f);
}

#[test]
fn passages_of_a_link() {
    let f = pretty(&[Q1]);
    // One passage moved: its text line changes, its start is added.
    let out = save(&f, |s| {
        link(s, "l1").passages[1].selector = sel("b", "a farce")
    });
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["          \"text\": \"the count was\""]));
    assert_eq!(
        added,
        strs(&[
            "          \"text\": \"a farce\",",
            "          \"start\": 46"
        ])
    );
    // One added, in the layout of the others; removing it restores the file.
    let three = save(&f, |s| {
        link(s, "l1").passages.push(PassageEntry {
            article: "a".into(),
            selector: sel("a", "it was fine"),
        })
    });
    let (removed, added) = changed_lines(&f, &three);
    assert!(removed.is_empty());
    assert_eq!(
        added,
        strs(&[
            "        },",
            "        {",
            "          \"article\": \"a\",",
            "          \"text\": \"it was fine\",",
            "          \"start\": 82",
        ])
    );
    assert_eq!(
        save(&three, |s| {
            link(s, "l1").passages.pop();
        }),
        f
    );
    // The first of three removed.
    let two = save(&three, |s| {
        link(s, "l1").passages.remove(0);
    });
    assert!(!two.contains("the vote was rigged\"\n        }"));
    // On one line, next to a passage that did not load: it stays.
    let odd_links = odd().replace(
        "{\"article\":\"a\",\"text\":\"the vote was rigged\"},",
        "{\"article\":\"a\",\"text\":\"the vote was rigged\"},{\"article\":\"zz\",\"text\":\"x\"},",
    );
    let out = save(&odd_links, |s| {
        link(s, "l1").passages[0].selector = sel("a", "it was fine");
        link(s, "l1").kind = Some("conflict".into());
    });
    let want = odd_links
        .replace("\"kind\":\"same\"", "\"kind\":\"conflict\"")
        .replace(
            "\"text\":\"the vote was rigged\"},{\"article\":\"zz\"",
            "\"text\":\"it was fine\",\"start\":82},{\"article\":\"zz\"",
        );
    assert_eq!(out, want);
}

#[test]
fn aliases_and_names() {
    let f = pretty(&[Q1]);
    let out = save(&f, |s| speaker(s, "s1").aliases.push("Ms Smith".into()));
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["        \"Smith\""]));
    assert_eq!(added, strs(&["        \"Smith\",", "        \"Ms Smith\""]));
    let out = save(&f, |s| speaker(s, "s2").aliases = vec!["Jones".into()]);
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["      \"name\": \"Bob Jones\""]));
    assert_eq!(
        added,
        strs(&[
            "      \"name\": \"Bob Jones\",",
            "      \"aliases\": [",
            "        \"Jones\"",
            "      ]",
        ])
    );
    let out = save(&f, |s| speaker(s, "s3").name = "Thomas Brown".into());
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["      \"name\": \"Tom Brown\","]));
    assert_eq!(added, strs(&["      \"name\": \"Thomas Brown\","]));
    // On one line: the array keeps its spacing.
    let out = save(&odd(), |s| {
        speaker(s, "s1").aliases.push("Ms Smith".into());
        speaker(s, "s2").aliases.push("Jones".into());
    });
    let want = odd()
        .replace("[\"Smith\"]", "[\"Smith\",\"Ms Smith\"]")
        .replace(
            "\"Bob Jones\",\"colour\"",
            "\"Bob Jones\",\"aliases\":[\"Jones\"],\"colour\"",
        );
    assert_eq!(out, want);
}

#[test]
fn deleted_elements_go_with_their_comma_and_line() {
    let f = pretty(&[Q1, Q2, Q3]);
    let del = |id: &'static str| save(&f, move |s| s.quotes.retain(|q| q.id != id));
    assert_eq!(del("q1"), pretty(&[Q2, Q3]));
    assert_eq!(del("q2"), pretty(&[Q1, Q3]));
    assert_eq!(del("q3"), pretty(&[Q1, Q2]));
    assert_eq!(save(&f, |s| s.quotes.clear()), pretty(&[]));
    assert_eq!(save(&pretty(&[Q2]), |s| s.quotes.clear()), pretty(&[]));
    assert_eq!(
        save(&f, |s| s.quotes.retain(|q| q.id == "q1")),
        pretty(&[Q1])
    );
    // Deleted and added at once: the new one takes the old ones' place.
    assert_eq!(
        save(&f, |s| {
            s.quotes.retain(|q| q.id == "q1");
            s.quotes.push(q9());
        }),
        pretty(&[Q1, Q9])
    );
    // On one line: the entries that did not load stay.
    let out = save(&odd(), |s| s.quotes.retain(|q| q.id != "q3"));
    let want = odd().replace(
        ",\r\n      {\"id\":\"q3\",\"article\":\"b\",\"speaker\":\"s3\",\"text\":\"\\u0022It was close.\\u0022\"}",
        "",
    );
    assert_eq!(out, want);
    let out = save(&odd(), |s| s.links.clear());
    assert!(out.ends_with("\"links\":[]\r\n}"), "{out}");
}

#[test]
fn new_elements_go_at_the_end() {
    assert_eq!(
        save(&pretty(&[Q1, Q2]), |s| s.quotes.push(q9())),
        pretty(&[Q1, Q2, Q9])
    );
    assert_eq!(save(&pretty(&[]), |s| s.quotes.push(q9())), pretty(&[Q9]));
    // Into a missing array, at its place in FORMAT.md's order; into null.
    let missing = pretty(&[]).replace("  \"quotes\": [],\n", "");
    assert_eq!(save(&missing, |s| s.quotes.push(q9())), pretty(&[Q9]));
    let null = pretty(&[]).replace("[],\n  \"links\"", "null,\n  \"links\"");
    assert_eq!(save(&null, |s| s.quotes.push(q9())), pretty(&[Q9]));
    // A new speaker.
    let f = pretty(&[Q1]);
    let out = save(&f, |s| {
        s.speakers.push(SpeakerEntry {
            id: "s4".into(),
            name: "Carl Díaz".into(),
            color: Some("#ffcc00".into()),
            ..SpeakerEntry::default()
        })
    });
    let (removed, added) = changed_lines(&f, &out);
    assert!(removed.is_empty());
    assert_eq!(
        added,
        strs(&[
            "    },",
            "    {",
            "      \"id\": \"s4\",",
            "      \"name\": \"Carl Díaz\",",
            "      \"color\": \"#ffcc00\"",
        ])
    );
    // On one line, CRLF: like the neighbours.
    let out = save(&odd(), |s| s.quotes.push(q9()));
    let want = odd().replace(
        "\\u0022It was close.\\u0022\"}\r\n",
        "\\u0022It was close.\\u0022\"},\r\n      {\"id\":\"q9\",\"article\":\"b\",\"speaker\":\"s3\",\"kind\":\"mixed\",\"text\":\"the count was \\\"a farce\\\"\",\"start\":31}\r\n",
    );
    assert_eq!(out, want);
    let out = save(&odd(), |s| {
        let l2 = LinkEntry {
            id: "l2".into(),
            ..s.links[0].clone()
        };
        s.links.push(l2);
    });
    assert!(out.contains("}]}, {\"id\":\"l2\""), "{out}");
}

#[test]
fn a_title_is_patched_like_any_key() {
    let f = pretty(&[Q1]);
    let out = save(&f, |s| s.title = Some("Vötes \"2026\"".into()));
    let (removed, added) = changed_lines(&f, &out);
    assert_eq!(removed, strs(&["  \"title\": \"Votes\","]));
    assert_eq!(added, strs(&["  \"title\": \"Vötes \\\"2026\\\"\","]));
    let untitled = f.replace("  \"title\": \"Votes\",\n", "");
    let out = save(&untitled, |s| s.title = Some("Votes".into()));
    assert_eq!(out, f);
}

#[test]
fn what_cannot_be_patched_is_an_error() {
    let f = pretty(&[Q1, Q2]);
    let loaded = canonical(&load(&f));
    let mut other = loaded.clone();
    other.quotes.clear();
    for bad in ["", "[1]", "{\"version\": 1", "{} {}"] {
        assert!(patch(bad, &loaded, &other).is_err(), "{bad:?}");
    }
    let mut moved = loaded.clone();
    moved.articles[0].file = "c.txt".into();
    assert!(patch(&f, &loaded, &moved).unwrap_err().contains("articles"));
    // An id the file does not have.
    let mut ghost = loaded.clone();
    ghost.quotes[0].id = "zz".into();
    let mut ghost_edit = ghost.clone();
    ghost_edit.quotes[0].speaker = "s3".into();
    assert!(patch(&f, &ghost, &ghost_edit).is_err());
    // Repeated ids: the first loaded; editing it is fine, deleting it is not
    // (the next would load instead), nor is reusing the id of one that did not load.
    let twice = pretty(&[Q1, Q2, &Q2.replace("the vote was rigged", "it was fine")]);
    let out = save(&twice, |s| quote(s, "q2").speaker = "s1".into());
    assert_eq!(out.matches("\"speaker\": \"s2\"").count(), 1);
    let loaded = canonical(&load(&twice));
    let mut gone = loaded.clone();
    gone.quotes.retain(|q| q.id != "q2");
    assert!(
        patch(&twice, &loaded, &gone)
            .unwrap_err()
            .contains("more than once")
    );
    let broken = pretty(&[Q1, &Q2.replace("\"s2\"", "\"nobody\"")]);
    let loaded = canonical(&load(&broken));
    let mut reuse = loaded.clone();
    reuse.quotes.push(QuoteEntry {
        id: "q2".into(),
        ..q9()
    });
    assert!(
        patch(&broken, &loaded, &reuse)
            .unwrap_err()
            .contains("did not load")
    );
}

mod props {
    use super::super::*;
    use crate::story::format::Selector;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let chars = prop::sample::select(vec!['a', 'b', ' ', '"', '\\', 'é', '\n', '日', '\t']);
        prop::collection::vec(chars, 1..6).prop_map(|v| v.into_iter().collect())
    }

    fn selector() -> impl Strategy<Value = Selector> {
        (
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(0u64..999),
        )
            .prop_map(|(text, prefix, suffix, start)| Selector {
                text,
                prefix,
                suffix,
                start,
            })
    }

    fn speaker() -> impl Strategy<Value = SpeakerEntry> {
        (
            text(),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..3),
            prop::option::of(text()),
        )
            .prop_map(|(name, description, aliases, color)| SpeakerEntry {
                id: String::new(),
                name,
                description,
                aliases,
                color,
            })
    }

    fn kind() -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop::sample::select(vec![
            "direct".to_string(),
            "same".into(),
            "mixed".into(),
        ]))
    }

    fn quote() -> impl Strategy<Value = QuoteEntry> {
        (
            prop::sample::select(vec!["a", "b"]),
            text(),
            kind(),
            prop::option::of(text()),
            selector(),
        )
            .prop_map(|(article, speaker, kind, cue, selector)| QuoteEntry {
                id: String::new(),
                article: article.into(),
                speaker,
                kind,
                cue,
                selector,
            })
    }

    fn passage() -> impl Strategy<Value = PassageEntry> {
        (prop::sample::select(vec!["a", "b"]), selector()).prop_map(|(a, selector)| PassageEntry {
            article: a.into(),
            selector,
        })
    }

    fn link() -> impl Strategy<Value = LinkEntry> {
        (
            kind(),
            prop::option::of(text()),
            prop::collection::vec(passage(), 2..4),
        )
            .prop_map(|(kind, note, passages)| LinkEntry {
                id: String::new(),
                kind,
                note,
                passages,
            })
    }

    fn story() -> impl Strategy<Value = StoryFile> {
        (
            prop::option::of(text()),
            prop::collection::vec(speaker(), 0..4),
            prop::collection::vec(quote(), 0..6),
            prop::collection::vec(link(), 0..4),
        )
            .prop_map(|(title, mut speakers, mut quotes, mut links)| {
                speakers
                    .iter_mut()
                    .enumerate()
                    .for_each(|(i, s)| s.id = format!("s{i}"));
                quotes
                    .iter_mut()
                    .enumerate()
                    .for_each(|(i, q)| q.id = format!("q{i}"));
                links
                    .iter_mut()
                    .enumerate()
                    .for_each(|(i, l)| l.id = format!("l{i}"));
                StoryFile {
                    version: 1,
                    title,
                    articles: vec![crate::story::format::ArticleEntry {
                        id: "a".into(),
                        file: "a.txt".into(),
                        ..Default::default()
                    }],
                    speakers,
                    quotes,
                    links,
                }
            })
    }

    /// What to do: delete, modify or add (0..3) in speakers, quotes or
    /// links (0..3), at an index, taking fields (mask) from the donor's
    /// element at another index.
    type Edit = (u8, u8, usize, usize, u8);

    fn bare(s: &Selector) -> Selector {
        Selector {
            prefix: None,
            suffix: None,
            ..s.clone()
        }
    }

    fn apply(f: &mut StoryFile, d: &StoryFile, edits: &[Edit]) {
        for (n, &(what, array, i, j, mask)) in edits.iter().enumerate() {
            let bit = |b: u8| mask & (1 << b) != 0;
            let fresh = format!("new{n}");
            match array {
                0 if !d.speakers.is_empty() => {
                    let ds = &d.speakers[j % d.speakers.len()];
                    let len = f.speakers.len();
                    match what {
                        0 if len > 0 => {
                            f.speakers.remove(i % len);
                        }
                        1 if len > 0 => {
                            let s = &mut f.speakers[i % len];
                            if bit(0) {
                                s.name = ds.name.clone()
                            }
                            if bit(1) {
                                s.aliases = ds.aliases.clone()
                            }
                            if bit(2) {
                                s.description = ds.description.clone()
                            }
                            if bit(3) {
                                s.color = ds.color.clone()
                            }
                        }
                        _ => f.speakers.push(SpeakerEntry {
                            id: fresh,
                            ..ds.clone()
                        }),
                    }
                }
                1 if !d.quotes.is_empty() => {
                    let dq = &d.quotes[j % d.quotes.len()];
                    let len = f.quotes.len();
                    match what {
                        0 if len > 0 => {
                            f.quotes.remove(i % len);
                        }
                        1 if len > 0 => {
                            let q = &mut f.quotes[i % len];
                            if bit(0) {
                                q.speaker = dq.speaker.clone()
                            }
                            if bit(1) {
                                q.kind = dq.kind.clone()
                            }
                            if bit(2) {
                                q.cue = dq.cue.clone()
                            }
                            if bit(3) {
                                q.selector = bare(&dq.selector)
                            }
                            if bit(4) {
                                q.article = dq.article.clone()
                            }
                            if bit(5) {
                                q.selector.start = dq.selector.start
                            }
                        }
                        _ => f.quotes.push(QuoteEntry {
                            id: fresh,
                            ..dq.clone()
                        }),
                    }
                }
                2 if !d.links.is_empty() => {
                    let dl = &d.links[j % d.links.len()];
                    let len = f.links.len();
                    match what {
                        0 if len > 0 => {
                            f.links.remove(i % len);
                        }
                        1 if len > 0 => {
                            let l = &mut f.links[i % len];
                            if bit(0) {
                                l.kind = dl.kind.clone()
                            }
                            if bit(1) {
                                l.note = dl.note.clone()
                            }
                            if bit(2) {
                                l.passages = dl
                                    .passages
                                    .iter()
                                    .map(|p| PassageEntry {
                                        article: p.article.clone(),
                                        selector: bare(&p.selector),
                                    })
                                    .collect();
                            }
                            if bit(3) {
                                l.passages[0].selector = bare(&dl.passages[0].selector);
                            }
                            if bit(4) {
                                l.passages.push(dl.passages[1].clone());
                            }
                            if bit(5) && l.passages.len() > 2 {
                                l.passages.remove(1);
                            }
                            if bit(6) {
                                l.passages[0].article = dl.passages[0].article.clone();
                            }
                        }
                        _ => f.links.push(LinkEntry {
                            id: fresh,
                            ..dl.clone()
                        }),
                    }
                }
                _ => {}
            }
        }
    }

    /// The file `f` as written in one of several layouts.
    fn written(f: &StoryFile, layout: u8) -> String {
        let with_indent = |indent: &[u8]| {
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(indent);
            f.serialize(&mut serde_json::Serializer::with_formatter(&mut buf, fmt))
                .unwrap();
            String::from_utf8(buf).unwrap()
        };
        match layout {
            0 => f.to_json(),
            1 => serde_json::to_string(f).unwrap(),
            2 => f.to_json().replace('\n', "\r\n"),
            3 => with_indent(b"    "),
            _ => format!("{}\n", with_indent(b"\t")),
        }
    }

    fn without_prefix_suffix(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("prefix");
                m.remove("suffix");
                m.values_mut().for_each(without_prefix_suffix);
            }
            Value::Array(a) => a.iter_mut().for_each(without_prefix_suffix),
            _ => {}
        }
    }

    proptest! {
        #[test]
        fn random_edits_read_back_as_the_edited_story(
            loaded in story(),
            donor in story(),
            edits in prop::collection::vec((0u8..3, 0u8..3, 0usize..8, 0usize..8, any::<u8>()), 0..6),
            layout in 0u8..5,
        ) {
            let original = written(&loaded, layout);
            let mut current = loaded.clone();
            apply(&mut current, &donor, &edits);
            let out = patch(&original, &loaded, &current).unwrap();
            let mut got: Value = serde_json::from_str(&out).unwrap();
            let mut want = serde_json::to_value(&current).unwrap();
            without_prefix_suffix(&mut got);
            without_prefix_suffix(&mut want);
            prop_assert_eq!(got, want, "{}\n---\n{}", original, out);
            if layout == 2 {
                prop_assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
            }
            if layout == 3 && loaded == current {
                prop_assert_eq!(&out, &original);
            }
        }
    }

    use super::{A, B, load, sorted};
    use crate::exchange::canonical;

    /// Passages of the test articles that occur once.
    const PHRASES: [(&str, &str); 11] = [
        ("a", "Ann Smith"),
        ("a", "We will win."),
        ("a", "Bob Jones"),
        ("a", "the vote was rigged"),
        ("a", "Carl Diaz"),
        ("a", "it was fine"),
        ("a", "No comment."),
        ("b", "It was close."),
        ("b", "Tom Brown"),
        ("b", "the count was"),
        ("b", "a farce"),
    ];

    /// Phrase `i` (of article `only`, if given) as a selector: canonical, or
    /// with `hint` as a person might write it (no start, a prefix).
    fn phrase(i: usize, only: Option<&str>, hint: u8) -> (String, Selector) {
        let pool: Vec<_> = PHRASES
            .iter()
            .filter(|(a, _)| only.is_none_or(|o| o == *a))
            .collect();
        let (article, p) = *pool[i % pool.len()];
        let text = if article == "a" { A } else { B };
        let at = text.find(p).unwrap();
        let sel = Selector {
            text: p.to_string(),
            prefix: (hint & 2 != 0 && at >= 3).then(|| text[at - 3..at].to_string()),
            suffix: None,
            start: (hint & 1 == 0).then_some(at as u64),
        };
        (article.to_string(), sel)
    }

    const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];
    const LINK_KINDS: [&str; 3] = ["same", "paraphrase", "conflict"];

    /// A story file that loads (but for quotes of speaker "nobody").
    fn loadable(quotes: &[(usize, usize, u8, u8)], links: &[(usize, usize, u8, u8)]) -> StoryFile {
        let article = |id: &str| crate::story::format::ArticleEntry {
            id: id.into(),
            file: format!("{id}.txt"),
            ..Default::default()
        };
        let names = ["Ann Smith", "Bob Jones", "Tom Brown"];
        StoryFile {
            version: 1,
            title: None,
            articles: vec![article("a"), article("b")],
            speakers: (0..3)
                .map(|i| SpeakerEntry {
                    id: format!("s{i}"),
                    name: names[i].into(),
                    ..Default::default()
                })
                .collect(),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(n, &(p, s, kind, hint))| {
                    let (article, selector) = phrase(p, None, hint);
                    QuoteEntry {
                        id: format!("q{n}"),
                        article,
                        speaker: if s < 3 {
                            format!("s{s}")
                        } else {
                            "nobody".into()
                        },
                        kind: KINDS.get(usize::from(kind)).map(|k| k.to_string()),
                        cue: None,
                        selector,
                    }
                })
                .collect(),
            links: links
                .iter()
                .enumerate()
                .map(|(n, &(pa, pb, kind, hint))| {
                    let side = |i, a, h| {
                        let (article, selector) = phrase(i, Some(a), h);
                        PassageEntry { article, selector }
                    };
                    LinkEntry {
                        id: format!("l{n}"),
                        kind: LINK_KINDS.get(usize::from(kind)).map(|k| k.to_string()),
                        note: (hint & 4 != 0).then(|| "a \"note\"".to_string()),
                        passages: vec![side(pa, "a", hint), side(pb, "b", hint >> 3)],
                    }
                })
                .collect(),
        }
    }

    /// Edits as the reader makes them, on a canonical story.
    fn edit_canonical(f: &mut StoryFile, edits: &[Edit]) {
        for (n, &(what, array, i, j, mask)) in edits.iter().enumerate() {
            let bit = |b: u8| mask & (1 << b) != 0;
            let fresh = format!("new{n}");
            let canon = |j, only| phrase(j, only, 0);
            match array {
                0 => {
                    let len = f.quotes.len();
                    match what {
                        0 if len > 0 => {
                            f.quotes.remove(i % len);
                        }
                        1 if len > 0 => {
                            let q = &mut f.quotes[i % len];
                            if bit(0) {
                                q.speaker = format!("s{}", j % 3)
                            }
                            if bit(1) {
                                q.kind = Some(KINDS[j % 3].into())
                            }
                            if bit(2) {
                                (q.article, q.selector) = canon(j, None)
                            }
                            if bit(3) {
                                q.cue = q.cue.is_none().then(|| "told \"RNZ\"".into())
                            }
                        }
                        _ => {
                            let (article, selector) = canon(j, None);
                            f.quotes.push(QuoteEntry {
                                id: fresh,
                                article,
                                speaker: format!("s{}", i % 3),
                                kind: Some(KINDS[usize::from(mask) % 3].into()),
                                cue: None,
                                selector,
                            });
                        }
                    }
                }
                1 => {
                    let len = f.links.len();
                    match what {
                        0 if len > 0 => {
                            f.links.remove(i % len);
                        }
                        1 if len > 0 => {
                            let l = &mut f.links[i % len];
                            if bit(0) {
                                l.kind = Some(LINK_KINDS[j % 3].into())
                            }
                            if bit(1) {
                                l.note = l.note.is_none().then(|| "nöte".into())
                            }
                            if bit(2) {
                                let (article, selector) = canon(j, Some("a"));
                                l.passages[0] = PassageEntry { article, selector };
                            }
                            if bit(3) {
                                let (article, selector) = canon(j + 1, Some("b"));
                                l.passages.push(PassageEntry { article, selector });
                            }
                            if bit(4) && l.passages.len() > 2 {
                                l.passages.pop();
                            }
                        }
                        _ => {
                            let side = |k, a| {
                                let (article, selector) = canon(k, Some(a));
                                PassageEntry { article, selector }
                            };
                            f.links.push(LinkEntry {
                                id: fresh,
                                kind: Some(LINK_KINDS[usize::from(mask) % 3].into()),
                                note: None,
                                passages: vec![side(i, "a"), side(j, "b")],
                            });
                        }
                    }
                }
                _ => {
                    let len = f.speakers.len();
                    match what {
                        0 => f.title = Some(format!("Title {mask}")),
                        1 if len > 0 => {
                            let s = &mut f.speakers[i % len];
                            if bit(0) {
                                s.name = format!("{} ({mask})", s.name)
                            }
                            if bit(1) {
                                s.aliases.push(format!("Alias {j}"))
                            }
                            if bit(2) {
                                s.aliases.clear()
                            }
                            if bit(3) {
                                s.description = s.description.is_none().then(|| "MP".into())
                            }
                            if bit(4) {
                                s.color = Some(["yellow", "#ffcc00", "214"][j % 3].into())
                            }
                        }
                        _ => f.speakers.push(SpeakerEntry {
                            id: fresh,
                            name: format!("Someone {j}"),
                            ..Default::default()
                        }),
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn random_edits_load_back_as_the_edited_story(
            quotes in prop::collection::vec((0usize..11, 0usize..4, 0u8..4, 0u8..4), 0..6),
            links in prop::collection::vec((0usize..7, 0usize..4, 0u8..4, any::<u8>()), 0..4),
            edits in prop::collection::vec((0u8..3, 0u8..3, 0usize..8, 0usize..11, any::<u8>()), 0..6),
            layout in 0u8..5,
        ) {
            let original = written(&loadable(&quotes, &links), layout);
            let loaded = canonical(&load(&original));
            let mut current = loaded.clone();
            edit_canonical(&mut current, &edits);
            let out = patch(&original, &loaded, &current).unwrap();
            prop_assert_eq!(
                sorted(canonical(&load(&out))),
                sorted(current),
                "{}\n---\n{}", original, out
            );
        }
    }
}
