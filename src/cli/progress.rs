//! The progress line on standard error while a page is fetched: one line,
//! redrawn in place, cleared when the fetch is over; nothing at all when
//! standard error is not a terminal (a pipe, a log, a test).

use std::io::{IsTerminal, Write};

use crate::web::Progress;

/// Draws the line; [`Line::clear`] (or dropping it) wipes it.
pub struct Line {
    tty: bool,
    drawn: bool,
}

impl Line {
    pub fn new() -> Line {
        Line {
            tty: std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    /// Shows how the fetch of `address` goes.
    pub fn show(&mut self, address: &str, p: Progress) {
        if !self.tty {
            return;
        }
        let what = match p {
            Progress::Connecting => "connecting".to_string(),
            Progress::Received(n, Some(total)) => format!("{} of {} KiB", n >> 10, total >> 10),
            Progress::Received(n, None) => format!("{} KiB", n >> 10),
        };
        // The address is the user's own argument, but a terminal is no place
        // for its control characters either.
        let address: String = address
            .chars()
            .filter(|c| !c.is_control())
            .take(80)
            .collect();
        let mut e = std::io::stderr().lock();
        let _ = write!(e, "\r\x1b[Kverso: fetching {address}: {what}");
        let _ = e.flush();
        self.drawn = true;
    }

    pub fn clear(&mut self) {
        if self.drawn {
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r\x1b[K");
            let _ = e.flush();
            self.drawn = false;
        }
    }
}

impl Default for Line {
    fn default() -> Line {
        Line::new()
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        self.clear();
    }
}
