//! Monte Carlo: many independent runs of one scenario, summarised with honest uncertainty.
//!
//! Run `r` draws from the stream `stream_seed(seed, r)`, so every number depends only on
//! `(scenario, seed, runs)`: not on the thread count, not on how runs are split. Natively the
//! runs are spread over scoped threads, one simulation each; in wasm they run one after another.

use crate::error::{Error, Result};
use crate::metrics::{cascade_metrics, CascadeMetrics};
use crate::simulation::Simulation;
use serde::Serialize;

/// How to run a Monte Carlo.
#[derive(Clone, Debug)]
pub struct MonteCarloConfig {
    pub runs: u32,
    pub max_steps: u32,
    /// Worker threads (natively); 0 = all cores. Has no effect on the results.
    pub threads: usize,
    /// Report P(reach > threshold) for this reach (a node count).
    pub threshold: Option<f64>,
    /// Also compute the cascade metrics of every run (costs O(reach log reach) per run).
    pub metrics: bool,
}

impl Default for MonteCarloConfig {
    fn default() -> Self {
        MonteCarloConfig {
            runs: 100,
            max_steps: 1000,
            threads: 0,
            threshold: None,
            metrics: true,
        }
    }
}

/// Mean, spread and a 95 % confidence interval of the mean.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub mean: f64,
    /// Sample standard deviation (n − 1).
    pub std: f64,
    /// 95 % confidence interval of the mean: mean ± 1.96 · std / √runs.
    pub ci95: [f64; 2],
    pub min: f64,
    pub max: f64,
}

impl Summary {
    pub fn of(xs: &[f64]) -> Summary {
        let n = xs.len() as f64;
        if xs.is_empty() {
            return Summary::default();
        }
        let mean = xs.iter().sum::<f64>() / n;
        let var = if xs.len() > 1 {
            xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        let std = var.sqrt();
        let h = 1.96 * std / n.sqrt();
        Summary {
            mean,
            std,
            ci95: [mean - h, mean + h],
            min: xs.iter().copied().fold(f64::INFINITY, f64::min),
            max: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// Per-step band over runs (cumulative reach by the end of each step; a finished run keeps its
/// final value).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Curve {
    pub mean: Vec<f64>,
    pub p05: Vec<f64>,
    pub p95: Vec<f64>,
}

/// Means of the cascade metrics over runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MetricsSummary {
    pub steps: f64,
    pub peak_new: f64,
    pub peak_step: f64,
    pub steps_to_50: f64,
    pub steps_to_90: f64,
    pub depth: f64,
    pub widest_generation_size: f64,
    /// Mean over the runs where it is defined.
    pub structural_virality: Option<f64>,
    /// Pooled: all children of generation g over all adopters of generation g.
    pub offspring_by_generation: Vec<f64>,
    pub reach_seeds: f64,
    pub reach_advertising: f64,
    pub reach_word_of_mouth: f64,
}

/// What a Monte Carlo found.
#[derive(Clone, Debug, Serialize)]
pub struct MonteCarloResult {
    pub runs: u32,
    pub seed: u64,
    pub nodes: usize,
    /// Reach (nodes that ever adopted) per run, in run order.
    pub reaches: Vec<u32>,
    pub reach: Summary,
    pub reach_fraction: Summary,
    /// Cumulative reach per step.
    pub curve: Curve,
    /// Nodes in the active state per step (infected, spreaders, just adopted).
    pub active_curve: Curve,
    /// P(reach > threshold), when a threshold was given.
    pub prob_exceed: Option<f64>,
    pub threshold: Option<f64>,
    pub metrics: Option<MetricsSummary>,
    /// Σ out-degree of the adopters, summed over runs (the "edge checks").
    pub arcs_from_adopters: u64,
    /// Cumulative adoptions caused by advertising per step (the paid part of `curve`).
    pub ad_curve: Curve,
    /// Costs, when the scenario has a campaign.
    pub campaign: Option<CampaignSummary>,
    /// Mean reach per audience segment, when the network has segments.
    pub segments: Option<Vec<SegmentSummary>>,
}

/// Costs over runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CampaignSummary {
    pub total_cost: Summary,
    pub seed_cost: f64,
    pub ad_cost: f64,
    pub impressions: f64,
    /// Mean total cost / mean reach (`None` without cost).
    pub cost_per_adopter: Option<f64>,
    /// Mean reach / mean total cost (`None` without cost).
    pub reach_per_cost: Option<f64>,
}

/// Reach in one segment over runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentSummary {
    pub segment: u16,
    pub size: u32,
    pub reached: Summary,
    pub fraction: f64,
}

