//! Monte Carlo: many independent runs of one scenario, summarised with honest uncertainty.
//!
//! Run `r` draws from the stream `stream_seed(seed, r)`, so every number depends only on
//! `(scenario, seed, runs)`: not on the thread count, not on how runs are split. Natively the
//! runs are spread over scoped threads, one simulation each; in wasm they run one after another.

use crate::error::{Code, Error, Result};
use crate::metrics::{cascade_metrics_with, CascadeMetrics, MetricsScratch};
use crate::simulation::Simulation;
use serde::Serialize;
use std::collections::BTreeMap;

/// How to run a Monte Carlo.
#[derive(Clone, Debug)]
pub struct MonteCarloConfig {
    /// Number of runs, 1 to [`MAX_RUNS`](crate::bounds::MAX_RUNS); run `r` draws from stream
    /// `(seed, r)`.
    pub runs: u32,
    /// Steps after which each run stops, 1 to [`MAX_STEPS`](crate::bounds::MAX_STEPS) (runs
    /// stop earlier when nothing can change, or at the simulation's own step limit).
    pub max_steps: u32,
    /// Worker threads (natively); 0 = all cores. Has no effect on the results.
    pub threads: usize,
    /// Report P(reach > threshold) for this reach (a node count).
    pub threshold: Option<f64>,
    /// Also compute the cascade metrics of every run (costs O(reach + steps) per run).
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
    /// Mean over the values (runs).
    pub mean: f64,
    /// Sample standard deviation (n − 1).
    pub std: f64,
    /// 95 % confidence interval of the mean: mean ± 1.96 · std / √runs.
    pub ci95: [f64; 2],
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

impl Summary {
    /// The summary of these values (all zero for none; `std` 0 for one).
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
        Summary::from_parts(
            n,
            mean,
            var,
            xs.iter().copied().fold(f64::INFINITY, f64::min),
            xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    }

    /// The summary of `n` values with this mean and (sample) variance.
    fn from_parts(n: f64, mean: f64, var: f64, min: f64, max: f64) -> Summary {
        let std = var.sqrt();
        let h = 1.96 * std / n.sqrt();
        Summary {
            mean,
            std,
            ci95: [mean - h, mean + h],
            min,
            max,
        }
    }
}

/// Per-step band over runs (cumulative reach by the end of each step; a finished run keeps its
/// final value).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Curve {
    /// Mean over runs, per step (index 0: after seeding).
    pub mean: Vec<f64>,
    /// 5th percentile over runs, per step (linear interpolation, as numpy).
    pub p05: Vec<f64>,
    /// 95th percentile over runs, per step.
    pub p95: Vec<f64>,
}

/// Means of the cascade metrics over runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MetricsSummary {
    /// Mean steps per run.
    pub steps: f64,
    /// Mean of each run's largest number of adoptions in one step.
    pub peak_new: f64,
    /// Mean of the step of that peak.
    pub peak_step: f64,
    /// Mean steps until 50 % of the run's final reach.
    pub steps_to_50: f64,
    /// Mean steps until 90 % of the run's final reach.
    pub steps_to_90: f64,
    /// Mean depth (largest generation).
    pub depth: f64,
    /// Mean size of the widest generation.
    pub widest_generation_size: f64,
    /// Mean over the runs where it is defined.
    pub structural_virality: Option<f64>,
    /// Pooled: all children of generation g over all adopters of generation g.
    pub offspring_by_generation: Vec<f64>,
    /// Mean number of seeds reached (those that posted).
    pub reach_seeds: f64,
    /// Mean number of people first convinced by advertising.
    pub reach_advertising: f64,
    /// Mean number of people first told by another person.
    pub reach_word_of_mouth: f64,
}

