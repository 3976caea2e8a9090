//! The story model: every kind of problem FORMAT.md names, every selector rule,
//! and the texts that trip up offset arithmetic (CRLF, no final newline, non-ASCII).

use verso::story::{self, LinkKind, LoadError, QuoteKind, Story};

const A: &str = "The council met for seven hours. Mr Carter said it was petty. \
                 The council met again. Carter left.";
const B: &str = "The council met for six hours.\nMr Carter was expelled.\n";

/// Loads `json` with articles `a.txt` = A and `b.txt` = B (or the given texts).
fn load_with(json: &str, texts: &[(&str, &str)]) -> Result<Story, LoadError> {
    story::from_json("t.json", json, |file| {
        texts
            .iter()
            .find(|(n, _)| *n == file)
            .map(|(_, t)| t.to_string())
            .ok_or_else(|| format!("article file {file}: no such file"))
    })
}

fn load(json: &str) -> Story {
    load_with(json, &[("a.txt", A), ("b.txt", B)]).expect("loads")
}

/// A story with two articles and two speakers around the given quotes and links.
fn story_json(quotes: &str, links: &str) -> String {
    format!(
        r#"{{"version": 1,
  "articles": [{{"id": "a", "file": "a.txt"}}, {{"id": "b", "file": "b.txt", "title": "B"}}],
  "speakers": [{{"id": "carter", "name": "Chris Carter", "aliases": ["Mr Carter", "Carter"]}},
               {{"id": "council", "name": "The council"}}],
  "quotes": [{quotes}],
  "links": [{links}]}}"#
    )
}

fn problems(s: &Story) -> Vec<String> {
    s.problems.iter().map(|p| p.to_string()).collect()
}

fn quote_text(s: &Story, i: usize) -> &str {
    let q = &s.quotes[i];
    &s.articles[q.article].text[q.range.clone()]
}

#[test]
fn a_sound_story_anchors_everything() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "kind": "indirect", "cue": "said", "text": "it was petty"}"#,
        r#"{"id": "l1", "kind": "conflict", "note": "seven vs six", "passages": [
             {"article": "a", "text": "met for seven hours"}, {"article": "b", "text": "met for six hours"}]}"#,
    ));
    assert_eq!(problems(&s), Vec::<String>::new());
    assert_eq!(s.summary(), "2 articles, 2 speakers, 1 quotes, 1 links");
    assert_eq!(quote_text(&s, 0), "it was petty");
    assert_eq!(s.quotes[0].kind, QuoteKind::Indirect);
    assert_eq!(s.links[0].kind, LinkKind::Conflict);
    let p = &s.links[0].passages[1];
    assert_eq!(
        &s.articles[p.article].text[p.range.clone()],
        "met for six hours"
    );
    // Titles: given, or the first line of the text.
    assert_eq!(s.articles[1].title, "B");
    assert!(
        s.articles[0]
            .title
            .starts_with("The council met for seven hours.")
    );
    // The story title defaults to the first article's.
    assert_eq!(s.title, s.articles[0].title);
}

#[test]
fn defaults_for_kinds() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "it was petty"}"#,
        r#"{"id": "l1", "passages": [{"article": "a", "text": "Carter left"}, {"article": "b", "text": "was expelled"}]}"#,
    ));
    assert_eq!(s.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(s.links[0].kind, LinkKind::Paraphrase);
}

#[test]
fn mentions_are_whole_words_and_case_sensitive() {
    let text = "Mr Carter met Carter. Carters and mr carter are not mentions; Carter's is.";
    let s = load_with(&story_json("", ""), &[("a.txt", text), ("b.txt", B)]).unwrap();
    let found: Vec<&str> = s.articles[0]
        .mentions
        .iter()
        .map(|m| &text[m.range.clone()])
        .collect();
    assert_eq!(found, ["Mr Carter", "Carter", "Carter"]);
    assert!(s.articles[0].mentions.iter().all(|m| m.speaker == 0));
}

#[test]
fn prefix_suffix_and_start_choose_among_occurrences() {
    // "The council met" occurs twice in A, at characters 0 and 62.
    let second = A.find("The council met again").unwrap();
    let s = load(&story_json(
        r#"{"id": "p", "article": "a", "speaker": "council", "text": "The council met", "prefix": "petty. "},
           {"id": "s", "article": "a", "speaker": "council", "text": "The council met", "suffix": " for"},
           {"id": "t", "article": "a", "speaker": "council", "text": "The council met", "start": 60},
           {"id": "t0", "article": "a", "speaker": "council", "text": "The council met", "start": 3}"#,
        "",
    ));
    assert_eq!(problems(&s), Vec::<String>::new());
    let starts: Vec<(String, usize)> = s
        .quotes
        .iter()
        .map(|q| (q.id.clone(), q.range.start))
        .collect();
    assert!(starts.contains(&("p".into(), second)));
    assert!(starts.contains(&("s".into(), 0)));
    assert!(starts.contains(&("t".into(), second)));
    assert!(starts.contains(&("t0".into(), 0)));
}

