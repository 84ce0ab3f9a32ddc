//! Traditional characters read as simplified, so that one gazetteer and one set of rules
//! serve both scripts (江寧區 is 江宁区; 簽署 is 签署).
//!
//! The folded text has the same length in bytes and the same character boundaries as the
//! original, so every range found in it is a range of the original: the viewer shows and marks
//! the page as it was written.

use std::borrow::Cow;
use std::collections::HashMap;

use super::gazetteer::{is_cjk, may_hold_cjk};

/// A line without the pinyin mirror sites write after Chinese characters ("發(fā)布時(shí)間",
/// "臺(tái)海網(wǎng)10月11日訊"), for readers that take only its meaning (a page date, a dateline),
/// never its offsets: the reading splits the words they look for.
pub fn without_inline_pinyin(line: &str) -> Cow<'_, str> {
    match Unglossed::of(line) {
        Some(unglossed) => Cow::Owned(unglossed.text),
        None => Cow::Borrowed(line),
    }
}

/// A text without its inline pinyin, and the way back to the original's offsets: extraction
/// reads the words whole ("代表團赴", not "代表團(tuán)赴") and reports ranges of the page as
/// it was written.
#[derive(Debug)]
pub struct Unglossed {
    /// The text with every gloss cut out.
    pub text: String,
    /// For each cut: where it falls in `text`, and the bytes cut up to and including it.
    cuts: Vec<(usize, usize)>,
}

impl Unglossed {
    /// The text without its glosses; `None` when it has none (nearly every page).
    pub fn of(original: &str) -> Option<Self> {
        let glosses = pinyin_glosses(original);
        if glosses.is_empty() {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut cuts = Vec::with_capacity(glosses.len());
        let (mut from, mut removed) = (0, 0);
        for gloss in glosses {
            text.push_str(&original[from..gloss.start]);
            removed += gloss.len();
            cuts.push((text.len(), removed));
            from = gloss.end;
        }
        text.push_str(&original[from..]);
        Some(Self { text, cuts })
    }

    /// The original range of a range of `text`. A range that ends where a gloss was cut ends
    /// before the gloss, with the character it glosses; one that starts there starts after it.
    pub fn original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let before = |position: usize, inclusive: bool| {
            let count = self
                .cuts
                .partition_point(|&(at, _)| at < position || (inclusive && at == position));
            count.checked_sub(1).map_or(0, |last| self.cuts[last].1)
        };
        range.start + before(range.start, true)..range.end + before(range.end, false)
    }
}

/// The byte ranges of the bracketed pinyin a mirror site writes after Chinese characters: one
/// syllable with its tone mark, right after a Han character ("團(tuán)"). Brackets holding
/// anything else ("江苏(南京)", "Café (é)") are not glosses.
fn pinyin_glosses(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut glosses = Vec::new();
    // Single-character searches (a byte search each), not one over a set of characters, which
    // decodes every character of the page.
    if !may_hold_cjk(text) || !(text.contains('(') || text.contains('（')) {
        return glosses;
    }
    let mut brackets: Vec<(usize, &str)> = text
        .match_indices('(')
        .chain(text.match_indices('（'))
        .collect();
    brackets.sort_unstable_by_key(|&(at, _)| at);
    for (at, bracket) in brackets {
        let after_han = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| is_cjk(c) && c.is_alphabetic());
        if !after_han {
            continue;
        }
        if let Some(length) = syllable_then_close(&text[at + bracket.len()..]) {
            glosses.push(at..at + bracket.len() + length);
        }
    }
    glosses
}

/// The length of "syllable)" at the start of `rest` when it is one pinyin syllable with its
/// tone mark (up to five plain letters either side of the marked vowel) and a closing bracket.
fn syllable_then_close(rest: &str) -> Option<usize> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let plain = |c: char| c.is_ascii_lowercase() || c == 'ü';
    let mut chars = rest.char_indices();
    let mut letters = 0;
    let mut toned = false;
    for (at, c) in chars.by_ref() {
        if c == ')' || c == '）' {
            return toned.then_some(at + c.len_utf8());
        }
        if TONED.contains(c) && !toned {
            toned = true;
            letters = 0;
        } else if plain(c) && letters < 5 {
            letters += 1;
        } else {
            return None;
        }
    }
    None
}

