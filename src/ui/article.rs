//! An article pane: title bar, the visible rows with their highlights, and the
//! link gutter. Each row's annotations come from the article's [`Marks`] by
//! binary search, so a frame costs the rows on screen, not the article.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{View, clean, fit, is_focused};
use crate::app::{App, Focus, Geometry};
use crate::marks::Marks;
use crate::story::LinkKind;

pub(super) fn draw(frame: &mut Frame, app: &App, view: &View, p: usize, r: Rect) {
    let theme = &view.theme;
    let pane = &app.panes[p];
    let article = &app.story.articles[pane.article];
    let focused = is_focused(app, Focus::Pane(p));
    let pos = match app.percent(p) {
        None => "all".to_string(),
        Some(0) => "top".to_string(),
        Some(100) => "end".to_string(),
        Some(n) => format!("{n}%"),
    };
    let letter = super::article_label(pane.article);
    let mut title = format!("{letter} {}", clean(&article.title));
    if let Some(o) = &article.outlet {
        title.push_str(" · ");
        title.push_str(&clean(o));
    }
    let room = (r.width as usize).saturating_sub(pos.len() + 7);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(
            Line::from(format!(" {} ", fit(&title, room)))
                .style(Style::new().add_modifier(Modifier::BOLD)),
        )
        .title(Line::from(format!(" {pos} ")).right_aligned());
    frame.render_widget(block, r);

    let area = Geometry::text_area(r);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = &article.text;
    let marks = &app.marks[pane.article];
    let matches: &[Range<usize>] = app
        .search
        .matches
        .get(pane.article)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let diff: &[Range<usize>] = app
        .diff
        .as_ref()
        .and_then(|d| d.words.iter().find(|(a, _)| *a == pane.article))
        .map(|(_, w)| w.as_slice())
        .unwrap_or(&[]);
    let only: &[Range<usize>] = &app.only[pane.article];
    let only_focused = app.only_focused(p);
    let selection: &[Range<usize>] = app.selections[pane.article].as_slice();
    let current_match = app
        .search
        .current
        .filter(|(a, _)| *a == pane.article)
        .map(|(_, i)| i);
    let buf = frame.buffer_mut();
    for i in 0..area.height as usize {
        let row_index = pane.top + i;
        if row_index >= pane.layout.len() {
            break;
        }
        let row = pane.layout.row(row_index);
        let y = area.y + i as u16;
        let segments = marks.overlapping(row.start..row.end);
        let mut breaks: Vec<usize> = Vec::new();
        for s in segments {
            breaks.extend([s.start, s.end]);
        }
        for set in [
            within(matches, row.start..row.end),
            within(diff, row.start..row.end),
            within(selection, row.start..row.end),
        ] {
            for m in set {
                breaks.extend([m.start, m.end]);
            }
        }
        breaks.sort_unstable();
        breaks.dedup();

        // The gutter: the focused link wins, then conflict, paraphrase, same.
        let mut mark: Option<(LinkKind, bool)> = None;
        for s in segments {
            for &l in marks.links_of(s) {
                let kind = app.story.links[l as usize].kind;
                let f = app.focused_link == Some(l as usize);
                let rank = |k: Option<(LinkKind, bool)>| {
                    k.map(|(k, f)| {
                        (
                            f,
                            matches!(k, LinkKind::Conflict),
                            matches!(k, LinkKind::Paraphrase),
                        )
                    })
                };
                if rank(Some((kind, f))) > rank(mark) {
                    mark = Some((kind, f));
                }
            }
        }
        if let Some((kind, f)) = mark {
            let (glyph, style) = theme.gutter(kind, f);
            buf.set_string(area.x - 1, y, glyph, style);
        } else if let Some(o) = within(only, row.start..row.end).first() {
            let (glyph, style) = theme.only_here(only_focused == Some(o.start));
            buf.set_string(area.x - 1, y, glyph, style);
        }

        let spans: Vec<Span> = pane
            .layout
            .pieces(text, row_index, &breaks)
            .into_iter()
            .filter(|piece| !piece.text.is_empty())
            .map(|piece| {
                let at = piece.bytes.start;
                let mut style = style_at(app, view, marks, at, diff, matches, current_match);
                if contains(selection, at).is_some() {
                    style = style.patch(theme.selection());
                }
                Span::styled(piece.text, style)
            })
            .collect();
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
}

/// The ranges of a sorted, disjoint list that overlap `r`.
fn within(list: &[Range<usize>], r: Range<usize>) -> &[Range<usize>] {
    let from = list.partition_point(|m| m.end <= r.start);
    let to = from + list[from..].partition_point(|m| m.start < r.end);
    &list[from..to]
}

fn contains(list: &[Range<usize>], at: usize) -> Option<usize> {
    let i = list.partition_point(|m| m.end <= at);
    list.get(i).filter(|m| m.start <= at).map(|_| i)
}

/// The style of the text at byte `at`: quote, mention, focus, diff, search.
fn style_at(
    app: &App,
    view: &View,
    marks: &Marks,
    at: usize,
    diff: &[Range<usize>],
    matches: &[Range<usize>],
    current_match: Option<usize>,
) -> Style {
    let theme = &view.theme;
    let mut style = Style::new();
    if let Some(seg) = marks.at(at) {
        if let Some(q) = seg.quote {
            let quote = &app.story.quotes[q as usize];
            if app.speaker_on[quote.speaker] {
                let color =
                    theme.speaker_color(quote.speaker, app.story.speakers[quote.speaker].color);
                style = theme.quote(color, quote.kind);
            }
            if app.current_quote == Some(q as usize) {
                style = style.add_modifier(theme.focused());
            }
        }
        if let Some(s) = seg.mention
            && app.speaker_on[s as usize]
        {
            let color = theme.speaker_color(s as usize, app.story.speakers[s as usize].color);
            style = style.patch(theme.mention(color));
        }
        if let Some(l) = app.focused_link
            && marks.links_of(seg).contains(&(l as u32))
        {
            if contains(diff, at).is_some() {
                style = style
                    .patch(theme.differ(app.story.links[l].kind))
                    .remove_modifier(Modifier::REVERSED);
            } else {
                style = style.add_modifier(theme.focused());
            }
        }
    }
    if let Some(i) = contains(matches, at) {
        style = style.patch(theme.search(current_match == Some(i)));
    }
    style
}
