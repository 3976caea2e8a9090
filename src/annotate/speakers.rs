//! Speakers: noun phrases that name people and bodies, and the registry that
//! merges their mentions into one entity per speaker across articles.
//!
//! A *chunk* is a run of capitalised words and titles (`party president Andrew
//! Little`, `Prime Minister John Key`, `the Te Atatu MP`, `The council`). A chunk
//! is read as a person (an honorific or title, then one to three name words), a
//! body (it holds an organisation word), or a description (it ends in a title).
//! Persons merge by surname when first names and genders agree; descriptions
//! resolve through aliases the text itself ties to a person (`Mr Carter, the MP
//! for Te Atatu,` → `the MP for Te Atatu`, `the Te Atatu MP`), or through titles.

use std::collections::{BTreeMap, BTreeSet};

use super::lexicon as lx;
use super::text::{Tok, capitalised, is_dash, is_double_quote, strip_possessive};

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

/// Reads `toks` (one chunk) as a person, body or description.
pub fn interpret(toks: &[Tok], text: &str) -> Option<Np> {
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

/// One speaker (or someone who may become one).
#[derive(Debug, Clone, Default)]
pub struct Entity {
    pub person: bool,
    pub first: Option<String>,
    pub surname: String,
    pub gender: Option<bool>,
    /// Exact strings of the texts that name it.
    pub forms: BTreeSet<String>,
    /// Titles and roles given to it (`party president`).
    pub descs: Vec<String>,
    /// Descriptions the text ties to it (`the Te Atatu MP`), as written.
    pub aliases: BTreeSet<String>,
    /// A group (`officials`, `police`): what `they` stands for.
    pub plural: bool,
    used: u64,
}

impl Entity {
    /// The name to print: first name and surname, or the longest form.
    pub fn name(&self) -> String {
        match (&self.first, self.person) {
            (Some(f), true) => format!("{f} {}", self.surname),
            _ => self
                .forms
                .iter()
                .max_by_key(|f| (f.len(), std::cmp::Reverse((*f).clone())))
                .cloned()
                .unwrap_or_else(|| self.surname.clone()),
        }
    }
}

#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    by_surname: BTreeMap<String, Vec<usize>>,
    bodies: BTreeMap<String, usize>,
    /// Descriptive alias (lowercase) → entity; `None` when two people share it.
    desc: BTreeMap<String, Option<usize>>,
    /// Surname → first names seen before it in plain two- or three-word names.
    firsts: BTreeMap<String, BTreeSet<String>>,
    /// Names that look like a person's but the text says are bodies
    /// (`Rheintal Chemie, which makes ...`).
    not_people: BTreeSet<String>,
    /// Words the texts write in lower case, and words they capitalise inside
    /// a sentence (lower case): see [`Registry::note_case`].
    lower: BTreeSet<String>,
    mid_caps: BTreeSet<String>,
    clock: u64,
}

fn body_key(s: &str) -> String {
    let l = s.to_lowercase();
    for det in ["the ", "a ", "an "] {
        if let Some(rest) = l.strip_prefix(det) {
            return rest.to_string();
        }
    }
    l
}

impl Registry {
    fn touch(&mut self, e: usize) {
        self.clock += 1;
        self.entities[e].used = self.clock;
    }

