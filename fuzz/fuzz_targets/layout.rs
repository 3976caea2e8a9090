//! Fuzz the layout: any UTF-8 text at any width; every row's pieces must fit
//! and stay inside the row. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let width = (w as usize % 90) + 1;
    let layout = verso::layout::Layout::new(text, width);
    let mut breaks: Vec<usize> = rest.iter().step_by(7).map(|&b| b as usize * 3).collect();
    breaks.sort_unstable();
    for i in 0..layout.len() {
        let row = layout.row(i);
        let pieces = layout.pieces(text, i, &breaks);
        let total: usize = pieces.iter().map(|p| p.width).sum();
        assert!(total <= width, "row {i} is {total} wide at width {width}");
        for p in &pieces {
            assert!(row.start <= p.bytes.start && p.bytes.end <= row.end);
            assert!(!p.text.chars().any(|c| c.is_control()));
        }
    }
    let gaps = layout.clone().with_paragraph_gaps(text);
    for b in (0..text.len()).step_by(13) {
        let r = gaps.row(gaps.row_of(b));
        assert!(r.start <= b && (b < r.end || r.end == text.len()));
    }
});
