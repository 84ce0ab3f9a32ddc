//! Golden files for every export format: the seed articles with a small fixed notebook (notes on
//! an article, a passage, a place and an event; one correction; one rejection) are exported
//! through the library, as `accord export` does, and compared byte for byte with
//! `tests/golden/export.<format>.<extension>`. The GEXF and GraphML outputs are also parsed
//! back with an XML parser and checked against the graph, the JSON ones with `serde_json`, and
//! the command line is checked to write the very same files (two formats standing for all).
//!
//! After an intended change, regenerate the files and review their diff:
//! `ACCORD_UPDATE_GOLDEN=1 cargo test --test it export_golden::`.
//!
//! What could differ from one machine or run to the next is fixed here: every note and review
//! has a fixed time (never "now"), and the event exports' absolute file paths (the only paths
//! that depend on where the repository is checked out) are rewritten to `seeds/…` before
//! comparing ([`normalised`]). Everything else is a function of the seeds, the bundled
//! gazetteer and the notebook.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use accord::desk::filter::event_span;
use accord::desk::graph::Graph;
use accord::desk::party::PartyKey;
use accord::desk::time::Day;
use accord::export::{self, Format, Input};
use accord::extract::{CorpusEvent, Gazetteer, corpus_events};
use accord::ingest::IngestOptions;
use accord::model::{Corpus, Document, Event};
use accord::notebook::{EventKey, Fix, Notebook, Passage, PlaceRef, Review, Target, to_ron};

/// Every format with the name `accord export --format` takes, from the one list: a new format
/// needs its golden file before this passes.
fn formats() -> Vec<(String, Format)> {
    use clap::ValueEnum;
    Format::all()
        .iter()
        .filter_map(|&format| Some((format.to_possible_value()?.get_name().to_owned(), format)))
        .collect()
}

/// Set (to anything) to write the golden files instead of comparing with them.
const UPDATE_VARIABLE: &str = "ACCORD_UPDATE_GOLDEN";

/// The passage the passage note quotes (in the Yangtze River Delta article).
const QUOTE: &str = "At the meeting, Shanghai Qingpu, Jiangsu Wujiang, Zhejiang Jiashan";

/// The date the correction gives the year-unknown Lishui–Jiangning signing.
const CORRECTED_DATE: &str = "2023-05-07";

use crate::util::seeds;

fn golden_path(name: &str, format: Format) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(format!("export.{name}.{}", format.extension()))
}

fn updating() -> bool {
    std::env::var_os(UPDATE_VARIABLE).is_some()
}

/// The seeds, their merged events and the notebook, built once for every test.
struct Fixture {
    corpus: Corpus,
    events: Vec<CorpusEvent>,
    notebook: Notebook,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    // The same steps as `accord export` (`cli::export`).
    let corpus = accord::cli::load(&[seeds()], &IngestOptions::default());
    let events = corpus_events(corpus.documents());
    let notebook = notebook(&corpus);
    Fixture {
        corpus,
        events,
        notebook,
    }
});

impl Fixture {
    fn input(&self) -> Input<'_> {
        Input {
            corpus: &self.corpus,
            events: &self.events,
            notebook: &self.notebook,
            gazetteer: Gazetteer::bundled(),
            keep_rejected: false,
        }
    }

    /// The export in `format`, normalised.
    fn export(&self, format: Format) -> String {
        let mut out = Vec::new();
        export::write(format, &self.input(), &mut out).unwrap();
        normalised(&String::from_utf8(out).unwrap())
    }

    /// The relationship graph the graph formats write: the reviewed events (rejected ones
    /// left out) through the panel's builder.
    fn graph(&self) -> (Graph, Vec<CorpusEvent>) {
        let reviewed = export::reviewed_events(&self.corpus, &self.events, &self.notebook, false);
        let events: Vec<CorpusEvent> = reviewed
            .events
            .iter()
            .map(export::ReviewedEvent::to_corpus_event)
            .collect();
        let selected: Vec<usize> = (0..events.len()).collect();
        let graph = Graph::build(&events, &selected, None, Gazetteer::bundled());
        (graph, events)
    }
}

/// The seed article whose title starts with `title` and its extracted event matching `which`,
/// with the event's key. Fails plainly when the seeds' extraction no longer gives it.
fn seed_event<'a>(
    corpus: &'a Corpus,
    title: &str,
    which: impl Fn(&Event) -> bool,
) -> (&'a Document, EventKey) {
    let document = corpus
        .documents()
        .iter()
        .find(|document| document.meta.title.starts_with(title))
        .unwrap_or_else(|| panic!("no seed article titled {title:?}"));
    let event = document
        .extraction
        .events
        .iter()
        .find(|event| which(event))
        .unwrap_or_else(|| panic!("the seed {title:?} no longer gives the expected event"));
    let key = EventKey::of_event(document.id, document.body().unwrap(), event).unwrap();
    (document, key)
}

