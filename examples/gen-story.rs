//! Writes a large generated story to a folder, for measuring the reader:
//!
//! ```sh
//! cargo run --release --example gen-story -- --articles 2 --mb 10 -o /tmp/big
//! verso check /tmp/big/story.json
//! ```
//!
//! The folder gets `a1.txt`, `a2.txt`, ... and `story.json`. The same
//! arguments (and `--seed`) always write the same files.

#[path = "storygen/mod.rs"]
mod storygen;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen-story [--articles N] [--mb SIZE | --kb SIZE] [--seed N] -o FOLDER";

fn main() -> ExitCode {
    let mut articles = 2usize;
    let mut bytes = 10_000_000usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        let ok = match a.as_str() {
            "--articles" => value().parse().map(|n| articles = n).is_ok(),
            "--mb" => value()
                .parse::<f64>()
                .map(|m| bytes = (m * 1_000_000.0) as usize)
                .is_ok(),
            "--kb" => value()
                .parse::<f64>()
                .map(|k| bytes = (k * 1_000.0) as usize)
                .is_ok(),
            "--seed" => value().parse().map(|n| seed = n).is_ok(),
            "-o" | "--output" => {
                out = Some(PathBuf::from(value()));
                true
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => false,
        };
        if !ok {
            eprintln!("gen-story: bad argument {a:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("gen-story: -o FOLDER is required\n{USAGE}");
        return ExitCode::from(2);
    };
    let g = storygen::generate(articles, bytes, seed);
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&out)?;
        for (name, text) in &g.articles {
            std::fs::write(out.join(name), text)?;
        }
        std::fs::write(out.join("story.json"), &g.json)
    };
    if let Err(e) = write() {
        eprintln!("gen-story: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    let text: usize = g.articles.iter().map(|(_, t)| t.len()).sum();
    println!(
        "{}: {} articles, {text} bytes of text, {} quotes, {} links, story.json {} bytes",
        out.display(),
        g.articles.len(),
        g.quotes,
        g.links,
        g.json.len()
    );
    ExitCode::SUCCESS
}
