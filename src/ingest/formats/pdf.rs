//! Reading PDF files: the text layer of each page, laid out as lines and paragraphs, with
//! where each page starts ("p. 3") so evidence can name its page.
//!
//! `pdf-extract` (over `lopdf`) parses the file and walks each page's content stream, decoding
//! glyphs through the fonts' ToUnicode maps — Chinese CID fonts included — and hands us every
//! glyph with its position. Its own plain-text output cannot tell a paragraph break from a
//! line break, so we lay the glyphs out ourselves ([`DrawnPages`], [`page_text`]): lines from
//! baselines, paragraphs from the gaps between lines, and lines broken mid-sentence by the
//! layout joined again (without a space between Chinese characters).
//!
//! A PDF is untrusted input in three ways, each costing that file only:
//! - a parser that hangs: the whole read runs in [`bounded`] and is given up after
//!   [`READ_TIMEOUT`];
//! - a parser that panics: caught there, and around pdf-extract's walk over the pages, which
//!   then goes on page by page, so one bad page loses that page only
//!   ([`ReadWarning::PagesUnread`]);
//! - a flate or LZW bomb: `lopdf` inflates every stream in full with no limit, so before it
//!   sees the file, [`check_unpacked_size`] inflates each stream with a bounded decoder and
//!   refuses a file whose streams unpack to more than [`MAX_UNPACKED_BYTES`] together.

use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

use super::{FileHints, MAX_UNPACKED_BYTES, Markup, READ_TIMEOUT, Unpacked, bounded};
use crate::model::{Format, ReadWarning, SkipReason};

/// What [`Unpacked::encoding`] says for a PDF.
const ENCODING: &str = "PDF text layer";

/// Reads a PDF's text layer: one text for the file, its pages parted by blank lines and
/// labelled "p. N". A file without text on any page is a scan; one the parser rejects is
/// damaged.
pub fn read(bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason> {
    // The reading thread may outlive the wait for it, so it owns its copy of the bytes.
    let owned = bytes.to_vec();
    bounded(Format::Pdf, READ_TIMEOUT, move || {
        check_unpacked_size(&owned, MAX_UNPACKED_BYTES)?;
        read_text_layer(&owned).map(|unpacked| vec![unpacked])
    })
}

/// The reading itself, on the bounded thread.
fn read_text_layer(bytes: &[u8]) -> Result<Unpacked, SkipReason> {
    let mut document = Document::load_mem(bytes).map_err(|error| damaged(&error.to_string()))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(damaged("it is encrypted with a password"));
    }
    let page_numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    if page_numbers.is_empty() {
        return Err(damaged("it has no pages"));
    }
    let mut drawn = DrawnPages::default();
    // All pages in one walk (linear: pdf-extract's call for one page lists every page first).
    // pdf-extract stops at an error and panics on some malformed content streams and fonts;
    // then the rest is read page by page, so a bad page costs that page, not the file.
    let mut unread_pages = Vec::new();
    let walked = draws(|| pdf_extract::output_doc(&document, &mut drawn));
    if walked.is_err() {
        let done = drawn.pages.last().map_or(0, |(number, _)| *number);
        for &page_number in page_numbers.iter().filter(|&&number| number > done) {
            if drawn.too_large {
                break;
            }
            if unread_pages.is_empty() {
                // The page the walk stopped on.
                unread_pages.push(page_number);
                continue;
            }
            if draws(|| pdf_extract::output_doc_page(&document, &mut drawn, page_number)).is_err() {
                unread_pages.push(page_number);
            }
        }
    }
    if drawn.too_large {
        return Err(SkipReason::UnpacksTooLarge {
            limit_bytes: MAX_UNPACKED_BYTES,
        });
    }
    let mut text = String::new();
    let mut parts = Vec::new();
    for (page_number, page) in drawn.pages.iter().filter(|(_, page)| !page.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        parts.push((text.len(), format!("p. {page_number}")));
        text.push_str(page);
    }
    if text.is_empty() {
        return Err(if let Err(stopped) = walked {
            damaged(&format!("no page could be read: {stopped}"))
        } else {
            SkipReason::ScannedPdf
        });
    }
    let mut unpacked = Unpacked::new(text, Markup::Text, ENCODING);
    unpacked.parts = parts;
    unpacked.hints = info_hints(&document);
    if !unread_pages.is_empty() {
        unpacked.warnings.push(ReadWarning::PagesUnread {
            pages: unread_pages,
        });
    }
    Ok(unpacked)
}

