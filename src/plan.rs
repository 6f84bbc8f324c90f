//! A seeding resolved against a network: the nodes (or the pool and count) every run starts
//! from. The world ([`crate::Simulation`]) draws each run's seeds from it; the strategies
//! ([`crate::influence::resolve`]) make it from a [`crate::Seeding`].

use crate::rng::{below, RngCore};

/// A seeding checked against a network.
#[derive(Clone, Debug, PartialEq)]
pub enum SeedPlan {
    /// These nodes, in every run.
    Fixed(Vec<u32>),
    /// `k` distinct nodes drawn in every run.
    Random(u32),
    /// `k` distinct nodes drawn from this pool in every run.
    RandomOf(u32, Vec<u32>),
}

impl SeedPlan {
    /// The seeds of one run, written to `out` (cleared first); `n` is the network's node
    /// count. Draws from `rng` only for random seeding.
    ///
    /// # Panics
    /// If a random plan asks for more nodes than there are (`k > n`, or `k` over the pool's
    /// size); [`crate::influence::resolve`] never makes such a plan.
    ///
    /// # Complexity
    /// O(k) for a fixed plan; O(k log k) expected for a random one, O(n) when `k > n / 4`.
    pub fn draw<R: RngCore + ?Sized>(&self, n: usize, rng: &mut R, out: &mut Vec<u32>) {
        out.clear();
        match self {
            SeedPlan::Fixed(v) => out.extend_from_slice(v),
            SeedPlan::RandomOf(k, pool) => {
                SeedPlan::Random(*k).draw(pool.len(), rng, out);
                for v in out.iter_mut() {
                    *v = pool[*v as usize];
                }
            }
            SeedPlan::Random(k) => {
                // k distinct draws: a partial Fisher–Yates when k is over n/4, otherwise
                // rejection sampling with a set (O(k log k) expected: fewer than 4/3 draws a seed)
                let k = *k as usize;
                if k * 4 > n {
                    // dense: partial Fisher–Yates over all ids
                    let mut all: Vec<u32> = (0..n as u32).collect();
                    for i in 0..k {
                        let j = i + below(rng, (n - i) as u64) as usize;
                        all.swap(i, j);
                    }
                    out.extend_from_slice(&all[..k]);
                } else {
                    let mut seen = std::collections::BTreeSet::new();
                    while out.len() < k {
                        let v = below(rng, n as u64) as u32;
                        if seen.insert(v) {
                            out.push(v);
                        }
                    }
                }
            }
        }
    }
}
