//! PARC 3.0 and PolNeAR attribution files (read by [`super::parc`]) as a
//! one-article story; `verso import` comes here from [`super::brat`] when
//! [`parc::is_parc`] says so.
//!
//! - each attribution's `Content` is a quote, one passage from its first start
//!   to its last end; its kind is `direct` when every letter of the content's
//!   pieces lies inside quotation marks, `mixed` when some do (or it holds a
//!   mark), `indirect` otherwise;
//! - its `Source` is the speaker: speakers are grouped by the source's text
//!   (white space collapsed), named by it; a pronoun source ("she") is given to
//!   the nearest named source before it in the text, with a note;
//! - no source, or a pronoun with no named source before it: the speaker
//!   [`UNATTRIBUTED`], with a note;
//! - its `Cue` is the quote's cue (pieces joined by a space);
//! - an attribution without content is skipped, and one with the same content
//!   passage as an earlier one is left out (the first keeps the quote), each
//!   with a note; `Discard`, `Discuss` and other types are skipped with a note.
//!
//! Quotes get ids `q1`, `q2`... in text order; the article's id is the text
//! file's stem.

use std::ops::Range;
use std::path::Path;

use super::parc::{self, Attribution, Parc, pieces};
use super::{CharMap, ImportError, Imported, unique_id};
use crate::score::attribution::{holds_quotation_mark, is_pronoun};
use crate::story::format::{QuoteEntry, Selector, SpeakerEntry};

/// The id and name of the speaker of quotes whose source is missing or a
/// pronoun nothing named before it. `verso score --attributions` reads a
/// speaker with this id as no source.
pub const UNATTRIBUTED: &str = "unattributed";

/// Builds the story of a PARC-style file `name` (its contents `ann`) on the
/// text `text` read from `txt`. An error names the file and line.
pub fn import(name: &str, ann: &str, txt: &Path, text: String) -> Result<Imported, ImportError> {
    let parc = parc::parse(ann, &text).map_err(|e| ImportError(format!("{name}: {e}")))?;
    let mut out = Imported::default();
    out.notes.extend(parc.notes.iter().cloned());
    let kept = kept_attributions(&parc, &text, &mut out.notes);
    let article = unique_id(&stem(txt), &mut Vec::new());
    let named = named_sources(&parc, &text);
    let regions = quoted_regions(&text);
    let map = CharMap::new(&text);
    let mut speakers = Speakers::default();
    let mut quotes = Vec::new();
    for (n, (extent, a)) in kept.into_iter().enumerate() {
        let name = speaker_name(a, &text, &named, &mut out.notes);
        quotes.push(QuoteEntry {
            id: format!("q{}", n + 1),
            article: article.clone(),
            speaker: speakers.id_of(name),
            kind: Some(kind(&text, &a.content, &regions).to_string()),
            cue: Some(pieces(&text, &a.cue)).filter(|c| !c.is_empty()),
            selector: Selector {
                text: text[extent.clone()].to_string(),
                prefix: None,
                suffix: None,
                start: Some(map.cp(extent.start) as u64),
            },
        });
    }
    out.one_article(article, txt, text, speakers.entries(), quotes);
    Ok(out)
}

fn stem(txt: &Path) -> String {
    txt.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The attributions that become quotes, with their content passages, in text
/// order: those with content that is not blank, the first of several with the
/// same passage. The others are noted.
fn kept_attributions<'a>(
    parc: &'a Parc,
    text: &str,
    notes: &mut Vec<String>,
) -> Vec<(Range<usize>, &'a Attribution)> {
    let mut kept: Vec<(Range<usize>, &Attribution)> = Vec::new();
    for a in &parc.attributions {
        let Some(extent) = a
            .content_extent()
            .filter(|e| !text[e.clone()].trim().is_empty())
        else {
            notes.push(format!("{}: no content; skipped", a.id));
            continue;
        };
        match kept.iter().find(|(e, _)| *e == extent) {
            Some((_, first)) => notes.push(format!(
                "{}: the same content as {}; left out ({})",
                a.id,
                first.id,
                match pieces(text, &a.source) {
                    s if s.is_empty() => "no source".to_string(),
                    s => format!("its source: {s:?}"),
                }
            )),
            None => kept.push((extent, a)),
        }
    }
    kept.sort_by_key(|(e, _)| (e.start, e.end));
    kept
}

/// Every source that names someone (not a pronoun): (start byte, text), in
/// text order.
fn named_sources(parc: &Parc, text: &str) -> Vec<(usize, String)> {
    let mut named: Vec<(usize, String)> = parc
        .attributions
        .iter()
        .filter_map(|a| {
            let name = pieces(text, &a.source);
            (!name.is_empty() && !is_pronoun(&name)).then_some((a.source_extent()?.start, name))
        })
        .collect();
    named.sort();
    named
}

