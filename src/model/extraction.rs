//! What extraction finds in one document: places, dates, cooperation events, people.
//!
//! Offsets are byte ranges into [`super::Document::body`].

use std::ops::Range;

use super::PartialDate;

/// Index of an entry in the gazetteer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EntryId(pub u32);

/// A place named in the text, linked to the gazetteer when the context decides.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlaceMention {
    /// Where in the body.
    pub range: Range<usize>,
    /// The canonical English name, with the suffix the text gives ("Jiangning District",
    /// "Lishui").
    pub name: String,
    /// The entry it stands for, when one is decided.
    pub entry: Option<EntryId>,
    /// Every entry the words could stand for; more than one and no `entry` means ambiguous.
    pub candidates: Vec<EntryId>,
}

impl PlaceMention {
    /// Whether the text leaves open which place is meant.
    pub fn is_ambiguous(&self) -> bool {
        self.entry.is_none() && self.candidates.len() > 1
    }

    /// The places it may stand for: the decided one, else every candidate.
    pub fn possible_entries(&self) -> Vec<EntryId> {
        match self.entry {
            Some(id) => vec![id],
            None => self.candidates.clone(),
        }
    }
}

/// How a date's missing parts were filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DateResolution {
    /// The text states the date as given.
    Stated,
    /// The year came from the page's publication date.
    FromPublication,
    /// The year came from elsewhere in the article (an event name, an earlier date).
    FromContext,
}

impl DateResolution {
    /// The label used in the JSON and the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::FromPublication => "from publication date",
            Self::FromContext => "from context",
        }
    }

    /// The resolution a label names (as [`Self::label`] writes it), for JSON read back.
    pub fn from_label(label: &str) -> Option<Self> {
        [Self::Stated, Self::FromPublication, Self::FromContext]
            .into_iter()
            .find(|resolution| resolution.label().eq_ignore_ascii_case(label.trim()))
    }
}

/// A date written in the text, normalised.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// Where in the body.
    pub range: Range<usize>,
    /// The date, as precise as the evidence allows.
    pub date: PartialDate,
    /// How its missing parts were filled.
    pub resolution: DateResolution,
}

/// The kind of a cooperation event.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EventKind {
    /// Signing an agreement, memorandum or plan.
    Agreement,
    /// Launching or joining an alliance.
    Alliance,
    /// One party visiting another for cooperation talks.
    Visit,
    /// A joint meeting, conference or forum.
    Meeting,
    /// Any other joint act.
    Other,
}

impl EventKind {
    /// Every kind, in the order the schema lists them.
    pub const ALL: [Self; 5] = [
        Self::Agreement,
        Self::Alliance,
        Self::Visit,
        Self::Meeting,
        Self::Other,
    ];

    /// The kind a label names (as [`Self::label`] writes it, any case), for text read back:
    /// notebooks, extraction files.
    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.label().eq_ignore_ascii_case(label.trim()))
    }

    /// The schema's name for the kind.
    pub fn label(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::Alliance => "alliance",
            Self::Visit => "visit",
            Self::Meeting => "meeting",
            Self::Other => "other",
        }
    }

    /// The matching CAMEO event code, for interoperability with event datasets.
    pub fn cameo(self) -> &'static str {
        match self {
            // Both are "sign formal agreement" in CAMEO.
            Self::Agreement | Self::Alliance => "057",
            Self::Visit => "042",
            Self::Meeting => "04",
            Self::Other => "03",
        }
    }
}

/// A party to an event: a place, or a body acting for one.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Participant {
    /// Its name as the text gives it (canonical English for places).
    pub name: String,
    /// The gazetteer entry, for places.
    pub entry: Option<EntryId>,
}

