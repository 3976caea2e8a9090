//! The reader at scale: a generated story of two articles of 10 kB, 1 MB and
//! 10 MB each (about one quote per 200 bytes, one link per kilobyte; see
//! `examples/storygen`), so that the growth shows. Each case is one of the
//! issue's targets:
//!
//! - `load`: parse the story file, check it, anchor every selector, find the
//!   mentions (`story::from_json`, articles already in memory);
//! - `open`: the reader's state for a 200x60 screen (`App::new`: the segment
//!   index of each article and the wrap of both panes);
//! - `wrap`: one article wrapped to a pane's width at 200 columns;
//! - `frame`: one frame drawn at 200x60 (quotes and speakers panes, both
//!   articles, status line);
//! - `key/*`: a key press and the frame drawn after it: a scroll step (`j`),
//!   a jump to the next link (`]`), a speaker's highlight toggled (`1`);
//! - `edit/*`: an edit and the frame drawn after it, undone in the next
//!   sample (the undo focuses what it brought back, so every sample edits):
//!   a quote deleted (`x`, then `u`), a link deleted, a link's kind changed
//!   (`K`);
//! - `save`: the edited story saved in place (patched, loaded back to be
//!   checked, written atomically: `Session::save_to`);
//! - `resize`: a re-wrap of both panes at a new width, and the frame;
//! - `annotate`: a draft of the two bare articles (`annotate::draft`; the
//!   seed-based `benches/annotate.rs` measures it on news text as well).
//!
//! The 10 MB cases take 10 samples; `cargo bench --bench reader` runs in a
//! few minutes on two cores.

#[path = "../examples/storygen/mod.rs"]
mod storygen;

use std::sync::OnceLock;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use verso::app::{Action, App};
use verso::keys::Keymap;
use verso::layout::Layout;
use verso::ui::Theme;

/// Bytes per article.
const SIZES: [usize; 3] = [10_000, 1_000_000, 10_000_000];
const SCREEN: (u16, u16) = (200, 60);

fn stories() -> &'static [storygen::Generated] {
    static STORIES: OnceLock<Vec<storygen::Generated>> = OnceLock::new();
    STORIES.get_or_init(|| SIZES.iter().map(|&n| storygen::generate(2, n, 1)).collect())
}

fn label(bytes: usize) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{}MB", b / 1_000_000),
        b => format!("{}kB", b / 1_000),
    }
}

/// Fewer, shorter samples for the big cases.
fn group<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g
}

fn text_bytes(s: &storygen::Generated) -> u64 {
    s.articles.iter().map(|(_, t)| t.len() as u64).sum()
}

fn load(c: &mut Criterion) {
    let mut g = group(c, "load");
    for (s, &n) in stories().iter().zip(&SIZES) {
        g.throughput(Throughput::Bytes(text_bytes(s)));
        g.bench_with_input(BenchmarkId::from_parameter(label(n)), s, |b, s| {
            b.iter(|| s.load())
        });
    }
    g.finish();
}

