//! The registry: one entity per speaker, merged from every mention across
//! the articles (names, titles, descriptions the texts tie to a name,
//! pronouns), and how the texts write each word (what may be a name).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::super::lexicon as lx;
use super::chunks::{Np, chunk_after, interpret};
use crate::text::{Tok, capitalised, is_dash, is_double_quote};

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
    fn plain<'n>(&self, np: &'n Np) -> Cow<'n, Np> {
        let Np::Person {
            first: Some(_),
            surname,
            gender,
            desc: None,
            form,
            full,
        } = np
        else {
            return Cow::Borrowed(np);
        };
        // The name is what follows the last common word before the surname.
        let words: Vec<&str> = form.split(' ').collect();
        let Some(k) = words[..words.len() - 1]
            .iter()
            .rposition(|w| self.common(w))
        else {
            return Cow::Borrowed(np);
        };
        let kept = &words[k + 1..];
        let rest = kept.join(" ");
        Cow::Owned(Np::Person {
            first: (kept.len() >= 2).then(|| kept[0].to_string()),
            surname: surname.clone(),
            gender: *gender,
            desc: None,
            full: if full == form {
                rest.clone()
            } else {
                full.clone()
            },
            form: rest,
        })
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
                    }) = interpret(&toks[i..e], text).map(|np| self.plain(&np).into_owned())
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
        let np = self.plain(np);
        self.resolve_plain(&np, salient)
    }

    /// [`Registry::resolve`] of an `np` already [`Registry::plain`].
    fn resolve_plain(&mut self, np: &Np, salient: &[usize]) -> Option<usize> {
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
                        // `the senator` for `Vermont Sen. Bernie Sanders`: one
                        // of the names the text gives him. `a senator` is
                        // someone else, unnamed.
                        Some(id) if !indefinite(d) => {
                            self.entities[id].aliases.insert(d.clone());
                            id
                        }
                        _ => {
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
        let np = self.plain(np);
        self.resolve_plain(&np, salient).or_else(|| match &*np {
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
pub(super) fn reordered(a: &str) -> Option<String> {
    let words: Vec<&str> = a.split(' ').collect();
    let p = words.iter().position(|w| *w == "for" || *w == "of")?;
    let place = &words[p + 1..];
    if p < 2 || place.is_empty() || !place.iter().all(|w| capitalised(w)) {
        return None;
    }
    Some(format!("the {} {}", place.join(" "), words[1..p].join(" ")))
}

/// `a spokesman`, `an aide`: a description that brings someone in.
fn indefinite(d: &str) -> bool {
    let first = d.split(' ').next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "a" | "an" | "one" | "another")
}
