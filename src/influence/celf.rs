//! Greedy seeding with CELF lazy evaluation (Leskovec et al. 2007) on Monte Carlo spread.
//!
//! Spread σ(S) is the mean reach over `runs` runs that use the same random streams for every
//! seed set (common random numbers), which makes marginal gains far less noisy. Since σ is
//! submodular for IC and LT, a node's gain can only shrink as seeds are added: CELF keeps last
//! round's gains in a max-heap and re-evaluates only the top until it is up to date.

use crate::error::{Code, Error, Result};
use crate::simulation::Simulation;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Largest network CELF accepts: its first round simulates every node (use IMM beyond).
pub const CELF_MAX_NODES: usize = 50_000;

pub use crate::seeding::MAX_GREEDY_RUNS;
/// Most simulations the first round may take (every node × runs): beyond, the greedy would run
/// for hours; IMM does the same job in seconds.
pub const MAX_GREEDY_SIMULATIONS: u64 = 50_000_000;
/// Steps after which an evaluation run stops (SIS runs can go on forever; a simulation built
/// from a scenario stops at its `max_steps` before that).
pub const GREEDY_MAX_STEPS: u32 = crate::bounds::MAX_STEPS;
/// Most steps the first round may be forced to simulate (nodes × runs × the steps every run
/// may be kept going: SIS, SIR, Bass with ads, ads, a late boost; see
/// [`Simulation::forced_steps`]).
pub const MAX_GREEDY_STEPS: u64 = 200_000_000;

/// The checks shared by CELF and budget seeding, before any simulation: the network's size,
/// the runs per evaluation and the work of the first round.
pub(crate) fn check_greedy_work(what: &str, base: &Simulation, runs: u32) -> Result<()> {
    let n = base.network().node_count();
    if runs == 0 {
        return Err(Error::new(
            "seeds",
            Code::GreedyRuns {
                strategy: what.to_string(),
            },
        ));
    }
    if n > CELF_MAX_NODES {
        return Err(Error::new(
            "seeds",
            Code::GreedyNodes {
                strategy: what.to_string(),
                max: CELF_MAX_NODES as u64,
                nodes: n as u64,
            },
        ));
    }
    if runs > MAX_GREEDY_RUNS {
        return Err(Error::new(
            "seeds",
            Code::GreedyRunsOver {
                strategy: what.to_string(),
                max: MAX_GREEDY_RUNS as u64,
                got: runs as u64,
            },
        ));
    }
    let work = n as u64 * runs as u64;
    if work > MAX_GREEDY_SIMULATIONS {
        return Err(Error::new(
            "seeds",
            Code::GreedyWork {
                strategy: what.to_string(),
                nodes: n as u64,
                runs: runs as u64,
                work,
                max: MAX_GREEDY_SIMULATIONS,
            },
        ));
    }
    let steps = work.saturating_mul(base.forced_steps());
    if steps > MAX_GREEDY_STEPS {
        return Err(Error::new(
            "seeds",
            Code::GreedySteps {
                strategy: what.to_string(),
                runs: work,
                steps: base.forced_steps(),
                max: MAX_GREEDY_STEPS,
            },
        ));
    }
    Ok(())
}

/// The result of a greedy selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Greedy {
    /// The chosen seeds, in the order they were picked.
    pub seeds: Vec<u32>,
    /// Estimated spread after each pick (σ of the first i + 1 seeds). Budget seeding
    /// ([`super::budget::budgeted`]) gives one entry: the estimated spread of the chosen set.
    pub spread: Vec<f64>,
    /// Spread evaluations performed (each is `runs` simulations).
    pub evaluations: u64,
}

/// Mean reach of `seeds` over runs `0..runs` of scenario seed `seed` (common random numbers).
pub fn spread(sim: &mut Simulation, seeds: &[u32], runs: u32, seed: u64) -> f64 {
    sim.set_seed_nodes(seeds);
    sim.set_recording(false);
    let mut total = 0u64;
    for r in 0..runs as u64 {
        sim.reset_run(seed, r);
        sim.run(GREEDY_MAX_STEPS);
        total += sim.reach() as u64;
    }
    total as f64 / runs as f64
}

