//! The PolNeAR measure (`/work/shared/data/README.md`, "How the project is
//! measured on it"): drafted quotes against reference attributions.
//!
//! A drafted quote matches an attribution when the Jaccard overlap of their
//! spans is at least 0.3, one to one: the matching pairs are taken greedily,
//! highest overlap first, each drafted quote and each attribution in one pair
//! at most. Precision counts drafted quotes in a pair (with any attribution);
//! recall counts attributions of speech (a `"` `“` `”` in the content, or one
//! of the data README's cue words in the cue) in a pair; direct-quote recall
//! does the same over those holding such a mark; the speaker figure is, over
//! paired speech attributions whose source is not a pronoun, the share whose
//! drafted quote's speaker shares a word with the source (runs of a-z, three
//! letters or more, titles aside). Both sides' ranges must be in the same unit
//! (bytes here). Pure functions: no files, no story.

use std::ops::Range;

use serde::Serialize;

pub use crate::exchange::parc::{GoldAttribution, gold_from_parc};
use crate::text::ranges::jaccard;
pub use crate::text::ranges::jaccard_matches as matches;

/// A drafted quote: its span and the words its speaker is known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftQuote {
    pub range: Range<usize>,
    /// Speaker name and aliases.
    pub names: Vec<String>,
}

/// The counts behind the measure; [`add`](AttributionFigures::add) sums
/// articles, the ratios come from the sums.
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
pub struct AttributionFigures {
    /// Drafted quotes.
    pub drafted: usize,
    /// Drafted quotes paired with an attribution.
    pub drafted_right: usize,
    /// Attributions of speech.
    pub speech: usize,
    /// Attributions of speech paired with a drafted quote.
    pub speech_found: usize,
    /// Attributions of speech whose content holds a quotation mark.
    pub direct: usize,
    pub direct_found: usize,
    /// Matched speech attributions whose source is a name, not a pronoun.
    pub speaker_named: usize,
    /// Of those, the ones whose drafted speaker shares a word with the source.
    pub speaker_right: usize,
}

/// `n / d`, or 1 when there is nothing to count (as `verso score` does).
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

impl AttributionFigures {
    pub fn add(&mut self, o: &AttributionFigures) {
        self.drafted += o.drafted;
        self.drafted_right += o.drafted_right;
        self.speech += o.speech;
        self.speech_found += o.speech_found;
        self.direct += o.direct;
        self.direct_found += o.direct_found;
        self.speaker_named += o.speaker_named;
        self.speaker_right += o.speaker_right;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.drafted_right, self.drafted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.speech_found, self.speech)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn direct_recall(&self) -> f64 {
        ratio(self.direct_found, self.direct)
    }

    pub fn speaker(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_named)
    }

    /// The five figures with the counts behind them, aligned.
    pub fn table(&self) -> String {
        let row = |name: &str, v: f64, n: usize, d: usize, of: &str| {
            format!("{name:<22}{v:>7.3}{n:>7} of {d:<6}{of}\n")
        };
        let mut out = String::new();
        out.push_str(&row(
            "precision",
            self.precision(),
            self.drafted_right,
            self.drafted,
            "drafted quotes match an attribution",
        ));
        out.push_str(&row(
            "recall",
            self.recall(),
            self.speech_found,
            self.speech,
            "speech attributions found",
        ));
        out.push_str(&format!("{:<22}{:>7.3}\n", "F1", self.f1()));
        out.push_str(&row(
            "direct-quote recall",
            self.direct_recall(),
            self.direct_found,
            self.direct,
            "quoted speech attributions found",
        ));
        out.push_str(&row(
            "speaker",
            self.speaker(),
            self.speaker_right,
            self.speaker_named,
            "found with a named source: same speaker",
        ));
        out
    }
}

