//! The notebook as RON text: writing it, and reading it back leniently across versions.
//!
//! Reading happens in two steps. First only the `version` field is read (every other field is
//! skipped whatever it holds), so a file from a newer Accord is recognised as such rather than
//! reported as damaged. Then the whole notebook is read; missing lists default to empty, unknown
//! fields are ignored, and older layouts are migrated. Kept apart from the disk (`file.rs`) so
//! it is tested on strings.

use serde::Deserialize;

use super::model::{CURRENT_VERSION, NoteId, Notebook};

/// The first lines of every notebook file, for a person who opens it in an editor.
const HEADER: &str = "// Accord notebook: notes, reviews of extracted events, events added by hand.\n\
// Documents are named by content id; offsets are bytes of the article's clean body; times are\n\
// seconds since 1970-01-01 UTC. Accord keeps the previous version beside it as a .bak file.\n";

/// A notebook read from text, migrated to [`CURRENT_VERSION`].
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// What was read.
    pub notebook: Notebook,
    /// The version the text was written in.
    pub written_version: u32,
    /// What was changed on reading, in plain words (migration, repaired ids).
    pub notices: Vec<String>,
}

/// Why text could not be read as a notebook of this version.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The text is not a notebook: bad syntax, a wrong type, or not UTF-8.
    #[error("damaged at line {line}, column {column}: {message}")]
    Damaged {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What the RON reader expected.
        message: String,
    },
    /// Written by a newer Accord; `readable` is what this version could make of it (possibly
    /// nothing), to show read-only.
    #[error(
        "written by a newer Accord (notebook version {found}; this one reads up to {CURRENT_VERSION})"
    )]
    Newer {
        /// The version in the file.
        found: u32,
        /// Whatever could be read, leniently.
        readable: Box<Notebook>,
    },
}

/// Only the version, whatever else the file holds. Named like the notebook because RON checks
/// a struct name written in the file.
#[derive(Deserialize)]
#[serde(rename = "Notebook")]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// The notebook as RON text, with a short header comment. Strings keep their characters
/// (Chinese stays readable); control characters are escaped.
pub fn to_ron(notebook: &Notebook) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ");
    let body = ron::ser::to_string_pretty(notebook, config)?;
    Ok(format!("{HEADER}{body}\n"))
}

/// Reads a notebook from a file's bytes: UTF-8, with or without a byte-order mark.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1;
            Err(ParseError::Damaged {
                line,
                column,
                message: "not UTF-8 text".to_owned(),
            })
        }
    }
}

/// Reads a notebook from RON text.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let probe: VersionProbe = ron::from_str(text).map_err(damaged)?;
    if probe.version > CURRENT_VERSION {
        let readable = ron::from_str::<Notebook>(text).unwrap_or_default();
        return Err(ParseError::Newer {
            found: probe.version,
            readable: Box::new(readable),
        });
    }
    let mut notebook: Notebook = ron::from_str(text).map_err(damaged)?;
    let mut notices = Vec::new();
    migrate(&mut notebook, probe.version, &mut notices);
    repair_ids(&mut notebook, &mut notices);
    Ok(Parsed {
        notebook,
        written_version: probe.version,
        notices,
    })
}

