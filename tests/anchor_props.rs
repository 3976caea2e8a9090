//! Property tests of anchoring: every selector cut from a random text (with
//! its start, or with enough prefix and suffix) is found where it was cut.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use verso::story;

/// Text made of pieces that stress offsets: ASCII words, accents, CJK,
/// emoji with joiners, combining marks, CRLF, tabs, repeats.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("bridge ".to_string()),
        Just("fell".to_string()),
        Just("café ".to_string()),
        Just("日本語".to_string()),
        Just("👩‍👩‍👧 ".to_string()),
        Just("e\u{301}".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\"".to_string()),
        "[a-z]{1,6}",
        "\\PC{1,3}",
    ];
    proptest::collection::vec(piece, 1..60).prop_map(|v| v.concat())
}

fn esc(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn load(text: &str, selectors: &[String]) -> story::Story {
    let quotes: Vec<String> = selectors
        .iter()
        .enumerate()
        .map(|(i, sel)| format!(r#"{{"id": "q{i}", "article": "a", "speaker": "s", {sel}}}"#))
        .collect();
    let json = format!(
        r#"{{"version": 1, "articles": [{{"id": "a", "file": "a"}}], "speakers": [{{"id": "s", "name": "S"}}], "quotes": [{}]}}"#,
        quotes.join(",")
    );
    story::from_json("t", &json, |_| Ok(text.to_string())).unwrap()
}

/// Grapheme boundaries of the text, to find where a cut is widened to.
fn bounds(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_cut_is_found_by_its_start(text in text(), cuts in proptest::collection::vec((0.0f64..1.0, 1usize..12), 1..8)) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut selectors = Vec::new();
        let mut expected = Vec::new();
        for (pos, len) in cuts {
            let from = ((pos * chars.len() as f64) as usize).min(chars.len() - 1);
            let to = (from + len).min(chars.len());
            let (a, b) = (chars[from].0, chars.get(to).map(|c| c.0).unwrap_or(text.len()));
            selectors.push(format!(r#""text": {}, "start": {from}"#, esc(&text[a..b])));
            let g = bounds(&text);
            let start = *g.iter().rfind(|&&x| x <= a).unwrap();
            let end = *g.iter().find(|&&x| x >= b).unwrap();
            expected.push(start..end);
        }
        let s = load(&text, &selectors);
        prop_assert!(s.problems.is_empty(), "{:?}", s.problems);
        let mut got: Vec<_> = s.quotes.iter().map(|q| (q.id[1..].parse::<usize>().unwrap(), q.range.clone())).collect();
        got.sort_by_key(|(i, _)| *i);
        for (i, r) in got {
            prop_assert_eq!(&r, &expected[i], "selector {}", &selectors[i]);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn a_unique_context_finds_the_cut_without_a_start(text in text(), pos in 0.0f64..1.0, len in 1usize..8) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let from = ((pos * chars.len() as f64) as usize).min(chars.len() - 1);
        let to = (from + len).min(chars.len());
        let (a, b) = (chars[from].0, chars.get(to).map(|c| c.0).unwrap_or(text.len()));
        // The whole text before and after is always a unique context.
        let sel = format!(r#""text": {}, "prefix": {}, "suffix": {}"#, esc(&text[a..b]), esc(&text[..a]), esc(&text[b..]));
        let s = load(&text, &[sel]);
        prop_assert!(s.problems.is_empty(), "{:?}", s.problems);
        let r = &s.quotes[0].range;
        prop_assert!(r.start <= a && b <= r.end);
    }
}
