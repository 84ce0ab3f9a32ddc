//! `accord merge`: extraction shards — the lines `accord extract --stdin` or `--jsonl` print —
//! merged into events across articles.
//!
//! The merge is the app's own ([`EventMerger::add_reports`]), fed in the order `extract --json`
//! feeds a folder: documents sorted by name, each document's events in its order. So how the
//! corpus was split, and in which order the shards come, cannot change the result; and a
//! shard holding every report of some merge keys (a partition by key) merges those keys
//! exactly as the whole corpus would.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{JsonCorpusEvent, JsonSource};
use crate::export;
use crate::extract::{CorpusEvent, EventMerger, MergeKey, Report};
use crate::model::DocumentId;

/// Arguments of `accord merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Extraction shards: files of JSON lines, one document per line, as `accord extract
    /// --stdin` (or `--jsonl`) prints them; their other lines (skipped files, errors) are
    /// passed over.
    #[arg(required = true, value_name = "SHARD")]
    pub shards: Vec<PathBuf>,
    /// The file to write: one event across articles per line, as in the `corpus_events` of
    /// `extract --json` (never overwritten unless --force is given).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs `accord merge`: reads every shard, merges, writes the events to the output (through
/// a temporary file, so a failed merge leaves nothing) and says what it wrote on `out`.
/// Fails, writing nothing, when the output exists (without `--force`) or is a shard, or when a
/// shard cannot be read or holds a line that is not a document, a skipped file or an error.
pub fn merge(args: &MergeArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if !args.force && args.output.symlink_metadata().is_ok() {
        bail!(export::WriteError::Exists {
            path: args.output.clone()
        });
    }
    if let Some(shard) = args
        .shards
        .iter()
        .find(|shard| same_file(shard, &args.output))
    {
        bail!(
            "the output {} is the shard {}; choose another output file",
            args.output.display(),
            shard.display()
        );
    }
    let mut documents = Shards::default();
    for shard in &args.shards {
        documents
            .read(shard)
            .with_context(|| format!("cannot merge the shard {}", shard.display()))?;
    }
    let read = documents.documents.len();
    let events = documents.merged();
    export::write_atomically(&args.output, args.force, |file| {
        for event in &events {
            serde_json::to_writer(&mut *file, event)?;
            writeln!(file)?;
        }
        Ok(())
    })?;
    writeln!(
        out,
        "Wrote {} ({} events from {read} documents in {} {}).",
        args.output.display(),
        events.len(),
        args.shards.len(),
        if args.shards.len() == 1 {
            "shard"
        } else {
            "shards"
        }
    )?;
    Ok(())
}

/// Whether two paths lead to one file (both exist and are the same once links are followed).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// One line of a shard, as far as the merge reads it.
#[derive(Debug, Deserialize)]
struct ShardLine {
    file: Option<String>,
    id: Option<String>,
    events: Option<Vec<ShardReport>>,
    /// `--jsonl`'s line for a file identical to one printed before.
    same_as: Option<String>,
    skipped: Option<IgnoredAny>,
    error: Option<IgnoredAny>,
}

/// One document's report of an event, read back from a shard.
#[derive(Clone, Debug, Deserialize, PartialEq)]
struct ShardReport {
    date: Option<String>,
    kind: String,
    participants: Vec<String>,
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    evidence_ranges: Vec<[usize; 2]>,
    /// Absent (`None`) in a shard from an Accord that printed no keys; `Some(None)` for an
    /// event that never merges.
    #[serde(default, deserialize_with = "present")]
    merge_key: Option<Option<String>>,
}

/// A field that is there, even as `null`: `Some(None)`, told apart from a missing one.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

impl ShardReport {
    /// Its merge key (`None`: it never merges).
    fn key(&self) -> Option<MergeKey> {
        self.merge_key.clone().flatten().map(MergeKey::from_text)
    }

    fn ranges(&self) -> Vec<Range<usize>> {
        self.evidence_ranges
            .iter()
            .map(|&[start, end]| start..end)
            .collect()
    }
}

impl Report for ShardReport {
    fn fields(&self) -> &[String] {
        &self.fields
    }

    fn fields_mut(&mut self) -> &mut Vec<String> {
        &mut self.fields
    }

    fn evidence(&self) -> Vec<Range<usize>> {
        self.ranges()
    }
}

