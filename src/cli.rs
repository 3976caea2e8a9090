//! The command line: arguments (clap), the `check` command, and the exit codes.
//!
//! Exit codes: 0 all sound; 1 problems found; 2 a file could not be read at all
//! (or the command line was wrong).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::story::{self, LoadError, Story};

#[derive(Parser, Debug)]
#[command(
    name = "verso",
    version,
    about = "Read news articles side by side: speakers, quotes, and the passages they share or dispute",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A story file to read (none: the bundled story), or bare article files
    /// ending in .txt, annotated by a draft.
    pub files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check story files: every field, every anchor. Prints a summary line per
    /// sound story, or every problem, one a line.
    #[command(
        after_help = "Examples:\n  verso check\n  verso check annotations/carter.json\n  verso annotate a.txt b.txt | verso check -\n\nExit status: 0 all sound, 1 problems found, 2 a file could not be read at all."
    )]
    Check {
        /// Story files (`-` for standard input); none: the bundled story.
        stories: Vec<PathBuf>,
    },
    /// Draw the reader's screen as text, without a terminal, after feeding it
    /// keys: for tests, documentation and scripts.
    #[command(
        after_help = "KEYS uses vim notation: plain characters, <Enter>, <Tab>, <S-Tab>, <Esc>, <Space>,\n<Up> <Down> <Left> <Right>, <PageUp> <PageDown>, <C-d>, <lt> for a literal <.\n\nExamples:\n  verso render --size 120x40\n  verso render --size 100x30 --keys ']]]' --color\n  verso render annotations/carter.json --keys '/six<Enter>'"
    )]
    Render {
        /// A story file, or bare .txt articles; none: the bundled story.
        files: Vec<PathBuf>,
        /// Screen size, COLUMNSxROWS.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press before drawing.
        #[arg(long, default_value = "")]
        keys: String,
        /// Print colours and attributes as ANSI escape sequences.
        #[arg(long)]
        color: bool,
    },
    /// Draft a story file from bare articles: speakers, quotes, and linked passages.
    #[command(
        after_help = "Examples:\n  verso annotate articles/*.txt | verso check -\n  verso annotate a.txt b.txt -o annotations/story.json\n\nExit status: 0 drafted, 2 an article could not be read."
    )]
    Annotate {
        /// Article texts (UTF-8).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Write the story here (atomically); article paths become relative to its
        /// folder. Default: standard output, paths relative to the current folder.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Score a story against a reference: precision, recall and F1 of quotes
    /// (per kind), speaker attribution, and links.
    #[command(after_help = "Exit status: 0 scored, 2 a story could not be read.")]
    Score {
        /// The story to score.
        draft: PathBuf,
        /// The reference story.
        gold: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{s:?}: expected COLUMNSxROWS, e.g. 100x30"))?;
    let n = |v: &str| v.trim().parse::<u16>().ok().filter(|&n| n >= 1);
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!(
            "{s:?}: columns and rows must be whole numbers from 1 to 65535"
        )),
    }
}

/// Runs the program and returns its exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Some(Command::Check { stories }) => check(&stories),
        Some(Command::Render {
            files,
            size,
            keys,
            color,
        }) => render(&files, size, &keys, color),
        Some(Command::Annotate { articles, output }) => {
            crate::annotate::run(&articles, output.as_deref())
        }
        Some(Command::Score { draft, gold, json }) => crate::score::run(&draft, &gold, json),
        None => read(&cli.files),
    }
}

/// Opens what the command line names: the bundled story, a story file, or
/// bare articles with drafted annotations (`true`: a draft).
pub fn open(files: &[PathBuf]) -> Result<(Story, bool), String> {
    match files {
        [] => load_story(None)
            .map(|s| (s, false))
            .map_err(|e| e.to_string()),
        [one] if !is_txt(one) => load_story(Some(one))
            .map(|s| (s, false))
            .map_err(|e| e.to_string()),
        many => {
            if let Some(bad) = many.iter().find(|f| !is_txt(f)) {
                return Err(format!(
                    "{}: give one story file (.json), or articles ending in .txt to draft annotations for",
                    bad.display()
                ));
            }
            open_draft(many).map(|s| (s, true))
        }
    }
}

