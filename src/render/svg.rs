//! The screen as an SVG picture: one `<text>` per run of cells that share a
//! style, a `<rect>` per run of background colour, colours and attributes (bold,
//! italic, underline, crossed out, dim, reversed) as a terminal would show
//! them. Every run is stretched to its cells (`textLength`), so the columns
//! line up in any monospace font; all text is XML-escaped.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// A cell's width and height in pixels, and the font size.
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const FONT_SIZE: u32 = 14;
/// From a row's top to the text's baseline.
const BASELINE: f64 = 13.0;
const FONTS: &str = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

/// The sixteen terminal colours (xterm's), as hex.
const ANSI: [&str; 16] = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
];

/// The default foreground and background of a dark or a light terminal.
fn ground(light: bool) -> (String, String) {
    if light {
        ("#1c1c1c".into(), "#ffffff".into())
    } else {
        ("#d0d0d0".into(), "#1c1c1c".into())
    }
}

/// A colour as hex; `None` for the terminal's default.
fn hex(c: Color) -> Option<String> {
    let named = |i: usize| Some(ANSI[i].to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// xterm's 256-colour palette: 16 named, a 6x6x6 cube, 24 greys.
fn indexed(i: u8) -> String {
    match i {
        0..=15 => ANSI[i as usize].to_string(),
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let (r, g, b) = (level(n / 36), level(n / 6 % 6), level(n % 6));
            format!("#{r:02x}{g:02x}{b:02x}")
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

/// Text made safe inside an XML element or attribute; characters XML cannot
/// hold at all become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// How one run of cells looks, resolved to colours.
#[derive(Clone, PartialEq, Eq)]
struct Look {
    fg: String,
    bg: String,
    modifier: Modifier,
}

/// The look of a cell: its colours with the defaults filled in, swapped when
/// reversed.
fn look_of(fg: Color, bg: Color, modifier: Modifier, light: bool) -> Look {
    let (dfg, dbg) = ground(light);
    let (mut fg, mut bg) = (hex(fg).unwrap_or(dfg), hex(bg).unwrap_or(dbg));
    if modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    Look { fg, bg, modifier }
}

/// The buffer as an SVG document, on a dark or a `light` terminal.
pub fn to_svg(buf: &Buffer, light: bool) -> String {
    let (_, dbg) = ground(light);
    let (w, h) = (
        f64::from(buf.area.width) * CELL_W,
        f64::from(buf.area.height) * CELL_H,
    );
    let mut rects = String::new();
    let mut texts = String::new();
    for y in 0..buf.area.height {
        let top = f64::from(y) * CELL_H;
        for r in super::runs(buf, y) {
            let look = look_of(r.fg, r.bg, r.modifier, light);
            let left = f64::from(r.x) * CELL_W;
            let width = f64::from(r.cells) * CELL_W;
            if look.bg != dbg {
                let _ = writeln!(
                    rects,
                    r#"<rect x="{left:.1}" y="{top:.1}" width="{width:.1}" height="{CELL_H:.1}" fill="{}"/>"#,
                    look.bg
                );
            }
            let m = look.modifier;
            let lines = m.intersects(Modifier::UNDERLINED | Modifier::CROSSED_OUT);
            if r.text.trim().is_empty() && !lines {
                continue;
            }
            let mut attrs = format!(r#" fill="{}""#, look.fg);
            if m.contains(Modifier::BOLD) {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if m.contains(Modifier::ITALIC) {
                attrs.push_str(r#" font-style="italic""#);
            }
            let decoration: Vec<&str> = [
                (Modifier::UNDERLINED, "underline"),
                (Modifier::CROSSED_OUT, "line-through"),
            ]
            .iter()
            .filter(|(bit, _)| m.contains(*bit))
            .map(|(_, name)| *name)
            .collect();
            if !decoration.is_empty() {
                let _ = write!(attrs, r#" text-decoration="{}""#, decoration.join(" "));
            }
            if m.contains(Modifier::DIM) {
                attrs.push_str(r#" opacity="0.6""#);
            }
            let _ = writeln!(
                texts,
                r#"<text x="{left:.1}" y="{:.1}" textLength="{width:.1}" lengthAdjust="spacingAndGlyphs"{attrs}>{}</text>"#,
                top + BASELINE,
                escape(&r.text)
            );
        }
    }
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}" height="{h:.1}" viewBox="0 0 {w:.1} {h:.1}" font-family="{fonts}" font-size="{fs}">"#,
            "\n",
            r#"<rect width="100%" height="100%" fill="{bg}"/>"#,
            "\n<g shape-rendering=\"crispEdges\">\n{rects}</g>\n",
            "<g xml:space=\"preserve\">\n{texts}</g>\n</svg>\n"
        ),
        w = w,
        h = h,
        fonts = FONTS,
        fs = FONT_SIZE,
        bg = dbg,
        rects = rects,
        texts = texts
    )
}
