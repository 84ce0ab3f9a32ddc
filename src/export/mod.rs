//! Exports: notes, events, the relationship graph and the timeline written as files other
//! tools read (Markdown, CSV, JSON, GEXF for Gephi, GraphML, TimelineJS), and the articles
//! behind them as references (CSL-JSON, RIS) the Markdown notes cite.
//!
//! Pure functions from the corpus, its merged events and the notebook to any [`Write`], so each
//! format is tested as text without a window or a file. Every export returns a [`Summary`]:
//! what it holds and what it left out, and why. Events are exported as the user reviewed them
//! ([`reviewed_events`]): corrections applied, rejected events left out unless asked for.
//! Which events to export (the current filters) is the caller's choice: pass those events.

mod cite;
mod events;
mod figure;
mod file;
mod graph;
mod notes;
mod overview;
mod reviewed;
mod text;
mod timeline;

use std::fmt;
use std::io::{self, Write};

pub use cite::{csl_json, ris};
pub use events::{events_csv, events_json};
pub use figure::{PNG_WIDTHS, View, figure_png, figure_svg, png_height, png_width_at_scale};
pub use file::{WriteError, write_atomically};
pub use graph::{gexf, graphml};
pub use notes::{notes_csv, notes_json, notes_md, notes_md_by_place};
pub use overview::{Chart, overview_csv};
pub use reviewed::{ReviewState, Reviewed, ReviewedEvent, evidence_text, reviewed_events};
pub use timeline::timelinejs;

use crate::extract::{CorpusEvent, Gazetteer};
use crate::model::Corpus;
use crate::notebook::Notebook;

/// What an export is made from.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The articles (titles, paths, bodies for evidence and quotes).
    pub corpus: &'a Corpus,
    /// The events to export, merged across articles (`extract::corpus_events`), already
    /// narrowed to the current filters if any.
    pub events: &'a [CorpusEvent],
    /// Notes, reviews and added events (an empty notebook when there is none).
    pub notebook: &'a Notebook,
    /// For place names, levels and provinces.
    pub gazetteer: &'a Gazetteer,
    /// Keep rejected events in event exports, marked `rejected` (they are left out otherwise).
    pub keep_rejected: bool,
}

/// The export formats: the one list, for the menus and for `accord export --format` (its
/// values are the variants' names in kebab case, its help their doc comments), so a format
/// cannot be missing from either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Notes as a Markdown report, grouped by article.
    NotesMd,
    /// Notes as a Markdown report, grouped by place.
    NotesMdByPlace,
    /// Notes as CSV, one row per note.
    NotesCsv,
    /// Notes as JSON.
    NotesJson,
    /// Events as CSV, corrections applied, with review state, sources and evidence.
    EventsCsv,
    /// Events as JSON, corrections applied, with review state, sources and evidence.
    EventsJson,
    /// The relationship graph as GEXF 1.3 with time intervals (Gephi).
    Gexf,
    /// The relationship graph as GraphML.
    Graphml,
    /// The timeline as TimelineJS3 JSON.
    #[value(name = "timelinejs")]
    TimelineJs,
    /// The articles cited (of the exported events, and those notes are on) as CSL-JSON
    /// references, keyed as the Markdown notes cite them (pandoc --citeproc, Zotero).
    CslJson,
    /// The same references as RIS (EndNote, Zotero, Mendeley).
    Ris,
    /// The overview's events over time: a row per month, quarter or year, a column per kind,
    /// and the events without a year.
    OverviewTimeCsv,
    /// The overview's events by province and by level.
    OverviewPlacesCsv,
    /// The overview's province × province matrix of shared events.
    OverviewMatrixCsv,
    /// Each place's events, partners, weighted degree, betweenness and community.
    PlaceMeasuresCsv,
    /// The timeline as an SVG figure (a lane per place, coloured by kind).
    FigureTimelineSvg,
    /// The relationship network as an SVG figure.
    FigureGraphSvg,
    /// The places over China's province outlines as an SVG figure.
    FigureMapSvg,
    /// The overview's charts (events over time by kind, by province) as an SVG figure.
    FigureOverviewSvg,
}

