//! Cooperation events: sentences in which two or more regional parties sign, hold, launch or
//! agree something together, or one visits another — merged so that one occurrence is one
//! event.
//!
//! Plans ("will strengthen", "planned to set up") and reported opinions are not events. A
//! sentence that names fewer than two parties can still report one through a group reference
//! ("the two parties", "the three zones"), which takes the parties of the article's occasion
//! (its first reported event); "during the event", "at the meeting", "on the site" take the
//! occasion's date.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::compiled;

use super::fields::fields_in;
use super::gazetteer::{Gazetteer, Level};
use super::orgs::Spans;
use crate::model::{
    DateMention, DateResolution, Event, EventKind, PartialDate, Participant, PlaceMention,
};

static AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(signed|inked|concluded|entered into|reached an? (?:\w+ )?agreement)(?-u:\b)",
    )
});
static ALLIANCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(alliance|consortium|union)(?-u:\b)[^.;]*(?-u:\b)(launched|established|set up|founded|formed|inaugurated|unveiled|initiated)(?-u:\b)|(?-u:\b)(launched|established|set up|founded|formed|inaugurated|unveiled|initiated|launching ceremony|unveiling ceremony)(?-u:\b)[^.;]*(?-u:\b)(alliance|consortium|union)(?-u:\b)",
    )
});
static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(visited|paid (?:a|an official) visit|led a delegation|delegation(?-u:\b)[^.;]{0,80}(?-u:\b)visit)",
    )
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(held|convened|hosted|co-hosted|jointly held)(?-u:\b)[^.;]*(?-u:\b)(conference|meeting|forum|symposium|summit|talks|seminar|event|ceremony|dialogue|session|fair)(?-u:\b)|(?-u:\b)(conference|meeting|forum|symposium|summit|talks|seminar|ceremony|session)(?-u:\b)[^.;]*(?-u:\b)(was|were) held(?-u:\b)",
    )
});
static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(will|would|shall|should|plans? to|planned to|aims? to|aimed to|intends? to|intended to|expected to|going to|to be signed|hopes?|hoped|strive to|set a goal|set the goal|proposed to)(?-u:\b)",
    )
});
static GROUP_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(the two (?:parties|sides|places|cities|districts|areas|zones|regions|provinces|counties|governments)|both (?:sides|parties)|the (?:three|four|five|six|several) (?:parties|sides|places|cities|districts|areas|zones|regions|provinces|counties))(?-u:\b)",
    )
});
static OCCASION_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:also )?(?:during|at|after|on the sidelines of) the (?:\w+ ){0,3}\w+(?-u:\b)|(?-u:\b)on the site(?-u:\b)|(?-u:\b)(?:at|during) the (?:same )?(?:meeting|event|ceremony|conference|visit|talks)(?-u:\b)",
    )
});
/// "the tripartite agreement signed on August 16": a reference back to a signing, not a report.
static SIGNED_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:agreement|agreements|memorandum|plan|deal|pact|contract|document|documents)\s+(?:that was |which was |they )?signed(?-u:\b)",
    )
});
/// "visited several Shenzhen enterprises": a visit to companies, not to a place's government.
static VISIT_TO_COMPANIES: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)visited(?-u:\b)[^.;]{0,60}(?-u:\b)(?:enterprises|companies|firms|factories|projects|plants|workshops)(?-u:\b)",
    )
});
/// Words that mark a sentence as background rather than a report of the day's events.
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:previously|in the past|since|so far|over the years|in recent years|earlier|history|historically|had signed|have signed|has signed)(?-u:\b)",
    )
});
/// "A signed with B, C with D and E with F": the text between two parties of a pair.
static PAIR_JOINT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\s*(?:signed|inked)?\s*(?:[a-z]+\s+){0,6}?with\s+(?:the\s+)?$"));

