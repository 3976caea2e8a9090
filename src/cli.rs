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
        None => check(&[]),
    }
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