fn parties(event: &Event) -> Vec<&str> {
    event
        .participants
        .iter()
        .map(|party| party.name.as_str())
        .collect()
}

/// The notebook: four notes (article, passage, place, event), a corrected date and a rejected
/// company deal. Fixed times; text with quotes, `&`, `<>`, a comma and a newline on purpose.
fn notebook(corpus: &Corpus) -> Notebook {
    let mut notebook = Notebook::default();
    let (three_districts, lishui_jiangning) = seed_event(
        corpus,
        "The three districts in the south of Nanjing",
        |event| parties(event) == ["Lishui District", "Jiangning District"],
    );
    notebook.add_note(
        Target::Article {
            document: three_districts.id,
        },
        "Which year? The page gives \"May 7\" & no <year>,\nso check the district's site.",
        &["follow-up".to_owned(), "nanjing".to_owned()],
        1_700_000_000,
    );

    let delta = corpus
        .documents()
        .iter()
        .find(|document| document.meta.title.starts_with("Advancing integration"))
        .unwrap();
    let start_byte = delta.body().unwrap().find(QUOTE).unwrap();
    notebook.add_note(
        Target::Passage(Passage {
            document: delta.id,
            quote: QUOTE.to_owned(),
            start_byte,
            end_byte: start_byte + QUOTE.len(),
        }),
        "Three provinces, one demonstration zone",
        &["delta".to_owned()],
        1_700_000_100,
    );

    // Jiangning District by its adcode, as the app stores a place note.
    notebook.add_note(
        Target::Place {
            place: PlaceRef::Code("320115".to_owned()),
        },
        "Party to two of the seed signings",
        &[],
        1_700_000_200,
    );

    let (_, conference) = seed_event(corpus, "Liangjiang New Area", |event| {
        event.date.is_some_and(|date| date.edtf() == "2020-02-28")
    });
    notebook.add_note(
        Target::Event { key: conference },
        "First joint conference, the start of the series",
        &[],
        1_700_000_300,
    );
    // Edited later: the export shows both times.
    let last = notebook.notes.last_mut().unwrap();
    last.modified_unix_s = 1_700_000_900;

    notebook.set_review(
        lishui_jiangning,
        Review::Corrected(Fix {
            date: Some(CORRECTED_DATE.to_owned()),
            ..Fix::default()
        }),
        1_700_000_400,
    );
    let (_, company_deal) = seed_event(corpus, "Liangjiang New Area", |event| {
        parties(event).contains(&"Chongqing Yuelai Investment Group")
    });
    notebook.set_review(company_deal, Review::Rejected, 1_700_000_500);
    notebook
}

/// `text` with the absolute seeds folder (as the event exports write each source's file, raw
/// in CSV and escaped in JSON) replaced by `seeds/`, so the files do not depend on where the
/// repository is checked out.
fn normalised(text: &str) -> String {
    let folder = format!("{}{}", seeds().display(), std::path::MAIN_SEPARATOR);
    let quoted = serde_json::to_string(&folder).unwrap();
    let in_json = &quoted[1..quoted.len() - 1];
    text.replace(in_json, "seeds/").replace(&folder, "seeds/")
}

/// Where `expected` and `actual` first differ: the line number and both lines.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split('\n');
    let mut actual_lines = actual.split('\n');
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(golden), Some(export)) if golden == export => number += 1,
            (golden, export) => {
                let show = |line: Option<&str>| {
                    line.map_or("(end of file)".to_owned(), |line| format!("{line:?}"))
                };
                return format!(
                    "first difference at line {number}:\n  golden: {}\n  export: {}",
                    show(golden),
                    show(export)
                );
            }
        }
    }
}

