//! `viralsim compare`: 2 to 4 scenario files run on the same network with the same run
//! streams (common random numbers), one progress bar per scenario.

use crate::args::{intervention_flags, NetworkArgs, RunsArgs};
use crate::files;
use crate::progress::{callback, Bars};
use crate::{Fail, Output};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Instant;
use viralsim::report;
use viralsim::Scenario;

/// What `compare` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Every number, with the scenarios (each replayable with `run --scenario`).
    Json,
    /// One row per scenario and step: the mean reach curves.
    Csv,
    /// A summary to read.
    Table,
}

/// `viralsim compare`.
#[derive(Args, Debug)]
pub struct CompareArgs {
    /// 2 to 4 scenario files (or files viralsim exported); the first one's network, seed and
    /// runs are used unless flags say otherwise.
    #[arg(value_name = "SCENARIO", num_args = 2..=4, required = true)]
    scenarios: Vec<PathBuf>,

    #[command(flatten)]
    network: NetworkArgs,

    #[command(flatten)]
    runs: RunsArgs,

    /// Output format [default: table].
    #[arg(long, value_enum, help_heading = "Output")]
    format: Option<CompareFormat>,

    /// Write the output to this file (default: stdout).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    out: Option<PathBuf>,
}

fn stem(path: &std::path::Path) -> String {
    path.file_stem().map_or_else(
        || path.to_string_lossy().into_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Runs `viralsim compare`.
pub fn compare(a: CompareArgs) -> Result<Output, Fail> {
    let scenarios: Vec<Scenario> = a
        .scenarios
        .iter()
        .map(|p| files::scenario_file(p).map_err(|e| Fail::msg(format!("{}: {e}", p.display()))))
        .collect::<Result<_, _>>()?;
    let first = &scenarios[0];
    let seed = a.runs.seed.unwrap_or(first.seed);
    let runs = a.runs.runs.unwrap_or(first.runs.max(100));
    let max_steps = a
        .runs
        .max_steps
        .unwrap_or_else(|| scenarios.iter().map(|s| s.max_steps).max().unwrap_or(1000));
    let own_network = a.network.graph.is_some() || a.network.generate.is_some();
    if !own_network {
        for (s, path) in scenarios.iter().zip(&a.scenarios).skip(1) {
            if s.network != first.network {
                return Err(Fail::msg(format!(
                    "{}: runs on {} but {} runs on {}: compare needs the same network",
                    path.display(),
                    s.network,
                    a.scenarios[0].display(),
                    first.network
                )));
            }
        }
    }
    let dir = files::folder_of(&a.scenarios[0]);
    let first_name = a.scenarios[0].to_string_lossy().into_owned();
    let source = files::network(&a.network, Some((first, dir.as_path(), &first_name)))?;
    let limits = a.network.limits.limits();
    // the network is built once, from the first scenario with this network and seed
    let net = std::sync::Arc::new(source.build(seed, &limits)?);
    let cfg = a.runs.config(runs, max_steps, true);
    let mut names: Vec<String> = Vec::new();
    let mut set = Vec::new();
    let mut sims = Vec::new();
    for (s, path) in scenarios.iter().zip(&a.scenarios) {
        let mut name = stem(path);
        while names.contains(&name) {
            name.push('\'');
        }
        let one = Scenario {
            network: source.spec.clone(),
            seed,
            max_steps,
            runs,
            ..s.clone()
        };
        let flags = intervention_flags(&one.campaign);
        let sim = one
            .build_on_threads(net.clone(), a.runs.threads())
            .map_err(|e| Fail::msg(format!("{}: {}", path.display(), Fail::core(e, "", &flags))))?;
        names.push(name.clone());
        set.push(Scenario { seed, ..s.clone() });
        sims.push((name, sim));
    }
    let bars = Bars::new();
    let list: Vec<_> = names
        .iter()
        .map(|n| bars.bar(n, runs as u64, "runs"))
        .collect();
    let t0 = Instant::now();
    let c = viralsim::compare::compare(&sims, seed, &cfg, &mut |i, done, total| {
        callback(&list[i])(done, total)
    })?;
    for bar in &list {
        bar.finish_and_clear();
    }
    let elapsed_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let network = source.spec.to_string();
    let text = match a.format.unwrap_or(CompareFormat::Table) {
        CompareFormat::Json => {
            let text = report::compare_json(&c, &network, net.node_count(), &set, elapsed_ms);
            let mut v: serde_json::Value = serde_json::from_str(&text)?;
            v["scenario_files"] = serde_json::to_value(&a.scenarios)?;
            serde_json::to_string_pretty(&v)? + "\n"
        }
        CompareFormat::Csv => report::compare_csv(&c),
        CompareFormat::Table => report::compare_table(&c, &network, net.node_count(), elapsed_ms),
    };
    Ok(Output { text, out: a.out })
}
