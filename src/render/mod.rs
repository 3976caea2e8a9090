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
pub fn feed(app: &mut App, keymap: &Keymap, keys: &[Key]) {
    app.help_rows = ui::help_lines(keymap).len();
    for k in keys {
        let ev = Event::Key(k.to_event());
        if let Some(a) = keys::map(keymap, &ev, app.context(), app.typing()) {
            app.update(a);
        }
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

/// The buffer as plain text, one line per row, trailing spaces trimmed.
pub fn to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The buffer with ANSI colours and attributes (SGR), one line per row.
pub fn to_ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut last = None;
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            if last != Some(style) {
                out.push_str(&sgr(cell.fg, cell.bg, cell.modifier));
                last = Some(style);
            }
            out.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

fn sgr(fg: Color, bg: Color, m: Modifier) -> String {
    let mut codes: Vec<String> = vec!["0".into()];
    for (bit, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(bit) {
            codes.push(code.into());
        }
    }
    if let Some(c) = color_code(fg, false) {
        codes.push(c);
    }
    if let Some(c) = color_code(bg, true) {
        codes.push(c);
    }
    format!("\x1b[{}m", codes.join(";"))
}

fn color_code(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => format!("{base}"),
        Color::Red => format!("{}", base + 1),
        Color::Green => format!("{}", base + 2),
        Color::Yellow => format!("{}", base + 3),
        Color::Blue => format!("{}", base + 4),
        Color::Magenta => format!("{}", base + 5),
        Color::Cyan => format!("{}", base + 6),
        Color::Gray => format!("{}", base + 7),
        Color::DarkGray => format!("{bright}"),
        Color::LightRed => format!("{}", bright + 1),
        Color::LightGreen => format!("{}", bright + 2),
        Color::LightYellow => format!("{}", bright + 3),
        Color::LightBlue => format!("{}", bright + 4),
        Color::LightMagenta => format!("{}", bright + 5),
        Color::LightCyan => format!("{}", bright + 6),
        Color::White => format!("{}", bright + 7),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
    })
}
