//! Built-in regular expressions, compiled once.
//!
//! Every pattern Accord uses is a constant of its source, exercised by that module's tests;
//! failing to compile one is a programming error caught by `cargo test`, never a property of
//! the user's data — which is why this one place may panic.

use regex::Regex;

/// Compiles a built-in pattern.
pub fn compiled(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|error| panic!("invalid built-in pattern: {error}"))
}
