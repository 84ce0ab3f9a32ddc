//! Figures for reports as SVG (`figure-timeline-svg`, `figure-graph-svg`, `figure-map-svg`,
//! `figure-overview-svg`; also `accord figure … --view …`): the timeline, the relationship
//! network, the map over China's province outlines, and the overview's charts.
//!
//! Text stays text, with a CJK font named first and generic `sans-serif` last, so Chinese
//! names survive in any viewer that has a Chinese font (every current system does) and remain
//! searchable and editable in Inkscape or Illustrator. Labels follow the app's rule: the
//! heaviest first, none over another ([`crate::desk::layout::labels_that_fit`]).
//!
//! A PNG ([`figure_png`], `accord figure … --output FILE.png`, File → Export figure…) is that
//! SVG drawn by resvg at a chosen width, its text shaped with the bundled Chinese font.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::{Arc, OnceLock};

use super::reviewed::{ReviewedEvent, reviewed_events};
use super::text::xml_escape;
use super::{Input, Summary};
use crate::desk::basemap::{self, Basemap};
use crate::desk::filter::{EventFilter, Selection, event_span};
use crate::desk::graph::Graph;
use crate::desk::layout::{self, Point, labels_that_fit};
use crate::desk::overview::{KINDS, Overview};
use crate::desk::timeline::{LaneMode, Timeline};
use crate::extract::CorpusEvent;
use crate::model::EventKind;

/// Which view a figure draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// The dated events on a time axis, a lane per place.
    Timeline,
    /// The relationship network (force-directed, as the app lays it out).
    Graph,
    /// The places at their coordinates over China's province outlines.
    Map,
    /// Events over time by kind, and by province.
    Overview,
}

impl View {
    /// Every view, in the order menus list them.
    pub const ALL: [Self; 4] = [Self::Timeline, Self::Graph, Self::Map, Self::Overview];

    /// The view's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::Graph => "Relationship network",
            Self::Map => "Map",
            Self::Overview => "Overview charts",
        }
    }
}

/// Width and height of every figure, in SVG user units (points).
const WIDTH: f32 = 960.0;
const HEIGHT: f32 = 640.0;
/// Room around the drawing.
const MARGIN: f32 = 40.0;
/// The fonts text asks for: CJK first, so Chinese names render; generic last.
const FONT: &str = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', \
                    'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";
/// Most lanes the timeline figure draws (the busiest).
const MOST_LANES: usize = 30;
/// Label size.
const FONT_SIZE: f32 = 11.0;

/// The colour of each event kind in figures (the app's light theme's colours).
fn kind_colour(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Agreement => "#1f77b4",
        EventKind::Meeting => "#d66e0e",
        EventKind::Alliance => "#2c962c",
        EventKind::Visit => "#9467bd",
        EventKind::Other => "#787878",
    }
}

/// Writes one figure of the given (already filtered) events as reviewed.
pub fn figure_svg(input: &Input<'_>, view: View, out: &mut impl Write) -> io::Result<Summary> {
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
    let gazetteer = input.gazetteer;
    let graph = Graph::build(&events, &selection.matching, None, gazetteer);
    let mut svg = Svg::new();
    let mut summary = Summary::default();
    match view {
        View::Timeline => {
            let timeline = Timeline::build(&events, &selection, LaneMode::ByPlace, gazetteer, 1.0);
            timeline_figure(&mut svg, &timeline);
            summary.contains(timeline.items.len(), "dated events");
            summary.left_out(
                timeline.shelf.len(),
                "events without a year (not on the axis)",
            );
        }
        View::Graph => {
            let positions = layout::force_layout(&graph, &HashMap::new(), &HashSet::new());
            network_figure(&mut svg, &graph, &positions, None);
            summary.contains(graph.nodes.len(), "places");
        }
        View::Map => {
            let map = layout::geographic(&graph, gazetteer);
            let placed: Vec<bool> = map
                .placements
                .iter()
                .map(|placement| *placement != layout::MapPlacement::Unplaced)
                .collect();
            network_figure(&mut svg, &graph, &map.positions, Some(&placed));
            let unplaced = placed.iter().filter(|placed| !**placed).count();
            summary.contains(graph.nodes.len() - unplaced, "places on the map");
            summary.left_out(unplaced, "parties without coordinates");
        }
        View::Overview => {
            let overview = Overview::build(
                &events,
                &selection,
                &EventFilter::default(),
                &graph,
                gazetteer,
            );
            overview_figure(&mut svg, &overview);
            summary.contains(events.len(), "events");
        }
    }
    summary.left_out(
        reviewed.rejected_left_out,
        "rejected events (rejected in review)",
    );
    out.write_all(svg.finish().as_bytes())?;
    Ok(summary)
}

