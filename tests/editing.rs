//! Correcting a story in the reader, headless: the edit keys (delete,
//! re-attribute, kinds, selections, links, speakers), undo and redo, saving
//! in place and saving a draft, the question before quitting with unsaved
//! changes, the journal and its restore offer, and `verso render --save`.

mod common;

use common::{Scratch, stderr, verso};
use verso::app::{App, Confirm, Overlay};
use verso::exchange::canonical;
use verso::keys::{Keymap, parse_keys};
use verso::render;
use verso::session::{Session, Source};
use verso::story;

const STORY: &str = r#"{
  "version": 1,
  "title": "Bridge",
  "articles": [
    {"id": "a", "file": "a.txt", "title": "Alpha"},
    {"id": "b", "file": "b.txt", "title": "Beta"}
  ],
  "speakers": [
    {"id": "ann", "name": "Ann Example", "aliases": ["Ms Example"]},
    {"id": "bo", "name": "Bo Other"}
  ],
  "quotes": [
    {"id": "q1", "article": "a", "speaker": "ann", "text": "\"We will build it again,\""},
    {"id": "q2", "article": "b", "speaker": "bo", "kind": "indirect", "text": "the bridge was old"}
  ],
  "links": [
    {"id": "l1", "kind": "paraphrase", "passages": [
      {"article": "a", "text": "The bridge fell on Monday."},
      {"article": "b", "text": "The bridge collapsed on Monday."}]}
  ]
}
"#;

const A: &str =
    "The bridge fell on Monday. \"We will build it again,\" Ms Example said. Twelve people died.\n";
const B: &str =
    "The bridge collapsed on Monday. Bo Other said the bridge was old. Fifteen people died.\n";

fn scratch() -> Scratch {
    let s = Scratch::new();
    s.write("a.txt", A);
    s.write("b.txt", B);
    s.write("story.json", STORY);
    s
}

/// The reader and its session on the scratch story, journaling in `journal/`.
fn open(s: &Scratch) -> (App, Session) {
    let path = s.path("story.json");
    let mut app = App::new(story::load(&path).unwrap(), false, (120, 40));
    let source = Source::File {
        path: path.clone(),
        text: std::fs::read_to_string(&path).unwrap(),
    };
    let session = Session::new(&mut app, source, Some(s.path("journal")));
    (app, session)
}

fn press(app: &mut App, session: &mut Session, keys: &str) {
    render::feed_serving(
        app,
        &Keymap::default(),
        &parse_keys(keys).unwrap(),
        &mut |a| session.serve(a),
    );
}

fn speaker_of(app: &App, quote: &str) -> String {
    let q = app.story.quotes.iter().find(|q| q.id == quote).unwrap();
    app.story.speakers[q.speaker].name.clone()
}

#[test]
fn delete_undo_redo() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    let before = canonical(&app.story);
    press(&mut app, &mut session, "}x");
    assert_eq!(app.story.quotes.len(), 1);
    assert!(app.dirty());
    assert!(app.message.as_deref().unwrap().contains("deleted quote q1"));
    press(&mut app, &mut session, "u");
    assert_eq!(canonical(&app.story), before);
    assert!(!app.dirty(), "undone back to the file: nothing unsaved");
    press(&mut app, &mut session, "<C-r>");
    assert_eq!(app.story.quotes.len(), 1);
    assert!(app.dirty());
    // Deep undo: three edits back to the start.
    press(&mut app, &mut session, "]K]Ku");
    press(&mut app, &mut session, "uu");
    assert_eq!(canonical(&app.story), before);
    press(&mut app, &mut session, "u");
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
}

#[test]
fn undo_and_redo_focus_what_they_bring_back() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    // The quote a `u` brings back is focused: `x` deletes it again.
    press(&mut app, &mut session, "}xu");
    assert_eq!(app.target(), Some(verso::app::Target::Quote(0)));
    press(&mut app, &mut session, "x");
    assert_eq!(app.story.quotes.len(), 1);
    assert_eq!(app.story.quotes[0].id, "q2");
    // A link retyped, then undone and redone: focused each time.
    press(&mut app, &mut session, "u]K");
    press(&mut app, &mut session, "}u");
    assert_eq!(app.target(), Some(verso::app::Target::Link(0)));
    press(&mut app, &mut session, "}<C-r>");
    assert_eq!(app.target(), Some(verso::app::Target::Link(0)));
    assert_eq!(app.story.links[0].kind, verso::story::LinkKind::Conflict);
}

