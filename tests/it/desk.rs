//! The analyst's desk under egui_kittest, on the seeds: the timeline and its shelf, an event
//! opening its article at the evidence, a place filtering the event table, the period slider.

use accord::app::AccordApp;
use accord::model::{EventKind, PartialDate};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_harness() -> Harness<'static, AccordApp> {
    crate::util::app_harness(1400.0, 900.0)
}

/// Runs frames until the seeds are loaded and the desk has caught up.
fn loaded(harness: &mut Harness<'_, AccordApp>) {
    crate::util::run_until(harness, |app| {
        let state = app.state();
        !state.is_loading()
            && state.library.corpus.documents().len() == 5
            && !state.desk.events.is_empty()
    });
}

#[test]
fn the_timeline_holds_the_dated_events_and_the_shelf_the_year_unknown_signing() {
    let mut harness = app_harness();
    loaded(&mut harness);
    let desk = &harness.state().state().desk;
    let conference = desk
        .timeline
        .items
        .iter()
        .filter_map(|item| desk.events.get(item.event))
        .find(|event| event.event.date == PartialDate::ymd(2020, 2, 28))
        .expect("the 2020-02-28 conference is on the axis");
    let parties: Vec<&str> = conference
        .event
        .participants
        .iter()
        .map(|party| party.name.as_str())
        .collect();
    assert_eq!(parties, ["Liangjiang New Area", "Tianfu New Area"]);
    assert_eq!(conference.event.kind, EventKind::Meeting);
    // The May 7 signing of the three Nanjing districts has no year: on the shelf, shown.
    harness.get_by_label("Year unknown (2)");
    harness.get_by_label(
        "XXXX-05-07 · agreement · Jiangning District, Lishui District, Gaochun District",
    );
}

#[test]
fn clicking_an_event_opens_its_article_at_the_evidence() {
    let mut harness = app_harness();
    loaded(&mut harness);
    // Show another article first, so opening the event visibly changes the viewer.
    let liangjiang = harness.state().state().library.corpus.documents()[4].id;
    harness
        .get_by_label(
            "XXXX-05-07 · agreement · Jiangning District, Lishui District, Gaochun District",
        )
        .click();
    harness.run_steps(4);
    let state = harness.state().state();
    let selected = state.desk.selected_event().expect("an event is selected");
    let event = &state.desk.events[selected];
    let (document, evidence) = &event.sources[0];
    assert_eq!(state.selected, Some(*document));
    assert_ne!(state.selected, Some(liangjiang));
    let focus = state
        .focus
        .as_ref()
        .expect("the viewer is asked to show the evidence");
    assert_eq!(focus.range, evidence[0]);
    let body = state
        .library
        .corpus
        .document(*document)
        .unwrap()
        .body()
        .unwrap();
    // The signing event is reported first where the three districts hold it; the sentence
    // where "the three zones" sign is its evidence too.
    assert!(
        body[focus.range.clone()]
            .starts_with("On May 7, Jiangning District, Lishui District and Gaochun District")
    );
    assert!(
        evidence
            .iter()
            .any(|range| body[range.clone()].starts_with("The three zones jointly signed"))
    );
    // The paragraph with the evidence is in the viewer.
    harness.get_by_label_contains("jointly held a signing event");
}

#[test]
fn clicking_a_place_filters_the_event_table() {
    let mut harness = app_harness();
    loaded(&mut harness);
    let all = harness.state().state().desk.selection.matching.len();
    harness.get_by_label("● Liangjiang New Area  (2)").click();
    harness.run_steps(3);
    let desk = &harness.state().state().desk;
    assert!(desk.filter.place.is_some());
    assert!(desk.selection.matching.len() < all);
    harness.get_by_label("Event table").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_label("Liangjiang New Area, Tianfu New Area")
            .count()
            >= 2
    );
    assert!(
        harness
            .query_all_by_label("Jiangning District, Lishui District, Gaochun District")
            .next()
            .is_none(),
        "events of other places are filtered out of the table"
    );
}

/// Whether the graph has an edge between the parties with these names.
fn has_edge(app: &AccordApp, a: &str, b: &str) -> bool {
    let graph = &app.state().desk.graph;
    let find = |name: &str| graph.nodes.iter().position(|node| node.label == name);
    let (Some(a), Some(b)) = (find(a), find(b)) else {
        return false;
    };
    graph
        .edges
        .iter()
        .any(|edge| edge.nodes == (a.min(b), a.max(b)))
}

#[test]
fn the_period_slider_removes_ties_outside_the_window() {
    let mut harness = app_harness();
    loaded(&mut harness);
    // The Yangtze River Delta demonstration zone signing is dated 2019.
    assert!(has_edge(
        harness.state(),
        "Qingpu District",
        "Wujiang District"
    ));
    harness.get_by_label("All time").click();
    harness.run_steps(2);
    assert!(has_edge(
        harness.state(),
        "Qingpu District",
        "Wujiang District"
    ));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "from")
        .increment_accesskit();
    harness.run_steps(3);
    let window = harness
        .state()
        .state()
        .desk
        .graph_window
        .expect("a window is set");
    assert_eq!(window.0.ymd().0, 2020);
    assert!(!has_edge(
        harness.state(),
        "Qingpu District",
        "Wujiang District"
    ));
    assert!(has_edge(
        harness.state(),
        "Liangjiang New Area",
        "Tianfu New Area"
    ));
}

#[test]
fn a_column_header_sorts_the_event_table_and_a_second_click_reverses_it() {
    let mut harness = app_harness();
    loaded(&mut harness);
    harness.get_by_label("Event table").click();
    harness.run_steps(3);
    let top_of_the_meeting =
        |harness: &Harness<'_, AccordApp>| harness.get_by_label("2020-02-28").rect().top();
    let ascending = top_of_the_meeting(&harness);
    harness.get_by_label("Date ↑").click();
    harness.run_steps(3);
    let descending = top_of_the_meeting(&harness);
    assert!(
        descending > ascending,
        "the 2020 meeting moves below the events of 2021 and of unknown years"
    );
    harness.get_by_label("Date ↓").click();
    harness.run_steps(3);
    assert_eq!(top_of_the_meeting(&harness), ascending);
}

#[test]
fn a_click_on_the_text_of_a_table_row_selects_its_event() {
    let mut harness = app_harness();
    loaded(&mut harness);
    harness.get_by_label("Event table").click();
    harness.run_steps(3);
    assert!(harness.state().state().desk.selected_event().is_none());
    harness.get_by_label("2020-02-28").click();
    harness.run_steps(3);
    let desk = &harness.state().state().desk;
    let selected = desk.selected_event().expect("the row's event is selected");
    assert_eq!(
        desk.events[selected].event.date.map(|date| date.edtf()),
        Some("2020-02-28".to_owned())
    );
}