/// The speaker's name for `a`: its source's text; for a pronoun, the nearest
/// named source before it; `None` (unattributed) when there is neither.
fn speaker_name(
    a: &Attribution,
    text: &str,
    named: &[(usize, String)],
    notes: &mut Vec<String>,
) -> Option<String> {
    let source = pieces(text, &a.source);
    let Some(at) = a.source_extent().filter(|_| !source.is_empty()) else {
        notes.push(format!("{}: no source; given to \"{UNATTRIBUTED}\"", a.id));
        return None;
    };
    if !is_pronoun(&source) {
        return Some(source);
    }
    match named.iter().rev().find(|(start, _)| *start < at.start) {
        Some((_, name)) => {
            notes.push(format!(
                "{}: source {source:?} is a pronoun; given to {name:?}, the nearest named source before it",
                a.id
            ));
            Some(name.clone())
        }
        None => {
            notes.push(format!(
                "{}: source {source:?} is a pronoun with no named source before it; given to \"{UNATTRIBUTED}\"",
                a.id
            ));
            None
        }
    }
}

/// Speakers by name, in order of their first quote in the text; the
/// unattributed speaker, if any quote has it, comes last.
#[derive(Default)]
struct Speakers {
    /// (id, name) of each named speaker.
    named: Vec<(String, String)>,
    taken: Vec<String>,
    unattributed: bool,
}

impl Speakers {
    fn id_of(&mut self, name: Option<String>) -> String {
        if self.taken.is_empty() {
            // Reserved first, so that no source's id can take it.
            self.taken.push(UNATTRIBUTED.to_string());
        }
        let Some(name) = name else {
            self.unattributed = true;
            return UNATTRIBUTED.to_string();
        };
        if let Some((id, _)) = self.named.iter().find(|(_, n)| *n == name) {
            return id.clone();
        }
        let id = unique_id(&name, &mut self.taken);
        self.named.push((id.clone(), name));
        id
    }

    fn entries(self) -> Vec<SpeakerEntry> {
        let unattributed = self.unattributed.then(|| SpeakerEntry {
            id: UNATTRIBUTED.to_string(),
            name: UNATTRIBUTED.to_string(),
            description: Some(
                "no source in the annotation, or a pronoun with no named source before it"
                    .to_string(),
            ),
            ..SpeakerEntry::default()
        });
        self.named
            .into_iter()
            .map(|(id, name)| SpeakerEntry {
                id,
                name,
                ..SpeakerEntry::default()
            })
            .chain(unattributed)
            .collect()
    }
}

/// Byte ranges of the text inside double quotation marks, marks included: “ „
/// « open, ” » close, a straight " opens or closes; a paragraph's end (a line
/// end before a blank line or before an opening mark) closes, since a quote
/// running over paragraphs opens each one again. A line end inside a
/// paragraph (hard-wrapped text) does not.
fn quoted_regions(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match c {
            '“' | '„' | '«' => {
                open.get_or_insert(i);
            }
            '”' | '»' => out.extend(open.take().map(|s| s..end)),
            '"' => match open.take() {
                Some(s) => out.push(s..end),
                None => open = Some(i),
            },
            '\n' if paragraph_ends(&text[end..]) => out.extend(open.take().map(|s| s..i)),
            _ => {}
        }
    }
    out.extend(open.map(|s| s..text.len()));
    out
}

/// Whether the text after a line end starts a new paragraph: nothing, a
/// blank line, or an opening quotation mark follows.
fn paragraph_ends(after: &str) -> bool {
    after
        .trim_start_matches([' ', '\t', '\r'])
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '\n' | '“' | '„' | '«' | '"'))
}

