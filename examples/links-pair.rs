//! The reordered pair of the links benchmark, for comparing with other tools:
//! writes `a.txt` (300 kB of news-like text) and `b.txt` (its revision, every
//! paragraph moved) to a folder, drafts their links once, and prints the time
//! and the share of b's words the links cover (`b` holds nothing new, so that is
//! the recall of the shared text).
//!
//! `cargo run --release --example links-pair -- /tmp/pair`

// One of the bench's two seed articles is used here.
#[allow(dead_code)]
#[path = "../benches/common/news.rs"]
mod news;

use std::time::Instant;

use verso::annotate::links::find;
use verso::text::Doc;

fn words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/pair".into()),
    );
    let kb: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let a = news::text(news::THREAT, kb * 1000, 0);
    let b = news::reordered(&a);
    if let Err(e) = std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(dir.join("a.txt"), &a))
        .and_then(|_| std::fs::write(dir.join("b.txt"), &b))
    {
        eprintln!("links-pair: {}: {e}", dir.display());
        std::process::exit(2);
    }
    let t = Instant::now();
    let docs = [Doc::new(&a), Doc::new(&b)];
    let links = find(&[&a, &b], &docs);
    let secs = t.elapsed().as_secs_f64();
    let mut covered: Vec<std::ops::Range<usize>> = links.iter().map(|l| l.b.1.clone()).collect();
    covered.sort_by_key(|r| r.start);
    let mut end = 0;
    let mut n = 0;
    for r in covered {
        let from = r.start.max(end);
        if from < r.end {
            n += words(&b[from..r.end]);
            end = r.end;
        }
    }
    println!(
        "{} kB / {} kB: {} links in {:.3} s; b's words covered: {}/{} = {:.3}",
        a.len() / 1000,
        b.len() / 1000,
        links.len(),
        secs,
        n,
        words(&b),
        n as f64 / words(&b) as f64
    );
}
