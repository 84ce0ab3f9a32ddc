//! Saved news feeds (`.rss`, `.atom`, `.xml`): RSS 2.0, RSS 1.0 (RDF) and Atom, one text per
//! item.
//!
//! A feed is how many Chinese government and news sites still publish, and a saved feed holds
//! a dozen stories at once, each with what the page would hide among clutter: its headline,
//! date and address. Each item becomes its own document; its title is put at the head of its
//! text, so the cleaner finds the headline there as it would on a page.
//!
//! An `.xml` that is not a feed (a sitemap, a configuration file) is passed over with its own
//! reason rather than read as text.

use roxmltree::Node;

use super::xml::{self, attribute, child_in, children_named, local_name};
use super::{Markup, Unpacked};
use crate::ingest::decode;
use crate::model::{Format, ReadWarning, SkipReason};

const RSS1_NAMESPACE: &str = "http://purl.org/rss/1.0/";
const RSS09_NAMESPACE: &str = "http://my.netscape.com/rdf/simple/0.9/";
const DUBLIN_CORE: &str = "http://purl.org/dc/elements/1.1/";
const CONTENT_MODULE: &str = "http://purl.org/rss/1.0/modules/content/";
const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";

/// RSS elements carry no namespace in RSS 2.0 and RSS 1.0's (or 0.9's) in RDF feeds.
const RSS_ELEMENTS: [Option<&str>; 3] = [None, Some(RSS1_NAMESPACE), Some(RSS09_NAMESPACE)];

/// How far into a file that fails to parse to look for a feed's root element, to tell a
/// damaged feed from some other file that is not XML at all.
const ROOT_SNIFF_BYTES: usize = 4096;

/// Reads a feed's items, one [`Unpacked`] each, labelled "item N" by their place in the feed.
pub fn read(bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason> {
    let decoded = decode(bytes, xml::declared_encoding(bytes))?;
    let mut warnings = Vec::new();
    if !decoded.parts.is_empty() {
        warnings.push(ReadWarning::MixedEncodings {
            encodings: decoded.parts.clone(),
        });
    }
    if decoded.damaged_bytes > 0 {
        warnings.push(ReadWarning::UndecodableBytes {
            bytes: decoded.damaged_bytes,
            encoding: decoded.encoding,
        });
    }
    let repaired;
    let tree = match xml::parse(&decoded.text, Format::Feed) {
        Ok(tree) => tree,
        Err(reason) => {
            if !opens_as_feed(&decoded.text) {
                return Err(SkipReason::NotAFeed);
            }
            // Feeds are often written by hand or by templates that leave HTML's entities
            // (&nbsp;) or a bare "&" in a link: repaired once, then given up on.
            repaired = repair(&decoded.text);
            xml::parse(&repaired, Format::Feed).map_err(|_| reason)?
        }
    };
    let root = tree.root_element();
    let items = match (local_name(root), root.tag_name().namespace()) {
        (Some("rss"), _) => rss_items(root, false),
        (Some("RDF"), _) => rss_items(root, true),
        (Some("feed"), namespace) => atom_items(root, namespace),
        _ => return Err(SkipReason::NotAFeed),
    };
    if items.is_empty() {
        return Err(SkipReason::NoText);
    }
    let mut texts = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        if let Some(mut unpacked) = item.unpacked(decoded.encoding) {
            unpacked.item = Some(format!("item {}", index + 1));
            unpacked.warnings.clone_from(&warnings);
            texts.push(unpacked);
        }
    }
    if texts.is_empty() {
        return Err(SkipReason::NoText);
    }
    Ok(texts)
}

