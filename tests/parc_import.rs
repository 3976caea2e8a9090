//! `verso import` of PARC-style attribution files (as PolNeAR writes them) from
//! the fixtures in `tests/fixtures/parc/`, the imported stories passing `verso
//! check`, and `verso score --attributions` of a hand-made draft against one.

mod common;

use std::path::Path;

use common::{Scratch, root, stderr, stdout, verso};
use verso::story::{self, Story};

/// Copies fixture `name` (.ann and .txt) into the scratch folder and imports it
/// to `name.json`; returns standard error.
fn import(s: &Scratch, name: &str) -> String {
    for ext in ["ann", "txt"] {
        let from = root().join(format!("tests/fixtures/parc/{name}.{ext}"));
        s.write(&format!("{name}.{ext}"), std::fs::read(from).unwrap());
    }
    let ann = format!("{name}.ann");
    let out = format!("{name}.json");
    let imported = verso(&s.dir, &["import", &ann, "-o", &out], None);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let o = verso(&s.dir, &["check", &out], None);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    stderr(&imported)
}

fn load(p: &Path) -> Story {
    let s = story::load(p).unwrap_or_else(|e| panic!("{e}"));
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    s
}

/// (text, speaker name, kind, cue) of every quote.
fn quotes(st: &Story) -> Vec<(String, String, String, Option<String>)> {
    st.quotes
        .iter()
        .map(|q| {
            (
                st.articles[q.article].text[q.range.clone()].to_string(),
                st.speakers[q.speaker].name.clone(),
                format!("{:?}", q.kind).to_lowercase(),
                q.cue.clone(),
            )
        })
        .collect()
}

fn q(
    text: &str,
    speaker: &str,
    kind: &str,
    cue: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        text.to_string(),
        speaker.to_string(),
        kind.to_string(),
        cue.map(str::to_string),
    )
}

#[test]
fn senate_content_source_and_cue_become_quotes() {
    let s = Scratch::new();
    let err = import(&s, "senate");
    let st = load(&s.path("senate.json"));
    assert_eq!(st.articles[0].id, "senate");
    assert_eq!(
        quotes(&st),
        [
            // A discontinuous content is one passage, first start to last end.
            q(
                "“This bill will keep the taps running,” Senator María Núñez said on Tuesday, “and it costs less than a bridge.”",
                "Senator María Núñez",
                "direct",
                Some("said")
            ),
            // "She" goes to the nearest named source before it.
            q(
                "the vote was “long overdue.”",
                "Senator María Núñez",
                "mixed",
                Some("told")
            ),
            q(
                "the plan is too small",
                "Critics",
                "indirect",
                Some("believe")
            ),
            q(
                "the fund is already empty",
                "the state auditor",
                "indirect",
                Some("According to")
            ),
        ]
    );
    for note in [
        "T21: Discard span skipped",
        "E2: source \"She\" is a pronoun; given to \"Senator María Núñez\"",
        "E5: the same content as E4; left out (no source)",
        "E6: no content; skipped",
    ] {
        assert!(err.contains(note), "{note:?} not in {err}");
    }
}

#[test]
fn mayor_wrapped_quote_straight_marks_and_unattributed() {
    let s = Scratch::new();
    let err = import(&s, "mayor");
    let st = load(&s.path("mayor.json"));
    assert_eq!(
        quotes(&st),
        [
            // "He" has no named source before it.
            q(
                "the budget \"is a disgrace.\"",
                "unattributed",
                "mixed",
                Some("said")
            ),
            q(
                "The mayor's office did not reply",
                "unattributed",
                "indirect",
                None
            ),
            q(
                "\"We will\nlook at every line,\"",
                "a spokesman",
                "direct",
                Some("said")
            ),
            q("Taxes will rise", "the report", "indirect", Some("says")),
        ]
    );
    assert_eq!(st.speakers.last().unwrap().id, "unattributed");
    assert!(
        err.contains("E4: no source; given to \"unattributed\""),
        "{err}"
    );
}

#[test]
fn a_broken_parc_file_names_the_file_and_line() {
    let s = Scratch::new();
    s.write("bad.txt", "Short text.\n");
    s.write(
        "bad.ann",
        "T1\tContent 0 5\tShort\nT2\tAttribution 0 5\tShort\nE1\tAttribution:T2 Content:T9\n",
    );
    let o = verso(&s.dir, &["import", "bad.ann"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.ann: line 3: E1: T9 is not defined"),
        "{}",
        stderr(&o)
    );
}

/// On senate.txt: finds quote 1 with the right speaker, quote 2 with the wrong
/// one, the non-speech "plan" attribution, and one passage that is no
/// attribution.
const DRAFT: &str = r#"{"version": 1,
  "articles": [{"id": "x", "file": "senate.txt"}],
  "speakers": [{"id": "n", "name": "María Núñez", "aliases": ["Ms Núñez"]},
               {"id": "t", "name": "Tom Reed"}],
  "quotes": [
    {"id": "q1", "article": "x", "speaker": "n", "text": "“This bill will keep the taps running,” Senator María Núñez said on Tuesday, “and it costs less than a bridge.”"},
    {"id": "q2", "article": "x", "speaker": "t", "text": "the vote was “long overdue.”"},
    {"id": "q3", "article": "x", "speaker": "t", "text": "the plan is too small"},
    {"id": "q4", "article": "x", "speaker": "t", "text": "The bill now goes to the governor."}]}"#;

#[test]
fn score_attributions_against_an_imported_story() {
    let s = Scratch::new();
    import(&s, "senate");
    s.write("draft.json", DRAFT);
    let o = verso(
        &s.dir,
        &["score", "draft.json", "senate.json", "--attributions"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    // Speech: quotes 1 and 2 (marks), the auditor's (According to); not the
    // critics' belief. Speaker: quote 2's "She" was resolved by the import, so
    // it counts, and Tom Reed is wrong.
    for row in [
        "precision               0.750      3 of 4",
        "recall                  0.667      2 of 3",
        "F1                      0.706",
        "direct-quote recall     1.000      2 of 2",
        "speaker                 0.500      1 of 2",
    ] {
        assert!(table.contains(row), "{row:?} not in\n{table}");
    }
    let o = verso(
        &s.dir,
        &[
            "score",
            "draft.json",
            "senate.json",
            "--attributions",
            "--json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["drafted"], 4);
    assert_eq!(v["speech_found"], 2);
    assert_eq!(v["speaker_right"], 1);
    assert_eq!(v["precision"], 0.75);
    assert_eq!(v["direct_recall"], 1.0);
}
