//! Anchoring: turn the checked entries of a story file into a [`Story`], reading
//! each article and resolving every selector to one byte range.
//!
//! All selectors of an article are found in one pass over its text
//! ([`find`](super::find): the distinct selector texts at once), so anchoring
//! grows with the text plus the number of occurrences, never with texts ×
//! selectors.

use std::ops::Range;

use super::FastMap;
use super::find::find_all;
use super::format::Selector;
use super::offsets::{CharIndex, closest, snap_to_graphemes};
use super::parse::Parsed;
use super::problem::quote_excerpt;
use super::{
    Article, Color, Link, LinkKind, LoadError, Passage, Problem, Quote, QuoteKind, Speaker, Story,
    mentions,
};

/// At most this many "not found" problems get a closest passage: finding one
/// costs a pass over the article.
const MAX_CLOSEST: usize = 100;

/// Selectors with the same pattern, prefix and suffix have the same fits.
type FitKey<'s> = (usize, Option<&'s str>, Option<&'s str>);

/// Who a selector belongs to, to report and to store its range.
#[derive(Clone, Copy)]
enum Owner {
    Quote(usize),
    Passage(usize, usize),
}

struct Pending<'a> {
    owner: Owner,
    article: usize,
    selector: &'a Selector,
    path: String,
    id: &'a str,
}

/// Byte ranges found for the selectors: one per quote, one per passage of
/// each link (`None` where a selector did not resolve).
struct Ranges {
    quotes: Vec<Option<Range<usize>>>,
    passages: Vec<Vec<Option<Range<usize>>>>,
}

/// The story of `parsed`: its articles read with `read_article`, every
/// selector anchored, what does not fit added to `problems`.
pub(super) fn build(
    source: &str,
    parsed: &Parsed,
    read_article: impl FnMut(&str) -> Result<String, String>,
    problems: &mut Vec<Problem>,
) -> Result<Story, LoadError> {
    let mut articles = read_articles(source, parsed, read_article)?;
    if articles.is_empty() && !problems.iter().any(|p| p.path == "articles") {
        problems.push(Problem::new("articles", None, "the story has no articles"));
    }
    let article_ids = positions(parsed.articles.iter().map(|(_, a)| a.id.as_str()));
    let speakers = read_speakers(parsed);
    let speaker_ids = positions(parsed.speakers.iter().map(|(_, s)| s.id.as_str()));
    let pending = cross_references(parsed, &article_ids, &speaker_ids, problems);
    let mut ranges = anchor(parsed, &articles, &pending, problems);
    let quotes = quotes(parsed, &article_ids, &speaker_ids, &mut ranges);
    let links = links(parsed, &article_ids, &mut ranges, problems);
    mentions::find(&mut articles, &speakers, problems);
    let title = parsed
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| articles.first().map(|a| a.title.clone()))
        .unwrap_or_else(|| "(untitled story)".to_string());
    Ok(Story {
        source: source.to_string(),
        title,
        articles,
        speakers,
        quotes,
        links,
        problems: Vec::new(),
    })
}

/// Each id's position in `ids`.
fn positions<'p>(ids: impl Iterator<Item = &'p str>) -> FastMap<&'p str, usize> {
    ids.enumerate().map(|(k, id)| (id, k)).collect()
}

/// Every article with its text; an article that cannot be read stops the story.
fn read_articles(
    source: &str,
    parsed: &Parsed,
    mut read_article: impl FnMut(&str) -> Result<String, String>,
) -> Result<Vec<Article>, LoadError> {
    let mut articles = Vec::new();
    for (_, a) in &parsed.articles {
        let text = read_article(&a.file).map_err(|msg| LoadError::new(source, msg))?;
        let title = a
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| first_line(&text));
        articles.push(Article {
            id: a.id.clone(),
            file: a.file.clone(),
            title,
            outlet: a.outlet.clone(),
            published: a.published.clone(),
            url: a.url.clone(),
            text,
            mentions: Vec::new(),
        });
    }
    Ok(articles)
}

fn read_speakers(parsed: &Parsed) -> Vec<Speaker> {
    parsed
        .speakers
        .iter()
        .map(|(_, s)| Speaker {
            id: s.id.clone(),
            name: s.name.clone(),
            description: s.description.clone(),
            aliases: s.aliases.clone(),
            color: s.color.as_deref().and_then(Color::parse),
        })
        .collect()
}

