//! Chunks: runs of capitalised words and titles, read as a person, a body
//! or a description ([`Np`]), and the pronouns that can stand for a speaker.

use super::super::lexicon as lx;
use crate::text::{Tok, capitalised, strip_possessive};

/// What a chunk or pronoun names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Np {
    /// `he` (true) or `she` (false).
    Pronoun(bool),
    /// `it`: the most recent body.
    It,
    /// `they`: the most recent group or body.
    They,
    Person {
        first: Option<String>,
        surname: String,
        gender: Option<bool>,
        /// The title before the name (`party president`).
        desc: Option<String>,
        /// The name as written, with its honorific (`Mr Carter`).
        form: String,
        /// The whole chunk as written, title included.
        full: String,
    },
    /// A description ending in a title: `the Te Atatu MP`.
    Descriptive(String),
    /// An organisation: `The council`, `Labour Party`.
    Body(String),
}

fn lower(t: Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// Can this word be part of a chunk?
fn chunk_word(t: Tok, text: &str) -> bool {
    if !t.word {
        return false;
    }
    let w = t.text(text);
    let l = strip_possessive(w).0.to_lowercase();
    if lx::is_not_name(&l) || (lx::is_adverbial(&l) && !lx::is_honorific(&l)) {
        return false;
    }
    capitalised(w)
        || lx::is_title(&l)
        || ((lx::is_org(&l) || lx::is_group(&l)) && !w.ends_with("'s"))
}

/// The full stop of an abbreviated title or a middle initial inside a
/// chunk: `Dr. Karen Osei`, `Charles B. Rangel`.
fn abbrev_dot(toks: &[Tok], i: usize, text: &str) -> bool {
    i > 0
        && toks[i].text(text) == "."
        && toks[i - 1].end == toks[i].start
        && toks.get(i + 1).is_some_and(|n| capitalised(n.text(text)))
        && {
            let w = toks[i - 1].text(text);
            let l = w.to_lowercase();
            lx::is_honorific(&l)
                || (lx::is_title(&l) && l.len() <= 5)
                || (is_initial(w) && i > 1 && capitalised(toks[i - 2].text(text)))
        }
}

/// A middle initial: one capital letter (`B` of `Charles B. Rangel`).
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
}

/// A generational suffix after a surname: `Jr`, `III`.
fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// A word in capitals only (`LOS`, `NYPD`): datelines, headings and
/// acronyms are written so, names in running text are not.
fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A chunk's head noun names a body or group (`department`, `officials`).
fn body_head(t: Tok, text: &str) -> bool {
    let l = strip_possessive(t.text(text)).0.to_lowercase();
    t.word && (lx::is_org(&l) || lx::is_group(&l))
}

/// Lower-case modifiers between a determiner and a body's head noun
/// (`the state transportation department`): may `toks[i]` be one?
fn modifier(t: Tok, text: &str) -> bool {
    let l = t.text(text).to_lowercase();
    t.word
        && !capitalised(t.text(text))
        && !lx::is_stop(&l)
        && !lx::is_adverbial(&l)
        && !l.ends_with("'s")
        && !l.ends_with("’s")
}

fn is_det(t: Tok, text: &str) -> bool {
    t.word && matches!(lower(t, text).as_str(), "the" | "a" | "an")
}

/// A connector inside a chunk: `Council of the Labour Party`.
fn connector(toks: &[Tok], i: usize, text: &str) -> bool {
    let t = toks[i];
    if !t.word || !matches!(t.text(text), "of" | "the" | "for") {
        return false;
    }
    if t.text(text) == "the" {
        // only inside `of the`, `for the`
        return i > 0
            && matches!(toks[i - 1].text(text), "of" | "for")
            && toks.get(i + 1).is_some_and(|a| capitalised(a.text(text)));
    }
    let next = toks.get(i + 1).copied();
    let after = if next.is_some_and(|n| n.word && n.text(text) == "the") {
        toks.get(i + 2).copied()
    } else {
        next
    };
    i > 0 && capitalised(toks[i - 1].text(text)) && after.is_some_and(|a| capitalised(a.text(text)))
}

/// The chunk that ends just before `end`, with a determiner before it if any.
pub fn chunk_before(toks: &[Tok], lo: usize, end: usize, text: &str) -> Option<usize> {
    let mut s = end;
    while s > lo
        && (chunk_word(toks[s - 1], text)
            || (s - 1 > lo && connector(toks, s - 1, text))
            || abbrev_dot(toks, s - 1, text))
    {
        s -= 1;
    }
    // `the state transportation department`: modifiers back to a determiner.
    if s < end && body_head(toks[end - 1], text) {
        let mut m = s;
        while m > lo && s - m < 3 && modifier(toks[m - 1], text) {
            m -= 1;
        }
        if m < s && (m == lo || is_det(toks[m - 1], text)) {
            s = m;
        }
    }
    while s < end && !toks[s].word {
        s += 1;
    }
    if s == end {
        return None;
    }
    if s > lo && is_det(toks[s - 1], text) {
        s -= 1;
    }
    Some(s)
}

/// The chunk that starts at `start`, if any: its end.
pub fn chunk_after(toks: &[Tok], start: usize, text: &str) -> Option<usize> {
    let mut e = start;
    if e < toks.len() && is_det(toks[e], text) {
        e += 1;
    }
    let first = e;
    if e > start {
        // `the local fire brigade`: modifiers up to a body's head noun.
        let mut m = e;
        while m < toks.len() && m - e <= 3 {
            if body_head(toks[m], text) {
                e = m;
                break;
            }
            if !modifier(toks[m], text) {
                break;
            }
            m += 1;
        }
    }
    while e < toks.len()
        && (chunk_word(toks[e], text) || connector(toks, e, text) || abbrev_dot(toks, e, text))
    {
        e += 1;
    }
    (e > first).then_some(e)
}

