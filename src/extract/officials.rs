//! Officials who stand for their places: "Hebei Governor Xu Qin", "the Governor of Hainan
//! Province, Mr Feng Fei", "Wang Guosheng, secretary of the Qinghai Provincial Party
//! Committee", "The Chief Executive, Mrs Carrie Lam" — and each later "Mr Feng", "Mrs Lam",
//! "Secretary Xu", "the Chief Executive".
//!
//! An official acts for the place whose office they hold (LABELLING: a host official who
//! "met with the delegation from X" stands for the host's place), so where a clause names an
//! official and not the place, the official's place is the party: "Mrs Lam met with the
//! Governor of Hainan Province" is Hong Kong's meeting with Hainan.
//!
//! An official stands for a place only when the page says which: the title names it, or the
//! title is a Chief Executive's and the page names one SAR more often than the other (or, on a
//! page naming neither, names a Chief Executive of record: [`CHIEF_EXECUTIVES`]). A name
//! that officials of different places share stands for neither; a pronoun stands for nobody.
//!
//! Over 800 lines only with its tests (about 170).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Gazetteer;
use crate::model::{EntryId, Person, PlaceMention};
use crate::pattern::compiled;

/// An office that acts for a place.
const TITLE: &str = r"(?:Chief Executive|(?:Executive |First )?(?:Vice |Deputy )?(?:Governor|Mayor|Party Secretary|Secretary|Chairman|Chairwoman|Magistrate|Director)|Party chief)";

/// A person's name as English news writes Chinese and Hong Kong names: two or three
/// capitalised words (one in a later mention) ("Xu Qin", "Sam Hou Fai", "Carrie Lam", "Chan Kwok-ki").
const NAME: &str = r"[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){0,2}";

/// An official named: a title or an honorific, then one to three capitalised words — "Hebei
/// Governor Xu Qin", "Chief Executive Carrie Lam", "…, Mr Feng Fei" (introductions, when the
/// name has two words or more), "Mr Feng", "Mrs Lam", "Secretary Xu" (later mentions).
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?-u:\b)(?:({TITLE})\s+(?:(?:Mr|Mrs|Ms|Madam|Dr)\.?\s+)?|(Mr|Mrs|Ms|Madam|Dr)\.?\s+)({NAME})(?-u:\b)"
    ))
});

/// A title anywhere in a role ("the Deputy Secretary of the CPC Guangdong Provincial
/// Committee and the Governor of Guangdong Province").
static TITLE_IN_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:chief executive|governor|mayor|secretary|chairman|chairwoman|magistrate|director|party chief|member of the standing committee)(?-u:\b)",
    )
});

/// "the Chief Executive" on its own: the SAR's head, when not a company's ("Chief Executive
/// Officer") nor a meeting's name ("Chief Executive Joint Conference").
static CHIEF_EXECUTIVE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)Chief Executive(?-u:\b)(?: ([A-Z][a-z]+))?"));

/// The titles of a Hong Kong or Macao government's own principal officials (and its
/// commissioners: "the Commissioner for the Development of the … Greater Bay Area").
static SAR_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:(?:(?:Permanent|Deputy|Under) )?Secretary for (?:the )?[A-Z][A-Za-z]+|Financial Secretary|Chief Secretary for Administration|Commissioner for (?:the )?[A-Z][A-Za-z]+)(?-u:\b)",
    )
});

/// Words before a place that make it where the official went, not whose office it is ("Mr
/// Sam welcomed to Macao Secretary Xu").
static PLACE_AS_DESTINATION: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)(?:to|in|at|from|into|visit|visited|visiting)\s+$"));

/// An official introduced with the place of their office.
struct Official {
    /// The words of the name.
    name: Vec<String>,
    /// The place the office belongs to.
    place: (String, EntryId),
}

/// An official named in the text.
struct Named {
    /// The title or honorific and the name.
    whole: Range<usize>,
    /// The title, when one stands before the name.
    title: Option<Range<usize>>,
    /// Whether "Mr", "Mrs", "Ms", "Madam" or "Dr" stands before the name.
    honorific: bool,
    /// The name.
    name: Range<usize>,
}

