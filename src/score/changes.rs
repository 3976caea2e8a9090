//! `verso score CORRECTED DRAFT --changes`: what a person changed from a
//! drafted story to their corrected copy, counted by kind, to measure the
//! drafter against real corrections.
//!
//! Nothing is matched by id alone, since a correction made in another tool may
//! renumber; ids only break ties (and, for speakers, pair what nothing else
//! pairs: a rename).
//!
//! - **Articles** pair one-to-one by identical text. An article without a
//!   partner is named in the report; its quotes count as deleted (a draft
//!   article) or added (a corrected one).
//! - **Quotes** in paired articles are partners when their spans are equal,
//!   else one-to-one by largest overlap (the bounds then changed). A draft quote
//!   without a partner was deleted, a corrected one added. Partners were
//!   re-attributed when their speakers differ: a draft speaker with a partner
//!   (below) stays the same only as that partner, so a rename is no
//!   re-attribution; one without (merged away) is the same as any speaker
//!   [`super::same_speaker`] says it is. The kind may change too. One quote can
//!   count as re-attributed, kind changed and bounds changed at once; it is
//!   kept unchanged when it is none of them (the cue is not compared).
//! - **Links** are partners when, for two different articles, their passages
//!   overlap in both: one-to-one, equal passages first, then most overlap.
//!   Partners may be retyped, have their note changed (an empty note is no
//!   note) or their passages changed.
//! - **Speakers** pair one-to-one: the same id and a shared name or alias;
//!   then a shared name or alias (the same name first, then most shared); then
//!   the same id alone. A paired speaker whose name differs was renamed; aliases
//!   each side lacks count as added or removed. A draft speaker without a partner
//!   was removed (a merged speaker included), a corrected one added.
//!
//! Edits are the sum of every change counted (each quote's re-attribution,
//! kind and bounds apart); per category, the share of the draft kept unchanged
//! (1 for an empty draft: nothing to change).

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::outcome::{Done, Outcome};
use crate::story::{self, Link, Speaker, Story};