/// What a Monte Carlo found.
#[derive(Clone, Debug, Serialize)]
pub struct MonteCarloResult {
    /// Number of runs.
    pub runs: u32,
    /// The scenario seed.
    pub seed: u64,
    /// Nodes in the network.
    pub nodes: usize,
    /// Reach (nodes that ever adopted) per run, in run order.
    pub reaches: Vec<u32>,
    /// Reach over runs.
    pub reach: Summary,
    /// Reach over runs as a fraction of the nodes.
    pub reach_fraction: Summary,
    /// Cumulative reach per step.
    pub curve: Curve,
    /// Nodes in the active state per step (infected, spreaders, just adopted).
    pub active_curve: Curve,
    /// P(reach > threshold), when a threshold was given.
    pub prob_exceed: Option<f64>,
    /// The threshold of [`prob_exceed`](Self::prob_exceed), as configured.
    pub threshold: Option<f64>,
    /// Means of the cascade metrics over runs, when they were asked for.
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
    /// Total cost (seeds and ads) over runs.
    pub total_cost: Summary,
    /// Mean cost of the seeds per run.
    pub seed_cost: f64,
    /// Mean cost of the ads per run.
    pub ad_cost: f64,
    /// Mean ad impressions per run.
    pub impressions: f64,
    /// Mean total cost / mean reach (`None` without cost).
    pub cost_per_adopter: Option<f64>,
    /// Mean reach / mean total cost (`None` without cost).
    pub reach_per_cost: Option<f64>,
}

/// Reach in one segment over runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentSummary {
    /// The segment's number.
    pub segment: u16,
    /// The segment's name, when the network names its segments (from a node attribute or a
    /// segments file of names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Nodes in the segment.
    pub size: u32,
    /// People of the segment reached, over runs.
    pub reached: Summary,
    /// Mean reached / size (0 for an empty segment).
    pub fraction: f64,
}

/// The distribution over runs of a per-step count (cumulative reach, active nodes, ad-driven
/// reach), kept as one histogram per step: its memory grows with the steps and the number of
/// distinct values (at most the network's size + 1 per step), not with the number of runs, and
/// its percentiles are exact. A run that ended before step `t` counts at `t` with its carry
/// value (its last value for cumulative counts, 0 for active nodes).
///
/// A run is counted at the steps it ran (`hist`) and, once, at its length (`ended`): the steps
/// after its end are added up when the band is summarised, not by every run at every later
/// step (which cost a histogram insertion per run and per step of the longest run).
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct StepBand {
    /// `hist[t]`: value at step `t` → number of the runs still going at `t`.
    hist: Vec<BTreeMap<u32, u32>>,
    /// `ended[l]`: carry value → number of the runs of length `l` (they count with that value
    /// at every step from `l` on).
    ended: Vec<BTreeMap<u32, u32>>,
    runs: u32,
}

fn add(map: &mut BTreeMap<u32, u32>, value: u32, count: u32) {
    *map.entry(value).or_insert(0) += count;
}

/// Adds `other`'s histograms into `mine`, step by step (growing `mine` as needed).
fn add_all(mine: &mut Vec<BTreeMap<u32, u32>>, other: Vec<BTreeMap<u32, u32>>) {
    if mine.len() < other.len() {
        mine.resize_with(other.len(), BTreeMap::new);
    }
    for (h, o) in mine.iter_mut().zip(other) {
        for (v, c) in o {
            add(h, v, c);
        }
    }
}

impl StepBand {
    /// Adds one run's curve; `carry` is its value after its end.
    pub fn push(&mut self, curve: &[u32], carry: u32) {
        if self.hist.len() < curve.len() {
            self.hist.resize_with(curve.len(), BTreeMap::new);
        }
        for (h, &x) in self.hist.iter_mut().zip(curve) {
            add(h, x, 1);
        }
        if self.ended.len() <= curve.len() {
            self.ended.resize_with(curve.len() + 1, BTreeMap::new);
        }
        add(&mut self.ended[curve.len()], carry, 1);
        self.runs += 1;
    }

