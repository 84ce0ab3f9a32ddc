//! What the analyst's desk shows, as plain data: the corpus's events, the shared filter and the
//! selection, the timeline rows, the relationship graph and its layout.
//!
//! [`crate::state::AppState`] owns one [`DeskView`] and brings it up to date once a frame
//! ([`DeskView::refresh`]); panels read it and return commands. Each derived value is rebuilt
//! only when what it depends on changed, so an idle frame costs nothing here.
//!
//! Over 1,100 lines with its tests (about 220): one value, `DeskView`, whose derived parts depend
//! on one another and are rebuilt together. What it keeps so that 300,000 events stay quick
//! (unfiltered results with their revisions, an index by article, the Overview's facts) is
//! described in ARCHITECTURE.md, "The desk at 300,000 events".

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::desk::facts::EventFacts;
use crate::desk::filter::{EventFilter, Selection};
use crate::desk::graph::{Graph, GroupBy, Grouping};
use crate::desk::layout::{self, ForceLayout, Point};
use crate::desk::party::PartyKey;
use crate::desk::time::Day;
use crate::desk::timeline::{LaneMode, Timeline};
use crate::extract::{CorpusEvent, EventMerger, Gazetteer};
use crate::model::{Corpus, DocumentId, Memo, Revision};
use crate::notebook::{AddedEventId, EventKey, Notebook, Review, TextHash, apply_review};

/// An event's identity on the desk, stable while articles load, reviews change and events are
/// added: an index into [`DeskView::events`] moves (events added by hand follow the extracted
/// ones, whose number grows while a folder loads), so selections, editors and commands hold
/// this instead and look the index up when they need it ([`DeskView::index_of`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EventId {
    /// An extracted event, by the key of its first source (the key reviews are stored under).
    Extracted(EventKey),
    /// An event the analyst added, by its notebook id.
    Added(AddedEventId),
    /// An extracted event with no key (its evidence could not be read back from its article),
    /// by its place among the extracted events: that does not move while articles load, and the
    /// selection is let go when the merge starts again.
    Unkeyed(usize),
}

/// Commands about the desk: the shared filter, the graph's selection, the timeline's and
/// graph's options ([`DeskView::handle`]).
#[derive(Clone, Debug, PartialEq)]
pub enum DeskCommand {
    /// Narrow every panel down to these events.
    SetFilter(EventFilter),
    /// Select a party: the graph highlights it and lists its partners.
    SelectParty(Option<PartyKey>),
    /// Select the tie between two parties: the events that link them.
    SelectEdge(Option<(PartyKey, PartyKey)>),
    /// Timeline lanes by place or by kind.
    SetLaneMode(LaneMode),
    /// How the graph lays out its nodes.
    SetGraphLayout(GraphLayout),
    /// Node colours by province or by level.
    SetGroupBy(GroupBy),
    /// The graph's time window (the period slider).
    SetGraphWindow(Option<(Day, Day)>),
    /// Fix a node where the analyst dropped it.
    PinNode(PartyKey, Point),
    /// Forget pinned nodes and lay the graph out afresh.
    ResetLayout,
}

/// How the relationship graph places its nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GraphLayout {
    /// Springs and repulsion: partners close together.
    #[default]
    Force,
    /// Columns by province, then city, then district.
    Hierarchy,
    /// At the places' coordinates.
    Map,
}

