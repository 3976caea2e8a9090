//! verso: read news articles side by side — speakers, quotes, and the passages
//! the articles share or dispute.
//!
//! The library holds every piece of the program so that each can be tested alone:
//! [`story`] reads and anchors story files, [`layout`] wraps text for the screen,
//! [`app`] is the reader's state, [`keys`] maps input to actions, [`ui`] draws,
//! and [`cli`] ties them to the command line.

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
pub mod render;
pub mod score;
pub mod state;
pub mod stats;
pub mod story;
pub mod term;
pub mod ui;
