//! The app state without a window: loading, exports, notebooks, selections.

use std::path::Path;

use super::*;
use crate::desk::filter::EventFilter;
use crate::export;
use crate::model::EventKind;
use crate::notebook::{NewEvent, Passage, Target};

fn state_with(preferences: Preferences) -> AppState {
    AppState::new(preferences, Arc::new(|| {}))
}

/// Polls until no load is running (loads run on background threads).
fn settle(state: &mut AppState) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while state.is_loading() {
        assert!(Instant::now() < deadline, "loading did not finish");
        std::thread::sleep(Duration::from_millis(5));
        state.poll();
    }
}

/// The app on the seeds, loaded and on the desk, with its notebook in `folder`.
fn seeds_with_notebook_in(folder: &Path) -> AppState {
    let mut state = AppState::with_notebook(
        Preferences::default(),
        Arc::new(|| {}),
        Some(folder.join("notebook.ron")),
    );
    settle(&mut state);
    state.refresh_desk();
    state
}

#[test]
fn starts_on_the_seeds_with_the_first_one_selected() {
    let mut state = state_with(Preferences::default());
    settle(&mut state);
    assert_eq!(state.library.corpus.documents().len(), 5);
    assert_eq!(
        state.selected,
        state.library.corpus.documents().first().map(|d| d.id)
    );
}

#[test]
fn an_opened_folder_is_remembered_and_forgotten_when_removed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
    )
    .unwrap();
    let mut state = state_with(Preferences::default());
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        dir.path().to_path_buf(),
    ])));
    settle(&mut state);
    assert_eq!(state.library.corpus.documents().len(), 6);
    assert_eq!(state.preferences.open_paths, vec![dir.path().to_path_buf()]);

    let source = state
        .library
        .corpus
        .source_for_root(Some(dir.path()))
        .unwrap();
    state.handle(Command::Library(LibraryCommand::RemoveSource(source)));
    assert_eq!(state.library.corpus.documents().len(), 5);
    assert!(state.preferences.open_paths.is_empty());
}

/// Polls until `done` holds of the state (changes to a watched folder arrive on their own).
fn poll_until(state: &mut AppState, what: &str, done: impl Fn(&AppState) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        state.poll();
        if done(state) && !state.is_loading() {
            return;
        }
        assert!(Instant::now() < deadline, "{what} did not happen");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_file_saved_into_an_open_folder_arrives_and_its_note_stays_when_it_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
    )
    .unwrap();
    let notebook = tempfile::tempdir().unwrap();
    let mut state = seeds_with_notebook_in(notebook.path());
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        dir.path().to_path_buf(),
    ])));
    settle(&mut state);
    assert_eq!(state.library.corpus.documents().len(), 6);

    let new_file = dir.path().join("b.txt");
    std::fs::write(
        &new_file,
        "Changzhou and Taizhou sign\n\nChangzhou and Taizhou signed a cooperation agreement on ports on Friday.",
    )
    .unwrap();
    poll_until(&mut state, "the new file's arrival", |state| {
        state.library.corpus.documents().len() == 7
    });
    let arrived = state
        .library
        .corpus
        .documents()
        .iter()
        .find(|document| document.paths.iter().any(|path| path.path == new_file))
        .map(|document| document.id)
        .unwrap();
    state.handle(Command::Notebook(NotebookCommand::AddNote {
        target: Target::Article { document: arrived },
        text: "Ports, again.".to_owned(),
        tags: Vec::new(),
    }));

    std::fs::remove_file(&new_file).unwrap();
    poll_until(&mut state, "the removed file's going", |state| {
        state.library.corpus.documents().len() == 6
    });
    // The note is kept, detached: its article is no longer loaded.
    assert!(state.library.corpus.document(arrived).is_none());
    let notes = &state.journal.notebook.notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].target, Target::Article { document: arrived });
}

#[test]
fn reload_reads_an_open_folder_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
    )
    .unwrap();
    let mut state = state_with(Preferences::default());
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        dir.path().to_path_buf(),
    ])));
    settle(&mut state);
    state.handle(Command::Library(LibraryCommand::Reload));
    assert!(state.is_loading());
    settle(&mut state);
    assert_eq!(state.library.corpus.documents().len(), 6);
    assert_eq!(state.library.corpus.sources().len(), 2);
}

/// Polls until no export is being written.
fn exported(state: &mut AppState) -> Message {
    let deadline = Instant::now() + Duration::from_secs(30);
    while state.dialogs.exporting > 0 {
        assert!(Instant::now() < deadline, "the export did not finish");
        std::thread::sleep(Duration::from_millis(5));
        state.poll();
    }
    state.messages.last().cloned().unwrap()
}

