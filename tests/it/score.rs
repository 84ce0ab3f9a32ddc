//! Extraction scores through the shared evaluation script, when it is beside the project (as in
//! CI): on the seeds, event F1, participant F1, exact dates and places must stay at or above the
//! issue's floor; on the three sets of once-unseen articles in `tests/data/` (written and
//! labelled without reading the code, see the README), they must not fall below what they are
//! now, less a small margin.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Scores `accord extract FOLDER --json` against `gold`, or `None` when the script or python3
/// is not available on a developer's machine. In CI (`CI` set) a missing scorer fails the test:
/// a floor that is never checked is no floor.
fn scores(folder: &Path, gold: &Path) -> Option<serde_json::Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../shared/eval/score.py");
    if !script.exists() || Command::new("python3").arg("--version").output().is_err() {
        let in_ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty());
        assert!(
            !in_ci,
            "../shared/eval/score.py or python3 is missing; CI must score the extraction"
        );
        eprintln!("skipped: ../shared/eval/score.py or python3 is not available");
        return None;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("extract")
        .arg(folder)
        .arg("--json")
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(output.status.success());
    let dir = tempfile::tempdir().unwrap();
    let predictions = dir.path().join("pred.json");
    std::fs::write(&predictions, &output.stdout).unwrap();
    let scored = Command::new("python3")
        .arg(&script)
        .arg(gold)
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
    Some(scores["summary"].clone())
}

fn assert_floors(label: &str, summary: &serde_json::Value, floors: &[(&str, f64)]) {
    for &(metric, floor) in floors {
        let value = summary[metric].as_f64().unwrap();
        assert!(
            value >= floor,
            "{label}: {metric} = {value} is below {floor}"
        );
    }
}

#[test]
fn seed_scores_stay_above_the_floor() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(summary) = scores(
        &root.join("seeds"),
        &root.join("../shared/eval/seeds.gold.json"),
    ) else {
        return;
    };
    assert_floors(
        "seeds",
        &summary,
        &[
            ("event_f1", 0.9),
            ("participant_f1", 0.9),
            ("date_exact", 0.85),
            ("place_f1", 0.85),
        ],
    );
}

#[test]
fn unseen_article_scores_do_not_regress() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (set, floors) in [
        (
            "unseen-1",
            [
                ("event_f1", 0.9),
                ("participant_f1", 0.95),
                ("date_exact", 0.95),
                ("place_f1", 0.93),
            ],
        ),
        (
            "unseen-2",
            [
                ("event_f1", 0.8),
                ("participant_f1", 0.9),
                ("date_exact", 0.95),
                ("place_f1", 0.88),
            ],
        ),
        (
            "unseen-3",
            [
                ("event_f1", 0.8),
                ("participant_f1", 0.9),
                ("date_exact", 0.95),
                ("place_f1", 0.8),
            ],
        ),
    ] {
        let folder = data.join(set);
        let Some(summary) = scores(&folder.join("articles"), &folder.join("gold.json")) else {
            return;
        };
        assert_floors(set, &summary, &floors);
    }
}

