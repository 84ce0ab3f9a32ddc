//! A small hand-built corpus and notebook for the export tests: two articles, three extracted
//! events (one corrected, one rejected, one undated), one added event, and notes of every kind
//! including a detached one. Text with `&`, `<`, quotes, commas and newlines on purpose. Both
//! articles have an address; the first says when it was saved, the second only has its file's
//! time, and gives its page date without a day.

use std::ops::Range;
use std::path::PathBuf;

use crate::extract::{CorpusEvent, Gazetteer, Level, corpus_events};
use crate::model::{
    Captured, Corpus, DateResolution, DocPath, Document, DocumentId, DocumentMeta, Event,
    EventKind, Extraction, Format, PartialDate, Participant, SourceId,
};
use crate::notebook::{
    AddedEvent, AddedEventId, EventKey, Fix, Notebook, Passage, PlaceRef, Review, Target,
};

use super::Input;

pub(crate) const FIRST_BODY: &str = "Nanjing and Xuzhou signed an agreement on 12 March 2020. \
Chengdu & Huawei <R&D> met in June 2021, saying \"go\". Nanjing officials visited Hefei.";
/// Where the first article was published (with `&` on purpose).
pub(crate) const FIRST_URL: &str = "https://example.com/jiangsu/2020-03-13/deal.html?id=1&lang=en";
/// Where the second was.
pub(crate) const SECOND_URL: &str = "https://example.com/hefei-wuhan";
pub(crate) const SECOND_BODY: &str = "Hefei and Wuhan formed an alliance on 5 January 2022.";

pub(crate) struct Fixture {
    pub(crate) corpus: Corpus,
    pub(crate) events: Vec<CorpusEvent>,
    pub(crate) notebook: Notebook,
}

fn linked(base: &str, level: Level) -> Participant {
    let entry = Gazetteer::bundled()
        .entries()
        .iter()
        .find(|entry| entry.base == base && entry.level == level)
        .unwrap();
    Participant {
        name: entry.full_name(),
        entry: Some(entry.id),
    }
}

fn unlinked(name: &str) -> Participant {
    Participant {
        name: name.to_owned(),
        entry: None,
    }
}

fn sentence(body: &str, start: &str) -> Range<usize> {
    let from = body.find(start).unwrap();
    let to = body[from..]
        .find('.')
        .map_or(body.len(), |end| from + end + 1);
    from..to
}

fn event(
    kind: EventKind,
    participants: Vec<Participant>,
    date: Option<PartialDate>,
    evidence: Range<usize>,
) -> Event {
    Event {
        kind,
        participants,
        date,
        date_resolution: date.map(|_| DateResolution::Stated),
        fields: vec!["trade, \"logistics\"".to_owned()],
        evidence: vec![evidence],
        confidence: 0.75,
        sources: crate::model::EventSources::default(),
    }
}

fn document(body: &str, title: &str, file: &str, events: Vec<Event>) -> Document {
    Document {
        id: DocumentId::of_text(body),
        format: Format::Text,
        paths: vec![DocPath {
            source: SourceId(0),
            path: PathBuf::from(format!("/news/{file}")),
            relative: file.to_owned(),
        }],
        encoding: "UTF-8",
        read_warnings: Vec::new(),
        meta: DocumentMeta {
            title: title.to_owned(),
            published: PartialDate::ymd(2020, 3, 13),
            source: Some("Jiangsu Daily".to_owned()),
            byline: None,
            url: None,
            captured: None,
        },
        text: crate::model::Text::held(body.to_owned(), body.to_owned()),
        segments: Vec::new(),
        parts: Vec::new(),
        extraction: Extraction {
            events,
            ..Extraction::default()
        },
    }
}

