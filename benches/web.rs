//! Reading a saved page of 1 MB: charset decoding and article extraction
//! (`web::charset::decode`, `web::extract::extract`), the work `verso
//! page.html` does before drafting. The page is the NYT-style fixture grown
//! to 1 MB the way big pages are big: a long article (its paragraphs 60
//! times over), a long comment section, and an inline script of analytics
//! and state. The bar: under 100 ms.

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use verso::web::{charset, extract};

/// The fixture page grown to about `size` bytes.
fn big_page(size: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web/sites/");
    let page = std::fs::read_to_string(format!("{dir}nyt.html")).unwrap();
    let text = std::fs::read_to_string(format!("{dir}nyt.txt")).unwrap();
    let paras: String = text
        .split("\n\n")
        .map(|p| format!("<p class=\"css-at9mc1 evys1bk0\">{}</p>\n", p.trim()))
        .collect();
    let article = paras.repeat(60);
    let comment = "<div class=\"comment\"><span class=\"comment-author\">reader</span>\
        <p>I have lived near this bridge for thirty years and I still do not trust it.</p>\
        <a class=\"reply\" href=\"#\">Reply</a></div>\n";
    let mut comments = String::new();
    let mut script = String::from("<script>window.__STATE__=");
    let body_len = page.len() + article.len();
    while body_len + comments.len() + script.len() < size {
        if comments.len() < size / 3 {
            comments.push_str(comment);
        } else {
            script.push_str("{\"k\":\"v\",\"n\":[1,2,3],\"s\":\"analytics-slot\"},");
        }
    }
    script.push_str("0;</script>");
    page.replacen("</section>", &format!("{article}</section>"), 1)
        .replacen(
            "<section id=\"comments\"",
            &format!("{script}<section id=\"comments\""),
            1,
        )
        .replacen(
            "</section>\n<div id=\"site-index\">",
            &format!("{comments}</section>\n<div id=\"site-index\">"),
            1,
        )
}

fn read_page(c: &mut Criterion) {
    let page = big_page(1_000_000);
    assert!(page.len() >= 1_000_000, "{}", page.len());
    let bytes = page.into_bytes();
    let (text, _) = extract::extract(&charset::decode(&bytes, None)).unwrap();
    assert!(
        text.len() > 60_000,
        "the article is read whole: {}",
        text.len()
    );
    let mut g = c.benchmark_group("web");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("read_1mb_page", |b| {
        b.iter(|| extract::extract(&charset::decode(&bytes, None)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, read_page);
criterion_main!(benches);
