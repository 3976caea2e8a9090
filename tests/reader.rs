//! The reader over a `TestBackend`: snapshots of the main states, and the
//! highlight styles on buffer cells (text snapshots drop styles).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use verso::app::{App, Focus, Overlay};
use verso::keys::{Keymap, parse_keys};
use verso::render;
use verso::story::{LinkKind, bundled};
use verso::ui::Theme;

const COLOR: Theme = Theme::DARK;
const NO_COLOR: Theme = Theme::PLAIN;

fn app(w: u16, h: u16, keys: &str) -> App {
    let mut app = App::new(bundled::load().unwrap(), false, (w, h));
    render::feed(&mut app, &Keymap::default(), &parse_keys(keys).unwrap());
    app
}

fn screen(app: &App) -> String {
    render::to_text(&render::draw(app, &Keymap::default(), NO_COLOR))
}

/// Where `needle` first shows in the article panes (right of the side column):
/// the cell of its first character.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let from = if buf.area.width >= 120 { 30 } else { 0 };
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (from..buf.area.width)
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let joined: String = cells.concat();
        if let Some(i) = joined.find(needle) {
            // Count cells, not bytes, up to the match.
            let mut bytes = 0;
            let x = cells
                .iter()
                .take_while(|c| {
                    bytes += c.len();
                    bytes <= i
                })
                .count() as u16;
            return Some((from + x, y));
        }
    }
    None
}

#[test]
fn snapshot_start() {
    insta::assert_snapshot!("start_120x40", screen(&app(120, 40, "")));
}

#[test]
fn snapshot_speaker_toggled_off() {
    let a = app(120, 40, "1");
    assert!(!a.speaker_on[0]);
    insta::assert_snapshot!("speaker_off_120x40", screen(&a));
}

#[test]
fn snapshot_conflict_focused() {
    let a = app(120, 40, "]");
    let l = a.focused_link.expect("a link is focused");
    assert_eq!(a.story.links[l].kind, LinkKind::Conflict);
    insta::assert_snapshot!("conflict_120x40", screen(&a));
}

#[test]
fn snapshot_help() {
    let a = app(120, 40, "?");
    assert_eq!(a.overlay, Overlay::Help { scroll: 0 });
    insta::assert_snapshot!("help_120x40", screen(&a));
}

#[test]
fn help_scroll_stops_at_its_end() {
    // At 80x24 the help is longer than its box: `j` well past the end, then
    // one `k` moves it up one row, not back to where the extra presses began.
    let end = app(80, 24, &format!("?{}", "j".repeat(200)));
    let Overlay::Help { scroll: max } = end.overlay else {
        panic!("help open")
    };
    assert!(max > 0 && max < 100, "the help scrolls, to its end: {max}");
    assert_eq!(max, end.overlay_max_scroll());
    let text = screen(&end);
    assert!(text.contains("words bold and underlined."), "{text}");
    let up = app(80, 24, &format!("?{}k", "j".repeat(200)));
    assert_eq!(up.overlay, Overlay::Help { scroll: max - 1 });
    assert_ne!(screen(&up), text, "one `k` moves the help");
    // A taller screen shows more of it: the scroll follows.
    let mut taller = app(80, 24, &format!("?{}", "j".repeat(200)));
    taller.update(verso::app::Action::Resize(80, 40));
    let Overlay::Help { scroll } = taller.overlay else {
        panic!("help open")
    };
    assert_eq!(scroll, taller.overlay_max_scroll());
    assert!(scroll < max);
}

#[test]
fn snapshot_search() {
    let a = app(120, 40, "/national council<Enter>");
    assert_eq!(a.search.matches.iter().map(Vec::len).sum::<usize>(), 2);
    insta::assert_snapshot!("search_120x40", screen(&a));
}

#[test]
fn snapshot_narrow() {
    insta::assert_snapshot!("narrow_70x24", screen(&app(70, 24, "")));
    insta::assert_snapshot!("narrow_right_70x24", screen(&app(70, 24, "l")));
    insta::assert_snapshot!("middle_100x30", screen(&app(100, 30, "")));
}

