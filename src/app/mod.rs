//! The reader's state and `update(action)`: focus, scrolling, toggles, jumps,
//! search and overlays. Neither draws nor reads keys: [`crate::keys`] turns
//! input into [`Action`]s and [`crate::ui`] draws an [`App`].

mod actions;
mod dialog;
pub mod edit;
mod editing;
pub mod geometry;
mod nav;
pub mod place;
mod selecting;

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

pub use actions::{Action, Context, Defaults};
pub use dialog::{Ask, Confirm, Pick, Request, Row};
pub use edit::{Edit, Entry, History, Op, Step, Target};
pub use geometry::Geometry;

use crate::layout::Layout;
use crate::marks::Marks;
use crate::story::Story;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Speakers,
    Quotes,
    /// An article pane, by its index in `App::panes`: 0 left, 1 right (which
    /// article it shows is its `Pane::article`).
    Pane(usize),
}

/// What covers the panes, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Problems {
        scroll: usize,
    },
    /// The search prompt, with what has been typed.
    Search {
        input: String,
    },
    /// The speaker picker: what it picks for, the filter typed, the row chosen.
    Picker {
        pick: Pick,
        input: String,
        sel: usize,
    },
    /// A one-line prompt: a name, an alias, a note, a path to save to.
    Prompt {
        ask: Ask,
        input: String,
    },
    /// A question answered by one letter (save or not, overwrite, restore).
    Confirm(Confirm),
}

/// One article pane: which article, wrapped to its width, scrolled to `top`.
#[derive(Debug, Clone)]
pub struct Pane {
    pub article: usize,
    /// First visible row.
    pub top: usize,
    pub layout: Rc<Layout>,
    /// The article `layout` wraps (it lags `article` until the next relayout).
    wrapped: Option<usize>,
    /// Rows of text the pane shows.
    pub height: usize,
}

/// A search and its matches.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Per article, sorted, not overlapping.
    pub matches: Vec<Vec<Range<usize>>>,
    /// The match jumped to: article and index.
    pub current: Option<(usize, usize)>,
}

/// The words in which a focused link's passages differ, per article.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    pub link: usize,
    /// (article, sorted byte ranges of differing words).
    pub words: Vec<(usize, Vec<Range<usize>>)>,
}

/// The whole state of the reader.
pub struct App {
    pub story: Story,
    pub marks: Vec<Marks>,
    /// The annotations were drafted by `annotate`, not written by a person.
    pub draft: bool,
    pub panes: [Pane; 2],
    pub focus: Focus,
    pub speaker_on: Vec<bool>,
    pub speaker_sel: usize,
    pub speaker_top: usize,
    /// The quotes pane lists this speaker's quotes only.
    pub quote_filter: Option<usize>,
    pub quote_sel: usize,
    pub quote_top: usize,
    pub focused_link: Option<usize>,
    /// Where the focused link was entered: article and passage start.
    link_at: Option<(usize, usize)>,
    pub diff: Option<Diff>,
    /// The quote last jumped to.
    pub current_quote: Option<usize>,
    pub search: Search,
    pub sync: bool,
    pub side_open: bool,
    pub mouse: bool,
    pub overlay: Overlay,
    pub size: (u16, u16),
    pub geometry: Geometry,
    /// A one-line message for the status bar, until the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// Asked to suspend: the terminal loop stops the process and clears this.
    pub suspend: bool,
    /// Rows of the help screen for the keymap in effect (set by whoever maps
    /// keys to actions: [`crate::render::feed`], [`crate::term::run`]), so
    /// that its scroll stops at its end.
    pub help_rows: usize,
    layouts: HashMap<(usize, usize), Rc<Layout>>,
    /// Per article: link passages sorted by start (start, link).
    passages: Vec<Vec<(usize, usize)>>,
    /// Per article: the sentences no link covers, in text order (only here).
    pub only: Vec<Vec<Range<usize>>>,
    /// Per article: the sentences that could be only here
    /// ([`crate::only::candidates`]), for redoing `only` after a link edit.
    sentences: Vec<Vec<Range<usize>>>,
    /// The only-here passage last jumped to: article and start.
    only_at: Option<(usize, usize)>,
    /// Per article, its quotes; per speaker and article, theirs (indices in
    /// `story.quotes`, ascending): the quotes pane and the counts read these.
    quotes_of: Vec<Vec<usize>>,
    quotes_by: Vec<Vec<Vec<usize>>>,
    /// The edits made and undone, and which state is saved.
    pub history: History,
    /// Steps made since the session last took them, for the journal.
    pub journal: Vec<Entry>,
    /// Per article, the passage selected to make a quote or a link.
    pub selections: Vec<Option<Range<usize>>>,
    /// Where `Ctrl-s` saves without asking: the story file it was opened
    /// from (none for a draft, the bundled story, standard input).
    pub file: Option<std::path::PathBuf>,
    /// The path the save prompt offers when there is no file.
    pub suggested: String,
    /// What the session (files, journal) is asked to do next.
    pub request: Option<Request>,
    /// Where the mouse button went down in an article: pane and byte.
    pub(crate) drag_from: Option<(usize, usize)>,
}

