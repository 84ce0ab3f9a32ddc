//! The relationship graph as GEXF 1.3 (dynamic: Gephi's timeline plays it) and GraphML.
//!
//! The graph is the relationship panel's ([`Graph::build`]) over the reviewed events: rejected
//! events never make a tie. XML is written by hand (every string escaped), so no XML crate.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::reviewed::reviewed_events;
use super::text::{day_text, xml_escape};
use super::{Input, Summary};
use crate::desk::filter::event_span;
use crate::desk::graph::{Graph, level_label};
use crate::desk::party::PartyKey;
use crate::desk::time::Day;
use crate::extract::{CorpusEvent, Gazetteer};

/// The graph with what each node and edge needs.
struct Built {
    graph: Graph,
    /// For each node: level, province, first and last day of its dated events.
    nodes: Vec<NodeFacts>,
    /// For each edge: first and last day of its dated events.
    edge_spans: Vec<Option<(Day, Day)>>,
    /// Events in the graph.
    events: usize,
    /// Events without a year (in the graph, but they give no times).
    undated: usize,
    /// Rejected events left out.
    rejected: usize,
}

struct NodeFacts {
    level: String,
    province: String,
    span: Option<(Day, Day)>,
}

fn widen(span: &mut Option<(Day, Day)>, with: (Day, Day)) {
    *span = Some(match *span {
        Some((start, end)) => (start.min(with.0), end.max(with.1)),
        None => with,
    });
}

fn build(input: &Input<'_>) -> Built {
    let reviewed = reviewed_events(input.corpus, input.events, input.notebook, false);
    let events: Vec<CorpusEvent> = reviewed
        .events
        .iter()
        .map(super::reviewed::ReviewedEvent::to_corpus_event)
        .collect();
    let selected: Vec<usize> = (0..events.len()).collect();
    let graph = Graph::build(&events, &selected, None, input.gazetteer);
    let spans: Vec<Option<(Day, Day)>> = events.iter().map(event_span).collect();
    let mut nodes: Vec<NodeFacts> = graph
        .nodes
        .iter()
        .map(|node| node_facts(&node.key, input.gazetteer))
        .collect();
    for (event, span) in events.iter().zip(&spans) {
        let Some(span) = span else { continue };
        for participant in &event.event.participants {
            if let Some(facts) = graph
                .node_index(&PartyKey::of(participant))
                .and_then(|index| nodes.get_mut(index))
            {
                widen(&mut facts.span, *span);
            }
        }
    }
    let edge_spans = (0..graph.edges.len())
        .map(|edge| {
            let mut span = None;
            for event in graph.events_of(edge) {
                if let Some(Some(event_span)) = spans.get(*event) {
                    widen(&mut span, *event_span);
                }
            }
            span
        })
        .collect();
    Built {
        undated: spans.iter().filter(|span| span.is_none()).count(),
        events: events.len(),
        rejected: reviewed.rejected_left_out,
        graph,
        nodes,
        edge_spans,
    }
}

fn node_facts(key: &PartyKey, gazetteer: &Gazetteer) -> NodeFacts {
    let entry = key.entry().and_then(|entry| gazetteer.entry(entry));
    NodeFacts {
        level: entry
            .map_or("not in the gazetteer", |entry| level_label(entry.level))
            .to_owned(),
        province: entry
            .and_then(|entry| gazetteer.province_of(entry.id))
            .and_then(|province| gazetteer.entry(province))
            .map_or_else(String::new, |province| province.full_name()),
        span: None,
    }
}

fn summary(built: &Built) -> Summary {
    let mut summary = Summary::default();
    summary.contains(built.graph.nodes.len(), "parties");
    summary.contains(built.graph.edges.len(), "ties");
    summary.contains(built.events, "events");
    summary.left_out(built.rejected, "rejected events (rejected in review)");
    summary.left_out(
        built.undated,
        "events without a year from the times (their ties are in the graph)",
    );
    summary
}

/// ` start="…" end="…"` for a span, nothing without one.
fn span_attributes(span: Option<(Day, Day)>) -> String {
    span.map_or_else(String::new, |(start, end)| {
        format!(" start=\"{}\" end=\"{}\"", day_text(start), day_text(end))
    })
}

