//! A/B comparison of scenarios on the same network, with honest intervals.
//!
//! Every scenario runs the same run indices `0..runs` of the same scenario seed, so run r of A
//! and run r of B draw from the same random stream (common random numbers). The pairs
//! (reach_A(r), reach_B(r)) are independent across r, so the paired difference has the usual
//! interval mean ± 1.96·sd/√runs, whatever the correlation the shared streams create — and that
//! correlation makes the interval narrower than for unpaired runs.

use crate::error::{Code, Error, Result};
use crate::montecarlo::{monte_carlo, MonteCarloConfig, MonteCarloResult, Summary};
use crate::simulation::Simulation;
use serde::Serialize;

/// One scenario's numbers.
#[derive(Clone, Debug, Serialize)]
pub struct ScenarioSummary {
    /// The scenario's name, as given.
    pub name: String,
    /// Reach over runs (mean, 95 % interval, …).
    pub reach: Summary,
    /// Reach over runs as a fraction of the nodes.
    pub reach_fraction: Summary,
    /// P(reach > threshold), when a threshold is given: the "chance of going viral".
    pub prob_exceed: Option<f64>,
    /// Mean over runs of the first step by which 50 % of that run's final reach had adopted
    /// (NaN when the results were computed without metrics).
    pub steps_to_50: f64,
    /// Cumulative reach per step: mean and 5–95 % band over runs.
    pub curve: crate::montecarlo::Curve,
    /// Mean total cost / mean reach, when the scenario has costs.
    pub cost_per_adopter: Option<f64>,
}

/// A compared with B, run by run.
#[derive(Clone, Debug, Serialize)]
pub struct PairComparison {
    /// Name of the first scenario.
    pub a: String,
    /// Name of the second scenario.
    pub b: String,
    /// Mean of reach_A(r) − reach_B(r).
    pub mean_difference: f64,
    /// 95 % interval of the mean difference (paired).
    pub ci95: [f64; 2],
    /// Probability that A's expected reach is higher than B's: Φ(mean / standard error)
    /// (normal approximation, flat prior); 0.5 when the runs never differ.
    pub prob_a_better: f64,
}

/// The outcome of an A/B comparison of 2 to 4 scenarios (`viralsim compare`, the page's
/// "Compare").
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// Runs per scenario (the same run indices `0..runs` for all).
    pub runs: u32,
    /// The scenario seed every scenario ran with.
    pub seed: u64,
    /// The reach threshold of [`ScenarioSummary::prob_exceed`], if any.
    pub threshold: Option<f64>,
    /// Each scenario's numbers, in the order given.
    pub scenarios: Vec<ScenarioSummary>,
    /// Every pair (i, j) with i < j, in order: (0, 1), (0, 2), …, (1, 2), …
    pub pairs: Vec<PairComparison>,
    /// The name of the scenario with the highest mean reach (the first one on a tie).
    pub best: String,
    /// The smallest of the probabilities that [`best`](Self::best) beats each other scenario.
    pub best_probability: f64,
}

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; |error| < 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.3275911 * z);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Paired comparison of two reach series of equal length (run r of A against run r of B).
pub fn paired(a_name: &str, a: &[u32], b_name: &str, b: &[u32]) -> PairComparison {
    let d: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| x as f64 - y as f64)
        .collect();
    let s = Summary::of(&d);
    let se = s.std / (d.len() as f64).sqrt();
    let prob = if se > 0.0 {
        normal_cdf(s.mean / se)
    } else if s.mean > 0.0 {
        1.0
    } else if s.mean < 0.0 {
        0.0
    } else {
        0.5
    };
    PairComparison {
        a: a_name.into(),
        b: b_name.into(),
        mean_difference: s.mean,
        ci95: s.ci95,
        prob_a_better: prob,
    }
}