/// A sentence opening with a definite reference to an act already reported.
static DEFINITE_ACT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^the (?:\w+ ){0,3}(?:alliance|agreement|conference|meeting|forum|visit|ceremony)(?-u:\b)",
    )
});
static ALLIANCE_WORD: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)(?:alliance|consortium)(?-u:\b)"));
/// "in Qingpu", "at Bijie", "in southwest China's Chongqing": the place where, not a party.
static VENUE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)(?:in|at)\s+(?:(?:[a-z]+|China's)\s+){0,3}$"));

/// One sentence read as an event, before merging.
#[derive(Clone, Debug)]
struct Candidate {
    kind: EventKind,
    participants: Vec<Participant>,
    date: Option<(PartialDate, DateResolution)>,
    evidence: Vec<Range<usize>>,
    fields: Vec<String>,
    confidence: f32,
}

/// What later sentences can refer back to.
#[derive(Clone, Debug)]
struct Occasion {
    participants: Vec<Participant>,
    date: Option<(PartialDate, DateResolution)>,
    kind: EventKind,
}

/// Finds the cooperation events of a text.
pub fn find_events(
    text: &str,
    sentences: &[Range<usize>],
    places: &[PlaceMention],
    dates: &[DateMention],
    spans: &Spans,
    gazetteer: &Gazetteer,
) -> Vec<Event> {
    let mut occasion: Option<Occasion> = None;
    let mut candidates = Vec::new();
    let mut paragraph_date: Option<(usize, (PartialDate, DateResolution))> = None;
    let paragraph_starts: Vec<usize> = text.match_indices("\n\n").map(|(at, _)| at).collect();
    let clauses: Vec<Range<usize>> = sentences
        .iter()
        .flat_map(|sentence| split_signings(text, sentence))
        .collect();
    for sentence in &clauses {
        let sentence_text = &text[sentence.clone()];
        let paragraph = paragraph_starts.partition_point(|&at| at < sentence.start);
        let own_date = best_date(dates, sentence);
        let lower = if may_report_an_event(sentence_text) {
            sentence_text.to_lowercase()
        } else {
            String::new()
        };
        let Some((kind, trigger_at)) = trigger(&lower) else {
            if let Some(date) = own_date {
                paragraph_date = Some((paragraph, date));
            }
            continue;
        };
        if PLAN
            .find(&lower)
            .is_some_and(|plan| plan.start() < trigger_at)
        {
            continue;
        }
        let mut participants = parties(text, sentence, places, spans, gazetteer);
        let mut confidence = 0.9;
        let mut from_occasion = false;
        // "The two new areas signed …": a group named before the verb is the subject, whatever
        // places follow it (a venue, a corridor's name).
        let group_subject = GROUP_REFERENCE
            .find(&lower)
            .is_some_and(|group| group.start() < trigger_at);
        if (participants.len() < 2 || group_subject)
            && GROUP_REFERENCE.is_match(&lower)
            && let Some(occasion) = occasion.as_ref().filter(|o| o.participants.len() >= 2)
        {
            // "The two zones, together with C, launched …": the group and the named others.
            let named = std::mem::take(&mut participants);
            participants = occasion.participants.clone();
            if lower.contains("together with")
                || lower.contains("along with")
                || lower.contains("joined by")
            {
                for party in named {
                    if !participants.iter().any(|p| same_party(p, &party)) {
                        participants.push(party);
                    }
                }
            }
            confidence = 0.75;
            from_occasion = true;
        }
        // "The alliance was jointly initiated by …" after "… launched an alliance": the same act.
        let same_act =
            occasion.as_ref().is_some_and(|o| o.kind == kind) && DEFINITE_ACT.is_match(&lower);
        let refers_to_occasion = same_act || OCCASION_REFERENCE.is_match(&lower);
        let occasion_date = occasion.as_ref().and_then(|occasion| occasion.date);
        let compatible = |own: Option<(PartialDate, DateResolution)>,
                          occasion: (PartialDate, DateResolution)| {
            own.is_none_or(|own| own.0.year.is_none() || own.0.year == occasion.0.year)
        };
        let date = match (own_date, occasion_date) {
            (Some(own), _) if own.0.month.is_some() && own.0.day.is_some() => Some(own),
            (own, Some(occasion)) if refers_to_occasion && compatible(own, occasion) => {
                Some(occasion)
            }
            (Some(own), _) => Some(own),
            (None, Some(occasion)) if from_occasion => Some(occasion),
            (None, _) => paragraph_date
                .filter(|(index, _)| *index == paragraph)
                .map(|(_, date)| date)
                // An undated report in the same story happened at the occasion, unless it
                // says it is background ("previously", "in the past", "since").
                .or_else(|| occasion_date.filter(|_| !BACKGROUND.is_match(&lower))),
        };
        if let Some(date) = own_date {
            paragraph_date = Some((paragraph, date));
        } else if let Some(date) = date {
            paragraph_date = Some((paragraph, date));
        }
        // The article's occasion is its first reported act that is not background.
        if occasion.is_none() && !BACKGROUND.is_match(&lower) {
            occasion = Some(Occasion {
                participants: participants.clone(),
                date,
                kind,
            });
        }
        if participants.len() < 2 {
            continue;
        }
        let pairs = paired_lists(text, sentence, &participants, places);
        if pairs.len() >= 2 {
            for pair in pairs {
                candidates.push(Candidate {
                    kind,
                    participants: pair,
                    date,
                    evidence: vec![sentence.clone()],
                    fields: fields_in(sentence_text),
                    confidence: confidence - 0.1,
                });
            }
            continue;
        }
        if date.is_some_and(|(_, resolution)| resolution != DateResolution::Stated) {
            confidence -= 0.1;
        }
        candidates.push(Candidate {
            kind,
            participants,
            date,
            evidence: vec![sentence.clone()],
            fields: fields_in(sentence_text),
            confidence,
        });
    }
    merge(candidates)
        .into_iter()
        .map(|candidate| Event {
            kind: candidate.kind,
            participants: candidate.participants,
            date: candidate.date.map(|(date, _)| date),
            date_resolution: candidate.date.map(|(_, resolution)| resolution),
            fields: candidate.fields,
            evidence: candidate.evidence,
            confidence: candidate.confidence,
        })
        .collect()
}

/// "Tianhe District signed with Dafang County, Huangpu District with Nayong County and Baiyun
/// District with Zhijin County": pairs joined by "with", one agreement each. Empty unless every
/// party falls in such a pair.
fn paired_lists(
    text: &str,
    sentence: &Range<usize>,
    participants: &[Participant],
    places: &[PlaceMention],
) -> Vec<Vec<Participant>> {
    let ordered: Vec<&PlaceMention> = starting_in(places, sentence, |place| place.range.start)
        .iter()
        .filter(|place| place.range.end <= sentence.end)
        .filter(|place| participants.iter().any(|p| p.name == place.name))
        .collect();
    let mut pairs = Vec::new();
    let mut index = 0;
    while index + 1 < ordered.len() {
        let (left, right) = (ordered[index], ordered[index + 1]);
        let between = text
            .get(left.range.end..right.range.start)
            .unwrap_or_default();
        if PAIR_JOINT.is_match(between) {
            let party = |place: &PlaceMention| Participant {
                name: place.name.clone(),
                entry: place.entry,
            };
            pairs.push(vec![party(left), party(right)]);
            index += 2;
        } else {
            index += 1;
        }
    }
    if pairs.len() * 2 == participants.len() {
        pairs
    } else {
        Vec::new()
    }
}

/// "A and B signed X, and C and D signed Y": one clause per signing, so different pairs at
/// the same ceremony become separate events. The cut is the last ", and" or ", while" between
/// two signing verbs.
fn split_signings(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[sentence.clone()];
    if !slice.contains("signed") && !slice.contains("inked") {
        return vec![sentence.clone()];
    }
    let lower = slice.to_lowercase();
    let verbs: Vec<usize> = AGREEMENT
        .find_iter(&lower)
        .map(|found| found.start())
        .collect();
    if verbs.len() < 2 || lower.len() != sentence.len() {
        return vec![sentence.clone()];
    }
    let mut clauses = Vec::new();
    let mut start = 0;
    for pair in verbs.windows(2) {
        let between = &lower[pair[0]..pair[1]];
        let cut = [", and ", ", while ", "; "]
            .iter()
            .filter_map(|joint| between.rfind(joint).map(|at| pair[0] + at + 1))
            .max();
        if let Some(cut) = cut {
            clauses.push(sentence.start + start..sentence.start + cut);
            start = cut;
        }
    }
    clauses.push(sentence.start + start..sentence.end);
    clauses
        .into_iter()
        .map(|range| {
            let slice = &text[range.clone()];
            let leading = slice.len() - slice.trim_start().len();
            range.start + leading..range.start + slice.trim_end().len()
        })
        .collect()
}

/// Words without which no trigger can match: a cheap test that spares most sentences the
/// trigger patterns.
static TRIGGER_WORDS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "signed",
            "inked",
            "concluded",
            "entered into",
            "reached",
            "alliance",
            "consortium",
            "union",
            "visit",
            "delegation",
            "held",
            "convened",
            "hosted",
        ])
        .ok()
});

