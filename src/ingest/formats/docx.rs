//! Word documents (`.docx`): a zip of XML parts, of which the main document holds the text.
//!
//! Saved articles reach users as Word files when someone pasted a story into Word to keep or
//! forward it, so what matters is the running text in order, the headline, and tables read
//! row by row; page layout, headers, footers and comments are left out. The text comes out as
//! plain text (each paragraph its own line, blank lines between paragraphs, a table's rows as
//! lines of cells joined by " | ") for the same cleaning as any text file.
//!
//! A zip is untrusted input that can claim anything about itself: sizes are never taken from
//! its directory, every part is read through a cap ([`MAX_UNPACKED_BYTES`] for all parts
//! together), and an archive with more entries than any Word document has is refused.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Node, NodeId};
use zip::ZipArchive;

use super::xml::{self, Edge, attribute, local_name};
use super::{MAX_UNPACKED_BYTES, Markup, Unpacked};
use crate::model::{Format, ReadWarning, SkipReason};

/// More entries than a Word document has (a long one with many images holds a few hundred):
/// beyond this the file is not read as one.
const MAX_ENTRIES: usize = 10_000;

/// WordprocessingML's namespaces: the one Word writes ("transitional") and ISO strict.
const WORD_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Where the main document usually is; `_rels/.rels` says so when it is elsewhere.
const DEFAULT_DOCUMENT_PART: &str = "word/document.xml";

/// The separator between the cells of a table row on its line.
const CELL_SEPARATOR: &str = " | ";

/// Reads a Word document's text, its headline and its core title.
pub fn read(bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| damaged(format!("not a zip archive: {error}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(damaged(format!(
            "the archive holds {} entries, more than a Word document has",
            archive.len()
        )));
    }
    let mut budget = Budget {
        left_bytes: MAX_UNPACKED_BYTES,
    };
    let document_part = main_document_part(&mut archive, &mut budget)?;
    let document_bytes = budget
        .read(&mut archive, &document_part)?
        .ok_or_else(|| damaged(format!("it has no {document_part}")))?;
    // Styles and properties only add to the text: a damaged one is passed over, but one that
    // unpacks beyond the limit still stops the file.
    let styles_bytes = optional(budget.read(&mut archive, "word/styles.xml"))?;
    let core_bytes = optional(budget.read(&mut archive, "docProps/core.xml"))?;

    let mut warnings = Vec::new();
    let (document_text, encoding) = xml_text(document_bytes, &mut warnings);
    let tree = xml::parse(&document_text, Format::Docx)?;
    let styles = styles_bytes
        .map(|bytes| xml_text(bytes, &mut warnings).0)
        .map(|text| Styles::read(&text))
        .unwrap_or_default();
    let body = Body::read(&tree, &styles);
    if body.text.trim().is_empty() {
        return Err(SkipReason::NoText);
    }
    let mut unpacked = Unpacked::new(body.text, Markup::Text, encoding);
    unpacked.hints.titles.extend(body.headline);
    if let Some(title) = core_bytes.and_then(|bytes| core_title(&xml_text(bytes, &mut warnings).0))
        && !unpacked.hints.titles.contains(&title)
    {
        unpacked.hints.titles.push(title);
    }
    unpacked.warnings = warnings;
    Ok(vec![unpacked])
}

fn damaged(detail: String) -> SkipReason {
    SkipReason::Damaged {
        format: Format::Docx.name(),
        detail,
    }
}

/// A part that may be missing or damaged without costing the document; only a part too large
/// to unpack is an error.
fn optional(part: Result<Option<Vec<u8>>, SkipReason>) -> Result<Option<Vec<u8>>, SkipReason> {
    match part {
        Ok(bytes) => Ok(bytes),
        Err(reason @ SkipReason::UnpacksTooLarge { .. }) => Err(reason),
        Err(_) => Ok(None),
    }
}

/// How many more bytes the file's parts may unpack to, all parts together.
struct Budget {
    left_bytes: u64,
}

