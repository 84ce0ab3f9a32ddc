//! One reader per file format, behind one interface: a file's bytes in, one or more
//! [`Unpacked`] texts out (a feed holds many articles), each with what the file says about it
//! (title, date, outlet, address, when it was saved) and where its pages start.
//!
//! Decoding bytes to text is the text reader's business ([`text`]): a binary format reaches its
//! own reader untouched. What follows the readers — converting markup, cleaning, extraction —
//! is the same for every format (`super::read_documents`).
//!
//! To add a format: a variant of [`Format`] with its extensions, a module here with
//! `fn read(bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason>`, a line in [`unpack`], test
//! files made by a script in `tools/`, and a fuzz target in `fuzz/`.

mod docx;
mod feed;
mod mhtml;
mod pdf;
mod text;
mod xml;

#[cfg(test)]
pub use text::holds_markup;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use crate::model::{Format, ReadWarning, SkipReason};

/// What the text of an [`Unpacked`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Plain text, paragraphs separated by line breaks.
    Text,
    /// Markdown, read as text (`# ` lines are headings).
    Markdown,
    /// A web page's markup, converted to text afterwards.
    Html,
}

/// What a file says about a text beside the text itself. Every field is as the file states
/// it; the cleaning stage checks titles and dates against the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileHints {
    /// Headline candidates, best first; ahead of those the page's markup gives.
    pub titles: Vec<String>,
    /// Headline candidates weaker than the page's own markup, tried after them: an MHTML
    /// `Subject:`, which a browser copies from the page's `<title>` (site name and all).
    pub titles_after_page: Vec<String>,
    /// A publication date as written ("2026-03-05", "Tue, 05 Mar 2026 08:00:00 +0800").
    pub published: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The address it was published at.
    pub url: Option<String>,
    /// When the file was saved, as written (an MHTML `Date:` header, a SingleFile header).
    pub captured: Option<String>,
}

/// One text a reader found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    /// The text (or markup, see [`Self::markup`]).
    pub text: String,
    /// What the text is.
    pub markup: Markup,
    /// The encoding the text was decoded from ("UTF-8", "GBK", "PDF text layer").
    pub encoding: &'static str,
    /// What went wrong reading it, though it was read.
    pub warnings: Vec<ReadWarning>,
    /// What the file says about it.
    pub hints: FileHints,
    /// Where pages start in [`Self::text`] (byte offset, label "p. 3"); only for
    /// [`Markup::Text`], whose text becomes the document's original as it is.
    pub parts: Vec<(usize, String)>,
    /// The item's label when a file holds several ("item 3"), for its path.
    pub item: Option<String>,
}

impl Unpacked {
    /// A text with nothing known about it but its markup and encoding.
    pub fn new(text: String, markup: Markup, encoding: &'static str) -> Self {
        Self {
            text,
            markup,
            encoding,
            warnings: Vec::new(),
            hints: FileHints::default(),
            parts: Vec::new(),
            item: None,
        }
    }
}

/// How much a compressed file may unpack to (a Word document's XML, a PDF's streams): far
/// beyond any article, far below what would exhaust memory.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// How long one file's reader may take before the file is given up on.
pub const READ_TIMEOUT: Duration = Duration::from_secs(20);

/// Reads `bytes` as `format`. A reader that panics on a malformed file costs that file only:
/// the panic is caught and reported as a damaged file.
pub fn unpack(bytes: &[u8], format: Format) -> Result<Vec<Unpacked>, SkipReason> {
    let read = || match format {
        Format::Text | Format::Markdown | Format::Html => text::read(bytes, format),
        Format::Pdf => pdf::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Mhtml => mhtml::read(bytes),
        Format::Feed => feed::read(bytes),
    };
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(SkipReason::Damaged {
            format: format.name(),
            detail: "its reader failed on it".to_owned(),
        })
    })
}

/// Runs `read` on its own thread and gives up after `timeout`, for a parser that cannot be
/// interrupted: a file that would hang it costs the wait and that file only. The abandoned
/// thread runs on until the parser returns; it holds only its own copy of the bytes.
pub fn bounded<T: Send + 'static>(
    format: Format,
    timeout: Duration,
    read: impl FnOnce() -> Result<T, SkipReason> + Send + 'static,
) -> Result<T, SkipReason> {
    let (send, receive) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(format!("accord-read-{}", format.name()))
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
                Err(SkipReason::Damaged {
                    format: format.name(),
                    detail: "its reader failed on it".to_owned(),
                })
            });
            // The receiver may have given up waiting: nothing to do then.
            let _ = send.send(result);
        });
    if let Err(error) = spawned {
        return Err(SkipReason::Io(error.to_string()));
    }
    match receive.recv_timeout(timeout) {
        Ok(result) => result,
        Err(_) => Err(SkipReason::TimedOut {
            format: format.name(),
            seconds: timeout.as_secs(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_that_hangs_or_panics_costs_its_file_only() {
        let slow = bounded(Format::Pdf, Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5));
            Ok(())
        });
        assert!(matches!(
            slow,
            Err(SkipReason::TimedOut { format: "PDF", .. })
        ));
        let panicking: Result<(), SkipReason> =
            bounded(Format::Pdf, Duration::from_secs(5), || panic!("bad xref"));
        assert!(matches!(
            panicking,
            Err(SkipReason::Damaged { format: "PDF", .. })
        ));
    }
}