fn may_report_an_event(lower: &str) -> bool {
    TRIGGER_WORDS
        .as_ref()
        .is_none_or(|words| words.is_match(lower))
}

/// The event kind a sentence's verbs report, and where the verb stands.
fn trigger(lower: &str) -> Option<(EventKind, usize)> {
    if !may_report_an_event(lower) {
        return None;
    }
    if SIGNED_DOCUMENT.is_match(lower) && !lower.contains(" signed by ") {
        return None;
    }
    let found = [
        (&*AGREEMENT, EventKind::Agreement),
        (&*ALLIANCE, EventKind::Alliance),
        (&*VISIT, EventKind::Visit),
        (&*MEETING, EventKind::Meeting),
    ]
    .into_iter()
    .find_map(|(pattern, kind)| pattern.find(lower).map(|found| (kind, found.start())));
    match found {
        Some((EventKind::Visit, _)) if VISIT_TO_COMPANIES.is_match(lower) => None,
        // Signing the founding document of an alliance is launching the alliance.
        Some((EventKind::Agreement, at)) if ALLIANCE_WORD.is_match(lower) => {
            Some((EventKind::Alliance, at))
        }
        other => other,
    }
}

/// The most precise date written in the sentence.
fn best_date(
    dates: &[DateMention],
    sentence: &Range<usize>,
) -> Option<(PartialDate, DateResolution)> {
    starting_in(dates, sentence, |mention| mention.range.start)
        .iter()
        .filter(|mention| mention.range.end <= sentence.end)
        .max_by_key(|mention| {
            (
                mention.date.day.is_some(),
                mention.date.month.is_some(),
                mention.date.year.is_some(),
            )
        })
        .map(|mention| (mention.date, mention.resolution))
}