/// Runs a pdf-extract walk; what stopped it, if an error or a panic did (pdf-extract panics
/// on fonts it does not support, such as a CJK font under a predefined CMap other than
/// Identity-H: "unsupported encoding GBK-EUC-H").
fn draws(walk: impl FnOnce() -> Result<(), OutputError>) -> Result<(), String> {
    match catch_unwind(AssertUnwindSafe(walk)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| {
                panic
                    .downcast_ref::<&str>()
                    .map(|message| (*message).to_owned())
            })
            .unwrap_or_else(|| "its reader failed".to_owned())),
    }
}

fn damaged(detail: &str) -> SkipReason {
    // lopdf's messages are short and plain ("failed parsing cross reference table"); a long
    // one is cut so the ingest report stays readable.
    let detail: String = detail.chars().take(120).collect();
    SkipReason::Damaged {
        format: "PDF",
        detail,
    }
}

// Metadata.

/// Title and address hints from the Info dictionary. A title that is only the name of the
/// file the PDF was printed from ("Microsoft Word - report.doc") is no headline.
fn info_hints(document: &Document) -> FileHints {
    let mut hints = FileHints::default();
    let Some(info) = document
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|info| document.dereference(info).ok())
        .and_then(|(_, info)| info.as_dict().ok())
    else {
        return hints;
    };
    let text_of = |key: &[u8]| -> Option<String> {
        match document.dereference(info.get(key).ok()?).ok()?.1 {
            Object::String(bytes, _) => Some(text_string(bytes).trim().to_owned()),
            _ => None,
        }
    };
    if let Some(title) = text_of(b"Title").filter(|title| is_headline(title)) {
        hints.titles.push(title);
    }
    // No key is standard for the address a page was saved from; these are the ones tools
    // write. The Subject counts only when it is an address.
    hints.url = [&b"URL"[..], b"URI", b"SourceURL", b"Source", b"Subject"]
        .into_iter()
        .filter_map(text_of)
        .find(|value| {
            (value.starts_with("https://") || value.starts_with("http://"))
                && !value.contains(char::is_whitespace)
        });
    hints
}

/// A PDF text string: UTF-16BE after its byte-order mark, UTF-8 after its own (PDF 2.0),
/// else PDFDocEncoding, read as Latin-1 (they differ only in rarely used symbols); bytes
/// that are valid UTF-8 without a mark are taken as UTF-8, as some producers write them.
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&byte| char::from(byte)).collect(),
    }
}

/// Whether an Info title can be a headline: not empty, not "untitled", not a file name.
fn is_headline(title: &str) -> bool {
    const FILE_ENDINGS: [&str; 16] = [
        ".doc", ".docx", ".pdf", ".rtf", ".odt", ".wps", ".txt", ".htm", ".html", ".indd", ".xls",
        ".xlsx", ".ppt", ".pptx", ".tmp", ".tex",
    ];
    let lower = title.to_lowercase();
    title.chars().any(char::is_alphabetic)
        && !lower.starts_with("microsoft ")
        && !matches!(
            lower.as_str(),
            "untitled"
                | "untitled document"
                | "title"
                | "无标题"
                | "无标题文档"
                | "标题"
                | "未命名"
        )
        && !FILE_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

// Layout.

/// One glyph as the page draws it, in PDF units (y grows upwards).
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    /// The baseline.
    y: f64,
    /// Where the glyph's advance ends.
    end_x: f64,
    /// The font size as drawn (after the text and page transforms).
    size: f64,
    text: String,
}

