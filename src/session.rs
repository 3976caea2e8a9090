//! What the reader's edits do to files: saving (`Ctrl-s`, `q` then `s`,
//! `verso render --save`) and the journal that keeps unsaved edits across a
//! crash. The reader's state asks through [`crate::app::Request`]; the live
//! loop and the headless renderer hand each request to [`Session::serve`].
//!
//! A story opened from a file is saved in place through
//! [`crate::story::save::patch`], so the file changes where the person edited
//! and nowhere else; a draft, the bundled story or standard input is saved
//! to a path the person gives, its article paths made relative to the new
//! file (the texts of pages, addresses and the bundled articles written
//! beside it, under `articles/`). Every save is checked before it is
//! written: the text is loaded back and must give the story shown, with no
//! new problem. Article files are never written over.
//!
//! The journal: every step (edit, undo, redo) since the last save, one JSON
//! line each after a header naming the story and a hash of what it was
//! loaded as, rewritten atomically at each step under the state folder
//! (`$XDG_STATE_HOME/verso/journals`). The next start on the same story
//! offers to restore it; a save or a discard removes it.

use std::path::{Path, PathBuf};

use crate::app::{App, Entry, Request};
use crate::exchange::canonical;
use crate::fsutil;
use crate::story::format::StoryFile;

/// Where a story came from, which says how it is saved.
#[derive(Debug, Clone)]
pub enum Source {
    /// A story file: saved in place. Its text as read.
    File { path: PathBuf, text: String },
    /// Bare articles (texts, pages, addresses), as named on the command line.
    Draft { articles: Vec<PathBuf> },
    /// The story built into the program.
    Bundled,
    /// A story read from standard input.
    Stdin,
}

/// Where an article's text lives, for a story saved to a new path.
#[derive(Debug, Clone)]
enum Text {
    /// A file of its own (absolute path): the new story names it.
    File(PathBuf),
    /// No text file (a page, an address, a bundled article): written to
    /// `articles/NAME.txt` beside the new story.
    Keep(String),
}

/// The files behind one reader.
pub struct Session {
    /// The story file's text as last read or written (none before a draft's
    /// first save).
    original: Option<String>,
    /// The story file's length and modification time when `original` was
    /// read or written: while they hold, the file need not be read again to
    /// know nothing else changed it.
    stamp: Option<(u64, std::time::SystemTime)>,
    /// The story as loaded or last saved, in canonical form.
    saved: StoryFile,
    texts: Vec<Text>,
    /// Problems the story had when loaded: a save may keep, never add, them.
    problems: usize,
    journal: Option<Journal>,
    /// Steps since the last save: what the journal holds.
    steps: Vec<Entry>,
    /// A journal an earlier session left, waiting for restore or discard.
    pending: Option<Vec<Entry>>,
}

struct Journal {
    dir: PathBuf,
    key: String,
    /// The hash of the story as loaded, once computed.
    base: Option<String>,
    /// A step could not be journaled: said once.
    failed: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    verso_journal: u32,
    story: String,
    base: String,
    written: String,
}

impl Session {
    /// The session of `app`, opened from `source`, journaling under
    /// `journal_dir` (none: no journal). Sets where the app saves and the
    /// path it offers, and offers to restore a journal left for this story.
    pub fn new(app: &mut App, source: Source, journal_dir: Option<PathBuf>) -> Session {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let story_path = match &source {
            Source::File { path, .. } => Some(path.clone()),
            _ => None,
        };
        let folder = crate::exchange::story_folder(story_path.as_deref());
        let texts: Vec<Text> = match &source {
            Source::Draft { articles } => articles
                .iter()
                .zip(&app.story.articles)
                .map(|(arg, a)| match crate::web::Origin::of(arg) {
                    crate::web::Origin::Text(p) => Text::File(fsutil::absolute(&cwd, &p)),
                    o => Text::Keep(unique_stem(crate::web::story::file_name(&o), &a.id)),
                })
                .collect(),
            Source::Bundled => app
                .story
                .articles
                .iter()
                .map(|a| Text::Keep(stem_of(&a.file, &a.id)))
                .collect(),
            Source::File { .. } | Source::Stdin => app
                .story
                .articles
                .iter()
                .map(|a| Text::File(fsutil::absolute(&folder, Path::new(&a.file))))
                .collect(),
        };
        let key = match &source {
            Source::File { path, .. } => crate::state::key(std::slice::from_ref(path)),
            Source::Draft { articles } => crate::state::key(articles),
            Source::Bundled => crate::state::key(&[]),
            Source::Stdin => format!("(standard input) {}", app.story.source),
        };
        app.suggested = suggest(&source, &cwd);
        let original = match source {
            Source::File { path, text } => {
                app.file = Some(path);
                Some(text)
            }
            _ => None,
        };
        let stamp = app.file.as_deref().and_then(stamp_of);
        let mut session = Session {
            original,
            stamp,
            saved: canonical(&app.story),
            texts,
            problems: app.story.problems.len(),
            journal: journal_dir.map(|dir| Journal {
                dir,
                key,
                base: None,
                failed: false,
            }),
            steps: Vec::new(),
            pending: None,
        };
        session.look_for_journal(app);
        session
    }

