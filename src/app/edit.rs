//! Edits to the story's annotations. An [`Edit`] is a list of [`Op`]s, each
//! of which knows its inverse, so any edit can be taken back and made again;
//! [`History`] holds the undo and redo stacks and says whether the story
//! differs from what was last saved. [`App::commit`] applies an edit, keeps
//! the reader's indices (focused quote and link, selections) pointing at the
//! same things, rebuilds what the edit touched (marks, only-here passages,
//! mentions) and queues the ops for the journal. Nothing here reads or writes
//! files.

use serde::{Deserialize, Serialize};

use super::App;
use crate::story::{Link, Quote, Speaker};

/// One change to one list of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// A quote put at this index of `story.quotes` (kept sorted by article
    /// and start).
    AddQuote(usize, Quote),
    DropQuote(usize, Quote),
    /// The quote at the index, before and after.
    SetQuote(usize, Quote, Quote),
    AddLink(usize, Link),
    DropLink(usize, Link),
    SetLink(usize, Link, Link),
    /// A speaker put at this index; quotes of later speakers move up one.
    AddSpeaker(usize, Speaker),
    /// A speaker no quote names taken out; quotes of later speakers move down.
    DropSpeaker(usize, Speaker),
    SetSpeaker(usize, Speaker, Speaker),
}

impl Op {
    /// The op that takes this one back.
    pub fn inverse(&self) -> Op {
        match self.clone() {
            Op::AddQuote(i, q) => Op::DropQuote(i, q),
            Op::DropQuote(i, q) => Op::AddQuote(i, q),
            Op::SetQuote(i, a, b) => Op::SetQuote(i, b, a),
            Op::AddLink(i, l) => Op::DropLink(i, l),
            Op::DropLink(i, l) => Op::AddLink(i, l),
            Op::SetLink(i, a, b) => Op::SetLink(i, b, a),
            Op::AddSpeaker(i, s) => Op::DropSpeaker(i, s),
            Op::DropSpeaker(i, s) => Op::AddSpeaker(i, s),
            Op::SetSpeaker(i, a, b) => Op::SetSpeaker(i, b, a),
        }
    }
}

/// What one key did to the story: its ops in order, and a line saying it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub what: String,
    pub ops: Vec<Op>,
}

impl Edit {
    /// The edit that takes this one back: the inverses, last first.
    pub fn inverse(&self) -> Edit {
        Edit {
            what: self.what.clone(),
            ops: self.ops.iter().rev().map(Op::inverse).collect(),
        }
    }
}

/// What the journal keeps of one step: an edit made, undone or redone, with
/// the ops it applied, so that replaying the ops in order gives the story,
/// and the step's kind gives the undo history back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub step: Step,
    pub what: String,
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Edit,
    Undo,
    Redo,
}

/// The edits made, those undone, and which state was last saved.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<(u64, Edit)>,
    undone: Vec<(u64, Edit)>,
    serial: u64,
    /// The state last saved (or loaded): the serial of the edit on top of
    /// `done` then, 0 for none.
    saved: u64,
}

impl History {
    /// The state now: the serial of the last edit made and not undone.
    pub fn state(&self) -> u64 {
        self.done.last().map_or(0, |d| d.0)
    }
    /// The story differs from the file (or the draft) it came from.
    pub fn dirty(&self) -> bool {
        self.state() != self.saved
    }
    /// Marks the state now as the one on disk.
    pub fn mark_saved(&mut self) {
        self.saved = self.state();
    }
    /// Edits that could be undone, and redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.done.len(), self.undone.len())
    }
    fn push(&mut self, e: Edit) {
        self.serial += 1;
        self.done.push((self.serial, e));
        self.undone.clear();
    }
}