    /// Adds the runs of `other` (the same as pushing them one by one, in any order).
    pub fn merge(&mut self, other: StepBand) {
        add_all(&mut self.hist, other.hist);
        add_all(&mut self.ended, other.ended);
        self.runs += other.runs;
    }

    /// Mean and 5–95 % band per step (numpy's linear-interpolated percentiles), for the steps
    /// of the longest run. At step `t` the runs still going count with their value, the others
    /// with their carry.
    pub fn curve(&self) -> Curve {
        let mut out = Curve::default();
        let n = self.runs as u64;
        if n == 0 {
            return out;
        }
        // the carries of the runs ended by step t, built up step by step
        let mut gone: BTreeMap<u32, u32> = BTreeMap::new();
        for (t, h) in self.hist.iter().enumerate() {
            if let Some(e) = self.ended.get(t) {
                for (&v, &c) in e {
                    add(&mut gone, v, c);
                }
            }
            let sum: u64 = h
                .iter()
                .chain(gone.iter())
                .map(|(&v, &c)| v as u64 * c as u64)
                .sum();
            out.mean.push(sum as f64 / n as f64);
            out.p05.push(quantile_of(h, &gone, n, 0.05));
            out.p95.push(quantile_of(h, &gone, n, 0.95));
        }
        out
    }
}

/// The value of rank `i` (0-based) in the sorted runs of two histograms together.
fn rank(a: &BTreeMap<u32, u32>, b: &BTreeMap<u32, u32>, i: u64) -> u32 {
    // the i-th value (from 0) of the two histograms together, walking both in value order
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    let mut seen = 0u64;
    let mut last = 0;
    loop {
        let next = match (x.peek(), y.peek()) {
            (Some((&va, _)), Some((&vb, _))) if va <= vb => x.next(),
            (Some(_), Some(_)) => y.next(),
            (Some(_), None) => x.next(),
            (None, Some(_)) => y.next(),
            (None, None) => return last,
        };
        let Some((&v, &c)) = next else {
            return last;
        };
        seen += c as u64;
        last = v;
        if i < seen {
            return v;
        }
    }
}

/// Linear-interpolated quantile (numpy's default) of the `n` runs of two histograms together.
fn quantile_of(a: &BTreeMap<u32, u32>, b: &BTreeMap<u32, u32>, n: u64, q: f64) -> f64 {
    let x = (n - 1) as f64 * q;
    let (lo, hi) = (x.floor() as u64, x.ceil() as u64);
    let (ra, rb) = (rank(a, b, lo) as f64, rank(a, b, hi) as f64);
    ra + (x - lo as f64) * (rb - ra)
}

/// Sums of a count over runs (Σx, Σx², min, max): a [`Summary`] in constant memory.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CountMoments {
    runs: u64,
    sum: u64,
    /// Σx² as two u64 halves (JSON carries no u128).
    sum_sq: [u64; 2],
    min: u32,
    max: u32,
}

impl CountMoments {
    fn sq(&self) -> u128 {
        ((self.sum_sq[0] as u128) << 64) | self.sum_sq[1] as u128
    }
    fn set_sq(&mut self, x: u128) {
        self.sum_sq = [(x >> 64) as u64, x as u64];
    }
    fn push(&mut self, x: u32) {
        if self.runs == 0 || x < self.min {
            self.min = x;
        }
        if self.runs == 0 || x > self.max {
            self.max = x;
        }
        self.runs += 1;
        self.sum += x as u64;
        let sq = self.sq() + (x as u128) * (x as u128);
        self.set_sq(sq);
    }
    fn merge(&mut self, o: &CountMoments) {
        if o.runs == 0 {
            return;
        }
        if self.runs == 0 {
            *self = o.clone();
            return;
        }
        self.min = self.min.min(o.min);
        self.max = self.max.max(o.max);
        self.runs += o.runs;
        self.sum += o.sum;
        let sq = self.sq() + o.sq();
        self.set_sq(sq);
    }
    /// The summary; the variance comes exactly from the integer sums
    /// (Σ(x − x̄)² = (nΣx² − (Σx)²) / n), whatever the order of the runs.
    fn summary(&self) -> Summary {
        if self.runs == 0 {
            return Summary::default();
        }
        let n = self.runs as f64;
        let mean = self.sum as f64 / n;
        let var = if self.runs > 1 {
            let num =
                (self.runs as u128 * self.sq()).saturating_sub(self.sum as u128 * self.sum as u128);
            num as f64 / (n * (n - 1.0))
        } else {
            0.0
        };
        Summary::from_parts(n, mean, var, self.min as f64, self.max as f64)
    }
}

