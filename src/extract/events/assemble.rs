//! One occurrence, one event: the article-level pass that joins the reports of an occasion.
//!
//! A visit, meeting or forum and the acts done at it are one event (LABELLING: "A visit,
//! meeting or forum together with the signing done during it is one event, even when the
//! signing is reported sentences later"), named by the act of highest precedence (alliance >
//! agreement > meeting > visit). Reports of the same parties on the same day are one event, and
//! so are reports that name the same parties at another level ("Hangzhou and Chengdu" at the
//! Zhejiang–Sichuan meeting). An undated report of the parties of one dated event is that
//! event. Different pairs signing at one occasion stay separate events.

use std::collections::HashMap;

use super::Candidate;
use super::parties::same_party;
use super::triggers::precedence;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{EventKind, PartialDate, Participant};

/// How many days a visit may run before the act done during it ("from July 9 to 10 … on the
/// afternoon of July 10, a symposium was held").
const VISIT_DAYS: u8 = 5;

/// How many reports of one month (or of no date) are compared with each other: an article
/// reports a handful; a page of thousands of same-day sentences is not joined beyond this, so
/// the pass stays linear.
const MAX_COMPARED: usize = 200;

/// How many evidence sentences an event keeps.
const MAX_EVIDENCE: usize = 32;

/// A report's year and month, if it has a date: the reports compared for an occasion.
type Month = Option<(Option<i32>, Option<u8>)>;

/// Joins the candidates that report one occurrence.
pub fn merge(candidates: Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) -> Vec<Candidate> {
    let mut merged = join_same_reports(candidates, gazetteer, naming);
    join_one_party_more(&mut merged, gazetteer, naming);
    join_undated(&mut merged, gazetteer, naming);
    join_trip_days(&mut merged, gazetteer, naming);
    join_members_met(&mut merged, gazetteer, naming);
    join_occasions(merged, gazetteer, naming)
}

/// How many parties make a gathering whose members' meetings of that day are its own.
const GATHERING: usize = 4;

/// "第三届川滇黔十市州合作与发展峰会在六盘水召开 … 曲靖市、黔西南州成为峰会新成员": a meeting or
/// visit of some members of a gathering of many (four parties or more) on its day is told of
/// that gathering — when it is the one gathering of that day holding them all.
fn join_members_met(merged: &mut Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) {
    let mut by_day: HashMap<PartialDate, Vec<usize>> = HashMap::new();
    for (index, candidate) in merged.iter().enumerate() {
        if let Some((date, _)) = candidate.date.filter(|(date, _)| date.day.is_some()) {
            by_day.entry(date).or_default().push(index);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; merged.len()];
    for day in by_day.values().filter(|day| day.len() >= 2) {
        for &small in day.iter().take(MAX_COMPARED) {
            let members = &merged[small];
            if !matches!(members.kind, EventKind::Meeting | EventKind::Visit) {
                continue;
            }
            let gatherings: Vec<usize> = day
                .iter()
                .take(MAX_COMPARED)
                .copied()
                .filter(|&large| {
                    let gathering = &merged[large];
                    large != small
                        && gathering.participants.len() >= GATHERING
                        && members.participants.len() < gathering.participants.len()
                        && precedence(gathering.kind) >= precedence(members.kind)
                        && subset(&members.participants, &gathering.participants)
                })
                .collect();
            if let [large] = gatherings.as_slice() {
                into[small] = Some(*large);
            }
        }
    }
    fold_into(merged, &into, |gathering, members| {
        let (kind, parties) = (gathering.kind, gathering.participants.clone());
        absorb(gathering, members, gazetteer, naming);
        (gathering.kind, gathering.participants) = (kind, parties);
    });
}

/// Which name a party joined from two reports at two levels goes by.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// That of the act of higher precedence: English news names the meeting's sides
    /// ("Zhejiang and Sichuan") and their cities only as who attended.
    OfTheAct,
    /// The narrower: Chinese news names the unit that acted (桐乡市 on the trip to a meeting
    /// of 嘉兴市's aid group) and its city only as where it belongs.
    Narrower,
}

