//! The analyst's desk at scale: `cargo bench --bench desk`.
//!
//! Builds 100,000 articles that report about 300,000 cooperation events between prefecture-level
//! cities (written as text and run through the real pipeline on every core: about 10 s on the
//! 2-core machine; `ACCORD_BENCH_DOCUMENTS` sets another number), then measures, headless on a
//! bare `egui::Context` (layout and tessellation input, no GPU): the CPU time of a frame of each
//! panel and of the whole window, and of single interactions (a filter change, a zoom, a
//! layout switch), with the Overview tab too (its numbers are rebuilt in the frame after a
//! change).

use std::sync::Arc;
use std::time::{Duration, Instant};

use accord::extract::{Gazetteer, Level};
use accord::ingest::read_document;
use accord::model::{Corpus, DocPath, Format, SourceId};
use accord::state::{AppState, Command, DeskCommand, NotebookCommand, Preferences};
use rayon::prelude::*;

const DOCUMENTS: usize = 100_000;

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
    // The corpus is indexed for search in the background: measured once that is done, as the
    // desk is used after a start.
    let indexing = Instant::now();
    let documents_in = state.library.corpus.documents().len();
    // Committed, not only handed to tantivy's writer (its threads index behind it).
    while state
        .search
        .indexed
        .is_none_or(|indexed| indexed < documents_in)
        && indexing.elapsed() < Duration::from_secs(300)
    {
        state.poll();
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "search index built in the background in {:.1} s",
        indexing.elapsed().as_secs_f64()
    );
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
        let cut = time(|| {
            drop(accord::desk::timeline::Timeline::subset(
                &desk.timeline,
                &desk.events,
                &selection,
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
            "desk data for a word filter: select {:.1} ms (scanning the evidence, not the desk's word index), timeline {:.1} ms (cut from the unfiltered one: {:.1} ms), graph {:.1} ms (merging events across articles: {:.1} ms)",
            ms(select),
            ms(timeline),
            ms(cut),
            ms(graph),
            ms(events)
        );
    }
    {
        // The Overview tab's numbers for the whole desk, and the network measures in them.
        use accord::desk::{network, overview::Overview};
        let desk = &state.desk;
        let mut overview = Overview::default();
        let mut facts = Default::default();
        let made = time(|| facts = accord::desk::facts::EventFacts::of(&desk.events));
        let build = time(|| {
            overview = Overview::build_from(
                &facts,
                &desk.selection,
                &desk.filter,
                &desk.graph,
                Gazetteer::bundled(),
            );
        });
        let adjacency = network::adjacency(&desk.graph);
        let betweenness = time(|| drop(network::betweenness(&adjacency)));
        let communities = time(|| drop(network::communities(&adjacency)));
        println!(
            "overview data, no filter: build {:.1} ms (betweenness {:.1} ms, communities {:.1} ms; {} places, {} communities; the events' flat facts, made once per events: {:.1} ms)",
            ms(build),
            ms(betweenness),
            ms(communities),
            overview.places.len(),
            overview.communities,
            ms(made)
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
    let mut overview = accord::ui::overview::OverviewPanel::default();
    let mut overview_windows = accord::ui::windows::Windows::default();
    let mut overview_window = accord::ui::Panels::default();
    // Each panel, and the lower tab the whole window is drawn with (`None`: the default, the
    // relationship graph).
    let panels: [(&str, Option<&str>, Panel); 8] = [
        (
            "timeline",
            None,
            Box::new(move |ui, state| timeline.ui(ui, state)),
        ),
        (
            "graph",
            None,
            Box::new(move |ui, state| graph.ui(ui, state, &mut graph_windows)),
        ),
        (
            "event table",
            None,
            Box::new(move |ui, state| table.ui(ui, state, &mut table_windows)),
        ),
        (
            "viewer",
            None,
            Box::new(move |ui, state| viewer.ui(ui, state, &mut viewer_windows)),
        ),
        ("library", None, Box::new(accord::ui::library::library_ui)),
        (
            "overview",
            None,
            Box::new(move |ui, state| overview.ui(ui, state, &mut overview_windows)),
        ),
        (
            "whole window",
            None,
            Box::new(move |ui, state| accord::ui::app_ui(ui, state, &mut window)),
        ),
        (
            "whole window, overview tab",
            Some("Overview"),
            Box::new(move |ui, state| accord::ui::app_ui(ui, state, &mut overview_window)),
        ),
    ];
    println!("CPU time per frame (mean / worst of {FRAMES}):");
    for (name, tab, mut panel) in panels {
        let mut frame = |ctx: &egui::Context, state: &AppState, input: egui::RawInput| {
            ctx.run_ui(input, |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let _ = panel(ui, state);
                });
            })
        };
        if let Some(tab) = tab
            && !open_tab(&ctx, tab, |input| frame(&ctx, &state, input))
        {
            println!("  {name}: the tab \"{tab}\" was not found");
            continue;
        }
        for _ in 0..3 {
            frame(&ctx, &state, raw_input(Vec::new()));
        }
        let times: Vec<Duration> = (0..FRAMES)
            .map(|_| time(|| drop(frame(&ctx, &state, raw_input(Vec::new())))))
            .collect();
        report(name, &times);
        if tab.is_some() {
            // The tab is kept in the context's memory: back to the graph for what follows.
            open_tab(&ctx, "Relationship graph", |input| {
                frame(&ctx, &state, input)
            });
        }
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
    filter.place = nanjing.clone();
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
    // The worst case for a filter: one that lets nearly every event through, so the timeline,
    // graph and table are rebuilt at full size.
    let everything = accord::desk::filter::EventFilter {
        period: state.desk.timeline.fit(),
        ..Default::default()
    };
    interaction(
        "a period holding every dated event",
        &mut state,
        Some(Command::Desk(DeskCommand::SetFilter(everything.clone()))),
    );
    interaction(
        "clear filters again",
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

    // The Overview tab open: its numbers (`Overview::build`, with betweenness and communities)
    // are rebuilt on the UI thread in the first frame after the selection or the graph
    // changed, so that frame is the wait until the new numbers are shown.
    let whole_with = |ctx: &egui::Context, state: &AppState, input: egui::RawInput| {
        ctx.run_ui(input, |ui| {
            let _ = accord::ui::app_ui(ui, state, &mut window.borrow_mut());
        })
    };
    if open_tab(&ctx, "Overview", |input| whole_with(&ctx, &state, input)) {
        println!(
            "Single interactions with the Overview tab open (its numbers rebuilt in the frame):"
        );
        let overview_interaction = |label: &str, state: &mut AppState, command: Command| {
            interaction(label, state, Some(command));
            let next = time(|| drop(whole(&ctx, state, Vec::new())));
            let desk = &state.desk;
            let expected = accord::desk::overview::Overview::build(
                &desk.events,
                &desk.selection,
                &desk.filter,
                &desk.graph,
                Gazetteer::bundled(),
            );
            let build = time(|| {
                if let Some(facts) = desk.facts() {
                    drop(accord::desk::overview::Overview::build_from(
                        facts,
                        &desk.selection,
                        &desk.filter,
                        &desk.graph,
                        Gazetteer::bundled(),
                    ));
                }
            });
            let shown = *window.borrow().overview.overview() == expected;
            println!(
                "    (the overview's numbers alone {:.1} ms; the frame after {:.1} ms; {} places{})",
                ms(build),
                ms(next),
                expected.places.len(),
                if shown { "" } else { "; NOT the new numbers" }
            );
        };
        let mut filter = state.desk.filter.clone();
        filter.place = nanjing.clone();
        overview_interaction(
            "filter by a province",
            &mut state,
            Command::Desk(DeskCommand::SetFilter(filter)),
        );
        let filter = accord::desk::filter::EventFilter {
            text: "tourism".to_owned(),
            ..Default::default()
        };
        overview_interaction(
            "filter by words",
            &mut state,
            Command::Desk(DeskCommand::SetFilter(filter)),
        );
        let period = window
            .borrow()
            .overview
            .overview()
            .over_time
            .bars
            .first()
            .map(|bar| bar.period);
        let filter = accord::desk::filter::EventFilter {
            period,
            kinds: [accord::model::EventKind::Agreement].into(),
            ..Default::default()
        };
        overview_interaction(
            "filter by a period and kind (a bar of the time chart)",
            &mut state,
            Command::Desk(DeskCommand::SetFilter(filter)),
        );
        overview_interaction(
            "clear filters",
            &mut state,
            Command::Desk(DeskCommand::SetFilter(Default::default())),
        );
        overview_interaction(
            "a period holding every dated event",
            &mut state,
            Command::Desk(DeskCommand::SetFilter(everything)),
        );
    } else {
        println!("The Overview tab was not found in the window.");
    }

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

/// Clicks the lower tab labelled `label` as a screen reader would (found in the frame's
/// AccessKit tree, then sent a click), and draws a frame with it open. Returns whether the tab
/// is then shown as selected.
fn open_tab(
    ctx: &egui::Context,
    label: &str,
    mut frame: impl FnMut(egui::RawInput) -> egui::FullOutput,
) -> bool {
    use egui::accesskit::{Action, ActionRequest, Node, NodeId, Toggled, TreeId};
    let find = |frame: &mut dyn FnMut(egui::RawInput) -> egui::FullOutput| {
        ctx.enable_accesskit();
        let output = frame(raw_input(Vec::new()));
        ctx.disable_accesskit();
        output
            .platform_output
            .accesskit_update?
            .nodes
            .into_iter()
            .find(|(_, node)| node.label() == Some(label))
    };
    let found: Option<(NodeId, Node)> = find(&mut frame);
    let Some((target_node, _)) = found else {
        return false;
    };
    let click = egui::Event::AccessKitActionRequest(ActionRequest {
        action: Action::Click,
        target_tree: TreeId::ROOT,
        target_node,
        data: None,
    });
    drop(frame(raw_input(vec![click])));
    find(&mut frame).is_some_and(|(_, node)| node.toggled() == Some(Toggled::True))
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
