//! One article as read from disk: its text, its clean body, its metadata and where it lives.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::{BodyRef, Extraction, PartialDate, SourceId, Text};

/// A document's identity: a hash of its decoded text.
///
/// Notes attach to this id, so they survive renaming or moving the file, and two identical files
/// (or one article saved as UTF-8 and as GBK) are one document with two paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId(pub u128);

impl DocumentId {
    /// The id of a decoded text. Line endings are normalised first so a copy saved on Windows is
    /// the same document.
    pub fn of_text(text: &str) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                hasher.update(b"\n");
            }
            hasher.update(line.strip_suffix('\r').unwrap_or(line).as_bytes());
        }
        Self(hasher.digest128())
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl serde::Serialize for DocumentId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for DocumentId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        u128::from_str_radix(&text, 16)
            .map(Self)
            .map_err(|_| serde::de::Error::custom(format!("not a document id: {text:?}")))
    }
}

/// The kind of file a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`, `.markdown`), read as text.
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`), converted to text.
    Html,
    /// A PDF with a text layer, read page by page.
    Pdf,
    /// A Word document (`.docx`).
    Docx,
    /// A web page saved as one MIME archive (`.mht`, `.mhtml`).
    Mhtml,
    /// A saved RSS or Atom feed (`.rss`, `.atom`, `.xml`): one document per item.
    Feed,
}

impl Format {
    /// The format a file name's extension stands for, if Accord reads it.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            "mht" | "mhtml" => Some(Self::Mhtml),
            "rss" | "atom" | "xml" => Some(Self::Feed),
            _ => None,
        }
    }

    /// Whether the file is binary by nature (its bytes are not tested as text before its
    /// reader sees them).
    pub fn is_binary(self) -> bool {
        matches!(self, Self::Pdf | Self::Docx)
    }

    /// The format's name in messages ("PDF", "Word document").
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text file",
            Self::Markdown => "Markdown file",
            Self::Html => "web page",
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Mhtml => "web archive (MHTML)",
            Self::Feed => "news feed",
        }
    }
}

/// One place a document was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocPath {
    /// The folder (or bundled set) it was found through.
    pub source: SourceId,
    /// Full path on disk; for bundled seeds, `seeds/<name>`.
    pub path: PathBuf,
    /// Path relative to the folder that was opened (the file name for a single file).
    pub relative: String,
}

/// What the page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentMeta {
    /// The headline (not the site name or a site blurb).
    pub title: String,
    /// The publication date the page shows, if any; never guessed from the body.
    pub published: Option<PartialDate>,
    /// The outlet ("Nanjing Daily"), when the page names one.
    pub source: Option<String>,
    /// Reporter, correspondent and editor lines, when given.
    pub byline: Option<String>,
    /// Where the page was published on the web, when the file says (a canonical link, the
    /// address a browser saved it from, a feed item's link, PDF metadata).
    pub url: Option<String>,
    /// When the file was saved, when known.
    pub captured: Option<Captured>,
}

/// When a document was saved from the web (the "accessed" date of a citation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Captured {
    /// The day.
    pub date: PartialDate,
    /// Whether the day is the file's modification time rather than a date the file states
    /// (shown as such: a copied file's time says when it was copied).
    pub from_file_time: bool,
}

/// Where a page (of a PDF) or a part (a feed item, a Word section) starts in a document's
/// original text, so evidence can say "p. 3".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Part {
    /// Byte offset in [`Document::original`] where the part starts.
    pub start: usize,
    /// Its label as a citation gives it ("p. 3").
    pub label: String,
}

/// A run of the clean body copied verbatim from the original text.
///
/// The body is these runs joined by blank lines, so any offset in the body maps back to the
/// original by adding the run's shift; the viewer uses this to show either text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodySegment {
    /// Byte range in [`Document::body`].
    pub body: Range<usize>,
    /// Byte offset in [`Document::original`] where the same bytes start.
    pub original_start: usize,
}

/// Something that went wrong reading a file that was read all the same.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize)]
pub enum ReadWarning {
    /// Bytes that could not be decoded and show as U+FFFD (a truncated download, a damaged
    /// copy).
    #[error(
        "{} of this {encoding} file could not be decoded (shown as replacement marks); the file may be cut off or damaged",
        plural_bytes(*.bytes)
    )]
    UndecodableBytes {
        /// How many.
        bytes: usize,
        /// The encoding the rest was read in.
        encoding: &'static str,
    },
    /// Markup nested deeper than Accord follows: the tags below that depth were set aside and
    /// their text kept.
    #[error(
        "the page's markup is nested {depth} levels deep; tags below level {limit} were set aside (their text is kept)"
    )]
    NestingFlattened {
        /// How deep the markup went.
        depth: usize,
        /// The depth kept.
        limit: usize,
    },
    /// A file pasted together from parts in different encodings, each read in its own.
    #[error(
        "this file mixes text encodings ({}); each part was read in its own, so check the article for garbled passages",
        .encodings.join(", ")
    )]
    MixedEncodings {
        /// The encodings, in order of first use.
        encodings: Vec<&'static str>,
    },
    /// Pages of a PDF whose text could not be read (a damaged content stream or font); the
    /// other pages were.
    #[error(
        "page{} {} of this PDF could not be read; {} text is missing",
        if .pages.len() == 1 { "" } else { "s" },
        .pages.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        if .pages.len() == 1 { "its" } else { "their" }
    )]
    PagesUnread {
        /// The page numbers, from 1.
        pages: Vec<u32>,
    },
    /// An article opened from an extraction file whose own file is not where the extraction
    /// says: the body is the extraction's evidence sentences.
    #[error(
        "the article's text was not found at {}; only its evidence sentences are shown",
        .path.display()
    )]
    TextNotFound {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// An article opened from an extraction file whose own file is there but could not be
    /// read: the body is the extraction's evidence sentences.
    #[error(
        "the article's text at {} could not be read ({reason}); only its evidence sentences are shown",
        .path.display()
    )]
    TextUnreadable {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// An article whose text was given inline to `accord extract --stdin`: the extraction
    /// does not hold the text, so the body is its evidence sentences.
    #[error(
        "the article's text was given to `accord extract --stdin` and is not in the extraction file; only its evidence sentences are shown"
    )]
    TextGivenInline,
    /// An article opened from an extraction file whose own file has changed since: the text
    /// is today's, the events the extraction's (evidence no longer in the text is not marked).
    #[error(
        "the file {} has changed since the extraction was made; the events are the extraction's, and evidence no longer in the text is not marked",
        .path.display()
    )]
    TextChanged {
        /// The file.
        path: PathBuf,
    },
}

impl ReadWarning {
    /// Whether the document's text is missing, its body only the evidence an extraction
    /// file gave.
    pub fn means_text_missing(&self) -> bool {
        matches!(
            self,
            Self::TextNotFound { .. } | Self::TextUnreadable { .. } | Self::TextGivenInline
        )
    }
}

/// An encoding's name read back (from the library index) as the `'static` name Accord's
/// decoder gives: encoding_rs's canonical names, and "mixed"; anything else is "unknown".
pub fn static_encoding_name(name: &str) -> &'static str {
    match name {
        "mixed" => "mixed",
        _ => encoding_rs::Encoding::for_label(name.as_bytes())
            .map_or("unknown", encoding_rs::Encoding::name),
    }
}