/// Articles of the two stories, paired by text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleChanges {
    pub paired: usize,
    /// Ids of draft articles with no article of the same text in the corrected story.
    pub draft_only: Vec<String>,
    /// Ids of corrected articles with no article of the same text in the draft.
    pub corrected_only: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteChanges {
    pub drafted: usize,
    pub corrected: usize,
    /// Partners with nothing changed.
    pub kept: usize,
    pub deleted: usize,
    pub added: usize,
    pub reattributed: usize,
    pub kind_changed: usize,
    pub bounds_changed: usize,
    /// `kept` of `drafted`.
    pub kept_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkChanges {
    pub drafted: usize,
    pub corrected: usize,
    pub kept: usize,
    pub deleted: usize,
    pub added: usize,
    pub retyped: usize,
    pub note_changed: usize,
    pub passages_changed: usize,
    pub kept_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerChanges {
    pub drafted: usize,
    pub corrected: usize,
    /// Partners with the same name and aliases.
    pub kept: usize,
    pub renamed: usize,
    pub added: usize,
    /// Draft speakers with no partner, merged ones included.
    pub removed: usize,
    pub aliases_added: usize,
    pub aliases_removed: usize,
    pub kept_share: f64,
}

/// Everything `verso score --changes` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    pub articles: ArticleChanges,
    pub quotes: QuoteChanges,
    pub links: LinkChanges,
    pub speakers: SpeakerChanges,
    /// Every change counted above, summed.
    pub edits: usize,
}

fn share(kept: usize, drafted: usize) -> f64 {
    if drafted == 0 {
        1.0
    } else {
        kept as f64 / drafted as f64
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Greedy one-to-one pairing over candidates sorted best first: for each
/// draft item, its partner among the corrected ones.
fn pair_greedy(
    mut candidates: Vec<(impl Ord, usize, usize)>,
    drafted: usize,
    corrected: usize,
) -> Vec<Option<usize>> {
    candidates.sort_by(|a, b| a.0.cmp(&b.0));
    let mut partner = vec![None; drafted];
    let mut taken = vec![false; corrected];
    for (_, d, c) in candidates {
        if partner[d].is_none() && !taken[c] {
            partner[d] = Some(c);
            taken[c] = true;
        }
    }
    partner
}

/// For each draft article, the corrected article with the same text
/// (one-to-one; the same id first, then in order).
fn pair_articles(draft: &Story, corrected: &Story) -> Vec<Option<usize>> {
    let mut candidates = Vec::new();
    for (d, da) in draft.articles.iter().enumerate() {
        for (c, ca) in corrected.articles.iter().enumerate() {
            if da.text == ca.text {
                candidates.push(((da.id != ca.id, d, c), d, c));
            }
        }
    }
    pair_greedy(candidates, draft.articles.len(), corrected.articles.len())
}

fn names(s: &Speaker) -> BTreeSet<&str> {
    std::iter::once(s.name.as_str())
        .chain(s.aliases.iter().map(String::as_str))
        .collect()
}

/// For each draft speaker, its partner in the corrected story (see the module
/// comment for the order).
fn pair_speakers(draft: &Story, corrected: &Story) -> Vec<Option<usize>> {
    let mut candidates = Vec::new();
    for (d, ds) in draft.speakers.iter().enumerate() {
        let dn = names(ds);
        for (c, cs) in corrected.speakers.iter().enumerate() {
            let shared = names(cs).intersection(&dn).count();
            let same_id = ds.id == cs.id;
            if shared == 0 && !same_id {
                continue;
            }
            let tier = match (same_id, shared > 0) {
                (true, true) => 0,
                (false, true) => 1,
                _ => 2,
            };
            let key = (tier, ds.name != cs.name, Reverse(shared), !same_id, d, c);
            candidates.push((key, d, c));
        }
    }
    pair_greedy(candidates, draft.speakers.len(), corrected.speakers.len())
}

/// A link's passages, sorted, with articles as the corrected story's indices
/// (`None` for an article without a partner).
fn passages_in_corrected(
    link: &Link,
    article: impl Fn(usize) -> Option<usize>,
) -> Vec<(Option<usize>, usize, usize)> {
    let mut v: Vec<_> = link
        .passages
        .iter()
        .map(|p| (article(p.article), p.range.start, p.range.end))
        .collect();
    v.sort();
    v
}

/// Counts what changed from `draft` to `corrected`.
pub fn changes(corrected: &Story, draft: &Story) -> Changes {
    let amap = pair_articles(draft, corrected);
    let smap = pair_speakers(draft, corrected);

    // Quotes: equal spans first, then largest overlap, then the same id.
    let mut candidates = Vec::new();
    for (d, dq) in draft.quotes.iter().enumerate() {
        let Some(ca) = amap[dq.article] else { continue };
        for (c, cq) in corrected.quotes.iter().enumerate() {
            if cq.article != ca {
                continue;
            }
            let equal = dq.range == cq.range;
            let ov = overlap(&dq.range, &cq.range);
            if equal || ov > 0 {
                candidates.push(((!equal, Reverse(ov), dq.id != cq.id, d, c), d, c));
            }
        }
    }
    let qmap = pair_greedy(candidates, draft.quotes.len(), corrected.quotes.len());
    let mut q = QuoteChanges {
        drafted: draft.quotes.len(),
        corrected: corrected.quotes.len(),
        kept: 0,
        deleted: qmap.iter().filter(|p| p.is_none()).count(),
        added: corrected.quotes.len() - qmap.iter().flatten().count(),
        reattributed: 0,
        kind_changed: 0,
        bounds_changed: 0,
        kept_share: 0.0,
    };
    for (d, c) in qmap.iter().enumerate() {
        let Some(c) = *c else { continue };
        let (dq, cq) = (&draft.quotes[d], &corrected.quotes[c]);
        let same_speaker = match smap[dq.speaker] {
            Some(s) => s == cq.speaker,
            None => {
                super::same_speaker(&draft.speakers[dq.speaker], &corrected.speakers[cq.speaker])
            }
        };
        let kind = dq.kind == cq.kind;
        let bounds = dq.range == cq.range;
        q.reattributed += usize::from(!same_speaker);
        q.kind_changed += usize::from(!kind);
        q.bounds_changed += usize::from(!bounds);
        q.kept += usize::from(same_speaker && kind && bounds);
    }
    q.kept_share = share(q.kept, q.drafted);

    // Links: for two different articles, passages overlapping in both.
    let mut candidates = Vec::new();
    for (d, dl) in draft.links.iter().enumerate() {
        let dp = passages_in_corrected(dl, |a| amap[a]);
        for (c, cl) in corrected.links.iter().enumerate() {
            let mut ov = 0;
            let mut articles = BTreeSet::new();
            for p in &dl.passages {
                let Some(ca) = amap[p.article] else { continue };
                for g in cl.passages.iter().filter(|g| g.article == ca) {
                    let o = overlap(&p.range, &g.range);
                    if o > 0 {
                        ov += o;
                        articles.insert(ca);
                    }
                }
            }
            if articles.len() >= 2 {
                let equal = dp == passages_in_corrected(cl, Some);
                candidates.push(((!equal, Reverse(ov), dl.id != cl.id, d, c), d, c));
            }
        }
    }
    let lmap = pair_greedy(candidates, draft.links.len(), corrected.links.len());
    let mut l = LinkChanges {
        drafted: draft.links.len(),
        corrected: corrected.links.len(),
        kept: 0,
        deleted: lmap.iter().filter(|p| p.is_none()).count(),
        added: corrected.links.len() - lmap.iter().flatten().count(),
        retyped: 0,
        note_changed: 0,
        passages_changed: 0,
        kept_share: 0.0,
    };
    let note = |l: &Link| l.note.clone().filter(|n| !n.trim().is_empty());
    for (d, c) in lmap.iter().enumerate() {
        let Some(c) = *c else { continue };
        let (dl, cl) = (&draft.links[d], &corrected.links[c]);
        let kind = dl.kind == cl.kind;
        let same_note = note(dl) == note(cl);
        let passages = passages_in_corrected(dl, |a| amap[a]) == passages_in_corrected(cl, Some);
        l.retyped += usize::from(!kind);
        l.note_changed += usize::from(!same_note);
        l.passages_changed += usize::from(!passages);
        l.kept += usize::from(kind && same_note && passages);
    }
    l.kept_share = share(l.kept, l.drafted);

    // Speakers.
    let mut s = SpeakerChanges {
        drafted: draft.speakers.len(),
        corrected: corrected.speakers.len(),
        kept: 0,
        renamed: 0,
        added: corrected.speakers.len() - smap.iter().flatten().count(),
        removed: smap.iter().filter(|p| p.is_none()).count(),
        aliases_added: 0,
        aliases_removed: 0,
        kept_share: 0.0,
    };
    for (d, c) in smap.iter().enumerate() {
        let Some(c) = *c else { continue };
        let (ds, cs) = (&draft.speakers[d], &corrected.speakers[c]);
        let da: BTreeSet<&String> = ds.aliases.iter().collect();
        let ca: BTreeSet<&String> = cs.aliases.iter().collect();
        let added = ca.difference(&da).count();
        let removed = da.difference(&ca).count();
        s.renamed += usize::from(ds.name != cs.name);
        s.aliases_added += added;
        s.aliases_removed += removed;
        s.kept += usize::from(ds.name == cs.name && added == 0 && removed == 0);
    }
    s.kept_share = share(s.kept, s.drafted);

    let edits = q.deleted
        + q.added
        + q.reattributed
        + q.kind_changed
        + q.bounds_changed
        + l.deleted
        + l.added
        + l.retyped
        + l.note_changed
        + l.passages_changed
        + s.renamed
        + s.added
        + s.removed
        + s.aliases_added
        + s.aliases_removed;
    let articles = ArticleChanges {
        paired: amap.iter().flatten().count(),
        draft_only: (amap.iter().enumerate())
            .filter(|(_, c)| c.is_none())
            .map(|(d, _)| draft.articles[d].id.clone())
            .collect(),
        corrected_only: (0..corrected.articles.len())
            .filter(|c| !amap.contains(&Some(*c)))
            .map(|c| corrected.articles[c].id.clone())
            .collect(),
    };
    Changes {
        articles,
        quotes: q,
        links: l,
        speakers: s,
        edits,
    }
}

/// The changes as a table that fits 80 columns: a column per category, a row
/// per count (blank where the count does not apply), then the edits and the
/// shares kept.
pub fn table(c: &Changes, corrected: &str, draft: &str) -> String {
    let mut out = format!("{corrected} against its draft {draft}: what a person changed\n\n");
    let (q, l, s) = (&c.quotes, &c.links, &c.speakers);
    let row = |name: &str, cells: [Option<usize>; 3]| {
        let cell = |n: Option<usize>| n.map_or(String::new(), |n| n.to_string());
        let line = format!(
            "{:<20}{:>8}{:>8}{:>10}",
            name,
            cell(cells[0]),
            cell(cells[1]),
            cell(cells[2])
        );
        format!("{}\n", line.trim_end())
    };
    out.push_str(&format!(
        "{:<20}{:>8}{:>8}{:>10}\n",
        "", "quotes", "links", "speakers"
    ));
    let all = |a, b, c| [Some(a), Some(b), Some(c)];
    let rows = [
        ("drafted", all(q.drafted, l.drafted, s.drafted)),
        ("corrected", all(q.corrected, l.corrected, s.corrected)),
        ("kept unchanged", all(q.kept, l.kept, s.kept)),
        ("deleted", all(q.deleted, l.deleted, s.removed)),
        ("added", all(q.added, l.added, s.added)),
        ("re-attributed", [Some(q.reattributed), None, None]),
        (
            "kind changed",
            [Some(q.kind_changed), Some(l.retyped), None],
        ),
        ("bounds changed", [Some(q.bounds_changed), None, None]),
        ("passages changed", [None, Some(l.passages_changed), None]),
        ("note changed", [None, Some(l.note_changed), None]),
        ("renamed", [None, None, Some(s.renamed)]),
        ("aliases added", [None, None, Some(s.aliases_added)]),
        ("aliases removed", [None, None, Some(s.aliases_removed)]),
    ];
    for (name, cells) in rows {
        out.push_str(&row(name, cells));
    }
    out.push_str(&format!("\nedits: {}\n", c.edits));
    for (name, kept, drafted, share) in [
        ("quotes", q.kept, q.drafted, q.kept_share),
        ("links", l.kept, l.drafted, l.kept_share),
        ("speakers", s.kept, s.drafted, s.kept_share),
    ] {
        out.push_str(&format!(
            "{name}: {kept} of {drafted} drafted kept unchanged ({share:.2})\n"
        ));
    }
    for id in &c.articles.draft_only {
        out.push_str(&format!(
            "article \"{id}\" of {draft} has no article with the same text in {corrected}: its quotes count as deleted\n"
        ));
    }
    for id in &c.articles.corrected_only {
        out.push_str(&format!(
            "article \"{id}\" of {corrected} has no article with the same text in {draft}: its quotes count as added\n"
        ));
    }
    out.push_str(
        "\nSpeakers deleted: no partner in the corrected story (merged ones included).\n\
         Links' kind changed: retyped. A quote can count in several rows.\n",
    );
    out
}

/// `verso score CORRECTED DRAFT --changes`: what a person changed from `draft`
/// to `corrected`, as a table or JSON. A story's problems are said and left out
/// (exit 0: the counts are sound over the rest).
pub fn run(corrected: &Path, draft: &Path, json: bool) -> Outcome {
    let c = story::open(Some(corrected))?;
    let d = story::open(Some(draft))?;
    let messages = [&c, &d]
        .iter()
        .flat_map(|s| {
            s.problems
                .iter()
                .map(|p| format!("{}: {p} (left out of the counts)", s.source))
        })
        .collect();
    let ch = changes(&c, &d);
    let output = if json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&ch).expect("changes serialise")
        )
    } else {
        table(&ch, &c.source, &d.source)
    };
    Ok(Done {
        messages,
        ..Done::printing(output)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Ann Smith said: \"We will win.\" Bob Jones said the vote was rigged. \
                     Carl Diaz said it was fine, adding: \"No comment.\"\n";
    const B: &str = "\"It was close.\" Tom Brown said the count was \"a farce\".\n";

    fn story(json: &str) -> Story {
        let s = crate::story::from_json("t", json, |f| {
            Ok(match f {
                "a.txt" => A,
                "b.txt" => B,
                "c.txt" => "Something else entirely.\n",
                _ => return Err(format!("no {f}")),
            }
            .to_string())
        })
        .unwrap();
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        s
    }

    const DRAFT: &str = r#"{"version": 1,
      "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt"}],
      "speakers": [{"id": "s1", "name": "Ms Smith", "aliases": ["Smith"]},
                   {"id": "s2", "name": "Bob Jones"},
                   {"id": "s3", "name": "Tom Brown"},
                   {"id": "s4", "name": "Brown"}],
      "quotes": [
        {"id": "q1", "article": "a", "speaker": "s1", "kind": "direct", "text": "\"We will win.\""},
        {"id": "q2", "article": "a", "speaker": "s2", "kind": "indirect", "text": "the vote was rigged"},
        {"id": "q3", "article": "a", "speaker": "s2", "kind": "indirect", "text": "it was fine"},
        {"id": "q4", "article": "b", "speaker": "s4", "kind": "direct", "text": "\"It was close.\""},
        {"id": "q5", "article": "b", "speaker": "s3", "kind": "indirect", "text": "the count was"}],
      "links": [
        {"id": "l1", "kind": "same", "passages": [{"article": "a", "text": "the vote was rigged"}, {"article": "b", "text": "the count was"}]},
        {"id": "l2", "note": "win or close", "passages": [{"article": "a", "text": "We will win"}, {"article": "b", "text": "It was close"}]},
        {"id": "l3", "passages": [{"article": "a", "text": "Carl Diaz"}, {"article": "b", "text": "Tom Brown"}]},
        {"id": "l4", "passages": [{"article": "a", "text": "Ann Smith said"}, {"article": "b", "text": "Tom Brown said"}]}]}"#;

    /// DRAFT corrected, with every other id renumbered and the articles in
    /// another order: s1 renamed "Ann Smith" (alias "Smith" dropped, "Ms Smith"
    /// added); "Brown" (s4) merged into Tom Brown, who gains it as an alias; the
    /// new speaker Carl Diaz. q2 deleted; q3 re-attributed from Bob Jones to Carl
    /// Diaz; q5 widened and made mixed; "No comment." added. l1 retyped; l2's
    /// note edited; l3 deleted; l4's passages moved; a link added.
    const CORRECTED: &str = r#"{"version": 1,
      "articles": [{"id": "B", "file": "b.txt"}, {"id": "A", "file": "a.txt"}],
      "speakers": [{"id": "p1", "name": "Tom Brown", "aliases": ["Brown"]},
                   {"id": "s1", "name": "Ann Smith", "aliases": ["Ms Smith"]},
                   {"id": "p3", "name": "Bob Jones"},
                   {"id": "p4", "name": "Carl Diaz"}],
      "quotes": [
        {"id": "x1", "article": "A", "speaker": "s1", "kind": "direct", "text": "\"We will win.\""},
        {"id": "x2", "article": "A", "speaker": "p4", "kind": "indirect", "text": "it was fine"},
        {"id": "x3", "article": "B", "speaker": "p1", "kind": "direct", "text": "\"It was close.\""},
        {"id": "x4", "article": "B", "speaker": "p1", "kind": "mixed", "text": "the count was \"a farce\""},
        {"id": "x5", "article": "A", "speaker": "p4", "kind": "direct", "text": "\"No comment.\""}],
      "links": [
        {"id": "m1", "kind": "conflict", "passages": [{"article": "A", "text": "the vote was rigged"}, {"article": "B", "text": "the count was"}]},
        {"id": "m2", "note": "win, or close", "passages": [{"article": "A", "text": "We will win"}, {"article": "B", "text": "It was close"}]},
        {"id": "m3", "passages": [{"article": "A", "text": "it was fine"}, {"article": "B", "text": "a farce"}]},
        {"id": "m4", "passages": [{"article": "A", "text": "Ann Smith"}, {"article": "B", "text": "Tom Brown said the"}]}]}"#;

    #[test]
    fn identical_stories_have_no_edits() {
        for json in [DRAFT, CORRECTED] {
            let c = changes(&story(json), &story(json));
            assert_eq!(c.edits, 0);
            assert_eq!(
                (c.quotes.kept, c.quotes.drafted, c.quotes.kept_share),
                (5, 5, 1.0)
            );
            assert_eq!(
                (c.links.kept, c.links.drafted, c.links.kept_share),
                (4, 4, 1.0)
            );
            assert_eq!((c.speakers.kept, c.speakers.kept_share), (4, 1.0));
            assert_eq!(c.articles.paired, 2);
            assert!(c.articles.draft_only.is_empty() && c.articles.corrected_only.is_empty());
        }
    }

    #[test]
    fn every_kind_of_change_is_counted() {
        let ch = changes(&story(CORRECTED), &story(DRAFT));
        assert_eq!(ch.articles.paired, 2);
        let q = &ch.quotes;
        assert_eq!((q.drafted, q.corrected), (5, 5));
        // q1: its speaker renamed, not re-attributed; q4: its speaker merged
        // into Tom Brown, whose alias "Brown" is its name.
        assert_eq!(q.kept, 2);
        assert_eq!(q.deleted, 1, "q2");
        assert_eq!(q.added, 1, "No comment.");
        assert_eq!(q.reattributed, 1, "q3, Bob Jones to Carl Diaz");
        assert_eq!(q.kind_changed, 1, "q5, indirect to mixed");
        assert_eq!(q.bounds_changed, 1, "q5 widened");
        assert_eq!(q.kept_share, 0.4);
        let l = &ch.links;
        assert_eq!((l.drafted, l.corrected, l.kept), (4, 4, 0));
        assert_eq!(l.retyped, 1, "l1, same to conflict");
        assert_eq!(l.note_changed, 1, "l2");
        assert_eq!(l.passages_changed, 1, "l4");
        assert_eq!((l.deleted, l.added), (1, 1), "l3 deleted, m3 added");
        assert_eq!(l.kept_share, 0.0);
        let s = &ch.speakers;
        assert_eq!((s.drafted, s.corrected), (4, 4));
        assert_eq!(s.kept, 1, "Bob Jones");
        assert_eq!(s.renamed, 1, "Ms Smith to Ann Smith");
        assert_eq!(s.removed, 1, "Brown, merged away");
        assert_eq!(s.added, 1, "Carl Diaz");
        assert_eq!(s.aliases_added, 2, "Ms Smith, Brown");
        assert_eq!(s.aliases_removed, 1, "Smith");
        assert_eq!(s.kept_share, 0.25);
        // Quotes 1 + 1 + 1 + 1 + 1, links 1 + 1 + 1 + 1 + 1, speakers 1 + 1 + 1 + 2 + 1.
        assert_eq!(ch.edits, 16);
    }

    #[test]
    fn renumbered_ids_are_no_changes() {
        // Speakers s1 and s2 swap ids, quotes and links renumbered: nothing
        // changed but ids, so nothing is counted.
        let swapped = DRAFT
            .replace("\"s1\"", "\"tmp\"")
            .replace("\"s2\"", "\"s1\"")
            .replace("\"tmp\"", "\"s2\"")
            .replace("\"id\": \"q", "\"id\": \"r")
            .replace("\"id\": \"l", "\"id\": \"k");
        let ch = changes(&story(&swapped), &story(DRAFT));
        assert_eq!(ch.edits, 0, "{ch:?}");
        assert_eq!(ch.speakers.kept, 4);
    }

    #[test]
    fn a_quote_moved_to_a_namesake_is_re_attributed() {
        // q2 moved from Bob Jones to a new "Sue Jones": the same surname, but
        // Bob Jones is still there, so it is a re-attribution.
        let corrected = DRAFT.replace(
            r#"{"id": "s2", "name": "Bob Jones"},"#,
            r#"{"id": "s2", "name": "Bob Jones"}, {"id": "s5", "name": "Sue Jones"},"#,
        );
        let corrected = corrected.replace(
            r#""speaker": "s2", "kind": "indirect", "text": "the vote"#,
            r#""speaker": "s5", "kind": "indirect", "text": "the vote"#,
        );
        let ch = changes(&story(&corrected), &story(DRAFT));
        assert_eq!((ch.quotes.reattributed, ch.speakers.added), (1, 1));
        assert_eq!(ch.edits, 2);
    }

    #[test]
    fn articles_without_a_partner_are_named() {
        let corrected = DRAFT.replace(
            r#"{"id": "b", "file": "b.txt"}]"#,
            r#"{"id": "b", "file": "b.txt"}, {"id": "c", "file": "c.txt"}]"#,
        );
        let ch = changes(&story(&corrected), &story(DRAFT));
        assert_eq!(ch.articles.paired, 2);
        assert_eq!(ch.articles.corrected_only, ["c"]);
        assert_eq!(ch.edits, 0);
        let ch = changes(&story(DRAFT), &story(&corrected));
        assert_eq!(ch.articles.draft_only, ["c"]);
        let t = table(&ch, "fixed.json", "draft.json");
        assert!(
            t.contains(
                "article \"c\" of draft.json has no article with the same text in fixed.json"
            ),
            "{t}"
        );
    }

    #[test]
    fn the_table_has_a_row_per_count() {
        let ch = changes(&story(CORRECTED), &story(DRAFT));
        let t = table(&ch, "fixed.json", "draft.json");
        for line in [
            "                      quotes   links  speakers",
            "drafted                    5       4         4",
            "kept unchanged             2       0         1",
            "deleted                    1       1         1",
            "re-attributed              1",
            "kind changed               1       1",
            "aliases removed                              1",
            "edits: 16",
            "quotes: 2 of 5 drafted kept unchanged (0.40)",
            "speakers: 1 of 4 drafted kept unchanged (0.25)",
        ] {
            assert!(t.lines().any(|l| l == line), "{line:?} in\n{t}");
        }
        assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
    }
}
