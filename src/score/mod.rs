//! `verso score DRAFT [GOLD]`: how well a story agrees with a reference story
//! (none: the bundled story).
//!
//! Articles are paired by identical text. Quotes: a draft quote matches a gold
//! quote in the same article when their spans overlap; matching is one-to-one,
//! largest overlap first. Per kind, recall counts gold quotes by their gold kind
//! and precision counts draft quotes by their draft kind. Speakers: of the matched
//! quotes, the share whose speakers are the same: a name or alias of one equals
//! a name or alias of the other, or their names end in the same surname. Links: a
//! draft link matches a gold link when, for two different articles, its passages
//! in both overlap the gold link's passages there; precision is the share of
//! draft links matching some gold link, recall the share of gold links matched by
//! some draft link. An empty side scores 1 (nothing to find, nothing wrong).
//!
//! `--attributions` reports the PolNeAR attribution measure instead
//! ([`attribution`], [`attributions`]).

pub mod attribution;
pub mod changes;
pub mod drafter;
pub mod links_eval;
pub mod links_gold;
pub mod msrp;
pub mod revisions;
pub mod words;

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::exchange::parc_import::UNATTRIBUTED;
use crate::outcome::{Done, Outcome};
use crate::story::{self, QuoteKind, Speaker, Story};

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub draft: usize,
    pub gold: usize,
    /// Draft items that match (precision's numerator).
    pub draft_matched: usize,
    /// Gold items found (recall's numerator).
    pub gold_matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(draft: usize, gold: usize, draft_matched: usize, gold_matched: usize) -> Prf {
        let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        let (p, r) = (ratio(draft_matched, draft), ratio(gold_matched, gold));
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            draft,
            gold,
            draft_matched,
            gold_matched,
            precision: p,
            recall: r,
            f1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Speakers {
    pub matched_quotes: usize,
    pub same_speaker: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteScores {
    pub all: Prf,
    pub direct: Prf,
    pub mixed: Prf,
    pub indirect: Prf,
}

/// Everything `verso score` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub quotes: QuoteScores,
    pub speakers: Speakers,
    pub links: Prf,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// For each draft article, the gold article with the same text.
fn pair_articles(draft: &Story, gold: &Story) -> Vec<Option<usize>> {
    draft
        .articles
        .iter()
        .map(|d| gold.articles.iter().position(|g| g.text == d.text))
        .collect()
}

/// Are two speakers the same person, by name, alias or surname?
pub fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
    let names = |s: &Speaker| -> Vec<String> {
        std::iter::once(&s.name)
            .chain(&s.aliases)
            .cloned()
            .collect()
    };
    let (na, nb) = (names(a), names(b));
    if na.iter().any(|x| nb.contains(x)) {
        return true;
    }
    let surname = |s: &Speaker| s.name.split_whitespace().last().map(str::to_string);
    surname(a).is_some() && surname(a) == surname(b)
}

/// Scores `draft` against `gold`.
pub fn score(draft: &Story, gold: &Story) -> Score {
    let map = pair_articles(draft, gold);
    // One-to-one quote matching, largest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (di, d) in draft.quotes.iter().enumerate() {
        let Some(ga) = map[d.article] else { continue };
        for (gi, g) in gold.quotes.iter().enumerate() {
            if g.article == ga && overlaps(&d.range, &g.range) {
                let ov = d.range.end.min(g.range.end) - d.range.start.max(g.range.start);
                pairs.push((ov, di, gi));
            }
        }
    }
    pairs.sort_by_key(|&(ov, di, gi)| (std::cmp::Reverse(ov), gi, di));
    let mut d_used = vec![false; draft.quotes.len()];
    let mut g_used = vec![false; gold.quotes.len()];
    let mut matched = Vec::new();
    for (_, di, gi) in pairs {
        if !d_used[di] && !g_used[gi] {
            d_used[di] = true;
            g_used[gi] = true;
            matched.push((di, gi));
        }
    }
    let per_kind = |kind: Option<QuoteKind>| {
        let dk = |i: usize| kind.is_none_or(|k| draft.quotes[i].kind == k);
        let gk = |i: usize| kind.is_none_or(|k| gold.quotes[i].kind == k);
        Prf::new(
            (0..draft.quotes.len()).filter(|&i| dk(i)).count(),
            (0..gold.quotes.len()).filter(|&i| gk(i)).count(),
            (0..draft.quotes.len())
                .filter(|&i| dk(i) && d_used[i])
                .count(),
            (0..gold.quotes.len())
                .filter(|&i| gk(i) && g_used[i])
                .count(),
        )
    };
    let same = matched
        .iter()
        .filter(|&&(di, gi)| {
            same_speaker(
                &draft.speakers[draft.quotes[di].speaker],
                &gold.speakers[gold.quotes[gi].speaker],
            )
        })
        .count();
    let link_match = |dl: &story::Link, gl: &story::Link| {
        dl.passages.iter().any(|p| {
            dl.passages.iter().any(|q| {
                let (Some(pa), Some(qa)) = (map[p.article], map[q.article]) else {
                    return false;
                };
                pa != qa
                    && gl
                        .passages
                        .iter()
                        .any(|g| g.article == pa && overlaps(&g.range, &p.range))
                    && gl
                        .passages
                        .iter()
                        .any(|g| g.article == qa && overlaps(&g.range, &q.range))
            })
        })
    };
    let dl_ok = draft
        .links
        .iter()
        .filter(|d| gold.links.iter().any(|g| link_match(d, g)))
        .count();
    let gl_ok = gold
        .links
        .iter()
        .filter(|g| draft.links.iter().any(|d| link_match(d, g)))
        .count();
    Score {
        quotes: QuoteScores {
            all: per_kind(None),
            direct: per_kind(Some(QuoteKind::Direct)),
            mixed: per_kind(Some(QuoteKind::Mixed)),
            indirect: per_kind(Some(QuoteKind::Indirect)),
        },
        speakers: Speakers {
            matched_quotes: matched.len(),
            same_speaker: same,
            accuracy: if matched.is_empty() {
                1.0
            } else {
                same as f64 / matched.len() as f64
            },
        },
        links: Prf::new(draft.links.len(), gold.links.len(), dl_ok, gl_ok),
    }
}