    /// Takes the app's new steps into the journal and does what it asked.
    pub fn serve(&mut self, app: &mut App) {
        if !app.journal.is_empty() {
            self.steps.append(&mut app.journal);
            if app.dirty() {
                self.write_journal(app);
            } else {
                // Back where it was saved: nothing to restore.
                self.steps.clear();
                self.remove_journal();
            }
        }
        match app.request.take() {
            Some(Request::Save {
                path,
                overwrite,
                then_quit,
            }) => {
                let done = match path {
                    None => self.save_in_place(app),
                    Some(p) => self.save_as(app, &p, overwrite),
                };
                match done {
                    Ok(Some(msg)) => {
                        app.message = Some(msg);
                        app.quit |= then_quit;
                    }
                    Ok(None) => {}
                    Err(e) => app.message = Some(format!("not saved: {e}")),
                }
                // A confirmation asked for instead carries `then_quit` itself.
                if let crate::app::Overlay::Confirm(crate::app::Confirm::Overwrite {
                    then_quit: q,
                    ..
                }) = &mut app.overlay
                {
                    *q = then_quit;
                }
            }
            Some(Request::Restore) => {
                let entries = self.pending.take().unwrap_or_default();
                if let Err(e) = app.replay(entries) {
                    app.message = Some(format!("cannot restore the edits: {e}"));
                    self.remove_journal();
                }
                self.serve(app);
            }
            Some(Request::Discard) => {
                self.pending = None;
                self.steps.clear();
                self.remove_journal();
            }
            None => {}
        }
    }

    /// Saves to `out` whatever the story came from: in place when `out` is
    /// its file, else as a new file (replacing one there). For `verso render
    /// --save`.
    pub fn save_to(&mut self, app: &mut App, out: &Path) -> Result<String, String> {
        let same = app.file.as_deref().is_some_and(|f| same_file(f, out));
        let done = if same {
            self.save_in_place(app)
        } else {
            self.save_as(app, out, true)
        };
        done.map(Option::unwrap_or_default)
    }

    /// `Ctrl-s` on a story opened from a file.
    fn save_in_place(&mut self, app: &mut App) -> Result<Option<String>, String> {
        let Some(path) = app.file.clone() else {
            return Err("the story has no file yet".into());
        };
        let original = self.original.as_deref().unwrap_or_default();
        let unchanged = match (self.stamp, stamp_of(&path)) {
            (Some(a), Some(b)) if a == b => true,
            _ => {
                crate::story::read_text(&path).map_err(|e| format!("{}: {e}", path.display()))?
                    == original
            }
        };
        if !unchanged {
            app.overlay = crate::app::Overlay::Prompt {
                ask: crate::app::Ask::SaveAs { then_quit: false },
                input: path.display().to_string(),
            };
            return Err(format!(
                "{} was changed by something else since it was opened; give a path to save to (the same one asks before replacing it)",
                path.display()
            ));
        }
        let current = canonical(&app.story);
        let names: Vec<String> = app.story.articles.iter().map(|a| a.file.clone()).collect();
        // Unchecked: verify checks the whole text is JSON.
        let patched = crate::story::save::patch_unchecked(original, &self.saved, &current)
            .and_then(|t| self.verify(app, &t, &names, &current).map(|()| t));
        let text = match patched {
            Ok(t) => t,
            // The file's own layout could not be kept: the canonical form.
            Err(_) => {
                let t = current.to_json();
                self.verify(app, &t, &names, &current)?;
                t
            }
        };
        fsutil::write_atomically(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Some(self.saved_now(app, &path, text, current)))
    }

