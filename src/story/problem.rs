//! Problems (a story that loads, with parts that are not sound) and load errors
//! (a story file that cannot be read at all), with the messages `check` prints.

use std::fmt;

/// Something wrong in a story file that does not stop the rest from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `quotes[4].speaker`.
    pub path: String,
    /// The id of the item the path is in, when it has one.
    pub id: Option<String>,
    /// What is wrong, in a sentence without a final full stop.
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, id: Option<&str>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            id: id.map(str::to_string),
            message: message.into(),
        }
    }

    /// `quotes[4] (q5)`: where the problem is, as a person looks for it.
    pub fn location(&self) -> String {
        match &self.id {
            Some(id) if !id.is_empty() => format!("{} ({id})", self.path),
            _ => self.path.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// A story file that cannot be read at all: not JSON, wrong version, an article
/// file that is missing or not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The story file, as named on the command line.
    pub source: String,
    /// What is wrong; may span several lines (a JSON line with a caret).
    pub message: String,
}

impl LoadError {
    pub fn new(source: &str, message: impl Into<String>) -> LoadError {
        LoadError {
            source: source.to_string(),
            message: message.into(),
        }
    }

    /// A JSON syntax error: line and column, the line itself, and a caret.
    pub fn json(source: &str, json: &str, err: &serde_json::Error) -> LoadError {
        let what = match err.classify() {
            serde_json::error::Category::Eof => "not valid JSON (the file ends too early)",
            _ => "not valid JSON",
        };
        let line_no = err.line();
        let col = err.column();
        let mut message = format!(
            "{what}: {} at line {line_no}, column {col}",
            strip_position(&err.to_string())
        );
        if line_no >= 1
            && let Some(line) = json.lines().nth(line_no - 1)
        {
            let (shown, caret) = excerpt(line, col);
            message.push_str(&format!("\n  {shown}\n  {}^", " ".repeat(caret)));
        }
        LoadError::new(source, message)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// serde_json appends " at line L column C"; we say it our own way.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

/// Up to 70 characters of `line` around byte column `col` (1-based, as serde_json
/// counts), made safe to print, and the caret's column in the result.
fn excerpt(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = chars
        .iter()
        .position(|&(b, _)| b + 1 >= col)
        .unwrap_or(chars.len().saturating_sub(1));
    let from = at.saturating_sub(50);
    let to = (from + 70).min(chars.len());
    let mut shown = String::new();
    let mut caret = 0;
    if from > 0 {
        shown.push('…');
        caret += 1;
    }
    for (i, &(_, c)) in chars[from..to].iter().enumerate() {
        let c = if c.is_control() { ' ' } else { c };
        if from + i < at {
            caret += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        shown.push(c);
    }
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// A short, printable excerpt of article text for a message: control characters
/// escaped, cut to `max` characters.
pub fn quote_excerpt(text: &str, max: usize) -> String {
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' => out.push_str("\\\""),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:04x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters that reorder text on a terminal and must never reach it raw.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_puts_the_caret_under_the_column() {
        let (s, c) = excerpt(r#"  "version": 1,,"#, 16);
        assert_eq!(s, r#"  "version": 1,,"#);
        assert_eq!(c, 15);
    }

    #[test]
    fn quote_excerpt_escapes_controls_and_cuts() {
        assert_eq!(
            quote_excerpt("a\u{1b}[2Jb\nc", 100),
            "\"a\\u{001b}[2Jb\\nc\""
        );
        assert_eq!(quote_excerpt("abcdef", 3), "\"abc…\"");
    }
}
