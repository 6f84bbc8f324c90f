//! `viralsim`: the command-line front end, on clap. It reads flags and files, puts them into
//! a [`viralsim::Scenario`] and hands that to the core's one build path, the same one the page
//! uses; the core's report module renders what it prints.
//!
//! One module per command (`run`, `info`, `compare`, `sweep`, `theory`); the argument groups they share
//! (network, model, runs, campaign) live in `args`, each flattened into the commands that can
//! use it, so a flag a command cannot use does not exist for it. Errors: exit code 2, one
//! message on stderr naming the flag, field or line, nothing on stdout.

mod args;
mod compare;
mod convert;
mod fail;
mod files;
mod info;
mod progress;
mod run;
mod sweep;
mod theory;

use clap::{CommandFactory, Parser, Subcommand};
use fail::Fail;
use std::io::Write;
use std::process::ExitCode;

/// viralsim — word-of-mouth spread simulator.
///
/// Builds a social network (an edge list or a generator), spreads a post, an ad or a rumour
/// over it with one of seven models, and reports reach, cascade metrics and costs over Monte
/// Carlo runs. The same scenario and seed give the same numbers as the page.
#[derive(Parser)]
#[command(
    name = "viralsim",
    version,
    propagate_version = true,
    after_help = "EXAMPLES:
  viralsim run --generate ba:n=100000,m=5 --model ic --p 0.01 --seeds top-degree:10 --runs 1000
  viralsim run --graph audience.csv --model bass --p 0.01 --q 0.3 --seeds none --format csv
  viralsim info --generate facebook
  viralsim compare a.json b.json --runs 1000 --threshold 500
  viralsim sweep --generate ba:n=10000,m=3 --model ic --p 0.01:0.05:0.01 --seeds top-degree:5
  viralsim theory --generate er:n=20000,p=0.00025 --model ic --p 0.4
  viralsim completions bash > /etc/bash_completion.d/viralsim"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Simulate one scenario: one run with its trajectory, or Monte Carlo runs.
    Run(Box<run::RunArgs>),
    /// Describe a network: size, degrees, components, clustering.
    Info(info::InfoArgs),
    /// A/B: 2 to 4 scenario files on the same network with the same run streams.
    Compare(compare::CompareArgs),
    /// Run a grid of model parameters (lists `0.01,0.02` or ranges `0.01:0.1:0.01`).
    Sweep(sweep::SweepArgs),
    /// What theory expects, without simulating: threshold, transmissibility, final size,
    /// outbreak probability, Bass curves, the rumour's never-hear fraction.
    Theory(Box<theory::TheoryArgs>),
    /// Convert a network file: edge list, Gephi CSV, GML, GraphML, GEXF, Pajek, node-link JSON.
    Convert(convert::ConvertArgs),
    /// Print a shell completion script (bash, zsh or fish) on stdout.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The command's output and where it goes (`--out FILE`, or stdout).
struct Output {
    text: String,
    out: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<Output, Fail> = match cli.command {
        Command::Run(a) => run::run(*a),
        Command::Info(a) => info::info(a),
        Command::Compare(a) => compare::compare(a),
        Command::Sweep(a) => sweep::sweep(a),
        Command::Theory(a) => theory::theory(*a),
        Command::Convert(a) => convert::convert(a),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "viralsim", &mut buf);
            Ok(Output {
                text: String::from_utf8_lossy(&buf).into_owned(),
                out: None,
            })
        }
    };
    let written = result.and_then(|o| match o.out {
        Some(path) => std::fs::write(&path, o.text).map_err(|e| {
            Fail::flag(
                "out",
                format!("cannot write '{}': {e}", path.to_string_lossy()),
            )
        }),
        None => {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(o.text.as_bytes());
            Ok(())
        }
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {f}");
            ExitCode::from(2)
        }
    }
}
