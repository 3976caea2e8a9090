//! Property tests for `verso::layout`: rows partition the text, pieces fit the
//! width, split exactly at the caller's style breaks, cover every visible
//! grapheme, never carry terminal controls, and draw in ratatui exactly as
//! wide as they claim.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use verso::layout::{Layout, Piece, grapheme_width};

/// Pieces of text that trip up wrapping and measuring.
const SPECIMENS: &[&str] = &[
    "中",
    "文字",
    "。",
    "\u{3000}",
    "😀",
    "👍🏽",
    "👍",
    "🏽",
    "\u{1100}",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🇫🇷",
    "🇦",
    "❤\u{fe0f}",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{fe0f}",
    "\u{202e}",
    "\u{2066}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{feff}",
    "\x1b[2J",
    "\x07",
    "\x00",
    "\x0b",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{a0}",
    "ｶﾞ",
    "ﾞ",
    "한",
    "\u{1100}\u{1161}",
    "क्षि",
    "\u{600}",
    "\u{2028}",
    "é",
    "\u{ad}",
    "\u{e0041}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9.,'-]{1,12}",
        4 => Just(" ".to_string()),
        1 => Just("   ".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\r".to_string()),
        1 => Just("\t".to_string()),
        4 => prop::sample::select(SPECIMENS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Random text, a width and random style breaks (sorted, deduplicated).
fn case() -> impl Strategy<Value = (String, usize, Vec<usize>)> {
    (
        prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat()),
        1..=80usize,
    )
        .prop_flat_map(|(t, w)| {
            let n = t.len();
            (
                Just(t),
                Just(w),
                prop::collection::vec(0..=n + 2, 0..24).prop_map(|mut b| {
                    b.sort_unstable();
                    b.dedup();
                    b
                }),
            )
        })
}

fn is_line_break(g: &str) -> bool {
    matches!(g, "\n" | "\r" | "\r\n")
}

/// Whitespace (or a line break) that may hang at a row end.
fn is_blank(g: &str) -> bool {
    is_line_break(g) || g.chars().all(|c| c.is_whitespace() || c == '\u{200b}')
}

fn is_bidi_or_bom(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A cluster that is not drawn as it is (so its neighbours may need a
/// piece of their own).
fn is_sanitised(g: &str, width: usize) -> bool {
    g.chars()
        .any(|c| c.is_control() || is_bidi_or_bom(c) || matches!(c, '\u{2028}' | '\u{2029}'))
        || grapheme_width(g) == 0
        || grapheme_width(g) > width
}

/// The grapheme cluster boundaries of `text` (including 0 and len).
fn boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

/// The start of the cluster containing `b` (b itself on a boundary).
fn cluster_start(bounds: &[usize], b: usize) -> usize {
    bounds[bounds.partition_point(|&x| x <= b) - 1]
}

fn check(text: &str, width: usize, breaks: &[usize]) -> Result<(), TestCaseError> {
    let l = Layout::new(text, width);
    let bounds = boundaries(text);
    prop_assert!(!l.is_empty());
    prop_assert_eq!(l.width(), width);

    // Rows partition the text, at cluster boundaries.
    let rows: Vec<_> = (0..l.len()).map(|i| l.row(i)).collect();
    prop_assert_eq!(rows[0].start, 0);
    prop_assert_eq!(rows[rows.len() - 1].end, text.len());
    for (i, r) in rows.iter().enumerate() {
        prop_assert!(r.start <= r.end);
        prop_assert!(r.start < r.end || text.is_empty(), "empty row {}", i);
        prop_assert!(bounds.binary_search(&r.start).is_ok());
        if i > 0 {
            prop_assert_eq!(r.start, rows[i - 1].end);
            // A wrapped row starts with a visible cluster, not whitespace.
            let prev = &text[rows[i - 1].start..rows[i - 1].end];
            let ended_line = prev.ends_with('\n') || prev.ends_with('\r');
            let first = text[r.start..].graphemes(true).next().unwrap_or("");
            prop_assert!(
                ended_line || !matches!(first, " " | "\t"),
                "row {} starts with whitespace after a wrap",
                i
            );
        }
        // Line breaks end rows.
        for (off, g) in text[r.start..r.end].grapheme_indices(true) {
            if is_line_break(g) {
                prop_assert_eq!(r.start + off + g.len(), r.end);
            }
        }
    }

    // row_of finds the row containing each offset; past the end, the last.
    for b in 0..=text.len() + 2 {
        let i = l.row_of(b);
        let r = rows[i];
        if b >= text.len() {
            prop_assert_eq!(i, rows.len() - 1);
        } else {
            prop_assert!(r.start <= b && b < r.end, "row_of({}) = {}", b, i);
        }
    }

    for (i, r) in rows.iter().enumerate() {
        let pieces = l.pieces(text, i, breaks);
        check_row(text, width, breaks, &bounds, i, *r, &pieces)?;
        // Without breaks the row is still covered the same way.
        let whole = l.pieces(text, i, &[]);
        let span = |p: &[Piece]| p.first().map(|f| f.bytes.start..p[p.len() - 1].bytes.end);
        prop_assert_eq!(span(&whole), span(&pieces));
        prop_assert_eq!(
            whole.iter().map(|p| p.width).sum::<usize>(),
            pieces.iter().map(|p| p.width).sum::<usize>()
        );
    }
    Ok(())
}

fn check_row(
    text: &str,
    width: usize,
    breaks: &[usize],
    bounds: &[usize],
    i: usize,
    row: verso::layout::Row,
    pieces: &[Piece],
) -> Result<(), TestCaseError> {
    // (1) The row fits.
    let total: usize = pieces.iter().map(|p| p.width).sum();
    prop_assert!(total <= width, "row {} is {} wide: {:?}", i, total, pieces);

    // (2) Pieces are in order, contiguous, inside the row, on cluster
    // boundaries, and cover every visible cluster; what follows them is
    // hanging whitespace and the line break.
    let (lo, hi) = match (pieces.first(), pieces.last()) {
        (Some(f), Some(l)) => (f.bytes.start, l.bytes.end),
        _ => (row.start, row.start),
    };
    prop_assert_eq!(lo, row.start);
    prop_assert!(hi <= row.end);
    for (k, p) in pieces.iter().enumerate() {
        prop_assert!(p.bytes.start < p.bytes.end, "empty piece {:?}", p);
        prop_assert!(bounds.binary_search(&p.bytes.end).is_ok());
        if k > 0 {
            prop_assert_eq!(p.bytes.start, pieces[k - 1].bytes.end);
        }
    }
    for (off, g) in text[row.start..row.end].grapheme_indices(true) {
        let s = row.start + off;
        if s < hi {
            prop_assert!(!is_line_break(g));
        } else {
            prop_assert!(is_blank(g), "{:?} at {} not drawn in row {}", g, s, i);
        }
    }

    // (3) Pieces split exactly at the breaks inside them (a break inside a
    // cluster at its start), and elsewhere only next to a sanitised cluster.
    let expected: Vec<usize> = breaks
        .iter()
        .filter(|&&b| b <= text.len())
        .map(|&b| cluster_start(bounds, b))
        .filter(|&b| lo < b && b < hi)
        .collect();
    let cuts: Vec<usize> = pieces.iter().skip(1).map(|p| p.bytes.start).collect();
    for b in &expected {
        prop_assert!(cuts.contains(b), "no cut at break {}: {:?}", b, pieces);
    }
    for &c in &cuts {
        if expected.contains(&c) {
            continue;
        }
        let before = &text[cluster_start(bounds, c - 1)..c];
        let after = text[c..].graphemes(true).next().unwrap_or("");
        prop_assert!(
            is_sanitised(before, width) || is_sanitised(after, width),
            "extra cut at {} between {:?} and {:?}",
            c,
            before,
            after
        );
    }
    // An annotated range [a, b) is shown by exactly the pieces inside it.
    let mut marks: Vec<usize> = vec![0];
    marks.extend(
        breaks
            .iter()
            .filter(|&&b| b <= text.len())
            .map(|&b| cluster_start(bounds, b)),
    );
    marks.push(text.len());
    for w in marks.windows(2) {
        let (a, b) = (w[0], w[1]);
        let inside: Vec<&Piece> = pieces
            .iter()
            .filter(|p| a <= p.bytes.start && p.bytes.end <= b)
            .collect();
        let (want_a, want_b) = (a.max(lo), b.min(hi));
        if want_a < want_b {
            prop_assert!(!inside.is_empty());
            prop_assert_eq!(inside[0].bytes.start, want_a);
            prop_assert_eq!(inside[inside.len() - 1].bytes.end, want_b);
        } else {
            prop_assert!(inside.is_empty());
        }
        for p in pieces {
            let straddles = p.bytes.start < a && a < p.bytes.end;
            prop_assert!(!straddles, "{:?} straddles {}", p, a);
        }
    }

    // (5) Nothing raw reaches the terminal.
    for p in pieces {
        for c in p.text.chars() {
            prop_assert!(
                !(c < ' ' || c == '\u{7f}' || c.is_control() || is_bidi_or_bom(c)),
                "{:?} in {:?}",
                c,
                p.text
            );
        }
    }

    // (6) Drawn with ratatui, each piece advances by exactly its width.
    let mut buf = Buffer::empty(Rect::new(0, 0, width as u16, 1));
    let mut x = 0u16;
    for p in pieces {
        let (nx, _) = buf.set_stringn(x, 0, &p.text, p.width, Style::default());
        prop_assert_eq!(usize::from(nx - x), p.width, "{:?}", p);
        x = nx;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn layout_properties((text, width, breaks) in case()) {
        check(&text, width, &breaks)?;
    }

    #[test]
    fn narrow_widths((text, _, breaks) in case(), width in 1..=4usize) {
        check(&text, width, &breaks)?;
    }

    /// Dense mixes of the hard cases, where sanitised characters sit between
    /// clusters that would merge if they were simply dropped.
    #[test]
    fn specimen_soup(
        parts in prop::collection::vec(prop::sample::select(SPECIMENS), 0..40),
        width in 1..=12usize,
        breaks in prop::collection::vec(0..200usize, 0..8),
    ) {
        let text = parts.concat();
        let mut breaks = breaks;
        breaks.sort_unstable();
        check(&text, width, &breaks)?;
    }

    #[test]
    fn long_words_and_runs(word in "[a-z]{0,300}", spaces in " {0,5}", width in 1..=30usize) {
        let text = format!("{word}{spaces}{word}\n{spaces}{word}");
        check(&text, width, &[1, 7, 40, 200])?;
    }
}