/// The real English news pages (`tests/data/real-en`, see its README): the development parts,
/// which the rules are tuned on, and the held-out parts, each scored once before and once after
/// a round of work and spent since.
/// Floors a little under the figures at the end of issue 11, so that a change that loses
/// ground on real pages fails here (the held-out part is no longer unseen: it guards, it does
/// not measure).
#[test]
fn real_page_scores_do_not_regress() {
    assert_real_floors(
        "dev",
        &[
            ("event_f1", 0.8),
            ("event_recall", 0.75),
            ("participant_f1", 0.95),
            ("date_exact", 0.8),
            ("place_f1", 0.87),
            ("place_precision", 0.9),
            ("published_acc", 0.95),
            ("title_acc", 0.97),
        ],
    );
    assert_real_floors(
        "heldout",
        &[
            ("event_f1", 0.69),
            ("event_recall", 0.64),
            ("participant_f1", 0.95),
            ("date_exact", 0.75),
            ("place_f1", 0.9),
            ("place_precision", 0.9),
            ("published_acc", 0.87),
            ("title_acc", 0.88),
        ],
    );
    assert_real_floors(
        "dev-2",
        &[
            ("event_f1", 0.68),
            ("event_recall", 0.65),
            ("participant_f1", 0.9),
            ("date_exact", 0.75),
            ("place_f1", 0.85),
            ("place_precision", 0.83),
            ("published_acc", 0.93),
            ("title_acc", 0.88),
        ],
    );
    assert_real_floors(
        "heldout-2",
        &[
            ("event_f1", 0.62),
            ("event_recall", 0.58),
            ("participant_f1", 0.95),
            ("date_exact", 0.75),
            ("place_f1", 0.86),
            ("place_precision", 0.83),
            ("published_acc", 0.8),
            ("title_acc", 0.86),
        ],
    );
    assert_real_floors(
        "heldout-3",
        &[
            ("event_f1", 0.66),
            ("event_recall", 0.65),
            ("participant_f1", 0.92),
            ("date_exact", 0.6),
            ("place_f1", 0.86),
            ("place_precision", 0.86),
            ("published_acc", 0.84),
            ("title_acc", 0.88),
        ],
    );
    assert_real_floors(
        "heldout-4",
        &[
            ("event_f1", 0.77),
            ("event_recall", 0.72),
            ("participant_f1", 0.92),
            ("date_exact", 0.87),
            ("place_f1", 0.85),
            ("place_precision", 0.84),
            ("published_acc", 0.93),
            ("title_acc", 0.96),
        ],
    );
    // Scored once before round 6's changes and once after; spent since.
    assert_real_floors(
        "heldout-6",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.5),
            ("participant_f1", 0.93),
            ("date_exact", 0.8),
            ("place_f1", 0.86),
            ("place_precision", 0.86),
            ("published_acc", 0.92),
            ("title_acc", 0.88),
        ],
    );
    // Collected in round 6 to tune on (labels not second-checked).
    assert_real_floors(
        "dev-3",
        &[
            ("event_f1", 0.63),
            ("event_recall", 0.5),
            ("participant_f1", 0.92),
            ("date_exact", 0.82),
            ("place_f1", 0.86),
            ("place_precision", 0.86),
            ("published_acc", 0.95),
            ("title_acc", 0.85),
        ],
    );
    // Scored once before round 7's changes and once after; spent since.
    assert_real_floors(
        "heldout-7",
        &[
            ("event_f1", 0.54),
            ("event_recall", 0.48),
            ("participant_f1", 0.93),
            ("date_exact", 0.78),
            ("place_f1", 0.86),
            ("place_precision", 0.87),
            ("published_acc", 0.8),
            ("title_acc", 0.84),
        ],
    );
    // Collected in round 7 to tune on (labels not second-checked).
    assert_real_floors(
        "dev-4",
        &[
            ("event_f1", 0.61),
            ("event_recall", 0.54),
            ("participant_f1", 0.9),
            ("date_exact", 0.95),
            ("place_f1", 0.9),
            ("place_precision", 0.88),
            ("published_acc", 0.91),
            ("title_acc", 0.91),
        ],
    );
    // Scored once before round 8's changes and once after; spent since.
    assert_real_floors(
        "heldout-8",
        &[
            ("event_f1", 0.62),
            ("event_recall", 0.59),
            ("participant_f1", 0.93),
            ("date_exact", 0.84),
            ("place_f1", 0.87),
            ("place_precision", 0.86),
            ("published_acc", 0.92),
            ("title_acc", 0.86),
        ],
    );
    // Scored once before round 9's changes and once after; spent since.
    assert_real_floors(
        "heldout-9",
        &[
            ("event_f1", 0.66),
            ("event_recall", 0.68),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.87),
            ("place_precision", 0.85),
            ("published_acc", 0.88),
            ("title_acc", 0.83),
        ],
    );
    // Scored once before round 10's changes and once after; spent since.
    assert_real_floors(
        "heldout-10",
        &[
            ("event_f1", 0.58),
            ("event_recall", 0.47),
            ("participant_f1", 0.93),
            ("date_exact", 0.82),
            ("place_f1", 0.84),
            ("place_precision", 0.85),
            ("published_acc", 0.8),
            ("title_acc", 0.88),
        ],
    );
    // Scored once before round 12's changes and once after; spent since.
    assert_real_floors(
        "heldout-12",
        &[
            ("event_f1", 0.42),
            ("event_recall", 0.44),
            ("participant_f1", 0.83),
            ("date_exact", 0.6),
            ("place_f1", 0.87),
            ("place_precision", 0.88),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Scored once before round 14's changes and once after its first stage; spent since.
    assert_real_floors(
        "heldout-14",
        &[
            ("event_f1", 0.6),
            ("event_recall", 0.6),
            ("participant_f1", 0.93),
            ("date_exact", 0.8),
            ("place_f1", 0.83),
            ("place_precision", 0.85),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Collected at the start of round 15; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-16",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.4),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.85),
            ("place_precision", 0.84),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Collected at the start of round 16; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-17",
        &[
            ("event_f1", 0.66),
            ("event_recall", 0.65),
            ("participant_f1", 0.93),
            ("date_exact", 0.75),
            ("place_f1", 0.85),
            ("place_precision", 0.85),
            ("published_acc", 0.88),
            ("title_acc", 0.8),
        ],
    );
    // Collected at the start of round 32's session; scored on arrival and at the round's end
    // (unchanged); spent since.
    assert_real_floors(
        "heldout-33",
        &[
            ("event_f1", 0.52),
            ("event_recall", 0.37),
            ("participant_f1", 0.95),
            ("date_exact", 0.75),
            ("place_f1", 0.84),
            ("place_precision", 0.88),
            ("published_acc", 0.95),
            ("title_acc", 0.9),
        ],
    );
    // Collected in round 30's session and scored as round 31's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-32",
        &[
            ("event_f1", 0.41),
            ("event_recall", 0.28),
            ("participant_f1", 0.93),
            ("date_exact", 0.83),
            ("place_f1", 0.9),
            ("place_precision", 0.89),
            ("published_acc", 0.77),
            ("title_acc", 0.82),
        ],
    );
    // Collected at the start of round 30's session; scored on arrival and at the round's end;
    // spent since.
    assert_real_floors(
        "heldout-31",
        &[
            ("event_f1", 0.49),
            ("event_recall", 0.43),
            ("participant_f1", 0.92),
            ("date_exact", 0.65),
            ("place_f1", 0.89),
            ("place_precision", 0.9),
            ("published_acc", 0.84),
            ("title_acc", 0.95),
        ],
    );
    // Collected in round 28's session and scored as round 29's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-30",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.42),
            ("participant_f1", 0.87),
            ("date_exact", 0.84),
            ("place_f1", 0.83),
            ("place_precision", 0.86),
            ("published_acc", 0.95),
            ("title_acc", 0.83),
        ],
    );
    // Collected in round 27's session and scored as round 28's, on arrival and at the round's
    // end; spent since. Round 32 found its expo organiser's eight agreements ("with nine Yangtze
    // Delta cities - …"), dated by the "2010 World Expo" in the organiser's name, which the
    // labeller left year-unknown: events up, exact dates over the matched pairs down.
    assert_real_floors(
        "heldout-29",
        &[
            ("event_f1", 0.73),
            ("event_recall", 0.69),
            ("participant_f1", 0.92),
            ("date_exact", 0.56),
            ("place_f1", 0.87),
            ("place_precision", 0.89),
            ("published_acc", 0.95),
            ("title_acc", 0.9),
        ],
    );
    // Collected at the start of round 27; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-28",
        &[
            ("event_f1", 0.58),
            ("event_recall", 0.5),
            ("participant_f1", 0.93),
            ("date_exact", 0.86),
            ("place_f1", 0.82),
            ("place_precision", 0.79),
            ("published_acc", 0.95),
            ("title_acc", 0.95),
        ],
    );
    // Collected at the start of round 26; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-27",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.42),
            ("participant_f1", 0.94),
            ("date_exact", 0.83),
            ("place_f1", 0.88),
            ("place_precision", 0.88),
            ("published_acc", 0.95),
            ("title_acc", 0.95),
        ],
    );
    // Collected in round 24's session and scored as round 25's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-26",
        &[
            ("event_f1", 0.64),
            ("event_recall", 0.62),
            ("participant_f1", 0.91),
            ("date_exact", 0.7),
            ("place_f1", 0.84),
            ("place_precision", 0.83),
            ("published_acc", 0.83),
            ("title_acc", 0.77),
        ],
    );
    // Collected in round 23's session and scored as round 24's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-25",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.58),
            ("participant_f1", 0.92),
            ("date_exact", 0.78),
            ("place_f1", 0.88),
            ("place_precision", 0.9),
            ("published_acc", 0.87),
            ("title_acc", 0.89),
        ],
    );
    // Collected at the start of round 23; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-24",
        &[
            ("event_f1", 0.74),
            ("event_recall", 0.66),
            ("participant_f1", 0.93),
            ("date_exact", 0.64),
            ("place_f1", 0.85),
            ("place_precision", 0.85),
            ("published_acc", 0.88),
            ("title_acc", 0.9),
        ],
    );
    // Collected in round 21's session and scored as round 22's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-23",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.5),
            ("participant_f1", 0.93),
            ("date_exact", 0.8),
            ("place_f1", 0.9),
            ("place_precision", 0.9),
            ("published_acc", 0.93),
            ("title_acc", 0.88),
        ],
    );
    // Collected in round 20's session and scored as round 21's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-22",
        &[
            ("event_f1", 0.66),
            ("event_recall", 0.62),
            ("participant_f1", 0.93),
            ("date_exact", 0.75),
            ("place_f1", 0.9),
            ("place_precision", 0.88),
            ("published_acc", 0.88),
            ("title_acc", 0.84),
        ],
    );
    // Collected at the start of round 20; scored on arrival and at the round's end; spent
    // since (a later rule read its forum in Shanghai: the current score is above the final).
    assert_real_floors(
        "heldout-21",
        &[
            ("event_f1", 0.44),
            ("event_recall", 0.45),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.9),
            ("place_precision", 0.9),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Collected in round 18's session and scored as round 19's, on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-20",
        &[
            ("event_f1", 0.45),
            ("event_recall", 0.33),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.88),
            ("place_precision", 0.9),
            ("published_acc", 0.82),
            ("title_acc", 0.93),
        ],
    );
    // Collected at the start of round 18; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-19",
        &[
            ("event_f1", 0.45),
            ("event_recall", 0.3),
            ("participant_f1", 0.9),
            ("date_exact", 0.6),
            ("place_f1", 0.83),
            ("place_precision", 0.82),
            ("published_acc", 0.93),
            ("title_acc", 0.74),
        ],
    );
    // Collected at the start of round 17; scored on arrival and at the round's end; spent
    // since.
    assert_real_floors(
        "heldout-18",
        &[
            ("event_f1", 0.54),
            ("event_recall", 0.45),
            ("participant_f1", 0.93),
            ("date_exact", 0.3),
            ("place_f1", 0.88),
            ("place_precision", 0.88),
            ("published_acc", 0.8),
            ("title_acc", 0.93),
        ],
    );
    // Collected in round 14 once heldout-14 was spent; scored on arrival and at the round's
    // end; spent since.
    assert_real_floors(
        "heldout-15",
        &[
            ("event_f1", 0.6),
            ("event_recall", 0.47),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.88),
            ("place_precision", 0.88),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Scored once before round 13's changes and once after; spent since.
    assert_real_floors(
        "heldout-13",
        &[
            ("event_f1", 0.56),
            ("event_recall", 0.53),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.8),
            ("place_precision", 0.8),
            ("published_acc", 0.88),
            ("title_acc", 0.93),
        ],
    );
    // Scored once before round 11's changes and once after; spent since (then tuned on in
    // round 12). Round 16 matched one more event, which the page dates only by an
    // anniversary's month: its date stays unknown, so dates exact among the matched fell.
    assert_real_floors(
        "heldout-11",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.55),
            ("participant_f1", 0.89),
            ("date_exact", 0.88),
            ("place_f1", 0.85),
            ("place_precision", 0.85),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Collected in round 8 to tune on (labels not second-checked).
    assert_real_floors(
        "dev-5",
        &[
            ("event_f1", 0.63),
            ("event_recall", 0.6),
            ("participant_f1", 0.93),
            ("date_exact", 0.77),
            ("place_f1", 0.83),
            ("place_precision", 0.83),
            ("published_acc", 0.95),
            ("title_acc", 0.95),
        ],
    );
    // Scored once before round 5's changes and once after; spent since.
    assert_real_floors(
        "heldout-5",
        &[
            ("event_f1", 0.76),
            ("event_recall", 0.69),
            ("participant_f1", 0.93),
            ("date_exact", 0.79),
            ("place_f1", 0.86),
            ("place_precision", 0.84),
            ("published_acc", 0.95),
            ("title_acc", 0.89),
        ],
    );
}

