//! What the context stage of the scorer ([`super::scorer`]) knows of a pair
//! of passages within their two articles: how the sentence stage scored it
//! against each passage's other candidates (a pair that is each passage's
//! clear best is likelier than one of many alike), how close it is by vector
//! beside how close each passage is to the other article at all (so a passage
//! near everything counts for less), where the two stand in their articles
//! (the ledes of two reports of one event tell it; a headline tells the lede),
//! and whether a passage is short or a clause cut from a longer sentence.

/// The features' names, in order: the pair in context, then the sentence
/// stage's own features of it (`s_`), which the context stage weighs anew
/// for passages within articles.
pub const NAMES: [&str; 48] = [
    "sentence",
    "cosine",
    "relative",
    "rank_a",
    "rank_b",
    "margin_a",
    "margin_b",
    "ledes",
    "headline",
    "position",
    "short",
    "clause",
    "headlines",
    "neighbours",
    "quotes",
    "quotes_shared",
    "s_uni_a",
    "s_uni_b",
    "s_bi_a",
    "s_bi_b",
    "s_tri_a",
    "s_tri_b",
    "s_four_a",
    "s_four_b",
    "s_content_a",
    "s_content_b",
    "s_extra_a",
    "s_extra_b",
    "s_cosine",
    "s_align_a",
    "s_align_b",
    "s_unmatched_a",
    "s_unmatched_b",
    "s_nums_same",
    "s_nums_differ",
    "s_nums_apart",
    "s_names_a",
    "s_names_b",
    "s_len_diff",
    "s_len_ratio",
    "s_lcs_a",
    "s_lcs_b",
    "s_chars3",
    "s_chars4",
    "s_rare_a",
    "s_rare_b",
    "s_rarest_a",
    "s_rarest_b",
];

/// How many of [`NAMES`] are the context's own (the rest are the sentence stage's).
pub const OWN: usize = 16;

/// Where a passage stands in its article.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Its sentence's index among the body's sentences; `None` in a headline.
    pub body: Option<usize>,
    /// How many body sentences the article has.
    pub of: usize,
    pub words: usize,
    pub clause: bool,
}

/// A candidate pair's scores, as the sentence stage gave them.
pub struct Scores<'a> {
    /// Sentence-stage log-odds of the pair.
    pub z: f32,
    /// The other candidates' log-odds, for each passage (the pair's own not among them).
    pub others_a: &'a [f32],
    pub others_b: &'a [f32],
    pub cosine: f32,
    /// Mean cosine of each passage to its nearest passages of the other article.
    pub near_a: f32,
    pub near_b: f32,
    /// The best sentence-stage log-odds of the pairs just before and just
    /// after this one (`i-1, j-1` and `i+1, j+1`): reports that tell a
    /// passage often tell its neighbours too.
    pub neighbours: f32,
}

/// The words quoted in a passage (inside double quotation marks, or from an
/// opening mark to its end), lower case.
pub fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut word = String::new();
    let flush = |w: &mut String, out: &mut Vec<String>| {
        if !w.is_empty() {
            out.push(std::mem::take(w).to_lowercase());
        }
    };
    for c in text.chars() {
        match c {
            '"' => inside = !inside,
            '“' => inside = true,
            '”' => inside = false,
            _ => {}
        }
        if inside && c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The features of a pair, in the order of [`NAMES`].
/// `quoted`: each passage's quoted words ([`quoted`]).
pub fn features(
    s: &Scores,
    a: Place,
    b: Place,
    (qa, qb): (&[String], &[String]),
    raw: &[f32],
) -> Vec<f32> {
    let rank = |others: &[f32]| 1.0 / (1.0 + others.iter().filter(|&&o| o > s.z).count() as f32);
    let margin = |others: &[f32]| {
        let best = others.iter().copied().fold(f32::MIN, f32::max);
        if best == f32::MIN {
            5.0
        } else {
            (s.z - best).clamp(-5.0, 5.0)
        }
    };
    let lede = |p: Place| p.body.is_some_and(|i| i < 2);
    let head = |p: Place| p.body.is_none();
    let pos = |p: Place| match p.body {
        Some(i) => i as f32 / p.of.max(1) as f32,
        None => 0.0,
    };
    // Two quotations: the share of the shorter's words the other has.
    let shared = if qa.len() >= 3 && qb.len() >= 3 {
        let (short, long) = if qa.len() <= qb.len() {
            (qa, qb)
        } else {
            (qb, qa)
        };
        short.iter().filter(|w| long.contains(w)).count() as f32 / short.len() as f32
    } else {
        0.0
    };
    let mut f = vec![
        s.z.clamp(-15.0, 15.0),
        s.cosine,
        s.cosine - (s.near_a + s.near_b) / 2.0,
        rank(s.others_a),
        rank(s.others_b),
        margin(s.others_a),
        margin(s.others_b),
        f32::from(lede(a) && lede(b)),
        f32::from(head(a) && (head(b) || lede(b)) || head(b) && lede(a)),
        (pos(a) - pos(b)).abs(),
        f32::from(a.words.min(b.words) < 8),
        f32::from(a.clause || b.clause),
        f32::from(head(a) && head(b)),
        s.neighbours.clamp(-15.0, 15.0),
        f32::from(qa.len() >= 3 && qb.len() >= 3),
        shared,
    ];
    f.extend_from_slice(raw);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_best_between_ledes_reads_so() {
        let lede = Place {
            body: Some(0),
            of: 20,
            words: 25,
            clause: false,
        };
        let late = Place {
            body: Some(15),
            of: 20,
            words: 25,
            clause: false,
        };
        let s = Scores {
            z: 2.0,
            others_a: &[-1.0, 0.5],
            others_b: &[3.0],
            cosine: 0.7,
            near_a: 0.5,
            near_b: 0.4,
            neighbours: 1.0,
        };
        let t = (
            quoted("He said \u{201c}we will win the vote\u{201d} on Monday."),
            quoted("\"We will win,\" he said."),
        );
        let t = (t.0.as_slice(), t.1.as_slice());
        let raw = [0.5; NAMES.len() - OWN];
        let f = features(&s, lede, lede, t, &raw);
        assert_eq!(f.len(), NAMES.len());
        assert_eq!((f[3], f[4]), (1.0, 0.5));
        assert_eq!((f[5], f[6]), (1.5, -1.0));
        assert_eq!(f[7], 1.0);
        assert!((f[2] - 0.25).abs() < 1e-6);
        assert_eq!(features(&s, lede, late, t, &raw)[7], 0.0);
        assert_eq!((f[14], f[15]), (1.0, 1.0));
        assert_eq!(quoted("a \"b c\" d \u{201c}e"), ["b", "c", "e"]);
    }
}