/// Drafts annotations for bare articles and loads the draft as a story.
fn open_draft(files: &[PathBuf]) -> Result<Story, String> {
    let mut articles = Vec::new();
    for f in files {
        let text = story::read_text(f).map_err(|msg| format!("{}: {msg}", f.display()))?;
        articles.push((f.display().to_string(), text));
    }
    let json = crate::annotate::draft(&articles).to_json();
    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    let source = format!("draft of {}", names.join(", "));
    story::from_json(&source, &json, |file| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("article file {file}: not among the drafted files"))
    })
    .map_err(|e| e.to_string())
}

fn is_txt(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Opens the story for the reader, or says why not (with the exit code).
fn open_for_reader(files: &[PathBuf]) -> Result<(Story, bool), i32> {
    let (story, draft) = open(files).map_err(|e| {
        eprintln!("verso: {e}");
        2
    })?;
    if story.articles.is_empty() {
        for p in &story.problems {
            eprintln!("{}: {p}", story.source);
        }
        eprintln!("verso: {}: no article could be opened", story.source);
        return Err(1);
    }
    Ok((story, draft))
}

/// `verso [FILES]`: the live reader.
fn read(files: &[PathBuf]) -> i32 {
    if let Err(e) = crate::term::check_terminal() {
        eprintln!("verso: {}", e.0);
        return 2;
    }
    let (story, draft) = match open_for_reader(files) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let keymap = crate::keys::Keymap::default();
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let app = crate::app::App::new(story, draft, size);
    match crate::term::run(app, &keymap, crate::ui::Theme::from_env()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("verso: terminal error: {e}");
            2
        }
    }
}

/// `verso render`: prints the screen after the keys.
fn render(files: &[PathBuf], size: (u16, u16), keys: &str, color: bool) -> i32 {
    let keys = match crate::keys::parse_keys(keys) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("verso: --keys: {e}");
            return 2;
        }
    };
    let (story, draft) = match open_for_reader(files) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let keymap = crate::keys::Keymap::default();
    let mut app = crate::app::App::new(story, draft, size);
    crate::render::feed(&mut app, &keymap, &keys);
    let theme = if color {
        crate::ui::Theme::from_env()
    } else {
        crate::ui::Theme { color: false }
    };
    let buf = crate::render::draw(&app, &keymap, theme);
    let out = if color {
        crate::render::to_ansi(&buf)
    } else {
        crate::render::to_text(&buf)
    };
    print!("{out}");
    0
}

/// Loads a story from a path, or the bundled one.
pub fn load_story(path: Option<&std::path::Path>) -> Result<Story, LoadError> {
    match path {
        Some(p) => story::load(p),
        None => story::bundled::load(),
    }
}

/// `verso check`: prints to stdout, returns the exit code.
pub fn check(paths: &[PathBuf]) -> i32 {
    let targets: Vec<Option<&std::path::Path>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut code = 0;
    for target in targets {
        let (text, c) = check_report(target);
        print!("{text}");
        code = code.max(c);
    }
    code
}

/// The report `check` prints for one story, and its exit code.
pub fn check_report(path: Option<&std::path::Path>) -> (String, i32) {
    match load_story(path) {
        Err(e) => (format!("{e}\n"), 2),
        Ok(s) if s.problems.is_empty() => (format!("{}: ok: {}\n", s.source, s.summary()), 0),
        Ok(s) => {
            let mut out = String::new();
            for p in &s.problems {
                out.push_str(&format!("{}: {p}\n", s.source));
            }
            let n = s.problems.len();
            out.push_str(&format!(
                "{}: {n} problem{}; sound: {}\n",
                s.source,
                if n == 1 { "" } else { "s" },
                s.summary()
            ));
            (out, 1)
        }
    }
}