impl Budget {
    /// Unpacks the entry `name`, or `None` when the archive has none of that name. Reads at
    /// most one byte past what is left, so a part's declared size is never trusted and a
    /// bomb costs no more than the limit.
    fn read(
        &mut self,
        archive: &mut ZipArchive<Cursor<&[u8]>>,
        name: &str,
    ) -> Result<Option<Vec<u8>>, SkipReason> {
        let entry = match archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(damaged(format!("{name}: {error}"))),
        };
        let mut bytes = Vec::new();
        entry
            .take(self.left_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| damaged(format!("{name}: {error}")))?;
        let read_bytes = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if read_bytes > self.left_bytes {
            return Err(SkipReason::UnpacksTooLarge {
                limit_bytes: MAX_UNPACKED_BYTES,
            });
        }
        self.left_bytes -= read_bytes;
        Ok(Some(bytes))
    }
}

/// The main document's part name, as the package's relationships give it (Word always writes
/// `word/document.xml`; other programs may not).
fn main_document_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    budget: &mut Budget,
) -> Result<String, SkipReason> {
    let Some(bytes) = optional(budget.read(archive, "_rels/.rels"))? else {
        return Ok(DEFAULT_DOCUMENT_PART.to_owned());
    };
    let (text, _) = xml_text(bytes, &mut Vec::new());
    let target = xml::parse(&text, Format::Docx).ok().and_then(|tree| {
        tree.descendants()
            .filter(|node| local_name(*node) == Some("Relationship"))
            .find(|node| {
                attribute(*node, "Type").is_some_and(|kind| kind.ends_with("/officeDocument"))
            })
            .and_then(|node| attribute(node, "Target"))
            .map(|target| target.trim_start_matches('/').to_owned())
    });
    Ok(target
        .filter(|target| !target.is_empty())
        .unwrap_or_else(|| DEFAULT_DOCUMENT_PART.to_owned()))
}

/// An XML part's bytes as text, with the encoding read: UTF-8 as Word writes it (taken over
/// without a copy, since the main part may be tens of megabytes), or UTF-16 with its
/// byte-order mark, as the format also allows. Undecodable bytes are replaced and counted in
/// `warnings`.
fn xml_text(mut bytes: Vec<u8>, warnings: &mut Vec<ReadWarning>) -> (String, &'static str) {
    let (encoding, bom_length) =
        encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_8, 0));
    bytes.drain(..bom_length);
    if encoding == encoding_rs::UTF_8 {
        match String::from_utf8(bytes) {
            Ok(text) => return (text, encoding.name()),
            Err(error) => bytes = error.into_bytes(),
        }
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
    if had_errors {
        warnings.push(ReadWarning::UndecodableBytes {
            bytes: text.matches('\u{FFFD}').count(),
            encoding: encoding.name(),
        });
    }
    (text.into_owned(), encoding.name())
}

/// The document's title from its core properties (`dc:title`), when it has one.
///
/// The properties' dates are left out on purpose: `dcterms:created` is when the file was
/// made (often a template's date), not when the news was published. So is `dc:creator`: it is
/// the account that made the file ("Administrator"), not the story's byline.
fn core_title(text: &str) -> Option<String> {
    let tree = xml::parse(text, Format::Docx).ok()?;
    let title = tree
        .root_element()
        .children()
        .find(|node| local_name(*node) == Some("title"))
        .map(xml::collapsed_text)?;
    (!title.is_empty()).then_some(title)
}

/// What a paragraph style says about its paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct StyleKind {
    /// The style's name, lower-cased ("title", "heading 1").
    name: String,
    /// Its outline level, 0 for a first-level heading.
    outline_level: Option<u8>,
}

/// Paragraph styles by id. Ids are not names: Word in Chinese calls "heading 1" "1" and the
/// title "a3", so a heading is recognised by the style's name or outline level.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, StyleKind>,
}

