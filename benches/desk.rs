//! The analyst's desk at scale: `cargo bench --bench desk`.
//!
//! Builds 10,000 articles that report about 30,000 cooperation events between prefecture-level
//! cities (written as text and run through the real pipeline), then measures, headless on a
//! bare `egui::Context` (layout and tessellation input, no GPU): the CPU time of a frame of each
//! panel and of the whole window, and of single interactions (a filter change, a zoom, a
//! layout switch).

use std::sync::Arc;
use std::time::{Duration, Instant};

use accord::extract::{Gazetteer, Level};
use accord::ingest::read_document;
use accord::model::{Corpus, DocPath, Format, SourceId};
use accord::state::{AppState, Command, DeskCommand, NotebookCommand, Preferences};
use rayon::prelude::*;

const DOCUMENTS: usize = 10_000;

/// A panel's drawing function.
type Panel = Box<dyn FnMut(&mut egui::Ui, &AppState) -> Vec<Command>>;
const FRAMES: usize = 30;
const SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);

fn main() {
    let documents = std::env::var("ACCORD_BENCH_DOCUMENTS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DOCUMENTS);
    let started = Instant::now();
    let corpus = build_corpus(documents);
    // A notebook of its own, so the notes below never reach the user's.
    let notebook = tempfile::tempdir().ok();
    let mut state = AppState::with_notebook(
        Preferences::default(),
        Arc::new(|| {}),
        notebook.as_ref().map(|dir| dir.path().join("notebook.ron")),
    );
    // Let the bundled seeds finish loading, then put the big corpus in their place.
    while state.is_loading() {
        state.poll();
        std::thread::sleep(Duration::from_millis(5));
    }
    state.replace_corpus(corpus);
    let refresh = time(|| {
        state.refresh_desk();
    });
    while state.refresh_desk() {}
    println!(
        "corpus: {} documents, {} events, {} parties, {} ties (built in {:.1} s; desk data {:.0} ms)",
        state.library.corpus.documents().len(),
        state.desk.events.len(),
        state.desk.graph.nodes.len(),
        state.desk.graph.edges.len(),
        started.elapsed().as_secs_f64(),
        ms(refresh)
    );

    {
        use accord::desk::filter::FilterContext;
        let gazetteer = Gazetteer::bundled();
        let desk = &state.desk;
        let mut filter = desk.filter.clone();
        filter.text = "tourism".to_owned();
        let context = FilterContext {
            gazetteer,
            bodies: &state.library.corpus,
        };
        let mut selection = Default::default();
        let select = time(|| selection = filter.select(&desk.events, &context));
        let timeline = time(|| {
            drop(accord::desk::timeline::Timeline::build(
                &desk.events,
                &selection,
                desk.lane_mode,
                gazetteer,
                20.0,
            ));
        });
        let graph = time(|| {
            drop(accord::desk::graph::Graph::build(
                &desk.events,
                &selection.matching,
                None,
                gazetteer,
            ));
        });
        let events = time(|| {
            drop(accord::extract::corpus_events(
                state.library.corpus.documents(),
            ));
        });
        println!(
            "desk data for a word filter: select {:.1} ms, timeline {:.1} ms, graph {:.1} ms (merging events across articles: {:.1} ms)",
            ms(select),
            ms(timeline),
            ms(graph),
            ms(events)
        );
    }
    let ctx = egui::Context::default();
    let mut table = accord::ui::events_table::EventsTable::default();
    let mut graph = accord::ui::graph::GraphPanel::default();
    let mut timeline = accord::ui::timeline::TimelinePanel::default();
    let mut window = accord::ui::Panels::default();
    let mut graph_windows = accord::ui::windows::Windows::default();
    let mut table_windows = accord::ui::windows::Windows::default();
    let mut viewer_windows = accord::ui::windows::Windows::default();
    let mut viewer = accord::ui::viewer::ViewerPanel::default();
    let panels: [(&str, Panel); 6] = [
        (
            "timeline",
            Box::new(move |ui, state| timeline.ui(ui, state)),
        ),
        (
            "graph",
            Box::new(move |ui, state| graph.ui(ui, state, &mut graph_windows)),
        ),
        (
            "event table",
            Box::new(move |ui, state| table.ui(ui, state, &mut table_windows)),
        ),
        (
            "viewer",
            Box::new(move |ui, state| viewer.ui(ui, state, &mut viewer_windows)),
        ),
        ("library", Box::new(accord::ui::library::library_ui)),
        (
            "whole window",
            Box::new(move |ui, state| accord::ui::app_ui(ui, state, &mut window)),
        ),
    ];
    println!("CPU time per frame (mean / worst of {FRAMES}):");
    for (name, mut panel) in panels {
        let mut frame = |ctx: &egui::Context, state: &AppState| {
            ctx.run_ui(raw_input(Vec::new()), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let _ = panel(ui, state);
                });
            })
        };
        for _ in 0..3 {
            frame(&ctx, &state);
        }
        let times: Vec<Duration> = (0..FRAMES)
            .map(|_| time(|| drop(frame(&ctx, &state))))
            .collect();
        report(name, &times);
    }

    println!("Single interactions (the desk's rebuild plus the next whole frame):");
    // The window's panels keep their state between frames, as the app's do.
    let window = std::cell::RefCell::new(accord::ui::Panels::default());
    let whole = |ctx: &egui::Context, state: &AppState, events: Vec<egui::Event>| {
        ctx.run_ui(raw_input(events), |ui| {
            let _ = accord::ui::app_ui(ui, state, &mut window.borrow_mut());
        })
    };
    let interaction = |label: &str, state: &mut AppState, command: Option<Command>| {
        let rebuild = time(|| {
            if let Some(command) = command.clone() {
                state.handle(command);
            }
            state.refresh_desk();
        });
        let frame = time(|| drop(whole(&ctx, state, Vec::new())));
        println!(
            "  {label}: {:.1} ms (rebuild {:.1} ms, frame {:.1} ms)",
            ms(rebuild + frame),
            ms(rebuild),
            ms(frame)
        );
    };
    let mut filter = state.desk.filter.clone();
    filter.text = "tourism".to_owned();
    interaction(
        "filter by words (first: builds the word index)",
        &mut state,
        Some(Command::Desk(DeskCommand::SetFilter(filter.clone()))),
    );
    filter.text = "touris".to_owned();
    interaction(
        "filter by words (next keystroke)",
        &mut state,
        Some(Command::Desk(DeskCommand::SetFilter(filter))),
    );
    let nanjing = Gazetteer::bundled()
        .entries()
        .iter()
        .find(|entry| entry.name_zh == "江苏省")
        .map(|entry| accord::desk::party::PartyKey::Entry(entry.id));
    let mut filter = state.desk.filter.clone();
    filter.text.clear();
    filter.place = nanjing;
    interaction(
        "filter by a province",
        &mut state,
        Some(Command::Desk(DeskCommand::SetFilter(filter))),
    );
    interaction(
        "clear filters",
        &mut state,
        Some(Command::Desk(DeskCommand::SetFilter(Default::default()))),
    );
    let middle = Command::select_event(&state.desk, state.desk.events.len() / 2);
    interaction("select an event", &mut state, Some(middle));
    interaction(
        "graph by province",
        &mut state,
        Some(Command::Desk(DeskCommand::SetGraphLayout(
            accord::view::GraphLayout::Hierarchy,
        ))),
    );
    interaction(
        "graph network (first frame of the force layout)",
        &mut state,
        Some(Command::Desk(DeskCommand::SetGraphLayout(
            accord::view::GraphLayout::Force,
        ))),
    );
    let zoom = vec![egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 3.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    }];
    let elapsed = time(|| {
        ctx.input_mut(|_| ());
        drop(whole(&ctx, &state, zoom.clone()));
    });
    println!(
        "  zoom the timeline (one wheel step): {:.1} ms",
        ms(elapsed)
    );

    // The Notes tab with 100,000 notes (issue 13: at most 8 ms a frame).
    if notebook.is_some() {
        let documents: Vec<_> = state
            .library
            .corpus
            .documents()
            .iter()
            .map(|doc| doc.id)
            .collect();
        let added = time(|| {
            for index in 0..NOTES {
                state.handle(Command::Notebook(NotebookCommand::AddNote {
                    target: accord::notebook::Target::Article {
                        document: documents[index % documents.len()],
                    },
                    text: format!("Note {index}: the agreement's fields and who signed it"),
                    tags: vec![format!("tag{}", index % 50)],
                }));
            }
        });
        println!("{NOTES} notes added in {:.0} ms", ms(added));
        let frame = |ctx: &egui::Context, state: &AppState| {
            ctx.run_ui(raw_input(Vec::new()), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let mut windows = accord::ui::windows::Windows::default();
                    let mut panel = accord::ui::notes::NotesPanel::default();
                    let _ = panel.ui(ui, state, &mut windows);
                });
            })
        };
        for _ in 0..3 {
            frame(&ctx, &state);
        }
        let times: Vec<Duration> = (0..FRAMES)
            .map(|_| time(|| drop(frame(&ctx, &state))))
            .collect();
        report("notes tab (100,000 notes)", &times);
    }
}

