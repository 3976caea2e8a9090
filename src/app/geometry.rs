//! Where each pane goes for a screen size: shared by the state (which needs each
//! article's text width and height to wrap and scroll) and the drawing.

use ratatui::layout::Rect;

/// Narrower than this, one article at a time.
pub const TWO_PANES: u16 = 80;
/// From this width on, the side column is always shown.
pub const ALL_PANES: u16 = 120;
/// Smaller than this, the screen says it is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// The help box is at most this wide.
pub const HELP_WIDTH: u16 = 86;

/// The rectangles of one screen (outer, borders included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Geometry {
    pub speakers: Option<Rect>,
    pub quotes: Option<Rect>,
    /// Left and right article panes.
    pub articles: [Option<Rect>; 2],
    pub status: Rect,
    pub too_small: bool,
}

impl Geometry {
    /// `side_open`: the side column was asked for; `shown`: which article pane
    /// to show when only one fits; `speakers`: rows the speakers pane wants.
    pub fn new(
        width: u16,
        height: u16,
        side_open: bool,
        shown: usize,
        speakers: usize,
    ) -> Geometry {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Geometry {
                too_small: true,
                ..Geometry::default()
            };
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 0, width, height - 1);
        let mut g = Geometry {
            status,
            ..Geometry::default()
        };
        let side = width >= ALL_PANES || side_open;
        let (side_rect, rest) = if width < TWO_PANES && side {
            // One thing at a time: the side column takes the whole width.
            (Some(body), None)
        } else if side {
            let w = (width / 4).clamp(26, 40);
            (
                Some(Rect::new(0, 0, w, body.height)),
                Some(Rect::new(w, 0, width - w, body.height)),
            )
        } else {
            (None, Some(body))
        };
        if let Some(s) = side_rect {
            // As tall as the speakers need, within a third to a half of the column.
            let want = speakers.min(u16::MAX as usize - 2) as u16 + 2;
            let speakers_h = want.clamp(3.min(s.height), (s.height / 2).max(3.min(s.height)));
            g.speakers = Some(Rect::new(s.x, s.y, s.width, speakers_h));
            g.quotes = Some(Rect::new(
                s.x,
                s.y + speakers_h,
                s.width,
                s.height - speakers_h,
            ));
        }
        if let Some(r) = rest {
            if width < TWO_PANES {
                g.articles[shown.min(1)] = Some(r);
            } else {
                let half = r.width / 2;
                g.articles[0] = Some(Rect::new(r.x, r.y, half, r.height));
                g.articles[1] = Some(Rect::new(r.x + half, r.y, r.width - half, r.height));
            }
        }
        g
    }

    /// The text area of an article pane: inside the border, after the gutter.
    pub fn text_area(pane: Rect) -> Rect {
        let inner = Rect::new(
            pane.x + 1,
            pane.y + 1,
            pane.width.saturating_sub(2),
            pane.height.saturating_sub(2),
        );
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(1).max(1),
            inner.height,
        )
    }

    /// The box of an overlay (help, problems) on a screen of `w`x`h`: centred,
    /// at most `width` wide and as tall as its `rows` and border, above the
    /// status line.
    pub fn overlay(w: u16, h: u16, width: u16, rows: usize) -> Rect {
        let want = rows.min(u16::MAX as usize - 2) as u16 + 2;
        let bw = width.min(w);
        let bh = want.min(h.saturating_sub(1)).max(1.min(h));
        Rect::new(
            (w - bw) / 2,
            (h.saturating_sub(1) - bh.min(h.saturating_sub(1))) / 2,
            bw,
            bh,
        )
    }

    /// The last scroll of an overlay of `rows` in that box: its last row at
    /// the bottom.
    pub fn overlay_max_scroll(w: u16, h: u16, width: u16, rows: usize) -> usize {
        let inner = Geometry::overlay(w, h, width, rows)
            .height
            .saturating_sub(2);
        rows.saturating_sub(inner as usize)
    }

    /// The inside of a bordered list pane.
    pub fn inner(r: Rect) -> Rect {
        Rect::new(
            r.x + 1,
            r.y + 1,
            r.width.saturating_sub(2),
            r.height.saturating_sub(2),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_decide_the_panes() {
        let g = Geometry::new(120, 40, false, 0, 6);
        assert!(g.speakers.is_some() && g.articles.iter().all(Option::is_some));
        let g = Geometry::new(100, 30, false, 0, 6);
        assert!(g.speakers.is_none() && g.articles.iter().all(Option::is_some));
        let g = Geometry::new(100, 30, true, 0, 6);
        assert!(g.speakers.is_some() && g.articles.iter().all(Option::is_some));
        let g = Geometry::new(60, 20, false, 1, 6);
        assert_eq!(g.articles[0], None);
        assert_eq!(g.articles[1], Some(Rect::new(0, 0, 60, 19)));
        let g = Geometry::new(60, 20, true, 1, 6);
        assert!(g.speakers.is_some() && g.articles.iter().all(Option::is_none));
        assert!(Geometry::new(10, 3, false, 0, 6).too_small);
        // The speakers pane fits its speakers, up to half the column.
        assert_eq!(
            Geometry::new(120, 40, false, 0, 6).speakers.unwrap().height,
            8
        );
        assert_eq!(
            Geometry::new(120, 40, false, 0, 60)
                .speakers
                .unwrap()
                .height,
            19
        );
        assert_eq!(
            Geometry::new(120, 40, false, 0, 0).speakers.unwrap().height,
            3
        );
    }
}