#[test]
fn ambiguous_text_is_a_problem_with_the_positions() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "council", "text": "The council met"}"#,
        "",
    ));
    let p = problems(&s);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("quotes[0] (q1): text \"The council met\" occurs 2 times"),
        "{}",
        p[0]
    );
    assert!(p[0].contains("at characters 0, 62"), "{}", p[0]);
    assert!(p[0].contains("add a prefix, suffix or start"), "{}", p[0]);
    assert!(s.quotes.is_empty());
}

#[test]
fn a_start_halfway_between_two_occurrences_is_ambiguous() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "council", "text": "The council met", "start": 31}"#,
        "",
    ));
    assert!(
        problems(&s)[0].contains("occurs 2 times"),
        "{:?}",
        problems(&s)
    );
}

#[test]
fn a_prefix_that_never_matches_is_named() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "council", "text": "The council met", "prefix": "nope"}"#,
        "",
    ));
    let p = problems(&s);
    assert!(
        p[0].contains("occurs 2 times in article \"a\", but never with the given prefix"),
        "{p:?}"
    );
}

#[test]
fn not_found_shows_the_closest_passage() {
    let s = load(&story_json(
        r#"{"id": "q5", "article": "a", "speaker": "carter", "text": "Mr Carter said it was very petty"}"#,
        "",
    ));
    let p = problems(&s);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with(
            "quotes[0] (q5): text \"Mr Carter said it was very petty\" is not in article \"a\""
        ),
        "{}",
        p[0]
    );
    assert!(
        p[0].contains("closest passage (character 33): \"Mr Carter said it was petty"),
        "{}",
        p[0]
    );
}

#[test]
fn offsets_count_code_points_not_bytes() {
    // "é" is two bytes, "日本" six, "👍" four: the second "Kia ora" is at code point 19.
    let text = "Kia ora é 日本 👍 ok. Kia ora again";
    let at = text.rfind("Kia ora").unwrap();
    assert_eq!(text[..at].chars().count(), 19);
    assert_ne!(at, 19);
    let json = story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "Kia ora", "start": 19},
           {"id": "q2", "article": "a", "speaker": "carter", "text": "Kia ora", "start": 0}"#,
        "",
    );
    let s = load_with(&json, &[("a.txt", text), ("b.txt", B)]).unwrap();
    assert_eq!(problems(&s), Vec::<String>::new());
    let by_id = |id: &str| s.quotes.iter().find(|q| q.id == id).unwrap().range.start;
    assert_eq!(by_id("q1"), at);
    assert_eq!(by_id("q2"), 0);
    // Positions in an ambiguity message are code points too.
    let amb = load_with(
        &story_json(
            r#"{"id": "q3", "article": "a", "speaker": "carter", "text": "Kia ora"}"#,
            "",
        ),
        &[("a.txt", text), ("b.txt", B)],
    )
    .unwrap();
    assert!(
        problems(&amb)[0].contains("at characters 0, 19"),
        "{:?}",
        problems(&amb)
    );
}

#[test]
fn anchors_widen_to_whole_grapheme_clusters() {
    // "e" + combining acute: a selector "Rene" must not cut the cluster "é".
    let text = "Rene\u{301} spoke.";
    let s = load_with(
        &story_json(
            r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "Rene"}"#,
            "",
        ),
        &[("a.txt", text), ("b.txt", B)],
    )
    .unwrap();
    assert_eq!(quote_text(&s, 0), "Rene\u{301}");
}

#[test]
fn crlf_and_no_final_newline_are_read_as_they_are() {
    let a = "First line.\r\nSecond line, said Carter.\r\nThird";
    let json = story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "line.\r\nSecond", "start": 6},
           {"id": "q2", "article": "a", "speaker": "carter", "text": "Third"}"#,
        "",
    );
    let s = load_with(&json, &[("a.txt", a), ("b.txt", B)]).unwrap();
    assert_eq!(problems(&s), Vec::<String>::new());
    assert_eq!(quote_text(&s, 0), "line.\r\nSecond");
    assert_eq!(quote_text(&s, 1), "Third");
    assert_eq!(s.quotes[1].range.end, a.len());
}

