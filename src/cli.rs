//! The command line: `accord` opens the window; `accord extract PATH…` prints what was read;
//! `accord export PATH… --format FORMAT --output FILE` writes notes, events, the graph or the
//! timeline to a file; `accord extract --stdin` and `accord merge` split extraction across
//! processes or machines (`stdin.rs`, `merge.rs`).
//!
//! Long (about 900 lines) because it is the whole command line: the subcommands, the JSON they
//! print (`SCHEMA.md`'s shapes) and the streaming writer, used nowhere else.

mod merge;
mod stdin;

pub use merge::{MergeArgs, merge};
pub use stdin::extract_from;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::export;
use crate::extract::{Gazetteer, corpus_events, merge_key};
use crate::ingest::{self, IngestEvent, IngestOptions, Root};
use crate::model::{Corpus, DateResolution, Document, Event, SkippedFile};
use crate::notebook::{self, Notebook, NotebookFile};

/// Accord reads folders of news articles about regional economic cooperation in China.
///
/// Without a command it opens the window on the bundled seed articles and the folders you
/// opened last time.
#[derive(Debug, Parser)]
#[command(name = "accord", version, about, long_about = None)]
pub struct Cli {
    /// What to do; none opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the window on the bundled seeds, wait until they are loaded and laid out, save
    /// the window as a PNG at PATH and exit (remembered folders and settings are not used).
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Open the window with this folder (or file) open, as File → Open folder would; may be
    /// given more than once. It is remembered like any opened folder.
    #[arg(long, value_name = "FOLDER", conflicts_with = "screenshot")]
    pub open: Vec<PathBuf>,
}

/// Command-line commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read folders or files and print the documents found.
    Extract(ExtractArgs),
    /// Read folders or files and write notes, events, the relationship graph or the timeline
    /// to a file.
    Export(ExportArgs),
    /// Read folders or files and draw the timeline, the network, the map or the overview as an
    /// SVG or PNG figure.
    Figure(FigureArgs),
    /// Merge extraction shards (the lines of `extract --stdin` or `--jsonl`) into the events
    /// across articles, as the app and `extract --json` merge them.
    Merge(MergeArgs),
}

/// Arguments of `accord figure`.
#[derive(Debug, clap::Args)]
pub struct FigureArgs {
    /// Folders (read recursively) or files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// What to draw.
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: export::View,
    /// The file to write: FILE.svg or FILE.png (never overwritten unless --force is given).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// A PNG's width in pixels (200 to 8000; the height follows the figure's 3:2 shape).
    #[arg(long, value_name = "PIXELS", conflicts_with = "scale")]
    pub width: Option<u32>,
    /// A PNG's size as a multiple of the SVG's 960 × 640 (default 2: 1920 × 1280 pixels).
    #[arg(long, value_name = "FACTOR")]
    pub scale: Option<f32>,
    /// The notebook with reviews (default: the app's notebook). Read only.
    #[arg(long, value_name = "NOTEBOOK")]
    pub notebook: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_file_size: u64,
    /// Follow links to folders outside the folders given.
    #[arg(long)]
    pub follow_outside_links: bool,
}

/// The scale of a PNG figure when neither `--width` nor `--scale` is given.
const DEFAULT_FIGURE_SCALE: f32 = 2.0;

/// `accord figure`: the view's figure as SVG, or drawn as PNG at the width asked for.
pub fn figure(args: &FigureArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let extension = args
        .output
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    let png_width = match extension.as_deref() {
        Some("svg") => {
            if args.width.is_some() || args.scale.is_some() {
                bail!(
                    "--width and --scale size a PNG; an SVG has no pixels (name the output FILE.png)"
                );
            }
            None
        }
        Some("png") => Some(png_width(args.width, args.scale)?),
        _ => bail!("name the output FILE.svg or FILE.png: a figure is written as SVG or PNG"),
    };
    let export_args = ExportArgs {
        paths: args.paths.clone(),
        format: export::Format::figure(args.view),
        output: args.output.clone(),
        notebook: args.notebook.clone(),
        force: args.force,
        keep_rejected: false,
        max_file_size: args.max_file_size,
        follow_outside_links: args.follow_outside_links,
    };
    export_drawn(&export_args, png_width, out, err)
}

