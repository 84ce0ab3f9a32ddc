//! The real app under egui_kittest: seeds listed, an article opened, a typed path loaded.

use accord::app::AccordApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SEED_TITLES: [&str; 5] = [
    "The three districts in the south of Nanjing have carried out regional linkage cooperation",
    "First entrepreneurial breakfast meeting held in Jiangning district",
    "Dai Huajie: Deepen the coordinated development of regions and shoulder the banner of \"strong industrial zone\"",
    "Advancing integration and focusing on quality",
    "Liangjiang New Area, Tianfu New Area to Establish Industrial Flagship Alliance in Eight Fields",
];

/// The app at the default window size.
fn app_harness() -> Harness<'static, AccordApp> {
    crate::util::app_harness(1280.0, 800.0)
}

fn seeds_loaded(app: &AccordApp) -> bool {
    !app.state().is_loading() && app.state().library.corpus.documents().len() == 5
}

#[test]
fn lists_the_seed_titles_and_shows_the_selected_article() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    for title in SEED_TITLES {
        assert!(
            harness.get_all_by_label(title).count() >= 1,
            "{title} is listed"
        );
    }
    // Select the Liangjiang article and find its body in the viewer.
    harness
        .get_all_by_label(SEED_TITLES[4])
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    let selected = harness.state().state().selected;
    let document = harness.state().state().library.corpus.documents()[4].clone();
    assert_eq!(selected, Some(document.id));
    // Its events are listed, the inferred year said as such.
    harness.get_by_label("Cooperation events (3)");
    harness.get_by_label("2020-02-28  ·  meeting  ·  Liangjiang New Area, Tianfu New Area");
    harness
        .get_by_label("2021 (from context)  ·  alliance  ·  Liangjiang New Area, Tianfu New Area");
    let first_paragraph = document.body_paragraphs().next().unwrap().to_owned();
    assert!(first_paragraph.starts_with("Few days ago, Chongqing Liangjiang New Area"));
    harness.get_by_label(&first_paragraph);
}

/// File → Open path…, the path typed, Enter.
fn open_typed_path(harness: &mut Harness<'_, AccordApp>, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open path…").click();
    // One frame handles the click, one opens the dialog, one lays it out.
    harness.run_steps(4);
    harness.get_by_label("Open a folder or file");
    // The dialog's field is the last text input (the filter bar has one too).
    crate::util::last_text_input(harness).type_text(&path.display().to_string());
    harness.run_steps(2);
    // Enter opens the path, as the Open button does (it once did nothing: regression).
    harness.key_press(egui::Key::Enter);
}

#[test]
fn real_saved_pages_are_listed_by_headline_and_page_date_not_breadcrumb() {
    let pages = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/real-en/dev/articles");
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    open_typed_path(&mut harness, &pages);
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 115
    });
    let state = harness.state().state();
    let rugao = state
        .library
        .corpus
        .documents()
        .iter()
        .find(|document| document.paths[0].relative.ends_with("a012.txt"))
        .expect("the Rugao page is loaded");
    // The page opens with "Home> Updates"; its headline and "Updated: September 8, 2020"
    // are what the list shows.
    assert_eq!(
        rugao.meta.title,
        "Rugao delegation visits Wuxi to seek cooperation"
    );
    assert_eq!(
        rugao.meta.published.map(|date| date.edtf()).as_deref(),
        Some("2020-09-08")
    );
    assert!(
        state
            .library
            .corpus
            .documents()
            .iter()
            .all(|document| !document.meta.title.starts_with("Home")),
        "no breadcrumb is a headline"
    );
}

#[test]
fn a_typed_path_loads_its_folder_and_reports_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pact.txt"),
        "Wuxi and Xuzhou sign a pact\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks in Wuxi on Tuesday, officials said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("minutes.odt"), b"PK\x03\x04").unwrap();

    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    open_typed_path(&mut harness, dir.path());
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 6
    });
    harness.get_by_label("Wuxi and Xuzhou sign a pact");
    harness.get_by_label("Skipped files (1)").click();
    harness.run_steps(2);
    harness.get_by_label("unsupported type (.odt)");
}

