//! Bytes of a page to text: the character encoding from a byte-order mark, the
//! HTTP `Content-Type` charset, or the page's own `<meta charset>`; else UTF-8
//! when the bytes are UTF-8, else windows-1252 (what browsers assume).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page to look for `<meta charset>` (the HTML standard's
/// prescan reads 1024 bytes; pages with long heads put it later).
const PRESCAN: usize = 4096;

/// The page's text, decoded; `content_type` is the HTTP header, if any.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let enc = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_param).and_then(label))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// An encoding for a label; a page cannot be UTF-16 by its own say-so (its
/// bytes were read as ASCII to find the label), so that, like the
/// "replacement" label, means UTF-8 (encoding_rs's output encoding).
fn label(l: &str) -> Option<&'static Encoding> {
    Encoding::for_label(l.trim().as_bytes()).map(Encoding::output_encoding)
}

/// The `charset=` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = &content_type[at..];
    let v = rest.split(';').next()?.trim().trim_matches(['"', '\'']);
    (!v.is_empty()).then_some(v)
}

/// The encoding named by a `<meta charset=…>` or `<meta http-equiv
/// content="…; charset=…">` in the head.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset=") {
            let v: Vec<u8> = tag[c + 8..]
                .iter()
                .copied()
                .skip_while(|b| *b == b'"' || *b == b'\'')
                .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .collect();
            if let Some(e) = std::str::from_utf8(&v).ok().and_then(label) {
                return Some(e);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_from_header_meta_or_invalid_utf8() {
        let bytes = b"<p>caf\xe9 \x93quoted\x94</p>";
        let want = "<p>caf\u{e9} \u{201c}quoted\u{201d}</p>";
        assert_eq!(decode(bytes, Some("text/html; charset=windows-1252")), want);
        assert_eq!(decode(bytes, None), want);
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\x93</p>";
        assert!(decode(meta, None).ends_with("<p>\u{201c}</p>"));
    }

    #[test]
    fn header_beats_meta_and_bom_beats_both() {
        let bytes = "<meta charset=\"windows-1252\"><p>é</p>".as_bytes();
        assert!(decode(bytes, Some("text/html; charset=utf-8")).contains("<p>é</p>"));
        assert!(decode(bytes, None).contains("<p>Ã©</p>"));
        let bom = [b"\xef\xbb\xbf".as_slice(), bytes].concat();
        assert!(decode(&bom, Some("text/html; charset=windows-1252")).contains("<p>é</p>"));
    }

    #[test]
    fn a_page_calling_itself_utf16_is_read_as_utf8() {
        let bytes = "<meta charset=utf-16><p>é</p>".as_bytes();
        assert!(decode(bytes, None).contains("<p>é</p>"));
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_param("text/html; Charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