    /// Saves to a new path: `Ok(None)` when `path` exists and the person has
    /// not agreed to replace it (the app now asks).
    fn save_as(
        &mut self,
        app: &mut App,
        path: &Path,
        overwrite: bool,
    ) -> Result<Option<String>, String> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let path = fsutil::absolute(&cwd, path);
        if path.is_dir() {
            return Err(format!("{} is a folder: give a file name", path.display()));
        }
        if path.exists() && !overwrite {
            app.overlay = crate::app::Overlay::Confirm(crate::app::Confirm::Overwrite {
                path: path.clone(),
                then_quit: false,
            });
            return Ok(None);
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or(cwd);
        // Texts to write beside the story, and what the story calls each.
        let mut names = Vec::new();
        let mut keep = Vec::new();
        for (t, a) in self.texts.iter().zip(&app.story.articles) {
            let file = match t {
                Text::File(abs) => abs.clone(),
                Text::Keep(stem) => {
                    let f = dir.join("articles").join(format!("{stem}.txt"));
                    keep.push((f.clone(), a.text.clone()));
                    f
                }
            };
            names.push(fsutil::relative_utf8(&dir, &file).ok_or_else(|| {
                format!(
                    "{}: the path is not UTF-8, so a story file cannot name it",
                    file.display()
                )
            })?);
        }
        // Each text file: already there with this text (nothing to write),
        // absent (to write), or there with other text (an error).
        let mut write = Vec::new();
        for (f, text) in &keep {
            match std::fs::read(f) {
                Ok(old) if old == text.as_bytes() => {}
                Ok(_) => {
                    return Err(format!(
                        "{}: an article file with other text is there; save the story to another folder",
                        f.display()
                    ));
                }
                Err(_) => write.push((f, text)),
            }
        }
        let mut current = canonical(&app.story);
        for (entry, name) in current.articles.iter_mut().zip(&names) {
            entry.file = name.clone();
        }
        let text = current.to_json();
        self.verify(app, &text, &names, &current)?;
        for (f, t) in write {
            if let Some(d) = f.parent() {
                std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
            }
            fsutil::write_atomically(f, t).map_err(|e| format!("{}: {e}", f.display()))?;
        }
        fsutil::write_atomically(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        // The reader now holds that file.
        self.remove_journal();
        for (a, name) in app.story.articles.iter_mut().zip(&names) {
            a.file = name.clone();
        }
        app.story.source = path.display().to_string();
        app.file = Some(path.clone());
        app.draft = false;
        self.texts = names
            .iter()
            .map(|n| Text::File(fsutil::absolute(&dir, Path::new(n))))
            .collect();
        if let Some(j) = &mut self.journal {
            j.key = crate::state::key(std::slice::from_ref(&path));
        }
        Ok(Some(self.saved_now(app, &path, text, current)))
    }

    /// After `text`, the story `current`, was written to `path`: it is what
    /// the file holds now, the history is marked, the journal gone; what to
    /// say.
    fn saved_now(
        &mut self,
        app: &mut App,
        path: &Path,
        text: String,
        current: StoryFile,
    ) -> String {
        self.stamp = stamp_of(path);
        self.original = Some(text);
        self.saved = current;
        app.history.mark_saved();
        self.steps.clear();
        self.remove_journal();
        self.journal.iter_mut().for_each(|j| j.base = None);
        format!("saved {}", path.display())
    }

    /// Loads `text` back as the story file it will be (articles named
    /// `names`, their texts as shown) and checks it is the story shown.
    fn verify(
        &self,
        app: &App,
        text: &str,
        names: &[String],
        want: &StoryFile,
    ) -> Result<(), String> {
        // A patched file: what the patch left alone is the file's own text,
        // which loaded as it is; load what it changed, with every speaker.
        let small;
        let (text, want) = match &self.original {
            Some(_)
                if names
                    .iter()
                    .zip(&self.saved.articles)
                    .all(|(n, a)| *n == a.file) =>
            {
                small = changed_only(text, &self.saved, want)?;
                (small.0.as_str(), &small.1)
            }
            _ => (text, want),
        };
        let story = crate::story::from_json("the story to save", text, |file| {
            names
                .iter()
                .position(|n| n == file)
                .map(|i| app.story.articles[i].text.clone())
                .ok_or_else(|| format!("article file {file}: not in the story"))
        })
        .map_err(|e| format!("the saved story would not load: {e}"))?;
        let got = canonical(&story);
        if got.speakers != want.speakers || got.quotes != want.quotes || got.links != want.links {
            return Err(
                "the saved story would not load as the story shown (a bug: please report it)"
                    .into(),
            );
        }
        if story.problems.len() > self.problems {
            return Err(format!(
                "the saved story would have a problem: {}",
                story
                    .problems
                    .last()
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            ));
        }
        Ok(())
    }

    /// The journal's file, if journaling.
    fn journal_path(&self) -> Option<PathBuf> {
        let j = self.journal.as_ref()?;
        Some(j.dir.join(format!("{:016x}.jsonl", fnv(j.key.as_bytes()))))
    }

    /// At the start: a journal left for this story is offered for restoring
    /// when it was made on the story as it is now, else set aside.
    fn look_for_journal(&mut self, app: &mut App) {
        let Some(path) = self.journal_path() else {
            return;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let mut lines = text.lines();
        let header: Option<Header> = lines.next().and_then(|l| serde_json::from_str(l).ok());
        let key = self
            .journal
            .as_ref()
            .map(|j| j.key.clone())
            .unwrap_or_default();
        let Some(header) = header.filter(|h| h.story == key) else {
            return;
        };
        // A step cut short by the crash is the last line: what parses counts.
        let entries: Vec<Entry> = lines.map_while(|l| serde_json::from_str(l).ok()).collect();
        if header.base != self.base(app) {
            let aside = path.with_extension("stale.jsonl");
            let _ = std::fs::rename(&path, &aside);
            app.message = Some(format!(
                "unsaved edits of an earlier session no longer fit this story (it changed since); set aside in {}",
                aside.display()
            ));
            return;
        }
        if entries.is_empty() {
            self.remove_journal();
            return;
        }
        app.offer_restore(entries.len(), header.written);
        self.pending = Some(entries);
    }

    /// What the story was loaded as, hashed: the journal fits only that.
    fn base(&mut self, app: &App) -> String {
        if let Some(b) = self.journal.as_ref().and_then(|j| j.base.clone()) {
            return b;
        }
        // The story file's own text when there is one (in memory already);
        // a draft's canonical form otherwise.
        let mut h = match &self.original {
            Some(text) => fnv(text.as_bytes()),
            None => fnv(self.saved.to_json().as_bytes()),
        };
        for a in &app.story.articles {
            h = h.rotate_left(5) ^ fnv(a.text.as_bytes());
        }
        let b = format!("{h:016x}");
        if let Some(j) = &mut self.journal {
            j.base = Some(b.clone());
        }
        b
    }

    fn write_journal(&mut self, app: &mut App) {
        let Some(path) = self.journal_path() else {
            return;
        };
        let base = self.base(app);
        let Some(j) = &self.journal else { return };
        let header = Header {
            verso_journal: 1,
            story: j.key.clone(),
            base,
            written: now(),
        };
        let mut text = serde_json::to_string(&header).unwrap_or_default();
        for s in &self.steps {
            text.push('\n');
            text.push_str(&serde_json::to_string(s).unwrap_or_default());
        }
        text.push('\n');
        let done =
            std::fs::create_dir_all(&j.dir).and_then(|()| fsutil::write_atomically(&path, &text));
        if let (Err(e), Some(j)) = (done, self.journal.as_mut())
            && !j.failed
        {
            j.failed = true;
            app.message = Some(format!(
                "cannot journal the edits ({}: {e}): save often (Ctrl-s)",
                path.display()
            ));
        }
    }

    fn remove_journal(&mut self) {
        if let Some(p) = self.journal_path() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// The saved text cut to what changed from `loaded` to `want` (every
/// speaker; the quotes and links edited or added), and `want` cut the same
/// way; after checking that the whole text is JSON, that each element of
/// `want` is in it and each one deleted is gone.
fn changed_only(
    text: &str,
    loaded: &StoryFile,
    want: &StoryFile,
) -> Result<(String, StoryFile), String> {
    use crate::story::spans::{self, Kind};
    use rustc_hash::{FxHashMap, FxHashSet};
    let bad = |what: String| {
        format!("the saved story would not be the story shown: {what} (a bug: please report it)")
    };
    // Checks all of the text; records only where each element lies.
    let root = spans::parse_shallow(text, 2)
        .map_err(|e| format!("the saved story would not be JSON: {e}"))?;
    if !matches!(root.kind, Kind::Object(_)) {
        return Err(bad("not an object".into()));
    }
    // Of one array: the text of its elements that are new or changed, after
    // checking the ids against `loaded` and `want`.
    let keep_of = |name: &str, loaded: Vec<&str>, want: Vec<(&str, bool)>| {
        let elements = match root.get(name).map(|(_, m)| &m.value) {
            Some(spans::Node {
                kind: Kind::Array(a),
                ..
            }) => a.as_slice(),
            None => &[],
            Some(n) if &text[n.span.clone()] == "null" => &[],
            Some(_) => return Err(format!("\"{name}\" is not an array")),
        };
        let changed: FxHashSet<&str> = want.iter().filter(|w| w.1).map(|w| w.0).collect();
        let mut seen: FxHashMap<std::borrow::Cow<str>, usize> = FxHashMap::default();
        let mut kept = Vec::new();
        for el in elements {
            let Some(id) = spans::member_str(text, el, "id") else {
                continue;
            };
            let n = seen.entry(id.clone()).or_default();
            *n += 1;
            if *n == 1 && changed.contains(id.as_ref()) {
                kept.push(&text[el.span.clone()]);
            }
        }
        if let Some((id, _)) = want.iter().find(|(id, _)| !seen.contains_key(*id)) {
            return Err(format!("{name}: \"{id}\" is missing"));
        }
        let wanted: FxHashSet<&str> = want.iter().map(|w| w.0).collect();
        if let Some(id) = loaded
            .iter()
            .find(|id| !wanted.contains(*id) && seen.contains_key(**id))
        {
            return Err(format!("{name}: \"{id}\" was deleted but is still there"));
        }
        Ok(format!("\"{name}\": [{}]", kept.join(",")))
    };
    /// Each element of `want` with its id, and whether it is new or changed.
    fn changes<'a, T: PartialEq>(
        loaded: &'a [T],
        want: &'a [T],
        id: impl Fn(&T) -> &str,
    ) -> Vec<(&'a str, bool)> {
        let old: FxHashMap<&str, &T> = loaded.iter().map(|e| (id(e), e)).collect();
        (want.iter())
            .map(|e| (id(e), old.get(id(e)) != Some(&e)))
            .collect()
    }
    fn changed<T: Clone>(want: &[T], flags: &[(&str, bool)]) -> Vec<T> {
        (want.iter().zip(flags))
            .filter(|(_, f)| f.1)
            .map(|(e, _)| e.clone())
            .collect()
    }
    let wq = changes(&loaded.quotes, &want.quotes, |q| &q.id);
    let wl = changes(&loaded.links, &want.links, |l| &l.id);
    let cut = StoryFile {
        version: want.version,
        title: want.title.clone(),
        articles: want.articles.clone(),
        speakers: want.speakers.clone(),
        quotes: changed(&want.quotes, &wq),
        links: changed(&want.links, &wl),
    };
    let lq = loaded.quotes.iter().map(|q| q.id.as_str()).collect();
    let quotes = keep_of("quotes", lq, wq).map_err(bad)?;
    let ll = loaded.links.iter().map(|l| l.id.as_str()).collect();
    let links = keep_of("links", ll, wl).map_err(bad)?;
    let mut small: Vec<&str> = root
        .members()
        .iter()
        .filter(|m| m.key != "quotes" && m.key != "links")
        .map(|m| &text[m.span()])
        .collect();
    small.push(&quotes);
    small.push(&links);
    Ok((format!("{{{}}}", small.join(",")), cut))
}

/// A file's length and modification time, where the system tells them.
fn stamp_of(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// The folder journals go in: beside the remembered places.
pub fn journal_dir() -> Option<PathBuf> {
    crate::state::dir().and_then(|d| d.parent().map(|p| p.join("journals")))
}

/// The path a first save offers: beside the first article (its name, `.json`),
/// else in the current folder; one not taken.
fn suggest(source: &Source, cwd: &Path) -> String {
    let (dir, stem) = match source {
        Source::Draft { articles } => match articles.first().map(|a| crate::web::Origin::of(a)) {
            Some(crate::web::Origin::Text(p) | crate::web::Origin::Page(p)) => (
                p.parent().map(Path::to_path_buf).unwrap_or_default(),
                p.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "story".into()),
            ),
            Some(o) => (PathBuf::new(), crate::web::story::file_name(&o)),
            None => (PathBuf::new(), "story".into()),
        },
        Source::Bundled => (PathBuf::new(), "carter".into()),
        _ => (PathBuf::new(), "story".into()),
    };
    let taken = |p: &Path| fsutil::absolute(cwd, p).exists();
    let mut path = dir.join(format!("{stem}.json"));
    let mut n = 2;
    while taken(&path) {
        path = dir.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    path.display().to_string()
}

fn stem_of(file: &str, id: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.is_empty() {
        id.to_string()
    } else {
        stem
    }
}

fn unique_stem(name: String, id: &str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        name
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// FNV-1a, 64 bits: stable across runs and builds (as `state` names its files).
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut h, bytes);
    std::hash::Hasher::finish(&h)
}

/// The time now, as `2026-12-07 21:40 UTC`.
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y}-{m:02}-{d:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}