/// Mentions of officials who stand for a place, as mentions of that place (the official's
/// words are the range; the place's name and entry are its name and entry), in text order.
pub fn stand_ins(
    text: &str,
    people: &[Person],
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
) -> Vec<PlaceMention> {
    let sar = page_sar(text, places, gazetteer).or_else(|| sar_of_chief_executive(text, gazetteer));
    let named: Vec<Named> = NAMED
        .captures_iter(text)
        .filter_map(|found| {
            Some(Named {
                whole: found.get(0)?.range(),
                title: found.get(1).map(|title| title.range()),
                honorific: found.get(2).is_some(),
                name: found.get(3)?.range(),
            })
        })
        .collect();
    let page = PageUnits {
        sar: sar.clone(),
        province: text
            .contains("Governor")
            .then(|| page_province(places, gazetteer))
            .flatten(),
    };
    let mut officials = introductions(text, &named, people, places, gazetteer, &page);
    if let Some(sar) = &sar {
        officials.extend(sar_officials(text, sar));
    }
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, official) in officials.iter().enumerate() {
        for word in &official.name {
            by_word.entry(word.as_str()).or_default().push(index);
        }
    }
    let mut found = Vec::new();
    for mention_of in &named {
        let whole = mention_of.whole.clone();
        let name = &text[mention_of.name.clone()];
        let words: Vec<&str> = name.split(' ').collect();
        // The officials whose name holds every word of the mention.
        let Some(first) = words.first().and_then(|word| by_word.get(word)) else {
            continue;
        };
        let mut meant = first
            .iter()
            .filter(|&&index| {
                words
                    .iter()
                    .all(|word| officials[index].name.iter().any(|own| own == word))
            })
            .map(|&index| &officials[index].place);
        let Some(place) = meant.next() else {
            continue;
        };
        if meant.all(|other| other.1 == place.1) {
            found.push(mention(whole, place));
        }
    }
    found.extend(bare_names(text, &officials));
    if let Some(sar) = &sar {
        for title in CHIEF_EXECUTIVE.captures_iter(text) {
            let Some(whole) = title.get(0) else {
                continue;
            };
            let next = title.get(1).map(|word| word.as_str());
            let after = &text[whole.end()..];
            if matches!(
                next,
                Some("Officer" | "Joint" | "Council" | "Election" | "Office")
            ) || after.starts_with(" of ")
                || after.starts_with(" Officer")
            {
                continue;
            }
            found.push(mention(
                whole.start()..whole.start() + "Chief Executive".len(),
                sar,
            ));
        }
        // "Secretary for Culture, Sports & Tourism Kevin Yeung", "Financial Secretary Paul
        // Chan": the SAR governments' own offices, not a mainland Party secretary's — unless
        // another place's name owns it ("Macau's Secretary for Economy").
        for office in own_sar_offices(text) {
            found.push(mention(office.range(), sar));
        }
    }
    found.sort_by_key(|mention| mention.range.start);
    found.dedup_by(|later, earlier| later.range.start < earlier.range.end);
    let pronouns = pronoun_subjects(text, &found);
    if !pronouns.is_empty() {
        found.extend(pronouns);
        found.sort_by_key(|mention| mention.range.start);
    }
    found
}

/// The SAR offices the page's SAR holds: "Secretary for Culture, Sports & Tourism", "Financial
/// Secretary" — not one another place's name owns ("Macau's Secretary for Economy").
fn own_sar_offices(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    SAR_OFFICE.find_iter(text).filter(|office| {
        let before = text[..office.start()].trim_end();
        !(before.ends_with("'s") || before.ends_with("’s"))
    })
}

/// A SAR office's holder named after it: the department's remaining words, then the name —
/// "Secretary for Commerce and Economic Development, Mr Gregory So,", "Secretary for
/// Constitutional & Mainland Affairs Patrick Nip (second right)". The name is the last two or
/// three capitalised words before a comma, a bracket, a full stop or a lower-case word (a
/// department's last word may ride with it; a later "Mr Nip" still matches).
static SAR_OFFICIAL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:,? (?:and |& )?[A-Z][A-Za-z]+){0,6}?,? (?:(?:Mr|Mrs|Ms|Madam|Dr)\.? )?([A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2})(?:[,.(]| \(| [a-z]|$)",
    )
});