#[test]
fn every_size_draws_without_a_panic() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 5),
        (19, 6),
        (20, 6),
        (20, 5),
        (79, 10),
        (80, 24),
        (119, 8),
        (250, 80),
    ] {
        let a = app(w, h, "]]]}}/the<Enter>?");
        let text = screen(&a);
        assert_eq!(text.lines().count(), h as usize, "{w}x{h}");
    }
    let tiny = screen(&app(30, 4, ""));
    assert!(tiny.starts_with("verso: 30x4 is too small"), "{tiny}");
}

#[test]
fn jumping_to_the_conflict_brings_both_versions_on_screen_on_one_row() {
    let a = app(120, 40, "]");
    let buf = render::draw(&a, &Keymap::default(), COLOR);
    let seven = find(&buf, "seven-hour").expect("seven-hour on screen");
    let six = find(&buf, "six-hour").expect("six-hour on screen");
    // The two passages start on the same screen row.
    let link = &a.story.links[a.focused_link.unwrap()];
    let rows: Vec<usize> = (0..2)
        .map(|p| {
            let pass = link
                .passages
                .iter()
                .find(|x| x.article == a.panes[p].article)
                .unwrap();
            a.panes[p].layout.row_of(pass.range.start) - a.panes[p].top
        })
        .collect();
    assert_eq!(rows[0], rows[1]);
    // The differing words are emphasised: not reversed, bold and underlined.
    for (x, y) in [seven, six] {
        let cell = &buf[(x, y)];
        assert!(
            cell.modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED),
            "{cell:?}"
        );
        assert!(!cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
        assert_eq!(cell.fg, Color::Red);
    }
    // The shared words around them are reversed.
    let (x, y) = find(&buf, "meeting of the party").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn quotes_and_mentions_carry_their_speakers_colour_and_an_attribute() {
    let a = app(120, 40, "");
    let buf = render::draw(&a, &Keymap::default(), COLOR);
    // A direct quote of Carter (yellow): underlined, in yellow.
    let (x, y) = find(&buf, "\"I just think").unwrap();
    assert_eq!(buf[(x + 1, y)].fg, Color::Yellow);
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED));
    // A mention: bold, in the speaker's colour.
    let (x, y) = find(&buf, "Andrew Little says").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Cyan);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    // Without colour, the attributes remain.
    let buf = render::draw(&a, &Keymap::default(), NO_COLOR);
    let (x, y) = find(&buf, "\"I just think").unwrap();
    assert_eq!(buf[(x + 1, y)].fg, Color::Reset);
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn toggling_a_speaker_off_removes_their_colour() {
    let on = render::draw(&app(120, 40, ""), &Keymap::default(), COLOR);
    let off = render::draw(&app(120, 40, "1"), &Keymap::default(), COLOR);
    let (x, y) = find(&on, "\"I just think").unwrap();
    assert_eq!(on[(x + 1, y)].fg, Color::Yellow);
    assert_eq!(off[(x + 1, y)].fg, Color::Reset);
    assert!(!off[(x + 1, y)].modifier.contains(Modifier::UNDERLINED));
    // Others keep theirs; `a` turns all off, and on again.
    let (x, y) = find(&off, "Andrew Little says").unwrap();
    assert_eq!(off[(x, y)].fg, Color::Cyan);
    let a = app(120, 40, "a");
    assert!(a.speaker_on.iter().all(|&b| !b));
    let a = app(120, 40, "aa");
    assert!(a.speaker_on.iter().all(|&b| b));
}

#[test]
fn the_gutter_marks_linked_rows_by_kind() {
    let a = app(120, 40, "");
    let buf = render::draw(&a, &Keymap::default(), COLOR);
    let (x, y) = find(&buf, "a seven-hour meeting").unwrap();
    // The gutter cell is just left of the text area: find it on the row.
    let gutter = (0..x)
        .rev()
        .find(|&gx| buf[(gx, y)].symbol() == "▌")
        .expect("a gutter mark");
    assert_eq!(buf[(gutter, y)].fg, Color::Red);
    let buf = render::draw(&a, &Keymap::default(), NO_COLOR);
    let (x, y) = find(&buf, "a seven-hour meeting").unwrap();
    assert!((0..x).any(|gx| buf[(gx, y)].symbol() == "!"));
}

