//! The reader on story files of our own: problems on `!`, a third article on
//! `<`/`>`, the mouse, hostile article text, and `verso render` end to end.

mod common;
use common::{Scratch, stdout, verso};
use verso::app::{Action, App, Focus, Overlay};
use verso::keys::{Keymap, parse_keys};
use verso::render;
use verso::story;
use verso::ui::Theme;

const THREE: &str = r#"{"version": 1, "title": "Three",
  "articles": [{"id": "a", "file": "a.txt", "title": "Alpha"}, {"id": "b", "file": "b.txt", "title": "Beta"},
               {"id": "c", "file": "c.txt", "title": "Gamma"}],
  "speakers": [{"id": "x", "name": "Ann Example", "aliases": ["Ms Example"]}],
  "quotes": [{"id": "q1", "article": "c", "speaker": "x", "text": "\"We will build it,\""}],
  "links": [{"id": "l1", "kind": "conflict", "note": "12 vs 15", "passages": [
     {"article": "a", "text": "12 dead"}, {"article": "c", "text": "15 dead"}]},
     {"id": "l2", "passages": [{"article": "a", "text": "the bridge fell"}, {"article": "b", "text": "bridge collapsed"}]},
     {"id": "l3", "passages": [{"article": "a", "text": "missing text"}, {"article": "b", "text": "bridge collapsed"}]}]}"#;

fn scratch() -> Scratch {
    let s = Scratch::new();
    s.write("a.txt", "Officials said 12 dead after the bridge fell.\n");
    s.write("b.txt", "The bridge collapsed on Monday.\n");
    s.write(
        "c.txt",
        "\"We will build it,\" Ms Example said. Police counted 15 dead.\n",
    );
    s.write("story.json", THREE);
    s
}

fn open(s: &Scratch, size: (u16, u16)) -> App {
    App::new(story::load(&s.path("story.json")).unwrap(), false, size)
}

fn press(app: &mut App, keys: &str) {
    render::feed(app, &Keymap::default(), &parse_keys(keys).unwrap());
}

fn screen(app: &App) -> String {
    render::to_text(&render::draw(app, &Keymap::default(), Theme::PLAIN))
}