/// The widths a PNG figure may have, in pixels: a thumbnail to a poster. The upper bound keeps
/// the picture's memory (4 bytes a pixel) near 200 MB.
pub const PNG_WIDTHS: std::ops::RangeInclusive<u32> = 200..=8000;

/// A PNG figure's height for a width: every figure has the SVG's proportions.
pub fn png_height(width: u32) -> u32 {
    (width as f32 * HEIGHT / WIDTH).round() as u32
}

/// The PNG width at a scale of the SVG's size (1 = 960 pixels wide).
pub fn png_width_at_scale(scale: f32) -> u32 {
    (WIDTH * scale).round() as u32
}

/// Writes one figure as a PNG `width` pixels wide (clamped to [`PNG_WIDTHS`]): the SVG of
/// [`figure_svg`], drawn by resvg with the bundled Chinese font, so the picture is the SVG's.
pub fn figure_png(
    input: &Input<'_>,
    view: View,
    width: u32,
    out: &mut impl Write,
) -> io::Result<Summary> {
    let mut svg = Vec::new();
    let summary = figure_svg(input, view, &mut svg)?;
    let width = width.clamp(*PNG_WIDTHS.start(), *PNG_WIDTHS.end());
    out.write_all(&rasterise(&svg, width)?)?;
    Ok(summary)
}

/// Draws an SVG figure as PNG bytes `width` pixels wide.
fn rasterise(svg: &[u8], width: u32) -> io::Result<Vec<u8>> {
    let failed =
        |what: String| io::Error::other(format!("the figure could not be drawn as PNG: {what}"));
    let options = resvg::usvg::Options {
        font_family: crate::font::CJK_FAMILY.to_owned(),
        fontdb: Arc::clone(figure_fonts()),
        ..resvg::usvg::Options::default()
    };
    let tree =
        resvg::usvg::Tree::from_data(svg, &options).map_err(|error| failed(error.to_string()))?;
    let height = png_height(width);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| failed(format!("no room for a {width} × {height} picture")))?;
    let size = tree.size();
    let transform = resvg::tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|error| failed(error.to_string()))
}

/// The fonts PNG figures are drawn with: the bundled Chinese font first (it also has Latin
/// letters), egui's Latin font for the punctuation the subset lacks, then the system's. Loaded
/// once.
fn figure_fonts() -> &'static Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_font_data(crate::font::CJK.to_vec());
        fonts.load_font_data(crate::font::LATIN_FALLBACK.to_vec());
        fonts.load_system_fonts();
        fonts.set_sans_serif_family(crate::font::CJK_FAMILY);
        Arc::new(fonts)
    })
}

/// An SVG document being written.
struct Svg {
    body: String,
}

impl Svg {
    fn new() -> Self {
        Self {
            body: String::new(),
        }
    }

    fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), stroke: &str, width: f32) {
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width:.1}"/>"#
        );
    }

    fn rect(&mut self, (x, y): (f32, f32), (w, h): (f32, f32), fill: &str, class: &str) {
        let _ = writeln!(
            self.body,
            r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}" stroke="none"/>"#
        );
    }

    fn circle(&mut self, (x, y): (f32, f32), r: f32, fill: &str) {
        let _ = writeln!(
            self.body,
            r#"<circle class="node" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="none"/>"#
        );
    }

    /// A circle named by a `<title>`: a viewer shows the name on hover, a reader of the file
    /// finds it, even when the label did not fit.
    fn named_circle(&mut self, (x, y): (f32, f32), r: f32, fill: &str, name: &str) {
        let _ = writeln!(
            self.body,
            r#"<circle class="node" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="none"><title>{}</title></circle>"#,
            xml_escape(name)
        );
    }

    /// Text at a point; `anchor` is "start", "middle" or "end".
    fn text(&mut self, (x, y): (f32, f32), text: &str, size: f32, anchor: &str, fill: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" text-anchor="{anchor}" fill="{fill}">{}</text>"#,
            xml_escape(text)
        );
    }

    fn path(&mut self, d: &str, fill: &str, stroke: &str, class: &str) {
        let _ = writeln!(
            self.body,
            r#"<path class="{class}" d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="0.6"/>"#
        );
    }

    fn finish(self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FONT}\">\n\
             <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{}</svg>\n",
            self.body
        )
    }
}

/// `text` cut at the end with "…" so that it fits `width` (by [`text_width`]'s estimate).
fn fitted(text: &str, width: f32, size: f32) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut kept = String::new();
    for c in text.chars() {
        let candidate = format!("{kept}{c}…");
        if text_width(&candidate, size) > width {
            break;
        }
        kept.push(c);
    }
    format!("{}…", kept.trim_end())
}

/// How wide a label is likely to be: Chinese characters are square, Latin about half.
fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| {
            if crate::extract::is_cjk(c) {
                size
            } else {
                size * 0.56
            }
        })
        .sum()
}

/// Fits layout points into the figure: a uniform scale keeps the map's proportions.
fn fit(points: &[Point]) -> impl Fn(Point) -> (f32, f32) + use<> {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for point in points.iter().filter(|p| p.x.is_finite() && p.y.is_finite()) {
        min_x = min_x.min(point.x);
        min_y = min_y.min(point.y);
        max_x = max_x.max(point.x);
        max_y = max_y.max(point.y);
    }
    if min_x > max_x {
        (min_x, min_y, max_x, max_y) = (0.0, 0.0, 1.0, 1.0);
    }
    let span_x = (max_x - min_x).max(1e-3);
    let span_y = (max_y - min_y).max(1e-3);
    let scale = ((WIDTH - 2.0 * MARGIN) / span_x).min((HEIGHT - 2.0 * MARGIN) / span_y);
    let offset_x = MARGIN + (WIDTH - 2.0 * MARGIN - span_x * scale) / 2.0;
    let offset_y = MARGIN + (HEIGHT - 2.0 * MARGIN - span_y * scale) / 2.0;
    move |point: Point| {
        (
            offset_x + (point.x - min_x) * scale,
            offset_y + (point.y - min_y) * scale,
        )
    }
}