/// A PNG figure's width from `--width` or `--scale`, refused with the range when outside it.
fn png_width(width: Option<u32>, scale: Option<f32>) -> anyhow::Result<u32> {
    let width = match (width, scale) {
        (Some(width), _) => width,
        (None, Some(scale)) if scale.is_finite() && scale > 0.0 => {
            export::png_width_at_scale(scale)
        }
        (None, Some(scale)) => bail!("--scale must be a positive number, not {scale}"),
        (None, None) => export::png_width_at_scale(DEFAULT_FIGURE_SCALE),
    };
    let range = export::PNG_WIDTHS;
    if !range.contains(&width) {
        bail!(
            "a PNG figure is {} to {} pixels wide; {width} is outside (with --scale, {:.2} to {:.2})",
            range.start(),
            range.end(),
            *range.start() as f32 / export::png_width_at_scale(1.0) as f32,
            *range.end() as f32 / export::png_width_at_scale(1.0) as f32,
        );
    }
    Ok(width)
}

/// Arguments of `accord extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Folders (read recursively) or files.
    #[arg(
        required_unless_present = "stdin",
        conflicts_with = "stdin",
        value_name = "PATH"
    )]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object with every document (see the README for its fields).
    #[arg(long, conflicts_with_all = ["jsonl", "stdin"])]
    pub json: bool,
    /// Print one JSON document per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Read JSON lines from standard input — `{"path": …}` names a file, `{"id": …, "text": …,
    /// "published": …}` gives a text — and print one JSON document per line, in input order.
    #[arg(long)]
    pub stdin: bool,
    /// With --stdin: the folder relative paths are read from, and that files are named
    /// relative to, as `accord extract DIR` names them (default: paths as given).
    #[arg(long, value_name = "DIR")]
    pub base: Option<PathBuf>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_file_size: u64,
    /// Follow links to folders outside the folders given (by default they are reported as
    /// skipped, so a link to a parent folder cannot make Accord read the whole disk).
    #[arg(long)]
    pub follow_outside_links: bool,
}

/// Runs `accord extract`, writing to `out`. Skipped files do not make it fail; a path that
/// does not exist does.
pub fn extract(args: &ExtractArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.stdin {
        return extract_from(args, io::stdin(), out);
    }
    // Checked here: clap counts the `--stdin` flag's default as present.
    if args.base.is_some() {
        bail!("--base names the folder of the paths read with --stdin; give --stdin too");
    }
    for path in &args.paths {
        if !path.exists() {
            bail!("no such file or folder: {}", path.display());
        }
    }
    let options = IngestOptions {
        max_file_bytes: args.max_file_size.saturating_mul(1024 * 1024),
        follow_outside_links: args.follow_outside_links,
        index: None,
    };
    if args.jsonl {
        return stream_jsonl(&args.paths, &options, out);
    }
    let corpus = load(&args.paths, &options);
    if args.json {
        let report = JsonReport::from_corpus(&corpus);
        serde_json::to_writer_pretty(&mut *out, &report).context("could not write the JSON")?;
        writeln!(out)?;
    } else {
        write_summary(&corpus, out)?;
    }
    Ok(())
}

/// Arguments of `accord export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Folders (read recursively) or files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// What to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: export::Format,
    /// The file to write (never overwritten unless --force is given).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// The notebook with notes and reviews (default: the app's notebook). Read only.
    #[arg(long, value_name = "NOTEBOOK")]
    pub notebook: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Keep events rejected in review in events-csv and events-json, marked `rejected`.
    #[arg(long)]
    pub keep_rejected: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_file_size: u64,
    /// Follow links to folders outside the folders given (by default they are reported as
    /// skipped, so a link to a parent folder cannot make Accord read the whole disk).
    #[arg(long)]
    pub follow_outside_links: bool,
}

