//! Saved web pages to text: paragraphs kept, scripts, styles and navigation dropped.
//!
//! The page's own metadata (`<title>`, Open Graph and news `<meta>` tags, the first `<h1>`) is
//! returned beside the text as hints for the metadata stage, which still checks them against
//! the text; so is where the page came from (its canonical address, the marks saving tools
//! leave in comments), for the citation.

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

use super::provenance;

/// Text of a page and what its markup says about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// Visible text, one block per paragraph, blocks separated by a blank line.
    pub text: String,
    /// Headline candidates from the markup, best first (`og:title`, first `<h1>`, `<title>`).
    pub titles: Vec<String>,
    /// A publication date as the markup states it (`article:published_time`, `PubDate`, …).
    pub published: Option<String>,
    /// The outlet or source the markup names.
    pub source: Option<String>,
    /// The author the markup names.
    pub author: Option<String>,
    /// The address the page was published at, as the saved page states it: its canonical
    /// link, else `og:url`, else a SingleFile header's `url:`, else a `saved from url=`
    /// comment. Absolute http(s) addresses only.
    pub url: Option<String>,
    /// The day the page was saved (`2024-03-07`), when a SingleFile header says.
    pub captured: Option<String>,
    /// How deep the markup was nested, when deeper than [`MAX_NESTING`]: the tags below that
    /// depth were set aside before parsing (their text kept).
    pub flattened_from_depth: Option<usize>,
}

/// How deeply nested markup is followed. Real pages nest a few dozen levels; a parser checks
/// the open elements at each tag, so thousands of levels cost time that grows with the square
/// of the depth.
pub const MAX_NESTING: usize = 256;

/// Elements that never hold others (they do not deepen the nesting).
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a parser closes by itself when the next one opens (a page rarely closes them):
/// counted as not deepening the nesting.
const SELF_CLOSING_IN_PRACTICE: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// Elements whose content is raw text, not markup.
const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "textarea", "title"];

/// The page with tags nested below [`MAX_NESTING`] set aside (their text kept), and how deep
/// it went; the page itself when it never goes that deep. One pass over the bytes.
fn cap_nesting(html: &str) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut copied_to = 0usize;
    let mut at = 0usize;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let Some(tag) = read_tag(html, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        if tag.comment || tag.void {
            continue;
        }
        if RAW_TEXT_ELEMENTS.contains(&tag.name.as_str()) && !tag.closing {
            // Skip to its end tag: its content is not markup.
            let close = format!("</{}", tag.name);
            at = find_ascii_case_insensitive(html, at, &close).unwrap_or(html.len());
            continue;
        }
        if SELF_CLOSING_IN_PRACTICE.contains(&tag.name.as_str()) {
            continue;
        }
        let too_deep = if tag.closing {
            let was = depth;
            depth = depth.saturating_sub(1);
            was > MAX_NESTING
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            depth > MAX_NESTING
        };
        if too_deep {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied_to..start]);
            copied_to = tag.end;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[copied_to..]);
            (std::borrow::Cow::Owned(out), Some(deepest))
        }
        None => (std::borrow::Cow::Borrowed(html), None),
    }
}

/// A tag found in the page's bytes.
struct Tag {
    name: String,
    closing: bool,
    void: bool,
    comment: bool,
    end: usize,
}

/// The tag that starts at `start` (a `<`).
fn read_tag(html: &str, start: usize) -> Option<Tag> {
    let rest = &html[start..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |end| start + end + 3);
        return Some(Tag {
            name: String::new(),
            closing: false,
            void: false,
            comment: true,
            end,
        });
    }
    let closing = rest.starts_with("</");
    let name_start = if closing { 2 } else { 1 };
    let name: String = rest[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if name.is_empty() || !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        // "<!DOCTYPE", "<?xml", a lone "<": not an element.
        let end = rest.find('>').map_or(html.len(), |end| start + end + 1);
        return Some(Tag {
            name,
            closing,
            void: true,
            comment: false,
            end,
        });
    }
    // No '>' anywhere after: nothing more is a tag (and no later '<' is looked at again).
    let Some(close) = rest.find('>') else {
        return Some(Tag {
            name,
            closing,
            void: true,
            comment: false,
            end: html.len(),
        });
    };
    let void = VOID_ELEMENTS.contains(&name.as_str()) || rest[..close].ends_with('/');
    Some(Tag {
        name,
        closing,
        void,
        comment: false,
        end: start + close + 1,
    })
}