impl GraphLayout {
    /// Every layout with its name in the panel.
    pub const ALL: [(Self, &'static str); 3] = [
        (Self::Force, "Network"),
        (Self::Hierarchy, "By province"),
        (Self::Map, "Map"),
    ];
}

/// The events, the filter and everything the panels draw from them.
pub struct DeskView {
    /// Events as the analyst reviewed them: the events extracted and merged across the loaded
    /// articles with corrections applied (rejected ones stay here, outside every selection),
    /// then the events added by hand (indices from `event_keys.len()` on).
    pub events: Arc<Vec<CorpusEvent>>,
    /// Events as extracted and merged, before review.
    extracted: Arc<Vec<CorpusEvent>>,
    /// Renewed with every change to `extracted`, so reviews are matched again.
    extracted_revision: Revision,
    /// Renewed with every change to `events`, so what is derived from them is rebuilt.
    events_revision: Revision,
    /// The corpus revision `extracted` was merged for.
    merged: Memo<Revision>,
    /// The notebook id of each added event, in the order they follow the extracted ones.
    pub added: Vec<AddedEventId>,
    /// Events with notes (indices into `events`), for markers on the timeline, found for the
    /// notes' and the events' revisions.
    pub noted_events: Memo<(Revision, Revision), HashSet<usize>>,
    /// The filter every panel shares.
    pub filter: EventFilter,
    /// The events the filter lets through.
    pub selection: Selection,
    /// Renewed whenever `selection` is rebuilt.
    selection_revision: Revision,
    /// Rejected events the filter would let through (exports can keep them, marked).
    pub rejected_selected: Vec<usize>,
    /// Every field of cooperation the events name, sorted (the filter bar's choices).
    pub fields: Vec<String>,
    /// Each extracted event's keys (one per source known when it was merged), for notes and
    /// reviews.
    pub event_keys: Vec<Vec<EventKey>>,
    /// Each extracted event's review by the analyst, if any.
    pub reviews: Vec<Option<Review>>,
    /// The notebook's reviews revision and the extraction's revision `reviews` were matched
    /// for.
    reviewed: Memo<(Revision, Revision)>,
    /// Lanes by place or by kind.
    pub lane_mode: LaneMode,
    /// The timeline rows for the selection.
    pub timeline: Arc<Timeline>,
    /// The graph's time window (the period slider): ties that existed then.
    pub graph_window: Option<(Day, Day)>,
    /// The relationship graph of the selection within the window.
    pub graph: Graph,
    /// Node colours: by province or by level.
    pub group_by: GroupBy,
    /// The group of each node.
    pub grouping: Grouping,
    /// How the graph is laid out.
    pub graph_layout: GraphLayout,
    /// Node positions in the layout's own units, one per node.
    pub positions: Vec<Point>,
    /// Column titles of the hierarchical layout (province names) and where they go, in layout
    /// units; empty for the other layouts.
    pub column_labels: Vec<(String, Point)>,
    /// In the Map layout, the nodes with nothing to place them by (no coordinates of their own
    /// or of an ancestor), in node order: the panel lists them beside the map rather than
    /// drawing them. Empty for the other layouts.
    pub map_unplaced: Vec<usize>,
    /// Parties the analyst dragged into place.
    pub pinned: HashSet<PartyKey>,
    /// The event the analyst selected ([`Self::selected_event`] gives its index).
    selected_event: Option<EventId>,
    /// The index of each extracted event by the key of its first source (the first of
    /// `event_keys`), kept beside it.
    extracted_index: HashMap<EventKey, usize>,
    /// The party the analyst selected in the graph or the place list.
    pub selected_party: Option<PartyKey>,
    /// The two parties of the edge the analyst selected.
    pub selected_edge: Option<(PartyKey, PartyKey)>,
    force: Option<ForceLayout>,
    /// The timeline of every event (no filter) for an events revision and lane mode: clearing
    /// the filters returns to it at once, and a filter's timeline is cut from it
    /// ([`Timeline::subset`]) rather than built afresh.
    unfiltered_timeline: Memo<(Revision, LaneMode), Arc<Timeline>>,
    /// The selection without a filter for an events revision, with the revision it was given:
    /// clearing the filters restores it (and its revision, so what was derived from it then
    /// is still good) instead of passing over every event again.
    unfiltered_selection: Memo<Revision, (Selection, Vec<usize>, Revision)>,
    /// The graph without a filter for an events revision and time window, with its revision,
    /// restored as the selection is.
    unfiltered_graph: Memo<(Revision, GraphWindow), (Graph, Revision)>,
    /// Each event's index under each document that reports it, sorted, for the events'
    /// revision: the viewer lists an article's events every frame, and a pass over 300,000
    /// events for that took half of a frame's budget.
    by_document: Memo<Revision, Vec<(DocumentId, usize)>>,
    /// What the Overview reads of each event, in flat arrays, for the events' revision.
    facts: Memo<Revision, Arc<EventFacts>>,
    /// Merges the events of newly loaded articles into `events`.
    merger: EventMerger,
    /// Lower-cased searchable text per event, for the events' revision.
    texts: Memo<Revision, Vec<String>>,
    /// What the derived values were built from, to know when to rebuild them.
    built: Memo<Inputs>,
    /// The layout and graph the positions were placed for.
    laid_out: Memo<(GraphLayout, Revision)>,
    /// Renewed whenever `graph` is replaced.
    graph_revision: Revision,
}

/// The graph's time window: first and last day, if any.
type GraphWindow = Option<(Day, Day)>;

/// Everything the derived values depend on.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    /// Which events (extracted, merged, reviewed).
    events_revision: Revision,
    filter: EventFilter,
    lane_mode: LaneMode,
    graph_window: Option<(Day, Day)>,
    group_by: GroupBy,
}

/// Narrowest a timeline item is drawn, in days, for stacking before the first zoom.
const DEFAULT_MIN_WIDTH_DAYS: f64 = 20.0;

impl Default for DeskView {
    fn default() -> Self {
        Self {
            events: Arc::new(Vec::new()),
            extracted: Arc::new(Vec::new()),
            extracted_revision: Revision::next(),
            events_revision: Revision::next(),
            merged: Memo::default(),
            added: Vec::new(),
            noted_events: Memo::default(),
            filter: EventFilter::default(),
            selection: Selection::default(),
            selection_revision: Revision::next(),
            rejected_selected: Vec::new(),
            fields: Vec::new(),
            event_keys: Vec::new(),
            reviews: Vec::new(),
            reviewed: Memo::default(),
            lane_mode: LaneMode::default(),
            timeline: Arc::default(),
            unfiltered_timeline: Memo::default(),
            unfiltered_selection: Memo::default(),
            unfiltered_graph: Memo::default(),
            by_document: Memo::default(),
            facts: Memo::default(),
            graph_window: None,
            graph: Graph::default(),
            group_by: GroupBy::default(),
            grouping: Grouping::default(),
            graph_layout: GraphLayout::default(),
            positions: Vec::new(),
            column_labels: Vec::new(),
            map_unplaced: Vec::new(),
            pinned: HashSet::new(),
            selected_event: None,
            extracted_index: HashMap::new(),
            selected_party: None,
            selected_edge: None,
            force: None,
            merger: EventMerger::default(),
            texts: Memo::default(),
            built: Memo::default(),
            laid_out: Memo::default(),
            graph_revision: Revision::next(),
        }
    }
}

