//! News-like text for speed measurements: the seed articles repeated with
//! varied names, places and numbers, and a revision of a text with its
//! paragraphs reordered (shared by `benches/annotate.rs` and
//! `examples/links-pair.rs`).

pub const THREAT: &str = include_str!("../../articles/carter-threat.txt");
pub const GOFF: &str = include_str!("../../articles/goff-rejects-carter.txt");

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

/// `text` revised: its paragraphs in another order (each paragraph moved by a
/// fixed stride, so runs of them are reordered throughout), every seventh with
/// a number changed and every eleventh cut.
pub fn reordered(text: &str) -> String {
    let pars: Vec<&str> = text.split("\n").filter(|p| !p.trim().is_empty()).collect();
    let n = pars.len();
    let stride = (1..n.max(2))
        .rev()
        .find(|s| gcd(*s, n) == 1 && *s < n / 3 + 2)
        .unwrap_or(1);
    let mut out = String::with_capacity(text.len());
    for k in 0..n {
        let i = (k * stride) % n;
        if i % 11 == 5 {
            continue;
        }
        let p = if i % 7 == 3 {
            pars[i].replacen(" 1", " 2", 1)
        } else {
            pars[i].to_string()
        };
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}
