//! Property tests for `verso::annotate::draft`: on any text, one article or two,
//! drafting returns (never panics) and the draft loads over those texts with no
//! problem, as `verso a.txt b.txt` loads it.

use proptest::prelude::*;
use verso::annotate::draft;
use verso::text::{plain_quotes, widen_quotes};

/// Drafts `texts` as `a.txt`, `b.txt`, ... and loads the draft the way the
/// reader does; the story checker must find nothing wrong.
fn drafts_soundly(texts: &[String]) -> Result<(), TestCaseError> {
    let articles: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{}.txt", char::from(b'a' + i as u8)), t.clone()))
        .collect();
    let json = draft(&articles).to_json();
    let story = verso::story::from_json("draft", &json, |file| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("{file}: not drafted"))
    });
    let story = match story {
        Ok(s) => s,
        Err(e) => return Err(TestCaseError::fail(format!("{e}\n{json}"))),
    };
    prop_assert!(
        story.problems.is_empty(),
        "problems: {:?}\n{}",
        story
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        json
    );
    prop_assert_eq!(story.articles.len(), texts.len());
    Ok(())
}

/// Quotation marks of every kind, straight, curly, guillemets and low-9.
const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "«", "»", "'", "„", "‚", "‹", "›", "« ", " »", "''", "``",
];

const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "warned",
    "according to",
    "asked",
    "claimed",
    "announced",
    "insisted",
    "he",
    "she",
    "it",
    "they",
    "He",
    "She",
    "It",
    "They",
    "the",
    "The",
    "a",
    "an",
    "of",
    "for",
    "which",
    "that",
    "and",
    "not",
    "who",
    "reporters",
    "officials",
    "police",
    "council",
    "party",
    "department",
    "government",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "city manager",
    "mayor",
    "MP",
    "vote",
    "bridge",
    "12",
    "1,200",
    "fifteen",
    "$5m",
    "it's",
    "party's",
    "nobody's",
    "U.S.",
    "Jan.",
    "e.g.",
    "—",
    "–",
    "-",
    "…",
    "...",
    "(",
    ")",
    "[",
    "]",
    ";",
    ":",
    ",",
    ".",
    "?",
    "!",
    "/",
    "&",
];

const NAMES: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Ms.",
    "Dr",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Prime Minister",
    "President",
    "Mayor",
    "Ann",
    "Smith",
    "Ann Smith",
    "Carter",
    "Chris Carter",
    "Zoë",
    "Łukasz",
    "O'Brien",
    "O’Brien",
    "Smith's",
    "Smith’s",
    "Le Pen",
    "McDonald",
    "Labour Party",
    "New York",
    "Te Atatu",
    "Van",
    "De",
    "La",
    "AT&T",
    "NASA",
    "I",
];

/// Text that trips up cutting: other scripts, combining marks, joiners, controls.
const ODD: &[&str] = &[
    "é",
    "e\u{301}",
    "\u{301}",
    "中文",
    "。",
    "日本語",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\t",
    "\x00",
    "\x1b[2J",
    "\u{ad}",
    "ﬁ",
    "İ",
    "ß",
    "ǅ",
    "Σ",
    "ς",
];

const SEPS: &[&str] = &[
    " ", " ", " ", "", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "  ",
];

/// One piece of an article and what follows it.
fn piece() -> impl Strategy<Value = String> {
    let body = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(NAMES).prop_map(str::to_string),
        3 => prop::sample::select(MARKS).prop_map(str::to_string),
        2 => "[A-Z][a-z]{0,8}",
        2 => "[a-z]{1,10}",
        1 => prop::sample::select(ODD).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    (body, prop::sample::select(SEPS)).prop_map(|(b, s)| b + s)
}