/// The graph as GEXF 1.3 in dynamic mode: nodes with `level` and `province` attributes, edges
/// weighted by their number of events, each with `start`/`end` (yyyy-mm-dd) spanning its dated
/// events so Gephi's timeline shows the network growing. Events without a year give no times.
pub fn gexf(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let built = build(input);
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
        "  <meta>\n    <creator>Accord</creator>\n",
        "    <description>Regional cooperation: parties tied by shared events</description>\n",
        "  </meta>\n",
        "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" timerepresentation=\"interval\">\n",
        "    <attributes class=\"node\" mode=\"static\">\n",
        "      <attribute id=\"level\" title=\"level\" type=\"string\"/>\n",
        "      <attribute id=\"province\" title=\"province\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    for (index, (node, facts)) in built.graph.nodes.iter().zip(&built.nodes).enumerate() {
        let _ = write!(
            xml,
            "      <node id=\"n{index}\" label=\"{}\"{}>\n        <attvalues>\n          \
             <attvalue for=\"level\" value=\"{}\"/>\n          \
             <attvalue for=\"province\" value=\"{}\"/>\n        </attvalues>\n      </node>\n",
            xml_escape(&node.label),
            span_attributes(facts.span),
            xml_escape(&facts.level),
            xml_escape(&facts.province),
        );
    }
    xml.push_str("    </nodes>\n    <edges>\n");
    for (index, (edge, span)) in built.graph.edges.iter().zip(&built.edge_spans).enumerate() {
        let _ = writeln!(
            xml,
            "      <edge id=\"e{index}\" source=\"n{}\" target=\"n{}\" weight=\"{}\"{}/>",
            edge.nodes.0,
            edge.nodes.1,
            edge.weight(),
            span_attributes(*span),
        );
    }
    xml.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out.write_all(xml.as_bytes())?;
    Ok(summary(&built))
}

/// The graph as GraphML: nodes with `label`, `level`, `province`; undirected edges with
/// `weight` and `events` (both the number of shared events: weight for tools that read only
/// that key).
pub fn graphml(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let built = build(input);
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n",
        "  <key id=\"province\" for=\"node\" attr.name=\"province\" attr.type=\"string\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        "  <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>\n",
        "  <graph id=\"accord\" edgedefault=\"undirected\">\n",
    ));
    for (index, (node, facts)) in built.graph.nodes.iter().zip(&built.nodes).enumerate() {
        let _ = write!(
            xml,
            "    <node id=\"n{index}\">\n      <data key=\"label\">{}</data>\n      \
             <data key=\"level\">{}</data>\n      <data key=\"province\">{}</data>\n    </node>\n",
            xml_escape(&node.label),
            xml_escape(&facts.level),
            xml_escape(&facts.province),
        );
    }
    for (index, edge) in built.graph.edges.iter().enumerate() {
        let _ = write!(
            xml,
            "    <edge id=\"e{index}\" source=\"n{}\" target=\"n{}\">\n      \
             <data key=\"weight\">{}</data>\n      <data key=\"events\">{}</data>\n    </edge>\n",
            edge.nodes.0,
            edge.nodes.1,
            edge.weight(),
            edge.weight(),
        );
    }
    xml.push_str("  </graph>\n</graphml>\n");
    out.write_all(xml.as_bytes())?;
    Ok(summary(&built))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{Fixture, looks_well_formed};

    #[test]
    fn gexf_is_well_formed_with_times_and_attributes() {
        let fixture = Fixture::new();
        let (xml, summary) = fixture.output(gexf);
        assert!(looks_well_formed(&xml), "{xml}");
        assert!(xml.contains("mode=\"dynamic\""));
        // The corrected date, not the extracted one.
        assert!(xml.contains("start=\"2020-03-15\" end=\"2020-03-15\"/>"));
        assert!(xml.contains("<attvalue for=\"province\" value=\"Jiangsu Province\"/>"));
        assert!(xml.contains("<attvalue for=\"level\" value=\"prefecture\"/>"));
        // The rejected meeting's unlinked party is not there.
        assert!(!xml.contains("Huawei"));
        assert_eq!(
            summary.left_out,
            [
                "1 rejected events (rejected in review)",
                "1 events without a year from the times (their ties are in the graph)"
            ]
        );
    }

    #[test]
    fn graphml_is_well_formed_and_escapes_labels() {
        let fixture = Fixture::new();
        let mut out = Vec::new();
        let input = Input {
            keep_rejected: true,
            ..fixture.input()
        };
        // The graph never keeps rejected events, whatever the flag says for event exports.
        graphml(&input, &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(looks_well_formed(&xml), "{xml}");
        assert!(xml.contains("<data key=\"label\">Nanjing City</data>"));
        assert!(xml.contains("<data key=\"weight\">1</data>"));
        assert_eq!(xml.matches("<edge ").count(), 3);
        assert!(looks_well_formed("<a>&lt;b&gt; &amp;</a>"));
        assert!(!looks_well_formed("<a>R&D</a>"));
        assert!(!looks_well_formed("<a><b></a></b>"));
    }
}
