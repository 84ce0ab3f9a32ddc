//! The timeline as TimelineJS3 JSON, for publishing with Knight Lab's TimelineJS.
//!
//! One slide per reviewed event with a year: its date as precise as known, a headline (kind
//! and parties), the evidence and sources as HTML (escaped), and the kind as the group, so
//! TimelineJS draws one row per kind. Events without a year cannot be placed and are left out.

use std::io::{self, Write};

use serde::Serialize;

use super::reviewed::{evidence_text, reviewed_events};
use super::text::xml_escape;
use super::{Input, Summary};

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<SlideDate>,
    text: SlideText,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct SlideDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
    display_date: String,
}

#[derive(Serialize)]
struct SlideText {
    headline: String,
    text: String,
}

/// The timeline as TimelineJS3 JSON: `{"title": {...}, "events": [{"start_date": {"year",
/// "month", "day"}, "text": {"headline", "text"}, "group": kind, "unique_id"}]}`, oldest first.
/// Rejected events are left out; events without a year are left out and counted.
pub fn timelinejs(input: &Input<'_>, out: &mut impl Write) -> io::Result<Summary> {
    let reviewed = reviewed_events(input.corpus, input.events, input.notebook, false);
    let mut undated = 0;
    let mut slides: Vec<(i32, u8, u8, Slide)> = Vec::new();
    for (index, event) in reviewed.events.iter().enumerate() {
        let Some((date, year)) = event
            .event
            .date
            .and_then(|date| date.year.map(|year| (date, year)))
        else {
            undated += 1;
            continue;
        };
        let mut html = String::new();
        for (document_id, ranges) in &event.sources {
            let title = input
                .corpus
                .document(*document_id)
                .map_or_else(String::new, |document| document.meta.title.clone());
            html.push_str(&format!(
                "<blockquote>{}</blockquote><p>— {}</p>",
                xml_escape(&evidence_text(input.corpus, *document_id, ranges)),
                xml_escape(&title)
            ));
        }
        if !event.event.fields.is_empty() {
            html.push_str(&format!(
                "<p>Fields: {}</p>",
                xml_escape(&event.event.fields.join(", "))
            ));
        }
        html.push_str(&format!("<p>Review: {}</p>", event.state.label()));
        let parties: Vec<&str> = event
            .event
            .participants
            .iter()
            .map(|party| party.name.as_str())
            .collect();
        let headline = format!(
            "{} — {}",
            capitalised(event.event.kind.label()),
            parties.join(", ")
        );
        slides.push((
            year,
            date.month.unwrap_or(0),
            date.day.unwrap_or(0),
            Slide {
                start_date: Some(SlideDate {
                    year,
                    month: date.month,
                    day: date.day,
                    display_date: date.edtf(),
                }),
                text: SlideText {
                    headline: xml_escape(&headline),
                    text: html,
                },
                group: Some(event.event.kind.label()),
                unique_id: Some(format!("event-{index}")),
            },
        ));
    }
    slides.sort_by_key(|(year, month, day, _)| (*year, *month, *day));
    let mut summary = Summary::default();
    summary.contains(slides.len(), "events");
    summary.left_out(
        undated,
        "events without a year (a timeline cannot place them)",
    );
    summary.left_out(
        reviewed.rejected_left_out,
        "rejected events (rejected in review)",
    );
    let timeline = Timeline {
        title: Slide {
            start_date: None,
            text: SlideText {
                headline: "Regional cooperation".to_owned(),
                text: format!(
                    "<p>{} events from {} articles, exported from Accord.</p>",
                    slides.len(),
                    input.corpus.documents().len()
                ),
            },
            group: None,
            unique_id: None,
        },
        events: slides.into_iter().map(|(_, _, _, slide)| slide).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &timeline)?;
    out.write_all(b"\n")?;
    Ok(summary)
}

fn capitalised(word: &str) -> String {
    let mut characters = word.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::Fixture;

    #[test]
    fn timeline_has_dated_events_in_order_and_counts_the_rest() {
        let fixture = Fixture::new();
        let (text, summary) = fixture.output(timelinejs);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let events = json["events"].as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0]["start_date"]["year"], 2020);
        assert_eq!(events[0]["start_date"]["day"], 15);
        assert_eq!(events[0]["group"], "agreement");
        assert_eq!(
            events[0]["text"]["headline"],
            "Agreement — Nanjing City, Xuzhou City"
        );
        assert!(
            events[0]["text"]["text"]
                .as_str()
                .unwrap()
                .contains("— Nanjing &amp; Xuzhou sign &quot;deal&quot;")
        );
        assert_eq!(events[1]["group"], "alliance");
        assert!(json["title"]["text"]["headline"].is_string());
        assert_eq!(
            summary.left_out,
            [
                "1 events without a year (a timeline cannot place them)",
                "1 rejected events (rejected in review)"
            ]
        );
    }
}
