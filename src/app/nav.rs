//! Jumps: to linked passages (with the other article aligned), to quotes, to
//! search matches; the word diff of a focused link; the mouse.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use unicode_segmentation::UnicodeSegmentation;

use super::{App, Diff, Focus, Geometry};

/// Passages longer than this many words get no word diff (it is quadratic).
const MAX_DIFF_WORDS: usize = 400;

impl App {
    /// The first byte pane `p` shows.
    pub(crate) fn first_visible(&self, p: usize) -> usize {
        let pane = &self.panes[p];
        pane.layout.row(pane.top.min(pane.layout.len() - 1)).start
    }

    /// Scrolls pane `p` so that `byte` is in view; returns its screen row.
    pub(crate) fn reveal(&mut self, p: usize, byte: usize) -> usize {
        let pane = &self.panes[p];
        let row = pane.layout.row_of(byte);
        if row < pane.top || row >= pane.top + pane.height {
            self.panes[p].top = row.saturating_sub(pane.height / 3);
            self.clamp(p);
        }
        row - self.panes[p].top
    }

    /// `]` / `[`: the next or previous linked passage of pane `p`'s article.
    pub(crate) fn step_link(&mut self, p: usize, forward: bool) {
        let article = self.panes[p].article;
        let list = self.passages(article);
        if list.is_empty() {
            self.message = Some("no linked passages in this article".into());
            return;
        }
        let current = self
            .focused_link
            .zip(self.link_at)
            .filter(|(_, (a, _))| *a == article)
            .map(|(l, (_, s))| (s, l));

        let idx = match (current, forward) {
            (Some(c), true) => list.partition_point(|&x| x <= c),
            (Some(c), false) => list.partition_point(|&x| x < c).wrapping_sub(1),
            (None, true) => list.partition_point(|&(s, _)| s < self.first_visible(p)),
            (None, false) => list
                .partition_point(|&(s, _)| s < self.first_visible(p))
                .wrapping_sub(1),
        };
        // Past either end, wrap round and land on the first (last) passage,
        // as vim's `]c` does with wrapscan, and say so.
        let (idx, wrap) = match list.get(idx) {
            Some(_) => (idx, None),
            None if forward => (0, Some("from the top")),
            None => (list.len() - 1, Some("from the bottom")),
        };
        let (start, link) = list[idx];
        self.focus_link(p, link, Some(start));
        if let Some(w) = wrap {
            self.message = Some(format!("{w} · {}", self.link_label(link)));
        }
    }

    /// How the status bar names link `l`: `conflict 1/14 · seven-hour vs six-hour`.
    pub fn link_label(&self, l: usize) -> String {
        let link = &self.story.links[l];
        let mut s = format!(
            "{} {}/{}",
            link.kind.as_str(),
            l + 1,
            self.story.links.len()
        );
        if let Some(n) = &link.note {
            s.push_str(" · ");
            s.push_str(n);
        }
        s
    }

    /// `o` / `O`: the next or previous passage of pane `p`'s article that no
    /// link joins to another article, brought to the upper third of the pane.
    pub(crate) fn step_only(&mut self, p: usize, forward: bool) {
        let article = self.panes[p].article;
        let list = &self.only[article];
        if list.is_empty() {
            self.message = Some("no passage only this article has".into());
            return;
        }
        let from = match self.only_at.filter(|(a, _)| *a == article) {
            Some((_, s)) if forward => list.partition_point(|r| r.start <= s),
            Some((_, s)) => list.partition_point(|r| r.start < s).wrapping_sub(1),
            None => {
                let first = self.first_visible(p);
                let k = list.partition_point(|r| r.start < first);
                if forward { k } else { k.wrapping_sub(1) }
            }
        };
        let (k, wrap) = if from >= list.len() {
            (if forward { 0 } else { list.len() - 1 }, true)
        } else {
            (from, false)
        };
        let (r, n) = (list[k].clone(), list.len());
        let row = self.panes[p].layout.row_of(r.start);
        self.panes[p].top = row.saturating_sub(self.panes[p].height / 3);
        self.clamp(p);
        self.only_at = Some((article, r.start));
        self.focused_link = None;
        self.diff = None;
        self.message = Some(format!(
            "only here: {} of {}{}",
            k + 1,
            n,
            if wrap { " (wrapped)" } else { "" }
        ));
    }