/// [`ReadWarning`] as read back: encoding names as strings, made `'static` again by
/// [`static_encoding_name`].
#[derive(serde::Deserialize)]
enum StoredReadWarning {
    UndecodableBytes { bytes: usize, encoding: String },
    NestingFlattened { depth: usize, limit: usize },
    MixedEncodings { encodings: Vec<String> },
    PagesUnread { pages: Vec<u32> },
    TextNotFound { path: PathBuf },
    TextUnreadable { path: PathBuf, reason: String },
    TextGivenInline,
    TextChanged { path: PathBuf },
}

impl<'de> serde::Deserialize<'de> for ReadWarning {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <StoredReadWarning as serde::Deserialize>::deserialize(deserializer).map(Self::from)
    }
}

impl From<StoredReadWarning> for ReadWarning {
    fn from(stored: StoredReadWarning) -> Self {
        match stored {
            StoredReadWarning::UndecodableBytes { bytes, encoding } => Self::UndecodableBytes {
                bytes,
                encoding: static_encoding_name(&encoding),
            },
            StoredReadWarning::NestingFlattened { depth, limit } => {
                Self::NestingFlattened { depth, limit }
            }
            StoredReadWarning::MixedEncodings { encodings } => Self::MixedEncodings {
                encodings: encodings
                    .iter()
                    .map(|name| static_encoding_name(name))
                    .collect(),
            },
            StoredReadWarning::PagesUnread { pages } => Self::PagesUnread { pages },
            StoredReadWarning::TextNotFound { path } => Self::TextNotFound { path },
            StoredReadWarning::TextUnreadable { path, reason } => {
                Self::TextUnreadable { path, reason }
            }
            StoredReadWarning::TextGivenInline => Self::TextGivenInline,
            StoredReadWarning::TextChanged { path } => Self::TextChanged { path },
        }
    }
}

