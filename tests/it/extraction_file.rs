//! Opening what `accord extract --jsonl` wrote: through the app's state, the desk shows the same
//! events as the folder it was made from, with the articles' text or only their evidence; in
//! the window, File → Open path… opens it with the articles' folder typed beside it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use accord::app::AccordApp;
use accord::model::{DocumentId, SourceId};
use accord::state::{
    AppState, Command as AppCommand, LibraryCommand, OpenedExtraction, Preferences,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// What `accord extract FOLDER --jsonl` prints, run as a user runs it.
fn extract_jsonl(folder: &Path) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("extract")
        .arg(folder)
        .arg("--jsonl")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    output.stdout
}

/// The app's state with its notebook (and library index) in `folder`, the bundled seeds
/// loaded and then removed, so that only what the test opens is on the desk.
fn state_without_seeds(folder: &Path) -> AppState {
    let mut state = AppState::with_notebook(
        Preferences::default(),
        Arc::new(|| {}),
        Some(folder.join("notebook.ron")),
    );
    settle(&mut state);
    let bundled = state.library.corpus.sources()[0].clone();
    assert_eq!(bundled.root, None, "source 0 is the bundled seeds");
    state.handle(AppCommand::Library(LibraryCommand::RemoveSource(
        bundled.id,
    )));
    assert!(state.library.corpus.documents().is_empty());
    state
}

/// Polls until no load is running, then brings the desk up to date.
fn settle(state: &mut AppState) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        state.poll();
        if !state.is_loading() {
            break;
        }
        assert!(Instant::now() < deadline, "loading did not finish");
        std::thread::sleep(Duration::from_millis(5));
    }
    state.refresh_desk();
}

/// One desk event as compared: date, kind, parties (name and place), and the documents that
/// report it.
type DeskEvent = (
    Option<String>,
    &'static str,
    Vec<(String, bool)>,
    Vec<DocumentId>,
);

/// The desk's events, in the desk's order.
fn desk_events(state: &AppState) -> Vec<DeskEvent> {
    state
        .desk
        .events
        .iter()
        .map(|merged| {
            (
                merged.event.date.map(|date| date.edtf()),
                merged.event.kind.label(),
                merged
                    .event
                    .participants
                    .iter()
                    .map(|party| (party.name.clone(), party.entry.is_some()))
                    .collect(),
                merged.sources.iter().map(|(id, _)| *id).collect(),
            )
        })
        .collect()
}

/// The desk after opening `paths` as folders.
fn desk_of_folder(folder: &Path) -> Vec<DeskEvent> {
    let notebook = tempfile::tempdir().unwrap();
    let mut state = state_without_seeds(notebook.path());
    state.handle(AppCommand::Library(LibraryCommand::OpenPaths(vec![
        folder.to_path_buf(),
    ])));
    settle(&mut state);
    desk_events(&state)
}

/// The state after opening an extraction file (with its articles' folder, if given).
fn state_of_extraction(file: &Path, articles: Option<&Path>, notebook: &Path) -> AppState {
    let mut state = state_without_seeds(notebook);
    state.handle(AppCommand::Library(LibraryCommand::OpenExtraction(
        OpenedExtraction {
            file: file.to_path_buf(),
            articles: articles.map(Path::to_path_buf),
        },
    )));
    settle(&mut state);
    state
}

#[test]
fn the_seeds_extraction_gives_the_desk_the_folders_events_with_or_without_the_articles() {
    let seeds = crate::util::seeds();
    let expected = desk_of_folder(&seeds);
    assert_eq!(expected.len(), 7, "{expected:?}");
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("seeds.jsonl");
    std::fs::write(&file, extract_jsonl(&seeds)).unwrap();

    // The articles' folder given: the same events, the text read from the files.
    let state = state_of_extraction(&file, Some(&seeds), folder.path());
    assert_eq!(desk_events(&state), expected);
    assert_eq!(state.library.corpus.documents().len(), 5);
    assert!(
        state
            .library
            .corpus
            .documents()
            .iter()
            .all(|document| document.warnings().is_empty())
    );
    let message = &state.messages.last().unwrap().text;
    assert_eq!(message, "Opened 5 articles from seeds.jsonl.");
    assert_eq!(
        state.preferences.open_extractions,
        [OpenedExtraction {
            file: file.clone(),
            articles: Some(seeds.clone()),
        }]
    );

    // Not found: the same events (dates, kinds, parties, reports), evidence as the text.
    drop(state);
    let state = state_of_extraction(&file, None, folder.path());
    assert_eq!(desk_events(&state), expected);
    let message = &state.messages.last().unwrap().text;
    assert!(
        message.starts_with(
            "Opened 5 articles from seeds.jsonl; 5 articles' text was not found (their evidence sentences are shown)."
        ),
        "{message}"
    );
    for document in state.library.corpus.documents() {
        assert!(
            document.warnings()[0].contains("was not found at"),
            "{:?}",
            document.warnings()
        );
    }
}

#[test]
fn a_real_pages_extraction_gives_the_folders_events() {
    let pages = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/real-en/dev/articles");
    let expected = desk_of_folder(&pages);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("dev.jsonl");
    std::fs::write(&file, extract_jsonl(&pages)).unwrap();
    let state = state_of_extraction(&file, Some(&pages), folder.path());
    assert_eq!(state.library.corpus.documents().len(), 110);
    assert_eq!(desk_events(&state), expected);
    // One state at a time holds the library index beside the notebook.
    drop(state);

    // Without the pages: the same dates, kinds, parties and reports; a party the name alone
    // leaves open between places may go unlinked.
    let state = state_of_extraction(&file, None, folder.path());
    let unlinked = |events: Vec<DeskEvent>| -> Vec<DeskEvent> {
        events
            .into_iter()
            .map(|(date, kind, parties, sources)| {
                let names = parties.into_iter().map(|(name, _)| (name, false)).collect();
                (date, kind, names, sources)
            })
            .collect()
    };
    assert_eq!(unlinked(desk_events(&state)), unlinked(expected));
}