/// Sums of the cascade metrics over runs (all exact integers but structural virality, which is
/// kept per run so that its mean is summed in run order however the runs were split).
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
struct MetricSums {
    runs: u64,
    steps: u64,
    peak_new: u64,
    peak_step: u64,
    steps_to_50: u64,
    steps_to_90: u64,
    depth: u64,
    widest_generation_size: u64,
    structural_virality: Vec<f64>,
    generation_sizes: Vec<u64>,
    reach_seeds: u64,
    reach_advertising: u64,
    reach_word_of_mouth: u64,
}

impl MetricSums {
    /// The sums of one run.
    fn of(m: &CascadeMetrics) -> MetricSums {
        MetricSums {
            runs: 1,
            steps: m.steps as u64,
            peak_new: m.peak_new as u64,
            peak_step: m.peak_step as u64,
            steps_to_50: m.steps_to_50 as u64,
            steps_to_90: m.steps_to_90 as u64,
            depth: m.depth as u64,
            widest_generation_size: m.widest_generation_size as u64,
            structural_virality: m.structural_virality.into_iter().collect(),
            generation_sizes: m.generation_sizes.iter().map(|&c| c as u64).collect(),
            reach_seeds: m.reach_seeds as u64,
            reach_advertising: m.reach_advertising as u64,
            reach_word_of_mouth: m.reach_word_of_mouth as u64,
        }
    }

    /// Adds the sums of later runs (structural virality stays in run order).
    fn add(&mut self, b: MetricSums) {
        self.runs += b.runs;
        self.steps += b.steps;
        self.peak_new += b.peak_new;
        self.peak_step += b.peak_step;
        self.steps_to_50 += b.steps_to_50;
        self.steps_to_90 += b.steps_to_90;
        self.depth += b.depth;
        self.widest_generation_size += b.widest_generation_size;
        self.structural_virality.extend(b.structural_virality);
        if self.generation_sizes.len() < b.generation_sizes.len() {
            self.generation_sizes.resize(b.generation_sizes.len(), 0);
        }
        for (g, c) in b.generation_sizes.into_iter().enumerate() {
            self.generation_sizes[g] += c;
        }
        self.reach_seeds += b.reach_seeds;
        self.reach_advertising += b.reach_advertising;
        self.reach_word_of_mouth += b.reach_word_of_mouth;
    }
}

/// Costs per run (kept per run: they are not whole numbers, and their sums are taken in run
/// order), and the impressions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
struct CostRuns {
    total: Vec<f64>,
    seed: Vec<f64>,
    ad: Vec<f64>,
    impressions: u64,
}

/// Buffers a worker reuses from one run to the next while it tallies them.
#[derive(Default)]
struct RunScratch {
    metrics: MetricsScratch,
    /// A per-step line (active people, cumulative ad adopters).
    line: Vec<u32>,
}

