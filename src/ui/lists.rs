//! The side column: the speakers pane (swatch, on/off, name, quotes per shown
//! article) and the quotes pane (speaker, article, start of the text, link mark).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{View, article_label, clean, fit, is_focused};
use crate::app::{App, Focus, Geometry};

pub(super) fn speakers(frame: &mut Frame, app: &App, view: &View, r: Rect) {
    let theme = &view.theme;
    let focused = is_focused(app, Focus::Speakers);
    let [a, b] = [app.panes[0].article, app.panes[1].article];
    let letters = format!("{} {}", article_label(a), article_label(b));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Line::from(" Speakers ").style(Style::new().add_modifier(Modifier::BOLD)))
        .title(Line::from(format!(" {letters} ")).right_aligned());
    frame.render_widget(block, r);
    let inner = Geometry::inner(r);
    let buf = frame.buffer_mut();
    for (row, s) in (app.speaker_top..app.story.speakers.len())
        .enumerate()
        .take(inner.height as usize)
    {
        let speaker = &app.story.speakers[s];
        let on = app.speaker_on[s];
        let color = theme.speaker_color(s, speaker.color);
        let counts = format!("{:>2} {:>2}", app.quote_count(s, a), app.quote_count(s, b));
        let key = if s < 9 {
            format!("{}", s + 1)
        } else {
            " ".into()
        };
        let name_w = (inner.width as usize).saturating_sub(counts.len() + 9);
        let mut name_style = if on {
            Style::new().fg(color)
        } else {
            theme.dim()
        };
        if !theme.color {
            name_style = if on {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                theme.dim()
            };
        }
        let mut line = Line::from(vec![
            Span::styled(key, theme.dim()),
            Span::styled(" ■ ", theme.swatch(color, on)),
            Span::raw(if on { "[x] " } else { "[ ] " }),
            Span::styled(
                format!("{:<name_w$}", fit(&clean(&speaker.name), name_w)),
                name_style,
            ),
            Span::raw(" "),
            Span::raw(counts),
        ]);
        if s == app.speaker_sel && focused {
            line = line.style(theme.selected());
        } else if app.quote_filter == Some(s) {
            line = line.style(Style::new().add_modifier(Modifier::UNDERLINED));
        }
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
}

pub(super) fn quotes(frame: &mut Frame, app: &App, view: &View, r: Rect) {
    let theme = &view.theme;
    let focused = is_focused(app, Focus::Quotes);
    let listed = app.listed_quotes();
    let who = match app.quote_filter {
        Some(s) => clean(&app.story.speakers[s].name),
        None => "all".to_string(),
    };
    let title = fit(
        &format!(" Quotes: {who} ({}) ", listed.len()),
        r.width.saturating_sub(2) as usize,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Line::from(title).style(Style::new().add_modifier(Modifier::BOLD)));
    frame.render_widget(block, r);
    let inner = Geometry::inner(r);
    let buf = frame.buffer_mut();
    let rows = (app.quote_top..listed.len()).take(inner.height as usize);
    for (row, (i, q)) in rows
        .filter_map(|i| listed.get(i).map(|q| (i, q)))
        .enumerate()
    {
        let quote = &app.story.quotes[q];
        let speaker = &app.story.speakers[quote.speaker];
        let short = short_name(speaker);
        let color = theme.speaker_color(quote.speaker, speaker.color);
        let letter = article_label(quote.article);
        let marks = &app.marks[quote.article];
        let linked = marks
            .overlapping(quote.range.clone())
            .iter()
            .any(|s| !s.links.is_empty());
        let text = clean(&app.story.articles[quote.article].text[quote.range.clone()]);
        let label_w = article_label(app.story.articles.len().saturating_sub(1)).len();
        let text_w = (inner.width as usize).saturating_sub(12 + label_w);
        let line_style = if i == app.quote_sel && focused {
            theme.selected()
        } else if app.current_quote == Some(q) {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let line = Line::from(vec![
            Span::styled(
                format!("{:<8} ", fit(&clean(short), 8)),
                if theme.color {
                    Style::new().fg(color)
                } else {
                    Style::new()
                },
            ),
            Span::styled(format!("{letter:<label_w$} "), theme.dim()),
            Span::raw(format!("{:<text_w$}", fit(&text, text_w))),
            Span::raw(if linked { "↔" } else { " " }),
        ])
        .style(line_style);
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
    if listed.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            "no quotes",
            inner.width as usize,
            theme.dim(),
        );
    }
}

/// A short name for the quotes list: the name's last word when the text uses
/// it alone ("Carter"), else the last word of the shortest alias ("council").
fn short_name(s: &crate::story::Speaker) -> &str {
    let surname = last_word(&s.name);
    if s.aliases.iter().any(|a| a == surname) || s.aliases.is_empty() {
        return surname;
    }
    s.aliases
        .iter()
        .min_by_key(|a| a.len())
        .map(|a| last_word(a))
        .unwrap_or(surname)
}

fn last_word(n: &str) -> &str {
    n.split_whitespace().last().unwrap_or(n)
}
