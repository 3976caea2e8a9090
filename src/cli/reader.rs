//! The commands that show the reader: `verso [FILES]` in the terminal and
//! `verso render` without one, and what both open (a story file, the bundled
//! story, or bare articles with a drafted story).

use std::path::{Path, PathBuf};

use crate::app::{App, Defaults};
use crate::outcome::{Done, Error, Found, Outcome};
use crate::session::{Session, Source};
use crate::story::{self, Story};
use crate::web;

/// What the command line opened.
pub struct Opened {
    pub story: Story,
    /// The annotations were drafted from bare articles.
    pub draft: bool,
    /// Why the reader shows no annotations: drafting failed.
    pub warning: Option<String>,
    /// Where it came from, which says how it is saved.
    pub source: Source,
}

/// Opens what the command line names: the bundled story, a story file, or
/// bare articles with drafted annotations.
pub fn open(files: &[PathBuf], refresh: bool) -> Result<Opened, Error> {
    let story = |s, source| Opened {
        story: s,
        draft: false,
        warning: None,
        source,
    };
    match files {
        [] => Ok(story(story::open(None)?, Source::Bundled)),
        [one] if one.as_os_str() == "-" => Ok(story(story::open(Some(one))?, Source::Stdin)),
        [one] if !web::is_article(one) => {
            let s = story::open(Some(one))?;
            // The text the story was read from: a save patches it.
            let text = story::read_text(one)
                .map_err(|e| Error::Input(format!("{}: {e}", one.display())))?;
            Ok(story(
                s,
                Source::File {
                    path: one.clone(),
                    text,
                },
            ))
        }
        many => {
            if let Some(bad) = many.iter().find(|f| !web::is_article(f)) {
                return Err(Error::Input(format!(
                    "{}: give one story file (.json), or articles to draft annotations for: .txt or .html files, or web addresses",
                    bad.display()
                )));
            }
            open_draft(many, refresh)
        }
    }
}

/// Drafts annotations for bare articles (texts, pages, addresses) and loads
/// the draft as a story; if drafting fails, the articles alone, with a
/// warning that says so.
fn open_draft(files: &[PathBuf], refresh: bool) -> Result<Opened, Error> {
    let opts = web::Options::new(refresh);
    let mut line = super::progress::Line::new();
    let mut articles = Vec::new();
    let mut read = Vec::new();
    for f in files {
        let a = web::load_article(f, &opts, &mut |at, p| line.show(at, p));
        line.clear();
        let a = a.map_err(|e| Error::Input(e.to_string()))?;
        articles.push((f.display().to_string(), a.text.clone()));
        read.push(a);
    }
    let (mut file, warning) = match crate::annotate::guard::try_draft(&articles) {
        Ok(file) => (file, None),
        Err(msg) => (
            crate::annotate::guard::bare(&articles),
            Some(format!(
                "draft failed: {msg}; showing the articles without annotations"
            )),
        ),
    };
    for (entry, a) in file.articles.iter_mut().zip(&read) {
        web::describe(entry, &a.meta);
    }
    let warning = warning.or_else(|| read.iter().find_map(|a| a.warning.clone()));
    let json = file.to_json();
    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    let source = format!("draft of {}", names.join(", "));
    let story = story::from_json(&source, &json, |file| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("article file {file}: not among the drafted files"))
    })?;
    Ok(Opened {
        story,
        draft: true,
        warning,
        source: Source::Draft {
            articles: files.to_vec(),
        },
    })
}

impl Opened {
    /// The reader's state on the story for a screen of `size`, started with the
    /// config's defaults; and the warning to show first.
    /// The session journals under `journal` (none: not at all).
    fn into_app(
        self,
        size: (u16, u16),
        defaults: Defaults,
        journal: Option<PathBuf>,
    ) -> (App, Session, Option<String>) {
        let mut app = App::new(self.story, self.draft, size);
        app.apply_defaults(defaults);
        let session = Session::new(&mut app, self.source, journal);
        (app, session, self.warning)
    }
}