impl Format {
    /// The figure format of a view (`accord figure --view`).
    pub fn figure(view: View) -> Self {
        match view {
            View::Timeline => Self::FigureTimelineSvg,
            View::Graph => Self::FigureGraphSvg,
            View::Map => Self::FigureMapSvg,
            View::Overview => Self::FigureOverviewSvg,
        }
    }

    /// The view a figure format draws; `None` for the data formats.
    pub fn view(self) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|&view| Self::figure(view) == self)
    }

    /// Every format, in the order menus list them (the order of the declaration).
    pub fn all() -> &'static [Self] {
        <Self as clap::ValueEnum>::value_variants()
    }

    /// What the format is, for a person choosing one.
    pub fn description(self) -> &'static str {
        match self {
            Self::NotesMd => "Notes as a Markdown report (by article)",
            Self::NotesMdByPlace => "Notes as a Markdown report (by place)",
            Self::NotesCsv => "Notes as CSV (a row per note)",
            Self::NotesJson => "Notes as JSON",
            Self::EventsCsv => "Events as CSV (corrections applied)",
            Self::EventsJson => "Events as JSON (corrections applied)",
            Self::Gexf => "Relationship graph as GEXF (Gephi, with its timeline)",
            Self::Graphml => "Relationship graph as GraphML",
            Self::TimelineJs => "Timeline as TimelineJS JSON",
            Self::CslJson => "Article references as CSL-JSON (pandoc, Zotero)",
            Self::Ris => "Article references as RIS (EndNote, Zotero, Mendeley)",
            Self::OverviewTimeCsv => "Overview: events over time as CSV",
            Self::OverviewPlacesCsv => "Overview: events by province and level as CSV",
            Self::OverviewMatrixCsv => "Overview: province × province matrix as CSV",
            Self::PlaceMeasuresCsv => {
                "Overview: place measures (degree, betweenness, community) as CSV"
            }
            Self::FigureTimelineSvg => "Figure: the timeline as SVG",
            Self::FigureGraphSvg => "Figure: the relationship network as SVG",
            Self::FigureMapSvg => "Figure: the map as SVG",
            Self::FigureOverviewSvg => "Figure: the overview's charts as SVG",
        }
    }

    /// The file name an export of this format is offered under.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::NotesMd => "accord-notes.md",
            Self::NotesMdByPlace => "accord-notes-by-place.md",
            Self::NotesCsv => "accord-notes.csv",
            Self::NotesJson => "accord-notes.json",
            Self::EventsCsv => "accord-events.csv",
            Self::EventsJson => "accord-events.json",
            Self::Gexf => "accord-graph.gexf",
            Self::Graphml => "accord-graph.graphml",
            Self::TimelineJs => "accord-timeline.json",
            Self::CslJson => "accord-references.json",
            Self::Ris => "accord-references.ris",
            Self::OverviewTimeCsv => "accord-events-over-time.csv",
            Self::OverviewPlacesCsv => "accord-events-by-place.csv",
            Self::OverviewMatrixCsv => "accord-province-matrix.csv",
            Self::PlaceMeasuresCsv => "accord-place-measures.csv",
            Self::FigureTimelineSvg => "accord-timeline.svg",
            Self::FigureGraphSvg => "accord-network.svg",
            Self::FigureMapSvg => "accord-map.svg",
            Self::FigureOverviewSvg => "accord-overview.svg",
        }
    }

    /// The file extension (without the dot), for the save dialog's filter.
    pub fn extension(self) -> &'static str {
        match self {
            Self::NotesMd | Self::NotesMdByPlace => "md",
            Self::NotesCsv
            | Self::EventsCsv
            | Self::OverviewTimeCsv
            | Self::OverviewPlacesCsv
            | Self::OverviewMatrixCsv
            | Self::PlaceMeasuresCsv => "csv",
            Self::NotesJson | Self::EventsJson | Self::TimelineJs | Self::CslJson => "json",
            Self::Gexf => "gexf",
            Self::FigureTimelineSvg
            | Self::FigureGraphSvg
            | Self::FigureMapSvg
            | Self::FigureOverviewSvg => "svg",
            Self::Graphml => "graphml",
            Self::Ris => "ris",
        }
    }

    /// The suggested file name, with `.png` for a figure drawn as PNG (`png`; data formats
    /// ignore it).
    pub fn file_name_as(self, png: bool) -> String {
        let name = self.file_name();
        match (png && self.view().is_some(), name.rsplit_once('.')) {
            (true, Some((stem, _))) => format!("{stem}.png"),
            _ => name.to_owned(),
        }
    }

    /// The file extension, `png` for a figure drawn as PNG.
    pub fn extension_as(self, png: bool) -> &'static str {
        if png && self.view().is_some() {
            "png"
        } else {
            self.extension()
        }
    }

    /// Whether the format exports notes (and so needs a readable notebook).
    pub fn is_notes(self) -> bool {
        // Every variant named, so a new format has to say which it is.
        match self {
            Self::NotesMd | Self::NotesMdByPlace | Self::NotesCsv | Self::NotesJson => true,
            // References cite the exported events' articles and the noted ones; like the
            // event exports they do without a notebook that cannot be read.
            Self::EventsCsv
            | Self::EventsJson
            | Self::Gexf
            | Self::Graphml
            | Self::TimelineJs
            | Self::CslJson
            | Self::Ris
            | Self::OverviewTimeCsv
            | Self::OverviewPlacesCsv
            | Self::OverviewMatrixCsv
            | Self::PlaceMeasuresCsv
            | Self::FigureTimelineSvg
            | Self::FigureGraphSvg
            | Self::FigureMapSvg
            | Self::FigureOverviewSvg => false,
        }
    }
}

