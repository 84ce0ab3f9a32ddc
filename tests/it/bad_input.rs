//! A folder full of bad input: every file is either loaded or reported with its reason, and
//! nothing panics or hangs.

use std::fs;
use std::path::{Path, PathBuf};

use accord::ingest::IngestOptions;
use accord::model::{Corpus, SkipReason};

const ARTICLE: &str = "Wuxi and Xuzhou sign agreement\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks in Wuxi on Tuesday, officials of both cities said.\n";

fn reason_for<'a>(corpus: &'a Corpus, name: &str) -> Option<&'a SkipReason> {
    corpus
        .skipped()
        .iter()
        .find(|skipped| skipped.path.file_name().is_some_and(|file| file == name))
        .map(|skipped| &skipped.reason)
}

fn loaded(corpus: &Corpus, name: &str) -> bool {
    corpus.documents().iter().any(|doc| {
        doc.paths
            .iter()
            .any(|path| path.path.file_name().is_some_and(|f| f == name))
    })
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn every_bad_file_is_reported_with_its_reason_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.txt", ARTICLE.as_bytes());
    write(root, "copy-of-good.txt", ARTICLE.as_bytes());
    write(
        root,
        "page.html",
        format!(
            "<html><body><h1>Title here</h1><p>{}</p></body></html>",
            ARTICLE.lines().nth(2).unwrap()
        )
        .as_bytes(),
    );
    write(root, "empty.txt", b"");
    // Before: "the file is empty" for a page of only an unclosed <script>, "binary data" for
    // blanks with a vertical tab.
    write(root, "script-only.html", b"<html><script>var a = 1;");
    write(root, "blanks.txt", b"  \x0c \n\x0b \n");
    write(
        root,
        "binary.txt",
        b"\x00\x01\x02\x03binary\x00data\xff\xfe",
    );
    write(root, "image.md", b"\x89PNG\r\n\x1a\n rest of a png");
    write(
        root,
        "broken-utf8.txt",
        &[
            0xC3u8, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC,
        ]
        .repeat(200),
    );
    write(root, "report.pdf", b"%PDF-1.7");
    write(root, "no-extension", b"text");
    let huge = fs::File::create(root.join("huge.txt")).unwrap();
    huge.set_len(3 * 1024 * 1024).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("南京市江宁区与溧水区签署合作协议。\n\n江宁区、溧水区、高淳区共同举行区域联动合作签约仪式，三区主要领导出席。");
    write(root, "gbk.txt", &gbk);
    // A UTF-8 Chinese article cut one byte short (a truncated download) and one with a byte
    // lost in the middle: read, with the damage replaced and said.
    let chinese = "南京市江宁区与溧水区签署合作协议。\n\n江宁区、溧水区、高淳区共同举行区域联动合作签约仪式，三区主要领导出席。".repeat(3);
    write(
        root,
        "cut-utf8.txt",
        &chinese.as_bytes()[..chinese.len() - 1],
    );
    let mut missing = chinese.as_bytes().to_vec();
    missing.remove(100);
    write(root, "byte-lost-utf8.txt", &missing);
    // UTF-8 with a GB18030 and a Big5 excerpt pasted in: read part by part, with a warning.
    let mut mixed = "江宁区与溧水区签署合作协议。\n".repeat(10).into_bytes();
    let simplified = "南京市与苏州市举行座谈会。\n".repeat(10);
    mixed.extend_from_slice(&encoding_rs::GB18030.encode(&simplified).0);
    let traditional = "臺北市與高雄市簽署協議。\n".repeat(10);
    mixed.extend_from_slice(&encoding_rs::BIG5.encode(&traditional).0);
    write(root, "mixed-encodings.txt", &mixed);

    let locked = write(
        root,
        "locked.txt",
        ARTICLE.replace("Wuxi", "Suzhou").as_bytes(),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        symlink(root, root.join("sub").join("loop")).unwrap();
        symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
        let fifo = root.join("pipe.txt");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.is_ok_and(|s| s.success()), "mkfifo is available");
    }

    let options = IngestOptions {
        max_file_bytes: 1024 * 1024,
        ..IngestOptions::default()
    };
    let corpus = accord::cli::load(&[root.to_path_buf()], &options);

    assert!(
        loaded(&corpus, "good.txt") && loaded(&corpus, "page.html") && loaded(&corpus, "gbk.txt")
    );
    let good = corpus
        .documents()
        .iter()
        .find(|d| d.paths.iter().any(|p| p.relative == "good.txt"))
        .unwrap();
    assert_eq!(
        good.paths.len(),
        2,
        "identical files are one document with two paths"
    );
    let gbk = corpus
        .documents()
        .iter()
        .find(|d| d.paths[0].relative == "gbk.txt")
        .unwrap();
    assert!(gbk.original().unwrap().contains("江宁区"));
    for name in ["cut-utf8.txt", "byte-lost-utf8.txt"] {
        let damaged = corpus
            .documents()
            .iter()
            .find(|d| d.paths[0].relative == name)
            .unwrap_or_else(|| panic!("{name} is read, not skipped"));
        assert_eq!(damaged.encoding, "UTF-8");
        assert!(matches!(
            damaged.read_warnings.as_slice(),
            [accord::model::ReadWarning::UndecodableBytes {
                bytes: 1..=3,
                encoding: "UTF-8"
            }]
        ));
        assert!(damaged.warnings()[0].contains("could not be decoded"));
        assert!(damaged.original().unwrap().contains("高淳区"));
    }
    let mixed = corpus
        .documents()
        .iter()
        .find(|d| d.paths[0].relative == "mixed-encodings.txt")
        .expect("a file of parts in three encodings is read, not skipped");
    assert_eq!(mixed.encoding, "mixed");
    assert!(
        mixed.original().unwrap().contains("南京市与苏州市")
            && mixed.original().unwrap().contains("臺北市與高雄市")
    );
    assert!(mixed.warnings()[0].contains("UTF-8, GBK, Big5"));

    assert_eq!(reason_for(&corpus, "empty.txt"), Some(&SkipReason::Empty));
    assert_eq!(
        reason_for(&corpus, "script-only.html"),
        Some(&SkipReason::NoText)
    );
    assert_eq!(reason_for(&corpus, "blanks.txt"), Some(&SkipReason::Blank));
    assert_eq!(reason_for(&corpus, "binary.txt"), Some(&SkipReason::Binary));
    assert_eq!(reason_for(&corpus, "image.md"), Some(&SkipReason::Binary));
    assert!(matches!(
        reason_for(&corpus, "broken-utf8.txt"),
        Some(
            SkipReason::UndetectableEncoding
                | SkipReason::InvalidEncoding { .. }
                | SkipReason::Binary
        )
    ));
    // A PDF cut off after its header: read as a PDF, and damaged.
    assert!(matches!(
        reason_for(&corpus, "report.pdf"),
        Some(SkipReason::Damaged { format: "PDF", .. })
    ));
    assert!(matches!(
        reason_for(&corpus, "no-extension"),
        Some(SkipReason::UnsupportedType { extension: None })
    ));
    assert!(matches!(
        reason_for(&corpus, "huge.txt"),
        Some(SkipReason::TooLarge { .. })
    ));

    #[cfg(unix)]
    {
        // Root may read anything; then the file simply loads.
        if fs::File::open(&locked).is_err() {
            assert_eq!(
                reason_for(&corpus, "locked.txt"),
                Some(&SkipReason::PermissionDenied)
            );
        } else {
            assert!(loaded(&corpus, "locked.txt"));
        }
        assert!(matches!(
            reason_for(&corpus, "loop"),
            Some(SkipReason::LinkLoop { .. })
        ));
        assert_eq!(
            reason_for(&corpus, "dangling.txt"),
            Some(&SkipReason::BrokenLink)
        );
        assert_eq!(
            reason_for(&corpus, "pipe.txt"),
            Some(&SkipReason::NotRegularFile)
        );
    }

    // Every file in the folder is accounted for.
    for entry in fs::read_dir(root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == "sub" {
            continue;
        }
        assert!(
            loaded(&corpus, &name) || reason_for(&corpus, &name).is_some(),
            "{name} was neither loaded nor reported"
        );
    }
    for skipped in corpus.skipped() {
        assert!(!skipped.reason.to_string().is_empty());
    }
}