/// An error and its causes in one line, each said once: a cause whose words the message before
/// it already holds ("could not read the notebook X: Permission denied (os error 13)") is not
/// repeated after it.
pub fn plain_message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// Runs `accord export`: reads the paths, opens the notebook read-only, writes the file and
/// prints what it holds to `out` (warnings to `err`). Fails, writing nothing, when the output
/// exists (without `--force`) or cannot be written, or when a notes format has no readable
/// notebook.
pub fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    export_drawn(args, None, out, err)
}

/// `accord export`, or with `png_width` a figure format drawn as a PNG that wide.
fn export_drawn(
    args: &ExportArgs,
    png_width: Option<u32>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    for path in &args.paths {
        if !path.exists() {
            bail!("no such file or folder: {}", path.display());
        }
    }
    let format = args.format;
    if !args.force && args.output.symlink_metadata().is_ok() {
        bail!(export::WriteError::Exists {
            path: args.output.clone()
        });
    }
    let notebook_path = notebook::chosen_path(args.notebook.clone());
    if let Some(path) = &notebook_path
        && notebook::would_replace_notebook(&args.output, path)
    {
        bail!(
            "the output {} is the notebook {} (or its backup); choose another output file — an export never replaces a notebook",
            args.output.display(),
            path.display()
        );
    }
    let notebook = open_notebook(notebook_path, format.is_notes(), err)?;
    let options = IngestOptions {
        max_file_bytes: args.max_file_size.saturating_mul(1024 * 1024),
        follow_outside_links: args.follow_outside_links,
        index: None,
    };
    let corpus = load(&args.paths, &options);
    let events = corpus_events(corpus.documents());
    let input = export::Input {
        corpus: &corpus,
        events: &events,
        notebook: &notebook,
        gazetteer: Gazetteer::bundled(),
        keep_rejected: args.keep_rejected,
    };
    let summary = export::write_atomically(&args.output, args.force, |file| {
        export::write_drawn(format, png_width, &input, file)
    })?;
    writeln!(
        out,
        "Wrote {} ({} articles read, {} files skipped).\n{summary}",
        args.output.display(),
        corpus.documents().len(),
        corpus.skipped().len()
    )?;
    Ok(())
}

/// The notebook at `path` (the chosen one: `--notebook`, `ACCORD_NOTEBOOK` or the default),
/// read only, named on `err`. One that cannot be read is an error when notes are exported
/// (`notes_needed`), else reported on `err` and replaced by an empty notebook: the export goes
/// on without notes and corrections.
fn open_notebook(
    path: Option<PathBuf>,
    notes_needed: bool,
    err: &mut dyn Write,
) -> anyhow::Result<Notebook> {
    let Some(path) = path else {
        if notes_needed {
            bail!("no notebook: this system names no home folder; give one with --notebook");
        }
        writeln!(
            err,
            "accord: no notebook (no home folder); exporting without corrections"
        )?;
        return Ok(Notebook::default());
    };
    writeln!(err, "accord: notebook {}", path.display())?;
    if path.symlink_metadata().is_err() {
        if notes_needed {
            bail!(
                "no notebook at {}: there are no notes to export",
                path.display()
            );
        }
        return Ok(Notebook::default());
    }
    // A link to nothing, a folder, a pipe or a device is no notebook file.
    let regular = std::fs::metadata(&path).map(|meta| meta.is_file());
    if !matches!(regular, Ok(true)) {
        let why = match regular {
            Err(_) => "it is a link to nothing",
            Ok(_) => "it is not a regular file",
        };
        if notes_needed {
            bail!("cannot read the notebook {}: {why}", path.display());
        }
        writeln!(
            err,
            "accord: cannot read the notebook {} ({why}); exporting without its corrections",
            path.display()
        )?;
        return Ok(Notebook::default());
    }
    let opened = NotebookFile::open(&path);
    match opened.problem {
        None => Ok(opened.notebook),
        Some(problem) if notes_needed => {
            Err(anyhow::Error::new(problem).context("cannot export notes"))
        }
        Some(problem) => {
            writeln!(
                err,
                "accord: {problem}; exporting without its corrections and added events"
            )?;
            Ok(Notebook::default())
        }
    }
}