impl App {
    /// Makes an edit: applies it, records it for undo, and queues it for
    /// the journal. An edit with no ops does nothing.
    pub(crate) fn commit(&mut self, edit: Edit) {
        if edit.ops.is_empty() {
            return;
        }
        self.apply_ops(&edit.ops);
        self.journal.push(Entry {
            step: Step::Edit,
            what: edit.what.clone(),
            ops: edit.ops.clone(),
        });
        let what = edit.what.clone();
        self.history.push(edit);
        self.message = Some(self.edited(&what));
    }

    /// `u`: takes the last edit back.
    pub(crate) fn undo(&mut self) {
        let Some((serial, e)) = self.history.done.pop() else {
            self.message = Some("nothing to undo".into());
            return;
        };
        let back = e.inverse();
        self.apply_ops(&back.ops);
        self.show_edited(&back.ops);
        self.journal.push(Entry {
            step: Step::Undo,
            what: e.what.clone(),
            ops: back.ops,
        });
        let what = format!("undid: {}", e.what);
        self.history.undone.push((serial, e));
        self.message = Some(self.edited(&what));
    }

    /// `Ctrl-r`: makes the last undone edit again.
    pub(crate) fn redo(&mut self) {
        let Some((serial, e)) = self.history.undone.pop() else {
            self.message = Some("nothing to redo".into());
            return;
        };
        self.apply_ops(&e.ops);
        self.show_edited(&e.ops);
        self.journal.push(Entry {
            step: Step::Redo,
            what: e.what.clone(),
            ops: e.ops.clone(),
        });
        let what = format!("redid: {}", e.what);
        self.history.done.push((serial, e));
        self.message = Some(self.edited(&what));
    }

    /// Replays the steps an earlier session journaled (restored after a
    /// crash or a kill): edits, undos and redos again, so that `u` and
    /// `Ctrl-r` go on where they were (an undo of an edit made before the
    /// journal began becomes an edit of its own). Fails, changing nothing, if
    /// a step does not fit the story.
    pub fn replay(&mut self, entries: Vec<Entry>) -> Result<usize, String> {
        let mut check = self.story.clone();
        for (k, e) in entries.iter().enumerate() {
            for op in &e.ops {
                apply_to_story(&mut check, op)
                    .map_err(|err| format!("journal step {}: {err}", k + 1))?;
            }
        }
        let n = entries.len();
        for e in entries {
            let top_done = self.history.done.last().map(|d| d.1.inverse().ops);
            let top_undone = self.history.undone.last().map(|d| d.1.ops.clone());
            match e.step {
                Step::Undo if top_done.as_ref() == Some(&e.ops) => self.undo(),
                Step::Redo if top_undone.as_ref() == Some(&e.ops) => self.redo(),
                _ => self.commit(Edit {
                    what: e.what,
                    ops: e.ops,
                }),
            }
        }
        self.message = Some(format!(
            "restored {n} unsaved step{} of the earlier session · unsaved (u undoes)",
            if n == 1 { "" } else { "s" }
        ));
        Ok(n)
    }

    /// The status line after an edit: what it did, and that it is unsaved.
    fn edited(&self, what: &str) -> String {
        if self.history.dirty() {
            format!("{what} · unsaved (Ctrl-s saves, u undoes)")
        } else {
            format!("{what} · as saved")
        }
    }