#[test]
fn an_export_follows_the_filters_says_what_it_holds_and_never_overwrites_unasked() {
    let notebook = tempfile::tempdir().unwrap();
    let mut state = seeds_with_notebook_in(notebook.path());
    let all = state.desk.selection.matching.len();
    state.handle(Command::Desk(DeskCommand::SetFilter(EventFilter {
        text: "Tianfu".to_owned(),
        ..EventFilter::default()
    })));
    state.refresh_desk();
    let shown = state.desk.selection.matching.len();
    assert!(0 < shown && shown < all);

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("events.csv");
    let request = ExportRequest {
        format: export::Format::EventsCsv,
        keep_rejected: false,
        png_width: None,
        path: path.clone(),
        overwrite: false,
    };
    state.handle(Command::App(AppCommand::Export(request.clone())));
    let message = exported(&mut state);
    assert!(!message.is_error, "{}", message.text);
    assert!(
        message
            .text
            .contains(&format!("the {shown} of {all} events")),
        "{}",
        message.text
    );
    let rows = std::fs::read_to_string(&path).unwrap().lines().count();
    assert_eq!(rows, shown + 1, "a header and a row per shown event");

    std::fs::write(&path, "the user's own file").unwrap();
    state.handle(Command::App(AppCommand::Export(request.clone())));
    let message = exported(&mut state);
    assert!(message.is_error && message.text.contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the user's own file"
    );

    // A note on an event the filter hides is still attached in a notes export.
    let hidden = (0..state.desk.event_keys.len())
        .find(|index| !state.desk.selection.matching.contains(index))
        .unwrap();
    let key = state.desk.event_keys[hidden][0].clone();
    state.handle(Command::Notebook(NotebookCommand::AddNote {
        target: Target::Event { key },
        text: "hidden by the filter".to_owned(),
        tags: Vec::new(),
    }));
    let notes_path = folder.path().join("notes.json");
    state.handle(Command::App(AppCommand::Export(ExportRequest {
        format: export::Format::NotesJson,
        path: notes_path.clone(),
        ..request.clone()
    })));
    assert!(!exported(&mut state).is_error);
    let notes = std::fs::read_to_string(&notes_path).unwrap();
    assert!(notes.contains("hidden by the filter"));
    assert!(notes.contains("\"detached\": null"), "{notes}");

    state.handle(Command::App(AppCommand::Export(ExportRequest {
        path: folder.path().join("no such folder").join("events.csv"),
        ..request.clone()
    })));
    let message = exported(&mut state);
    assert!(message.is_error && message.text.contains("does not exist"));

    // File → Export figure… as PNG: the picture at the width asked for.
    let figure = folder.path().join("map.png");
    state.handle(Command::App(AppCommand::Export(ExportRequest {
        format: export::Format::FigureMapSvg,
        png_width: Some(600),
        path: figure.clone(),
        ..request
    })));
    let message = exported(&mut state);
    assert!(!message.is_error, "{}", message.text);
    let png = std::fs::read(&figure).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG, not the SVG");
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (600, 400));
}

#[test]
fn a_new_notebook_never_replaces_a_file_and_save_as_keeps_the_notes() {
    let folder = tempfile::tempdir().unwrap();
    let mut state = AppState::with_notebook(
        Preferences::default(),
        Arc::new(|| {}),
        Some(folder.path().join("first.ron")),
    );
    state.handle(Command::Notebook(NotebookCommand::AddNote {
        target: Target::Article {
            document: DocumentId::of_text("an article"),
        },
        text: "keep me".to_owned(),
        tags: Vec::new(),
    }));
    let taken = folder.path().join("taken.ron");
    std::fs::write(&taken, "someone else's file").unwrap();
    state.handle(Command::Notebook(NotebookCommand::Use(
        NotebookChoice::New,
        taken.clone(),
    )));
    assert!(state.messages.last().unwrap().is_error);
    assert_eq!(
        std::fs::read_to_string(&taken).unwrap(),
        "someone else's file"
    );
    // Save as onto a file that is not a notebook: refused, the file left alone.
    state.handle(Command::Notebook(NotebookCommand::Use(
        NotebookChoice::SaveAs,
        taken.clone(),
    )));
    assert!(state.messages.last().unwrap().is_error);
    assert_eq!(
        std::fs::read_to_string(&taken).unwrap(),
        "someone else's file"
    );

    let copy = folder.path().join("copy.ron");
    state.handle(Command::Notebook(NotebookCommand::Use(
        NotebookChoice::SaveAs,
        copy.clone(),
    )));
    assert_eq!(state.journal.path.as_deref(), Some(copy.as_path()));
    assert_eq!(state.journal.notebook.notes.len(), 1);
    state.journal.flush();
    assert!(std::fs::read_to_string(&copy).unwrap().contains("keep me"));
    assert_eq!(state.preferences.notebook.as_deref(), Some(copy.as_path()));

    let fresh = folder.path().join("fresh.ron");
    state.handle(Command::Notebook(NotebookCommand::Use(
        NotebookChoice::New,
        fresh.clone(),
    )));
    assert!(state.journal.notebook.notes.is_empty());
    state.handle(Command::Notebook(NotebookCommand::Use(
        NotebookChoice::Open,
        copy.clone(),
    )));
    assert_eq!(state.journal.notebook.notes.len(), 1);
}

