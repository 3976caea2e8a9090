//! A JSON scanner that records where every value, key and member lies in the
//! text (byte ranges), so that [`save`](super::save) can rewrite one value and
//! copy everything else byte for byte. It checks the syntax (RFC 8259) but
//! decodes only object keys; a value's text is `&text[node.span]`.
//!
//! [`parse_shallow`] records only the outer levels (a story file's arrays and
//! where each element lies), checking the rest without recording it, which is
//! many times cheaper on a big file; [`expand`] records one element when it is
//! needed and [`member_value`] finds one key in it without recording anything.

use std::borrow::Cow;
use std::ops::Range;

/// A JSON value and the bytes it occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Node>),
    String,
    /// A number, `true`, `false` or `null`.
    Other,
    /// An object or array below the levels [`parse_shallow`] records: its
    /// syntax checked, its insides not recorded ([`expand`] records them).
    Unread,
}

/// `"key": value` in an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key, decoded.
    pub key: String,
    /// The key with its quotation marks.
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Member {
    /// From the key's opening quotation mark to the end of the value.
    pub fn span(&self) -> Range<usize> {
        self.key_span.start..self.value.span.end
    }
}

impl Node {
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            Kind::Object(m) => m,
            _ => &[],
        }
    }

    /// The last member named `key` (the one a reader keeps), with its index.
    pub fn get(&self, key: &str) -> Option<(usize, &Member)> {
        self.members()
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| m.key == key)
    }

    /// The spans of the object's members or the array's elements.
    pub fn item_spans(&self) -> Vec<Range<usize>> {
        match &self.kind {
            Kind::Object(m) => m.iter().map(Member::span).collect(),
            Kind::Array(a) => a.iter().map(|n| n.span.clone()).collect(),
            _ => Vec::new(),
        }
    }
}

/// Nesting deeper than this is refused (serde_json's own limit).
const MAX_DEPTH: usize = 128;

/// Scans a whole JSON text (an optional byte-order mark, whitespace, one value,
/// whitespace); the error names the line and column.
#[cfg(test)]
pub fn parse(text: &str) -> Result<Node, String> {
    parse_shallow(text, usize::MAX)
}

/// Like [`parse`], but objects and arrays nested `levels` deep (the top-level
/// value is level 0) are [`Kind::Unread`]: checked, not recorded.
pub fn parse_shallow(text: &str, levels: usize) -> Result<Node, String> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut s = Scanner::new(text, start, levels);
    s.ws();
    let node = s.value()?;
    s.ws();
    if s.pos < s.b.len() {
        return Err(s.error("text after the end of the JSON value"));
    }
    Ok(node)
}

/// The value at `node.span` of `text` (as [`parse`] or [`parse_shallow`]
/// found it) recorded in full, its spans still offsets into `text`.
pub fn expand(text: &str, node: &Node) -> Result<Node, String> {
    if !matches!(node.kind, Kind::Unread) {
        return Ok(node.clone());
    }
    let mut s = Scanner::new(text, node.span.start, usize::MAX);
    let n = s.value()?;
    debug_assert_eq!(n.span, node.span);
    Ok(n)
}

/// The span of the value of the last member named `key` in the object at
/// `node.span` of `text`, found without recording anything else; `None` when
/// `node` is no object or has no such key.
pub fn member_value(text: &str, node: &Node, key: &str) -> Option<Range<usize>> {
    if let Kind::Object(_) = node.kind {
        return node.get(key).map(|(_, m)| m.value.span.clone());
    }
    if text.as_bytes().get(node.span.start) != Some(&b'{') {
        return None;
    }
    let mut s = Scanner::new(text, node.span.start, 0);
    let mut found = None;
    s.members(|s, k| {
        // Keys without escapes (nearly all) compare as they are written.
        let raw = &s.text[k.start + 1..k.end - 1];
        let same = match raw.contains('\\') {
            false => raw == key,
            true => decode(&s.text[k])? == key,
        };
        let v = s.pos;
        s.skip_value()?;
        if same {
            found = Some(v..s.pos);
        }
        Ok(())
    })
    .ok()?;
    found
}