#[test]
fn an_extraction_opened_again_with_its_articles_folder_reads_their_text() {
    let seeds = crate::util::seeds();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("seeds.jsonl");
    std::fs::write(&file, extract_jsonl(&seeds)).unwrap();
    let mut state = state_of_extraction(&file, None, folder.path());
    let missing = |state: &AppState| {
        state
            .library
            .corpus
            .documents()
            .iter()
            .filter(|document| !document.warnings().is_empty())
            .count()
    };
    assert_eq!(missing(&state), 5);
    state.handle(AppCommand::Library(LibraryCommand::OpenExtraction(
        OpenedExtraction {
            file: file.clone(),
            articles: Some(seeds.clone()),
        },
    )));
    settle(&mut state);
    assert_eq!(missing(&state), 0);
    assert_eq!(state.library.corpus.documents().len(), 5);
    assert_eq!(
        state.library.corpus.sources().len(),
        1,
        "the old source went"
    );
    assert_eq!(state.preferences.open_extractions.len(), 1);
    // Removed, it is forgotten across restarts.
    let source: SourceId = state.library.corpus.sources()[0].id;
    state.handle(AppCommand::Library(LibraryCommand::RemoveSource(source)));
    assert!(state.preferences.open_extractions.is_empty());
    assert!(state.library.corpus.documents().is_empty());
}

#[test]
fn a_remembered_extraction_is_opened_again_at_start() {
    let seeds = crate::util::seeds();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("seeds.jsonl");
    std::fs::write(&file, extract_jsonl(&seeds)).unwrap();
    let preferences = Preferences {
        open_extractions: vec![OpenedExtraction {
            file: file.clone(),
            articles: None,
        }],
        ..Preferences::default()
    };
    let mut state = AppState::with_notebook(
        preferences,
        Arc::new(|| {}),
        Some(folder.path().join("notebook.ron")),
    );
    settle(&mut state);
    let source = state.library.corpus.source_for_root(Some(&file));
    assert!(source.is_some_and(|source| state.library.extraction(source).is_some()));
    assert_eq!(state.preferences.open_extractions.len(), 1);
}

/// The app in a window, with the seeds loaded.
fn app_harness() -> Harness<'static, AccordApp> {
    let mut harness = crate::util::app_harness(1280.0, 800.0);
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 5
    });
    harness
}

/// A folder with one article of its own (not a seed), and its extraction in another folder.
fn pact_and_its_extraction() -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let articles = tempfile::tempdir().unwrap();
    std::fs::write(
        articles.path().join("pact.txt"),
        "Wuxi and Xuzhou sign a pact\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks in Wuxi on October 9, 2021, officials said.\n",
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("pact.jsonl");
    let mut lines = extract_jsonl(articles.path());
    lines.extend_from_slice(b"this line is not JSON\n");
    std::fs::write(&file, lines).unwrap();
    (articles, elsewhere, file)
}

/// File → Open path…, the extraction's path typed, the articles' folder typed when given,
/// Enter.
fn open_typed(harness: &mut Harness<'_, AccordApp>, file: &Path, articles: Option<&Path>) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open path…").click();
    harness.run_steps(4);
    crate::util::last_text_input(harness).type_text(&file.display().to_string());
    harness.run_steps(3);
    // An extraction's name brings the field for its articles' folder.
    harness.get_by_label_contains("Folder of the articles it names");
    if let Some(articles) = articles {
        crate::util::last_text_input(harness).focus();
        harness.run_steps(2);
        crate::util::last_text_input(harness).type_text(&articles.display().to_string());
        harness.run_steps(2);
    }
    harness.key_press(egui::Key::Enter);
}

#[test]
fn a_typed_extraction_opens_with_its_articles_text_and_reports_its_bad_line() {
    let (articles, _elsewhere, file) = pact_and_its_extraction();
    let mut harness = app_harness();
    open_typed(&mut harness, &file, Some(articles.path()));
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 6
    });
    harness.get_by_label(
        "Opened 1 article from pact.jsonl; 1 line could not be read (see Skipped files for why).",
    );
    harness.get_by_label("pact.jsonl");
    harness
        .get_all_by_label("Wuxi and Xuzhou sign a pact")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    harness.get_by_label_contains("2021-10-09  ·  agreement  ·  Wuxi, Xuzhou");
    harness.get_by_label("Skipped files (1)").click();
    harness.run_steps(2);
    harness.get_by_label_contains("line 2: not JSON (");
}

#[test]
fn a_typed_extraction_without_its_articles_shows_the_evidence_and_says_why() {
    let (_articles, _elsewhere, file) = pact_and_its_extraction();
    let mut harness = app_harness();
    open_typed(&mut harness, &file, None);
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 6
    });
    harness.get_by_label_contains(
        "Opened 1 article from pact.jsonl; 1 article's text was not found (their evidence sentences are shown)",
    );
    harness
        .get_all_by_label("Wuxi and Xuzhou sign a pact")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    harness.get_by_label_contains("Warning: the article's text was not found at ");
    harness.get_by_label_contains("2021-10-09  ·  agreement  ·  Wuxi, Xuzhou");
}