/// An article wrapped for a pane: paragraph gaps where the text has no blank lines.
fn wrap(text: &str, width: usize) -> Layout {
    let l = Layout::new(text, width);
    if Layout::wants_paragraph_gaps(text) {
        l.with_paragraph_gaps(text)
    } else {
        l
    }
}

/// The quotes the quotes pane lists: runs of quote indices, one per article,
/// in the order shown. Costs O(articles) to make, never a pass over the quotes.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    runs: Vec<&'a [usize]>,
}

impl Listed<'_> {
    pub fn len(&self) -> usize {
        self.runs.iter().map(|r| r.len()).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.is_empty())
    }
    /// The `i`-th listed quote.
    pub fn get(&self, mut i: usize) -> Option<usize> {
        for r in &self.runs {
            if i < r.len() {
                return Some(r[i]);
            }
            i -= r.len();
        }
        None
    }
    pub fn iter(&self) -> impl Iterator<Item = &usize> + '_ {
        self.runs.iter().flat_map(|r| r.iter())
    }
    /// Where quote `q` is listed, if it is.
    pub fn position(&self, q: usize) -> Option<usize> {
        let mut before = 0;
        for r in &self.runs {
            if let Ok(k) = r.binary_search(&q) {
                return Some(before + k);
            }
            before += r.len();
        }
        None
    }
}

/// Whether the story's texts are big enough to index on several threads.
pub(crate) fn is_big(story: &Story) -> bool {
    story.articles.iter().map(|a| a.text.len()).sum::<usize>() > crate::story::PARALLEL_BYTES
}

/// The marks of every article.
pub(crate) fn all_marks(story: &Story) -> Vec<Marks> {
    let ids: Vec<usize> = (0..story.articles.len()).collect();
    crate::story::par_map(is_big(story), &ids, |_, &a| Marks::build(story, a))
}

/// Per article, its link passages sorted by start: (start, link).
pub(crate) fn passage_index(story: &Story) -> Vec<Vec<(usize, usize)>> {
    let mut passages = vec![Vec::new(); story.articles.len()];
    for (li, l) in story.links.iter().enumerate() {
        for p in &l.passages {
            passages[p.article].push((p.range.start, li));
        }
    }
    passages.iter_mut().for_each(|v| v.sort_unstable());
    passages
}

impl App {
    /// A reader on `story`, for a screen of `size`.
    pub fn new(story: Story, draft: bool, size: (u16, u16)) -> App {
        let ids: Vec<usize> = (0..story.articles.len()).collect();
        let big = is_big(&story);
        let marks = all_marks(&story);
        let passages = passage_index(&story);
        let several = story.articles.len() > 1;
        let sentences = crate::story::par_map(big, &ids, |_, &a| match several {
            true => crate::only::candidates(&story.articles[a].text),
            false => Vec::new(),
        });
        let only = (ids.iter())
            .map(|&a| crate::only::uncovered(&sentences[a], &crate::only::linked_in(&story, a)))
            .collect();
        let empty = Rc::new(Layout::new("", 1));
        let right = if story.articles.len() > 1 { 1 } else { 0 };
        let speakers = story.speakers.len();
        let articles = story.articles.len();
        let mut app = App {
            story,
            marks,
            draft,
            panes: [
                Pane {
                    article: 0,
                    top: 0,
                    layout: empty.clone(),
                    wrapped: None,
                    height: 0,
                },
                Pane {
                    article: right,
                    top: 0,
                    layout: empty,
                    wrapped: None,
                    height: 0,
                },
            ],
            focus: Focus::Pane(0),
            speaker_on: vec![true; speakers],
            speaker_sel: 0,
            speaker_top: 0,
            quote_filter: None,
            quote_sel: 0,
            quote_top: 0,
            focused_link: None,
            link_at: None,
            diff: None,
            current_quote: None,
            search: Search::default(),
            sync: false,
            side_open: false,
            mouse: true,
            overlay: Overlay::None,
            size: (0, 0),
            geometry: Geometry::default(),
            message: None,
            quit: false,
            suspend: false,
            help_rows: 0,
            layouts: HashMap::new(),
            passages,
            only,
            sentences,
            only_at: None,
            quotes_of: Vec::new(),
            quotes_by: Vec::new(),
            history: History::default(),
            journal: Vec::new(),
            selections: vec![None; articles],
            file: None,
            suggested: String::new(),
            request: None,
            drag_from: None,
        };
        app.index_quotes();
        app.resize(size.0, size.1);
        app
    }

