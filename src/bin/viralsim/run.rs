//! `viralsim run`: one scenario, from flags, a scenario file or the page's address, built by
//! the core's one build path and run once (with its trajectory) or as Monte Carlo runs.

use crate::args::{intervention_flags, CampaignArgs, ModelArgs, NetworkArgs, RunsArgs};
use crate::files;
use crate::progress::{callback, Bars};
use crate::{Fail, Output};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Instant;
use viralsim::montecarlo::{monte_carlo, single_run};
use viralsim::report::{self, RunContext};
use viralsim::{Scenario, Seeding};

/// What `run` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RunFormat {
    /// Every number, with the scenario (replayable with --scenario).
    Json,
    /// One row per step: mean reach and its 90 % band, active, ad-driven.
    Csv,
    /// A summary to read.
    Table,
}

/// `viralsim run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// A JSON scenario (network, model, seeds, seed, max_steps, runs, campaign), or a file
    /// viralsim exported; flags given as well override it. Files it names are read next to it.
    #[arg(long, value_name = "FILE", conflicts_with = "address")]
    scenario: Option<PathBuf>,

    /// The page's address ('http://…/#network=…&model=…'), read as the page reads it.
    #[arg(long, value_name = "LINK")]
    address: Option<String>,

    #[command(flatten)]
    network: NetworkArgs,

    #[command(flatten)]
    model: ModelArgs,

    /// Who starts it: top-degree:K  random:K  nodes:ID,ID,...  none  pagerank:K  kcore:K
    /// degree-discount:K  celf:K[,runs=R]  imm:K  budget:B[,runs=R].
    #[arg(long, value_name = "SEEDS", help_heading = "Seeds",
          value_parser = |s: &str| s.parse::<Seeding>().map_err(|e| e.to_string()))]
    seeds: Option<Seeding>,

    /// IMM's accuracy: spread ≥ (1 − 1/e − E) × optimum [default: 0.5].
    #[arg(
        long,
        value_name = "E",
        allow_negative_numbers = true,
        help_heading = "Seeds"
    )]
    epsilon: Option<f64>,

    #[command(flatten)]
    runs: RunsArgs,

    #[command(flatten)]
    campaign: CampaignArgs,

    /// Output format [default: json].
    #[arg(long, value_enum, help_heading = "Output")]
    format: Option<RunFormat>,

    /// Write the output to this file (default: stdout).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    out: Option<PathBuf>,

    /// After a single run, write the network with each person's result (state, step_adopted,
    /// told_by, generation, cause, segment) as node attributes: .gexf or .graphml (or any
    /// format convert writes, told by the extension).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    export_network: Option<PathBuf>,
}

/// The scenario a --scenario file or an --address gives, and what names it in errors.
fn base(a: &RunArgs) -> Result<Option<(Scenario, PathBuf, String)>, Fail> {
    if let Some(path) = &a.scenario {
        let shown = path.to_string_lossy();
        let s = files::scenario_file(path)
            .map_err(|e| Fail::flag("scenario", format!("{shown}: {e}")))?;
        return Ok(Some((
            s,
            files::folder_of(path),
            format!("--scenario {shown}"),
        )));
    }
    if let Some(link) = &a.address {
        return match viralsim::address::parse_address(link) {
            Ok(viralsim::address::Address {
                scenario: Some(s), ..
            }) => Ok(Some((s, PathBuf::from("."), "--address".into()))),
            Ok(_) => Err(Fail::flag(
                "address",
                "the address names no network and no model",
            )),
            Err(e) => Err(Fail::flag("address", e)),
        };
    }
    Ok(None)
}

/// Runs `viralsim run`.
pub fn run(a: RunArgs) -> Result<Output, Fail> {
    let base = base(&a)?;
    let from = base.as_ref().map(|(s, _, _)| s);
    let seed = a.runs.seed.or(from.map(|s| s.seed)).unwrap_or(1);
    let runs = a.runs.runs.or(from.map(|s| s.runs)).unwrap_or(1);
    let max_steps = a
        .runs
        .max_steps
        .or(from.map(|s| s.max_steps))
        .unwrap_or(viralsim::bounds::DEFAULT_MAX_STEPS);
    let model = a.model.spec(from.map(|s| &s.model))?;
    let seeds = match (&a.seeds, from) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s.seeds.clone(),
        (None, None) => {
            return Err(Fail::flag(
                "seeds",
                "required (top-degree:K, random:K, nodes:ID,ID,... or none)",
            ))
        }
    };
    let seeds = match (a.epsilon, seeds) {
        (None, s) => s,
        (Some(e), Seeding::Imm { k, .. }) => {
            viralsim::influence::imm::check_epsilon(e).map_err(Fail::from)?;
            Seeding::Imm { k, epsilon: e }
        }
        (Some(_), _) => return Err(Fail::flag("epsilon", "only used with --seeds imm:K")),
    };
    let source = files::network(
        &a.network,
        base.as_ref()
            .map(|(s, dir, name)| (s, dir.as_path(), name.as_str())),
    )?;
    let campaign = a
        .campaign
        .apply(from.map(|s| s.campaign.clone()).unwrap_or_default())?;
    let scenario = Scenario {
        network: source.spec.clone(),
        model,
        seeds,
        seed,
        max_steps,
        runs,
        campaign,
    };
    let flags = intervention_flags(&scenario.campaign);
    let limits = viralsim::io::Limits {
        threads: a.runs.threads(),
        ..a.network.limits.limits()
    };
    let sim = scenario
        .build_texts(&source.texts(), &limits)
        .map_err(|e| Fail::core(e, &source.context, &flags))?;
    let cfg = a.runs.config(runs, max_steps, true);
    let t0 = Instant::now();
    // a single run also reports its whole trajectory (the numbers the page shows)
    let (res, history) = if runs == 1 {
        let (r, h) = single_run(&sim, seed, &cfg)?;
        (r, Some(h))
    } else {
        let bars = Bars::new();
        let bar = bars.bar("runs", runs as u64, "runs");
        let r = monte_carlo(&sim, seed, &cfg, &mut callback(&bar))?;
        bar.finish_and_clear();
        (r, None)
    };
    let elapsed_ms = t0.elapsed().as_secs_f64() * 1000.0;
    if let Some(path) = &a.export_network {
        if runs != 1 {
            return Err(Fail::flag(
                "export-network",
                "writes the people's results of a single run: use it with --runs 1",
            ));
        }
        let format = crate::convert::format_of(path, None, "export-network")?;
        // run 0 again, as single_run ran it
        let mut one = sim.clone();
        one.set_recording(false);
        one.reset_run(seed, 0);
        one.run(max_steps);
        let results =
            viralsim::formats::write::result_attributes(one.network(), one.states(), one.records());
        let text = viralsim::formats::write::write_network(one.network(), format, &results);
        std::fs::write(path, text).map_err(|e| {
            Fail::flag(
                "export-network",
                format!("cannot write '{}': {e}", path.to_string_lossy()),
            )
        })?;
    }
    let ctx = RunContext {
        scenario: &scenario,
        nodes: sim.network().node_count(),
        edges: sim.network().edge_count(),
        states: sim.model().state_names(),
        history: history.as_ref(),
        elapsed_ms,
    };
    let text = match a.format.unwrap_or(RunFormat::Json) {
        RunFormat::Json => report::monte_carlo_json(&ctx, &res),
        RunFormat::Csv => report::monte_carlo_csv(&res),
        RunFormat::Table => report::monte_carlo_table(&ctx, &res),
    };
    Ok(Output { text, out: a.out })
}