#[test]
fn reattribute_to_someone_new_by_typing_a_name_with_spaces() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "}S");
    assert!(matches!(app.overlay, Overlay::Picker { .. }));
    press(&mut app, &mut session, "Jane Doe<Enter>");
    assert_eq!(speaker_of(&app, "q1"), "Jane Doe");
    assert_eq!(app.story.speakers.len(), 3);
    // Typing filters: "bo" leaves Bo Other, and Enter picks the first row.
    press(&mut app, &mut session, "}S");
    press(&mut app, &mut session, "bo<Enter>");
    assert_eq!(speaker_of(&app, "q1"), "Bo Other");
    // An alias finds its speaker too.
    press(&mut app, &mut session, "}Sms ex<Enter>");
    assert_eq!(speaker_of(&app, "q1"), "Ann Example");
    // Esc changes nothing.
    press(&mut app, &mut session, "}Sxyz<Esc>");
    assert_eq!(speaker_of(&app, "q1"), "Ann Example");
}

#[test]
fn kinds_cycle_for_quotes_and_links() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "}K");
    assert_eq!(app.story.quotes[0].kind.as_str(), "mixed");
    press(&mut app, &mut session, "K");
    assert_eq!(app.story.quotes[0].kind.as_str(), "indirect");
    press(&mut app, &mut session, "]K");
    assert_eq!(app.story.links[0].kind.as_str(), "conflict");
    press(&mut app, &mut session, "eTwelve vs fifteen dead<Enter>");
    assert_eq!(
        app.story.links[0].note.as_deref(),
        Some("Twelve vs fifteen dead")
    );
    press(&mut app, &mut session, "x");
    assert!(app.story.links.is_empty());
}

#[test]
fn a_new_quote_and_a_new_link_from_selections() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    // The first sentence on screen, one more, back one, a word less.
    press(&mut app, &mut session, "v");
    let sel = |app: &App, a: usize| {
        app.selections[a]
            .clone()
            .map(|r| app.story.articles[a].text[r].to_string())
    };
    assert_eq!(sel(&app, 0).as_deref(), Some("The bridge fell on Monday."));
    press(&mut app, &mut session, "jj");
    assert!(sel(&app, 0).unwrap().ends_with("Twelve people died."));
    press(&mut app, &mut session, "kk");
    assert_eq!(sel(&app, 0).as_deref(), Some("The bridge fell on Monday."));
    // Link it to the other article's last sentence.
    press(&mut app, &mut session, "lvjj");
    assert_eq!(
        sel(&app, 1).as_deref(),
        Some(
            "The bridge collapsed on Monday. Bo Other said the bridge was old. Fifteen people died."
        )
    );
    press(&mut app, &mut session, "BBBBBBBBBBBB");
    assert_eq!(sel(&app, 1).as_deref(), Some("Fifteen people died."));
    press(&mut app, &mut session, "L");
    assert_eq!(app.story.links.len(), 2);
    let l = app.story.links.last().unwrap();
    assert_eq!(l.kind.as_str(), "paraphrase");
    assert_eq!(app.focused_link, Some(1));
    press(&mut app, &mut session, "K");
    assert_eq!(app.story.links[1].kind.as_str(), "conflict");
    // A quote from a selection: the picker, an existing speaker.
    press(&mut app, &mut session, "<Esc>hvj");
    press(&mut app, &mut session, "<Esc>");
    assert!(app.selections[0].is_none(), "Esc drops the selection");
    press(&mut app, &mut session, "v");
    // Only the quoted words: start later, end earlier.
    let text = app.story.articles[0].text.clone();
    let want = "Twelve people died.";
    press(&mut app, &mut session, "jj");
    while sel(&app, 0).is_some_and(|t| t != want && t.len() > want.len()) {
        press(&mut app, &mut session, "B");
    }
    assert_eq!(sel(&app, 0).as_deref(), Some(want));
    press(&mut app, &mut session, "<Enter>");
    assert!(matches!(app.overlay, Overlay::Picker { .. }));
    press(&mut app, &mut session, "bo<Enter>");
    let q = app
        .story
        .quotes
        .iter()
        .find(|q| &text[q.range.clone()] == want)
        .expect("the new quote");
    assert_eq!(app.story.speakers[q.speaker].name, "Bo Other");
    assert_eq!(q.kind.as_str(), "indirect", "no quotation marks: indirect");
}

#[test]
fn speakers_rename_alias_and_merge() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    // The speakers pane: rename Ann.
    press(&mut app, &mut session, "p");
    press(&mut app, &mut session, "r");
    press(&mut app, &mut session, &"<Backspace>".repeat(20));
    press(&mut app, &mut session, "Ann Exemplar<Enter>");
    assert_eq!(app.story.speakers[0].name, "Ann Exemplar");
    press(&mut app, &mut session, "AThe mayor<Enter>");
    assert!(
        app.story.speakers[0]
            .aliases
            .contains(&"The mayor".to_string())
    );
    // Merge Bo into Ann: Bo's quote and name move.
    press(&mut app, &mut session, "jM");
    press(&mut app, &mut session, "ann<Enter>");
    assert_eq!(app.story.speakers.len(), 1);
    assert!(
        app.story.speakers[0]
            .aliases
            .contains(&"Bo Other".to_string())
    );
    assert_eq!(speaker_of(&app, "q2"), "Ann Exemplar");
    // Highlights follow: "Bo Other" in article b is now Ann's mention.
    let b = &app.story.articles[1];
    assert!(
        b.mentions
            .iter()
            .any(|m| &b.text[m.range.clone()] == "Bo Other" && m.speaker == 0)
    );
    press(&mut app, &mut session, "u");
    assert_eq!(app.story.speakers.len(), 2);
    assert_eq!(speaker_of(&app, "q2"), "Bo Other");
}

