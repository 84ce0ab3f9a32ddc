//! Web archives (`.mht`, `.mhtml`): a page and its resources saved as one MIME message
//! (RFC 2557), as Chrome, Edge and Internet Explorer write them.
//!
//! The page is the archive's first `text/html` part (or the part the `start` parameter of
//! `multipart/related` names). Its bytes are undone from quoted-printable or base64 and then
//! decoded like any saved page, charset and all, at the one decoding edge
//! (`crate::ingest::decode`). The archive's headers say what the page's markup may not: the
//! address it was saved from (`Content-Location`), when (`Date:`), and its title (`Subject:`).
//!
//! A small parser of our own rather than a MIME crate (`mail-parser`, Apache-2.0 OR MIT, would
//! have done): an archive needs a sliver of MIME (headers, one or two levels of parts, two
//! transfer encodings, encoded words in the subject), a mail crate decodes a part's charset
//! itself where we want the bytes for our own decoding, and a few hundred lines of our own are
//! easier to keep linear in the input and free of panics on any bytes than a general mail
//! parser's corner cases. Everything is bounded by the file: decoding only shrinks the bytes,
//! header values and nesting are capped.

use encoding_rs::Encoding;

use super::{Markup, Unpacked, text};
use crate::ingest::{decode, html, provenance};
use crate::model::{Format, SkipReason};

/// How deep `multipart` parts inside parts are followed. Browsers write one level
/// (`multipart/related`); a page with frames or an alternative text part may add one more.
const MAX_MULTIPART_DEPTH: usize = 4;

/// Longest header value kept; the rest is dropped. Real values (a long address, a folded
/// subject) are a few hundred bytes.
const MAX_HEADER_VALUE_BYTES: usize = 16 * 1024;

/// Longest encoded word (`=?charset?B?…?=`) looked for: RFC 2047 allows 75 characters; some
/// writers exceed it, none by this much.
const MAX_ENCODED_WORD_BYTES: usize = 1024;

/// How many header fields of one header block are kept.
const MAX_HEADER_FIELDS: usize = 256;

/// Reads the page out of a web archive.
pub fn read(bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .ok_or(SkipReason::Blank)?;
    // A page saved under an archive's name (some tools do): read as the page it is.
    if bytes[start] == b'<' {
        return text::read(bytes, Format::Html);
    }
    let (root, body_start) = Headers::parse(&bytes[start..]);
    if root.fields.is_empty() {
        return Err(damaged("it does not start with MIME headers"));
    }
    let Some(content_type) = root.get("content-type") else {
        return Err(damaged("it has no Content-Type header"));
    };
    let content_type = ContentType::parse(content_type);
    let body = &bytes[start + body_start..];
    let page = find_page(&root, &content_type, body, 0)?;

    let unpacked = page.body_bytes();
    let declared = page
        .content_type
        .param("charset")
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| html::declared_charset(&unpacked));
    let decoded = decode(&unpacked, declared).map_err(|reason| match reason {
        SkipReason::Empty | SkipReason::Blank => damaged("its page part is empty"),
        other => other,
    })?;
    let warnings = text::decode_warnings(&decoded);
    let mut result = Unpacked::new(decoded.text, Markup::Html, decoded.encoding);
    result.warnings = warnings;
    // The page part's own address first: the root's is where the archive as a whole came
    // from, the same page for a browser's archive.
    result.hints.url = [
        page.headers.get("content-location"),
        root.get("snapshot-content-location"),
        root.get("content-location"),
    ]
    .into_iter()
    .flatten()
    // A long address may be folded over lines (RFC 2557 §4.4): its white space is not part
    // of it.
    .find_map(|value| provenance::web_address(&value.split_whitespace().collect::<String>()));
    result.hints.captured = root.get("date").and_then(provenance::written_date);
    // Browsers copy the page's <title> into the subject; the page's own headline comes first.
    result.hints.titles_after_page = root
        .get("subject")
        .map(|subject| collapse(&decode_encoded_words(subject)))
        .filter(|subject| !subject.is_empty())
        .into_iter()
        .collect();
    Ok(vec![result])
}