/// |a ∩ b| / |a ∪ b| as a fraction (numerator, denominator); (0, 0) for two
/// empty ranges.
/// The drafted quote overlapping `g` with the highest Jaccard, and that
/// Jaccard (the first one on a tie).
fn closest<'a>(
    draft: &'a [DraftQuote],
    g: &GoldAttribution,
) -> Option<(&'a DraftQuote, (usize, usize))> {
    let mut best: Option<(&DraftQuote, (usize, usize))> = None;
    for d in draft {
        let (i, u) = jaccard(&d.range, &g.content);
        // i/u > bi/bu without floats.
        if i > 0 && best.is_none_or(|(_, (bi, bu))| i * bu > bi * u) {
            best = Some((d, (i, u)));
        }
    }
    best
}

/// The measure's pairs (drafted quote, attribution), by index: every pair
/// that matches, taken greedily by overlap, highest first (then in order),
/// each side in one pair at most.
fn pairs(draft: &[DraftQuote], gold: &[GoldAttribution]) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (di, d) in draft.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            if matches(&d.range, &g.content) {
                let (i, u) = jaccard(&d.range, &g.content);
                all.push((i, u, di, gi));
            }
        }
    }
    // i/u descending without floats.
    all.sort_by(|a, b| {
        (b.0 * a.1)
            .cmp(&(a.0 * b.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    let (mut used_d, mut used_g) = (vec![false; draft.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (_, _, di, gi) in all {
        if !used_d[di] && !used_g[gi] {
            used_d[di] = true;
            used_g[gi] = true;
            out.push((di, gi));
        }
    }
    out
}

/// Scores one article's drafted quotes against its attributions.
pub fn measure(draft: &[DraftQuote], gold: &[GoldAttribution]) -> AttributionFigures {
    let paired = pairs(draft, gold);
    let mut draft_of: Vec<Option<&DraftQuote>> = vec![None; gold.len()];
    for &(di, gi) in &paired {
        draft_of[gi] = Some(&draft[di]);
    }
    let mut f = AttributionFigures {
        drafted: draft.len(),
        drafted_right: paired.len(),
        ..AttributionFigures::default()
    };
    for (g, d) in gold.iter().zip(&draft_of).filter(|(g, _)| is_speech(g)) {
        let quoted = quoted(&g.content_text);
        f.speech += 1;
        f.direct += usize::from(quoted);
        let Some(d) = d else {
            continue;
        };
        f.speech_found += 1;
        f.direct_found += usize::from(quoted);
        if let Some(source) = g.source.as_deref().filter(|s| is_named(s)) {
            f.speaker_named += 1;
            f.speaker_right += usize::from(shares_a_word(&d.names, source));
        }
    }
    f
}

/// What the measure counts against a draft, one line each: drafted quotes
/// matching no attribution (`false`), speech attributions no quote matches
/// (`missed`, or `missed-direct` for those the direct-quote recall counts,
/// with the drafted quote overlapping most, if any, and its overlap), and
/// matched ones whose speaker shares no word with the named source
/// (`speaker`). Texts are cut to 100 characters.
pub fn mistakes(text: &str, draft: &[DraftQuote], gold: &[GoldAttribution]) -> Vec<String> {
    let cut = |r: &Range<usize>| text[r.clone()].chars().take(100).collect::<String>();
    let nearest = |g: &GoldAttribution| {
        closest(draft, g).map_or(String::new(), |(d, (i, u))| {
            format!("\tclosest {:.2}: {}", i as f64 / u as f64, cut(&d.range))
        })
    };
    let paired = pairs(draft, gold);
    let mut out = Vec::new();
    for (di, d) in draft.iter().enumerate() {
        if !paired.iter().any(|p| p.0 == di) {
            // `second`: it matches an attribution another drafted quote took.
            let kind = match gold.iter().any(|g| matches(&d.range, &g.content)) {
                true => "false-second",
                false => "false",
            };
            out.push(format!("{kind}\t{}", cut(&d.range)));
        }
    }
    for (gi, g) in gold.iter().enumerate().filter(|(_, g)| is_speech(g)) {
        let source = g.source.as_deref().unwrap_or("");
        match paired.iter().find(|p| p.1 == gi).map(|p| &draft[p.0]) {
            None => {
                let kind = if quoted(&g.content_text) {
                    "missed-direct"
                } else {
                    "missed"
                };
                out.push(format!(
                    "{kind}\t{}\t[{source}]{}",
                    cut(&g.content),
                    nearest(g)
                ))
            }
            Some(d) if is_named(source) && !shares_a_word(&d.names, source) => out.push(format!(
                "speaker\t{}\t[{source}] drafted {:?}",
                cut(&g.content),
                d.names
            )),
            Some(_) => {}
        }
    }
    out
}

/// Lowercase runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Pronouns and determiners that stand for a speaker without naming one.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "hers",
    "its",
    "their",
    "theirs",
    "our",
    "ours",
    "my",
    "mine",
    "your",
    "yours",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "yourself",
    "ourselves",
    "one",
    "the",
    "a",
    "an",
];

/// Whether every word of `source` is a pronoun or determiner ("she", "he
/// himself", "this one"), so the source names nobody. A source without words
/// is not a pronoun.
pub fn is_pronoun(source: &str) -> bool {
    let mut any = false;
    for w in words(source) {
        if !PRONOUNS.contains(&w.as_str()) {
            return false;
        }
        any = true;
    }
    any
}

/// The pronouns that make a source unnamed, as the whole source.
const SOURCE_PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "i", "we", "you", "his", "her", "their",
];

/// A source the speaker figure counts: not empty, and not, as a whole, a pronoun.
fn is_named(source: &str) -> bool {
    let s = source.trim().to_lowercase();
    !s.is_empty() && !SOURCE_PRONOUNS.contains(&s.as_str())
}

/// Words that say what a person is, not who: never the word two names share.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "the",
    "sir",
    "prime",
    "minister",
    "president",
    "former",
    "party",
    "labour",
    "new",
    "mp",
];

/// The words of a name for the speaker figure: runs of a-z in the lowercased
/// text, of three letters or more, titles aside.
fn name_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| w.len() >= 3 && !TITLES.contains(w))
        .map(str::to_string)
}