/// The page's SAR government's principal officials, by name: "Mr So" and "He" after "The
/// Secretary for Commerce and Economic Development, Mr Gregory So, arrived in Wuhan" stand
/// for the SAR as the office does.
fn sar_officials(text: &str, sar: &(String, EntryId)) -> Vec<Official> {
    own_sar_offices(text)
        .filter_map(|office| {
            let after = &text[office.end()..];
            let window = &after[..after.floor_char_boundary(120)];
            let name = SAR_OFFICIAL_NAME.captures(window)?.get(1)?.as_str();
            Some(Official {
                name: name.split(' ').map(str::to_owned).collect(),
                place: sar.clone(),
            })
        })
        .collect()
}

/// "He separately met with", "She also signed": a pronoun opening a sentence that acts.
static ACTING_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:^|[.!?]\s+|\n\s*)(He|She)(?: \w+){0,2}? (?:met|signed|led|visited|held|attended|inked)(?-u:\b)",
    )
});

/// How far back the sentences before a pronoun may start.
const PRONOUN_LOOK_BACK: usize = 600;

/// How long an opening phrase before a sentence's subject may be ("Upon arrival, ").
const MAX_OPENING_PHRASE: usize = 40;

/// "The Chief Executive, Mr C Y Leung, yesterday arrived in Sanya … He separately met with
/// leaders of Hainan, …": a pronoun opening a sentence is the official the nearest sentence
/// before that opens with an official opened with (after a short opening phrase: "Upon
/// arrival, Mr So visited …"), and stands for the same place. Sentences between that open
/// with no official ("The trip … comprised Zhongshan, Zhuhai and Shenzhen.") do not change who
/// "he" is.
fn pronoun_subjects(text: &str, stand_ins: &[PlaceMention]) -> Vec<PlaceMention> {
    let mut found = Vec::new();
    for captures in ACTING_PRONOUN.captures_iter(text) {
        let Some(pronoun) = captures.get(1) else {
            continue;
        };
        let window_start =
            text.floor_char_boundary(pronoun.start().saturating_sub(PRONOUN_LOOK_BACK));
        let mut end = pronoun.start();
        while end > window_start {
            let Some(sentence_start) = sentence_before(text, window_start, end) else {
                break;
            };
            if let Some(subject) = opening_official(text, sentence_start, end, stand_ins) {
                found.push(PlaceMention {
                    range: pronoun.range(),
                    ..subject.clone()
                });
                break;
            }
            end = sentence_start;
        }
    }
    found
}

/// Where the sentence that ends at `end` starts: after the last ". " or line break ahead of
/// its own full stop, not before `window_start`; `None` when nothing but space is left.
fn sentence_before(text: &str, window_start: usize, end: usize) -> Option<usize> {
    let before = text[window_start..end].trim_end();
    let head = before.strip_suffix(['.', '!', '?']).unwrap_or(before);
    if head.trim().is_empty() {
        return None;
    }
    Some(
        window_start
            + [
                head.rfind(". ").map(|at| at + 2),
                head.rfind('\n').map(|at| at + 1),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0),
    )
}

/// The official a sentence opens with: the stand-in at its start (after "The", or after a
/// short opening phrase closed by a comma).
fn opening_official<'a>(
    text: &str,
    start: usize,
    end: usize,
    stand_ins: &'a [PlaceMention],
) -> Option<&'a PlaceMention> {
    let lead = &text[start..end];
    let opening_at = start + (lead.len() - lead.trim_start().len());
    // The stand-ins are in text order: the first at or after the opening, by binary search
    // (a page may hold thousands of pronouns and officials).
    let first = stand_ins.partition_point(|mention| mention.range.start < opening_at);
    stand_ins
        .get(first)
        .filter(|mention| mention.range.start < end)
        .filter(|mention| {
            text.get(opening_at..mention.range.start)
                .is_some_and(|lead| {
                    let lead = lead.trim();
                    matches!(lead, "" | "The" | "the")
                        || (lead.len() <= MAX_OPENING_PHRASE
                            && lead.ends_with(',')
                            && lead.starts_with(|c: char| c.is_ascii_uppercase()))
                })
        })
}