impl DeskView {
    /// Applies a command about the desk; what it changes is rebuilt at the next
    /// [`Self::refresh`].
    pub fn handle(&mut self, command: DeskCommand, gazetteer: &Gazetteer) {
        match command {
            DeskCommand::SetFilter(filter) => self.filter = filter,
            DeskCommand::SelectParty(party) => {
                self.selected_edge = None;
                self.selected_party = party;
            }
            DeskCommand::SelectEdge(edge) => self.selected_edge = edge,
            DeskCommand::SetLaneMode(mode) => self.lane_mode = mode,
            DeskCommand::SetGraphLayout(layout) => self.graph_layout = layout,
            DeskCommand::SetGroupBy(group_by) => self.group_by = group_by,
            DeskCommand::SetGraphWindow(window) => self.graph_window = window,
            DeskCommand::PinNode(node, at) => self.pin(node, at),
            DeskCommand::ResetLayout => self.reset_layout(gazetteer),
        }
    }

    /// Rebuilds what changed since the last call: events when the corpus changed (`revision`
    /// is the one to catch up with) or reviews were applied, the selection, timeline and graph
    /// when the events, the filter or options changed.
    pub fn refresh(&mut self, corpus: &Corpus, revision: Revision, gazetteer: &Gazetteer) {
        self.merge(corpus, revision);
        if self.reviewed.key().map(|(_, extracted)| *extracted) != Some(self.extracted_revision) {
            // Nobody applied reviews to these events (benchmarks, tests): show them as
            // extracted, as if by a notebook without reviews.
            self.set_events(Arc::clone(&self.extracted), Vec::new());
            self.reviews = vec![None; self.extracted.len()];
            self.reviewed
                .put((Revision::next(), self.extracted_revision), ());
        }
        let inputs = Inputs {
            events_revision: self.events_revision,
            filter: self.filter.clone(),
            lane_mode: self.lane_mode,
            graph_window: self.graph_window,
            group_by: self.group_by,
        };
        let before = self.built.key().cloned();
        if !self.built.stale(inputs.clone()) {
            return;
        }
        let events_changed = before
            .as_ref()
            .is_none_or(|built| built.events_revision != self.events_revision);
        if events_changed {
            let ((fields, by_document), facts) = rayon::join(
                || (fields_of(&self.events), documents_of(&self.events)),
                || EventFacts::of(&self.events),
            );
            self.fields = fields;
            self.by_document.put(self.events_revision, by_document);
            self.facts.put(self.events_revision, Arc::new(facts));
            // An event that left (its article was removed) is no longer selected.
            if self.selected_event().is_none() {
                self.selected_event = None;
            }
        }
        let changed = |same: &dyn Fn(&Inputs) -> bool| before.as_ref().is_none_or(|b| !same(b));
        let selection_stale = events_changed || changed(&|b| b.filter == inputs.filter);
        let timeline_stale = selection_stale || changed(&|b| b.lane_mode == inputs.lane_mode);
        let graph_stale = selection_stale || changed(&|b| b.graph_window == inputs.graph_window);
        if selection_stale {
            self.refresh_selection(corpus, gazetteer);
        }
        let unfiltered = self.filter.is_empty();
        let all = self
            .unfiltered_timeline
            .get(&(self.events_revision, self.lane_mode))
            .map(Arc::clone);
        let cached_graph = self
            .unfiltered_graph
            .get(&(self.events_revision, self.graph_window))
            .filter(|_| unfiltered)
            .cloned();
        let build_graph = graph_stale && cached_graph.is_none();
        // The two rebuilds are independent: on two cores together they take the longer's time.
        let (timeline, graph) = rayon::join(
            || {
                timeline_stale.then(|| match &all {
                    Some(all) if unfiltered => Arc::clone(all),
                    Some(all) => Arc::new(Timeline::subset(
                        all,
                        &self.events,
                        &self.selection,
                        gazetteer,
                        DEFAULT_MIN_WIDTH_DAYS,
                    )),
                    None => Arc::new(Timeline::build(
                        &self.events,
                        &self.selection,
                        self.lane_mode,
                        gazetteer,
                        DEFAULT_MIN_WIDTH_DAYS,
                    )),
                })
            },
            || {
                build_graph.then(|| match self.facts.get(&self.events_revision) {
                    Some(facts) => Graph::build_from(
                        &self.events,
                        facts,
                        &self.selection.matching,
                        self.graph_window,
                        gazetteer,
                    ),
                    None => Graph::build(
                        &self.events,
                        &self.selection.matching,
                        self.graph_window,
                        gazetteer,
                    ),
                })
            },
        );
        if let Some(timeline) = timeline {
            if unfiltered {
                self.unfiltered_timeline.put(
                    (self.events_revision, self.lane_mode),
                    Arc::clone(&timeline),
                );
            }
            self.timeline = timeline;
        }
        let mut regroup = changed(&|b| b.group_by == inputs.group_by);
        let graph = graph.map(|graph| (graph, None)).or_else(|| {
            cached_graph
                .filter(|_| graph_stale)
                .map(|(g, r)| (g, Some(r)))
        });
        if let Some((graph, revision)) = graph {
            if graph != self.graph || self.positions.len() != graph.nodes.len() {
                let previous = self.keyed_positions();
                self.graph = graph;
                // A graph restored from the cache keeps the revision it was given when built.
                match revision {
                    Some(revision) => self.graph_revision = revision,
                    None => self.graph_revision.renew(),
                }
                self.force = None;
                self.place_nodes(gazetteer, &previous);
                regroup = true;
            }
            if unfiltered
                && !self
                    .unfiltered_graph
                    .is_for(&(self.events_revision, self.graph_window))
            {
                self.unfiltered_graph.put(
                    (self.events_revision, self.graph_window),
                    (self.graph.clone(), self.graph_revision),
                );
            }
        }
        if regroup {
            self.grouping = self.graph.groups(gazetteer, self.group_by);
        }
    }

