//! How a command ends: [`Done`], with its output and what to say about its
//! input, or an [`Error`] that stopped it. Commands return these and print
//! nothing; [`crate::cli`] writes the output, says each message on standard
//! error as `verso COMMAND: ...` and picks the exit code from [`Done::found`]
//! (0, 1 or 2) or 2 for an error.

use std::fmt;
use std::path::PathBuf;

use crate::story::LoadError;

/// Why a command could not do its work (exit code 2). Every message names the
/// file, and the place in it where there is one. (An output that cannot be
/// written is `cli`'s to say: it writes it.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A story file could not be read at all.
    Story(LoadError),
    /// Another input (a file, an argument) could not be used.
    Input(String),
    /// The reader cannot run in this terminal.
    Terminal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Story(e) => write!(f, "{e}"),
            Error::Input(m) | Error::Terminal(m) => f.write_str(m),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        Error::Story(e)
    }
}

/// What a command found in its input, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Found {
    /// All sound (exit 0).
    #[default]
    Sound,
    /// Problems, said in the messages or listed in the output (exit 1).
    Problems,
    /// Part of the work failed, said in the messages or the output: an input
    /// `check` lists could not be read at all, the terminal failed (exit 2).
    Failed,
}

impl Found {
    /// The exit code it stands for.
    pub fn code(self) -> i32 {
        match self {
            Found::Sound => 0,
            Found::Problems => 1,
            Found::Failed => 2,
        }
    }
}

/// A command that did its work.
#[derive(Debug, Clone, Default)]
pub struct Done {
    /// What it writes: to `to` (atomically) or, for `None`, standard output.
    pub output: String,
    pub to: Option<PathBuf>,
    /// Said on standard error, one a line: problems, notes, warnings.
    pub messages: Vec<String>,
    pub found: Found,
}

impl Done {
    /// Output for standard output, nothing else to say.
    pub fn printing(output: String) -> Done {
        Done {
            output,
            ..Done::default()
        }
    }

    /// Adds messages about problems in the input (exit 1 when there is one).
    pub fn with_problems(mut self, problems: impl IntoIterator<Item = String>) -> Done {
        let before = self.messages.len();
        self.messages.extend(problems);
        if self.messages.len() > before {
            self.found = self.found.max(Found::Problems);
        }
        self
    }
}

/// What a command returns.
pub type Outcome = Result<Done, Error>;
