//! Attribution files as PARC 3.0 and PolNeAR write them: brat standoff with
//! `Source`, `Cue` and `Content` spans joined by an `Attribution` (or
//! `Attribution-no-source`) event.
//!
//! ```text
//! T1  Source 89 106   The New York Post
//! T2  Cue 107 114     reports
//! T3  Content 115 290 that Hillary Clinton's team avoided ...
//! E1  Attribution:T4 Content:T3 Cue:T2 Source:T1
//! ```
//!
//! (fields separated by tabs)
//!
//! Offsets count code points; a span may be discontinuous (`10 20;25 40`), and
//! a span's text may run over several lines of the file (it holds newlines).
//! [`parse`] turns one file into [`Attribution`]s with byte ranges into the
//! text; the importer and the PolNeAR measurement both read it.

use std::collections::BTreeMap;
use std::ops::Range;

use super::CharMap;

/// One attribution: what was said or thought, the words attributing it, and who.
/// Each part is a list of byte ranges into the text, in text order (empty when
/// the file gives none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The event's id (`E1`).
    pub id: String,
    pub content: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub source: Vec<Range<usize>>,
}

impl Attribution {
    /// The content as one passage: from its first start to its last end.
    pub fn content_extent(&self) -> Option<Range<usize>> {
        extent(&self.content)
    }

    pub fn cue_extent(&self) -> Option<Range<usize>> {
        extent(&self.cue)
    }

    pub fn source_extent(&self) -> Option<Range<usize>> {
        extent(&self.source)
    }
}

/// The texts of `parts` joined by a space, with runs of white space (a span
/// over a line break) made one space.
pub fn pieces(text: &str, parts: &[Range<usize>]) -> String {
    let joined: Vec<&str> = parts.iter().map(|r| &text[r.clone()]).collect();
    joined
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn extent(parts: &[Range<usize>]) -> Option<Range<usize>> {
    Some(parts.iter().map(|r| r.start).min()?..parts.iter().map(|r| r.end).max()?)
}

/// A parsed file: its attributions in file order, and notes on what was
/// skipped (`Discard` and `Discuss` spans, annotator notes, other types).
#[derive(Debug, Default)]
pub struct Parc {
    pub attributions: Vec<Attribution>,
    pub notes: Vec<String>,
}

/// Whether an `.ann` file is written in the PARC style: it has an event whose
/// type is `Attribution` or `Attribution-no-source`.
pub fn is_parc(ann: &str) -> bool {
    ann.lines().any(|l| {
        l.starts_with('E')
            && l.split('\t')
                .nth(1)
                .and_then(|e| e.split(':').next())
                .is_some_and(|t| t.eq_ignore_ascii_case("attribution") || is_no_source(t))
    })
}

fn is_no_source(t: &str) -> bool {
    t.eq_ignore_ascii_case("attribution-no-source")
}

/// A text-bound annotation: its type, ranges (bytes) and line number.
struct Span {
    kind: String,
    ranges: Vec<Range<usize>>,
}

/// Reads one PARC-style `.ann` file on `text`. An error names the line (1-based)
/// and what is wrong with it: a malformed line, offsets past the text's end, or
/// an event naming a span the file does not define.
pub fn parse(ann: &str, text: &str) -> Result<Parc, String> {
    let map = CharMap::new(text);
    let mut spans: BTreeMap<&str, Span> = BTreeMap::new();
    let mut events: Vec<(usize, &str, &str)> = Vec::new();
    let mut out = Parc::default();
    for (n, line) in ann.lines().enumerate() {
        let n = n + 1;
        let Some((id, rest)) = line.split_once('\t') else {
            continue; // the next line of a span's text that holds a newline
        };
        match id.chars().next() {
            Some('T') if id[1..].chars().all(|c| c.is_ascii_digit()) => {
                let head = rest.split('\t').next().unwrap_or(rest);
                let (kind, offsets) = head
                    .split_once(' ')
                    .ok_or_else(|| format!("line {n}: {id}: no offsets after the type"))?;
                let mut ranges = Vec::new();
                for part in offsets.split(';') {
                    let bad = || format!("line {n}: {id}: offsets \"{part}\" are not START END");
                    let (a, b) = part.trim().split_once(' ').ok_or_else(bad)?;
                    let (a, b): (usize, usize) = (
                        a.trim().parse().map_err(|_| bad())?,
                        b.trim().parse().map_err(|_| bad())?,
                    );
                    let past = || {
                        format!(
                            "line {n}: {id}: offsets {a} {b} are past the text's end ({} characters)",
                            map.len()
                        )
                    };
                    let (Some(s), Some(e)) = (map.byte(a), map.byte(b)) else {
                        return Err(past());
                    };
                    if s > e {
                        return Err(bad());
                    }
                    ranges.push(s..e);
                }
                ranges.sort_by_key(|r| (r.start, r.end));
                spans.insert(
                    id,
                    Span {
                        kind: kind.to_string(),
                        ranges,
                    },
                );
            }
            Some('E') => events.push((n, id, rest)),
            Some('#') => {}
            _ => out.notes.push(format!("line {n}: {id}: skipped")),
        }
    }
    for (id, s) in &spans {
        let k = s.kind.to_ascii_lowercase();
        if !matches!(
            k.as_str(),
            "source" | "cue" | "content" | "attribution" | "attribution-no-source"
        ) {
            out.notes.push(format!("{id}: {} span skipped", s.kind));
        }
    }
    for (n, id, rest) in events {
        let mut a = Attribution {
            id: id.to_string(),
            ..Attribution::default()
        };
        let mut trigger = None;
        for arg in rest.split_whitespace() {
            let (role, target) = arg
                .split_once(':')
                .ok_or_else(|| format!("line {n}: {id}: argument \"{arg}\" is not ROLE:ID"))?;
            let span = spans
                .get(target)
                .ok_or_else(|| format!("line {n}: {id}: {target} is not defined in the file"))?;
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role.to_ascii_lowercase().as_str() {
                "content" => a.content.extend(span.ranges.iter().cloned()),
                "cue" => a.cue.extend(span.ranges.iter().cloned()),
                "source" => a.source.extend(span.ranges.iter().cloned()),
                r if r == "attribution" || is_no_source(r) => trigger = Some(role),
                _ => out
                    .notes
                    .push(format!("line {n}: {id}: role {role} skipped")),
            }
        }
        if trigger.is_none() {
            out.notes
                .push(format!("line {n}: {id}: not an Attribution event; skipped"));
            continue;
        }
        for parts in [&mut a.content, &mut a.cue, &mut a.source] {
            parts.sort_by_key(|r| (r.start, r.end));
            parts.dedup();
        }
        out.attributions.push(a);
    }
    Ok(out)
}

/// A reference attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Range<usize>,
    pub content_text: String,
    pub cue: Option<String>,
    pub source: Option<String>,
}