impl Styles {
    fn read(text: &str) -> Self {
        let Ok(tree) = xml::parse(text, Format::Docx) else {
            return Self::default();
        };
        let by_id = tree
            .root_element()
            .children()
            .filter(|node| word_name(*node) == Some("style"))
            .filter_map(|style| {
                let id = attribute(style, "styleId")?.to_owned();
                let name = word_child(style, "name")
                    .and_then(|name| attribute(name, "val"))
                    .unwrap_or_default()
                    .to_lowercase();
                let outline_level = word_child(style, "pPr").and_then(outline_level);
                Some((
                    id,
                    StyleKind {
                        name,
                        outline_level,
                    },
                ))
            })
            .collect();
        Self { by_id }
    }

    /// What a paragraph of style `id` (and `own_level`, its own outline level) says of
    /// itself: the document's title, a first-level heading, or neither.
    fn headline_kind(&self, id: Option<&str>, own_level: Option<u8>) -> Option<HeadlineKind> {
        let kind = id.and_then(|id| match self.by_id.get(id) {
            Some(kind) if kind.name == "title" => Some(HeadlineKind::Title),
            Some(kind) if kind.name == "heading 1" || kind.outline_level == Some(0) => {
                Some(HeadlineKind::Heading)
            }
            Some(_) => None,
            // Without styles.xml, the ids Word writes in English.
            None => match id {
                "Title" => Some(HeadlineKind::Title),
                "Heading1" => Some(HeadlineKind::Heading),
                _ => None,
            },
        });
        kind.or((own_level == Some(0)).then_some(HeadlineKind::Heading))
    }
}

/// How a paragraph is styled as a headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeadlineKind {
    /// The Title style: the headline wherever it stands.
    Title,
    /// A first-level heading: the headline only near the top, since further down it heads a
    /// section ("Background").
    Heading,
}

/// How many paragraphs may come before a first-level heading that is the headline (a
/// kicker, a date line).
const MAX_PARAGRAPHS_BEFORE_HEADLINE: usize = 2;

/// The local name of a WordprocessingML element (`p` for `w:p`), `None` for anything else
/// (DrawingML's own `a:p` and `a:t` are not the document's text).
fn word_name<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    let namespace = node.tag_name().namespace()?;
    WORD_NAMESPACES
        .contains(&namespace)
        .then(|| local_name(node))
        .flatten()
}

fn word_child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|child| word_name(*child) == Some(name))
}

/// The outline level a paragraph's properties (`w:pPr`) set.
fn outline_level(properties: Node<'_, '_>) -> Option<u8> {
    word_child(properties, "outlineLvl")
        .and_then(|level| attribute(level, "val"))
        .and_then(|level| level.parse().ok())
}

/// A table being read: the cells of the row so far and the text of the cell being read.
#[derive(Default)]
struct Table {
    cells: Vec<String>,
    cell: String,
}

/// The main document's text and headline.
struct Body {
    text: String,
    headline: Option<String>,
    /// Whether the text ends in a table's rows, so that its next row follows on the next line.
    in_rows: bool,
    /// How many paragraphs outside tables have been read.
    paragraphs_before: usize,
}

