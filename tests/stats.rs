//! `verso stats` (numbers on the bundled story against counts made by hand, the
//! 80-column table, CSV, JSON, exit codes), and the command line's help,
//! `--version`, shell completions and manual page.

mod common;

use common::{Scratch, root, stderr, stdout, verso};
use verso::stats::{self, SpeakerStats, StoryStats};

/// Hand counts for the bundled story (annotations/carter.json), made with a
/// small Python script independent of verso: it finds each quote's `text` in its
/// article (every one occurs once), counts words with the regular expression
/// `\w+(?:['.:]\w+)*` (runs of letters, digits and `_`, joined by an apostrophe,
/// full stop or colon between two of them: the cases UAX #29 joins in these
/// texts), and marks a quote shared when the span of some link passage in the
/// same article overlaps it (character ranges with a character in common) and
/// that link has a passage in the other article. Rows: (article, speaker,
/// quotes, direct, mixed, indirect, shared, words).
type Row = (
    &'static str,
    &'static str,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
);
const HAND: &[Row] = &[
    ("threat", "little", 11, 4, 1, 6, 3, 255),
    ("threat", "carter", 7, 2, 1, 4, 7, 87),
    ("threat", "council", 1, 0, 0, 1, 1, 19),
    ("threat", "goff", 0, 0, 0, 0, 0, 0),
    ("threat", "key", 0, 0, 0, 0, 0, 0),
    ("threat", "williams", 0, 0, 0, 0, 0, 0),
    ("goff", "council", 9, 0, 0, 9, 4, 275),
    ("goff", "carter", 9, 3, 0, 6, 6, 155),
    ("goff", "goff", 6, 2, 3, 1, 0, 150),
    ("goff", "key", 7, 3, 0, 4, 0, 130),
    ("goff", "williams", 6, 4, 1, 1, 0, 95),
    ("goff", "little", 4, 2, 0, 2, 3, 88),
];
/// Words quoted per article, by the same script: threat 361, goff 893.
const HAND_WORDS: &[(&str, usize)] = &[("threat", 361), ("goff", 893)];

fn bundled_stats() -> StoryStats {
    stats::compute(&verso::story::bundled::load().expect("the bundled story loads"))
}

fn row<'a>(st: &'a StoryStats, article: &str, speaker: &str) -> &'a SpeakerStats {
    let a = st.articles.iter().find(|a| a.id == article).unwrap();
    a.speakers.iter().find(|s| s.id == speaker).unwrap()
}

#[test]
fn bundled_story_matches_hand_counts() {
    let st = bundled_stats();
    for &(a, s, quotes, direct, mixed, indirect, shared, words) in HAND {
        let r = row(&st, a, s);
        assert_eq!(
            (r.quotes, r.direct, r.mixed, r.indirect, r.shared, r.words),
            (quotes, direct, mixed, indirect, shared, words),
            "{a}/{s}"
        );
        let total = HAND_WORDS.iter().find(|(id, _)| *id == a).unwrap().1;
        assert!(
            (r.share - words as f64 / total as f64).abs() < 1e-12,
            "{a}/{s}"
        );
    }
    for &(a, words) in HAND_WORDS {
        let art = st.articles.iter().find(|x| x.id == a).unwrap();
        assert_eq!(art.words, words);
    }
    // Per story: 60 quotes, 24 carried by both articles (threat 11, goff 13),
    // 36 by one only (threat 8, goff 28).
    assert_eq!(
        (st.quotes, st.shared, st.only, st.words),
        (60, 24, 36, 1254)
    );
    let per: Vec<(usize, usize)> = st.articles.iter().map(|a| (a.shared, a.only)).collect();
    assert_eq!(per, vec![(11, 8), (13, 28)]);
}

#[test]
fn speakers_are_ordered_by_words_quoted() {
    let st = bundled_stats();
    let order: Vec<&str> = st.articles[1]
        .speakers
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        order,
        ["council", "carter", "goff", "key", "williams", "little"]
    );
}

#[test]
fn words_follow_unicode_word_bounds() {
    assert_eq!(stats::words("\"It's a by-election,\" he said."), 6);
    assert_eq!(stats::words("Ōtautahi — Ngāi Tūāhuriri 🌏 2010"), 4);
    assert_eq!(stats::words("... — \" '"), 0);
}

