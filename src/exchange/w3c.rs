//! W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>).
//!
//! `verso export --to w3c` writes one `AnnotationCollection` whose
//! `first.items` holds one `Annotation` per quote and one per link passage.
//! Each targets `{"source": ARTICLE, "selector": [TextQuoteSelector (exact,
//! and up to 32 code points of prefix and suffix), TextPositionSelector (start,
//! end in code points)]}`. Bodies say what a tool without verso's vocabulary
//! can show (`tagging`: the quote or link kind; `identifying`: the speaker's
//! name; `describing`: the cue or the link's note); everything else is kept in
//! properties of the `verso:` namespace (`https://verso.invalid/ns#`, a private
//! namespace with no document behind it), so that nothing is lost:
//!
//! - on the collection: `verso:version`, `verso:articles` (id, source, file
//!   when the source is the article's url, title, outlet, published, url) and `verso:speakers` (id, name, description,
//!   aliases, color);
//! - on a quote: `verso:role` = `quote`, `verso:id`, `verso:article`,
//!   `verso:speaker` (an id), `verso:kind`, `verso:cue`;
//! - on a link passage: `verso:role` = `passage`, `verso:link` (the link's id:
//!   passages with the same one form the link, in document order),
//!   `verso:article`, `verso:kind`, `verso:note`.
//!
//! Import reads that back, and also annotations from other tools: a collection
//! (with `first.items`), a page (`items`), a list, or one annotation. Without
//! `verso:` properties, an annotation whose `tagging` body is `direct`,
//! `indirect`, `mixed` or `quote` is a quote, attributed to the speaker its
//! `identifying` body names (a new speaker if no speaker has that name or
//! alias); one whose tagging body is `same`, `paraphrase` or `conflict` and
//! that has a `verso:link` is a link passage; anything else is skipped with a
//! note.

use serde::Serialize;

mod import;
pub use import::import;

use super::CharMap;
use crate::story::Story;
use crate::story::format::{SpeakerEntry, VERSION};

/// The W3C annotation context.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI the `verso:` prefix stands for.
pub const VERSO_NS: &str = "https://verso.invalid/ns#";
/// Code points of context in TextQuoteSelector prefix and suffix.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: (&'static str, Prefix),
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    #[serde(rename = "verso:version")]
    version: u64,
    #[serde(rename = "verso:articles")]
    articles: Vec<ArticleOut<'a>>,
    #[serde(rename = "verso:speakers")]
    speakers: Vec<SpeakerEntry>,
    first: Page,
}

#[derive(Serialize)]
struct Prefix {
    verso: &'static str,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    source: &'a str,
    /// The text's path, when `source` is the article's web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Page {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Serialize)]
struct Annotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body>,
    target: Target,
    #[serde(rename = "verso:role")]
    role: &'static str,
    #[serde(rename = "verso:id", skip_serializing_if = "Option::is_none")]
    verso_id: Option<String>,
    #[serde(rename = "verso:link", skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(rename = "verso:article")]
    article: String,
    #[serde(rename = "verso:speaker", skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(rename = "verso:kind")]
    verso_kind: &'static str,
    #[serde(rename = "verso:cue", skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(rename = "verso:note", skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: (QuoteSel, PositionSel),
}

#[derive(Serialize)]
struct QuoteSel {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: String,
    prefix: String,
    suffix: String,
}

#[derive(Serialize)]
struct PositionSel {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

fn body(purpose: &'static str, value: &str) -> Body {
    Body {
        kind: "TextualBody",
        purpose,
        value: value.to_string(),
    }
}

/// The story as an AnnotationCollection; `files[i]` is the path of article
/// `i`'s text. `target.source` is the article's `url` when it has one (its
/// `verso:articles` entry then keeps the path as `file`), else that path.
/// Pretty JSON with a final newline.
pub fn export(story: &Story, files: &[String]) -> String {
    let sources: Vec<&str> = story
        .articles
        .iter()
        .zip(files)
        .map(|(a, f)| a.url.as_deref().unwrap_or(f))
        .collect();
    let canon = super::canonical(story);
    let maps: Vec<CharMap> = story
        .articles
        .iter()
        .map(|a| CharMap::new(&a.text))
        .collect();
    let target = |a: usize, r: &std::ops::Range<usize>| {
        let text = &story.articles[a].text;
        let m = &maps[a];
        let (s, e) = (m.cp(r.start), m.cp(r.end));
        let before = m.byte(s.saturating_sub(CONTEXT_CHARS)).unwrap_or(0);
        let after = m
            .byte((e + CONTEXT_CHARS).min(m.len()))
            .unwrap_or(text.len());
        Target {
            source: sources[a].to_string(),
            selector: (
                QuoteSel {
                    kind: "TextQuoteSelector",
                    exact: text[r.clone()].to_string(),
                    prefix: text[before..r.start].to_string(),
                    suffix: text[r.end..after].to_string(),
                },
                PositionSel {
                    kind: "TextPositionSelector",
                    start: s,
                    end: e,
                },
            ),
        }
    };
    let mut items = Vec::new();
    for q in &story.quotes {
        let speaker = &story.speakers[q.speaker];
        let mut bodies = vec![
            body("tagging", q.kind.as_str()),
            body("identifying", &speaker.name),
        ];
        if let Some(c) = &q.cue {
            bodies.push(body("describing", c));
        }
        items.push(Annotation {
            id: format!("#quote-{}", q.id),
            kind: "Annotation",
            motivation: "classifying",
            body: bodies,
            target: target(q.article, &q.range),
            role: "quote",
            verso_id: Some(q.id.clone()),
            link: None,
            article: story.articles[q.article].id.clone(),
            speaker: Some(speaker.id.clone()),
            verso_kind: q.kind.as_str(),
            cue: q.cue.clone(),
            note: None,
        });
    }
    for l in &story.links {
        for (i, p) in l.passages.iter().enumerate() {
            let mut bodies = vec![body("tagging", l.kind.as_str())];
            if let Some(n) = &l.note {
                bodies.push(body("describing", n));
            }
            items.push(Annotation {
                id: format!("#link-{}-{}", l.id, i + 1),
                kind: "Annotation",
                motivation: "linking",
                body: bodies,
                target: target(p.article, &p.range),
                role: "passage",
                verso_id: None,
                link: Some(l.id.clone()),
                article: story.articles[p.article].id.clone(),
                speaker: None,
                verso_kind: l.kind.as_str(),
                cue: None,
                note: l.note.clone(),
            });
        }
    }
    let collection = Collection {
        context: (ANNO_CONTEXT, Prefix { verso: VERSO_NS }),
        kind: "AnnotationCollection",
        label: &story.title,
        total: items.len(),
        version: VERSION,
        articles: canon
            .articles
            .iter()
            .zip(sources.iter().zip(files))
            .map(|(a, (s, f))| ArticleOut {
                id: &a.id,
                source: s,
                file: (*s != f.as_str()).then_some(f.as_str()),
                title: a.title.as_deref(),
                outlet: a.outlet.as_deref(),
                published: a.published.as_deref(),
                url: a.url.as_deref(),
            })
            .collect(),
        speakers: canon.speakers,
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut s = serde_json::to_string_pretty(&collection).expect("annotations always serialise");
    s.push('\n');
    s
}