/// The PolNeAR attribution measure ([`attribution::measure`]) of `draft`
/// against `gold`, summed over articles paired as [`score`] pairs them. Draft
/// quotes carry their speaker's name and aliases; gold quotes are attributions
/// with content = the quote's span, cue = its cue, source = its speaker's name
/// (none for the speaker [`UNATTRIBUTED`]). A draft article without a gold one
/// counts its quotes as wrong; a gold article without a draft one, its
/// attributions as missed.
pub fn attributions(draft: &Story, gold: &Story) -> attribution::AttributionFigures {
    let map = pair_articles(draft, gold);
    let mut sum = attribution::AttributionFigures::default();
    for (da, ga) in map.iter().enumerate() {
        let g = ga.map(|ga| gold_attributions(gold, ga)).unwrap_or_default();
        sum.add(&attribution::measure(&draft_quotes(draft, da), &g));
    }
    for ga in (0..gold.articles.len()).filter(|ga| !map.contains(&Some(*ga))) {
        sum.add(&attribution::measure(&[], &gold_attributions(gold, ga)));
    }
    sum
}

fn draft_quotes(story: &Story, article: usize) -> Vec<attribution::DraftQuote> {
    story
        .quotes
        .iter()
        .filter(|q| q.article == article)
        .map(|q| {
            let s = &story.speakers[q.speaker];
            attribution::DraftQuote {
                range: q.range.clone(),
                names: std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

fn gold_attributions(story: &Story, article: usize) -> Vec<attribution::GoldAttribution> {
    let text = &story.articles[article].text;
    story
        .quotes
        .iter()
        .filter(|q| q.article == article)
        .map(|q| {
            let s = &story.speakers[q.speaker];
            attribution::GoldAttribution {
                content: q.range.clone(),
                content_text: text[q.range.clone()].to_string(),
                cue: q.cue.clone(),
                source: (s.id != UNATTRIBUTED).then(|| s.name.clone()),
            }
        })
        .collect()
}

/// The attribution figures as a table, or as JSON: the counts and the ratios.
fn attributions_text(d: &Story, g: &Story, json: bool) -> String {
    let f = attributions(d, g);
    if !json {
        return format!(
            "{} scored against {} (attributions, the PolNeAR measure)\n\n{}",
            d.source,
            g.source,
            f.table()
        );
    }
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(flatten)]
        counts: &'a attribution::AttributionFigures,
        precision: f64,
        recall: f64,
        f1: f64,
        direct_recall: f64,
        speaker: f64,
    }
    let out = Out {
        counts: &f,
        precision: f.precision(),
        recall: f.recall(),
        f1: f.f1(),
        direct_recall: f.direct_recall(),
        speaker: f.speaker(),
    };
    format!(
        "{}\n",
        serde_json::to_string_pretty(&out).expect("figures serialise")
    )
}

/// The quote, speaker and link scores, as a table or JSON.
fn scores_text(d: &Story, g: &Story, json: bool) -> String {
    let s = score(d, g);
    if json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&s).expect("scores serialise")
        )
    } else {
        table(&s, &d.source, &g.source)
    }
}

