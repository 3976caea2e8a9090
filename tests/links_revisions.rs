//! The link drafter on hand-made revision pairs (`tests/fixtures/revisions/`):
//! the measure of `verso links eval` (gold derived from the edit) and what the
//! edit's gold cannot say: a number reworded around (`about 300` / `more than
//! 500`), the sentences cut and added, and no link between two sentences that
//! only share a phrase (`a quid pro quo`).

use std::path::PathBuf;

use verso::annotate::links::find;
use verso::score::links_eval::{Figures, measure_texts};
use verso::story::LinkKind;
use verso::text::Doc;

fn pair(name: &str) -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/revisions")
        .join(name);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    (read("before.txt"), read("after.txt"))
}

#[test]
fn a_revision_keeps_the_figures_the_issue_asks_for() {
    let (a, b) = pair("harbour");
    let mut mistakes = Vec::new();
    let f = Figures::new(measure_texts(&a, &b, &mut mistakes));
    let c = f.counts;
    assert_eq!(c.same_gold, 6, "{c:?}");
    assert_eq!(c.conflict_gold, 2, "{c:?}");
    assert!(f.same_recall >= 0.98, "{c:?} {mistakes:#?}");
    // 10 of 11: the two headlines are linked, a pair this fixture's gold
    // does not hold (on PolNeAR's revision pairs precision stays 0.96).
    assert!(f.link_precision >= 0.9, "{c:?} {mistakes:#?}");
    assert!(f.conflict_recall >= 0.9, "{c:?} {mistakes:#?}");
    assert!(f.conflict_precision >= 0.9, "{c:?} {mistakes:#?}");
    assert_eq!(f.only_recall, 1.0, "{c:?} {mistakes:#?}");
}

#[test]
fn numbers_reworded_are_a_conflict_that_says_what_differs() {
    let (a, b) = pair("harbour");
    let docs = [Doc::new(&a), Doc::new(&b)];
    let links = find(&[&a, &b], &docs);
    let cost = links
        .iter()
        .find(|l| a[l.a.1.clone()].contains("about 300 million"))
        .expect("the cost is linked");
    assert!(b[cost.b.1.clone()].contains("more than 500 million"));
    assert_eq!(cost.kind, LinkKind::Conflict);
    let note = cost.note.as_deref().unwrap_or("");
    assert!(note.contains("300") && note.contains("500"), "{note}");
    let hours = links
        .iter()
        .find(|l| a[l.a.1.clone()].contains("27 hours"))
        .expect("the meeting is linked");
    assert_eq!(hours.kind, LinkKind::Conflict);
    assert!(
        hours
            .note
            .as_deref()
            .is_some_and(|n| n.contains("27") && n.contains("37"))
    );
}

#[test]
fn a_shared_phrase_joins_no_different_sentences() {
    let (a, b) = pair("harbour");
    let docs = [Doc::new(&a), Doc::new(&b)];
    for l in find(&[&a, &b], &docs) {
        let (pa, pb) = (&a[l.a.1.clone()], &b[l.b.1.clone()]);
        assert_eq!(
            pa.starts_with("Opponents"),
            pb.starts_with("Opponents"),
            "{pa:?} linked to {pb:?}"
        );
        assert_eq!(
            pa.starts_with("Reid said"),
            pb.starts_with("Reid said"),
            "{pa:?} / {pb:?}"
        );
    }
}

#[test]
fn a_count_two_outlets_disagree_on_is_a_conflict_with_little_else_shared() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links/quake");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let (a, b) = (read("wire.txt"), read("editorial.txt"));
    let docs = [Doc::new(&a), Doc::new(&b)];
    let links = find(&[&a, &b], &docs);
    let toll = links
        .iter()
        .find(|l| a[l.a.1.clone()].contains("at least 42 people"))
        .unwrap_or_else(|| panic!("the toll is linked: {links:#?}"));
    assert!(b[toll.b.1.clone()].contains("37 people"), "{toll:?}");
    assert_eq!(toll.kind, LinkKind::Conflict);
    let note = toll.note.as_deref().unwrap_or("");
    assert!(note.contains("42") && note.contains("37"), "{note}");
    // The rest of the two texts tell different things.
    assert_eq!(links.len(), 1, "{links:#?}");
}

/// Links of two articles of prose, as `(passage in a, passage in b, kind)`.
fn links_of(a: &str, b: &str) -> Vec<(String, String, LinkKind)> {
    let docs = [Doc::new(a), Doc::new(b)];
    find(&[a, b], &docs)
        .into_iter()
        .map(|l| (a[l.a.1].to_string(), b[l.b.1].to_string(), l.kind))
        .collect()
}

#[test]
fn a_clause_that_tells_what_another_sentence_tells_is_linked_alone() {
    let a = "The union said talks with the ministry had failed. Ferry crews will stop work \
             for a day on Friday, the union said, and the harbour office would remain open \
             during the stoppage. Tourists were told to check timetables.\n";
    let b = "Passengers face a day without ferries. A spokeswoman said staff had been \
             briefed and the harbour office would stay open. Shops near the quay expect \
             a quiet weekend.\n";
    let links = links_of(a, b);
    let office = links
        .iter()
        .find(|l| l.0.contains("harbour office"))
        .unwrap_or_else(|| panic!("the office clause is linked: {links:#?}"));
    assert!(
        office.1.contains("harbour office would stay open"),
        "{office:?}"
    );
    assert!(
        !office.0.contains("Ferry crews"),
        "only the clause: {office:?}"
    );
    assert_eq!(office.2, LinkKind::Paraphrase);
}

#[test]
fn a_noun_phrase_two_sentences_share_is_no_link() {
    let a = "Critics questioned the cost of the new river bridge, which the regional \
             council approved in a late vote after months of debate about tolls, traffic \
             and the harbour.\n";
    let b = "At the meeting on Monday, where residents complained about noise, parking, \
             buses and rubbish collection, the cost of the new river bridge, first raised \
             in May, dominated.\n";
    let links = links_of(a, b);
    assert!(
        links.iter().all(|l| !l.0.contains("river bridge")),
        "{links:#?}"
    );
}

#[test]
fn two_times_of_day_are_a_conflict_however_written() {
    let a = "Blast at plant\n\nThe blast tore through a storage hall at the Rheintal Chemie \
             site shortly after 9 a.m. Firefighters arrived within minutes.\n\nThe town \
             council met in the evening to discuss the response.\n";
    let b = "Plant explosion\n\nThe blast, shortly before 10 am, destroyed a warehouse at the \
             Rheintal Chemie plant. Police closed the roads nearby.\n\nSchools in the district \
             stayed open all day.\n";
    let links = links_of(a, b);
    let blast = links
        .iter()
        .find(|l| l.0.contains("9 a.m"))
        .unwrap_or_else(|| panic!("the time is linked: {links:#?}"));
    assert!(blast.1.contains("10 am"), "{blast:?}");
    assert_eq!(blast.2, LinkKind::Conflict);
    // The same time written two ways is no conflict.
    let b_same = b.replace("10 am", "9 AM");
    let same = links_of(a, &b_same);
    assert!(same.iter().all(|l| l.2 != LinkKind::Conflict), "{same:#?}");
}