/// How many read documents may wait to be printed: the reader pauses beyond this, so memory
/// stays flat however large the folder.
const STREAM_BACKLOG: usize = 64;

/// `extract --jsonl`: prints each document as soon as it is read — the first line appears at
/// once and memory does not grow with the folder — then a `{"skipped": …}` line per file not
/// read. A file identical to one printed before is a `{"file": …, "same_as": …}` line. With
/// several folders, each `file` starts with its folder's name, so every `file` is unique.
fn stream_jsonl(
    paths: &[PathBuf],
    options: &IngestOptions,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let cancelled = AtomicBool::new(false);
    let mut printed: std::collections::HashMap<crate::model::DocumentId, String> =
        std::collections::HashMap::new();
    let mut skipped = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        let names = FileNames {
            prefixes: if paths.len() > 1 {
                vec![folder_label(path); index + 1]
            } else {
                Vec::new()
            },
        };
        let (sender, receiver) = std::sync::mpsc::sync_channel::<IngestEvent>(STREAM_BACKLOG);
        let source = crate::model::SourceId(u32::try_from(index).unwrap_or(u32::MAX));
        let cancelled = &cancelled;
        let written = std::thread::scope(|scope| -> anyhow::Result<()> {
            scope.spawn(move || {
                let send = move |event: IngestEvent| {
                    // The printer stopped (a closed pipe): nothing more is read.
                    if sender.send(event).is_err() {
                        cancelled.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                };
                ingest::ingest(source, &Root::Path(path.clone()), options, cancelled, &send);
            });
            for event in receiver {
                match event {
                    IngestEvent::Loaded(document) => {
                        let json = JsonDocument::from_document(&document, &names);
                        let line = match printed.get(&document.id) {
                            Some(first) => serde_json::to_string(&serde_json::json!({
                                "file": json.file,
                                "same_as": first,
                            })),
                            None => {
                                printed.insert(document.id, json.file.clone());
                                serde_json::to_string(&json)
                            }
                        }
                        .context("could not write the JSON")?;
                        if let Err(error) = writeln!(out, "{line}") {
                            cancelled.store(true, std::sync::atomic::Ordering::Relaxed);
                            return Err(error.into());
                        }
                    }
                    IngestEvent::Skipped(file) => skipped.push(file),
                    IngestEvent::Started { .. }
                    | IngestEvent::Refreshing { .. }
                    | IngestEvent::Gone { .. }
                    | IngestEvent::Tally { .. }
                    | IngestEvent::Finished { .. } => {}
                }
            }
            Ok(())
        });
        written?;
    }
    for file in skipped {
        let line = serde_json::json!({
            "skipped": JsonSkipped {
                path: file.path.display().to_string(),
                path_bytes: path_bytes(&file.path),
                reason: file.reason.to_string(),
            }
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A path for a line of readable output: control characters (a newline or a tab in a file
/// name) escaped, so one file stays one line.
fn shown_path(path: &std::path::Path) -> String {
    path.display()
        .to_string()
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// A path's bytes when it is not valid Unicode, else nothing.
fn path_bytes(path: &std::path::Path) -> Option<Vec<u8>> {
    path.to_str()
        .is_none()
        .then(|| path.as_os_str().as_encoded_bytes().to_vec())
}

/// How files are named in the output: relative to the folder given, after that folder's name
/// when several were given (so `a/x.txt` and `b/x.txt` are not both "x.txt").
struct FileNames {
    /// The folder name of each source, by source number; empty with one folder.
    prefixes: Vec<String>,
}

impl FileNames {
    fn of_corpus(corpus: &Corpus) -> Self {
        let roots: Vec<Option<&PathBuf>> = corpus
            .sources()
            .iter()
            .map(|source| source.root.as_ref())
            .collect();
        let prefixes = if roots.iter().flatten().count() > 1 {
            let mut prefixes = Vec::new();
            for source in corpus.sources() {
                let at = usize::try_from(source.id.0).unwrap_or(usize::MAX);
                if prefixes.len() <= at {
                    prefixes.resize(at + 1, String::new());
                }
                if let (Some(root), Some(slot)) = (&source.root, prefixes.get_mut(at)) {
                    *slot = folder_label(root);
                }
            }
            prefixes
        } else {
            Vec::new()
        };
        Self { prefixes }
    }

    /// The name a path is shown under.
    fn of(&self, path: &crate::model::DocPath) -> String {
        let at = usize::try_from(path.source.0).unwrap_or(usize::MAX);
        match self.prefixes.get(at).filter(|prefix| !prefix.is_empty()) {
            Some(prefix) => format!("{prefix}/{}", path.relative),
            None => path.relative.clone(),
        }
    }
}

/// A folder's name as the start of its files' names ("articles" for `~/news/articles`).
fn folder_label(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Loads every path into one corpus, on this thread (files are read in parallel).
pub fn load(paths: &[PathBuf], options: &IngestOptions) -> Corpus {
    let mut corpus = Corpus::default();
    let never_cancelled = AtomicBool::new(false);
    for path in paths {
        let source = corpus.add_source(Some(path.clone()));
        let events = Mutex::new(Vec::new());
        let send = |event: IngestEvent| {
            events
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(event);
        };
        ingest::ingest(
            source,
            &Root::Path(path.clone()),
            options,
            &never_cancelled,
            &send,
        );
        let events = events
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut documents = Vec::new();
        for event in events {
            match event {
                IngestEvent::Loaded(document) => documents.push(*document),
                IngestEvent::Skipped(skipped) => corpus.add_skipped(skipped),
                IngestEvent::Started { .. }
                | IngestEvent::Refreshing { .. }
                | IngestEvent::Gone { .. }
                | IngestEvent::Tally { .. }
                | IngestEvent::Finished { .. } => {}
            }
        }
        // Threads finish in any order: of identical files, the first by name is the one the
        // document is named by (and `accord merge` names it alike), however the race went.
        documents.sort_by(|a, b| relative_name(a).cmp(&relative_name(b)));
        corpus.add_documents(documents);
    }
    corpus
}

/// A document's name relative to its folder (of its first path).
fn relative_name(document: &Document) -> Option<&str> {
    document.primary_path().map(|path| path.relative.as_str())
}

fn write_summary(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    for document in corpus.documents() {
        let file = document
            .primary_path()
            .map_or_else(String::new, |path| shown_path(&path.path));
        let date = document
            .meta
            .published
            .map_or_else(|| "no date".to_owned(), |date| date.edtf());
        writeln!(out, "{file}\t{date}\t{}", document.meta.title)?;
        for warning in document.warnings() {
            writeln!(out, "    warning: {warning}")?;
        }
        for event in &document.extraction.events {
            let date = event
                .date
                .map_or_else(|| "date unknown".to_owned(), |date| date.edtf());
            let parties: Vec<&str> = event.participants.iter().map(|p| p.name.as_str()).collect();
            writeln!(
                out,
                "    {date}  {}: {}",
                event.kind.label(),
                parties.join(", ")
            )?;
        }
    }
    let skipped = corpus.skipped();
    writeln!(
        out,
        "\n{} documents read, {} files skipped",
        corpus.documents().len(),
        skipped.len()
    )?;
    for SkippedFile { path, reason, .. } in skipped {
        writeln!(out, "skipped {}: {reason}", shown_path(path))?;
    }
    Ok(())
}

/// The JSON `accord extract --json` prints (see `SCHEMA.md` of the evaluation set).
#[derive(Debug, Serialize)]
pub struct JsonReport {
    /// One entry per distinct document.
    pub documents: Vec<JsonDocument>,
    /// Files that were not loaded, with the reason.
    pub skipped: Vec<JsonSkipped>,
    /// Events across all documents: one occurrence reported by several articles is one
    /// entry with several sources.
    pub corpus_events: Vec<JsonCorpusEvent>,
}

/// An event across documents.
#[derive(Debug, Serialize)]
pub struct JsonCorpusEvent {
    /// EDTF-style date or null.
    pub date: Option<String>,
    /// The kind.
    pub kind: String,
    /// The parties.
    pub participants: Vec<String>,
    /// Fields of cooperation, from every source.
    pub fields: Vec<String>,
    /// The key its reports were merged by (null: no year, never merged).
    pub merge_key: Option<String>,
    /// Each reporting document (its `file`) and its evidence.
    pub sources: Vec<JsonSource>,
}

/// One article's report of an event.
#[derive(Debug, Serialize)]
pub struct JsonSource {
    /// The document's path relative to the folder given.
    pub file: String,
    /// The evidence sentence(s).
    pub evidence: String,
}

impl JsonReport {
    fn from_corpus(corpus: &Corpus) -> Self {
        let names = FileNames::of_corpus(corpus);
        Self {
            documents: corpus
                .documents()
                .iter()
                .map(|document| JsonDocument::from_document(document, &names))
                .collect(),
            skipped: corpus
                .skipped()
                .iter()
                .map(|skipped| JsonSkipped {
                    path: skipped.path.display().to_string(),
                    path_bytes: path_bytes(&skipped.path),
                    reason: skipped.reason.to_string(),
                })
                .collect(),
            corpus_events: corpus_events(corpus.documents())
                .into_iter()
                .map(|merged| JsonCorpusEvent {
                    date: merged.event.date.map(|date| date.edtf()),
                    kind: merged.event.kind.label().to_owned(),
                    participants: merged
                        .event
                        .participants
                        .iter()
                        .map(|p| p.name.clone())
                        .collect(),
                    fields: merged.event.fields.clone(),
                    merge_key: merge_key(&merged.event).map(|key| key.to_string()),
                    sources: merged
                        .sources
                        .iter()
                        .filter_map(|(id, evidence)| {
                            let document = corpus.document(*id)?;
                            Some(JsonSource {
                                file: names.of(document.primary_path()?),
                                evidence: evidence
                                    .iter()
                                    .filter_map(|range| document.evidence().get(range.clone()))
                                    .collect::<Vec<_>>()
                                    .join(" … "),
                            })
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// One document in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonDocument {
    /// Path relative to the folder given.
    pub file: String,
    /// The headline.
    pub title: String,
    /// Publication date the page shows, EDTF-style, or null.
    pub published: Option<String>,
    /// Places mentioned: canonical English names with the suffix the text uses.
    pub places: Vec<String>,
    /// Cooperation events.
    pub events: Vec<JsonEvent>,
    /// Place mentions the text leaves ambiguous, with their candidates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ambiguous_places: Vec<JsonAmbiguous>,
    /// Officials named with their roles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<JsonPerson>,
    /// Content hash identifying the document.
    pub id: String,
    /// Outlet, when the page names one.
    pub source: Option<String>,
    /// Byline, when given.
    pub byline: Option<String>,
    /// Where the page was published, when the file says.
    pub url: Option<String>,
    /// When the file was saved, when known.
    pub captured: Option<JsonCaptured>,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
    /// Further paths holding the identical document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<String>,
    /// The file's full path as bytes, when it is not valid Unicode (`file` then shows it with
    /// replacement marks, which lead nowhere): the way back to the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_bytes: Option<Vec<u8>>,
    /// What went wrong reading the file, though it was read (undecodable bytes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The text came on a line of `extract --stdin`, not from a file: `file` is the line's
    /// `id`, the caller's name for it, and leads to no file.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub text_given: bool,
}

impl JsonDocument {
    fn from_document(document: &Document, names: &FileNames) -> Self {
        let mut relatives = document.paths.iter().map(|path| names.of(path));
        Self {
            file: relatives.next().unwrap_or_default(),
            title: document.meta.title.clone(),
            published: document.meta.published.map(|date| date.edtf()),
            places: document.extraction.place_names(),
            events: document
                .extraction
                .events
                .iter()
                .map(|event| JsonEvent::from_event(event, document))
                .collect(),
            ambiguous_places: JsonAmbiguous::from_document(document),
            people: document
                .extraction
                .people
                .iter()
                .map(|person| JsonPerson {
                    name: person.name.clone(),
                    role: person.role.clone(),
                    place: person.place.clone(),
                })
                .collect(),
            id: document.id.to_string(),
            source: document.meta.source.clone(),
            byline: document.meta.byline.clone(),
            url: document.meta.url.clone(),
            captured: document.meta.captured.map(|captured| JsonCaptured {
                date: captured.date.edtf(),
                from_file_time: captured.from_file_time,
            }),
            encoding: document.encoding,
            also_at: relatives.collect(),
            file_bytes: document
                .primary_path()
                .and_then(|path| path_bytes(&path.path)),
            warnings: document.warnings(),
            text_given: false,
        }
    }
}

/// When a document was saved, in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonCaptured {
    /// The day, `yyyy-mm-dd`.
    pub date: String,
    /// Whether the day is only the file's modification time (which says when the file was
    /// last written — a copy's day, or a download tool's copy of the server's date — rather
    /// than when the page was saved); the citation exports leave such a day out.
    pub from_file_time: bool,
}

/// An event in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonEvent {
    /// EDTF-style date or null.
    pub date: Option<String>,
    /// How the date was resolved: stated, from publication date, from context.
    pub date_resolution: Option<&'static str>,
    /// agreement | meeting | alliance | visit | other.
    pub kind: &'static str,
    /// The matching CAMEO code.
    pub cameo: &'static str,
    /// All the parties.
    pub participants: Vec<String>,
    /// Fields of cooperation.
    pub fields: Vec<String>,
    /// The evidence sentence(s).
    pub evidence: String,
    /// Byte ranges of the evidence in the clean body.
    pub evidence_ranges: Vec<[usize; 2]>,
    /// The page the evidence is on ("p. 3"), for a document with pages (a PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// 0–1.
    pub confidence: f32,
    /// The sentences that gave the event's kind, parties and date (an event can be assembled
    /// from several: the visit named the parties, the signing reported later the kind).
    pub sources: JsonSources,
    /// Officials of the parties named in the article ("Lin Tao, secretary of …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<JsonPerson>,
    /// The key the merge across articles joins reports by (`extract::MergeKey`: date and
    /// parties); null for an event without a year, which is never merged.
    pub merge_key: Option<String>,
}

impl JsonEvent {
    fn from_event(event: &Event, document: &Document) -> Self {
        let body = document.evidence();
        Self {
            date: event.date.map(|date| date.edtf()),
            date_resolution: event.date_resolution.map(DateResolution::label),
            kind: event.kind.label(),
            cameo: event.kind.cameo(),
            participants: event.participants.iter().map(|p| p.name.clone()).collect(),
            fields: event.fields.clone(),
            evidence: event
                .evidence
                .iter()
                .filter_map(|range| body.get(range.clone()))
                .collect::<Vec<_>>()
                .join(" … "),
            evidence_ranges: event
                .evidence
                .iter()
                .map(|range| [range.start, range.end])
                .collect(),
            page: event
                .evidence
                .first()
                .and_then(|range| document.part_at(range.start))
                .map(str::to_owned),
            confidence: event.confidence,
            sources: JsonSources {
                kind: body
                    .get(event.sources.kind.clone())
                    .unwrap_or_default()
                    .to_owned(),
                parties: body
                    .get(event.sources.parties.clone())
                    .unwrap_or_default()
                    .to_owned(),
                date: event
                    .sources
                    .date
                    .as_ref()
                    .and_then(|range| body.get(range.clone()))
                    .map(str::to_owned),
            },
            people: document
                .extraction
                .people_for(event)
                .map(|person| JsonPerson {
                    name: person.name.clone(),
                    role: person.role.clone(),
                    place: person.place.clone(),
                })
                .collect(),
            merge_key: merge_key(event).map(|key| key.to_string()),
        }
    }
}

/// Which sentences gave an event's parts, in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonSources {
    /// The sentence whose verb gave the kind.
    pub kind: String,
    /// The sentence that named the parties.
    pub parties: String,
    /// The sentence that gave the date, if any.
    pub date: Option<String>,
}

/// An ambiguous place mention in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonAmbiguous {
    /// The name as reported.
    pub name: String,
    /// The places it could be, as "Chinese name (parent chain)".
    pub candidates: Vec<String>,
}

impl JsonAmbiguous {
    fn from_document(document: &Document) -> Vec<Self> {
        let gazetteer = Gazetteer::bundled();
        let mut out: Vec<Self> = Vec::new();
        for mention in document
            .extraction
            .places
            .iter()
            .filter(|m| m.is_ambiguous())
        {
            if out.iter().any(|seen| seen.name == mention.name) {
                continue;
            }
            let candidates = mention
                .candidates
                .iter()
                .map(|&id| {
                    gazetteer
                        .lineage(id)
                        .map(|entry| entry.name_zh.clone())
                        .collect::<Vec<_>>()
                        .join(" < ")
                })
                .collect();
            out.push(Self {
                name: mention.name.clone(),
                candidates,
            });
        }
        out
    }
}

/// A person in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonPerson {
    /// The name.
    pub name: String,
    /// The role as written.
    pub role: String,
    /// The place the role names.
    pub place: Option<String>,
}

/// A skipped file in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonSkipped {
    /// Where it is.
    pub path: String,
    /// The path as bytes, when it is not valid Unicode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<Vec<u8>>,
    /// Why it was not loaded.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_names_folders_for_the_window_and_not_with_a_screenshot() {
        let cli = Cli::try_parse_from(["accord", "--open", "a", "--open", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.open, [PathBuf::from("a"), PathBuf::from("b")]);
        assert!(Cli::try_parse_from(["accord", "--open", "a", "--screenshot", "s.png"]).is_err());
    }

    #[test]
    fn an_error_and_its_cause_are_said_once() {
        let io = io::Error::from(io::ErrorKind::PermissionDenied);
        let error = anyhow::Error::new(notebook::LoadError::Unreadable {
            path: PathBuf::from("notebook.ron"),
            source: io,
        });
        let message = plain_message(&error);
        assert_eq!(message.matches("permission denied").count(), 1, "{message}");
        let error = anyhow::anyhow!("disk full").context("cannot export notes");
        assert_eq!(plain_message(&error), "cannot export notes: disk full");
    }

    #[test]
    fn document_json_has_the_address_and_when_it_was_saved() {
        let fixture = export::fixture::Fixture::new();
        let names = FileNames::of_corpus(&fixture.corpus);
        let json = |index: usize| {
            let document = &fixture.corpus.documents()[index];
            serde_json::to_value(JsonDocument::from_document(document, &names)).unwrap()
        };
        let first = json(0);
        assert_eq!(first["url"], export::fixture::FIRST_URL);
        assert_eq!(
            first["captured"],
            serde_json::json!({"date": "2024-05-02", "from_file_time": false})
        );
        assert_eq!(json(1)["captured"]["from_file_time"], true);
    }
}
