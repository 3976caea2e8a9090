//! Text layout for the reader panes: wraps an article to a column width into
//! display rows, maps byte offsets to rows, and cuts a row into sanitised,
//! drawable pieces. Pure and independent of the terminal: nothing here draws.
//!
//! Widths are measured exactly as ratatui's `Buffer::set_stringn` measures
//! them (per grapheme cluster), so a row's pieces drawn one after another at
//! their accumulated x offsets fill exactly the cells the layout counted.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// Tabs expand to the next multiple of this many columns from the row start.
pub const TAB_STOP: usize = 4;

/// What a grapheme cluster wider than the whole layout width is drawn as.
pub const OVERWIDE: char = '?';

/// A wrapped article: the rows it occupies at a given width.
///
/// Rows partition the text: row 0 starts at 0, each row starts where the
/// previous one ends and the last ends at the text's length. Only row starts
/// are stored (one `usize` per row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    width: usize,
    text_len: usize,
    /// Start offset of every row; never empty, `starts[0] == 0`, increasing.
    starts: Vec<usize>,
}

/// The byte range of the text a row covers (including hanging whitespace
/// and the line break that ends it, if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// A drawable run of one row: sanitised `text` showing the graphemes of the
/// source range `bytes`, `width` cells wide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub bytes: Range<usize>,
    pub text: String,
    pub width: usize,
}

impl Layout {
    /// Wraps `text` to `width` columns (0 is treated as 1).
    pub fn new(text: &str, width: usize) -> Layout {
        let width = width.max(1);
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut wrap = Wrapper::new(width, len);
        // The previous cluster was a wide (CJK, emoji) word cluster.
        let mut prev_wide = false;
        let mut i = 0;
        while i < len {
            let b = bytes[i];
            let next_ascii = i + 1 >= len || bytes[i + 1] < 0x80;
            if b < 0x80 && next_ascii {
                // ASCII fast path: every byte is a cluster, except "\r\n".
                match b {
                    b'\n' => {
                        i += 1;
                        wrap.newline(i);
                    }
                    b'\r' => {
                        i += if bytes.get(i + 1) == Some(&b'\n') {
                            2
                        } else {
                            1
                        };
                        wrap.newline(i);
                    }
                    b' ' => {
                        wrap.space(1);
                        i += 1;
                    }
                    b'\t' => {
                        wrap.tab();
                        i += 1;
                    }
                    _ => {
                        let mut e = i + 1;
                        while e < len && is_ascii_word_byte(bytes[e]) {
                            e += 1;
                        }
                        // A byte followed by non-ASCII may join its cluster:
                        // leave it to the slow path. `e - 1 > i` here, since
                        // `bytes[i + 1]` is ASCII.
                        if e < len && bytes[e] >= 0x80 {
                            e -= 1;
                        }
                        wrap.run(i, e, prev_wide && b.is_ascii_alphanumeric());
                        i = e;
                    }
                }
                prev_wide = false;
                continue;
            }
            // Slow path: segment a window that starts at a cluster boundary
            // (`i`: the text start or after an ASCII byte that no non-ASCII
            // follows) and ends between two ASCII bytes, the first not "\r"
            // (always a cluster boundary), or at the end of the text.
            let mut r = if b >= 0x80 { i + 1 } else { i + 2 };
            while r < len && !(bytes[r - 1] < 0x80 && bytes[r] < 0x80 && bytes[r - 1] != b'\r') {
                r += 1;
            }
            for (off, g) in text[i..r].grapheme_indices(true) {
                let c = classify(g);
                match c.kind {
                    Kind::Break => wrap.newline(i + off + g.len()),
                    Kind::Tab => wrap.tab(),
                    Kind::Space => wrap.space(c.width),
                    Kind::Word => {
                        let first = g.chars().next().unwrap_or(' ');
                        let may_break = (c.width >= 2 && !no_break_before(first))
                            || (prev_wide && first.is_alphanumeric());
                        wrap.word(i + off, c.width, may_break);
                    }
                }
                prev_wide = c.kind == Kind::Word && c.width >= 2;
            }
            i = r;
        }
        wrap.finish()
    }

