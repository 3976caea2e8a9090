//! Articles as people have them: a `.txt` file, a saved web page (`.html`,
//! `.htm`), or a web address (`http://`, `https://`). [`load_article`] reads
//! any of them to text and metadata: [`fetch`] gets an address (kept in the
//! [`cache`]), [`charset`] decodes a page, [`extract`] finds its article, and
//! [`story`] writes the texts beside a drafted story. Nothing here prints or
//! exits: errors are values, progress a callback.

pub mod cache;
pub mod charset;
pub mod extract;
pub mod fetch;
pub mod story;

use std::path::{Path, PathBuf};

pub use extract::Meta;
pub use fetch::{FetchError, Limits, Progress};

/// Where an article comes from, by the look of its argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A plain text file.
    Text(PathBuf),
    /// A saved web page.
    Page(PathBuf),
    /// A web address.
    Address(String),
}

impl Origin {
    pub fn of(arg: &Path) -> Origin {
        if let Some(s) = arg.to_str().filter(|s| is_address(s)) {
            return Origin::Address(s.to_string());
        }
        let page = arg
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if page {
            Origin::Page(arg.to_path_buf())
        } else {
            Origin::Text(arg.to_path_buf())
        }
    }

    /// How messages name it: the address, or the path as given.
    pub fn name(&self) -> String {
        match self {
            Origin::Text(p) | Origin::Page(p) => p.display().to_string(),
            Origin::Address(a) => a.clone(),
        }
    }
}

/// True for an `http://` or `https://` address.
pub fn is_address(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// True for an argument read as a page or an address rather than a text file.
pub fn is_web(arg: &Path) -> bool {
    !matches!(Origin::of(arg), Origin::Text(_))
}

/// True for an argument that names an article: text, page or address.
pub fn is_article(arg: &Path) -> bool {
    is_web(arg)
        || arg
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// An article read from its argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub origin: Origin,
    pub text: String,
    /// Empty for a text file.
    pub meta: Meta,
    /// Something the reader should know that did not stop the reading (the
    /// page could not be kept in the cache).
    pub warning: Option<String>,
}

/// Writes a page's metadata into its story entry: its title (when it has
/// one), outlet, publication date and address. FORMAT.md has no author field,
/// so the author stays in [`Meta`].
pub fn describe(entry: &mut crate::story::format::ArticleEntry, meta: &Meta) {
    if meta.title.is_some() {
        entry.title = meta.title.clone();
    }
    entry.outlet = meta.site_name.clone();
    entry.published = meta.published.clone();
    entry.url = meta.url.clone();
}

/// How to get pages.
pub struct Options {
    /// Fetch addresses again even when the cache has them.
    pub refresh: bool,
    pub limits: Limits,
    /// `None`: no cache (no home folder).
    pub cache: Option<cache::Cache>,
}

impl Options {
    /// The platform's cache and the default limits (see [`Limits::from_env`]).
    pub fn new(refresh: bool) -> Options {
        Options {
            refresh,
            limits: Limits::from_env(),
            cache: cache::Cache::platform(),
        }
    }
}

/// Why an article could not be read: what, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError {
    /// The address or the file, as given.
    pub what: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Fetch(FetchError),
    /// The page has no article text that Readability could find.
    NoText,
    /// The extractor failed on the page: its message.
    Unreadable(String),
    /// The file could not be read: why.
    File(String),
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.problem {
            Problem::Fetch(e) => write!(f, "{}: {e}", self.what),
            Problem::NoText => write!(
                f,
                "{}: no article text found in the page (fewer than {} words that read as an article)",
                self.what,
                extract::MIN_WORDS
            ),
            Problem::Unreadable(why) => write!(
                f,
                "{}: the page could not be read (the article extractor failed: {why})",
                self.what
            ),
            Problem::File(why) => write!(f, "{}: {why}", self.what),
        }
    }
}

impl std::error::Error for WebError {}

/// Reads the article an argument names: a text file as it is; a saved page or
/// an address as its article's text (paragraphs separated by a blank line)
/// and metadata. `progress` hears how a fetch goes, with the address.
pub fn load_article(
    arg: &Path,
    opts: &Options,
    progress: &mut dyn FnMut(&str, Progress),
) -> Result<Article, WebError> {
    let origin = Origin::of(arg);
    let fail = |problem| WebError {
        what: origin.name(),
        problem,
    };
    let (html, address, warning) = match &origin {
        Origin::Text(p) => {
            let text = crate::story::read_text(p).map_err(|m| fail(Problem::File(m)))?;
            return Ok(Article {
                origin,
                text,
                meta: Meta::default(),
                warning: None,
            });
        }
        Origin::Page(p) => {
            let bytes = crate::fsutil::read_bytes(p).map_err(|m| fail(Problem::File(m)))?;
            (charset::decode(&bytes, None), None, None)
        }
        Origin::Address(a) => {
            let (entry, fresh) =
                fetch_or_cached(a, opts, progress).map_err(|e| fail(Problem::Fetch(e)))?;
            (entry.html, Some(entry.final_url), fresh)
        }
    };
    let (text, mut meta) = extract::extract(&html).map_err(|e| {
        fail(match e {
            extract::NoArticle::NoText => Problem::NoText,
            extract::NoArticle::Failed(why) => Problem::Unreadable(why),
        })
    })?;
    if meta.url.is_none() {
        meta.url = address;
    }
    let warning = match (&origin, warning) {
        // Kept only once the page gave an article: a bad page is never written.
        (Origin::Address(_), Some(entry)) => opts.cache.as_ref().and_then(|c| c.put(&entry).err()),
        _ => None,
    };
    Ok(Article {
        origin,
        text,
        meta,
        warning,
    })
}

/// The page of `address`, from the cache unless `opts.refresh`; the second
/// value is the entry to keep when it was fetched now.
fn fetch_or_cached(
    address: &str,
    opts: &Options,
    progress: &mut dyn FnMut(&str, Progress),
) -> Result<(cache::Entry, Option<cache::Entry>), FetchError> {
    if !opts.refresh
        && let Some(hit) = opts.cache.as_ref().and_then(|c| c.get(address))
    {
        return Ok((hit, None));
    }
    let got = fetch::fetch(address, opts.limits, &mut |p| progress(address, p))?;
    let entry = cache::Entry {
        address: address.to_string(),
        final_url: got.final_url,
        html: charset::decode(&got.body, got.content_type.as_deref()),
    };
    Ok((entry.clone(), Some(entry)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_told_apart() {
        assert_eq!(
            Origin::of(Path::new("HTTPS://x.test/a")),
            Origin::Address("HTTPS://x.test/a".into())
        );
        assert!(matches!(Origin::of(Path::new("a.HTM")), Origin::Page(_)));
        assert!(matches!(Origin::of(Path::new("a.txt")), Origin::Text(_)));
        assert!(matches!(Origin::of(Path::new("http.txt")), Origin::Text(_)));
        assert!(is_article(Path::new("x.html")) && !is_article(Path::new("x.json")));
    }
}
