//! Saved web pages to text: paragraphs kept, scripts, styles and navigation dropped.
//!
//! The page's own metadata (`<title>`, Open Graph and news `<meta>` tags, the first `<h1>`) is
//! returned beside the text as hints for the metadata stage, which still checks them against
//! the text.

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

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
    let document = Html::parse_document(html);
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
