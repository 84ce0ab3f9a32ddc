//! Events as CSV and JSON, as the user reviewed them: corrections applied, review state,
//! sources with their evidence.

use std::io::{self, Write};

use serde::Serialize;

use super::reviewed::{Reviewed, evidence_text, reviewed_events};
use super::text::csv_record;
use super::{Input, Summary};

/// One event as both formats write it.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct EventRow {
    /// EDTF date (`2019-07-23`, `2019-07`, `2019`, `XXXX-05-07`) or null.
    date: Option<String>,
    /// How the date's missing parts were filled (`stated`, …), null when corrected or unknown.
    date_resolution: Option<&'static str>,
    /// `agreement`, `alliance`, `visit`, `meeting` or `other`.
    kind: &'static str,
    /// The CAMEO code of the kind.
    cameo: &'static str,
    /// The parties, by name.
    participants: Vec<String>,
    /// Fields of cooperation.
    fields: Vec<String>,
    /// The extractor's confidence, 0 to 1 (1 for added events), to two decimals.
    #[serde(serialize_with = "two_decimals")]
    confidence: f32,
    /// `unreviewed`, `accepted`, `corrected`, `rejected` (only when kept) or `added`.
    review: &'static str,
    /// How many articles report it.
    source_count: usize,
    /// Each reporting article.
    sources: Vec<SourceRow>,
}

/// One article's report of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct SourceRow {
    /// The article's content id (32 hex digits).
    document_id: String,
    /// Its title.
    title: String,
    /// Its file (full path).
    file: String,
    /// Where it was published, when its file says.
    url: Option<String>,
    /// The evidence sentence(s).
    evidence: String,
    /// The page the evidence is on ("p. 3"), for a document with pages (a PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<String>,
}

/// A confidence to two decimals, as the CSV writes it. The extractor's `f32` arithmetic leaves
/// values such as `0.9 - 0.1 = 0.79999995`, which JSON would otherwise show as they are.
fn two_decimals<S: serde::Serializer>(confidence: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((f64::from(*confidence) * 100.0).round() / 100.0)
}

fn rows(input: &Input<'_>) -> (Vec<EventRow>, Reviewed) {
    let mut reviewed = reviewed_events(
        input.corpus,
        input.events,
        input.notebook,
        input.keep_rejected,
    );
    let rows = reviewed
        .events
        .iter()
        .map(|reviewed| {
            let event = &reviewed.event;
            let sources: Vec<SourceRow> = reviewed
                .sources
                .iter()
                .map(|(document_id, ranges)| {
                    let document = input.corpus.document(*document_id);
                    SourceRow {
                        document_id: document_id.to_string(),
                        title: document
                            .map_or_else(String::new, |document| document.meta.title.clone()),
                        file: document
                            .and_then(|document| document.primary_path())
                            .map_or_else(String::new, |path| path.path.display().to_string()),
                        url: document.and_then(|document| document.meta.url.clone()),
                        evidence: evidence_text(input.corpus, *document_id, ranges),
                        page: document.and_then(|document| {
                            let start = ranges.first()?.start;
                            document.part_at(start).map(str::to_owned)
                        }),
                    }
                })
                .collect();
            EventRow {
                date: event.date.map(|date| date.edtf()),
                date_resolution: event.date_resolution.map(|resolution| resolution.label()),
                kind: event.kind.label(),
                cameo: event.kind.cameo(),
                participants: event
                    .participants
                    .iter()
                    .map(|party| party.name.clone())
                    .collect(),
                fields: event.fields.clone(),
                confidence: event.confidence,
                review: reviewed.state.label(),
                source_count: sources.len(),
                sources,
            }
        })
        .collect();
    reviewed.events.clear();
    (rows, reviewed)
}

fn summary(rows: &[EventRow], reviewed: &Reviewed) -> Summary {
    let mut summary = Summary::default();
    summary.contains(rows.len(), "events");
    for state in ["accepted", "corrected", "rejected", "added"] {
        let count = rows.iter().filter(|row| row.review == state).count();
        if count > 0 {
            summary.contains(count, state);
        }
    }
    summary.left_out(
        reviewed.rejected_left_out,
        "rejected events (rejected in review; keep them with --keep-rejected)",
    );
    summary.left_out(
        reviewed.added_without_article,
        "added events (their article is not loaded)",
    );
    summary
}

/// The CSV header of [`events_csv`].
pub const EVENTS_CSV_HEADER: [&str; 15] = [
    "date",
    "date_resolution",
    "kind",
    "cameo",
    "participants",
    "fields",
    "confidence",
    "review",
    "source_count",
    "document_ids",
    "titles",
    "files",
    "evidence",
    "urls",
    "pages",
];