/// The text with traditional characters replaced by their simplified forms, where the
/// replacement is one character of the same UTF-8 length (nearly always: both are in the
/// Basic Multilingual Plane); other characters are kept.
pub fn simplified(text: &str) -> Cow<'_, str> {
    // Most Chinese pages are written in simplified characters: a text with no character the
    // table would change is returned as it is without running the conversion.
    if !may_hold_cjk(text) || !holds_traditional(text) {
        return Cow::Borrowed(text);
    }
    // A simplified page often holds a traditional character or two in one line (a footer's
    // 版權所有, a quoted name): only the lines that hold one are converted. No phrase of the
    // table spans a line break, so line by line reads as the whole text would.
    let mut folded = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if holds_traditional(line) {
            folded.push_str(&simplified_line(line));
        } else {
            folded.push_str(line);
        }
    }
    if folded == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(folded)
    }
}

/// [`simplified`] of one line that holds a traditional character or variant.
fn simplified_line(line: &str) -> Cow<'_, str> {
    match simplified_forms(line) {
        Cow::Borrowed(_) => without_variants(line),
        Cow::Owned(folded) => Cow::Owned(without_variants(&folded).into_owned()),
    }
}

/// The Basic Multilingual Plane's Chinese characters that the conversion table changes on
/// their own (traditional forms), one bit each; built once, on the first Chinese text.
static TRADITIONAL: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    let mut buffer = [0u8; 4];
    for c in (0x3400..=0xFFFF)
        .filter_map(char::from_u32)
        .filter(|&c| is_cjk(c))
    {
        let as_text: &str = c.encode_utf8(&mut buffer);
        if hanconv::t2s(as_text) != as_text {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    for &(variant, _) in VARIANTS {
        bits[variant as usize / 64] |= 1 << (variant as usize % 64);
    }
    bits
});

/// Whether folding may change a character of `text`: a traditional form, a variant, or a
/// Chinese character beyond the Basic Multilingual Plane (never ruled out).
fn holds_traditional(text: &str) -> bool {
    text.chars().any(|c| {
        let code = c as usize;
        is_cjk(c) && (code >= 0x10000 || TRADITIONAL[code / 64] & (1 << (code % 64)) != 0)
    })
}

/// Variant characters that the conversion table leaves as they are, with the simplified form a
/// reader takes them for (Taiwan and Hong Kong sites write 陜西 for 陕西 as often as 陝西).
const VARIANTS: &[(char, char)] = &[('陜', '陕')];

/// The text with each of [`VARIANTS`] replaced (same UTF-8 length, so offsets hold).
fn without_variants(text: &str) -> Cow<'_, str> {
    if !text.contains(|c| VARIANTS.iter().any(|&(variant, _)| variant == c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                VARIANTS
                    .iter()
                    .find(|&&(variant, _)| variant == c)
                    .map_or(c, |&(_, simple)| simple)
            })
            .collect(),
    )
}

/// [`simplified`] through the conversion table alone.
fn simplified_forms(text: &str) -> Cow<'_, str> {
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
        assert_eq!(without_inline_pinyin("长(cháng)江(jiāng)"), "长江");
    }

    #[test]
    fn ranges_of_the_unglossed_text_are_ranges_of_the_page() {
        let page = "省長(zhǎng)率代表團(tuán)赴四川";
        let unglossed = Unglossed::of(page).expect("glossed");
        assert_eq!(unglossed.text, "省長率代表團赴四川");
        let find = |word: &str| {
            let start = unglossed.text.find(word).expect("word");
            &page[unglossed.original(start..start + word.len())]
        };
        assert_eq!(find("代表團"), "代表團");
        assert_eq!(find("赴四川"), "赴四川");
        assert_eq!(find("長率代表團赴"), "長(zhǎng)率代表團(tuán)赴");
        assert!(Unglossed::of("江苏(南京)与四川").is_none());
    }

    #[test]
    fn a_variant_the_table_leaves_is_read_as_simplified_too() {
        assert_eq!(simplified("蘇陜協作"), "苏陕协作");
        assert_eq!(simplified("陜西"), "陕西");
    }

    #[test]
    fn only_the_lines_that_hold_a_traditional_character_are_folded() {
        let page = "江宁区与苏州市签署合作协议\n版權所有 江寧區\nEnglish line";
        assert_eq!(
            simplified(page),
            "江宁区与苏州市签署合作协议\n版权所有 江宁区\nEnglish line"
        );
        assert!(holds_traditional("版權"));
        assert!(holds_traditional("Shaanxi (陜西)"));
        assert!(!holds_traditional("江宁区 Café — “quoted”"));
        assert!(!holds_traditional(""));
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