#[test]
fn problems_are_counted_in_the_status_bar_and_listed_on_bang() {
    let s = scratch();
    let mut app = open(&s, (120, 30));
    assert_eq!(app.story.problems.len(), 1);
    assert!(
        screen(&app)
            .lines()
            .last()
            .unwrap()
            .contains("1 problem (!)")
    );
    press(&mut app, "!");
    assert_eq!(app.overlay, Overlay::Problems { scroll: 0 });
    let text = screen(&app);
    assert!(
        text.contains("links[2].passages[0] (l3): text \"missing text\" is not in article \"a\""),
        "{text}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn a_third_article_comes_in_on_the_right() {
    let s = scratch();
    let mut app = open(&s, (120, 30));
    assert_eq!((app.panes[0].article, app.panes[1].article), (0, 1));
    press(&mut app, ">");
    assert_eq!(app.panes[1].article, 2);
    assert!(screen(&app).contains("C Gamma"));
    press(&mut app, ">");
    assert_eq!(app.panes[1].article, 1, "skips the article on the left");
    press(&mut app, "<");
    assert_eq!(app.panes[1].article, 2);
    // A link whose counterpart is in an article not shown brings it in.
    press(&mut app, "<lt>");
    assert_eq!(app.panes[1].article, 1);
    press(&mut app, "h]");
    let l = app.focused_link.unwrap();
    assert_eq!(app.story.links[l].id, "l1");
    assert_eq!(app.panes[1].article, 2);
}

#[test]
fn the_mouse_selects_rows_focuses_links_and_scrolls() {
    let s = scratch();
    let mut app = open(&s, (120, 30));
    // Click the first speaker row: selects it and filters the quotes.
    let sp = app.geometry.speakers.unwrap();
    app.update(Action::Click {
        x: sp.x + 3,
        y: sp.y + 1,
    });
    assert_eq!(app.focus, Focus::Speakers);
    assert_eq!(app.quote_filter, Some(0));
    // Click on "12 dead" in the left article: focuses the conflict link.
    let buf = render::draw(&app, &Keymap::default(), Theme::PLAIN);
    let left = app.geometry.articles[0].unwrap();
    let y = left.y + 1;
    let row: String = (left.x..left.right())
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    let col = row.find("12 dead").expect("on screen") as u16;
    app.update(Action::Click { x: left.x + col, y });
    assert_eq!(app.focus, Focus::Pane(0));
    assert_eq!(
        app.focused_link.map(|l| app.story.links[l].id.clone()),
        Some("l1".into())
    );
    // The wheel over the quotes pane moves its selection, not the articles.
    let q = app.geometry.quotes.unwrap();
    app.update(Action::Wheel {
        x: q.x + 2,
        y: q.y + 2,
        down: true,
    });
    assert_eq!(app.panes[0].top, 0);
    // `m` turns mouse capture off, and on.
    press(&mut app, "m");
    assert!(!app.mouse);
    press(&mut app, "m");
    assert!(app.mouse);
}

#[test]
fn hostile_article_text_never_reaches_the_terminal_raw() {
    let s = Scratch::new();
    s.write(
        "a.txt",
        "Clear \x1b[2J screen, \x1b]0;title\x07 bell, bidi \u{202e}evil\u{202c}, tab\there.\n",
    );
    s.write("b.txt", "Plain.\n");
    s.write(
        "story.json",
        r#"{"version": 1, "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt", "title": "\u001b[31mred"}]}"#,
    );
    let app = App::new(
        story::load(&s.path("story.json")).unwrap(),
        false,
        (100, 20),
    );
    let buf = render::draw(&app, &Keymap::default(), Theme::DARK);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(!c.is_control(), "control {:?} in a cell", c);
            assert!(!story::is_bidi_control(c), "bidi control in a cell");
        }
    }
    let text = render::to_text(&buf);
    assert!(text.contains("Clear ␛[2J screen"), "{text}");
    assert!(text.contains("␛[31mred"), "{text}");
    // The only escapes in the ANSI rendering are its own SGR sequences.
    let ansi = render::to_ansi(&buf);
    for part in ansi.split('\x1b').skip(1) {
        let end = part.find('m').expect("an SGR sequence");
        assert!(
            part.starts_with('[')
                && part[1..end]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b';'),
            "{part:?}"
        );
    }
}

#[test]
fn render_prints_the_screen_and_rejects_bad_arguments() {
    let s = scratch();
    let o = verso(
        &s.dir,
        &["render", "story.json", "--size", "90x20", "--keys", ">"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 20);
    assert!(out.contains("C Gamma"), "{out}");
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 90)
    );
    let o = verso(
        &s.dir,
        &["render", "story.json", "--size", "90x20", "--color"],
        None,
    );
    assert!(stdout(&o).contains("\x1b["));
    let o = verso(&s.dir, &["render", "--size", "ninety"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = verso(&s.dir, &["render", "missing.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("missing.json: no such file"));
}

#[test]
fn the_reader_refuses_to_start_without_a_terminal() {
    let s = scratch();
    let o = verso(&s.dir, &["story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("needs a terminal"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn articles_past_z_are_named_by_number() {
    let s = Scratch::new();
    let mut articles = Vec::new();
    for i in 0..30 {
        s.write(
            &format!("a{i}.txt"),
            format!("Article number {i} says hello.\n"),
        );
        articles.push(format!(
            r#"{{"id": "a{i}", "file": "a{i}.txt", "title": "Title {i}"}}"#
        ));
    }
    s.write(
        "story.json",
        format!(
            r#"{{"version": 1, "articles": [{}], "speakers": [{{"id": "x", "name": "Ann"}}],
               "quotes": [{{"id": "q1", "article": "a28", "speaker": "x", "text": "says hello"}}]}}"#,
            articles.join(",")
        ),
    );
    let mut app = open(&s, (120, 30));
    for _ in 0..27 {
        press(&mut app, ">");
    }
    assert_eq!(app.panes[1].article, 28);
    let text = screen(&app);
    assert!(text.contains("┌ 29 Title 28"), "{text}");
    assert!(text.contains(" A 29 ┐"), "{text}");
    assert!(text.contains("Ann      29 says hello"), "{text}");
}
