//! verso's article extraction measured on real saved news pages against
//! Mozilla's Readability.js: for each page, the word precision, recall and F1
//! of the text `verso::web::extract::extract` gives from `source.html` against
//! the visible text of Readability's own output `expected.html` (tags
//! stripped, entities decoded), and whether verso's title is the
//! `"title"` of `expected-metadata.json` (runs of white space counting as one). Words are lower-cased Unicode words,
//! counted as a bag, as in `tests/web_extract.rs`. Prints a markdown table,
//! the mean F1 and how many pages reach 0.9, then, for each page under 0.9 (or
//! the F1 given) or with a wrong title, the first words only verso gives and the first only
//! Readability gives.
//!
//! The pages are those of Mozilla readability's test suite
//! (`test/test-pages/<name>/{source.html,expected.html,expected-metadata.json}`
//! in <https://github.com/mozilla/readability>, Apache-2.0); they are not
//! bundled here. DIR holds folders in that layout:
//!
//! `cargo run --release --example readability_pages -- DIR [F1]`
//!
//! The word lists are printed for pages under F1 (0.9 if not given).

use std::path::Path;

use unicode_segmentation::UnicodeSegmentation;
use verso::score::words::{word_f1, words};
use verso::web::extract;

/// The words of `a`, in order, beyond those `b` has (each word of `b`
/// cancels one occurrence in `a`).
fn only_in(a: &str, b: &str) -> Vec<String> {
    let mut left = words(b);
    let mut out = Vec::new();
    for w in a.unicode_words() {
        let w = w.to_lowercase();
        match left.get_mut(&w) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(w),
        }
    }
    out
}

/// The visible text of HTML: comments and tags dropped, entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|j| j + 3)
        } else {
            rest.find('>').map(|j| j + 1)
        };
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// `&amp; &lt; &gt; &quot; &#39; &nbsp;` and numeric references decoded;
/// any other `&` left as it is.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&j| j <= 10).and_then(|j| {
            let c = match &rest[1..j] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                e => e
                    .strip_prefix("#x")
                    .or_else(|| e.strip_prefix("#X"))
                    .map(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| e.strip_prefix('#').map(|d| d.parse().ok()))
                    .flatten()
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read(p)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("{}: {e}", p.display()))
}

/// One page measured.
struct Row {
    name: String,
    p: f64,
    r: f64,
    f: f64,
    title_ok: bool,
    got_title: Option<String>,
    want_title: Option<String>,
    /// Words verso gives and Readability does not, and the reverse.
    extra: Vec<String>,
    missing: Vec<String>,
    error: Option<String>,
}

fn measure(dir: &Path) -> Result<Row, String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = read(&dir.join("source.html"))?;
    let want = visible_text(&read(&dir.join("expected.html"))?);
    let meta: serde_json::Value = serde_json::from_str(&read(&dir.join("expected-metadata.json"))?)
        .map_err(|e| format!("{name}: expected-metadata.json: {e}"))?;
    let want_title = meta["title"].as_str().map(|t| t.trim().to_string());
    let (got, got_title, error) = match extract::extract(&source) {
        Ok((text, m)) => (text, m.title, None),
        Err(e) => (String::new(), None, Some(format!("{e:?}"))),
    };
    let (p, r, f) = word_f1(&got, &want);
    // Runs of white space count as one space: verso shows a title on one line.
    let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let title_ok = got_title.as_deref().map(spaced) == want_title.as_deref().map(spaced);
    Ok(Row {
        name,
        p,
        r,
        f,
        title_ok,
        extra: only_in(&got, &want),
        missing: only_in(&want, &got),
        got_title,
        want_title,
        error,
    })
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!(
            "usage: readability_pages DIR (folders <name>/source.html, expected.html, expected-metadata.json)"
        );
        std::process::exit(2);
    };
    let mut pages: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("source.html").is_file())
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    pages.sort();
    let below: f64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.9);
    let mut rows = Vec::new();
    for p in &pages {
        match measure(p) {
            Ok(row) => rows.push(row),
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    println!("| page | P | R | F1 | title right |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for r in &rows {
        let title = if r.title_ok {
            "yes".to_string()
        } else {
            format!(
                "no: {:?} vs {:?}",
                r.got_title.as_deref().unwrap_or(""),
                r.want_title.as_deref().unwrap_or("")
            )
        };
        let err = r
            .error
            .as_deref()
            .map(|e| format!(" (extract: {e})"))
            .unwrap_or_default();
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {title}{err} |",
            r.name, r.p, r.r, r.f
        );
    }
    let n = rows.len().max(1) as f64;
    let mean = rows.iter().map(|r| r.f).sum::<f64>() / n;
    let good = rows.iter().filter(|r| r.f >= 0.9).count();
    let titles = rows.iter().filter(|r| r.title_ok).count();
    println!();
    println!(
        "mean F1 {mean:.3}; F1 >= 0.9: {good} of {}; titles right: {titles} of {}",
        rows.len(),
        rows.len()
    );
    for r in rows.iter().filter(|r| r.f < below || !r.title_ok) {
        println!();
        println!(
            "## {} (F1 {:.3}; {} words only verso's, {} only Readability's)",
            r.name,
            r.f,
            r.extra.len(),
            r.missing.len()
        );
        println!("verso only: {}", first(&r.extra));
        println!("Readability only: {}", first(&r.missing));
    }
}

fn first(w: &[String]) -> String {
    let mut s = w.iter().take(40).cloned().collect::<Vec<_>>().join(" ");
    if w.len() > 40 {
        s.push_str(" ...");
    }
    s
}