    /// The only-here passage last jumped to, if pane `p` shows its article.
    pub fn only_focused(&self, p: usize) -> Option<usize> {
        self.only_at
            .filter(|(a, _)| *a == self.panes[p].article)
            .map(|(_, s)| s)
    }

    /// Focuses `link`: shows its passage in pane `p` (the one starting at `at`,
    /// or the first), and scrolls the other pane so that the counterpart stands
    /// on the same row.
    pub(crate) fn focus_link(&mut self, p: usize, link: usize, at: Option<usize>) {
        let article = self.panes[p].article;
        let l = &self.story.links[link];
        let Some(mine) = l
            .passages
            .iter()
            .filter(|x| x.article == article)
            .map(|x| x.range.start)
            .find(|&s| at.is_none_or(|a| a == s))
        else {
            return;
        };
        let o = 1 - p;
        let other_article = self.panes[o].article;
        let counterpart = match l
            .passages
            .iter()
            .find(|x| x.article == other_article && x.article != article)
        {
            Some(x) => Some(x.range.start),
            None => {
                // Bring an article that holds the counterpart into the other pane.
                let x = l.passages.iter().find(|x| x.article != article).cloned();
                if let Some(x) = &x
                    && o == 1
                {
                    self.show_article(1, x.article);
                }
                x.filter(|x| self.panes[o].article == x.article)
                    .map(|x| x.range.start)
            }
        };
        let row = self.reveal(p, mine);
        if let Some(c) = counterpart {
            // Put the counterpart on the same screen row; where the other text
            // cannot scroll that far (near its top or end), move this one instead.
            let r = self.panes[o].layout.row_of(c);
            let top_o = (r - row.min(r)).min(self.max_top(o));
            self.panes[o].top = top_o;
            let s = r - top_o;
            let mine_row = self.panes[p].layout.row_of(mine);
            if mine_row >= s && mine_row - s <= self.max_top(p) && s < self.panes[p].height {
                self.panes[p].top = mine_row - s;
            }
        }

        self.focused_link = Some(link);
        self.link_at = Some((article, mine));
        self.current_quote = None;
        self.diff = Some(self.link_diff(link));
    }