fn open(c: &mut Criterion) {
    let mut g = group(c, "open");
    for (s, &n) in stories().iter().zip(&SIZES) {
        let story = s.load();
        g.throughput(Throughput::Bytes(text_bytes(s)));
        g.bench_with_input(BenchmarkId::from_parameter(label(n)), &story, |b, st| {
            b.iter_batched(
                || st.clone(),
                |st| App::new(st, false, SCREEN),
                criterion::BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

fn wrap(c: &mut Criterion) {
    // The width of an article pane's text at 200 columns.
    let width = App::new(stories()[0].load(), false, SCREEN).panes[0]
        .layout
        .width();
    let mut g = group(c, "wrap");
    for (s, &n) in stories().iter().zip(&SIZES) {
        let text = &s.articles[0].1;
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label(n)), text, |b, t| {
            b.iter(|| Layout::new(t, width).with_paragraph_gaps(t))
        });
    }
    g.finish();
}

fn apps() -> Vec<App> {
    stories()
        .iter()
        .map(|s| App::new(s.load(), false, SCREEN))
        .collect()
}

fn frame(c: &mut Criterion) {
    let keymap = Keymap::default();
    let theme = Theme::from_env();
    let mut g = group(c, "frame");
    for (app, &n) in apps().iter().zip(&SIZES) {
        g.bench_with_input(BenchmarkId::from_parameter(label(n)), app, |b, app| {
            b.iter(|| verso::render::draw(app, &keymap, theme))
        });
    }
    g.finish();
}

/// A key and the frame after it; `undo` (if any) runs untimed between samples
/// of keys that would otherwise run out of text.
fn key(c: &mut Criterion, name: &str, action: Action, undo: Option<Action>) {
    let keymap = Keymap::default();
    let theme = Theme::from_env();
    let mut g = group(c, &format!("key/{name}"));
    for (mut app, &n) in apps().into_iter().zip(&SIZES) {
        g.bench_function(BenchmarkId::from_parameter(label(n)), |b| {
            let mut flip = false;
            b.iter(|| {
                flip = !flip;
                let a = match undo {
                    Some(u) if !flip => u,
                    _ => action,
                };
                app.update(a);
                verso::render::draw(&app, &keymap, theme)
            })
        });
    }
    g.finish();
}

fn keys(c: &mut Criterion) {
    key(c, "scroll", Action::Down, Some(Action::Up));
    key(c, "next_link", Action::NextLink, None);
    key(c, "toggle_speaker", Action::Speaker(0), None);
}

/// An edit and the frame after it, taken back (untimed is not possible
/// here: the undo is timed too, and is an edit of the same size).
fn edit(c: &mut Criterion, name: &str, focus: Action, action: Action) {
    let keymap = Keymap::default();
    let theme = Theme::from_env();
    let mut g = group(c, &format!("edit/{name}"));
    for (mut app, &n) in apps().into_iter().zip(&SIZES) {
        app.update(focus);
        g.bench_function(BenchmarkId::from_parameter(label(n)), |b| {
            let mut flip = false;
            b.iter(|| {
                flip = !flip;
                app.update(if flip { action } else { Action::Undo });
                verso::render::draw(&app, &keymap, theme)
            })
        });
    }
    g.finish();
}

fn edits(c: &mut Criterion) {
    edit(c, "delete_quote", Action::NextQuote, Action::Delete);
    edit(c, "delete_link", Action::NextLink, Action::Delete);
    edit(c, "retype_link", Action::NextLink, Action::NextKind);
}

fn save(c: &mut Criterion) {
    let mut g = group(c, "save");
    let dir = std::env::temp_dir().join(format!("verso-bench-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (s, &n) in stories().iter().zip(&SIZES) {
        let path = dir.join(format!("{}.json", label(n)));
        std::fs::write(&path, &s.json).unwrap();
        let mut app = App::new(s.load(), false, SCREEN);
        let source = verso::session::Source::File {
            path: path.clone(),
            text: s.json.clone(),
        };
        let mut session = verso::session::Session::new(&mut app, source, None);
        app.update(Action::NextQuote);
        app.update(Action::Delete);
        g.bench_function(BenchmarkId::from_parameter(label(n)), |b| {
            b.iter(|| {
                // Each save leaves nothing to save: undo or redo first.
                app.update(if app.history.depth().0 > 0 {
                    Action::Undo
                } else {
                    Action::Redo
                });
                session.save_to(&mut app, &path).unwrap()
            })
        });
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn resize(c: &mut Criterion) {
    let keymap = Keymap::default();
    let theme = Theme::from_env();
    let mut g = group(c, "resize");
    for (mut app, &n) in apps().into_iter().zip(&SIZES) {
        g.bench_function(BenchmarkId::from_parameter(label(n)), |b| {
            let mut wide = false;
            b.iter(|| {
                // Alternate widths, so that every step re-wraps both panes.
                wide = !wide;
                let w = if wide { 161 } else { 200 };
                app.update(Action::Resize(w, SCREEN.1));
                verso::render::draw(&app, &keymap, theme)
            })
        });
    }
    g.finish();
}

fn annotate(c: &mut Criterion) {
    let mut g = group(c, "annotate");
    for (s, &n) in stories().iter().zip(&SIZES) {
        g.throughput(Throughput::Bytes(text_bytes(s)));
        g.bench_with_input(
            BenchmarkId::from_parameter(label(n)),
            &s.articles,
            |b, a| b.iter(|| verso::annotate::draft(a)),
        );
    }
    g.finish();
}

criterion_group!(
    benches, load, open, wrap, frame, keys, edits, save, resize, annotate
);
criterion_main!(benches);
