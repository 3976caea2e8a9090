//! The reader's questions: the speaker picker (`S`, a new quote, a merge),
//! one-line prompts (a name, an alias, a note, a path to save to) and
//! one-letter confirmations (quit with unsaved changes, overwrite a file,
//! restore a journal). Answers become edits, or a [`Request`] for the session
//! (saving, restoring), which does what touches files.

use std::ops::Range;
use std::path::PathBuf;

use super::{App, Overlay};
use crate::app::Action;

/// What the speaker picker picks a speaker for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// A new speaker for quote `q`.
    Reattribute(usize),
    /// The speaker of a new quote: the selection in an article.
    NewQuote(usize, Range<usize>),
    /// The speaker that speaker `s` merges into.
    Merge(usize),
}

/// What a one-line prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Rename(usize),
    Alias(usize),
    Note(usize),
    /// The path to save the story to; then quit, if saving was asked by `q`.
    SaveAs {
        then_quit: bool,
    },
}

/// A question answered by one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// `q` with unsaved changes: save, quit without saving, or cancel.
    Quit,
    /// The path to save to exists.
    Overwrite { path: PathBuf, then_quit: bool },
    /// An earlier session left unsaved edits: restore or discard them.
    Restore { edits: usize, when: String },
}

/// What the reader asks the session to do with files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Save: in place (`path` none), or to `path` (a draft's first save);
    /// `overwrite`: the person agreed to replace what is there.
    Save {
        path: Option<PathBuf>,
        overwrite: bool,
        then_quit: bool,
    },
    /// Replay the journal an earlier session left.
    Restore,
    /// Throw the journal away (restore declined, or quit without saving).
    Discard,
}

/// A row of the speaker picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Speaker(usize),
    /// A new speaker with the name typed.
    New(String),
}

impl App {
    /// Opens the speaker picker for `pick`, its filter empty.
    pub(crate) fn open_picker(&mut self, pick: Pick) {
        self.overlay = Overlay::Picker {
            pick,
            input: String::new(),
            sel: 0,
        };
    }

    /// The picker's rows for what is typed: the speakers whose name or an
    /// alias contains it (any case), then a new speaker of that name unless
    /// one has it exactly (never for a merge).
    pub fn picker_rows(&self) -> Vec<Row> {
        let Overlay::Picker { pick, input, .. } = &self.overlay else {
            return Vec::new();
        };
        let typed = input.trim().to_lowercase();
        let mut rows: Vec<Row> = Vec::new();
        let mut exact = false;
        for (i, s) in self.story.speakers.iter().enumerate() {
            if matches!(pick, Pick::Merge(from) if *from == i) {
                continue;
            }
            let names = std::iter::once(&s.name).chain(&s.aliases);
            let mut hit = typed.is_empty();
            for n in names {
                let n = n.to_lowercase();
                exact |= n == typed;
                hit |= n.contains(&typed);
            }
            if hit {
                rows.push(Row::Speaker(i));
            }
        }
        if !typed.is_empty() && !exact && !matches!(pick, Pick::Merge(_)) {
            rows.push(Row::New(input.trim().to_string()));
        }
        rows
    }

    /// Keys while a picker, prompt or confirmation is open.
    pub(crate) fn apply_to_dialog(&mut self, action: Action) {
        match self.overlay.clone() {
            Overlay::Picker { pick, input, sel } => self.on_picker(action, pick, input, sel),
            Overlay::Prompt { ask, input } => self.on_prompt(action, ask, input),
            Overlay::Confirm(c) => self.on_confirm(action, c),
            _ => {}
        }
    }

    fn on_picker(&mut self, action: Action, pick: Pick, mut input: String, mut sel: usize) {
        match action {
            Action::Input(c) => {
                input.push(c);
                sel = 0;
            }
            Action::Backspace => {
                input.pop();
                sel = 0;
            }
            Action::Down | Action::Wheel { down: true, .. } => sel += 1,
            Action::Up | Action::Wheel { down: false, .. } => sel = sel.saturating_sub(1),
            Action::Close => {
                self.overlay = Overlay::None;
                self.message = Some("cancelled".into());
                return;
            }
            Action::Submit => {
                let rows = self.picker_rows();
                let row = rows.get(sel.min(rows.len().saturating_sub(1))).cloned();
                self.overlay = Overlay::None;
                return match row {
                    Some(row) => self.picked(pick, row),
                    None => self.message = Some("no speaker has that name".into()),
                };
            }
            _ => return,
        }
        self.overlay = Overlay::Picker { pick, input, sel };
        let n = self.picker_rows().len();
        if let Overlay::Picker { sel, .. } = &mut self.overlay {
            *sel = (*sel).min(n.saturating_sub(1));
        }
    }

    /// The picker's answer.
    fn picked(&mut self, pick: Pick, row: Row) {
        let (s, ops) = match row {
            Row::Speaker(s) => (s, Vec::new()),
            Row::New(name) => {
                let (s, op) = self.new_speaker(&name);
                (s, vec![op])
            }
        };
        match pick {
            Pick::Reattribute(q) => self.give_quote(q, s, ops),
            Pick::NewQuote(article, range) => self.quote_selection(article, range, s, ops),
            Pick::Merge(from) => self.merge_into(from, s),
        }
    }

