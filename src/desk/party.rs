//! One key per party, shared by the place filter, the timeline's place lanes, the graph's nodes
//! and the layouts' remembered positions, so that "Nanjing" means the same thing in every panel.

use super::fast_hash::FastMap;
use crate::extract::Gazetteer;
use crate::model::{EntryId, Participant};

/// Which party a participant is: its gazetteer entry when linked, else its normalised name.
///
/// Names are lower case without an administrative suffix ("Xuzhou City" and "Xuzhou" are one
/// party): `Participant::name_key`, which `extract::corpus_events` merges events across
/// articles by too.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartyKey {
    /// A place the gazetteer knows.
    Entry(EntryId),
    /// An unlinked party (a company, a body, a place the text left ambiguous), by name.
    Name(String),
}

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
        Self::Name(normalise(name))
    }

    /// Whether `participant` is this party. Cheap for linked participants (no allocation).
    pub fn is(&self, participant: &Participant) -> bool {
        match (self, participant.entry) {
            (Self::Entry(entry), Some(other)) => *entry == other,
            (Self::Name(name), None) => normalise(&participant.name) == *name,
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

    /// How panels name the party: the name a linked place goes by ("Jiangning District",
    /// "Hong Kong"; as extraction names it), else `fallback` (the name as an article wrote it).
    pub fn label(&self, gazetteer: &Gazetteer, fallback: &str) -> String {
        self.entry()
            .and_then(|entry| gazetteer.entry(entry))
            .map_or_else(|| fallback.to_owned(), |entry| entry.party_name())
    }
}

/// The normalised name of an unlinked party (the merge's normalisation, so the two agree).
fn normalise(name: &str) -> String {
    Participant::name_key(name)
}

/// Numbers parties densely (0, 1, 2, … in order of first sight) for the timeline's lanes and
/// the graph's nodes, cheaply enough for 30,000 events: a linked participant is found by
/// indexing an array with its entry id, an unlinked one by its name as written (borrowed, so no
/// allocation), and a name is normalised only the first time it is seen.
#[derive(Debug, Default)]
pub struct PartyIndex<'e> {
    by_entry: Vec<Option<usize>>,
    by_written_name: FastMap<&'e str, usize>,
    by_normalised_name: FastMap<String, usize>,
    parties: Vec<(PartyKey, &'e str)>,
}

impl<'e> PartyIndex<'e> {
    /// The number of `participant`'s party, numbering it if it is new.
    pub fn number(&mut self, participant: &'e Participant) -> usize {
        match participant.entry {
            Some(entry) => self.number_entry(entry, &participant.name),
            None => self.number_name(&participant.name),
        }
    }

    /// The number of the linked party `entry`, if it has one already: found without the
    /// participant, so a caller holding only the entry reads the participant only when new.
    pub fn known_entry(&self, entry: EntryId) -> Option<usize> {
        self.by_entry.get(entry.0 as usize).copied().flatten()
    }

    fn number_entry(&mut self, entry: EntryId, name: &'e str) -> usize {
        let slot = entry.0 as usize;
        if self.by_entry.len() <= slot {
            self.by_entry.resize(slot + 1, None);
        }
        if let Some(number) = self.by_entry[slot] {
            return number;
        }
        let number = self.push(PartyKey::Entry(entry), name);
        self.by_entry[slot] = Some(number);
        number
    }

    fn number_name(&mut self, name: &'e str) -> usize {
        if let Some(&number) = self.by_written_name.get(name) {
            return number;
        }
        let normalised = normalise(name);
        let number = match self.by_normalised_name.get(&normalised) {
            Some(&number) => number,
            None => {
                let number = self.push(PartyKey::Name(normalised.clone()), name);
                self.by_normalised_name.insert(normalised, number);
                number
            }
        };
        self.by_written_name.insert(name, number);
        number
    }

    fn push(&mut self, key: PartyKey, name: &'e str) -> usize {
        self.parties.push((key, name));
        self.parties.len() - 1
    }

    /// How many parties have numbers.
    pub fn len(&self) -> usize {
        self.parties.len()
    }

    /// Whether no party has a number yet.
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty()
    }

    /// Each party's key and the name it was first written with, by number.
    pub fn into_parties(self) -> Vec<(PartyKey, &'e str)> {
        self.parties
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

    #[test]
    fn the_index_numbers_each_party_once_in_order_of_first_sight() {
        let participants = [
            unlinked("Wuxi City"),
            Participant {
                name: "Nanjing".to_owned(),
                entry: Some(EntryId(40)),
            },
            unlinked("wuxi"),
            Participant {
                name: "Nanjing City".to_owned(),
                entry: Some(EntryId(40)),
            },
            unlinked("Wuxi City"),
        ];
        let mut index = PartyIndex::default();
        let numbers: Vec<usize> = participants.iter().map(|p| index.number(p)).collect();
        assert_eq!(numbers, [0, 1, 0, 1, 0]);
        assert_eq!(
            index.into_parties(),
            [
                (PartyKey::name("wuxi"), "Wuxi City"),
                (PartyKey::Entry(EntryId(40)), "Nanjing")
            ]
        );
    }
}