/// How many glyphs one page may draw: far beyond any page of text (a dense page holds some
/// 5,000), far below what would exhaust memory.
const MAX_GLYPHS_PER_PAGE: usize = 1_000_000;

/// Collects each page's glyphs in the order its content stream draws them, which is the
/// reading order of nearly every single-column article, and lays the page out as it ends, so
/// only one page's glyphs are held at a time.
#[derive(Default)]
struct DrawnPages {
    /// The pages laid out, with their numbers.
    pages: Vec<(u32, String)>,
    /// The page being drawn, while it is.
    page_number: Option<u32>,
    glyphs: Vec<Glyph>,
    text_bytes: usize,
    /// A page drew more glyphs than [`MAX_GLYPHS_PER_PAGE`], or the text grew past
    /// [`MAX_UNPACKED_BYTES`]: the walk was stopped.
    too_large: bool,
}

impl DrawnPages {
    fn stop_too_large(&mut self) -> Result<(), OutputError> {
        self.too_large = true;
        Err(OutputError::IoError(std::io::Error::other(
            "the text is larger than Accord reads",
        )))
    }
}

impl OutputDev for DrawnPages {
    fn begin_page(
        &mut self,
        page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_number = Some(page_num);
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let Some(page_number) = self.page_number.take() else {
            return Ok(());
        };
        let text = page_text(&self.glyphs);
        self.glyphs.clear();
        self.text_bytes += text.len();
        if self.text_bytes as u64 > MAX_UNPACKED_BYTES {
            return self.stop_too_large();
        }
        self.pages.push((page_number, text));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The drawn size: the side of the square with the area of the transformed
        // size-by-size box, as pdf-extract's own text output measures it.
        let across = font_size * (trm.m11 + trm.m21);
        let up = font_size * (trm.m12 + trm.m22);
        let size = (across * up).abs().sqrt();
        let x = trm.m31;
        if self.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
            return self.stop_too_large();
        }
        self.glyphs.push(Glyph {
            x,
            y: trm.m32,
            end_x: x + width * size,
            size,
            text: char.to_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// One line of a page.
#[derive(Debug)]
struct Line {
    text: String,
    /// Where it starts and ends across the page.
    x: f64,
    end_x: f64,
    /// Its baseline.
    y: f64,
    /// Its largest glyph.
    size: f64,
}

/// A page's text: lines from the glyphs, paragraphs separated by a blank line.
fn page_text(glyphs: &[Glyph]) -> String {
    let lines = lines_of(glyphs);
    let pitch = line_pitch(&lines);
    let right_edge = lines.iter().map(|line| line.end_x).fold(f64::MIN, f64::max);
    let mut text = String::new();
    let mut previous: Option<&Line> = None;
    for line in &lines {
        if let Some(above) = previous {
            if starts_paragraph(above, line, pitch, right_edge) {
                text.push_str("\n\n");
            } else if joins_without_space(&above.text, &line.text) {
                // Chinese, or a word broken at a hyphen: nothing between.
            } else {
                text.push(' ');
            }
        }
        text.push_str(&line.text);
        previous = Some(line);
    }
    text
}

/// Groups glyphs into lines: a glyph that goes down a line (or back to the left and down
/// half a line) starts a new one, as a reader's eye does; a raised footnote mark does not.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut last: Option<&Glyph> = None;
    for glyph in glyphs {
        let blank = glyph.text.trim().is_empty();
        let new_line = match last {
            None => true,
            Some(last) => {
                let drop = (glyph.y - last.y).abs();
                let size = glyph.size.max(last.size).max(f64::EPSILON);
                drop > size * 1.5 || (glyph.x < last.end_x && drop > size * 0.5)
            }
        };
        if new_line {
            if blank {
                continue;
            }
            lines.push(Line {
                text: String::new(),
                x: glyph.x,
                end_x: glyph.end_x,
                y: glyph.y,
                size: glyph.size,
            });
        }
        let Some(line) = lines.last_mut() else {
            continue;
        };
        if let Some(last) = last.filter(|_| !new_line) {
            let gap = glyph.x - last.end_x;
            let both_chinese = ends_in_cjk(&line.text) && starts_with_cjk(&glyph.text);
            let space_width = if both_chinese { 0.6 } else { 0.1 } * glyph.size;
            if gap > space_width && !line.text.ends_with(' ') && !blank {
                line.text.push(' ');
            }
        }
        if blank {
            if !line.text.is_empty() && !line.text.ends_with(' ') {
                line.text.push(' ');
            }
        } else {
            push_unligatured(&mut line.text, &glyph.text);
            line.end_x = line.end_x.max(glyph.end_x);
            line.size = line.size.max(glyph.size);
        }
        last = Some(glyph);
    }
    for line in &mut lines {
        let trimmed = line.text.trim_end().len();
        line.text.truncate(trimmed);
    }
    lines.retain(|line| !line.text.is_empty());
    lines
}

/// Appends a glyph's text with typographic ligatures ("ﬁ", "ﬂ") spelt out, so words match.
fn push_unligatured(text: &mut String, glyph: &str) {
    for c in glyph.chars() {
        match c {
            'ﬀ' => text.push_str("ff"),
            'ﬁ' => text.push_str("fi"),
            'ﬂ' => text.push_str("fl"),
            'ﬃ' => text.push_str("ffi"),
            'ﬄ' => text.push_str("ffl"),
            'ﬅ' | 'ﬆ' => text.push_str("st"),
            _ => text.push(c),
        }
    }
}

/// The page's usual distance from one baseline to the next within a paragraph, in font
/// sizes (so a headline's lines, set larger, are measured alike): the smallest step down
/// between lines, since paragraphs' gaps only add to it.
fn line_pitch(lines: &[Line]) -> Option<f64> {
    lines
        .windows(2)
        .map(|pair| (pair[0].y - pair[1].y) / pair[0].size.max(pair[1].size).max(f64::EPSILON))
        .filter(|&step| (0.8..=3.0).contains(&step))
        .min_by(f64::total_cmp)
}

/// Whether `line` opens a paragraph rather than continuing the one `above` is in: a wider
/// gap than the page's line pitch, a jump up (a new column or block), another font size
/// (a headline over its story), or a sentence that ends short of the right edge or is
/// followed by an indented line.
fn starts_paragraph(above: &Line, line: &Line, pitch: Option<f64>, right_edge: f64) -> bool {
    let step = above.y - line.y;
    let size = above.size.max(line.size);
    if step <= 0.0 {
        return true;
    }
    if step > size * pitch.map_or(2.0, |pitch| pitch * 1.3) {
        return true;
    }
    if (above.size - line.size).abs() > size * 0.15 {
        return true;
    }
    ends_a_sentence(&above.text)
        && (above.end_x < right_edge - size * 3.0 || line.x > above.x + size)
}

/// Whether a line ends a sentence (a closing quote or bracket after the mark counts).
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', '）', '」', '』'])
        .ends_with(['.', '!', '?', ':', ';', '。', '！', '？', '：', '；', '…'])
}

/// Whether two lines of one paragraph join with nothing between them: Chinese on either side
/// of the break (Chinese has no spaces), or a word broken at a hyphen.
fn joins_without_space(above: &str, below: &str) -> bool {
    ends_in_cjk(above)
        || starts_with_cjk(below)
        || above.ends_with('-')
            && above.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && below.starts_with(char::is_lowercase)
}

fn ends_in_cjk(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_cjk)
}

