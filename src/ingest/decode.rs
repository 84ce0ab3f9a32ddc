//! Bytes to text, once, at the edge of the pipeline.
//!
//! Everything after this module takes `&str`. Order of evidence: a byte-order mark, then valid
//! UTF-8, then an encoding the page declares (`<meta charset>`), then statistical detection
//! (chardetng) among the legacy encodings Chinese pages use (GB18030/GBK, Big5) and the rest.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::model::SkipReason;

/// How many bytes from the start are inspected for binary content and for detection.
const SNIFF_BYTES: usize = 64 * 1024;

/// Share of characters that may be replacement characters before a decode counts as failed.
/// A stray broken byte (a truncated download) should not cost the user the whole article.
const MAX_REPLACEMENT_RATIO: f64 = 0.001;

/// Share of Latin-1 symbols (`¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿`) above which a single-byte guess is
/// taken for noise: every byte sequence is "valid" Windows-1252, but real text rarely looks so.
const MAX_SYMBOL_RATIO: f64 = 0.05;

/// Share of control characters above which decoded "text" is taken for binary data.
const MAX_CONTROL_RATIO: f64 = 0.02;

/// How many good multi-byte characters a mostly-UTF-8 file must have per broken byte to be
/// read as UTF-8 with its damage replaced (a truncated download, a byte lost in a copy). A file
/// in a legacy Chinese encoding read as UTF-8 has almost no valid multi-byte characters.
const UTF8_CHARACTERS_PER_BROKEN_BYTE: usize = 20;

/// How many broken bytes at the very end of otherwise valid UTF-8 are a cut-off character,
/// whatever the rest of the file holds.
const CUT_OFF_CHARACTER: usize = 3;

/// Decoded text and the encoding it came from.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with line endings normalised to `\n` and any BOM removed.
    pub text: String,
    /// The encoding's name ("UTF-8", "GBK", "Big5", "UTF-16LE", …).
    pub encoding: &'static str,
    /// How many bytes could not be decoded and were replaced by U+FFFD (a truncated or
    /// damaged file that is still worth reading).
    pub damaged_bytes: usize,
    /// The encodings of a file pieced together from parts in different encodings, in order of
    /// first use (empty for a file in one encoding).
    pub parts: Vec<&'static str>,
}

/// Decodes a file's bytes, or says plainly why they are not text.
///
/// `declared` is an encoding the file names for itself (an HTML `<meta charset>`); it is
/// trusted only when the bytes are not already valid UTF-8, because browsers re-save pages as
/// UTF-8 but often keep the old declaration.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    // Spaces, tabs, line breaks, form feeds and vertical tabs: blank, not binary.
    if bytes
        .iter()
        .all(|byte| byte.is_ascii_whitespace() || *byte == 0x0B)
    {
        return Err(SkipReason::Blank);
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, &bytes[bom_length..]),
        None => match pick_encoding(bytes, declared) {
            Ok(encoding) => (encoding, bytes),
            // No one encoding reads it: perhaps parts in several, each clean.
            Err(SkipReason::UndetectableEncoding) => {
                return decode_by_parts(bytes).ok_or(SkipReason::UndetectableEncoding);
            }
            Err(reason) => return Err(reason),
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    // Read again only when something was broken: a clean file costs nothing more.
    let utf8 = (had_errors && encoding == UTF_8).then(|| broken_utf8(body));
    let damaged_bytes = match utf8 {
        Some(reading) => reading.broken_bytes,
        None if had_errors => count(&text, |c| c == '\u{FFFD}'),
        None => 0,
    };
    let mostly_utf8 = utf8.is_some_and(|reading| reading.is_mostly_utf8());
    if had_errors && !mostly_utf8 && replacement_ratio(&text) > MAX_REPLACEMENT_RATIO {
        return Err(SkipReason::InvalidEncoding {
            encoding: encoding.name().to_owned(),
        });
    }
    if control_ratio(&text) > MAX_CONTROL_RATIO {
        return Err(SkipReason::Binary);
    }
    let text = normalise_line_endings(&text);
    if text.trim().is_empty() {
        return Err(SkipReason::Blank);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        damaged_bytes,
        parts: Vec::new(),
    })
}