/// The score as a table that fits 80 columns.
pub fn table(s: &Score, draft: &str, gold: &str) -> String {
    let mut out = format!("{draft} scored against {gold}\n\n");
    out.push_str(&format!(
        "{:<22}{:>7}{:>7}{:>9}{:>9}{:>11}{:>8}{:>7}\n",
        "", "draft", "gold", "correct", "found", "precision", "recall", "F1"
    ));
    let row = |name: &str, p: &Prf| {
        format!(
            "{:<22}{:>7}{:>7}{:>9}{:>9}{:>11.3}{:>8.3}{:>7.3}\n",
            name, p.draft, p.gold, p.draft_matched, p.gold_matched, p.precision, p.recall, p.f1
        )
    };
    out.push_str(&row("quotes, all kinds", &s.quotes.all));
    out.push_str(&row("  direct", &s.quotes.direct));
    out.push_str(&row("  mixed", &s.quotes.mixed));
    out.push_str(&row("  indirect", &s.quotes.indirect));
    out.push_str(&row("links", &s.links));
    out.push_str(&format!(
        "\nspeakers: {} of {} matched quotes attributed to the same speaker ({:.3})\n",
        s.speakers.same_speaker, s.speakers.matched_quotes, s.speakers.accuracy
    ));
    out.push_str(
        "correct: draft items that match the gold; found: gold items matched.\n\
         Kinds: precision by draft kind, recall by gold kind.\n",
    );
    out
}

/// `verso score`: the scores of `draft` against `gold` (none: the bundled
/// story). `attributions`: the PolNeAR attribution measure instead of the
/// quote, speaker and link scores. A story's problems are said and left out of
/// the scores (exit 0: the scores are sound over the rest).
pub fn run(draft: &Path, gold: Option<&Path>, json: bool, attributions: bool) -> Outcome {
    let d = story::open(Some(draft))?;
    let g = story::open(gold)?;
    let mut messages: Vec<String> = [&d, &g]
        .iter()
        .flat_map(|s| {
            s.problems
                .iter()
                .map(|p| format!("{}: {p} (left out of the scores)", s.source))
        })
        .collect();
    for (i, a) in pair_articles(&d, &g).iter().enumerate() {
        if a.is_none() {
            messages.push(format!(
                "{}: article \"{}\" has no article with the same text in {}; its quotes count as wrong",
                d.source, d.articles[i].id, g.source
            ));
        }
    }
    let output = if attributions {
        attributions_text(&d, &g, json)
    } else {
        scores_text(&d, &g, json)
    };
    Ok(Done {
        messages,
        ..Done::printing(output)
    })
}