#[test]
fn every_format_matches_its_golden_file() {
    let mut failures = Vec::new();
    for (name, format) in formats() {
        let name = name.as_str();
        let export = FIXTURE.export(format);
        let path = golden_path(name, format);
        if updating() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &export).unwrap();
            eprintln!("wrote {}", path.display());
            continue;
        }
        match std::fs::read(&path) {
            Err(error) => failures.push(format!("{name}: cannot read {}: {error}", path.display())),
            Ok(golden) if golden == export.as_bytes() => {}
            Ok(golden) => failures.push(format!(
                "{name}: the export differs from {}; {}",
                path.display(),
                first_difference(&String::from_utf8_lossy(&golden), &export)
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, regenerate the golden files with \
         `{UPDATE_VARIABLE}=1 cargo test --test it export_golden::` and review their diff.",
        failures.join("\n\n")
    );
}

/// The golden files say what the notebook says, whatever regenerating them wrote.
#[test]
fn the_exports_hold_the_notes_and_the_reviews() {
    let export = |format| FIXTURE.export(format);

    let markdown = export(Format::NotesMd);
    for part in [
        "## Articles",
        "### The three districts in the south of Nanjing",
        "`000_b35e2f8a3ae0da1f.txt`",
        "Which year? The page gives \"May 7\" & no <year>,\nso check the district's site.",
        "Tags: `follow-up`, `nanjing`",
        &format!("> {QUOTE}"),
        "## Events",
        "### 2020-02-28 meeting: Liangjiang New Area, Tianfu New Area",
        "edited 2023-11-14T22:28:20Z",
        "## Places",
        "### Jiangning District",
    ] {
        assert!(
            markdown.contains(part),
            "{part:?} missing from:\n{markdown}"
        );
    }
    assert!(!markdown.contains("Detached"), "{markdown}");

    let notes_csv = export(Format::NotesCsv);
    // Header and four notes, one with a newline inside its quoted text.
    assert_eq!(notes_csv.matches("\r\n").count(), 5, "{notes_csv}");
    assert!(notes_csv.contains(
        "\"Which year? The page gives \"\"May 7\"\" & no <year>,\nso check the district's site.\""
    ));

    for format in [Format::EventsCsv, Format::EventsJson] {
        let events = export(format);
        assert!(events.contains(CORRECTED_DATE), "{format:?}: correction");
        assert!(events.contains("corrected"), "{format:?}");
        assert!(!events.contains("Yuelai"), "{format:?}: the rejected deal");
        assert!(
            events.contains("seeds/004_cf7ee030e3cce0a8.txt"),
            "{format:?}"
        );
        assert!(!events.contains(env!("CARGO_MANIFEST_DIR")), "{format:?}");
    }
    for format in [Format::Gexf, Format::Graphml, Format::TimelineJs] {
        assert!(
            !export(format).contains("Yuelai"),
            "{format:?}: the rejected deal"
        );
    }
    assert!(export(Format::Gexf).contains(&format!(
        "start=\"{CORRECTED_DATE}\" end=\"{CORRECTED_DATE}\""
    )));
}

fn day_text(day: Day) -> String {
    let (year, month, day) = day.ymd();
    format!("{year:04}-{month:02}-{day:02}")
}

fn widen(span: &mut Option<(Day, Day)>, with: Option<(Day, Day)>) {
    if let Some(with) = with {
        *span = Some(span.map_or(with, |(start, end)| (start.min(with.0), end.max(with.1))));
    }
}

/// The `start`/`end` of an element, as written.
fn times(element: roxmltree::Node<'_, '_>) -> Option<(String, String)> {
    match (element.attribute("start"), element.attribute("end")) {
        (None, None) => None,
        (Some(start), Some(end)) => Some((start.to_owned(), end.to_owned())),
        _ => panic!("start without end or end without start: {element:?}"),
    }
}

fn children<'a, 'input>(
    element: roxmltree::Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> + 'a {
    element
        .children()
        .filter(move |child| child.is_element() && child.has_tag_name(name))
}

fn only_child<'a, 'input>(
    element: roxmltree::Node<'a, 'input>,
    name: &'a str,
) -> roxmltree::Node<'a, 'input> {
    let found: Vec<_> = children(element, name).collect();
    assert_eq!(
        found.len(),
        1,
        "one <{name}> in <{}>",
        element.tag_name().name()
    );
    found[0]
}

#[test]
fn gexf_parses_back_as_the_graph_with_its_times() {
    let xml = FIXTURE.export(Format::Gexf);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "gexf");
    assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let graph_element = only_child(root, "graph");
    assert_eq!(graph_element.attribute("mode"), Some("dynamic"));
    assert_eq!(graph_element.attribute("timeformat"), Some("date"));

    let declared: HashSet<&str> = children(only_child(graph_element, "attributes"), "attribute")
        .filter_map(|attribute| attribute.attribute("id"))
        .collect();
    assert_eq!(declared, HashSet::from(["level", "province"]));

    let (graph, events) = FIXTURE.graph();
    let spans: Vec<Option<(Day, Day)>> = events.iter().map(event_span).collect();
    let nodes: Vec<_> = children(only_child(graph_element, "nodes"), "node").collect();
    let edges: Vec<_> = children(only_child(graph_element, "edges"), "edge").collect();
    assert_eq!(nodes.len(), graph.nodes.len());
    assert_eq!(edges.len(), graph.edges.len());

    // Each node's times span the dated events it takes part in.
    let mut node_spans = vec![None; graph.nodes.len()];
    for (event, span) in events.iter().zip(&spans) {
        for participant in &event.event.participants {
            if let Some(index) = graph.node_index(&PartyKey::of(participant)) {
                widen(&mut node_spans[index], *span);
            }
        }
    }
    let mut ids = HashSet::new();
    for ((element, node), span) in nodes.iter().zip(&graph.nodes).zip(&node_spans) {
        assert!(
            ids.insert(element.attribute("id").unwrap()),
            "unique node ids"
        );
        assert_eq!(element.attribute("label"), Some(node.label.as_str()));
        let expected = span.map(|(start, end)| (day_text(start), day_text(end)));
        assert_eq!(times(*element), expected, "{}", node.label);
        for value in element.descendants().filter(|n| n.has_tag_name("attvalue")) {
            assert!(declared.contains(value.attribute("for").unwrap()));
        }
    }
    // Each edge joins two nodes; its weight is its events; its times span its dated events.
    let mut dated_edges = 0;
    for (index, (element, edge)) in edges.iter().zip(&graph.edges).enumerate() {
        let source = element.attribute("source").unwrap();
        let target = element.attribute("target").unwrap();
        assert!(ids.contains(source) && ids.contains(target), "{element:?}");
        assert_eq!(source, format!("n{}", edge.nodes.0));
        assert_eq!(target, format!("n{}", edge.nodes.1));
        assert_eq!(
            element.attribute("weight"),
            Some(edge.weight().to_string().as_str())
        );
        let mut span = None;
        for &event in graph.events_of(index) {
            widen(&mut span, spans[event]);
        }
        let expected = span.map(|(start, end)| (day_text(start), day_text(end)));
        dated_edges += usize::from(expected.is_some());
        assert_eq!(times(*element), expected, "edge {source}–{target}");
    }
    // Both cases are there: ties with times and ties only from events without a year.
    assert!(dated_edges > 0 && dated_edges < edges.len(), "{xml}");
}