/// The regional parties a sentence names: places (not regions or rivers, not a venue after
/// "in"/"at", not inside a quoted title, not a place that merely contains another party) and
/// companies or institutions.
fn parties(
    text: &str,
    sentence: &Range<usize>,
    places: &[PlaceMention],
    spans: &Spans,
    gazetteer: &Gazetteer,
) -> Vec<Participant> {
    let inside = |range: &Range<usize>| sentence.start <= range.start && range.end <= sentence.end;
    let in_quotes = |range: &Range<usize>| spans.in_quotes(range);
    let mut found: Vec<(usize, Participant)> = Vec::new();
    let mut compounds: Vec<bool> = Vec::new();
    for place in starting_in(places, sentence, |place| place.range.start)
        .iter()
        .filter(|place| inside(&place.range) && !in_quotes(&place.range))
    {
        let level = place
            .entry
            .or_else(|| place.candidates.first().copied())
            .and_then(|id| gazetteer.entry(id))
            .map(|entry| entry.level);
        if level == Some(Level::Region) {
            continue;
        }
        let before = tail(&text[sentence.start..place.range.start], 48);
        let surface = &text[place.range.clone()];
        // "GUIYANG, Aug. 12 (Xinhua) --": a dateline names where the story was filed.
        let dateline = surface.len() > 3 && surface.chars().all(|c| !c.is_lowercase());
        let after = &text[place.range.end..sentence.end];
        let compound = before.ends_with('-') || after.starts_with(['-', '–']);
        if dateline || VENUE.is_match(before) {
            continue;
        }
        found.push((
            place.range.start,
            Participant {
                name: place.name.clone(),
                entry: place.entry,
            },
        ));
        compounds.push(compound);
    }
    // "the Lanzhou-Xining urban agglomeration": the places of a hyphenated compound name a
    // region, not parties — unless the sentence names no other parties ("the joint conference
    // of the Xiamen-Zhangzhou-Quanzhou area" is the three cities' conference).
    let standalone = compounds.iter().filter(|compound| !**compound).count();
    if standalone >= 2 {
        let mut flags = compounds.iter();
        found.retain(|_| !flags.next().copied().unwrap_or(false));
    }
    for org in starting_in(&spans.companies, sentence, |org| org.range.start)
        .iter()
        .filter(|org| inside(&org.range) && !in_quotes(&org.range))
        .filter(|org| !spans.in_company_list(&org.range))
    {
        found.push((
            org.range.start,
            Participant {
                name: org.name.clone(),
                entry: None,
            },
        ));
    }
    found.sort_by_key(|(at, _)| *at);
    let mut participants: Vec<Participant> = Vec::new();
    for (_, participant) in found {
        let duplicate = participants
            .iter()
            .any(|other| same_party(other, &participant));
        if !duplicate {
            participants.push(participant);
        }
    }
    // A place that contains another party is context ("Shanghai Qingpu", "districts of Nanjing").
    let others: Vec<Vec<_>> = places_of(&participants, places);
    let keep: Vec<bool> = participants
        .iter()
        .map(|participant| {
            participant.entry.is_none_or(|entry| {
                !others
                    .iter()
                    .flatten()
                    .any(|&other| other != entry && gazetteer.contains(entry, other))
            })
        })
        .collect();
    let mut keep = keep.into_iter();
    participants.retain(|_| keep.next().unwrap_or(true));
    participants
}