/// The network or the map: edges, then nodes, then labels that fit. On the map (`placed` is
/// given) the province outlines come first and unplaced parties are left out.
fn network_figure(svg: &mut Svg, graph: &Graph, positions: &[Point], placed: Option<&[bool]>) {
    let shown = |index: usize| placed.is_none_or(|placed| placed.get(index) == Some(&true));
    let project: Box<dyn Fn(Point) -> (f32, f32)> = if placed.is_some() {
        let bounds = Basemap::bundled().bounds;
        let corners = [
            layout::map_point((bounds.west, bounds.north)),
            layout::map_point((bounds.east, bounds.south)),
        ];
        let project = fit(&corners);
        for region in &Basemap::bundled().regions {
            let mut d = String::new();
            for ring in &region.rings {
                for (i, &point) in ring.iter().enumerate() {
                    let (x, y) = project(layout::map_point(point));
                    let _ = write!(d, "{}{x:.1},{y:.1} ", if i == 0 { "M" } else { "L" });
                }
                d.push_str("Z ");
            }
            svg.path(d.trim_end(), "#eef0f3", "#9aa3ad", "province");
            let at = project(layout::map_point(region.label_at));
            let name = if region.name_zh.is_empty() {
                region.name.clone()
            } else {
                format!("{} {}", region.name_zh, region.name)
            };
            svg.text(at, &name, 8.0, "middle", "#8a939c");
        }
        Box::new(project)
    } else {
        let kept: Vec<Point> = positions.to_vec();
        Box::new(fit(&kept))
    };
    let most = graph
        .edges
        .iter()
        .map(|edge| edge.weight())
        .max()
        .unwrap_or(1) as f32;
    for edge in &graph.edges {
        let (a, b) = edge.nodes;
        if !shown(a) || !shown(b) {
            continue;
        }
        let (Some(&pa), Some(&pb)) = (positions.get(a), positions.get(b)) else {
            continue;
        };
        let width = 0.6 + 3.0 * edge.weight() as f32 / most;
        svg.line(project(pa), project(pb), "#7f8c99", width);
    }
    let heaviest = graph.nodes.first().map_or(1, |node| node.weight) as f32;
    let mut labels = Vec::new();
    for (index, node) in graph.nodes.iter().enumerate() {
        let Some(&point) = positions.get(index).filter(|_| shown(index)) else {
            continue;
        };
        let at = project(point);
        let radius = 3.0 + 7.0 * (node.weight as f32 / heaviest).sqrt();
        svg.named_circle(at, radius, "#3b7dd8", &node.label);
        let width = text_width(&node.label, FONT_SIZE);
        let min = (at.0 + radius + 2.0, at.1 - FONT_SIZE * 0.7);
        labels.push((
            [min.0, min.1, min.0 + width, min.1 + FONT_SIZE],
            false,
            node.label.clone(),
            (min.0, at.1 + FONT_SIZE * 0.35),
        ));
    }
    let rects: Vec<([f32; 4], bool)> = labels.iter().map(|(r, e, _, _)| (*r, *e)).collect();
    for ((_, _, text, at), keep) in labels.iter().zip(labels_that_fit(&rects)) {
        if keep {
            svg.text(*at, text, FONT_SIZE, "start", "#1d2329");
        }
    }
    if placed.is_some() {
        svg.text(
            (MARGIN, HEIGHT - 12.0),
            basemap::SOURCE,
            7.0,
            "start",
            "#8a939c",
        );
    }
}

/// The timeline: a lane per place (the busiest), a year axis, events as dots (a full date) or
/// bars (a month or a year), coloured by kind.
fn timeline_figure(svg: &mut Svg, timeline: &Timeline) {
    let label_width = 170.0;
    let Some((first, last)) = timeline.fit() else {
        svg.text(
            (MARGIN, MARGIN),
            "No dated events.",
            14.0,
            "start",
            "#1d2329",
        );
        return;
    };
    let lanes = &timeline.lanes[..timeline.lanes.len().min(MOST_LANES)];
    let left = MARGIN + label_width;
    let right = WIDTH - MARGIN;
    let top = MARGIN + 20.0;
    let lane_height = ((HEIGHT - top - MARGIN) / lanes.len().max(1) as f32).min(24.0);
    let (start, end) = (first.as_f64(), last.as_f64().max(first.as_f64() + 1.0));
    let x_of = |day: f64| left + ((day - start) / (end - start)) as f32 * (right - left);
    let (first_year, last_year) = (first.ymd().0, last.ymd().0);
    let step = ((last_year - first_year) / 12).max(1);
    for year in (first_year..=last_year + 1).step_by(step as usize) {
        let day = crate::desk::time::Day::from_ymd(year, 1, 1).as_f64();
        if day < start || day > end {
            continue;
        }
        let x = x_of(day);
        svg.line((x, top - 6.0), (x, HEIGHT - MARGIN), "#dde1e6", 0.6);
        svg.text(
            (x, top - 10.0),
            &year.to_string(),
            10.0,
            "middle",
            "#5b6570",
        );
    }
    for (row, lane) in lanes.iter().enumerate() {
        let y = top + lane_height * (row as f32 + 0.5);
        svg.text(
            (left - 8.0, y + 4.0),
            &fitted(&lane.label, label_width - 8.0, FONT_SIZE),
            FONT_SIZE,
            "end",
            "#1d2329",
        );
        for &item_index in &lane.items {
            let Some(item) = timeline.items.get(item_index) else {
                continue;
            };
            let colour = kind_colour(item.kind);
            if item.is_point {
                svg.circle((x_of(item.start.as_f64()), y), 4.0, colour);
            } else {
                let x0 = x_of(item.start.as_f64());
                let x1 = x_of(item.end.as_f64() + 1.0);
                svg.rect((x0, y - 3.0), ((x1 - x0).max(2.0), 6.0), colour, "event");
            }
        }
    }
    legend(svg, (left, HEIGHT - 14.0));
    if timeline.lanes.len() > lanes.len() {
        svg.text(
            (MARGIN, HEIGHT - 14.0),
            &format!("{} of {} lanes", lanes.len(), timeline.lanes.len()),
            9.0,
            "start",
            "#5b6570",
        );
    }
}

