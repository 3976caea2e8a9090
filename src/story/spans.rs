//! A JSON scanner that records where every value, key and member lies in the
//! text (byte ranges), so that [`save`](super::save) can rewrite one value and
//! copy everything else byte for byte. It checks the syntax (RFC 8259) but
//! decodes only object keys; a value's text is `&text[node.span]`.

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
pub fn parse(text: &str) -> Result<Node, String> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        pos: start,
        depth: 0,
    };
    s.ws();
    let node = s.value()?;
    s.ws();
    if s.pos < s.b.len() {
        return Err(s.error("text after the end of the JSON value"));
    }
    Ok(node)
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Scanner<'_> {
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

    fn object(&mut self) -> Result<Kind, String> {
        self.enter()?;
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                if self.peek() != Some(b'"') {
                    return Err(self.error("expected a key (a string)"));
                }
                let key_span = self.string()?;
                let key = serde_json::from_str::<String>(&self.text[key_span.clone()])
                    .map_err(|e| self.error(&format!("bad key: {e}")))?;
                self.ws();
                self.expect(b':')?;
                self.ws();
                let value = self.value()?;
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.error("expected ',' or '}'")),
                }
            }
        }
        self.depth -= 1;
        Ok(Kind::Object(members))
    }

    fn array(&mut self) -> Result<Kind, String> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                items.push(self.value()?);
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.error("expected ',' or ']'")),
                }
            }
        }
        self.depth -= 1;
        Ok(Kind::Array(items))
    }

    /// A string, from its opening quotation mark past its closing one.
    fn string(&mut self) -> Result<Range<usize>, String> {
        let start = self.pos;
        self.pos += 1;
        loop {
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
        }
        assert!(parse(&"[".repeat(200)).unwrap_err().contains("deeply"));
    }
}
