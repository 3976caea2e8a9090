//! The edit keys: what `x`, `K`, `S`, `e`, `v`, `L`, `r`, `A` and `M` do to
//! the focused quote, link, selection or speaker, made into [`Edit`]s for
//! [`App::commit`]. Pickers and prompts they open are answered in
//! [`super::dialog`].

use std::ops::Range;

use super::edit::{Edit, Op, Target};
use super::{Action, App, Ask, Focus, Overlay, Pick};
use crate::story::{Link, LinkKind, Passage, Quote, QuoteKind, Speaker};

impl App {
    /// What the edit keys act on: the quote selected in the quotes pane when
    /// it has the focus, else the quote or link last jumped to.
    pub fn target(&self) -> Option<Target> {
        if self.focus == Focus::Quotes {
            return self.listed_quotes().get(self.quote_sel).map(Target::Quote);
        }
        match (self.current_quote, self.focused_link) {
            (Some(q), _) => Some(Target::Quote(q)),
            (None, Some(l)) => Some(Target::Link(l)),
            _ => None,
        }
    }

    fn no_target(&mut self, what: &str) {
        self.message = Some(format!(
            "{what}: first focus a quote (}} {{, or the quotes pane) or a link (] [)"
        ));
    }

    /// `x`: deletes the focused quote or link.
    pub(crate) fn delete(&mut self) {
        match self.target() {
            Some(Target::Quote(q)) => {
                let quote = self.story.quotes[q].clone();
                let what = format!("deleted quote {} ({})", quote.id, self.quote_label(q));
                self.commit(Edit {
                    what,
                    ops: vec![Op::DropQuote(q, quote)],
                });
            }
            Some(Target::Link(l)) => {
                let link = self.story.links[l].clone();
                let what = format!("deleted link {} ({})", link.id, link.kind.as_str());
                self.commit(Edit {
                    what,
                    ops: vec![Op::DropLink(l, link)],
                });
            }
            None => self.no_target("delete"),
        }
    }

    /// `K`: the focused quote's next kind (direct, mixed, indirect) or the
    /// focused link's (same, paraphrase, conflict).
    pub(crate) fn next_kind(&mut self) {
        match self.target() {
            Some(Target::Quote(q)) => {
                let before = self.story.quotes[q].clone();
                let mut after = before.clone();
                after.kind = match before.kind {
                    QuoteKind::Direct => QuoteKind::Mixed,
                    QuoteKind::Mixed => QuoteKind::Indirect,
                    QuoteKind::Indirect => QuoteKind::Direct,
                };
                let what = format!(
                    "quote {}: {} → {}",
                    before.id,
                    before.kind.as_str(),
                    after.kind.as_str()
                );
                self.commit(Edit {
                    what,
                    ops: vec![Op::SetQuote(q, before, after)],
                });
            }
            Some(Target::Link(l)) => {
                let before = self.story.links[l].clone();
                let mut after = before.clone();
                after.kind = match before.kind {
                    LinkKind::Same => LinkKind::Paraphrase,
                    LinkKind::Paraphrase => LinkKind::Conflict,
                    LinkKind::Conflict => LinkKind::Same,
                };
                let what = format!(
                    "link {}: {} → {}",
                    before.id,
                    before.kind.as_str(),
                    after.kind.as_str()
                );
                self.commit(Edit {
                    what,
                    ops: vec![Op::SetLink(l, before, after)],
                });
            }
            None => self.no_target("change the kind"),
        }
    }

    /// `S`: the speaker picker, to give the focused quote to another speaker.
    pub(crate) fn reattribute(&mut self) {
        match self.target() {
            Some(Target::Quote(q)) => self.open_picker(Pick::Reattribute(q)),
            Some(Target::Link(_)) => {
                self.message = Some("a link has no speaker: S re-attributes a quote".into())
            }
            None => self.no_target("re-attribute"),
        }
    }

    /// `e`: edits the focused link's note.
    pub(crate) fn edit_note(&mut self) {
        match self.target() {
            Some(Target::Link(l)) => {
                let note = self.story.links[l].note.clone().unwrap_or_default();
                self.overlay = Overlay::Prompt {
                    ask: Ask::Note(l),
                    input: note,
                };
            }
            _ => self.message = Some("e edits a link's note: first focus a link (] [)".into()),
        }
    }

    /// Gives quote `q` to speaker `s`.
    pub(crate) fn give_quote(&mut self, q: usize, s: usize, mut ops: Vec<Op>) {
        let before = self.story.quotes[q].clone();
        if before.speaker == s && ops.is_empty() {
            self.message = Some(format!("quote {} is already theirs", before.id));
            return;
        }
        let mut after = before.clone();
        after.speaker = s;
        let name = self.speaker_name(s, &ops);
        let what = format!("quote {} re-attributed to {name}", before.id);
        ops.push(Op::SetQuote(q, before, after));
        self.commit(Edit { what, ops });
    }

