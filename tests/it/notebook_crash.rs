//! Crash safety: a process saving a notebook over and over is killed (SIGKILL, as `kill -9`) at
//! random moments, many times. After every kill the notebook and its `.bak` must read as one
//! of the two notebooks being saved, never a mix or a torn file.
//!
//! The saving process is this test binary run again with `ACCORD_CRASH_CHILD` set, running
//! only the ignored `notebook_crash::child_saves_until_killed` test, so the product binary needs no test-only
//! command. A kill stops a process, not the machine: this proves no moment of a save leaves a
//! broken file for the next reader; the syncs that keep a power cut from doing so are not
//! something a test can observe.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use accord::model::DocumentId;
use accord::notebook::{EventKey, Notebook, NotebookFile, Passage, Review, Target, backup_path};

/// Set in the child process to the notebook's path.
const CHILD_ENV: &str = "ACCORD_CRASH_CHILD";

/// What the child prints once it is about to start saving.
const READY: &str = "child: saving";

/// How many times the child is killed.
const KILLS: u32 = 200;

/// The longest wait between the child starting to save and the kill.
const MAX_DELAY_US: u64 = 20_000;

/// One of the two notebooks the child alternates between: a small one and a much larger one,
/// so a file cut short or mixed from both cannot pass for either.
fn content(large: bool) -> Notebook {
    let mut notebook = Notebook::default();
    let count: u32 = if large { 150 } else { 30 };
    for n in 0..count {
        let at = n as usize * 40;
        let document = DocumentId(u128::from(n % 7) << 64 | 0xACC0);
        let target = match n % 3 {
            0 => Target::Article { document },
            1 => Target::Passage(Passage {
                document,
                quote: format!("南京与徐州签署第{n}份合作协议"),
                start_byte: at,
                end_byte: at + 45,
            }),
            _ => Target::Event {
                key: EventKey::of(
                    document,
                    &format!("Nanjing and Xuzhou signed agreement {n}."),
                ),
            },
        };
        let text = format!(
            "{} 笔记 {n}：双方将在港口、物流、科技创新等领域深化合作，共建长三角一体化示范区。",
            if large { "large" } else { "small" }
        );
        notebook.add_note(
            target,
            text,
            &[format!("tag{}", n % 5), "合作".to_owned()],
            i64::from(n),
        );
    }
    for n in 0..count / 10 {
        let key = EventKey::of(DocumentId(0xACC0), &format!("Event sentence {n}."));
        notebook.set_review(key, Review::Accepted, 0);
    }
    notebook
}

/// The child: saves the two notebooks in turn until it is killed.
#[test]
#[ignore = "the saving process of kills_during_saves_never_tear_the_notebook"]
fn child_saves_until_killed() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut opened = NotebookFile::open(path);
    assert!(opened.problem.is_none(), "{:?}", opened.problem);
    let (small, large) = (content(false), content(true));
    let mut next_large = opened.notebook != large;
    println!("{READY}");
    std::io::stdout().flush().unwrap();
    loop {
        opened
            .file
            .save(if next_large { &large } else { &small })
            .unwrap();
        next_large = !next_large;
    }
}

/// A small deterministic generator (xorshift64*), so every run kills at the same offsets.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound
    }
}

/// Whether the child said it is saving within ten seconds (read on a thread, so a child that
/// hangs fails the test instead of hanging it). libtest prints `test NAME ... ` before the
/// test's own output, so the line ends with the word rather than being it.
fn wait_until_ready(stdout: ChildStdout) -> bool {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.ends_with(READY));
        sender.send(ready).ok();
    });
    receiver
        .recv_timeout(Duration::from_secs(10))
        .unwrap_or(false)
}

/// Which of the two notebooks the file at `path` holds; panics on anything else.
fn which(path: &Path, small: &Notebook, large: &Notebook, kill: u32) -> bool {
    let opened = NotebookFile::open(path);
    assert!(
        opened.problem.is_none(),
        "after kill {kill}, {} does not read: {:?}",
        path.display(),
        opened.problem
    );
    assert!(
        opened.notebook == *small || opened.notebook == *large,
        "after kill {kill}, {} holds neither notebook",
        path.display()
    );
    opened.notebook == *large
}

#[test]
fn kills_during_saves_never_tear_the_notebook() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notebook.ron");
    let (small, large) = (content(false), content(true));
    NotebookFile::at(&path).save(&small).unwrap();
    let executable = std::env::current_exe().unwrap();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    let (mut large_seen, mut temporary_files_left) = (0, 0);

    for kill in 1..=KILLS {
        let mut child = Command::new(&executable)
            .args([
                "--exact",
                "notebook_crash::child_saves_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        if !wait_until_ready(stdout) {
            child.kill().ok();
            child.wait().ok();
            panic!("the child did not start saving (kill {kill})");
        }
        std::thread::sleep(Duration::from_micros(random.below(MAX_DELAY_US)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "the child failed on its own: {status}"
        );

        if which(&path, &small, &large, kill) {
            large_seen += 1;
        }
        let backup = backup_path(&path);
        if backup.exists() {
            which(&backup, &small, &large, kill);
        }
        // A kill in the middle of a save leaves its temporary file; count and clear them.
        for entry in std::fs::read_dir(folder.path()).unwrap() {
            let entry = entry.unwrap();
            if entry.file_name().to_string_lossy().ends_with(".tmp") {
                temporary_files_left += 1;
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }

    let elapsed = started.elapsed();
    println!(
        "{KILLS} kills in {:.1} s: the notebook read whole every time ({large_seen} times the \
         large one, {} the small one), so did its .bak; {temporary_files_left} kills landed \
         mid-save and left a temporary file",
        elapsed.as_secs_f64(),
        KILLS - large_seen,
    );
    assert!(
        temporary_files_left > 0,
        "no kill landed in the middle of a save: the test proves nothing"
    );
}
