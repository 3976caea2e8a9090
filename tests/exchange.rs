//! `verso export --to w3c` and `verso import`: W3C Web Annotation round trips
//! (the bundled story, a story in non-ASCII text), the selectors written, brat
//! standoff files from a fixture, exit codes and atomic output.

mod common;

use std::path::Path;

use common::{Scratch, root, stderr, stdout, verso};
use verso::exchange::canonical;
use verso::story::{self, Story, format::StoryFile};

/// The canonical form with the article paths left out, and the article texts.
fn comparable(s: &Story) -> (StoryFile, Vec<String>) {
    let mut f = canonical(s);
    for a in &mut f.articles {
        a.file.clear();
    }
    (f, s.articles.iter().map(|a| a.text.clone()).collect())
}

fn load(p: &Path) -> Story {
    let s = story::load(p).unwrap_or_else(|e| panic!("{e}"));
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    s
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let o = verso(dir, args, None);
    assert_eq!(o.status.code(), Some(0), "verso {args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn bundled_story_round_trips() {
    let s = Scratch::new();
    // The bundled story's articles are not on disk beside the scratch folder:
    // export names them, import is given them with --text.
    run_ok(&s.dir, &["export", "--to", "w3c", "-o", "carter.jsonld"]);
    std::fs::create_dir_all(s.path("out")).unwrap();
    let threat = root().join("articles/carter-threat.txt");
    let goff = root().join("articles/goff-rejects-carter.txt");
    run_ok(
        &s.dir,
        &[
            "import",
            "carter.jsonld",
            "--text",
            threat.to_str().unwrap(),
            "--text",
            goff.to_str().unwrap(),
            "-o",
            "out/carter.json",
        ],
    );
    let back = load(&s.path("out/carter.json"));
    let orig = story::bundled::load().unwrap();
    assert_eq!(comparable(&back), comparable(&orig));
    assert_eq!(back.quotes.len(), 60);
    assert_eq!(back.links.len(), 14);
    // The imported story passes `verso check`.
    let o = verso(&s.dir, &["check", "out/carter.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn story_file_round_trips_through_standard_output_from_another_folder() {
    let s = Scratch::new();
    let exported = run_ok(
        &root(),
        &["export", "--to", "w3c", "annotations/carter.json"],
    );
    // On standard output, sources are absolute: the output has no folder.
    let threat = root()
        .join("articles/carter-threat.txt")
        .canonicalize()
        .unwrap();
    let source = format!(
        "\"source\": {}",
        serde_json::json!(threat.to_str().unwrap())
    );
    assert!(exported.contains(&source), "{source} in:\n{exported}");
    let orig = load(&root().join("annotations/carter.json"));
    // Saved in another folder and imported from a third: the same story.
    s.write("x/story.jsonld", &exported);
    std::fs::create_dir_all(s.path("elsewhere")).unwrap();
    let back = s.path("x/back.json");
    let o = verso(
        &s.path("elsewhere"),
        &[
            "import",
            s.path("x/story.jsonld").to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(comparable(&load(&back)), comparable(&orig));
    // And through a pipe, from a folder that is not the one exported from.
    let o = verso(
        &s.path("elsewhere"),
        &["import", "-", "-o", s.path("c.json").to_str().unwrap()],
        Some(&exported),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(comparable(&load(&s.path("c.json"))), comparable(&orig));
}

const ALPHA: &str = "Ōtautahi 🌏 — 第一天\r\n\r\nMere Pōtiki said the council had \"ignored every submission\" made by iwi. \
Pōtiki said: \"Kia kaha.\" Later she said again: \"Kia kaha.\"\n";
const BETA: &str = "Ngāi Tūāhuriri 🙂🙂 report\n\nThe rūnanga chair, Tāne Mahuta-Wēne, said Ms Pōtiki was right that the council ignored submissions.\n\
\"Kia kaha,\" he added.";

fn unicode_story(s: &Scratch) -> std::path::PathBuf {
    s.write("texts/alpha.txt", ALPHA);
    s.write("texts/beta.txt", BETA);
    s.write(
        "stories/hui.json",
        r##"{"version": 1, "title": "Hui — Ōtautahi",
  "articles": [
    {"id": "alpha", "file": "../texts/alpha.txt", "outlet": "Te Karere", "published": "2024-05-01", "url": "https://example.org/ā"},
    {"id": "beta", "file": "../texts/beta.txt", "title": "Ngāi Tūāhuriri 🙂"}],
  "speakers": [
    {"id": "potiki", "name": "Mere Pōtiki", "aliases": ["Pōtiki", "Ms Pōtiki"], "description": "kaumātua", "color": "#ffcc00"},
    {"id": "wene", "name": "Tāne Mahuta-Wēne", "color": "214"},
    {"id": "plain", "name": "Nobody Quoted", "color": "Light-Blue"}],
  "quotes": [
    {"id": "q1", "article": "alpha", "speaker": "potiki", "kind": "mixed", "cue": "said", "text": "the council had \"ignored every submission\" made by iwi"},
    {"id": "q2", "article": "alpha", "speaker": "potiki", "text": "\"Kia kaha.\"", "suffix": " Later"},
    {"id": "q3", "article": "alpha", "speaker": "potiki", "kind": "direct", "text": "\"Kia kaha.\"", "prefix": "again: "},
    {"id": "q4", "article": "beta", "speaker": "wene", "kind": "indirect", "cue": "said", "text": "Ms Pōtiki was right that the council ignored submissions"},
    {"id": "q5", "article": "beta", "speaker": "wene", "text": "\"Kia kaha,\"", "start": 103}],
  "links": [
    {"id": "ignored", "kind": "paraphrase", "note": "ignored — every submission", "passages": [
      {"article": "alpha", "text": "the council had \"ignored every submission\""},
      {"article": "beta", "text": "the council ignored submissions"}]},
    {"id": "kia-kaha", "kind": "same", "passages": [
      {"article": "alpha", "text": "Kia kaha", "prefix": "said: \""},
      {"article": "alpha", "text": "Kia kaha", "prefix": "again: \""},
      {"article": "beta", "text": "Kia kaha"}]},
    {"id": "l3", "passages": [
      {"article": "alpha", "text": "第一天"},
      {"article": "beta", "text": "🙂🙂"}]}]
}"##,
    )
}

#[test]
fn non_ascii_story_round_trips_with_code_point_offsets() {
    let s = Scratch::new();
    let story_path = unicode_story(&s);
    let orig = load(&story_path);
    for d in ["w3c", "back"] {
        std::fs::create_dir_all(s.path(d)).unwrap();
    }
    run_ok(
        &s.dir,
        &[
            "export",
            "--to",
            "w3c",
            "stories/hui.json",
            "-o",
            "w3c/hui.jsonld",
        ],
    );
    let w3c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("w3c/hui.jsonld")).unwrap()).unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    let items = w3c["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5 + 7);
    assert_eq!(w3c["total"], 12);
    // q1: target and selectors, offsets in code points (not bytes, not UTF-16).
    let q1 = &items[0];
    assert_eq!(q1["type"], "Annotation");
    // An article with a url is the target's source; its text's path (relative
    // to the output's folder) is kept in verso:articles.
    assert_eq!(q1["target"]["source"], "https://example.org/ā");
    assert_eq!(w3c["verso:articles"][0]["source"], "https://example.org/ā");
    assert_eq!(w3c["verso:articles"][0]["file"], "../texts/alpha.txt");
    assert_eq!(items[3]["target"]["source"], "../texts/beta.txt");
    assert!(w3c["verso:articles"][1].get("file").is_none());
    let exact = "the council had \"ignored every submission\" made by iwi";
    let byte = ALPHA.find(exact).unwrap();
    let cp = ALPHA[..byte].chars().count();
    assert_ne!(cp, byte);
    let sel = &q1["target"]["selector"];
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], exact);
    let prefix: String = ALPHA[..byte]
        .chars()
        .rev()
        .take(32)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(sel[0]["prefix"], prefix.as_str());
    assert_eq!(sel[0]["suffix"], ". Pōtiki said: \"Kia kaha.\" Later");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    assert_eq!(sel[1]["start"], cp);
    assert_eq!(sel[1]["end"], cp + exact.chars().count());
    // Speaker and kind kept, as bodies and verso: properties.
    assert_eq!(q1["verso:speaker"], "potiki");
    assert_eq!(q1["verso:kind"], "mixed");
    assert_eq!(q1["verso:cue"], "said");
    assert!(
        q1["body"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["purpose"] == "identifying" && b["value"] == "Mere Pōtiki")
    );
    assert_eq!(w3c["verso:speakers"][0]["color"], "#ffcc00");
    assert_eq!(w3c["verso:speakers"][2]["color"], "lightblue");

    run_ok(&s.dir, &["import", "w3c/hui.jsonld", "-o", "back/hui.json"]);
    let back = load(&s.path("back/hui.json"));
    assert_eq!(comparable(&back), comparable(&orig));
    // Article paths are relative to the new story's folder.
    assert_eq!(back.articles[0].file, "../texts/alpha.txt");
    // And once more: export of the import is the export (but for paths, same folder depth).
    run_ok(
        &s.dir,
        &[
            "export",
            "--to",
            "w3c",
            "back/hui.json",
            "-o",
            "w3c/again.jsonld",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(s.path("w3c/hui.jsonld")).unwrap(),
        std::fs::read_to_string(s.path("w3c/again.jsonld")).unwrap()
    );
}

#[test]
fn foreign_w3c_annotations_import() {
    // What another tool might write: a plain list, a tag for the kind, the
    // speaker as an identifying body, only a quote selector, or only a position.
    let s = Scratch::new();
    s.write(
        "doc.txt",
        "Zoë said: “Ça va.” Then Zoë said it had gone well.\n",
    );
    s.write(
        "anns.json",
        r#"[
  {"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "direct"},
     {"type": "TextualBody", "purpose": "identifying", "value": "Zoë"}],
   "target": {"source": "http://example.org/news/doc.txt?x=1",
     "selector": {"type": "TextQuoteSelector", "exact": "“Ça va.”"}}},
  {"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "indirect"},
     {"type": "TextualBody", "purpose": "identifying", "value": "Zoë"},
     {"type": "TextualBody", "purpose": "describing", "value": "said"}],
   "target": {"source": "http://example.org/news/doc.txt?x=1",
     "selector": [{"type": "TextPositionSelector", "start": 33, "end": 49}]}},
  {"type": "Annotation", "motivation": "commenting", "body": {"type": "TextualBody", "value": "nice"},
   "target": {"source": "http://example.org/news/doc.txt?x=1"}}
]"#,
    );
    // A web source needs its text.
    let o = verso(&s.dir, &["import", "anns.json", "-o", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--text doc.txt"), "{}", stderr(&o));
    let o = verso(
        &s.dir,
        &[
            "import",
            "anns.json",
            "--text",
            "doc.txt",
            "-o",
            "story.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("[2]: skipped"), "{}", stderr(&o));
    let st = load(&s.path("story.json"));
    assert_eq!(st.speakers.len(), 1);
    assert_eq!(st.speakers[0].id, "zoe");
    assert_eq!(st.quotes.len(), 2);
    let text = &st.articles[0].text;
    assert_eq!(&text[st.quotes[0].range.clone()], "“Ça va.”");
    assert_eq!(&text[st.quotes[1].range.clone()], "it had gone well");
    assert_eq!(st.quotes[1].cue.as_deref(), Some("said"));
}

#[test]
fn brat_fixture_imports_with_the_right_spans() {
    let s = Scratch::new();
    let fixture = root().join("tests/fixtures/brat/hui.ann");
    let o = verso(
        &s.dir,
        &["import", fixture.to_str().unwrap(), "-o", "hui.json"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The Location entity and the annotator's note are skipped, with a note.
    assert!(
        stderr(&o).contains("entity type Location skipped"),
        "{}",
        stderr(&o)
    );
    let st = load(&s.path("hui.json"));
    let text = &st.articles[0].text;
    assert_eq!(st.articles[0].id, "hui");
    let speakers: Vec<(&str, &str, Vec<&str>)> = st
        .speakers
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.name.as_str(),
                s.aliases.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            ("tane-mahuta-wene", "Tāne Mahuta-Wēne", vec!["Mahuta-Wēne"]),
            ("mere-potiki", "Mere Pōtiki", vec!["Ms Pōtiki"]),
        ]
    );
    let quotes: Vec<(&str, &str, &str, Option<&str>, &str)> = st
        .quotes
        .iter()
        .map(|q| {
            (
                q.id.as_str(),
                st.speakers[q.speaker].id.as_str(),
                q.kind.as_str(),
                q.cue.as_deref(),
                &text[q.range.clone()],
            )
        })
        .collect();
    assert_eq!(
        quotes,
        vec![
            (
                "q1",
                "tane-mahuta-wene",
                "direct",
                Some("told reporters"),
                "\"We will not be moved on the water plan.\""
            ),
            (
                "q2",
                "mere-potiki",
                "mixed",
                Some("said"),
                "the council had \"ignored every submission\" made by iwi"
            ),
            (
                "q3",
                "mere-potiki",
                "indirect",
                None,
                "that the hui would meet again in Māhuru"
            ),
            ("q4", "tane-mahuta-wene", "direct", None, "\"Kia kaha,\""),
        ]
    );
    // The offsets of the .ann count characters: q1 starts at character 116,
    // byte 131 (the text before holds Ō, 🌏, —, ā, ū, Ō, —, ā, ē, ū).
    assert_eq!(text[..st.quotes[0].range.start].chars().count(), 116);
    assert_eq!(st.quotes[0].range.start, 131);
    let o = verso(&s.dir, &["check", "hui.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn brat_with_byte_offsets_or_no_speaker_is_a_problem() {
    let s = Scratch::new();
    s.write("doc.txt", "Ōtautahi — “Kia kaha,” Tāne said.\n");
    // T1 has byte offsets, as a tool working on bytes would write them.
    s.write(
        "doc.ann",
        "T1\tQuote 14 29\t“Kia kaha,”\nT2\tQuote 11 22\t“Kia kaha,”\nT3\tPerson 23 27\tTāne\nR1\tSays Arg1:T3 Arg2:T2\n",
    );
    let o = verso(&s.dir, &["import", "doc.ann", "-o", "doc.json"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("T1") && err.contains("characters, not bytes"),
        "{err}"
    );
    // The story is still written, and sound: T2 attributed, T1 left out.
    let st = load(&s.path("doc.json"));
    assert_eq!(st.quotes.len(), 1);

    s.write("lone.txt", "“Kia kaha.”\n");
    s.write("lone.ann", "T1\tDirect 0 11\t“Kia kaha.”\n");
    let o = verso(&s.dir, &["import", "lone.ann", "-o", "lone.json"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown"), "{}", stderr(&o));
    let st = load(&s.path("lone.json"));
    assert_eq!(st.speakers[0].name, "Unknown speaker");
}

#[test]
fn unreadable_inputs_exit_2_naming_the_file() {
    let s = Scratch::new();
    s.write(
        "bad.jsonld",
        "{\"type\": \"AnnotationCollection\",\n \"first\": [}",
    );
    let o = verso(&s.dir, &["import", "bad.jsonld", "-o", "x.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.jsonld") && stderr(&o).contains("line 2"),
        "{}",
        stderr(&o)
    );
    assert!(!s.path("x.json").exists());

    s.write("a.ann", "T1\tQuote 0 3\tabc\n");
    let o = verso(&s.dir, &["import", "a.ann"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a.txt: no such file"), "{}", stderr(&o));

    let o = verso(&s.dir, &["export", "--to", "w3c", "nope.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("nope.json: no such file"),
        "{}",
        stderr(&o)
    );
    let o = verso(&s.dir, &["export", "--to", "csv"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn output_is_written_atomically() {
    let s = Scratch::new();
    let out = s.write("carter.jsonld", "old contents");
    // Into a folder that does not exist: fails, names the file, leaves nothing.
    let o = verso(
        &s.dir,
        &["export", "--to", "w3c", "-o", "no/such/dir/x.jsonld"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/dir/x.jsonld"),
        "{}",
        stderr(&o)
    );
    // Over an existing file: replaced whole, no temporary file left beside it.
    run_ok(&s.dir, &["export", "--to", "w3c", "-o", "carter.jsonld"]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('{') && text.ends_with("}\n"));
    let names: Vec<String> = std::fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["carter.jsonld".to_string()]);
}

#[test]
fn export_leaves_out_problems_and_exits_1() {
    let s = Scratch::new();
    s.write("a.txt", "Tāne said: “Kia kaha.”\n");
    s.write("b.txt", "He said “Kia kaha.”\n");
    s.write(
        "story.json",
        r#"{"version": 1, "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt"}],
  "speakers": [{"id": "tane", "name": "Tāne"}],
  "quotes": [{"id": "q1", "article": "a", "speaker": "tane", "text": "“Kia kaha.”"},
             {"id": "q2", "article": "b", "speaker": "tane", "text": "not in the text"}],
  "links": []}"#,
    );
    let o = verso(
        &s.dir,
        &["export", "--to", "w3c", "story.json", "-o", "out.jsonld"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("q2"), "{}", stderr(&o));
    let o = verso(&s.dir, &["import", "out.jsonld", "-o", "back.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = load(&s.path("back.json"));
    assert_eq!(back.quotes.len(), 1);
    assert_eq!(back.articles.len(), 2);
}

#[test]
fn w3c_files_of_every_shape_are_read_or_refused_by_name() {
    let s = Scratch::new();
    s.write("a.txt", "Ann said yes.\n");
    let refused = [
        (
            "p.jsonld",
            r#"{"type": "AnnotationPage"}"#,
            "p.jsonld: no \"items\" list",
        ),
        (
            "c.jsonld",
            r#"{"type": "AnnotationCollection", "first": "http://x/p1"}"#,
            "c.jsonld: first: the collection's pages are not in the file",
        ),
        (
            "c2.jsonld",
            r#"{"type": "AnnotationCollection", "first": {"type": "AnnotationPage"}}"#,
            "c2.jsonld: first: no \"items\" list",
        ),
        (
            "n.jsonld",
            "42",
            "n.jsonld: not W3C Web Annotation: the top level is neither",
        ),
        (
            "t.jsonld",
            r#"{"type": "Thing"}"#,
            "t.jsonld: not W3C Web Annotation: the top level is an object whose \"type\"",
        ),
    ];
    for (file, text, says) in refused {
        s.write(file, text);
        let o = verso(&s.dir, &["import", file], None);
        assert_eq!(o.status.code(), Some(2), "{file}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("verso import: {says}")),
            "{file}: {}",
            stderr(&o)
        );
    }
    // A list: a quote without a speaker, an annotation that is neither, one
    // without a target; the first is imported, the rest said.
    let quote = r#"{"type": "Annotation", "body": [{"purpose": "tagging", "value": "direct"}],
        "target": {"source": "a.txt", "selector": {"type": "TextQuoteSelector", "exact": "yes"}}}"#;
    s.write(
        "l.jsonld",
        format!(
            r#"[{quote}, {{"type": "Annotation", "id": "x2", "body": []}},
            {{"type": "Annotation", "body": [{{"purpose": "tagging", "value": "direct"}}]}}]"#
        ),
    );
    let o = verso(&s.dir, &["import", "l.jsonld", "-o", "l.json"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for says in [
        "verso import: l.jsonld: note: [1] (x2): skipped: neither a quote nor a link passage",
        "verso import: l.jsonld: [0]: a quote with no speaker",
        "verso import: l.jsonld: [2]: no target source",
    ] {
        assert!(err.contains(says), "{says} in:\n{err}");
    }
    let back = story::load(&s.path("l.json")).unwrap();
    assert_eq!(back.quotes.len(), 1);
    assert_eq!(back.speakers[0].name, "unknown");
}