    /// Lays the graph out again when the layout changed; advances a running force layout by a
    /// frame's worth of iterations. Returns whether more frames are needed.
    pub fn advance_layout(&mut self, gazetteer: &Gazetteer) -> bool {
        if !self
            .laid_out
            .is_for(&(self.graph_layout, self.graph_revision))
        {
            let previous = self.keyed_positions();
            self.place_nodes(gazetteer, &previous);
        }
        let Some(force) = &mut self.force else {
            return false;
        };
        // About a millisecond for a few hundred nodes: the graph settles over a few frames
        // without holding one up.
        let more = force.step(FORCE_ITERATIONS_PER_FRAME);
        self.positions = force.positions().to_vec();
        if !more {
            self.force = None;
        }
        more
    }

    /// Places a node where the analyst dropped it and keeps it there.
    pub fn pin(&mut self, key: PartyKey, at: Point) {
        let Some(node) = self.graph.node_index(&key) else {
            return;
        };
        if let Some(position) = self.positions.get_mut(node) {
            *position = at;
        }
        if let Some(force) = &mut self.force {
            force.pin(node, at);
        }
        self.pinned.insert(key);
    }

    /// Forgets pinned positions and lays the graph out afresh.
    pub fn reset_layout(&mut self, gazetteer: &Gazetteer) {
        self.pinned.clear();
        self.place_nodes(gazetteer, &HashMap::new());
    }

    /// The events the filter lets through. Words are matched against a lower-cased text of
    /// each event, built once per corpus: scanning every evidence sentence case-insensitively
    /// for each keystroke took longer than a frame with 30,000 events.
    fn select(&mut self, corpus: &Corpus, gazetteer: &Gazetteer) -> Selection {
        use rayon::prelude::*;
        let words = self.filter.text.trim().to_ascii_lowercase();
        let mut selection = self.filter.select_except_text(&self.events, gazetteer);
        if !words.is_empty() {
            let texts = self.event_texts(corpus);
            let mentions =
                |index: &usize| texts.get(*index).is_some_and(|text| text.contains(&words));
            selection.matching = selection
                .matching
                .par_iter()
                .copied()
                .filter(mentions)
                .collect();
            selection.undated.retain(mentions);
        }
        self.rejected_selected.clear();
        if self
            .reviews
            .iter()
            .any(|review| matches!(review, Some(Review::Rejected)))
        {
            self.rejected_selected = selection
                .matching
                .iter()
                .copied()
                .filter(|&index| self.is_rejected(index))
                .collect();
            selection.matching.retain(|&index| !self.is_rejected(index));
            selection.undated.retain(|&index| !self.is_rejected(index));
        }
        selection
    }

    /// Brings [`Self::selection`] up to date with the events and the filter: without a filter,
    /// the selection kept for these events (with its revision), else a new one.
    fn refresh_selection(&mut self, corpus: &Corpus, gazetteer: &Gazetteer) {
        let unfiltered = self.filter.is_empty();
        if unfiltered
            && let Some((selection, rejected, revision)) =
                self.unfiltered_selection.get(&self.events_revision)
        {
            self.selection = selection.clone();
            self.rejected_selected = rejected.clone();
            self.selection_revision = *revision;
            return;
        }
        self.selection = self.select(corpus, gazetteer);
        self.selection_revision.renew();
        if unfiltered {
            self.unfiltered_selection.put(
                self.events_revision,
                (
                    self.selection.clone(),
                    self.rejected_selected.clone(),
                    self.selection_revision,
                ),
            );
        }
    }

    /// What the Overview reads of each event, when kept for the current events (after a
    /// [`Self::refresh`]).
    pub fn facts(&self) -> Option<&EventFacts> {
        self.facts
            .get(&self.events_revision)
            .map(|facts| facts.as_ref())
    }

    /// The indices of the events `document` reports, in order.
    pub fn events_of_document(&self, document: DocumentId) -> Vec<usize> {
        let Some(index) = self.by_document.get(&self.events_revision) else {
            // Not indexed for these events yet (before the first refresh): look at each.
            return self
                .events
                .iter()
                .enumerate()
                .filter(|(_, event)| event.sources.iter().any(|(id, _)| *id == document))
                .map(|(index, _)| index)
                .collect();
        };
        let start = index.partition_point(|(id, _)| *id < document);
        index[start..]
            .iter()
            .take_while(|(id, _)| *id == document)
            .map(|(_, event)| *event)
            .collect()
    }