/// The RON reader's error with its position.
fn damaged(error: ron::error::SpannedError) -> ParseError {
    // The reader's own advice ("try increasing `ron::Options::recursion_limit` …") is for
    // programmers; the user is told what is wrong with the file.
    let message = match error.code {
        ron::Error::ExceededRecursionLimit => {
            "brackets nested far deeper than a notebook's (the file is not a notebook, or is damaged)"
                .to_owned()
        }
        code => code.to_string(),
    };
    ParseError::Damaged {
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

/// Brings a notebook read in layout `from` up to [`CURRENT_VERSION`].
///
/// Version 0 is the layout written before notebooks had a `version` field: notes had no
/// `modified_unix_s` (it reads as 0 and becomes the creation time), and a file might have no
/// `corrections` or `added_events` (they read as empty).
fn migrate(notebook: &mut Notebook, from: u32, notices: &mut Vec<String>) {
    if from < 1 {
        for note in &mut notebook.notes {
            if note.modified_unix_s == 0 {
                note.modified_unix_s = note.created_unix_s;
            }
        }
    }
    if from < CURRENT_VERSION {
        notices.push(format!(
            "Updated from notebook version {from} to {CURRENT_VERSION}; it is saved in the new layout."
        ));
    }
    notebook.version = CURRENT_VERSION;
}

/// Gives new ids to notes and added events whose id repeats an earlier one (a hand-edited or
/// merged file), so edits and deletions find the right one.
fn repair_ids(notebook: &mut Notebook, notices: &mut Vec<String>) {
    let mut next = notebook
        .notes
        .iter()
        .map(|note| note.id.0)
        .max()
        .unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    let mut renumbered = 0;
    for note in &mut notebook.notes {
        if !seen.insert(note.id) {
            next = next.saturating_add(1);
            note.id = NoteId(next);
            renumbered += 1;
        }
    }
    let mut next = notebook
        .added_events
        .iter()
        .map(|added| added.id.0)
        .max()
        .unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    for added in &mut notebook.added_events {
        if !seen.insert(added.id) {
            next = next.saturating_add(1);
            added.id.0 = next;
            renumbered += 1;
        }
    }
    if renumbered > 0 {
        notices.push(format!("{renumbered} repeated ids were given new numbers."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentId;
    use crate::notebook::{EventKey, Passage, PlaceRef, Review, Target};

    fn sample() -> Notebook {
        let mut notebook = Notebook::default();
        let document = DocumentId(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        notebook.add_note(
            Target::Article { document },
            "Port talks \"continue\"",
            &["ports".to_owned()],
            1_700_000_000,
        );
        notebook.add_note(
            Target::Passage(Passage {
                document,
                quote: "南京与徐州签署合作协议".to_owned(),
                start_byte: 12,
                end_byte: 45,
            }),
            "关键段落\n第二行",
            &[],
            1_700_000_100,
        );
        notebook.add_note(
            Target::Place {
                place: PlaceRef::Code("320115".to_owned()),
            },
            "Jiangning",
            &[],
            1_700_000_200,
        );
        let key = EventKey::of(document, "Nanjing and Xuzhou signed an agreement.");
        notebook.add_note(
            Target::Event { key: key.clone() },
            "Check the date",
            &[],
            1_700_000_300,
        );
        notebook.set_review(key, Review::Rejected, 1_700_000_400);
        notebook
    }

    #[test]
    fn text_round_trips_and_stays_readable() {
        let notebook = sample();
        let text = to_ron(&notebook).unwrap();
        assert!(text.starts_with("// Accord notebook"));
        assert!(text.contains("南京与徐州签署合作协议"), "{text}");
        assert!(
            text.contains("document: \"0123456789abcdef0123456789abcdef\""),
            "{text}"
        );
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.notebook, notebook);
        assert_eq!(parsed.written_version, CURRENT_VERSION);
        assert!(parsed.notices.is_empty());
    }

    #[test]
    fn a_version_0_file_migrates() {
        let text = r#"(
            notes: [
                (
                    id: 4,
                    target: Article(document: "0000000000000000000000000000002a"),
                    text: "Written before versions",
                    created_unix_s: 1600000000,
                ),
            ],
        )"#;
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.written_version, 0);
        assert_eq!(parsed.notebook.version, CURRENT_VERSION);
        let note = &parsed.notebook.notes[0];
        assert_eq!(note.modified_unix_s, 1_600_000_000);
        assert!(note.tags.is_empty());
        assert!(parsed.notebook.corrections.is_empty());
        assert_eq!(parsed.notices.len(), 1);
    }

    #[test]
    fn a_newer_file_is_recognised_and_read_as_far_as_possible() {
        let text = r#"Notebook(
            version: 7,
            notes: [(id: 1, target: Article(document: "2a"), text: "kept", created_unix_s: 5, mood: Happy(very: true))],
            timelines: [Saved(name: "x", ranges: [(1, 2)])],
        )"#;
        match parse(text) {
            Err(ParseError::Newer { found, readable }) => {
                assert_eq!(found, 7);
                assert_eq!(readable.notes.len(), 1);
                assert_eq!(readable.notes[0].text, "kept");
            }
            other => panic!("expected Newer, got {other:?}"),
        }
        let unreadable = "(version: 9, notes: [Holographic(1)])";
        assert!(
            matches!(parse(unreadable), Err(ParseError::Newer { found: 9, readable }) if readable.notes.is_empty())
        );
    }

    #[test]
    fn brackets_nested_without_end_are_damage_in_plain_words() {
        let text = format!("(version: 1, notes: [{}", "[".repeat(2000));
        let Err(error) = parse(&text) else {
            panic!("parsed");
        };
        let said = error.to_string();
        assert!(said.contains("nested far deeper"), "{said}");
        assert!(!said.contains("recursion_limit"), "{said}");
    }

    #[test]
    fn damage_is_reported_with_its_line_and_column() {
        let text = "(\n  version: 1,\n  notes: [\n    (id: 1, target: Nowhere, text: \"x\", created_unix_s: 0),\n  ],\n)";
        match parse(text) {
            Err(ParseError::Damaged {
                line,
                column,
                message,
            }) => {
                assert_eq!(line, 4, "{message}");
                assert!(column > 1);
                assert!(message.contains("Nowhere"), "{message}");
            }
            other => panic!("expected Damaged, got {other:?}"),
        }
        assert!(matches!(
            parse("(version: 1, notes: [(id: 1,"),
            Err(ParseError::Damaged { .. })
        ));
        assert!(matches!(parse(""), Err(ParseError::Damaged { .. })));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_damage_where_they_start() {
        let mut bytes = b"(\n  version: 1,\n  notes: [], // ".to_vec();
        bytes.extend_from_slice(&[0xC4, 0xE3, 0xBA, 0xC3]); // GBK "你好".
        match parse_bytes(&bytes) {
            Err(ParseError::Damaged { line, column, .. }) => assert_eq!((line, column), (3, 17)),
            other => panic!("expected Damaged, got {other:?}"),
        }
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(to_ron(&sample()).unwrap().as_bytes());
        assert_eq!(parse_bytes(&bytes).unwrap().notebook, sample());
    }

    #[test]
    fn repeated_ids_are_renumbered() {
        let text = r#"(version: 1, notes: [
            (id: 3, target: Article(document: "2a"), text: "a", created_unix_s: 0),
            (id: 3, target: Article(document: "2a"), text: "b", created_unix_s: 0),
        ])"#;
        let parsed = parse(text).unwrap();
        let ids: Vec<u64> = parsed.notebook.notes.iter().map(|note| note.id.0).collect();
        assert_eq!(ids, vec![3, 4]);
        assert_eq!(parsed.notices.len(), 1);
    }
}