#[test]
fn a_missing_path_is_an_error_on_the_command_line() {
    let args = accord::cli::ExtractArgs {
        paths: vec![PathBuf::from("/definitely/not/here")],
        json: true,
        jsonl: false,
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    let error = accord::cli::extract(&args, &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("no such file or folder"));
}

#[test]
fn a_folder_that_vanishes_before_reading_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    fs::create_dir(&gone).unwrap();
    write(&gone, "a.txt", ARTICLE.as_bytes());
    fs::remove_dir_all(&gone).unwrap();
    let corpus = accord::cli::load(std::slice::from_ref(&gone), &IngestOptions::default());
    assert!(corpus.documents().is_empty());
    assert_eq!(corpus.skipped().len(), 1);
    assert_eq!(corpus.skipped()[0].reason, SkipReason::Vanished);
}

#[test]
fn a_sparse_terabyte_file_under_a_raised_limit_is_skipped_without_allocating_it() {
    // Before the guarded reader, the declared size was allocated up front and the process
    // aborted ("memory allocation of 1099511627776 bytes failed"), losing every result.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.txt", ARTICLE.as_bytes());
    let sparse = fs::File::create(root.join("terabyte.txt")).unwrap();
    sparse.set_len(1 << 40).unwrap();
    let options = IngestOptions {
        max_file_bytes: 1 << 41,
        ..IngestOptions::default()
    };
    let corpus = accord::cli::load(&[root.to_path_buf()], &options);
    assert!(loaded(&corpus, "good.txt"));
    assert_eq!(
        reason_for(&corpus, "terabyte.txt"),
        Some(&SkipReason::Binary)
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_outside_is_reported_and_not_followed_unless_asked() {
    // Before, a link to the parent folder made the walk leave the folder the user gave and
    // read the whole parent tree (a link to `/` would read the disk).
    let outer = tempfile::tempdir().unwrap();
    write(
        outer.path(),
        "outside.txt",
        ARTICLE.replace("Wuxi", "Hefei").as_bytes(),
    );
    let root = outer.path().join("opened");
    fs::create_dir(&root).unwrap();
    write(&root, "good.txt", ARTICLE.as_bytes());
    fs::create_dir(root.join("inner")).unwrap();
    write(
        &root.join("inner"),
        "inner.txt",
        ARTICLE.replace("Wuxi", "Wuhu").as_bytes(),
    );
    std::os::unix::fs::symlink(outer.path(), root.join("up")).unwrap();
    std::os::unix::fs::symlink(root.join("inner"), root.join("inner-again")).unwrap();

    let corpus = accord::cli::load(std::slice::from_ref(&root), &IngestOptions::default());
    assert!(loaded(&corpus, "good.txt") && loaded(&corpus, "inner.txt"));
    assert!(!loaded(&corpus, "outside.txt"), "the walk left the folder");
    assert!(matches!(
        reason_for(&corpus, "up"),
        Some(SkipReason::LinkLeavesFolder { .. })
    ));
    assert!(
        reason_for(&corpus, "up")
            .unwrap()
            .to_string()
            .contains("leaves the folder")
    );
    // A link to a folder inside is followed as before.
    assert_eq!(reason_for(&corpus, "inner-again"), None);

    let allowed = IngestOptions {
        follow_outside_links: true,
        ..IngestOptions::default()
    };
    let corpus = accord::cli::load(&[root], &allowed);
    assert!(loaded(&corpus, "outside.txt"));
}

#[test]
fn pathological_lines_are_read_in_linear_time() {
    // Each took minutes at a few MB before (growth about n^2.3): a sentence-free line of one
    // repeated signing, "On May 7, 2019, " repeated, "2019年" repeated. Here at a size where a
    // quadratic step makes this test crawl; `cargo bench --bench ingest` times them.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "signings.txt",
        "On May 7, Wuxi and Xuzhou signed "
            .repeat(30_000)
            .as_bytes(),
    );
    write(
        root,
        "dates.txt",
        "On May 7, 2019, ".repeat(60_000).as_bytes(),
    );
    write(root, "years.txt", "2019年".repeat(120_000).as_bytes());
    let corpus = accord::cli::load(&[root.to_path_buf()], &IngestOptions::default());
    for name in ["signings.txt", "dates.txt", "years.txt"] {
        assert!(loaded(&corpus, name), "{name}");
    }
}

#[test]
fn jsonl_streams_documents_then_skipped_files_with_unique_names() {
    // Before: with two folders, a/x.txt and b/x.txt both came out as "x.txt", and skipped
    // files were not in the stream at all.
    let top = tempfile::tempdir().unwrap();
    let (a, b) = (top.path().join("a"), top.path().join("b"));
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    write(&a, "x.txt", ARTICLE.as_bytes());
    write(&b, "x.txt", ARTICLE.replace("Wuxi", "Hefei").as_bytes());
    write(&b, "copy.txt", ARTICLE.as_bytes());
    write(&b, "empty.txt", b"");
    let args = accord::cli::ExtractArgs {
        paths: vec![a, b],
        json: false,
        jsonl: true,
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    let mut out = Vec::new();
    accord::cli::extract(&args, &mut out).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let files: Vec<&str> = lines
        .iter()
        .filter_map(|line| line["file"].as_str())
        .collect();
    assert!(
        files.contains(&"a/x.txt") && files.contains(&"b/x.txt"),
        "{files:?}"
    );
    let copy = lines
        .iter()
        .find(|line| line["file"] == "b/copy.txt")
        .unwrap();
    assert_eq!(copy["same_as"], "a/x.txt");
    let last = lines.last().unwrap();
    assert!(
        last["skipped"]["path"]
            .as_str()
            .unwrap()
            .ends_with("empty.txt")
    );
    assert!(
        last["skipped"]["reason"]
            .as_str()
            .unwrap()
            .contains("empty")
    );

    // The one JSON object names them the same way.
    let args = accord::cli::ExtractArgs {
        json: true,
        jsonl: false,
        ..args
    };
    let mut out = Vec::new();
    accord::cli::extract(&args, &mut out).unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let files: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|document| document["file"].as_str())
        .collect();
    assert!(
        files.contains(&"a/x.txt") && files.contains(&"b/x.txt"),
        "{files:?}"
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_unicode_or_hold_a_newline_are_kept_and_escaped() {
    // Before: a non-UTF-8 name became U+FFFD in JSON (no way back to the file), and the
    // readable mode printed a newline in a name raw, splitting the file's line.
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let odd_path = dir.path().join(odd);
    fs::write(&odd_path, ARTICLE).unwrap();
    write(
        dir.path(),
        "two\nlines.txt",
        ARTICLE.replace("Wuxi", "Hefei").as_bytes(),
    );
    let args = |json| accord::cli::ExtractArgs {
        paths: vec![dir.path().to_path_buf()],
        json,
        jsonl: false,
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    let mut out = Vec::new();
    accord::cli::extract(&args(true), &mut out).unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let bytes: Vec<Vec<u8>> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|document| {
            serde_json::from_value::<Vec<u8>>(document["file_bytes"].clone()).ok()
        })
        .collect();
    assert_eq!(bytes, [odd_path.as_os_str().as_bytes().to_vec()]);
    let mut out = Vec::new();
    accord::cli::extract(&args(false), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("two\\nlines.txt"), "{text}");
}

/// The committed test files of every format (tools/make_test_docs/).
fn format_file(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name);
    fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn damaged_documents_of_every_format_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.txt", ARTICLE.as_bytes());
    for good in ["en.pdf", "briefing.docx", "page.mhtml", "news.rss"] {
        write(root, good, &format_file(good));
    }
    for bad in [
        "damaged.pdf",
        "scanned.pdf",
        "damaged.docx",
        "bomb.docx",
        "damaged.mhtml",
        "not-a-feed.xml",
    ] {
        write(root, bad, &format_file(bad));
    }
    // Cut short, as a download broken off: each must be reported (or read), never a panic.
    for (good, cut) in [
        ("en.pdf", "cut.pdf"),
        ("briefing.docx", "cut.docx"),
        ("page.mhtml", "cut.mhtml"),
        ("news.rss", "cut.rss"),
    ] {
        let bytes = format_file(good);
        write(root, cut, &bytes[..bytes.len() / 2]);
    }
    // Bytes of one format under another's name.
    write(root, "docx-named.pdf", &format_file("briefing.docx"));
    write(root, "pdf-named.docx", &format_file("en.pdf"));

    let corpus = accord::cli::load(&[root.to_path_buf()], &IngestOptions::default());

    for good in ["good.txt", "en.pdf", "briefing.docx", "page.mhtml"] {
        assert!(loaded(&corpus, good), "{good} is read");
    }
    let items = corpus
        .documents()
        .iter()
        .filter(|document| document.paths[0].relative.starts_with("news.rss › "))
        .count();
    assert!(items >= 2, "each item of the feed is a document ({items})");
    assert!(matches!(
        reason_for(&corpus, "damaged.pdf"),
        Some(SkipReason::Damaged { format: "PDF", .. })
    ));
    assert_eq!(
        reason_for(&corpus, "scanned.pdf"),
        Some(&SkipReason::ScannedPdf)
    );
    assert!(matches!(
        reason_for(&corpus, "damaged.docx"),
        Some(SkipReason::Damaged { .. })
    ));
    assert!(matches!(
        reason_for(&corpus, "bomb.docx"),
        Some(SkipReason::UnpacksTooLarge { .. })
    ));
    assert!(matches!(
        reason_for(&corpus, "damaged.mhtml"),
        Some(SkipReason::Damaged { .. })
    ));
    assert_eq!(
        reason_for(&corpus, "not-a-feed.xml"),
        Some(&SkipReason::NotAFeed)
    );
    for name in ["docx-named.pdf", "pdf-named.docx"] {
        assert!(
            matches!(reason_for(&corpus, name), Some(SkipReason::Damaged { .. })),
            "{name}: {:?}",
            reason_for(&corpus, name)
        );
    }
    // Every file in the folder is accounted for, in words.
    for entry in fs::read_dir(root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            loaded(&corpus, &name)
                || corpus
                    .documents()
                    .iter()
                    .any(|document| document.paths[0].relative.starts_with(&name))
                || reason_for(&corpus, &name).is_some(),
            "{name} was neither loaded nor reported"
        );
    }
    for skipped in corpus.skipped() {
        assert!(!skipped.reason.to_string().is_empty());
    }
}
