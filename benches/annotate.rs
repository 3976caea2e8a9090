//! Drafting speed: two articles of 10 kB, 100 kB and 1 MB each, made by
//! repeating the seed articles with varied names and numbers, so that the time
//! can be seen to grow no worse than n log n.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;
use common::news::{GOFF, THREAT, reordered, text};

fn bench(c: &mut Criterion) {
    // One news article of about 6 kB: the size of a typical report.
    let one = vec![("a.txt".to_string(), text(THREAT, 6_000, 0))];
    c.bench_function("annotate one 6 kB article", |b| {
        b.iter(|| verso::annotate::draft(&one))
    });
    // Two reports of about 6 kB each: the links alone, and the whole draft.
    let pair = (text(THREAT, 6_000, 0), text(GOFF, 6_000, 5));
    c.bench_function("links of a 6 kB pair", |b| {
        b.iter(|| {
            let docs = [
                verso::text::Doc::new(&pair.0),
                verso::text::Doc::new(&pair.1),
            ];
            verso::annotate::links::find(&[&pair.0, &pair.1], &docs)
        })
    });
    let mut g = c.benchmark_group("annotate two articles");
    g.sample_size(10);
    for size in [10_000usize, 100_000, 1_000_000] {
        let articles = vec![
            ("a.txt".to_string(), text(THREAT, size, 0)),
            ("b.txt".to_string(), text(GOFF, size, 5)),
        ];
        g.throughput(Throughput::Bytes(
            (articles[0].1.len() + articles[1].1.len()) as u64,
        ));
        g.bench_with_input(BenchmarkId::from_parameter(size), &articles, |b, a| {
            b.iter(|| verso::annotate::draft(a))
        });
    }
    g.finish();
    // The links alone: a 300 kB article against its revision with every
    // paragraph moved (compared with Python's difflib in docs/performance.md),
    // and two 1 MB articles.
    let mut g = c.benchmark_group("links");
    g.sample_size(10);
    let a = text(THREAT, 300_000, 0);
    let b = reordered(&a);
    let big = (text(THREAT, 1_000_000, 0), text(GOFF, 1_000_000, 5));
    for (name, x, y) in [("reordered 300 kB", &a, &b), ("two 1 MB", &big.0, &big.1)] {
        g.bench_function(name, |bench| {
            bench.iter(|| {
                let docs = [verso::text::Doc::new(x), verso::text::Doc::new(y)];
                verso::annotate::links::find(&[x, y], &docs)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