/// `what` ("article", "speaker") `name` is not among `known`.
fn not_in_story(what: &str, name: &str, known: &[&str]) -> String {
    let plural = format!("{what}s");
    let list = if known.is_empty() {
        "none".to_string()
    } else {
        known.join(", ")
    };
    format!("{what} \"{name}\" is not in this story ({plural}: {list})")
}

/// The selectors to anchor, each with its owner; a quote or passage naming
/// an article or speaker the story lacks is a problem instead.
fn cross_references<'p>(
    parsed: &'p Parsed,
    article_ids: &FastMap<&str, usize>,
    speaker_ids: &FastMap<&str, usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Pending<'p>> {
    let known_articles: Vec<&str> = parsed.articles.iter().map(|(_, a)| a.id.as_str()).collect();
    let known_speakers: Vec<&str> = parsed.speakers.iter().map(|(_, s)| s.id.as_str()).collect();
    let mut pending = Vec::new();
    for (qi, (i, q)) in parsed.quotes.iter().enumerate() {
        let path = format!("quotes[{i}]");
        let article = article_ids.get(q.article.as_str()).copied();
        if article.is_none() {
            problems.push(Problem::new(
                format!("{path}.article"),
                Some(&q.id),
                not_in_story("article", &q.article, &known_articles),
            ));
        }
        if !speaker_ids.contains_key(q.speaker.as_str()) {
            problems.push(Problem::new(
                format!("{path}.speaker"),
                Some(&q.id),
                not_in_story("speaker", &q.speaker, &known_speakers),
            ));
            continue;
        }
        if let Some(article) = article {
            pending.push(Pending {
                owner: Owner::Quote(qi),
                article,
                selector: &q.selector,
                path,
                id: &q.id,
            });
        }
    }
    for (li, (i, l, idx)) in parsed.links.iter().enumerate() {
        for (pi, p) in l.passages.iter().enumerate() {
            let path = format!("links[{i}].passages[{}]", idx[pi]);
            match article_ids.get(p.article.as_str()) {
                Some(&article) => pending.push(Pending {
                    owner: Owner::Passage(li, pi),
                    article,
                    selector: &p.selector,
                    path,
                    id: &l.id,
                }),
                None => problems.push(Problem::new(
                    format!("{path}.article"),
                    Some(&l.id),
                    not_in_story("article", &p.article, &known_articles),
                )),
            }
        }
    }
    pending
}

/// Finds every pending selector, article by article (one automaton each;
/// on two threads the two automata double the peak memory, for little
/// gain), and reports what does not resolve, in order.
fn anchor(
    parsed: &Parsed,
    articles: &[Article],
    pending: &[Pending],
    problems: &mut Vec<Problem>,
) -> Ranges {
    let mut ranges = Ranges {
        quotes: vec![None; parsed.quotes.len()],
        passages: parsed
            .links
            .iter()
            .map(|(_, l, _)| vec![None; l.passages.len()])
            .collect(),
    };
    let mut closest_budget = MAX_CLOSEST;
    let mut mine: Vec<Vec<&Pending>> = vec![Vec::new(); articles.len()];
    for p in pending {
        mine[p.article].push(p);
    }
    for (ai, article) in articles.iter().enumerate() {
        let text = article.text.as_str();
        let index = CharIndex::new(text);
        let results = locate(text, &index, mine[ai].iter().map(|p| p.selector));
        for (p, result) in mine[ai].iter().zip(&results) {
            match result {
                Ok((range, warning)) => {
                    if let Some(w) = warning {
                        problems.push(Problem::new(
                            format!("{}.start", p.path),
                            Some(p.id),
                            w.clone(),
                        ));
                    }
                    match p.owner {
                        Owner::Quote(q) => ranges.quotes[q] = Some(range.clone()),
                        Owner::Passage(l, j) => ranges.passages[l][j] = Some(range.clone()),
                    }
                }
                Err(why) => {
                    let mut message = why.message(&article.id, p.selector);
                    if matches!(why, Unresolved::NotFound) && closest_budget > 0 {
                        closest_budget -= 1;
                        if let Some(r) = closest(text, &p.selector.text) {
                            message.push_str(&format!(
                                "; closest passage (character {}): {}",
                                index.chars_before(r.start),
                                quote_excerpt(&text[r], 200)
                            ));
                        }
                    }
                    problems.push(Problem::new(p.path.clone(), Some(p.id), message));
                }
            }
        }
    }
    ranges
}

