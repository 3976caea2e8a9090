//! Overlays over the panes: the help screen (from the keymap in effect) and the
//! story's problems.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{View, clean};
use crate::app::App;

/// A box centred on the screen, at most `w` x `h`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height.saturating_sub(1)).max(1.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(1) - h) / 2,
        w,
        h,
    )
}

fn boxed(frame: &mut Frame, title: &str, lines: Vec<Line>, scroll: usize, w: u16) {
    let area = frame.area();
    let r = centred(area, w, lines.len() as u16 + 2);
    let inner_h = r.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_h));
    let more = if lines.len() > inner_h {
        " j/k scroll "
    } else {
        ""
    };
    frame.render_widget(Clear, r);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Line::from(format!(" {title} ")).style(Style::new().add_modifier(Modifier::BOLD)))
        .title_bottom(Line::from(format!("{more} Esc close ")).right_aligned());
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner_h).collect();
    frame.render_widget(Paragraph::new(visible).block(block), r);
}

pub(super) fn help(frame: &mut Frame, view: &View, scroll: usize) {
    let mut lines = Vec::new();
    let help = view.keymap.help();
    // The key column is as wide as the widest list of keys, and a gap.
    let w = help
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(0)
        + 2;
    for (ctx, rows) in help {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            ctx.title(),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
        for (keys, action) in rows {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<w$}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(action.help()),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        "Highlights: a quote in its speaker's colour (direct: underlined, other: italic);",
    ));
    lines.push(Line::raw(
        "a name in bold; the gutter marks linked passages: green same, blue paraphrase,",
    ));
    lines.push(Line::raw(
        "red conflict (without colour: = ~ !); the focused link reversed, its differing",
    ));
    lines.push(Line::raw(
        "words bold and underlined. A yellow dotted mark (without colour: +) shows a",
    ));
    lines.push(Line::raw(
        "sentence only this article has: no link joins it to another article.",
    ));
    boxed(frame, "verso: keys", lines, scroll, 86);
}

pub(super) fn problems(frame: &mut Frame, app: &App, _view: &View, scroll: usize) {
    let lines: Vec<Line> = app
        .story
        .problems
        .iter()
        .map(|p| Line::raw(clean(&p.to_string())))
        .collect();
    let title = format!("{}: {} problems", clean(&app.story.source), lines.len());
    let w = frame.area().width.saturating_sub(4);
    let wrapped: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            let chars: Vec<char> = s.chars().collect();
            let width = (w.saturating_sub(2) as usize).max(1);
            chars
                .chunks(width)
                .map(|c| Line::raw(c.iter().collect::<String>()))
                .collect::<Vec<_>>()
        })
        .collect();
    boxed(frame, &title, wrapped, scroll, w);
}
