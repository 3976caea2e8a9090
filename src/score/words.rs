//! Text against reference text, word for word: how an extracted article
//! compares with what Readability.js or a person gives for the same page.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

/// Lower-cased words: segments between Unicode word boundaries holding a
/// letter or digit, each with how often it occurs.
pub fn words(t: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in t.unicode_words() {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Precision, recall and F1 of the words of `got` against those of `want`
/// (bags of words: a word counts as often as it occurs in both).
pub fn word_f1(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (words(got), words(want));
    let overlap: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let total = |m: &HashMap<String, usize>| m.values().sum::<usize>() as f64;
    let p = overlap as f64 / total(&g).max(1.0);
    let r = overlap as f64 / total(&w).max(1.0);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::word_f1;

    #[test]
    fn words_count_as_often_as_both_have_them() {
        let (p, r, f) = word_f1("the cat, the dog", "The cat sat");
        // got: the×2 cat dog; want: the cat sat; shared: the cat.
        assert_eq!((p, r), (0.5, 2.0 / 3.0));
        assert!((f - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(word_f1("", "words"), (0.0, 0.0, 0.0));
    }
}
