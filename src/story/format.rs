//! The story file as written on disk (FORMAT.md, version 1), field for field.
//!
//! These structs are what a story file *says*, before anything is checked or
//! anchored, and the one place its fields are declared: each struct's
//! `fields()` is what the reader (`story::parse`, which walks the JSON by hand
//! so that every wrong field becomes a problem with its JSON path) allows and
//! suggests from. Writing (`verso annotate`, exporters) serialises these
//! structs directly, so the output always has the field order and spelling of
//! FORMAT.md.

use serde::Serialize;

/// Declares a story-file entry once: its struct (what a file says, field for
/// field, in FORMAT.md's order; serialised as it is declared) and
/// `fields()`, the names a file may use in it, which the reader checks each
/// object against. A `flatten` field's names are its type's own.
macro_rules! entry {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$fmeta:meta])* pub $field:ident : $ty:ty,)*
            $(flatten $flat:ident : $flty:ident,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            $(#[serde(flatten)] pub $flat: $flty,)?
        }

        impl $name {
            /// The field names a story file may use here, in order.
            pub fn fields() -> Vec<&'static str> {
                #[allow(unused_mut)]
                let mut names = vec![$(stringify!($field)),*];
                $(
                    let _ = stringify!($flat);
                    names.extend($flty::fields());
                )?
                names
            }
        }
    };
}

/// The only story-file version this program reads and writes.
pub const VERSION: u64 = 1;

entry! {
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
}

entry! {
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
}

entry! {
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
}

entry! {
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
}

entry! {
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
    flatten selector: Selector,
}
}

entry! {
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
}

entry! {
/// `links[].passages[]`: one article's side of a link.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PassageEntry {
    pub article: String,
    flatten selector: Selector,
}
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
