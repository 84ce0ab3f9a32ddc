//! One occurrence, one event: the article-level pass that joins the reports of an occasion.
//!
//! A visit, meeting or forum and the acts done at it are one event (LABELLING: "A visit,
//! meeting or forum together with the signing done during it is one event, even when the
//! signing is reported sentences later"), named by the act of highest precedence (alliance >
//! agreement > meeting > visit). Reports of the same parties on the same day are one event.
//! Different pairs signing at one occasion stay separate events.

use super::Candidate;
use super::parties::same_party;
use super::triggers::precedence;
use crate::model::Participant;

/// Joins the candidates that report one occurrence.
pub fn merge(candidates: Vec<Candidate>) -> Vec<Candidate> {
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
    // An occasion (or a lesser act) joins the one act of higher precedence done at it: same
    // day, one's parties within the other's. With two such acts (two pairs signing at one
    // meeting) it stays apart, as nothing says which it belongs to.
    loop {
        let joined = (0..merged.len()).find_map(|index| {
            let hosts: Vec<usize> = (0..merged.len())
                .filter(|&other| {
                    other != index
                        && precedence(merged[other].kind) > precedence(merged[index].kind)
                        && same_day(&merged[other], &merged[index])
                        && (subset(&merged[index].participants, &merged[other].participants)
                            || subset(&merged[other].participants, &merged[index].participants))
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

fn same_day(a: &Candidate, b: &Candidate) -> bool {
    a.date.map(|d| d.0) == b.date.map(|d| d.0)
}

fn same_parties(a: &[Participant], b: &[Participant]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| same_party(x, y)))
}

fn subset(small: &[Participant], large: &[Participant]) -> bool {
    small.iter().all(|x| large.iter().any(|y| same_party(x, y)))
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
        let earlier = std::mem::replace(&mut existing.evidence, other.evidence);
        existing.evidence.extend(earlier);
    } else {
        existing.evidence.extend(other.evidence);
    }
    if existing.date.is_none() && other.date.is_some() {
        existing.date = other.date;
        existing.date_from = other.date_from;
    }
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