/// A sentence-like run of pieces; quotes, cues and names in any order.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// Who speaks: a name, a titled name, a pronoun, or a name with an appositive.
fn speaker() -> impl Strategy<Value = String> {
    let name = "[A-Z][a-z]{1,8}";
    let role = prop::sample::select(&["city manager", "mayor", "owner", "party leader", "MP"][..]);
    prop_oneof![
        (prop::sample::select(NAMES), name).prop_map(|(t, n)| format!("{t} {n}")),
        name.prop_map(String::from),
        prop::sample::select(&["he", "she", "it", "they", "He", "She", "They"][..])
            .prop_map(str::to_string),
        (name, role.clone(), name).prop_map(|(n, r, p)| format!("{n}, the {r} of {p},")),
        (name, role).prop_map(|(n, r)| format!("{n}, the {r},")),
    ]
}

/// A sentence shaped like a quotation with its cue, before or after.
fn quoted_sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(MARKS),
        prop::sample::select(MARKS),
        soup(),
        speaker(),
        prop::sample::select(&["said", "says", "told reporters", "added", "according to"][..]),
        prop::sample::select(&[",", ":", ".", "", " —"][..]),
        any::<bool>(),
    )
        .prop_map(|(open, close, inner, who, verb, punct, after)| {
            if after {
                format!("{open}{inner}{punct}{close} {verb} {who}.")
            } else {
                format!("{who} {verb}{punct} {open}{inner}{close}")
            }
        })
}

/// An article: paragraphs of sentences and soup, joined by blank lines of any kind.
fn article() -> impl Strategy<Value = String> {
    let para = prop::collection::vec(prop_oneof![soup(), quoted_sentence()], 0..5)
        .prop_map(|v| v.join(" "));
    (
        prop::collection::vec(para, 0..5),
        prop::sample::select(&["\n\n", "\r\n\r\n", "\n", "\r\n", "\n \n"][..]),
    )
        .prop_map(|(ps, sep)| ps.join(sep))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_drafts_soundly(text in any::<String>()) {
        drafts_soundly(&[text])?;
    }

    #[test]
    fn any_two_texts_draft_soundly(a in any::<String>(), b in any::<String>()) {
        drafts_soundly(&[a, b])?;
    }

    #[test]
    fn articles_draft_soundly(text in article()) {
        drafts_soundly(&[text])?;
    }

    #[test]
    fn pairs_of_articles_draft_soundly(a in article(), b in article(), same in any::<bool>()) {
        // Sharing text gives the link pass something to align.
        let b = if same { format!("{b}\n\n{a}") } else { b };
        drafts_soundly(&[a, b])?;
    }

    #[test]
    fn quotation_soup_drafts_soundly(parts in prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(MARKS).prop_map(str::to_string),
            2 => prop::sample::select(NAMES).prop_map(str::to_string),
            2 => prop::sample::select(&["said", ",", ":", ".", " ", "\n", "\r\n", "he", "the"][..])
                .prop_map(str::to_string),
        ],
        0..60,
    )) {
        drafts_soundly(&[parts.concat()])?;
    }

    #[test]
    fn doubled_marks_become_plain_at_the_same_offsets(parts in prop::collection::vec(
        prop::sample::select(&["''", "``", "'", "`", "a", "é", "Yes", " ", "\n", ",", "—", "(", "\""][..]),
        0..40,
    ), at in any::<prop::sample::Index>(), len in 0usize..12) {
        let text = parts.concat();
        let Some(plain) = plain_quotes(&text) else { return Ok(()) };
        prop_assert_eq!(plain.len(), text.len());
        // Only apostrophes and backticks change, each into a space or a mark.
        for (t, p) in text.bytes().zip(plain.bytes()) {
            prop_assert!(t == p || (matches!(t, b'\'' | b'`') && matches!(p, b' ' | b'"')));
        }
        // Any range of whole characters widens to one within the text, holding it.
        let bounds: Vec<usize> = (0..=text.len()).filter(|&k| text.is_char_boundary(k)).collect();
        let start = bounds[at.index(bounds.len())];
        let end = bounds.iter().copied().filter(|&k| k >= start).nth(len).unwrap_or(start);
        let w = widen_quotes(&text, &plain, start..end);
        prop_assert!(w.start <= start && end <= w.end && w.end <= text.len());
        prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
    }
}