/// What a block of consecutive runs leaves for the summary: what [`summarise`] needs and no
/// more. Its memory does not grow with the runs' lengths: a few numbers per run (reach, and
/// costs and structural virality when asked for) and one histogram per step. Blocks computed
/// elsewhere (the page's Web Workers) are joined with [`Tally::merge`] and summarised exactly
/// as here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Tally {
    /// The first run index of the block (runs `first..first + reaches.len()`).
    first: u64,
    reaches: Vec<u32>,
    curve: StepBand,
    active: StepBand,
    ads: StepBand,
    metrics: Option<MetricSums>,
    arcs: u64,
    costs: Option<CostRuns>,
    segments: Option<Vec<CountMoments>>,
}

impl Tally {
    /// An empty block starting at run `first`.
    pub fn starting_at(first: u64) -> Tally {
        Tally {
            first,
            ..Tally::default()
        }
    }

    /// Runs in the block.
    pub fn runs(&self) -> usize {
        self.reaches.len()
    }

    /// Adds the simulation's finished run (the next run of the block).
    fn push(&mut self, sim: &Simulation, with_metrics: bool, scratch: &mut RunScratch) {
        let h = sim.history();
        self.reaches.push(sim.reach());
        let reach_last = h.reach.last().copied().unwrap_or(0);
        self.curve.push(&h.reach, reach_last);
        let line = &mut scratch.line;
        line.clear();
        line.extend(h.counts.iter().map(|c| c[1]));
        self.active.push(line, 0);
        let mut ads = 0;
        line.clear();
        line.extend(h.new_by_ad.iter().map(|&a| {
            ads += a;
            ads
        }));
        self.ads.push(line, ads);
        if with_metrics {
            let one = MetricSums::of(&cascade_metrics_with(sim, &mut scratch.metrics));
            self.metrics
                .get_or_insert_with(MetricSums::default)
                .add(one);
        }
        self.arcs += sim.arcs_from_adopters();
        if sim.campaign().has_costs() {
            let c = crate::costs::campaign_metrics(sim);
            let r = self.costs.get_or_insert_with(CostRuns::default);
            r.total.push(c.total_cost);
            r.seed.push(c.seed_cost);
            r.ad.push(c.ad_cost);
            r.impressions += c.impressions;
        }
        if let Some(segs) = sim.network().segments() {
            // O(adopters), not O(n): count the reached per segment
            let k = sim.network().segment_count();
            let mut reached = vec![0u32; k];
            for &v in sim.adopters() {
                reached[segs[v as usize] as usize] += 1;
            }
            let m = self
                .segments
                .get_or_insert_with(|| vec![CountMoments::default(); k]);
            for (s, &x) in m.iter_mut().zip(&reached) {
                s.push(x);
            }
        }
    }

    /// Appends the block that follows this one (its first run must be this block's end).
    ///
    /// # Errors
    /// The blocks are not consecutive.
    pub fn merge(&mut self, next: Tally) -> Result<()> {
        let end = self.first + self.reaches.len() as u64;
        if next.first != end {
            return Err(Error::new(
                "runs",
                Code::BlocksOrder {
                    expected: end,
                    got: next.first,
                },
            ));
        }
        self.reaches.extend_from_slice(&next.reaches);
        self.curve.merge(next.curve);
        self.active.merge(next.active);
        self.ads.merge(next.ads);
        self.metrics = match (self.metrics.take(), next.metrics) {
            (Some(mut a), Some(b)) => {
                a.add(b);
                Some(a)
            }
            (a, b) => a.or(b),
        };
        self.arcs += next.arcs;
        self.costs = match (self.costs.take(), next.costs) {
            (Some(mut a), Some(b)) => {
                a.total.extend(b.total);
                a.seed.extend(b.seed);
                a.ad.extend(b.ad);
                a.impressions += b.impressions;
                Some(a)
            }
            (a, b) => a.or(b),
        };
        self.segments = match (self.segments.take(), next.segments) {
            (Some(mut a), Some(b)) if a.len() == b.len() => {
                for (x, y) in a.iter_mut().zip(&b) {
                    x.merge(y);
                }
                Some(a)
            }
            (Some(_), Some(_)) => {
                return Err(Error::new("runs", Code::BlocksNetworks));
            }
            (a, b) => a.or(b),
        };
        Ok(())
    }
}

