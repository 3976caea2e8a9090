//! A page's article as text, with its metadata: Readability (the `dom_smoothie`
//! port of Firefox's Reader View) finds the article; its HTML becomes one
//! paragraph per block with a blank line between, headings kept, and figures,
//! captions, asides, forms and scripts dropped. Title, outlet, author, date
//! and canonical address come from Open Graph, JSON-LD and meta tags.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// The outlet: `og:site_name`, JSON-LD `publisher`.
    pub site_name: Option<String>,
    pub author: Option<String>,
    /// As the page gives it (usually ISO 8601).
    pub published: Option<String>,
    /// `<link rel=canonical>`, else `og:url`, else JSON-LD `url`.
    pub url: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoArticle {
    /// Readability found no article, or one of fewer than [`MIN_WORDS`] words.
    NoText,
    /// The extractor failed on the page (a bug of its, caught): its message.
    Failed(String),
}

/// An article shorter than this is a page that has none (an index, a login
/// wall, an error page served with status 200).
pub const MIN_WORDS: usize = 20;

/// Elements whose text is never article text, even inside the article.
const DROPPED: &str = "figure, figcaption, picture, img, video, audio, iframe, object, embed, \
     script, style, noscript, template, svg, canvas, aside, nav, form, button, input, select, \
     textarea, label, dialog";

/// Elements that end a paragraph before and after them.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "br"
            | "address"
            | "details"
            | "summary"
    )
}

/// The article text of `html` and its metadata. A panic in the extractor
/// is caught and becomes [`NoArticle::Failed`]: a strange page is bad input,
/// never a crash.
pub fn extract(html: &str) -> Result<(String, Meta), NoArticle> {
    std::panic::catch_unwind(|| read(html)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(NoArticle::Failed(msg))
    })
}

fn read(html: &str) -> Result<(String, Meta), NoArticle> {
    let doc = Document::from(html);
    let canonical = first_attr(&doc, "link[rel=canonical]", "href")
        .or_else(|| first_attr(&doc, "meta[property='og:url']", "content"));
    // No document address: it only makes links absolute, and links are dropped.
    let mut reader = Readability::with_document(doc, None, Some(Config::default()))
        .map_err(|_| NoArticle::NoText)?;
    let article = reader.parse().map_err(|_| NoArticle::NoText)?;
    let text = paragraphs(&article.content);
    if text.split_whitespace().count() < MIN_WORDS {
        return Err(NoArticle::NoText);
    }
    let meta = Meta {
        title: clean(Some(article.title.as_str())),
        site_name: clean(article.site_name.as_deref()),
        author: clean(article.byline.as_deref()),
        published: clean(article.published_time.as_deref()),
        url: clean(canonical.as_deref()).or_else(|| clean(article.url.as_deref())),
    };
    Ok((text, meta))
}

fn first_attr(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr))
        .map(|v| v.to_string())
}

/// The text of an article's HTML: one paragraph per block, a blank line
/// between paragraphs, a line break at the end.
pub fn paragraphs(content_html: &str) -> String {
    let doc = Document::fragment(content_html);
    doc.select(DROPPED).remove();
    // Lists that are mostly links: "top stories", "most read", "related".
    for list in doc.select("ul, ol").iter() {
        let all = list.text().chars().filter(|c| !c.is_whitespace()).count();
        let linked = list
            .select("a")
            .text()
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        if linked * 2 > all {
            list.remove();
        }
    }
    let mut out = Paragraphs::default();
    for n in doc.root().children() {
        out.walk(&n);
    }
    out.flush();
    // A heading with no text under it headed what was dropped.
    let done = &out.done;
    let kept: Vec<&str> = (0..done.len())
        .filter(|&i| !out.heading[i] || (i + 1 < done.len() && !out.heading[i + 1]))
        .map(|i| done[i].as_str())
        .collect();
    let mut text = kept.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    /// Per paragraph of `done`: it is a heading.
    heading: Vec<bool>,
    /// The open paragraph is inside a heading.
    in_heading: bool,
    /// The paragraph being read, its spaces collapsed.
    open: String,
}

impl Paragraphs {
    fn walk(&mut self, n: &NodeRef) {
        if n.is_text() {
            self.push_text(&n.text());
        } else if n.is_element() {
            let name = n
                .node_name()
                .map(|s| s.to_ascii_lowercase())
                .unwrap_or_default();
            let block = is_block(&name);
            if block {
                self.flush();
            }
            let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            self.in_heading |= heading;
            for c in n.children() {
                self.walk(&c);
            }
            if block {
                self.flush();
            }
            if heading {
                self.in_heading = false;
            }
        }
    }

    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                if !self.open.is_empty() && !self.open.ends_with(' ') {
                    self.open.push(' ');
                }
            } else if !is_hidden(c) {
                self.open.push(c);
            }
        }
    }

    fn flush(&mut self) {
        let p = self.open.trim_end();
        if !p.is_empty() {
            self.done.push(p.to_string());
            self.heading.push(self.in_heading);
        }
        self.open.clear();
    }
}

/// Characters that must not reach a text file or the terminal from a page:
/// controls (escape sequences start with one), bidirectional overrides, a
/// byte-order mark, zero-width spaces.
fn is_hidden(c: char) -> bool {
    c.is_control() || crate::story::is_bidi_control(c) || matches!(c, '\u{feff}' | '\u{200b}')
}

/// A metadata value on one line, without hidden characters; `None` if empty.
fn clean(v: Option<&str>) -> Option<String> {
    let mut p = Paragraphs::default();
    p.push_text(v?);
    let s = p.open.trim_end();
    (!s.is_empty()).then(|| s.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_text_joins() {
        let t = paragraphs(
            "<div><h2>A heading</h2><p>One <b>bold</b>\n  word.</p><figure><img src=x>\
             <figcaption>A caption</figcaption></figure><ul><li>first</li><li>second</li></ul>\
             <p>Line<br>break</p></div>",
        );
        assert_eq!(
            t,
            "A heading\n\nOne bold word.\n\nfirst\n\nsecond\n\nLine\n\nbreak\n"
        );
    }

    #[test]
    fn link_lists_and_the_headings_left_bare_go() {
        let t = paragraphs(
            "<h2>Kept</h2><p>Body text.</p><ul><li>an <a>item</a> of text</li></ul>\
             <h2>Most read</h2><ul><li><a>One story</a></li><li><a>Another</a></li></ul>\
             <h2>Also gone</h2>",
        );
        assert_eq!(t, "Kept\n\nBody text.\n\nan item of text\n");
    }

    #[test]
    fn escapes_and_controls_never_pass() {
        let t = paragraphs("<p>a\u{1b}[31mred\u{7}\u{202e}txt\u{9b}2J</p>");
        assert_eq!(t, "a[31mredtxt2J\n");
        assert_eq!(
            clean(Some(" A\u{1b}]0;x\u{7}\n title ")),
            Some("A]0;x title".into())
        );
        assert_eq!(clean(Some(" \u{200b} ")), None);
    }
}
