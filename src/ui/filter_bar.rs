//! The filter bar above the panels: words, place, field and period, shared by the timeline,
//! the table and the graph.

use crate::desk::time::Day;
use crate::extract::Gazetteer;
use crate::state::{AppState, Command, DeskCommand};

/// The filter bar and what it keeps between frames: the place being typed in the picker.
#[derive(Debug, Default)]
pub struct FilterBar {
    place_query: String,
}

impl FilterBar {
    /// Draws the filter bar; returns a new filter when the analyst changed one.
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
        let place_query = &mut self.place_query;
        let mut commands = Vec::new();
        let desk = &state.desk;
        let mut filter = desk.filter.clone();
        ui.horizontal_wrapped(|ui| {
            ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut filter.text)
                    .hint_text("words in events…")
                    .desired_width(170.0),
            )
            .on_hover_text("Parties, fields, kinds and the evidence sentences");
            if let Some(place) = &desk.filter.place {
                let label = place.label(Gazetteer::bundled(), &place_fallback(state));
                if ui
                    .button(format!("Place: {label} ×"))
                    .on_hover_text("Events of this place and the places inside it; click to clear")
                    .clicked()
                {
                    filter.place = None;
                    commands.push(Command::Desk(DeskCommand::SelectParty(None)));
                }
            } else if let Some(place) = place_picker_ui(ui, place_query) {
                filter.place = Some(place);
            }
            if let Some(level) = desk.filter.level
                && ui
                    .button(format!("Level: {} ×", level.label()))
                    .on_hover_text("Events with a party at this level; click to clear")
                    .clicked()
            {
                filter.level = None;
            }
            let fields = state.desk.fields.clone();
            let chosen = if filter.fields.is_empty() {
                "any field".to_owned()
            } else {
                filter.fields.iter().cloned().collect::<Vec<_>>().join(", ")
            };
            egui::ComboBox::from_id_salt("field_filter")
                .selected_text(chosen)
                .width(150.0)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(filter.fields.is_empty(), "any field")
                        .clicked()
                    {
                        filter.fields.clear();
                    }
                    for field in fields {
                        let mut on = filter.fields.contains(&field);
                        if ui.checkbox(&mut on, &field).changed() {
                            if on {
                                filter.fields.insert(field);
                            } else {
                                filter.fields.remove(&field);
                            }
                        }
                    }
                });
            period_ui(ui, state, &mut filter);
            if !desk.filter.is_empty() && ui.button("Clear filters").clicked() {
                filter = Default::default();
                commands.push(Command::Desk(DeskCommand::SelectParty(None)));
            }
            ui.separator();
            ui.weak(format!(
                "{} of {} events",
                desk.selection.matching.len(),
                desk.events.len()
            ));
        });
        if filter != desk.filter {
            commands.insert(0, Command::Desk(DeskCommand::SetFilter(filter)));
        }
        commands
    }
}

/// The name an unlinked party filter shows.
fn place_fallback(state: &AppState) -> String {
    match &state.desk.filter.place {
        Some(crate::desk::party::PartyKey::Name(name)) => name.clone(),
        _ => String::new(),
    }
}

/// A period by years: off, or from one year to another.
fn period_ui(ui: &mut egui::Ui, state: &AppState, filter: &mut crate::desk::filter::EventFilter) {
    let mut on = filter.period.is_some();
    let fit = state.desk.timeline.fit();
    if ui
        .checkbox(&mut on, "Period")
        .on_hover_text("Only events whose date can fall in these years (events without a year stay on the timeline's shelf)")
        .changed()
    {
        filter.period = on.then(|| {
            let (first, last) = fit.map_or((2015, 2025), |(a, b)| (a.ymd().0, b.ymd().0));
            (Day::from_ymd(first, 1, 1), Day::from_ymd(last, 12, 31))
        });
    }
    if let Some((from, to)) = filter.period {
        let (mut from_year, mut to_year) = (from.ymd().0, to.ymd().0);
        ui.add(egui::DragValue::new(&mut from_year).range(1950..=2100));
        ui.label("to");
        ui.add(egui::DragValue::new(&mut to_year).range(1950..=2100));
        let (from_year, to_year) = (from_year.min(to_year), to_year.max(from_year));
        filter.period = Some((
            Day::from_ymd(from_year, 1, 1),
            Day::from_ymd(to_year, 12, 31),
        ));
    }
}

/// Most places the picker lists for what was typed.
const PICKER_LIMIT: usize = 12;

/// A place chooser: type part of a name (English or Chinese), pick a gazetteer entry. Choosing
/// a city includes its districts and counties.
fn place_picker_ui(ui: &mut egui::Ui, query: &mut String) -> Option<crate::desk::party::PartyKey> {
    let gazetteer = Gazetteer::bundled();
    let mut chosen = None;
    egui::ComboBox::from_id_salt("place_filter")
        .selected_text("any place")
        .width(130.0)
        .show_ui(ui, |ui| {
            ui.add(
                egui::TextEdit::singleline(query)
                    .hint_text("type a place (or 南京)")
                    .desired_width(200.0),
            )
            .request_focus();
            if query.trim().is_empty() {
                ui.weak("Choosing a city includes its districts.");
                return;
            }
            let matches = gazetteer.search(query, PICKER_LIMIT);
            for entry in matches {
                let parents: Vec<String> = gazetteer
                    .lineage(entry.id)
                    .skip(1)
                    .map(|parent| parent.full_name())
                    .collect();
                let label = if parents.is_empty() {
                    format!("{} {}", entry.full_name(), entry.name_zh)
                } else {
                    format!(
                        "{} {} ({})",
                        entry.full_name(),
                        entry.name_zh,
                        parents.join(", ")
                    )
                };
                if ui.selectable_label(false, label).clicked() {
                    chosen = Some(crate::desk::party::PartyKey::Entry(entry.id));
                }
            }
        });
    if chosen.is_some() {
        query.clear();
    }
    chosen
}