/// Whether a file that is not well-formed XML still opens like a feed (its first element is
/// `rss`, `feed` or `rdf:RDF`), so that it is reported as a damaged feed, not as no feed.
fn opens_as_feed(text: &str) -> bool {
    let mut end = text.len().min(ROOT_SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    ["<rss", "<feed", "<rdf:RDF", "<RDF"].iter().any(|root| {
        head.match_indices(root).any(|(at, _)| {
            head[at + root.len()..].starts_with(|next: char| next.is_whitespace() || next == '>')
        })
    })
}

/// HTML's named entities that feeds use most, as the characters XML does not know them for.
const HTML_ENTITIES: [(&str, char); 18] = [
    ("nbsp", '\u{A0}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("times", '×'),
    ("deg", '°'),
    ("yen", '¥'),
];

/// Makes the common faults of hand-made feeds well-formed, in one pass: HTML entities become
/// their characters, an "&" that starts no entity becomes "&amp;", and an RSS 0.91 document
/// type that points to Netscape's DTD (which is refused, and never fetched) is dropped. A
/// document type with declarations of its own is kept, and refused.
fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    let mut rest = text;
    if let Some(start) = text.find("<!DOCTYPE")
        && let Some(length) = text[start..].find('>')
        && !text[start..start + length].contains('[')
    {
        out.push_str(&text[..start]);
        rest = &text[start + length + 1..];
    }
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_length = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        let name = &after[..name_length];
        let closed = after[name_length..].starts_with(';');
        let xml_entity = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name.strip_prefix('#').is_some_and(|number| {
                number.strip_prefix(['x', 'X']).map_or_else(
                    || number.parse::<u32>().is_ok(),
                    |hex| u32::from_str_radix(hex, 16).is_ok(),
                )
            });
        let html_entity = HTML_ENTITIES
            .iter()
            .find(|(entity, _)| *entity == name)
            .map(|(_, character)| *character);
        match (closed, xml_entity, html_entity) {
            (true, true, _) => {
                out.push('&');
                rest = after;
            }
            (true, false, Some(character)) => {
                out.push(character);
                rest = &after[name_length + 1..];
            }
            _ => {
                out.push_str("&amp;");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One item of a feed, as the feed states it.
#[derive(Debug, Default)]
struct Item {
    title: String,
    /// The story, as HTML or text (markup escaped in the feed is already unescaped here).
    content: String,
    published: Option<String>,
    link: Option<String>,
    source: Option<String>,
    author: Option<String>,
}

impl Item {
    /// The item as a text with its hints, or `None` when it has neither title nor story.
    fn unpacked(self, encoding: &'static str) -> Option<Unpacked> {
        let title = self.title.trim();
        let content = self.content.trim();
        if title.is_empty() && content.is_empty() {
            return None;
        }
        let (text, markup) = if looks_like_html(content) {
            let heading = if title.is_empty() {
                String::new()
            } else {
                format!("<h1>{}</h1>\n", escape_html(title))
            };
            (format!("{heading}{content}"), Markup::Html)
        } else {
            let text = match (title.is_empty(), content.is_empty()) {
                (false, false) => format!("{title}\n\n{content}"),
                (false, true) => title.to_owned(),
                _ => content.to_owned(),
            };
            (text, Markup::Text)
        };
        let mut unpacked = Unpacked::new(text, markup, encoding);
        if !title.is_empty() {
            unpacked.hints.titles.push(title.to_owned());
        }
        unpacked.hints.published = self.published.as_deref().and_then(normalise_date);
        unpacked.hints.url = self.link.filter(|link| !link.is_empty());
        unpacked.hints.source = self.source.filter(|source| !source.is_empty());
        unpacked.hints.author = self.author.filter(|author| !author.is_empty());
        Some(unpacked)
    }
}

/// RSS 2.0's items (in `channel`), or RSS 1.0's (beside `channel`, under `rdf:RDF`).
fn rss_items(root: Node<'_, '_>, rdf: bool) -> Vec<Item> {
    let channel = child_in(root, &RSS_ELEMENTS, "channel");
    let feed_title = channel
        .and_then(|channel| child_in(channel, &RSS_ELEMENTS, "title"))
        .map(xml::collapsed_text);
    let holder = if rdf { Some(root) } else { channel };
    let Some(holder) = holder else {
        return Vec::new();
    };
    children_named(holder, "item")
        .filter(|item| RSS_ELEMENTS.contains(&item.tag_name().namespace()))
        .map(|item| rss_item(item, feed_title.as_deref()))
        .collect()
}

fn rss_item(item: Node<'_, '_>, feed_title: Option<&str>) -> Item {
    let text_of = |namespaces: &[Option<&str>], name: &str| {
        child_in(item, namespaces, name).map(|node| node_text(node).trim().to_owned())
    };
    let title = text_of(&RSS_ELEMENTS, "title")
        .or_else(|| text_of(&[Some(DUBLIN_CORE)], "title"))
        .map(|title| one_line(&strip_tags(&title)))
        .unwrap_or_default();
    let content = text_of(&[Some(CONTENT_MODULE)], "encoded")
        .filter(|content| !content.is_empty())
        .or_else(|| text_of(&RSS_ELEMENTS, "description"))
        .unwrap_or_default();
    let published = text_of(&RSS_ELEMENTS, "pubDate")
        .or_else(|| text_of(&[Some(DUBLIN_CORE)], "date"))
        .or_else(|| text_of(&[Some(ATOM_NAMESPACE)], "published"))
        .or_else(|| text_of(&[Some(ATOM_NAMESPACE)], "updated"));
    // A permanent guid is the item's address when it has no link.
    let permalink = child_in(item, &RSS_ELEMENTS, "guid")
        .filter(|guid| attribute(*guid, "isPermaLink") != Some("false"))
        .map(|guid| node_text(guid).trim().to_owned())
        .filter(|guid| guid.starts_with("http://") || guid.starts_with("https://"));
    let link = text_of(&RSS_ELEMENTS, "link")
        .filter(|link| !link.is_empty())
        .or_else(|| attribute(item, "about").map(str::to_owned))
        .or(permalink);
    // An aggregator names each story's own outlet in `source`; the channel is the aggregator.
    let source = text_of(&RSS_ELEMENTS, "source")
        .filter(|source| !source.is_empty())
        .or_else(|| feed_title.map(str::to_owned));
    let author =
        text_of(&[Some(DUBLIN_CORE)], "creator").or_else(|| text_of(&RSS_ELEMENTS, "author"));
    Item {
        title,
        content,
        published,
        link,
        source,
        author,
    }
}

/// Atom's entries, with the feed's title as their source.
fn atom_items<'a>(root: Node<'a, '_>, namespace: Option<&'a str>) -> Vec<Item> {
    let namespaces = [namespace];
    let feed_title = child_in(root, &namespaces, "title").map(|title| atom_text(title, true));
    let feed_author = child_in(root, &namespaces, "author")
        .and_then(|author| child_in(author, &namespaces, "name"))
        .map(xml::collapsed_text);
    children_named(root, "entry")
        .filter(|entry| entry.tag_name().namespace() == namespace)
        .map(|entry| {
            let child = |name: &str| child_in(entry, &namespaces, name);
            let title = child("title")
                .map(|title| atom_text(title, true))
                .unwrap_or_default();
            let content = child("content")
                .map(|content| atom_text(content, false))
                .filter(|content| !content.trim().is_empty())
                .or_else(|| child("summary").map(|summary| atom_text(summary, false)))
                .unwrap_or_default();
            let published = ["published", "issued", "updated", "modified"]
                .iter()
                .find_map(|name| child(name))
                .map(|date| node_text(date).trim().to_owned());
            let source = child("source")
                .and_then(|source| child_in(source, &namespaces, "title"))
                .map(|title| atom_text(title, true))
                .filter(|title| !title.is_empty())
                .or_else(|| feed_title.clone());
            let author = child("author")
                .and_then(|author| child_in(author, &namespaces, "name"))
                .map(xml::collapsed_text)
                .or_else(|| feed_author.clone());
            Item {
                title,
                content,
                published,
                link: atom_link(entry, &namespaces),
                source,
                author,
            }
        })
        .collect()
}

/// An entry's address: its `alternate` link (a link without `rel` is one), else its first.
fn atom_link(entry: Node<'_, '_>, namespaces: &[Option<&str>]) -> Option<String> {
    let links: Vec<_> = children_named(entry, "link")
        .filter(|link| namespaces.contains(&link.tag_name().namespace()))
        .filter_map(|link| Some((attribute(link, "rel"), attribute(link, "href")?)))
        .collect();
    links
        .iter()
        .find(|(rel, _)| matches!(rel, None | Some("alternate")))
        .or_else(|| links.first())
        .map(|(_, href)| href.trim().to_owned())
}

/// An Atom text construct's text. `type="html"` holds escaped markup (already unescaped
/// here); `type="xhtml"` holds a `div` of real elements, taken as markup from the file as
/// written. A title is wanted as plain text on one line.
fn atom_text(node: Node<'_, '_>, title: bool) -> String {
    let markup = match attribute(node, "type") {
        Some("xhtml") => node
            .children()
            .find(|child| child.is_element())
            .and_then(|div| node.document().input_text().get(div.range()))
            .map(str::to_owned),
        _ => None,
    };
    let text = markup.unwrap_or_else(|| node_text(node));
    if title {
        one_line(&strip_tags(&text))
    } else {
        text
    }
}

/// The text of an element: its text and CDATA (a feed's HTML arrives escaped as one or the
/// other), or, when the feed put unescaped XHTML elements in it, that markup as written in the
/// file, so that the story is read as HTML rather than lost with its tags.
fn node_text(node: Node<'_, '_>) -> String {
    if node.children().any(|child| child.is_element())
        && let (Some(first), Some(last)) = (node.first_child(), node.last_child())
        && let Some(markup) = node
            .document()
            .input_text()
            .get(first.range().start..last.range().end)
    {
        return markup.to_owned();
    }
    node.children()
        .filter(Node::is_text)
        .filter_map(|child| child.text())
        .collect()
}

/// A title's words on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text with anything between "<" and ">" taken out (a title some feeds write as HTML).
fn strip_tags(text: &str) -> String {
    if !looks_like_html(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for character in text.chars() {
        match character {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(character),
            _ => {}
        }
    }
    out
}

/// Whether a story holds markup: a tag opens ("<p", "</p", "<br", "<!--") and closes later.
/// "a < b" and "x<5" in plain text do not count.
fn looks_like_html(text: &str) -> bool {
    // Found once, so that a story of a million "<a" costs one pass, not a million.
    let Some(last_close) = text.rfind('>') else {
        return false;
    };
    text[..last_close].match_indices('<').any(|(at, _)| {
        text[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A feed's date as "2024-03-05", the form the date reader downstream reads for sure: RFC 822
/// ("Tue, 05 Mar 2024 08:00:00 +0800", RSS) and RFC 3339 ("2024-03-05T08:00:00+08:00",
/// Atom and Dublin Core). The day is the one written, in the zone written: the outlet's own
/// day is what its readers saw, and an outlet in China writes +0800. A date in neither form
/// is passed on as written, for the date reader to try.
fn normalise_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let (year, month, day) = rfc3339_day(raw)
        .or_else(|| rfc822_day(raw))
        .unwrap_or_default();
    if (1..=12).contains(&month) && (1..=31).contains(&day) {
        Some(format!("{year:04}-{month:02}-{day:02}"))
    } else {
        Some(raw.to_owned())
    }
}

/// The day of "2024-03-05", "2024-03-05T08:00:00Z" and the like.
fn rfc3339_day(raw: &str) -> Option<(u32, u32, u32)> {
    let date = raw.get(..10)?;
    let rest = &raw[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let mut fields = date.split('-');
    let year = fields.next().filter(|year| year.len() == 4)?.parse().ok()?;
    let month = fields
        .next()
        .filter(|month| month.len() == 2)?
        .parse()
        .ok()?;
    let day = fields.next().filter(|day| day.len() == 2)?.parse().ok()?;
    Some((year, month, day))
}

/// The day of "Tue, 05 Mar 2024 08:00:00 +0800", "5 Mar 24" and the like.
fn rfc822_day(raw: &str) -> Option<(u32, u32, u32)> {
    let dated = match raw.split_once(',') {
        Some((weekday, rest)) if weekday.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => raw,
    };
    let mut words = dated.split_whitespace();
    let day = words.next()?.parse().ok()?;
    let month_word = words.next()?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|month| month_word.starts_with(month))?;
    let year_word = words.next()?;
    let year: u32 = year_word.parse().ok()?;
    // RFC 822 wrote years with two digits.
    let year = match year_word.len() {
        2 if year < 50 => 2000 + year,
        2 => 1900 + year,
        4 => year,
        _ => return None,
    };
    Some((year, u32::try_from(month).ok()? + 1, day))
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

    fn path(name: &str) -> DocPath {
        DocPath {
            source: SourceId(0),
            path: name.into(),
            relative: name.to_owned(),
        }
    }

    #[test]
    fn rss_items_come_one_text_each_with_title_link_date_and_channel() {
        let items = read(&test_file("news.rss")).unwrap();
        // The third of four items has neither title nor text.
        let labels: Vec<_> = items.iter().map(|item| item.item.as_deref()).collect();
        assert_eq!(labels, [Some("item 1"), Some("item 2"), Some("item 4")]);
        let titles: Vec<_> = items.iter().map(|item| item.hints.titles.clone()).collect();
        assert_eq!(
            titles,
            [
                ["Nanjing and Suzhou sign industrial transfer agreement"],
                ["沪苏同城化：上海与苏州签署合作框架协议"],
                ["Hefei and Wuhu plan joint science park"],
            ]
        );
        let links: Vec<_> = items.iter().map(|item| item.hints.url.as_deref()).collect();
        assert_eq!(
            links,
            [
                Some("https://news.example.org/2024/03/05/nanjing-suzhou"),
                Some("https://news.example.org/2024/03/06/shanghai-suzhou"),
                Some("https://news.example.org/2024/03/07/hefei-wuhu"),
            ]
        );
        let dates: Vec<_> = items
            .iter()
            .map(|item| item.hints.published.as_deref())
            .collect();
        assert_eq!(
            dates,
            [Some("2024-03-05"), Some("2024-03-06"), Some("2024-03-07")]
        );
        assert!(
            items
                .iter()
                .all(|item| item.hints.source.as_deref() == Some("Yangtze Delta Cooperation News"))
        );
    }

    #[test]
    fn an_item_s_html_is_read_as_html_under_its_title_and_plain_text_as_text() {
        let items = read(&test_file("news.rss")).unwrap();
        assert_eq!(items[0].markup, Markup::Html);
        assert!(
            items[0].text.starts_with(
                "<h1>Nanjing and Suzhou sign industrial transfer agreement</h1>\n<p>On 5 March 2024"
            ),
            "{}",
            items[0].text
        );
        // content:encoded is the story; the description beside it only a summary.
        assert!(
            items[1].text.contains("上海市与苏州市签署"),
            "{}",
            items[1].text
        );
        assert!(!items[1].text.contains("简要"));
        assert_eq!(items[2].markup, Markup::Text);
        assert_eq!(
            items[2].text,
            "Hefei and Wuhu plan joint science park\n\nHefei and Wuhu agreed on 7 March 2024 to plan a joint science park."
        );
    }

    #[test]
    fn atom_entries_take_the_alternate_link_and_the_published_date() {
        let entries = read(&test_file("news.atom")).unwrap();
        assert_eq!(entries.len(), 2);
        let first = &entries[0];
        assert_eq!(first.item.as_deref(), Some("item 1"));
        assert_eq!(
            first.hints.titles,
            ["Guangzhou and Foshan open joint transit line"]
        );
        assert_eq!(
            first.hints.url.as_deref(),
            Some("https://briefs.example.org/2024/04/01/gz-fs")
        );
        assert_eq!(first.hints.published.as_deref(), Some("2024-04-01"));
        assert_eq!(first.hints.author.as_deref(), Some("Li Wei"));
        assert_eq!(
            first.hints.source.as_deref(),
            Some("Pearl River Delta Briefings")
        );
        assert_eq!(first.markup, Markup::Html);
        assert!(
            first.text.contains("<p>On 1 April 2024, Guangzhou"),
            "{}",
            first.text
        );
        assert!(!first.text.contains("A short summary"));
        let second = &entries[1];
        assert_eq!(
            second.hints.url.as_deref(),
            Some("https://briefs.example.org/2024/04/02/sz-hk")
        );
        assert_eq!(second.hints.published.as_deref(), Some("2024-04-02"));
        assert_eq!(second.markup, Markup::Text);
        assert!(
            second
                .text
                .starts_with("深圳与香港签署科技合作备忘录\n\n2024年4月2日")
        );
    }

    #[test]
    fn a_gbk_feed_is_decoded_as_its_declaration_says() {
        let items = read(&test_file("news-gbk.rss")).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].encoding, "GBK");
        assert_eq!(items[0].hints.titles, ["南京与镇江签署合作协议"]);
        assert_eq!(items[0].hints.source.as_deref(), Some("江苏合作新闻"));
        assert_eq!(items[0].hints.published.as_deref(), Some("2024-03-08"));
    }

    #[test]
    fn an_xml_file_that_is_no_feed_is_said_to_be_none() {
        assert_eq!(
            read(&test_file("not-a-feed.xml")),
            Err(SkipReason::NotAFeed)
        );
        assert_eq!(read(b"just some words"), Err(SkipReason::NotAFeed));
        assert!(matches!(
            read(b"<rss version=\"2.0\"><channel><item><title>cut off"),
            Err(SkipReason::Damaged {
                format: "news feed",
                ..
            })
        ));
        assert_eq!(
            read(b"<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>"),
            Err(SkipReason::NoText)
        );
    }

    #[test]
    fn rss_1_items_sit_beside_the_channel() {
        let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gov.example.cn/"><title>Gov news</title></channel>
  <item rdf:about="https://gov.example.cn/1.html"><title>One</title><description>Text one.</description><dc:date>2024-05-01</dc:date></item>
</rdf:RDF>"#;
        let items = read(rdf.as_bytes()).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].hints.url.as_deref(),
            Some("https://gov.example.cn/1.html")
        );
        assert_eq!(items[0].hints.published.as_deref(), Some("2024-05-01"));
        assert_eq!(items[0].hints.source.as_deref(), Some("Gov news"));
    }

    #[test]
    fn html_entities_a_bare_ampersand_and_netscape_s_dtd_are_repaired() {
        let feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>A&nbsp;B</title><item><title>Trade &amp; transit</title><link>https://x.example/?a=1&b=2</link><description>Text &copy; here.</description></item></channel></rss>";
        let items = read(feed.as_bytes()).unwrap();
        assert_eq!(
            items[0].hints.url.as_deref(),
            Some("https://x.example/?a=1&b=2")
        );
        assert_eq!(items[0].hints.source.as_deref(), Some("A B"));
        assert!(items[0].text.ends_with("Text © here."), "{}", items[0].text);
        // Declarations of its own are still refused: they could multiply entities.
        let declared = "<!DOCTYPE rss [<!ENTITY a \"aaaa\">]><rss><channel><item><title>&a;</title></item></channel></rss>";
        assert!(matches!(
            read(declared.as_bytes()),
            Err(SkipReason::Damaged { .. })
        ));
    }

    #[test]
    fn dates_are_normalised_to_the_day_written() {
        let cases = [
            ("Tue, 05 Mar 2024 08:00:00 +0800", "2024-03-05"),
            ("Thu, 7 Mar 2024 16:45:00 GMT", "2024-03-07"),
            ("5 Mar 24 08:00 +0800", "2024-03-05"),
            ("2024-03-06T09:30:00+08:00", "2024-03-06"),
            ("2024-04-02T07:15:00Z", "2024-04-02"),
            ("2024-05-01", "2024-05-01"),
            ("2024年3月5日", "2024年3月5日"),
        ];
        for (raw, day) in cases {
            assert_eq!(normalise_date(raw).as_deref(), Some(day), "{raw}");
            assert!(crate::ingest::find_full_date(day).is_some(), "{day}");
        }
        assert_eq!(normalise_date("  "), None);
    }

    #[test]
    fn a_feed_gives_one_document_per_item_with_its_address() {
        let documents =
            read_documents(&test_file("news.rss"), Format::Feed, path("news.rss")).unwrap();
        assert_eq!(documents.len(), 3);
        let relatives: Vec<_> = documents
            .iter()
            .map(|document| document.paths[0].relative.as_str())
            .collect();
        assert_eq!(
            relatives,
            [
                "news.rss › item 1",
                "news.rss › item 2",
                "news.rss › item 4"
            ]
        );
        assert_eq!(
            documents[0].meta.url.as_deref(),
            Some("https://news.example.org/2024/03/05/nanjing-suzhou")
        );
        assert!(documents.iter().all(|document| document.meta.url.is_some()));
        assert_eq!(
            documents[0].meta.title,
            "Nanjing and Suzhou sign industrial transfer agreement"
        );
        // The Chinese item's story, under its title, reports an event too; and its date.
        for document in &documents[..2] {
            assert!(
                !document.extraction.events.is_empty(),
                "{}",
                document.body().unwrap()
            );
        }
        assert_eq!(
            documents[1].meta.published,
            crate::model::PartialDate::ymd(2024, 3, 6)
        );
        let atom =
            read_documents(&test_file("news.atom"), Format::Feed, path("news.atom")).unwrap();
        assert_eq!(atom.len(), 2);
        assert!(atom.iter().all(|document| document.meta.url.is_some()));
    }

    #[test]
    fn a_folder_of_word_documents_and_feeds_loads_every_item_and_says_why_not_the_rest() {
        use std::sync::Mutex;
        use std::sync::atomic::AtomicBool;

        use crate::ingest::{IngestEvent, IngestOptions, Root, ingest};

        let folder = tempfile::tempdir().unwrap();
        for name in [
            "briefing.docx",
            "bomb.docx",
            "news.rss",
            "news.atom",
            "not-a-feed.xml",
        ] {
            std::fs::write(folder.path().join(name), test_file(name)).unwrap();
        }
        let events = Mutex::new(Vec::new());
        let send = |event: IngestEvent| events.lock().unwrap().push(event);
        let root = Root::Path(folder.path().to_owned());
        ingest(
            SourceId(0),
            &root,
            &IngestOptions::default(),
            &AtomicBool::new(false),
            &send,
        );
        let mut loaded = Vec::new();
        let mut skipped = Vec::new();
        for event in events.into_inner().unwrap() {
            match event {
                IngestEvent::Loaded(document) => loaded.push(document.paths[0].relative.clone()),
                IngestEvent::Skipped(file) => skipped.push((
                    file.path
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    file.reason,
                )),
                _ => {}
            }
        }
        loaded.sort();
        assert_eq!(
            loaded,
            [
                "briefing.docx",
                "news.atom › item 1",
                "news.atom › item 2",
                "news.rss › item 1",
                "news.rss › item 2",
                "news.rss › item 4",
            ]
        );
        skipped.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            skipped,
            [
                (
                    "bomb.docx".to_owned(),
                    SkipReason::UnpacksTooLarge {
                        limit_bytes: super::super::MAX_UNPACKED_BYTES
                    }
                ),
                ("not-a-feed.xml".to_owned(), SkipReason::NotAFeed),
            ]
        );
    }

    #[test]
    fn a_feed_cut_off_anywhere_or_with_any_byte_changed_never_panics() {
        let feed = test_file("news.rss");
        for end in 0..feed.len() {
            let _ = read(&feed[..end]);
        }
        for at in (0..feed.len()).step_by(7) {
            for byte in [b'<', b'>', b'&', b'"', 0xFF, b'\n'] {
                let mut changed = feed.clone();
                changed[at] = byte;
                let _ = read(&changed);
            }
        }
    }

    #[test]
    fn a_feed_nested_a_hundred_thousand_deep_or_flooded_with_items_is_read_in_one_pass() {
        let depth = 100_000;
        let deep = format!(
            "<rss><channel><item><title>Deep</title><description>{}x{}</description></item></channel></rss>",
            "<b>".repeat(depth),
            "</b>".repeat(depth)
        );
        let deep = read(deep.as_bytes()).unwrap();
        assert!(deep[0].text.contains("<b>x</b></b>"));
        let items = "<item><title>t</title></item>".repeat(20_000);
        let flood = format!("<rss><channel>{items}</channel></rss>");
        assert_eq!(read(flood.as_bytes()).map(|items| items.len()), Ok(20_000));
    }

    #[test]
    fn a_description_of_unescaped_xhtml_is_read_as_its_markup() {
        let feed = "<rss><channel><item><title>T</title><description><p>One &amp; <b>two</b>.</p><p>Three.</p></description></item></channel></rss>";
        let items = read(feed.as_bytes()).unwrap();
        assert_eq!(items[0].markup, Markup::Html);
        assert_eq!(
            items[0].text,
            "<h1>T</h1>\n<p>One &amp; <b>two</b>.</p><p>Three.</p>"
        );
    }
}
