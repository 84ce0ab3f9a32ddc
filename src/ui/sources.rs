//! The Sources tab: the outlets the loaded articles come from, each with how many articles and
//! cooperation events it gives — which outlets a folder leans on. Click one to open its first
//! article.

use std::collections::HashMap;
use std::sync::Arc;

use super::theme;
use crate::extract::CorpusEvent;
use crate::model::{Document, DocumentId, Memo, Revision};
use crate::state::{AppState, Command};

/// How an article without a named source is listed.
const NO_SOURCE: &str = "(no source named)";

/// One outlet's line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SourceRow {
    /// The outlet as the pages name it ("来源:" or "Source:"), or [`NO_SOURCE`].
    outlet: String,
    articles: usize,
    /// Events with at least one source article from this outlet.
    events: usize,
    /// The outlet's first article in the library's order, opened by a click.
    first: DocumentId,
}

/// The Sources panel and what it keeps between frames: the rows, built again only when the
/// documents or the events changed.
#[derive(Debug, Default)]
pub struct SourcesPanel {
    rows: Memo<(Revision, Revision), Vec<SourceRow>>,
}

impl SourcesPanel {
    /// Draws the list; returns the analyst's commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
        if self.rows.stale((
            state.library.corpus.revision(),
            state.desk.events_revision(),
        )) {
            self.rows.set(rows_of(
                state.library.corpus.documents(),
                &state.desk.events,
            ));
        }
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.strong("Sources");
            ui.weak(format!(
                "{} outlets · {} articles",
                self.rows.len(),
                state.library.corpus.documents().len()
            ));
        });
        egui::ScrollArea::vertical()
            .id_salt("sources_list")
            .auto_shrink(false)
            .show_rows(ui, theme::ROW_HEIGHT, self.rows.len(), |ui, range| {
                for row in &self.rows[range] {
                    let line = format!(
                        "{} · {} article{} · {} event{}",
                        row.outlet,
                        row.articles,
                        plural(row.articles),
                        row.events,
                        plural(row.events)
                    );
                    let button = egui::Button::selectable(false, line.as_str()).truncate();
                    if ui
                        .add(button)
                        .on_hover_text(format!("{line}: click to open its first article"))
                        .clicked()
                    {
                        commands.push(Command::SelectDocument(row.first));
                    }
                }
            });
        commands
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// The outlets of `documents` with their article and event counts, most articles first (then
/// by name); articles without a named source last.
fn rows_of(documents: &[Arc<Document>], events: &[CorpusEvent]) -> Vec<SourceRow> {
    let outlet_of = |document: &Document| {
        document
            .meta
            .source
            .as_deref()
            .map(str::trim)
            .filter(|source| !source.is_empty())
            .unwrap_or(NO_SOURCE)
            .to_owned()
    };
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut row_of_outlet: HashMap<String, usize> = HashMap::new();
    let mut row_of_document: HashMap<DocumentId, usize> = HashMap::new();
    for document in documents {
        let outlet = outlet_of(document);
        let row = *row_of_outlet.entry(outlet.clone()).or_insert_with(|| {
            rows.push(SourceRow {
                outlet,
                articles: 0,
                events: 0,
                first: document.id,
            });
            rows.len() - 1
        });
        rows[row].articles += 1;
        row_of_document.insert(document.id, row);
    }
    for event in events {
        let mut counted: Vec<usize> = event
            .sources
            .iter()
            .filter_map(|(document, _)| row_of_document.get(document).copied())
            .collect();
        counted.sort_unstable();
        counted.dedup();
        for row in counted {
            rows[row].events += 1;
        }
    }
    rows.sort_by(|a, b| {
        (a.outlet == NO_SOURCE)
            .cmp(&(b.outlet == NO_SOURCE))
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocPath, Format, SourceId};

    fn page(name: &str, text: &str) -> Arc<Document> {
        let path = DocPath {
            source: SourceId(0),
            path: name.into(),
            relative: name.into(),
        };
        Arc::new(crate::ingest::read_document(text.as_bytes(), Format::Text, path).unwrap())
    }

    #[test]
    fn outlets_are_counted_by_articles_and_events_with_unnamed_ones_last() {
        let documents = vec![
            page(
                "a.txt",
                "Wuxi and Xuzhou sign\n\nSource: Xinhua\n\nWuxi and Xuzhou signed a cooperation agreement on Tuesday.",
            ),
            page(
                "b.txt",
                "Nothing new\n\nSource: Xinhua\n\nThe weather was fine.",
            ),
            page(
                "c.txt",
                "A note\n\nThe weather was fine again, and nothing was signed.",
            ),
            page(
                "d.txt",
                "Suzhou and Wuxi meet\n\nSource: Jiangsu Daily\n\nSuzhou and Wuxi held a joint conference on trade.",
            ),
        ];
        let events: Vec<CorpusEvent> = documents
            .iter()
            .flat_map(|document| {
                document.extraction.events.iter().map(|event| CorpusEvent {
                    event: event.clone(),
                    sources: vec![(document.id, event.evidence.clone())],
                })
            })
            .collect();
        let rows = rows_of(&documents, &events);
        let summary: Vec<(&str, usize, usize)> = rows
            .iter()
            .map(|row| (row.outlet.as_str(), row.articles, row.events))
            .collect();
        assert_eq!(
            summary,
            [("Xinhua", 2, 1), ("Jiangsu Daily", 1, 1), (NO_SOURCE, 1, 0)]
        );
        assert_eq!(rows[0].first, documents[0].id);
    }
}