/// How many distinct bare names are looked for: a page introduces a handful of officials.
const MAX_BARE_NAMES: usize = 16;

/// "Chui said", "Lam noted": an introduced official's family name alone, as the subject of a
/// verb — the first or last word of their name (Chinese names put the family name first,
/// "Carrie Lam" last), when no official of another place shares it.
fn bare_names(text: &str, officials: &[Official]) -> Vec<PlaceMention> {
    let mut words: Vec<(&str, &(String, EntryId))> = Vec::new();
    let mut shared: Vec<&str> = Vec::new();
    for official in officials.iter().filter(|official| official.name.len() >= 2) {
        let ends = [official.name.first(), official.name.last()];
        for word in ends.into_iter().flatten().filter(|word| word.len() >= 3) {
            match words.iter().find(|(known, _)| known == word) {
                Some((_, place)) if place.1 != official.place.1 => shared.push(word),
                Some(_) => {}
                None => words.push((word, &official.place)),
            }
        }
    }
    words.retain(|(word, _)| !shared.contains(word));
    words.truncate(MAX_BARE_NAMES);
    let mut found = Vec::new();
    for (word, place) in words {
        for (at, _) in text.match_indices(word) {
            let end = at + word.len();
            let before = text[..at].chars().next_back();
            let after = &text[end..];
            let alone = before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                && !text[..at]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_uppercase());
            let subject = after.starts_with(" said")
                || after.starts_with(" noted")
                || after.starts_with(" added")
                || after.starts_with(" met")
                || after.starts_with(" also")
                || after.starts_with(" and ");
            if alone && subject {
                found.push(mention(at..end, place));
            }
        }
    }
    found
}

/// The name a place's official stands for it by: the place as the text writes it, except an
/// abbreviation in capitals ("HKSAR", "MSAR"), which names the place by its gazetteer name.
fn written_name(place: &PlaceMention, gazetteer: &Gazetteer) -> Option<String> {
    if place.name.chars().any(char::is_lowercase) {
        Some(place.name.clone())
    } else {
        Some(gazetteer.entry(place.entry?)?.base.clone())
    }
}

/// A stand-in mention of `place` at `range`.
fn mention(range: Range<usize>, place: &(String, EntryId)) -> PlaceMention {
    PlaceMention {
        range,
        name: place.0.clone(),
        entry: Some(place.1),
        candidates: Vec::new(),
    }
}

/// "MACAU, February 14 -": a dateline in capitals, the place the story is told from.
static DATELINE_AFTER_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^,\s*(?:{}|[0-9])",
        super::dates::MONTH_WORDS
    ))
});

/// The SAR a Chief Executive heads on this page: the one its dateline names ("MACAU, February
/// 14 - The Chief Executive … met in Hong Kong with …": a SAR government's own release), else
/// the one it names more often, under the name the page gives it ("Macau" stays "Macau").
fn page_sar(
    text: &str,
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
) -> Option<(String, EntryId)> {
    let is_sar = |place: &PlaceMention| {
        place
            .entry
            .and_then(|id| gazetteer.entry(id))
            .is_some_and(|entry| entry.kind == "SAR")
    };
    let dateline = places.iter().find(|place| {
        is_sar(place)
            && text
                .get(place.range.clone())
                .is_some_and(|written| !written.chars().any(char::is_lowercase))
            && text
                .get(place.range.end..)
                .is_some_and(|after| DATELINE_AFTER_PLACE.is_match(after))
    });
    // Per SAR: how often it is named, and how often under each name.
    let mut counts: Vec<(EntryId, usize, HashMap<&str, usize>)> = Vec::new();
    for place in places {
        let Some(entry) = place.entry.and_then(|id| gazetteer.entry(id)) else {
            continue;
        };
        if entry.kind != "SAR" || dateline.is_some_and(|sar| sar.entry != Some(entry.id)) {
            continue;
        }
        let index = match counts.iter().position(|(id, _, _)| *id == entry.id) {
            Some(index) => index,
            None => {
                counts.push((entry.id, 0, HashMap::new()));
                counts.len() - 1
            }
        };
        let (_, count, names) = &mut counts[index];
        *count += 1;
        // "MACAU" in a dateline is not how the page writes the name.
        if !place.name.chars().all(|c| !c.is_lowercase()) {
            *names.entry(place.name.as_str()).or_default() += 1;
        }
    }
    counts.sort_by_key(|(_, count, _)| std::cmp::Reverse(*count));
    let (id, names) = match counts.as_slice() {
        [(id, _, names)] => (*id, names),
        [(id, first, names), (_, second, _), ..] if first > second => (*id, names),
        _ => return None,
    };
    let name = names
        .iter()
        .max_by_key(|(name, count)| (**count, std::cmp::Reverse(**name)))
        .map(|(name, _)| (*name).to_owned())
        .or_else(|| gazetteer.entry(id).map(|entry| entry.base.clone()))?;
    Some((name, id))
}

