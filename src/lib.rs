//! verso: read news articles side by side — speakers, quotes, and the passages
//! the articles share or dispute.
//!
//! The library holds every piece of the program so that each can be tested
//! alone. The core never touches the terminal:
//!
//! - [`story`] loads what a command names (a story file, standard input, the
//!   bundled story), checks it and anchors every annotation in its texts;
//! - [`layout`] wraps an article for a pane; [`marks`] indexes an article's
//!   annotations for drawing;
//! - [`app`] is the reader's state and how each [`app::Action`] changes it;
//! - [`annotate`] drafts a story from bare articles; [`score`] measures a story
//!   against a reference; [`stats`] counts who gets heard; [`exchange`] writes
//!   and reads other tools' formats;
//! - [`outcome`] is how every command ends: its output and messages, or an error;
//! - [`web`] reads saved pages and web addresses as articles.
//!
//! Around them: [`keys`] maps input to actions (the keymap), [`config`] reads
//! the config file, [`state`] remembers places between runs, [`session`]
//! saves edited stories and journals unsaved edits, [`ui`] draws a
//! state, [`render`] draws one without a terminal (text, ANSI, SVG), [`term`]
//! runs the live reader, [`fsutil`] writes files atomically, and [`cli`] ties
//! them to the command line: the one place that prints what went wrong and
//! picks the exit code.

pub mod annotate;
pub mod app;
pub mod cli;
pub mod config;
pub mod exchange;
pub mod fsutil;
pub mod keys;
pub mod layout;
pub mod marks;
pub mod only;
pub mod outcome;
pub mod render;
pub mod score;
pub mod session;
pub mod state;
pub mod stats;
pub mod story;
pub mod term;
pub mod text;
pub mod ui;
pub mod web;