fn starts_with_cjk(text: &str) -> bool {
    text.chars().next().is_some_and(is_cjk)
}

/// Chinese characters and the full-width punctuation set among them.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3134F}')
}

// The bomb check.

/// How far before a stream's data its dictionary is looked for (its `/Filter`).
const DICTIONARY_LOOKBACK_BYTES: usize = 1024;

/// Refuses a PDF whose streams unpack to more than `limit_bytes` together, before `lopdf`
/// (which inflates every stream it reads in full, with no limit) is given it.
///
/// Each `stream … endstream` is inflated with a bounded decoder that stops at the budget
/// left: LZW when the dictionary before it names `LZWDecode`, else flate (zlib, then raw
/// deflate as lopdf retries); data that is neither (images, fonts stored plain) counts as
/// nothing. One pass over the file, skipping each stream's data once read, so the check is
/// linear in the file. Not seen through: a flate stream under another filter first
/// (`[/ASCII85Decode /FlateDecode]`); the read timeout still bounds those.
fn check_unpacked_size(bytes: &[u8], limit_bytes: u64) -> Result<(), SkipReason> {
    let mut budget = limit_bytes;
    let mut position = 0;
    let mut after_last_stream = 0;
    while let Some(found) = memchr::memmem::find(&bytes[position..], b"stream") {
        let keyword = position + found;
        position = keyword + b"stream".len();
        if bytes[..keyword].ends_with(b"end") {
            continue;
        }
        let data_start = match bytes.get(position..) {
            Some([b'\r', b'\n', ..]) => position + 2,
            Some([b'\n' | b'\r', ..]) => position + 1,
            _ => continue,
        };
        let dictionary = &bytes
            [after_last_stream.max(keyword.saturating_sub(DICTIONARY_LOOKBACK_BYTES))..keyword];
        let rest = &bytes[data_start..];
        let data_len = memchr::memmem::find(rest, b"endstream").unwrap_or(rest.len());
        let data = &rest[..data_len];
        let unpacked = if memchr::memmem::find(dictionary, b"LZW").is_some() {
            lzw_unpacked_bytes(data, budget)
        } else {
            flate_unpacked_bytes(data, budget)
        };
        budget = budget
            .checked_sub(unpacked)
            .ok_or(SkipReason::UnpacksTooLarge { limit_bytes })?;
        position = data_start + data_len;
        after_last_stream = position;
    }
    Ok(())
}