/// `direct` when every letter or digit of the content's pieces lies inside
/// quotation marks, `mixed` when some do or a piece holds a quotation mark,
/// `indirect` otherwise.
fn kind(text: &str, content: &[Range<usize>], regions: &[Range<usize>]) -> &'static str {
    let (mut inside, mut outside) = (0, 0);
    for r in content {
        for (i, c) in text[r.clone()].char_indices() {
            let at = r.start + i;
            if !c.is_alphanumeric() {
                continue;
            }
            if regions.iter().any(|q| q.contains(&at)) {
                inside += 1;
            } else {
                outside += 1;
            }
        }
    }
    let marked = content
        .iter()
        .any(|r| holds_quotation_mark(&text[r.clone()]));
    match (inside, outside) {
        (1.., 0) => "direct",
        (1.., _) => "mixed",
        _ if marked => "mixed",
        _ => "indirect",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(ann: &str, text: &str) -> Imported {
        import("t.ann", ann, Path::new("/tmp/t.txt"), text.to_string()).unwrap()
    }

    const TEXT: &str = "Ann Lee said the vote was “rigged.” “We lost,” she said.\n\
                        Polls show a lead. “Never,” he said.";

    #[test]
    fn kinds_by_quotation_marks_around_the_content() {
        let regions = quoted_regions(TEXT);
        let at = |s: &str| {
            let i = TEXT.find(s).unwrap();
            let piece = i..i + s.len();
            vec![piece]
        };
        assert_eq!(kind(TEXT, &at("the vote was “rigged.”"), &regions), "mixed");
        assert_eq!(kind(TEXT, &at("“We lost,”"), &regions), "direct");
        assert_eq!(kind(TEXT, &at("We lost"), &regions), "direct");
        assert_eq!(kind(TEXT, &at("Polls show a lead"), &regions), "indirect");
        // Pieces of a discontinuous content, each in marks: the words between
        // them ("she said") are not the content's.
        let pieces = [at("“We lost,”"), at("“Never,”")].concat();
        assert_eq!(kind(TEXT, &pieces, &regions), "direct");
    }

    #[test]
    fn a_paragraph_end_closes_an_open_quotation_a_wrapped_line_does_not() {
        let r = quoted_regions("He said “one\n\nthen \"two\" three");
        assert_eq!(r, [8..14, 21..26]);
        let r = quoted_regions("“One,\n“two.”\nHe said “three\nfour” then");
        assert_eq!(r, [0..7, 8..18, 27..43]);
    }

    #[test]
    fn pronoun_goes_to_the_nearest_named_source_before_it() {
        // Code points: Ann Lee 0-7, said 8-12, content 13-35; “We lost,” 36-46,
        // she 47-50, said 51-55; Polls show a lead 57-74; “Never,” 76-84, he
        // 85-87, said 88-92.
        let ann = "T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 35\tthe vote was “rigged.”\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
                   T4\tContent 36 46\t“We lost,”\nT5\tSource 47 50\tshe\nT6\tCue 51 55\tsaid\n\
                   E2\tAttribution:T6 Source:T5 Cue:T6 Content:T4\n\
                   T7\tContent 76 84\t“Never,”\nT8\tSource 85 87\the\nT9\tCue 88 92\tsaid\n\
                   E3\tAttribution:T9 Content:T7 Cue:T9 Source:T8\n\
                   T10\tContent 57 74\tPolls show a lead\nE4\tAttribution-no-source:T10 Content:T10\n";
        let s = story(ann, TEXT).story;
        let names: Vec<&str> = s.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", UNATTRIBUTED]);
        let q: Vec<(&str, &str, &str)> = s
            .quotes
            .iter()
            .map(|q| {
                (
                    q.selector.text.as_str(),
                    q.speaker.as_str(),
                    q.kind.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            q,
            [
                ("the vote was “rigged.”", "ann-lee", "mixed"),
                ("“We lost,”", "ann-lee", "direct"),
                ("Polls show a lead", UNATTRIBUTED, "indirect"),
                ("“Never,”", "ann-lee", "direct"),
            ]
        );
        assert_eq!(s.quotes[0].cue.as_deref(), Some("said"));
        assert_eq!(s.quotes[2].cue, None);
    }

    #[test]
    fn same_content_twice_is_one_quote_and_no_content_is_skipped() {
        let ann = "T1\tContent 36 46\t“We lost,”\nT2\tSource 47 50\tshe\n\
                   E1\tAttribution:T2 Content:T1 Source:T2\n\
                   T3\tSource 57 62\tPolls\nE2\tAttribution:T3 Content:T1 Source:T3\n\
                   E3\tAttribution:T3 Source:T3\n";
        let i = story(ann, TEXT);
        assert_eq!(i.story.quotes.len(), 1);
        assert_eq!(
            i.story.quotes[0].speaker, UNATTRIBUTED,
            "no named source before \"she\""
        );
        assert!(
            i.notes
                .iter()
                .any(|n| n.starts_with("E2: the same content as E1")),
            "{:?}",
            i.notes
        );
        assert!(
            i.notes.iter().any(|n| n == "E3: no content; skipped"),
            "{:?}",
            i.notes
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = import(
            "x.ann",
            "T1\tContent 0 999\tx\n",
            Path::new("x.txt"),
            "abc".into(),
        )
        .unwrap_err();
        assert!(
            e.0.starts_with("x.ann: line 1: T1: offsets 0 999"),
            "{}",
            e.0
        );
    }
}