    /// Builds the word index ahead of the first word filter, so typing never waits for it;
    /// the app calls it once loading has finished.
    pub fn prepare_word_index(&mut self, corpus: &Corpus) {
        if self.built.key().is_some() {
            self.event_texts(corpus);
        }
    }

    /// Each event's searchable text in lower case (ASCII letters only, so Chinese stays as
    /// written): parties, fields, kind and the evidence of every source. Built on first use
    /// after the events changed.
    fn event_texts(&mut self, corpus: &Corpus) -> &[String] {
        let stale = self.texts.stale(self.events_revision);
        if stale || self.texts.len() != self.events.len() {
            let texts = self
                .events
                .iter()
                .map(|event| {
                    let data = &event.event;
                    let mut text = String::new();
                    for party in &data.participants {
                        text.push_str(&party.name);
                        text.push('\n');
                    }
                    for field in &data.fields {
                        text.push_str(field);
                        text.push('\n');
                    }
                    text.push_str(data.kind.label());
                    for (document, evidence) in &event.sources {
                        let Some(body) = corpus.body(*document) else {
                            continue;
                        };
                        for range in evidence {
                            text.push('\n');
                            text.push_str(body.get(range.clone()).unwrap_or(""));
                        }
                    }
                    text.make_ascii_lowercase();
                    text
                })
                .collect();
            self.texts.set(texts);
        }
        &self.texts
    }

    /// Merges the events of articles loaded since the corpus revision last merged (`revision`
    /// is the one to catch up with); starts again when one was removed. An extracted event
    /// keeps its index while articles are only added.
    pub fn merge(&mut self, corpus: &Corpus, revision: Revision) {
        if !self.merged.stale(revision) {
            return;
        }
        let documents = corpus.documents();
        // `events` may share the extracted list; let it go so merging does not copy it.
        self.events = Arc::new(Vec::new());
        self.events_revision.renew();
        if !self.merger.covers_only(documents) {
            self.merger = EventMerger::default();
            self.extracted = Arc::new(Vec::new());
            self.event_keys.clear();
            self.extracted_index.clear();
            if matches!(self.selected_event, Some(EventId::Unkeyed(_))) {
                self.selected_event = None;
            }
        }
        let extracted = Arc::make_mut(&mut self.extracted);
        for document in documents {
            self.merger.add(extracted, document);
        }
        let body_of = |document| corpus.body(document);
        let known = self.event_keys.len();
        self.event_keys.extend(
            self.extracted[known.min(self.extracted.len())..]
                .iter()
                .map(|event| EventKey::of_corpus_event(event, body_of)),
        );
        for (index, keys) in self.event_keys.iter().enumerate().skip(known) {
            if let Some(key) = keys.first() {
                self.extracted_index.entry(key.clone()).or_insert(index);
            }
        }
        self.extracted_revision.renew();
    }

    /// Applies the notebook's reviews and added events to the extracted events when either
    /// changed (by their revisions): corrections replace what was extracted, rejected events
    /// leave the selection (so every panel drops them), and events added by hand follow the
    /// extracted ones. Call after [`Self::merge`].
    pub fn apply_reviews(&mut self, notebook: &Notebook, corpus: &Corpus) {
        if !self
            .reviewed
            .stale((notebook.reviews_revision(), self.extracted_revision))
        {
            return;
        }
        self.reviews = notebook
            .reviews_for(&self.event_keys)
            .into_iter()
            .map(|correction| correction.map(|correction| correction.review.clone()))
            .collect();
        let corrected = self
            .reviews
            .iter()
            .any(|review| matches!(review, Some(Review::Corrected(_))));
        let added: Vec<(AddedEventId, CorpusEvent)> = notebook
            .added_events
            .iter()
            .filter_map(|added| {
                let document = corpus.document(added.passage.document)?;
                // Left out while its text is read back (the desk follows when it comes).
                let event = added.to_event(document.body()?);
                let sources = vec![(document.id, event.evidence.clone())];
                Some((added.id, CorpusEvent { event, sources }))
            })
            .collect();
        if !corrected && added.is_empty() {
            self.set_events(Arc::clone(&self.extracted), Vec::new());
            return;
        }
        let mut events: Vec<CorpusEvent> = self
            .extracted
            .iter()
            .zip(&self.reviews)
            .map(|(event, review)| match review {
                Some(review @ Review::Corrected(_)) => CorpusEvent {
                    event: apply_review(&event.event, review)
                        .unwrap_or_else(|| event.event.clone()),
                    sources: event.sources.clone(),
                },
                _ => event.clone(),
            })
            .collect();
        let ids = added.iter().map(|(id, _)| *id).collect();
        events.extend(added.into_iter().map(|(_, event)| event));
        self.set_events(Arc::new(events), ids);
    }

