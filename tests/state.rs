//! Remembered places: taken from the reader, written and read back, given back;
//! a damaged file is ignored with a warning.

mod common;
use common::Scratch;
use verso::app::{App, Focus};
use verso::keys::{Keymap, parse_keys};
use verso::render;
use verso::state;
use verso::story::bundled;

fn app(keys: &str) -> App {
    let mut app = App::new(bundled::load().unwrap(), false, (120, 40));
    render::feed(&mut app, &Keymap::default(), &parse_keys(keys).unwrap());
    app
}

#[test]
fn a_place_round_trips_through_a_file() {
    let s = Scratch::new();
    let before = app("]]]<C-d>l<C-d>j12s");
    let place = before.place();
    state::write_in(&s.dir, "story-key", &place).unwrap();
    // The file is named by the key's FNV-1a hash, the same in every version,
    // so places written before are found after an upgrade.
    assert!(s.path("c679b646094c5ce4.json").is_file());
    let read = state::read_in(&s.dir, "story-key")
        .unwrap()
        .expect("remembered");
    assert_eq!(read, place);
    // Another story's key finds nothing.
    assert_eq!(state::read_in(&s.dir, "other").unwrap(), None);

    let mut after = app("");
    after.restore(&read);
    // The status line says where the reader is, until the next key.
    assert_eq!(after.message.as_deref(), Some(verso::app::place::RESTORED));
    assert!(
        verso::render::to_text(&render::draw(
            &after,
            &Keymap::default(),
            verso::ui::Theme::PLAIN
        ))
        .lines()
        .last()
        .unwrap()
        .contains("back where you left off; --fresh starts at the top")
    );
    assert_eq!(
        [after.panes[0].top, after.panes[1].top],
        [before.panes[0].top, before.panes[1].top]
    );
    assert_eq!(after.focus, Focus::Pane(1));
    assert_eq!(after.speaker_on, before.speaker_on);
    assert!(!after.speaker_on[0] && !after.speaker_on[1]);
    assert!(after.sync);
    assert_eq!(after.focused_link, before.focused_link);
    assert!(after.focused_link.is_some());
    // And the place taken again is the same.
    assert_eq!(after.place(), place);
    after.update(verso::app::Action::Down);
    assert_eq!(after.message, None, "the message lasts until a key");
}

#[test]
fn a_place_survives_a_different_screen_size() {
    let before = app("<C-d><C-d>");
    let first = before.panes[0].layout.row(before.panes[0].top).start;
    let mut after = App::new(bundled::load().unwrap(), false, (90, 30));
    after.restore(&before.place());
    let row = after.panes[0].layout.row(after.panes[0].top);
    assert!(row.start <= first && first < row.end, "{first} in {row:?}");
}

#[test]
fn a_damaged_or_foreign_place_is_ignored_with_a_warning() {
    let s = Scratch::new();
    state::write_in(&s.dir, "k", &app("").place()).unwrap();
    let file = std::fs::read_dir(&s.dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&file, "{\"story\": \"k\", \"place\": {\"articles\": [").unwrap();
    let err = state::read_in(&s.dir, "k").unwrap_err();
    assert!(err.contains("the remembered place is damaged"), "{err}");
    assert!(err.contains(&file.display().to_string()));
    // Ids the story no longer has are skipped.
    let mut place = app("1").place();
    place.articles = ["gone".into(), "threat".into()];
    place.speakers_off.push("nobody".into());
    place.first = [usize::MAX, 5];
    let mut a = app("");
    a.restore(&place);
    assert_eq!(a.panes[0].article, 0);
    assert_eq!(a.panes[0].top, a.max_top(0));
    assert!(!a.speaker_on[0]);
}

#[test]
fn writing_leaves_no_temporary_files() {
    let s = Scratch::new();
    for _ in 0..3 {
        state::write_in(&s.dir, "k", &app("j").place()).unwrap();
    }
    let names: Vec<String> = std::fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".json"));
}
