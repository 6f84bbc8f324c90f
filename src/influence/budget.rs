//! Budget-constrained seeding: the most spread for a budget, when influencers have prices.
//!
//! Cost-effective lazy forward selection (Leskovec et al. 2007): run the lazy greedy twice under
//! the budget — once by marginal spread per unit cost, once by marginal spread — and keep the
//! set with the larger estimated spread (either alone can be arbitrarily bad; the better of the
//! two is within a constant factor of the optimum). A candidate whose price no longer fits the
//! remaining budget is dropped; a set never costs more than the budget.

use super::celf::{check_greedy_work, lazy_greedy, singleton_spreads, Greedy};
use crate::campaign::Costs;
use crate::error::{Code, Error, Result, Shown};
use crate::simulation::Simulation;

/// Price of node `v` as a seed.
pub fn price(base: &Simulation, costs: &Costs, v: u32) -> f64 {
    costs.price(base.network(), v)
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
        return Err(Error::new(
            "seeds",
            Code::BudgetNonNegative {
                got: Shown::Number(budget),
            },
        ));
    }
    // every price > 0: a flat fee, or a per-person price that no seed gets for free
    let priced = match &costs.per_seed_attribute {
        None => !(costs.per_seed.is_nan() || costs.per_seed <= 0.0),
        Some(_) => (0..n as u32).all(|v| price(base, costs, v) > 0.0),
    };
    if !priced {
        return Err(Error::new("seeds", Code::BudgetPrice));
    }
    check_greedy_work("budget seeding", base, runs)?;
    let singles = singleton_spreads(base, runs, seed);
    let price = |v: u32| price(base, costs, v);
    let greedy = |key: &dyn Fn(f64, u32) -> f64| {
        lazy_greedy(base, &singles, runs, seed, usize::MAX, budget, &price, key)
    };
    let (a, ca, ea) = greedy(&|gain, v| gain / price(v));
    let (b, cb, eb) = greedy(&|gain, _| gain);
    let (sa, sb) = (
        ca.last().copied().unwrap_or(0.0),
        cb.last().copied().unwrap_or(0.0),
    );
    let (seeds, total) = if sa >= sb { (a, sa) } else { (b, sb) };
    Ok(Greedy {
        spread: vec![total],
        seeds,
        evaluations: n as u64 + ea + eb,
    })
}