    /// Finds the events that have notes when the notes or the events changed (by their
    /// revisions). A note keyed with parties matches that event only; one without, any event
    /// of the same evidence.
    pub fn mark_noted(&mut self, notebook: &Notebook, corpus: &Corpus) {
        if !self
            .noted_events
            .stale((notebook.notes_revision(), self.events_revision))
        {
            return;
        }
        self.noted_events.clear();
        let wanted_keys = notebook.event_note_keys();
        if wanted_keys.is_empty() {
            return;
        }
        let body_of = |document| corpus.body(document);
        let added_keys: Vec<Vec<EventKey>> = self.events
            [self.event_keys.len().min(self.events.len())..]
            .iter()
            .map(|event| EventKey::of_corpus_event(event, body_of))
            .collect();
        let mut exact: HashMap<&EventKey, usize> = HashMap::new();
        let mut by_evidence: HashMap<(DocumentId, TextHash), usize> = HashMap::new();
        for (index, keys) in self.event_keys.iter().chain(&added_keys).enumerate() {
            for key in keys {
                exact.entry(key).or_insert(index);
                by_evidence
                    .entry((key.document, key.evidence))
                    .or_insert(index);
            }
        }
        for key in wanted_keys {
            let found = exact.get(key).or_else(|| {
                key.parties
                    .is_none()
                    .then(|| by_evidence.get(&(key.document, key.evidence)))
                    .flatten()
            });
            if let Some(&index) = found {
                self.noted_events.insert(index);
            }
        }
    }

    /// Replaces the reviewed events (and so everything drawn from them).
    fn set_events(&mut self, events: Arc<Vec<CorpusEvent>>, added: Vec<AddedEventId>) {
        self.events = events;
        self.added = added;
        self.events_revision.renew();
    }

    /// The event at `index` as extracted, before the analyst's corrections (`None` for an
    /// added event).
    pub fn extracted_event(&self, index: usize) -> Option<&CorpusEvent> {
        self.extracted.get(index)
    }

    /// The extracted events, before review (exports apply the notebook themselves).
    pub fn extracted_events(&self) -> &Arc<Vec<CorpusEvent>> {
        &self.extracted
    }

    /// Where [`Self::events`] stand: what is derived from them and keyed by it is stale when it
    /// moved.
    pub fn events_revision(&self) -> Revision {
        self.events_revision
    }

    /// Where [`Self::selection`] stands: renewed whenever it is rebuilt (for the events, the
    /// filter or both), so a panel that orders it knows when to order again.
    pub fn selection_revision(&self) -> Revision {
        self.selection_revision
    }

    /// Renewed whenever the relationship graph is replaced.
    pub fn graph_revision(&self) -> Revision {
        self.graph_revision
    }

    /// The identity of the event at `index` (`None` past the end).
    pub fn event_id(&self, index: usize) -> Option<EventId> {
        if let Some(id) = self.added_event(index) {
            return Some(EventId::Added(id));
        }
        let keys = self.event_keys.get(index)?;
        Some(match keys.first() {
            Some(key) => EventId::Extracted(key.clone()),
            None => EventId::Unkeyed(index),
        })
    }

    /// Where the event `id` is in [`Self::events`] now, if it is there.
    pub fn index_of(&self, id: &EventId) -> Option<usize> {
        let index = match id {
            EventId::Extracted(key) => self.extracted_index.get(key).copied(),
            EventId::Added(id) => self
                .added
                .iter()
                .position(|added| added == id)
                .map(|offset| self.event_keys.len() + offset),
            EventId::Unkeyed(index) => self
                .event_keys
                .get(*index)
                .is_some_and(Vec::is_empty)
                .then_some(*index),
        };
        index.filter(|&index| index < self.events.len())
    }

    /// The selected event's index in [`Self::events`] now (`None` when nothing is selected or
    /// the event is gone).
    pub fn selected_event(&self) -> Option<usize> {
        self.selected_event
            .as_ref()
            .and_then(|id| self.index_of(id))
    }

    /// The selected event's identity.
    pub fn selected_event_id(&self) -> Option<&EventId> {
        self.selected_event.as_ref()
    }

    /// Selects an event (or none).
    pub fn select_event(&mut self, id: Option<EventId>) {
        self.selected_event = id;
    }

    /// The added event at `index` in `events`, if it is one.
    pub fn added_event(&self, index: usize) -> Option<AddedEventId> {
        index
            .checked_sub(self.event_keys.len())
            .and_then(|offset| self.added.get(offset).copied())
    }

    /// Whether the analyst rejected this event.
    pub fn is_rejected(&self, index: usize) -> bool {
        matches!(self.reviews.get(index), Some(Some(Review::Rejected)))
    }

    /// The node of the selected party, if it is in the graph.
    pub fn selected_node(&self) -> Option<usize> {
        self.selected_party
            .as_ref()
            .and_then(|key| self.graph.node_index(key))
    }

    fn keyed_positions(&self) -> HashMap<PartyKey, Point> {
        self.graph
            .nodes
            .iter()
            .zip(&self.positions)
            .map(|(node, &position)| (node.key.clone(), position))
            .collect()
    }