    /// The words in which the passages of `link` differ, per passage article.
    pub(crate) fn link_diff(&self, link: usize) -> Diff {
        let l = &self.story.links[link];
        let words = |p: &crate::story::Passage| -> Vec<(Range<usize>, String)> {
            let text = &self.story.articles[p.article].text;
            text[p.range.clone()]
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| {
                    (
                        p.range.start + i..p.range.start + i + w.len(),
                        w.to_lowercase(),
                    )
                })
                .collect()
        };
        let mut out = Diff {
            link,
            words: Vec::new(),
        };
        for a in &l.passages {
            // Compare with the first passage of another article.
            let Some(b) = l.passages.iter().find(|b| b.article != a.article) else {
                continue;
            };
            let (wa, wb) = (words(a), words(b));
            if wa.len() > MAX_DIFF_WORDS || wb.len() > MAX_DIFF_WORDS {
                continue;
            }
            let common = lcs_mask(&wa, &wb);
            let differ: Vec<Range<usize>> = wa
                .iter()
                .zip(common)
                .filter(|(_, c)| !c)
                .map(|(w, _)| w.0.clone())
                .collect();
            out.words.push((a.article, differ));
        }
        out
    }

    /// `}` / `{`: the next or previous quote in pane `p`'s article.
    pub(crate) fn step_quote(&mut self, p: usize, forward: bool) {
        let article = self.panes[p].article;
        // (start, index) of the article's quotes, in text order.
        let of = self.quotes_of.get(article).map_or(&[][..], Vec::as_slice);
        let quotes = Keyed(of, &self.story.quotes);
        if quotes.is_empty() {
            self.message = Some("no quotes in this article".into());
            return;
        }
        let current = self
            .current_quote
            .filter(|&q| self.story.quotes[q].article == article)
            .map(|q| (self.story.quotes[q].range.start, q));
        let from = self.first_visible(p);
        let idx = match (current, forward) {
            (Some(c), true) => quotes.partition_point(|&x| x <= c),
            (Some(c), false) => quotes.partition_point(|&x| x < c).wrapping_sub(1),
            (None, true) => quotes.partition_point(|&(s, _)| s < from),
            (None, false) => quotes.partition_point(|&(s, _)| s < from).wrapping_sub(1),
        };
        let idx = if idx >= quotes.len() {
            if forward { 0 } else { quotes.len() - 1 }
        } else {
            idx
        };
        self.goto_quote(of[idx]);
    }

    /// Shows quote `q` in its article (bringing the article into the right pane
    /// if neither pane shows it) and selects it in the quotes pane.
    pub(crate) fn goto_quote(&mut self, q: usize) {
        let article = self.story.quotes[q].article;
        let p = match self.panes.iter().position(|x| x.article == article) {
            Some(p) => p,
            None => {
                self.show_article(1, article);
                1
            }
        };
        let start = self.story.quotes[q].range.start;
        self.reveal(p, start);
        self.current_quote = Some(q);
        self.focused_link = None;
        self.diff = None;
        if let Some(i) = self.listed_quotes().position(q) {
            self.quote_sel = i;
        }
    }

    /// How the status bar names quote `q`: `q5 · Chris Carter · direct · "told NZPA"`.
    pub fn quote_label(&self, q: usize) -> String {
        let quote = &self.story.quotes[q];
        let speaker = &self.story.speakers[quote.speaker].name;
        let mut s = format!("{} · {speaker} · {}", quote.id, quote.kind.as_str());
        if let Some(cue) = &quote.cue {
            s.push_str(&format!(" · \"{cue}\""));
        }
        s
    }

    /// Finds `query` in every article (ASCII case ignored) and jumps to the
    /// first match at or after the focused pane's top.
    pub(crate) fn run_search(&mut self, query: String) {
        if query.is_empty() {
            self.search = Default::default();
            return;
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([&query]);
        let Ok(ac) = ac else {
            self.message = Some("cannot search for that".into());
            return;
        };
        let matches: Vec<Vec<Range<usize>>> = self
            .story
            .articles
            .iter()
            .map(|a| ac.find_iter(&a.text).map(|m| m.range()).collect())
            .collect();
        self.search = super::Search {
            query,
            matches,
            current: None,
        };
        let total: usize = self.search.matches.iter().map(Vec::len).sum();
        if total == 0 {
            self.message = Some(format!("\"{}\": not found", self.search.query));
            return;
        }
        let p = self.active_pane();
        if self.search.matches[self.panes[p].article].is_empty() {
            let o = 1 - p;
            if !self.search.matches[self.panes[o].article].is_empty() {
                self.focus = Focus::Pane(o);
                self.relayout();
            }
        }
        self.step_match(true);
    }

    /// `n` / `N`: the next or previous match in the focused article.
    pub(crate) fn step_match(&mut self, forward: bool) {
        if self.search.query.is_empty() {
            // (The status line's hints name the search key in effect.)
            self.message = Some("no search yet".into());
            return;
        }
        let p = self.active_pane();
        let article = self.panes[p].article;
        let list = &self.search.matches[article];
        if list.is_empty() {
            self.message = Some(format!("\"{}\": not in this article", self.search.query));
            return;
        }
        let n = list.len();
        let idx = match self.search.current {
            Some((a, i)) if a == article => {
                if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }
            }
            _ => {
                let from = self.first_visible(p);
                let i = list.partition_point(|r| r.start < from);
                if forward { i % n } else { (i + n - 1) % n }
            }
        };
        let start = list[idx].start;
        self.search.current = Some((article, idx));
        // The match is the focus now (what `v` selects), not a quote or link.
        self.current_quote = None;
        self.focused_link = None;
        self.diff = None;
        self.reveal(p, start);
        let other: usize = self.search.matches[self.panes[1 - p].article].len();
        self.message = Some(format!(
            "\"{}\": {}/{n} here, {other} in the other article",
            self.search.query,
            idx + 1
        ));
    }

    /// Which pane a screen cell is in.
    fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        let inside =
            |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| r.contains((x, y).into()));
        if inside(self.geometry.speakers) {
            Some(Focus::Speakers)
        } else if inside(self.geometry.quotes) {
            Some(Focus::Quotes)
        } else {
            (0..2)
                .find(|&p| inside(self.geometry.articles[p]))
                .map(Focus::Pane)
        }
    }

    pub(crate) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let d = if down { 3 } else { -3 };
        match self.pane_at(x, y) {
            Some(Focus::Pane(p)) => self.scroll(p, d),
            Some(Focus::Speakers) => self.move_speaker(d),
            Some(Focus::Quotes) => self.move_quote(d),
            None => {}
        }
    }

    /// A click focuses the pane; on a list row it selects (and acts on) the row;
    /// on a linked passage it focuses the link.
    pub(crate) fn click(&mut self, x: u16, y: u16) {
        self.drag_from = None;
        let Some(f) = self.pane_at(x, y) else { return };
        self.focus = f;
        match f {
            Focus::Speakers | Focus::Quotes => {
                let r = Geometry::inner(
                    if f == Focus::Speakers {
                        self.geometry.speakers
                    } else {
                        self.geometry.quotes
                    }
                    .unwrap_or_default(),
                );
                if y < r.y || y >= r.y + r.height {
                    return;
                }
                let row = (y - r.y) as usize;
                if f == Focus::Speakers {
                    let i = self.speaker_top + row;
                    if i < self.story.speakers.len() {
                        self.speaker_sel = i;
                        self.select();
                    }
                } else {
                    let i = self.quote_top + row;
                    if i < self.listed_quotes().len() {
                        self.quote_sel = i;
                        self.select();
                    }
                }
            }
            Focus::Pane(p) => {
                let Some(byte) = self.byte_at(p, x, y) else {
                    return;
                };
                self.drag_from = Some((p, byte));
                let article = self.panes[p].article;
                if let Some(q) = self.marks[article].at(byte).and_then(|s| s.quote) {
                    // On a quote: it is what the edit keys act on.
                    self.current_quote = Some(q as usize);
                    self.focused_link = None;
                    self.diff = None;
                    self.message = Some(self.quote_label(q as usize));
                    return;
                }
                let links = self.marks[self.panes[p].article]
                    .at(byte)
                    .map(|s| self.marks[self.panes[p].article].links_of(s).to_vec())
                    .unwrap_or_default();
                if let Some(&l) = links.first() {
                    let at = self.story.links[l as usize]
                        .passages
                        .iter()
                        .find(|x| x.article == self.panes[p].article && x.range.contains(&byte))
                        .map(|x| x.range.start);
                    self.focus_link(p, l as usize, at);
                }
            }
        }
    }

    /// The text byte drawn at a screen cell of pane `p`.
    pub(crate) fn byte_at(&self, p: usize, x: u16, y: u16) -> Option<usize> {
        let area = Geometry::text_area(self.geometry.articles[p]?);
        if !area.contains((x, y).into()) {
            return None;
        }
        let pane = &self.panes[p];
        let row = pane.top + (y - area.y) as usize;
        if row >= pane.layout.len() {
            return None;
        }
        let text = &self.story.articles[pane.article].text;
        let mut col = 0;
        for piece in pane.layout.pieces(text, row, &[]) {
            if (x - area.x) as usize >= col && ((x - area.x) as usize) < col + piece.width {
                // Within a piece, count graphemes by width to find the byte.
                let mut c = col;
                for (i, g) in text[piece.bytes.clone()].grapheme_indices(true) {
                    c += crate::layout::grapheme_width(g).max(1);
                    if c > (x - area.x) as usize {
                        return Some(piece.bytes.start + i);
                    }
                }
                return Some(piece.bytes.start);
            }
            col += piece.width;
        }
        None
    }
}

/// Quote indices seen as their (start, index) keys, for binary search
/// without collecting them.
struct Keyed<'a>(&'a [usize], &'a [crate::story::Quote]);

impl Keyed<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn partition_point(&self, pred: impl Fn(&(usize, usize)) -> bool) -> usize {
        self.0
            .partition_point(|&i| pred(&(self.1[i].range.start, i)))
    }
}

/// For each word of `a`, whether it is in a longest common subsequence with `b`.
fn lcs_mask(a: &[(Range<usize>, String)], b: &[(Range<usize>, String)]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if a[i].1 == b[j].1 {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let mut mask = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].1 == b[j].1 {
            mask[i] = true;
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    mask
}