/// How many notes the Notes tab is timed with.
const NOTES: usize = 100_000;

fn raw_input(events: Vec<egui::Event>) -> egui::RawInput {
    let mut events = events;
    events.insert(0, egui::Event::PointerMoved(egui::pos2(700.0, 200.0)));
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        events,
        ..egui::RawInput::default()
    }
}

fn time(run: impl FnOnce()) -> Duration {
    let started = Instant::now();
    run();
    started.elapsed()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn report(name: &str, times: &[Duration]) {
    let mean = times.iter().sum::<Duration>() / u32::try_from(times.len()).unwrap_or(1);
    let worst = times.iter().max().copied().unwrap_or_default();
    println!("  {name}: {:.2} ms / {:.2} ms", ms(mean), ms(worst));
}

/// Articles in the genre's words, each reporting three events between prefecture-level cities
/// (different pairs and triples, kinds, fields and dates across ten years), run through the real
/// pipeline in parallel.
fn build_corpus(documents: usize) -> Corpus {
    let gazetteer = Gazetteer::bundled();
    let cities: Vec<String> = gazetteer
        .entries()
        .iter()
        .filter(|entry| entry.level == Level::Prefecture && entry.suffix == Some("City"))
        .map(|entry| entry.full_name())
        .collect();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let fields = [
        "new energy vehicles",
        "culture and tourism",
        "biomedicine",
        "digital economy",
        "aerospace",
    ];
    let texts: Vec<(usize, String)> = (0..documents)
        .map(|index| {
            let city = |k: usize| &cities[(index * 7 + k * 131) % cities.len()];
            let month = |k: usize| months[(index + k * 5) % 12];
            let year = |k: usize| 2015 + (index + k) % 10;
            let field = |k: usize| fields[(index + k) % fields.len()];
            let text = format!(
                "Cities deepen cooperation\n\n\
                 On {} {}, {}, {} and {} signed a cooperation agreement on {}.\n\n\
                 On {} {}, {}, {} and {} held a joint conference on {} in {}.\n\n\
                 {} and {} launched an alliance for {} on {} {}, {}.\n",
                month(0),
                1 + index % 28,
                year(0),
                city(0),
                city(1),
                field(0),
                month(1),
                1 + (index + 3) % 28,
                year(1),
                city(2),
                city(3),
                field(1),
                city(2),
                city(4),
                city(5),
                field(2),
                month(2),
                1 + (index + 9) % 28,
                year(2),
            );
            (index, text)
        })
        .collect();
    let loaded: Vec<_> = texts
        .par_iter()
        .filter_map(|(index, text)| {
            let name = format!("bench/{index:05}.txt");
            let path = DocPath {
                source: SourceId(0),
                path: name.clone().into(),
                relative: name,
            };
            read_document(text.as_bytes(), Format::Text, path).ok()
        })
        .collect();
    let mut corpus = Corpus::default();
    corpus.add_source(None);
    corpus.add_documents(loaded);
    corpus
}