/// The SARs' Chief Executives, acting ones included, under the names English releases give
/// them: who held the office is a matter of record, so "The Chief Executive, Mr C Y Leung,
/// meets the visiting Governor of Jiangxi Province" is Hong Kong's meeting even on a
/// government release that never writes "Hong Kong".
const CHIEF_EXECUTIVES: &[(&str, &str)] = &[
    ("Tung Chee-hwa", "Hong Kong"),
    ("Donald Tsang", "Hong Kong"),
    ("Tsang Yam-kuen", "Hong Kong"),
    ("Leung Chun-ying", "Hong Kong"),
    ("C Y Leung", "Hong Kong"),
    ("CY Leung", "Hong Kong"),
    ("Carrie Lam", "Hong Kong"),
    ("John Lee", "Hong Kong"),
    ("Lee Ka-chiu", "Hong Kong"),
    ("Edmund Ho", "Macao"),
    ("Ho Hau Wah", "Macao"),
    ("Chui Sai On", "Macao"),
    ("Fernando Chui", "Macao"),
    ("Ho Iat Seng", "Macao"),
    ("Sam Hou Fai", "Macao"),
];

/// "The Chief Executive, Mrs Carrie Lam": the SAR whose Chief Executive the page names, for a
/// page that names neither SAR (one SAR only: a page naming both Chief Executives names none).
fn sar_of_chief_executive(text: &str, gazetteer: &Gazetteer) -> Option<(String, EntryId)> {
    if !text.contains("Chief Executive") {
        return None;
    }
    let mut sars = CHIEF_EXECUTIVE_NAMED
        .captures_iter(text)
        .filter_map(|found| {
            let name = found.get(1)?.as_str();
            CHIEF_EXECUTIVES
                .iter()
                .find(|(holder, _)| {
                    name.strip_prefix(holder)
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
                })
                .map(|(_, sar)| *sar)
        });
    let first = sars.next()?;
    if sars.any(|other| other != first) {
        return None;
    }
    let entry = gazetteer
        .entries()
        .iter()
        .find(|entry| entry.kind == "SAR" && entry.base == first)?;
    Some((entry.base.clone(), entry.id))
}

/// "Chief Executive, Mr C Y Leung", "Chief Executive Carrie Lam": a Chief Executive named.
static CHIEF_EXECUTIVE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)Chief Executive,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*)",
    )
});

/// The officials the page introduces with their place.
/// The units a bare title stands for on this page, found once per page.
struct PageUnits {
    /// The SAR a bare "Chief Executive" heads.
    sar: Option<(String, EntryId)>,
    /// The province a bare "Governor" governs.
    province: Option<(String, EntryId)>,
}

