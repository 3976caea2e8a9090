//! Texts that once made `annotate::draft` panic, one test per root cause: each
//! must draft, and the draft must load over its texts with no problem.

use verso::annotate::draft;
use verso::story::format::StoryFile;

/// Drafts `texts` as `a0.txt`, `a1.txt`, ... and checks the draft loads cleanly.
fn sound_draft(texts: &[&str]) -> StoryFile {
    let articles: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("a{i}.txt"), t.to_string()))
        .collect();
    let file = draft(&articles);
    let json = file.to_json();
    let story = verso::story::from_json("draft", &json, |f| {
        articles
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("{f}: not drafted"))
    })
    .unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert!(story.problems.is_empty(), "{:?}\n{json}", story.problems);
    assert_eq!(story.articles.len(), texts.len());
    file
}

/// speakers.rs `Registry::harvest`: a lone capitalised word with an appositive
/// (`Halvorsen, the city manager,`) that no text names in full is no person, so
/// `resolve` declines it; the harvest unwrapped that `None`.
#[test]
fn a_lone_name_with_an_appositive_is_no_speaker_until_named_in_full() {
    let s = sound_draft(&["Halvorsen, the city manager, said the course would close.\n"]);
    assert!(s.speakers.is_empty(), "{}", s.to_json());
    assert!(s.quotes.is_empty(), "{}", s.to_json());

    // Named in full anywhere, the same sentence ties the description to them.
    let s = sound_draft(&[
        "Erik Halvorsen runs the course.\n\nHalvorsen, the city manager, said the course would close.\n",
    ]);
    let [p] = &s.speakers[..] else {
        panic!("{}", s.to_json())
    };
    assert_eq!(p.name, "Erik Halvorsen");
    assert_eq!(p.description.as_deref(), Some("city manager"));
    assert!(p.aliases.contains(&"the city manager".to_string()));
    // Also when the full name comes only in the other article.
    let s = sound_draft(&[
        "Halvorsen, the city manager, said the course would close.\n",
        "Erik Halvorsen runs the course.\n",
    ]);
    assert_eq!(s.speakers.len(), 1, "{}", s.to_json());
    assert_eq!(s.speakers[0].name, "Erik Halvorsen");
}