fn damaged(detail: &str) -> SkipReason {
    SkipReason::Damaged {
        format: Format::Mhtml.name(),
        detail: detail.to_owned(),
    }
}

/// The part that holds the page, with its headers.
struct Part<'a> {
    headers: Headers,
    content_type: ContentType,
    body: &'a [u8],
}

impl Part<'_> {
    /// The part's bytes with its transfer encoding undone.
    fn body_bytes(&self) -> Vec<u8> {
        match self
            .headers
            .get("content-transfer-encoding")
            .map(|encoding| encoding.trim().to_ascii_lowercase())
            .as_deref()
        {
            Some("quoted-printable") => decode_quoted_printable(self.body),
            Some("base64") => decode_base64(self.body),
            _ => self.body.to_vec(),
        }
    }
}

/// Finds the page in a message or part whose headers and content type are given: itself when
/// it is `text/html`, else the part a `multipart` names by its `start` parameter, else its
/// first `text/html` part (looked for in nested parts too).
fn find_page<'a>(
    headers: &Headers,
    content_type: &ContentType,
    body: &'a [u8],
    depth: usize,
) -> Result<Part<'a>, SkipReason> {
    if content_type.mime == "text/html" {
        return Ok(Part {
            headers: headers.clone(),
            content_type: content_type.clone(),
            body,
        });
    }
    if !content_type.mime.starts_with("multipart/") {
        return Err(damaged("it holds no web page (no text/html part)"));
    }
    if depth >= MAX_MULTIPART_DEPTH {
        return Err(damaged("its parts are nested too deeply"));
    }
    let Some(boundary) = content_type.param("boundary").filter(|b| !b.is_empty()) else {
        return Err(damaged("its multipart body has no boundary"));
    };
    let start_id = content_type
        .param("start")
        .map(|id| id.trim().trim_matches(['<', '>']).to_owned());
    let mut first_page = None;
    let mut any_part = false;
    for part in parts(body, boundary.as_bytes()) {
        any_part = true;
        let (part_headers, body_start) = Headers::parse(part);
        let part_type = ContentType::parse(part_headers.get("content-type").unwrap_or_default());
        let part_body = &part[body_start.min(part.len())..];
        let named_start = start_id.as_deref().is_some_and(|start| {
            part_headers
                .get("content-id")
                .is_some_and(|id| id.trim().trim_matches(['<', '>']) == start)
        });
        if named_start {
            if let Ok(page) = find_page(&part_headers, &part_type, part_body, depth + 1) {
                return Ok(page);
            }
        } else if first_page.is_none()
            && (part_type.mime == "text/html" || part_type.mime.starts_with("multipart/"))
            && let Ok(page) = find_page(&part_headers, &part_type, part_body, depth + 1)
        {
            first_page = Some(page);
            if start_id.is_none() {
                break;
            }
        }
    }
    match first_page {
        Some(page) => Ok(page),
        None if any_part => Err(damaged("it holds no web page (no text/html part)")),
        None => Err(damaged("its multipart body has no parts")),
    }
}

/// The parts of a multipart body: the bytes between the `--boundary` lines, up to the closing
/// `--boundary--` (or the end of a cut-off file). One pass over the body.
fn parts<'a>(body: &'a [u8], boundary: &[u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut part_start: Option<usize> = None;
    let mut closed = false;
    let mut lines = Lines::new(body);
    std::iter::from_fn(move || {
        if closed {
            return None;
        }
        for (line_start, line_end, next) in lines.by_ref() {
            let line = trim_end_whitespace(&body[line_start..line_end]);
            let Some(rest) = line
                .strip_prefix(b"--")
                .and_then(|rest| rest.strip_prefix(boundary))
            else {
                continue;
            };
            let closing = rest == b"--";
            if !(rest.is_empty() || closing) {
                continue;
            }
            let previous = part_start.replace(next);
            closed = closing;
            if let Some(start) = previous {
                // The line break before the delimiter belongs to the delimiter.
                return Some(strip_line_break(&body[start..line_start.max(start)]));
            }
            if closed {
                return None;
            }
        }
        closed = true;
        // A file cut off before its closing delimiter: the last part runs to the end.
        part_start.map(|start| &body[start.min(body.len())..])
    })
}

