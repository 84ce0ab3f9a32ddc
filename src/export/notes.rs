//! Notes as a Markdown report, CSV (one row per note) and JSON.
//!
//! Each note is first resolved against what is loaded ([`NoteRow`]): its article's title, its
//! quoted passage, its place's name, its event's description. A note whose article, event or
//! place cannot be found is still exported, marked detached with the reason: notes are the
//! user's work and an export never drops one silently.
//!
//! The Markdown reports cite each article and quoted passage as `[@key]`, by the keys of the
//! CSL-JSON and RIS references ([`super::cite`]), and end with a "References" heading, so
//! `pandoc --citeproc --bibliography refs.json notes.md` puts the bibliography under it.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde::Serialize;

use super::cite::CitationKeys;
use super::reviewed::{ReviewedEvent, reviewed_events};
use super::text::{csv_record, iso_utc};
use super::{Input, Summary};
use crate::desk::party::PartyKey;
use crate::model::{DocumentId, Event};
use crate::notebook::{EventKey, Note, PlaceRef, Target, anchor, attach};

/// A note with what it points at resolved, as every notes format writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct NoteRow<'a> {
    /// The note's id in the notebook.
    id: u64,
    /// `article`, `passage`, `event` or `place`.
    target: &'static str,
    /// Why the target was not found; `None` when attached.
    detached: Option<&'static str>,
    /// The article's content id (32 hex digits), for article, passage and event notes.
    document_id: Option<String>,
    /// The article's title, when it is loaded.
    article_title: Option<String>,
    /// Where the article was published, when it is loaded and its file says.
    article_url: Option<String>,
    /// The key the article's reference has in the CSL-JSON and RIS exports, when it is loaded.
    citation_key: Option<String>,
    /// The quoted passage, for passage notes.
    quote: Option<&'a str>,
    /// The place's name, for place notes.
    place: Option<String>,
    /// The event ("2020-03-12 agreement: Nanjing City, Xuzhou City"), for event notes.
    event: Option<String>,
    /// The note.
    text: &'a str,
    /// Its tags.
    tags: &'a [String],
    /// When it was written, ISO 8601 UTC.
    created: String,
    /// When it was last edited, ISO 8601 UTC.
    modified: String,
    /// Position of the article in the corpus (for grouping), not written.
    #[serde(skip)]
    article_order: Option<usize>,
}

/// Every note of the notebook, resolved, in the notebook's order.
fn rows<'a>(input: &Input<'a>) -> Vec<NoteRow<'a>> {
    let events = events_for_notes(input);
    // Each article's place in the corpus, found once: a lookup per note, not a scan.
    let order: HashMap<DocumentId, usize> = input
        .corpus
        .documents()
        .iter()
        .enumerate()
        .map(|(index, document)| (document.id, index))
        .collect();
    let keys = CitationKeys::of(input.corpus);
    input
        .notebook
        .notes
        .iter()
        .zip(note_events(input, &events))
        .map(|(note, event)| {
            row(
                input,
                &order,
                &keys,
                note,
                event.map(|event| describe(&event.event)),
            )
        })
        .collect()
}

/// The event each note is about (`None` for notes not on an event, and for one whose event
/// is not among `events`). Distinct keys are attached once, so several notes on one event
/// all find it.
fn note_events<'e>(
    input: &Input<'_>,
    events: &'e [(Vec<EventKey>, ReviewedEvent)],
) -> Vec<Option<&'e ReviewedEvent>> {
    let mut distinct: Vec<&EventKey> = input.notebook.event_note_keys();
    distinct.sort();
    distinct.dedup();
    let keys: Vec<Vec<EventKey>> = events.iter().map(|(keys, _)| keys.clone()).collect();
    let found: HashMap<&EventKey, usize> = distinct
        .iter()
        .zip(attach(&distinct, &keys))
        .filter_map(|(key, index)| Some((*key, index?)))
        .collect();
    input
        .notebook
        .notes
        .iter()
        .map(|note| match &note.target {
            Target::Event { key } => found
                .get(key)
                .and_then(|&index| events.get(index))
                .map(|(_, event)| event),
            _ => None,
        })
        .collect()
}

