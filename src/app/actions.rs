//! The actions the reader understands, their names in the keymap and help, and
//! `App::update`, which applies one.

use super::{App, Focus, Overlay};

/// Where a key is pressed: each has its own table in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Article,
    Speakers,
    Quotes,
    /// An article with a selection (`v`): its keys move and use it.
    Selection,
}

impl Context {
    pub fn parse(s: &str) -> Option<Context> {
        Some(match s {
            "global" => Context::Global,
            "article" => Context::Article,
            "speakers" => Context::Speakers,
            "quotes" => Context::Quotes,
            "selection" => Context::Selection,
            _ => return None,
        })
    }
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Article => "In an article",
            Context::Speakers => "In the speakers pane",
            Context::Quotes => "In the quotes pane",
            Context::Selection => "With a selection (v)",
        }
    }
}

macro_rules! actions {
    ($($variant:ident $name:literal $help:literal,)*) => {
        /// Everything the reader can be asked to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant,)*
            /// Toggle the highlight of speaker n (0-based).
            Speaker(u8),
            /// Typed into a prompt.
            Input(char),
            Backspace,
            Submit,
            Wheel { x: u16, y: u16, down: bool },
            Click { x: u16, y: u16 },
            /// The mouse moved with its button down, to a cell.
            Drag { x: u16, y: u16 },
            Resize(u16, u16),
        }

        impl Action {
            /// The action a keymap name stands for.
            pub fn parse(name: &str) -> Option<Action> {
                match name {
                    $($name => Some(Action::$variant),)*
                    _ => name
                        .strip_prefix("speaker_")
                        .and_then(|n| n.parse::<u8>().ok())
                        .filter(|n| (1..=9).contains(n))
                        .map(|n| Action::Speaker(n - 1)),
                }
            }

            /// What the help screen says the action does.
            pub fn help(self) -> String {
                match self {
                    $(Action::$variant => $help.to_string(),)*
                    Action::Speaker(n) => format!("toggle the highlight of speaker {}", n + 1),
                    _ => String::new(),
                }
            }
        }
    };
}

actions! {
    Quit "quit" "quit",
    Suspend "suspend" "suspend to the shell (fg resumes)",
    Help "help" "this help",
    Close "close" "close the overlay; clear search and focus",
    Problems "problems" "list the story's problems",
    Down "down" "scroll down / next row",
    Up "up" "scroll up / previous row",
    HalfDown "half_down" "half a page down",
    HalfUp "half_up" "half a page up",
    PageDown "page_down" "a page down",
    PageUp "page_up" "a page up",
    Top "top" "to the top",
    Bottom "bottom" "to the bottom",
    FocusNext "focus_next" "focus the next pane",
    FocusPrev "focus_prev" "focus the previous pane",
    FocusLeft "focus_left" "focus the left article",
    FocusRight "focus_right" "focus the right article",
    NextLink "next_link" "next linked passage; the other article follows",
    PrevLink "prev_link" "previous linked passage",
    NextOnly "next_only" "next passage only this article has (no link)",
    PrevOnly "prev_only" "previous passage only this article has",
    NextQuote "next_quote" "next quote",
    PrevQuote "prev_quote" "previous quote",
    ToggleSync "toggle_sync" "synchronised scrolling on/off",
    Search "search" "search both articles",
    NextMatch "next_match" "next match",
    PrevMatch "prev_match" "previous match",
    PrevArticle "prev_article" "previous article on the right",
    NextArticle "next_article" "next article on the right",
    SidePanes "side_panes" "show/hide speakers and quotes (under 120 columns)",
    ToggleMouse "toggle_mouse" "mouse on/off (off: the terminal selects text)",
    ToggleAll "toggle_all" "all speakers' highlights on/off",
    ToggleSpeaker "toggle_speaker" "this speaker's highlight on/off",
    Select "select" "speakers: list only their quotes; quotes: go to it",
    Delete "delete" "delete the focused quote or link",
    NextKind "next_kind" "the focused quote's or link's next kind",
    Reattribute "reattribute" "give the focused quote to another speaker (a picker)",
    EditNote "edit_note" "edit the focused link's note",
    SelectPassage "select_passage" "select the focused passage, search match or first sentence",
    Link "link" "link the selections of the two articles",
    Undo "undo" "undo the last edit",
    Redo "redo" "redo the last edit undone",
    Save "save" "save the story (a draft: asks where)",
    Rename "rename" "rename the selected speaker",
    Alias "alias" "add an alias to the selected speaker",
    Merge "merge" "merge the selected speaker into another",
    SentenceOn "sentence_on" "extend the selection by a sentence",
    SentenceBack "sentence_back" "shrink the selection by a sentence",
    WordOn "word_on" "extend the selection by a word",
    WordBack "word_back" "shrink the selection by a word",
    StartEarlier "start_earlier" "start the selection a word earlier",
    StartLater "start_later" "start the selection a word later",
    QuoteSelection "quote_selection" "make the selection a quote (then pick its speaker)",
    CancelSelection "cancel_selection" "drop the selection",
}