/// Runs every scenario `runs` times with scenario seed `seed` (same run streams for all) and
/// compares them pairwise. `progress(i, done, runs)` tells how far scenario `i` is (the CLI
/// draws one bar per scenario).
///
/// # Errors
/// Fewer than 2 or more than 4 scenarios, scenarios on networks of different sizes, or a
/// Monte Carlo error (`runs` = 0).
pub fn compare(
    scenarios: &[(String, Simulation)],
    seed: u64,
    cfg: &MonteCarloConfig,
    progress: &mut dyn FnMut(usize, u32, u32),
) -> Result<Comparison> {
    if !(2..=4).contains(&scenarios.len()) {
        return Err(Error::new(
            "scenarios",
            Code::CompareCount {
                min: 2,
                max: 4,
                got: scenarios.len() as u64,
            },
        ));
    }
    let n = scenarios[0].1.network().node_count();
    if let Some((name, _)) = scenarios
        .iter()
        .find(|(_, s)| s.network().node_count() != n)
    {
        return Err(Error::new(
            "scenarios",
            Code::CompareNetwork {
                name: name.to_string(),
            },
        ));
    }
    let mut results: Vec<MonteCarloResult> = Vec::with_capacity(scenarios.len());
    for (i, (_, sim)) in scenarios.iter().enumerate() {
        results.push(monte_carlo(
            sim,
            seed,
            &MonteCarloConfig {
                metrics: true,
                ..cfg.clone()
            },
            &mut |d, t| progress(i, d, t),
        )?);
    }
    let names: Vec<String> = scenarios.iter().map(|(n, _)| n.clone()).collect();
    compare_results(&names, &results)
}

/// Compares Monte Carlo results of the same runs (same seed, same run indices) of 2 to 4
/// scenarios, e.g. computed in the page's workers.
///
/// # Errors
/// Fewer than 2 or more than 4 results, or results of different run counts or seeds.
pub fn compare_results(names: &[String], results: &[MonteCarloResult]) -> Result<Comparison> {
    if !(2..=4).contains(&results.len()) || names.len() != results.len() {
        return Err(Error::new(
            "scenarios",
            Code::CompareCount {
                min: 2,
                max: 4,
                got: results.len() as u64,
            },
        ));
    }
    // pairs and the CSV's columns are matched by name: two scenarios must not share one
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(Error::new(
                "scenarios",
                Code::DuplicateLabel {
                    label: name.clone(),
                },
            ));
        }
    }
    if results
        .iter()
        .any(|r| r.runs != results[0].runs || r.seed != results[0].seed)
    {
        return Err(Error::new("runs", Code::CompareRuns));
    }
    let summaries: Vec<ScenarioSummary> = names
        .iter()
        .zip(results)
        .map(|(name, r)| ScenarioSummary {
            name: name.clone(),
            reach: r.reach.clone(),
            reach_fraction: r.reach_fraction.clone(),
            prob_exceed: r.prob_exceed,
            steps_to_50: r.metrics.as_ref().map_or(f64::NAN, |m| m.steps_to_50),
            curve: r.curve.clone(),
            cost_per_adopter: r.campaign.as_ref().and_then(|c| c.cost_per_adopter),
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..results.len() {
        for j in i + 1..results.len() {
            pairs.push(paired(
                &names[i],
                &results[i].reaches,
                &names[j],
                &results[j].reaches,
            ));
        }
    }
    let best_i = (0..summaries.len())
        .max_by(|&a, &b| {
            summaries[a]
                .reach
                .mean
                .total_cmp(&summaries[b].reach.mean)
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let best = names[best_i].clone();
    let best_probability = pairs
        .iter()
        .filter_map(|p| {
            if p.a == best {
                Some(p.prob_a_better)
            } else if p.b == best {
                Some(1.0 - p.prob_a_better)
            } else {
                None
            }
        })
        .fold(1.0, f64::min);
    let r0 = &results[0];
    Ok(Comparison {
        runs: r0.runs,
        seed: r0.seed,
        threshold: r0.threshold,
        scenarios: summaries,
        pairs,
        best,
        best_probability,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-9);
        assert!((normal_cdf(1.959964) - 0.975).abs() < 1e-6);
        assert!((normal_cdf(-1.0) - 0.15865525393145707).abs() < 1e-6);
    }

    #[test]
    fn paired_difference() {
        let p = paired("a", &[3, 5, 7, 9], "b", &[1, 4, 5, 6]);
        assert_eq!(p.mean_difference, 2.0);
        assert!(p.prob_a_better > 0.95);
        let same = paired("a", &[3, 5], "b", &[3, 5]);
        assert_eq!(same.prob_a_better, 0.5);
    }
}