    fn on_prompt(&mut self, action: Action, ask: Ask, mut input: String) {
        match action {
            Action::Input(c) => input.push(c),
            Action::Backspace => {
                input.pop();
            }
            Action::Close => {
                self.overlay = Overlay::None;
                self.message = Some("cancelled".into());
                return;
            }
            Action::Submit => {
                self.overlay = Overlay::None;
                return match ask {
                    Ask::Rename(s) => self.set_name(s, &input),
                    Ask::Alias(s) => self.push_alias(s, &input),
                    Ask::Note(l) => self.set_note(l, &input),
                    Ask::SaveAs { then_quit } => {
                        let path = input.trim();
                        if path.is_empty() {
                            self.message = Some("not saved: no path given".into());
                        } else {
                            self.request = Some(Request::Save {
                                path: Some(PathBuf::from(path)),
                                overwrite: false,
                                then_quit,
                            });
                        }
                    }
                };
            }
            _ => {}
        }
        self.overlay = Overlay::Prompt { ask, input };
    }

    fn on_confirm(&mut self, action: Action, c: Confirm) {
        let Action::Input(letter) = action else {
            if action == Action::Close && !matches!(c, Confirm::Restore { .. }) {
                self.overlay = Overlay::None;
                self.message = Some("cancelled".into());
            }
            return;
        };
        let letter = letter.to_ascii_lowercase();
        match (&c, letter) {
            (Confirm::Quit, 's') => {
                self.overlay = Overlay::None;
                self.save(true);
            }
            (Confirm::Quit, 'd') => {
                self.overlay = Overlay::None;
                self.request = Some(Request::Discard);
                self.quit = true;
            }
            (Confirm::Overwrite { path, then_quit }, 'y') => {
                self.overlay = Overlay::None;
                self.request = Some(Request::Save {
                    path: Some(path.clone()),
                    overwrite: true,
                    then_quit: *then_quit,
                });
            }
            (Confirm::Overwrite { path, then_quit }, 'n') => {
                self.overlay = Overlay::Prompt {
                    ask: Ask::SaveAs {
                        then_quit: *then_quit,
                    },
                    input: path.display().to_string(),
                };
            }
            (Confirm::Restore { .. }, 'r') => {
                self.overlay = Overlay::None;
                self.request = Some(Request::Restore);
            }
            (Confirm::Restore { .. }, 'd') => {
                self.overlay = Overlay::None;
                self.request = Some(Request::Discard);
                self.message =
                    Some("the unsaved edits of the earlier session are discarded".into());
            }
            _ => {}
        }
    }

    /// `Ctrl-s` (and `s` when quitting): saves in place, or asks where.
    pub(crate) fn save(&mut self, then_quit: bool) {
        if self.file.is_some() {
            if !self.dirty() && !then_quit {
                self.message = Some("nothing to save: the story is as saved".into());
                return;
            }
            self.request = Some(Request::Save {
                path: None,
                overwrite: false,
                then_quit,
            });
        } else {
            self.overlay = Overlay::Prompt {
                ask: Ask::SaveAs { then_quit },
                input: self.suggested.clone(),
            };
        }
    }

    /// `q`: quits, or asks first when there are unsaved changes.
    pub(crate) fn quit_or_ask(&mut self) {
        if self.dirty() {
            self.overlay = Overlay::Confirm(Confirm::Quit);
        } else {
            self.quit = true;
        }
    }

    /// Offers to restore `edits` journaled by an earlier session at `when`.
    pub fn offer_restore(&mut self, edits: usize, when: String) {
        self.overlay = Overlay::Confirm(Confirm::Restore { edits, when });
    }
}

impl Confirm {
    /// The question and its answers, for the status line.
    pub fn question(&self) -> String {
        match self {
            Confirm::Quit => {
                "Unsaved changes. s save and quit · d quit without saving · Esc cancel".into()
            }
            Confirm::Overwrite { path, .. } => format!(
                "{} exists. y overwrite it · n choose another path · Esc cancel",
                path.display()
            ),
            Confirm::Restore { edits, when } => format!(
                "{edits} unsaved edit{} of this story from a session that ended without saving ({when}). r restore · d discard",
                if *edits == 1 { "" } else { "s" }
            ),
        }
    }
}

impl Ask {
    /// The prompt's label.
    pub fn label(&self, app: &App) -> String {
        match self {
            Ask::Rename(s) => format!("rename {}: ", app.story.speakers[*s].name),
            Ask::Alias(s) => format!("new alias of {}: ", app.story.speakers[*s].name),
            Ask::Note(l) => format!("note of link {}: ", app.story.links[*l].id),
            Ask::SaveAs { .. } => "save the story to: ".into(),
        }
    }
}

impl Pick {
    /// The picker's title.
    pub fn title(&self, app: &App) -> String {
        match self {
            Pick::Reattribute(q) => format!("who said quote {}?", app.story.quotes[*q].id),
            Pick::NewQuote(..) => "who said it? (a new quote)".into(),
            Pick::Merge(s) => format!("merge {} into…", app.story.speakers[*s].name),
        }
    }
}
