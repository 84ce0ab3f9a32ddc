//! Entry point: parse the command line, then open the window or run a command.

use std::process::ExitCode;

use clap::Parser;

use accord::cli::{Cli, Command};

fn main() -> ExitCode {
    let _ = accord::app::STARTED.set(std::time::Instant::now());
    let cli = Cli::parse();
    let result = match &cli.command {
        None => accord::app::run(cli.screenshot.clone()),
        Some(Command::Extract(args)) => accord::cli::extract(args, &mut std::io::stdout().lock()),
        Some(Command::Export(args)) => accord::cli::export(
            args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("accord: {error:#}");
            ExitCode::FAILURE
        }
    }
}