/// The items (sorted by start) that start inside `range`, found by binary search: per clause
/// this costs the clause's own mentions, not the article's, so a long report stays linear.
fn starting_in<'a, T>(
    items: &'a [T],
    range: &Range<usize>,
    start: impl Fn(&T) -> usize,
) -> &'a [T] {
    let from = items.partition_point(|item| start(item) < range.start);
    let to = items.partition_point(|item| start(item) < range.end);
    items.get(from..to.max(from)).unwrap_or_default()
}

/// The last `chars` characters of `text` (what stands right before a mention).
fn tail(text: &str, chars: usize) -> &str {
    let start = text.char_indices().rev().nth(chars).map_or(0, |(at, _)| at);
    &text[start..]
}

/// For each participant, the entries it may stand for (its entry, or its candidates when the
/// name is ambiguous), so that containment works for ambiguous names too.
fn places_of(
    participants: &[Participant],
    places: &[PlaceMention],
) -> Vec<Vec<crate::model::EntryId>> {
    participants
        .iter()
        .map(|participant| match participant.entry {
            Some(entry) => vec![entry],
            None => places
                .iter()
                .find(|place| place.name == participant.name)
                .map(|place| place.candidates.clone())
                .unwrap_or_default(),
        })
        .collect()
}

fn same_party(a: &Participant, b: &Participant) -> bool {
    match (a.entry, b.entry) {
        (Some(x), Some(y)) => x == y,
        _ => a.name.eq_ignore_ascii_case(&b.name),
    }
}

fn same_parties(a: &[Participant], b: &[Participant]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| same_party(x, y)))
}

fn subset(small: &[Participant], large: &[Participant]) -> bool {
    small.iter().all(|x| large.iter().any(|y| same_party(x, y)))
}