    /// Adds an empty row between paragraphs, for texts that separate them by a
    /// single line break (one paragraph a line, no blank lines): after every
    /// row that ends a line, when the next row starts a line that is not blank.
    /// Gap rows are empty (`start == end`) and [`Layout::row_of`] never returns
    /// one for a byte of the text.
    pub fn with_paragraph_gaps(mut self, text: &str) -> Layout {
        let ends_line =
            |at: usize| matches!(text.as_bytes().get(at.wrapping_sub(1)), Some(b'\n' | b'\r'));
        let blank = |r: Row| text[r.start..r.end].trim().is_empty();
        let mut starts = Vec::with_capacity(self.starts.len() * 5 / 4);
        for i in 0..self.starts.len() {
            let r = self.row(i);
            if i > 0 && ends_line(r.start) && !blank(r) && !blank(self.row(i - 1)) {
                starts.push(r.start);
            }
            starts.push(r.start);
        }
        self.starts = starts;
        self
    }

    /// True when the text has no blank line: paragraphs are single lines.
    pub fn wants_paragraph_gaps(text: &str) -> bool {
        text.contains('\n') && !text.contains("\n\n") && !text.contains("\n\r\n")
    }

    /// The width this layout wraps to (at least 1).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of rows; at least 1, even for an empty text.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Always false: even an empty text has one (empty) row.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Length in bytes of the text this layout was made for.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// Row `i`. Out of range (`i >= len()`) gives the empty row at the text's end.
    pub fn row(&self, i: usize) -> Row {
        match self.starts.get(i) {
            Some(&start) => Row {
                start,
                end: self.starts.get(i + 1).copied().unwrap_or(self.text_len),
            },
            None => Row {
                start: self.text_len,
                end: self.text_len,
            },
        }
    }

    /// All rows, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// The row showing byte offset `byte`; offsets at or after the end of
    /// the text map to the last row. O(log rows).
    pub fn row_of(&self, byte: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1)
    }

    /// The drawable pieces of row `i`, split at every offset in `breaks`
    /// (sorted byte offsets where the caller's styles change; offsets outside
    /// the row are ignored, an offset inside a grapheme cluster splits at
    /// the cluster's start).
    ///
    /// The pieces are contiguous and cover the row from its start to the end
    /// of its last visible cluster: hanging whitespace and the line break are
    /// in no piece. Besides at `breaks`, a piece is only split next to a
    /// sanitised cluster whose replacement would otherwise merge with its
    /// neighbour into a different cluster (which would change the width).
    /// A piece may have empty text (when it shows only dropped characters).
    /// `text` must be the text the layout was made for. Costs O(row length +
    /// log(breaks) + breaks in the row).
    pub fn pieces(&self, text: &str, i: usize, breaks: &[usize]) -> Vec<Piece> {
        let row = self.row(i);
        let Some(src) = text.get(row.start..row.end) else {
            return Vec::new();
        };
        // The end of the last visible (non-blank) cluster.
        let mut content_end = row.start;
        for (off, g) in src.grapheme_indices(true) {
            if classify(g).kind == Kind::Word {
                content_end = row.start + off + g.len();
            }
        }
        let mut out = Vec::new();
        if content_end == row.start {
            return out;
        }
        let mut bi = breaks.partition_point(|&b| b <= row.start);
        let mut cur = Piece {
            bytes: row.start..row.start,
            text: String::new(),
            width: 0,
        };
        let mut col = 0;
        // The last cluster appended was sanitised or dropped: the next one
        // must be checked for joining it.
        let mut dirty = false;
        for (off, g) in text[row.start..content_end].grapheme_indices(true) {
            let s = row.start + off;
            let e = s + g.len();
            let mut split = false;
            while bi < breaks.len() && breaks[bi] < e {
                split = true;
                bi += 1;
            }
            if split && s > cur.bytes.start {
                out.push(std::mem::replace(&mut cur, empty_piece(s)));
                dirty = false;
            }
            let c = classify(g);
            let (draw, w) = match c.kind {
                Kind::Tab => {
                    let w = TAB_STOP - col % TAB_STOP;
                    (Draw::Spaces(w), w)
                }
                Kind::Word if c.width > self.width => (Draw::Char(OVERWIDE), 1),
                _ => (c.draw, c.width),
            };
            let junction = cur.text.len();
            match draw {
                Draw::Keep => cur.text.push_str(g),
                Draw::Char(ch) => cur.text.push(ch),
                Draw::Spaces(n) => cur.text.extend(std::iter::repeat_n(' ', n)),
                Draw::Drop => {}
            }
            let sanitised = !matches!(draw, Draw::Keep);
            if (dirty || sanitised) && junction > 0 && !is_boundary(&cur.text, junction) {
                // Drawn together, the two would form another cluster.
                let tail = cur.text.split_off(junction);
                out.push(std::mem::replace(&mut cur, empty_piece(s)));
                cur.text = tail;
            }
            dirty = sanitised;
            cur.bytes.end = e;
            cur.width += w;
            col += w;
        }
        out.push(cur);
        out
    }
}

