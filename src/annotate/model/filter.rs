//! The second stage: which of the tagger's content passages are attributions.
//! A linear model over features of the whole passage (its length, quotation
//! marks, the cue and source found with it, what the rules drafted there)
//! keeps a passage when its score is positive. Trained by `verso model train`
//! on passages the tagger found in articles it was not trained on (two
//! folds), labelled by whether they match an annotated content.

use std::ops::Range;
use std::sync::OnceLock;

use super::features::Seq;
use crate::story::QuoteKind;
use crate::text::is_double_quote;

/// Feature buckets of the filter (a power of two).
pub const FILTER_BUCKETS: usize = 1 << 16;

/// A content passage as the filter sees it.
pub struct Passage<'a> {
    pub seq: &'a Seq,
    pub text: &'a str,
    /// Token ranges of the content pieces, of the cue and of the source.
    pub content: &'a [Range<usize>],
    pub cue: Option<Range<usize>>,
    pub source: Option<Range<usize>>,
    pub kind: QuoteKind,
    /// The kind of the rule-drafted quote overlapping it, if any.
    pub rule: Option<QuoteKind>,
    /// Its paragraph's index in the article.
    pub par: usize,
    /// The tagger's margins over the passage's tokens: their mean and least.
    pub confidence: (f32, f32),
}

fn hash(template: u8, parts: &[&str]) -> u32 {
    super::features::hash(template, parts, FILTER_BUCKETS)
}

fn size(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=9 => "6-9",
        10..=19 => "10-19",
        20..=39 => "20-39",
        _ => "40+",
    }
}

/// A margin on a log scale: its sign and the whole part of log2(1 + |m|).
fn level(m: f32) -> String {
    let l = (1.0 + m.abs()).log2().floor() as i32;
    format!("{}", if m < 0.0 { -l - 1 } else { l })
}

/// The feature buckets of a passage.
pub fn features(p: &Passage) -> Vec<u32> {
    let toks = &p.seq.toks;
    let text = p.text;
    let whole = p.content[0].start..p.content[p.content.len() - 1].end;
    let words = toks[whole.clone()].iter().filter(|t| t.word).count();
    let low = |i: usize| toks[i].text(text).to_lowercase();
    let mark = |i: usize| {
        !toks[i].word
            && toks[i]
                .text(text)
                .chars()
                .next()
                .is_some_and(is_double_quote)
    };
    let kind = p.kind.as_str();
    let rule = p.rule.map_or("none", |k| k.as_str());
    let cue = p.cue.as_ref().map_or("none".to_string(), |c| low(c.start));
    let source = match &p.source {
        None => "none",
        Some(s) => {
            let w = low(s.start);
            if matches!(w.as_str(), "he" | "she" | "they" | "it" | "we" | "i") {
                "pronoun"
            } else if toks[s.start]
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                "name"
            } else {
                "other"
            }
        }
    };
    let first = low(whole.start);
    let last = low(whole.end - 1);
    let before = whole.start.checked_sub(1).map_or("<p>".to_string(), low);
    let after = toks
        .get(whole.end)
        .map_or("</p>".to_string(), |_| low(whole.end));
    let sents = p.seq.sent[whole.end - 1] - p.seq.sent[whole.start] + 1;
    let par = match p.par {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        _ => "4+",
    };
    let marks = (whole.clone()).filter(|&i| mark(i)).count();
    let sz = size(words);
    vec![
        hash(0, &[]),
        hash(1, &[sz]),
        hash(2, &[kind]),
        hash(3, &[kind, sz]),
        hash(4, &[rule]),
        hash(5, &[rule, kind]),
        hash(6, &[&cue]),
        hash(7, &[source]),
        hash(8, &[source, if p.cue.is_some() { "c" } else { "-" }]),
        hash(9, &[&first]),
        hash(10, &[&last]),
        hash(11, &[&before]),
        hash(12, &[&after]),
        hash(13, &[size(sents as usize)]),
        hash(14, &[par, sz]),
        hash(15, &[size(marks)]),
        hash(16, &[size(p.content.len())]),
        hash(17, &[&cue, source]),
        hash(18, &[rule, sz]),
        hash(19, &[&level(p.confidence.0)]),
        hash(20, &[&level(p.confidence.1)]),
        hash(21, &[&level(p.confidence.0), rule]),
        hash(22, &[&level(p.confidence.1), kind]),
    ]
}

/// Filter weights, one per bucket.
pub struct Filter {
    pub w: Vec<f32>,
}

impl Filter {
    pub fn bundled() -> &'static Filter {
        static F: OnceLock<Filter> = OnceLock::new();
        F.get_or_init(|| {
            Filter::from_bytes(include_bytes!("filter.bin"))
                .expect("the bundled filter.bin is sound")
        })
    }

    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|&f| self.w[f as usize]).sum()
    }

    pub fn keep(&self, p: &Passage) -> bool {
        self.score(&features(p)) > 0.0
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.w.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    pub fn from_bytes(b: &[u8]) -> Result<Filter, String> {
        if b.len() != FILTER_BUCKETS * 4 {
            return Err(format!(
                "not a filter for this version of verso ({} bytes)",
                b.len()
            ));
        }
        Ok(Filter {
            w: b.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        })
    }

    /// An averaged perceptron over labelled passages (features, right?).
    pub fn learn(data: &[(Vec<u32>, bool)], epochs: usize) -> Filter {
        let mut w = vec![0f64; FILTER_BUCKETS];
        let mut acc = vec![0f64; FILTER_BUCKETS];
        let mut c = 1f64;
        for _ in 0..epochs {
            for (f, y) in data {
                let s: f64 = f.iter().map(|&k| w[k as usize]).sum();
                let y = if *y { 1.0 } else { -1.0 };
                if s * y <= 0.0 {
                    for &k in f {
                        w[k as usize] += y;
                        acc[k as usize] += y * c;
                    }
                }
                c += 1.0;
            }
        }
        Filter {
            w: w.iter()
                .zip(&acc)
                .map(|(w, a)| (w - a / c) as f32)
                .collect(),
        }
    }
}