impl Fixture {
    pub(crate) fn new() -> Self {
        let agreement = event(
            EventKind::Agreement,
            vec![
                linked("Nanjing", Level::Prefecture),
                linked("Xuzhou", Level::Prefecture),
            ],
            PartialDate::ymd(2020, 3, 12),
            sentence(FIRST_BODY, "Nanjing and"),
        );
        let meeting = event(
            EventKind::Meeting,
            vec![
                linked("Chengdu", Level::Prefecture),
                unlinked("Huawei <R&D>"),
            ],
            PartialDate::year_month(2021, 6),
            sentence(FIRST_BODY, "Chengdu"),
        );
        let visit = event(
            EventKind::Visit,
            vec![
                linked("Nanjing", Level::Prefecture),
                linked("Hefei", Level::Prefecture),
            ],
            None,
            sentence(FIRST_BODY, "Nanjing officials"),
        );
        let mut first = document(
            FIRST_BODY,
            "Nanjing & Xuzhou sign \"deal\"",
            "first, article.txt",
            vec![agreement.clone(), meeting.clone(), visit],
        );
        first.meta.url = Some(FIRST_URL.to_owned());
        first.meta.captured = PartialDate::ymd(2024, 5, 2).map(|date| Captured {
            date,
            from_file_time: false,
        });
        let mut second = document(
            SECOND_BODY,
            "Hefei–Wuhan alliance",
            "second.txt",
            Vec::new(),
        );
        second.meta.url = Some(SECOND_URL.to_owned());
        second.meta.published = PartialDate::year_month(2022, 1);
        second.meta.captured = PartialDate::ymd(2024, 6, 1).map(|date| Captured {
            date,
            from_file_time: true,
        });
        let (first_id, second_id) = (first.id, second.id);
        let mut corpus = Corpus::default();
        corpus.add_source(None);
        corpus.add_documents([first, second]);
        let events = corpus_events(corpus.documents());

        let mut notebook = Notebook::default();
        let key = |event: &Event| EventKey::of_event(first_id, FIRST_BODY, event).unwrap();
        notebook.set_review(
            key(&agreement),
            Review::Corrected(Fix {
                date: Some("2020-03-15".to_owned()),
                ..Fix::default()
            }),
            10,
        );
        notebook.set_review(key(&meeting), Review::Rejected, 11);
        notebook.added_events.push(AddedEvent {
            id: AddedEventId(1),
            passage: passage(second_id, SECOND_BODY, "Hefei and Wuhan formed an alliance"),
            kind: "alliance".to_owned(),
            participants: vec!["Hefei".to_owned(), "Wuhan".to_owned()],
            date: Some("2022-01-05".to_owned()),
            fields: Vec::new(),
            created_unix_s: 12,
        });
        let tags =
            |tags: &[&str]| -> Vec<String> { tags.iter().map(|&tag| tag.to_owned()).collect() };
        notebook.add_note(
            Target::Article { document: first_id },
            "Key article, see <below> & \"above\"",
            &tags(&["trade", "jiangsu"]),
            1_714_552_200,
        );
        notebook.add_note(
            Target::Passage(passage(first_id, FIRST_BODY, "Chengdu & Huawei <R&D> met")),
            "Odd pairing,\nworth a call",
            &tags(&["check"]),
            1_714_552_201,
        );
        notebook.add_note(
            Target::Event {
                key: key(&agreement),
            },
            "Date is the 15th, not the 12th",
            &[],
            1_714_552_202,
        );
        let nanjing_code = Gazetteer::bundled()
            .entry(linked("Nanjing", Level::Prefecture).entry.unwrap())
            .unwrap()
            .code
            .clone();
        notebook.add_note(
            Target::Place {
                place: PlaceRef::Code(nanjing_code),
            },
            "Hub of the metropolitan circle",
            &[],
            1_714_552_203,
        );
        notebook.add_note(
            Target::Article {
                document: DocumentId(999),
            },
            "About an article no longer loaded",
            &[],
            1_714_552_204,
        );
        Self {
            corpus,
            events,
            notebook,
        }
    }

    pub(crate) fn input(&self) -> Input<'_> {
        Input {
            corpus: &self.corpus,
            events: &self.events,
            notebook: &self.notebook,
            gazetteer: Gazetteer::bundled(),
            keep_rejected: false,
        }
    }

    /// The output of `export` on this fixture, as text.
    pub(crate) fn output(
        &self,
        export: impl Fn(&Input<'_>, &mut Vec<u8>) -> std::io::Result<super::Summary>,
    ) -> (String, super::Summary) {
        let mut out = Vec::new();
        let summary = export(&self.input(), &mut out).unwrap();
        (String::from_utf8(out).unwrap(), summary)
    }
}

fn passage(document: DocumentId, body: &str, quote: &str) -> Passage {
    let start_byte = body.find(quote).unwrap();
    Passage {
        document,
        quote: quote.to_owned(),
        start_byte,
        end_byte: start_byte + quote.len(),
    }
}

/// Whether `xml` has balanced tags and no bare `&` or `<` in text: a well-formedness check
/// good enough for output we generate ourselves.
pub(crate) fn looks_well_formed(xml: &str) -> bool {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        if !entities_ok(&rest[..open]) {
            return false;
        }
        let Some(close) = rest[open..].find('>') else {
            return false;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if tag.contains('<') || !attributes_ok(tag) {
            return false;
        }
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop().as_deref() != Some(name.trim()) {
                return false;
            }
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or_default();
            stack.push(name.to_owned());
        }
    }
    stack.is_empty() && entities_ok(rest)
}

/// Every `&` starts one of the five entities.
fn entities_ok(text: &str) -> bool {
    text.match_indices('&').all(|(at, _)| {
        ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
            .iter()
            .any(|entity| text[at..].starts_with(entity))
    })
}

/// Quotes pair up and attribute values escape `&`.
fn attributes_ok(tag: &str) -> bool {
    tag.matches('"').count().is_multiple_of(2) && entities_ok(tag)
}
