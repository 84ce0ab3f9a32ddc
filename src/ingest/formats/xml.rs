//! What the Word and feed readers share about XML: parsing untrusted markup with limits, the
//! encoding an XML declaration names, and names compared without caring for prefixes.
//!
//! roxmltree builds the whole tree, which is simple to walk but costs memory per node; the
//! node limit keeps a file of millions of empty elements from costing gigabytes. DTDs are
//! refused (roxmltree's default), so no entity can expand a small file into a large one.

use encoding_rs::Encoding;
use roxmltree::{Document, Node, ParsingOptions};

use crate::model::{Format, SkipReason};

/// How many nodes (elements, attributes' owners, texts) one XML part may hold: a 500-page Word
/// document holds well under a million, and each node costs the tree about 60 bytes.
const MAX_XML_NODES: u32 = 4_000_000;

/// Parses `text` as XML within the node limit; `format` names the file in the error.
pub fn parse(text: &str, format: Format) -> Result<Document<'_>, SkipReason> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|error| match error {
        roxmltree::Error::NodesLimitReached => SkipReason::Damaged {
            format: format.name(),
            detail: format!("its XML holds more than {MAX_XML_NODES} nodes"),
        },
        other => SkipReason::Damaged {
            format: format.name(),
            detail: format!("its XML is malformed: {other}"),
        },
    })
}

/// The encoding named in an XML declaration (`<?xml version="1.0" encoding="GBK"?>`), if the
/// file opens with one and the name is known.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let declaration_end = head.windows(2).position(|pair| pair == b"?>")?;
    let declaration = head.get(..declaration_end)?.strip_prefix(b"<?xml")?;
    let at = declaration
        .windows(b"encoding".len())
        .position(|window| window == b"encoding")?;
    let rest = declaration.get(at + b"encoding".len()..)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let end = rest.iter().position(|&byte| byte == quote)?;
    Encoding::for_label(rest.get(..end)?)
}

/// An element's local name (its tag without the prefix), or `None` for other nodes.
pub fn local_name<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.is_element().then(|| node.tag_name().name())
}

/// The element children of `node` whose local name is `name`.
pub fn children_named<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children()
        .filter(move |child| local_name(*child) == Some(name))
}

/// The first element child of `node` named `name` in one of `namespaces` (`None` for no
/// namespace).
pub fn child_in<'a, 'input>(
    node: Node<'a, 'input>,
    namespaces: &[Option<&str>],
    name: &str,
) -> Option<Node<'a, 'input>> {
    node.children().find(|child| {
        local_name(*child) == Some(name) && namespaces.contains(&child.tag_name().namespace())
    })
}

/// An attribute's value by its local name, whatever its prefix (`w:val`, `val`).
pub fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|attribute| attribute.name() == name)
        .map(|attribute| attribute.value())
}

/// All the text below `node`, in document order, with runs of blank space collapsed and the
/// ends trimmed (a title split over lines in the file reads as one line).
pub fn collapsed_text(node: Node<'_, '_>) -> String {
    let mut text = String::new();
    let texts = node.descendants().filter(Node::is_text);
    for piece in texts.filter_map(|node| node.text()) {
        for word in piece.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    text
}

/// A step of a walk through a tree: into a node, or back out of it.
#[derive(Clone, Copy, Debug)]
pub enum Edge<'a, 'input> {
    /// Entering the node (before its children).
    Open(Node<'a, 'input>),
    /// Leaving it (after its children).
    Close(Node<'a, 'input>),
}

/// Walks the subtree of `root` in document order, opening and closing each node, without
/// recursion: a file nested thousands deep cannot overflow the stack.
pub fn traverse<'a, 'input>(root: Node<'a, 'input>) -> impl Iterator<Item = Edge<'a, 'input>> {
    let mut next = Some(Edge::Open(root));
    std::iter::from_fn(move || {
        let edge = next.take()?;
        next = match edge {
            Edge::Open(node) => Some(node.first_child().map_or(Edge::Close(node), Edge::Open)),
            Edge::Close(node) if node.id() == root.id() => None,
            Edge::Close(node) => match node.next_sibling() {
                Some(sibling) => Some(Edge::Open(sibling)),
                None => node.parent().map(Edge::Close),
            },
        };
        Some(edge)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_encoding_is_read_from_the_declaration_only() {
        let gbk = declared_encoding(b"<?xml version=\"1.0\" encoding='gb2312'?><rss/>");
        assert_eq!(gbk.map(Encoding::name), Some("GBK"));
        assert_eq!(declared_encoding(b"<rss encoding=\"gbk\"/>"), None);
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><a/>"), None);
        assert_eq!(declared_encoding(b"<?xml encoding=\"x"), None);
    }

    #[test]
    fn a_walk_opens_and_closes_every_node_in_order() {
        let tree = parse("<a><b>x</b><c/></a>", Format::Feed).unwrap();
        let steps: Vec<String> = traverse(tree.root_element())
            .map(|edge| match edge {
                Edge::Open(node) => format!("+{}", local_name(node).or(node.text()).unwrap_or("")),
                Edge::Close(node) => format!("-{}", local_name(node).or(node.text()).unwrap_or("")),
            })
            .collect();
        assert_eq!(steps, ["+a", "+b", "+x", "-x", "-b", "+c", "-c", "-a"]);
    }

    #[test]
    fn a_dtd_is_refused_so_entities_cannot_multiply() {
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;&b;&b;</r>";
        assert!(matches!(
            parse(laughs, Format::Feed),
            Err(SkipReason::Damaged { .. })
        ));
    }
}