/// Attributions of a parsed PARC file as the measure reads them: content from
/// its first start to its last end (bytes, as the file gives them); the
/// content's, cue's and source's texts are their pieces joined by a space (so
/// the words between the pieces of "A," she said, "B" are not the content's).
/// Attributions without content are skipped.
pub fn gold_from_parc(parc: &Parc, text: &str) -> Vec<GoldAttribution> {
    let some = |s: String| (!s.trim().is_empty()).then_some(s);
    parc.attributions
        .iter()
        .filter_map(|a| {
            Some(GoldAttribution {
                content: a.content_extent()?,
                content_text: pieces(text, &a.content),
                cue: some(pieces(text, &a.cue)),
                source: some(pieces(text, &a.source)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We won,” she said. Polls show “a lead”, according to Ann Lee.";

    #[test]
    fn events_join_their_spans_in_bytes() {
        let ann = "T1\tContent 0 9;18 19\t“We won,” .\nT2\tSource 10 13\tshe\n\
                   T3\tCue 14 18\tsaid\nT4\tAttribution 14 18\tsaid\n\
                   E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
                   T5\tContent 20 39\tPolls show “a lead”\nT6\tCue 41 53\taccording to\n\
                   T7\tSource 54 61\tAnn Lee\nT8\tAttribution 41 53\taccording to\n\
                   E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7\nT9\tDiscard 0 2\t“W\n";
        assert!(is_parc(ann));
        let p = parse(ann, TEXT).unwrap();
        assert_eq!(p.attributions.len(), 2);
        let a = &p.attributions[0];
        assert_eq!(&TEXT[a.content[0].clone()], "“We won,”");
        assert_eq!(&TEXT[a.content_extent().unwrap()], "“We won,” she said.");
        assert_eq!(&TEXT[a.source_extent().unwrap()], "she");
        assert_eq!(&TEXT[p.attributions[1].source[0].clone()], "Ann Lee");
        assert_eq!(&TEXT[p.attributions[1].cue[0].clone()], "according to");
        assert!(
            p.notes.iter().any(|n| n.contains("Discard")),
            "{:?}",
            p.notes
        );
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("T1\tContent 0 900\tx\n", TEXT).unwrap_err();
        assert!(e.starts_with("line 1: T1: offsets 0 900 are past"), "{e}");
        let e = parse("E1\tAttribution:T4\n", TEXT).unwrap_err();
        assert!(e.contains("T4 is not defined"), "{e}");
        assert!(!is_parc("T1\tQuote 0 3\tabc\n"));
    }
}