/// The anchored quotes, in reading order.
fn quotes(
    parsed: &Parsed,
    article_ids: &FastMap<&str, usize>,
    speaker_ids: &FastMap<&str, usize>,
    ranges: &mut Ranges,
) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (qi, (_, q)) in parsed.quotes.iter().enumerate() {
        if let Some(range) = ranges.quotes[qi].take() {
            quotes.push(Quote {
                id: q.id.clone(),
                article: article_ids[q.article.as_str()],
                speaker: speaker_ids[q.speaker.as_str()],
                kind: q
                    .kind
                    .as_deref()
                    .and_then(QuoteKind::parse)
                    .unwrap_or(QuoteKind::Direct),
                cue: q.cue.clone(),
                range,
            });
        }
    }
    quotes.sort_by_key(|q| (q.article, q.range.start, q.range.end));
    quotes
}

/// The links with passages anchored in at least two articles; a link whose
/// passages all name one article is a problem.
fn links(
    parsed: &Parsed,
    article_ids: &FastMap<&str, usize>,
    ranges: &mut Ranges,
    problems: &mut Vec<Problem>,
) -> Vec<Link> {
    let mut links = Vec::new();
    for (li, (i, l, _)) in parsed.links.iter().enumerate() {
        let mut passages: Vec<Passage> = Vec::new();
        for (pi, p) in l.passages.iter().enumerate() {
            if let Some(range) = ranges.passages[li][pi].take() {
                passages.push(Passage {
                    article: article_ids[p.article.as_str()],
                    range,
                });
            }
        }
        let named: Vec<&str> = l.passages.iter().map(|p| p.article.as_str()).collect();
        let mut distinct = named.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 {
            problems.push(Problem::new(
                format!("links[{i}].passages"),
                Some(&l.id),
                format!(
                    "all passages of the link are in article \"{}\": a link joins passages of at least two articles",
                    named.first().copied().unwrap_or_default()
                ),
            ));
            continue;
        }
        let mut anchored: Vec<usize> = passages.iter().map(|p| p.article).collect();
        anchored.sort_unstable();
        anchored.dedup();
        if anchored.len() < 2 {
            continue; // its unanchored passages are already problems
        }
        links.push(Link {
            id: l.id.clone(),
            kind: l
                .kind
                .as_deref()
                .and_then(LinkKind::parse)
                .unwrap_or(LinkKind::Paraphrase),
            note: l.note.clone(),
            passages,
        });
    }
    links
}

/// The first non-empty line of a text, trimmed, as a default title.
fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("(empty article)");
    let cut: String = line.chars().take(120).collect();
    if cut.len() < line.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A resolved selector (its range, snapped, and a warning) or why not.
type Located = Result<(Range<usize>, Option<String>), Unresolved>;

/// Resolves every selector of one article (FORMAT.md's rules). A selector
/// found exactly at its `start` hint needs no search: that occurrence is the
/// nearest one, whatever others there are. The rest are found in one pass.
fn locate<'s>(
    text: &str,
    index: &CharIndex,
    sels: impl Iterator<Item = &'s Selector>,
) -> Vec<Located> {
    let sels: Vec<&Selector> = sels.collect();
    let mut out: Vec<Option<Located>> = sels
        .iter()
        .map(|sel| {
            let start = usize::try_from(sel.start?).ok()?;
            let at = index.byte_of(start);
            let fits =
                text[at..].starts_with(sel.text.as_str()) && fitting(text, sel, &[at]).len() == 1;
            fits.then(|| Ok((snap_to_graphemes(text, at..at + sel.text.len()), None)))
        })
        .collect();
    let rest: Vec<usize> = (0..sels.len()).filter(|&i| out[i].is_none()).collect();
    let (pattern, hits) = find_all(text, rest.iter().map(|&i| sels[i].text.as_str()));
    // Selectors with the same text, prefix and suffix share their fits.
    let mut fits: FastMap<FitKey, Vec<usize>> = FastMap::default();
    for (&i, &pat) in rest.iter().zip(&pattern) {
        let sel = sels[i];
        let key = (pat, sel.prefix.as_deref(), sel.suffix.as_deref());
        let fit = fits
            .entry(key)
            .or_insert_with(|| fitting(text, sel, &hits[pat]));
        out[i] = Some(
            resolve(index, sel, hits[pat].len(), fit)
                .map(|(range, warning)| (snap_to_graphemes(text, range), warning)),
        );
    }
    out.into_iter()
        .map(|r| r.expect("every selector is resolved"))
        .collect()
}