#[test]
fn a_file_changed_by_something_else_is_not_saved_over() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "}x<C-s>");
    assert!(app.message.as_deref().unwrap().starts_with("saved"));
    // Another program rewrites the file; the next save asks for a path.
    let theirs = STORY.replace("Bridge", "Their bridge");
    std::fs::write(s.path("story.json"), &theirs).unwrap();
    press(&mut app, &mut session, "]K<C-s>");
    assert!(app.dirty(), "not saved");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("changed by something else"),
        "{:?}",
        app.message
    );
    assert!(matches!(app.overlay, Overlay::Prompt { .. }));
    assert_eq!(
        std::fs::read_to_string(s.path("story.json")).unwrap(),
        theirs
    );
}

#[test]
fn saving_in_place_changes_only_what_was_edited() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "]K}S");
    press(&mut app, &mut session, "Bo<Enter><C-s>");
    assert!(!app.dirty());
    assert!(
        app.message.as_deref().unwrap().starts_with("saved"),
        "{:?}",
        app.message
    );
    let saved = std::fs::read_to_string(s.path("story.json")).unwrap();
    let changed: Vec<(&str, &str)> = STORY
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(STORY.lines().count(), saved.lines().count(), "{saved}");
    assert_eq!(
        changed.len(),
        2,
        "only the quote's speaker and the link's kind: {changed:?}"
    );
    // It loads as the story shown, with no problem.
    let back = story::load(&s.path("story.json")).unwrap();
    assert!(back.problems.is_empty());
    assert_eq!(canonical(&back), canonical(&app.story));
    assert!(
        !s.path("journal").read_dir().unwrap().any(|_| true),
        "a save removes the journal"
    );
    // `verso check` passes it.
    let out = verso(&s.dir, &["check", "story.json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "q");
    assert!(app.quit, "nothing unsaved: q quits");
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "}xq");
    assert!(!app.quit);
    assert_eq!(app.overlay, Overlay::Confirm(Confirm::Quit));
    press(&mut app, &mut session, "<Esc>");
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.quit);
    press(&mut app, &mut session, "qd");
    assert!(app.quit);
    assert_eq!(
        std::fs::read_to_string(s.path("story.json")).unwrap(),
        STORY
    );
    // And `s` saves, then quits.
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "}xqs");
    assert!(app.quit);
    assert_eq!(story::load(&s.path("story.json")).unwrap().quotes.len(), 1);
}

#[test]
fn the_journal_restores_what_a_crash_left_unsaved() {
    let s = scratch();
    {
        let (mut app, mut session) = open(&s);
        press(&mut app, &mut session, "}x]K");
        press(&mut app, &mut session, "l}S");
        press(&mut app, &mut session, "New Person<Enter>u");
        // Dropped without saving: as if killed.
    }
    assert_eq!(
        std::fs::read_to_string(s.path("story.json")).unwrap(),
        STORY
    );
    let (mut app, mut session) = open(&s);
    let Overlay::Confirm(Confirm::Restore { edits, .. }) = &app.overlay else {
        panic!("a restore offer: {:?}", app.overlay);
    };
    assert_eq!(*edits, 4);
    press(&mut app, &mut session, "r");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.story.quotes.len(), 1);
    assert_eq!(app.story.links[0].kind.as_str(), "conflict");
    assert_eq!(
        app.story.speakers.len(),
        2,
        "the undone re-attribution stays undone"
    );
    assert!(app.dirty());
    // The undo history is back too: redo makes the re-attribution again.
    press(&mut app, &mut session, "<C-r>");
    assert_eq!(app.story.speakers.len(), 3);
    // Discarding forgets it.
    drop((app, session));
    let (mut app, mut session) = open(&s);
    assert!(matches!(
        app.overlay,
        Overlay::Confirm(Confirm::Restore { .. })
    ));
    press(&mut app, &mut session, "d");
    assert_eq!(app.story.quotes.len(), 2);
    let (app, _session) = open(&s);
    assert_eq!(app.overlay, Overlay::None, "no offer after a discard");
}