impl Participant {
    /// What identifies an unlinked party's name: lower case, without an administrative suffix
    /// (unless that is all there is), so "Jiangning District" and "jiangning" are one party.
    /// The one normalisation both the cross-article merge and the desk's parties use.
    pub fn name_key(name: &str) -> String {
        const SUFFIXES: &[&str] = &["district", "county", "city", "province", "new area"];
        let lower = name.trim().to_lowercase();
        let base = SUFFIXES
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .map(str::trim_end)
            .filter(|base| !base.is_empty());
        match base {
            Some(base) => base.to_owned(),
            None => lower,
        }
    }
}

/// One cooperation event: parties that together signed, held, launched or agreed something.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    /// What kind of act.
    pub kind: EventKind,
    /// All the parties (never cut into pairs).
    pub participants: Vec<Participant>,
    /// When, as precisely as the text allows.
    pub date: Option<PartialDate>,
    /// How the date was resolved.
    pub date_resolution: Option<DateResolution>,
    /// Fields of cooperation named for it.
    pub fields: Vec<String>,
    /// The sentences that report it, as byte ranges of the body.
    pub evidence: Vec<Range<usize>>,
    /// 0–1: how sure the rules are.
    pub confidence: f32,
    /// Which sentences gave its kind, parties and date (byte ranges of the body; empty
    /// ranges when unknown, as for events added by hand).
    pub sources: EventSources,
}

/// The sentences behind an event's parts: one event may be assembled from several sentences
/// ("… led a delegation to visit Wuxi. … the two mayors signed …").
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventSources {
    /// The sentence whose verb gave the kind.
    pub kind: Range<usize>,
    /// The sentence that named the parties.
    pub parties: Range<usize>,
    /// The sentence that gave the date, when one did.
    pub date: Option<Range<usize>>,
}

/// An official named with a role ("Lin Tao, secretary of the Jiangning District Party
/// Committee").
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// The name.
    pub name: String,
    /// The role as written.
    pub role: String,
    /// The place the role belongs to, when it names one.
    pub place: Option<String>,
    /// Where in the body.
    pub range: Range<usize>,
}

/// A place named outside the article body (headline, page furniture).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PagePlace {
    /// Its canonical English name.
    pub name: String,
    /// Its gazetteer entry, when decided.
    pub entry: Option<EntryId>,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    /// Place mentions in text order.
    pub places: Vec<PlaceMention>,
    /// Date mentions in text order.
    pub dates: Vec<DateMention>,
    /// Cooperation events.
    pub events: Vec<Event>,
    /// Officials with roles.
    pub people: Vec<Person>,
    /// Places named only outside the article body (headline, page furniture such as "Related
    /// News"): part of what the page mentions, never of an event.
    pub page_places: Vec<PagePlace>,
}

impl Extraction {
    /// Moves every range to another text's offsets (the page a reading of it was made from).
    pub fn map_ranges(&mut self, mut to: impl FnMut(Range<usize>) -> Range<usize>) {
        for place in &mut self.places {
            place.range = to(place.range.clone());
        }
        for date in &mut self.dates {
            date.range = to(date.range.clone());
        }
        for person in &mut self.people {
            person.range = to(person.range.clone());
        }
        for event in &mut self.events {
            for evidence in &mut event.evidence {
                *evidence = to(evidence.clone());
            }
            let sources = &mut event.sources;
            sources.kind = to(sources.kind.clone());
            sources.parties = to(sources.parties.clone());
            sources.date = sources.date.clone().map(&mut to);
        }
    }