fn plural_bytes(bytes: usize) -> String {
    if bytes == 1 {
        "1 byte".to_owned()
    } else {
        format!("{bytes} bytes")
    }
}

/// A document that was read, decoded and cleaned.
#[derive(Clone, Debug)]
pub struct Document {
    /// Content hash; stable across renames and moves.
    pub id: DocumentId,
    /// What kind of file it came from.
    pub format: Format,
    /// Every place it was found (identical files share one document).
    pub paths: Vec<DocPath>,
    /// Name of the encoding it was decoded from ("UTF-8", "GBK", "Big5", …).
    pub encoding: &'static str,
    /// What went wrong reading the file, though it was read (shown as warnings).
    pub read_warnings: Vec<ReadWarning>,
    /// Title, date, source, byline.
    pub meta: DocumentMeta,
    /// The whole decoded text and the clean body cut from it: held, or set aside by the
    /// library (read back when shown).
    pub text: Text,
    /// How the body maps onto the original text.
    pub segments: Vec<BodySegment>,
    /// Pages or parts of the original, in order (empty for a file without pages).
    pub parts: Vec<Part>,
    /// Places, dates, events and people found in the body.
    pub extraction: Extraction,
}

impl Document {
    /// The path shown first for this document.
    pub fn primary_path(&self) -> Option<&DocPath> {
        self.paths.first()
    }

    /// Maps a byte offset in the clean body to the same byte in the original text.
    /// Offsets in the blank lines between paragraphs have no counterpart and give `None`; a
    /// paragraph's end offset is included, so ranges map as well as positions.
    pub fn body_to_original(&self, body_offset: usize) -> Option<usize> {
        let index = self
            .segments
            .partition_point(|segment| segment.body.end < body_offset);
        let segment = self.segments.get(index)?;
        (segment.body.start..=segment.body.end)
            .contains(&body_offset)
            .then(|| segment.original_start + (body_offset - segment.body.start))
    }

    /// The label of the page or part holding a byte of the clean body ("p. 3"), if the
    /// document has pages.
    pub fn part_at(&self, body_offset: usize) -> Option<&str> {
        let original = self.body_to_original(body_offset)?;
        let index = self.parts.partition_point(|part| part.start <= original);
        index
            .checked_sub(1)
            .and_then(|index| self.parts.get(index))
            .map(|part| part.label.as_str())
    }

    /// What the reader should know about how the file was read: bytes that could not be
    /// decoded ("3 bytes of this UTF-8 file could not be decoded …; the file may be cut off
    /// or damaged").
    pub fn warnings(&self) -> Vec<String> {
        self.read_warnings.iter().map(ToString::to_string).collect()
    }

    /// The paragraphs of the clean body, in order (none while the text is set aside).
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &str> {
        let body = self.body().unwrap_or_default();
        self.segments
            .iter()
            .filter_map(move |segment| body.get(segment.body.clone()))
    }

    /// The clean body, if its text is held.
    pub fn body(&self) -> Option<&str> {
        self.text.whole().map(|text| text.body.as_str())
    }