#[test]
fn graphml_parses_back_as_the_graph() {
    let xml = FIXTURE.export(Format::Graphml);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    // Keys: id → what they are for.
    let keys: BTreeMap<&str, &str> = children(root, "key")
        .map(|key| (key.attribute("id").unwrap(), key.attribute("for").unwrap()))
        .collect();
    assert_eq!(
        keys,
        BTreeMap::from([
            ("events", "edge"),
            ("label", "node"),
            ("level", "node"),
            ("province", "node"),
            ("weight", "edge"),
        ])
    );
    let graph_element = only_child(root, "graph");
    assert_eq!(graph_element.attribute("edgedefault"), Some("undirected"));
    let (graph, _) = FIXTURE.graph();
    let nodes: Vec<_> = children(graph_element, "node").collect();
    let edges: Vec<_> = children(graph_element, "edge").collect();
    assert_eq!(nodes.len(), graph.nodes.len());
    assert_eq!(edges.len(), graph.edges.len());
    let ids: HashSet<&str> = nodes
        .iter()
        .map(|node| node.attribute("id").unwrap())
        .collect();
    assert_eq!(ids.len(), nodes.len(), "unique node ids");
    for element in nodes.iter().chain(&edges) {
        for data in children(*element, "data") {
            let key = data.attribute("key").unwrap();
            assert_eq!(keys.get(key), Some(&element.tag_name().name()), "{data:?}");
        }
    }
    for (element, node) in nodes.iter().zip(&graph.nodes) {
        let label = children(*element, "data").find(|data| data.attribute("key") == Some("label"));
        assert_eq!(
            label.and_then(|label| label.text()),
            Some(node.label.as_str())
        );
    }
    for element in &edges {
        for end in ["source", "target"] {
            assert!(ids.contains(element.attribute(end).unwrap()), "{element:?}");
        }
    }
}