/// Where the next `<` is.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Where `needle` (ASCII) next occurs in `html` from `from`, ignoring ASCII case.
fn find_ascii_case_insensitive(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes().get(from..)?;
    let needle = needle.as_bytes();
    hay.windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
        .map(|at| from + at)
}

/// Elements whose content is never article text.
const DROPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "iframe", "button", "select",
    "option", "form", "head", "aside", "canvas", "object", "video", "audio", "map",
];

/// Class or id words that mark site furniture: menus, share bars, comment forms, sidebars.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "sidebar",
    "footer",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "cookie",
    "subscribe",
    "related",
    "toolbar",
    "topbar",
    "copyright",
];

/// Elements after which a line ends.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "center",
    "body",
    "caption",
    "details",
    "summary",
];

/// Finds the encoding a page declares in its first bytes (`<meta charset="gbk">` or the
/// `http-equiv` form), before the bytes are decoded.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let position = find(&lower, b"charset=")?;
    let rest = &head[position + b"charset=".len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Converts a page to text, keeping paragraphs and dropping what is never article text.
pub fn html_to_text(html: &str) -> HtmlText {
    let (html, flattened_from_depth) = cap_nesting(html);
    let document = Html::parse_document(&html);
    let mut out = TextBuilder::default();
    // Depth of the innermost dropped element we are inside, if any. The traversal is iterative,
    // so deeply nested markup cannot overflow the stack.
    let mut dropped_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut first_h1: Option<String> = None;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if dropped_depth.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.push_inline(text),
                    Node::Element(element) => {
                        let name = element.name();
                        if is_dropped(element) {
                            dropped_depth = Some(depth);
                        } else if name == "br" {
                            out.line_break();
                        } else if BLOCK_ELEMENTS.contains(&name) {
                            out.block_break();
                            if name == "h1" && first_h1.is_none() {
                                first_h1 = ElementRef::wrap(node)
                                    .map(|h1| collapse(&h1.text().collect::<String>()));
                            }
                        } else if matches!(name, "td" | "th") {
                            out.push_inline(" ");
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if dropped_depth == Some(depth) {
                    dropped_depth = None;
                } else if dropped_depth.is_none()
                    && let Node::Element(element) = node.value()
                    && BLOCK_ELEMENTS.contains(&element.name())
                {
                    out.block_break();
                }
                depth -= 1;
            }
        }
    }
    let mut result = HtmlText {
        text: out.finish(),
        flattened_from_depth,
        ..HtmlText::default()
    };
    collect_meta(&document, &mut result, first_h1);
    result
}

