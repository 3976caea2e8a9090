//! Colours and text attributes. Every highlight also carries an attribute (bold,
//! underline, italic, reverse), so that it still shows when colour is off
//! (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

use crate::story::{self, LinkKind, QuoteKind};

/// The default speaker palette on a dark background, by position.
const DARK_PALETTE: [Color; 10] = [
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

/// The default speaker palette on a light background: darker colours.
const LIGHT_PALETTE: [Color; 10] = [
    Color::Indexed(130), // dark orange
    Color::Blue,
    Color::Magenta,
    Color::Indexed(28), // dark green
    Color::Indexed(25), // steel blue
    Color::Red,
    Color::Indexed(94), // brown
    Color::Indexed(30), // teal
    Color::Indexed(90), // purple
    Color::Indexed(64), // olive
];

/// Colours and attributes of one screen.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Colours at all (`NO_COLOR` turns them off; attributes stay).
    pub color: bool,
    /// Tuned for a light background.
    pub light: bool,
    palette: [Color; 16],
    palette_len: usize,
    /// Link kinds: same, paraphrase, conflict.
    links: [Color; 3],
}

const fn palette16(p: [Color; 10]) -> [Color; 16] {
    let mut out = [Color::Reset; 16];
    let mut i = 0;
    while i < 10 {
        out[i] = p[i];
        i += 1;
    }
    out
}

impl Theme {
    /// For dark backgrounds (the default).
    pub const DARK: Theme = Theme {
        color: true,
        light: false,
        palette: palette16(DARK_PALETTE),
        palette_len: 10,
        links: [Color::Green, Color::Blue, Color::Red],
    };
    /// For light backgrounds.
    pub const LIGHT: Theme = Theme {
        color: true,
        light: true,
        palette: palette16(LIGHT_PALETTE),
        palette_len: 10,
        links: [Color::Indexed(28), Color::Blue, Color::Red],
    };
    /// No colours at all: attributes only.
    pub const PLAIN: Theme = Theme {
        color: false,
        ..Theme::DARK
    };

    /// The dark theme, without colour when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme::DARK.with_env()
    }

    /// This theme, without colour when `NO_COLOR` is set.
    pub fn with_env(self) -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme {
            color: self.color && color,
            ..self
        }
    }

    /// Replaces the speaker palette (up to 16 colours; empty keeps it).
    pub fn with_palette(mut self, colors: &[Color]) -> Theme {
        if !colors.is_empty() {
            let n = colors.len().min(16);
            self.palette[..n].copy_from_slice(&colors[..n]);
            self.palette_len = n;
        }
        self
    }

    /// Replaces the colour of a link kind.
    pub fn with_link_color(mut self, kind: LinkKind, c: Color) -> Theme {
        self.links[kind as usize] = c;
        self
    }

    /// A story-file colour as a terminal colour.
    pub fn convert(c: story::Color) -> Color {
        match c {
            story::Color::Named(i) => NAMED[i as usize],
            story::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
            story::Color::Indexed(i) => Color::Indexed(i),
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
            Some(c) => Theme::convert(c),
            None => self.palette[index % self.palette_len.max(1)],
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
        self.links[kind as usize]
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

    /// The gutter mark of a row only this article has (no link covers it):
    /// unlike any link kind, in colour and in glyph.
    pub fn only_here(&self, focused: bool) -> (&'static str, Style) {
        let glyph = if self.color { "┆" } else { "+" };
        let mut s = self.fg(if self.light {
            Color::Indexed(130)
        } else {
            Color::Yellow
        });
        if focused {
            s = s.add_modifier(Modifier::BOLD | Modifier::REVERSED);
        }
        (glyph, s)
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
            let bg = if self.light {
                Color::LightYellow
            } else {
                Color::Yellow
            };
            Style::new().bg(bg).fg(Color::Black)
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
        match (focused, self.light) {
            (true, false) => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            (true, true) => self.fg(Color::Blue).add_modifier(Modifier::BOLD),
            (false, false) => self.fg(Color::DarkGray),
            (false, true) => self.fg(Color::Gray),
        }
    }

    /// A passage selected to become a quote or a link: on a blue ground,
    /// and underlined and bold so that it shows without colour too.
    pub fn selection(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        if self.color {
            let bg = if self.light {
                Color::LightBlue
            } else {
                Color::Blue
            };
            s.bg(bg).fg(Color::White)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        match (self.color, self.light) {
            (true, false) => Style::new().fg(Color::DarkGray),
            (true, true) => Style::new().fg(Color::Gray),
            (false, _) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn status(&self) -> Style {
        match (self.color, self.light) {
            (true, false) => Style::new().bg(Color::DarkGray).fg(Color::White),
            (true, true) => Style::new().bg(Color::Indexed(252)).fg(Color::Black),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED),
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
