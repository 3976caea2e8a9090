//! The bundled story: the seed articles and `annotations/carter.json`, built into
//! the binary so that `verso` works from any folder with no files around it.

use super::{LoadError, Story};

/// The name the bundled story goes by in messages.
pub const SOURCE: &str = "annotations/carter.json";

const STORY: &str = include_str!("../../annotations/carter.json");
const ARTICLES: &[(&str, &str)] = &[
    (
        "carter-threat.txt",
        include_str!("../../articles/carter-threat.txt"),
    ),
    (
        "goff-rejects-carter.txt",
        include_str!("../../articles/goff-rejects-carter.txt"),
    ),
];

/// The story file's JSON text, as bundled.
pub fn json() -> &'static str {
    STORY
}

/// The bundled article whose file name ends `file` (`../articles/x.txt`).
pub fn article(file: &str) -> Option<&'static str> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    ARTICLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Loads the bundled story.
pub fn load() -> Result<Story, LoadError> {
    super::from_json(SOURCE, STORY, |file| {
        article(file)
            .map(str::to_string)
            .ok_or_else(|| format!("article file {file}: not bundled"))
    })
}
