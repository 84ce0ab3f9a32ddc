//! Pipeline throughput: `cargo bench --bench ingest`.
//!
//! Builds its own corpus (documents made by recombining seed paragraphs, half as HTML pages),
//! then measures, single-threaded in memory: extraction alone on clean bodies, and reading
//! (decode + HTML conversion + cleaning + extraction); then the whole pipeline (walk, read,
//! clean, extract) with rayon on a temporary folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use accord::ingest::{IngestOptions, read_document};
use accord::model::{DocPath, Format, SourceId};

/// Documents in the built corpus; `ACCORD_BENCH_DOCUMENTS` overrides it (e.g. a smaller corpus
/// for a run under callgrind).
const DOCUMENTS: usize = 10_000;

/// How many times extraction alone is timed; the fastest pass is reported.
const PASSES: usize = 3;

fn main() -> std::io::Result<()> {
    let documents = std::env::var("ACCORD_BENCH_DOCUMENTS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DOCUMENTS);
    // The one-time set-up (building the gazetteer's matcher, compiling the patterns) is
    // measured on its own, so the throughputs below are the steady state a long load sees.
    let started = Instant::now();
    let gazetteer = accord::extract::Gazetteer::bundled();
    accord::extract::extract_text("Warm-up in Nanjing on May 7, 2020.", None, gazetteer);
    println!(
        "one-time set-up (gazetteer matcher, patterns): {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let paragraphs = seed_paragraphs();
    let corpus: Vec<(String, Vec<u8>, Format)> = (0..documents)
        .map(|index| make_document(index, &paragraphs))
        .collect();
    let total_bytes: usize = corpus.iter().map(|(_, bytes, _)| bytes.len()).sum();
    println!(
        "corpus: {documents} documents, {:.1} MB",
        total_bytes as f64 / 1e6
    );

    let bodies: Vec<(String, Option<accord::model::PartialDate>)> = corpus
        .iter()
        .filter_map(|(name, bytes, format)| {
            let path = DocPath {
                source: SourceId(0),
                path: PathBuf::from(name),
                relative: name.clone(),
            };
            read_document(bytes, *format, path).ok()
        })
        .map(|document| {
            (
                document.body().unwrap_or_default().to_owned(),
                document.meta.published,
            )
        })
        .collect();
    let body_bytes: usize = bodies.iter().map(|(body, _)| body.len()).sum();
    let gazetteer = accord::extract::Gazetteer::bundled();
    // The fastest of a few passes: on a shared or virtual machine a single pass is as much a
    // measure of the neighbours as of the code.
    let mut fastest = Duration::MAX;
    let mut events = 0usize;
    for _ in 0..PASSES {
        let started = Instant::now();
        events = 0;
        for (body, published) in &bodies {
            events += accord::extract::extract_text(body, *published, gazetteer)
                .events
                .len();
        }
        fastest = fastest.min(started.elapsed());
    }
    report(
        &format!("extraction alone, single thread (fastest of {PASSES} passes)"),
        fastest,
        bodies.len(),
        body_bytes,
    );
    println!("  ({events} events found)");

    // Chinese: documents recombined from the lines of the real Chinese pages (simplified and
    // traditional), extraction alone (issue 12's target: 15 MB/s on one thread).
    let chinese = chinese_documents(documents / 5);
    let chinese_bytes: usize = chinese.iter().map(String::len).sum();
    // The word segmenter's dictionary loads once per process, on the first Chinese page: timed
    // on its own, not as throughput.
    let started = Instant::now();
    accord::extract::extract_text("北海与白银签署协议。", None, gazetteer);
    println!(
        "Chinese word segmenter, loaded once: {} ms",
        started.elapsed().as_millis()
    );
    // Fastest of a few passes, as for English: the first pass also fills the patterns' lazy
    // automata for Chinese text, a one-time cost that a long load does not pay per page.
    let mut fastest = Duration::MAX;
    let mut chinese_events = 0usize;
    for _ in 0..PASSES {
        let started = Instant::now();
        chinese_events = 0;
        for body in &chinese {
            chinese_events += accord::extract::extract_text(body, None, gazetteer)
                .events
                .len();
        }
        fastest = fastest.min(started.elapsed());
    }
    report(
        &format!("Chinese extraction alone, single thread (fastest of {PASSES} passes)"),
        fastest,
        chinese.len(),
        chinese_bytes,
    );
    println!("  ({chinese_events} events found)");

    // One long Chinese report (the Chinese documents above as one, 2.7 MB at the default
    // size; one run, as the English long report): it must cost
    // no more per byte than the short ones (a scan of the whole page for each clause once
    // made a 2.5 MB Chinese page take 6 s).
    let long_chinese = chinese.join("\n\n");
    let started = Instant::now();
    let found = accord::extract::extract_text(&long_chinese, None, gazetteer)
        .events
        .len();
    report(
        "one long Chinese report, single thread",
        started.elapsed(),
        1,
        long_chinese.len(),
    );
    println!("  ({found} events found)");

    let started = Instant::now();
    let mut loaded = 0usize;
    for (name, bytes, format) in &corpus {
        let path = DocPath {
            source: SourceId(0),
            path: PathBuf::from(name),
            relative: name.clone(),
        };
        if read_document(bytes, *format, path).is_ok() {
            loaded += 1;
        }
    }
    report(
        "single thread, in memory",
        started.elapsed(),
        loaded,
        total_bytes,
    );

    // One long report (all the corpus's paragraphs in one document, a few MB): the stages
    // must stay linear in the length of a document, not only across documents.
    let long: String = bodies
        .iter()
        .take(1_000)
        .map(|(body, _)| body.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let started = Instant::now();
    let found = accord::extract::extract_text(&long, None, gazetteer)
        .events
        .len();
    report(
        "one long report, single thread",
        started.elapsed(),
        1,
        long.len(),
    );
    println!("  ({found} events found)");

    // Pathological shapes (issue 13): each must stay linear, at 5 MB/s or more. Before, a 5 MB
    // sentence-free line took 117 s, 100,000 nested divs 33 s.
    let shapes: [(&str, String, bool); 5] = [
        (
            "a sentence-free line of one repeated signing (5 MB)",
            "On May 7, Wuxi and Xuzhou signed ".repeat(150_000),
            false,
        ),
        (
            "\"On May 7, 2019, \" repeated (1.6 MB)",
            "On May 7, 2019, ".repeat(100_000),
            false,
        ),
        (
            "\"2019年\" repeated (1.6 MB)",
            "2019年".repeat(230_000),
            false,
        ),
        (
            "one article's sentences repeated (5 MB)",
            "Wuxi and Xuzhou signed an agreement on May 7, 2019, in Wuxi. ".repeat(80_000),
            false,
        ),
        (
            "100,000 nested divs (HTML)",
            format!(
                "<html><body>{}Wuxi and Xuzhou signed an agreement.{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
            true,
        ),
    ];
    for (label, text, html) in &shapes {
        let format = if *html { Format::Html } else { Format::Text };
        let path = DocPath {
            source: SourceId(0),
            path: PathBuf::from("shape"),
            relative: "shape".to_owned(),
        };
        let started = Instant::now();
        let read = read_document(text.as_bytes(), format, path).is_ok();
        report(
            &format!("pathological: {label}"),
            started.elapsed(),
            usize::from(read),
            text.len(),
        );
    }

    let dir = tempfile::tempdir()?;
    for (name, bytes, _) in &corpus {
        std::fs::write(dir.path().join(name), bytes)?;
    }
    let started = Instant::now();
    let loaded_corpus = accord::cli::load(&[dir.path().to_path_buf()], &IngestOptions::default());
    report(
        &format!(
            "rayon on {} threads, from disk",
            rayon::current_num_threads()
        ),
        started.elapsed(),
        loaded_corpus.documents().len(),
        total_bytes,
    );
    Ok(())
}

fn report(label: &str, elapsed: Duration, documents: usize, bytes: usize) {
    let seconds = elapsed.as_secs_f64();
    println!(
        "{label}: {documents} documents in {:.0} ms = {:.0} documents/s, {:.1} MB/s",
        seconds * 1e3,
        documents as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
}

/// Chinese documents of six lines each, chosen by index from the lines of the real Chinese
/// development pages (`tests/data/real-zh/dev/articles`).
fn chinese_documents(count: usize) -> Vec<String> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/real-zh/dev/articles");
    let mut lines: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
                .flat_map(|text| text.lines().map(str::to_owned).collect::<Vec<_>>())
                .filter(|line| !line.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    lines.sort();
    if lines.is_empty() {
        return Vec::new();
    }
    (0..count)
        .map(|index| {
            (0..6)
                .map(|k| lines[(index * 7 + k * 13) % lines.len()].as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

/// Every non-empty line of the seeds, clutter included, as building blocks.
fn seed_paragraphs() -> Vec<String> {
    accord::seeds::files()
        .into_iter()
        .flat_map(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// A distinct document: a few paragraphs chosen by the index, with a headline; odd ones as HTML.
fn make_document(index: usize, paragraphs: &[String]) -> (String, Vec<u8>, Format) {
    let pick = |k: usize| &paragraphs[(index * 7 + k * 13) % paragraphs.len()];
    let headline = format!("Cooperation report number {index}");
    let body: Vec<&String> = (0..6).map(pick).collect();
    if index.is_multiple_of(2) {
        let text = format!(
            "{headline}\n\n{}\n",
            body.iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        );
        (
            format!("doc{index:05}.txt"),
            text.into_bytes(),
            Format::Text,
        )
    } else {
        let html = format!(
            "<html><head><title>{headline} - News</title></head><body><nav><a>Home</a><a>News</a></nav><h1>{headline}</h1>{}</body></html>",
            body.iter()
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        );
        (
            format!("doc{index:05}.html"),
            html.into_bytes(),
            Format::Html,
        )
    }
}
