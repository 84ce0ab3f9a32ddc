//! The layering check of `.ci/run` (`tools/check-layers`): it passes on the crate and fails on
//! an import against the documented direction.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn check(src: &Path) -> Output {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tools/check-layers");
    Command::new("bash")
        .arg(script)
        .arg(src)
        .output()
        .expect("bash runs")
}

fn write(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder created");
    std::fs::write(path, text).expect("file written");
}

#[test]
fn the_crate_keeps_its_layers() {
    let output = check(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_import_against_the_direction_fails_and_is_named() {
    let root = tempfile::tempdir().expect("temporary folder");
    write(root.path(), "model/mod.rs", "pub struct Document;\n");
    write(
        root.path(),
        "ingest/mod.rs",
        "use crate::model::Document;\nuse crate::extract::extract;\n",
    );
    // Downward only: passes.
    write(
        root.path(),
        "extract/mod.rs",
        "use crate::model::Document;\n",
    );
    assert!(check(root.path()).status.success());

    // The extractor reaching up into ingest: fails, naming the file, line and modules.
    write(
        root.path(),
        "extract/dates.rs",
        "// crate::ingest in a comment is fine\nuse crate::ingest::month_number;\n",
    );
    let output = check(root.path());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        said.contains("extract/dates.rs:2: extract uses crate::ingest"),
        "{said}"
    );

    // Tests at the end of a file may use the whole pipeline.
    write(
        root.path(),
        "extract/dates.rs",
        "pub fn f() {}\n#[cfg(test)]\nmod tests { use crate::ingest::read; }\n",
    );
    assert!(check(root.path()).status.success());

    // A `#[cfg(test)]` on a helper does not end the reading: the code after it is checked.
    write(
        root.path(),
        "extract/dates.rs",
        "#[cfg(test)]\npub fn helper() {}\nuse crate::ingest::read;\n",
    );
    let output = check(root.path());
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("extract/dates.rs:3:"));
    write(root.path(), "extract/dates.rs", "pub fn f() {}\n");

    // A module nobody placed in a layer fails too.
    write(root.path(), "plugins/mod.rs", "pub fn g() {}\n");
    let output = check(root.path());
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("has no layer"));
}

#[test]
fn a_panel_that_uses_another_panel_fails() {
    let root = tempfile::tempdir().expect("temporary folder");
    write(root.path(), "model/mod.rs", "pub struct Document;\n");
    write(
        root.path(),
        "ui/mod.rs",
        "mod notes;\nmod viewer;\nmod widgets;\n",
    );
    write(
        root.path(),
        "ui/viewer.rs",
        "use super::widgets::event_date_text;\n// super::notes in a comment is fine\n",
    );
    assert!(check(root.path()).status.success());

    write(
        root.path(),
        "ui/viewer.rs",
        "use super::widgets::event_date_text;\nfn f() { super::notes::write_note(); }\n",
    );
    let output = check(root.path());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        said.contains("ui/viewer.rs:2: uses the panel ui::notes"),
        "{said}"
    );
}