#[test]
fn links_step_forward_and_back_and_wrap() {
    let mut a = app(120, 40, "");
    let n = a.story.links.len();
    // Some links have two passages in the left article: each is a stop.
    let stops = a.passages(0).len();
    assert!(stops > n);
    let mut seen = Vec::new();
    for _ in 0..stops {
        render::feed(&mut a, &Keymap::default(), &parse_keys("]").unwrap());
        seen.push(a.focused_link.unwrap());
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), n, "every link visited: {seen:?}");
    render::feed(&mut a, &Keymap::default(), &parse_keys("]").unwrap());
    assert_eq!(a.focused_link, Some(seen[0]), "wraps to the first");
    render::feed(&mut a, &Keymap::default(), &parse_keys("[").unwrap());
    assert_eq!(a.focused_link, Some(seen[stops - 1]));
    // Backwards visits the same stops in reverse.
    let mut back = vec![a.focused_link.unwrap()];
    for _ in 1..stops {
        render::feed(&mut a, &Keymap::default(), &parse_keys("[").unwrap());
        back.push(a.focused_link.unwrap());
    }
    back.reverse();
    assert_eq!(back, seen);
}

#[test]
fn quotes_pane_enter_scrolls_the_article_to_the_quote() {
    let mut a = app(120, 40, "<Tab><Tab>");
    assert_eq!(a.focus, Focus::Speakers);
    render::feed(
        &mut a,
        &Keymap::default(),
        &parse_keys("<Tab>G<Enter>").unwrap(),
    );
    assert_eq!(a.focus, Focus::Quotes);
    let q = a.current_quote.expect("a quote was opened");
    let quote = &a.story.quotes[q];
    let p = a
        .panes
        .iter()
        .position(|p| p.article == quote.article)
        .unwrap();
    let row = a.panes[p].layout.row_of(quote.range.start);
    assert!(row >= a.panes[p].top && row < a.panes[p].top + a.panes[p].height);
    assert!(a.panes[p].top > 0, "the last quote is far down");
}

#[test]
fn speakers_pane_enter_filters_the_quotes() {
    let a = app(120, 40, "<Tab><Tab>j<Enter>");
    assert_eq!(a.quote_filter, Some(1));
    let listed = a.listed_quotes();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|&q| a.story.quotes[q].speaker == 1));
    let text = screen(&a);
    assert!(text.contains("Quotes: Andrew Little"), "{text}");
}

#[test]
fn search_moves_between_matches() {
    let mut a = app(120, 40, "/Carter<Enter>");
    let first = a.search.current.unwrap();
    render::feed(&mut a, &Keymap::default(), &parse_keys("n").unwrap());
    let second = a.search.current.unwrap();
    assert_eq!(second.1, first.1 + 1);
    render::feed(&mut a, &Keymap::default(), &parse_keys("N").unwrap());
    assert_eq!(a.search.current.unwrap(), first);
    render::feed(&mut a, &Keymap::default(), &parse_keys("<Esc>").unwrap());
    assert!(a.search.query.is_empty());
}

#[test]
fn scrolling_is_clamped_and_not_limited_to_u16() {
    let mut a = app(120, 40, "G");
    assert_eq!(a.panes[0].top, a.max_top(0));
    render::feed(&mut a, &Keymap::default(), &parse_keys("jjj").unwrap());
    assert_eq!(a.panes[0].top, a.max_top(0));
    render::feed(&mut a, &Keymap::default(), &parse_keys("g").unwrap());
    assert_eq!(a.panes[0].top, 0);
}

#[test]
fn resizing_keeps_the_first_visible_text() {
    let mut a = app(120, 40, "<C-d>");
    let first = a.panes[0].layout.row(a.panes[0].top).start;
    a.update(verso::app::Action::Resize(90, 30));
    let now = a.panes[0].layout.row(a.panes[0].top);
    assert!(
        now.start <= first && first < now.end.max(now.start + 1),
        "{first} in {now:?}"
    );
}
