//! Drawing: the state of an [`App`] on a ratatui frame. Draws only what is
//! visible; never changes the state.

mod article;
mod lists;
mod overlay;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::{Action, App, Focus, Overlay};
use crate::keys::Keymap;
pub use crate::layout::{clean, fit};
pub use overlay::help_lines;
pub use theme::Theme;

/// What drawing needs besides the state.
pub struct View<'a> {
    pub theme: Theme,
    pub keymap: &'a Keymap,
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, view: &View) {
    let area = frame.area();
    let g = &app.geometry;
    if g.too_small || area.width != app.size.0 || area.height != app.size.1 {
        too_small(frame, area);
        return;
    }
    if let Some(r) = g.speakers {
        lists::speakers(frame, app, view, r);
    }
    if let Some(r) = g.quotes {
        lists::quotes(frame, app, view, r);
    }
    for p in 0..2 {
        if let Some(r) = g.articles[p] {
            article::draw(frame, app, view, p, r);
        }
    }
    status(frame, app, view, g.status);
    match &app.overlay {
        Overlay::Help { scroll } => overlay::help(frame, view, *scroll),
        Overlay::Problems { scroll } => overlay::problems(frame, app, view, *scroll),
        Overlay::Picker { .. } => overlay::picker(frame, app, view),
        Overlay::Prompt { .. } | Overlay::Confirm(_) | Overlay::Search { .. } | Overlay::None => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "verso: {}x{} is too small; make the terminal at least 20x6",
        area.width, area.height
    );
    let buf = frame.buffer_mut();
    let mut y = area.y;
    // Wrap the message by hand, clipped to whatever space there is.
    let mut rest: &str = &msg;
    while y < area.bottom() && !rest.is_empty() {
        let take = rest
            .char_indices()
            .nth(area.width as usize)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        buf.set_stringn(area.x, y, &rest[..take], area.width as usize, Style::new());
        rest = &rest[take..];
        y += 1;
    }
}

/// The bottom line: what is focused or the last message, badges, key hints.
fn status(frame: &mut Frame, app: &App, view: &View, r: Rect) {
    let theme = &view.theme;
    let mut left: Vec<Span> = Vec::new();
    if let Overlay::Search { input } = &app.overlay {
        left.push(Span::styled(
            format!(" /{}", clean(input)),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        left.push(Span::styled("█", Style::new()));
        // The prompt's keys are fixed: every other key is text.
        left.push(Span::raw("   Enter search  Esc cancel"));
    } else if let Overlay::Prompt { ask, input } = &app.overlay {
        left.push(Span::styled(
            format!(" {}{}", clean(&ask.label(app)), clean(input)),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        left.push(Span::styled("█", Style::new()));
        left.push(Span::raw("   Enter ok  Esc cancel"));
    } else if let Overlay::Confirm(c) = &app.overlay {
        left.push(Span::styled(
            format!(" {}", clean(&c.question())),
            theme.warn().add_modifier(Modifier::BOLD),
        ));
    } else {
        let text = if let Some(m) = &app.message {
            clean(m)
        } else if let Some(q) = app.current_quote {
            clean(&app.quote_label(q))
        } else if let Some(l) = app.focused_link {
            clean(&app.link_label(l))
        } else {
            clean(&app.story.title)
        };
        let style = match app.focused_link {
            Some(l) if app.message.is_none() => Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(theme.link_color(app.story.links[l].kind))
                .patch(if theme.color {
                    Style::new()
                } else {
                    Style::new().fg(ratatui::style::Color::Reset)
                }),
            _ => Style::new(),
        };
        left.push(Span::styled(format!(" {text}"), style));
    }
    let mut badges: Vec<Span> = Vec::new();
    if app.draft {
        badges.push(Span::styled(
            " DRAFT ",
            theme.warn().add_modifier(Modifier::REVERSED),
        ));
    }
    if app.dirty() {
        badges.push(Span::styled(
            format!(" unsaved ({}) ", view.keymap.hint(Action::Save)),
            theme.warn().add_modifier(Modifier::BOLD),
        ));
    }
    if app.sync {
        badges.push(Span::raw(" sync "));
    }
    if !app.mouse {
        badges.push(Span::raw(" mouse off "));
    }
    let n = app.story.problems.len();
    if n > 0 {
        badges.push(Span::styled(
            format!(
                " {n} problem{} ({}) ",
                if n == 1 { "" } else { "s" },
                view.keymap.hint(Action::Problems)
            ),
            theme.warn(),
        ));
    }
    let k = |a| view.keymap.hint(a);
    let hints = format!(
        "{}/{} link  {}/{} quote  {} speaker  {} search  {} help  {} quit ",
        k(Action::NextLink),
        k(Action::PrevLink),
        k(Action::NextQuote),
        k(Action::PrevQuote),
        view.keymap.speakers_hint(),
        k(Action::Search),
        k(Action::Help),
        k(Action::Quit)
    );
    let buf = frame.buffer_mut();
    buf.set_style(r, theme.status());
    let used: usize = left.iter().chain(&badges).map(|s| s.width()).sum();
    let hint_w = unicode_width::UnicodeWidthStr::width(hints.as_str());
    let mut line = left;
    let room = (r.width as usize).saturating_sub(used);
    if room > hint_w + 2 && !app.typing() {
        line.push(Span::raw(" ".repeat(room - hint_w)));
        line.extend(badges);
        line.push(Span::styled(hints, theme.dim().patch(theme.status())));
    } else {
        // The badges (DRAFT, unsaved, problems) always show: a long message
        // or title gives way to them, cut short.
        let badges_w: usize = badges.iter().map(|s| s.width()).sum();
        let fixed: usize = line.iter().skip(1).map(|s| s.width()).sum();
        let first_room = (r.width as usize).saturating_sub(badges_w + fixed + 2);
        if let Some(first) = line.first_mut()
            && first.width() > first_room
        {
            first.content = fit(&first.content, first_room).into();
        }
        line.push(Span::raw("  "));
        line.extend(badges);
    }
    buf.set_line(r.x, r.y, &Line::from(line).style(theme.status()), r.width);
}

/// Whether pane focus `f` is the focused one.
fn is_focused(app: &App, f: Focus) -> bool {
    app.focus == f && matches!(app.overlay, Overlay::None | Overlay::Search { .. })
}

/// How panes and lists name article `i`: `A` to `Z`, then by number (`27`, ...).
pub fn article_label(i: usize) -> String {
    if i < 26 {
        ((b'A' + i as u8) as char).to_string()
    } else {
        (i + 1).to_string()
    }
}