    /// Applies ops known to fit (made by this reader, or checked by
    /// [`App::replay`]), then brings up to date what they touched: the
    /// marks around each annotation added, removed or moved (all of them
    /// when a speaker changed, since mentions follow speakers), the jump
    /// index and only-here marks when link passages changed.
    fn apply_ops(&mut self, ops: &[Op]) {
        let speakers = ops.iter().any(|op| {
            matches!(
                op,
                Op::AddSpeaker(..) | Op::DropSpeaker(..) | Op::SetSpeaker(..)
            )
        });
        // Per article: where link passages changed (only-here is redone there).
        let mut only: Vec<Vec<std::ops::Range<usize>>> =
            vec![Vec::new(); self.story.articles.len()];
        let mut quotes = speakers;
        for op in ops {
            self.follow(op);
            // Ops made by this reader always fit the story.
            let _ = apply_to_story(&mut self.story, op);
            // Where a speaker changed, everything is rebuilt below.
            let mut touched: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
            match op {
                Op::AddQuote(i, q) | Op::DropQuote(i, q) => {
                    let added = matches!(op, Op::AddQuote(..));
                    self.marks
                        .iter_mut()
                        .for_each(|m| m.shift_quotes(*i, added));
                    touched.push((q.article, q.range.clone()));
                }
                Op::SetQuote(_, a, b) if (a.article, &a.range) != (b.article, &b.range) => {
                    touched.push((a.article, a.range.clone()));
                    touched.push((b.article, b.range.clone()));
                }
                Op::AddLink(i, l) | Op::DropLink(i, l) => {
                    let added = matches!(op, Op::AddLink(..));
                    self.marks.iter_mut().for_each(|m| m.shift_links(*i, added));
                    touched.extend(l.passages.iter().map(|p| (p.article, p.range.clone())));
                }
                Op::SetLink(_, a, b) if a.passages != b.passages => {
                    let both = a.passages.iter().chain(&b.passages);
                    touched.extend(both.map(|p| (p.article, p.range.clone())));
                }
                _ => {}
            }
            match op {
                Op::AddLink(..) | Op::DropLink(..) | Op::SetLink(..) => {
                    touched.iter().for_each(|(a, r)| only[*a].push(r.clone()));
                }
                _ => quotes = true,
            }
            if !speakers {
                for (a, r) in touched {
                    self.marks[a].refresh(&self.story, a, r);
                }
            }
        }
        if speakers {
            self.story.refresh_mentions();
            self.marks = super::all_marks(&self.story);
            self.speaker_on.resize(self.story.speakers.len(), true);
        }
        if only.iter().any(|w| !w.is_empty()) {
            let story = &self.story;
            self.passages = super::passage_index(story);
            if story.articles.len() > 1 {
                for (a, windows) in only.iter().enumerate() {
                    if !windows.is_empty() {
                        crate::only::redo(&mut self.only[a], &self.sentences[a], story, a, windows);
                    }
                }
            }
        }
        if quotes {
            self.index_quotes();
            let n = self.listed_quotes().len();
            self.quote_sel = self.quote_sel.min(n.saturating_sub(1));
        }
    }

    /// After an undo or redo: focuses the quote or link it brought back or
    /// changed (the last one), so that the person sees it and the next `x`
    /// or `K` acts on it.
    fn show_edited(&mut self, ops: &[Op]) {
        let last = ops.iter().rev().find_map(|op| match op {
            Op::AddQuote(i, _) | Op::SetQuote(i, ..) => Some(Target::Quote(*i)),
            Op::AddLink(i, _) | Op::SetLink(i, ..) => Some(Target::Link(*i)),
            _ => None,
        });
        match last {
            Some(Target::Quote(q)) if q < self.story.quotes.len() => self.goto_quote(q),
            Some(Target::Link(l)) if l < self.story.links.len() => {
                let passages = &self.story.links[l].passages;
                let shown = (0..self.panes.len())
                    .find(|&p| passages.iter().any(|x| x.article == self.panes[p].article));
                let p = match (shown, passages.first()) {
                    (Some(p), _) => p,
                    (None, Some(x)) => {
                        let article = x.article;
                        self.show_article(0, article);
                        0
                    }
                    (None, None) => return,
                };
                self.focus_link(p, l, None);
            }
            _ => {}
        }
    }