/// Runs `runs` (run indices of scenario seed `seed`) on a copy of `base`, in order, and tallies
/// them (for a worker that does a block of a Monte Carlo; join the blocks with
/// [`Tally::merge`]).
pub fn tally_runs(
    base: &Simulation,
    seed: u64,
    runs: std::ops::Range<u64>,
    cfg: &MonteCarloConfig,
) -> Tally {
    let mut sim = base.clone();
    sim.set_recording(false);
    let mut t = Tally::starting_at(runs.start);
    let mut scratch = RunScratch::default();
    for r in runs {
        sim.reset_run(seed, r);
        sim.run(cfg.max_steps);
        t.push(&sim, cfg.metrics, &mut scratch);
    }
    t
}

/// Run 0 alone, with its whole trajectory: the result [`monte_carlo`] gives for one run, and
/// the run's [`History`](crate::state::History) (what the CLI prints for `--runs 1` and the page
/// draws), from a single simulation of the run.
///
/// # Errors
/// As [`monte_carlo`].
pub fn single_run(
    base: &Simulation,
    seed: u64,
    cfg: &MonteCarloConfig,
) -> Result<(MonteCarloResult, crate::state::History)> {
    let cfg = MonteCarloConfig {
        runs: 1,
        ..cfg.clone()
    };
    crate::bounds::check_count(
        "max_steps",
        cfg.max_steps as u64,
        crate::bounds::MAX_STEPS as u64,
    )?;
    let mut sim = base.clone();
    sim.set_recording(false);
    sim.reset_run(seed, 0);
    sim.run(cfg.max_steps);
    let mut t = Tally::starting_at(0);
    t.push(&sim, cfg.metrics, &mut RunScratch::default());
    let history = sim.history().clone();
    Ok((summarise(base, t, seed, &cfg)?, history))
}