/// How the reader starts (the config's `[defaults]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    /// Synchronised scrolling on.
    pub sync: bool,
    /// Side panes shown under 120 columns.
    pub side_panes: bool,
    /// Mouse capture on.
    pub mouse: bool,
}

impl Default for Defaults {
    fn default() -> Defaults {
        Defaults {
            sync: false,
            side_panes: false,
            mouse: true,
        }
    }
}

impl App {
    /// Starts with the configured defaults.
    pub fn apply_defaults(&mut self, d: Defaults) {
        self.sync = d.sync;
        self.mouse = d.mouse;
        if d.side_panes != self.side_open {
            self.side_open = d.side_panes;
            self.relayout();
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        // A message stays until the person does something (a resize is not that).
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        self.apply(action);
        self.follow_lists();
        // An overlay scrolls no further than its end, on any screen size.
        let max = self.overlay_max_scroll();
        if let Overlay::Help { scroll } | Overlay::Problems { scroll } = &mut self.overlay {
            *scroll = (*scroll).min(max);
        }
    }

    /// Keeps the selected rows of the lists in view.
    fn follow_lists(&mut self) {
        let rows = |r: Option<ratatui::layout::Rect>| {
            r.map(|r| r.height.saturating_sub(2) as usize)
                .unwrap_or(1)
                .max(1)
        };
        let (sh, qh) = (rows(self.geometry.speakers), rows(self.geometry.quotes));
        let follow = |sel: usize, top: &mut usize, h: usize| {
            if sel < *top {
                *top = sel;
            } else if sel >= *top + h {
                *top = sel + 1 - h;
            }
        };
        follow(self.speaker_sel, &mut self.speaker_top, sh);
        follow(self.quote_sel, &mut self.quote_top, qh);
    }

    fn apply(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        match self.overlay {
            Overlay::Search { .. } => self.apply_to_prompt(action),
            Overlay::Help { .. } | Overlay::Problems { .. } => self.apply_to_overlay(action),
            Overlay::Picker { .. } | Overlay::Prompt { .. } | Overlay::Confirm(_) => {
                self.apply_to_dialog(action)
            }
            Overlay::None => self.apply_to_panes(action),
        }
    }

    /// Keys typed into the search prompt.
    fn apply_to_prompt(&mut self, action: Action) {
        let Overlay::Search { input } = &mut self.overlay else {
            return;
        };
        match action {
            Action::Input(c) => input.push(c),
            Action::Backspace => {
                input.pop();
            }
            Action::Submit => {
                let q = std::mem::take(input);
                self.overlay = Overlay::None;
                self.run_search(q);
            }
            Action::Close => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Keys on the help or problems overlay: scroll it or close it. `update`
    /// keeps the scroll within its rows.
    fn apply_to_overlay(&mut self, action: Action) {
        let (Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Down | Action::Wheel { down: true, .. } => *scroll += 1,
            Action::Up | Action::Wheel { down: false, .. } => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfDown => *scroll += 10,
            Action::PageUp | Action::HalfUp => *scroll = scroll.saturating_sub(10),
            Action::Top => *scroll = 0,
            Action::Quit => {
                self.overlay = Overlay::None;
                self.quit_or_ask();
            }
            Action::Close | Action::Help | Action::Problems | Action::Click { .. } => {
                self.overlay = Overlay::None
            }
            _ => {}
        }
    }

    /// Moves what has the focus by `d` rows: scrolls an article, moves a list's
    /// selection.
    fn move_focused(&mut self, d: isize) {
        match self.focus {
            Focus::Pane(p) => self.scroll(p, d),
            Focus::Speakers => self.move_speaker(d),
            Focus::Quotes => self.move_quote(d),
        }
    }

    /// Keys on the panes, with no overlay open.
    fn apply_to_panes(&mut self, action: Action) {
        let p = self.active_pane();
        match action {
            Action::Quit => self.quit_or_ask(),
            Action::Suspend => self.suspend = true,
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Problems => {
                if self.story.problems.is_empty() {
                    self.message = Some("no problems: the story file is sound".into());
                } else {
                    self.overlay = Overlay::Problems { scroll: 0 };
                }
            }
            Action::Close => {
                self.search = Default::default();
                self.focused_link = None;
                self.diff = None;
                self.current_quote = None;
            }
            Action::Down => self.move_focused(1),
            Action::Up => self.move_focused(-1),
            Action::HalfDown | Action::HalfUp | Action::PageDown | Action::PageUp => {
                let h = match self.focus {
                    Focus::Pane(p) => self.panes[p].height,
                    _ => self.list_height(),
                } as isize;
                self.move_focused(match action {
                    Action::HalfDown => (h / 2).max(1),
                    Action::HalfUp => -(h / 2).max(1),
                    Action::PageDown => (h - 2).max(1),
                    _ => -(h - 2).max(1),
                });
            }
            Action::Top => self.move_focused(isize::MIN / 2),
            Action::Bottom => self.move_focused(isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusLeft => self.set_focus(Focus::Pane(0)),
            Action::FocusRight => self.set_focus(Focus::Pane(1)),
            Action::NextLink => self.step_link(p, true),
            Action::PrevLink => self.step_link(p, false),
            Action::NextOnly => self.step_only(p, true),
            Action::PrevOnly => self.step_only(p, false),
            Action::NextQuote => self.step_quote(p, true),
            Action::PrevQuote => self.step_quote(p, false),
            Action::ToggleSync => {
                self.sync = !self.sync;
                self.message = Some(format!(
                    "synchronised scrolling {}",
                    if self.sync { "on" } else { "off" }
                ));
            }
            Action::Search => {
                self.overlay = Overlay::Search {
                    input: String::new(),
                }
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::PrevArticle | Action::NextArticle => {
                self.cycle_article(action == Action::NextArticle)
            }
            Action::SidePanes => self.toggle_side_panes(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: wheel scrolls, click selects".into()
                } else {
                    "mouse off: the terminal's own text selection works".into()
                });
            }
            Action::ToggleAll => {
                let on = !self.speaker_on.iter().any(|&b| b);
                self.speaker_on.iter_mut().for_each(|b| *b = on);
            }
            Action::Speaker(n) => self.toggle_speaker(n as usize),
            Action::ToggleSpeaker => self.toggle_speaker(self.speaker_sel),
            Action::Select => self.select(),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
            Action::Drag { x, y } => self.drag(x, y),
            // The edit keys.
            a => self.apply_edit(a),
        }
    }

    /// `p`: the side panes shown or hidden; shown, they take the focus.
    fn toggle_side_panes(&mut self) {
        self.side_open = !self.side_open;
        if self.side_open {
            self.focus = Focus::Speakers;
        } else if !matches!(self.focus, Focus::Pane(_)) {
            self.focus = Focus::Pane(0);
        }
        self.relayout();
    }

    fn toggle_speaker(&mut self, n: usize) {
        if let Some(on) = self.speaker_on.get_mut(n) {
            *on = !*on;
            let name = &self.story.speakers[n].name;
            self.message = Some(format!(
                "{name}: highlight {}",
                if *on { "on" } else { "off" }
            ));
        }
    }

    fn set_focus(&mut self, f: Focus) {
        self.focus = f;
        if self.size.0 < geometry::TWO_PANES {
            if let Focus::Pane(_) = f {
                self.side_open = false;
            }
            self.relayout();
        }
    }

    /// The panes Tab visits, in order: the side panes when shown, then articles.
    fn cycle_focus(&mut self, forward: bool) {
        let mut order = Vec::new();
        let side =
            self.geometry.speakers.is_some() || self.size.0 < geometry::TWO_PANES && self.side_open;
        if side {
            order.extend([Focus::Speakers, Focus::Quotes]);
        }
        let narrow = self.size.0 < geometry::TWO_PANES;
        if !(narrow && self.side_open) {
            order.extend([Focus::Pane(0), Focus::Pane(1)]);
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.focus = order[next];
        if narrow {
            self.relayout();
        }
    }

    fn cycle_article(&mut self, forward: bool) {
        let n = self.story.articles.len();
        if n <= 2 {
            self.message = Some(if n == 1 {
                "this story has one article".to_string()
            } else {
                "this story has 2 articles: both are shown".to_string()
            });
            return;
        }
        let left = self.panes[0].article;
        let mut a = self.panes[1].article;
        loop {
            a = if forward {
                (a + 1) % n
            } else {
                (a + n - 1) % n
            };
            if a != left {
                break;
            }
        }
        self.show_article(1, a);
        self.message = Some(format!("right: {}", self.story.articles[a].title));
    }

    pub(crate) fn list_height(&self) -> usize {
        let r = match self.focus {
            Focus::Speakers => self.geometry.speakers,
            _ => self.geometry.quotes,
        };
        r.map(|r| r.height.saturating_sub(2) as usize)
            .unwrap_or(1)
            .max(1)
    }

    pub(crate) fn move_speaker(&mut self, d: isize) {
        let n = self.story.speakers.len();
        if n > 0 {
            self.speaker_sel = self.speaker_sel.saturating_add_signed(d).min(n - 1);
        }
    }

    pub(crate) fn move_quote(&mut self, d: isize) {
        let n = self.listed_quotes().len();
        if n > 0 {
            self.quote_sel = self.quote_sel.saturating_add_signed(d).min(n - 1);
        }
    }

    pub(crate) fn select(&mut self) {
        match self.focus {
            Focus::Speakers => {
                if self.story.speakers.is_empty() {
                    return;
                }
                let s = self.speaker_sel;
                self.quote_filter = if self.quote_filter == Some(s) {
                    None
                } else {
                    Some(s)
                };
                self.quote_sel = 0;
                self.quote_top = 0;
                self.message = Some(match self.quote_filter {
                    Some(s) => format!("quotes of {}", self.story.speakers[s].name),
                    None => "all quotes".into(),
                });
            }
            Focus::Quotes => {
                if let Some(q) = self.listed_quotes().get(self.quote_sel) {
                    self.goto_quote(q);
                }
            }
            Focus::Pane(_) => {}
        }
    }
}

use super::geometry;
