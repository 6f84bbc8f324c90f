//! `viralsim sweep`: a grid of model parameters, each point a Monte Carlo on the same network.
//! Parameters take lists (`--p 0.01,0.02,0.05`) or inclusive ranges (`--p 0.01:0.1:0.01`).

use crate::args::{ModelArgs, ModelKind, NetworkArgs, RunsArgs, Weights};
use crate::files;
use crate::progress::{callback, Bars};
use crate::{Fail, Output};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::sync::Arc;
use viralsim::montecarlo::monte_carlo;
use viralsim::report::{self, Sweep, SweepRow};
use viralsim::{Scenario, Seeding};

/// What `sweep` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    /// Every point's reach summary as JSON.
    Json,
    /// One row per point.
    Csv,
    /// One row per point, aligned to read.
    Table,
}

/// `viralsim sweep`.
#[derive(Args, Debug)]
pub struct SweepArgs {
    #[command(flatten)]
    network: NetworkArgs,

    /// The spread model.
    #[arg(long, value_enum, required = true, help_heading = "Model")]
    model: ModelKind,
    /// ic: chance per arc and step; bass: advertising per step (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    p: Option<String>,
    /// bass: word of mouth (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    q: Option<String>,
    /// sir, sis: infection chance per contact per step (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    beta: Option<String>,
    /// sir, sis: recovery chance per step (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    gamma: Option<String>,
    /// threshold: the fraction of neighbours that must have adopted (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    theta: Option<String>,
    /// threshold: the number of neighbours that must have adopted (a list or a range).
    #[arg(long, value_name = "LIST", help_heading = "Model")]
    k: Option<String>,
    /// ic, lt: edge weights from the file (edge) or 1/in-degree (in_degree, ic only).
    #[arg(long, value_enum, help_heading = "Model")]
    weights: Option<Weights>,

    /// Who starts it (as for run), the same at every point.
    #[arg(long, value_name = "SEEDS", required = true, help_heading = "Seeds",
          value_parser = |s: &str| s.parse::<Seeding>().map_err(|e| e.to_string()))]
    seeds: Seeding,

    #[command(flatten)]
    runs: RunsArgs,

    /// Output format [default: csv].
    #[arg(long, value_enum, help_heading = "Output")]
    format: Option<SweepFormat>,

    /// Write the output to this file (default: stdout).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    out: Option<PathBuf>,
}

/// Values of a sweep flag: `a,b,c` or `start:stop:step` (inclusive), at most 1000.
fn sweep_values(flag: &str, raw: &str) -> Result<Vec<String>, Fail> {
    if !raw.contains(':') {
        return Ok(raw.split(',').map(|x| x.trim().to_string()).collect());
    }
    let nums: Vec<f64> = raw
        .split(':')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| Fail::flag(flag, format!("'{raw}' should be start:stop:step")))?;
    if nums.len() != 3 || nums[2] <= 0.0 || nums[1] < nums[0] || !nums.iter().all(|x| x.is_finite())
    {
        return Err(Fail::flag(
            flag,
            format!("'{raw}' should be start:stop:step with step > 0 and stop ≥ start"),
        ));
    }
    let count = ((nums[1] - nums[0]) / nums[2] + 1e-9).floor() as usize + 1;
    if count > 1000 {
        return Err(Fail::flag(
            flag,
            format!("'{raw}' makes {count} values (at most 1000)"),
        ));
    }
    Ok((0..count)
        .map(|i| format!("{}", ((nums[0] + i as f64 * nums[2]) * 1e10).round() / 1e10))
        .collect())
}

/// One point's model flags, as `run` would read them.
fn point(a: &SweepArgs, names: &[&str], values: &[String]) -> Result<ModelArgs, Fail> {
    let mut m = ModelArgs {
        model: Some(a.model),
        weights: a.weights,
        ..ModelArgs::default()
    };
    let float = |flag: &str, v: &str| {
        v.trim()
            .parse::<f64>()
            .map_err(|_| Fail::flag(flag, format!("'{v}' is not a number")))
    };
    for (name, v) in names.iter().zip(values) {
        match *name {
            "p" => m.p = Some(float(name, v)?),
            "q" => m.q = Some(float(name, v)?),
            "beta" => m.beta = Some(float(name, v)?),
            "gamma" => m.gamma = Some(float(name, v)?),
            "theta" => m.theta = Some(float(name, v)?),
            _ => {
                m.k = Some(
                    v.trim()
                        .parse::<u32>()
                        .map_err(|_| Fail::flag("k", format!("'{v}' is not a whole number ≥ 0")))?,
                )
            }
        }
    }
    Ok(m)
}

/// Runs `viralsim sweep`.
pub fn sweep(a: SweepArgs) -> Result<Output, Fail> {
    let seed = a.runs.seed.unwrap_or(1);
    let runs = a.runs.runs.unwrap_or(100);
    let max_steps = a
        .runs
        .max_steps
        .unwrap_or(viralsim::bounds::DEFAULT_MAX_STEPS);
    let flags = [
        ("p", &a.p),
        ("q", &a.q),
        ("beta", &a.beta),
        ("gamma", &a.gamma),
        ("theta", &a.theta),
        ("k", &a.k),
    ];
    let mut names = Vec::new();
    let mut lists = Vec::new();
    for (name, raw) in flags {
        if let Some(raw) = raw {
            names.push(name);
            lists.push(sweep_values(name, raw)?);
        }
    }
    let combos: usize = lists.iter().map(Vec::len).product();
    if combos > 1000 {
        return Err(Fail::msg(format!(
            "sweep: {combos} combinations (at most 1000)"
        )));
    }
    let source = files::network(&a.network, None)?;
    let net = Arc::new(source.build(seed, &a.network.limits.limits())?);
    let cfg = a.runs.config(runs, max_steps, false);
    let bars = Bars::new();
    let bar = bars.bar("points", combos as u64, "points");
    let mut rows = Vec::new();
    for i in 0..combos {
        // the i-th combination, the last flag fastest
        let mut rest = i;
        let mut values = vec![String::new(); lists.len()];
        for (j, vals) in lists.iter().enumerate().rev() {
            values[j] = vals[rest % vals.len()].clone();
            rest /= vals.len();
        }
        let model = point(&a, &names, &values)?.spec(None)?;
        // a sweep has no campaign: every point runs the model alone
        let scenario = Scenario {
            network: source.spec.clone(),
            model,
            seeds: a.seeds.clone(),
            seed,
            max_steps,
            runs,
            campaign: Default::default(),
        };
        let sim = scenario.build_on_threads(net.clone(), a.runs.threads())?;
        let result = monte_carlo(&sim, seed, &cfg, &mut |_, _| {})?;
        callback(&bar)((i + 1) as u32, combos as u32);
        rows.push(SweepRow { values, result });
    }
    bar.finish_and_clear();
    let network = source.spec.to_string();
    let seeds = a.seeds.to_string();
    let s = Sweep {
        network: &network,
        model: a.model.name(),
        seeds: &seeds,
        runs,
        seed,
        names,
        rows,
    };
    let text = match a.format.unwrap_or(SweepFormat::Csv) {
        SweepFormat::Json => report::sweep_json(&s),
        SweepFormat::Csv => report::sweep_rows(&s, ","),
        SweepFormat::Table => report::sweep_rows(&s, "  "),
    };
    Ok(Output { text, out: a.out })
}
