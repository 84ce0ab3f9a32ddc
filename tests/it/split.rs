//! Extraction split across processes: `accord extract --stdin` on parts of a folder's file
//! list, then `accord merge` of their shards, must give what `accord extract FOLDER --json`
//! gives — the same documents under the same names, the same events across articles in the
//! same order — whatever the split and the order of the shards.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The installed command with `input` on its standard input.
fn accord_with_input(args: &[&str], input: String) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Written from a thread: the output may fill its pipe before the input is all written.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

/// The installed command.
fn accord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .output()
        .unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every file under `folder`, relative to it, in name order.
fn files_of(folder: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap();
                files.push(relative.to_str().unwrap().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

/// `accord extract --stdin --base FOLDER` on these files: its output lines.
fn stdin_shard(folder: &Path, files: &[&String]) -> String {
    let input: String = files
        .iter()
        .map(|file| format!("{}\n", serde_json::json!({ "path": file })))
        .collect();
    let output = accord_with_input(&["extract", "--stdin", "--base", text(folder)], input);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `accord extract FOLDER --json`.
fn folder_json(folder: &Path) -> serde_json::Value {
    let output = accord(&["extract", text(folder), "--json"]);
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Shards written as files and merged (in the order given): the merged events.
fn merged(work: &Path, shards: &[&String]) -> Vec<serde_json::Value> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for (index, shard) in shards.iter().enumerate() {
        let path = work.join(format!("shard-{index}.jsonl"));
        std::fs::write(&path, shard).unwrap();
        paths.push(path);
    }
    let output_path = work.join("merged.jsonl");
    let mut args = vec!["merge"];
    args.extend(paths.iter().map(|path| text(path)));
    args.extend(["--output", text(&output_path), "--force"]);
    let output = accord(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(&output_path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The whole check on one folder: three interleaved shards, merged in two orders.
fn split_run_equals_folder_run(folder: &Path) -> Vec<serde_json::Value> {
    let work = tempfile::tempdir().unwrap();
    let files = files_of(folder);
    let shards: Vec<String> = (0..3)
        .map(|part| {
            let mine: Vec<&String> = files.iter().skip(part).step_by(3).collect();
            stdin_shard(folder, &mine)
        })
        .collect();
    let whole = folder_json(folder);

    // The same documents, under the same names: of identical files, the folder run prints
    // the first by name (the others in its `also_at`), the split run each.
    let mut documents: Vec<serde_json::Value> = shards
        .iter()
        .flat_map(|shard| shard.lines())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    documents.sort_by(|a, b| a["file"].as_str().cmp(&b["file"].as_str()));
    let mut seen = std::collections::HashSet::new();
    documents.retain(|document| seen.insert(document["id"].clone()));
    let mut expected_documents = whole["documents"].clone();
    for document in expected_documents.as_array_mut().unwrap() {
        document.as_object_mut().unwrap().remove("also_at");
    }
    assert_eq!(
        serde_json::Value::Array(documents),
        expected_documents,
        "{}",
        folder.display()
    );

    // The same events across articles, in the same order, however the shards come.
    let expected = whole["corpus_events"].as_array().unwrap();
    let in_order: Vec<&String> = shards.iter().collect();
    assert_eq!(&merged(work.path(), &in_order), expected);
    let reversed: Vec<&String> = shards.iter().rev().collect();
    assert_eq!(&merged(work.path(), &reversed), expected);
    expected.clone()
}

#[test]
fn stdin_and_merge_equal_the_folder_run_on_the_seeds() {
    let events = split_run_equals_folder_run(&crate::util::seeds());
    assert!(!events.is_empty());
}

#[test]
fn stdin_and_merge_equal_the_folder_run_on_the_real_development_set() {
    let events = split_run_equals_folder_run(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/real-en/dev/articles"),
    );
    assert!(events.len() > 50);
}

#[test]
fn stdin_and_merge_equal_the_folder_run_on_events_reported_twice_and_identical_files() {
    let folder = tempfile::tempdir().unwrap();
    let first = "Wuxi and Xuzhou sign cooperation agreement\n\nOn October 9, 2021, Wuxi City and Xuzhou City signed a cooperation agreement on industrial parks in Wuxi.\n";
    let second = "Xuzhou and Wuxi deepen ties\n\nXuzhou City and Wuxi signed a strategic cooperation agreement on October 9, 2021, covering trade and tourism.\n\nOn May 7, 2022, Jiangning District and Lishui District held a cooperation symposium.\n";
    std::fs::create_dir(folder.path().join("later")).unwrap();
    for (name, text) in [
        ("a.txt", first),
        ("0-first.txt", first),
        ("later/b.txt", second),
        ("c-copy.txt", second),
    ] {
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    let events = split_run_equals_folder_run(folder.path());
    let files: Vec<&str> = events[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|source| source["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["0-first.txt", "c-copy.txt"], "{events:#?}");
    assert_eq!(
        events[0]["fields"],
        serde_json::json!(["industrial development", "culture and tourism"])
    );
}

#[test]
fn merge_keeps_an_existing_output_and_never_writes_over_a_shard() {
    let work = tempfile::tempdir().unwrap();
    let seeds = crate::util::seeds();
    let files = files_of(&seeds);
    let shard = stdin_shard(&seeds, &files.iter().collect::<Vec<_>>());
    let shard_path = work.path().join("shard.jsonl");
    std::fs::write(&shard_path, &shard).unwrap();
    let output_path = work.path().join("events.jsonl");
    std::fs::write(&output_path, "mine\n").unwrap();

    let refused = accord(&["merge", text(&shard_path), "--output", text(&output_path)]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&output_path).unwrap(), "mine\n");

    let onto_shard = accord(&[
        "merge",
        text(&shard_path),
        "--output",
        text(&shard_path),
        "--force",
    ]);
    assert_eq!(onto_shard.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&shard_path).unwrap(), shard);

    let forced = accord(&[
        "merge",
        text(&shard_path),
        "--output",
        text(&output_path),
        "--force",
    ]);
    assert!(forced.status.success());
    let written = std::fs::read_to_string(&output_path).unwrap();
    assert!(written.lines().count() > 1);
    let leftovers = std::fs::read_dir(work.path()).unwrap().count();
    assert_eq!(leftovers, 2, "a temporary file was left behind");
}

#[test]
fn a_broken_shard_fails_the_merge_naming_the_shard_and_line() {
    let work = tempfile::tempdir().unwrap();
    let shard_path = work.path().join("cut.jsonl");
    std::fs::write(
        &shard_path,
        "{\"skipped\": {\"path\": \"x\", \"reason\": \"r\"}}\n{\"file\": \"a.txt\", \"id\"",
    )
    .unwrap();
    let output_path = work.path().join("events.jsonl");
    let failed = accord(&["merge", text(&shard_path), "--output", text(&output_path)]);
    assert_eq!(failed.status.code(), Some(1));
    let message = String::from_utf8_lossy(&failed.stderr);
    assert!(
        message.contains("cut.jsonl") && message.contains("line 2"),
        "{message}"
    );
    assert!(!output_path.exists());
}

#[test]
fn bad_stdin_lines_are_answered_and_do_not_fail_the_run() {
    let input = "not json\n{\"path\": \"no/such/file.txt\"}\n{\"id\": \"t\", \"text\": \"Wuxi and Xuzhou\\n\\nOn October 9, 2021, Wuxi and Xuzhou signed a cooperation agreement.\"}\n";
    let output = accord_with_input(&["extract", "--stdin"], input.to_owned());
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["error"]["line"], 1);
    assert!(lines[1]["skipped"]["reason"].is_string());
    assert_eq!(lines[2]["file"], "t");
    assert!(lines[2]["events"][0]["merge_key"].is_string());
}

#[test]
fn stdin_refuses_paths_and_json() {
    let both = accord(&["extract", "--stdin", "seeds"]);
    assert!(!both.status.success());
    let json = accord(&["extract", "--stdin", "--json"]);
    assert!(!json.status.success());
    let base_alone = accord(&["extract", "seeds", "--base", "seeds"]);
    assert!(!base_alone.status.success());
}
