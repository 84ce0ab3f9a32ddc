//! How the search index cuts text into words, the same way for the articles and for the query:
//! Chinese into jieba's dictionary words (and the shorter dictionary words inside a long one,
//! so 江宁 finds 江宁区), Latin letters and digits into lower-case words, traditional characters
//! folded to simplified first (so 蘇州 finds 苏州 and the other way round).
//!
//! Every token's offsets are byte offsets in the text as given: the folding keeps each
//! character's UTF-8 length (`extract::simplified`), so the offsets found in the folded text are
//! those of the original.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::extract::{SEGMENTER, is_cjk, simplified};

/// The name the tokenizer is registered under in the index.
pub const NAME: &str = "accord";

/// Bump when the tokens change (another dictionary, another folding): an index made with the
/// old tokens is rebuilt (see `index::SCHEMA_VERSION`).
pub const TOKENIZER_VERSION: u32 = 1;

/// The longest word kept (in bytes): longer runs (a base64 blob, a URL's path) are noise and
/// would bloat the term dictionary.
const MAX_WORD_BYTES: usize = 64;

/// Accord's tokenizer for titles, bodies, place names and queries.
#[derive(Clone, Copy, Debug, Default)]
pub struct AccordTokenizer;

impl Tokenizer for AccordTokenizer {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let mut tokens = tokens(text);
        let count = tokens.len();
        // tantivy reads a token only after `advance` said there is one; a text without words
        // still holds one default token, so no read can fall outside the list.
        if tokens.is_empty() {
            tokens.push(Token::default());
        }
        Tokens {
            tokens,
            count,
            next: 0,
        }
    }
}

/// The tokens of one text, cut in advance (a text is cut whole; jieba needs its context).
#[derive(Debug)]
pub struct Tokens {
    /// The tokens, never empty (see `token_stream`).
    tokens: Vec<Token>,
    /// How many of them are the text's.
    count: usize,
    /// How many `advance` has passed.
    next: usize,
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        if self.next < self.count {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let at = self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[at]
    }
}

/// Cuts `text` into tokens with positions: one position per word; the dictionary words inside
/// a longer Chinese word take that word's position, so a phrase query finds the long word
/// whichever of its parts the query was cut into.
pub fn tokens(text: &str) -> Vec<Token> {
    let folded = simplified(text);
    let folded = folded.as_ref();
    let mut out = Vec::new();
    let mut position = 0;
    for (start, end, han) in runs(folded) {
        let run = &folded[start..end];
        if han {
            chinese_tokens(run, start, &mut position, &mut out);
        } else if run.len() <= MAX_WORD_BYTES {
            push(&mut out, start, end, position, run.to_lowercase());
            position += 1;
        }
    }
    out
}

/// The runs of Chinese characters and of other letters or digits in `text`, as byte ranges
/// with whether they are Chinese; everything else (spaces, punctuation) parts them.
fn runs(text: &str) -> Vec<(usize, usize, bool)> {
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    for (at, c) in text.char_indices() {
        let han = is_cjk(c);
        if !han && !c.is_alphanumeric() {
            continue;
        }
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(last) if last.1 == at && last.2 == han => last.1 = end,
            _ => runs.push((at, end, han)),
        }
    }
    runs
}

/// The words of a run of Chinese characters starting at byte `base` of the text: jieba's words
/// (without its guess at unknown words, which would cut the same name differently in the index
/// and the query), and within a word of three characters or more its two- and three-character
/// dictionary words at the same position.
fn chinese_tokens(run: &str, base: usize, position: &mut usize, out: &mut Vec<Token>) {
    let jieba = &*SEGMENTER;
    for word in jieba.cut(run, false) {
        let start = base + word.byte_start;
        let end = base + word.byte_end;
        let chars: Vec<(usize, char)> = word.word.char_indices().collect();
        if chars.len() > 2 {
            for width in [2, 3] {
                for window in chars.windows(width).filter(|_| width < chars.len()) {
                    let from = window[0].0;
                    let last = window[width - 1];
                    let to = last.0 + last.1.len_utf8();
                    let part = &word.word[from..to];
                    if jieba.has_word(part) {
                        push(out, start + from, start + to, *position, part.to_owned());
                    }
                }
            }
        }
        push(out, start, end, *position, word.word.to_owned());
        *position += 1;
    }
}

/// Adds one token.
fn push(out: &mut Vec<Token>, from: usize, to: usize, position: usize, text: String) {
    out.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text,
        position_length: 1,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize)> {
        tokens(text)
            .into_iter()
            .map(|token| (token.text, token.position))
            .collect()
    }

    #[test]
    fn a_long_chinese_word_also_gives_its_dictionary_parts_at_its_position() {
        let cut = words("南京市江宁区签署协议");
        assert!(cut.contains(&("江宁区".to_owned(), 1)) || cut.iter().any(|(w, _)| w == "江宁区"));
        let jiangning = cut.iter().find(|(word, _)| word == "江宁").map(|(_, p)| *p);
        let district = cut
            .iter()
            .find(|(word, _)| word == "江宁区")
            .map(|(_, p)| *p);
        assert!(jiangning.is_some());
        assert_eq!(jiangning, district);
    }

    #[test]
    fn traditional_is_folded_and_offsets_are_the_originals() {
        let text = "Nanjing 與蘇州合作";
        let cut = tokens(text);
        assert_eq!(cut[0].text, "nanjing");
        let suzhou = cut.iter().find(|token| token.text == "苏州");
        let suzhou = suzhou.map(|token| &text[token.offset_from..token.offset_to]);
        assert_eq!(suzhou, Some("蘇州"));
    }

    #[test]
    fn a_text_without_words_gives_no_token() {
        let mut tokenizer = AccordTokenizer;
        let mut stream = tokenizer.token_stream("  ，。 —— ");
        assert!(!stream.advance());
        assert_eq!(stream.token().text, "");
    }

    #[test]
    fn punctuation_parts_words_and_long_runs_are_dropped() {
        let cut = words(&format!("Yangtze-River, delta! {}", "x".repeat(100)));
        assert_eq!(
            cut,
            vec![
                ("yangtze".to_owned(), 0),
                ("river".to_owned(), 1),
                ("delta".to_owned(), 2)
            ]
        );
    }
}
