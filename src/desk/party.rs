//! One key per party, shared by the place filter, the timeline's place lanes, the graph's nodes
//! and the layouts' remembered positions, so that "Nanjing" means the same thing in every panel.

use crate::extract::Gazetteer;
use crate::model::{EntryId, Participant};

/// Which party a participant is: its gazetteer entry when linked, else its normalised name.
///
/// Names are lower case without an administrative suffix ("Xuzhou City" and "Xuzhou" are one
/// party), the same rule `extract::corpus_events` uses to merge events across articles.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartyKey {
    /// A place the gazetteer knows.
    Entry(EntryId),
    /// An unlinked party (a company, a body, a place the text left ambiguous), by name.
    Name(String),
}

/// Suffixes dropped from unlinked names, lower case.
const SUFFIXES: &[&str] = &["district", "county", "city", "province", "new area"];

impl PartyKey {
    /// The key of one participant.
    pub fn of(participant: &Participant) -> Self {
        match participant.entry {
            Some(entry) => Self::Entry(entry),
            None => Self::name(&participant.name),
        }
    }

    /// The key for an unlinked party's name, normalised.
    pub fn name(name: &str) -> Self {
        let lower = name.trim().to_lowercase();
        let base = SUFFIXES
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .map(str::trim_end)
            .filter(|base| !base.is_empty());
        match base {
            Some(base) => Self::Name(base.to_owned()),
            None => Self::Name(lower),
        }
    }

    /// Whether `participant` is this party. Cheap for linked participants (no allocation).
    pub fn is(&self, participant: &Participant) -> bool {
        match (self, participant.entry) {
            (Self::Entry(entry), Some(other)) => *entry == other,
            (Self::Name(name), None) => {
                matches!(Self::name(&participant.name), Self::Name(other) if other == *name)
            }
            _ => false,
        }
    }

    /// The gazetteer entry, when linked.
    pub fn entry(&self) -> Option<EntryId> {
        match self {
            Self::Entry(entry) => Some(*entry),
            Self::Name(_) => None,
        }
    }

    /// A hash that is the same on every run and every machine, for deterministic layouts.
    pub fn stable_hash(&self) -> u64 {
        match self {
            Self::Entry(entry) => xxhash_rust::xxh3::xxh3_64(format!("#{}", entry.0).as_bytes()),
            Self::Name(name) => xxhash_rust::xxh3::xxh3_64(name.as_bytes()),
        }
    }

    /// How panels name the party: the gazetteer's full name for a linked place, else `fallback`
    /// (the name as an article wrote it).
    pub fn label(&self, gazetteer: &Gazetteer, fallback: &str) -> String {
        self.entry()
            .and_then(|entry| gazetteer.entry(entry))
            .map_or_else(|| fallback.to_owned(), |entry| entry.full_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unlinked(name: &str) -> Participant {
        Participant {
            name: name.to_owned(),
            entry: None,
        }
    }

    #[test]
    fn unlinked_names_lose_case_and_suffix() {
        assert_eq!(PartyKey::name("Xuzhou City"), PartyKey::name("xuzhou"));
        assert_eq!(
            PartyKey::name("Liangjiang New Area"),
            PartyKey::Name("liangjiang".to_owned())
        );
        // A name that is only a suffix stays as it is rather than becoming empty.
        assert_eq!(PartyKey::name("City"), PartyKey::Name("city".to_owned()));
    }

    #[test]
    fn a_linked_participant_is_its_entry_and_never_a_name() {
        let linked = Participant {
            name: "Wuxi".to_owned(),
            entry: Some(EntryId(7)),
        };
        assert!(PartyKey::Entry(EntryId(7)).is(&linked));
        assert!(!PartyKey::name("Wuxi").is(&linked));
        assert!(PartyKey::name("Wuxi").is(&unlinked("Wuxi City")));
    }
}
