//! The text layer under the drafter, the only-here marks and the scores: word
//! and punctuation tokens, paragraphs, quotation spans, sentences, and sets of
//! ranges ([`ranges`]).
//!
//! Everything here works on byte ranges into the article text, so what is found
//! can be cut out of the text exactly as it is.

pub mod ranges;

use std::ops::Range;

pub use ranges::{RangeSet, merge};

/// A word (letters and digits, with inner apostrophes, hyphens and decimal
/// points) or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The tokens of `text[range]`, with absolute byte offsets.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Tok> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: base + i,
                end: base + i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        loop {
            let rest = &s[end..];
            let mut cs = rest.chars();
            match (cs.next(), cs.next()) {
                (Some(n), _) if is_word_char(n) => {
                    end += n.len_utf8();
                    prev = n;
                }
                (Some(j), Some(n))
                    if is_word_char(n)
                        && (matches!(j, '\'' | '’' | '-')
                            || (j == '.' && prev.is_ascii_digit() && n.is_ascii_digit())) =>
                {
                    end += j.len_utf8() + n.len_utf8();
                    prev = n;
                }
                _ => break,
            }
        }
        while it.peek().is_some_and(|&(j, _)| j < end) {
            it.next();
        }
        out.push(Tok {
            start: base + i,
            end: base + end,
            word: true,
        });
    }
    out
}

/// Lines with text, trimmed: news texts put one paragraph on a line.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push(at + lead..at + lead + body.len());
        }
        at += line.len();
    }
    out
}

/// A short line without closing punctuation: a headline or a byline. A
/// quoted sentence signed after a dash (`"We won." ― Ann Lee`) is not one.
pub fn is_headline(par: &str) -> bool {
    let last = par.chars().next_back().unwrap_or('.');
    // `.”` or `."` (or `!` `?` `,`), then a dash, perhaps after a space.
    let chars: Vec<char> = par.chars().collect();
    let signed = par.starts_with(is_double_quote)
        && chars.windows(3).enumerate().any(|(i, w)| {
            matches!(w[0], '.' | '!' | '?' | ',')
                && matches!(w[1], '"' | '”')
                && (is_dash(w[2]) || (w[2] == ' ' && chars.get(i + 3).is_some_and(|&c| is_dash(c))))
        });
    !signed
        && !matches!(
            last,
            '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ','
        )
        && par.split_whitespace().count() < 16
}

/// A dash that sets off a signature or an aside: em, horizontal bar, en, hyphen.
pub fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–' | '-')
}

pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// A quotation in a paragraph: from its opening mark to after its closing mark,
/// or to the paragraph's end when it runs on into the next paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QSpan {
    pub start: usize,
    pub end: usize,
    pub closed: bool,
}

/// The quotation spans of a paragraph, to ask which lie near a place without a
/// pass over all of them (a paragraph may hold thousands).
pub struct Near<'a> {
    spans: &'a [QSpan],
    /// The largest end among `spans[..=i]`, when the spans are sorted by start.
    max_end: Option<Vec<usize>>,
}

impl<'a> Near<'a> {
    pub fn new(spans: &'a [QSpan]) -> Near<'a> {
        let sorted = spans.windows(2).all(|w| w[0].start <= w[1].start);
        let max_end = sorted.then(|| {
            let mut m = 0;
            spans
                .iter()
                .map(|q| {
                    m = m.max(q.end);
                    m
                })
                .collect()
        });
        Near { spans, max_end }
    }

    /// The spans that may overlap `r` (every one that does, in their order;
    /// possibly a few that do not).
    pub fn around(&self, r: &Range<usize>) -> &'a [QSpan] {
        match &self.max_end {
            Some(max_end) => {
                let lo = max_end.partition_point(|&e| e <= r.start);
                let hi = self
                    .spans
                    .partition_point(|q| q.start < r.end.max(r.start + 1));
                &self.spans[lo.min(hi)..hi]
            }
            None => self.spans,
        }
    }

    /// Is `at` strictly inside a span?
    pub fn inside(&self, at: usize) -> bool {
        self.around(&(at..at + 1))
            .iter()
            .any(|q| q.start < at && at < q.end)
    }
}

/// The quotations of `text[par]`. Double marks (straight or curly) always
/// quote. With `single` (texts that quote mainly with single marks, British
/// style), single marks quote too, but only where they cannot be apostrophes.
/// Marks of the other kind inside a quotation are a quote within it and part of
/// the quotation.
pub fn quote_spans(text: &str, par: Range<usize>, single: bool) -> Vec<QSpan> {
    let s = &text[par.clone()];
    let mut out = Vec::new();
    // The opening mark's offset, and whether it is a single mark.
    let mut open: Option<(usize, bool)> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let double = is_double_quote(c);
        match open {
            None => {
                let single_open = single
                    && matches!(c, '‘' | '\'')
                    && prev.is_none_or(|p| p.is_whitespace() || "([—-".contains(p))
                    && next.is_some_and(|n| n.is_alphanumeric());
                if double || single_open {
                    open = Some((par.start + i, !double));
                }
            }
            Some((o, is_single)) => {
                let closes = if is_single {
                    matches!(c, '’' | '\'')
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| !n.is_alphanumeric())
                } else {
                    double
                };
                if closes {
                    out.push(QSpan {
                        start: o,
                        end: par.start + i + c.len_utf8(),
                        closed: true,
                    });
                    open = None;
                }
            }
        }
    }
    if let Some((o, _)) = open {
        out.push(QSpan {
            start: o,
            end: par.end,
            closed: false,
        });
    }
    // A quotation quotes something: a stray mark (`.”` closing a quotation the
    // paragraph never opened) is no quotation.
    out.retain(|q| text[q.start..q.end].chars().any(char::is_alphanumeric));
    out
}