    /// Per article its quotes, per speaker and article theirs.
    pub(crate) fn index_quotes(&mut self) {
        let n = self.story.articles.len();
        let mut quotes_of = vec![Vec::new(); n];
        let mut quotes_by = vec![vec![Vec::new(); n]; self.story.speakers.len()];
        for (i, q) in self.story.quotes.iter().enumerate() {
            quotes_of[q.article].push(i);
            quotes_by[q.speaker][q.article].push(i);
        }
        self.quotes_of = quotes_of;
        self.quotes_by = quotes_by;
    }

    /// The context whose key table applies now.
    pub fn context(&self) -> Context {
        match self.focus {
            Focus::Speakers => Context::Speakers,
            Focus::Quotes => Context::Quotes,
            Focus::Pane(p) if self.selections[self.panes[p].article].is_some() => {
                Context::Selection
            }
            Focus::Pane(_) => Context::Article,
        }
    }

    /// A text prompt is open: keys are text.
    pub fn typing(&self) -> bool {
        matches!(
            self.overlay,
            Overlay::Search { .. }
                | Overlay::Picker { .. }
                | Overlay::Prompt { .. }
                | Overlay::Confirm(_)
        )
    }

    /// The story differs from what was loaded or last saved.
    pub fn dirty(&self) -> bool {
        self.history.dirty()
    }

    /// The article pane the navigation keys act on.
    pub fn active_pane(&self) -> usize {
        match self.focus {
            Focus::Pane(p) => p,
            _ => 0,
        }
    }