/// Which kind wins when two reports of one occurrence merge: the act over the meeting it
/// happened at.
fn priority(kind: EventKind) -> u8 {
    match kind {
        // A visit and the signing during it are reported as the visit.
        EventKind::Visit => 5,
        EventKind::Agreement => 4,
        EventKind::Alliance => 3,
        EventKind::Meeting => 1,
        EventKind::Other => 0,
    }
}

/// One occurrence, one event: reports of the same parties on the same date merge; then a
/// meeting merges into the one agreement or alliance made at it (same date, one's parties
/// within the other's). Different pairs signing on the same occasion stay separate.
fn merge(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let same_day = |a: &Candidate, b: &Candidate| a.date.map(|d| d.0) == b.date.map(|d| d.0);
    let mut merged: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        match merged.iter().position(|other| {
            same_day(other, &candidate)
                && same_parties(&other.participants, &candidate.participants)
        }) {
            Some(index) => absorb(&mut merged[index], candidate),
            None => merged.push(candidate),
        }
    }
    let is_meeting =
        |candidate: &Candidate| matches!(candidate.kind, EventKind::Meeting | EventKind::Other);
    let mut index = 0;
    while index < merged.len() {
        if is_meeting(&merged[index]) {
            let hosts: Vec<usize> = (0..merged.len())
                .filter(|&other| {
                    other != index
                        && !is_meeting(&merged[other])
                        && same_day(&merged[other], &merged[index])
                        && (subset(&merged[index].participants, &merged[other].participants)
                            || subset(&merged[other].participants, &merged[index].participants))
                })
                .collect();
            if let [host] = hosts.as_slice() {
                let meeting = merged.remove(index);
                let host = if *host > index { host - 1 } else { *host };
                absorb(&mut merged[host], meeting);
                continue;
            }
        }
        index += 1;
    }
    merged
}