#[test]
fn json_output_has_the_same_numbers() {
    let o = verso(&root(), &["stats", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["quotes"], 60);
    assert_eq!(v["shared"], 24);
    assert_eq!(v["only"], 36);
    assert_eq!(v["articles"][0]["id"], "threat");
    assert_eq!(v["articles"][0]["speakers"][0]["id"], "little");
    assert_eq!(v["articles"][0]["speakers"][0]["words"], 255);
}

#[test]
fn csv_output_has_a_row_per_article_and_speaker() {
    let o = verso(
        &root(),
        &["stats", "annotations/carter.json", "--format", "csv"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "article,speaker,name,quotes,direct,mixed,indirect,shared,words,share"
    );
    assert_eq!(lines.len(), 1 + 2 * 6);
    assert!(lines.contains(&"threat,little,Andrew Little,11,4,1,6,3,255,0.7064"));
    assert!(
        lines
            .contains(&"goff,council,New Zealand Council of the Labour Party,9,0,0,9,4,275,0.3080")
    );
}

fn max_width(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn table_fits_80_columns() {
    let o = verso(&root(), &["stats"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(max_width(&out) <= 80, "{out}");
    assert!(
        out.contains(
            "Andrew Little                    11      4     1        6      3    255  70.6%"
        ),
        "{out}"
    );
    assert!(out.contains("24 (threat 11, goff 13)"), "{out}");
}

/// A story with long, wide and hostile names and titles, and a problem.
fn awkward_story(s: &Scratch) -> std::path::PathBuf {
    s.write("a.txt", "第一篇文章的标题非常非常非常非常非常非常非常非常非常非常长\n\n王小明说：“我们不会离开。”\n");
    s.write("b.txt", "Another article\n\nHe said: “我们不会离开。”\n");
    s.write(
        "story.json",
        r#"{"version": 1, "title": "A title that goes on and on and on and on and on and on and on and on and on",
  "articles": [
    {"id": "an-article-with-a-rather-long-identifier", "file": "a.txt"},
    {"id": "b", "file": "b.txt"}],
  "speakers": [
    {"id": "wang", "name": "王小明王小明王小明王小明王小明王小明王小明王小明"},
    {"id": "x", "name": "Someone\u001b[31m with\u202e a very long name indeed, longer than any column"}],
  "quotes": [
    {"id": "q1", "article": "an-article-with-a-rather-long-identifier", "speaker": "wang", "text": "“我们不会离开。”"},
    {"id": "q2", "article": "b", "speaker": "x", "kind": "indirect", "text": "“我们不会离开。”"},
    {"id": "q3", "article": "b", "speaker": "nobody", "text": "He said"}],
  "links": [{"id": "l1", "kind": "same", "passages": [
    {"article": "an-article-with-a-rather-long-identifier", "text": "我们不会离开"},
    {"article": "b", "text": "我们不会离开"}]}]
}"#,
    )
}

#[test]
fn table_fits_80_columns_with_long_and_wide_names() {
    let s = Scratch::new();
    let story = awkward_story(&s);
    let o = verso(&s.dir, &["stats", story.to_str().unwrap()], None);
    // The unknown speaker is a problem: counted over what is sound, exit 1.
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nobody"), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(max_width(&out) <= 80, "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out}"
    );
    let st: serde_json::Value = serde_json::from_str(&stdout(&verso(
        &s.dir,
        &["stats", "story.json", "--format", "json"],
        None,
    )))
    .unwrap();
    // Both quotes overlap the linked passages: both shared.
    assert_eq!(
        (st["quotes"].as_u64(), st["shared"].as_u64()),
        (Some(2), Some(2))
    );
}

#[test]
fn reads_standard_input_and_reports_unreadable_files() {
    let json = verso::story::bundled::json();
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("annotations")).unwrap();
    // From stdin, article paths are relative to the current folder.
    let o = verso(
        &root().join("annotations"),
        &["stats", "-", "--format", "csv"],
        Some(json),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 13);

    s.write("bad.json", "{\"version\": 1,\n  \"articles\": [}\n");
    let o = verso(&s.dir, &["stats", "bad.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.json") && stderr(&o).contains("line 2"),
        "{}",
        stderr(&o)
    );
    let o = verso(&s.dir, &["stats", "missing.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("missing.json: no such file"),
        "{}",
        stderr(&o)
    );
    let o = verso(&s.dir, &["stats", "--format", "yaml"], None);
    assert_eq!(o.status.code(), Some(2));
}

// ---- help, version, completions, manual page --------------------------------

#[test]
fn every_command_has_help_with_examples() {
    use clap::CommandFactory;
    let cmd = verso::cli::Cli::command();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        let after = sub
            .get_after_help()
            .map(|h| h.to_string())
            .unwrap_or_default();
        assert!(
            after.contains("Examples:"),
            "verso {name}: no examples in --help"
        );
        assert!(
            after.contains(&format!("verso {name}")),
            "verso {name}: examples do not run it"
        );
        assert!(sub.get_about().is_some(), "verso {name}: no description");
        let o = verso(&root(), &[name, "--help"], None);
        assert_eq!(o.status.code(), Some(0), "verso {name} --help");
        assert!(stdout(&o).contains("Examples:"), "verso {name} --help");
    }
}

#[test]
fn version_is_printed() {
    let o = verso(&root(), &["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("verso {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef verso"),
        ("fish", "complete -c verso"),
    ] {
        let o = verso(&root(), &["completions", shell], None);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(marker), "{shell}");
        for sub in ["stats", "export", "import", "completions", "man"] {
            assert!(out.contains(sub), "{shell}: no {sub}");
        }
    }
    let o = verso(&root(), &["completions", "tcsh"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_covers_every_command() {
    use clap::CommandFactory;
    let o = verso(&root(), &["man"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH verso 1"), "{page}");
    assert!(
        !page.contains("verso\\-stats(1)"),
        "refers to pages that do not exist"
    );
    for sub in verso::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        if name != "help" {
            assert!(
                page.contains(&format!(".SH \"VERSO {}\"", name.to_uppercase())),
                "no section for {name}"
            );
        }
    }
    assert!(page.contains("verso stats annotations/carter.json \\-\\-format csv"));
    assert_eq!(page, verso::cli::man_page());
}