fn is_dropped(element: &scraper::node::Element) -> bool {
    if DROPPED_ELEMENTS.contains(&element.name()) {
        return true;
    }
    if element.attr("role") == Some("navigation") || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marked = |value: Option<&str>| {
        value.is_some_and(|value| {
            value
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| FURNITURE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    marked(element.attr("class")) || marked(element.attr("id"))
}

/// Reads `<title>` and the `<meta>` tags news sites and Chinese government sites use.
fn collect_meta(document: &Html, result: &mut HtmlText, first_h1: Option<String>) {
    let elements_named = |tag: &'static str| {
        document
            .tree
            .nodes()
            .filter_map(ElementRef::wrap)
            .filter(move |element| element.value().name() == tag)
    };
    let meta = |names: &[&str]| -> Option<String> {
        elements_named("meta")
            .find(|element| {
                let element = element.value();
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"))
                    .unwrap_or_default();
                names.iter().any(|name| key.eq_ignore_ascii_case(name))
            })
            .and_then(|element| element.value().attr("content"))
            .map(collapse)
            .filter(|value| !value.is_empty())
    };
    let title_tag = elements_named("title")
        .next()
        .map(|title| collapse(&title.text().collect::<String>()));
    result.titles = [
        meta(&["og:title", "twitter:title", "ArticleTitle"]),
        first_h1,
        title_tag,
    ]
    .into_iter()
    .flatten()
    .filter(|title| !title.is_empty())
    .collect();
    result.published = meta(&[
        "article:published_time",
        "PubDate",
        "publishdate",
        "pubdate",
        "datePublished",
        "date",
        "DC.date",
    ]);
    result.source = meta(&["ContentSource", "source", "og:site_name"]);
    result.author = meta(&["author", "article:author"]);
    collect_origin(document, result, meta(&["og:url"]));
}

/// Reads where the page came from: its canonical link, `og:url`, and the comments that saving
/// tools write (SingleFile's header, the `saved from url=` of a "complete" page), preferred in
/// that order: a canonical link is the site's own word on the article's address, `og:url`
/// nearly so, while a saving tool records the address it was at (tracking parameters, a
/// mobile mirror). A relative canonical link is resolved against the page's own address when
/// one of the others gives it, and dropped otherwise.
fn collect_origin(document: &Html, result: &mut HtmlText, og_url: Option<String>) {
    let mut single_file = None;
    let mut saved_from = None;
    let mut canonical_href = None;
    for node in document.tree.nodes() {
        match node.value() {
            Node::Comment(comment) => {
                if single_file.is_none() {
                    single_file = provenance::single_file(comment);
                }
                if saved_from.is_none() {
                    saved_from = provenance::saved_from(comment);
                }
            }
            Node::Element(element)
                if canonical_href.is_none()
                    && element.name() == "link"
                    && element.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|token| token.eq_ignore_ascii_case("canonical"))
                    }) =>
            {
                canonical_href = element.attr("href").map(str::to_owned);
            }
            _ => {}
        }
    }
    let (single_file_url, saved_day) = single_file
        .map(|header| (header.url, header.saved))
        .unwrap_or_default();
    let og_url = og_url.as_deref().and_then(provenance::web_address);
    let page_address = og_url
        .as_deref()
        .or(single_file_url.as_deref())
        .or(saved_from.as_deref());
    let canonical = canonical_href
        .as_deref()
        .and_then(|href| provenance::resolve(href, page_address));
    result.url = canonical.or(og_url).or(single_file_url).or(saved_from);
    result.captured = saved_day;
}

/// Collapses runs of white space to one space and trims.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Accumulates inline text, collapsing white space, with explicit line and block breaks.
#[derive(Default)]
struct TextBuilder {
    text: String,
    /// A space is owed before the next word.
    pending_space: bool,
}