/// How many bytes a flate stream inflates to, counting no further than `limit + 1`.
fn flate_unpacked_bytes(data: &[u8], limit: u64) -> u64 {
    let zlib = count_read(flate2::read::ZlibDecoder::new(data), limit);
    if zlib > 0 {
        return zlib;
    }
    data.get(2..).map_or(0, |raw| {
        count_read(flate2::read::DeflateDecoder::new(raw), limit)
    })
}

/// Reads `reader` to its end, an error or past `limit`, whichever comes first, counting.
fn count_read(mut reader: impl Read, limit: u64) -> u64 {
    let mut buffer = [0_u8; 64 * 1024];
    let mut total = 0_u64;
    while total <= limit {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => total += read as u64,
        }
    }
    total
}

/// How many bytes an LZW stream decodes to, counting no further than `limit + 1`.
fn lzw_unpacked_bytes(data: &[u8], limit: u64) -> u64 {
    let mut counter = CountingSink {
        bytes: 0,
        limit_bytes: limit,
    };
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    // The sink refuses writes past the limit, which ends the decoding; a damaged stream ends
    // it too. Either way the count so far is what we want.
    let _ = decoder.into_stream(&mut counter).decode_all(data);
    counter.bytes
}

/// A writer that counts and keeps nothing, and fails once past its limit.
struct CountingSink {
    bytes: u64,
    limit_bytes: u64,
}

