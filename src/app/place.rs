//! A reader's place in a story (scroll, focus, toggles), as kept between runs:
//! taken from an [`App`] and given back to one. Ids, not indices, so that a
//! story edited in between still gets back what still exists.

use serde::{Deserialize, Serialize};

use super::{App, Focus};

/// Where the reader left a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Article ids of the left and right panes.
    pub articles: [String; 2],
    /// The first character each pane showed, as a byte offset.
    pub first: [usize; 2],
    /// `speakers`, `quotes`, `left` or `right`.
    pub focus: String,
    /// Ids of speakers whose highlight is off.
    pub speakers_off: Vec<String>,
    pub sync: bool,
    pub side_panes: bool,
    /// The speaker the quotes pane is limited to.
    pub quote_filter: Option<String>,
    /// The focused link.
    pub link: Option<String>,
}

/// What the status line says on coming back to a story.
pub const RESTORED: &str = "back where you left off; --fresh starts at the top";

impl App {
    /// The place to remember.
    pub fn place(&self) -> Place {
        let s = &self.story;
        Place {
            articles: [0, 1].map(|p| s.articles[self.panes[p].article].id.clone()),
            first: [0, 1].map(|p| {
                let pane = &self.panes[p];
                pane.layout.row(pane.top).start
            }),
            focus: match self.focus {
                Focus::Speakers => "speakers",
                Focus::Quotes => "quotes",
                Focus::Pane(0) => "left",
                Focus::Pane(_) => "right",
            }
            .into(),
            speakers_off: (0..s.speakers.len())
                .filter(|&i| !self.speaker_on[i])
                .map(|i| s.speakers[i].id.clone())
                .collect(),
            sync: self.sync,
            side_panes: self.side_open,
            quote_filter: self.quote_filter.map(|i| s.speakers[i].id.clone()),
            link: self.focused_link.map(|l| s.links[l].id.clone()),
        }
    }

    /// Returns to a remembered place, as far as the story still allows, and
    /// says so on the status line until the next key.
    pub fn restore(&mut self, place: &Place) {
        self.message = Some(RESTORED.to_string());
        let find_article = |id: &str| self.story.articles.iter().position(|a| a.id == id);
        for p in 0..2 {
            if let Some(a) = find_article(&place.articles[p]) {
                self.panes[p].article = a;
            }
        }
        self.sync = place.sync;
        self.side_open = place.side_panes;
        self.focus = match place.focus.as_str() {
            "speakers" => Focus::Speakers,
            "quotes" => Focus::Quotes,
            "right" => Focus::Pane(1),
            _ => Focus::Pane(0),
        };
        let speaker = |id: &str| self.story.speakers.iter().position(|s| s.id == id);
        for id in &place.speakers_off {
            if let Some(i) = speaker(id) {
                self.speaker_on[i] = false;
            }
        }
        self.quote_filter = place.quote_filter.as_deref().and_then(speaker);
        self.relayout();
        if !matches!(self.focus, Focus::Pane(_))
            && self.geometry.speakers.is_none()
            && !self.side_open
        {
            self.focus = Focus::Pane(0);
        }
        for p in 0..2 {
            let text_len = self.story.articles[self.panes[p].article].text.len();
            let first = place.first[p].min(text_len);
            self.panes[p].top = self.panes[p].layout.row_of(first);
            self.clamp(p);
        }
        if let Some(l) = place
            .link
            .as_deref()
            .and_then(|id| self.story.links.iter().position(|l| l.id == id))
        {
            // Focus it without moving either pane.
            let tops = [self.panes[0].top, self.panes[1].top];
            let p = self.active_pane();
            let at = self.story.links[l]
                .passages
                .iter()
                .find(|x| x.article == self.panes[p].article)
                .map(|x| x.range.start);
            if at.is_some() {
                self.focus_link(p, l, at);
                self.panes[0].top = tops[0];
                self.panes[1].top = tops[1];
            }
        }
    }
}