    /// The name of speaker `s`, who may be added by one of `ops`.
    fn speaker_name(&self, s: usize, ops: &[Op]) -> String {
        ops.iter()
            .find_map(|o| match o {
                Op::AddSpeaker(i, sp) if *i == s => Some(sp.name.clone()),
                _ => None,
            })
            .or_else(|| self.story.speakers.get(s).map(|sp| sp.name.clone()))
            .unwrap_or_default()
    }

    /// The op that adds a speaker named `name` (at the end), and their index.
    pub(crate) fn new_speaker(&self, name: &str) -> (usize, Op) {
        let base: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if base.is_empty() {
            "speaker".into()
        } else {
            base
        };
        let taken = |id: &str| self.story.speakers.iter().any(|s| s.id == id);
        let id = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !taken(id))
            .unwrap_or(base);
        let at = self.story.speakers.len();
        let sp = Speaker {
            id,
            name: name.to_string(),
            description: None,
            aliases: Vec::new(),
            color: None,
        };
        (at, Op::AddSpeaker(at, sp))
    }

    /// An id of the form `{prefix}{n}` no quote (or link) has.
    fn fresh_id(&self, prefix: &str, links: bool) -> String {
        let taken = |id: &str| {
            if links {
                self.story.links.iter().any(|l| l.id == id)
            } else {
                self.story.quotes.iter().any(|q| q.id == id)
            }
        };
        let n = if links {
            self.story.links.len()
        } else {
            self.story.quotes.len()
        };
        (n + 1..)
            .map(|k| format!("{prefix}{k}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    /// Makes the selection in `article` a quote of speaker `s` (added by
    /// `ops` if new). Its kind follows its quotation marks: all quoted is
    /// direct, partly mixed, none indirect (`K` changes it).
    pub(crate) fn quote_selection(
        &mut self,
        article: usize,
        range: Range<usize>,
        s: usize,
        mut ops: Vec<Op>,
    ) {
        let text = &self.story.articles[article].text[range.clone()];
        let marks = text
            .chars()
            .filter(|&c| crate::text::is_double_quote(c))
            .count();
        let kind = if marks >= 2
            && text.starts_with(crate::text::is_double_quote)
            && text
                .trim_end_matches(['.', ',', ' '])
                .ends_with(crate::text::is_double_quote)
        {
            QuoteKind::Direct
        } else if marks >= 2 {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        let id = self.fresh_id("q", false);
        let at = self.story.quotes.partition_point(|q| {
            (q.article, q.range.start, q.range.end) < (article, range.start, range.end)
        });
        let quote = Quote {
            id: id.clone(),
            article,
            speaker: s,
            kind,
            cue: None,
            range,
        };
        let name = self.speaker_name(s, &ops);
        ops.push(Op::AddQuote(at, quote));
        self.selections[article] = None;
        self.commit(Edit {
            what: format!("new quote {id} ({name}, {})", kind.as_str()),
            ops,
        });
        self.current_quote = Some(at);
        self.focused_link = None;
        self.diff = None;
    }

    /// `L`: links the selections of the two articles on screen.
    pub(crate) fn link_selections(&mut self) {
        let (a, b) = (self.panes[0].article, self.panes[1].article);
        let (Some(ra), Some(rb)) = (self.selections[a].clone(), self.selections[b].clone()) else {
            self.message = Some(
                "L links two selections: select a passage in each article (v, then j/k)".into(),
            );
            return;
        };
        if a == b {
            self.message = Some("a link joins two different articles".into());
            return;
        }
        let ta = &self.story.articles[a].text[ra.clone()];
        let tb = &self.story.articles[b].text[rb.clone()];
        let kind = if ta == tb {
            LinkKind::Same
        } else {
            LinkKind::Paraphrase
        };
        let id = self.fresh_id("l", true);
        let link = Link {
            id: id.clone(),
            kind,
            note: None,
            passages: vec![
                Passage {
                    article: a,
                    range: ra.clone(),
                },
                Passage {
                    article: b,
                    range: rb,
                },
            ],
        };
        let at = self.story.links.len();
        self.selections[a] = None;
        self.selections[b] = None;
        self.commit(Edit {
            what: format!("new link {id} ({}; K retypes)", kind.as_str()),
            ops: vec![Op::AddLink(at, link)],
        });
        self.focus_link(0, at, Some(ra.start));
    }

    /// `r` in the speakers pane: renames the selected speaker.
    pub(crate) fn rename_speaker(&mut self) {
        if let Some(s) = self.story.speakers.get(self.speaker_sel) {
            self.overlay = Overlay::Prompt {
                ask: Ask::Rename(self.speaker_sel),
                input: s.name.clone(),
            };
        }
    }

    /// `A` in the speakers pane: a new alias for the selected speaker.
    pub(crate) fn add_alias(&mut self) {
        if self.speaker_sel < self.story.speakers.len() {
            self.overlay = Overlay::Prompt {
                ask: Ask::Alias(self.speaker_sel),
                input: String::new(),
            };
        }
    }

    /// `M` in the speakers pane: merges the selected speaker into another.
    pub(crate) fn merge_speaker(&mut self) {
        if self.story.speakers.len() < 2 {
            self.message = Some("merging needs two speakers".into());
            return;
        }
        if self.speaker_sel < self.story.speakers.len() {
            self.open_picker(Pick::Merge(self.speaker_sel));
        }
    }

    /// Merges speaker `from` into `into`: quotes and names move; `from` goes.
    pub(crate) fn merge_into(&mut self, from: usize, into: usize) {
        if from == into {
            self.message = Some("a speaker cannot merge into themselves".into());
            return;
        }
        let mut ops = Vec::new();
        for (i, q) in self.story.quotes.iter().enumerate() {
            if q.speaker == from {
                let mut after = q.clone();
                after.speaker = into;
                ops.push(Op::SetQuote(i, q.clone(), after));
            }
        }
        let (src, dst) = (&self.story.speakers[from], &self.story.speakers[into]);
        let mut merged = dst.clone();
        for n in std::iter::once(&src.name).chain(&src.aliases) {
            if *n != merged.name && !merged.aliases.contains(n) {
                merged.aliases.push(n.clone());
            }
        }
        let what = format!("merged {} into {}", src.name, dst.name);
        ops.push(Op::SetSpeaker(into, dst.clone(), merged));
        ops.push(Op::DropSpeaker(from, src.clone()));
        self.commit(Edit { what, ops });
        self.speaker_sel = if into > from { into - 1 } else { into };
    }

    /// Whether a speaker other than `s` has `name` as name or alias (and if
    /// so, says so): a name belongs to one speaker only.
    fn named_by_other(&mut self, s: usize, name: &str) -> bool {
        let other =
            self.story.speakers.iter().enumerate().find(|(i, sp)| {
                *i != s && (sp.name == name || sp.aliases.iter().any(|a| a == name))
            });
        if let Some((_, sp)) = other {
            self.message = Some(format!(
                "\"{name}\" already names {}: if they are one speaker, merge them (M)",
                sp.name
            ));
        }
        other.is_some()
    }

    /// Renames speaker `s` (an empty name changes nothing).
    pub(crate) fn set_name(&mut self, s: usize, name: &str) {
        let name = name.trim();
        let before = self.story.speakers[s].clone();
        if name.is_empty() || name == before.name || self.named_by_other(s, name) {
            return;
        }
        let mut after = before.clone();
        after.name = name.to_string();
        after.aliases.retain(|a| a != name);
        let what = format!("renamed {} to {name}", before.name);
        self.commit(Edit {
            what,
            ops: vec![Op::SetSpeaker(s, before, after)],
        });
    }

    /// Adds alias `alias` to speaker `s`.
    pub(crate) fn push_alias(&mut self, s: usize, alias: &str) {
        let alias = alias.trim();
        let before = self.story.speakers[s].clone();
        if alias.is_empty()
            || alias == before.name
            || before.aliases.iter().any(|a| a == alias)
            || self.named_by_other(s, alias)
        {
            return;
        }
        let mut after = before.clone();
        after.aliases.push(alias.to_string());
        let what = format!("{}: alias \"{alias}\" added", before.name);
        self.commit(Edit {
            what,
            ops: vec![Op::SetSpeaker(s, before, after)],
        });
    }

    /// Sets link `l`'s note (empty: none).
    pub(crate) fn set_note(&mut self, l: usize, note: &str) {
        let note = note.trim();
        let before = self.story.links[l].clone();
        let mut after = before.clone();
        after.note = (!note.is_empty()).then(|| note.to_string());
        if after == before {
            return;
        }
        let what = match &after.note {
            Some(n) => format!("link {}: note \"{n}\"", before.id),
            None => format!("link {}: note removed", before.id),
        };
        self.commit(Edit {
            what,
            ops: vec![Op::SetLink(l, before, after)],
        });
        self.diff = self.focused_link.map(|l| self.link_diff(l));
    }
}

impl App {
    /// The edit and selection keys (no overlay open).
    pub(crate) fn apply_edit(&mut self, action: Action) {
        use super::selecting::Move as Step;
        match action {
            Action::Delete => self.delete(),
            Action::NextKind => self.next_kind(),
            Action::Reattribute => self.reattribute(),
            Action::EditNote => self.edit_note(),
            Action::SelectPassage => self.start_selection(),
            Action::Link => self.link_selections(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save(false),
            Action::Rename => self.rename_speaker(),
            Action::Alias => self.add_alias(),
            Action::Merge => self.merge_speaker(),
            Action::SentenceOn => self.step_selection(Step::SentenceOn),
            Action::SentenceBack => self.step_selection(Step::SentenceBack),
            Action::WordOn => self.step_selection(Step::WordOn),
            Action::WordBack => self.step_selection(Step::WordBack),
            Action::StartEarlier => self.step_selection(Step::StartEarlier),
            Action::StartLater => self.step_selection(Step::StartLater),
            Action::QuoteSelection => self.quote_from_selection(),
            Action::CancelSelection => self.cancel_selection(),
            _ => {}
        }
    }
}