    /// The whole decoded text, if held.
    pub fn original(&self) -> Option<&str> {
        self.text.whole().map(|text| text.original.as_str())
    }

    /// Where evidence ranges are read: the body, or its evidence sentences once the text is
    /// set aside.
    pub fn evidence(&self) -> BodyRef<'_> {
        self.text.evidence()
    }

    /// Sets the text aside, keeping the evidence sentences of the events.
    pub fn set_text_aside(&mut self) {
        if let Text::Held(text) = &self.text {
            let excerpts = super::Excerpts::of_evidence(&text.body, &self.extraction);
            self.text = Text::SetAside(std::sync::Arc::new(excerpts));
        }
    }
}

/// Why a file was not loaded, in words a user understands.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// Not a format Accord reads.
    #[error("unsupported type{}", extension_note(.extension))]
    UnsupportedType {
        /// The file's extension, if it has one.
        extension: Option<String>,
    },
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Only spaces, line breaks, tabs, form feeds.
    #[error("the file holds only blank space")]
    Blank,
    /// A page whose markup holds no text outside scripts, styles and navigation.
    #[error("the page has no readable text (only markup, scripts or styles)")]
    NoText,
    /// Over the configured size limit.
    #[error("the file is too large ({})", size_beyond(*.size_bytes, *.limit_bytes))]
    TooLarge {
        /// The file's size.
        size_bytes: u64,
        /// The limit in force.
        limit_bytes: u64,
    },
    /// Bytes that are not text (NUL bytes, control characters, a known binary signature).
    #[error("not a text file (it contains binary data)")]
    Binary,
    /// No encoding decodes it cleanly.
    #[error("the text encoding could not be recognised")]
    UndetectableEncoding,
    /// Declared or detected as one encoding but not valid in it.
    #[error("the text is not valid {encoding}")]
    InvalidEncoding {
        /// The encoding that was tried.
        encoding: String,
    },
    /// The operating system refused to open it.
    #[error("permission denied: Accord may not read this file")]
    PermissionDenied,
    /// It was listed but was gone when Accord came to read it.
    #[error("the file or folder no longer exists (moved or deleted while loading)")]
    Vanished,
    /// A symbolic link that leads back into a folder being walked.
    #[error("a link loop: this link points back to {}", .target.display())]
    LinkLoop {
        /// The folder the link leads back to.
        target: PathBuf,
    },
    /// A link to a folder outside the folder being opened: not followed, so that a link to a
    /// parent (or to `/`) cannot make Accord read the whole disk.
    #[error(
        "a link that leaves the folder (to {}): not followed; open that folder itself to read it (on the command line: --follow-outside-links)",
        .target.display()
    )]
    LinkLeavesFolder {
        /// Where the link leads.
        target: PathBuf,
    },
    /// A symbolic link whose target does not exist.
    #[error("a broken link: its target does not exist")]
    BrokenLink,
    /// A device, pipe or socket; reading it could hang.
    #[error("not a regular file (a device, pipe or socket)")]
    NotRegularFile,
    /// Any other input/output error, with the system's words.
    #[error("could not be read: {0}")]
    Io(String),
    /// A PDF whose pages are images: there is no text to read.
    #[error("scanned PDF: no text layer (OCR it first)")]
    ScannedPdf,
    /// A file of a format Accord reads that its reader could not make sense of.
    #[error("could not read: damaged {format} ({detail})")]
    Damaged {
        /// The format's name ("PDF").
        format: &'static str,
        /// What was wrong, in the reader's words.
        detail: String,
    },
    /// A compressed file (or a part of it) that unpacks to more than Accord reads.
    #[error(
        "the file unpacks to more than {} MB (a compression bomb, or far larger than an article): not read",
        .limit_bytes / (1024 * 1024)
    )]
    UnpacksTooLarge {
        /// The limit in force.
        limit_bytes: u64,
    },
    /// The reader took longer than Accord waits for one file.
    #[error(
        "could not read: the {format} reader gave up after {seconds} s (the file may be damaged)"
    )]
    TimedOut {
        /// The format's name.
        format: &'static str,
        /// How long it was given.
        seconds: u64,
    },
    /// An `.xml` file that is not a news feed.
    #[error("not a news feed: an .xml file is read only when it is an RSS or Atom feed")]
    NotAFeed,
    /// A line (or list entry) of an extraction file that gives no article ("line 12: not
    /// JSON", "line 40: no `file`"); the other lines are read.
    #[error("{at}: {problem}")]
    BadRecord {
        /// Where in the file: "line 12", "document 3".
        at: String,
        /// What is wrong with it, in plain words.
        problem: String,
    },
}