/// A personal pronoun that can be a speaker: he/she.
pub fn pronoun(t: Tok, text: &str) -> Option<bool> {
    match lower(t, text).as_str() {
        "he" => Some(true),
        "she" => Some(false),
        _ => None,
    }
}

/// A pronoun that can be a speaker: he, she, it, they.
pub fn pronoun_np(t: Tok, text: &str) -> Option<Np> {
    match lower(t, text).as_str() {
        "he" => Some(Np::Pronoun(true)),
        "she" => Some(Np::Pronoun(false)),
        "it" => Some(Np::It),
        "they" => Some(Np::They),
        _ => None,
    }
}

/// The tokens before a parenthesis that follows something: after a name it
/// is an aside (party and state, an age), no part of the name
/// (`Sen. Claire McCaskill (D-Mo.)`).
pub fn before_parenthesis<'a>(toks: &'a [Tok], text: &str) -> &'a [Tok] {
    match toks.iter().position(|t| t.text(text) == "(") {
        Some(k) if k > 0 => &toks[..k],
        _ => toks,
    }
}

/// Reads `toks` (one chunk) as a person, body or description.
pub fn interpret(toks: &[Tok], text: &str) -> Option<Np> {
    let toks = before_parenthesis(toks, text);
    if toks.len() == 1
        && let Some(np) = pronoun_np(toks[0], text)
    {
        return Some(np);
    }
    // `Environment Minister Thekla Brandt of Baden-Württemberg`: a person, then a place.
    if let Some(k) = toks
        .iter()
        .position(|&t| t.word && matches!(t.text(text), "of" | "for"))
        .filter(|&k| k > 0)
        && let Some(np @ Np::Person { .. }) = interpret_chunk(&toks[..k], text)
    {
        return Some(np);
    }
    interpret_chunk(toks, text)
}

fn interpret_chunk(toks: &[Tok], text: &str) -> Option<Np> {
    let words_only: Vec<Tok> = toks.iter().copied().filter(|t| t.word).collect();
    let (toks, all) = (&words_only[..], toks);
    let mut toks = toks;
    let det = toks.first().is_some_and(|&t| is_det(t, text));
    if toks.len() == 1
        && let Some(np) = pronoun_np(toks[0], text)
    {
        return Some(np);
    }
    let span = |ts: &[Tok]| -> String {
        let (first, last) = (ts[0], ts[ts.len() - 1]);
        strip_possessive(&text[first.start..last.end]).0.to_string()
    };
    let full = span(all);
    if det {
        toks = &toks[1..];
    }
    if toks.is_empty() {
        return None;
    }
    // `Said Ellis`: a verb of saying opening a sentence is no part of a name.
    while toks.len() > 1 && lx::is_saying(&toks[0].text(text).to_lowercase()) {
        toks = &toks[1..];
    }
    let words: Vec<String> = toks
        .iter()
        .map(|&t| strip_possessive(t.text(text)).0.to_string())
        .collect();
    // `LOS ANGELES, Sept. 28 (UPI)`, `QUESTIONABLE CLAIMS`: a chunk in
    // capitals is a dateline or a heading, or one acronym (`NYPD`), a body.
    if words.iter().all(|w| all_caps(w)) {
        return (words.len() == 1).then(|| Np::Body(full.clone()));
    }
    let lows: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // After an honorific, a title word is a name (`Mr. King`).
    let name_ok = |ws: &[String], ls: &[String], honoured: bool| {
        !ws.is_empty()
            && ws.len() <= 3
            && ws.iter().all(|w| capitalised(w))
            && ls
                .iter()
                .all(|l| !lx::is_org(l) && (honoured || (!lx::is_title(l) && !lx::is_honorific(l))))
    };
    let person = |at: usize, gender: Option<bool>, form_from: usize| -> Option<Np> {
        // Middle initials and a `Jr` add nothing to whom a name is of.
        let (mut names, mut ls) = (Vec::new(), Vec::new());
        for (k, w) in words.iter().enumerate().skip(at) {
            let inner = k > at && k + 1 < words.len() && is_initial(w);
            let last_suffix = k > at && k + 1 == words.len() && is_suffix(w);
            if !inner && !last_suffix {
                names.push(w.clone());
                ls.push(lows[k].clone());
            }
        }
        let honoured = at > 0 && lx::is_honorific(&lows[at - 1]);
        if !name_ok(&names, &ls, honoured) {
            return None;
        }
        Some(Np::Person {
            first: (names.len() >= 2).then(|| names[0].clone()),
            surname: names[names.len() - 1].clone(),
            gender,
            desc: (form_from > 0).then(|| span(&toks[..form_from])),
            form: span(&toks[form_from..]),
            full: full.clone(),
        })
    };
    if let Some(h) = lows.iter().rposition(|l| lx::is_honorific(l)) {
        if h + 1 < words.len() {
            return person(h + 1, lx::honorific_gender(&lows[h]), h);
        }
        return None;
    }
    if let Some(t) = lows.iter().rposition(|l| lx::is_title(l)) {
        if t + 1 == words.len() {
            return Some(Np::Descriptive(full));
        }
        if let Some(p) = person(t + 1, None, t + 1) {
            return Some(p);
        }
        return Some(Np::Body(full));
    }
    let plain = words
        .iter()
        .enumerate()
        .filter(|&(k, w)| !(k > 0 && (is_initial(w) || (k + 1 == words.len() && is_suffix(w)))))
        .count();
    if det || lows.iter().any(|l| lx::is_org(l) || lx::is_group(l)) || plain > 3 {
        return Some(Np::Body(full));
    }
    person(0, None, 0)
}