/// The events notes can point at: those given, with reviews applied (rejected ones kept, so
/// a note on a rejected event still says what it was about), each with its keys.
fn events_for_notes(input: &Input<'_>) -> Vec<(Vec<EventKey>, ReviewedEvent)> {
    let reviewed = reviewed_events(input.corpus, input.events, input.notebook, true);
    input
        .events
        .iter()
        .zip(reviewed.events)
        .map(|(event, reviewed)| {
            let keys = EventKey::of_corpus_event(event, |document| input.corpus.body(document));
            (keys, reviewed)
        })
        .collect()
}

fn row<'a>(
    input: &Input<'a>,
    order: &HashMap<DocumentId, usize>,
    keys: &CitationKeys,
    note: &'a Note,
    event: Option<String>,
) -> NoteRow<'a> {
    let document = note.target.document();
    let article_order = document.and_then(|id| order.get(&id).copied());
    let article = article_order.and_then(|order| input.corpus.documents().get(order));
    let article_title = article.map(|article| article.meta.title.clone());
    let article_url = article.and_then(|article| article.meta.url.clone());
    let citation_key = article.and_then(|article| keys.get(article.id).map(str::to_owned));
    let (target, quote, place) = match &note.target {
        Target::Article { .. } => ("article", None, None),
        Target::Passage(passage) => ("passage", Some(passage.quote.as_str()), None),
        Target::Event { .. } => ("event", None, None),
        Target::Place { place } => ("place", None, place_name(input, place)),
    };
    let detached = match &note.target {
        Target::Article { .. } | Target::Passage(_) if article_order.is_none() => {
            Some("its article is not among those exported")
        }
        Target::Event { .. } if event.is_none() => {
            Some("its event is not among those exported (or was extracted differently)")
        }
        Target::Place { .. } if place.is_none() => Some("its place is not in the gazetteer"),
        _ => None,
    };
    NoteRow {
        id: note.id.0,
        target,
        detached,
        document_id: document.map(|id: DocumentId| id.to_string()),
        article_title,
        article_url,
        citation_key,
        quote,
        place,
        event,
        text: &note.text,
        tags: &note.tags,
        created: iso_utc(note.created_unix_s),
        modified: iso_utc(note.modified_unix_s),
        article_order,
    }
}

/// A place's name: the gazetteer's full name for a code it knows, the name for an unlinked one.
fn place_name(input: &Input<'_>, place: &PlaceRef) -> Option<String> {
    match place {
        PlaceRef::Code(_) => place
            .party(input.gazetteer)
            .map(|party: PartyKey| party.label(input.gazetteer, "")),
        PlaceRef::Name(name) => Some(name.clone()),
    }
}

/// An event in one line: date, kind and parties.
fn describe(event: &Event) -> String {
    let date = event
        .date
        .map_or_else(|| "date unknown".to_owned(), |date| date.edtf());
    let parties: Vec<&str> = event
        .participants
        .iter()
        .map(|party| party.name.as_str())
        .collect();
    format!("{date} {}: {}", event.kind.label(), parties.join(", "))
}