    /// Lays the screen out for a new size, re-wrapping what changed width and
    /// keeping each pane's first visible character in view.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.relayout();
    }

    /// Recomputes the geometry and each pane's wrap (cached per article and width).
    pub(crate) fn relayout(&mut self) {
        let (w, h) = self.size;
        let shown = self.active_pane();
        self.geometry = Geometry::new(w, h, self.side_open, shown, self.story.speakers.len());
        // In the one-pane layout both panes wrap to the same width, so that
        // switching between them costs nothing.
        let any = self.geometry.articles.iter().flatten().next().copied();
        let panes = self.geometry.articles;
        let size_of = |p: usize| {
            let area = panes[p].or(any).map(Geometry::text_area);
            area.map(|a| (a.width as usize, a.height as usize))
                .unwrap_or((40, 10))
        };
        // Wrap what is missing first, the two panes on two threads.
        let mut missing: Vec<(usize, usize)> = Vec::new();
        for p in 0..2 {
            let key = (self.panes[p].article, size_of(p).0);
            let current = self.panes[p].wrapped == Some(key.0)
                && self.panes[p].layout.width() == key.1.max(1);
            if !current && !self.layouts.contains_key(&key) && !missing.contains(&key) {
                missing.push(key);
            }
        }
        let articles = &self.story.articles;
        let big = missing
            .iter()
            .map(|&(a, _)| articles[a].text.len())
            .sum::<usize>()
            > crate::story::PARALLEL_BYTES;
        let made = crate::story::par_map(big, &missing, |_, &(a, width)| {
            wrap(&articles[a].text, width)
        });
        self.layouts
            .extend(missing.into_iter().zip(made.into_iter().map(Rc::new)));
        let mut keep = Vec::new();
        for p in 0..2 {
            let (width, height) = size_of(p);
            self.set_layout(p, width);
            self.panes[p].height = height.max(1);
            keep.push((self.panes[p].article, width));
            self.clamp(p);
        }
        self.layouts.retain(|k, _| keep.contains(k));
    }

    /// Wraps pane `p`'s article to `width`, keeping its first visible character.
    fn set_layout(&mut self, p: usize, width: usize) {
        let pane = &self.panes[p];
        let article = pane.article;
        let same_article = pane.wrapped == Some(article);
        if same_article && pane.layout.width() == width.max(1) {
            return;
        }
        let first = if same_article {
            pane.layout.row(pane.top.min(pane.layout.len() - 1)).start
        } else {
            0
        };
        let text = &self.story.articles[article].text;
        let layout = self
            .layouts
            .entry((article, width))
            .or_insert_with(|| Rc::new(wrap(text, width)))
            .clone();
        let pane = &mut self.panes[p];
        pane.top = layout.row_of(first);
        pane.layout = layout;
        pane.wrapped = Some(article);
    }

    /// Shows `article` in pane `p`, scrolled to the top.
    pub(crate) fn show_article(&mut self, p: usize, article: usize) {
        if self.panes[p].article != article {
            self.panes[p].article = article;
            self.panes[p].top = 0;
            self.relayout();
        }
    }

    /// Keeps pane `p`'s scroll within its text.
    pub(crate) fn clamp(&mut self, p: usize) {
        let max = self.max_top(p);
        let pane = &mut self.panes[p];
        pane.top = pane.top.min(max);
    }

    /// The last first-row: the end of the text may rise to the pane's bottom row.
    pub fn max_top(&self, p: usize) -> usize {
        let pane = &self.panes[p];
        pane.layout.len().saturating_sub(pane.height)
    }

    /// Scrolls pane `p` by `delta` rows (and the other pane too when synchronised).
    pub(crate) fn scroll(&mut self, p: usize, delta: isize) {
        let targets: &[usize] = if self.sync {
            &[0, 1]
        } else {
            std::slice::from_ref(&p)
        };
        for &q in targets {
            let pane = &mut self.panes[q];
            pane.top = pane.top.saturating_add_signed(delta);
            self.clamp(q);
        }
    }

    /// Position in %, for the title bar.
    pub fn percent(&self, p: usize) -> Option<usize> {
        let max = self.max_top(p);
        (max > 0).then(|| self.panes[p].top * 100 / max)
    }

    /// Quotes the quotes pane lists, by index in `story.quotes`: those of the
    /// articles on screen first, left before right, then the others by article.
    pub fn listed_quotes(&self) -> Listed<'_> {
        let shown = [self.panes[0].article, self.panes[1].article];
        let mut order: Vec<usize> = vec![shown[0]];
        if shown[1] != shown[0] {
            order.push(shown[1]);
        }
        order.extend((0..self.quotes_of.len()).filter(|a| !shown.contains(a)));
        let runs = order
            .into_iter()
            .filter_map(|a| match self.quote_filter {
                None => self.quotes_of.get(a),
                Some(s) => self.quotes_by.get(s).and_then(|by| by.get(a)),
            })
            .map(Vec::as_slice)
            .collect();
        Listed { runs }
    }

    /// Quotes of `speaker` in `article`.
    pub fn quote_count(&self, speaker: usize, article: usize) -> usize {
        self.quotes_by
            .get(speaker)
            .and_then(|by| by.get(article))
            .map_or(0, Vec::len)
    }

    /// The link passages of an article, sorted by start: (start, link).
    pub fn passages(&self, article: usize) -> &[(usize, usize)] {
        &self.passages[article]
    }

    /// The width of the problems box.
    pub fn problems_width(&self) -> u16 {
        self.size.0.saturating_sub(4)
    }

    /// The story's problems as the problems box shows them: one-line, cut to
    /// its inner width.
    pub fn problem_lines(&self) -> Vec<String> {
        let width = (self.problems_width().saturating_sub(2) as usize).max(1);
        self.story
            .problems
            .iter()
            .flat_map(|p| {
                let chars: Vec<char> = crate::layout::clean(&p.to_string()).chars().collect();
                chars
                    .chunks(width)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The farthest the open overlay can scroll: its last row at its bottom.
    pub fn overlay_max_scroll(&self) -> usize {
        let (w, h) = self.size;
        match self.overlay {
            Overlay::Help { .. } => {
                Geometry::overlay_max_scroll(w, h, geometry::HELP_WIDTH, self.help_rows)
            }
            Overlay::Problems { .. } => Geometry::overlay_max_scroll(
                w,
                h,
                self.problems_width(),
                self.problem_lines().len(),
            ),
            _ => 0,
        }
    }
}
