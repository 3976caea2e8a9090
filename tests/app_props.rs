//! Property test of the reader's state: random small stories (1 to 4 articles of
//! awkward Unicode, 0 to 12 speakers, quotes and links cut from the texts), random
//! screen sizes that change mid-run, and random keys of the default keymap mixed
//! with clicks and wheel turns at random cells. After every step the screen draws
//! without panicking, exactly as tall and no wider than the screen, every pane's
//! scroll is within its text, every overlay's within its rows, and every
//! selection within its list.

use proptest::prelude::*;
use serde_json::json;
use unicode_width::UnicodeWidthStr;
use verso::app::geometry::HELP_WIDTH;
use verso::app::{Action, App, Focus, Geometry, Overlay};
use verso::keys::{Keymap, parse_keys};
use verso::render::{draw, feed, to_text};
use verso::ui::Theme;

/// Pieces of article text.
const PIECES: &[&str] = &[
    "the",
    "said",
    "Carter",
    "Mr",
    "Goff",
    "\"",
    "“",
    "”",
    "'",
    ",",
    ".",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    "\t",
    "中文字",
    "한국",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{202e}",
    "\x1b[2J",
    "\x07",
    "\u{85}",
    "ｶﾞ",
    "क्षि",
    "\u{a0}",
    "\u{feff}",
    "meeting",
    "seven-hour",
    "six-hour",
    "Labour",
];

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        8 => prop::collection::vec(
            prop_oneof![
                8 => prop::sample::select(PIECES).prop_map(String::from),
                2 => "[a-zA-Z]{1,14}",
                1 => any::<char>().prop_map(String::from),
            ],
            0..80,
        )
        .prop_map(|v| v.concat()),
    ]
}

/// A span cut from one of the texts: (article, start fraction, length in chars).
type Cut = (usize, f64, usize);

fn cut() -> impl Strategy<Value = Cut> {
    (0..4usize, 0.0..1.0f64, 0..20usize)
}

#[derive(Debug, Clone)]
struct StorySpec {
    articles: Vec<String>,
    /// (name, aliases)
    speakers: Vec<(String, Vec<String>)>,
    /// (cut, speaker, kind)
    quotes: Vec<(Cut, usize, u8)>,
    /// (passages, kind)
    links: Vec<(Vec<Cut>, u8)>,
}

fn story_spec() -> impl Strategy<Value = StorySpec> {
    (
        prop::collection::vec(article(), 1..=4),
        prop::collection::vec(
            (
                prop_oneof![
                    "[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8})?",
                    prop::sample::select(PIECES).prop_map(String::from),
                    Just("a.*(b)+[".to_string()),
                    Just("\x1b[31mRed".to_string()),
                ],
                prop::collection::vec("[A-Za-z ]{0,10}", 0..4),
            ),
            0..=12,
        ),
        prop::collection::vec((cut(), 0..13usize, 0..3u8), 0..12),
        prop::collection::vec((prop::collection::vec(cut(), 1..4), 0..3u8), 0..6),
    )
        .prop_map(|(articles, speakers, quotes, links)| StorySpec {
            articles,
            speakers,
            quotes,
            links,
        })
}

/// The selector of a cut: its text and its start in code points.
fn selector(spec: &StorySpec, c: &Cut) -> serde_json::Value {
    let a = c.0 % spec.articles.len();
    let chars: Vec<char> = spec.articles[a].chars().collect();
    let start = ((chars.len() as f64) * c.1) as usize;
    let end = (start + c.2).min(chars.len());
    let text: String = chars[start..end].iter().collect();
    json!({"article": format!("a{a}"), "text": text, "start": start})
}

fn build(spec: &StorySpec) -> verso::story::Story {
    let kinds = ["direct", "indirect", "mixed"];
    let lkinds = ["same", "paraphrase", "conflict"];
    let articles: Vec<_> = (0..spec.articles.len())
        .map(|i| json!({"id": format!("a{i}"), "file": format!("a{i}.txt")}))
        .collect();
    let speakers: Vec<_> = spec
        .speakers
        .iter()
        .enumerate()
        .map(
            |(i, (name, aliases))| json!({"id": format!("s{i}"), "name": name, "aliases": aliases}),
        )
        .collect();
    let quotes: Vec<_> = spec
        .quotes
        .iter()
        .enumerate()
        .map(|(i, (c, s, k))| {
            let mut q = selector(spec, c);
            q["id"] = json!(format!("q{i}"));
            q["speaker"] = json!(format!("s{s}"));
            q["kind"] = json!(kinds[*k as usize]);
            q
        })
        .collect();
    let links: Vec<_> = spec
        .links
        .iter()
        .enumerate()
        .map(|(i, (cuts, k))| {
            let passages: Vec<_> = cuts.iter().map(|c| selector(spec, c)).collect();
            json!({"id": format!("l{i}"), "kind": lkinds[*k as usize], "note": "a\nnote", "passages": passages})
        })
        .collect();
    let doc = json!({
        "version": 1,
        "title": "prop",
        "articles": articles,
        "speakers": speakers,
        "quotes": quotes,
        "links": links,
    });
    let texts = spec.articles.clone();
    verso::story::from_json("prop.json", &doc.to_string(), |file| {
        let i: usize = file
            .trim_start_matches('a')
            .trim_end_matches(".txt")
            .parse()
            .map_err(|_| "bad name".to_string())?;
        texts.get(i).cloned().ok_or_else(|| "no such".to_string())
    })
    .expect("a well-formed story always loads")
}

