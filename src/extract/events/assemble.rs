//! One occurrence, one event: the article-level pass that joins the reports of an occasion.
//!
//! A visit, meeting or forum and the acts done at it are one event (LABELLING: "A visit,
//! meeting or forum together with the signing done during it is one event, even when the
//! signing is reported sentences later"), named by the act of highest precedence (alliance >
//! agreement > meeting > visit). Reports of the same parties on the same day are one event, and
//! so are reports that name the same parties at another level ("Hangzhou and Chengdu" at the
//! Zhejiang–Sichuan meeting). An undated report of the parties of one dated event is that
//! event. Different pairs signing at one occasion stay separate events.

use super::Candidate;
use super::parties::same_party;
use super::triggers::precedence;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{EventKind, Participant};

/// How many days a visit may run before the act done during it ("from July 9 to 10 … on the
/// afternoon of July 10, a symposium was held").
const VISIT_DAYS: u8 = 5;

/// Joins the candidates that report one occurrence.
pub fn merge(candidates: Vec<Candidate>, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let mut merged: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        match merged.iter().position(|other| {
            same_day(other, &candidate)
                && (same_parties(&other.participants, &candidate.participants)
                    || (other.kind == candidate.kind
                        && is_occasion(candidate.kind)
                        && same_places_at_levels(
                            &other.participants,
                            &candidate.participants,
                            gazetteer,
                        )))
        }) {
            Some(index) => absorb(&mut merged[index], candidate),
            None => merged.push(candidate),
        }
    }
    join_undated(&mut merged);
    // An occasion (or a lesser act) joins the one act of higher precedence done at it: same
    // day (or during the visit), one's parties within the other's. With two such acts (two
    // pairs signing at one meeting) it stays apart, as nothing says which it belongs to.
    loop {
        let joined = (0..merged.len()).find_map(|index| {
            let hosts: Vec<usize> = (0..merged.len())
                .filter(|&other| {
                    other != index
                        && is_occasion(merged[index].kind)
                        && precedence(merged[other].kind) > precedence(merged[index].kind)
                        && during(&merged[index], &merged[other])
                        && (subset(&merged[index].participants, &merged[other].participants)
                            || subset(&merged[other].participants, &merged[index].participants)
                            || merged[index].date.is_some())
                        && (covers(
                            &merged[index].participants,
                            &merged[other].participants,
                            gazetteer,
                        ) || covers(
                            &merged[other].participants,
                            &merged[index].participants,
                            gazetteer,
                        ))
                })
                .collect();
            match hosts.as_slice() {
                [host] => Some((index, *host)),
                _ => None,
            }
        });
        let Some((index, host)) = joined else {
            break;
        };
        let lesser = merged.remove(index);
        let host = if host > index { host - 1 } else { host };
        absorb(&mut merged[host], lesser);
    }
    merged
}

/// An undated signing whose parties signed exactly one dated agreement is that agreement
/// reported again ("The development of Xiongan got a fresh boost, as Beijing and Hebei signed
/// an agreement" under a dated account of the signing). Meetings and visits recur ("the 3rd
/// joint conference", "the 1st"), so an undated one stays its own.
fn join_undated(merged: &mut Vec<Candidate>) {
    let mut index = 0;
    while index < merged.len() {
        if merged[index].date.is_none() && merged[index].kind == EventKind::Agreement {
            let dated: Vec<usize> = (0..merged.len())
                .filter(|&other| {
                    other != index
                        && merged[other].kind == EventKind::Agreement
                        && merged[other].date.is_some()
                        && same_parties(&merged[other].participants, &merged[index].participants)
                })
                .collect();
            if let [host] = dated.as_slice() {
                let undated = merged.remove(index);
                let host = if *host > index { host - 1 } else { *host };
                absorb(&mut merged[host], undated);
                continue;
            }
        }
        index += 1;
    }
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
/// day falls within the first days of a visit.
fn during(lesser: &Candidate, host: &Candidate) -> bool {
    if same_day(lesser, host) {
        return true;
    }
    let (Some((start, _)), Some((day, _))) = (lesser.date, host.date) else {
        return false;
    };
    lesser.kind == EventKind::Visit
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

/// Whether place `x` lies inside place `y`.
fn inside(x: &Participant, y: &Participant, gazetteer: &Gazetteer) -> bool {
    matches!((x.entry, y.entry), (Some(x), Some(y)) if x != y && gazetteer.contains(y, x))
}

/// Folds a second report of an occurrence into the first: the act of higher precedence names
/// the event and gives its parties; evidence, fields and the sentences behind each part are
/// kept.
fn absorb(existing: &mut Candidate, other: Candidate) {
    if precedence(other.kind) > precedence(existing.kind) {
        existing.kind = other.kind;
        existing.participants = other.participants;
        existing.kind_from = other.kind_from;
        existing.parties_from = other.parties_from;
        if other.date.is_some() {
            existing.date = other.date;
            existing.date_from = other.date_from.clone();
        }
    }
    if existing.date.is_none() && other.date.is_some() {
        existing.date = other.date;
        existing.date_from = other.date_from;
    }
    existing.evidence.extend(other.evidence);
    existing.evidence.sort_by_key(|range| range.start);
    existing.evidence.dedup();
    for field in other.fields {
        if !existing.fields.contains(&field) {
            existing.fields.push(field);
        }
    }
    existing.reports += other.reports;
    existing.signals.merge(&other.signals);
}