/// What one run leaves for the summary (public so that runs computed elsewhere, e.g. in the
/// page's Web Workers, can be summarised by [`summarise_runs`] exactly as here).
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct RunOut {
    reach: u32,
    reach_curve: Vec<u32>,
    active_curve: Vec<u32>,
    ad_curve: Vec<u32>,
    metrics: Option<CascadeMetrics>,
    arcs: u64,
    cost: Option<crate::campaign::CampaignMetrics>,
    segments: Option<Vec<u32>>,
}

/// Runs `runs` (run indices of scenario seed `seed`) on a copy of `base`, in order.
pub fn runs_range(
    base: &Simulation,
    seed: u64,
    runs: std::ops::Range<u64>,
    cfg: &MonteCarloConfig,
) -> Vec<RunOut> {
    let mut sim = base.clone();
    sim.set_recording(false);
    runs.map(|r| one_run(&mut sim, seed, r, cfg)).collect()
}

/// Summarises runs `0..outs.len()` (in run order) of `base`'s scenario: the same numbers
/// [`monte_carlo`] gives.
pub fn summarise_runs(
    base: &Simulation,
    outs: Vec<RunOut>,
    seed: u64,
    cfg: &MonteCarloConfig,
) -> MonteCarloResult {
    let mut res = summarise(outs, base.network().node_count(), seed, cfg);
    // segment sizes come from the network
    if let (Some(segs), Some(net_segs)) = (res.segments.as_mut(), base.network().segments()) {
        for s in segs.iter_mut() {
            s.size = net_segs.iter().filter(|&&x| x == s.segment).count() as u32;
            s.fraction = if s.size > 0 {
                s.reached.mean / s.size as f64
            } else {
                0.0
            };
        }
    }
    res
}

fn one_run(sim: &mut Simulation, seed: u64, r: u64, cfg: &MonteCarloConfig) -> RunOut {
    sim.reset_run(seed, r);
    sim.run(cfg.max_steps);
    let h = sim.history();
    let mut ads = 0;
    RunOut {
        reach: sim.reach(),
        reach_curve: h.reach.clone(),
        active_curve: h.counts.iter().map(|c| c[1]).collect(),
        ad_curve: h
            .new_by_ad
            .iter()
            .map(|&a| {
                ads += a;
                ads
            })
            .collect(),
        metrics: if cfg.metrics {
            Some(cascade_metrics(sim))
        } else {
            None
        },
        arcs: sim.arcs_from_adopters(),
        cost: if !sim.campaign().has_costs() {
            None
        } else {
            Some(crate::campaign::campaign_metrics(sim))
        },
        segments: crate::campaign::segment_reach(sim)
            .map(|v| v.iter().map(|s| s.reached).collect()),
    }
}