/// The kinds and their colours.
fn legend(svg: &mut Svg, (mut x, y): (f32, f32)) {
    for kind in KINDS {
        svg.rect((x, y - 8.0), (8.0, 8.0), kind_colour(kind), "legend");
        svg.text((x + 11.0, y), kind.label(), 10.0, "start", "#1d2329");
        x += 20.0 + text_width(kind.label(), 10.0);
    }
}

/// The overview: events over time stacked by kind (the undated counted beside), and events by
/// province.
fn overview_figure(svg: &mut Svg, overview: &Overview) {
    let over_time = &overview.over_time;
    let (left, right, top, bottom) = (MARGIN + 30.0, WIDTH - MARGIN, MARGIN + 20.0, 330.0);
    svg.text(
        (MARGIN, MARGIN),
        "Events over time",
        14.0,
        "start",
        "#1d2329",
    );
    svg.text(
        (right, MARGIN),
        &format!(
            "year unknown: {} · dated more coarsely than a bar: {}",
            over_time.undated.len(),
            over_time.coarser.len()
        ),
        10.0,
        "end",
        "#5b6570",
    );
    let most = over_time
        .bars
        .iter()
        .map(|bar| bar.total())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let slot = (right - left) / over_time.bars.len().max(1) as f32;
    let every = ((50.0 / slot).ceil() as usize).max(1);
    svg.line((left, bottom), (right, bottom), "#5b6570", 0.8);
    svg.text(
        (left - 6.0, top + 8.0),
        &(most as usize).to_string(),
        10.0,
        "end",
        "#5b6570",
    );
    for (index, bar) in over_time.bars.iter().enumerate() {
        let x = left + slot * index as f32 + slot * 0.1;
        let mut y = bottom;
        for (slot_kind, events) in bar.by_kind.iter().enumerate() {
            if events.is_empty() {
                continue;
            }
            let height = (bottom - top) * events.len() as f32 / most;
            y -= height;
            svg.rect(
                (x, y),
                (slot * 0.8, height),
                kind_colour(KINDS[slot_kind]),
                "bar",
            );
        }
        if index % every == 0 {
            svg.text((x, bottom + 14.0), &bar.label, 9.0, "start", "#5b6570");
        }
    }
    legend(svg, (left, bottom + 34.0));
    let top = bottom + 70.0;
    svg.text(
        (MARGIN, top - 10.0),
        "Events by province",
        14.0,
        "start",
        "#1d2329",
    );
    let shown = &overview.by_province[..overview.by_province.len().min(8)];
    let most = shown.first().map_or(1, |bar| bar.events.len()).max(1) as f32;
    for (row, bar) in shown.iter().enumerate() {
        let y = top + 22.0 * row as f32;
        svg.text(
            (MARGIN + 150.0, y + 12.0),
            &bar.label,
            FONT_SIZE,
            "end",
            "#1d2329",
        );
        let length = (WIDTH - 2.0 * MARGIN - 200.0) * bar.events.len() as f32 / most;
        svg.rect((MARGIN + 158.0, y + 2.0), (length, 14.0), "#3b7dd8", "bar");
        svg.text(
            (MARGIN + 164.0 + length, y + 13.0),
            &bar.events.len().to_string(),
            10.0,
            "start",
            "#5b6570",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    fn figure(view: View) -> String {
        let fixture = Fixture::new();
        let (svg, _) = fixture.output(|input, out| figure_svg(input, view, out));
        svg
    }

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|error| panic!("{error}: {svg}"))
    }

    fn count(document: &roxmltree::Document<'_>, tag: &str, class: &str) -> usize {
        document
            .descendants()
            .filter(|node| node.has_tag_name(tag) && node.attribute("class") == Some(class))
            .count()
    }

    #[test]
    fn the_network_has_a_node_per_place_and_text_as_text() {
        let svg = figure(View::Graph);
        let document = parse(&svg);
        assert!(count(&document, "circle", "node") >= 2, "{svg}");
        assert!(svg.contains("Noto Sans CJK SC"));
        assert!(document.descendants().any(|node| node.has_tag_name("text")));
    }

    #[test]
    fn the_map_draws_the_provinces_with_their_chinese_names() {
        let svg = figure(View::Map);
        let document = parse(&svg);
        assert!(count(&document, "path", "province") >= 30);
        assert!(svg.contains("江苏"), "a Chinese label survives");
        assert!(svg.contains("Natural Earth"), "the source is credited");
    }

    #[test]
    fn the_timeline_and_overview_draw_their_marks() {
        let document_text = figure(View::Overview);
        let document = parse(&document_text);
        assert!(count(&document, "rect", "bar") >= 1, "{document_text}");
        let timeline = figure(View::Timeline);
        let document = parse(&timeline);
        let marks = count(&document, "circle", "node") + count(&document, "rect", "event");
        assert!(marks >= 1, "{timeline}");
    }

    /// Decodes a PNG: its size and RGBA pixels.
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut decoder = png::Decoder::new(io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        pixels.truncate(info.buffer_size());
        (info.width, info.height, pixels)
    }

    /// How many pixels are far from white.
    fn inked(pixels: &[u8]) -> usize {
        pixels
            .chunks_exact(4)
            .filter(|pixel| pixel[..3].iter().any(|channel| *channel < 160))
            .count()
    }

    #[test]
    fn a_png_figure_has_the_width_asked_for_and_the_svgs_proportions() {
        let fixture = Fixture::new();
        let mut png = Vec::new();
        figure_png(&fixture.input(), View::Map, 1500, &mut png).unwrap();
        let (width, height, pixels) = decode(&png);
        assert_eq!((width, height), (1500, png_height(1500)));
        assert_eq!(height, 1000);
        assert!(inked(&pixels) > 1000, "the map is drawn");
    }

    #[test]
    fn a_png_width_out_of_range_is_clamped_not_refused() {
        let fixture = Fixture::new();
        let mut png = Vec::new();
        figure_png(&fixture.input(), View::Overview, 10, &mut png).unwrap();
        assert_eq!(decode(&png).0, *PNG_WIDTHS.start());
    }

    #[test]
    fn chinese_text_is_drawn_with_the_bundled_font() {
        // Only the bundled font can draw these on a machine without Chinese system fonts
        // (CI's); a missing glyph would leave the picture blank.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             font-family=\"{FONT}\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
             <text x=\"20\" y=\"200\" font-size=\"160\" fill=\"#000\">江苏</text></svg>"
        );
        let (width, _, pixels) = decode(&rasterise(svg.as_bytes(), 960).unwrap());
        assert_eq!(width, 960);
        assert!(inked(&pixels) > 5000, "the characters have ink");
    }

    #[test]
    fn an_svg_resvg_cannot_read_is_an_error_not_a_panic() {
        let error = rasterise(b"<svg", 400).unwrap_err();
        assert!(
            error.to_string().contains("could not be drawn as PNG"),
            "{error}"
        );
    }

    #[test]
    fn a_long_label_is_cut_to_fit_with_an_ellipsis() {
        let label = "Sichuan Tianfu New Area International Conference & Exhibition Co.";
        let cut = fitted(label, 162.0, FONT_SIZE);
        assert!(
            cut.ends_with('…') && cut.starts_with("Sichuan Tianfu"),
            "{cut}"
        );
        assert!(text_width(&cut, FONT_SIZE) <= 162.0);
        assert_eq!(
            fitted("Jiangning District", 162.0, FONT_SIZE),
            "Jiangning District"
        );
    }
}