    /// The officials whose role belongs to one of the event's parties: who signed.
    pub fn people_for<'a>(&'a self, event: &'a Event) -> impl Iterator<Item = &'a Person> + 'a {
        self.people.iter().filter(|person| {
            person.place.as_deref().is_some_and(|place| {
                event
                    .participants
                    .iter()
                    .any(|party| party.name.eq_ignore_ascii_case(place))
            })
        })
    }

    /// Distinct places the page mentions, one name each: the body's in order of first mention,
    /// then those only outside it. A place named in several forms goes by the form the page
    /// uses most ("Macao" over a dateline's "MACAU" or a first "Macao SAR"), the first on a
    /// tie; but a shortening does not replace the name the page introduced ("Guangxi Zhuang
    /// Autonomous Region", then "Guangxi"), and an abbreviation is never the name when the page
    /// also gives the name ("Greater Bay Area" over "GBA").
    pub fn place_names(&self) -> Vec<String> {
        let all: Vec<(&String, Option<EntryId>)> = self
            .places
            .iter()
            .map(|mention| (&mention.name, mention.entry))
            .chain(
                self.page_places
                    .iter()
                    .map(|place| (&place.name, place.entry)),
            )
            .collect();
        let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (name, _) in &all {
            *uses.entry(name.as_str()).or_default() += 1;
        }
        // "GBA", "YRD", "Pan-PRD": an abbreviation is how a page shortens a name it has
        // given in full, never the name to list.
        let abbreviation = |name: &str| {
            name.split(['-', ' '])
                .any(|word| word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
        };
        // "Guangxi" for "Guangxi Zhuang Autonomous Region", "G60 Corridor" for "G60 Science and
        // Technology Innovation Corridor": a shortening of the name the page introduced, which
        // stays (but a SAR's title is dropped as the page drops it: "Macao SAR", then "Macao";
        // the extractor already names a SAR without it, `places::canonical_name`).
        let shortening = |short: &str, long: &str| {
            let mut words = long.split_whitespace();
            short.split_whitespace().count() < long.split_whitespace().count()
                && short
                    .split_whitespace()
                    .all(|word| words.any(|other| other.eq_ignore_ascii_case(word)))
        };
        let sar_title = |name: &str| {
            ["Special Administrative Region", "SAR"]
                .iter()
                .any(|title| name.ends_with(title))
        };
        let mut usual: std::collections::HashMap<EntryId, &str> = std::collections::HashMap::new();
        for (name, entry) in &all {
            if let Some(entry) = entry {
                let best = usual.entry(*entry).or_insert(name.as_str());
                let introduced = (shortening(name, best) && !sar_title(best))
                    || (shortening(best, name) && !sar_title(name));
                let more_used = uses[name.as_str()] > uses[*best] && !introduced;
                if (more_used && !abbreviation(name)) || (abbreviation(best) && !abbreviation(name))
                {
                    *best = name.as_str();
                }
            }
        }
        let mut names: Vec<String> = Vec::new();
        let mut seen_names: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut entries: std::collections::HashSet<EntryId> = std::collections::HashSet::new();
        for (name, entry) in &all {
            let name = entry
                .and_then(|entry| usual.get(&entry).copied())
                .unwrap_or(name.as_str());
            if seen_names.contains(name) || entry.is_some_and(|entry| entries.contains(&entry)) {
                continue;
            }
            seen_names.insert(name);
            names.push(name.to_owned());
            entries.extend(*entry);
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(name: &str, entry: u32) -> PlaceMention {
        PlaceMention {
            range: 0..0,
            name: name.to_owned(),
            entry: Some(EntryId(entry)),
            candidates: vec![EntryId(entry)],
        }
    }

    #[test]
    fn a_place_goes_by_the_name_the_page_uses_most_but_never_an_abbreviation() {
        let extraction = Extraction {
            places: vec![
                mention("Macau", 1),
                mention("Macao Special Administrative Region", 1),
                mention("Macao", 1),
                mention("GBA", 2),
                mention("Greater Bay Area", 2),
                mention("GBA", 2),
                mention("Guangxi Zhuang Autonomous Region", 3),
                mention("Guangxi", 3),
                mention("Guangxi", 3),
                mention("Macao SAR", 4),
                mention("Macao", 4),
                mention("Macao", 1),
            ],
            ..Extraction::default()
        };
        assert_eq!(
            extraction.place_names(),
            [
                "Macao",
                "Greater Bay Area",
                "Guangxi Zhuang Autonomous Region"
            ]
        );
    }
}