/// Reports of the same parties on the same day (or of the same meeting named at two levels)
/// are one.
fn join_same_reports(
    candidates: Vec<Candidate>,
    gazetteer: &Gazetteer,
    naming: Naming,
) -> Vec<Candidate> {
    let mut merged: Vec<Candidate> = Vec::new();
    let mut by_day: HashMap<Option<PartialDate>, Vec<usize>> = HashMap::new();
    for candidate in candidates {
        let day = by_day.entry(candidate.date.map(|d| d.0)).or_default();
        let same = day.iter().rev().take(MAX_COMPARED).copied().find(|&other| {
            let other = &merged[other];
            same_parties(&other.participants, &candidate.participants)
                || (other.kind == candidate.kind
                    && is_occasion(candidate.kind)
                    && same_places_at_levels(
                        &other.participants,
                        &candidate.participants,
                        gazetteer,
                    ))
        });
        match same {
            Some(index) => absorb(&mut merged[index], candidate, gazetteer, naming),
            None => {
                day.push(merged.len());
                merged.push(candidate);
            }
        }
    }
    merged
}

/// "普陀区与昆明市东川区召开东西部协作工作座谈会" and the visit of that day reported with one
/// party more (a site toured, a place named in passing): a visit, meeting or other occasion
/// whose parties are another report's of the same day and one more, when no other report of
/// that day is within it too (then it is the occasion of several pairs' acts), is that
/// report's occurrence, under the fewer parties.
fn join_one_party_more(merged: &mut Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) {
    let mut by_day: HashMap<PartialDate, Vec<usize>> = HashMap::new();
    for (index, candidate) in merged.iter().enumerate() {
        if let Some((date, _)) = candidate.date {
            by_day.entry(date).or_default().push(index);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; merged.len()];
    for day in by_day.values().filter(|day| day.len() >= 2) {
        for &large in day.iter().take(MAX_COMPARED) {
            let wider = &merged[large];
            if !is_occasion(wider.kind) {
                continue;
            }
            let within: Vec<usize> = day
                .iter()
                .take(MAX_COMPARED)
                .copied()
                .filter(|&small| {
                    let fewer = &merged[small].participants;
                    small != large
                        && fewer.len() >= 2
                        && fewer.len() < wider.participants.len()
                        && subset(fewer, &wider.participants)
                })
                .collect();
            if let [small] = within.as_slice()
                && merged[*small].participants.len() + 1 == wider.participants.len()
            {
                into[large] = Some(*small);
            }
        }
    }
    fold_into(merged, &into, |fewer, wider| {
        let parties = fewer.participants.clone();
        absorb(fewer, wider, gazetteer, naming);
        fewer.participants = parties;
    });
}

/// An occasion (or a lesser act) joins the one act of higher precedence done at it: same day
/// (or during the visit), one's parties within the other's. With two such acts (two pairs
/// signing at one meeting) it stays apart, as nothing says which it belongs to. Hosts are found
/// among the reports of the same month; a host keeps its kind and parties when it takes one in,
/// so each report's host is found once and chains (a visit into its meeting, the meeting into
/// its signing) follow.
fn join_occasions(merged: Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) -> Vec<Candidate> {
    let month = |candidate: &Candidate| candidate.date.map(|(date, _)| (date.year, date.month));
    let mut by_month: HashMap<Month, Vec<usize>> = HashMap::new();
    for (index, candidate) in merged.iter().enumerate() {
        by_month.entry(month(candidate)).or_default().push(index);
    }
    let host_of = |index: usize| -> Option<usize> {
        let lesser = &merged[index];
        if !is_occasion(lesser.kind) {
            return None;
        }
        let hosts: Vec<usize> = by_month
            .get(&month(lesser))
            .into_iter()
            .flatten()
            .take(MAX_COMPARED)
            .copied()
            .filter(|&other| {
                let host = &merged[other];
                other != index
                    && precedence(host.kind) > precedence(lesser.kind)
                    && during(lesser, host)
                    && (subset(&lesser.participants, &host.participants)
                        || subset(&host.participants, &lesser.participants)
                        || lesser.date.is_some())
                    && (covers_all(&lesser.participants, &host.participants, gazetteer)
                        || covers_all(&host.participants, &lesser.participants, gazetteer))
            })
            .collect();
        match hosts.as_slice() {
            [host] => Some(*host),
            // "Macao and Zhuhai held a joint meeting on July 26 … Macao and Zhuhai have signed
            // a further four agreements": an undated act of the very same parties is the act
            // done at the dated occasion.
            [] if lesser.date.is_some() => {
                let undated: Vec<usize> = by_month
                    .get(&None)
                    .into_iter()
                    .flatten()
                    .take(MAX_COMPARED)
                    .copied()
                    .filter(|&other| {
                        precedence(merged[other].kind) > precedence(lesser.kind)
                            && same_parties(&merged[other].participants, &lesser.participants)
                    })
                    .collect();
                match undated.as_slice() {
                    [host] => Some(*host),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    let hosts: Vec<Option<usize>> = (0..merged.len()).map(host_of).collect();
    let mut order: Vec<usize> = (0..merged.len()).filter(|&i| hosts[i].is_some()).collect();
    order.sort_by_key(|&i| precedence(merged[i].kind));
    let mut slots: Vec<Option<Candidate>> = merged.into_iter().map(Some).collect();
    for index in order {
        // Follow the chain to the host that is still there.
        let mut host = hosts[index];
        while let Some(at) = host {
            if slots[at].is_some() {
                break;
            }
            host = hosts[at];
        }
        if let (Some(at), Some(lesser)) = (host, slots[index].take())
            && let Some(target) = slots[at].as_mut()
        {
            absorb(target, lesser, gazetteer, naming);
        }
    }
    slots.into_iter().flatten().collect()
}

/// An undated signing whose parties signed exactly one dated agreement is that agreement
/// reported again ("The development of Xiongan got a fresh boost, as Beijing and Hebei signed
/// an agreement" under a dated account of the signing); an undated visit of the parties of
/// exactly one dated act is the trip that act was done on ("Welcoming Mr Xu's first visit to
/// Hong Kong …" under "Carrie Lam met Hebei Governor Xu Qin … today"). Meetings recur ("the
/// 3rd joint conference", "the 1st"), so an undated one stays its own; but a report that gives
/// only the year (or month) of the one act of its kind and parties dated to a day in it is that
/// act.
fn join_undated(merged: &mut Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) {
    let key = |candidate: &Candidate| -> Vec<String> {
        let mut names: Vec<String> = candidate
            .participants
            .iter()
            .map(|party| match party.entry {
                Some(entry) => format!("#{}", entry.0),
                None => party.name.to_lowercase(),
            })
            .collect();
        names.sort_unstable();
        names
    };
    let mut dated: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for (index, candidate) in merged.iter().enumerate() {
        if candidate.date.is_some() {
            dated.entry(key(candidate)).or_default().push(index);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; merged.len()];
    for (index, candidate) in merged.iter().enumerate() {
        let hosts: Vec<usize> = match candidate.date {
            None => dated
                .get(&key(candidate))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&host| match candidate.kind {
                    EventKind::Agreement => merged[host].kind == EventKind::Agreement,
                    EventKind::Visit => true,
                    _ => false,
                })
                .collect(),
            // "The Guangdong-Macao Co-operation Joint Conference 2014" beside the account of
            // the conference held on July 16, 2014: the same act, told less precisely.
            Some((date, _)) if date.day.is_none() => dated
                .get(&key(candidate))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&host| {
                    let host = &merged[host];
                    host.kind == candidate.kind
                        && host.date.is_some_and(|(full, _)| {
                            full.day.is_some()
                                && full.year.is_some()
                                && full.year == date.year
                                && date.month.is_none_or(|month| full.month == Some(month))
                        })
                })
                .collect(),
            Some(_) => Vec::new(),
        };
        if let [host] = hosts.as_slice() {
            into[index] = Some(*host);
        }
    }
    fold_into(merged, &into, |target, undated| {
        absorb(target, undated, gazetteer, naming);
    });
}

/// "4月12日至13日,广东省党政代表团赴广西…对接" and "13日,两省区召开粤桂协作联席会议": a
/// meeting of the same parties on a later day of a trip is the trip's, dated by its first day
/// (or of one the same and the other a place inside its own: the trip "赴上海", the meeting
/// with 浦东新区; two other units of the two provinces meet on their own),
/// as Chinese readers date it (English news dates the meeting by its own day: the trip's visit
/// joins the meeting in `join_occasions` instead).
fn join_trip_days(merged: &mut Vec<Candidate>, gazetteer: &Gazetteer, naming: Naming) {
    if naming != Naming::Narrower {
        return;
    }
    let mut into: Vec<Option<usize>> = vec![None; merged.len()];
    for (index, later) in merged.iter().enumerate() {
        if later.kind != EventKind::Meeting {
            continue;
        }
        let trips: Vec<usize> = merged
            .iter()
            .enumerate()
            .take(MAX_COMPARED * 8)
            .filter(|(other, trip)| {
                *other != index
                    && trip.signals.trip
                    && trip.kind == EventKind::Meeting
                    && later_day_of(later, trip)
                    && same_places_at_levels(&trip.participants, &later.participants, gazetteer)
                    && trip.participants.iter().any(|party| {
                        later
                            .participants
                            .iter()
                            .any(|other| same_party(party, other))
                    })
            })
            .map(|(other, _)| other)
            .collect();
        if let [trip] = trips.as_slice() {
            into[index] = Some(*trip);
        }
    }
    fold_into(merged, &into, |trip, later| {
        let first_day = (trip.date, trip.date_from.clone());
        absorb(trip, later, gazetteer, naming);
        (trip.date, trip.date_from) = first_day;
    });
}

/// Joins each candidate into the one `into` names for it, by `join` — unless that one is
/// joined into another itself (no chains: each is read against the candidates as they were).
fn fold_into(
    merged: &mut Vec<Candidate>,
    into: &[Option<usize>],
    mut join: impl FnMut(&mut Candidate, Candidate),
) {
    let mut slots: Vec<Option<Candidate>> = std::mem::take(merged).into_iter().map(Some).collect();
    for (index, host) in into.iter().enumerate() {
        if let Some(host) = *host
            && into[host].is_none()
            && let Some(other) = slots[index].take()
            && let Some(target) = slots[host].as_mut()
        {
            join(target, other);
        }
    }
    *merged = slots.into_iter().flatten().collect();
}

/// Whether `later` falls on a day after the first of `trip` and within a trip's length.
fn later_day_of(later: &Candidate, trip: &Candidate) -> bool {
    let (Some((on, _)), Some((start, _))) = (later.date, trip.date) else {
        return false;
    };
    start.year == on.year
        && start.month.is_some()
        && start.month == on.month
        && matches!((start.day, on.day), (Some(from), Some(day)) if day > from && day - from <= VISIT_DAYS)
}

/// A visit, a meeting or another joint occasion: what acts are done at. Two acts (an alliance
/// launched and a pair signing at its launch) stay two events.
fn is_occasion(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Visit | EventKind::Meeting | EventKind::Other
    )
}

fn same_day(a: &Candidate, b: &Candidate) -> bool {
    a.date.map(|d| d.0) == b.date.map(|d| d.0)
}

/// Whether `lesser` happened at `host`'s occasion by its date: the same day, or the host's
/// day falls within the first days of a visit (or of any occasion told as running over days:
/// "8月16日至18日…率团赴绍兴开展对口合作交流活动").
fn during(lesser: &Candidate, host: &Candidate) -> bool {
    if same_day(lesser, host) {
        return true;
    }
    let (Some((start, _)), Some((day, _))) = (lesser.date, host.date) else {
        return false;
    };
    (lesser.kind == EventKind::Visit || lesser.signals.trip)
        && start.year == day.year
        && start.month.is_some()
        && start.month == day.month
        && matches!((start.day, day.day), (Some(from), Some(on)) if on >= from && on - from <= VISIT_DAYS)
}

fn same_parties(a: &[Participant], b: &[Participant]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| same_party(x, y)))
}

fn subset(small: &[Participant], large: &[Participant]) -> bool {
    small.iter().all(|x| large.iter().any(|y| same_party(x, y)))
}

/// Whether each party of `small` is a party of `large` or a place inside one of them.
fn covers(small: &[Participant], large: &[Participant], gazetteer: &Gazetteer) -> bool {
    small.iter().all(|x| {
        large
            .iter()
            .any(|y| same_party(x, y) || inside(x, y, gazetteer))
    })
}

/// Whether `small` covers `large` (see [`covers`]) and every party of `large` has one of
/// `small` in it: "Beijing, Tianjin and Hebei" meeting is not the occasion of a signing by
/// Tongzhou (Beijing) and three Hebei counties, which leaves Tianjin out.
fn covers_all(small: &[Participant], large: &[Participant], gazetteer: &Gazetteer) -> bool {
    covers(small, large, gazetteer)
        && large.iter().all(|y| {
            small
                .iter()
                .any(|x| same_party(x, y) || inside(x, y, gazetteer))
        })
}

/// "Hangzhou and Chengdu" for "Zhejiang and Sichuan": as many parties, each the same as or
/// inside a different one of the other's.
fn same_places_at_levels(a: &[Participant], b: &[Participant], gazetteer: &Gazetteer) -> bool {
    a.len() == b.len()
        && a.iter().all(|x| {
            b.iter()
                .filter(|y| same_party(x, y) || inside(x, y, gazetteer) || inside(y, x, gazetteer))
                .count()
                == 1
        })
        && b.iter().all(|y| {
            a.iter()
                .filter(|x| same_party(x, y) || inside(x, y, gazetteer) || inside(y, x, gazetteer))
                .count()
                == 1
        })
}

/// "Jiaxing" at the meeting, "Tongxiang" (in Jiaxing) on the trip to it: when two reports
/// name the same parties at two levels, each party goes by the narrower name — the unit that
/// acted, which the broader one only locates.
fn prefer_the_narrower(kept: &mut [Participant], other: &[Participant], gazetteer: &Gazetteer) {
    if !same_places_at_levels(kept, other, gazetteer) {
        return;
    }
    for party in kept.iter_mut() {
        if let Some(narrower) = other.iter().find(|o| inside(o, party, gazetteer)) {
            *party = narrower.clone();
        }
    }
}

/// "泰州本溪对口合作座谈会…来自泰兴市、靖江市、高港区…的相关负责人分别作了介绍": parties that all
/// lie in one of them are that place and its own units, one side of the table; with no second
/// side there is no cooperation.
pub fn one_side_only(parties: &[Participant], gazetteer: &Gazetteer) -> bool {
    parties.len() >= 2
        && parties.iter().enumerate().any(|(index, whole)| {
            parties
                .iter()
                .enumerate()
                .all(|(other, part)| other == index || lies_in(part, whole, gazetteer))
        })
}

/// "Linyi" beside "Linyi City" ("… of Linyi Municipal Party Committee and Mayor of Linyi
/// City"): a name the text left unresolved that is another party's own name is that party
/// named again.
pub fn drop_repeated_names(parties: &mut Vec<Participant>, gazetteer: &Gazetteer) {
    let resolved: Vec<&str> = parties
        .iter()
        .filter_map(|party| party.entry.and_then(|id| gazetteer.entry(id)))
        .map(|place| place.base.as_str())
        .collect();
    parties.retain(|party| {
        party.entry.is_some()
            || !resolved
                .iter()
                .any(|base| base.eq_ignore_ascii_case(&party.name))
    });
}

/// Whether `part` lies in `whole` as [`inside`] reads it, or in a place of `whole`'s name that
/// the text left unresolved ("Taizhou", of two provinces, holding Taixing City of one).
fn lies_in(part: &Participant, whole: &Participant, gazetteer: &Gazetteer) -> bool {
    inside(part, whole, gazetteer)
        || (whole.entry.is_none()
            && part.entry.is_some_and(|id| {
                gazetteer
                    .lineage(id)
                    .skip(1)
                    .any(|place| place.base == whole.name || place.party_name() == whole.name)
            }))
}

/// Whether place `x` lies inside place `y`: by the gazetteer, or as a zone the gazetteer does
/// not hold that is named after its place ("海安经济技术开发区", Hai'an Economic and
/// Technological Development Zone, in Hai'an).
fn inside(x: &Participant, y: &Participant, gazetteer: &Gazetteer) -> bool {
    match (x.entry, y.entry) {
        (Some(x), Some(y)) => x != y && gazetteer.contains(y, x),
        (None, Some(y)) => gazetteer.entry(y).is_some_and(|place| {
            x.name
                .strip_prefix(place.base.as_str())
                .is_some_and(|rest| rest.starts_with(' ') && rest.len() > 1)
        }),
        _ => false,
    }
}

/// Folds a second report of an occurrence into the first: the act of higher precedence names
/// the event and gives its parties; evidence, fields and the sentences behind each part are
/// kept.
fn absorb(existing: &mut Candidate, other: Candidate, gazetteer: &Gazetteer, naming: Naming) {
    if precedence(other.kind) > precedence(existing.kind) {
        existing.kind = other.kind;
        let named_before = std::mem::replace(&mut existing.participants, other.participants);
        // An agreement's title names its signers exactly: they keep their names.
        if naming == Naming::Narrower && !other.signals.titled {
            prefer_the_narrower(&mut existing.participants, &named_before, gazetteer);
        }
        existing.kind_from = other.kind_from;
        existing.parties_from = other.parties_from;
        if other.date.is_some() {
            existing.date = other.date;
            existing.date_from = other.date_from.clone();
        }
    } else if naming == Naming::Narrower && !existing.signals.titled {
        prefer_the_narrower(&mut existing.participants, &other.participants, gazetteer);
    }
    if existing.date.is_none() && other.date.is_some() {
        existing.date = other.date;
        existing.date_from = other.date_from;
    }
    // An occurrence reported a thousand times (a page of one article repeated) keeps its
    // first few dozen sentences as evidence: more say nothing new, and joining stays linear.
    if existing.evidence.len() < MAX_EVIDENCE {
        existing.evidence.extend(other.evidence);
        existing.evidence.sort_by_key(|range| range.start);
        existing.evidence.dedup();
        existing.evidence.truncate(MAX_EVIDENCE);
    }
    for field in other.fields {
        if !existing.fields.contains(&field) {
            existing.fields.push(field);
        }
    }
    existing.reports += other.reports;
    existing.signals.merge(&other.signals);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(gazetteer: &Gazetteer, name: &str) -> Participant {
        let entry = gazetteer.search(name, 1).first().map(|entry| entry.id);
        Participant {
            name: name.to_owned(),
            entry,
        }
    }

    #[test]
    fn a_place_and_its_own_units_are_one_side() {
        let gazetteer = Gazetteer::bundled();
        let units = ["Taixing", "Jingjiang", "Xinghua"].map(|name| party(gazetteer, name));
        // "Taizhou" of two provinces, left unresolved, with three units of one of them.
        let unresolved = Participant {
            name: "Taizhou".to_owned(),
            entry: None,
        };
        let mut side: Vec<Participant> = units.to_vec();
        side.push(unresolved);
        assert!(one_side_only(&side, gazetteer));
        // Jiangsu with its city: one side; the city with another city: two.
        let province = [party(gazetteer, "Jiangsu"), units[0].clone()];
        assert!(one_side_only(&province, gazetteer));
        assert!(!one_side_only(&units[..2], gazetteer));
        let across = [units[0].clone(), party(gazetteer, "Benxi")];
        assert!(!one_side_only(&across, gazetteer));
    }

    #[test]
    fn a_place_named_again_without_its_title_is_one_party() {
        let gazetteer = Gazetteer::bundled();
        let mut parties = vec![
            Participant {
                name: "Taixing".to_owned(),
                entry: None,
            },
            party(gazetteer, "Taixing"),
        ];
        drop_repeated_names(&mut parties, gazetteer);
        assert_eq!(parties.len(), 1, "{parties:?}");
        assert!(parties[0].entry.is_some());
    }
}