/// Lines of `bytes` as (start, end before the line break, start of the next line).
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let start = self.at;
        let (end, next) = match self.bytes[start..].iter().position(|&b| b == b'\n') {
            Some(offset) => (start + offset, start + offset + 1),
            None => (self.bytes.len(), self.bytes.len()),
        };
        self.at = next;
        let end = if end > start && self.bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        Some((start, end, next))
    }
}

fn trim_end_whitespace(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |last| last + 1);
    &bytes[..end]
}

fn strip_line_break(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// A header block: field names in lower case, values unfolded.
#[derive(Clone, Debug, Default)]
struct Headers {
    fields: Vec<(String, String)>,
}

impl Headers {
    /// Reads the header block at the start of `bytes`, up to the first blank line; returns it
    /// and where the body starts. A line that is no header field ends the block too (a part
    /// without headers starts with its body).
    fn parse(bytes: &[u8]) -> (Self, usize) {
        let mut headers = Self::default();
        for (start, end, next) in Lines::new(bytes) {
            let line = &bytes[start..end];
            if line.iter().all(u8::is_ascii_whitespace) {
                return (headers, next);
            }
            if line[0] == b' ' || line[0] == b'\t' {
                // A folded line continues the previous field.
                if let Some((_, value)) = headers.fields.last_mut() {
                    push_capped(value, " ");
                    push_capped(value, String::from_utf8_lossy(line).trim());
                }
                continue;
            }
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                return (headers, start);
            };
            let name = &line[..colon];
            if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
                return (headers, start);
            }
            if headers.fields.len() < MAX_HEADER_FIELDS {
                let mut value = String::new();
                push_capped(
                    &mut value,
                    String::from_utf8_lossy(&line[colon + 1..]).trim(),
                );
                headers
                    .fields
                    .push((String::from_utf8_lossy(name).to_ascii_lowercase(), value));
            }
        }
        (headers, bytes.len())
    }

    /// The first field called `name` (lower case).
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Appends `text` to a header value while it stays under [`MAX_HEADER_VALUE_BYTES`].
fn push_capped(value: &mut String, text: &str) {
    let room = MAX_HEADER_VALUE_BYTES.saturating_sub(value.len());
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    value.push_str(&text[..end]);
}

/// A `Content-Type` value: the media type in lower case and its parameters.
#[derive(Clone, Debug, Default)]
struct ContentType {
    mime: String,
    params: Vec<(String, String)>,
}

impl ContentType {
    fn parse(value: &str) -> Self {
        let mut pieces = split_params(value).into_iter();
        let mime = pieces
            .next()
            .map(|mime| mime.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let params = pieces
            .filter_map(|piece| {
                let (name, value) = piece.split_once('=')?;
                Some((name.trim().to_ascii_lowercase(), unquote(value.trim())))
            })
            .collect();
        Self { mime, params }
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Splits a header value at the `;` outside quotes.
fn split_params(value: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    for (index, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                pieces.push(&value[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    pieces.push(&value[start..]);
    pieces
}

/// A parameter value without its quotes and escapes.
fn unquote(value: &str) -> String {
    let Some(inner) = value.strip_prefix('"') else {
        return value.to_owned();
    };
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            other => out.push(other),
        }
    }
    out
}

/// Undoes quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next. A
/// malformed `=` is kept as it is (lenient, as mail readers are).
fn decode_quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte != b'=' {
            out.push(byte);
            at += 1;
            continue;
        }
        let rest = &bytes[at + 1..];
        if let (Some(high), Some(low)) = (
            rest.first().and_then(|&b| hex_value(b)),
            rest.get(1).and_then(|&b| hex_value(b)),
        ) {
            out.push((high << 4) | low);
            at += 3;
            continue;
        }
        // A soft line break: `=`, perhaps trailing blanks, then the line break.
        let blanks = rest
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        match &rest[blanks..] {
            [b'\r', b'\n', ..] => at += 1 + blanks + 2,
            [b'\n', ..] => at += 1 + blanks + 1,
            [] => at = bytes.len(),
            _ => {
                out.push(b'=');
                at += 1;
            }
        }
    }
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        _ => None,
    }
}

/// Undoes base64, skipping line breaks and any other byte outside the alphabet, up to the
/// first `=` of the padding.
fn decode_base64(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 3);
    let mut buffer: u32 = 0;
    let mut held_bits = 0u32;
    for &byte in bytes {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        buffer = (buffer << 6) | u32::from(value);
        held_bits += 6;
        if held_bits >= 8 {
            held_bits -= 8;
            out.push(((buffer >> held_bits) & 0xFF) as u8);
            buffer &= (1 << held_bits) - 1;
        }
    }
    out
}