/// Text from a story file made safe and one-line for the screen: controls
/// shown as symbols, line breaks as spaces, bidi controls dropped.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32),
            '\u{7f}' => Some('\u{2421}'),
            '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
            c if crate::story::is_bidi_control(c) || c == '\u{feff}' => None,
            c => Some(c),
        })
        .collect()
}

/// Cuts `s` to at most `width` display cells, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let gw = g.width();
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Display width of one grapheme cluster as drawn by [`Layout::pieces`]:
/// the measure ratatui's buffer uses (`unicode-width` of the whole cluster,
/// plus one per halfwidth (semi-)voiced sound mark, 1 for any single ASCII
/// byte), after sanitising (control pictures and U+FFFD are 1, dropped
/// characters 0). Line breaks and tabs give 0 (a tab's width depends on its
/// column). A cluster wider than a layout's width is drawn there as `?`.
pub fn grapheme_width(g: &str) -> usize {
    let c = classify(g);
    match c.kind {
        Kind::Break | Kind::Tab => 0,
        Kind::Space | Kind::Word => c.width,
    }
}

fn empty_piece(at: usize) -> Piece {
    Piece {
        bytes: at..at,
        text: String::new(),
        width: 0,
    }
}

/// Whether there is a grapheme-cluster boundary at `at` in `s`.
fn is_boundary(s: &str, at: usize) -> bool {
    GraphemeCursor::new(at, s.len(), true)
        .is_boundary(s, 0)
        .unwrap_or(true)
}