/// Runs the Monte Carlo of `base`'s scenario (its network, model and seeding) with scenario
/// seed `seed`. `progress(done, total)` is called from the calling thread as blocks of runs
/// finish.
///
/// # Errors
/// `runs` or `max_steps` is 0.
pub fn monte_carlo(
    base: &Simulation,
    seed: u64,
    cfg: &MonteCarloConfig,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<MonteCarloResult> {
    if cfg.runs == 0 {
        return Err(Error::param("runs", "must be at least 1"));
    }
    if cfg.max_steps == 0 {
        return Err(Error::param("max_steps", "must be at least 1"));
    }
    let runs = cfg.runs as u64;
    let block = (runs / 100).clamp(1, 1000);
    #[cfg(not(target_arch = "wasm32"))]
    let outs = {
        let threads = if cfg.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            cfg.threads
        };
        let threads = threads.clamp(1, runs as usize) as u64;
        // Worker t does runs t, t + T, t + 2T, ... with one simulation of its own for the whole
        // job (cloning a large network's state per run would cost more than the run).
        let (tx, rx) = std::sync::mpsc::channel::<u64>();
        let parts: Vec<Vec<RunOut>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let tx = tx.clone();
                    scope.spawn(move || {
                        let mut sim = base.clone();
                        sim.set_recording(false);
                        let mut mine = Vec::with_capacity((runs / threads + 1) as usize);
                        let mut since = 0;
                        let mut r = t;
                        while r < runs {
                            mine.push(one_run(&mut sim, seed, r, cfg));
                            since += 1;
                            if since == block {
                                let _ = tx.send(since);
                                since = 0;
                            }
                            r += threads;
                        }
                        let _ = tx.send(since);
                        mine
                    })
                })
                .collect();
            drop(tx);
            let mut done = 0u64;
            for k in rx.iter() {
                done += k;
                progress(done as u32, cfg.runs);
            }
            handles
                .into_iter()
                .map(|h| h.join().expect("a Monte Carlo worker panicked"))
                .collect()
        });
        // back to run order: run r is item r / T of part r % T
        let mut iters: Vec<_> = parts.into_iter().map(|p| p.into_iter()).collect();
        (0..runs)
            .map(|r| {
                iters[(r % threads) as usize]
                    .next()
                    .expect("every run is done")
            })
            .collect::<Vec<RunOut>>()
    };
    #[cfg(target_arch = "wasm32")]
    let outs = {
        let mut outs = Vec::with_capacity(runs as usize);
        let mut sim = base.clone();
        sim.set_recording(false);
        for r in 0..runs {
            outs.push(one_run(&mut sim, seed, r, cfg));
            if (r + 1) % block == 0 || r + 1 == runs {
                progress((r + 1) as u32, cfg.runs);
            }
        }
        outs
    };
    Ok(summarise_runs(base, outs, seed, cfg))
}

fn band(curves: &[&[u32]]) -> Curve {
    let len = curves.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut out = Curve {
        mean: Vec::with_capacity(len),
        p05: Vec::with_capacity(len),
        p95: Vec::with_capacity(len),
    };
    let mut col: Vec<u32> = Vec::with_capacity(curves.len());
    for t in 0..len {
        col.clear();
        col.extend(
            curves
                .iter()
                .map(|c| c.get(t).copied().unwrap_or_else(|| *c.last().unwrap_or(&0))),
        );
        col.sort_unstable();
        let n = col.len();
        out.mean
            .push(col.iter().map(|&x| x as f64).sum::<f64>() / n as f64);
        out.p05.push(quantile(&col, 0.05));
        out.p95.push(quantile(&col, 0.95));
    }
    out
}

/// Linear-interpolated quantile of sorted data (numpy's default).
fn quantile(sorted: &[u32], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] as f64 + (h - lo as f64) * (sorted[hi] as f64 - sorted[lo] as f64)
}

