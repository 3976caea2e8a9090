//! Fuzz the drafter: any UTF-8 text as one article, or two split at the first
//! NUL byte, drafted and loaded back over the same texts. Must never panic, and
//! the draft must load with no problem.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles: Vec<(String, String)> = text
        .splitn(2, '\0')
        .enumerate()
        .map(|(i, t)| (format!("{}.txt", ["a", "b"][i]), t.to_string()))
        .collect();
    let json = verso::annotate::draft(&articles).to_json();
    let story = verso::story::from_json("fuzz.json", &json, |file| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("article file {file}: not drafted"))
    })
    .unwrap_or_else(|e| panic!("the draft does not load: {e}\n{json}"));
    assert!(
        story.problems.is_empty(),
        "the draft has problems: {:?}\n{json}",
        story
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(story.articles.len(), articles.len());
});