/// A file that pastes together text in several encodings (UTF-8 copied beside a GB18030 and a
/// Big5 excerpt): each line is valid UTF-8 or read in the encoding detected for it, and lines
/// of one encoding are decoded together. The file is read only if every part reads cleanly in
/// its encoding; else nothing is guessed.
fn decode_by_parts(bytes: &[u8]) -> Option<Decoded> {
    let line_encoding = |line: &[u8]| -> &'static Encoding {
        if std::str::from_utf8(line).is_ok() {
            return UTF_8;
        }
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(line, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    };
    let mut text = String::with_capacity(bytes.len());
    let mut parts: Vec<&'static str> = Vec::new();
    let mut lines = bytes.split_inclusive(|&byte| byte == b'\n').peekable();
    while let Some(first) = lines.next() {
        let encoding = line_encoding(first);
        let start = first.as_ptr() as usize - bytes.as_ptr() as usize;
        let mut end = start + first.len();
        while let Some(next) = lines.next_if(|next| line_encoding(next) == encoding) {
            end += next.len();
        }
        let (decoded, had_errors) = encoding.decode_without_bom_handling(&bytes[start..end]);
        if had_errors || symbol_ratio(&decoded) > MAX_SYMBOL_RATIO {
            return None;
        }
        text.push_str(&decoded);
        if !parts.contains(&encoding.name()) {
            parts.push(encoding.name());
        }
    }
    if parts.len() < 2 || control_ratio(&text) > MAX_CONTROL_RATIO {
        return None;
    }
    let text = normalise_line_endings(&text);
    if text.trim().is_empty() {
        return None;
    }
    Some(Decoded {
        encoding: "mixed",
        text,
        damaged_bytes: 0,
        parts,
    })
}

/// What reading bytes as UTF-8 finds: good multi-byte characters and broken bytes.
#[derive(Clone, Copy, Debug, Default)]
struct Utf8Reading {
    /// Valid characters of two bytes or more.
    multi_byte_characters: usize,
    /// Bytes of invalid or incomplete sequences.
    broken_bytes: usize,
    /// Whether every broken byte is in an incomplete character at the very end.
    broken_only_at_end: bool,
}

impl Utf8Reading {
    /// UTF-8 with a few broken bytes (a character cut off at the end, a byte lost in the
    /// middle) rather than another encoding.
    fn is_mostly_utf8(&self) -> bool {
        self.broken_bytes > 0
            && ((self.broken_only_at_end && self.broken_bytes <= CUT_OFF_CHARACTER)
                || self.multi_byte_characters
                    >= self.broken_bytes * UTF8_CHARACTERS_PER_BROKEN_BYTE)
    }
}

/// Reads bytes as UTF-8 in one pass, counting good multi-byte characters and broken bytes.
fn broken_utf8(bytes: &[u8]) -> Utf8Reading {
    let mut reading = Utf8Reading::default();
    let mut broken_chunks = 0;
    let mut last_is_broken = false;
    for chunk in bytes.utf8_chunks() {
        reading.multi_byte_characters += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        last_is_broken = !chunk.invalid().is_empty();
        if last_is_broken {
            reading.broken_bytes += chunk.invalid().len();
            broken_chunks += 1;
        }
    }
    // A chunk's invalid part ends it, so a broken last chunk ends the input.
    reading.broken_only_at_end = broken_chunks == 1 && last_is_broken;
    reading
}

