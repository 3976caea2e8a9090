//! Headless rendering: the same state and drawing as the live reader, fed a key
//! sequence, drawn on a ratatui `TestBackend`, printed as text, ANSI or an SVG
//! picture (`svg`).

mod svg;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::app::App;
use crate::keys::{self, Key, Keymap};
use crate::ui::{self, Theme, View};

pub use svg::{escape as xml_escape, to_svg};

/// How `verso render` prints the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, trailing spaces trimmed.
    Text,
    /// Text with colours and attributes as ANSI escape sequences (`--color`).
    Ansi,
    /// An SVG picture with the colours and attributes.
    Svg,
}

/// Feeds `keys` to the app as the live reader would, stopping at a quit.
/// Nothing is saved: a save asked for stays in `app.request`.
pub fn feed(app: &mut App, keymap: &Keymap, keys: &[Key]) {
    feed_serving(app, keymap, keys, &mut |_| {});
}

/// [`feed`], with `serve` called after each key as the live reader calls
/// its session (saving, journaling).
pub fn feed_serving(app: &mut App, keymap: &Keymap, keys: &[Key], serve: &mut dyn FnMut(&mut App)) {
    app.help_rows = ui::help_lines(keymap).len();
    for k in keys {
        let ev = Event::Key(k.to_event());
        if let Some(a) = keys::map(keymap, &ev, app.context(), app.typing()) {
            app.update(a);
        }
        serve(app);
        if app.quit {
            break;
        }
    }
}

/// Draws the app on a buffer of its size.
pub fn draw(app: &App, keymap: &Keymap, theme: Theme) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend never fails");
    let view = View { theme, keymap };
    terminal
        .draw(|f| ui::draw(f, app, &view))
        .expect("a test backend never fails");
    terminal.backend().buffer().clone()
}

/// A run of cells on one row in one style: where it starts, how many cells,
/// its text.
pub(crate) struct Run {
    pub x: u16,
    pub cells: u16,
    pub text: String,
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

/// Row `y` cut into runs of one style each (a wide character's second cell
/// belongs to the first).
pub(crate) fn runs(buf: &Buffer, y: u16) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        let sym = cell.symbol();
        let w = (unicode_width::UnicodeWidthStr::width(sym) as u16).clamp(1, buf.area.width - x);
        match out.last_mut() {
            Some(r) if (r.fg, r.bg, r.modifier) == (cell.fg, cell.bg, cell.modifier) => {
                r.cells += w;
                r.text.push_str(sym);
            }
            _ => out.push(Run {
                x,
                cells: w,
                text: sym.to_string(),
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
            }),
        }
        x += w;
    }
    out
}

/// The buffer as plain text, one line per row, trailing spaces trimmed.
pub fn to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = runs(buf, y).into_iter().map(|r| r.text).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The buffer with ANSI colours and attributes (SGR), one line per row, each
/// run written as crossterm writes it to the live terminal.
pub fn to_ansi(buf: &Buffer) -> String {
    use ratatui::backend::IntoCrossterm;
    let mut out = String::new();
    for y in 0..buf.area.height {
        for r in runs(buf, y) {
            let style = ratatui::style::Style::new()
                .fg(r.fg)
                .bg(r.bg)
                .add_modifier(r.modifier)
                .into_crossterm();
            out.push_str(&style.apply(r.text).to_string());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}
