//! The files viralsim writes, rendered in one place for the CLI and the page, so that a
//! download from the page is the CLI's file for the same scenario, byte for byte (but for the
//! time it took).

use crate::compare::Comparison;
use crate::montecarlo::MonteCarloResult;
use crate::scenario::Scenario;
use crate::state::History;

/// A Monte Carlo as CSV, one row per step: cumulative reach (mean and 5–95 % band), active
/// people (mean and band), and the mean reach split into ad-driven and word-of-mouth adopters.
///
/// ```
/// let s = viralsim::Scenario::from_json(r#"{"network":"karate","model":{"kind":"ic","p":0.2},"seeds":"nodes:0","seed":1}"#).unwrap();
/// let sim = s.build(None).unwrap();
/// let cfg = viralsim::montecarlo::MonteCarloConfig { runs: 10, ..Default::default() };
/// let r = viralsim::montecarlo::monte_carlo(&sim, 1, &cfg, &mut |_, _| {}).unwrap();
/// let csv = viralsim::report::monte_carlo_csv(&r);
/// assert!(csv.starts_with("step,reach_mean,reach_p05,reach_p95,active_mean,active_p05,active_p95,ad_driven_mean,word_of_mouth_mean\n0,1,1,1,1,1,1,0,1\n"));
/// ```
pub fn monte_carlo_csv(r: &MonteCarloResult) -> String {
    let mut out = String::from(
        "step,reach_mean,reach_p05,reach_p95,active_mean,active_p05,active_p95,ad_driven_mean,word_of_mouth_mean\n",
    );
    let (c, a, ad) = (&r.curve, &r.active_curve, &r.ad_curve.mean);
    for t in 0..c.mean.len() {
        let ads = ad.get(t).or(ad.last()).copied().unwrap_or(0.0);
        out.push_str(&format!(
            "{t},{},{},{},{},{},{},{},{}\n",
            c.mean[t],
            c.p05[t],
            c.p95[t],
            a.mean[t],
            a.p05[t],
            a.p95[t],
            ads,
            c.mean[t] - ads
        ));
    }
    out
}

/// What a Monte Carlo ran on, for [`monte_carlo_json`].
pub struct RunContext<'a> {
    /// The scenario (replayable with `viralsim run --scenario`).
    pub scenario: &'a Scenario,
    pub nodes: usize,
    pub edges: usize,
    /// The model's names of the three states.
    pub states: [&'a str; 3],
    /// Run 0's history, for a single run.
    pub history: Option<&'a History>,
    pub elapsed_ms: f64,
}

/// A Monte Carlo as pretty JSON: the scenario, the network's size, the summary, the curves and
/// the metrics (the fields the README lists), ending with a newline.
pub fn monte_carlo_json(ctx: &RunContext, r: &MonteCarloResult) -> String {
    let v = serde_json::json!({
        "history": ctx.history,
        "scenario": ctx.scenario,
        "nodes": ctx.nodes,
        "edges": ctx.edges,
        "runs": r.runs,
        "seed": r.seed,
        "states": ctx.states,
        "reach": r.reach,
        "reach_fraction": r.reach_fraction,
        "prob_exceed": r.prob_exceed.map(|p| serde_json::json!({"threshold": r.threshold, "probability": p})),
        "curve": r.curve,
        "active_curve": r.active_curve,
        "metrics": r.metrics,
        "ad_curve": r.ad_curve,
        "campaign": r.campaign,
        "segments": r.segments,
        "edge_checks": r.arcs_from_adopters,
        "elapsed_ms": ctx.elapsed_ms,
        "runs_per_second": r.runs as f64 / (ctx.elapsed_ms / 1000.0).max(1e-9),
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// A comparison as CSV, one row per scenario: reach (mean, std, 95 % interval, fraction), the
/// chance of going viral, steps to 50 %, cost per adopter, and the probability that it beats
/// each other scenario.
pub fn compare_csv(c: &Comparison) -> String {
    let names: Vec<&str> = c.scenarios.iter().map(|s| s.name.as_str()).collect();
    let mut o = String::from("scenario,reach_mean,reach_std,reach_ci95_low,reach_ci95_high,reach_fraction,prob_exceed,steps_to_50,cost_per_adopter");
    for n in &names {
        o.push_str(&format!(",prob_better_than_{n}"));
    }
    o.push('\n');
    let opt = |x: Option<f64>| x.map_or(String::new(), |p| p.to_string());
    for sc in &c.scenarios {
        o.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}",
            sc.name,
            sc.reach.mean,
            sc.reach.std,
            sc.reach.ci95[0],
            sc.reach.ci95[1],
            sc.reach_fraction.mean,
            opt(sc.prob_exceed),
            sc.steps_to_50,
            opt(sc.cost_per_adopter)
        ));
        for other in &names {
            let p = c.pairs.iter().find_map(|p| {
                if p.a == sc.name && p.b == *other {
                    Some(p.prob_a_better)
                } else if p.b == sc.name && p.a == *other {
                    Some(1.0 - p.prob_a_better)
                } else {
                    None
                }
            });
            o.push_str(&format!(",{}", opt(p)));
        }
        o.push('\n');
    }
    o
}

/// A comparison as pretty JSON: the comparison, the network, its size, the scenarios
/// (each replayable with `viralsim run --scenario`) and the time it took.
pub fn compare_json(
    c: &Comparison,
    network: &str,
    nodes: usize,
    scenarios: &[Scenario],
    elapsed_ms: f64,
) -> String {
    let mut v = serde_json::to_value(c).unwrap_or_default();
    v["network"] = network.into();
    v["nodes"] = nodes.into();
    v["scenario_set"] = serde_json::to_value(scenarios).unwrap_or_default();
    v["elapsed_ms"] = elapsed_ms.into();
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
