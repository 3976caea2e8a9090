//! A drafted story from pages and addresses (`verso annotate URL URL -o
//! DIR/story.json`): each page's text goes to `DIR/articles/<name>.txt`, the
//! story names those files and records each page's title, outlet, date and
//! address. Nothing is written until every article has been read and drafted,
//! and a different existing article file is never overwritten.

use std::path::{Path, PathBuf};

use super::{Article, Options, Origin, Progress};
use crate::fsutil;
use crate::story::format::StoryFile;

/// An article file to write: where, and the text.
struct Planned {
    path: PathBuf,
    text: String,
}

/// Reads every argument, drafts the story, then writes the pages' texts
/// (each atomically) and returns the story to write to `out`. On failure,
/// the message names the address or file and what went wrong, and nothing
/// has been written.
pub fn draft(
    args: &[PathBuf],
    out: Option<&Path>,
    opts: &Options,
    progress: &mut dyn FnMut(&str, Progress),
) -> Result<(StoryFile, Vec<String>), String> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let base = fsutil::output_base(out);
    let mut read: Vec<Article> = Vec::new();
    for a in args {
        read.push(super::load_article(a, opts, progress).map_err(|e| e.to_string())?);
    }
    let mut taken: Vec<String> = Vec::new();
    let mut planned = Vec::new();
    let mut articles = Vec::new();
    for art in &read {
        let path = match &art.origin {
            Origin::Text(p) => fsutil::absolute(&cwd, p),
            Origin::Page(_) | Origin::Address(_) => {
                let name = unique(file_name(&art.origin), &mut taken);
                let path = base.join("articles").join(format!("{name}.txt"));
                check_free(&path, &art.text)?;
                planned.push(Planned {
                    path: path.clone(),
                    text: art.text.clone(),
                });
                path
            }
        };
        let rel = fsutil::relative_utf8(&base, &path).ok_or_else(|| {
            format!(
                "{}: the path is not UTF-8, so a story file cannot name it; rename the file or folder",
                path.display()
            )
        })?;
        articles.push((rel, art.text.clone()));
    }
    let mut story = crate::annotate::guard::try_draft(&articles).map_err(|msg| {
        let names: Vec<String> = read.iter().map(|a| a.origin.name()).collect();
        format!("{}: drafting failed: {msg}", names.join(", "))
    })?;
    for (entry, art) in story.articles.iter_mut().zip(&read) {
        super::describe(entry, &art.meta);
    }
    for p in &planned {
        write_new(p)?;
    }
    let warnings = read.iter().filter_map(|a| a.warning.clone()).collect();
    Ok((story, warnings))
}

/// The file name a page's text is kept under: the page file's stem, or the
/// address's last path segment without its extension (else its host), in
/// lower case letters, digits, `-` and `_`.
pub fn file_name(origin: &Origin) -> String {
    let raw = match origin {
        Origin::Text(p) | Origin::Page(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        Origin::Address(a) => {
            let rest = a.split_once("://").map_or(a.as_str(), |(_, r)| r);
            let rest = rest.split(['?', '#']).next().unwrap_or(rest);
            let segs: Vec<&str> = rest.split('/').collect();
            match segs[1..].iter().rev().find(|s| !s.is_empty()) {
                Some(last) => match last.rsplit_once('.') {
                    Some((stem, ext))
                        if !stem.is_empty()
                            && ext.len() <= 5
                            && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
                    {
                        stem.to_string()
                    }
                    _ => last.to_string(),
                },
                None => segs[0].to_string(),
            }
        }
    };
    let mut name = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name: String = name.trim_matches('-').chars().take(60).collect();
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "article".into()
    } else {
        name.to_string()
    }
}

/// `name`, or `name-2`, `name-3`… when an earlier article took it.
fn unique(name: String, taken: &mut Vec<String>) -> String {
    let mut n = 1;
    let mut candidate = name.clone();
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{name}-{n}");
    }
    taken.push(candidate.clone());
    candidate
}

/// Fails if `path` holds something other than `text`: an article file is
/// never overwritten with different words.
fn check_free(path: &Path, text: &str) -> Result<(), String> {
    match std::fs::read(path) {
        Ok(old) if old == text.as_bytes() => Ok(()),
        Ok(_) => Err(format!(
            "{}: an article file with different text is already there; \
             move it away or write the story to another folder",
            path.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: cannot read it: {e}", path.display())),
    }
}

fn write_new(p: &Planned) -> Result<(), String> {
    if std::fs::read(&p.path).is_ok_and(|old| old == p.text.as_bytes()) {
        return Ok(());
    }
    if let Some(dir) = p.path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    fsutil::write_atomically(&p.path, &p.text)
        .map_err(|e| format!("cannot write {}: {e}", p.path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(a: &str) -> String {
        file_name(&Origin::Address(a.into()))
    }

    #[test]
    fn names_from_addresses_and_files() {
        assert_eq!(
            addr("https://www.bbc.co.uk/news/uk-politics-123456"),
            "uk-politics-123456"
        );
        assert_eq!(addr("http://127.0.0.1:8000/a.html?x=1#top"), "a");
        assert_eq!(addr("https://news.example.com/"), "news-example-com");
        assert_eq!(addr("https://x.test/2024/05/Carter%20Out/"), "carter-20out");
        assert_eq!(
            file_name(&Origin::Page("saved/The Story.HTML".into())),
            "the-story"
        );
        assert_eq!(addr("https://x.test/???"), "x-test");
    }

    #[test]
    fn taken_names_get_a_number() {
        let mut taken = Vec::new();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a-2");
        assert_eq!(unique("a".into(), &mut taken), "a-3");
    }
}
