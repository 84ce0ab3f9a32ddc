//! `accord extract --stdin`: extraction as a filter, so that a corpus can be split across
//! processes or machines (a Spark job's `RDD.pipe`) and merged again with `accord merge`.
//!
//! Each input line names a file (`{"path": …}`) or carries a text (`{"id": …, "text": …,
//! "published": …}`); each output line is a document as `extract --jsonl` prints it, events
//! with their merge keys, in input order. Lines are read on a thread of their own and worked on
//! in parallel in bounded batches, so memory stays flat however long the input. A line that
//! cannot be used is answered by an `{"error": …}` line and the rest goes on: only failing to
//! read the input or to write the output stops the run.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};

use anyhow::Context;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ExtractArgs, FileNames, JsonDocument, JsonSkipped, path_bytes};
use crate::ingest::{self, IngestOptions};
use crate::model::{DocPath, SkipReason, SourceId};

/// Lines worked on at once: enough to keep every core busy, few enough that the texts they
/// carry stay small.
const BATCH_LINES: usize = 64;

/// Lines the reader may have read ahead of the batch being worked on.
const READ_AHEAD_LINES: usize = 2 * BATCH_LINES;

/// Room a line may take beyond its text: the other fields, and JSON escapes (`\u4e2d`, six
/// bytes for a Chinese character's three, is how Python writes JSON by default).
const LINE_SLACK_BYTES: u64 = 1024 * 1024;

/// Runs `extract --stdin` on `input`, writing to `out`. Fails only when the input cannot be
/// read or the output cannot be written; a bad line gets an error line and the run goes on.
///
/// The input is read on a thread of its own, which owns it: if the output closes while the
/// input waits for a line, the run ends at once instead of waiting for that line.
pub fn extract_from(
    args: &ExtractArgs,
    input: impl Read + Send + 'static,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let options = IngestOptions {
        max_file_bytes: args.max_file_size.saturating_mul(1024 * 1024),
        follow_outside_links: args.follow_outside_links,
        index: None,
    };
    let limit_bytes = options
        .max_file_bytes
        .saturating_mul(6)
        .saturating_add(LINE_SLACK_BYTES);
    let (sender, receiver) = std::sync::mpsc::sync_channel(READ_AHEAD_LINES);
    let reader = std::thread::Builder::new()
        .name("accord-stdin".to_owned())
        .spawn(move || read_lines(input, limit_bytes, &sender))
        .context("could not start reading standard input")?;
    let answerer = Answerer {
        base: args.base.clone(),
        options,
        names: FileNames {
            prefixes: Vec::new(),
        },
    };
    let mut out = BufWriter::new(out);
    loop {
        let (batch, failure) = next_batch(&receiver);
        let answers: Vec<anyhow::Result<Vec<String>>> =
            batch.par_iter().map(|line| answerer.answer(line)).collect();
        for answer in answers {
            for printed in answer? {
                writeln!(out, "{printed}").context("could not write to standard output")?;
            }
        }
        out.flush().context("could not write to standard output")?;
        if let Some(error) = failure {
            return Err(anyhow::Error::new(error).context("could not read standard input"));
        }
        if batch.is_empty() {
            break;
        }
    }
    // The reader has ended (the channel is closed); its thread only has to be joined.
    let _ = reader.join();
    Ok(())
}

