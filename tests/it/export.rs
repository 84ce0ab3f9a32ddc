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
    let quote: String = document.body().unwrap().chars().take(20).collect();
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
        EventKey::of_event(document.id, document.body().unwrap(), event)
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
            "csl-json" => {
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                let items = json.as_array().unwrap();
                assert!(!items.is_empty(), "{text}");
                assert!(items.iter().all(|item| item["type"] == "article-newspaper"));
            }
            "ris" => assert_eq!(ris_records(&text).len(), text.matches("TY  - ").count()),
            "overview-time-csv" => assert!(text.starts_with("period,first_day,last_day,")),
            "overview-places-csv" => assert!(text.starts_with("chart,bar,events")),
            "overview-matrix-csv" => assert!(text.starts_with(",")),
            "place-measures-csv" => assert!(text.starts_with("place,events,partners,")),
            "figure-timeline-svg"
            | "figure-graph-svg"
            | "figure-map-svg"
            | "figure-overview-svg" => {
                let svg = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|error| panic!("{format}: {error}"));
                assert_eq!(svg.root_element().tag_name().name(), "svg", "{format}");
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

/// Whether a consumer this test needs is installed: a missing one fails the test on CI (`CI`
/// is `true`) and skips it with a note elsewhere.
fn have(program: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{program} is not installed; CI installs it (.ci/run)"
        );
        eprintln!("NOT CHECKED: {program} is not installed");
    }
    found
}

/// The notes and the references of the seeds, exported by `accord export` into `folder`.
fn notes_and_references(folder: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let notebook = write_notebook(folder);
    let [notes, references, ris] =
        ["notes.md", "refs.json", "refs.ris"].map(|name| folder.join(name));
    for (format, output) in [
        ("notes-md", &notes),
        ("csl-json", &references),
        ("ris", &ris),
    ] {
        let run = export(format, output, &notebook, &[]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    (notes, references, ris)
}

/// `text` lowercased with its spaces collapsed, to find a title a citation style re-cased.
fn loosely(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The consumer the Markdown notes are written for: pandoc renders them with the CSL-JSON
/// references as a bibliography, every citation found.
#[test]
fn pandoc_renders_the_notes_with_their_bibliography() {
    if !have("pandoc") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let (notes, references, _) = notes_and_references(folder.path());
    let markdown = std::fs::read_to_string(&notes).unwrap();
    assert!(markdown.contains("[@"), "{markdown}");
    let run = Command::new("pandoc")
        .current_dir(folder.path())
        .args([
            "--citeproc",
            "--bibliography",
            "refs.json",
            "--wrap=none",
            "-t",
            "plain",
            "notes.md",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    println!("pandoc stderr: {stderr:?}\npandoc output:\n{stdout}");
    assert!(run.status.success(), "{stderr}");
    assert!(!stderr.contains("not found"), "{stderr}");
    assert!(!stderr.contains("WARNING"), "{stderr}");
    // The bibliography comes under the report's last heading, and holds each cited article.
    let (_, bibliography) = stdout
        .rsplit_once("References")
        .unwrap_or_else(|| panic!("no References heading in:\n{stdout}"));
    let items: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&references).unwrap()).unwrap();
    let cited: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| markdown.contains(&format!("[@{}]", item["id"].as_str().unwrap())))
        .map(|item| item["title"].as_str().unwrap())
        .collect();
    assert!(!cited.is_empty());
    for title in cited {
        assert!(
            loosely(bibliography).contains(&loosely(title)),
            "{title:?} not in the bibliography:\n{bibliography}"
        );
    }
}

/// The records of a RIS file, each as its (tag, value) lines, checked as the specification
/// has them: `TY  - ` first, `ER  - ` last, every line a tag of two characters, two spaces, a
/// hyphen and a space, ending in CRLF.
fn ris_records(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("\r\n"), "{text:?}");
    let mut records = Vec::new();
    let mut record: Option<Vec<(String, String)>> = None;
    for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(!line.contains('\n'), "{line:?}");
        let (tag, value) = line
            .split_at_checked(2)
            .and_then(|(tag, rest)| Some((tag, rest.strip_prefix("  - ")?)))
            .unwrap_or_else(|| panic!("not a RIS line: {line:?}"));
        let tag_bytes = tag.as_bytes();
        assert!(
            tag_bytes[0].is_ascii_uppercase() && tag_bytes[1].is_ascii_alphanumeric(),
            "{line:?}"
        );
        match (tag, record.as_mut()) {
            ("TY", None) => record = Some(vec![(tag.to_owned(), value.to_owned())]),
            ("TY", Some(_)) => panic!("a record starts before the last ended: {line:?}"),
            ("ER", Some(_)) => {
                assert_eq!(value, "");
                records.extend(record.take());
            }
            (_, Some(lines)) => lines.push((tag.to_owned(), value.to_owned())),
            (_, None) => panic!("a line outside a record: {line:?}"),
        }
    }
    assert!(record.is_none(), "the last record has no ER");
    records
}

