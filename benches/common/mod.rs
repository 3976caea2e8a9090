//! Inputs the benchmarks share.

pub mod news;