/// The real Chinese news pages (`tests/data/real-zh`, see its README): floors a little under
/// the figures at the end of issue 12's first session, on the development part and on the
/// held-out part (whose documents are not read one by one: it guards, the README measures).
#[test]
fn real_chinese_page_scores_do_not_regress() {
    assert_set_floors(
        "real-zh",
        "dev",
        &[
            ("event_f1", 0.65),
            ("event_recall", 0.73),
            ("participant_f1", 0.92),
            ("date_exact", 0.69),
            ("place_f1", 0.77),
            ("place_precision", 0.86),
            ("published_acc", 0.95),
            ("title_acc", 0.91),
        ],
    );
    assert_set_floors(
        "real-zh",
        "heldout",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.53),
            ("date_exact", 0.76),
            ("place_f1", 0.82),
            ("place_precision", 0.83),
            ("published_acc", 0.75),
            // 0.875 since round 13: a slogan above a Chinese headline is read as its kicker
            // (right on three pages of the other parts), and q003's headline is such a slogan.
            ("title_acc", 0.85),
        ],
    );
    // Scored once before the second session's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-2",
        &[
            ("event_f1", 0.59),
            ("event_recall", 0.69),
            ("participant_f1", 0.91),
            ("date_exact", 0.79),
            ("place_f1", 0.8),
            ("place_precision", 0.84),
            ("published_acc", 0.8),
            ("title_acc", 0.87),
        ],
    );
    // Scored once before the fifth session's changes and once at its end; spent since (then
    // tuned on: two more events matched, each a day or a month off, so dates over matched
    // events fell while events rose).
    assert_set_floors(
        "real-zh",
        "heldout-4",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.64),
            ("participant_f1", 0.93),
            ("date_exact", 0.75),
            ("place_f1", 0.78),
            ("place_precision", 0.85),
            ("published_acc", 0.9),
            ("title_acc", 0.73),
        ],
    );
    // Collected in the fifth session to tune on (labels not second-checked).
    assert_set_floors(
        "real-zh",
        "dev-2",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.45),
            ("participant_f1", 0.95),
            ("date_exact", 0.85),
            ("place_f1", 0.82),
            ("place_precision", 0.83),
            ("published_acc", 0.88),
            ("title_acc", 0.88),
        ],
    );
    // Scored once before the sixth session's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-5",
        &[
            ("event_f1", 0.63),
            ("event_recall", 0.74),
            ("participant_f1", 0.92),
            ("date_exact", 0.83),
            ("place_f1", 0.82),
            ("place_precision", 0.87),
            ("published_acc", 0.72),
            ("title_acc", 0.62),
        ],
    );
    // Collected in the sixth session to tune on (labels not second-checked).
    assert_set_floors(
        "real-zh",
        "dev-3",
        &[
            ("event_f1", 0.48),
            ("event_recall", 0.49),
            ("participant_f1", 0.83),
            ("date_exact", 0.82),
            ("place_f1", 0.8),
            ("place_precision", 0.79),
            ("published_acc", 0.77),
            ("title_acc", 0.95),
        ],
    );
    // Scored once before round 14's changes and once after its first stage; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-12",
        &[
            ("event_f1", 0.53),
            ("event_recall", 0.57),
            ("participant_f1", 0.9),
            ("date_exact", 0.64),
            ("place_f1", 0.78),
            ("place_precision", 0.82),
            ("published_acc", 0.85),
            ("title_acc", 0.88),
        ],
    );
    // Collected at the start of round 32's session; scored on arrival and at the round's end
    // (unchanged); spent since.
    assert_set_floors(
        "real-zh",
        "heldout-31",
        &[
            ("event_f1", 0.74),
            ("event_recall", 0.63),
            ("participant_f1", 0.92),
            ("date_exact", 0.62),
            ("place_f1", 0.8),
            ("place_precision", 0.84),
            ("published_acc", 0.95),
            ("title_acc", 0.95),
        ],
    );
    // Collected in round 30's session and scored as round 31's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-30",
        &[
            ("event_f1", 0.7),
            ("event_recall", 0.7),
            ("participant_f1", 0.92),
            ("date_exact", 0.62),
            ("place_f1", 0.82),
            ("place_precision", 0.86),
            ("published_acc", 0.95),
            ("title_acc", 0.87),
        ],
    );
    // Collected at the start of round 30's session; scored on arrival and at the round's end;
    // spent since.
    assert_set_floors(
        "real-zh",
        "heldout-29",
        &[
            ("event_f1", 0.47),
            ("event_recall", 0.43),
            ("participant_f1", 0.93),
            ("date_exact", 0.68),
            ("place_f1", 0.83),
            ("place_precision", 0.88),
            ("published_acc", 0.85),
            ("title_acc", 0.73),
        ],
    );
    // Collected in round 28's session and scored as round 29's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-28",
        &[
            ("event_f1", 0.71),
            ("event_recall", 0.66),
            ("participant_f1", 0.91),
            ("date_exact", 0.83),
            ("place_f1", 0.83),
            ("place_precision", 0.87),
            ("published_acc", 0.75),
            ("title_acc", 0.95),
        ],
    );
    // Collected in round 27's session and scored as round 28's, on arrival and at the round's
    // end; spent since (then tuned on).
    assert_set_floors(
        "real-zh",
        "heldout-27",
        &[
            ("event_f1", 0.67),
            ("event_recall", 0.72),
            ("participant_f1", 0.93),
            ("date_exact", 0.82),
            ("place_f1", 0.76),
            ("place_precision", 0.83),
            ("published_acc", 0.88),
            ("title_acc", 0.95),
        ],
    );
    // Collected at the start of round 27; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-26",
        &[
            ("event_f1", 0.72),
            ("event_recall", 0.72),
            ("participant_f1", 0.94),
            ("date_exact", 0.71),
            ("place_f1", 0.82),
            ("place_precision", 0.85),
            ("published_acc", 0.86),
            ("title_acc", 0.95),
        ],
    );
    // Collected at the start of round 26; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-25",
        &[
            ("event_f1", 0.62),
            ("event_recall", 0.62),
            ("participant_f1", 0.93),
            ("date_exact", 0.87),
            ("place_f1", 0.77),
            ("place_precision", 0.77),
            ("published_acc", 0.8),
            ("title_acc", 0.87),
        ],
    );
    // Collected in round 24's session and scored as round 25's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-24",
        &[
            ("event_f1", 0.58),
            ("event_recall", 0.49),
            ("participant_f1", 0.93),
            ("date_exact", 0.72),
            ("place_f1", 0.81),
            ("place_precision", 0.87),
            ("published_acc", 0.95),
            ("title_acc", 0.87),
        ],
    );
    // Collected in round 23's session and scored as round 24's, on arrival and at the round's
    // end; spent since (a count of money, "2000万元", is no year: 0.78 -> 0.80 after).
    assert_set_floors(
        "real-zh",
        "heldout-23",
        &[
            ("event_f1", 0.74),
            ("event_recall", 0.78),
            ("participant_f1", 0.9),
            ("date_exact", 0.76),
            ("place_f1", 0.81),
            ("place_precision", 0.8),
            ("published_acc", 0.8),
            ("title_acc", 0.94),
        ],
    );
    // Collected at the start of round 23; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-22",
        &[
            ("event_f1", 0.63),
            ("event_recall", 0.7),
            ("participant_f1", 0.95),
            ("date_exact", 0.82),
            ("place_f1", 0.89),
            ("place_precision", 0.9),
            ("published_acc", 0.88),
            ("title_acc", 0.9),
        ],
    );
    // Collected in round 21's session and scored as round 22's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-21",
        &[
            ("event_f1", 0.8),
            ("event_recall", 0.83),
            ("participant_f1", 0.88),
            ("date_exact", 0.88),
            ("place_f1", 0.86),
            ("place_precision", 0.9),
            ("published_acc", 0.93),
            ("title_acc", 0.93),
        ],
    );
    // Collected in round 20's session and scored as round 21's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-20",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.6),
            ("participant_f1", 0.88),
            ("date_exact", 0.78),
            ("place_f1", 0.83),
            ("place_precision", 0.88),
            ("published_acc", 0.88),
            ("title_acc", 0.88),
        ],
    );
    // Collected at the start of round 20; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-19",
        &[
            ("event_f1", 0.53),
            ("event_recall", 0.5),
            ("participant_f1", 0.9),
            ("date_exact", 0.7),
            ("place_f1", 0.8),
            ("place_precision", 0.88),
            ("published_acc", 0.93),
            ("title_acc", 0.8),
        ],
    );
    // Collected in round 18's session and scored as round 19's, on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-18",
        &[
            ("event_f1", 0.44),
            ("event_recall", 0.42),
            ("participant_f1", 0.93),
            ("date_exact", 0.6),
            ("place_f1", 0.82),
            ("place_precision", 0.85),
            ("published_acc", 0.93),
            ("title_acc", 0.63),
        ],
    );
    // Collected at the start of round 18; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-17",
        &[
            ("event_f1", 0.62),
            ("event_recall", 0.6),
            ("participant_f1", 0.9),
            ("date_exact", 0.5),
            ("place_f1", 0.8),
            ("place_precision", 0.88),
            ("published_acc", 0.82),
            ("title_acc", 0.93),
        ],
    );
    // Collected at the start of round 17; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-16",
        &[
            ("event_f1", 0.6),
            ("event_recall", 0.58),
            ("participant_f1", 0.93),
            ("date_exact", 0.65),
            ("place_f1", 0.85),
            ("place_precision", 0.88),
            ("published_acc", 0.82),
            ("title_acc", 0.93),
        ],
    );
    // Collected at the start of round 16; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-15",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.45),
            ("participant_f1", 0.93),
            ("date_exact", 0.75),
            ("place_f1", 0.83),
            ("place_precision", 0.87),
            ("published_acc", 0.93),
            ("title_acc", 0.78),
        ],
    );
    // Collected at the start of round 15; scored on arrival and at the round's end; spent
    // since.
    assert_set_floors(
        "real-zh",
        "heldout-14",
        &[
            ("event_f1", 0.53),
            ("event_recall", 0.65),
            ("participant_f1", 0.9),
            ("date_exact", 0.6),
            ("place_f1", 0.8),
            ("place_precision", 0.85),
            ("published_acc", 0.88),
            ("title_acc", 0.88),
        ],
    );
    // Collected in round 14 once heldout-12 was spent; scored on arrival and at the round's
    // end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-13",
        &[
            ("event_f1", 0.6),
            ("event_recall", 0.7),
            ("participant_f1", 0.85),
            ("date_exact", 0.58),
            ("place_f1", 0.78),
            ("place_precision", 0.85),
            ("published_acc", 0.85),
            ("title_acc", 0.8),
        ],
    );
    // Scored once before round 13's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-11",
        &[
            ("event_f1", 0.5),
            ("event_recall", 0.6),
            ("participant_f1", 0.93),
            ("date_exact", 0.85),
            ("place_f1", 0.8),
            ("place_precision", 0.83),
            ("published_acc", 0.83),
            ("title_acc", 0.72),
        ],
    );
    // Scored once before round 12's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-10",
        &[
            ("event_f1", 0.61),
            ("event_recall", 0.67),
            ("participant_f1", 0.9),
            ("date_exact", 0.72),
            ("place_f1", 0.86),
            ("place_precision", 0.88),
            ("published_acc", 0.72),
            ("title_acc", 0.82),
        ],
    );
    // Scored once before round 11's changes and once after; spent since (then tuned on in
    // round 12).
    assert_set_floors(
        "real-zh",
        "heldout-9",
        &[
            ("event_f1", 0.65),
            ("event_recall", 0.75),
            ("participant_f1", 0.93),
            ("date_exact", 0.84),
            ("place_f1", 0.77),
            ("place_precision", 0.8),
            ("published_acc", 0.86),
            ("title_acc", 0.76),
        ],
    );
    // Scored once before round 10's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-8",
        &[
            ("event_f1", 0.65),
            ("event_recall", 0.75),
            ("participant_f1", 0.93),
            ("date_exact", 0.75),
            ("place_f1", 0.85),
            ("place_precision", 0.86),
            ("published_acc", 0.83),
            ("title_acc", 0.83),
        ],
    );
    // Scored once before the seventh session's second round and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-7",
        &[
            ("event_f1", 0.57),
            ("event_recall", 0.6),
            ("participant_f1", 0.92),
            ("date_exact", 0.6),
            ("place_f1", 0.83),
            ("place_precision", 0.83),
            ("published_acc", 0.87),
            ("title_acc", 0.77),
        ],
    );
    // Scored once before the seventh session's changes and once after; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-6",
        &[
            ("event_f1", 0.54),
            ("event_recall", 0.51),
            ("participant_f1", 0.92),
            ("date_exact", 0.75),
            ("place_f1", 0.76),
            ("place_precision", 0.83),
            ("published_acc", 0.86),
            ("title_acc", 0.83),
        ],
    );
    // Collected in the seventh session to tune on (labels not second-checked).
    assert_set_floors(
        "real-zh",
        "dev-4",
        &[
            ("event_f1", 0.7),
            ("event_recall", 0.8),
            ("participant_f1", 0.95),
            ("date_exact", 0.95),
            ("place_f1", 0.84),
            ("place_precision", 0.87),
            ("published_acc", 0.95),
            ("title_acc", 0.89),
        ],
    );
    // Scored once before the third session's changes and once at the fourth's end; spent since.
    assert_set_floors(
        "real-zh",
        "heldout-3",
        &[
            ("event_f1", 0.53),
            ("event_recall", 0.5),
            ("participant_f1", 0.92),
            ("date_exact", 0.8),
            ("place_f1", 0.76),
            ("place_precision", 0.83),
            ("published_acc", 0.95),
            ("title_acc", 0.79),
        ],
    );
}

/// Scores one part of `tests/data/real-en` against its floors.
fn assert_real_floors(part: &str, floors: &[(&str, f64)]) {
    assert_set_floors("real-en", part, floors);
}

/// Scores one part of a set of real pages in `tests/data` against its floors.
fn assert_set_floors(set: &str, part: &str, floors: &[(&str, f64)]) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set)
        .join(part);
    if let Some(summary) = scores(&folder.join("articles"), &folder.join("gold.json")) {
        assert_floors(part, &summary, floors);
    }
}
