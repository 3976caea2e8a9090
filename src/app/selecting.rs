//! Selections: `v` selects the sentence at the focus, `j` / `k` move its end
//! a sentence on or back, `w` / `b` a word, `W` / `B` its start a word back or
//! on; dragging the mouse selects too. A selection becomes a quote (`Enter`,
//! then the speaker picker) or, with one in each article on screen, a link
//! (`L`). Sentences are found in the paragraph at hand, never the whole
//! article, so a step costs the same in a long text.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{App, Pick};

/// The paragraph (a line with text, trimmed) holding byte `b`.
fn line_at(text: &str, b: usize) -> Range<usize> {
    let b = b.min(text.len());
    let start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let end = text[b..].find('\n').map_or(text.len(), |i| b + i);
    let line = &text[start..end];
    let lead = line.len() - line.trim_start().len();
    start + lead..start + lead + line.trim().len()
}

/// The sentences of the paragraph `line`.
fn sentences(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    if line.is_empty() {
        return Vec::new();
    }
    let single = crate::text::quotes_with_single_marks(&text[line.clone()]);
    let spans = crate::text::quote_spans(text, line.clone(), single);
    crate::text::sentences(text, line, &spans)
}

/// The next paragraph with text after byte `b`, if any.
fn next_line(text: &str, b: usize) -> Option<Range<usize>> {
    let mut at = text[b..].find('\n').map(|i| b + i + 1)?;
    while at < text.len() {
        let l = line_at(text, at);
        if !l.is_empty() {
            return Some(l);
        }
        at = text[at..].find('\n').map(|i| at + i + 1)?;
    }
    None
}

/// The sentence holding byte `b`, or the first one after it.
pub fn sentence_at(text: &str, b: usize) -> Option<Range<usize>> {
    let mut line = line_at(text, b);
    if line.is_empty() || b >= line.end {
        line = next_line(text, b)?;
    }
    let ss = sentences(text, line);
    ss.iter().find(|s| s.end > b).or(ss.last()).cloned()
}

/// Where the selection ending at `end` ends one sentence on.
fn next_sentence_end(text: &str, end: usize) -> Option<usize> {
    let line = line_at(text, end.saturating_sub(1));
    if let Some(s) = sentences(text, line.clone()).iter().find(|s| s.end > end) {
        return Some(s.end);
    }
    let next = next_line(text, line.end.max(end))?;
    sentences(text, next).first().map(|s| s.end)
}

/// Where the selection `start..end` ends one sentence back (never before
/// its first sentence's end).
fn prev_sentence_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let line = line_at(text, end.saturating_sub(1));
    let mut ends: Vec<usize> = sentences(text, line.clone())
        .iter()
        .map(|s| s.end)
        .filter(|&e| e < end && e > start)
        .collect();
    if ends.is_empty() && line.start > start {
        // The paragraph before: its last sentence's end.
        let before = text[..line.start].trim_end().len();
        if before > start {
            ends.push(before);
        }
    }
    ends.pop()
}

/// A word, not the space or punctuation between words.
fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// How far a word step looks, in bytes.
const WORD_REACH: usize = 400;

/// The end of the word after `end`, or the end of the one before it.
fn word_end(text: &str, end: usize, forward: bool) -> Option<usize> {
    if forward {
        let to = text.ceil_char_boundary(end + WORD_REACH);
        text[end..to]
            .split_word_bound_indices()
            .find(|(_, w)| is_word(w))
            .map(|(i, w)| end + i + w.len())
            // Closing punctuation right after the word goes with it.
            .map(|e| {
                e + text[e..]
                    .chars()
                    .take_while(|c| ".,;:!?\"”’)".contains(*c))
                    .map(char::len_utf8)
                    .sum::<usize>()
            })
    } else {
        let from = text.floor_char_boundary(end.saturating_sub(WORD_REACH));
        let words: Vec<usize> = text[from..end]
            .split_word_bound_indices()
            .filter(|(_, w)| is_word(w))
            .map(|(i, w)| from + i + w.len())
            .filter(|&e| e < end)
            .collect();
        words.last().copied()
    }
}

/// The start of the word before `start`, or of the one after it.
fn word_start(text: &str, start: usize, back: bool) -> Option<usize> {
    if back {
        let from = text.floor_char_boundary(start.saturating_sub(WORD_REACH));
        text[from..start]
            .split_word_bound_indices()
            .filter(|(_, w)| is_word(w))
            .map(|(i, _)| from + i)
            .next_back()
    } else {
        let to = text.ceil_char_boundary(start + WORD_REACH);
        text[start..to]
            .split_word_bound_indices()
            .filter(|(_, w)| is_word(w))
            .map(|(i, _)| start + i)
            .find(|&s| s > start)
    }
}

/// How a selection step moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    SentenceOn,
    SentenceBack,
    WordOn,
    WordBack,
    StartEarlier,
    StartLater,
}