fn extension_note(extension: &Option<String>) -> String {
    match extension {
        Some(extension) => format!(" (.{extension})"),
        None => " (no file extension)".to_owned(),
    }
}

/// "25.0 MB; the limit is 20.0 MB", or in bytes when a tenth of a megabyte cannot tell the two
/// apart ("20971521 bytes; the limit is 20971520 bytes", not "20.0 MB; the limit is 20.0 MB").
fn size_beyond(size: u64, limit: u64) -> String {
    let (size_mb, limit_mb) = (megabytes(size), megabytes(limit));
    if size_mb == limit_mb {
        format!("{size} bytes; the limit is {limit} bytes")
    } else {
        format!("{size_mb} MB; the limit is {limit_mb} MB")
    }
}

fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A file that was found but not loaded, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedFile {
    /// The folder it was found through.
    pub source: SourceId,
    /// Where it is.
    pub path: PathBuf,
    /// Why it was not loaded.
    pub reason: SkipReason,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document_with_segments(original: &str, runs: &[Range<usize>]) -> Document {
        let mut body = String::new();
        let mut segments = Vec::new();
        for run in runs {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let start = body.len();
            body.push_str(&original[run.clone()]);
            segments.push(BodySegment {
                body: start..body.len(),
                original_start: run.start,
            });
        }
        Document {
            id: DocumentId::of_text(original),
            format: Format::Text,
            paths: Vec::new(),
            encoding: "UTF-8",
            read_warnings: Vec::new(),
            meta: DocumentMeta::default(),
            text: Text::held(original.to_owned(), body),
            segments,
            parts: Vec::new(),
            extraction: Extraction::default(),
        }
    }

    #[test]
    fn body_offsets_map_back_to_the_original() {
        let original = "Menu\nFirst paragraph.\nShare\nSecond one.";
        let doc = document_with_segments(original, &[5..21, 28..39]);
        assert_eq!(doc.body(), Some("First paragraph.\n\nSecond one."));
        let second = doc.body().unwrap().find("Second").unwrap();
        let mapped = doc.body_to_original(second).unwrap();
        assert_eq!(&original[mapped..mapped + 6], "Second");
        assert_eq!(doc.body_to_original(0), Some(5));
        assert_eq!(doc.body_paragraphs().count(), 2);
    }

    #[test]
    fn ids_ignore_line_ending_style() {
        assert_eq!(DocumentId::of_text("a\r\nb"), DocumentId::of_text("a\nb"));
        assert_ne!(DocumentId::of_text("a\nb"), DocumentId::of_text("a\nc"));
    }

    #[test]
    fn skip_reasons_read_as_plain_words() {
        let reason = SkipReason::TooLarge {
            size_bytes: 25 * 1024 * 1024,
            limit_bytes: 20 * 1024 * 1024,
        };
        assert_eq!(
            reason.to_string(),
            "the file is too large (25.0 MB; the limit is 20.0 MB)"
        );
        // One byte over the limit: said in bytes, not "20.0 MB; the limit is 20.0 MB".
        let reason = SkipReason::TooLarge {
            size_bytes: 20 * 1024 * 1024 + 1,
            limit_bytes: 20 * 1024 * 1024,
        };
        assert_eq!(
            reason.to_string(),
            "the file is too large (20971521 bytes; the limit is 20971520 bytes)"
        );
        let reason = SkipReason::UnsupportedType {
            extension: Some("pdf".to_owned()),
        };
        assert_eq!(reason.to_string(), "unsupported type (.pdf)");
    }
}