impl Body {
    /// Walks the document in order without recursion (a file nesting tables a thousand deep
    /// cannot overflow the stack), keeping a stack of open paragraphs (a text box's
    /// paragraphs sit inside another paragraph) and of open tables.
    fn read(tree: &roxmltree::Document<'_>, styles: &Styles) -> Self {
        let mut body = Self {
            text: String::new(),
            headline: None,
            in_rows: false,
            paragraphs_before: 0,
        };
        let mut paragraphs: Vec<String> = Vec::new();
        let mut tables: Vec<Table> = Vec::new();
        // The element whose subtree is being passed over, if any.
        let mut skipping: Option<NodeId> = None;
        for edge in xml::traverse(tree.root()) {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    if let Some(text) = node.text().filter(|_| node.is_text()) {
                        if let Some(paragraph) = paragraphs.last_mut()
                            && node.parent().and_then(word_name) == Some("t")
                        {
                            paragraph.push_str(text);
                        }
                        continue;
                    }
                    match word_name(node) {
                        Some("p") => paragraphs.push(String::new()),
                        Some("tab") if node.parent().and_then(word_name) == Some("r") => {
                            push_inline(&mut paragraphs, "\t");
                        }
                        Some("br" | "cr") => push_inline(&mut paragraphs, "\n"),
                        Some("noBreakHyphen") => push_inline(&mut paragraphs, "-"),
                        Some("tbl") => tables.push(Table::default()),
                        // Deleted and moved-away text of tracked changes, field codes, and the
                        // older copy of a drawing that Word keeps for old readers (its text
                        // would show twice).
                        Some("delText" | "instrText" | "del" | "moveFrom") => {
                            skipping = Some(node.id());
                        }
                        None if local_name(node) == Some("Fallback") => {
                            skipping = Some(node.id());
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(skipped) = skipping {
                        if skipped == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    match word_name(node) {
                        Some("p") => {
                            let paragraph = paragraphs.pop().unwrap_or_default();
                            body.close_paragraph(node, paragraph, &mut tables, styles);
                        }
                        Some("tc") => {
                            if let Some(table) = tables.last_mut() {
                                let cell = std::mem::take(&mut table.cell);
                                table.cells.push(cell);
                            }
                        }
                        Some("tr") => body.close_row(&mut tables),
                        Some("tbl") => {
                            tables.pop();
                            body.in_rows = body.in_rows && !tables.is_empty();
                        }
                        _ => {}
                    }
                }
            }
        }
        body
    }

    /// A paragraph read: into its table cell, or onto its own line with a blank line before.
    fn close_paragraph(
        &mut self,
        node: Node<'_, '_>,
        paragraph: String,
        tables: &mut [Table],
        styles: &Styles,
    ) {
        let paragraph = paragraph.trim();
        if paragraph.is_empty() {
            return;
        }
        if let Some(table) = tables.last_mut() {
            if !table.cell.is_empty() {
                table.cell.push(' ');
            }
            // A cell's line breaks would split its row over several lines.
            table.cell.push_str(&paragraph.replace('\n', " "));
            return;
        }
        if self.headline.is_none() {
            let properties = word_child(node, "pPr");
            let style = properties
                .and_then(|properties| word_child(properties, "pStyle"))
                .and_then(|style| attribute(style, "val"));
            let kind = styles.headline_kind(style, properties.and_then(outline_level));
            if kind == Some(HeadlineKind::Title)
                || (kind == Some(HeadlineKind::Heading)
                    && self.paragraphs_before <= MAX_PARAGRAPHS_BEFORE_HEADLINE)
            {
                let headline = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                self.headline = Some(headline);
            }
        }
        self.end_block();
        self.text.push_str(paragraph);
        self.paragraphs_before += 1;
    }

    /// A row read: a line of its cells, or, in a table inside a cell, text of that cell.
    fn close_row(&mut self, tables: &mut [Table]) {
        let Some(table) = tables.last_mut() else {
            return;
        };
        let cells = std::mem::take(&mut table.cells);
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            return;
        }
        let line = cells.join(CELL_SEPARATOR);
        let depth = tables.len();
        if let Some(outer) = depth.checked_sub(2).and_then(|index| tables.get_mut(index)) {
            if !outer.cell.is_empty() {
                outer.cell.push(' ');
            }
            outer.cell.push_str(&line);
            return;
        }
        // The first row of a table starts a block; the rest follow on the next lines.
        if self.in_rows {
            self.text.push('\n');
        } else {
            self.end_block();
            self.in_rows = true;
        }
        self.text.push_str(&line);
    }

    /// Starts a new block of text: a blank line after whatever came before.
    fn end_block(&mut self) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.in_rows = false;
    }
}