impl App {
    /// `v`: selects, in the focused article, the focused quote or link
    /// passage if it is there, else the sentence of the search match jumped
    /// to if it is on screen, else the first sentence on screen.
    pub(crate) fn start_selection(&mut self) {
        let p = self.active_pane();
        let article = self.panes[p].article;
        let text = &self.story.articles[article].text;
        let focused = self
            .current_quote
            .map(|q| &self.story.quotes[q])
            .filter(|q| q.article == article)
            .map(|q| q.range.clone())
            .or_else(|| {
                let l = &self.story.links[self.focused_link?];
                l.passages
                    .iter()
                    .find(|x| x.article == article)
                    .map(|x| x.range.clone())
            });
        // Else the sentence of the search match last jumped to, if on screen.
        let pane = &self.panes[p];
        let on_screen = |at: usize| {
            let row = pane.layout.row_of(at);
            row >= pane.top && row < pane.top + pane.height
        };
        let matched = match self.search.current {
            Some((a, i)) if a == article && focused.is_none() => {
                let at = self.search.matches[a].get(i).map(|r| r.start);
                at.filter(|&at| on_screen(at))
                    .and_then(|at| sentence_at(text, at))
            }
            _ => None,
        };
        let first = self.first_visible(p);
        let range = focused.or(matched).or_else(|| {
            sentence_at(text, first).map(|s| {
                if s.start < first {
                    // Begun above the screen: the next one, if it starts on it.
                    next_sentence_end(text, s.end)
                        .and_then(|e| sentence_at(text, e.saturating_sub(1)))
                        .filter(|n| n.start > s.start)
                        .unwrap_or(s)
                } else {
                    s
                }
            })
        });
        match range {
            Some(r) if !r.is_empty() => {
                self.selections[article] = Some(r.clone());
                self.reveal(p, r.start);
                self.say_selection(article);
            }
            _ => self.message = Some("nothing to select here".into()),
        }
    }

    /// Moves the focused article's selection by `step`.
    pub(crate) fn step_selection(&mut self, step: Move) {
        let p = self.active_pane();
        let article = self.panes[p].article;
        let Some(r) = self.selections[article].clone() else {
            return;
        };
        let text = &self.story.articles[article].text;
        let (start, end) = (r.start, r.end);
        let moved = match step {
            Move::SentenceOn => next_sentence_end(text, end).map(|e| start..e),
            Move::SentenceBack => prev_sentence_end(text, start, end).map(|e| start..e),
            Move::WordOn => word_end(text, end, true).map(|e| start..e),
            Move::WordBack => word_end(text, end, false)
                .filter(|&e| e > start)
                .map(|e| start..e),
            Move::StartEarlier => word_start(text, start, true).map(|s| s..end),
            Move::StartLater => word_start(text, start, false)
                .filter(|&s| s < end)
                .map(|s| s..end),
        };
        match moved {
            Some(r) => {
                let at = if matches!(step, Move::StartEarlier | Move::StartLater) {
                    r.start
                } else {
                    r.end.saturating_sub(1)
                };
                self.selections[article] = Some(r);
                self.reveal(p, at);
                self.say_selection(article);
            }
            None => self.say_selection(article),
        }
    }

    /// `Esc` on a selection: drops it.
    pub(crate) fn cancel_selection(&mut self) {
        let article = self.panes[self.active_pane()].article;
        self.selections[article] = None;
        self.message = Some("selection cancelled".into());
    }

    /// `Enter` on a selection: the speaker picker, to make it a quote.
    pub(crate) fn quote_from_selection(&mut self) {
        let article = self.panes[self.active_pane()].article;
        if let Some(r) = self.selections[article].clone() {
            self.open_picker(Pick::NewQuote(article, r));
        }
    }

    /// The status line while selecting: how much, and what next.
    fn say_selection(&mut self, article: usize) {
        let Some(r) = &self.selections[article] else {
            return;
        };
        let text = &self.story.articles[article].text[r.clone()];
        let words = text.unicode_words().count();
        let other = self
            .panes
            .iter()
            .any(|x| x.article != article && self.selections[x.article].is_some());
        self.message = Some(format!(
            "selected {words} word{}: j/k a sentence, w/b a word, W/B its start · Enter quote{} · Esc cancel",
            if words == 1 { "" } else { "s" },
            if other {
                " · L link the two"
            } else {
                " · select in the other article to link (L)"
            }
        ));
    }

    /// A mouse drag from where the button went down to cell `(x, y)`:
    /// selects the words between, in the pane it began in.
    pub(crate) fn drag(&mut self, x: u16, y: u16) {
        let Some((p, from)) = self.drag_from else {
            return;
        };
        let Some(to) = self.byte_at(p, x, y) else {
            return;
        };
        let article = self.panes[p].article;
        let text = &self.story.articles[article].text;
        let (a, b) = (from.min(to), from.max(to));
        let start = word_start(text, a + 1, true)
            .filter(|&s| s <= a)
            .unwrap_or(a);
        let end = word_end(text, b, true).unwrap_or(b);
        // Within the word `b` falls in: its own end.
        let end = text[..end]
            .rfind(|c: char| !c.is_alphanumeric() && !".,;:!?\"”’)".contains(c))
            .filter(|&i| i >= b)
            .unwrap_or(end);
        if end > start {
            self.focus = super::Focus::Pane(p);
            self.selections[article] = Some(start..end);
            self.say_selection(article);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str =
        "First one here. Second one, \"quoted.\" Third.\n\nNext paragraph starts. It ends.\n";

    #[test]
    fn sentences_step_across_paragraphs() {
        let s = sentence_at(T, 3).unwrap();
        assert_eq!(&T[s.clone()], "First one here.");
        let e = next_sentence_end(T, s.end).unwrap();
        assert_eq!(&T[s.start..e], "First one here. Second one, \"quoted.\"");
        let e2 = next_sentence_end(T, T.find("Third.").unwrap() + 6).unwrap();
        assert_eq!(&T[e2 - 22..e2], "Next paragraph starts.");
        assert_eq!(prev_sentence_end(T, 0, e), Some(s.end));
        assert_eq!(prev_sentence_end(T, 0, s.end), None);
    }

    #[test]
    fn words_step_with_their_punctuation() {
        let e = word_end(T, 5, true).unwrap();
        assert_eq!(&T[..e], "First one");
        let e = word_end(T, 10, true).unwrap();
        assert_eq!(&T[..e], "First one here.");
        assert_eq!(word_end(T, 9, false), Some(5));
        assert_eq!(word_start(T, 6, true), Some(0));
        assert_eq!(word_start(T, 0, false), Some(6));
    }
}