fn summarise(outs: Vec<RunOut>, n: usize, seed: u64, cfg: &MonteCarloConfig) -> MonteCarloResult {
    let reaches: Vec<u32> = outs.iter().map(|o| o.reach).collect();
    let rf: Vec<f64> = reaches.iter().map(|&r| r as f64).collect();
    let frac: Vec<f64> = rf.iter().map(|&r| r / n.max(1) as f64).collect();
    // active nodes are 0 after a run ends
    let active: Vec<Vec<u32>> = {
        let len = outs.iter().map(|o| o.active_curve.len()).max().unwrap_or(0);
        outs.iter()
            .map(|o| {
                let mut c = o.active_curve.clone();
                c.resize(len, 0);
                c
            })
            .collect()
    };
    let curve = band(
        &outs
            .iter()
            .map(|o| o.reach_curve.as_slice())
            .collect::<Vec<_>>(),
    );
    let active_curve = band(&active.iter().map(|c| c.as_slice()).collect::<Vec<_>>());
    let metrics = if cfg.metrics {
        let ms: Vec<&CascadeMetrics> = outs.iter().filter_map(|o| o.metrics.as_ref()).collect();
        let k = ms.len() as f64;
        let mean = |f: &dyn Fn(&CascadeMetrics) -> f64| ms.iter().map(|m| f(m)).sum::<f64>() / k;
        let svs: Vec<f64> = ms.iter().filter_map(|m| m.structural_virality).collect();
        // pooled offspring by generation: Σ size(g+1) / Σ size(g) over runs
        let gens = ms
            .iter()
            .map(|m| m.generation_sizes.len())
            .max()
            .unwrap_or(0);
        let mut size_g = vec![0f64; gens + 1];
        for m in &ms {
            for (g, &c) in m.generation_sizes.iter().enumerate() {
                size_g[g] += c as f64;
            }
        }
        let offspring = (0..gens)
            .map(|g| {
                if size_g[g] > 0.0 {
                    size_g[g + 1] / size_g[g]
                } else {
                    0.0
                }
            })
            .collect();
        Some(MetricsSummary {
            steps: mean(&|m| m.steps as f64),
            peak_new: mean(&|m| m.peak_new as f64),
            peak_step: mean(&|m| m.peak_step as f64),
            steps_to_50: mean(&|m| m.steps_to_50 as f64),
            steps_to_90: mean(&|m| m.steps_to_90 as f64),
            depth: mean(&|m| m.depth as f64),
            widest_generation_size: mean(&|m| m.widest_generation_size as f64),
            structural_virality: if svs.is_empty() {
                None
            } else {
                Some(svs.iter().sum::<f64>() / svs.len() as f64)
            },
            offspring_by_generation: offspring,
            reach_seeds: mean(&|m| m.reach_seeds as f64),
            reach_advertising: mean(&|m| m.reach_advertising as f64),
            reach_word_of_mouth: mean(&|m| m.reach_word_of_mouth as f64),
        })
    } else {
        None
    };
    let ad_curve = band(
        &outs
            .iter()
            .map(|o| o.ad_curve.as_slice())
            .collect::<Vec<_>>(),
    );
    let campaign = if outs.iter().any(|o| o.cost.is_some()) {
        let cs: Vec<&crate::campaign::CampaignMetrics> =
            outs.iter().filter_map(|o| o.cost.as_ref()).collect();
        let k = cs.len() as f64;
        let total = Summary::of(&cs.iter().map(|c| c.total_cost).collect::<Vec<_>>());
        let mean_reach = rf.iter().sum::<f64>() / rf.len().max(1) as f64;
        Some(CampaignSummary {
            seed_cost: cs.iter().map(|c| c.seed_cost).fold(0.0, |a, b| a + b) / k,
            ad_cost: cs.iter().map(|c| c.ad_cost).fold(0.0, |a, b| a + b) / k,
            impressions: cs.iter().map(|c| c.impressions as f64).sum::<f64>() / k,
            cost_per_adopter: if total.mean > 0.0 && mean_reach > 0.0 {
                Some(total.mean / mean_reach)
            } else {
                None
            },
            reach_per_cost: if total.mean > 0.0 {
                Some(mean_reach / total.mean)
            } else {
                None
            },
            total_cost: total,
        })
    } else {
        None
    };
    let segments = outs.first().and_then(|o| o.segments.as_ref()).map(|first| {
        (0..first.len())
            .map(|s| {
                let xs: Vec<f64> = outs
                    .iter()
                    .map(|o| o.segments.as_ref().map_or(0.0, |v| v[s] as f64))
                    .collect();
                SegmentSummary {
                    segment: s as u16,
                    size: 0,
                    reached: Summary::of(&xs),
                    fraction: 0.0,
                }
            })
            .collect::<Vec<_>>()
    });
    MonteCarloResult {
        ad_curve,
        campaign,
        segments,
        runs: outs.len() as u32,
        seed,
        nodes: n,
        reach: Summary::of(&rf),
        reach_fraction: Summary::of(&frac),
        curve,
        active_curve,
        prob_exceed: cfg.threshold.map(|t| {
            reaches.iter().filter(|&&r| r as f64 > t).count() as f64 / reaches.len() as f64
        }),
        threshold: cfg.threshold,
        metrics,
        arcs_from_adopters: outs.iter().map(|o| o.arcs).sum(),
        reaches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_numbers() {
        let s = Summary::of(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(s.mean, 2.5);
        assert!((s.std - 1.2909944487358056).abs() < 1e-12);
        assert!((s.ci95[0] - (2.5 - 1.96 * 1.2909944487358056 / 2.0)).abs() < 1e-12);
        assert_eq!((s.min, s.max), (1.0, 4.0));
        assert_eq!(quantile(&[0, 10], 0.05), 0.5);
        assert_eq!(quantile(&[7], 0.95), 7.0);
    }
}
