//! Times the phases of a save on a generated story: `cargo run --release
//! --example save-phases -- ARTICLES MB`.
#[path = "storygen/mod.rs"]
mod storygen;
use std::time::Instant;
use verso::app::{Action, App};
use verso::exchange::canonical;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2);
    let mb: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let g = storygen::generate(n, mb * 1_000_000, 1);
    let mut app = App::new(g.load(), false, (200, 60));
    let loaded = canonical(&app.story);
    app.update(Action::NextQuote);
    app.update(Action::Delete);
    let t = Instant::now();
    let current = canonical(&app.story);
    eprintln!("canonical {:?}", t.elapsed());
    let t = Instant::now();
    let text = verso::story::save::patch(&g.json, &loaded, &current).unwrap();
    eprintln!("patch {:?} ({} bytes)", t.elapsed(), text.len());
    let t = Instant::now();
    let _v: serde_json::Value = serde_json::from_str(&text).unwrap();
    eprintln!("serde parse {:?}", t.elapsed());
    let t = Instant::now();
    let _ = g.load();
    eprintln!("load {:?}", t.elapsed());
    let t = Instant::now();
    let p = std::env::temp_dir().join("verso-save-phases.json");
    verso::fsutil::write_atomically(&p, &text).unwrap();
    eprintln!("write {:?}", t.elapsed());
    let _ = std::fs::remove_file(&p);
    std::fs::write(&p, &g.json).unwrap();
    let mut app = App::new(g.load(), false, (200, 60));
    let source = verso::session::Source::File {
        path: p.clone(),
        text: g.json.clone(),
    };
    let mut session = verso::session::Session::new(&mut app, source, None);
    app.update(Action::NextQuote);
    app.update(Action::Delete);
    let t = Instant::now();
    session.save_to(&mut app, &p).unwrap();
    eprintln!("save_to {:?}", t.elapsed());
    let _ = std::fs::remove_file(p);
}