/// Writes `input` as `format` to `out`, or, with `png_width`, a figure format's figure drawn
/// as a PNG that many pixels wide (the data formats have no picture and ignore it).
pub fn write_drawn(
    format: Format,
    png_width: Option<u32>,
    input: &Input<'_>,
    out: &mut impl Write,
) -> io::Result<Summary> {
    match (format.view(), png_width) {
        (Some(view), Some(width)) => figure_png(input, view, width, out),
        _ => write(format, input, out),
    }
}

/// Writes `input` as `format` to `out`.
pub fn write(format: Format, input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    match format {
        Format::NotesMd => notes_md(input, out),
        Format::NotesMdByPlace => notes_md_by_place(input, out),
        Format::NotesCsv => notes_csv(input, out),
        Format::NotesJson => notes_json(input, out),
        Format::EventsCsv => events_csv(input, out),
        Format::EventsJson => events_json(input, out),
        Format::Gexf => gexf(input, out),
        Format::Graphml => graphml(input, out),
        Format::TimelineJs => timelinejs(input, out),
        Format::CslJson => csl_json(input, out),
        Format::Ris => ris(input, out),
        Format::OverviewTimeCsv => overview_csv(input, Chart::Time, out),
        Format::OverviewPlacesCsv => overview_csv(input, Chart::Places, out),
        Format::OverviewMatrixCsv => overview_csv(input, Chart::Matrix, out),
        Format::PlaceMeasuresCsv => overview_csv(input, Chart::Measures, out),
        Format::FigureTimelineSvg => figure_svg(input, View::Timeline, out),
        Format::FigureGraphSvg => figure_svg(input, View::Graph, out),
        Format::FigureMapSvg => figure_svg(input, View::Map, out),
        Format::FigureOverviewSvg => figure_svg(input, View::Overview, out),
    }
}

/// What an export holds and what it left out, in plain words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// What was written ("12 notes", "40 events").
    pub contains: Vec<String>,
    /// What was left out, each with why ("3 rejected events (rejected in review)").
    pub left_out: Vec<String>,
}

impl Summary {
    fn contains(&mut self, count: usize, what: &str) {
        self.contains.push(format!("{count} {what}"));
    }

    /// Records `count` things left out, unless there are none.
    fn left_out(&mut self, count: usize, what: &str) {
        if count > 0 {
            self.left_out.push(format!("{count} {what}"));
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Contains: {}.", self.contains.join(", "))?;
        if self.left_out.is_empty() {
            write!(f, " Nothing left out.")
        } else {
            write!(f, " Left out: {}.", self.left_out.join("; "))
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture;
