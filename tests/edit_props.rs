//! Property test of editing: random sequences of edit keys (delete, kinds,
//! re-attribution with typed names, selections made into quotes and links,
//! speakers renamed, given aliases and merged) mixed with undo and redo, on
//! the bundled story. After every key the story is valid (quotes in text
//! order on character boundaries, every speaker and article it names there,
//! ids unique, links joining two articles; the marks and only-here passages
//! the reader keeps up to date are those a fresh reader builds); a save then loads back as the
//! story shown with no problem; and undoing everything gives back the
//! story as it was loaded.

mod common;

use proptest::prelude::*;
use verso::app::App;
use verso::exchange::canonical;
use verso::keys::{Keymap, parse_keys};
use verso::render::feed_serving;
use verso::session::{Session, Source};
use verso::story::{self, Story};

/// Runs of keys that edit, select, move and undo (no quit, no save: the
/// save is made below, to a scratch folder). Pieces may meet in any order,
/// so a picker may get a key meant for the panes, and the other way round.
const KEYS: &[&str] = &[
    "}x",
    "]x",
    "}K",
    "]K",
    "}SJo<Enter>",
    "}S<Enter>",
    "{S<Down><Enter>",
    "}SAnn Other<Enter>",
    "vjj<Enter>Ann<Enter>",
    "vw<Enter><Enter>",
    "vB<Enter>New One<Enter>",
    "vlvjL",
    "hvjlvbL",
    "vWWk<Esc>",
    "pjrRenamed<Enter>p",
    "pAan alias<Enter>p",
    "pjjM<Enter>p",
    "pM<Down><Enter>p",
    "]eA note<Enter>",
    "]e<Backspace><Backspace><Enter>",
    "u",
    "uu",
    "<C-r>",
    "{",
    "[",
    "<Esc>",
    "<Tab>",
    "<PageDown>",
    "j",
    "k",
    "o",
    "l",
    "h",
    "x",
    "K",
];

fn valid(s: &Story) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for (i, q) in s.quotes.iter().enumerate() {
        let text = &s.articles.get(q.article).ok_or("quote article")?.text;
        if q.speaker >= s.speakers.len() {
            return Err(format!("quote {} names speaker {}", q.id, q.speaker));
        }
        if q.range.is_empty()
            || q.range.end > text.len()
            || !text.is_char_boundary(q.range.start)
            || !text.is_char_boundary(q.range.end)
        {
            return Err(format!("quote {} range {:?}", q.id, q.range));
        }
        if i > 0 {
            let p = &s.quotes[i - 1];
            if (p.article, p.range.start, p.range.end) > (q.article, q.range.start, q.range.end) {
                return Err(format!("quotes {} and {} out of order", p.id, q.id));
            }
        }
        if !ids.insert(format!("q {}", q.id)) {
            return Err(format!("quote id {} twice", q.id));
        }
    }
    for l in &s.links {
        if l.passages.len() < 2
            || l.passages
                .iter()
                .all(|p| p.article == l.passages[0].article)
        {
            return Err(format!("link {} joins one article", l.id));
        }
        for p in &l.passages {
            let text = &s.articles.get(p.article).ok_or("link article")?.text;
            if p.range.end > text.len() || !text.is_char_boundary(p.range.start) {
                return Err(format!("link {} range", l.id));
            }
        }
        if !ids.insert(format!("l {}", l.id)) {
            return Err(format!("link id {} twice", l.id));
        }
    }
    for sp in &s.speakers {
        if !ids.insert(format!("s {}", sp.id)) || sp.name.trim().is_empty() {
            return Err(format!("speaker {:?}", sp.id));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_the_story_valid_and_saves_round_trip(
        keys in proptest::collection::vec(proptest::sample::select(KEYS), 1..60)
    ) {
        let scratch = common::Scratch::new();
        let mut app = App::new(story::open(None).unwrap(), false, (120, 40));
        let before = canonical(&app.story);
        let mut session = Session::new(&mut app, Source::Bundled, None);
        let keymap = Keymap::default();
        for k in &keys {
            feed_serving(&mut app, &keymap, &parse_keys(k).unwrap(), &mut |a| session.serve(a));
            prop_assert!(!app.quit);
            if let Err(e) = valid(&app.story) {
                prop_assert!(false, "after {keys:?}: {e}");
            }
            // What an edit brought up to date in place is what a fresh
            // reader would build.
            for a in 0..app.story.articles.len() {
                let fresh = verso::marks::Marks::build(&app.story, a);
                prop_assert!(app.marks[a] == fresh, "marks of article {a} after {keys:?}");
                prop_assert_eq!(&app.only[a], &verso::only::in_story(&app.story, a));
            }
        }
        let shown = canonical(&app.story);
        let out = scratch.path("saved.json");
        session.save_to(&mut app, &out).map_err(TestCaseError::fail)?;
        prop_assert!(!app.dirty());
        let back = story::load(&out).unwrap();
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        let again = canonical(&back);
        prop_assert_eq!(&again.speakers, &shown.speakers);
        prop_assert_eq!(&again.quotes, &shown.quotes);
        prop_assert_eq!(&again.links, &shown.links);
        // Undo all: the story as loaded.
        let (done, _) = app.history.depth();
        feed_serving(&mut app, &keymap, &parse_keys(&"<Esc>".repeat(3)).unwrap(), &mut |_| {});
        feed_serving(&mut app, &keymap, &parse_keys(&"u".repeat(done)).unwrap(), &mut |_| {});
        let undone = canonical(&app.story);
        prop_assert_eq!(&undone.speakers, &before.speakers);
        prop_assert_eq!(&undone.quotes, &before.quotes);
        prop_assert_eq!(&undone.links, &before.links);
    }
}
