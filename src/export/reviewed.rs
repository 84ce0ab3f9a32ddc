//! Events as the user reviewed them: each merged event with its review applied, plus the events
//! added by hand, for every export that shows events.

use std::ops::Range;

use crate::extract::CorpusEvent;
use crate::model::{Corpus, DocumentId, Event};
use crate::notebook::{EventKey, Notebook, Review, apply_review};

/// Where an exported event stands in review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewState {
    /// Nobody reviewed it.
    Unreviewed,
    /// Accepted as extracted.
    Accepted,
    /// Corrected: some parts are the user's.
    Corrected,
    /// Rejected (exported only when asked to keep rejected events; shown as extracted).
    Rejected,
    /// Added by hand from a passage.
    Added,
}

impl ReviewState {
    /// The word exports write.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::Accepted => "accepted",
            Self::Corrected => "corrected",
            Self::Rejected => "rejected",
            Self::Added => "added",
        }
    }
}

/// One event to export.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewedEvent {
    /// The event with corrections applied.
    pub event: Event,
    /// Each reporting document with its evidence ranges in that document's body.
    pub sources: Vec<(DocumentId, Vec<Range<usize>>)>,
    /// Its review.
    pub state: ReviewState,
}

impl ReviewedEvent {
    /// As a merged event, for the graph builder.
    pub fn to_corpus_event(&self) -> CorpusEvent {
        CorpusEvent {
            event: self.event.clone(),
            sources: self.sources.clone(),
        }
    }
}

/// The events to export and what was left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reviewed {
    /// Extracted events in the order given, then added events in the notebook's order.
    pub events: Vec<ReviewedEvent>,
    /// Rejected events left out.
    pub rejected_left_out: usize,
    /// Added events whose article is not among those loaded, left out.
    pub added_without_article: usize,
}

/// `events` with the notebook's reviews applied and its added events appended. Rejected events
/// are left out (counted) unless `keep_rejected`, when they stay as extracted, marked rejected.
pub fn reviewed_events(
    corpus: &Corpus,
    events: &[CorpusEvent],
    notebook: &Notebook,
    keep_rejected: bool,
) -> Reviewed {
    let keys: Vec<Vec<EventKey>> = events
        .iter()
        .map(|event| EventKey::of_corpus_event(event, |document| corpus.body(document)))
        .collect();
    let reviews = notebook.reviews_for(&keys);
    let mut reviewed = Reviewed::default();
    for (event, correction) in events.iter().zip(reviews) {
        let review = correction.map(|correction| &correction.review);
        let state = match review {
            None => ReviewState::Unreviewed,
            Some(Review::Accepted) => ReviewState::Accepted,
            Some(Review::Corrected(_)) => ReviewState::Corrected,
            Some(Review::Rejected) => ReviewState::Rejected,
        };
        let applied = match review {
            Some(review) => apply_review(&event.event, review),
            None => Some(event.event.clone()),
        };
        let event_data = match applied {
            Some(applied) => applied,
            None if keep_rejected => event.event.clone(),
            None => {
                reviewed.rejected_left_out += 1;
                continue;
            }
        };
        reviewed.events.push(ReviewedEvent {
            event: event_data,
            sources: event.sources.clone(),
            state,
        });
    }
    for added in &notebook.added_events {
        let Some(document) = corpus.document(added.passage.document) else {
            reviewed.added_without_article += 1;
            continue;
        };
        // The export holds the texts of the articles the notebook is about.
        let event = added.to_event(document.body().unwrap_or_default());
        reviewed.events.push(ReviewedEvent {
            sources: vec![(document.id, event.evidence.clone())],
            event,
            state: ReviewState::Added,
        });
    }
    reviewed
}

/// The evidence text of one source: its sentences from the document's body, joined by a space
/// (empty when the document is not loaded).
pub fn evidence_text(corpus: &Corpus, document: DocumentId, ranges: &[Range<usize>]) -> String {
    let Some(document) = corpus.document(document) else {
        return String::new();
    };
    ranges
        .iter()
        .filter_map(|range| document.evidence().get(range.clone()))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn reviews_apply_and_rejected_events_are_left_out_unless_kept() {
        let fixture = fixture::Fixture::new();
        let reviewed = reviewed_events(&fixture.corpus, &fixture.events, &fixture.notebook, false);
        let states: Vec<ReviewState> = reviewed.events.iter().map(|event| event.state).collect();
        assert_eq!(
            states,
            [
                ReviewState::Corrected,
                ReviewState::Unreviewed,
                ReviewState::Added
            ]
        );
        assert_eq!(reviewed.rejected_left_out, 1);
        assert_eq!(
            reviewed.events[0].event.date.map(|date| date.edtf()),
            Some("2020-03-15".to_owned())
        );
        let kept = reviewed_events(&fixture.corpus, &fixture.events, &fixture.notebook, true);
        assert_eq!(kept.events.len(), 4);
        assert_eq!(kept.events[1].state, ReviewState::Rejected);
        assert_eq!(kept.rejected_left_out, 0);
    }
}