/// A heap entry of the lazy greedy: ordered by `key`, ties to the lower node.
struct Entry {
    key: f64,
    gain: f64,
    node: u32,
    round: usize,
}
impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> Ordering {
        self.key.total_cmp(&o.key).then(o.node.cmp(&self.node))
    }
}

/// Spread of every node alone (the first round of a lazy greedy), on one copy of `base`.
pub(crate) fn singleton_spreads(base: &Simulation, runs: u32, seed: u64) -> Vec<f64> {
    let mut sim = base.clone();
    (0..base.network().node_count() as u32)
        .map(|v| spread(&mut sim, &[v], runs, seed))
        .collect()
}

/// The lazy greedy (CELF) shared by [`celf`] and budget seeding: starting from the nodes'
/// `singles` spreads, repeatedly takes the node of largest `key(gain, node)`, re-evaluating a
/// gain only when it is out of date (submodularity: gains only shrink). A node whose `price`
/// does not fit what is left of `budget` is dropped; at most `k` nodes are taken.
/// Returns the seeds, the estimated spread after each pick and the re-evaluations made.
#[allow(clippy::too_many_arguments)] // one internal routine shared by CELF and budget seeding
pub(crate) fn lazy_greedy(
    base: &Simulation,
    singles: &[f64],
    runs: u32,
    seed: u64,
    k: usize,
    budget: f64,
    price: &dyn Fn(u32) -> f64,
    key: &dyn Fn(f64, u32) -> f64,
) -> (Vec<u32>, Vec<f64>, u64) {
    let mut sim = base.clone();
    let mut heap: BinaryHeap<Entry> = (0..singles.len() as u32)
        .filter(|&v| price(v) <= budget)
        .map(|v| Entry {
            key: key(singles[v as usize], v),
            gain: singles[v as usize],
            node: v,
            round: 0,
        })
        .collect();
    let (mut seeds, mut curve, mut current, mut spent, mut evaluations) =
        (Vec::new(), Vec::new(), 0.0, 0.0, 0u64);
    while seeds.len() < k {
        let Some(top) = heap.pop() else { break };
        let cost = price(top.node);
        if spent + cost > budget {
            continue; // the remaining budget only shrinks: it will never fit
        }
        if top.round == seeds.len() {
            seeds.push(top.node);
            current += top.gain;
            spent += cost;
            curve.push(current);
            continue;
        }
        let mut with = seeds.clone();
        with.push(top.node);
        let gain = spread(&mut sim, &with, runs, seed) - current;
        evaluations += 1;
        heap.push(Entry {
            key: key(gain, top.node),
            gain,
            node: top.node,
            round: seeds.len(),
        });
    }
    (seeds, curve, evaluations)
}

/// Picks `k` seeds greedily by marginal spread, with CELF. `base` gives the network and model
/// (its own seeds are ignored); `runs` Monte Carlo runs per evaluation; `seed` the scenario seed.
///
/// # Errors
/// `k` larger than the network, `runs` = 0, or a network over [`CELF_MAX_NODES`].
///
/// # Complexity
/// n + (re-evaluations) spread evaluations, each `runs` simulations.
pub fn celf(base: &Simulation, k: usize, runs: u32, seed: u64) -> Result<Greedy> {
    let n = base.network().node_count();
    if k > n {
        return Err(Error::new(
            "seeds",
            Code::TooManySeeds {
                strategy: Some("celf".to_string()),
                k: k as u64,
                n: n as u64,
                segment: false,
            },
        ));
    }
    check_greedy_work("celf", base, runs)?;
    let singles = singleton_spreads(base, runs, seed);
    let (seeds, curve, re) = lazy_greedy(
        base,
        &singles,
        runs,
        seed,
        k,
        f64::INFINITY,
        &|_| 0.0,
        &|gain, _| gain,
    );
    let evaluations = n as u64 + re;
    Ok(Greedy {
        seeds,
        spread: curve,
        evaluations,
    })
}