#[test]
fn unknown_references_are_problems() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "zz", "speaker": "carter", "text": "petty"},
           {"id": "q2", "article": "a", "speaker": "goff", "text": "petty"}"#,
        r#"{"id": "l1", "passages": [{"article": "a", "text": "Carter left"}, {"article": "nope", "text": "x"}]}"#,
    ));
    let p = problems(&s);
    assert!(
        p.contains(
            &"quotes[0].article (q1): article \"zz\" is not in this story (articles: a, b)"
                .to_string()
        ),
        "{p:?}"
    );
    assert!(p.contains(&"quotes[1].speaker (q2): speaker \"goff\" is not in this story (speakers: carter, council)".to_string()), "{p:?}");
    assert!(
        p.iter()
            .any(|x| x.starts_with("links[0].passages[1].article (l1): article \"nope\"")),
        "{p:?}"
    );
    assert!(s.quotes.is_empty() && s.links.is_empty());
}

#[test]
fn duplicate_ids_are_problems() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "petty"},
           {"id": "q1", "article": "a", "speaker": "carter", "text": "Carter left"}"#,
        "",
    ));
    assert_eq!(
        problems(&s),
        ["quotes[1] (q1): duplicate id \"q1\": quotes[0] already has it; this one is ignored"]
    );
    assert_eq!(s.quotes.len(), 1);
}

#[test]
fn a_link_in_one_article_is_a_problem() {
    let s = load(&story_json(
        "",
        r#"{"id": "l1", "passages": [{"article": "a", "text": "Carter left"}, {"article": "a", "text": "petty"}]}"#,
    ));
    assert_eq!(problems(&s).len(), 1);
    assert!(
        problems(&s)[0]
            .starts_with("links[0].passages (l1): all passages of the link are in article \"a\"")
    );
}

#[test]
fn a_link_needs_two_passages() {
    let s = load(&story_json(
        "",
        r#"{"id": "l1", "passages": [{"article": "a", "text": "Carter left"}]}"#,
    ));
    assert_eq!(
        problems(&s),
        [
            "links[0].passages (l1): a link needs two or more passages, in at least two articles; it has 1"
        ]
    );
}

#[test]
fn unknown_fields_are_problems_with_a_suggestion() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speeker": "carter", "text": "petty"}"#,
        "",
    ));
    let p = problems(&s);
    assert!(
        p[0].starts_with(
            "quotes[0].speeker (q1): unknown field \"speeker\" (did you mean \"speaker\"?)"
        ),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|x| x == "quotes[0] (q1): required field \"speaker\" is missing"),
        "{p:?}"
    );
}

#[test]
fn wrong_types_and_values_are_problems() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": 7, "text": "petty"},
           {"id": "q2", "article": "a", "speaker": "carter", "text": "petty", "start": -3},
           {"id": "q3", "article": "a", "speaker": "carter", "text": ""},
           {"id": "q4", "article": "a", "speaker": "carter", "kind": "sarcastic", "text": "petty"},
           "not an object""#,
        r#"{"id": "l1", "kind": "opposite", "passages": []}"#,
    ));
    let p = problems(&s).join("\n");
    for want in [
        "quotes[0].speaker (q1): \"speaker\" must be a string, found a number",
        "quotes[1].start (q2): \"start\" must be a whole number of characters from 0 up, found -3",
        "quotes[2].text (q3): \"text\" is empty",
        "quotes[3].kind (q4): unknown quote kind \"sarcastic\"",
        "quotes[4]: must be an object, found a string",
        "links[0].kind (l1): unknown link kind \"opposite\"",
    ] {
        assert!(p.contains(want), "missing {want:?} in\n{p}");
    }
}

#[test]
fn a_start_beyond_the_end_is_reported_but_anchors() {
    let s = load(&story_json(
        r#"{"id": "q1", "article": "a", "speaker": "carter", "text": "petty", "start": 99999}"#,
        "",
    ));
    assert_eq!(s.quotes.len(), 1);
    assert!(
        problems(&s)[0]
            .starts_with("quotes[0].start (q1): start 99999 is beyond the end of the article")
    );
}

#[test]
fn speaker_fields_are_checked() {
    let json = r##"{"version": 1, "articles": [{"id": "a", "file": "a.txt"}, {"id": "a b", "file": "b.txt"}],
      "speakers": [{"id": "s1", "name": "X", "color": "mauve"}, {"id": "s2", "name": "Y", "color": "#00ff00", "aliases": ["X", 3]}]}"##;
    let s = load(json);
    let p = problems(&s).join("\n");
    assert!(
        p.contains("articles[1].id (a b): id \"a b\" may only use"),
        "{p}"
    );
    assert!(
        p.contains("speakers[0].color (s1): unknown colour \"mauve\""),
        "{p}"
    );
    assert!(
        p.contains("speakers[1].aliases[1] (s2): an alias must be a string, found a number"),
        "{p}"
    );
    assert!(
        p.contains("speakers[1] (s2): \"X\" also names speaker \"s1\""),
        "{p}"
    );
}

