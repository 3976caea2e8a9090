//! The drafter on articles its rules were not written against: each pair under
//! `tests/fixtures/annotate/<pair>/` (two `.txt` articles and a hand-made
//! `gold.json`) is drafted with `annotate::draft` and scored with
//! `score::score`; the figures must stay at least where they are (the values
//! reached, rounded down to 0.05 with a step of margin). The seed articles keep
//! the figures README.md shows.

use std::path::{Path, PathBuf};

use verso::annotate::draft;
use verso::score::{Score, score};
use verso::story::{self, LinkKind, Story};

/// The least a pair may score.
struct Floor {
    pair: &'static str,
    direct_p: f64,
    direct_r: f64,
    mixed_r: f64,
    indirect_r: f64,
    all_p: f64,
    all_f1: f64,
    speakers: f64,
    links_p: f64,
    links_r: f64,
}

const FLOORS: &[Floor] = &[
    // Written after the rules were settled on the four pairs below, and scored
    // before any rule was changed for it (indirect recall 0.69, speakers 0.96).
    Floor {
        pair: "arena-vote",
        direct_p: 0.95,
        direct_r: 0.95,
        mixed_r: 0.95,
        indirect_r: 0.80,
        all_p: 0.95,
        all_f1: 0.95,
        speakers: 0.95,
        links_p: 0.95,
        // 12 of 13: the gold gained two links the meaning pass drafts
        // (headlines, Helen Marsh); it finds one of them.
        links_r: 0.90,
    },
    Floor {
        pair: "bus-crash",
        direct_p: 0.95,
        direct_r: 0.95,
        mixed_r: 0.95,
        indirect_r: 0.95,
        all_p: 0.95,
        all_f1: 0.95,
        speakers: 0.95,
        links_p: 0.90,
        links_r: 0.90,
    },
    Floor {
        pair: "nurses-strike",
        direct_p: 0.95,
        direct_r: 0.95,
        mixed_r: 0.95,
        indirect_r: 0.85,
        all_p: 0.95,
        all_f1: 0.95,
        speakers: 0.95,
        links_p: 0.95,
        links_r: 0.80,
    },
    Floor {
        pair: "plant-blast",
        direct_p: 0.95,
        direct_r: 0.95,
        mixed_r: 0.95,
        indirect_r: 0.95,
        all_p: 0.95,
        all_f1: 0.95,
        speakers: 0.95,
        links_p: 0.90,
        links_r: 0.80,
    },
    Floor {
        pair: "water-fine",
        direct_p: 0.95,
        direct_r: 0.95,
        mixed_r: 0.85,
        indirect_r: 0.95,
        all_p: 0.95,
        all_f1: 0.95,
        speakers: 0.95,
        links_p: 0.90,
        links_r: 0.85,
    },
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Drafts the articles `files` (relative to `dir`) and loads the draft as a story.
fn drafted(dir: &Path, files: &[&str]) -> Story {
    let articles: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(dir.join(f)).unwrap();
            (f.to_string(), text)
        })
        .collect();
    let json = draft(&articles).to_json();
    let s = story::from_json("draft", &json, |file| {
        std::fs::read_to_string(dir.join(file)).map_err(|e| e.to_string())
    })
    .unwrap();
    assert!(s.problems.is_empty(), "draft problems: {:?}", s.problems);
    s
}

fn pair_score(pair: &str) -> Score {
    let dir = root().join("tests/fixtures/annotate").join(pair);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{pair}: two articles");
    let gold = story::load(&dir.join("gold.json")).unwrap();
    assert!(gold.problems.is_empty(), "{pair}: {:?}", gold.problems);
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    score(&drafted(&dir, &refs), &gold)
}

#[test]
fn held_out_pairs_keep_their_figures() {
    let mut failures = Vec::new();
    for f in FLOORS {
        let s = pair_score(f.pair);
        let q = &s.quotes;
        let checks = [
            ("direct precision", q.direct.precision, f.direct_p),
            ("direct recall", q.direct.recall, f.direct_r),
            ("mixed recall", q.mixed.recall, f.mixed_r),
            ("indirect recall", q.indirect.recall, f.indirect_r),
            ("all precision", q.all.precision, f.all_p),
            ("all F1", q.all.f1, f.all_f1),
            ("speakers", s.speakers.accuracy, f.speakers),
            ("links precision", s.links.precision, f.links_p),
            ("links recall", s.links.recall, f.links_r),
        ];
        for (what, got, floor) in checks {
            if got < floor {
                failures.push(format!("{}: {what} {got:.3} < {floor:.2}", f.pair));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn held_out_pairs_together_meet_the_targets() {
    let (mut d, mut dm, mut g, mut gm) = (0, 0, 0, 0);
    let (mut ig, mut igm, mut sq, mut ss) = (0, 0, 0, 0);
    let (mut l, mut lm, mut lg, mut lgm) = (0, 0, 0, 0);
    for f in FLOORS {
        let s = pair_score(f.pair);
        d += s.quotes.direct.draft;
        dm += s.quotes.direct.draft_matched;
        g += s.quotes.direct.gold;
        gm += s.quotes.direct.gold_matched;
        ig += s.quotes.indirect.gold;
        igm += s.quotes.indirect.gold_matched;
        sq += s.speakers.matched_quotes;
        ss += s.speakers.same_speaker;
        l += s.links.draft;
        lm += s.links.draft_matched;
        lg += s.links.gold;
        lgm += s.links.gold_matched;
    }
    let r = |n: usize, d: usize| n as f64 / d as f64;
    assert!(r(dm, d) >= 0.9, "direct precision {dm}/{d}");
    assert!(r(gm, g) >= 0.9, "direct recall {gm}/{g}");
    assert!(r(igm, ig) >= 0.7, "indirect recall {igm}/{ig}");
    assert!(r(ss, sq) >= 0.9, "speakers {ss}/{sq}");
    // 63 of 66 and 63 of 68 when the links were last changed (clauses
    // linked alone, times of day compared); the bar is 0.9 for both.
    assert!(r(lm, l) >= 0.9, "links precision {lm}/{l}");
    assert!(r(lgm, lg) >= 0.9, "links recall {lgm}/{lg}");
}

#[test]
fn the_seed_articles_keep_their_figures() {
    let dir = root().join("articles");
    let draft = drafted(&dir, &["carter-threat.txt", "goff-rejects-carter.txt"]);
    let gold = story::load(&root().join("annotations/carter.json")).unwrap();
    let s = score(&draft, &gold);
    assert_eq!(s.quotes.direct.precision, 1.0);
    assert_eq!(s.quotes.direct.recall, 1.0);
    assert!(s.quotes.indirect.recall >= 0.94, "{:?}", s.quotes.indirect);
    assert_eq!(s.speakers.accuracy, 1.0);
    assert!(s.links.gold_matched >= 7, "{:?}", s.links);
    // 7 of 9: the meaning pass links the two ledes and Carter's two Radio
    // New Zealand sentences, which tell different things (README, "Links").
    assert!(s.links.precision >= 0.75, "{:?}", s.links);
    let meeting = draft
        .links
        .iter()
        .find(|l| {
            l.passages.iter().any(|p| {
                draft.articles[p.article].text[p.range.clone()].contains("seven-hour meeting")
            })
        })
        .expect("the meeting-length link");
    assert_eq!(meeting.kind, LinkKind::Conflict);
    assert!(
        meeting
            .note
            .as_deref()
            .is_some_and(|n| n.contains("seven-hour vs six-hour")),
        "{:?}",
        meeting.note
    );
}