/// Folds a second report of an occurrence into the first: the act wins over the meeting, and
/// the parties and evidence of the act are kept.
fn absorb(existing: &mut Candidate, other: Candidate) {
    if priority(other.kind) > priority(existing.kind) {
        existing.kind = other.kind;
        existing.participants = other.participants;
        let earlier = std::mem::replace(&mut existing.evidence, other.evidence);
        existing.evidence.extend(earlier);
    } else {
        existing.evidence.extend(other.evidence);
    }
    for field in other.fields {
        if !existing.fields.contains(&field) {
            existing.fields.push(field);
        }
    }
    existing.confidence = existing.confidence.max(other.confidence);
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::extract::test_gazetteer::gazetteer;
    use crate::model::{Event, PartialDate};

    fn events(text: &str, published: Option<PartialDate>) -> Vec<Event> {
        extract_text(text, published, &gazetteer()).events
    }

    fn parties(event: &Event) -> Vec<&str> {
        event.participants.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_three_party_signing_is_one_event_not_pairs() {
        let found = events(
            "On May 7, Jiangning District, Lishui District and Gaochun District jointly signed a cooperation agreement.",
            None,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Lishui District", "Gaochun District"]
        );
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-05-07")
        );
        assert_eq!(found[0].kind.label(), "agreement");
    }

    #[test]
    fn plans_and_single_place_happenings_are_not_events() {
        assert!(
            events(
                "Jiangning District and Lishui District will sign an agreement next year.",
                None
            )
            .is_empty()
        );
        assert!(
            events(
                "The two sides planned to set up an alliance of Qingpu and Wujiang.",
                None
            )
            .is_empty()
        );
        assert!(events("On September 24, 2020, a breakfast meeting was held in Jiangning District with its enterprises.", None).is_empty());
    }

    #[test]
    fn a_meeting_and_the_signing_at_it_are_one_event_but_other_pairs_are_separate() {
        let text = "On May 7, Jiangning District, Lishui District and Gaochun District jointly held a signing event.\n\nDuring the signing event, Lishui District and Jiangning District signed a linkage agreement; The three zones jointly signed an agreement on aerospace.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Lishui District", "Gaochun District"]
        );
        assert_eq!(found[0].kind.label(), "agreement");
        assert_eq!(
            parties(&found[1]),
            ["Lishui District", "Jiangning District"]
        );
        assert!(
            found
                .iter()
                .all(|e| e.date.map(|d| d.edtf()).as_deref() == Some("XXXX-05-07"))
        );
        assert_eq!(found[0].fields, ["aerospace"]);
    }

    #[test]
    fn provinces_before_their_places_and_venues_are_not_parties() {
        let text = "On July 23, the 2019 Regional Cooperation Meeting was held in Qingpu. At the meeting, Shanghai Qingpu, Jiangsu Wujiang, Zhejiang Jiashan officially signed a work plan.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Qingpu", "Wujiang", "Jiashan"]);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2019-07-23")
        );
    }

    #[test]
    fn two_pairs_signing_in_one_sentence_are_two_events() {
        let text = "On May 7, Jiangning District and Gaochun District signed a tourism agreement, and Qingpu District and Wujiang District signed an agreement on transport.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Gaochun District"]
        );
        assert_eq!(parties(&found[1]), ["Qingpu District", "Wujiang District"]);
        assert_eq!(found[1].date, found[0].date);
    }

    #[test]
    fn a_visit_and_the_signing_after_the_talks_are_one_visit() {
        let text = "On April 13, a delegation from Jiangning District visited Wujiang District for talks. After the talks, the two sides signed a framework agreement.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "visit");
    }

    #[test]
    fn references_to_a_signed_agreement_and_visits_to_companies_are_not_events() {
        assert!(events("Officials from Qingpu District said the agreement signed on August 16 with Wujiang District is the first.", None).is_empty());
        assert!(
            events(
                "The Qingpu District delegation visited several Wujiang District enterprises.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn pairs_joined_by_with_are_separate_agreements() {
        let text = "On May 7, Jiangning District signed with Qingpu District, Gaochun District with Wujiang District and Lishui District with Jiashan County.";
        let found = events(text, None);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(parties(&found[2]), ["Lishui District", "Jiashan County"]);
    }

    #[test]
    fn datelines_and_venues_are_not_parties() {
        let text = "NANJING, May 8 (Xinhua) -- Officials in east China's Jiangsu signed an agreement with Qingpu District and Wujiang District on Friday.";
        let found = events(text, None);
        assert_eq!(parties(&found[0]), ["Qingpu District", "Wujiang District"]);
    }

    #[test]
    fn background_is_not_the_occasion_later_sentences_refer_to() {
        let text = "Since 2015, Qingpu District and Wujiang District have signed many agreements. On July 23, Qingpu District and Jiashan County held a joint meeting. At the meeting, Qingpu District and Jiashan County signed a plan.";
        let found = events(text, None);
        let signing = found
            .iter()
            .find(|e| e.kind.label() == "agreement" && parties(e).contains(&"Jiashan County"))
            .unwrap();
        assert_eq!(
            signing.date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-07-23")
        );
    }

    #[test]
    fn companies_can_be_parties() {
        let text = "Chongqing Yuelai Investment Group Co., Ltd. and Sichuan Tianfu International Conference & Exhibition Co., Ltd. signed a cooperation agreement on the site.";
        let found = events(text, None);
        assert_eq!(
            parties(&found[0]),
            [
                "Chongqing Yuelai Investment Group",
                "Sichuan Tianfu International Conference & Exhibition Co."
            ]
        );
    }

    #[test]
    fn group_references_take_the_parties_of_the_occasion() {
        let text = "Few days ago, Chongqing Liangjiang New Area and Sichuan Tianfu New Area held the 3rd Joint Conference. On February 28, 2020, the 1st joint conference was held between the two parties.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[1]),
            ["Liangjiang New Area", "Tianfu New Area"]
        );
        assert_eq!(
            found[1].date.map(|d| d.edtf()).as_deref(),
            Some("2020-02-28")
        );
        assert_eq!(found[0].date, None);
    }
}