#[test]
fn unreadable_files_are_load_errors() {
    // Not JSON: line, column, the line and a caret.
    let e = load_with("{\n  \"version\": 1,\n  \"articles\": [,]\n}", &[]).unwrap_err();
    assert_eq!(e.source, "t.json");
    assert!(e.message.starts_with("not valid JSON: "), "{}", e.message);
    assert!(e.message.contains("at line 3, column 16"), "{}", e.message);
    assert!(
        e.message
            .ends_with("\n    \"articles\": [,]\n                 ^"),
        "{:?}",
        e.message
    );
    // Truncated.
    let e = load_with("{\"version\": 1, \"articles\": [", &[]).unwrap_err();
    assert!(e.message.contains("ends too early"), "{}", e.message);
    // Wrong version, no version, not an object.
    let e = load_with(r#"{"version": 2, "articles": []}"#, &[]).unwrap_err();
    assert_eq!(
        e.message,
        "story file version 2 is not supported: this program reads version 1"
    );
    let e = load_with(r#"{"articles": []}"#, &[]).unwrap_err();
    assert!(e.message.contains("no \"version\" field"));
    let e = load_with("[1, 2]", &[]).unwrap_err();
    assert!(e.message.contains("the top level is an array"));
    // A missing article file.
    let e = load_with(&story_json("", ""), &[("a.txt", A)]).unwrap_err();
    assert_eq!(e.to_string(), "t.json: article file b.txt: no such file");
}

#[test]
fn the_bundled_story_is_sound() {
    let s = story::bundled::load().unwrap();
    assert_eq!(problems(&s), Vec::<String>::new());
    assert_eq!(s.articles.len(), 2);
    assert_eq!(s.speakers.len(), 6);
    assert!(s.quotes.len() >= 30);
    let conflict = s
        .links
        .iter()
        .find(|l| {
            l.kind == LinkKind::Conflict
                && l.passages
                    .iter()
                    .any(|p| s.articles[p.article].text[p.range.clone()].contains("seven-hour"))
        })
        .expect("the meeting-length conflict");
    assert!(
        conflict
            .passages
            .iter()
            .any(|p| s.articles[p.article].text[p.range.clone()].contains("six-hour"))
    );
}

/// Every field of the format, set: written by the format's structs, read back by
/// the reader, and written again the same. The struct literals list every field
/// (no `..Default::default()`), so a field added to `story::format` does not
/// compile here until it is given a value, and then fails here until the reader
/// reads it.
#[test]
fn every_field_of_the_format_is_read_back() {
    use verso::story::format::*;
    let sel = |text: &str, start: u64| Selector {
        text: text.into(),
        prefix: None,
        suffix: None,
        start: Some(start),
    };
    let file = StoryFile {
        version: VERSION,
        title: Some("Council".into()),
        articles: vec![
            ArticleEntry {
                id: "a".into(),
                file: "a.txt".into(),
                title: Some("Seven hours".into()),
                outlet: Some("The Paper".into()),
                published: Some("2010-11-08".into()),
                url: Some("https://example.org/a".into()),
            },
            ArticleEntry {
                id: "b".into(),
                file: "b.txt".into(),
                title: Some("Six hours".into()),
                outlet: None,
                published: None,
                url: None,
            },
        ],
        speakers: vec![SpeakerEntry {
            id: "carter".into(),
            name: "Chris Carter".into(),
            description: Some("MP".into()),
            aliases: vec!["Mr Carter".into(), "Carter".into()],
            color: Some("#ffcc00".into()),
        }],
        quotes: vec![QuoteEntry {
            id: "q1".into(),
            article: "a".into(),
            speaker: "carter".into(),
            kind: Some("indirect".into()),
            cue: Some("said".into()),
            selector: sel("it was petty", 48),
        }],
        links: vec![LinkEntry {
            id: "l1".into(),
            kind: Some("conflict".into()),
            note: Some("seven vs six".into()),
            passages: vec![
                PassageEntry {
                    article: "a".into(),
                    selector: sel("seven hours", 20),
                },
                PassageEntry {
                    article: "b".into(),
                    selector: sel("six hours", 20),
                },
            ],
        }],
    };
    let story = load(&file.to_json());
    assert!(story.problems.is_empty(), "{:?}", problems(&story));
    assert_eq!(verso::exchange::canonical(&story), file);
    // prefix and suffix are read too: they pick the second "The council met".
    let mut second = file.clone();
    second.quotes[0].selector = Selector {
        text: "The council met".into(),
        prefix: Some("petty. ".into()),
        suffix: Some(" again".into()),
        start: None,
    };
    let story = load(&second.to_json());
    assert!(story.problems.is_empty(), "{:?}", problems(&story));
    assert_eq!(quote_text(&story, 0), "The council met");
    assert_eq!(
        story.quotes[0].range.start,
        A.find("The council met again").unwrap()
    );
}