/// Whether a name or alias shares a word with `source`.
fn shares_a_word(names: &[String], source: &str) -> bool {
    let source = source.to_lowercase();
    let src: Vec<String> = name_words(&source).collect();
    names
        .iter()
        .any(|n| name_words(&n.to_lowercase()).any(|w| src.contains(&w)))
}

/// The cue words that make an attribution speech, exactly these forms
/// (the data README's list); compared with the cue's lowercase words.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "according",
    "stated",
    "states",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "asked",
    "asks",
    "insisted",
    "insists",
    "warned",
    "warns",
    "announced",
    "announces",
    "acknowledged",
    "acknowledges",
    "declared",
    "declares",
    "replied",
    "replies",
    "responded",
    "responds",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "suggested",
    "suggests",
    "admitted",
    "admits",
    "tweeted",
    "tweets",
    "repeated",
    "remarked",
    "remarks",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "conceded",
    "concedes",
];

/// Whether `cue` holds a verb of saying, as a whole word.
fn has_verb_of_saying(cue: &str) -> bool {
    words(cue).any(|w| SAYING.contains(&w.as_str()))
}

/// An attribution of speech: its content holds a quotation mark (`"` `“`
/// `”`) or its cue one of the cue words.
pub fn is_speech(g: &GoldAttribution) -> bool {
    quoted(&g.content_text) || g.cue.as_deref().is_some_and(has_verb_of_saying)
}

/// Whether a content holds a quotation mark as the measure counts them: the
/// double ones, `"`, `“` and `”`.
fn quoted(s: &str) -> bool {
    s.contains(['"', '“', '”'])
}

