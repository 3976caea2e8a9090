//! `verso stats`: who gets heard. Per article and per speaker: how many quotes
//! (direct, mixed, indirect), how many words quoted, and that speaker's share of
//! all the words quoted in the article; per story: how many quotes another
//! article carries too, and how many only one article carries.
//!
//! Definitions (README.md, "Statistics"):
//! - a *word* is a segment of the text between Unicode word boundaries (UAX #29,
//!   as `unicode-segmentation` finds them) that contains at least one alphanumeric
//!   character: `it's` and `2010` are one word each, `by-election` is two,
//!   punctuation and quotation marks are none;
//! - the *words quoted* of a quote are the words of its whole span (for indirect
//!   and mixed quotes that is the reported speech, not just the quoted fragments);
//! - a speaker's *share* in an article is their words quoted divided by the sum of
//!   the words quoted of every quote in that article (0 when nothing is quoted);
//! - a quote in article A is *shared* (carried by another article too) when some
//!   link has a passage in A whose span overlaps the quote's span (at least one
//!   character in common) and a passage in an article other than A; every other
//!   quote is one that *only* its article carries;
//! - a sentence of an article is *only here* when no link covers half of it or
//!   more (sentences of six words or more, headlines aside: [`crate::only`]);
//!   an article's only-here words are the words of those sentences.

use std::path::Path;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::outcome::{Done, Outcome};
use crate::story::{QuoteKind, Story};

/// How `verso stats` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people, at most 80 columns wide.
    Table,
    /// One row per article and speaker, with a header row.
    Csv,
    /// Everything, as one JSON object.
    Json,
}

/// One speaker in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerStats {
    pub id: String,
    pub name: String,
    pub quotes: usize,
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    /// Of `quotes`, those another article carries too.
    pub shared: usize,
    pub words: usize,
    /// `words` over the words quoted in the article, from 0 to 1.
    pub share: f64,
}

/// One article: its totals and every speaker of the story, most words first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStats {
    pub id: String,
    pub title: String,
    pub quotes: usize,
    pub shared: usize,
    pub only: usize,
    pub words: usize,
    /// Sentences no link joins to another article, and their words.
    pub only_here: usize,
    pub only_here_words: usize,
    /// The words of the article's text.
    pub text_words: usize,
    pub speakers: Vec<SpeakerStats>,
}

/// The whole story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryStats {
    pub title: String,
    pub quotes: usize,
    /// Quotes another article carries too (see the module's definitions).
    pub shared: usize,
    /// Quotes only their own article carries.
    pub only: usize,
    pub words: usize,
    pub articles: Vec<ArticleStats>,
}

