//! Drafting that cannot take the program down: [`try_draft`] is the one place a
//! panic in the drafter is caught, and turned into a message for `verso
//! annotate` (exit 2) and the reader (the articles without annotations).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use crate::story::format::{ArticleEntry, StoryFile, VERSION};

thread_local! {
    /// This thread is inside `try_draft`: its panics are caught there.
    static DRAFTING: Cell<bool> = const { Cell::new(false) };
    /// Where the caught panic happened (`src/annotate/speakers.rs:395:70`).
    static PANICKED_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that keeps quiet about a panic inside
/// `try_draft` on its own thread (the reader may own the terminal, in raw mode)
/// and hands every other panic to the hook that was there before.
fn quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if DRAFTING.with(Cell::get) {
                let at = info.location().map(|l| l.to_string());
                PANICKED_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// [`super::draft`], or what made it panic: the panic's message (on one line)
/// and where it happened.
pub fn try_draft(articles: &[(String, String)]) -> Result<StoryFile, String> {
    quiet_hook();
    DRAFTING.with(|d| d.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        // Debug builds only: a drafter failure on demand, for the tests.
        #[cfg(debug_assertions)]
        if std::env::var_os("VERSO_DEBUG_DRAFT_PANIC").is_some() {
            panic!("VERSO_DEBUG_DRAFT_PANIC is set: the drafter panics on purpose");
        }
        super::draft(articles)
    }));
    DRAFTING.with(|d| d.set(false));
    let at = PANICKED_AT.with(|p| p.borrow_mut().take());
    result.map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        let msg = msg.split_whitespace().collect::<Vec<_>>().join(" ");
        match at {
            Some(at) => format!("{msg} (at {at})"),
            None => msg,
        }
    })
}

/// The articles alone, ids and titles as a draft gives them, with no speakers,
/// quotes or links: what the reader shows when drafting failed.
pub fn bare(articles: &[(String, String)]) -> StoryFile {
    let ids = super::unique_ids(articles.iter().map(|(f, _)| {
        Path::new(f)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }));
    StoryFile {
        version: VERSION,
        title: None,
        articles: articles
            .iter()
            .zip(ids)
            .map(|((file, text), id)| ArticleEntry {
                id,
                file: file.clone(),
                title: super::first_line(text),
                ..ArticleEntry::default()
            })
            .collect(),
        speakers: Vec::new(),
        quotes: Vec::new(),
        links: Vec::new(),
    }
}