/// The golden JSON files (or, while they are being written, the exports) as JSON.
fn json(name: &str, format: Format) -> serde_json::Value {
    let text = if updating() {
        FIXTURE.export(format)
    } else {
        let path = golden_path(name, format);
        std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!(
                "{}: {error}; write it with `{UPDATE_VARIABLE}=1 cargo test --test it export_golden::`",
                path.display()
            )
        })
    };
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_json_golden_files_parse() {
    let notes = json("notes-json", Format::NotesJson);
    assert_eq!(notes["format"], "accord-notes");
    let notes = notes["notes"].as_array().unwrap();
    let targets: Vec<&str> = notes
        .iter()
        .map(|note| note["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["article", "passage", "place", "event"]);
    assert!(notes.iter().all(|note| note["detached"].is_null()));
    assert_eq!(notes[1]["quote"], QUOTE);
    assert_eq!(notes[2]["place"], "Jiangning District");
    assert_eq!(
        notes[3]["event"],
        "2020-02-28 meeting: Liangjiang New Area, Tianfu New Area"
    );

    let events = json("events-json", Format::EventsJson);
    assert_eq!(events["format"], "accord-events");
    let events = events["events"].as_array().unwrap();
    // The seeds' merged events less the rejected one.
    assert_eq!(events.len(), FIXTURE.events.len() - 1);
    let corrected: Vec<_> = events
        .iter()
        .filter(|event| event["review"] == "corrected")
        .collect();
    assert_eq!(corrected.len(), 1);
    assert_eq!(corrected[0]["date"], CORRECTED_DATE);
    assert!(events.iter().all(|event| {
        event["source_count"].as_u64() == Some(event["sources"].as_array().unwrap().len() as u64)
    }));

    // Every citation of the Markdown notes has its reference, under the same key.
    let references = json("csl-json", Format::CslJson);
    let keys: HashSet<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    let markdown = FIXTURE.export(Format::NotesMd);
    let cited: Vec<&str> = markdown
        .split("[@")
        .skip(1)
        .filter_map(|rest| rest.split_once(']').map(|(key, _)| key))
        .collect();
    assert!(!cited.is_empty(), "{markdown}");
    assert!(
        cited.iter().all(|key| keys.contains(key)),
        "{cited:?} {keys:?}"
    );

    // TimelineJS: one slide per event with a year, oldest first.
    let timeline = json("timelinejs", Format::TimelineJs);
    let slides = timeline["events"].as_array().unwrap();
    let dated = events
        .iter()
        .filter(|event| {
            event["date"]
                .as_str()
                .is_some_and(|date| !date.starts_with('X'))
        })
        .count();
    assert_eq!(slides.len(), dated);
    assert!(dated < events.len(), "an event without a year is left out");
    let dates: Vec<(u64, u64, u64)> = slides
        .iter()
        .map(|slide| {
            let date = &slide["start_date"];
            let part = |name: &str| date[name].as_u64().unwrap_or(0);
            (part("year"), part("month"), part("day"))
        })
        .collect();
    assert!(dates.is_sorted(), "{dates:?}");
    assert!(slides.iter().all(|slide| slide["group"].is_string()));
}

/// `accord export` writes the same bytes as the library (after the same normalisation), so
/// the golden files are also what the command line gives. Two formats stand for all:
/// what the command adds (loading the folder, reading the notebook file back) is the same for
/// every format, and each run costs a fresh load of the seeds. Notes Markdown needs the notes
/// and the reviews; events CSV writes the absolute file paths raw.
#[test]
fn the_command_line_writes_the_golden_exports() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = folder.path().join("notebook.ron");
    std::fs::write(&notebook, to_ron(&FIXTURE.notebook).unwrap()).unwrap();
    let formats = [
        ("notes-md", Format::NotesMd),
        ("events-csv", Format::EventsCsv),
    ];
    // Both at once.
    let runs: Vec<_> = formats
        .iter()
        .map(|(name, _)| {
            let output = folder.path().join(format!("export-{name}"));
            let child = Command::new(env!("CARGO_BIN_EXE_accord"))
                .arg("export")
                .arg(seeds())
                .args(["--format", name, "--output"])
                .arg(&output)
                .arg("--notebook")
                .arg(&notebook)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (name, output, child)
        })
        .collect();
    for ((name, output, run), (_, format)) in runs.into_iter().zip(formats) {
        let run = run.wait_with_output().unwrap();
        assert!(
            run.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let written = normalised(&std::fs::read_to_string(&output).unwrap());
        let library = FIXTURE.export(format);
        assert!(
            written == library,
            "{name}: `accord export` and the library differ; {}",
            first_difference(&library, &written)
        );
    }
}
