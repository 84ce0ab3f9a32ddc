//! Traditional characters read as simplified, so that one gazetteer and one set of rules
//! serve both scripts (江寧區 is 江宁区; 簽署 is 签署).
//!
//! The folded text has the same length in bytes and the same character boundaries as the
//! original, so every range found in it is a range of the original: the viewer shows and marks
//! the page as it was written.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::gazetteer::{is_cjk, may_hold_cjk};

/// A line without the pinyin mirror sites write after Chinese characters ("發(fā)布時(shí)間",
/// "臺(tái)海網(wǎng)10月11日訊"), for readers that take only its meaning (a page date, a dateline),
/// never its offsets: the reading splits the words they look for.
pub fn without_inline_pinyin(line: &str) -> Cow<'_, str> {
    if !line.contains(['(', '（']) || !may_hold_cjk(line) {
        return Cow::Borrowed(line);
    }
    INLINE_PINYIN.replace_all(line, "$1")
}

/// A Chinese character followed by one syllable of pinyin with its tone mark, in brackets.
static INLINE_PINYIN: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::pattern::compiled(r"(\p{Han})[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")
});

/// The text with traditional characters replaced by their simplified forms, where the
/// replacement is one character of the same UTF-8 length (nearly always: both are in the
/// Basic Multilingual Plane); other characters are kept.
pub fn simplified(text: &str) -> Cow<'_, str> {
    if !may_hold_cjk(text) || !text.chars().any(is_cjk) {
        return Cow::Borrowed(text);
    }
    // One conversion of the whole text is fastest, and right when it keeps every boundary.
    let whole = hanconv::t2s(text);
    if same_shape(text, &whole) {
        return if whole == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(whole)
        };
    }
    // A phrase rule changed the length somewhere: fold character by character.
    let mut cache: HashMap<char, char> = HashMap::new();
    let folded: String = text
        .chars()
        .map(|c| {
            if !is_cjk(c) {
                return c;
            }
            *cache.entry(c).or_insert_with(|| {
                let converted = hanconv::t2s(c.encode_utf8(&mut [0; 4]));
                let mut one = converted.chars();
                match (one.next(), one.next()) {
                    (Some(s), None) if s.len_utf8() == c.len_utf8() => s,
                    _ => c,
                }
            })
        })
        .collect();
    Cow::Owned(folded)
}

/// Whether two texts have the same characters' byte lengths, one for one.
fn same_shape(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.len_utf8() == y.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mirror_site_s_pinyin_is_read_past() {
        assert_eq!(
            without_inline_pinyin("臺(tái)海網(wǎng)10月11日訊"),
            "臺海網10月11日訊"
        );
        // Other brackets stay, and so does a line without Chinese.
        assert_eq!(without_inline_pinyin("江苏(南京)"), "江苏(南京)");
        assert_eq!(without_inline_pinyin("Café (é)"), "Café (é)");
    }

    #[test]
    fn traditional_is_read_as_simplified_with_the_same_offsets() {
        let text = "江寧區與蘇州市簽署合作協議 (2023)";
        let folded = simplified(text);
        assert_eq!(folded, "江宁区与苏州市签署合作协议 (2023)");
        assert_eq!(folded.len(), text.len());
        assert!(matches!(simplified("Jiangning District"), Cow::Borrowed(_)));
        assert!(matches!(simplified("江宁区"), Cow::Borrowed(_)));
    }
}