/// A document read back from a shard.
#[derive(Debug)]
struct ShardDocument {
    file: String,
    id: DocumentId,
    reports: Vec<ShardReport>,
}

/// The documents of every shard read so far.
#[derive(Debug, Default)]
struct Shards {
    documents: Vec<ShardDocument>,
    /// `--jsonl`'s other names of a document: a `same_as` line's `file`, by the name it is
    /// the same as.
    also_named: HashMap<String, Vec<String>>,
}

impl Shards {
    /// Reads one shard's documents.
    fn read(&mut self, shard: &Path) -> anyhow::Result<()> {
        let file = std::fs::File::open(shard).context("could not open it")?;
        for (index, line) in BufReader::new(file).lines().enumerate() {
            let number = index + 1;
            let line = line.with_context(|| format!("could not read line {number}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let parsed: ShardLine = serde_json::from_str(&line)
                .with_context(|| format!("line {number} is not a JSON object of a document"))?;
            self.add(parsed).with_context(|| format!("line {number}"))?;
        }
        Ok(())
    }

    /// Keeps a line's document, or the other name a `same_as` line gives one.
    fn add(&mut self, line: ShardLine) -> anyhow::Result<()> {
        if line.skipped.is_some() || line.error.is_some() {
            return Ok(());
        }
        if let (Some(file), Some(first)) = (&line.file, line.same_as) {
            self.also_named.entry(first).or_default().push(file.clone());
            return Ok(());
        }
        let (Some(file), Some(id), Some(reports)) = (line.file, line.id, line.events) else {
            bail!("neither a document (file, id, events) nor a skipped file nor an error");
        };
        if reports.iter().any(|report| report.merge_key.is_none()) {
            bail!(
                "{file} has events without a merge_key: the shard was made by an older Accord; extract it again"
            );
        }
        self.documents.push(ShardDocument {
            file,
            id: document_id(&id),
            reports,
        });
        Ok(())
    }

    /// The events across documents, as `extract --json` gives them for the same documents.
    ///
    /// Documents go in name order, as the folder's corpus holds them; a document met again
    /// (the same text in two files, two shards or two lines) counts once, under its first
    /// name in that order, as the folder run names an identical file by its first path.
    fn merged(mut self) -> Vec<JsonCorpusEvent> {
        for document in &mut self.documents {
            if let Some(first) = self
                .also_named
                .get(&document.file)
                .and_then(|names| names.iter().min())
                .filter(|other| **other < document.file)
            {
                document.file = first.clone();
            }
        }
        self.documents
            .sort_by(|a, b| (&a.file, a.id).cmp(&(&b.file, b.id)));
        let mut merger = EventMerger::default();
        let mut merged: Vec<CorpusEvent<ShardReport>> = Vec::new();
        let mut by_id: HashMap<DocumentId, &ShardDocument> = HashMap::new();
        for document in &self.documents {
            by_id.entry(document.id).or_insert(document);
            let reports = document.reports.iter().map(|report| (report.key(), report));
            merger.add_reports(&mut merged, document.id, reports);
        }
        merged
            .into_iter()
            .map(|event| corpus_event_json(event, &by_id))
            .collect()
    }
}

/// A document's id from its text in a shard (hexadecimal, as printed), or for a hand-made
/// shard whose ids are not, one made of the text.
fn document_id(text: &str) -> DocumentId {
    u128::from_str_radix(text, 16).map_or_else(|_| DocumentId::of_text(text), DocumentId)
}

/// A merged event as `extract --json` prints it: each source by its document's name, with
/// the evidence that document's report gave.
fn corpus_event_json(
    event: CorpusEvent<ShardReport>,
    documents: &HashMap<DocumentId, &ShardDocument>,
) -> JsonCorpusEvent {
    let sources = event
        .sources
        .iter()
        .filter_map(|(id, ranges)| {
            let document = documents.get(id)?;
            let evidence = document
                .reports
                .iter()
                .find(|report| report.ranges() == *ranges)
                .map(|report| report.evidence.clone())
                .unwrap_or_default();
            Some(JsonSource {
                file: document.file.clone(),
                evidence,
            })
        })
        .collect();
    let report = event.event;
    JsonCorpusEvent {
        date: report.date,
        kind: report.kind,
        participants: report.participants,
        fields: report.fields,
        merge_key: report.merge_key.flatten(),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test event: key, parties, fields, where its evidence starts.
    type Given<'a> = (Option<&'a str>, &'a [&'a str], &'a [&'a str], usize);