fn summary(rows: &[NoteRow<'_>]) -> Summary {
    let mut summary = Summary::default();
    summary.contains(rows.len(), "notes");
    let detached = rows.iter().filter(|row| row.detached.is_some()).count();
    if detached > 0 {
        summary.contains(
            detached,
            "of them detached (target not found, listed as such)",
        );
    }
    summary
}

/// Notes as a Markdown report: by article (title, page date, source, then each note with its
/// quoted passage as a blockquote, its text and tags), then notes on events, then on places,
/// then detached notes under their own heading.
pub fn notes_md(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let rows = rows(input);
    let mut text = String::from("# Notes\n");
    let mut by_article: BTreeMap<usize, Vec<&NoteRow<'_>>> = BTreeMap::new();
    let mut on_events = Vec::new();
    let mut on_places = Vec::new();
    let mut detached = Vec::new();
    for row in &rows {
        match (row.detached, row.target, row.article_order) {
            (None, "event", _) => on_events.push(row),
            (None, "place", _) => on_places.push(row),
            (None, _, Some(order)) => by_article.entry(order).or_default().push(row),
            (Some(_), _, _) | (None, _, None) => detached.push(row),
        }
    }
    if !by_article.is_empty() {
        text.push_str("\n## Articles\n");
    }
    for (order, notes) in &by_article {
        let Some(document) = input.corpus.documents().get(*order) else {
            continue;
        };
        text.push_str(&format!(
            "\n### {}\n\n",
            no_stray_citations(&one_line(&document.meta.title))
        ));
        let mut facts = Vec::new();
        if let Some(date) = document.meta.published {
            facts.push(date.edtf());
        }
        if let Some(source) = &document.meta.source {
            facts.push(no_stray_citations(&one_line(source)));
        }
        if let Some(url) = &document.meta.url {
            facts.push(link(url));
        }
        // Only a day the file states: the file's own time is no saving date (see `cite`).
        if let Some(captured) = document
            .meta
            .captured
            .filter(|captured| !captured.from_file_time)
        {
            facts.push(format!("saved {}", captured.date.edtf()));
        }
        if let Some(path) = document.primary_path() {
            facts.push(format!("`{}`", path.relative.replace('`', "'")));
        }
        if let Some(key) = notes.first().and_then(|row| row.citation_key.as_deref()) {
            facts.push(format!("[@{key}]"));
        }
        if !facts.is_empty() {
            text.push_str(&format!("*{}*\n", facts.join(" · ")));
        }
        for row in notes {
            note_md(&mut text, row);
        }
    }
    for (heading, rows, label) in [
        (
            "Events",
            &on_events,
            event_label as fn(&NoteRow<'_>) -> String,
        ),
        ("Places", &on_places, place_label),
    ] {
        if rows.is_empty() {
            continue;
        }
        text.push_str(&format!("\n## {heading}\n"));
        // Groups in order of first appearance, found through an index (200,000 notes on as
        // many places stay linear).
        let mut groups: Vec<(String, Vec<&NoteRow<'_>>)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for row in rows {
            let name = label(row);
            match index.get(&name) {
                Some(&at) => groups[at].1.push(row),
                None => {
                    index.insert(name.clone(), groups.len());
                    groups.push((name, vec![row]));
                }
            }
        }
        for (name, notes) in groups {
            text.push_str(&format!("\n### {}\n", one_line(&name)));
            for row in notes {
                note_md(&mut text, row);
            }
        }
    }
    if !detached.is_empty() {
        text.push_str("\n## Detached notes\n");
        for row in detached {
            let what = row
                .article_title
                .clone()
                .or_else(|| row.place.clone())
                // "On article 3f2a…", not "On article article 3f2a…"; a passage or event of
                // a gone article: "On passage in article 3f2a…".
                .or_else(|| {
                    row.document_id.as_ref().map(|id| {
                        if row.target == "article" {
                            id.clone()
                        } else {
                            format!("in article {id}")
                        }
                    })
                })
                .unwrap_or_default();
            text.push_str(&format!(
                "\n*On {} {} — {}.*\n",
                row.target,
                one_line(&what),
                row.detached.unwrap_or_default()
            ));
            note_md(&mut text, row);
        }
    }
    end_with_references(&mut text);
    out.write_all(text.as_bytes())?;
    Ok(summary(&rows))
}

/// Ends a report that cites an article with the heading pandoc's `--citeproc` puts the
/// bibliography under (it appends the bibliography to the document's end).
fn end_with_references(text: &mut String) {
    // Every `@` the report copies from a title or a note is escaped, so `[@` is a citation.
    if text.contains("[@") {
        text.push_str("\n## References\n");
    }
}

/// An address as a Markdown autolink; in a code span when it holds what would end the link.
fn link(url: &str) -> String {
    let url = one_line(url);
    if url.contains(['<', '>', ' ']) {
        format!("`{}`", url.replace('`', "%60"))
    } else {
        format!("<{url}>")
    }
}

/// `text` with each `@` that starts a word escaped (`\@`): pandoc reads `@word` as a citation
/// of `word` and warns that no reference has that key; every Markdown reader shows `\@` as `@`.
fn no_stray_citations(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if c == '@' && !previous.is_some_and(|before| before.is_alphanumeric() || before == '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
        previous = Some(c);
    }
    escaped
}

/// Notes as a Markdown report by place: for each place (alphabetically), the notes on it, on
/// events it took part in, and on passages that name it; then notes about no one place (on
/// whole articles, or passages naming none), then detached notes. A note about several places
/// appears under each.
pub fn notes_md_by_place(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let rows = rows(input);
    let places = note_places(input);
    let mut by_place: BTreeMap<String, Vec<&NoteRow<'_>>> = BTreeMap::new();
    let mut elsewhere = Vec::new();
    let mut detached = Vec::new();
    for (row, places) in rows.iter().zip(&places) {
        if row.detached.is_some() {
            detached.push(row);
        } else if places.is_empty() {
            elsewhere.push(row);
        } else {
            for place in places {
                by_place.entry(place.clone()).or_default().push(row);
            }
        }
    }
    let mut text = String::from("# Notes by place\n");
    for (place, notes) in &by_place {
        text.push_str(&format!("\n## {}\n", one_line(place)));
        for row in notes {
            text.push_str(&format!("\n*{}*\n", about_cited(row)));
            note_md(&mut text, row);
        }
    }
    for (heading, notes) in [
        ("Notes about no one place", &elsewhere),
        ("Detached notes", &detached),
    ] {
        if notes.is_empty() {
            continue;
        }
        text.push_str(&format!("\n## {heading}\n"));
        for row in notes {
            let mut what = about_cited(row);
            if let Some(why) = row.detached {
                what.push_str(&format!(" — {why}"));
            }
            text.push_str(&format!("\n*{what}*\n"));
            note_md(&mut text, row);
        }
    }
    end_with_references(&mut text);
    out.write_all(text.as_bytes())?;
    Ok(summary(&rows))
}

/// [`about`] on one line, `@` escaped, citing the article of an attached article note (a
/// passage note cites it under its quote).
fn about_cited(row: &NoteRow<'_>) -> String {
    let mut line = no_stray_citations(&one_line(&about(row)));
    if let Some(key) = row.citation_key.as_deref()
        && row.target == "article"
        && row.detached.is_none()
    {
        line.push_str(&format!(" [@{key}]"));
    }
    line
}

/// What a note is about, in a line: "Place", "Event …", "Passage of “title”", "Article “title”".
fn about(row: &NoteRow<'_>) -> String {
    let title = row
        .article_title
        .as_deref()
        .unwrap_or("an article not loaded");
    match row.target {
        "place" => format!("On the place {}", row.place.as_deref().unwrap_or("?")),
        "event" => format!("On the event {}", event_label(row)),
        "passage" => format!("On a passage of “{title}”"),
        _ => format!("On the article “{title}”"),
    }
}

/// The places each note of the notebook is about, by name: a place note's place, an event
/// note's parties, the places a passage names. Article notes are about no one place.
fn note_places(input: &Input<'_>) -> Vec<Vec<String>> {
    let gazetteer = input.gazetteer;
    let events = events_for_notes(input);
    input
        .notebook
        .notes
        .iter()
        .zip(note_events(input, &events))
        .map(|(note, event)| {
            let mut names: Vec<String> = match &note.target {
                Target::Article { .. } => Vec::new(),
                Target::Place { place } => place_name(input, place).into_iter().collect(),
                Target::Event { .. } => event
                    .map(|event| {
                        event
                            .event
                            .participants
                            .iter()
                            .map(|party| PartyKey::of(party).label(gazetteer, &party.name))
                            .collect()
                    })
                    .unwrap_or_default(),
                Target::Passage(passage) => input
                    .corpus
                    .document(passage.document)
                    .and_then(|document| {
                        let range = anchor(document.body()?, passage).range()?;
                        Some(
                            document
                                .extraction
                                .places
                                .iter()
                                .filter(|place| {
                                    range.start <= place.range.start && place.range.end <= range.end
                                })
                                .map(|place| {
                                    let key = match place.entry {
                                        Some(entry) => PartyKey::Entry(entry),
                                        None => PartyKey::name(&place.name),
                                    };
                                    key.label(gazetteer, &place.name)
                                })
                                .collect(),
                        )
                    })
                    .unwrap_or_default(),
            };
            names.sort();
            names.dedup();
            names
        })
        .collect()
}

fn event_label(row: &NoteRow<'_>) -> String {
    let event = row.event.clone().unwrap_or_default();
    match &row.article_title {
        Some(title) => format!("{event} (in “{title}”)"),
        None => event,
    }
}

fn place_label(row: &NoteRow<'_>) -> String {
    row.place.clone().unwrap_or_default()
}

/// One note: its passage as a blockquote citing its article, its text, its tags, its dates.
fn note_md(text: &mut String, row: &NoteRow<'_>) {
    text.push('\n');
    if let Some(quote) = row.quote {
        for line in quote.lines() {
            text.push_str(&format!("> {}\n", no_stray_citations(line)));
        }
        if let Some(key) = row
            .citation_key
            .as_deref()
            .filter(|_| row.detached.is_none())
        {
            text.push_str(&format!(">\n> [@{key}]\n"));
        }
        text.push('\n');
    }
    text.push_str(&no_stray_citations(row.text.trim_end()));
    text.push('\n');
    if !row.tags.is_empty() {
        let tags: Vec<String> = row
            .tags
            .iter()
            .map(|tag| format!("`{}`", tag.replace('`', "'")))
            .collect();
        text.push_str(&format!("\nTags: {}\n", tags.join(", ")));
    }
    text.push_str(&format!(
        "\n<sub>Note {} · written {} · edited {}</sub>\n",
        row.id, row.created, row.modified
    ));
}

/// `text` on one line (headings cannot span lines).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The CSV header of [`notes_csv`].
pub const NOTES_CSV_HEADER: [&str; 14] = [
    "note_id",
    "target",
    "article_title",
    "document_id",
    "quote",
    "place",
    "event",
    "text",
    "tags",
    "created",
    "modified",
    "detached",
    "article_url",
    "citation_key",
];

/// Notes as CSV (RFC 4180, UTF-8, CRLF): one row per note with the columns of
/// [`NOTES_CSV_HEADER`]; tags joined with `"; "`, times ISO 8601 UTC, `detached` empty or
/// the reason. The last two columns (added later, so earlier columns keep their places) are
/// the article's address and its reference's key.
pub fn notes_csv(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let rows = rows(input);
    csv_record(out, &NOTES_CSV_HEADER)?;
    for row in &rows {
        csv_record(
            out,
            &[
                row.id.to_string(),
                row.target.to_owned(),
                row.article_title.clone().unwrap_or_default(),
                row.document_id.clone().unwrap_or_default(),
                row.quote.unwrap_or_default().to_owned(),
                row.place.clone().unwrap_or_default(),
                row.event.clone().unwrap_or_default(),
                row.text.to_owned(),
                row.tags.join("; "),
                row.created.clone(),
                row.modified.clone(),
                row.detached.unwrap_or_default().to_owned(),
                row.article_url.clone().unwrap_or_default(),
                row.citation_key.clone().unwrap_or_default(),
            ],
        )?;
    }
    Ok(summary(&rows))
}

/// The JSON of [`notes_json`].
#[derive(Serialize)]
struct NotesJson<'a> {
    /// Always `"accord-notes"`.
    format: &'static str,
    /// This shape's version, 1.
    version: u32,
    notes: Vec<NoteRow<'a>>,
}

/// Notes as JSON: `{"format": "accord-notes", "version": 1, "notes": [...]}`, each note with
/// `id`, `target` (`article`/`passage`/`event`/`place`), `detached` (null or the reason),
/// `document_id`, `article_title`, `article_url`, `citation_key` (the key of its reference in
/// the CSL-JSON and RIS exports), `quote`, `place`, `event` (null when not applicable),
/// `text`, `tags` (array), `created` and `modified` (ISO 8601 UTC).
pub fn notes_json(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let rows = rows(input);
    let summary = summary(&rows);
    let json = NotesJson {
        format: "accord-notes",
        version: 1,
        notes: rows,
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    #[test]
    fn markdown_groups_notes_by_article_then_events_places_and_detached() {
        let fixture = Fixture::new();
        let (text, summary) = fixture.output(notes_md);
        let order = [
            "## Articles",
            "### Nanjing & Xuzhou sign \"deal\"",
            "*2020-03-13 · Jiangsu Daily · \
             <https://example.com/jiangsu/2020-03-13/deal.html?id=1&lang=en> · \
             saved 2024-05-02 · `first, article.txt` · [@jiangsu2020-",
            "Key article, see <below>",
            "Tags: `trade`, `jiangsu`",
            "> Chengdu & Huawei <R&D> met\n>\n> [@jiangsu2020-",
            "Odd pairing,\nworth a call",
            "## Events",
            "### 2020-03-15 agreement: Nanjing City, Xuzhou City",
            "Date is the 15th",
            "## Places",
            "### Nanjing City",
            "Hub of the metropolitan circle",
            "## Detached notes",
            "its article is not among those exported",
            "About an article no longer loaded",
            "\n## References\n",
        ];
        let mut from = 0;
        for part in order {
            let Some(at) = text[from..].find(part) else {
                panic!("{part:?} missing or out of order in:\n{text}");
            };
            from += at + part.len();
        }
        assert!(text.ends_with("\n## References\n"), "{text}");
        // The detached article note says "On article <id>", once.
        assert!(text.contains("*On article "), "{text}");
        assert!(!text.contains("On article article"), "{text}");
        assert_eq!(
            summary.contains,
            [
                "5 notes",
                "1 of them detached (target not found, listed as such)"
            ]
        );
    }

    #[test]
    fn markdown_cites_with_the_keys_of_the_references() {
        let fixture = Fixture::new();
        let (text, _) = fixture.output(notes_md);
        let (references, _) = fixture.output(crate::export::csl_json);
        let references: serde_json::Value = serde_json::from_str(&references).unwrap();
        let first_key = references
            .as_array()
            .unwrap()
            .iter()
            .find(|item| item["URL"] == crate::export::fixture::FIRST_URL)
            .and_then(|item| item["id"].as_str())
            .unwrap()
            .to_owned();
        // The article's heading and its quoted passage; nothing else is cited.
        assert_eq!(
            text.matches(&format!("[@{first_key}]")).count(),
            2,
            "{text}"
        );
        assert_eq!(text.matches("[@").count(), 2, "{text}");
        let (by_place, _) = fixture.output(notes_md_by_place);
        assert!(
            by_place.contains(&format!("> [@{first_key}]\n")),
            "{by_place}"
        );
        assert!(by_place.ends_with("\n## References\n"), "{by_place}");
    }

    #[test]
    fn an_at_sign_starting_a_word_is_no_citation() {
        assert_eq!(
            no_stray_citations("ask @zhang, mail li@example.com, \\@ok"),
            "ask \\@zhang, mail li@example.com, \\@ok"
        );
        let mut fixture = Fixture::new();
        fixture.notebook.notes[0].text = "@Xinhua says so".to_owned();
        let (text, _) = fixture.output(notes_md);
        assert!(text.contains("\\@Xinhua says so"), "{text}");
    }

    #[test]
    fn csv_has_one_row_per_note_with_quoting() {
        let fixture = Fixture::new();
        let (text, summary) = fixture.output(notes_csv);
        assert!(text.starts_with("note_id,target,article_title,document_id,quote,"));
        assert!(text.contains("\"Nanjing & Xuzhou sign \"\"deal\"\"\""));
        assert!(text.contains("\"Odd pairing,\nworth a call\",check,2024-05-01T08:30:01Z"));
        assert!(text.contains("trade; jiangsu"));
        // Header plus five notes; one note has a newline inside quotes.
        assert_eq!(text.matches("\r\n").count(), 6);
        assert_eq!(summary.contains[0], "5 notes");
    }

    #[test]
    fn several_notes_on_one_event_all_find_it() {
        let mut fixture = Fixture::new();
        let second = fixture.notebook.notes[2].clone();
        fixture
            .notebook
            .add_note(second.target, "a second thought", &[], 0);
        let (text, _) = fixture.output(notes_json);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let notes = json["notes"].as_array().unwrap();
        let last = notes.last().unwrap();
        assert_eq!(last["text"], "a second thought");
        assert!(last["detached"].is_null(), "{last}");
        assert_eq!(last["event"], notes[2]["event"]);
    }

    #[test]
    fn json_parses_and_keeps_every_note() {
        let fixture = Fixture::new();
        let (text, _) = fixture.output(notes_json);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["format"], "accord-notes");
        let notes = json["notes"].as_array().unwrap();
        assert_eq!(notes.len(), 5);
        assert_eq!(notes[0]["target"], "article");
        assert_eq!(notes[0]["tags"][1], "jiangsu");
        assert_eq!(notes[0]["created"], "2024-05-01T08:30:00Z");
        assert_eq!(notes[1]["quote"], "Chengdu & Huawei <R&D> met");
        assert_eq!(
            notes[2]["event"],
            "2020-03-15 agreement: Nanjing City, Xuzhou City"
        );
        assert_eq!(notes[3]["place"], "Nanjing City");
        assert_eq!(
            notes[0]["article_url"],
            "https://example.com/jiangsu/2020-03-13/deal.html?id=1&lang=en"
        );
        assert!(
            notes[1]["citation_key"]
                .as_str()
                .is_some_and(|key| key.starts_with("jiangsu2020-"))
        );
        assert!(notes[3]["article_url"].is_null());
        assert!(notes[4]["detached"].is_string());
        assert!(notes[0]["detached"].is_null());
    }
}