/// Chooses an encoding for bytes without a byte-order mark.
fn pick_encoding(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<&'static Encoding, SkipReason> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(utf16) = sniff_utf16_without_bom(head) {
        return Ok(utf16);
    }
    if has_binary_signature(head) || head.contains(&0) {
        return Err(SkipReason::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() || broken_utf8(bytes).is_mostly_utf8() {
        return Ok(UTF_8);
    }
    if let Some(declared) = declared.filter(|encoding| *encoding != UTF_8) {
        let (text, had_errors) = declared.decode_without_bom_handling(bytes);
        if !had_errors || replacement_ratio(&text) <= MAX_REPLACEMENT_RATIO {
            return Ok(declared);
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, had_errors) = guess.decode_without_bom_handling(bytes);
    if had_errors && replacement_ratio(&text) > MAX_REPLACEMENT_RATIO {
        // Mostly valid UTF-8 with a few broken bytes is still best read as UTF-8.
        let (utf8, _) = UTF_8.decode_without_bom_handling(bytes);
        if replacement_ratio(&utf8) <= MAX_REPLACEMENT_RATIO {
            return Ok(UTF_8);
        }
        return Err(SkipReason::UndetectableEncoding);
    }
    if symbol_ratio(&text) > MAX_SYMBOL_RATIO {
        return Err(SkipReason::UndetectableEncoding);
    }
    Ok(guess)
}

/// Whether a file's first bytes say it is not text: a binary format's signature, or NUL bytes
/// that no byte-order mark or UTF-16 pattern explains. Lets a reader stop after the first bytes
/// (a sparse file of zeros, a disk image named `.txt`).
pub fn is_binary_head(head: &[u8]) -> bool {
    Encoding::for_bom(head).is_none()
        && sniff_utf16_without_bom(head).is_none()
        && (has_binary_signature(head) || head.contains(&0))
}

/// Recognises UTF-16 saved without a byte-order mark from its pattern of zero bytes: ASCII
/// characters leave a zero in every other byte.
fn sniff_utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let zeros_at = |parity: usize| {
        head.chunks_exact(2)
            .filter(|pair| pair[parity] == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let mostly = |count: usize| count * 10 >= pairs * 4;
    let rarely = |count: usize| count * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// File signatures of common binary formats that may carry a text extension by mistake.
fn has_binary_signature(head: &[u8]) -> bool {
    const SIGNATURES: &[&[u8]] = &[
        b"%PDF-",
        b"PK\x03\x04",
        b"\x89PNG",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"\x7FELF",
        b"\xD0\xCF\x11\xE0",
        b"\x1F\x8B",
        b"BZh",
        b"7z\xBC\xAF",
        b"Rar!",
        b"MZ",
    ];
    SIGNATURES
        .iter()
        .any(|signature| head.starts_with(signature))
}

fn replacement_ratio(text: &str) -> f64 {
    ratio(text, |c| c == '\u{FFFD}')
}

fn symbol_ratio(text: &str) -> f64 {
    ratio(text, |c| matches!(c, '\u{A0}'..='\u{BF}'))
}

fn control_ratio(text: &str) -> f64 {
    ratio(text, |c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}' | '\u{85}')) || c == '\0'
    })
}

/// How many characters match `predicate`.
fn count(text: &str, predicate: impl Fn(char) -> bool) -> usize {
    text.chars().filter(|&c| predicate(c)).count()
}

/// Share of the characters (in the sniffed head) that match `predicate`.
fn ratio(text: &str, predicate: impl Fn(char) -> bool) -> f64 {
    let (mut total, mut matching) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_BYTES) {
        total += 1;
        if predicate(c) {
            matching += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        matching as f64 / total as f64
    }
}

/// `\r\n` and lone `\r` become `\n`, so every later stage splits lines one way.
fn normalise_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHINESE: &str =
        "江宁区、溧水区、高淳区签署区域联动合作协议。南京市三个区共同推进产业协同发展。";

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let plain = decode("Jiangning 江宁".as_bytes(), None).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("Jiangning 江宁", "UTF-8")
        );
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("Jiangning 江宁".as_bytes());
        assert_eq!(decode(&with_bom, None).unwrap().text, "Jiangning 江宁");
    }

    #[test]
    fn reads_utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "Lishui District 溧水区\n".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, "Lishui District 溧水区\n");
        let be: Vec<u8> = "Gaochun District signs an agreement"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let decoded = decode(&be, None).unwrap();
        assert_eq!(decoded.text, "Gaochun District signs an agreement");
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn detects_gb18030_and_big5() {
        let (gbk, _, _) = encoding_rs::GB18030.encode(CHINESE);
        let decoded = decode(&gbk, None).unwrap();
        assert_eq!(decoded.text, CHINESE);
        assert!(decoded.encoding == "GBK" || decoded.encoding == "gb18030");

        let traditional =
            "江寧區、溧水區、高淳區簽署區域聯動合作協議。南京市三個區共同推進產業協同發展。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        let decoded = decode(&big5, None).unwrap();
        assert_eq!(decoded.text, traditional);
        assert_eq!(decoded.encoding, "Big5");
    }

    #[test]
    fn trusts_a_declared_charset_when_bytes_are_not_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("南京");
        let decoded = decode(&gbk, Some(encoding_rs::GBK)).unwrap();
        assert_eq!(decoded.text, "南京");
    }

    #[test]
    fn prefers_valid_utf8_over_a_stale_declaration() {
        let decoded = decode("南京日报".as_bytes(), Some(encoding_rs::GBK)).unwrap();
        assert_eq!(decoded.text, "南京日报");
    }

    #[test]
    fn rejects_binary_and_empty_input() {
        assert_eq!(decode(b"", None), Err(SkipReason::Empty));
        assert_eq!(decode(b"  \n\t ", None), Err(SkipReason::Blank));
        // A form feed or a vertical tab among blanks is blank, not binary.
        assert_eq!(decode(b" \x0c \n\x0b\n", None), Err(SkipReason::Blank));
        assert_eq!(decode(b"abc\0def\0ghi", None), Err(SkipReason::Binary));
        assert_eq!(decode(b"%PDF-1.7 rest", None), Err(SkipReason::Binary));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8 + 1).collect();
        assert!(decode(&noise, None).is_err());
    }

    #[test]
    fn a_utf8_chinese_article_cut_or_damaged_by_a_byte_is_read_with_the_damage_replaced() {
        let article = CHINESE.repeat(3);
        let bytes = article.as_bytes();
        // Cut one byte short: the last character is incomplete.
        let cut = decode(&bytes[..bytes.len() - 1], None).unwrap();
        assert_eq!(cut.encoding, "UTF-8");
        assert_eq!(cut.damaged_bytes, 2);
        assert!(cut.text.starts_with("江宁区、溧水区"));
        assert!(cut.text.ends_with('\u{FFFD}'));
        // One byte missing in the middle.
        let mut missing = bytes.to_vec();
        missing.remove(40);
        let damaged = decode(&missing, None).unwrap();
        assert_eq!(damaged.encoding, "UTF-8");
        assert!(damaged.damaged_bytes > 0 && damaged.damaged_bytes <= 3);
        assert!(damaged.text.contains("南京市三个区"));
        // Whole files have no damage.
        assert_eq!(decode(bytes, None).unwrap().damaged_bytes, 0);
    }

    #[test]
    fn a_legacy_encoding_is_not_taken_for_damaged_utf8() {
        let article = CHINESE.repeat(3);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&article);
        let decoded = decode(&gbk, None).unwrap();
        assert_ne!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.damaged_bytes, 0);
    }

    #[test]
    fn normalises_line_endings() {
        assert_eq!(decode(b"a\r\nb\rc", None).unwrap().text, "a\nb\nc");
    }

    #[test]
    fn a_file_pasted_together_in_several_encodings_is_read_part_by_part() {
        let mut bytes = "江宁区与溧水区签署合作协议。\n".repeat(10).into_bytes();
        let simplified = "南京市与苏州市举行座谈会。\n".repeat(10);
        bytes.extend_from_slice(&encoding_rs::GB18030.encode(&simplified).0);
        let traditional = "臺北市與高雄市簽署協議。\n".repeat(10);
        bytes.extend_from_slice(&encoding_rs::BIG5.encode(&traditional).0);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "mixed");
        assert_eq!(decoded.parts, ["UTF-8", "GBK", "Big5"]);
        assert!(decoded.text.contains("南京市与苏州市") && decoded.text.contains("臺北市與高雄市"));
        // Noise that no encoding reads cleanly is still not guessed at.
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x80)
            .collect();
        assert!(decode(&noise, None).is_err());
    }
}