enum Unresolved {
    NotFound,
    NoContextMatch(usize),
    /// Where (the first few, in code points) and how many.
    Ambiguous(Vec<usize>, usize),
}

impl Unresolved {
    fn message(&self, article: &str, sel: &Selector) -> String {
        let text = quote_excerpt(&sel.text, 60);
        match self {
            Unresolved::NotFound => format!("text {text} is not in article \"{article}\""),
            Unresolved::NoContextMatch(n) => format!(
                "text {text} occurs {n} time{} in article \"{article}\", but never with the given {}",
                if *n == 1 { "" } else { "s" },
                match (&sel.prefix, &sel.suffix) {
                    (Some(_), Some(_)) => "prefix and suffix",
                    (Some(_), None) => "prefix",
                    _ => "suffix",
                }
            ),
            Unresolved::Ambiguous(at, n) => {
                let shown: Vec<String> = at.iter().take(5).map(|c| c.to_string()).collect();
                format!(
                    "text {text} occurs {n} times in article \"{article}\" (at characters {}{}) and nothing chooses one: add a prefix, suffix or start",
                    shown.join(", "),
                    if *n > 5 { ", …" } else { "" }
                )
            }
        }
    }
}

/// The occurrences (sorted byte offsets) whose prefix and suffix match.
fn fitting(text: &str, sel: &Selector, occurrences: &[usize]) -> Vec<usize> {
    let len = sel.text.len();
    occurrences
        .iter()
        .copied()
        .filter(|&at| {
            sel.prefix
                .as_deref()
                .is_none_or(|p| text[..at].ends_with(p))
        })
        .filter(|&at| {
            sel.suffix
                .as_deref()
                .is_none_or(|s| text[at + len..].starts_with(s))
        })
        .collect()
}

/// Applies FORMAT.md's resolution to a selector, given all occurrences of its
/// text and those that fit its prefix and suffix (both sorted): exactly one
/// fit, or the one nearest `start`. Returns the range and, when `start` lies
/// beyond the text, a warning. O(log n) with a `start`.
fn resolve(
    index: &CharIndex,
    sel: &Selector,
    occurrences: usize,
    fits: &[usize],
) -> Result<(Range<usize>, Option<String>), Unresolved> {
    if occurrences == 0 {
        return Err(Unresolved::NotFound);
    }
    let len = sel.text.len();
    let warning = sel
        .start
        .filter(|&s| s > index.total as u64)
        .map(|s| beyond(s, index.total));
    let chosen = match (fits.len(), sel.start) {
        (0, _) => return Err(Unresolved::NoContextMatch(occurrences)),
        (1, _) => fits[0],
        (_, None) => {
            return Err(Unresolved::Ambiguous(
                fits.iter()
                    .take(6)
                    .map(|&b| index.chars_before(b))
                    .collect(),
                fits.len(),
            ));
        }
        (_, Some(start)) => {
            // The fits on either side of the hint; the nearer wins.
            let at = index.byte_of(start.min(usize::MAX as u64) as usize);
            let i = fits.partition_point(|&b| b < at);
            let dist = |b: usize| (index.chars_before(b) as u64).abs_diff(start);
            let candidates: Vec<usize> = [i.checked_sub(1), Some(i)]
                .into_iter()
                .flatten()
                .filter_map(|k| fits.get(k).copied())
                .collect();
            let best = candidates.iter().map(|&b| dist(b)).min().unwrap_or(0);
            let nearest: Vec<usize> = candidates
                .into_iter()
                .filter(|&b| dist(b) == best)
                .collect();
            if nearest.len() > 1 {
                let at: Vec<usize> = nearest.iter().map(|&b| index.chars_before(b)).collect();
                let n = at.len();
                return Err(Unresolved::Ambiguous(at, n));
            }
            nearest[0]
        }
    };
    Ok((chosen..chosen + len, warning))
}

fn beyond(start: u64, total: usize) -> String {
    format!(
        "start {start} is beyond the end of the article ({total} characters); the text was anchored without it"
    )
}