    /// Before all: how the texts write each word. A word they write in lower
    /// case and capitalise only where every word is (a sentence's start, a
    /// headline) is no name (`Railing Against Trump, Sanders Vows ...`,
    /// `Unlike Patriot, Mr. Clarke ...`); `Bill` of `President Bill Clinton`
    /// stays one, however often the texts mention a bill.
    pub fn note_case(&mut self, toks: &[Tok], text: &str, headline: bool) {
        // A title in title case, full stop or not: most longer words capitalised.
        let long: Vec<&str> = toks
            .iter()
            .filter(|t| t.word && t.text(text).chars().count() >= 4)
            .map(|t| t.text(text))
            .collect();
        let titled =
            long.len() >= 3 && 5 * long.iter().filter(|w| capitalised(w)).count() >= 3 * long.len();
        let headline = headline || titled;
        let mut initial = true;
        for t in toks {
            let w = t.text(text);
            if !t.word {
                initial |= w.chars().next().is_some_and(|c| {
                    is_double_quote(c) || is_dash(c) || matches!(c, ':' | '(' | '‘' | '\'')
                });
                continue;
            }
            if w.starts_with(char::is_lowercase) {
                self.lower.insert(w.to_string());
            } else if capitalised(w) && !initial && !headline {
                self.mid_caps.insert(w.to_lowercase());
            }
            initial = false;
        }
    }

    /// A capitalised word that is no name by [`Registry::note_case`].
    fn common(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        self.lower.contains(&l) && !self.mid_caps.contains(&l)
    }

    /// `np` without the common words that open it: a name holds none
    /// (`Railing Against Trump` is `Trump`).
    fn plain(&self, np: &Np) -> Np {
        let Np::Person {
            first: Some(_),
            surname,
            gender,
            desc: None,
            form,
            full,
        } = np
        else {
            return np.clone();
        };
        // The name is what follows the last common word before the surname.
        let words: Vec<&str> = form.split(' ').collect();
        let Some(k) = words[..words.len() - 1]
            .iter()
            .rposition(|w| self.common(w))
        else {
            return np.clone();
        };
        let rest = words[k + 1..].join(" ");
        let words: Vec<&str> = rest.split(' ').collect();
        Np::Person {
            first: (words.len() >= 2).then(|| words[0].to_string()),
            surname: surname.clone(),
            gender: *gender,
            desc: None,
            full: if full == form {
                rest.clone()
            } else {
                full.clone()
            },
            form: rest,
        }
    }

