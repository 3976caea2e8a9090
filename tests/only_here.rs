//! Passages only one article has, derived from the links when a story is
//! loaded: the reader's gutter mark and its key (`o` / `O`), `verso stats`,
//! and stories of more than two articles (`]` brings the counterpart into the
//! article on the right, aligned).

use std::path::PathBuf;

use verso::app::App;
use verso::cli::open;
use verso::keys::{Keymap, parse_keys};
use verso::render;
use verso::story::Story;
use verso::ui::Theme;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The drafted story of bare articles, as `verso A B ...` opens it.
fn drafted(files: &[&str]) -> Story {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    open(&paths, false).unwrap().story
}

fn reader(story: Story, keys: &str) -> App {
    let mut app = App::new(story, true, (120, 40));
    render::feed(&mut app, &Keymap::default(), &parse_keys(keys).unwrap());
    app
}

fn screen(app: &App) -> String {
    render::to_text(&render::draw(app, &Keymap::default(), Theme::PLAIN))
}

fn harbour() -> Story {
    drafted(&[
        "revisions/harbour/before.txt",
        "revisions/harbour/after.txt",
    ])
}

#[test]
fn the_sentences_no_link_covers_are_only_here() {
    let app = reader(harbour(), "");
    let text = |a: usize, i: usize| &app.story.articles[a].text[app.only[a][i].clone()];
    assert_eq!(app.only[0].len(), 1, "{:?}", app.only[0]);
    assert!(text(0, 0).starts_with("Work on the first stage"));
    assert_eq!(app.only[1].len(), 1, "{:?}", app.only[1]);
    assert!(text(1, 0).starts_with("Environment Minister Sarah Paul"));
}

#[test]
fn the_only_here_key_visits_the_added_sentence_with_its_own_mark() {
    let app = reader(harbour(), "lo");
    assert_eq!(app.message.as_deref(), Some("only here: 1 of 1"));
    let s = screen(&app);
    let line = s
        .lines()
        .find(|l| l.contains("Environment Minister"))
        .unwrap_or_else(|| panic!("{s}"));
    // Without colour the mark is `+`, unlike the link kinds' `=`, `~`, `!`.
    assert!(line.contains("│+Environment Minister"), "{line}");
    let again = reader(harbour(), "loo");
    assert_eq!(
        again.message.as_deref(),
        Some("only here: 1 of 1 (wrapped)")
    );
}

#[test]
fn stats_report_how_much_of_each_article_is_only_there() {
    let st = verso::stats::compute(&harbour());
    let a = &st.articles;
    assert_eq!((a[0].only_here, a[1].only_here), (1, 1));
    assert_eq!(a[0].only_here_words, 14, "{:?}", a[0]);
    assert!(a[0].text_words > 150);
    assert!(verso::stats::table(&st).contains("Only here"));
}

/// Three versions of one story: before, after, and after again with the
/// meeting's length changed once more.
fn three() -> Story {
    let read = |f: &str| std::fs::read_to_string(fixture(f)).unwrap();
    let (a, b) = (
        read("revisions/harbour/before.txt"),
        read("revisions/harbour/after.txt"),
    );
    let c = b.replace("37 hours", "40 hours");
    let articles = vec![
        ("before.txt".to_string(), a),
        ("after.txt".to_string(), b),
        ("later.txt".to_string(), c),
    ];
    let json = verso::annotate::draft(&articles).to_json();
    verso::story::from_json("three", &json, |f| {
        articles
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| f.to_string())
    })
    .unwrap()
}

#[test]
fn three_articles_are_linked_pairwise_and_the_right_article_is_aligned() {
    let story = three();
    let pairs: std::collections::BTreeSet<(usize, usize)> = story
        .links
        .iter()
        .map(|l| (l.passages[0].article, l.passages[1].article))
        .collect();
    assert_eq!(
        pairs.into_iter().collect::<Vec<_>>(),
        vec![(0, 1), (0, 2), (1, 2)]
    );
    // Every `]` shows the focused link's passage on the left and its
    // counterpart in the article on the right, both on screen.
    let mut seen = std::collections::BTreeSet::new();
    for n in 1..=12 {
        let app = reader(three(), &"]".repeat(n));
        let l = &app.story.links[app.focused_link.expect("a link")];
        let row = |p: usize| {
            let x = l
                .passages
                .iter()
                .find(|x| x.article == app.panes[p].article);
            let x = x.unwrap_or_else(|| panic!("{n}: no passage in pane {p}"));
            app.panes[p].layout.row_of(x.range.start) as isize - app.panes[p].top as isize
        };
        for p in 0..2 {
            assert!(
                (0..app.panes[p].height as isize).contains(&row(p)),
                "{n}: pane {p}"
            );
        }
        seen.insert(app.panes[1].article);
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![1, 2]);
    // The meeting's length: a conflict between every two versions.
    let story = three();
    let notes: Vec<&str> = story
        .links
        .iter()
        .filter_map(|l| l.note.as_deref())
        .filter(|n| n.contains("hours"))
        .collect();
    assert_eq!(
        notes,
        vec![
            "27 hours vs 37 hours",
            "27 hours vs 40 hours",
            "37 hours vs 40 hours"
        ]
    );
}