impl TextBuilder {
    fn push_inline(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        for (index, word) in text.split_whitespace().enumerate() {
            if (index > 0 || self.pending_space) && !self.at_line_start() {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.pending_space = false;
        }
        if text.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn line_break(&mut self) {
        self.trim_trailing_spaces();
        self.text.push('\n');
        self.pending_space = false;
    }

    fn block_break(&mut self) {
        self.trim_trailing_spaces();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str(if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
        self.pending_space = false;
    }

    fn trim_trailing_spaces(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
    }

    fn finish(mut self) -> String {
        self.trim_trailing_spaces();
        while self.text.ends_with('\n') {
            self.text.pop();
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_nested_past_the_limit_is_flattened_with_its_text_kept() {
        let deep = format!(
            "<html><body><p>Before.</p>{}Wuxi and Xuzhou signed an agreement.{}<p>After.</p></body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        // Quadratic before: 33 s for 100,000 levels on the test machine; now one pass.
        let page = html_to_text(&deep);
        assert!(page.text.contains("Wuxi and Xuzhou signed an agreement."));
        assert!(page.text.contains("After."));
        assert_eq!(page.flattened_from_depth, Some(100_002));
        // A page of ordinary depth is parsed as it is, scripts with '<' in them included.
        let page = html_to_text(
            "<html><body><script>if (a < b) { x = '<div>'; }</script><div><p>Text</p></div></body></html>",
        );
        assert_eq!(page.flattened_from_depth, None);
        assert_eq!(page.text.trim(), "Text");
    }

    #[test]
    fn a_page_of_lone_angle_brackets_is_read_in_one_pass() {
        let page = html_to_text(&"a < b ".repeat(200_000));
        assert!(page.text.starts_with("a < b"));
    }

    #[test]
    fn keeps_paragraphs_and_drops_scripts_styles_and_navigation() {
        let page = r#"<html><head><title>Wuxi and Xuzhou sign - City News</title>
            <style>p { color: red }</style><script>var x = "hidden";</script></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="share-bar">Facebook Twitter</div>
            <h1>Wuxi and Xuzhou sign an agreement</h1>
            <p>Wuxi and   Xuzhou <b>signed</b> a cooperation agreement.</p>
            <p>It covers industrial parks.<br>And tourism.</p></body></html>"#;
        let html = html_to_text(page);
        assert_eq!(
            html.text,
            "Wuxi and Xuzhou sign an agreement\n\nWuxi and Xuzhou signed a cooperation agreement.\n\nIt covers industrial parks.\nAnd tourism."
        );
        assert_eq!(html.titles[0], "Wuxi and Xuzhou sign an agreement");
        assert_eq!(html.titles[1], "Wuxi and Xuzhou sign - City News");
    }

    #[test]
    fn reads_news_meta_tags() {
        let page = r#"<html><head><meta name="PubDate" content="2020-06-11 09:30">
            <meta name="ContentSource" content="Nanjing Daily"></head><body><p>Text.</p></body></html>"#;
        let html = html_to_text(page);
        assert_eq!(html.published.as_deref(), Some("2020-06-11 09:30"));
        assert_eq!(html.source.as_deref(), Some("Nanjing Daily"));
    }

    #[test]
    fn the_page_address_is_the_canonical_link_then_og_url_then_the_saving_tools() {
        let single_file = "<!--\n Page saved with SingleFile \n url: https://example.com/single \n saved date: Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)\n-->";
        let saved_from = "<!-- saved from url=(0028)https://example.com/complete -->";
        let canonical = r#"<link rel="Canonical" href="https://example.com/canonical">"#;
        let og_url = r#"<meta property="og:url" content="https://example.com/og">"#;
        let page = |head: &str| {
            html_to_text(&format!(
                "<!DOCTYPE html>{head}<html><head></head><body><p>Text.</p></body></html>"
            ))
        };
        let all = format!("{saved_from}{single_file}{canonical}{og_url}");
        assert_eq!(
            page(&all).url.as_deref(),
            Some("https://example.com/canonical")
        );
        let no_canonical = format!("{saved_from}{single_file}{og_url}");
        assert_eq!(
            page(&no_canonical).url.as_deref(),
            Some("https://example.com/og")
        );
        let tools_only = format!("{saved_from}{single_file}");
        assert_eq!(
            page(&tools_only).url.as_deref(),
            Some("https://example.com/single")
        );
        assert_eq!(
            page(saved_from).url.as_deref(),
            Some("https://example.com/complete")
        );
        assert_eq!(page("").url, None);
        // The SingleFile header also says when; the saved-from comment does not.
        assert_eq!(page(single_file).captured.as_deref(), Some("2024-03-07"));
        assert_eq!(page(saved_from).captured, None);
    }

    #[test]
    fn a_relative_canonical_link_is_resolved_against_the_page_or_dropped() {
        let relative = r#"<link rel="canonical" href="/news/2024/story.html">"#;
        let alone = html_to_text(&format!(
            "<html><head>{relative}</head><body></body></html>"
        ));
        assert_eq!(alone.url, None);
        let with_own_address = html_to_text(&format!(
            "<!-- saved from url=(0031)https://m.example.com/a?from=app -->\
             <html><head>{relative}</head><body></body></html>"
        ));
        assert_eq!(
            with_own_address.url.as_deref(),
            Some("https://m.example.com/news/2024/story.html")
        );
        // Only web addresses: a file path is no address to cite.
        let local = html_to_text(
            r#"<html><head><link rel="canonical" href="file:///C:/story.html"></head></html>"#,
        );
        assert_eq!(local.url, None);
    }

    #[test]
    fn finds_a_declared_charset() {
        let page =
            br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#;
        assert_eq!(declared_charset(page), Some(encoding_rs::GBK));
        assert_eq!(
            declared_charset(b"<meta charset='big5'>"),
            Some(encoding_rs::BIG5)
        );
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn survives_deeply_nested_markup() {
        let page = format!("{}deep{}", "<div>".repeat(2_000), "</div>".repeat(2_000));
        assert!(html_to_text(&page).text.contains("deep"));
    }
}