#[test]
fn a_damaged_notebook_gets_a_fresh_one_beside_it_with_what_could_be_read() {
    let folder = tempfile::tempdir().unwrap();
    let damaged = folder.path().join("notebook.ron");
    std::fs::write(&damaged, "(version: 1, notes: [ this is torn").unwrap();
    let mut state = AppState::with_notebook(
        Preferences::default(),
        Arc::new(|| {}),
        Some(damaged.clone()),
    );
    assert!(state.journal.read_only_because.is_some());
    assert!(
        state
            .messages
            .iter()
            .any(|m| m.text.contains("fresh notebook"))
    );
    state.handle(Command::Notebook(NotebookCommand::FreshBeside));
    assert!(state.journal.read_only_because.is_none());
    let fresh = state.journal.path.clone().unwrap();
    assert_ne!(fresh, damaged);
    assert_eq!(fresh.parent(), damaged.parent());
    state.journal.flush();
    assert!(fresh.exists());
    assert_eq!(
        std::fs::read_to_string(&damaged).unwrap(),
        "(version: 1, notes: [ this is torn"
    );
}

#[test]
fn a_missing_or_empty_folder_is_explained() {
    let mut state = state_with(Preferences {
        open_paths: vec![PathBuf::from("/no/such/accord/folder")],
        ..Preferences::default()
    });
    assert!(state.messages[0].text.contains("no longer there"));
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        PathBuf::from("/another/missing/path"),
    ])));
    assert!(state.messages[1].text.contains("does not exist"));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.7").unwrap();
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        dir.path().to_path_buf(),
    ])));
    settle(&mut state);
    let last = state.messages.last().unwrap();
    assert!(
        last.text.contains("No articles were found"),
        "{}",
        last.text
    );
    assert_eq!(state.library.corpus.skipped().len(), 1);
}

#[test]
fn a_selected_event_added_by_hand_stays_selected_while_articles_load() {
    let notebook = tempfile::tempdir().unwrap();
    let mut state = seeds_with_notebook_in(notebook.path());
    let document = state.library.corpus.documents()[0].id;
    let body = state.library.corpus.documents()[0]
        .body()
        .unwrap()
        .to_owned();
    let quote: String = body.chars().take(40).collect();
    state.handle(Command::Notebook(NotebookCommand::AddEvent(NewEvent {
        passage: Passage {
            document,
            quote: quote.clone(),
            start_byte: 0,
            end_byte: quote.len(),
        },
        kind: EventKind::Meeting,
        participants: vec!["Hand-made A".to_owned(), "Hand-made B".to_owned()],
        date: None,
        fields: Vec::new(),
    })));
    state.refresh_desk();
    let added = state.desk.events.len() - 1;
    assert_eq!(
        state.desk.events[added].event.participants[0].name,
        "Hand-made A"
    );
    let select = Command::select_event(&state.desk, added);
    state.handle(select);
    state.refresh_desk();

    // More articles arrive: their events join the extracted ones, before the added one.
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("a.txt"),
        "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
    )
    .unwrap();
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        folder.path().to_path_buf(),
    ])));
    settle(&mut state);
    state.refresh_desk();
    let selected = state.desk.selected_event().expect("still selected");
    assert_eq!(
        state.desk.events[selected].event.participants[0].name, "Hand-made A",
        "the selection moved to another event"
    );
}

