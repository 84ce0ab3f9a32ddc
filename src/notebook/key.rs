//! Keys for extracted events that survive re-extraction.
//!
//! An extracted event has no identity of its own: it is recomputed from the text every time
//! articles are read. What stays the same is the document and the sentence that reports it, so
//! a key is the document's content id plus a hash of the evidence *text* (whitespace-normalised),
//! not its byte offsets: a changed clutter rule that shifts the body keeps the key. One sentence
//! can report several events ("A signed with B, and C with D"), so the key may also carry a hash
//! of the parties; [`super::review::attach`] falls back to the evidence alone when the parties
//! were extracted differently.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::desk::party::PartyKey;
use crate::extract::CorpusEvent;
use crate::model::{BodyRef, DocumentId, Event, Participant};

/// Identifies an extracted event across re-extractions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventKey {
    /// The reporting article's content id.
    pub document: DocumentId,
    /// Hash of the evidence sentences' text, whitespace-normalised.
    pub evidence: TextHash,
    /// Hash of the parties' normalised names, when the key was made from an event; tells apart
    /// events reported by the same sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<TextHash>,
}

impl EventKey {
    /// The key for the event `document` reports in `evidence_text`, whatever its parties.
    pub fn of(document: DocumentId, evidence_text: &str) -> Self {
        Self {
            document,
            evidence: TextHash::of_normalised(evidence_text),
            parties: None,
        }
    }

    /// The key of an extracted event of `document`, whose clean body is `body`: its evidence
    /// sentences and its parties. `None` when an evidence range does not fit the body (the body
    /// is not the one the event was extracted from).
    pub fn of_event(document: DocumentId, body: &str, event: &Event) -> Option<Self> {
        Self::of_evidence(
            document,
            BodyRef::Whole(body),
            &event.evidence,
            &event.participants,
        )
    }

    /// The key for evidence `ranges` of `body` (or the sentences kept of it) reporting an
    /// event of `participants`.
    pub fn of_evidence(
        document: DocumentId,
        body: BodyRef<'_>,
        ranges: &[Range<usize>],
        participants: &[Participant],
    ) -> Option<Self> {
        let mut text = String::new();
        for range in ranges {
            text.push_str(body.get(range.clone())?);
            text.push(' ');
        }
        Some(Self {
            parties: Some(parties_hash(participants)),
            ..Self::of(document, &text)
        })
    }

    /// One key per source of a merged event (an occurrence reported by several articles), for
    /// the sources whose body `body_of` supplies. A review attaches to the event when any of
    /// them matches, so it survives the merge order changing.
    pub fn of_corpus_event<'b>(
        event: &CorpusEvent,
        body_of: impl Fn(DocumentId) -> Option<BodyRef<'b>>,
    ) -> Vec<Self> {
        event
            .sources
            .iter()
            .filter_map(|(document, ranges)| {
                let body = body_of(*document)?;
                Self::of_evidence(*document, body, ranges, &event.event.participants)
            })
            .collect()
    }

    /// The same document and evidence, whatever the parties.
    pub fn same_evidence(&self, other: &Self) -> bool {
        self.document == other.document && self.evidence == other.evidence
    }
}

/// The parties as a set: normalised names (as [`PartyKey`] normalises them), sorted, joined.
fn parties_hash(participants: &[Participant]) -> TextHash {
    let mut names: Vec<String> = participants
        .iter()
        .map(|participant| match PartyKey::name(&participant.name) {
            PartyKey::Name(name) => name,
            PartyKey::Entry(_) => participant.name.to_lowercase(),
        })
        .collect();
    names.sort();
    names.dedup();
    TextHash::of_normalised(&names.join("\n"))
}

/// A 64-bit xxh3 hash of whitespace-normalised text, written as 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextHash(pub u64);

impl TextHash {
    /// The hash of `text` with every run of whitespace made one space and the ends trimmed, so
    /// a sentence rewrapped or re-indented by a changed cleaning rule hashes the same.
    pub fn of_normalised(text: &str) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (index, word) in text.split_whitespace().enumerate() {
            if index > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
        Self(hasher.digest())
    }
}

impl fmt::Display for TextHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

