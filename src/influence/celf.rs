//! Greedy seeding with CELF lazy evaluation (Leskovec et al. 2007) on Monte Carlo spread.
//!
//! Spread σ(S) is the mean reach over `runs` runs that use the same random streams for every
//! seed set (common random numbers), which makes marginal gains far less noisy. Since σ is
//! submodular for IC and LT, a node's gain can only shrink as seeds are added: CELF keeps last
//! round's gains in a max-heap and re-evaluates only the top until it is up to date.

use crate::error::{Error, Result};
use crate::simulation::Simulation;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Largest network CELF accepts: its first round simulates every node (use IMM beyond).
pub const CELF_MAX_NODES: usize = 50_000;

/// The result of a greedy selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Greedy {
    pub seeds: Vec<u32>,
    /// Estimated spread after each pick (σ of the first i + 1 seeds).
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
        sim.run(u32::MAX);
        total += sim.reach() as u64;
    }
    total as f64 / runs as f64
}

#[derive(PartialEq)]
struct Entry {
    gain: f64,
    node: u32,
    round: usize,
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> Ordering {
        self.gain.total_cmp(&o.gain).then(o.node.cmp(&self.node))
    }
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
        return Err(Error::param(
            "seeds",
            format!("celf asks for {k} seeds but the network has {n} nodes"),
        ));
    }
    if runs == 0 {
        return Err(Error::param(
            "seeds",
            "celf needs at least 1 run per evaluation",
        ));
    }
    if n > CELF_MAX_NODES {
        return Err(Error::param("seeds", format!("celf simulates every node: use imm for networks over {CELF_MAX_NODES} nodes (this one has {n})")));
    }
    let mut sim = base.clone();
    let mut heap = BinaryHeap::with_capacity(n);
    let mut evaluations = 0u64;
    for v in 0..n as u32 {
        let g = spread(&mut sim, &[v], runs, seed);
        evaluations += 1;
        heap.push(Entry {
            gain: g,
            node: v,
            round: 0,
        });
    }
    let mut seeds: Vec<u32> = Vec::with_capacity(k);
    let mut curve = Vec::with_capacity(k);
    let mut current = 0.0;
    while seeds.len() < k {
        let Some(top) = heap.pop() else { break };
        if top.round == seeds.len() {
            current += top.gain;
            seeds.push(top.node);
            curve.push(current);
            continue;
        }
        let mut with = seeds.clone();
        with.push(top.node);
        let g = spread(&mut sim, &with, runs, seed) - current;
        evaluations += 1;
        heap.push(Entry {
            gain: g,
            node: top.node,
            round: seeds.len(),
        });
    }
    Ok(Greedy {
        seeds,
        spread: curve,
        evaluations,
    })
}