/// Events as CSV (RFC 4180, UTF-8, CRLF), one row per event with the columns of
/// [`EVENTS_CSV_HEADER`]. Participants and fields are joined with `"; "`; the six source
/// columns (`document_ids`, `titles`, `files`, `evidence` and, last so the others keep their
/// places, `urls` and `pages`) hold one line per source, in the same order (an empty line for a
/// source without an address or pages).
pub fn events_csv(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let (rows, reviewed) = rows(input);
    csv_record(out, &EVENTS_CSV_HEADER)?;
    for row in &rows {
        let lines = |field: fn(&SourceRow) -> &str| -> String {
            row.sources.iter().map(field).collect::<Vec<_>>().join("\n")
        };
        csv_record(
            out,
            &[
                row.date.clone().unwrap_or_default(),
                row.date_resolution.unwrap_or_default().to_owned(),
                row.kind.to_owned(),
                row.cameo.to_owned(),
                row.participants.join("; "),
                row.fields.join("; "),
                format!("{:.2}", row.confidence),
                row.review.to_owned(),
                row.source_count.to_string(),
                lines(|source| &source.document_id),
                lines(|source| &source.title),
                lines(|source| &source.file),
                lines(|source| &source.evidence),
                lines(|source| source.url.as_deref().unwrap_or_default()),
                lines(|source| source.page.as_deref().unwrap_or_default()),
            ],
        )?;
    }
    Ok(summary(&rows, &reviewed))
}

/// The JSON of [`events_json`].
#[derive(Serialize)]
struct EventsJson {
    /// Always `"accord-events"`.
    format: &'static str,
    /// This shape's version, 1.
    version: u32,
    events: Vec<EventRow>,
}

/// Events as JSON: `{"format": "accord-events", "version": 1, "events": [...]}`, each event
/// with `date` (EDTF or null), `date_resolution`, `kind`, `cameo`, `participants`, `fields`,
/// `confidence`, `review`, `source_count` and `sources` (each with `document_id`, `title`,
/// `file`, `url` (null when its file does not say), `evidence`, and `page` ("p. 3") for a
/// document with pages).
pub fn events_json(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let (rows, reviewed) = rows(input);
    let summary = summary(&rows, &reviewed);
    serde_json::to_writer_pretty(
        &mut *out,
        &EventsJson {
            format: "accord-events",
            version: 1,
            events: rows,
        },
    )?;
    out.write_all(b"\n")?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{FIRST_URL, Fixture};

    #[test]
    fn json_has_corrections_states_and_sources() {
        let fixture = Fixture::new();
        let (text, summary) = fixture.output(events_json);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let events = json["events"].as_array().unwrap();
        assert_eq!(events.len(), 3);
        assert_eq!(events[0]["date"], "2020-03-15");
        assert_eq!(events[0]["review"], "corrected");
        assert_eq!(events[0]["cameo"], "057");
        assert_eq!(events[0]["source_count"], 1);
        assert_eq!(events[0]["sources"][0]["file"], "/news/first, article.txt");
        assert_eq!(events[0]["sources"][0]["url"], FIRST_URL);
        assert_eq!(
            events[0]["sources"][0]["evidence"],
            "Nanjing and Xuzhou signed an agreement on 12 March 2020."
        );
        assert_eq!(events[1]["date"], serde_json::Value::Null);
        assert_eq!(events[2]["review"], "added");
        assert_eq!(events[2]["date"], "2022-01-05");
        assert_eq!(
            summary.left_out,
            ["1 rejected events (rejected in review; keep them with --keep-rejected)"]
        );
    }

    #[test]
    fn rejected_events_are_kept_when_asked() {
        let fixture = Fixture::new();
        let mut out = Vec::new();
        let input = Input {
            keep_rejected: true,
            ..fixture.input()
        };
        let summary = events_json(&input, &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["events"][1]["review"], "rejected");
        assert_eq!(json["events"][1]["participants"][1], "Huawei <R&D>");
        assert!(summary.left_out.is_empty());
    }

    #[test]
    fn json_confidence_has_no_float_artefacts() {
        let mut fixture = Fixture::new();
        // What the extractor computes for a guarded event.
        let guarded: f32 = 0.9;
        fixture.events[0].event.confidence = guarded - 0.1;
        assert_eq!(fixture.events[0].event.confidence.to_string(), "0.79999995");
        let (text, _) = fixture.output(events_json);
        assert!(text.contains("\"confidence\": 0.8,"), "{text}");
        let (csv, _) = fixture.output(events_csv);
        assert!(csv.contains(",0.80,"), "{csv}");
    }

    #[test]
    fn csv_quotes_fields_with_commas_and_quotes() {
        let fixture = Fixture::new();
        let (text, _) = fixture.output(events_csv);
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "date,date_resolution,kind,cameo,participants,fields,confidence,review,\
                 source_count,document_ids,titles,files,evidence,urls,pages"
            )
        );
        let first = lines.next().unwrap();
        assert!(first.starts_with(
            "2020-03-15,,agreement,057,Nanjing City; Xuzhou City,\"trade, \"\"logistics\"\"\",0.75,corrected,1,"
        ));
        assert!(first.contains("\"Nanjing & Xuzhou sign \"\"deal\"\"\""));
        assert!(first.ends_with(&format!(",{FIRST_URL},")), "{first}");
        assert_eq!(text.matches("\r\n").count(), 4);
    }
}
