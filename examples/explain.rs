//! `cargo run --example explain -- FILE…`: what the pipeline sees in a file — its headline and
//! page date, the clean body sentence by sentence, and the places, dates and events found — for
//! working on the extraction rules.

use std::path::PathBuf;

use accord::extract::{Gazetteer, sentences};
use accord::ingest::read_document;
use accord::model::{DocPath, Format, SourceId};

fn main() {
    let gazetteer = Gazetteer::bundled();
    // `--lines`: also print each line of the page with its label.
    let with_lines = std::env::args().any(|arg| arg == "--lines");
    for path in std::env::args().skip(1).filter(|arg| arg != "--lines") {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let format = if path.ends_with(".html") || path.ends_with(".htm") {
            Format::Html
        } else {
            Format::Text
        };
        let doc_path = DocPath {
            source: SourceId(0),
            path: PathBuf::from(&path),
            relative: path.clone(),
        };
        let document = match read_document(&bytes, format, doc_path) {
            Ok(document) => document,
            Err(reason) => {
                eprintln!("{path}: {reason}");
                continue;
            }
        };
        println!("=== {path}");
        if with_lines {
            let text = String::from_utf8_lossy(&bytes);
            for line in accord::ingest::line_labels(&text).iter().take(40) {
                println!("  [{}]", line.chars().take(150).collect::<String>());
            }
        }
        println!("title: {}", document.meta.title);
        println!(
            "published: {:?}",
            document.meta.published.map(|date| date.edtf())
        );
        let body = document.body().unwrap_or_default();
        let extraction = &document.extraction;
        for range in sentences::split(body) {
            println!("  | {}", &body[range.clone()]);
            for place in extraction
                .places
                .iter()
                .filter(|place| range.start <= place.range.start && place.range.end <= range.end)
            {
                let entry = place.entry.and_then(|id| gazetteer.entry(id));
                println!(
                    "  |   place {:?} = {} {}",
                    &body[place.range.clone()],
                    place.name,
                    entry.map_or_else(
                        || format!("(unlinked, {} candidates)", place.candidates.len()),
                        |entry| format!("[{:?}]", entry.level)
                    )
                );
            }
            for date in extraction
                .dates
                .iter()
                .filter(|date| range.start <= date.range.start && date.range.end <= range.end)
            {
                println!(
                    "  |   date {:?} = {} ({})",
                    &body[date.range.clone()],
                    date.date.edtf(),
                    date.resolution.label()
                );
            }
        }
        for event in &extraction.events {
            let parties: Vec<&str> = event.participants.iter().map(|p| p.name.as_str()).collect();
            println!(
                "EVENT {} {} {:?} conf {:.2}",
                event.kind.label(),
                event
                    .date
                    .map_or_else(|| "-".to_owned(), |date| date.edtf()),
                parties,
                event.confidence
            );
            for range in &event.evidence {
                println!("   « {}", body.get(range.clone()).unwrap_or_default());
            }
        }
    }
}