/// Printable ASCII or a C0 control / DEL other than the blanks and line
/// breaks: a one-cell word character.
fn is_ascii_word_byte(b: u8) -> bool {
    b < 0x80 && !matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Closing punctuation and marks a CJK line should not start with.
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '》'
            | '〕'
            | '］'
            | '｝'
            | 'ー'
            | '々'
            | '〜'
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// "\n", "\r" or "\r\n".
    Break,
    Tab,
    /// A break opportunity that hangs at a wrap point.
    Space,
    /// Anything else, drawn.
    Word,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Draw {
    /// The cluster as it is.
    Keep,
    /// A replacement character.
    Char(char),
    /// `n` spaces (tabs).
    Spaces(usize),
    /// Nothing (zero width).
    Drop,
}

#[derive(Clone, Copy, Debug)]
struct Class {
    kind: Kind,
    draw: Draw,
    width: usize,
}

const fn class(kind: Kind, draw: Draw, width: usize) -> Class {
    Class { kind, draw, width }
}

/// Characters that must never reach the terminal as they are.
fn is_forbidden(c: char) -> bool {
    c.is_control() || is_bidi_or_bom(c)
}

fn is_bidi_or_bom(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// Kind, drawing and width (tabs: 0) of one grapheme cluster.
fn classify(g: &str) -> Class {
    let bytes = g.as_bytes();
    if bytes.len() == 1 {
        return match bytes[0] {
            b'\n' | b'\r' => class(Kind::Break, Draw::Drop, 0),
            b'\t' => class(Kind::Tab, Draw::Spaces(0), 0),
            b' ' => class(Kind::Space, Draw::Keep, 1),
            b @ 0..=0x1f => class(
                Kind::Word,
                Draw::Char(char::from_u32(0x2400 + u32::from(b)).unwrap_or('\u{fffd}')),
                1,
            ),
            0x7f => class(Kind::Word, Draw::Char('\u{2421}'), 1),
            _ => class(Kind::Word, Draw::Keep, 1),
        };
    }
    if g == "\r\n" {
        return class(Kind::Break, Draw::Drop, 0);
    }
    let mut chars = g.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.as_str().is_empty() {
        match first {
            '\u{80}'..='\u{9f}' => return class(Kind::Word, Draw::Char('\u{fffd}'), 1),
            c if is_bidi_or_bom(c) => return class(Kind::Word, Draw::Drop, 0),
            '\u{200b}' => return class(Kind::Space, Draw::Drop, 0),
            '\u{2028}' | '\u{2029}' => return class(Kind::Space, Draw::Char(' '), 1),
            '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200a}'
            | '\u{205f}'
            | '\u{3000}' => {
                return class(Kind::Space, Draw::Keep, ratatui_width(g));
            }
            _ => {}
        }
    } else if g.chars().any(is_forbidden) {
        // Cannot happen with standard segmentation (controls are clusters
        // of their own), but never let one through.
        return class(Kind::Word, Draw::Char('\u{fffd}'), 1);
    }
    match ratatui_width(g) {
        0 => class(Kind::Word, Draw::Drop, 0),
        w => class(Kind::Word, Draw::Keep, w),
    }
}

/// ratatui-core's `CellWidth for str`, for a non-control cluster.
fn ratatui_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    let marks = g
        .chars()
        .filter(|&c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count();
    g.width() + marks
}

/// Greedy wrapping over a stream of clusters.
struct Wrapper {
    width: usize,
    text_len: usize,
    starts: Vec<usize>,
    row_start: usize,
    /// Width of the drawn content of the current row so far.
    col: usize,
    /// Column after the pending whitespace (not drawn unless a word follows
    /// on this row); `None` when no whitespace is pending.
    ws: Option<usize>,
    /// The latest break opportunity on this row: the offset the next row
    /// would start at and the column the content after it starts at.
    brk: Option<(usize, usize)>,
}

impl Wrapper {
    fn new(width: usize, text_len: usize) -> Wrapper {
        let mut starts = Vec::with_capacity(text_len / width.saturating_mul(2).max(16) + 1);
        starts.push(0);
        Wrapper {
            width,
            text_len,
            starts,
            row_start: 0,
            col: 0,
            ws: None,
            brk: None,
        }
    }

    fn new_row(&mut self, at: usize) {
        self.starts.push(at);
        self.row_start = at;
        self.col = 0;
        self.ws = None;
        self.brk = None;
    }

    /// A line break ending at `end`.
    fn newline(&mut self, end: usize) {
        self.new_row(end);
    }

    /// Whitespace `w` cells wide.
    fn space(&mut self, w: usize) {
        self.ws = Some(self.ws.unwrap_or(self.col) + w);
    }

    fn tab(&mut self) {
        let c = self.ws.unwrap_or(self.col);
        self.ws = Some(c + TAB_STOP - c % TAB_STOP);
    }

    /// A word cluster starting at `s`, `w` cells wide; `may_break` if a row
    /// may start at it even without whitespace before it.
    fn word(&mut self, s: usize, w: usize, may_break: bool) {
        let w = if w > self.width { 1 } else { w }; // drawn as OVERWIDE
        let base = match self.ws.take() {
            Some(c) => {
                self.brk = Some((s, c));
                c
            }
            None => {
                if may_break {
                    self.brk = Some((s, self.col));
                }
                self.col
            }
        };
        let mut c = base + w;
        if c > self.width {
            if let Some((b, bc)) = self.brk.filter(|&(b, _)| b > self.row_start) {
                // Everything since the break opportunity moves down.
                self.new_row(b);
                c -= bc;
            }
            if c > self.width {
                // Still too long: break the word before this cluster.
                if s > self.row_start {
                    self.new_row(s);
                }
                c = w;
            }
        }
        self.col = c;
    }

    /// A run of one-cell clusters at `s..e` (`e > s`), with no break
    /// opportunity inside.
    fn run(&mut self, s: usize, e: usize, may_break: bool) {
        self.word(s, 1, may_break);
        let mut p = s + 1;
        while p < e {
            let room = self.width - self.col;
            if e - p <= room {
                self.col += e - p;
                return;
            }
            p += room;
            self.col = self.width;
            self.word(p, 1, false);
            p += 1;
        }
    }

    fn finish(mut self) -> Layout {
        // A final line break ends the last line; it starts no empty row.
        if self.starts.len() > 1 && self.starts.last() == Some(&self.text_len) {
            self.starts.pop();
        }
        self.starts.shrink_to_fit();
        Layout {
            width: self.width,
            text_len: self.text_len,
            starts: self.starts,
        }
    }
}

#[cfg(test)]
mod gap_tests {
    use super::*;

    #[test]
    fn paragraph_gaps_between_single_line_paragraphs() {
        let text = "one two\nthree four five\nsix";
        assert!(Layout::wants_paragraph_gaps(text));
        assert!(!Layout::wants_paragraph_gaps("a\n\nb"));
        let l = Layout::new(text, 10).with_paragraph_gaps(text);
        let rows: Vec<&str> = l.rows().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(rows, ["one two\n", "", "three four ", "five\n", "", "six"]);
        assert_eq!(l.row_of(8), 2);
        assert_eq!(l.row_of(text.len() - 1), 5);
        assert!(l.pieces(text, 1, &[]).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// The source text of every row.
    fn rows(text: &str, width: usize) -> Vec<&str> {
        let l = Layout::new(text, width);
        l.rows().map(|r| &text[r.start..r.end]).collect()
    }

    /// The drawn text of every row (pieces joined, no breaks).
    fn drawn(text: &str, width: usize) -> Vec<String> {
        let l = Layout::new(text, width);
        (0..l.len())
            .map(|i| {
                let p = l.pieces(text, i, &[]);
                assert!(p.len() <= 1, "unexpected split: {p:?}");
                let w: usize = p.iter().map(|p| p.width).sum();
                assert!(w <= l.width(), "row {i} is {w} wide: {p:?}");
                p.into_iter().map(|p| p.text).collect()
            })
            .collect()
    }

    #[test]
    fn plain_wrap() {
        let t = "the quick brown fox";
        assert_eq!(rows(t, 10), ["the quick ", "brown fox"]);
        assert_eq!(drawn(t, 10), ["the quick", "brown fox"]);
        let l = Layout::new(t, 10);
        assert_eq!(l.width(), 10);
        assert_eq!(l.len(), 2);
        assert!(!l.is_empty());
        assert_eq!(
            l.pieces(t, 0, &[]),
            [Piece {
                bytes: 0..9,
                text: "the quick".into(),
                width: 9
            }]
        );
        // Exactly fitting words stay on the row.
        assert_eq!(rows("abc def", 7), ["abc def"]);
        assert_eq!(rows("abc def", 6), ["abc ", "def"]);
        // Width 0 is treated as 1.
        assert_eq!(Layout::new("ab", 0).width(), 1);
        assert_eq!(rows("ab", 0), ["a", "b"]);
    }

    #[test]
    fn long_word_is_broken() {
        assert_eq!(rows("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
        assert_eq!(rows("ab abcdefghijkl", 5), ["ab ", "abcde", "fghij", "kl"]);
        assert_eq!(rows("abcdefg hi", 5), ["abcde", "fg hi"]);
    }

    #[test]
    fn whitespace_hangs() {
        assert_eq!(rows("ab    cd", 4), ["ab    ", "cd"]);
        assert_eq!(drawn("ab    cd", 4), ["ab", "cd"]);
        assert_eq!(drawn("abc   \nd", 10), ["abc", "d"]);
        // Indentation at a paragraph start is drawn.
        assert_eq!(drawn("    code", 10), ["    code"]);
        // Whitespace alone never makes a row.
        assert_eq!(rows("a            ", 3), ["a            "]);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(rows("ab\r\ncd\r\n", 10), ["ab\r\n", "cd\r\n"]);
        assert_eq!(drawn("ab\r\ncd\r\n", 10), ["ab", "cd"]);
        assert_eq!(rows("ab\rcd", 10), ["ab\r", "cd"]);
        assert_eq!(drawn("ab\rcd", 10), ["ab", "cd"]);
        assert_eq!(rows("a\nb", 10), ["a\n", "b"]);
        assert_eq!(rows("a\n", 10), ["a\n"]);
        assert_eq!(rows("a\n\n", 10), ["a\n", "\n"]);
        assert_eq!(rows("\n", 10), ["\n"]);
        assert_eq!(rows("a\n\nb\n", 10), ["a\n", "\n", "b\n"]);
        assert_eq!(drawn("a\n\nb\n", 10), ["a", "", "b"]);
        assert_eq!(rows("é\r\nb", 10), ["é\r\n", "b"]);
    }

    #[test]
    fn empty_text() {
        let l = Layout::new("", 10);
        assert_eq!(l.len(), 1);
        assert_eq!(l.row(0), Row { start: 0, end: 0 });
        assert!(l.pieces("", 0, &[0, 3]).is_empty());
        assert_eq!(l.row_of(0), 0);
        assert_eq!(l.row_of(7), 0);
        // Out of range rows are empty, at the end.
        assert_eq!(l.row(5), Row { start: 0, end: 0 });
    }

    #[test]
    fn tabs() {
        assert_eq!(drawn("a\tb", 20), ["a   b"]);
        assert_eq!(drawn("ab\tc\td", 20), ["ab  c   d"]);
        assert_eq!(drawn("\tx", 20), ["    x"]);
        assert_eq!(drawn("abcd\tx", 20), ["abcd    x"]);
        let l = Layout::new("a\tb", 20);
        assert_eq!(l.pieces("a\tb", 0, &[])[0].width, 5);
        // A tab that would overflow hangs.
        assert_eq!(rows("abcd\tefgh", 5), ["abcd\t", "efgh"]);
        assert_eq!(rows("\tabc", 2), ["\t", "ab", "c"]);
        // Tab stops count from the row start, after wrapping too.
        assert_eq!(drawn("xxxx yy\tz", 6), ["xxxx", "yy  z"]);
    }

    #[test]
    fn control_chars_are_visible() {
        let t = "a\x1b[2Jb\x07\x7f\u{9b}c";
        let d = drawn(t, 40);
        assert_eq!(d, ["a\u{241b}[2Jb\u{2407}\u{2421}\u{fffd}c"]);
        assert!(!d[0].contains("\x1b[2J"));
        assert!(!d[0].chars().any(|c| c.is_control()));
        let l = Layout::new(t, 40);
        assert_eq!(l.pieces(t, 0, &[])[0].width, 10);
        // Controls take one cell in wrapping as well.
        assert_eq!(rows("\x1b\x1b\x1b", 2), ["\x1b\x1b", "\x1b"]);
        // Vertical tab and form feed are not line breaks.
        assert_eq!(drawn("a\x0bb\x0c", 9), ["a\u{240b}b\u{240c}"]);
    }

    #[test]
    fn bidi_controls_and_bom_are_dropped() {
        let t = "\u{feff}ab\u{202e}cd\u{2066}e\u{200f}\u{61c}";
        assert_eq!(drawn(t, 40), ["abcde"]);
        let l = Layout::new(t, 40);
        let p = l.pieces(t, 0, &[]);
        assert_eq!(p[0].width, 5);
        assert_eq!(p[0].bytes, 0..t.len());
        // They take no room.
        assert_eq!(rows("ab\u{202e}cd", 4), ["ab\u{202e}cd"]);
    }

    #[test]
    fn cjk() {
        let t = "中文字符串";
        assert_eq!(rows(t, 5), ["中文", "字符", "串"]);
        assert_eq!(drawn(t, 5), ["中文", "字符", "串"]);
        let l = Layout::new(t, 5);
        assert_eq!(l.pieces(t, 0, &[])[0].width, 4);
        // Rows may break between ideographs, but not before closing punctuation.
        assert_eq!(rows("hello 世界你好", 8), ["hello 世", "界你好"]);
        assert_eq!(rows("世界。好", 4), ["世", "界。", "好"]);
        // Ideographic space is a break opportunity, two cells wide.
        assert_eq!(drawn("世\u{3000}界", 6), ["世\u{3000}界"]);
        assert_eq!(grapheme_width("\u{3000}"), 2);
    }

    #[test]
    fn emoji_and_zwj_sequences_stay_whole() {
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        assert_eq!(grapheme_width(family), 2);
        let t = format!("a{family}");
        assert_eq!(drawn(&t, 3), [t]);
        let t = format!("ab{family}c");
        assert_eq!(rows(&t, 2), ["ab", family, "c"]);
        assert_eq!(grapheme_width("❤\u{fe0f}"), 2);
        assert_eq!(grapheme_width("🇫🇷"), 2);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let t = "e\u{301}".repeat(6);
        assert_eq!(grapheme_width("e\u{301}"), 1);
        let l = Layout::new(&t, 3);
        assert_eq!(
            l.rows().collect::<Vec<_>>(),
            [Row { start: 0, end: 9 }, Row { start: 9, end: 18 }]
        );
        assert_eq!(drawn(&t, 3), ["e\u{301}".repeat(3), "e\u{301}".repeat(3)]);
        // A combining mark after an ASCII run joins its last letter.
        assert_eq!(rows("abcde\u{301}f", 5), ["abcde\u{301}", "f"]);
        assert_eq!(rows("abcd e\u{301}f", 4), ["abcd ", "e\u{301}f"]);
        // ratatui 0.30 adds a cell per halfwidth sound mark on top of
        // unicode-width 0.2.3 (which already counts it): mirror the buffer.
        assert_eq!(grapheme_width("ｶﾞ"), 3);
        // A mark after a space makes it a visible cluster, not a break.
        assert_eq!(grapheme_width(" \u{301}"), 1);
        assert_eq!(rows("ab \u{301}cd", 3), ["ab \u{301}", "cd"]);
    }

    #[test]
    fn too_wide_cluster_is_replaced() {
        let t = "中a👍";
        assert_eq!(rows(t, 1), ["中", "a", "👍"]);
        assert_eq!(drawn(t, 1), ["?", "a", "?"]);
        let l = Layout::new(t, 1);
        assert_eq!(l.pieces(t, 0, &[])[0].width, 1);
        assert_eq!(drawn("中", 2), ["中"]);
    }

    #[test]
    fn row_of_boundaries() {
        let t = "the quick brown fox\njumps";
        let l = Layout::new(t, 10);
        assert_eq!(rows(t, 10), ["the quick ", "brown fox\n", "jumps"]);
        assert_eq!(l.row_of(0), 0);
        assert_eq!(l.row_of(9), 0);
        assert_eq!(l.row_of(10), 1);
        assert_eq!(l.row_of(19), 1); // the newline
        assert_eq!(l.row_of(20), 2);
        assert_eq!(l.row_of(t.len()), 2);
        assert_eq!(l.row_of(t.len() + 100), 2);
        let t = "a\n";
        assert_eq!(Layout::new(t, 5).row_of(2), 0);
    }

    #[test]
    fn pieces_split_at_breaks() {
        let t = "hello world  \n";
        let l = Layout::new(t, 20);
        let p = l.pieces(t, 0, &[0, 2, 8, 12, 13, 40]);
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.bytes.clone(), p.text.as_str()))
            .collect();
        assert_eq!(got, [(0..2, "he"), (2..8, "llo wo"), (8..11, "rld")]);
        // A break inside a cluster splits at the cluster's start.
        let t = "ae\u{301}b";
        let l = Layout::new(t, 20);
        let p = l.pieces(t, 0, &[2]);
        let got: Vec<_> = p.iter().map(|p| (p.bytes.clone(), p.width)).collect();
        assert_eq!(got, [(0..1, 1), (1..5, 2)]);
        // Breaks on other rows are ignored.
        let t = "ab\ncd";
        let l = Layout::new(t, 20);
        assert_eq!(l.pieces(t, 1, &[1, 2, 3]).len(), 1);
        assert_eq!(l.pieces(t, 0, &[1, 2, 3]).len(), 2);
    }

    #[test]
    fn sanitised_neighbours_do_not_merge() {
        // Without the bidi mark the flags would pair differently.
        let t = "🇦\u{200e}🇧🇨";
        let l = Layout::new(t, 20);
        let p = l.pieces(t, 0, &[]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p.iter().map(|p| p.width).sum::<usize>(), 1 + 2);
        render_check(t, 20);
        // Nor would the skin tone and its emoji (two cells, not four).
        let t = "👍\u{200e}🏽";
        let p = Layout::new(t, 20).pieces(t, 0, &[]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].width + p[1].width, 4);
        render_check(t, 20);
        // An ordinary dropped mark does not split.
        let t = "ab\u{200e}cd";
        assert_eq!(Layout::new(t, 20).pieces(t, 0, &[]).len(), 1);
    }

    /// Draws every row's pieces into a ratatui buffer; each must advance by
    /// exactly its width, and the row must fit.
    fn render_check(text: &str, width: usize) -> Vec<Buffer> {
        let l = Layout::new(text, width);
        let mut out = Vec::new();
        for i in 0..l.len() {
            let mut buf = Buffer::empty(Rect::new(0, 0, width as u16, 1));
            let mut x = 0u16;
            for p in l.pieces(text, i, &[]) {
                let (nx, _) = buf.set_stringn(x, 0, &p.text, p.width, Style::default());
                assert_eq!(usize::from(nx - x), p.width, "{p:?} in row {i}");
                x = nx;
            }
            assert!(usize::from(x) <= width);
            out.push(buf);
        }
        out
    }

    #[test]
    fn renders_exactly_in_ratatui() {
        let t = "Tab\there 中文 and 👨\u{200d}👩\u{200d}👧 e\u{301}x \x1b[2J ｶﾞ\u{202e}!\r\nnext";
        let bufs = render_check(t, 12);
        let cells: Vec<Vec<String>> = bufs
            .iter()
            .map(|b| b.content().iter().map(|c| c.symbol().to_string()).collect())
            .collect();
        assert_eq!(rows(t, 12)[0], "Tab\there 中");
        // "Tab" + 1 space to col 4, "here", " ", then 中 in two cells.
        assert_eq!(cells[0][..9].concat(), "Tab here ");
        assert_eq!(cells[0][9], "中");
        assert_eq!(cells[0][11], " ");
        assert_eq!(cells[0].len(), 12);
        let l = Layout::new(t, 12);
        let p = l.pieces(t, 0, &[]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].width, 11);
        assert_eq!(p[0].text, "Tab here 中");
        // The escape sequence is drawn as text.
        let row = rows(t, 12).iter().position(|r| r.contains('\x1b')).unwrap();
        assert!(cells[row].concat().starts_with("\u{241b}[2J "));
        assert!(cells.iter().all(|r| !r.concat().contains('\x1b')));
        for w in 1..=14 {
            render_check(t, w);
        }
    }
}
