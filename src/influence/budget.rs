//! Budget-constrained seeding: the most spread for a budget, when influencers have prices.
//!
//! Cost-effective lazy forward selection (Leskovec et al. 2007): run the lazy greedy twice under
//! the budget — once by marginal spread per unit cost, once by marginal spread — and keep the
//! set with the larger estimated spread (either alone can be arbitrarily bad; the better of the
//! two is within a constant factor of the optimum). A candidate whose price no longer fits the
//! remaining budget is dropped; a set never costs more than the budget.

use super::celf::{spread, Greedy, CELF_MAX_NODES};
use crate::campaign::Costs;
use crate::error::{Error, Result};
use crate::simulation::Simulation;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

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

/// Price of node `v` as a seed.
pub fn price(base: &Simulation, costs: &Costs, v: u32) -> f64 {
    costs.per_seed + costs.per_seed_degree * base.network().out_degree(v) as f64
}

fn lazy(
    base: &Simulation,
    costs: &Costs,
    budget: f64,
    runs: u32,
    seed: u64,
    singles: &[f64],
    per_cost: bool,
) -> (Vec<u32>, f64, u64) {
    let mut sim = base.clone();
    let key = |gain: f64, v: u32| {
        if per_cost {
            gain / price(base, costs, v)
        } else {
            gain
        }
    };
    let mut heap: BinaryHeap<Entry> = (0..singles.len() as u32)
        .filter(|&v| price(base, costs, v) <= budget)
        .map(|v| Entry {
            key: key(singles[v as usize], v),
            gain: singles[v as usize],
            node: v,
            round: 0,
        })
        .collect();
    let (mut seeds, mut current, mut spent, mut evaluations) = (Vec::new(), 0.0, 0.0, 0u64);
    while let Some(top) = heap.pop() {
        let cost = price(base, costs, top.node);
        if spent + cost > budget {
            continue; // the remaining budget only shrinks: it will never fit
        }
        if top.round == seeds.len() {
            seeds.push(top.node);
            current += top.gain;
            spent += cost;
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
    (seeds, current, evaluations)
}

/// Seeds that maximise estimated spread for at most `budget` in seed costs.
///
/// # Errors
/// A budget that is not a number ≥ 0, no positive price per seed, `runs` = 0, or a network over
/// the CELF size limit.
pub fn budgeted(
    base: &Simulation,
    costs: &Costs,
    budget: f64,
    runs: u32,
    seed: u64,
) -> Result<Greedy> {
    let n = base.network().node_count();
    if !(budget.is_finite() && budget >= 0.0) {
        return Err(Error::param(
            "seeds",
            format!("budget must be a number ≥ 0, got {budget}"),
        ));
    }
    if !(costs.per_seed > 0.0) {
        return Err(Error::param("seeds", "budget seeding needs a price per seed > 0 (--cost-per-seed, or campaign.costs.per_seed)"));
    }
    if runs == 0 {
        return Err(Error::param(
            "seeds",
            "budget seeding needs at least 1 run per evaluation",
        ));
    }
    if n > CELF_MAX_NODES {
        return Err(Error::param("seeds", format!("budget seeding simulates every node: networks up to {CELF_MAX_NODES} nodes (this one has {n})")));
    }
    let mut sim = base.clone();
    let singles: Vec<f64> = (0..n as u32)
        .map(|v| spread(&mut sim, &[v], runs, seed))
        .collect();
    let (a, sa, ea) = lazy(base, costs, budget, runs, seed, &singles, true);
    let (b, sb, eb) = lazy(base, costs, budget, runs, seed, &singles, false);
    let (seeds, total) = if sa >= sb { (a, sa) } else { (b, sb) };
    Ok(Greedy {
        spread: vec![total],
        seeds,
        evaluations: n as u64 + ea + eb,
    })
}