/// Opens the story for the reader; or how the command ends without one: an
/// error, or a story with no article to show (its problems, exit 1).
fn open_for_reader(files: &[PathBuf], refresh: bool) -> Result<Opened, Outcome> {
    let opened = open(files, refresh).map_err(Err)?;
    let story = &opened.story;
    if story.articles.is_empty() {
        let mut messages: Vec<String> = story
            .problems
            .iter()
            .map(|p| format!("{}: {p}", story.source))
            .collect();
        messages.push(format!("{}: no article could be opened", story.source));
        return Err(Ok(Done {
            messages,
            found: Found::Problems,
            ..Done::default()
        }));
    }
    Ok(opened)
}

/// `verso [FILES]`: the live reader. Its warnings are said when it ends.
pub fn read(files: &[PathBuf], config: Option<&Path>, fresh: bool, refresh: bool) -> Outcome {
    let opened = match open_for_reader(files, refresh) {
        Ok(x) => x,
        Err(end) => return end,
    };
    crate::term::check_terminal().map_err(|e| Error::Terminal(e.0))?;
    let config = crate::config::load(config);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let (mut app, mut session, warning) =
        opened.into_app(size, config.defaults, crate::session::journal_dir());
    // What the session said at the start (a journal set aside) goes first.
    let mut warnings: Vec<String> = app.message.take().into_iter().collect();
    warnings.extend(warning);
    warnings.extend(config.warnings.iter().cloned());
    let key = crate::state::key(files);
    if !fresh {
        match crate::state::read(&key) {
            Ok(Some(place)) => app.restore(&place),
            Ok(None) => {}
            Err(w) => warnings.push(w),
        }
    }
    if let Some(w) = warnings.first() {
        app.message = Some(if warnings.len() > 1 {
            format!("{w} (and {} more)", warnings.len() - 1)
        } else {
            w.clone()
        });
    }
    let result = crate::term::run(
        &mut app,
        &config.keymap,
        config.theme.with_env(),
        &mut session,
    );
    if let Err(w) = crate::state::write(&key, &app.place()) {
        warnings.push(format!("cannot remember the place: {w}"));
    }
    let mut done = Done {
        messages: warnings,
        ..Done::default()
    };
    if let Err(e) = result {
        // Said after the warnings, as the reader's last word.
        done.messages.push(format!("terminal error: {e}"));
        done.found = Found::Failed;
    }
    Ok(done)
}

/// `verso render`: the screen after the keys, as text, ANSI or SVG.
pub fn render(
    files: &[PathBuf],
    size: (u16, u16),
    keys: &str,
    format: crate::render::Format,
    config: Option<&Path>,
    refresh: bool,
    save: Option<&Path>,
) -> Outcome {
    use crate::render::Format;
    let keys = crate::keys::parse_keys(keys).map_err(|e| Error::Input(format!("--keys: {e}")))?;
    let opened = match open_for_reader(files, refresh) {
        Ok(x) => x,
        Err(end) => return end,
    };
    let config = crate::config::load(config);
    let (mut app, mut session, warning) = opened.into_app(size, config.defaults, None);
    let messages: Vec<String> = warning.iter().chain(&config.warnings).cloned().collect();
    let keymap = config.keymap;
    app.message = warning;
    crate::render::feed_serving(&mut app, &keymap, &keys, &mut |a| session.serve(a));
    if let Some(out) = save {
        let said = session
            .save_to(&mut app, out)
            .map_err(|e| Error::Input(format!("--save {}: {e}", out.display())))?;
        return Ok(Done {
            messages: messages.into_iter().chain([said]).collect(),
            ..Done::default()
        });
    }
    let theme = match format {
        Format::Text => crate::ui::Theme::PLAIN,
        Format::Ansi | Format::Svg => config.theme.with_env(),
    };
    let buf = crate::render::draw(&app, &keymap, theme);
    let output = match format {
        Format::Text => crate::render::to_text(&buf),
        Format::Ansi => crate::render::to_ansi(&buf),
        Format::Svg => crate::render::to_svg(&buf, theme.light),
    };
    Ok(Done {
        messages,
        ..Done::printing(output)
    })
}
