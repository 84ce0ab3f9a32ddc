//! The bundled seeds through the whole pipeline, as `accord extract seeds --json` prints them.

use accord::cli::{ExtractArgs, extract};
use accord::ingest::IngestOptions;

fn extract_json(args: &[&str]) -> serde_json::Value {
    let mut out = Vec::new();
    let args = ExtractArgs {
        paths: vec![crate::util::seeds()],
        json: args.contains(&"--json"),
        jsonl: args.contains(&"--jsonl"),
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    extract(&args, &mut out).expect("extract runs on the seeds");
    serde_json::from_slice(&out).expect("valid JSON")
}

#[test]
fn extract_json_lists_the_five_seed_headlines() {
    let json = extract_json(&["--json"]);
    let documents = json["documents"].as_array().expect("a documents array");
    assert_eq!(documents.len(), 5);
    let titles: Vec<&str> = documents
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "The three districts in the south of Nanjing have carried out regional linkage cooperation",
            "First entrepreneurial breakfast meeting held in Jiangning district",
            "Dai Huajie: Deepen the coordinated development of regions and shoulder the banner of \"strong industrial zone\"",
            "Advancing integration and focusing on quality",
            "Liangjiang New Area, Tianfu New Area to Establish Industrial Flagship Alliance in Eight Fields",
        ]
    );
    let files: Vec<&str> = documents
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files[0], "000_b35e2f8a3ae0da1f.txt");
    for document in documents {
        assert!(document["places"].is_array() && document["events"].is_array());
    }
    assert_eq!(json["skipped"].as_array().map(Vec::len), Some(0));
}

#[test]
fn only_the_qixia_interview_shows_a_page_date() {
    let json = extract_json(&["--json"]);
    let published: Vec<Option<&str>> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["published"].as_str())
        .collect();
    assert_eq!(published, [None, None, Some("2024-02-23"), None, None]);
}

#[test]
fn seed_bodies_are_free_of_clutter() {
    let corpus = accord::cli::load(&[crate::util::seeds()], &IngestOptions::default());
    let body = |prefix: &str| {
        corpus
            .documents()
            .iter()
            .find(|d| d.paths[0].relative.starts_with(prefix))
            .map(|d| d.body().unwrap().to_owned())
            .unwrap()
    };
    let clutter = [
        "Contact Us",
        "SiteMap",
        "Facebook",
        "Telegram",
        "Scroll to Top",
        "zh_CN",
        "Leave Comment",
        "Your email address",
        "NEWS.LONGHOO.NET",
        "Your location",
        "News serves as",
        "Head Office",
        "Source: nanjing daily",
        "2024-02-23 07:15",
        "Reporter",
    ];
    for prefix in ["000", "001", "002", "003", "004"] {
        let body = body(prefix);
        for word in clutter {
            assert!(!body.contains(word), "{prefix} body still has {word:?}");
        }
    }
    assert!(body("000").starts_with("On May 7, Jiangning District"));
    assert!(body("000").ends_with("national aerospace economy."));
    assert!(body("001").starts_with("Stable and sustainable sailing"));
    assert!(body("002").starts_with("\"The Municipal Party Committee"));
    assert!(body("003").ends_with("science and technology collaborative innovation network."));
    assert!(body("004").ends_with("high-level exhibition projects."));
}

#[test]
fn jsonl_prints_one_document_per_line() {
    let mut out = Vec::new();
    let args = ExtractArgs {
        paths: vec![crate::util::seeds()],
        json: false,
        jsonl: true,
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    extract(&args, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 5);
    for line in text.lines() {
        let document: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(document["title"].is_string());
    }
}

/// The installed command, as a user types it.
fn accord(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_accord_command_prints_json_help_version_and_fails_on_a_missing_path() {
    let output = accord(&["extract", "seeds", "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["documents"][2]["published"], "2024-02-23");

    let summary = String::from_utf8(accord(&["extract", "seeds"]).stdout).unwrap();
    assert!(summary.contains("5 documents read, 0 files skipped"));

    let help = accord(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("extract"));
    let version = accord(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));

    let missing = accord(&["extract", "no/such/folder"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file or folder"));
}
