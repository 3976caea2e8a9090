//! The story file as written on disk (FORMAT.md, version 1), field for field.
//!
//! These structs are what a story file *says*, before anything is checked or
//! anchored. Reading goes through [`crate::story::parse`], which walks the JSON by
//! hand so that every wrong field becomes a problem with its JSON path; writing
//! (`verso annotate`, exporters) serialises these structs directly, so the output
//! always has the field order and spelling of FORMAT.md.

use serde::Serialize;

/// The only story-file version this program reads and writes.
pub const VERSION: u64 = 1;

/// A whole story file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StoryFile {
    pub version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub articles: Vec<ArticleEntry>,
    pub speakers: Vec<SpeakerEntry>,
    pub quotes: Vec<QuoteEntry>,
    pub links: Vec<LinkEntry>,
}

/// `articles[]`: where an article's text lives and how to title it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleEntry {
    pub id: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `speakers[]`: a person or body that says something.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerEntry {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A TextQuoteSelector plus an optional TextPositionSelector hint.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Selector {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Offset of the first character, in Unicode code points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
}

/// `quotes[]`: what a speaker is quoted as saying, anchored in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteEntry {
    pub id: String,
    pub article: String,
    pub speaker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    #[serde(flatten)]
    pub selector: Selector,
}

/// `links[]`: passages of different articles that tell the same thing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LinkEntry {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub passages: Vec<PassageEntry>,
}

/// `links[].passages[]`: one article's side of a link.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PassageEntry {
    pub article: String,
    #[serde(flatten)]
    pub selector: Selector,
}

impl StoryFile {
    /// The story as pretty JSON (two-space indent, final newline), the way
    /// `verso annotate` writes it.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a StoryFile always serialises");
        s.push('\n');
        s
    }
}