    /// A document line with these events.
    fn line(file: &str, id: u128, events: &[Given<'_>]) -> String {
        let events: Vec<serde_json::Value> = events
            .iter()
            .map(|(key, parties, fields, start)| {
                serde_json::json!({
                    "date": key.map(|key| key.split('/').next().unwrap_or_default()),
                    "kind": "agreement",
                    "participants": parties,
                    "fields": fields,
                    "evidence": format!("{file} at {start}"),
                    "evidence_ranges": [[start, start + 10]],
                    "merge_key": key,
                })
            })
            .collect();
        serde_json::json!({"file": file, "id": format!("{id:032x}"), "events": events}).to_string()
    }

    fn merged_of(shards: &[Vec<String>]) -> Vec<serde_json::Value> {
        let mut documents = Shards::default();
        for shard in shards {
            for text in shard {
                documents.add(serde_json::from_str(text).unwrap()).unwrap();
            }
        }
        documents
            .merged()
            .iter()
            .map(|event| serde_json::to_value(event).unwrap())
            .collect()
    }

    fn corpus() -> Vec<String> {
        let key = Some("2021-10-09/~wuxi/~xuzhou");
        vec![
            line("a.txt", 1, &[(key, &["Wuxi", "Xuzhou"], &[], 0)]),
            line(
                "b.txt",
                2,
                &[
                    (None, &["Wuxi"], &[], 5),
                    (key, &["Xuzhou City", "Wuxi"], &["trade"], 50),
                    (key, &["Xuzhou", "Wuxi"], &["parks"], 90),
                ],
            ),
            line("c.txt", 3, &[(key, &["Wuxi", "Xuzhou"], &["trade"], 7)]),
        ]
    }

    #[test]
    fn shards_merge_as_one_whatever_their_split_and_order() {
        let all = corpus();
        let whole = merged_of(std::slice::from_ref(&all));
        assert_eq!(whole.len(), 2);
        assert_eq!(
            whole[0]["participants"],
            serde_json::json!(["Wuxi", "Xuzhou"])
        );
        assert_eq!(whole[0]["fields"], serde_json::json!(["trade", "parks"]));
        let files: Vec<&str> = whole[0]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|source| source["file"].as_str().unwrap())
            .collect();
        assert_eq!(files, ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(whole[0]["sources"][1]["evidence"], "b.txt at 50");
        assert_eq!(whole[1]["merge_key"], serde_json::Value::Null);
        let split = merged_of(&[vec![all[2].clone()], vec![all[1].clone(), all[0].clone()]]);
        assert_eq!(split, whole);
    }

    #[test]
    fn a_document_in_two_shards_counts_once_under_its_first_name() {
        let all = corpus();
        let copy = all[0].replace("a.txt", "z-copy.txt");
        let merged = merged_of(&[vec![copy], all.clone()]);
        assert_eq!(merged, merged_of(&[all]));
    }

    #[test]
    fn a_same_as_line_names_the_document_by_its_first_name() {
        let all = corpus();
        let renamed = all[2].replace("c.txt", "d.txt");
        let same_as = serde_json::json!({"file": "0.txt", "same_as": "d.txt"}).to_string();
        let merged = merged_of(&[vec![all[0].clone(), all[1].clone(), renamed, same_as]]);
        assert_eq!(merged[0]["sources"][0]["file"], "0.txt");
    }

    #[test]
    fn other_lines_are_passed_over_and_old_shards_refused() {
        let mut documents = Shards::default();
        for other in [
            r#"{"skipped": {"path": "x.png", "reason": "unsupported type"}}"#,
            r#"{"error": {"line": 3, "reason": "not JSON"}}"#,
        ] {
            documents.add(serde_json::from_str(other).unwrap()).unwrap();
        }
        assert!(documents.documents.is_empty());
        let old = r#"{"file": "a.txt", "id": "1", "events": [{"date": null, "kind": "other", "participants": []}]}"#;
        let refused = documents.add(serde_json::from_str(old).unwrap());
        assert!(format!("{:#}", refused.unwrap_err()).contains("older Accord"));
        let neither = r#"{"title": "T"}"#;
        assert!(
            documents
                .add(serde_json::from_str(neither).unwrap())
                .is_err()
        );
    }
}