/// Decodes RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?gb2312?Q?…?=`) in a header value.
/// White space between two encoded words is dropped, and adjacent words in one charset are
/// decoded together (a writer may split a character between them). An unknown charset leaves
/// the word as written.
fn decode_encoded_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    // Bytes of adjacent encoded words waiting to be decoded, and their charset.
    let mut pending: Option<(&'static Encoding, Vec<u8>)> = None;
    let mut rest = value;
    let flush = |pending: &mut Option<(&'static Encoding, Vec<u8>)>, out: &mut String| {
        if let Some((encoding, bytes)) = pending.take() {
            out.push_str(&encoding.decode_without_bom_handling(&bytes).0);
        }
    };
    while !rest.is_empty() {
        let Some(open) = rest.find("=?") else {
            flush(&mut pending, &mut out);
            out.push_str(rest);
            break;
        };
        let (before, word_and_rest) = rest.split_at(open);
        let Some((encoding, bytes, after)) = encoded_word(word_and_rest) else {
            flush(&mut pending, &mut out);
            out.push_str(before);
            out.push_str("=?");
            rest = &word_and_rest[2..];
            continue;
        };
        let only_space_between = pending.is_some() && before.trim().is_empty();
        match &mut pending {
            Some((held, held_bytes)) if only_space_between && *held == encoding => {
                held_bytes.extend_from_slice(&bytes);
            }
            _ => {
                flush(&mut pending, &mut out);
                if !only_space_between {
                    out.push_str(before);
                }
                pending = Some((encoding, bytes));
            }
        }
        rest = after;
    }
    flush(&mut pending, &mut out);
    out
}