#[test]
fn a_saved_archive_shows_its_address_and_a_click_asks_before_opening_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let archive =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/page.mhtml");
    std::fs::copy(&archive, dir.path().join("page.mhtml")).unwrap();
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    open_typed_path(&mut harness, dir.path());
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 6
    });
    let url = {
        let state = harness.state().state();
        let document = state
            .library
            .corpus
            .documents()
            .iter()
            .find(|document| document.paths[0].relative == "page.mhtml")
            .expect("the archive is read");
        document
            .meta
            .url
            .clone()
            .expect("the archive states its address")
    };
    let title = harness
        .state()
        .state()
        .library
        .corpus
        .documents()
        .iter()
        .find(|document| document.paths[0].relative == "page.mhtml")
        .map(|document| document.meta.title.clone())
        .unwrap();
    harness.get_all_by_label(&title).next().unwrap().click();
    harness.run_steps(3);
    harness.get_by_label(&url).click();
    harness.run_steps(3);
    harness.get_by_label("Open in browser?");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Open in browser?").is_none());
}

/// An event several articles report is one desk event; a PDF's line in the viewer names the
/// page of that PDF's own sentence, not the page at the offset of another article's.
#[test]
fn a_pdfs_event_names_the_page_of_its_own_sentence_when_another_article_reports_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/zh.pdf");
    std::fs::copy(&pdf, dir.path().join("zh.pdf")).unwrap();
    // Sorted first, so its report is the merged event's first source; its sentence starts
    // at an offset that lies on the PDF's first page.
    std::fs::write(
        dir.path().join("a.txt"),
        "江宁区与苏州工业园区签约\n\n2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。\n",
    )
    .unwrap();
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    open_typed_path(&mut harness, dir.path());
    crate::util::run_until(&mut harness, |app| {
        !app.state().is_loading() && app.state().library.corpus.documents().len() == 7
    });
    harness
        .get_all_by_label("长三角一体化合作签约仪式在南京举行")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    harness.get_by_label_contains("Suzhou Industrial Park  ·  p. 2");
}

#[test]
fn the_first_start_welcomes_until_dismissed_and_about_says_where_notes_are() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    harness.get_by_label("Welcome to Accord.");
    harness.get_by_label("Got it").click();
    harness.run_steps(3);
    assert!(harness.state().state().preferences.welcomed);
    assert!(harness.query_by_label("Welcome to Accord.").is_none());

    harness.get_by_label("Help").click();
    harness.run_steps(2);
    harness.get_by_label("About Accord…").click();
    harness.run_steps(3);
    harness.get_by_label(&format!("Accord {}", env!("CARGO_PKG_VERSION")));
    assert!(
        harness
            .query_by_label_contains("Notes are stored in")
            .is_some()
    );
    // The base map's source and licence.
    harness.get_by_label(&format!("{}.", accord::desk::basemap::SOURCE));
    assert!(accord::desk::basemap::SOURCE.contains("Natural Earth"));
    assert!(accord::desk::basemap::SOURCE.contains("public domain"));
}

#[test]
fn the_map_lists_the_parties_it_cannot_place_and_a_click_selects_one() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, |app| {
        seeds_loaded(app) && !app.state().desk.graph.nodes.is_empty()
    });
    harness.get_by_label("Map").click();
    harness.run_steps(3);
    let desk = &harness.state().state().desk;
    assert_eq!(desk.graph_layout, accord::view::GraphLayout::Map);
    let unplaced: Vec<String> = desk
        .map_unplaced
        .iter()
        .map(|&node| desk.graph.nodes[node].label.clone())
        .collect();
    // Companies have no coordinates; every place of the seeds has.
    assert!(
        unplaced.contains(&"Chongqing Yuelai Investment Group".to_owned()),
        "{unplaced:?}"
    );
    assert!(!unplaced.iter().any(|label| label.ends_with("District")));
    harness.get_by_label(&format!("Not on the map ({})", unplaced.len()));
    harness
        .get_by_label("Chongqing Yuelai Investment Group  (1)")
        .click();
    harness.run_steps(3);
    let desk = &harness.state().state().desk;
    let selected = desk
        .selected_node()
        .map(|node| desk.graph.nodes[node].label.clone());
    assert_eq!(
        selected.as_deref(),
        Some("Chongqing Yuelai Investment Group")
    );
    assert!(desk.filter.place.is_some());
}