/// An independent reader: a few lines of Python reading the RIS file as a reference manager
/// would, printing each record's type, key and title.
const PYTHON_RIS_READER: &str = r#"
import json, re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8")
assert data.endswith("\r\n"), "no CRLF at the end"
records, current = [], None
for line in data[:-2].split("\r\n"):
    match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
    assert match, "bad line %r" % line
    tag, value = match.groups()
    if tag == "TY":
        assert current is None, "TY inside a record"
        current = {"TY": value}
    elif tag == "ER":
        assert current is not None and value == "", "stray ER"
        records.append(current)
        current = None
    else:
        assert current is not None, "line outside a record"
        current.setdefault(tag, value)
assert current is None, "unterminated record"
print(json.dumps(records))
"#;

/// The RIS references parse back, by our reader and Python's, as the CSL-JSON ones: one
/// newspaper record per item, with the same keys and titles.
#[test]
fn ris_references_parse_back_as_the_csl_ones() {
    let folder = tempfile::tempdir().unwrap();
    let (_, references, ris) = notes_and_references(folder.path());
    let items: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&references).unwrap()).unwrap();
    let expected: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["id"].as_str().unwrap().to_owned(),
                item["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let text = std::fs::read_to_string(&ris).unwrap();
    let records = ris_records(&text);
    let tag = |record: &[(String, String)], tag: &str| {
        record
            .iter()
            .find(|(found, _)| found == tag)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    assert!(records.iter().all(|record| tag(record, "TY") == "NEWS"));
    let parsed: Vec<(String, String)> = records
        .iter()
        .map(|record| (tag(record, "ID"), tag(record, "TI")))
        .collect();
    assert_eq!(parsed, expected);

    if !have("python3") {
        return;
    }
    let run = Command::new("python3")
        .args(["-c", PYTHON_RIS_READER])
        .arg(&ris)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let python: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let python: Vec<(String, String)> = python
        .as_array()
        .unwrap()
        .iter()
        .map(|record| {
            assert_eq!(record["TY"], "NEWS");
            (
                record["ID"].as_str().unwrap().to_owned(),
                record["TI"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(python, expected);
}

/// `accord figure` on the seeds with `extra` arguments.
fn figure(output: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("figure")
        .arg(seeds())
        .args(["--view", "map", "--output"])
        .arg(output)
        .args(extra)
        .env("ACCORD_NOTEBOOK", output.with_extension("ron"))
        .output()
        .unwrap()
}

#[test]
fn accord_figure_writes_a_png_of_the_width_asked_and_refuses_what_it_cannot_write() {
    let folder = tempfile::tempdir().unwrap();
    let png = folder.path().join("map.png");
    let run = figure(&png, &["--width", "480"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!((info.width, info.height), (480, 320));

    for (output, extra, says) in [
        ("map.pdf", &[][..], "FILE.svg or FILE.png"),
        ("map.svg", &["--scale", "3"][..], "an SVG has no pixels"),
        ("big.png", &["--width", "100000"][..], "200 to 8000 pixels"),
    ] {
        let path = folder.path().join(output);
        let run = figure(&path, extra);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            !run.status.success() && stderr.contains(says),
            "{output}: {stderr}"
        );
        assert!(!path.exists(), "{output}: nothing written");
    }
}