/// The number of words in `text` (see the module's definition).
pub fn words(text: &str) -> usize {
    text.split_word_bounds()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether quote `q` of `story` is carried by another article too.
pub fn is_shared(story: &Story, q: usize) -> bool {
    let q = &story.quotes[q];
    story.links.iter().any(|l| {
        l.passages.iter().any(|p| {
            p.article == q.article && p.range.start < q.range.end && q.range.start < p.range.end
        }) && l.passages.iter().any(|p| p.article != q.article)
    })
}

/// Counts everything `verso stats` reports.
pub fn compute(story: &Story) -> StoryStats {
    let mut articles = Vec::new();
    for (a, art) in story.articles.iter().enumerate() {
        let mut rows: Vec<SpeakerStats> = story
            .speakers
            .iter()
            .map(|s| SpeakerStats {
                id: s.id.clone(),
                name: s.name.clone(),
                quotes: 0,
                direct: 0,
                mixed: 0,
                indirect: 0,
                shared: 0,
                words: 0,
                share: 0.0,
            })
            .collect();
        for (i, q) in story.quotes_in(a) {
            let r = &mut rows[q.speaker];
            r.quotes += 1;
            match q.kind {
                QuoteKind::Direct => r.direct += 1,
                QuoteKind::Mixed => r.mixed += 1,
                QuoteKind::Indirect => r.indirect += 1,
            }
            r.shared += usize::from(is_shared(story, i));
            r.words += words(&art.text[q.range.clone()]);
        }
        let total: usize = rows.iter().map(|r| r.words).sum();
        for r in &mut rows {
            r.share = if total == 0 {
                0.0
            } else {
                r.words as f64 / total as f64
            };
        }
        // Most words first; ties keep the story's order (the sort is stable).
        rows.sort_by(|x, y| y.words.cmp(&x.words).then(y.quotes.cmp(&x.quotes)));
        let quotes: usize = rows.iter().map(|r| r.quotes).sum();
        let shared: usize = rows.iter().map(|r| r.shared).sum();
        let only = crate::only::in_story(story, a);
        articles.push(ArticleStats {
            id: art.id.clone(),
            title: art.title.clone(),
            quotes,
            shared,
            only: quotes - shared,
            words: total,
            only_here: only.len(),
            only_here_words: only.iter().map(|r| words(&art.text[r.clone()])).sum(),
            text_words: words(&art.text),
            speakers: rows,
        });
    }
    let sum = |f: fn(&ArticleStats) -> usize| articles.iter().map(f).sum::<usize>();
    StoryStats {
        title: story.title.clone(),
        quotes: sum(|a| a.quotes),
        shared: sum(|a| a.shared),
        only: sum(|a| a.only),
        words: sum(|a| a.words),
        articles,
    }
}

/// The widest line [`table`] prints, in terminal columns.
pub const TABLE_WIDTH: usize = 80;
const NAME: usize = 28;

/// The statistics as aligned columns, no line wider than [`TABLE_WIDTH`].
pub fn table(st: &StoryStats) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(fit(&format!("Who gets heard: {}", st.title), TABLE_WIDTH));
    for a in &st.articles {
        line(String::new());
        line(fit(&format!("{}: {}", a.id, a.title), TABLE_WIDTH));
        line(row(
            "speaker", "quotes", "direct", "mixed", "indirect", "shared", "words", "share",
        ));
        for s in &a.speakers {
            line(row(
                &s.name,
                &s.quotes.to_string(),
                &s.direct.to_string(),
                &s.mixed.to_string(),
                &s.indirect.to_string(),
                &s.shared.to_string(),
                &s.words.to_string(),
                &percent(s.share),
            ));
        }
        let kinds = |f: fn(&SpeakerStats) -> usize| a.speakers.iter().map(f).sum::<usize>();
        line(row(
            "all speakers",
            &a.quotes.to_string(),
            &kinds(|s| s.direct).to_string(),
            &kinds(|s| s.mixed).to_string(),
            &kinds(|s| s.indirect).to_string(),
            &a.shared.to_string(),
            &a.words.to_string(),
            &percent(if a.words == 0 { 0.0 } else { 1.0 }),
        ));
    }
    line(String::new());
    let per = |f: fn(&ArticleStats) -> usize| {
        st.articles
            .iter()
            .map(|a| format!("{} {}", a.id, f(a)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for para in [
        format!(
            "{} quotes, {} words quoted. Carried by more than one article (a link joins \
             the quote's span to a passage elsewhere): {} ({}). Carried by one article \
             only: {} ({}).",
            st.quotes,
            st.words,
            st.shared,
            per(|a| a.shared),
            st.only,
            per(|a| a.only)
        ),
        format!(
            "Only here (sentences no link joins to another article): {}.",
            st.articles
                .iter()
                .map(|a| format!(
                    "{} {} sentences, {} of {} words ({})",
                    a.id,
                    a.only_here,
                    a.only_here_words,
                    a.text_words,
                    percent(if a.text_words == 0 {
                        0.0
                    } else {
                        a.only_here_words as f64 / a.text_words as f64
                    })
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        "shared: quotes another article carries too; words: words in the quote's span; \
         share: of the words quoted in the article."
            .to_string(),
    ] {
        for l in wrap(&para, TABLE_WIDTH) {
            line(l);
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn row(
    name: &str,
    quotes: &str,
    direct: &str,
    mixed: &str,
    indirect: &str,
    shared: &str,
    words: &str,
    share: &str,
) -> String {
    let name = fit(name, NAME);
    let pad = NAME - width(&name);
    format!(
        "{name}{:pad$} {quotes:>6} {direct:>6} {mixed:>5} {indirect:>8} {shared:>6} {words:>6} {share:>6}",
        ""
    )
    .trim_end()
    .to_string()
}

fn percent(f: f64) -> String {
    format!("{:.1}%", f * 100.0)
}

/// Display width, counting control characters (which [`fit`] removes) as none.
fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `s` made safe and one-line ([`crate::layout::clean`]), cut with `…` to
/// at most `max` columns.
fn fit(s: &str, max: usize) -> String {
    crate::layout::fit(&crate::layout::clean(s), max)
}

/// Greedy word wrap to `max` columns (a word longer than that is cut).
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let word = fit(word, max);
        if !cur.is_empty() && width(&cur) + 1 + width(&word) > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The statistics as CSV (RFC 4180): a header row, then one row per article and
/// speaker, every speaker of the story in every article.
pub fn csv(st: &StoryStats) -> String {
    let mut out =
        String::from("article,speaker,name,quotes,direct,mixed,indirect,shared,words,share\r\n");
    for a in &st.articles {
        for s in &a.speakers {
            let fields = [
                a.id.clone(),
                s.id.clone(),
                s.name.clone(),
                s.quotes.to_string(),
                s.direct.to_string(),
                s.mixed.to_string(),
                s.indirect.to_string(),
                s.shared.to_string(),
                s.words.to_string(),
                format!("{:.4}", s.share),
            ];
            let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The statistics as pretty JSON, with a final newline.
pub fn json(st: &StoryStats) -> String {
    let mut s = serde_json::to_string_pretty(st).expect("stats always serialise");
    s.push('\n');
    s
}

/// `verso stats [STORY] [--format F]`: the statistics, and the story's
/// problems (counted over what is sound; exit 1) or why it could not be read.
pub fn run(story: Option<&Path>, format: Format) -> Outcome {
    let story = crate::story::open(story)?;
    let st = compute(&story);
    let text = match format {
        Format::Table => table(&st),
        Format::Csv => csv(&st),
        Format::Json => json(&st),
    };
    let problems = story
        .problems
        .iter()
        .map(|p| format!("{}: {p}", story.source));
    Ok(Done::printing(text).with_problems(problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_segments_with_an_alphanumeric() {
        assert_eq!(words("\"I just think it's a by-election,\" he said."), 9);
        assert_eq!(words("– … \" ,"), 0);
        assert_eq!(words("Ngāti Whātua 2010 Zoë"), 4);
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(width(&fit("日本語のテキスト", 7)), 7);
        assert_eq!(fit("a\u{202e}b\tc", 10), "ab c");
    }

    #[test]
    fn wrap_keeps_lines_short() {
        let long = "word ".repeat(50);
        assert!(wrap(&long, 20).iter().all(|l| width(l) <= 20));
    }
}