/// The text with quotation marks typed as two apostrophes (`''Yes,'' he
/// said`, as some archives write the New York Times) or as two backticks
/// opening and two apostrophes closing (``` ``Yes,'' ```), written as plain
/// double marks of the same length: an opening pair becomes a space and a
/// mark (` "`), a closing pair a mark and a space (`" `), so every offset of the
/// text stays where it was. `None` when the text has no such pair.
pub fn plain_quotes(text: &str) -> Option<String> {
    if !text.contains("''") && !text.contains("``") {
        return None;
    }
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while i + 1 < b.len() {
        let pair = &b[i..i + 2];
        if pair == b"''" || pair == b"``" {
            let before = text[..i].chars().next_back();
            let after = text[i + 2..].chars().next();
            let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let opens =
                (space(before) || before.is_some_and(|c| "([{—–-".contains(c))) && !space(after);
            if opens {
                out[i] = b' ';
                out[i + 1] = b'"';
            } else if pair == b"''" && !space(before) {
                out[i] = b'"';
                out[i + 1] = b' ';
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    String::from_utf8(out).ok()
}

/// A range of the text [`plain_quotes`] gave `plain`, widened to take in
/// the rest of a doubled mark at either end, as `text` has it.
pub fn widen_quotes(text: &str, plain: &str, r: Range<usize>) -> Range<usize> {
    let (t, p) = (text.as_bytes(), plain.as_bytes());
    let doubled = |k: usize| t.get(k).is_some_and(|&c| c == b'\'' || c == b'`') && p[k] == b' ';
    let start = if r.start > 0 && doubled(r.start - 1) {
        r.start - 1
    } else {
        r.start
    };
    let end = if doubled(r.end) { r.end + 1 } else { r.end };
    start..end
}

/// Does the text quote mainly with single marks? More single opening marks
/// (at a word's start) than double marks of any kind.
pub fn quotes_with_single_marks(text: &str) -> bool {
    let mut doubles = 0;
    let mut singles = 0;
    let mut prev: Option<char> = None;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if is_double_quote(c) {
            doubles += 1;
        } else if matches!(c, '‘' | '\'')
            && prev.is_none_or(|p| p.is_whitespace() || "([—-".contains(p))
            && it.peek().is_some_and(|n| n.is_alphanumeric())
        {
            singles += 1;
        }
        prev = Some(c);
    }
    doubles == 0 || singles > doubles
}

const ABBREVIATIONS: &[&str] = &[
    "Capt", "Co", "Col", "Corp", "Dr", "Ft", "Gen", "Gov", "Hon", "Inc", "Jr", "Lt", "Ltd", "Mr",
    "Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "etc", "vs",
];

/// The sentences of a paragraph, never split inside a quotation.
pub fn sentences(text: &str, par: Range<usize>, spans: &[QSpan]) -> Vec<Range<usize>> {
    let near = Near::new(spans);
    let inside = |at: usize| near.inside(at);
    // Candidate ends: a mark outside quotations, or a quotation closing on one.
    let mut cands: Vec<(usize, Option<usize>)> = Vec::new();
    for (i, c) in text[par.clone()].char_indices() {
        let at = par.start + i;
        if matches!(c, '.' | '!' | '?') && !inside(at) {
            let mut end = at + 1;
            for ch in text[end..par.end].chars() {
                if matches!(ch, ')' | '’') && !inside(end) {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            cands.push((end, (c == '.').then_some(at)));
        }
    }
    for q in spans.iter().filter(|q| q.closed) {
        let body = &text[q.start..q.end];
        let inner =
            body[..body.len() - body.chars().next_back().map_or(0, char::len_utf8)].trim_end();
        if inner.ends_with(['.', '!', '?']) {
            cands.push((q.end, None));
        }
    }
    cands.sort_unstable();
    cands.dedup_by_key(|c| c.0);
    let mut out = Vec::new();
    let mut start = par.start;
    for (end, period) in cands {
        if end <= start {
            continue;
        }
        let rest = &text[end..par.end];
        let trimmed = rest.trim_start();
        if !rest.is_empty() && trimmed.len() == rest.len() {
            continue; // no space after the mark: 9.30, U.S.
        }
        let next = trimmed.chars().next();
        if !next.is_none_or(|n| {
            n.is_uppercase() || n.is_ascii_digit() || is_double_quote(n) || n == '‘' || n == '\''
        }) {
            continue;
        }
        if let Some(at) = period {
            let word_start = text[start..at]
                .char_indices()
                .rfind(|&(_, ch)| !ch.is_alphanumeric())
                .map(|(p, ch)| start + p + ch.len_utf8())
                .unwrap_or(start);
            let word = &text[word_start..at];
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || ABBREVIATIONS.contains(&word) {
                continue;
            }
        }
        out.push(start..end);
        start = end + (rest.len() - trimmed.len());
    }
    if start < par.end {
        out.push(start..par.end);
    }
    out
}

/// A sentence and its tokens.
#[derive(Debug, Clone)]
pub struct Sent {
    pub range: Range<usize>,
    pub toks: Vec<Tok>,
}

/// A paragraph: its quotations and sentences.
#[derive(Debug, Clone)]
pub struct Par {
    pub range: Range<usize>,
    pub spans: Vec<QSpan>,
    pub sents: Vec<Sent>,
    pub headline: bool,
}

/// An article cut into paragraphs, quotations, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Doc {
    pub pars: Vec<Par>,
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let single = quotes_with_single_marks(text);
        let pars = paragraphs(text)
            .into_iter()
            .map(|range| {
                let spans = quote_spans(text, range.clone(), single);
                let sents = sentences(text, range.clone(), &spans)
                    .into_iter()
                    .map(|r| Sent {
                        toks: tokens(text, r.clone()),
                        range: r,
                    })
                    .collect();
                Par {
                    headline: is_headline(&text[range.clone()]),
                    range,
                    spans,
                    sents,
                }
            })
            .collect();
        Doc { pars }
    }

    /// The sentences of the article's body: every paragraph's but headlines'.
    pub fn body(&self) -> impl Iterator<Item = &Sent> {
        self.pars
            .iter()
            .filter(|p| !p.headline)
            .flat_map(|p| &p.sents)
    }
}

/// Is the word capitalised (its first letter upper case)?
pub fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word without a possessive ending (`Carter's` → `Carter`).
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for end in ["'s", "’s"] {
        if let Some(s) = w.strip_suffix(end) {
            return (s, true);
        }
    }
    (w, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_apostrophes_are_plain_quotes_at_the_same_offsets() {
        let t = "''This isn't reform,'' said Ann Lee. ``Yes,'' he said. Rock 'n' roll.";
        let p = plain_quotes(t).unwrap();
        assert_eq!(p.len(), t.len());
        assert_eq!(
            p,
            " \"This isn't reform,\"  said Ann Lee.  \"Yes,\"  he said. Rock 'n' roll."
        );
        let spans = quote_spans(&p, 0..p.len(), false);
        assert_eq!(spans.len(), 2);
        let first = widen_quotes(t, &p, spans[0].start..spans[0].end);
        assert_eq!(&t[first], "''This isn't reform,''");
        let second = widen_quotes(t, &p, spans[1].start..spans[1].end);
        assert_eq!(&t[second], "``Yes,''");
        assert_eq!(plain_quotes("No doubled marks here, 'only' single."), None);
    }

    #[test]
    fn words_keep_inner_marks() {
        let t = "Mr Carter's seven-hour 9.30pm meeting.";
        let w: Vec<&str> = tokens(t, 0..t.len()).iter().map(|k| k.text(t)).collect();
        assert_eq!(
            w,
            ["Mr", "Carter's", "seven-hour", "9.30pm", "meeting", "."]
        );
    }

    #[test]
    fn near_finds_every_span_that_overlaps() {
        let q = |start, end| QSpan {
            start,
            end,
            closed: true,
        };
        // Sorted by start, one nested in another.
        let spans = [q(0, 4), q(6, 30), q(8, 12), q(14, 16), q(40, 45)];
        let near = Near::new(&spans);
        for a in 0..50 {
            for b in a..50 {
                let r = a..b.max(a + 1);
                let got = near.around(&r);
                for s in &spans {
                    if s.start < r.end && r.start < s.end {
                        assert!(got.contains(s), "{s:?} overlaps {r:?}");
                    }
                }
            }
            let naive = spans.iter().any(|s| s.start < a && a < s.end);
            assert_eq!(near.inside(a), naive, "at {a}");
        }
        // Unsorted spans: all of them, as before.
        let odd = [q(10, 12), q(0, 4)];
        assert_eq!(Near::new(&odd).around(&(0..1)).len(), 2);
    }

    #[test]
    fn sentences_skip_quotes_and_titles() {
        let t = "Mr Little said so. \"Yes. No.\" He left.";
        let spans = quote_spans(t, 0..t.len(), false);
        let s: Vec<&str> = sentences(t, 0..t.len(), &spans)
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(s, ["Mr Little said so.", "\"Yes. No.\"", "He left."]);
    }
}