fn introductions(
    text: &str,
    named: &[Named],
    people: &[Person],
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
    page: &PageUnits,
) -> Vec<Official> {
    let sar = page.sar.as_ref();
    let mut officials = Vec::new();
    let mut add = |name: &str, place: Option<(String, EntryId)>| {
        if let Some(place) = place {
            officials.push(Official {
                name: name.split(' ').map(str::to_owned).collect(),
                place,
            });
        }
    };
    // "Lin Tao, secretary of the Jiangning District Party Committee".
    for person in people {
        let role = person.range.start + person.name.len()..person.range.end;
        add(
            &person.name,
            office_place(text, &role, places, gazetteer, None),
        );
    }
    for official in named {
        let name = &text[official.name.clone()];
        if !name.contains(' ') {
            continue;
        }
        if let Some(title) = &official.title {
            // "Hebei Governor Xu Qin": the place stands right before the title.
            add(
                name,
                place_before_title(text, title, places, gazetteer, page),
            );
        } else if official.honorific && text[..official.whole.start].trim_end().ends_with(',') {
            // "the Governor of Hainan Province, Mr Feng Fei".
            let comma = text[..official.whole.start].trim_end().len() - 1;
            let role = role_start(text, comma)..comma;
            add(name, office_place(text, &role, places, gazetteer, sar));
        }
    }
    officials
}

/// "Hebei Governor", "CPC Fujian Provincial Committee Secretary": the place just before a
/// title, with nothing but capitalised words between; a Chief Executive with none is the
/// page's SAR's, a Governor with none the page's province's.
fn place_before_title(
    text: &str,
    title: &Range<usize>,
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
    page: &PageUnits,
) -> Option<(String, EntryId)> {
    let from = line_start(text, title.start, 80);
    let last = places.partition_point(|place| place.range.end <= title.start);
    places[..last]
        .last()
        .filter(|place| place.range.start >= from)
        .filter(|place| {
            let between = &text[place.range.end..title.start];
            between
                .split_whitespace()
                .all(|word| word.starts_with(|c: char| c.is_ascii_uppercase()))
                && !PLACE_AS_DESTINATION.is_match(&text[from..place.range.start])
        })
        .and_then(|place| Some((written_name(place, gazetteer)?, place.entry?)))
        .or_else(|| {
            (&text[title.clone()] == "Chief Executive")
                .then(|| page.sar.clone())
                .flatten()
        })
        .or_else(|| {
            text[title.clone()]
                .ends_with("Governor")
                .then(|| page.province.clone())
                .flatten()
        })
}

/// The province whose Governor a bare "Governor Yuan Jiajun" is: the one the page names more
/// often than any other (a province's own site names itself; the visitors' province less).
fn page_province(places: &[PlaceMention], gazetteer: &Gazetteer) -> Option<(String, EntryId)> {
    let mut counts: HashMap<EntryId, (usize, &PlaceMention)> = HashMap::new();
    for place in places {
        let Some(entry) = place.entry.and_then(|id| gazetteer.entry(id)) else {
            continue;
        };
        if entry.kind == "province" {
            counts.entry(entry.id).or_insert((0, place)).0 += 1;
        }
    }
    let mut ranked: Vec<(EntryId, (usize, &PlaceMention))> = counts.into_iter().collect();
    ranked.sort_by_key(|(_, (count, _))| std::cmp::Reverse(*count));
    match ranked.as_slice() {
        [(id, (_, place))] => Some((written_name(place, gazetteer)?, *id)),
        [(id, (first, place)), (_, (second, _)), ..] if first > second => {
            Some((written_name(place, gazetteer)?, *id))
        }
        _ => None,
    }
}

/// Where the role before a comma begins: after the last clause mark, "met" or "with".
fn role_start(text: &str, comma: usize) -> usize {
    let from = line_start(text, comma, 240);
    let window = &text[from..comma];
    let mark = window
        .rfind([',', ';', '.', ':', '\n'])
        .map(|at| from + at + 1)
        .unwrap_or(from);
    let verb = [" met ", " with ", " by "]
        .iter()
        .filter_map(|word| window.rfind(word).map(|at| from + at + word.len()))
        .max()
        .unwrap_or(from);
    mark.max(verb)
}

/// The first character boundary at most `bytes` before `at` on its line.
fn line_start(text: &str, at: usize, bytes: usize) -> usize {
    let from = (at.saturating_sub(bytes)..at)
        .find(|&index| text.is_char_boundary(index))
        .unwrap_or(at);
    text[from..at]
        .rfind('\n')
        .map_or(from, |newline| from + newline + 1)
}

