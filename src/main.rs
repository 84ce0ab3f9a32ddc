//! Entry point: parse the command line, then open the window or run a command.

// Release builds on Windows are GUI programs, so no console window opens behind Accord; the
// command line attaches to the terminal it was typed in instead (`attach_to_terminal`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

use accord::cli::{Cli, Command};

fn main() -> ExitCode {
    let _ = accord::app::STARTED.set(std::time::Instant::now());
    // Arguments mean a terminal (or a script) started us: `--help`, `extract`, `export`, ….
    if std::env::args_os().len() > 1 {
        attach_to_terminal();
    }
    let cli = Cli::parse();
    let result = match &cli.command {
        None => accord::app::run(cli.screenshot.clone(), cli.open.clone()),
        Some(Command::Extract(args)) => accord::cli::extract(args, &mut std::io::stdout().lock()),
        Some(Command::Export(args)) => accord::cli::export(
            args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Figure(args)) => accord::cli::figure(
            args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Merge(args)) => accord::cli::merge(args, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("accord: {}", accord::cli::plain_message(&error));
            ExitCode::FAILURE
        }
    }
}

/// A Windows GUI program starts without a console, so what it prints goes nowhere. Attaching to
/// the console of the process that started it (the terminal) makes the command line print
/// there; output redirected to a file or pipe goes there as before. Started from Explorer there
/// is no such console: the call fails and nothing changes.
#[cfg(all(windows, not(debug_assertions)))]
#[allow(unsafe_code)] // One Win32 call that takes a number and touches none of our memory.
fn attach_to_terminal() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: `AttachConsole` takes a process id by value and reads no memory of ours; its
    // failure (no parent console, or one already attached) is only a return value.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

/// Elsewhere (and in Windows debug builds, which keep their console) there is nothing to do.
#[cfg(not(all(windows, not(debug_assertions))))]
fn attach_to_terminal() {}