/// One line of the input, as the reader thread hands it over.
#[derive(Debug)]
enum Input {
    /// A line (without its line break), numbered from 1.
    Line {
        /// Its number.
        number: usize,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A line longer than the limit, not kept.
    TooLong {
        /// Its number.
        number: usize,
        /// Its length.
        length_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// Reading failed; nothing follows.
    Failed(io::Error),
}

/// Reads `input` line by line and sends each line, until the input ends, fails, or nobody
/// listens any more.
fn read_lines(input: impl Read, limit_bytes: u64, sender: &SyncSender<Input>) {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    for number in 1.. {
        let mut bytes = Vec::new();
        let sent = match read_bounded_line(&mut reader, &mut bytes, limit_bytes) {
            Ok(Bounded::End) => return,
            Ok(Bounded::Line) => Input::Line { number, bytes },
            Ok(Bounded::TooLong { length_bytes }) => Input::TooLong {
                number,
                length_bytes,
                limit_bytes,
            },
            Err(error) => {
                let _ = sender.send(Input::Failed(error));
                return;
            }
        };
        if sender.send(sent).is_err() {
            return;
        }
    }
}

/// What [`read_bounded_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Bounded {
    /// The input ended before any byte of a line.
    End,
    /// A line, in the buffer.
    Line,
    /// A line over the limit: read to its end, but not kept.
    TooLong {
        /// Its whole length.
        length_bytes: u64,
    },
}

/// Reads one line into `line` (without `\n` or `\r\n`), keeping at most `limit_bytes` of it:
/// a longer line is read to its end and dropped, so one endless line cannot exhaust memory.
fn read_bounded_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit_bytes: u64,
) -> io::Result<Bounded> {
    let mut length_bytes: u64 = 0;
    let mut started = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        started = true;
        let newline = available.iter().position(|&byte| byte == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        length_bytes = length_bytes.saturating_add(chunk.len() as u64);
        if length_bytes <= limit_bytes {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let used = newline.map_or(chunk.len(), |at| at + 1);
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !started {
        return Ok(Bounded::End);
    }
    if length_bytes > limit_bytes {
        return Ok(Bounded::TooLong { length_bytes });
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Bounded::Line)
}

/// The next lines to work on: waits for one, then takes those already read, up to a batch.
/// Empty when the input has ended; a failure to read comes last, after the lines before it.
fn next_batch(receiver: &Receiver<Input>) -> (Vec<Input>, Option<io::Error>) {
    let mut batch = Vec::new();
    let mut next = receiver.recv().ok();
    while let Some(input) = next {
        if let Input::Failed(error) = input {
            return (batch, Some(error));
        }
        batch.push(input);
        if batch.len() >= BATCH_LINES {
            break;
        }
        next = receiver.try_recv().ok();
    }
    (batch, None)
}

/// What a line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Request {
    /// Nothing (a blank line).
    Nothing,
    /// Read the file at this path.
    File(String),
    /// Read this text as a `.txt` file holding it would be.
    Text {
        /// The caller's name for it, printed as its `file`.
        id: String,
        /// The text.
        text: String,
        /// The date its record gives, used when the text shows none.
        published: Option<String>,
    },
}

/// Why a line asks for nothing that can be done.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
enum LineError {
    /// Not UTF-8 (JSON is).
    #[error("the line is not UTF-8")]
    NotUtf8,
    /// Not a JSON object of the expected fields.
    #[error("not a JSON object of path, or of id, text and published: {0}")]
    NotJson(String),
    /// Neither field.
    #[error("the line has neither a \"path\" nor a \"text\"")]
    NeitherPathNorText,
    /// Both fields.
    #[error("the line has both a \"path\" and a \"text\"; give one")]
    PathAndText,
    /// A text without its name.
    #[error("a \"text\" needs an \"id\" to name it")]
    TextWithoutId,
    /// Over the length limit.
    #[error("the line is too long ({length_bytes} bytes; the limit is {limit_bytes})")]
    TooLong {
        /// Its length.
        length_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
}

/// A line's fields as JSON gives them.
#[derive(Debug, Deserialize)]
struct RequestFields {
    path: Option<String>,
    id: Option<TextId>,
    text: Option<String>,
    published: Option<String>,
}

/// A text's id: a string, or a number (as a data frame's ids often are).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum TextId {
    Name(String),
    Number(serde_json::Number),
}

impl TextId {
    fn into_name(self) -> String {
        match self {
            Self::Name(name) => name,
            Self::Number(number) => number.to_string(),
        }
    }
}

/// What a line of the input asks for.
fn parse_request(bytes: &[u8]) -> Result<Request, LineError> {
    let line = std::str::from_utf8(bytes).map_err(|_| LineError::NotUtf8)?;
    if line.trim().is_empty() {
        return Ok(Request::Nothing);
    }
    let fields: RequestFields =
        serde_json::from_str(line).map_err(|error| LineError::NotJson(error.to_string()))?;
    match (fields.path, fields.text) {
        (Some(_), Some(_)) => Err(LineError::PathAndText),
        (None, None) => Err(LineError::NeitherPathNorText),
        (Some(path), None) => Ok(Request::File(path)),
        (None, Some(text)) => Ok(Request::Text {
            id: fields
                .id
                .map(TextId::into_name)
                .ok_or(LineError::TextWithoutId)?,
            text,
            published: fields.published,
        }),
    }
}

/// The line printed for an input line that could not be used.
#[derive(Debug, Serialize)]
struct ErrorLine {
    error: LineProblem,
}

/// Which line, and what was wrong with it.
#[derive(Debug, Serialize)]
struct LineProblem {
    line: usize,
    reason: String,
}

/// The line printed for a file or text that was not read, as `--jsonl` prints skipped files.
#[derive(Debug, Serialize)]
struct SkippedLine {
    skipped: JsonSkipped,
}

/// Answers lines: everything they need, shared by the threads.
struct Answerer {
    base: Option<PathBuf>,
    options: IngestOptions,
    names: FileNames,
}

impl Answerer {
    /// The lines printed for one input line.
    fn answer(&self, input: &Input) -> anyhow::Result<Vec<String>> {
        let (number, request) = match input {
            Input::Line { number, bytes } => (*number, parse_request(bytes)),
            Input::TooLong {
                number,
                length_bytes,
                limit_bytes,
            } => (
                *number,
                Err(LineError::TooLong {
                    length_bytes: *length_bytes,
                    limit_bytes: *limit_bytes,
                }),
            ),
            Input::Failed(_) => return Ok(Vec::new()),
        };
        let printed = match request {
            Ok(Request::Nothing) => return Ok(Vec::new()),
            Ok(Request::File(path)) => self.file(Path::new(&path)),
            Ok(Request::Text {
                id,
                text,
                published,
            }) => self.text(id, &text, published.as_deref()),
            Err(problem) => vec![serde_json::to_string(&ErrorLine {
                error: LineProblem {
                    line: number,
                    reason: problem.to_string(),
                },
            })],
        };
        printed
            .into_iter()
            .collect::<Result<_, _>>()
            .context("could not write the JSON")
    }

    /// The documents of the file at `given` (a feed holds several), or why it was skipped.
    fn file(&self, given: &Path) -> Vec<serde_json::Result<String>> {
        let (path, relative) = located(self.base.as_deref(), given);
        let doc_path = DocPath {
            source: SourceId(0),
            path: path.clone(),
            relative,
        };
        let read = if path.symlink_metadata().is_err() {
            Err(SkipReason::Io("no such file".to_owned()))
        } else {
            ingest::format_of(&path)
                .and_then(|format| ingest::read_file(&path, format, doc_path, &self.options))
        };
        match read {
            Ok(documents) => documents
                .iter()
                .map(|document| {
                    serde_json::to_string(&JsonDocument::from_document(document, &self.names))
                })
                .collect(),
            Err(reason) => vec![skipped_line(&path.display().to_string(), &path, &reason)],
        }
    }

    /// The document of a text given on a line, or why it was skipped.
    fn text(
        &self,
        id: String,
        text: &str,
        published: Option<&str>,
    ) -> Vec<serde_json::Result<String>> {
        let path = PathBuf::from(&id);
        let size_bytes = text.len() as u64;
        if size_bytes > self.options.max_file_bytes {
            let reason = SkipReason::TooLarge {
                size_bytes,
                limit_bytes: self.options.max_file_bytes,
            };
            return vec![skipped_line(&id, Path::new(""), &reason)];
        }
        let doc_path = DocPath {
            source: SourceId(0),
            path,
            relative: id.clone(),
        };
        match ingest::read_text(text, published, doc_path) {
            Ok(document) => {
                let mut json = JsonDocument::from_document(&document, &self.names);
                json.text_given = true;
                json.file_bytes = None;
                vec![serde_json::to_string(&json)]
            }
            Err(reason) => vec![skipped_line(&id, Path::new(""), &reason)],
        }
    }
}

/// A `{"skipped": …}` line for what was named `shown` (its bytes from `path` when they are not
/// Unicode).
fn skipped_line(shown: &str, path: &Path, reason: &SkipReason) -> serde_json::Result<String> {
    serde_json::to_string(&SkippedLine {
        skipped: JsonSkipped {
            path: shown.to_owned(),
            path_bytes: path_bytes(path),
            reason: reason.to_string(),
        },
    })
}

/// Where the file a line names is, and the name `accord extract BASE` gives it: a relative
/// path is taken in `base` and named as given; an absolute one inside `base` is named
/// relative to it; any other is named as given. Names use `/`, as the folder walk's do.
fn located(base: Option<&Path>, given: &Path) -> (PathBuf, String) {
    match base {
        Some(base) if given.is_relative() => (base.join(given), slash_name(given)),
        Some(base) => match given.strip_prefix(base) {
            Ok(inside) if !inside.as_os_str().is_empty() => (given.to_owned(), slash_name(inside)),
            _ => (given.to_owned(), slash_name(given)),
        },
        None => (given.to_owned(), slash_name(given)),
    }
}

/// A path's parts joined by `/`, without `.` parts (`./a\b.txt` on Windows is `a/b.txt`).
fn slash_name(path: &Path) -> String {
    path.components()
        .filter(|component| !matches!(component, Component::CurDir))
        .map(|component| match component {
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(base: Option<PathBuf>) -> ExtractArgs {
        ExtractArgs {
            paths: Vec::new(),
            json: false,
            jsonl: false,
            stdin: true,
            base,
            max_file_size: 20,
            follow_outside_links: false,
        }
    }

    /// The output lines for `input`, parsed.
    fn run(base: Option<PathBuf>, input: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        extract_from(&args(base), io::Cursor::new(input.to_owned()), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    #[test]
    fn a_line_is_read_whole_without_its_line_break() {
        let mut reader = io::Cursor::new(b"one\r\ntwo\nthree".to_vec());
        let mut lines = Vec::new();
        loop {
            let mut line = Vec::new();
            match read_bounded_line(&mut reader, &mut line, 100).unwrap() {
                Bounded::End => break,
                found => lines.push((found, String::from_utf8(line).unwrap())),
            }
        }
        assert_eq!(
            lines,
            [
                (Bounded::Line, "one".to_owned()),
                (Bounded::Line, "two".to_owned()),
                (Bounded::Line, "three".to_owned())
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_dropped_and_the_next_read() {
        let input = format!("{}\nnext\n", "x".repeat(10_000));
        // A small buffer, so the long line arrives in many pieces.
        let mut reader = BufReader::with_capacity(16, io::Cursor::new(input.into_bytes()));
        let mut line = Vec::new();
        assert_eq!(
            read_bounded_line(&mut reader, &mut line, 100).unwrap(),
            Bounded::TooLong {
                length_bytes: 10_000
            }
        );
        assert!(line.len() <= 100);
        let mut line = Vec::new();
        assert_eq!(
            read_bounded_line(&mut reader, &mut line, 100).unwrap(),
            Bounded::Line
        );
        assert_eq!(line, b"next");
    }

    #[test]
    fn requests_are_a_path_or_an_identified_text() {
        assert_eq!(
            parse_request(br#"{"path": "a/b.txt"}"#),
            Ok(Request::File("a/b.txt".to_owned()))
        );
        assert_eq!(
            parse_request(br#"{"id": 7, "text": "T", "published": "2024-03-05"}"#),
            Ok(Request::Text {
                id: "7".to_owned(),
                text: "T".to_owned(),
                published: Some("2024-03-05".to_owned())
            })
        );
        assert_eq!(parse_request(b"  "), Ok(Request::Nothing));
        assert_eq!(
            parse_request(br#"{"text": "T"}"#),
            Err(LineError::TextWithoutId)
        );
        assert_eq!(
            parse_request(br#"{"path": "a", "text": "T"}"#),
            Err(LineError::PathAndText)
        );
        assert_eq!(
            parse_request(br#"{"id": "x"}"#),
            Err(LineError::NeitherPathNorText)
        );
        assert!(matches!(
            parse_request(b"{oops"),
            Err(LineError::NotJson(_))
        ));
        assert_eq!(parse_request(b"\xff"), Err(LineError::NotUtf8));
    }

    #[test]
    fn files_are_named_as_the_folder_run_names_them() {
        let base = Path::new("/data/news");
        assert_eq!(
            located(Some(base), Path::new("./2024/a.txt")),
            (
                PathBuf::from("/data/news/2024/a.txt"),
                "2024/a.txt".to_owned()
            )
        );
        assert_eq!(
            located(Some(base), Path::new("/data/news/2024/a.txt")).1,
            "2024/a.txt"
        );
        assert_eq!(
            located(Some(base), Path::new("/elsewhere/a.txt")).1,
            "/elsewhere/a.txt"
        );
        assert_eq!(located(None, Path::new("a/b.txt")).1, "a/b.txt");
    }

    #[test]
    fn bad_lines_are_answered_in_order_and_the_rest_is_read() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            folder.path().join("a.txt"),
            "Wuxi and Xuzhou sign agreement\n\nOn October 9, 2021, Wuxi and Xuzhou signed a cooperation agreement.\n",
        )
        .unwrap();
        let input = [
            "not json",
            r#"{"path": "a.txt"}"#,
            "",
            r#"{"path": "missing.txt"}"#,
            r#"{"text": "no id"}"#,
            r#"{"id": "given-1", "text": "Wuxi and Xuzhou sign agreement\n\nOn October 9, 2021, Wuxi and Xuzhou signed a cooperation agreement."}"#,
            r#"{"id": "blank", "text": "   "}"#,
        ]
        .join("\n");
        let lines = run(Some(folder.path().to_owned()), &input);
        assert_eq!(lines.len(), 6, "{lines:#?}");
        assert_eq!(lines[0]["error"]["line"], 1);
        assert_eq!(lines[1]["file"], "a.txt");
        assert!(lines[1].get("text_given").is_none());
        let key = &lines[1]["events"][0]["merge_key"];
        assert!(
            key.as_str()
                .is_some_and(|key| key.starts_with("2021-10-09/"))
        );
        assert!(
            lines[2]["skipped"]["reason"]
                .as_str()
                .is_some_and(|reason| reason.contains("no such file")),
            "{}",
            lines[2]
        );
        assert_eq!(lines[3]["error"]["line"], 5);
        assert_eq!(lines[4]["file"], "given-1");
        assert_eq!(lines[4]["text_given"], true);
        assert_eq!(lines[4]["events"][0]["merge_key"], *key);
        assert_eq!(lines[5]["skipped"]["path"], "blank");
    }

    #[test]
    fn many_lines_come_out_in_input_order() {
        let input: String = (0..300)
            .map(|index| format!("{{\"id\": \"t{index}\", \"text\": \"Report {index}\\n\\nText number {index} here.\"}}\n"))
            .collect();
        let files: Vec<String> = run(None, &input)
            .iter()
            .map(|line| line["file"].as_str().unwrap_or_default().to_owned())
            .collect();
        let expected: Vec<String> = (0..300).map(|index| format!("t{index}")).collect();
        assert_eq!(files, expected);
    }

    /// Reading that fails after two lines.
    struct Failing(io::Cursor<Vec<u8>>);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(io::Error::other("the pipe broke")),
                read => Ok(read),
            }
        }
    }

    #[test]
    fn a_failing_input_fails_the_run_after_the_lines_before_it() {
        let input = b"{\"id\": \"a\", \"text\": \"A\\n\\nText.\"}\nnot json\n".to_vec();
        let mut out = Vec::new();
        let result = extract_from(&args(None), Failing(io::Cursor::new(input)), &mut out);
        let message = format!("{:#}", result.unwrap_err());
        assert!(message.contains("the pipe broke"), "{message}");
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    }
}