/// The encoded word at the start of `text` (`=?charset?B|Q?text?=`): its charset, its bytes
/// and what follows it.
fn encoded_word(text: &str) -> Option<(&'static Encoding, Vec<u8>, &str)> {
    // Looked for within a bounded window, so a header of unclosed `=?` stays linear.
    let mut window_end = text.len().min(MAX_ENCODED_WORD_BYTES);
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let inner = text[..window_end].strip_prefix("=?")?;
    let (label, inner) = inner.split_once('?')?;
    let (kind, inner) = inner.split_once('?')?;
    let end = inner.find("?=")?;
    let encoded = &inner[..end];
    // A charset may carry a language (`utf-8*zh`, RFC 2231).
    let charset = label.split('*').next().unwrap_or(label);
    let encoding = Encoding::for_label(charset.trim().as_bytes())?;
    let bytes = match kind {
        "B" | "b" => decode_base64(encoded.as_bytes()),
        "Q" | "q" => decode_quoted_printable(encoded.replace('_', " ").as_bytes()),
        _ => return None,
    };
    // `=?` label `?` kind `?` text `?=`.
    let word_bytes = 2 + label.len() + 1 + kind.len() + 1 + end + 2;
    Some((encoding, bytes, text.get(word_bytes..)?))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const QP_PAGE: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://example.com/root\r\n\
Subject: =?utf-8?Q?Nanjing_and_Suzhou_sign_=E2=80=94_News?=\r\n\
Date: Tue, 05 Mar 2024 08:00:00 +0800\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----MultipartBoundary--abc----\"\r\n\
\r\n\
\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/html\r\n\
Content-ID: <frame-1@mhtml.blink>\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://example.com/news/\r\n\
\t2024/03/05/story.html\r\n\
\r\n\
<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\">\r\n\
<title>Nanjing and Suzhou sign</title></head><body><h1>Nanjing and Suzhou sign</h1><p>On 5 Ma=\r\n\
rch 2024, the two cities signed an agreement =E2=80=94 on transfer.</p></body></html>\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: image/png\r\n\
Content-Transfer-Encoding: base64\r\n\
Content-Location: https://example.com/logo.png\r\n\
\r\n\
iVBORw0KGgo=\r\n\
------MultipartBoundary--abc------\r\n";

    fn read_one(bytes: &[u8]) -> Unpacked {
        match read(bytes) {
            Ok(mut unpacked) if unpacked.len() == 1 => unpacked.remove(0),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_the_page_and_its_address_date_and_subject() {
        let page = read_one(QP_PAGE.as_bytes());
        assert_eq!(page.markup, Markup::Html);
        assert_eq!(page.encoding, "UTF-8");
        assert!(
            page.text.contains(
                "<p>On 5 March 2024, the two cities signed an agreement — on transfer.</p>"
            ),
            "{}",
            page.text
        );
        assert!(!page.text.contains("iVBOR"));
        assert_eq!(
            page.hints.url.as_deref(),
            Some("https://example.com/news/2024/03/05/story.html")
        );
        assert_eq!(page.hints.captured.as_deref(), Some("2024-03-05"));
        assert_eq!(
            page.hints.titles_after_page,
            ["Nanjing and Suzhou sign — News"]
        );
        assert!(page.hints.titles.is_empty());
    }

    #[test]
    fn reads_a_base64_page_in_its_declared_chinese_charset() {
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<html><body><p>2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。</p></body></html>",
        );
        let base64 = encode_base64(&gbk);
        let archive = format!(
            "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1; type=\"text/html\"\n\
Subject: =?gb2312?B?{}?=\n\n--b1\nContent-Type: text/html; charset=\"gb2312\"\n\
Content-Transfer-Encoding: base64\n\n{base64}\n--b1--\n",
            encode_base64(&encoding_rs::GBK.encode("南京江宁").0)
        );
        let page = read_one(archive.as_bytes());
        assert_eq!(page.encoding, "GBK");
        assert!(
            page.text
                .contains("南京市江宁区与苏州工业园区签署战略合作协议"),
            "{}",
            page.text
        );
        assert_eq!(page.hints.titles_after_page, ["南京江宁"]);
        assert_eq!(page.hints.url, None);
        assert_eq!(page.hints.captured, None);
    }

    #[test]
    fn the_part_named_by_start_is_the_page() {
        let archive = "Content-Type: multipart/related; boundary=\"x\"; start=\"<main>\"\n\n\
--x\nContent-Type: text/html\nContent-ID: <ad>\n\n<p>Advert frame</p>\n\
--x\nContent-Type: text/html\nContent-ID: <main>\n\n<p>The article</p>\n--x--\n";
        assert!(read_one(archive.as_bytes()).text.contains("The article"));
        // Without `start`, the first page part.
        let archive = archive.replace("; start=\"<main>\"", "");
        assert!(read_one(archive.as_bytes()).text.contains("Advert frame"));
    }

    #[test]
    fn a_cut_off_archive_still_gives_its_page() {
        let archive = "Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/html\n\n<p>Cut off here";
        assert!(read_one(archive.as_bytes()).text.contains("Cut off here"));
    }

    #[test]
    fn what_is_no_archive_or_holds_no_page_is_damaged() {
        for (bytes, detail) in [
            (&b"just some words\n"[..], "MIME headers"),
            (b"Subject: hi\n\nbody", "Content-Type"),
            (
                b"Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: image/png\n\nPNG\n--x--\n",
                "no text/html",
            ),
            (
                b"Content-Type: multipart/related\n\n--x\n",
                "no boundary",
            ),
            (b"Content-Type: multipart/related; boundary=x\n\nnothing", "no parts"),
            (b"Content-Type: image/png\n\nPNG", "no text/html"),
            (
                b"Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/html\n\n\n--x--",
                "empty",
            ),
        ] {
            match read(bytes) {
                Err(SkipReason::Damaged { format, detail: said }) => {
                    assert_eq!(format, Format::Mhtml.name());
                    assert!(said.contains(detail), "{said} / {detail}");
                }
                other => panic!("{:?}: {other:?}", String::from_utf8_lossy(bytes)),
            }
        }
    }

    #[test]
    fn a_page_saved_under_an_archive_name_is_read_as_the_page() {
        let page = read_one(b"<!DOCTYPE html><html><body><p>Text</p></body></html>");
        assert_eq!(page.markup, Markup::Html);
    }

    #[test]
    fn transfer_encodings_are_undone_leniently() {
        assert_eq!(
            decode_quoted_printable(b"a=3Db=\r\nc= \nd=ZZe=4"),
            b"a=bcd=ZZe=4"
        );
        assert_eq!(decode_quoted_printable(b"end="), b"end");
        assert_eq!(decode_base64(b"aGVs\r\nbG8=\r\n"), b"hello");
        assert_eq!(decode_base64(b"aGVsbG8"), b"hello");
        assert_eq!(decode_base64(b"!!!"), b"");
    }

    #[test]
    fn encoded_words_are_decoded_and_plain_text_kept() {
        assert_eq!(
            decode_encoded_words("=?utf-8?Q?a_b?= =?utf-8?Q?c?= plain =?x-unknown?Q?d?="),
            "a bc plain =?x-unknown?Q?d?="
        );
        // A character split between two words.
        assert_eq!(
            decode_encoded_words("=?utf-8?Q?=E5=8D?=\r\n =?utf-8?Q?=97?="),
            "南"
        );
        assert_eq!(decode_encoded_words("=?"), "=?");
        // Unclosed words are looked for in a bounded window: linear, and kept as written.
        let unclosed = "=?utf-8?B?abc ".repeat(2_000);
        assert_eq!(decode_encoded_words(&unclosed), unclosed);
    }

    #[test]
    fn any_bytes_are_read_or_refused_without_a_panic() {
        let samples: [&[u8]; 6] = [
            b"Content-Type: multipart/related; boundary=",
            b"Content-Type: multipart/related; boundary=\"\n\n--\n--",
            b"Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=a\n\n--a\n",
            b"Content-Type: text/html\nContent-Transfer-Encoding: base64\n\n====",
            b":\n\n",
            b"Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n=",
        ];
        for bytes in samples {
            let _ = read(bytes);
        }
        let deep = "Content-Type: multipart/mixed; boundary=a\n\n--a\n".repeat(50);
        assert!(read(deep.as_bytes()).is_err());
    }

    #[test]
    fn a_pathological_archive_is_read_in_one_pass() {
        // A flood of empty parts before the page, a 4 MB page on one line, a header folded over
        // 100,000 lines: each would cost time growing with the square of its size if anything
        // scanned back or forth.
        let mut archive = String::from("Content-Type: multipart/related; boundary=a\nSubject: x\n");
        archive.push_str(&" =?utf-8?Q?y?=\n".repeat(100_000));
        archive.push('\n');
        archive.push_str(&"--a\nContent-Type: image/png\n\n\n".repeat(100_000));
        archive.push_str(
            "--a\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>",
        );
        archive.push_str(&"Nanjing=20".repeat(400_000));
        archive.push_str("</p>\n--a--\n");
        let page = read_one(archive.as_bytes());
        assert!(page.text.len() > 3_000_000);
        assert!(page.hints.titles_after_page[0].len() <= MAX_HEADER_VALUE_BYTES);
    }

    fn encode_base64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for index in 0..4 {
                if index <= chunk.len() {
                    out.push(char::from(
                        ALPHABET[((n >> (18 - 6 * index)) & 63) as usize],
                    ));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}
