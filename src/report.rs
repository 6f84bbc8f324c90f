//! The files viralsim writes, rendered in one place for the CLI and the page, so that a
//! download from the page is the CLI's file for the same scenario, byte for byte (but for the
//! time it took).

use crate::compare::Comparison;
use crate::montecarlo::MonteCarloResult;
use crate::scenario::Scenario;
use crate::state::History;

/// A Monte Carlo as CSV, one row per step: cumulative reach (mean and 5–95 % band), active
/// people (mean and band), and the mean reach split into ad-driven adopters and the rest
/// (`word_of_mouth_mean`: the seeds and the people told by others).
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
    /// Nodes in the network.
    pub nodes: usize,
    /// Edges in the network (arcs when directed).
    pub edges: usize,
    /// The model's names of the three states.
    pub states: [&'a str; 3],
    /// Run 0's history, for a single run.
    pub history: Option<&'a History>,
    /// Wall time of the Monte Carlo in milliseconds (gives `runs_per_second`).
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
    // a scenario's name is its file's stem: it may hold a comma or a quote
    let names: Vec<&str> = c.scenarios.iter().map(|s| s.name.as_str()).collect();
    let mut o = String::from("scenario,reach_mean,reach_std,reach_ci95_low,reach_ci95_high,reach_fraction,prob_exceed,steps_to_50,cost_per_adopter");
    for n in &names {
        o.push_str(&format!(",{}", csv_field(&format!("prob_better_than_{n}"))));
    }
    o.push('\n');
    let opt = |x: Option<f64>| x.map_or(String::new(), |p| p.to_string());
    for sc in &c.scenarios {
        o.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}",
            csv_field(&sc.name),
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

/// A Monte Carlo as the CLI's table: the scenario, reach with its 95 % interval, the cascade
/// metrics, costs and segments, and the time it took.
pub fn monte_carlo_table(ctx: &RunContext, r: &MonteCarloResult) -> String {
    let s = ctx.scenario;
    let mut o = String::new();
    o.push_str(&format!(
        "network      {}  ({} nodes, {} edges)\n",
        s.network, ctx.nodes, ctx.edges
    ));
    o.push_str(&format!(
        "model        {}\n",
        serde_json::to_string(&s.model).unwrap_or_default()
    ));
    o.push_str(&format!(
        "seeds        {}   seed {}   runs {}   max steps {}\n",
        s.seeds, s.seed, r.runs, s.max_steps
    ));
    o.push_str(&format!(
        "reach        mean {:.2} ± {:.2} (95% CI {:.2} – {:.2}), std {:.2}, min {}, max {}\n",
        r.reach.mean,
        (r.reach.ci95[1] - r.reach.ci95[0]) / 2.0,
        r.reach.ci95[0],
        r.reach.ci95[1],
        r.reach.std,
        r.reach.min,
        r.reach.max
    ));
    o.push_str(&format!(
        "reach share  {:.2} % of nodes\n",
        100.0 * r.reach_fraction.mean
    ));
    if let (Some(p), Some(t)) = (r.prob_exceed, r.threshold) {
        o.push_str(&format!("P(reach > {t}) = {p:.4}\n"));
    }
    if let Some(m) = &r.metrics {
        o.push_str(&format!(
            "steps        {:.1}   peak {:.1} new at step {:.1}   50% by step {:.1}   90% by step {:.1}\n",
            m.steps, m.peak_new, m.peak_step, m.steps_to_50, m.steps_to_90
        ));
        o.push_str(&format!(
            "cascade      depth {:.2}   widest generation {:.1}   structural virality {}\n",
            m.depth,
            m.widest_generation_size,
            m.structural_virality
                .map_or("–".into(), |v| format!("{v:.3}"))
        ));
        let rs: Vec<String> = m
            .offspring_by_generation
            .iter()
            .take(8)
            .map(|x| format!("{x:.2}"))
            .collect();
        o.push_str(&format!("R by gen     {}\n", rs.join("  ")));
        o.push_str(&format!(
            "by cause     seeds {:.1}   advertising {:.1}   word of mouth {:.1}\n",
            m.reach_seeds, m.reach_advertising, m.reach_word_of_mouth
        ));
    }
    if let Some(c) = &r.campaign {
        o.push_str(&format!(
            "cost         total {:.2} (seeds {:.2}, ads {:.2} for {:.0} impressions); per adopter {}; adopters per unit {}\n",
            c.total_cost.mean,
            c.seed_cost,
            c.ad_cost,
            c.impressions,
            c.cost_per_adopter.map_or("–".into(), |x| format!("{x:.3}")),
            c.reach_per_cost.map_or("–".into(), |x| format!("{x:.3}"))
        ));
    }
    if let Some(segs) = &r.segments {
        for s in segs {
            o.push_str(&format!(
                "segment {:<4} {:.1} of {} reached ({:.1} %)\n",
                s.name.clone().unwrap_or_else(|| s.segment.to_string()),
                s.reached.mean,
                s.size,
                100.0 * s.fraction
            ));
        }
    }
    o.push_str(&format!(
        "time         {:.1} ms ({:.0} runs/s)\n",
        ctx.elapsed_ms,
        r.runs as f64 / (ctx.elapsed_ms / 1000.0).max(1e-9)
    ));
    o
}

/// A comparison as the CLI's table: one row per scenario (reach and its 95 % interval,
/// P(reach > X), steps to 50 %, cost per adopter), then each pair's paired difference and the
/// best scenario.
pub fn compare_table(c: &Comparison, network: &str, nodes: usize, elapsed_ms: f64) -> String {
    let mut o = format!(
        "network {}  ({} nodes)   runs {}   seed {}\n\n",
        network, nodes, c.runs, c.seed
    );
    o.push_str(&format!(
        "{:<18} {:>24} {:>12} {:>12} {:>14}\n",
        "scenario", "reach (95% CI)", "P(reach>X)", "50% by step", "cost/adopter"
    ));
    for sc in &c.scenarios {
        o.push_str(&format!(
            "{:<18} {:>24} {:>12} {:>12.1} {:>14}\n",
            sc.name,
            format!(
                "{:.1} ({:.1}–{:.1})",
                sc.reach.mean, sc.reach.ci95[0], sc.reach.ci95[1]
            ),
            sc.prob_exceed.map_or("–".into(), |p| format!("{:.3}", p)),
            sc.steps_to_50,
            sc.cost_per_adopter
                .map_or("–".into(), |x| format!("{x:.2}"))
        ));
    }
    o.push('\n');
    for p in &c.pairs {
        o.push_str(&format!(
            "{} − {}: {:+.2} (95% CI {:+.2} to {:+.2}), P({} better) = {:.3}\n",
            p.a, p.b, p.mean_difference, p.ci95[0], p.ci95[1], p.a, p.prob_a_better
        ));
    }
    o.push_str(&format!(
        "\nbest: {} (probability it beats each other one: at least {:.3})\n",
        c.best, c.best_probability
    ));
    o.push_str(&format!("time {:.0} ms\n", elapsed_ms));
    o
}

/// A network's description as pretty JSON: the fields of
/// [`NetworkInfo`](crate::metrics::NetworkInfo) and the network's spec.
pub fn network_info_json(info: &crate::metrics::NetworkInfo, network: &str) -> String {
    let mut v = serde_json::to_value(info).unwrap_or_default();
    v["network"] = serde_json::Value::String(network.to_string());
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// What a network file adds to a network's description: its format and node attributes.
pub struct FileInfo<'a> {
    /// The format it was read as.
    pub format: crate::formats::Format,
    /// The network read (its attributes are described).
    pub network: &'a crate::network::Network,
}

/// A network's attributes as JSON: name, type, values (how many nodes have one) and up to 5
/// distinct values.
fn attributes_json(net: &crate::network::Network) -> serde_json::Value {
    serde_json::Value::Array(
        net.attributes()
            .iter()
            .map(|a| {
                serde_json::json!({
                    "name": a.name,
                    "type": a.kind.name(),
                    "values": a.values.iter().filter(|v| v.is_some()).count(),
                    "examples": a.sample(5),
                })
            })
            .collect(),
    )
}

/// [`network_info_json`] with, for a file that is not an edge list, its `format`, `attributes`
/// and, with segments from an attribute, `segment_names`.
pub fn network_info_json_file(
    info: &crate::metrics::NetworkInfo,
    network: &str,
    file: Option<&FileInfo>,
) -> String {
    let mut v = serde_json::to_value(info).unwrap_or_default();
    v["network"] = serde_json::Value::String(network.to_string());
    if let Some(f) = file {
        v["format"] = serde_json::Value::String(f.format.name().into());
        v["attributes"] = attributes_json(f.network);
        if let Some(names) = f.network.segment_names() {
            v["segment_names"] = serde_json::json!(names);
        }
    }
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// [`network_info_table`] with, for a file that is not an edge list, its format and
/// attributes (name, type and a few values).
pub fn network_info_table_file(
    info: &crate::metrics::NetworkInfo,
    network: &str,
    file: Option<&FileInfo>,
) -> String {
    let mut o = network_info_table(info, network);
    if let Some(f) = file {
        o.push_str(&format!("format              {}\n", f.format.name()));
        if let Some(names) = f.network.segment_names() {
            o.push_str(&format!("segment names       {}\n", names.join(", ")));
        }
        for a in f.network.attributes() {
            let have = a.values.iter().filter(|v| v.is_some()).count();
            o.push_str(&format!(
                "attribute           {} ({}, {have} nodes): {}\n",
                a.name,
                a.kind.name(),
                a.sample(5).join(", ")
            ));
        }
    }
    o
}

/// A network's description as the CLI's table.
pub fn network_info_table(info: &crate::metrics::NetworkInfo, network: &str) -> String {
    let mut o = String::new();
    o.push_str(&format!("network             {network}\n"));
    o.push_str(&format!("nodes               {}\n", info.nodes));
    o.push_str(&format!(
        "edges               {}{}\n",
        info.edges,
        if info.directed { " (directed)" } else { "" }
    ));
    o.push_str(&format!(
        "weighted            {}\n",
        if info.weighted { "yes" } else { "no" }
    ));
    o.push_str(&format!(
        "degree              min {}  median {}  mean {:.3}  max {}\n",
        info.degree_min, info.degree_median, info.degree_mean, info.degree_max
    ));
    o.push_str(&format!(
        "components          {} (largest {} nodes, {:.1} %), isolated nodes {}\n",
        info.components,
        info.largest_component,
        100.0 * info.largest_component as f64 / info.nodes.max(1) as f64,
        info.isolated_nodes
    ));
    o.push_str(&format!(
        "average clustering  {:.4}\n",
        info.average_clustering
    ));
    if let Some(k) = info.segments {
        o.push_str(&format!("segments            {k}\n"));
    }
    if info.duplicates_merged + info.self_loops_dropped > 0 {
        o.push_str(&format!(
            "cleaned             {} duplicate edges merged, {} self-loops dropped\n",
            info.duplicates_merged, info.self_loops_dropped
        ));
    }
    o
}

/// What theory expects ([`Theory`](crate::analysis::Theory)) as pretty JSON, with the
/// network's spec; a field that does not apply is absent.
pub fn theory_json(t: &crate::analysis::Theory, network: &str) -> String {
    let mut v = serde_json::to_value(t).unwrap_or_default();
    v["network"] = serde_json::Value::String(network.to_string());
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// What theory expects, as the CLI's table (the curves as their last value; the JSON has them
/// all).
pub fn theory_table(t: &crate::analysis::Theory, network: &str) -> String {
    let mut o = String::new();
    o.push_str(&format!("network                  {network}\n"));
    o.push_str(&format!("model                    {}\n", t.model));
    o.push_str(&format!("nodes                    {}\n", t.nodes));
    o.push_str(&format!("mean degree              {:.4}\n", t.mean_degree));
    match t.threshold {
        Some(x) => o.push_str(&format!("epidemic threshold T_c   {x:.4}\n")),
        None => o.push_str("epidemic threshold T_c   none (every degree 0 or 1)\n"),
    }
    let line = |o: &mut String, name: &str, x: Option<f64>| {
        if let Some(x) = x {
            o.push_str(&format!("{name:<25}{x:.4}\n"));
        }
    };
    line(&mut o, "transmissibility T", t.transmissibility);
    line(&mut o, "final size (fraction)", t.final_size);
    line(&mut o, "outbreak probability", t.outbreak_probability);
    line(&mut o, "small outbreak mean", t.small_outbreak_mean);
    line(&mut o, "expected reach fraction", t.expected_reach_fraction);
    line(&mut o, "never hear (fraction)", t.never_hear);
    if let Some(c) = &t.curve {
        let steps = c.discrete.len().saturating_sub(1);
        o.push_str(&format!(
            "bass F at step {steps:<10}closed form {:.4}   discrete {:.4}\n",
            c.closed_form.last().copied().unwrap_or(0.0),
            c.discrete.last().copied().unwrap_or(0.0)
        ));
    }
    if let Some(p) = &t.peak {
        o.push_str(&format!(
            "bass peak                t* = {:.4}, F(t*) = {:.4}\n",
            p.time, p.fraction
        ));
    }
    if let Some(m) = &t.mean_field {
        let steps = m.recovered.len().saturating_sub(1);
        o.push_str(&format!(
            "mean field at step {steps:<6}recovered {:.4}   infected {:.4}\n",
            m.recovered.last().copied().unwrap_or(0.0),
            m.infected.last().copied().unwrap_or(0.0)
        ));
    }
    o.push_str(&format!("note                     {}\n", t.note));
    o
}

/// One point of a parameter sweep: the swept parameters' values (as given) and its result.
pub struct SweepRow {
    /// The values of the swept parameters, in the order of [`Sweep::names`].
    pub values: Vec<String>,
    /// The Monte Carlo at that point.
    pub result: MonteCarloResult,
}

/// A parameter sweep: what ran, and a row per point.
pub struct Sweep<'a> {
    /// The network's spec.
    pub network: &'a str,
    /// The model's name.
    pub model: &'a str,
    /// The seeding, as written.
    pub seeds: &'a str,
    /// Runs per point.
    pub runs: u32,
    /// The scenario seed.
    pub seed: u64,
    /// The swept parameters (`p`, `beta`, …).
    pub names: Vec<&'a str>,
    /// One row per point, the last parameter varying fastest.
    pub rows: Vec<SweepRow>,
}

/// A sweep as pretty JSON: what ran and one object per point.
pub fn sweep_json(s: &Sweep) -> String {
    let list: Vec<serde_json::Value> = s
        .rows
        .iter()
        .map(|row| {
            let r = &row.result;
            let mut v = serde_json::json!({
                "reach": r.reach, "reach_fraction": r.reach_fraction, "prob_exceed": r.prob_exceed,
            });
            for (n, x) in s.names.iter().zip(&row.values) {
                v[*n] = x
                    .parse::<f64>()
                    .map(serde_json::Value::from)
                    .unwrap_or_else(|_| x.clone().into());
            }
            v
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "network": s.network, "model": s.model, "seeds": s.seeds,
        "runs": s.runs, "seed": s.seed, "rows": list,
    }))
    .unwrap_or_default()
        + "\n"
}

/// A sweep as CSV (`sep` = `,`) or as the CLI's table (`sep` = two spaces): one row per point.
pub fn sweep_rows(s: &Sweep, sep: &str) -> String {
    let mut o = s.names.join(sep);
    o.push_str(&format!("{sep}reach_mean{sep}reach_std{sep}reach_ci95_low{sep}reach_ci95_high{sep}reach_fraction{sep}prob_exceed\n"));
    for row in &s.rows {
        let r = &row.result;
        o.push_str(&row.values.join(sep));
        o.push_str(&format!(
            "{sep}{:.4}{sep}{:.4}{sep}{:.4}{sep}{:.4}{sep}{:.6}{sep}{}\n",
            r.reach.mean,
            r.reach.std,
            r.reach.ci95[0],
            r.reach.ci95[1],
            r.reach_fraction.mean,
            r.prob_exceed.map_or(String::new(), |p| p.to_string())
        ));
    }
    o
}

/// A CSV field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma, a
/// quote or a line break; as it is otherwise.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        assert_eq!(csv_field("hubs"), "hubs");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
