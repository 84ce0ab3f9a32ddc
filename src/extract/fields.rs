//! Fields of cooperation, from the lexicon in `assets/fields.tsv`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

static FIELDS_TSV: &str = include_str!("../../assets/fields.tsv");

struct Lexicon {
    /// Canonical field for each phrase pattern.
    fields: Vec<String>,
    matcher: Option<AhoCorasick>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut fields = Vec::new();
    for line in FIELDS_TSV
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
    {
        let mut columns = line.split('\t');
        let (Some(field), Some(list)) = (columns.next(), columns.next()) else {
            continue;
        };
        for phrase in list.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            phrases.push(phrase.to_lowercase());
            fields.push(field.trim().to_owned());
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .ok();
    Lexicon { fields, matcher }
});

/// The fields named in `text`, in order of first mention, each once.
pub fn fields_in(text: &str) -> Vec<String> {
    let lexicon = &*LEXICON;
    let mut found: Vec<String> = Vec::new();
    for hit in lexicon
        .matcher
        .iter()
        .flat_map(|matcher| matcher.find_iter(text))
    {
        let before = text[..hit.start()].chars().next_back();
        let after = text[hit.end()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(field) = lexicon.fields.get(hit.pattern().as_usize())
            && !found.contains(field)
        {
            found.push(field.clone());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_fields_once_in_order() {
        let fields = super::fields_in(
            "cooperation on new energy vehicles, aerospace and the digital economy, and more new energy vehicles",
        );
        assert_eq!(
            fields,
            ["new energy vehicles", "aerospace", "digital economy"]
        );
    }
}