/// Appends `text` to the innermost open paragraph.
fn push_inline(paragraphs: &mut [String], text: &str) {
    if let Some(paragraph) = paragraphs.last_mut() {
        paragraph.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_documents;
    use crate::model::{DocPath, SourceId};

    fn test_file(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/data/formats/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    fn only(bytes: &[u8]) -> Unpacked {
        let mut unpacked = read(bytes).unwrap();
        assert_eq!(unpacked.len(), 1);
        unpacked.remove(0)
    }

    #[test]
    fn paragraphs_come_in_order_with_blank_lines_between_and_breaks_within() {
        let briefing = only(&test_file("briefing.docx"));
        assert_eq!(briefing.markup, Markup::Text);
        let text = &briefing.text;
        assert!(
            text.starts_with(
                "Nanjing and Suzhou deepen industrial cooperation\n\nOn 5 March 2024, Nanjing's Jiangning District"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "new energy vehicles.\nBoth sides will set up a joint working group.\n\nBackground: an earlier report\n\nParties"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("The working group meets every quarter."),
            "{text}"
        );
    }

    #[test]
    fn a_table_reads_as_one_line_per_row() {
        let text = only(&test_file("briefing.docx")).text;
        assert!(
            text.contains(
                "Parties\n\nParty | Role\nJiangning District | Receives industry\nSuzhou Industrial Park | Transfers industry\n\nThe working group"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_title_styled_paragraph_is_the_first_title_hint_then_the_core_title() {
        let hints = only(&test_file("briefing.docx")).hints;
        assert_eq!(
            hints.titles,
            [
                "Nanjing and Suzhou deepen industrial cooperation",
                "Regional cooperation briefing"
            ]
        );
        // The file's creation date is not a publication date, its author account no byline,
        // and a link in the text not the document's address.
        assert_eq!(hints.published, None);
        assert_eq!(hints.author, None);
        assert_eq!(hints.url, None);
    }

    #[test]
    fn a_heading_is_known_by_its_style_name_when_its_id_is_a_number() {
        let zh = only(&test_file("zh.docx"));
        assert_eq!(zh.hints.titles, ["江宁区与苏州工业园区签署战略合作协议"]);
        assert!(
            zh.text
                .contains("\n\n2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。\n\n"),
            "{}",
            zh.text
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_without_unpacking_it_all() {
        let bomb = test_file("bomb.docx");
        assert!(bomb.len() < 1024 * 1024);
        assert_eq!(
            read(&bomb),
            Err(SkipReason::UnpacksTooLarge {
                limit_bytes: MAX_UNPACKED_BYTES
            })
        );
    }

    #[test]
    fn a_cut_off_file_or_other_zip_is_a_damaged_word_document() {
        let cut = read(&test_file("damaged.docx"));
        assert!(
            matches!(
                cut,
                Err(SkipReason::Damaged {
                    format: "Word document",
                    ..
                })
            ),
            "{cut:?}"
        );
        assert!(matches!(
            read(b"PK\x03\x04 not really"),
            Err(SkipReason::Damaged { .. })
        ));
        let mut other = zip::ZipWriter::new(Cursor::new(Vec::new()));
        other
            .start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        let other = other.finish().unwrap().into_inner();
        let no_document = read(&other);
        assert!(
            matches!(&no_document, Err(SkipReason::Damaged { detail, .. }) if detail.contains("word/document.xml")),
            "{no_document:?}"
        );
    }

    #[test]
    fn text_boxes_deleted_text_and_fallback_copies_are_read_once() {
        let xml = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
            <w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>
            <mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>
            </w:body></w:document>"#;
        let tree = xml::parse(xml, Format::Docx).unwrap();
        let body = Body::read(&tree, &Styles::default());
        assert_eq!(body.text, "Boxed\n\nKept");
    }

    #[test]
    fn tables_nested_deep_cost_no_stack() {
        let depth = 5_000;
        let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
        let close = "</w:tc></w:tr></w:tbl>".repeat(depth);
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{open}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{close}</w:body></w:document>"#
        );
        let tree = xml::parse(&xml, Format::Docx).unwrap();
        assert_eq!(Body::read(&tree, &Styles::default()).text, "deep");
    }

    #[test]
    fn a_word_document_s_cooperation_event_is_extracted() {
        let path = DocPath {
            source: SourceId(0),
            path: "briefing.docx".into(),
            relative: "briefing.docx".to_owned(),
        };
        let documents =
            read_documents(&test_file("briefing.docx"), Format::Docx, path.clone()).unwrap();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_eq!(
            document.meta.title,
            "Nanjing and Suzhou deepen industrial cooperation"
        );
        assert!(
            !document.extraction.events.is_empty(),
            "{:#?}",
            document.body().unwrap()
        );
        let zh = read_documents(&test_file("zh.docx"), Format::Docx, path.clone()).unwrap();
        assert_eq!(zh[0].meta.title, "江宁区与苏州工业园区签署战略合作协议");
        assert!(
            !zh[0].extraction.events.is_empty(),
            "{}",
            zh[0].body().unwrap()
        );
    }

    #[test]
    fn a_word_document_cut_off_anywhere_or_with_any_byte_changed_never_panics() {
        let document = test_file("zh.docx");
        for end in (0..document.len()).step_by(401) {
            let _ = read(&document[..end]);
        }
        // Each change lands in a compressed part, a header or the central directory. A few
        // hundred reads: each unpacks and parses the whole document, slow in a debug build.
        for at in (0..document.len()).step_by(613) {
            for byte in [0x00, 0xFF, b'<'] {
                let mut changed = document.clone();
                changed[at] = byte;
                let _ = read(&changed);
            }
        }
    }

    #[test]
    fn xml_parts_in_utf_16_or_with_broken_bytes_are_still_read() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<a>合作</a>".encode_utf16().flat_map(u16::to_le_bytes));
        let mut warnings = Vec::new();
        assert_eq!(
            xml_text(utf16, &mut warnings),
            ("<a>合作</a>".to_owned(), "UTF-16LE")
        );
        assert!(warnings.is_empty());
        let (text, encoding) = xml_text(b"\xEF\xBB\xBF<a>\xFF</a>".to_vec(), &mut warnings);
        assert_eq!((text.as_str(), encoding), ("<a>\u{FFFD}</a>", "UTF-8"));
        assert_eq!(
            warnings,
            [ReadWarning::UndecodableBytes {
                bytes: 1,
                encoding: "UTF-8"
            }]
        );
    }

    #[test]
    fn a_heading_far_down_heads_a_section_not_the_document() {
        let styles = Styles::default();
        let paragraph = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = |paragraphs: &[String]| {
            format!(
                r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>"#,
                paragraphs.concat()
            )
        };
        let prose: Vec<String> = (0..3)
            .map(|n| paragraph("Normal", &format!("Prose {n}.")))
            .collect();
        let late_heading =
            body(&[prose.clone(), vec![paragraph("Heading1", "Background")]].concat());
        let tree = xml::parse(&late_heading, Format::Docx).unwrap();
        assert_eq!(Body::read(&tree, &styles).headline, None);
        let late_title = body(&[prose, vec![paragraph("Title", "The headline")]].concat());
        let tree = xml::parse(&late_title, Format::Docx).unwrap();
        assert_eq!(
            Body::read(&tree, &styles).headline.as_deref(),
            Some("The headline")
        );
    }

    #[test]
    fn an_archive_of_more_entries_than_a_word_document_has_is_refused() {
        let mut many = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for index in 0..=MAX_ENTRIES {
            many.start_file(format!("{index}"), stored).unwrap();
        }
        let many = many.finish().unwrap().into_inner();
        let refused = read(&many);
        assert!(
            matches!(&refused, Err(SkipReason::Damaged { detail, .. }) if detail.contains("entries")),
            "{refused:?}"
        );
    }
}