/// The string value of the last member named `key` of the object `node`,
/// decoded (without a copy when it has no escapes).
pub fn member_str<'t>(text: &'t str, node: &Node, key: &str) -> Option<Cow<'t, str>> {
    let raw = &text[member_value(text, node, key)?];
    raw.starts_with('"').then(|| decode(raw).ok()).flatten()
}

/// A JSON string as written (with its quotation marks), decoded: its own
/// bytes when it has no escapes.
fn decode(raw: &str) -> Result<Cow<'_, str>, String> {
    match raw.get(1..raw.len().saturating_sub(1)) {
        Some(inner) if !inner.contains('\\') => Ok(inner.into()),
        _ => serde_json::from_str::<String>(raw)
            .map(Into::into)
            .map_err(|e| e.to_string()),
    }
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    depth: usize,
    /// Containers at this depth and deeper are checked, not recorded.
    levels: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, pos: usize, levels: usize) -> Scanner<'a> {
        Scanner {
            text,
            b: text.as_bytes(),
            pos,
            depth: 0,
            levels,
        }
    }

    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = 1 + before.matches('\n').count();
        let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        format!("{what} at line {line} column {col}")
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected '{}'", c as char)))
        }
    }

    fn value(&mut self) -> Result<Node, String> {
        let start = self.pos;
        if self.depth >= self.levels && matches!(self.peek(), Some(b'{' | b'[')) {
            self.skip_value()?;
            return Ok(Node {
                span: start..self.pos,
                kind: Kind::Unread,
            });
        }
        let kind = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => {
                self.string()?;
                Kind::String
            }
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                Kind::Other
            }
            Some(b't') => self.literal("true")?,
            Some(b'f') => self.literal("false")?,
            Some(b'n') => self.literal("null")?,
            Some(_) => return Err(self.error("expected a JSON value")),
            None => return Err(self.error("unexpected end of the text")),
        };
        Ok(Node {
            span: start..self.pos,
            kind,
        })
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        Ok(())
    }

    /// The items of the object or array the scanner is at (at its opening
    /// bracket, closed by `close`): `each` reads one, the brackets and commas
    /// around them are read here.
    fn items(
        &mut self,
        close: u8,
        mut each: impl FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        self.enter()?;
        self.pos += 1;
        self.ws();
        if self.peek() == Some(close) {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                each(self)?;
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(c) if c == close => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unclosed(close)),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    #[cold]
    fn unclosed(&self, close: u8) -> String {
        self.error(&format!("expected ',' or '{}'", close as char))
    }

    /// The members of the object the scanner is at: `each` gets the key's
    /// span with the scanner at the value, and reads the value.
    fn members(
        &mut self,
        mut each: impl FnMut(&mut Self, Range<usize>) -> Result<(), String>,
    ) -> Result<(), String> {
        self.items(b'}', |s| {
            if s.peek() != Some(b'"') {
                return Err(s.error("expected a key (a string)"));
            }
            let key = s.string()?;
            s.ws();
            s.expect(b':')?;
            s.ws();
            each(s, key)
        })
    }

    fn object(&mut self) -> Result<Kind, String> {
        let mut members = Vec::new();
        self.members(|s, key_span| {
            let key = decode(&s.text[key_span.clone()])
                .map_err(|e| s.error(&format!("bad key: {e}")))?
                .into_owned();
            let value = s.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            Ok(())
        })?;
        Ok(Kind::Object(members))
    }

    fn array(&mut self) -> Result<Kind, String> {
        let mut items = Vec::new();
        self.items(b']', |s| {
            items.push(s.value()?);
            Ok(())
        })?;
        Ok(Kind::Array(items))
    }

    /// Any value, its syntax checked, nothing recorded.
    fn skip_value(&mut self) -> Result<(), String> {
        match self.peek() {
            Some(b'{') => self.members(|s, _| s.skip_value()),
            Some(b'[') => self.items(b']', Self::skip_value),
            _ => self.value().map(drop),
        }
    }

    /// A string, from its opening quotation mark past its closing one.
    fn string(&mut self) -> Result<Range<usize>, String> {
        let start = self.pos;
        self.pos += 1;
        loop {
            // Most of a string is plain bytes: skip them in one step.
            let plain = self.b[self.pos..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(self.b.len() - self.pos);
            self.pos += plain;
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(start..self.pos);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            let hex = self.b.get(self.pos + 1..self.pos + 5);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return Err(self.error("bad \\u escape"));
                            }
                            self.pos += 5;
                        }
                        _ => return Err(self.error("bad escape")),
                    }
                }
                Some(c) if c < 0x20 => {
                    return Err(self.error("control character in a string"));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - from
    }

    fn number(&mut self) -> Result<(), String> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("bad number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("bad number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("bad number"));
            }
        }
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<Kind, String> {
        if self.b[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(Kind::Other)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_keys_and_values() {
        let t = "\u{feff} {\"a\" : [1, -2.5e3, \"x\\u00e9\\\"\"],\r\n\"b\":{} , \"c\":null}\n";
        let n = parse(t).unwrap();
        let (i, a) = n.get("a").unwrap();
        assert_eq!(i, 0);
        assert_eq!(&t[a.key_span.clone()], "\"a\"");
        assert_eq!(&t[a.value.span.clone()], "[1, -2.5e3, \"x\\u00e9\\\"\"]");
        let Kind::Array(items) = &a.value.kind else {
            panic!()
        };
        assert_eq!(&t[items[1].span.clone()], "-2.5e3");
        assert_eq!(&t[n.get("b").unwrap().1.value.span.clone()], "{}");
        assert_eq!(&t[n.span.clone()], t[4..].trim_end());
        assert_eq!(n.item_spans().len(), 3);
    }

    #[test]
    fn shallow_records_outer_levels_and_expands_on_demand() {
        let t = "{\"q\": [{\"id\": \"a\", \"x\": [1, {\"y\": 2}]}, {\"i\\u0064\": \"b\", \"id\": \"c\"}, 3]}";
        let shallow = parse_shallow(t, 2).unwrap();
        let (_, q) = shallow.get("q").unwrap();
        let Kind::Array(items) = &q.value.kind else {
            panic!()
        };
        assert!(matches!(items[0].kind, Kind::Unread));
        assert!(matches!(items[2].kind, Kind::Other));
        let full = parse(t).unwrap();
        let Kind::Array(full_items) = &full.get("q").unwrap().1.value.kind else {
            panic!()
        };
        for (s, f) in items.iter().zip(full_items) {
            assert_eq!(&expand(t, s).unwrap(), f);
        }
        let id = |n: &Node| member_value(t, n, "id").map(|r| &t[r]);
        assert_eq!(id(&items[0]), Some("\"a\""));
        // The last of two keys that decode to "id" wins, as in a reader.
        assert_eq!(id(&items[1]), Some("\"c\""));
        assert_eq!(id(&items[2]), None);
        assert_eq!(id(&full_items[0]), Some("\"a\""));
        assert_eq!(member_str(t, &items[1], "id").as_deref(), Some("c"));
        assert_eq!(member_str(t, &items[0], "x"), None);
        // Bad syntax deep inside is still found by a shallow scan.
        assert!(parse_shallow("[[[1,]]]", 1).is_err());
        assert!(parse_shallow("[{\"a\" 1}]", 1).is_err());
    }

    #[test]
    fn bad_json_is_an_error_with_a_place() {
        for bad in [
            "",
            "{",
            "{\"a\" 1}",
            "[1,]",
            "{\"a\":01}",
            "\"\\x\"",
            "[] x",
            "tru",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains("line 1 column"), "{bad}: {e}");
            assert!(parse_shallow(bad, 0).is_err(), "{bad}");
        }
        assert!(parse(&"[".repeat(200)).unwrap_err().contains("deeply"));
    }
}