/// The place a role's office belongs to: the one place it names once the containers of
/// another are set aside ("Mayor of Zhuhai, Guangdong Province" is Zhuhai's); a Chief
/// Executive's role that names none is the page's SAR's.
fn office_place(
    text: &str,
    role: &Range<usize>,
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
    sar: Option<&(String, EntryId)>,
) -> Option<(String, EntryId)> {
    let role_text = text.get(role.clone())?;
    if !TITLE_IN_ROLE.is_match(role_text) {
        return None;
    }
    let from = places.partition_point(|place| place.range.start < role.start);
    let named: Vec<(&PlaceMention, EntryId)> = places[from..]
        .iter()
        .take_while(|place| place.range.end <= role.end)
        .filter_map(|place| Some((place, place.entry?)))
        .collect();
    let innermost: Vec<&(&PlaceMention, EntryId)> = named
        .iter()
        .filter(|(_, id)| {
            !named
                .iter()
                .any(|(_, other)| other != id && gazetteer.contains(*id, *other))
        })
        .collect();
    match innermost.as_slice() {
        [] if role_text.contains("Chief Executive") => sar.cloned(),
        [first, rest @ ..] if rest.iter().all(|(_, id)| *id == first.1) => {
            Some((written_name(first.0, gazetteer)?, first.1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;

    fn stand_ins_of(text: &str) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::bundled();
        let extraction = extract_text(text, None, gazetteer);
        stand_ins(text, &extraction.people, &extraction.places, gazetteer)
            .into_iter()
            .map(|mention| (text[mention.range].to_owned(), mention.name))
            .collect()
    }

    /// Whether `words` stand for `place` among the stand-ins found.
    fn names(found: &[(String, String)], words: &str, place: &str) -> bool {
        found.iter().any(|(w, p)| w == words && p == place)
    }

    #[test]
    fn a_chief_executive_of_record_stands_for_the_sar_a_page_never_names() {
        let found = stand_ins_of(
            "The Chief Executive, Mr C Y Leung (right), meets the visiting Governor of Jiangxi Province, Mr Lu Xinshe (left), at Government House this morning.",
        );
        assert!(names(&found, "Chief Executive", "Hong Kong"), "{found:?}");
        let found =
            stand_ins_of("Chief Executive Ho Iat Seng met the Governor of Fujian Province.");
        assert!(found.iter().any(|(_, place)| place == "Macao"), "{found:?}");
        // Both SARs' heads named: neither is the page's.
        let found = stand_ins_of(
            "Chief Executive Carrie Lam and Chief Executive Ho Iat Seng met the Governor of Fujian Province.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_sar_government_s_secretaries_stand_for_the_page_s_sar() {
        let found = stand_ins_of(
            "Secretary for Culture, Sports & Tourism Kevin Yeung today met Vice Mayor of Shenzhen Zhang Hua in Hong Kong. Hong Kong and Shenzhen will cooperate.",
        );
        assert!(
            names(&found, "Secretary for Culture", "Hong Kong"),
            "{found:?}"
        );
        // Another place's secretary is its own.
        let found = stand_ins_of(
            "Financial Secretary Paul Chan met Macau's Secretary for Economy Lionel Leong in Hong Kong. Hong Kong welcomed him.",
        );
        assert!(
            names(&found, "Financial Secretary", "Hong Kong"),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|(words, _)| words == "Secretary for Economy"),
            "{found:?}"
        );
    }

    #[test]
    fn a_sar_commissioner_stands_for_the_sar() {
        let found = stand_ins_of(
            "The Commissioner for Tourism, Ms Chan, visited Foshan today to meet with leaders of the Foshan Municipal Government. Hong Kong and Foshan are partners.",
        );
        assert!(
            names(&found, "Commissioner for Tourism", "Hong Kong"),
            "{found:?}"
        );
    }

    #[test]
    fn a_sar_secretary_named_again_or_as_he_stands_for_the_sar() {
        let found = stand_ins_of(
            "Hong Kong news. The Secretary for Commerce and Economic Development, Mr Gregory So, arrived in Wuhan, Hubei Province today (May 17).\n\nUpon arrival, Mr So visited the site in Wuhan. He also met with the Vice Governor of Hubei Province, Mr Gan Rongkun.",
        );
        assert!(names(&found, "Mr So", "Hong Kong"), "{found:?}");
        assert!(names(&found, "He", "Hong Kong"), "{found:?}");
        // "He" is the official the last sentence opening with one opened with, past a sentence
        // that opens with none.
        let found = stand_ins_of(
            "Hong Kong news. Secretary for Constitutional & Mainland Affairs Patrick Nip has visited three cities.\n\nThe trip comprised Zhongshan, Zhuhai and Shenzhen.\n\nHe met Zhongshan Mayor Jiao Lansheng.\n\nIn Shenzhen Mr Nip officiated at a reception.",
        );
        assert!(names(&found, "He", "Hong Kong"), "{found:?}");
        assert!(names(&found, "Mr Nip", "Hong Kong"), "{found:?}");
    }

    #[test]
    fn an_official_introduced_with_a_place_stands_for_it_when_named_again() {
        let found = stand_ins_of(
            "Mrs Lam first met with the Governor of Hainan Province, Mr Feng Fei. Mr Feng said Hainan welcomes Hong Kong investors.",
        );
        assert!(
            found.contains(&("Mr Feng Fei".into(), "Hainan Province".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("Mr Feng".into(), "Hainan Province".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_chief_executive_stands_for_the_sar_the_page_names_most() {
        let found = stand_ins_of(
            "The Chief Executive, Mrs Carrie Lam, met Hebei Governor Xu Qin in Hong Kong today. Mrs Lam said Hong Kong and Hebei are close. Mr Xu agreed.",
        );
        assert!(names(&found, "Mrs Lam", "Hong Kong"), "{found:?}");
        assert!(names(&found, "Mr Xu", "Hebei"), "{found:?}");
        assert!(names(&found, "Chief Executive", "Hong Kong"), "{found:?}");
    }

    #[test]
    fn a_family_name_alone_as_a_subject_is_the_official() {
        let found = stand_ins_of(
            "Macau Chief Executive Chui Sai On met Zhongshan officials. Chui said Macau welcomes Zhongshan.",
        );
        assert!(names(&found, "Chui", "Macau"), "{found:?}");
    }

    #[test]
    fn a_destination_before_a_title_is_not_the_office() {
        let found = stand_ins_of(
            "In the meeting in Macao, Mr Sam welcomed to Macao Secretary Xu and his delegation.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_two_places_share_stands_for_neither() {
        let found = stand_ins_of(
            "Hubei Governor Wang Xiaodong and Chengdu Mayor Wang Fengchao met. Mr Wang said so.",
        );
        assert!(
            !found.iter().any(|(words, _)| words == "Mr Wang"),
            "{found:?}"
        );
    }

    #[test]
    fn a_company_chief_executive_is_not_the_sar() {
        let found =
            stand_ins_of("Hong Kong's Chief Executive Officer of the bank met Shenzhen officials.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_sar_s_dateline_names_the_sar_its_chief_executive_heads() {
        // A SAR government's release: its Chief Executive met the other SAR's, in the other
        // SAR, which the page names more often.
        let found = stand_ins_of(
            "MACAU, February 14 - The Chief Executive, Mr Sam Hou Fai, today met in Hong Kong with the Chief Executive of the Hong Kong Special Administrative Region (HKSAR), Mr John Lee Ka-chiu. Hong Kong was the host.",
        );
        assert!(names(&found, "Chief Executive", "Macau"), "{found:?}");
        assert!(
            names(&found, "Mr John Lee Ka-chiu", "Hong Kong"),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_governor_is_the_governor_of_the_province_the_page_names_most() {
        let found = stand_ins_of(
            "Governor Yuan Jiajun met with the delegation from Haixi Prefecture. Zhejiang helps Qinghai; Zhejiang and Haixi cooperate.",
        );
        assert!(
            names(&found, "Governor Yuan Jiajun", "Zhejiang"),
            "{found:?}"
        );
        // Two provinces named as often: neither.
        let found = stand_ins_of("Governor Yuan Jiajun met Zhejiang and Qinghai officials.");
        assert!(found.is_empty(), "{found:?}");
    }
}
