//! The overview's charts as CSV (`overview-time-csv`, `overview-places-csv`,
//! `overview-matrix-csv`, `place-measures-csv`): the numbers behind each chart, for a
//! spreadsheet or a report's own figure.

use std::io::{self, Write};

use super::reviewed::{ReviewedEvent, reviewed_events};
use super::text::csv_record;
use super::{Input, Summary};
use crate::desk::filter::{EventFilter, Selection, event_span};
use crate::desk::graph::Graph;
use crate::desk::overview::{Overview, csv};
use crate::extract::CorpusEvent;

/// Which of the overview's charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Events over time by kind.
    Time,
    /// Events by province and by level.
    Places,
    /// Shared events between provinces.
    Matrix,
    /// The places' measures in the relationship graph.
    Measures,
}

/// Writes one chart's table: the overview of the given (already filtered) events as reviewed.
pub fn overview_csv(input: &Input<'_>, chart: Chart, out: &mut impl Write) -> io::Result<Summary> {
    let reviewed = reviewed_events(input.corpus, input.events, input.notebook, false);
    let events: Vec<CorpusEvent> = reviewed
        .events
        .iter()
        .map(ReviewedEvent::to_corpus_event)
        .collect();
    let selection = Selection {
        matching: (0..events.len()).collect(),
        undated: (0..events.len())
            .filter(|index| event_span(&events[*index]).is_none())
            .collect(),
    };
    let graph = Graph::build(&events, &selection.matching, None, input.gazetteer);
    let overview = Overview::build(
        &events,
        &selection,
        &EventFilter::default(),
        &graph,
        input.gazetteer,
    );
    let rows = match chart {
        Chart::Time => csv::over_time(&overview),
        Chart::Places => csv::by_place(&overview),
        Chart::Matrix => csv::matrix(&overview),
        Chart::Measures => csv::places(&overview),
    };
    for row in &rows {
        csv_record(out, row)?;
    }
    let mut summary = Summary::default();
    summary.contains(events.len(), "events");
    summary.contains(rows.len().saturating_sub(1), "rows");
    summary.left_out(
        reviewed.rejected_left_out,
        "rejected events (rejected in review)",
    );
    Ok(summary)
}