#[test]
fn a_journal_for_another_version_of_the_story_is_set_aside() {
    let s = scratch();
    {
        let (mut app, mut session) = open(&s);
        press(&mut app, &mut session, "}x");
    }
    s.write("story.json", STORY.replace("Bridge", "The bridge"));
    let (app, _session) = open(&s);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.message.as_deref().unwrap().contains("no longer fit"));
}

#[test]
fn a_draft_is_saved_beside_its_first_article_and_reopens() {
    let s = scratch();
    let files = vec![s.path("a.txt"), s.path("b.txt")];
    let out = verso(
        &s.dir,
        &[
            "render",
            "a.txt",
            "b.txt",
            "--keys",
            "<C-s><Enter>",
            "--size",
            "100x30",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = s.path("a.json");
    let back = story::load(&saved).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.articles[0].file, "a.txt");
    assert_eq!(back.articles[1].text, B);
    // The drafted annotations themselves.
    let draft = verso(&s.dir, &["annotate", "a.txt", "b.txt"], None);
    let drafted = story::from_json("draft", &String::from_utf8_lossy(&draft.stdout), |f| {
        std::fs::read_to_string(s.path(f)).map_err(|e| e.to_string())
    })
    .unwrap();
    assert_eq!(canonical(&back).quotes, canonical(&drafted).quotes);
    // A second save offers another name, never the file that is there.
    let out = verso(
        &s.dir,
        &["render", "a.txt", "b.txt", "--keys", "<C-s><Enter>"],
        None,
    );
    assert!(out.status.success());
    assert!(s.path("a-2.json").exists());
    let _ = files;
}

#[test]
fn after_a_search_v_selects_the_sentence_of_the_match() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    press(&mut app, &mut session, "/twelve<Enter>v<Enter>Ann<Enter>");
    let texts: Vec<&str> = (app.story.quotes.iter())
        .map(|q| &app.story.articles[q.article].text[q.range.clone()])
        .collect();
    assert!(texts.contains(&"Twelve people died."), "{texts:?}");
}

#[test]
fn a_save_over_an_existing_file_asks_first() {
    let s = scratch();
    s.write("a.json", "precious, not a story\n");
    let over = |answer: &str| {
        // The path offered (a-2.json: never the file that is there) cleared,
        // the existing file's name typed instead.
        let keys = format!("<C-s>{}a.json<Enter>{answer}", "<Backspace>".repeat(40));
        verso(&s.dir, &["render", "a.txt", "b.txt", "--keys", &keys], None)
    };
    // n: back to the path prompt; Esc: nothing written.
    let out = over("n<Esc>");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.path("a.json")).unwrap(),
        "precious, not a story\n"
    );
    assert!(!s.path("a-2.json").exists());
    // Esc at the question itself: nothing written either.
    let out = over("<Esc>");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.path("a.json")).unwrap(),
        "precious, not a story\n"
    );
    // y: replaced by the story.
    let out = over("y");
    assert!(out.status.success(), "{}", stderr(&out));
    let back = story::load(&s.path("a.json")).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.articles[1].text, B);
}

#[test]
fn render_save_applies_the_keys_and_writes_through_the_save() {
    let s = scratch();
    let out = verso(
        &s.dir,
        &[
            "render",
            "story.json",
            "--keys",
            "}S Jane Doe<Enter>",
            "--save",
            "fixed.json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.path("story.json")).unwrap(),
        STORY,
        "the story file is untouched"
    );
    let fixed = story::load(&s.path("fixed.json")).unwrap();
    let q = &fixed.quotes[0];
    assert_eq!(fixed.speakers[q.speaker].name, "Jane Doe");
    // In place: --save to the story file itself patches it.
    let out = verso(
        &s.dir,
        &[
            "render",
            "story.json",
            "--keys",
            "]K",
            "--save",
            "story.json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = std::fs::read_to_string(s.path("story.json")).unwrap();
    assert_eq!(
        saved,
        STORY.replace(r#""kind": "paraphrase""#, r#""kind": "conflict""#)
    );
}

#[test]
fn dragging_the_mouse_selects_whole_words() {
    let s = scratch();
    let (mut app, mut session) = open(&s);
    let area = verso::app::Geometry::text_area(app.geometry.articles[0].unwrap());
    app.update(verso::app::Action::Click {
        x: area.x + 5,
        y: area.y,
    });
    app.update(verso::app::Action::Drag {
        x: area.x + 12,
        y: area.y,
    });
    session.serve(&mut app);
    let r = app.selections[0].clone().expect("a selection");
    // "The bridge fell on": from inside "bridge" to inside "fell".
    assert_eq!(&app.story.articles[0].text[r], "bridge fell");
    assert_eq!(app.context(), verso::app::Context::Selection);
    // Then Enter makes it a quote, as with v.
    press(&mut app, &mut session, "<Enter>ann<Enter>");
    assert_eq!(app.story.quotes.len(), 3);
}
