//! Colours and text attributes. Every highlight also carries an attribute (bold,
//! underline, italic, reverse), so that it still shows when colour is off
//! (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

use crate::story::{self, LinkKind, QuoteKind};

/// The default speaker palette, by position, for speakers without a colour.
const PALETTE: [Color; 10] = [
    Color::Yellow,
    Color::Cyan,
    Color::Magenta,
    Color::Green,
    Color::LightBlue,
    Color::LightRed,
    Color::LightYellow,
    Color::LightCyan,
    Color::LightMagenta,
    Color::LightGreen,
];

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A speaker's colour: the story's, or the palette's.
    pub fn speaker_color(&self, index: usize, c: Option<story::Color>) -> Color {
        match c {
            Some(story::Color::Named(i)) => NAMED[i as usize],
            Some(story::Color::Rgb(r, g, b)) => Color::Rgb(r, g, b),
            Some(story::Color::Indexed(i)) => Color::Indexed(i),
            None => PALETTE[index % PALETTE.len()],
        }
    }

    /// A quote in its speaker's colour: direct quotes underlined, the others italic.
    pub fn quote(&self, speaker: Color, kind: QuoteKind) -> Style {
        let s = self.fg(speaker);
        match kind {
            QuoteKind::Direct => s.add_modifier(Modifier::UNDERLINED),
            QuoteKind::Mixed | QuoteKind::Indirect => s.add_modifier(Modifier::ITALIC),
        }
    }

    /// A mention of a speaker: bold, in their colour.
    pub fn mention(&self, speaker: Color) -> Style {
        self.fg(speaker).add_modifier(Modifier::BOLD)
    }

    pub fn link_color(&self, kind: LinkKind) -> Color {
        match kind {
            LinkKind::Same => Color::Green,
            LinkKind::Paraphrase => Color::Blue,
            LinkKind::Conflict => Color::Red,
        }
    }

    /// The gutter mark of a linked row: coloured by kind, and a distinct glyph
    /// when colour is off.
    pub fn gutter(&self, kind: LinkKind, focused: bool) -> (&'static str, Style) {
        let glyph = if self.color {
            "▌"
        } else {
            match kind {
                LinkKind::Same => "=",
                LinkKind::Paraphrase => "~",
                LinkKind::Conflict => "!",
            }
        };
        let mut s = self.fg(self.link_color(kind));
        if focused {
            s = s.add_modifier(Modifier::BOLD | Modifier::REVERSED);
        }
        (if focused && self.color { "█" } else { glyph }, s)
    }

    /// The focused link's passages, and the current quote: reversed.
    pub fn focused(&self) -> Modifier {
        Modifier::REVERSED
    }

    /// Words in which a focused link's passages differ: not reversed, bold and
    /// underlined, in the link kind's colour.
    pub fn differ(&self, kind: LinkKind) -> Style {
        self.fg(self.link_color(kind))
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A search match (the current one also reversed).
    pub fn search(&self, current: bool) -> Style {
        let mut s = if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new()
        };
        s = s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if current {
            s = s.add_modifier(Modifier::REVERSED);
        }
        s
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn status(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn swatch(&self, c: Color, on: bool) -> Style {
        if on { self.fg(c) } else { self.dim() }
    }
}

/// The colours of [`story::Color::NAMES`], in order.
const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];