#[derive(Debug, Clone)]
enum Step {
    Keys(String),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

const KEYS: &[&str] = &[
    "<Tab>",
    "<S-Tab>",
    "h",
    "l",
    "]",
    "[",
    "}",
    "{",
    "/",
    "n",
    "N",
    "<lt>",
    ">",
    "p",
    "m",
    "a",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "<Space>",
    "<Enter>",
    "<Esc>",
    "!",
    "?",
    "G",
    "g",
    "j",
    "k",
    "<C-d>",
    "<C-u>",
    "<PageDown>",
    "<PageUp>",
    "<BS>",
    "s",
];

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        (1..=250u16, 1..=80u16),
        prop::sample::select(vec![
            (1, 1),
            (19, 5),
            (20, 6),
            (79, 24),
            (80, 24),
            (119, 40),
            (120, 40),
            (250, 80),
            (21, 7)
        ]),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => prop::sample::select(KEYS).prop_map(|k| Step::Keys(k.to_string())),
        2 => "[a-zA-Z 中😀\"]{0,6}<Enter>?".prop_map(|s| Step::Keys(format!("/{s}"))),
        2 => (0..260u16, 0..90u16).prop_map(|(x, y)| Step::Click(x, y)),
        2 => (0..260u16, 0..90u16, any::<bool>()).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
        1 => size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn check(app: &App, keymap: &Keymap, what: &str) -> Result<(), TestCaseError> {
    let (w, h) = app.size;
    let buf = draw(app, keymap, Theme::PLAIN);
    let text = to_text(&buf);
    let lines: Vec<&str> = text.lines().collect();
    prop_assert_eq!(lines.len(), h as usize, "after {}: line count", what);
    for l in &lines {
        prop_assert!(
            l.width() <= w as usize,
            "after {}: line wider than {}: {:?}",
            what,
            w,
            l
        );
    }
    let n_articles = app.story.articles.len();
    for p in 0..2 {
        prop_assert!(
            app.panes[p].article < n_articles,
            "after {}: pane {} article",
            what,
            p
        );
        prop_assert!(
            app.panes[p].top <= app.max_top(p),
            "after {}: pane {} top {} > max_top {}",
            what,
            p,
            app.panes[p].top,
            app.max_top(p)
        );
    }
    let n_speakers = app.story.speakers.len();
    prop_assert!(
        app.speaker_sel < n_speakers.max(1),
        "after {}: speaker_sel {} of {}",
        what,
        app.speaker_sel,
        n_speakers
    );
    prop_assert_eq!(app.speaker_on.len(), n_speakers);
    if let Some(f) = app.quote_filter {
        prop_assert!(f < n_speakers, "after {}: quote filter", what);
    }
    let listed = app.listed_quotes().len();
    prop_assert!(
        app.quote_sel < listed.max(1),
        "after {}: quote_sel {} of {}",
        what,
        app.quote_sel,
        listed
    );
    if let Some(l) = app.focused_link {
        prop_assert!(l < app.story.links.len());
    }
    if let Some(q) = app.current_quote {
        prop_assert!(q < app.story.quotes.len());
    }
    if let Focus::Pane(p) = app.focus {
        prop_assert!(p < 2);
    }
    // An overlay's scroll is within it: its last row at the bottom at most.
    if let Overlay::Help { scroll } | Overlay::Problems { scroll } = app.overlay {
        let (bw, rows) = match app.overlay {
            Overlay::Help { .. } => (HELP_WIDTH, verso::ui::help_lines(keymap).len()),
            _ => (app.problems_width(), app.problem_lines().len()),
        };
        let inner = Geometry::overlay(w, h, bw, rows).height.saturating_sub(2) as usize;
        prop_assert!(
            scroll <= rows.saturating_sub(inner),
            "after {}: overlay scroll {} past its end ({} rows, {} shown)",
            what,
            scroll,
            rows,
            inner
        );
    }
    Ok(())
}

proptest! {
    // 64 cases by default; PROPTEST_CASES=5000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn reader_state_holds(
        spec in story_spec(),
        start in size(),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let story = build(&spec);
        let keymap = Keymap::default();
        let mut app = App::new(story, false, start);
        check(&app, &keymap, "start")?;
        for s in &steps {
            match s {
                Step::Keys(k) => {
                    let keys = parse_keys(k).expect("keys parse");
                    feed(&mut app, &keymap, &keys);
                }
                Step::Click(x, y) => app.update(Action::Click { x: *x, y: *y }),
                Step::Wheel(x, y, down) => app.update(Action::Wheel { x: *x, y: *y, down: *down }),
                Step::Resize(w, h) => app.update(Action::Resize(*w, *h)),
            }
            check(&app, &keymap, &format!("{s:?}"))?;
        }
    }
}