impl Write for CountingSink {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.bytes += buffer.len() as u64;
        if self.bytes > self.limit_bytes {
            return Err(std::io::Error::other("over the limit"));
        }
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocPath, SourceId};

    fn test_file(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/formats")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    }

    fn only(result: Result<Vec<Unpacked>, SkipReason>) -> Unpacked {
        let mut texts = result.unwrap_or_else(|reason| panic!("not read: {reason}"));
        assert_eq!(texts.len(), 1);
        texts.remove(0)
    }

    fn page_of(unpacked: &Unpacked, needle: &str) -> Option<String> {
        let at = unpacked.text.find(needle)?;
        unpacked
            .parts
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .map(|(_, label)| label.clone())
    }

    #[test]
    fn english_pages_come_as_paragraphs_with_their_page_starts() {
        let unpacked = only(read(&test_file("en.pdf")));
        assert_eq!(unpacked.markup, Markup::Text);
        assert_eq!(unpacked.encoding, ENCODING);
        let labels: Vec<&str> = unpacked
            .parts
            .iter()
            .map(|(_, label)| label.as_str())
            .collect();
        assert_eq!(labels, ["p. 1", "p. 2", "p. 3"]);
        assert_eq!(unpacked.parts[0].0, 0);
        // The headline is its own paragraph; a sentence broken over two lines is one again.
        assert!(
            unpacked.text.starts_with(
                "Yangtze River Delta Cities Deepen Cooperation\n\nBy a staff reporter\n\n"
            ),
            "{}",
            unpacked.text
        );
        let event = "On 5 March 2024, Nanjing's Jiangning District and Suzhou Industrial Park \
                     signed a cooperation agreement on advanced manufacturing and technology \
                     transfer in Nanjing.\n\nUnder the agreement";
        assert!(unpacked.text.contains(event), "{}", unpacked.text);
        assert_eq!(page_of(&unpacked, "On 5 March").as_deref(), Some("p. 2"));
        // Pages are parted by a blank line.
        let page_2 = unpacked.parts[1].0;
        assert!(unpacked.text[..page_2].ends_with("talent programmes.\n\n"));
        assert_eq!(
            unpacked.hints.titles,
            ["Yangtze River Delta Cities Deepen Cooperation"]
        );
        assert_eq!(
            unpacked.hints.url.as_deref(),
            Some("https://example.org/news/2024/03/05/jiangning-suzhou.html")
        );
    }

    #[test]
    fn chinese_text_comes_through_the_fonts_tounicode_map_and_joins_without_spaces() {
        let unpacked = only(read(&test_file("zh.pdf")));
        assert!(
            unpacked
                .text
                .starts_with("长三角一体化合作签约仪式在南京举行\n\n"),
            "{}",
            unpacked.text
        );
        assert!(
            unpacked.text.contains(
                "2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。双方将在产业协同、\
                 科技创新、人才交流等领域开展深度合作，推动区域高质量发展。"
            ),
            "{}",
            unpacked.text
        );
        assert_eq!(page_of(&unpacked, "2024年3月5日").as_deref(), Some("p. 2"));
        assert_eq!(
            unpacked.hints.titles,
            ["长三角一体化合作签约仪式在南京举行"]
        );
    }

    #[test]
    fn a_chinese_pdfs_event_is_found_and_its_evidence_names_page_2() {
        let path = DocPath {
            source: SourceId(0),
            path: std::path::PathBuf::from("zh.pdf"),
            relative: "zh.pdf".to_owned(),
        };
        let documents = crate::ingest::read_documents(&test_file("zh.pdf"), Format::Pdf, path)
            .unwrap_or_else(|reason| panic!("not read: {reason}"));
        let document = &documents[0];
        let event = document
            .extraction
            .events
            .first()
            .unwrap_or_else(|| panic!("no event in {}", document.body().unwrap()));
        let evidence = event
            .evidence
            .first()
            .unwrap_or_else(|| panic!("no evidence for {event:?}"));
        assert_eq!(document.part_at(evidence.start), Some("p. 2"));
    }

    #[test]
    fn a_pdf_of_images_only_is_a_scan() {
        assert_eq!(read(&test_file("scanned.pdf")), Err(SkipReason::ScannedPdf));
    }

    #[test]
    fn a_damaged_pdf_is_reported_not_panicked_on() {
        assert!(matches!(
            read(&test_file("damaged.pdf")),
            Err(SkipReason::Damaged { format: "PDF", .. })
        ));
        assert!(matches!(
            read(b"%PDF-1.7"),
            Err(SkipReason::Damaged { format: "PDF", .. })
        ));
        assert!(matches!(
            read(b""),
            Err(SkipReason::Damaged { format: "PDF", .. })
        ));
    }

    #[test]
    fn a_font_pdf_extract_cannot_read_is_named_in_the_damage() {
        // A Chinese font left to the reader under a predefined CMap (UniGB-UCS2-H), which
        // pdf-extract does not support: reported with its words, not as a scan.
        let reason = read(&test_file("zh-predefined-cmap.pdf"));
        assert!(
            matches!(&reason, Err(SkipReason::Damaged { format: "PDF", detail }) if detail.contains("UniGB-UCS2-H")),
            "{reason:?}"
        );
    }

    #[test]
    fn a_flate_bomb_is_refused_before_it_is_parsed() {
        use flate2::{Compression, write::ZlibEncoder};
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        let zeros = vec![0_u8; 1024 * 1024];
        for _ in 0..8 {
            encoder.write_all(&zeros).unwrap_or_default();
        }
        let bomb = encoder.finish().unwrap_or_default();
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&bomb);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(
            check_unpacked_size(&pdf, 4 * 1024 * 1024),
            Err(SkipReason::UnpacksTooLarge {
                limit_bytes: 4 * 1024 * 1024
            })
        );
        assert_eq!(check_unpacked_size(&pdf, 16 * 1024 * 1024), Ok(()));
        assert_eq!(
            check_unpacked_size(&test_file("zh.pdf"), 1024 * 1024),
            Ok(())
        );
    }

    /// Glyphs for `text` set from `x` on baseline `y`, each half its size wide.
    fn set(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(index, c)| {
                let x = x + index as f64 * size * 0.5;
                Glyph {
                    x,
                    y,
                    end_x: x + size * 0.5,
                    size,
                    text: c.to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn a_headline_set_large_on_two_lines_stays_one_paragraph_over_its_story() {
        let glyphs = [
            set(
                "Trace-based Type Specialization for Dynamic",
                50.0,
                700.0,
                18.0,
            ),
            set("Languages", 50.0, 678.0, 18.0),
            set("Dynamic languages are more difﬁcult to", 50.0, 640.0, 10.0),
            set("compile than static ones.", 50.0, 628.0, 10.0),
            set("A second paragraph.", 50.0, 604.0, 10.0),
        ]
        .concat();
        assert_eq!(
            page_text(&glyphs),
            "Trace-based Type Specialization for Dynamic Languages\n\n\
             Dynamic languages are more difficult to compile than static ones.\n\n\
             A second paragraph."
        );
    }

    #[test]
    fn pages_that_could_not_be_read_are_named_in_the_warning() {
        let one = ReadWarning::PagesUnread { pages: vec![3] }.to_string();
        assert_eq!(
            one,
            "page 3 of this PDF could not be read; its text is missing"
        );
        let two = ReadWarning::PagesUnread { pages: vec![3, 5] }.to_string();
        assert!(two.starts_with("pages 3, 5 of this PDF"), "{two}");
    }

    #[test]
    fn a_title_that_names_the_printed_file_is_no_headline() {
        assert!(!is_headline("Microsoft Word - 合作协议.doc"));
        assert!(!is_headline("report-final.pdf"));
        assert!(!is_headline("  "));
        assert!(is_headline("长三角一体化合作签约仪式在南京举行"));
        assert_eq!(text_string(b"\xFE\xFF\x4E\x2D\x65\x87"), "中文");
        assert_eq!(text_string(b"Caf\xE9"), "Café");
    }
}