    /// First pass, plain names: remember `Chris` as the first name of `Carter`.
    pub fn note_first_names(&mut self, toks: &[Tok], text: &str) {
        let mut i = 0;
        while i < toks.len() {
            match chunk_after(toks, i, text) {
                Some(e) => {
                    if let Some(Np::Person {
                        first: Some(f),
                        surname,
                        ..
                    }) = interpret(&toks[i..e], text).map(|np| self.plain(&np))
                    {
                        self.firsts.entry(surname).or_default().insert(f);
                    }
                    i = e.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Second pass: people named with an honorific or a title, and the
    /// descriptions the text ties to them (appositives, titles before names).
    pub fn harvest(&mut self, toks: &[Tok], text: &str) {
        let mut i = 0;
        while i < toks.len() {
            let Some(e) = chunk_after(toks, i, text) else {
                i += 1;
                continue;
            };
            let np = interpret(&toks[i..e], text);
            if let Some(Np::Person { form, .. }) = &np
                && toks.get(e).is_some_and(|t| t.text(text) == ",")
                && toks
                    .get(e + 1)
                    .is_some_and(|t| t.word && t.text(text) == "which")
            {
                self.not_people.insert(form.clone());
                i = e;
                continue;
            }
            if let Some(Np::Person { desc, form, .. }) = &np {
                let titled = desc.is_some() || form.split(' ').count() > 1;
                let appositive = appositive(toks, e, text);
                if titled || appositive.is_some() {
                    let Some(id) = np.as_ref().and_then(|np| self.resolve(np, &[])) else {
                        i = e.max(i + 1);
                        continue;
                    };
                    if let Some(d) = desc.as_deref().filter(|d| capitalised(d)) {
                        self.add_desc(id, &format!("the {d}"));
                    }
                    if let Some(a) = appositive {
                        if self.entities[id].gender.is_none() {
                            self.entities[id].gender = a
                                .split(' ')
                                .find_map(|w| lx::word_gender(&w.to_lowercase()));
                        }
                        self.entities[id]
                            .descs
                            .push(a.trim_start_matches("the ").into());
                        self.add_desc(id, &a);
                        if let Some(r) = reordered(&a) {
                            self.add_desc(id, &r);
                        }
                    }
                }
            }
            i = e.max(i + 1);
        }
    }

    fn add_desc(&mut self, id: usize, alias: &str) {
        self.entities[id].aliases.insert(alias.to_string());
        let slot = self.desc.entry(alias.to_lowercase()).or_insert(Some(id));
        if *slot != Some(id) {
            *slot = None;
        }
    }

    /// The entity `np` names, created if new; pronouns take the most recent
    /// fitting person of `salient` (most recent last).
    pub fn resolve(&mut self, np: &Np, salient: &[usize]) -> Option<usize> {
        let np = &self.plain(np);
        let id = match np {
            Np::Pronoun(male) => salient.iter().rev().copied().find(|&e| {
                let en = &self.entities[e];
                en.person && en.gender != Some(!male)
            })?,
            Np::It => salient.iter().rev().copied().find(|&e| {
                let en = &self.entities[e];
                !en.person && !en.plural
            })?,
            Np::They => salient
                .iter()
                .rev()
                .copied()
                .find(|&e| !self.entities[e].person)?,
            Np::Person { form, .. } if self.not_people.contains(form) => self.body(form),
            // A lone capitalised word is a person only under a name the texts
            // give in full somewhere (`Carter` after `Chris Carter`).
            Np::Person {
                first: None,
                surname,
                desc: None,
                form,
                ..
            } if form == surname
                && !self.by_surname.contains_key(surname)
                && !self.firsts.contains_key(surname) =>
            {
                return None;
            }
            Np::Person {
                first,
                surname,
                gender,
                desc,
                form,
                full,
            } => {
                let gender = gender.or_else(|| {
                    desc.as_deref()?
                        .split(' ')
                        .find_map(|w| lx::word_gender(&w.to_lowercase()))
                });
                let id = self.person(first.as_deref(), surname, gender);
                let en = &mut self.entities[id];
                en.forms.insert(form.clone());
                if full != form && capitalised(full) && full.split(' ').count() <= 6 {
                    en.forms.insert(full.clone());
                }
                if let Some(d) = desc
                    && !en.descs.contains(d)
                {
                    en.descs.push(d.clone());
                }
                id
            }
            Np::Descriptive(d) => match self.desc.get(&d.to_lowercase()) {
                Some(Some(id)) => *id,
                _ => {
                    let key = unabbreviated(&body_key(d));
                    let by_title = (0..self.entities.len())
                        .filter(|&e| {
                            self.entities[e]
                                .descs
                                .iter()
                                .any(|x| unabbreviated(x).ends_with(&key))
                        })
                        .max_by_key(|&e| self.entities[e].used);
                    match by_title {
                        Some(id) => id,
                        None => {
                            // `A hospital nurse`, `a company spokeswoman`: someone unnamed.
                            let id = self.body(d);
                            let en = &mut self.entities[id];
                            en.person = true;
                            if en.gender.is_none() {
                                en.gender = d
                                    .split(' ')
                                    .find_map(|w| lx::word_gender(&w.to_lowercase()));
                            }
                            id
                        }
                    }
                }
            },
            Np::Body(b) => self.body(b),
        };
        self.touch(id);
        Some(id)
    }

    /// The entity `np` names as the subject of a verb of saying: as
    /// [`Registry::resolve`], and a lone capitalised word is a person too
    /// (`"...," Melanie said`), as a cue says so.
    pub fn speaker(&mut self, np: &Np, salient: &[usize]) -> Option<usize> {
        let np = &self.plain(np);
        self.resolve(np, salient).or_else(|| match np {
            Np::Person {
                first: None,
                surname,
                gender,
                ..
            } if !self.not_people.contains(surname) => {
                let id = self.person(None, surname, *gender);
                self.entities[id].forms.insert(surname.clone());
                self.touch(id);
                Some(id)
            }
            _ => None,
        })
    }

    /// The entity of a source the tagger found but no rule reads as a name
    /// (`a source`, `polls`, `the campaign`): a body named by its words.
    pub fn unnamed(&mut self, words: &str) -> usize {
        let id = self.body(words);
        self.touch(id);
        id
    }

    fn body(&mut self, name: &str) -> usize {
        let key = body_key(name);
        let id = match self.bodies.get(&key) {
            Some(&id) => id,
            None => {
                let head = key.rsplit(' ').next().unwrap_or("");
                self.entities.push(Entity {
                    surname: key.clone(),
                    plural: lx::is_group(head),
                    ..Entity::default()
                });
                self.bodies.insert(key, self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        self.entities[id].forms.insert(name.to_string());
        id
    }

    fn person(&mut self, first: Option<&str>, surname: &str, gender: Option<bool>) -> usize {
        let ents = &self.entities;
        let fits = |&e: &usize| {
            let en = &ents[e];
            (first.is_none() || en.first.is_none() || en.first.as_deref() == first)
                && (gender.is_none() || en.gender.is_none() || en.gender == gender)
        };
        let cands: Vec<usize> = self
            .by_surname
            .get(surname)
            .map(|v| v.iter().copied().filter(fits).collect())
            .unwrap_or_default();
        let best = cands.iter().copied().max_by_key(|&e| {
            (
                first.is_some() && ents[e].first.as_deref() == first,
                ents[e].used,
            )
        });
        let id = match best {
            Some(id) => id,
            None => {
                let guess = self.firsts.get(surname).filter(|s| s.len() == 1);
                let first = first
                    .map(str::to_string)
                    .or_else(|| guess.and_then(|s| s.iter().next().cloned()));
                self.entities.push(Entity {
                    person: true,
                    first,
                    surname: surname.to_string(),
                    ..Entity::default()
                });
                let id = self.entities.len() - 1;
                self.by_surname
                    .entry(surname.to_string())
                    .or_default()
                    .push(id);
                id
            }
        };
        let en = &mut self.entities[id];
        if en.first.is_none() {
            en.first = first.map(str::to_string);
        }
        if en.gender.is_none() {
            en.gender = gender;
        }
        id
    }

    /// Alias candidates of an entity: its forms, its bare surname, and the
    /// descriptions tied to it. The caller keeps those that occur in the texts.
    pub fn alias_candidates(&self, e: usize) -> BTreeSet<String> {
        let en = &self.entities[e];
        let mut out: BTreeSet<String> = en.forms.union(&en.aliases).cloned().collect();
        if en.person {
            out.insert(en.surname.clone());
            if let Some(f) = &en.first {
                out.insert(format!("{f} {}", en.surname));
            }
        }
        out
    }
}

/// `Name, the MP for Te Atatu,`: the appositive after a chunk ending at `e`.
fn appositive(toks: &[Tok], e: usize, text: &str) -> Option<String> {
    if toks.get(e).is_none_or(|t| t.text(text) != ",") {
        return None;
    }
    let start = e + 1;
    if toks
        .get(start)
        .is_none_or(|t| !t.word || t.text(text) != "the")
    {
        return None;
    }
    let end = (start + 1..toks.len().min(start + 9)).find(|&k| !toks[k].word)?;
    if toks[end].text(text) != "," || end - start < 2 {
        return None;
    }
    let has_role = toks[start + 1..end]
        .iter()
        .any(|&t| lx::is_title(&t.text(text).to_lowercase()));
    has_role.then(|| text[toks[start].start..toks[end - 1].end].to_string())
}

/// A title in lower case with its abbreviations written out: `Vermont Sen.`
/// → `vermont senator`, so that `the senator` finds Bernie Sanders.
fn unabbreviated(title: &str) -> String {
    title
        .split(' ')
        .map(|w| {
            let l = w.trim_end_matches('.').to_lowercase();
            match l.as_str() {
                "sen" => "senator".to_string(),
                "rep" => "representative".to_string(),
                "gov" => "governor".to_string(),
                "gen" => "general".to_string(),
                "lt" => "lieutenant".to_string(),
                "col" => "colonel".to_string(),
                "sgt" => "sergeant".to_string(),
                "capt" => "captain".to_string(),
                "cmdr" => "commander".to_string(),
                "adm" => "admiral".to_string(),
                "supt" => "superintendent".to_string(),
                "insp" => "inspector".to_string(),
                "det" => "detective".to_string(),
                "prof" => "professor".to_string(),
                "atty" => "attorney".to_string(),
                "pres" => "president".to_string(),
                _ => l,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `the MP for Te Atatu` → `the Te Atatu MP`.
fn reordered(a: &str) -> Option<String> {
    let words: Vec<&str> = a.split(' ').collect();
    let p = words.iter().position(|w| *w == "for" || *w == "of")?;
    let place = &words[p + 1..];
    if p < 2 || place.is_empty() || !place.iter().all(|w| capitalised(w)) {
        return None;
    }
    Some(format!("the {} {}", place.join(" "), words[1..p].join(" ")))
}

#[cfg(test)]
mod tests {
    use super::super::text::tokens;
    use super::*;

    fn np(s: &str) -> Option<Np> {
        interpret(&tokens(s, 0..s.len()), s)
    }

    #[test]
    fn chunks_read_as_people_bodies_and_descriptions() {
        match np("party president Andrew Little") {
            Some(Np::Person {
                first,
                surname,
                desc,
                ..
            }) => {
                assert_eq!(first.as_deref(), Some("Andrew"));
                assert_eq!(surname, "Little");
                assert_eq!(desc.as_deref(), Some("party president"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            np("Mr Carter"),
            Some(Np::Person {
                gender: Some(true),
                ..
            })
        ));
        assert_eq!(
            np("the Te Atatu MP"),
            Some(Np::Descriptive("the Te Atatu MP".into()))
        );
        assert_eq!(np("The council"), Some(Np::Body("The council".into())));
        assert_eq!(
            reordered("the MP for Te Atatu").as_deref(),
            Some("the Te Atatu MP")
        );
    }

    fn person(s: &str) -> (Option<String>, String) {
        match np(s) {
            Some(Np::Person { first, surname, .. }) => (first, surname),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn initials_and_suffixes_are_not_names() {
        let rangel = (Some("Charles".to_string()), "Rangel".to_string());
        assert_eq!(person("Representative Charles B. Rangel"), rangel);
        assert_eq!(person("Charles B. Rangel"), rangel);
        assert_eq!(
            person("Vann R. Newkirk II"),
            (Some("Vann".into()), "Newkirk".into())
        );
        assert_eq!(person("Said Ellis"), (None, "Ellis".into()));
    }

    #[test]
    fn capitals_make_datelines_headings_and_acronyms() {
        assert_eq!(np("LOS ANGELES"), None);
        assert_eq!(np("QUESTIONABLE MEDICAL CLAIMS"), None);
        assert_eq!(np("NYPD"), Some(Np::Body("NYPD".into())));
    }

    #[test]
    fn a_description_finds_the_abbreviated_title() {
        let text = "Vermont Sen. Bernie Sanders spoke.";
        let toks = tokens(text, 0..text.len());
        let mut reg = Registry::default();
        reg.harvest(&toks, text);
        let sanders = reg.resolve(&np("Vermont Sen. Bernie Sanders").unwrap(), &[]);
        let senator = reg.resolve(&Np::Descriptive("the senator".into()), &[]);
        assert!(sanders.is_some());
        assert_eq!(senator, sanders);
    }
}