/// Summarises the tally of runs `0..tally.runs()` of `base`'s scenario: the same numbers
/// [`monte_carlo`] gives.
///
/// # Errors
/// The tally is empty or does not start at run 0.
pub fn summarise(
    base: &Simulation,
    tally: Tally,
    seed: u64,
    cfg: &MonteCarloConfig,
) -> Result<MonteCarloResult> {
    if tally.reaches.is_empty() {
        return Err(Error::new("runs", Code::AtLeast { min: 1 }));
    }
    if tally.first != 0 {
        return Err(Error::new("runs", Code::RunsStart { got: tally.first }));
    }
    let n = base.network().node_count();
    let reaches = tally.reaches;
    let runs = reaches.len();
    let rf: Vec<f64> = reaches.iter().map(|&r| r as f64).collect();
    let frac: Vec<f64> = rf.iter().map(|&r| r / n.max(1) as f64).collect();
    let metrics = if cfg.metrics {
        tally.metrics.map(|m| {
            let k = m.runs as f64;
            let mean = |x: u64| x as f64 / k;
            let svs = &m.structural_virality;
            let size_g: Vec<f64> = m.generation_sizes.iter().map(|&c| c as f64).collect();
            let gens = size_g.len();
            let offspring = (0..gens)
                .map(|g| {
                    let next = size_g.get(g + 1).copied().unwrap_or(0.0);
                    if size_g[g] > 0.0 {
                        next / size_g[g]
                    } else {
                        0.0
                    }
                })
                .collect();
            MetricsSummary {
                steps: mean(m.steps),
                peak_new: mean(m.peak_new),
                peak_step: mean(m.peak_step),
                steps_to_50: mean(m.steps_to_50),
                steps_to_90: mean(m.steps_to_90),
                depth: mean(m.depth),
                widest_generation_size: mean(m.widest_generation_size),
                structural_virality: if svs.is_empty() {
                    None
                } else {
                    Some(svs.iter().sum::<f64>() / svs.len() as f64)
                },
                offspring_by_generation: offspring,
                reach_seeds: mean(m.reach_seeds),
                reach_advertising: mean(m.reach_advertising),
                reach_word_of_mouth: mean(m.reach_word_of_mouth),
            }
        })
    } else {
        None
    };
    let campaign = tally.costs.map(|cs| {
        let k = cs.total.len() as f64;
        let total = Summary::of(&cs.total);
        let mean_reach = rf.iter().sum::<f64>() / rf.len().max(1) as f64;
        CampaignSummary {
            seed_cost: cs.seed.iter().fold(0.0, |a, b| a + b) / k,
            ad_cost: cs.ad.iter().fold(0.0, |a, b| a + b) / k,
            impressions: cs.impressions as f64 / k,
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
        }
    });
    let segments = tally.segments.map(|ms| {
        let net_segs = base.network().segments().unwrap_or(&[]);
        let mut size = vec![0u32; ms.len()];
        for &s in net_segs {
            if let Some(x) = size.get_mut(s as usize) {
                *x += 1;
            }
        }
        ms.iter()
            .enumerate()
            .map(|(s, m)| {
                let reached = m.summary();
                SegmentSummary {
                    segment: s as u16,
                    name: base
                        .network()
                        .segment_names()
                        .and_then(|n| n.get(s))
                        .cloned(),
                    size: size[s],
                    fraction: if size[s] > 0 {
                        reached.mean / size[s] as f64
                    } else {
                        0.0
                    },
                    reached,
                }
            })
            .collect()
    });
    Ok(MonteCarloResult {
        ad_curve: tally.ads.curve(),
        campaign,
        segments,
        runs: runs as u32,
        seed,
        nodes: n,
        reach: Summary::of(&rf),
        reach_fraction: Summary::of(&frac),
        curve: tally.curve.curve(),
        active_curve: tally.active.curve(),
        prob_exceed: cfg
            .threshold
            .map(|t| reaches.iter().filter(|&&r| r as f64 > t).count() as f64 / runs as f64),
        threshold: cfg.threshold,
        metrics,
        arcs_from_adopters: tally.arcs,
        reaches,
    })
}