#[test]
fn a_chinese_article_and_an_english_report_of_one_signing_are_one_event_with_two_sources() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("江寧溧水.txt"),
        "江寧區與溧水區簽署合作協議\n\n發佈時間:2023-05-08\n\n2023年5月7日,江寧區與溧水區在南京簽署戰略合作框架協議,雙方將在產業、交通等領域開展合作。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pact.txt"),
        "Jiangning and Lishui sign a cooperation pact\n\nOn May 7, 2023, Jiangning District and Lishui District signed a strategic cooperation framework agreement in Nanjing.\n",
    )
    .unwrap();
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    open_typed_path(&mut harness, dir.path());
    crate::util::run_until(&mut harness, |app| {
        let state = app.state();
        !state.is_loading()
            && state.library.corpus.documents().len() == 7
            && !state.desk.events.is_empty()
    });
    let state = harness.state().state();
    let chinese = state
        .library
        .corpus
        .documents()
        .iter()
        .find(|document| document.meta.title == "江寧區與溧水區簽署合作協議")
        .expect("the Chinese article is listed by its headline, as written")
        .id;
    let signing = state
        .desk
        .events
        .iter()
        .find(|event| event.event.date == accord::model::PartialDate::ymd(2023, 5, 7))
        .expect("the signing is on the desk");
    let parties: Vec<&str> = signing
        .event
        .participants
        .iter()
        .map(|party| party.name.as_str())
        .collect();
    assert_eq!(parties, ["Jiangning District", "Lishui District"]);
    assert_eq!(signing.sources.len(), 2, "one event, two sources");
    assert!(
        signing
            .sources
            .iter()
            .any(|(document, _)| *document == chinese)
    );
    assert!(
        state.desk.timeline.items.iter().any(|item| state
            .desk
            .events
            .get(item.event)
            .is_some_and(|event| event.event.date == signing.event.date)),
        "the signing is on the timeline"
    );

    // Opened from the Chinese article, the event leads to its evidence, as written.
    harness.get_by_label("江寧區與溧水區簽署合作協議").click();
    harness.run_steps(4);
    harness.get_by_label("Cooperation events (1)");
    harness
        .get_by_label("2023-05-07  ·  agreement  ·  Jiangning District, Lishui District")
        .click();
    harness.run_steps(4);
    let state = harness.state().state();
    let focus = state.focus.as_ref().expect("the viewer shows the evidence");
    let body = state
        .library
        .corpus
        .document(chinese)
        .unwrap()
        .body()
        .unwrap();
    assert!(body[focus.range.clone()].starts_with("2023年5月7日,江寧區與溧水區"));
}

/// The shapes the last frame drew over `area` (not just along its edges), after the area's own
/// first shape, whose clip rectangle reaches outside it: what another panel painted over it
/// (the backgrounds painted before it lie under it).
fn painted_over(output: &egui::FullOutput, area: egui::Rect) -> Vec<String> {
    let inside = area.shrink(4.0);
    let own = |clip: egui::Rect| area.expand(1.0).contains_rect(clip);
    let first_own = output
        .shapes
        .iter()
        .position(|clipped| own(clipped.clip_rect))
        .unwrap_or(0);
    output.shapes[first_own..]
        .iter()
        .filter(|clipped| {
            let seen = clipped
                .shape
                .visual_bounding_rect()
                .intersect(clipped.clip_rect)
                .intersect(inside);
            seen.is_positive() && !own(clipped.clip_rect)
        })
        .map(|clipped| {
            let mut shape = format!("{:?}", clipped.shape);
            shape.truncate(300);
            format!("{shape} clipped to {:?}", clipped.clip_rect)
        })
        .collect()
}

#[test]
fn at_the_default_size_no_lower_tab_paints_over_the_article() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, |app| {
        seeds_loaded(app) && !app.state().desk.events.is_empty()
    });
    for tab in [
        "Event table",
        "Review",
        "Notes",
        "Sources",
        "Relationship graph",
    ] {
        harness.get_by_label(tab).click();
        harness.run_steps(3);
        let viewer = accord::ui::viewer_rect(&harness.ctx).expect("the viewer was drawn");
        let over = painted_over(harness.output(), viewer);
        assert!(over.is_empty(), "{tab} paints over the viewer: {over:#?}");
    }
}

#[test]
fn the_sources_tab_lists_outlets_and_opens_one_s_article() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, |app| {
        seeds_loaded(app) && !app.state().desk.events.is_empty()
    });
    harness.get_by_label("Sources").click();
    harness.run_steps(3);
    harness.get_by_label_contains("(no source named) · 4 articles");
    harness
        .get_by_label_contains("nanjing daily · 1 article")
        .click();
    harness.run_steps(3);
    let state = harness.state().state();
    let opened = state
        .selected
        .and_then(|id| state.library.corpus.document(id))
        .expect("an article is open");
    assert_eq!(opened.meta.source.as_deref(), Some("nanjing daily"));
}

