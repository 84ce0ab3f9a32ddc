//! `accord export` end to end: the built binary on the seed articles with a notebook written in
//! a temporary folder, once per format; each file appears and parses, and an existing output is
//! never overwritten without `--force`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use accord::ingest::IngestOptions;
use accord::notebook::{EventKey, Notebook, Passage, Review, Target, to_ron};

/// Every format's name on the command line, from the one list (`export::Format`), so a new
/// format is tested here without being added by hand.
fn formats() -> Vec<String> {
    use clap::ValueEnum;
    accord::export::Format::all()
        .iter()
        .filter_map(|format| format.to_possible_value())
        .map(|value| value.get_name().to_owned())
        .collect()
}

use crate::util::seeds;

/// A notebook on the seeds: a note on the first article, one on a passage of it, and a
/// rejection of the first extracted event found.
fn write_notebook(folder: &Path) -> PathBuf {
    let corpus = accord::cli::load(&[seeds()], &IngestOptions::default());
    let document = corpus.documents().first().unwrap();
    let quote: String = document.body.chars().take(20).collect();
    let mut notebook = Notebook::default();
    notebook.add_note(
        Target::Article {
            document: document.id,
        },
        "Worth a follow-up, \"soon\" & <carefully>",
        &["follow-up".to_owned()],
        1_700_000_000,
    );
    notebook.add_note(
        Target::Passage(Passage {
            document: document.id,
            end_byte: quote.len(),
            quote,
            start_byte: 0,
        }),
        "The opening line,\nquoted",
        &[],
        1_700_000_100,
    );
    let rejected = corpus.documents().iter().find_map(|document| {
        let event = document.extraction.events.first()?;
        EventKey::of_event(document.id, &document.body, event)
    });
    if let Some(key) = rejected {
        notebook.set_review(key, Review::Rejected, 1_700_000_200);
    }
    let path = folder.join("notebook.ron");
    std::fs::write(&path, to_ron(&notebook).unwrap()).unwrap();
    path
}

fn export(format: &str, output: &Path, notebook: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("export")
        .arg(seeds())
        .args(["--format", format, "--output"])
        .arg(output)
        .arg("--notebook")
        .arg(notebook)
        .args(extra)
        .output()
        .unwrap()
}

/// Balanced tags and no bare `&`: enough to catch broken output of our own writer.
fn looks_well_formed(xml: &str) -> bool {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            return false;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop() != Some(name) {
                return false;
            }
        } else {
            stack.push(tag.split_whitespace().next().unwrap_or_default());
        }
    }
    let bare_ampersand = xml.match_indices('&').any(|(at, _)| {
        !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
            .iter()
            .any(|entity| xml[at..].starts_with(entity))
    });
    stack.is_empty() && !bare_ampersand
}

#[test]
fn every_format_writes_a_file_that_parses() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let formats = formats();
    for format in &formats {
        let format = format.as_str();
        let output = folder.path().join(format!("export-{format}"));
        let run = export(format, &output, &notebook, &[]);
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(stdout.contains("Contains: "), "{format}: {stdout}");
        let text = std::fs::read_to_string(&output).unwrap();
        match format {
            "notes-json" | "events-json" | "timelinejs" => {
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                let list = if format == "notes-json" {
                    "notes"
                } else {
                    "events"
                };
                assert!(!json[list].as_array().unwrap().is_empty(), "{format}");
            }
            "gexf" | "graphml" => {
                assert!(looks_well_formed(&text), "{format}: {text}");
                assert!(text.contains("<node "), "{format}");
            }
            "notes-md" | "notes-md-by-place" => assert!(text.contains("> "), "{text}"),
            "notes-csv" => {
                assert!(text.starts_with("note_id,"));
                assert!(text.contains("\"Worth a follow-up, \"\"soon\"\" & <carefully>\""));
            }
            _ => assert!(text.starts_with("date,date_resolution,kind,")),
        }
    }
    // Nothing but the notebook and the exports: no temporary files left.
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        formats.len() + 1
    );
}

#[test]
fn rejected_events_leave_the_event_export_unless_kept() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let output = folder.path().join("events.json");
    let run = export("events-json", &output, &notebook, &[]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("1 rejected events"));
    let kept = folder.path().join("kept.json");
    export("events-json", &kept, &notebook, &["--keep-rejected"]);
    let count = |path: &Path| {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        json["events"].as_array().unwrap().len()
    };
    assert_eq!(count(&kept), count(&output) + 1);
}

#[test]
fn an_existing_output_is_kept_without_force() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let output = folder.path().join("graph.graphml");
    std::fs::write(&output, "precious").unwrap();
    let run = export("graphml", &output, &notebook, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "precious");
    let run = export("graphml", &output, &notebook, &["--force"]);
    assert!(run.status.success());
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .starts_with("<?xml")
    );
}

#[test]
fn an_unreadable_notebook_fails_notes_but_not_events() {
    let folder = tempfile::tempdir().unwrap();
    let damaged = folder.path().join("damaged.ron");
    std::fs::write(&damaged, "this is not a notebook (").unwrap();
    let notes = folder.path().join("notes.md");
    let run = export("notes-md", &notes, &damaged, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot export notes"));
    assert!(!notes.exists());
    let events = folder.path().join("events.csv");
    let run = export("events-csv", &events, &damaged, &[]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("exporting without"));
    assert!(events.exists());
    // The damaged notebook is left as it was.
    assert_eq!(
        std::fs::read_to_string(&damaged).unwrap(),
        "this is not a notebook ("
    );
}

#[test]
fn an_unwritable_place_gives_a_plain_error() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let output = folder.path().join("missing-folder").join("out.gexf");
    let run = export("gexf", &output, &notebook, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("does not exist"));
}

#[test]
fn an_export_never_replaces_the_notebook_or_its_backup_even_with_force() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let before = std::fs::read_to_string(&notebook).unwrap();
    let backup = accord::notebook::backup_path(&notebook);
    std::fs::write(&backup, &before).unwrap();
    // The notebook by its own path, by another spelling of it, and its backup.
    let other_spelling = folder.path().join(".").join("notebook.ron");
    for output in [&notebook, &other_spelling, &backup] {
        let run = export("notes-md", output, &notebook, &["--force"]);
        assert_eq!(run.status.code(), Some(1), "{}", output.display());
        assert!(String::from_utf8_lossy(&run.stderr).contains("never replaces a notebook"));
    }
    assert_eq!(std::fs::read_to_string(&notebook).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), before);
}

#[test]
fn accord_notebook_points_export_at_another_notebook_and_says_which() {
    let folder = tempfile::tempdir().unwrap();
    let notebook = write_notebook(folder.path());
    let output = folder.path().join("notes.md");
    let run = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("export")
        .arg(seeds())
        .args(["--format", "notes-md", "--output"])
        .arg(&output)
        .env("ACCORD_NOTEBOOK", &notebook)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains(&notebook.display().to_string()));
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("Worth a follow-up")
    );
}

#[cfg(unix)]
#[test]
fn a_notebook_link_to_nothing_is_an_error_for_notes() {
    let folder = tempfile::tempdir().unwrap();
    let dangling = folder.path().join("notebook.ron");
    std::os::unix::fs::symlink(folder.path().join("gone.ron"), &dangling).unwrap();
    let output = folder.path().join("notes.md");
    let run = export("notes-md", &output, &dangling, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("link to nothing"));
    assert!(!output.exists());
}
