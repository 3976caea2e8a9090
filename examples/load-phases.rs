//! Times each phase of opening a story and of a few key presses, in one run:
//! read + parse + anchor, the reader's state (`App::new`: indexes and wraps),
//! the first frame, then keys and a resize, each with the frame after it.
//!
//! ```sh
//! cargo run --release --example load-phases -- /tmp/big/story.json 200x60
//! cargo run --release --example load-phases            # the bundled story
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use verso::app::{Action, App};
use verso::keys::{Keymap, parse_keys};
use verso::ui::Theme;

fn ms(d: Duration) -> String {
    format!("{:9.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().map(String::as_str);
    let (w, h) = args
        .get(1)
        .and_then(|s| s.split_once('x'))
        .map(|(w, h)| (w.parse().unwrap_or(200), h.parse().unwrap_or(60)))
        .unwrap_or((200, 60));
    let t0 = Instant::now();
    let story = match path {
        Some(p) => verso::story::load(Path::new(p)).expect("the story loads"),
        None => verso::story::bundled::load().expect("the bundled story loads"),
    };
    let t_load = t0.elapsed();
    let text: usize = story.articles.iter().map(|a| a.text.len()).sum();
    let t1 = Instant::now();
    let mut app = App::new(story, false, (w, h));
    let t_app = t1.elapsed();
    let keymap = Keymap::default();
    let theme = Theme::from_env();
    let t2 = Instant::now();
    verso::render::draw(&app, &keymap, theme);
    let t_draw = t2.elapsed();
    println!("text           {text} bytes");
    println!("load+anchor    {}", ms(t_load));
    println!("App::new       {}", ms(t_app));
    println!("first frame    {}", ms(t_draw));
    println!("start to frame {}", ms(t0.elapsed()));
    // Each key: the update and the frame drawn after it, best of 5 runs.
    for keys in [
        "j",
        "<C-d>",
        "]",
        "}",
        "1",
        "s",
        "<Tab>",
        "<Tab>j",
        "G",
        "/meeting<Enter>",
        "n",
        "}x",
        "u",
        "]x",
        "u",
        "]K",
    ] {
        let parsed = parse_keys(keys).expect("valid keys");
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            verso::render::feed(&mut app, &keymap, &parsed);
            verso::render::draw(&app, &keymap, theme);
            best = best.min(t.elapsed());
        }
        println!("key {keys:<16} {}", ms(best));
    }
    for (rw, rh) in [(160u16, 50u16), (w, h)] {
        let t = Instant::now();
        app.update(Action::Resize(rw, rh));
        verso::render::draw(&app, &keymap, theme);
        println!("resize {rw}x{rh:<10} {}", ms(t.elapsed()));
    }
}