/// Runs the Monte Carlo of `base`'s scenario (its network, model and seeding) with scenario
/// seed `seed`. `progress(done, total)` is called from the calling thread as blocks of runs
/// finish.
///
/// # Memory
/// A few numbers per run and one histogram per step (see [`Tally`]): not runs × steps.
///
/// # Complexity
/// `runs` simulations (each O(its steps' work), see [`Simulation::step`]) plus
/// O(reach + steps) each for the metrics, spread over `cfg.threads` threads natively.
///
/// # Errors
/// `runs` or `max_steps` is 0 or over its limit ([`crate::bounds::MAX_RUNS`],
/// [`crate::bounds::MAX_STEPS`]).
///
/// # Examples
/// ```
/// use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
/// use viralsim::Scenario;
/// let s = Scenario::from_json(r#"{"network": "karate", "model": {"kind": "ic", "p": 0.2},
///                                 "seeds": "nodes:0", "seed": 7}"#).unwrap();
/// let sim = s.build(None).unwrap();
/// let cfg = MonteCarloConfig { runs: 200, threshold: Some(10.0), ..Default::default() };
/// let one = monte_carlo(&sim, s.seed, &MonteCarloConfig { threads: 1, ..cfg.clone() }, &mut |_, _| {}).unwrap();
/// let four = monte_carlo(&sim, s.seed, &MonteCarloConfig { threads: 4, ..cfg }, &mut |_, _| {}).unwrap();
/// // the thread count changes nothing
/// assert_eq!(one.reaches, four.reaches);
/// assert_eq!(one.reach, four.reach);
/// assert_eq!(one.reaches.len(), 200);
/// assert!(1.0 <= one.reach.min && one.reach.max <= 34.0);
/// // run 0 is the single simulation of the same scenario
/// let mut single = sim.clone();
/// single.run(1000);
/// assert_eq!(one.reaches[0], single.reach());
/// ```
pub fn monte_carlo(
    base: &Simulation,
    seed: u64,
    cfg: &MonteCarloConfig,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<MonteCarloResult> {
    crate::bounds::check_count("runs", cfg.runs as u64, crate::bounds::MAX_RUNS as u64)?;
    crate::bounds::check_count(
        "max_steps",
        cfg.max_steps as u64,
        crate::bounds::MAX_STEPS as u64,
    )?;
    let runs = cfg.runs as u64;
    let block = (runs / 100).clamp(1, 1000);
    #[cfg(not(target_arch = "wasm32"))]
    let tally = {
        let threads = if cfg.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            cfg.threads
        };
        let threads = threads.clamp(1, runs as usize) as u64;
        // Worker t does the contiguous runs [t·R/T, (t+1)·R/T) with one simulation of its own
        // (cloning a large network's state per run would cost more than the run); the blocks
        // are joined in run order, so the result does not depend on T.
        let (tx, rx) = std::sync::mpsc::channel::<u64>();
        let parts: Vec<Tally> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let tx = tx.clone();
                    scope.spawn(move || {
                        let (a, b) = (t * runs / threads, (t + 1) * runs / threads);
                        let mut sim = base.clone();
                        sim.set_recording(false);
                        let mut mine = Tally::starting_at(a);
                        let mut scratch = RunScratch::default();
                        let mut since = 0;
                        for r in a..b {
                            sim.reset_run(seed, r);
                            sim.run(cfg.max_steps);
                            mine.push(&sim, cfg.metrics, &mut scratch);
                            since += 1;
                            if since == block {
                                let _ = tx.send(since);
                                since = 0;
                            }
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
        let mut all = Tally::starting_at(0);
        for p in parts {
            all.merge(p)?;
        }
        all
    };
    #[cfg(target_arch = "wasm32")]
    let tally = {
        let mut sim = base.clone();
        sim.set_recording(false);
        let mut t = Tally::starting_at(0);
        let mut scratch = RunScratch::default();
        for r in 0..runs {
            sim.reset_run(seed, r);
            sim.run(cfg.max_steps);
            t.push(&sim, cfg.metrics, &mut scratch);
            if (r + 1) % block == 0 || r + 1 == runs {
                progress((r + 1) as u32, cfg.runs);
            }
        }
        t
    };
    summarise(base, tally, seed, cfg)
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
        let h = |xs: &[u32]| {
            let mut m = BTreeMap::new();
            for &x in xs {
                add(&mut m, x, 1);
            }
            m
        };
        let none = BTreeMap::new();
        assert_eq!(quantile_of(&h(&[0, 10]), &none, 2, 0.05), 0.5);
        assert_eq!(quantile_of(&h(&[7]), &none, 1, 0.95), 7.0);
        assert_eq!(quantile_of(&h(&[1, 3, 3, 9]), &none, 4, 0.5), 3.0);
        assert!((quantile_of(&h(&[1, 2, 3, 4]), &none, 4, 0.95) - 3.85).abs() < 1e-12);
        // two histograms count together, whichever holds a value, and in any split
        for (a, b) in [
            (&[1u32, 3][..], &[3u32, 9][..]),
            (&[9, 3, 1, 3][..], &[][..]),
            (&[][..], &[1, 3, 3, 9][..]),
        ] {
            assert_eq!(quantile_of(&h(a), &h(b), 4, 0.5), 3.0);
            assert_eq!(quantile_of(&h(a), &h(b), 4, 0.0), 1.0);
            assert_eq!(quantile_of(&h(a), &h(b), 4, 1.0), 9.0);
        }
    }
}