/// The overview's bars narrow every panel: a province's bar sets the place filter, so the event
/// table holds that province's events; a kind's segment in the time chart sets period and kind.
#[test]
fn a_click_on_an_overview_bar_narrows_the_event_table() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    let all = harness.state().state().desk.selection.matching.len();
    harness.get_by_label("Overview").click();
    harness.run_steps(3);
    // The bar is named with its count; the seeds have events with a Jiangsu party and
    // events without one.
    let count = (1..=all)
        .find(|count| {
            harness
                .query_by_label(&format!("Jiangsu Province: {count} events"))
                .is_some()
        })
        .expect("a bar for Jiangsu");
    let name = format!("Jiangsu Province: {count} events");
    harness.get_by_label(&name).click();
    harness.run_steps(3);
    {
        let desk = &harness.state().state().desk;
        assert!(desk.filter.place.is_some(), "the bar set the place filter");
        assert_eq!(desk.selection.matching.len(), count);
        assert!(count < all, "{count} of {all}: narrowed");
    }
    harness.get_by_label("Event table").click();
    harness.run_steps(3);
    // The table's rows are the selection: the place chip shows in the filter bar.
    harness.get_by_label_contains("Place: Jiangsu");
    // Cleared, then narrowed by the time chart: a segment sets a period and one kind.
    harness.get_by_label_contains("Place: Jiangsu").click();
    harness.run_steps(3);
    harness.get_by_label("Overview").click();
    harness.run_steps(3);
    harness.get_by_label_contains(" agreement: ").click();
    harness.run_steps(3);
    let desk = &harness.state().state().desk;
    assert!(desk.filter.period.is_some());
    assert_eq!(desk.filter.kinds.len(), 1);
    assert!(desk.selection.matching.len() < all);
}

#[test]
fn file_export_figure_writes_the_map_as_a_png_of_the_chosen_size() {
    let mut harness = app_harness();
    crate::util::run_until(&mut harness, seeds_loaded);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("map.png");
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export figure…").click();
    harness.run_steps(3);
    // Only figures are offered; the map is chosen; PNG at 1× is 960 × 640.
    assert!(
        harness
            .query_by_label("Events as CSV (corrections applied)")
            .is_none()
    );
    harness.get_by_label("PNG").click();
    harness.run_steps(2);
    harness.get_by_label("1×").click();
    harness.run_steps(2);
    harness.get_by_label_contains("960 × 640 pixels");
    // The window's file field is the last text input (the filter bar has one too).
    crate::util::last_text_input(&harness).focus();
    harness.run_steps(1);
    crate::util::last_text_input(&harness).type_text(&path.display().to_string());
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    crate::util::run_until(&mut harness, |app| app.state().dialogs.exporting == 0);
    let png = std::fs::read(&path).expect("the figure was written");
    let info = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!((info.width, info.height), (960, 640));
}

/// Ctrl+K opens the search window; a query is answered by the search index off the UI thread,
/// a field query narrows it, a bad query is explained, and a click opens the article at its hit.
#[test]
fn search_finds_articles_through_the_index_and_a_click_opens_the_hit() {
    // A data folder of its own: the search index beside it holds the seeds only, whatever the
    // other tests running at the same time open in the default one.
    let data = tempfile::tempdir().unwrap();
    let notebook = data.path().join("notebook.ron");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| AccordApp::with_notebook(cc, None, Some(notebook.clone())));
    crate::util::run_until(&mut harness, |app| {
        seeds_loaded(app)
            && app.state().search.indexed == Some(5)
            && !app.state().search.progress().is_indexing()
    });
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(2);
    crate::util::last_text_input(&harness).type_text("title:breakfast");
    crate::util::run_until(&mut harness, |app| {
        app.state().search.answered("title:breakfast")
    });
    harness.get_by_label("1 article matches");
    harness.get_by_label_contains("enterprise-benefited breakfast meeting");
    crate::util::last_text_input(&harness).type_text(" \"unbalanced");
    crate::util::run_until(&mut harness, |app| {
        app.state()
            .search
            .found
            .as_ref()
            .is_some_and(|found| found.query.ends_with("\"unbalanced"))
    });
    harness.get_by_label_contains("This query cannot be read");
    for _ in 0..12 {
        harness.key_press(egui::Key::Backspace);
    }
    crate::util::run_until(&mut harness, |app| {
        app.state().search.answered("title:breakfast")
    });
    harness
        .get_by_label_contains("enterprise-benefited breakfast meeting")
        .click();
    harness.run_steps(3);
    let state = harness.state().state();
    let opened = state
        .selected
        .and_then(|id| state.library.corpus.document(id))
        .expect("an article is open");
    assert_eq!(
        opened.meta.title,
        "First entrepreneurial breakfast meeting held in Jiangning district"
    );
    let focus = state
        .focus
        .as_ref()
        .expect("the viewer is asked to show the hit");
    assert_eq!(&opened.body().unwrap()[focus.range.clone()], "breakfast");
}
