//! Drafting speed: two articles of 10 kB, 100 kB and 1 MB each, made by
//! repeating the seed articles with varied names and numbers, so that the time
//! can be seen to grow no worse than n log n.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const THREAT: &str = include_str!("../articles/carter-threat.txt");
const GOFF: &str = include_str!("../articles/goff-rejects-carter.txt");

const SURNAMES: &[&str] = &[
    "Carter",
    "Hughes",
    "Patel",
    "Ngata",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Reyes",
    "Kowalski",
    "Brennan",
    "Fitzroy",
    "Adeyemi",
    "Castillo",
    "Harlow",
    "Ishikawa",
];
const FIRSTS: &[&str] = &[
    "Chris", "Maria", "Tane", "Aroha", "Kofi", "Ingrid", "Luc", "Yuki", "Ana", "Piotr", "Sean",
    "Grace", "Tunde", "Lucia", "Owen", "Hana",
];
const NUMBERS: &[&str] = &[
    "seven", "six", "four", "nine", "three", "eleven", "twelve", "five",
];

/// About `size` bytes of news-like text: the seed article again and again, each
/// copy with other people, places and numbers.
pub fn text(seed: &str, size: usize, salt: usize) -> String {
    let mut out = String::with_capacity(size + seed.len());
    let mut k = salt;
    while out.len() < size {
        let n = SURNAMES.len();
        let t = seed
            .replace("Carter", SURNAMES[k % n])
            .replace("Chris", FIRSTS[k % n])
            .replace("Little", SURNAMES[(k * 7 + 3) % n])
            .replace("Andrew", FIRSTS[(k * 7 + 3) % n])
            .replace("Goff", SURNAMES[(k * 5 + 1) % n])
            .replace("Phil", FIRSTS[(k * 5 + 1) % n])
            .replace("seven", NUMBERS[k % NUMBERS.len()])
            .replace("six", NUMBERS[(k + 3) % NUMBERS.len()])
            .replace("Te Atatu", ["Te Atatu", "Rongotai", "Epsom", "Ilam"][k % 4])
            .replace("July", ["July", "March", "October"][k % 3]);
        out.push_str(&t);
        out.push_str("\n\n");
        k += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    // One news article of about 6 kB: the size of a typical report.
    let one = vec![("a.txt".to_string(), text(THREAT, 6_000, 0))];
    c.bench_function("annotate one 6 kB article", |b| {
        b.iter(|| verso::annotate::draft(&one))
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
