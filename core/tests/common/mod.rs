//! Helpers shared by several test files.
pub mod summary_gen;