    /// Keeps the reader's indices on the same quote, link and speaker across
    /// an op about to be applied.
    fn follow(&mut self, op: &Op) {
        let shift = |x: &mut Option<usize>, at: usize, add: bool| {
            if let Some(v) = x {
                if add && *v >= at {
                    *v += 1;
                } else if !add && *v == at {
                    *x = None;
                } else if !add && *v > at {
                    *v -= 1;
                }
            }
        };
        match op {
            Op::AddQuote(i, _) => shift(&mut self.current_quote, *i, true),
            Op::DropQuote(i, _) => shift(&mut self.current_quote, *i, false),
            Op::AddLink(i, _) => shift(&mut self.focused_link, *i, true),
            Op::DropLink(i, _) => {
                shift(&mut self.focused_link, *i, false);
                if self.focused_link.is_none() {
                    self.diff = None;
                }
            }
            Op::AddSpeaker(i, _) => {
                if self.quote_filter.is_some_and(|f| f >= *i) {
                    self.quote_filter = self.quote_filter.map(|f| f + 1);
                }
                if *i <= self.speaker_on.len() {
                    self.speaker_on.insert(*i, true);
                }
            }
            Op::DropSpeaker(i, _) => {
                shift(&mut self.quote_filter, *i, false);
                if *i < self.speaker_on.len() {
                    self.speaker_on.remove(*i);
                }
                let n = self.story.speakers.len().saturating_sub(2);
                self.speaker_sel = self.speaker_sel.min(n);
            }
            _ => {}
        }
    }
}

/// What `x`, `K` and the other edit keys act on: the quote or link last
/// focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Quote(usize),
    Link(usize),
}

/// Applies one op to the story's lists, or says why it does not fit.
pub fn apply_to_story(story: &mut crate::story::Story, op: &Op) -> Result<(), String> {
    let arts = story.articles.len();
    // A range of an article of the story, on character boundaries.
    let fits = |s: &crate::story::Story, article: usize, r: &std::ops::Range<usize>| {
        article < arts && {
            let text = &s.articles[article].text;
            r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        }
    };
    let fits_quote = |s: &crate::story::Story, q: &Quote| {
        q.speaker < s.speakers.len() && fits(s, q.article, &q.range)
    };
    let fits_link =
        |s: &crate::story::Story, l: &Link| l.passages.iter().all(|p| fits(s, p.article, &p.range));
    let bad = |what: &str| Err(format!("{what} does not fit the story"));
    match op {
        Op::AddQuote(i, q) => {
            if *i > story.quotes.len() || !fits_quote(story, q) {
                return bad("a quote added");
            }
            story.quotes.insert(*i, q.clone());
        }
        Op::DropQuote(i, q) => {
            if story.quotes.get(*i) != Some(q) {
                return bad("a quote deleted");
            }
            story.quotes.remove(*i);
        }
        Op::SetQuote(i, a, b) => {
            if story.quotes.get(*i) != Some(a) || !fits_quote(story, b) {
                return bad("a quote changed");
            }
            story.quotes[*i] = b.clone();
        }
        Op::AddLink(i, l) => {
            if *i > story.links.len() || !fits_link(story, l) {
                return bad("a link added");
            }
            story.links.insert(*i, l.clone());
        }
        Op::DropLink(i, l) => {
            if story.links.get(*i) != Some(l) {
                return bad("a link deleted");
            }
            story.links.remove(*i);
        }
        Op::SetLink(i, a, b) => {
            if story.links.get(*i) != Some(a) || !fits_link(story, b) {
                return bad("a link changed");
            }
            story.links[*i] = b.clone();
        }
        Op::AddSpeaker(i, s) => {
            if *i > story.speakers.len() {
                return bad("a speaker added");
            }
            story.speakers.insert(*i, s.clone());
            for q in &mut story.quotes {
                if q.speaker >= *i {
                    q.speaker += 1;
                }
            }
        }
        Op::DropSpeaker(i, s) => {
            if story.speakers.get(*i) != Some(s) || story.quotes.iter().any(|q| q.speaker == *i) {
                return bad("a speaker deleted");
            }
            story.speakers.remove(*i);
            for q in &mut story.quotes {
                if q.speaker > *i {
                    q.speaker -= 1;
                }
            }
        }
        Op::SetSpeaker(i, a, b) => {
            if story.speakers.get(*i) != Some(a) {
                return bad("a speaker changed");
            }
            story.speakers[*i] = b.clone();
        }
    }
    Ok(())
}