    fn place_nodes(&mut self, gazetteer: &Gazetteer, previous: &HashMap<PartyKey, Point>) {
        self.force = None;
        self.column_labels.clear();
        self.map_unplaced.clear();
        self.positions = match self.graph_layout {
            GraphLayout::Force => {
                let force = ForceLayout::new(&self.graph, previous, &self.pinned);
                let start = force.positions().to_vec();
                self.force = Some(force);
                start
            }
            GraphLayout::Hierarchy => {
                let hierarchy = layout::hierarchical(&self.graph, gazetteer);
                self.column_labels = hierarchy
                    .groups
                    .iter()
                    .filter_map(|group| {
                        let points = group
                            .nodes
                            .iter()
                            .filter_map(|&n| hierarchy.positions.get(n));
                        let (x, y) =
                            points.fold((f32::MAX, f32::MAX), |(x, y), p| (x.min(p.x), y.min(p.y)));
                        (x < f32::MAX)
                            .then(|| (group.label.clone(), Point::new(x, y - layout::ROW_HEIGHT)))
                    })
                    .collect();
                hierarchy.positions
            }
            GraphLayout::Map => {
                let map = layout::geographic(&self.graph, gazetteer);
                self.map_unplaced = map
                    .placements
                    .iter()
                    .enumerate()
                    .filter(|(_, placement)| **placement == layout::MapPlacement::Unplaced)
                    .map(|(node, _)| node)
                    .collect();
                map.positions
            }
        };
        self.laid_out
            .put((self.graph_layout, self.graph_revision), ());
    }
}

/// Every field of cooperation the events name, sorted, each once.
fn fields_of(events: &[CorpusEvent]) -> Vec<String> {
    events
        .iter()
        .flat_map(|event| event.event.fields.iter())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .cloned()
        .collect()
}

/// Each event's index under each document it names as a source, sorted by document, then
/// event ([`DeskView::events_of_document`] looks a document up by binary search).
fn documents_of(events: &[CorpusEvent]) -> Vec<(DocumentId, usize)> {
    use rayon::prelude::*;
    let mut index: Vec<(DocumentId, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(event, corpus_event)| {
            corpus_event
                .sources
                .iter()
                .map(move |(document, _)| (*document, event))
        })
        .collect();
    index.par_sort_unstable();
    index.dedup();
    index
}

