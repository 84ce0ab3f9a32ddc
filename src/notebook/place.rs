//! Places as notes name them, and the panels' party keys: a gazetteer place by its code (codes
//! survive a rebuilt gazetteer, entry numbers do not), any other by its normalised name.

use super::model::PlaceRef;
use crate::desk::party::PartyKey;
use crate::extract::Gazetteer;

impl PlaceRef {
    /// The place a panel's party stands for. `None` for an entry the gazetteer does not have.
    pub fn of_party(party: &PartyKey, gazetteer: &Gazetteer) -> Option<Self> {
        match party {
            PartyKey::Entry(entry) => gazetteer
                .entry(*entry)
                .map(|entry| Self::Code(entry.code.clone())),
            PartyKey::Name(name) => Some(Self::Name(name.clone())),
        }
    }

    /// The panels' key for this place. `None` for a code the gazetteer no longer has (the note
    /// stays listed, detached). Looks codes up one by one: for a note at a time, not a loop
    /// over thousands.
    pub fn party(&self, gazetteer: &Gazetteer) -> Option<PartyKey> {
        match self {
            Self::Code(code) => gazetteer
                .entries()
                .iter()
                .find(|entry| entry.code == *code)
                .map(|entry| PartyKey::Entry(entry.id)),
            Self::Name(name) => Some(PartyKey::name(name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gazetteer_place_goes_by_its_code_and_back() {
        let gazetteer = Gazetteer::bundled();
        let jiangning = gazetteer
            .entries()
            .iter()
            .find(|entry| entry.code == "320115")
            .unwrap();
        let party = PartyKey::Entry(jiangning.id);
        let place = PlaceRef::of_party(&party, gazetteer).unwrap();
        assert_eq!(place, PlaceRef::Code("320115".to_owned()));
        assert_eq!(place.party(gazetteer), Some(party));
        assert_eq!(PlaceRef::Code("999999".to_owned()).party(gazetteer), None);
    }

    #[test]
    fn another_place_goes_by_its_normalised_name() {
        let gazetteer = Gazetteer::bundled();
        let party = PartyKey::name("Atlantis City");
        let place = PlaceRef::of_party(&party, gazetteer).unwrap();
        assert_eq!(place, PlaceRef::Name("atlantis".to_owned()));
        assert_eq!(place.party(gazetteer), Some(party));
    }
}
