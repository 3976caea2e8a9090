//! Overlays over the panes: the help screen (from the keymap in effect) and the
//! story's problems.

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{View, clean};
use crate::app::geometry::HELP_WIDTH;
use crate::app::{Action, App, Geometry};
use crate::keys::Keymap;

/// A titled box of `lines` scrolled to `scroll`, its keys (from the keymap in
/// effect) on its bottom border.
fn boxed(frame: &mut Frame, view: &View, title: &str, lines: Vec<Line>, scroll: usize, w: u16) {
    let area = frame.area();
    let r = Geometry::overlay(area.width, area.height, w, lines.len());
    let inner_h = r.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_h));
    let k = |a| view.keymap.hint(a);
    let more = if lines.len() > inner_h {
        format!(" {}/{} scroll ", k(Action::Down), k(Action::Up))
    } else {
        String::new()
    };
    frame.render_widget(Clear, r);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Line::from(format!(" {title} ")).style(Style::new().add_modifier(Modifier::BOLD)))
        .title_bottom(Line::from(format!("{more} {} close ", k(Action::Close))).right_aligned());
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner_h).collect();
    frame.render_widget(Paragraph::new(visible).block(block), r);
}

pub(super) fn help(frame: &mut Frame, view: &View, scroll: usize) {
    let lines = help_lines(view.keymap);
    boxed(frame, view, "verso: keys", lines, scroll, HELP_WIDTH);
}

/// The help screen's rows for `keymap`: its keys by context, then what the
/// highlights mean.
pub fn help_lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let help = keymap.help();
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
        for (keys, what) in rows {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<w$}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(what),
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
    lines
}

pub(super) fn problems(frame: &mut Frame, app: &App, view: &View, scroll: usize) {
    let title = format!(
        "{}: {} problems",
        clean(&app.story.source),
        app.story.problems.len()
    );
    let lines = app.problem_lines().into_iter().map(Line::raw).collect();
    boxed(frame, view, &title, lines, scroll, app.problems_width());
}

/// The speaker picker: what it picks for, the filter typed, and the speakers
/// it leaves (the chosen row reversed), a new speaker of the typed name last.
pub(super) fn picker(frame: &mut Frame, app: &App, view: &View) {
    let crate::app::Overlay::Picker { pick, input, sel } = &app.overlay else {
        return;
    };
    let theme = &view.theme;
    let rows = app.picker_rows();
    let area = frame.area();
    let w = 50.min(area.width.saturating_sub(4)).max(20);
    let want = rows.len().clamp(1, 12) + 1;
    let r = Geometry::overlay(area.width, area.height, w, want);
    let room = r.height.saturating_sub(3) as usize;
    let top = (*sel + 1).saturating_sub(room.max(1));
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("> {}", clean(input)),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw("█"),
    ])];
    if rows.is_empty() {
        lines.push(Line::raw("  no speaker matches"));
    }
    for (i, row) in rows.iter().enumerate().skip(top).take(room) {
        let mut line = match row {
            crate::app::Row::Speaker(s) => {
                let sp = &app.story.speakers[*s];
                let color = theme.speaker_color(*s, sp.color);
                let mut spans = vec![
                    Span::raw("  "),
                    Span::styled(clean(&sp.name), theme.mention(color)),
                ];
                if !sp.aliases.is_empty() {
                    spans.push(Span::styled(
                        format!("  ({})", clean(&sp.aliases.join(", "))),
                        theme.dim(),
                    ));
                }
                Line::from(spans)
            }
            crate::app::Row::New(name) => Line::from(vec![Span::styled(
                format!("  + new speaker \"{}\"", clean(name)),
                Style::new().add_modifier(Modifier::ITALIC),
            )]),
        };
        if i == *sel {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Clear, r);
    let k = |a| view.keymap.hint(a);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(
            Line::from(format!(" {} ", clean(&pick.title(app))))
                .style(Style::new().add_modifier(Modifier::BOLD)),
        )
        .title_bottom(
            Line::from(format!(
                " type to filter  {}/{} choose  Enter pick  {} cancel ",
                k(Action::Up),
                k(Action::Down),
                k(Action::Close)
            ))
            .right_aligned(),
        );
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