// Hex text rather than a number: readable, and safe for JSON readers that lose integers above
// 2^53.
impl Serialize for TextHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TextHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let digits = text.len() == 16 && text.bytes().all(|byte| byte.is_ascii_hexdigit());
        digits
            .then(|| u64::from_str_radix(&text, 16).ok())
            .flatten()
            .map(Self)
            .ok_or_else(|| serde::de::Error::custom(format!("not a text hash: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryId, EventKind};

    fn event(evidence: Range<usize>, parties: &[&str]) -> Event {
        Event {
            kind: EventKind::Agreement,
            participants: parties
                .iter()
                .map(|name| Participant {
                    name: (*name).to_owned(),
                    entry: None,
                })
                .collect(),
            date: None,
            date_resolution: None,
            fields: Vec::new(),
            evidence: std::iter::once(evidence).collect(),
            confidence: 0.5,
            sources: crate::model::EventSources::default(),
        }
    }

    #[test]
    fn a_key_survives_shifted_offsets_and_rewrapped_whitespace() {
        let document = DocumentId(42);
        let before = "Menu\n\nNanjing and Xuzhou signed an agreement.";
        let after = "Nanjing  and\nXuzhou signed an agreement.";
        let key_before = EventKey::of_event(document, before, &event(6..44, &["Nanjing"]));
        let key_after = EventKey::of_event(document, after, &event(0..39, &["Nanjing"]));
        assert!(key_before.is_some());
        assert_eq!(key_before, key_after);
    }

    #[test]
    fn the_same_sentence_with_other_parties_is_another_event() {
        let body = "Nanjing signed with Xuzhou, and Suzhou with Wuxi.";
        let first = EventKey::of_event(DocumentId(1), body, &event(0..49, &["Nanjing", "Xuzhou"]));
        let second = EventKey::of_event(DocumentId(1), body, &event(0..49, &["Suzhou", "Wuxi"]));
        let (Some(first), Some(second)) = (first, second) else {
            panic!("keys expected");
        };
        assert_ne!(first, second);
        assert!(first.same_evidence(&second));
    }

    #[test]
    fn parties_are_a_set_of_normalised_names() {
        let body = "Xuzhou City and Nanjing signed.";
        let one = EventKey::of_event(
            DocumentId(1),
            body,
            &event(0..31, &["Xuzhou City", "Nanjing"]),
        );
        let other = EventKey::of_event(DocumentId(1), body, &event(0..31, &["nanjing", "Xuzhou"]));
        assert_eq!(one, other);
    }

    #[test]
    fn evidence_outside_the_body_gives_no_key() {
        let body = "南京与徐州签署协议。";
        // Byte 1 is inside the first character.
        assert_eq!(
            EventKey::of_event(DocumentId(1), body, &event(1..6, &[])),
            None
        );
        assert_eq!(
            EventKey::of_event(DocumentId(1), body, &event(0..400, &[])),
            None
        );
    }

    #[test]
    fn a_merged_event_has_a_key_per_source_with_a_body() {
        let corpus_event = CorpusEvent {
            event: Event {
                participants: vec![Participant {
                    name: "Nanjing".to_owned(),
                    entry: Some(EntryId(3)),
                }],
                ..event(0..5, &[])
            },
            sources: vec![
                (DocumentId(1), std::iter::once(0..5).collect()),
                (DocumentId(2), std::iter::once(0..5).collect()),
            ],
        };
        let keys = EventKey::of_corpus_event(&corpus_event, |document| {
            (document == DocumentId(1)).then_some(BodyRef::Whole("Hello there"))
        });
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].document, DocumentId(1));
        assert_eq!(keys[0].evidence, TextHash::of_normalised("Hello"));
    }

    #[test]
    fn text_hashes_read_back_only_from_sixteen_hex_digits() {
        let hash = TextHash(0x00ab_cdef_0123_4567);
        let text = ron::to_string(&hash).unwrap();
        assert_eq!(text, "\"00abcdef01234567\"");
        assert_eq!(ron::from_str::<TextHash>(&text).unwrap(), hash);
        assert!(ron::from_str::<TextHash>("\"+bcdef0123456789\"").is_err());
        assert!(ron::from_str::<TextHash>("\"abc\"").is_err());
    }
}
