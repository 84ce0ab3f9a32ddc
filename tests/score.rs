//! The seed scores through the shared evaluation script, when it is beside the project (as in
//! CI): event F1, participant F1, exact dates and places must stay at or above the floor.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a failed unwrap is a failed test.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn seed_scores_stay_above_the_floor() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    let python = Command::new("python3").arg("--version").output();
    if !eval.join("score.py").exists() || python.is_err() {
        eprintln!("skipped: ../shared/eval/score.py or python3 is not available");
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["extract", "seeds", "--json"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(output.status.success());
    let dir = tempfile::tempdir().unwrap();
    let predictions = dir.path().join("pred.json");
    std::fs::write(&predictions, &output.stdout).unwrap();
    let scored = Command::new("python3")
        .arg(eval.join("score.py"))
        .arg(eval.join("seeds.gold.json"))
        .arg(&predictions)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        scored.status.success(),
        "{}",
        String::from_utf8_lossy(&scored.stderr)
    );
    let scores: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
    let summary = &scores["summary"];
    for (metric, floor) in [
        ("event_f1", 0.9),
        ("participant_f1", 0.9),
        ("date_exact", 0.85),
        ("place_f1", 0.85),
    ] {
        let value = summary[metric].as_f64().unwrap();
        assert!(value >= floor, "{metric} = {value} is below {floor}");
    }
}