/// Quotation marks: the double ones, and the opening single mark ‘ (U+2018).
/// The closing single mark ’ (U+2019) and the ASCII ' are left out: they are
/// also the apostrophe (Clinton’s, don’t), so nearly every content would count
/// as quoted. The opening ‘ is almost never an apostrophe in typeset news and
/// marks real quotations where double marks are not used (headlines: Calls
/// Hillary Clinton ‘A Disgrace’; quotes inside quotes).
const QUOTATION_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‘'];

pub fn holds_quotation_mark(s: &str) -> bool {
    s.contains(QUOTATION_MARKS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(range: Range<usize>, names: &[&str]) -> DraftQuote {
        DraftQuote {
            range,
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn g(
        content: Range<usize>,
        text: &str,
        cue: Option<&str>,
        source: Option<&str>,
    ) -> GoldAttribution {
        GoldAttribution {
            content,
            content_text: text.to_string(),
            cue: cue.map(str::to_string),
            source: source.map(str::to_string),
        }
    }

    #[test]
    fn jaccard_exactly_point_three_matches_just_below_does_not() {
        // 0..3 inside 0..10: 3 / 10, exactly 0.3.
        let gold = [g(0..10, "x", Some("said"), None)];
        let f = measure(&[d(0..3, &[])], &gold);
        assert_eq!((f.drafted_right, f.speech_found), (1, 1));
        // 0..10 and 7..13: 3 / 13 < 0.3.
        let f = measure(&[d(7..13, &[])], &gold);
        assert_eq!((f.drafted_right, f.speech_found), (0, 0));
        // 29 of 100 is below.
        let gold = [g(0..100, "x", Some("said"), None)];
        assert_eq!(measure(&[d(0..29, &[])], &gold).speech_found, 0);
        assert_eq!(measure(&[d(0..30, &[])], &gold).speech_found, 1);
    }

    #[test]
    fn speech_by_quotation_mark_or_one_of_the_cue_words() {
        let speech = |text: &str, cue: Option<&str>| is_speech(&g(0..1, text, cue, None));
        assert!(speech("“We won,”", None));
        assert!(speech("\"We won\"", Some("believes")));
        assert!(!speech("«oui»", None), "only \" “ ” are marks");
        assert!(!speech("calls it ‘crazy’", None));
        assert!(speech("they lost", Some("Told")));
        assert!(speech("they lost", Some("wrote")));
        assert!(speech("they lost", Some("according to")));
        assert!(speech("they lost", Some("replies")));
        // Exactly the listed forms.
        assert!(!speech("they lost", Some("has written")));
        assert!(!speech("they lost", Some("admitting")));
        assert!(!speech("they lost", Some("stating")));
        assert!(!speech("they lost", Some("believes")));
        assert!(
            !speech("they lost", Some("sayings-free")),
            "whole words only"
        );
        assert!(!speech("they lost", Some("unsaid")));
        assert!(!speech("they lost", None));
        assert!(!speech("Clinton’s team won’t", Some("thinks")));
    }

    #[test]
    fn mistakes_tell_quoted_misses_and_the_closest_draft() {
        let text = "He said \"we won\" and then some more words were said by them.";
        let gold = [
            g(8..16, "\"we won\"", None, Some("Ann Lee")),
            g(21..60, "then some", Some("said"), Some("they")),
        ];
        // 0..30 overlaps the first (8 of 30) below the bar, and the second.
        let lines = mistakes(text, &[d(0..30, &["Ann Lee"])], &gold);
        assert!(lines.contains(&"false\tHe said \"we won\" and then some".to_string()));
        assert_eq!(
            lines[1],
            "missed-direct\t\"we won\"\t[Ann Lee]\tclosest 0.27: He said \"we won\" and then some"
        );
        assert!(lines[2].starts_with("missed\tthen some more"), "{lines:?}");
        assert!(lines[2].contains("closest 0.15"), "{lines:?}");
        // Nothing overlapping: no closest.
        let lines = mistakes(text, &[], &gold);
        assert_eq!(lines[0], "missed-direct\t\"we won\"\t[Ann Lee]");
    }

    #[test]
    fn single_marks_opening_counts_closing_and_apostrophe_do_not() {
        assert!(holds_quotation_mark("calls it ‘crazy’"));
        assert!(!holds_quotation_mark("Clinton’s plan"));
        assert!(!holds_quotation_mark("Clinton's plan"));
    }

    #[test]
    fn precision_counts_matches_with_any_attribution_recall_only_speech() {
        let gold = [
            g(0..10, "polls show a lead", Some("show"), Some("polls")),
            g(20..30, "we won", Some("said"), Some("Ann Lee")),
        ];
        let f = measure(&[d(0..10, &["Ann Lee"]), d(50..60, &[])], &gold);
        assert_eq!((f.drafted, f.drafted_right), (2, 1));
        assert_eq!((f.speech, f.speech_found), (1, 0));
        assert_eq!(f.precision(), 0.5);
        assert_eq!(f.recall(), 0.0);
        assert_eq!(f.f1(), 0.0);
    }

    #[test]
    fn one_to_one_two_quotes_over_one_attribution_are_one_right() {
        let gold = [
            g(0..10, "we won", Some("said"), Some("Ann Lee")),
            g(10..20, "again", Some("said"), Some("Ann Lee")),
        ];
        // Two drafts over the first: the closer pairs with it, the other is wrong.
        let f = measure(&[d(0..9, &[]), d(0..8, &[])], &gold);
        assert_eq!((f.drafted, f.drafted_right, f.speech_found), (2, 1, 1));
        let lines = mistakes(
            "we won it again and again",
            &[d(0..9, &[]), d(0..8, &[])],
            &gold,
        );
        assert_eq!(lines[0], "false-second\twe won i");
        // One draft over both: it pairs with the one it overlaps more.
        let f = measure(&[d(0..14, &[])], &gold);
        assert_eq!((f.drafted_right, f.speech_found), (1, 1));
        // Greedy by overlap: 0..10 takes the first (1.0), 5..20 the second.
        let f = measure(&[d(5..20, &[]), d(0..10, &[])], &gold);
        assert_eq!((f.drafted_right, f.speech_found), (2, 2));
    }

    #[test]
    fn speaker_words_are_runs_of_letters_titles_aside() {
        let gold = [g(0..10, "x", Some("said"), Some("President Obama"))];
        assert_eq!(
            measure(&[d(0..10, &["Mr. President"])], &gold).speaker_right,
            0
        );
        assert_eq!(
            measure(&[d(0..10, &["Barack Obama"])], &gold).speaker_right,
            1
        );
        let gold = [g(0..10, "x", Some("said"), Some("O'Rourke"))];
        assert_eq!(
            measure(&[d(0..10, &["Beto O’Rourke"])], &gold).speaker_right,
            1
        );
    }

    #[test]
    fn direct_recall_over_quoted_speech_only() {
        let gold = [
            g(0..10, "“We won”", None, None),
            g(20..30, "they lost", Some("said"), None),
            g(40..50, "“Never”", Some("thinks"), None),
        ];
        let f = measure(&[d(0..10, &[]), d(20..30, &[])], &gold);
        assert_eq!((f.speech, f.speech_found), (3, 2));
        assert_eq!((f.direct, f.direct_found), (2, 1));
        assert_eq!(f.direct_recall(), 0.5);
    }

    #[test]
    fn speaker_by_shared_word_of_three_letters_from_best_match() {
        let gold = [g(0..10, "x", Some("said"), Some("Sen. Ann Lee"))];
        // The better match (0..9) names Ms Lee; the worse one (0..5) Tom.
        let f = measure(&[d(0..5, &["Tom"]), d(0..9, &["Tom", "Ms Lee"])], &gold);
        assert_eq!((f.speaker_named, f.speaker_right), (1, 1));
        let f = measure(&[d(0..9, &["Tom"]), d(0..5, &["Ann Lee"])], &gold);
        assert_eq!((f.speaker_named, f.speaker_right), (1, 0));
        // "Al" is under three letters: no.
        let gold = [g(0..10, "x", Some("said"), Some("Al Gore's aide"))];
        assert_eq!(measure(&[d(0..10, &["Al Smith"])], &gold).speaker_right, 0);
        assert_eq!(measure(&[d(0..10, &["AIDE"])], &gold).speaker_right, 1);
    }

    #[test]
    fn pronoun_or_missing_source_is_not_counted_for_speaker() {
        let gold = [
            g(0..10, "x", Some("said"), Some("she")),
            g(20..30, "y", Some("said"), Some("Their own")),
            g(40..50, "z", Some("said"), None),
            g(60..70, "w", Some("said"), Some("He himself")),
        ];
        let dq: Vec<_> = [0..10, 20..30, 40..50, 60..70]
            .into_iter()
            .map(|r| d(r, &["Own"]))
            .collect();
        let f = measure(&dq, &gold);
        assert_eq!(f.speech_found, 4);
        // Only a source that is, as a whole, a pronoun is left out.
        assert_eq!((f.speaker_named, f.speaker_right), (2, 1));
        assert!(is_pronoun("she") && is_pronoun("He himself") && is_pronoun("this one"));
        assert!(!is_pronoun("the senator") && !is_pronoun(""));
    }

    #[test]
    fn discontinuous_content_is_one_span_texts_are_pieces() {
        use crate::exchange::parc;
        let text = "“We won,” she said after the long count, “again.” Polls show a lead.";
        let ann = "T1\tContent 0 9;41 49\t“We won,” “again.”\nT2\tSource 10 13\tshe\n\
                   T3\tCue 14 18\tsaid\nT4\tAttribution 14 18\tsaid\n\
                   E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
                   T5\tSource 50 55\tPolls\nT6\tAttribution 56 60\tshow\n\
                   E2\tAttribution:T6 Source:T5\n";
        let p = parc::parse(ann, text).unwrap();
        let gold = gold_from_parc(&p, text);
        assert_eq!(gold.len(), 1, "the attribution without content is skipped");
        let whole = gold[0].content.clone();
        assert_eq!(
            &text[whole.clone()],
            "“We won,” she said after the long count, “again.”"
        );
        assert_eq!(gold[0].content_text, "“We won,” “again.”");
        assert_eq!(gold[0].cue.as_deref(), Some("said"));
        assert_eq!(gold[0].source.as_deref(), Some("she"));
        // A draft of the whole passage matches; one of its second piece alone
        // (12 of 57 bytes) does not.
        let second = text.find("“again").unwrap()..whole.end;
        assert_eq!(measure(&[d(whole, &[])], &gold).speech_found, 1);
        assert_eq!(measure(&[d(second, &[])], &gold).speech_found, 0);
    }

    #[test]
    fn empty_sides_score_one_and_figures_add() {
        let f = measure(&[], &[]);
        assert_eq!((f.precision(), f.recall(), f.speaker()), (1.0, 1.0, 1.0));
        let mut a = measure(&[d(0..5, &[])], &[g(0..5, "“x”", None, Some("Ann"))]);
        a.add(&measure(&[d(9..10, &[])], &[]));
        assert_eq!(
            (a.drafted, a.drafted_right, a.speech, a.direct),
            (2, 1, 1, 1)
        );
        assert_eq!(a.speaker_named, 1);
        let t = a.table();
        assert!(
            t.contains("precision") && t.contains("0.500") && t.contains("1 of 2"),
            "{t}"
        );
    }
}