/// Force-layout iterations run per frame.
const FORCE_ITERATIONS_PER_FRAME: usize = 10;

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::ingest::read_document;
    use crate::model::{DocPath, Format};

    fn seed_corpus() -> Corpus {
        let mut corpus = Corpus::default();
        let source = corpus.add_source(None);
        let documents = crate::seeds::files()
            .into_iter()
            .filter_map(|(name, bytes)| {
                let path = DocPath {
                    source,
                    path: PathBuf::from(name),
                    relative: name.to_owned(),
                };
                read_document(bytes, Format::Text, path).ok()
            });
        corpus.add_documents(documents);
        corpus
    }

    #[test]
    fn the_seeds_fill_the_timeline_and_the_graph() {
        let corpus = seed_corpus();
        let gazetteer = Gazetteer::bundled();
        let mut view = DeskView::default();
        view.refresh(&corpus, corpus.revision(), gazetteer);
        assert!(!view.events.is_empty());
        assert!(!view.timeline.items.is_empty());
        assert!(
            !view.timeline.shelf.is_empty(),
            "the May 7 signing has no year"
        );
        assert!(view.graph.nodes.len() >= 4);
        assert_eq!(view.positions.len(), view.graph.nodes.len());
        while view.advance_layout(gazetteer) {}
        assert!(
            view.positions
                .iter()
                .all(|p| p.x.is_finite() && p.y.is_finite())
        );
    }

    #[test]
    fn every_event_has_an_identity_that_finds_it_again() {
        let corpus = seed_corpus();
        let mut view = DeskView::default();
        view.refresh(&corpus, corpus.revision(), Gazetteer::bundled());
        for index in 0..view.events.len() {
            let id = view.event_id(index).expect("an identity");
            assert!(matches!(id, EventId::Extracted(_)), "{id:?}");
            assert_eq!(view.index_of(&id), Some(index));
        }
        assert_eq!(view.event_id(view.events.len()), None);
        // An event whose evidence could not be keyed is still selectable, by its place.
        view.event_keys[0].clear();
        assert_eq!(view.event_id(0), Some(EventId::Unkeyed(0)));
        assert_eq!(view.index_of(&EventId::Unkeyed(0)), Some(0));
        // Not once that place holds a keyed event.
        assert_eq!(view.index_of(&EventId::Unkeyed(1)), None);
        view.select_event(view.event_id(0));
        assert_eq!(view.selected_event(), Some(0));
    }

    #[test]
    fn corrections_and_added_events_reach_every_panel() {
        use crate::notebook::{Fix, NewEvent, Passage};
        let corpus = seed_corpus();
        let gazetteer = Gazetteer::bundled();
        let mut view = DeskView::default();
        let mut notebook = Notebook::default();
        view.merge(&corpus, corpus.revision());
        view.apply_reviews(&notebook, &corpus);
        view.refresh(&corpus, corpus.revision(), gazetteer);
        let extracted = view.events.len();
        let key = view.event_keys[0][0].clone();
        notebook.set_review(
            key,
            Review::Corrected(Fix {
                date: Some("2001-02-03".to_owned()),
                fields: Some(vec!["shipbuilding".to_owned()]),
                ..Fix::default()
            }),
            0,
        );
        let document = &corpus.documents()[0];
        let sentence = crate::extract::sentences::split(document.body().unwrap())[0].clone();
        notebook.add_event(
            NewEvent {
                passage: Passage {
                    document: document.id,
                    quote: document.body().unwrap()[sentence.clone()].to_owned(),
                    start_byte: sentence.start,
                    end_byte: sentence.end,
                },
                kind: crate::model::EventKind::Visit,
                participants: vec!["Wuxi".to_owned(), "Xuzhou".to_owned()],
                date: crate::notebook::parse_edtf("1999"),
                fields: Vec::new(),
            },
            0,
        );
        view.apply_reviews(&notebook, &corpus);
        view.refresh(&corpus, corpus.revision(), gazetteer);
        assert_eq!(view.events.len(), extracted + 1);
        assert_eq!(
            view.events[0].event.date.map(|date| date.edtf()).as_deref(),
            Some("2001-02-03")
        );
        assert!(view.fields.contains(&"shipbuilding".to_owned()));
        assert!(view.added_event(extracted).is_some());
        assert!(view.selection.matching.contains(&extracted));
        assert!(view.graph.nodes.iter().any(|node| node.label == "Xuzhou"));
        // The extracted event is kept as it was, for undoing the correction.
        assert_ne!(
            view.extracted_event(0).and_then(|event| event.event.date),
            view.events[0].event.date
        );
    }

    #[test]
    fn a_filter_change_rebuilds_and_an_unchanged_frame_does_not() {
        let corpus = seed_corpus();
        let gazetteer = Gazetteer::bundled();
        let mut view = DeskView::default();
        view.refresh(&corpus, corpus.revision(), gazetteer);
        let all = view.selection.matching.len();
        view.filter.text = "no such words anywhere".to_owned();
        view.refresh(&corpus, corpus.revision(), gazetteer);
        assert_eq!(view.selection.matching.len(), 0);
        assert!(view.graph.nodes.is_empty());
        view.filter.text.clear();
        view.refresh(&corpus, corpus.revision(), gazetteer);
        assert_eq!(view.selection.matching.len(), all);
    }

    /// A desk over these events, as merged from an empty corpus: the events are put in place
    /// of the merged ones, so tests can use many made-up events.
    fn desk_of(events: &[CorpusEvent], corpus: &Corpus) -> DeskView {
        let mut view = DeskView::default();
        view.merge(corpus, corpus.revision());
        view.extracted = Arc::new(events.to_vec());
        view.extracted_revision.renew();
        view
    }

    #[test]
    fn a_filtered_or_cleared_desk_equals_a_desk_built_afresh() {
        use crate::desk::filter::tests::{many_events, some_filters};
        let events = many_events(3_000);
        let corpus = Corpus::default();
        let gazetteer = Gazetteer::bundled();
        let mut view = desk_of(&events, &corpus);
        view.refresh(&corpus, corpus.revision(), gazetteer);
        let unfiltered = (
            view.selection.clone(),
            Arc::clone(&view.timeline),
            view.graph.clone(),
            view.selection_revision(),
            view.graph_revision(),
        );
        let mut filters = some_filters();
        filters.push(EventFilter {
            text: "Hefei".to_owned(),
            ..EventFilter::default()
        });
        for filter in filters {
            view.handle(DeskCommand::SetFilter(filter.clone()), gazetteer);
            view.refresh(&corpus, corpus.revision(), gazetteer);
            let mut fresh = desk_of(&events, &corpus);
            fresh.filter = filter.clone();
            fresh.refresh(&corpus, corpus.revision(), gazetteer);
            assert_eq!(view.selection, fresh.selection, "{filter:?}");
            assert_eq!(*view.timeline, *fresh.timeline, "{filter:?}");
            assert_eq!(view.graph, fresh.graph, "{filter:?}");
            view.handle(DeskCommand::SetFilter(EventFilter::default()), gazetteer);
            view.refresh(&corpus, corpus.revision(), gazetteer);
            assert_eq!(view.selection, unfiltered.0);
            assert_eq!(view.timeline, unfiltered.1);
            assert_eq!(view.graph, unfiltered.2);
            // Restored with their revisions, so what panels derived from them still holds.
            assert_eq!(view.selection_revision(), unfiltered.3);
            if filter.is_empty() {
                continue;
            }
            assert_eq!(view.graph_revision(), unfiltered.4, "{filter:?}");
        }
    }

    #[test]
    fn an_articles_events_are_found_by_the_index_as_by_looking_at_each() {
        use crate::desk::filter::tests::many_events;
        let events = many_events(500);
        let corpus = Corpus::default();
        let mut view = desk_of(&events, &corpus);
        let looked_at = |view: &DeskView, document: DocumentId| -> Vec<usize> {
            view.events
                .iter()
                .enumerate()
                .filter(|(_, event)| event.sources.iter().any(|(id, _)| *id == document))
                .map(|(index, _)| index)
                .collect()
        };
        view.refresh(&corpus, corpus.revision(), Gazetteer::bundled());
        assert!(view.by_document.is_for(&view.events_revision));
        for document in (0..200).map(DocumentId) {
            assert_eq!(
                view.events_of_document(document),
                looked_at(&view, document)
            );
        }
        assert_eq!(view.events_of_document(DocumentId(1)), vec![3, 4, 5]);
    }
}