/// The texts of a folder read through the library index are set aside once loaded, all but
/// the article shown and those the notebook is about; showing one reads its text back.
#[test]
fn texts_are_set_aside_and_read_back_when_shown_or_noted() {
    let notebook = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    for (name, cities) in [
        ("a.txt", "Wuxi and Xuzhou"),
        ("b.txt", "Nanjing and Suzhou"),
        ("c.txt", "Hefei and Wuhu"),
    ] {
        std::fs::write(
            folder.path().join(name),
            format!(
                "Two cities sign\n\n{cities} signed a cooperation agreement on industrial parks on 3 March 2024. The parks will share staff."
            ),
        )
        .unwrap();
    }
    let mut state = seeds_with_notebook_in(notebook.path());
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        folder.path().to_path_buf(),
    ])));
    settle(&mut state);
    let of = |state: &AppState, name: &str| {
        state
            .library
            .corpus
            .documents()
            .iter()
            .find(|document| document.paths[0].relative == name)
            .map(|document| document.id)
            .unwrap()
    };
    let (a, b, c) = (
        of(&state, "a.txt"),
        of(&state, "b.txt"),
        of(&state, "c.txt"),
    );
    let body = |state: &AppState, id| {
        state
            .library
            .corpus
            .document(id)
            .and_then(|document| document.body().map(str::to_owned))
    };
    for id in [a, b, c] {
        assert_eq!(body(&state, id), None, "set aside once loaded");
        // The evidence sentences stay for the desk.
        let document = state.library.corpus.document(id).unwrap();
        let event = &document.extraction.events[0];
        assert!(
            document
                .evidence()
                .get(event.evidence[0].clone())
                .is_some_and(|sentence| sentence.contains("signed"))
        );
    }
    // The seeds are held: they are not read through the index.
    assert!(state.library.corpus.documents()[0].body().is_some());

    state.handle(Command::SelectDocument(b));
    poll_until(&mut state, "the shown article's text", |state| {
        body(state, b).is_some()
    });
    assert!(
        body(&state, b)
            .unwrap()
            .contains("Nanjing and Suzhou signed")
    );

    state.handle(Command::Notebook(NotebookCommand::AddNote {
        target: Target::Article { document: c },
        text: "Parks.".to_owned(),
        tags: Vec::new(),
    }));
    poll_until(&mut state, "the noted article's text", |state| {
        body(state, c).is_some()
    });
    assert_eq!(body(&state, a), None, "nothing holds the third");
}

/// Searches through the state as the window does, and waits for the answer.
fn search(state: &mut AppState, query: &str) -> Arc<crate::desk::fulltext::Found> {
    // An earlier answer to the same query is not taken for this one.
    state.search.found = None;
    state.handle(Command::Search(query.to_owned()));
    poll_until(state, "the search answer", |state| {
        state.search.answered(query)
    });
    state.search.found.clone().unwrap()
}

#[test]
fn an_opened_folder_s_article_is_found_and_no_longer_once_its_folder_is_removed() {
    let data = tempfile::tempdir().unwrap();
    let articles = tempfile::tempdir().unwrap();
    std::fs::write(
        articles.path().join("a.txt"),
        "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
    )
    .unwrap();
    let mut state = seeds_with_notebook_in(data.path());
    state.handle(Command::Library(LibraryCommand::OpenPaths(vec![
        articles.path().to_path_buf(),
    ])));
    settle(&mut state);
    poll_until(&mut state, "indexing", |state| {
        state.search.indexed == Some(6) && !state.search.progress().is_indexing()
    });
    let found = search(&mut state, "xuzhou");
    assert_eq!(found.documents, 1);
    // The hit opens the article; its text, set aside, is read back to show it there.
    let hit = found.hits[0].clone();
    state.handle(Command::ShowPassage(hit.document_id, hit.range.clone()));
    poll_until(&mut state, "the article's text", |state| {
        state
            .library
            .corpus
            .document(hit.document_id)
            .is_some_and(|document| document.body().is_some())
    });
    let document = state.library.corpus.document(hit.document_id).unwrap();
    assert_eq!(&document.body().unwrap()[hit.range], "Xuzhou");
    // The index sits beside the library index, in the data folder.
    assert!(data.path().join("library.search").is_dir());

    let source = state
        .library
        .corpus
        .source_for_root(Some(articles.path()))
        .unwrap();
    state.handle(Command::Library(LibraryCommand::RemoveSource(source)));
    poll_until(&mut state, "the article deleted", |state| {
        state.search.indexed == Some(5)
    });
    assert_eq!(search(&mut state, "xuzhou").documents, 0);
}
