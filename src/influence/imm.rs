//! IMM: influence maximisation by reverse influence sampling (Tang, Shi & Xiao, SIGMOD 2015).
//!
//! A reverse-reachable (RR) set is the set of nodes that would have reached a random node in
//! one random "live-edge" world of the model. A node set covering a fraction F of many RR sets
//! has expected spread ≈ n·F, so greedy maximum coverage over enough RR sets returns a seed set
//! whose spread is at least (1 − 1/e − ε) of the optimum with probability at least 1 − 1/n.
//! Works for Independent Cascade (any of its probabilities) and Linear Threshold.

use crate::error::{Code, Error, Result};
use crate::model::{IcProb, LtWeights, Model};
use crate::network::Network;
use crate::rng::{below, rng_from_seed, uniform, RngCore, Skipper};
pub use crate::seeding::{check_epsilon, MIN_EPSILON};

/// Upper bound on the memory the RR sets may take, in bytes: 4 per entry, an offset per set,
/// and as much again for the node → sets index of the selection. Natively 2 GiB; in the page
/// (wasm32, 4 GiB of address space for everything) 512 MiB.
pub const MAX_RR_BYTES: u64 = if cfg!(target_arch = "wasm32") {
    512 << 20
} else {
    2 << 30
};

/// Bytes that `sets` RR sets with `entries` entries in all take (see [`MAX_RR_BYTES`]).
fn rr_bytes(sets: u64, entries: u64) -> u64 {
    let offset = std::mem::size_of::<usize>() as u64;
    // the sets themselves, then the node → sets index built by the selection
    sets.saturating_mul(offset)
        .saturating_add(entries.saturating_mul(8))
}

fn too_many(sets: u64, entries: u64, budget: u64) -> Error {
    Error::new(
        "epsilon",
        Code::ImmMemory {
            needed_mb: rr_bytes(sets, entries).div_ceil(1 << 20),
            sets,
            limit_mb: budget >> 20,
        },
    )
}

/// What IMM chose and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Imm {
    /// The chosen seeds, in the order the greedy coverage picked them.
    pub seeds: Vec<u32>,
    /// n × (fraction of the final RR sets the seeds cover): an estimate of the seeds' spread
    /// (expected reach, seeds included), slightly optimistic since the seeds were chosen on
    /// these same sets.
    pub estimated_spread: f64,
    /// Number of RR sets used for the final selection.
    pub rr_sets: usize,
    /// The accuracy ε the selection ran with.
    pub epsilon: f64,
}

/// How one RR set is drawn for a model (one value per IMM call: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Sampler {
    Ic { prob: IcProb, skip: Skipper },
    Lt { weights: LtWeights },
}

struct RrSets {
    offsets: Vec<usize>,
    nodes: Vec<u32>,
}

impl RrSets {
    fn len(&self) -> usize {
        self.offsets.len() - 1
    }
}

fn ln_choose(n: usize, k: usize) -> f64 {
    (0..k).map(|i| ((n - i) as f64 / (k - i) as f64).ln()).sum()
}

struct Gen<'a, R: RngCore> {
    net: &'a Network,
    sampler: Sampler,
    rng: R,
    stamp: Vec<u32>,
    epoch: u32,
    queue: Vec<u32>,
    /// Bytes the RR sets may take.
    budget: u64,
}

impl<R: RngCore> Gen<'_, R> {
    /// Appends one RR set.
    fn sample(&mut self, sets: &mut RrSets) -> Result<()> {
        let n = self.net.node_count();
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        let root = below(&mut self.rng, n as u64) as u32;
        self.stamp[root as usize] = self.epoch;
        self.queue.clear();
        self.queue.push(root);
        match &self.sampler {
            Sampler::Ic { prob, skip } => {
                let mut i = 0;
                while i < self.queue.len() {
                    let w = self.queue[i];
                    i += 1;
                    let ins = self.net.in_neighbors(w);
                    match prob {
                        IcProb::Uniform(_) => {
                            let mut pos = skip.first_gap(ins.len(), &mut self.rng);
                            while pos < ins.len() as u64 {
                                let u = ins[pos as usize];
                                if self.stamp[u as usize] != self.epoch {
                                    self.stamp[u as usize] = self.epoch;
                                    self.queue.push(u);
                                }
                                pos = pos
                                    .saturating_add(1)
                                    .saturating_add(skip.next_gap(&mut self.rng));
                            }
                        }
                        IcProb::EdgeWeights => {
                            let ws = self.net.in_neighbor_weights(w).unwrap_or(&[]);
                            for (&u, &p) in ins.iter().zip(ws) {
                                if self.stamp[u as usize] != self.epoch
                                    && uniform(&mut self.rng) < p as f64
                                {
                                    self.stamp[u as usize] = self.epoch;
                                    self.queue.push(u);
                                }
                            }
                        }
                        IcProb::WeightedCascade => {
                            let p = 1.0 / ins.len().max(1) as f64;
                            for &u in ins {
                                if self.stamp[u as usize] != self.epoch
                                    && uniform(&mut self.rng) < p
                                {
                                    self.stamp[u as usize] = self.epoch;
                                    self.queue.push(u);
                                }
                            }
                        }
                    }
                }
            }
            Sampler::Lt { weights } => {
                // live-edge world of LT: each node keeps at most one in-arc, arc (u, w) with
                // probability w(u, w); walk back until no arc or a node seen before
                let mut w = root;
                loop {
                    let ins = self.net.in_neighbors(w);
                    if ins.is_empty() {
                        break;
                    }
                    let u = match weights {
                        LtWeights::InDegree => ins[below(&mut self.rng, ins.len() as u64) as usize],
                        LtWeights::EdgeWeights => {
                            let ws = self.net.in_neighbor_weights(w).unwrap_or(&[]);
                            let x = uniform(&mut self.rng);
                            let mut acc = 0.0;
                            let mut pick = None;
                            for (&u, &p) in ins.iter().zip(ws) {
                                acc += p as f64;
                                if x < acc {
                                    pick = Some(u);
                                    break;
                                }
                            }
                            match pick {
                                Some(u) => u,
                                None => break,
                            }
                        }
                    };
                    if self.stamp[u as usize] == self.epoch {
                        break;
                    }
                    self.stamp[u as usize] = self.epoch;
                    self.queue.push(u);
                    w = u;
                }
            }
        }
        let entries = (sets.nodes.len() + self.queue.len()) as u64;
        if rr_bytes(sets.len() as u64 + 1, entries) > self.budget {
            return Err(too_many(sets.len() as u64 + 1, entries, self.budget));
        }
        sets.nodes.extend_from_slice(&self.queue);
        sets.offsets.push(sets.nodes.len());
        Ok(())
    }
}

/// Greedy maximum coverage of the RR sets: returns the seeds and the number of sets covered.
fn node_selection(n: usize, sets: &RrSets, k: usize) -> (Vec<u32>, usize) {
    // node → sets incidence (CSR)
    let mut count = vec![0u32; n];
    for &v in &sets.nodes {
        count[v as usize] += 1;
    }
    let mut start = vec![0usize; n + 1];
    for v in 0..n {
        start[v + 1] = start[v] + count[v] as usize;
    }
    let mut fill = start.clone();
    let mut inc = vec![0u32; sets.nodes.len()];
    for s in 0..sets.len() {
        for &v in &sets.nodes[sets.offsets[s]..sets.offsets[s + 1]] {
            inc[fill[v as usize]] = s as u32;
            fill[v as usize] += 1;
        }
    }
    let mut covered = vec![false; sets.len()];
    let mut picked = vec![false; n];
    let mut seeds = Vec::with_capacity(k);
    let mut total = 0usize;
    for _ in 0..k.min(n) {
        let mut best = usize::MAX;
        for v in 0..n {
            if !picked[v] && (best == usize::MAX || count[v] > count[best]) {
                best = v;
            }
        }
        if best == usize::MAX {
            break;
        }
        picked[best] = true;
        seeds.push(best as u32);
        for &s in &inc[start[best]..start[best + 1]] {
            let s = s as usize;
            if covered[s] {
                continue;
            }
            covered[s] = true;
            total += 1;
            for &u in &sets.nodes[sets.offsets[s]..sets.offsets[s + 1]] {
                count[u as usize] -= 1;
            }
        }
    }
    (seeds, total)
}

/// Runs IMM for `k` seeds with accuracy `epsilon` (in (0, 1)) and failure probability 1/n
/// (ℓ = 1), drawing from `seed`.
///
/// # Errors
/// `seeds`: a model other than IC or LT, or `k` outside 1..=n; `epsilon`: outside
/// [[`MIN_EPSILON`], 1), or more RR sets than fit in [`MAX_RR_BYTES`] (checked before they are
/// drawn where the count is known in advance).
///
/// # Complexity
/// O((k + ℓ)(n + m) log n / ε²) expected (Tang et al. 2015, Theorem 3).
pub fn imm(net: &Network, model: &Model, k: usize, epsilon: f64, seed: u64) -> Result<Imm> {
    imm_within(net, model, k, epsilon, seed, MAX_RR_BYTES)
}

/// [`imm`] with the RR sets' memory bounded by `budget` bytes instead of [`MAX_RR_BYTES`].
///
/// # Errors
/// As [`imm`], with `budget` for the memory bound.
pub fn imm_within(
    net: &Network,
    model: &Model,
    k: usize,
    epsilon: f64,
    seed: u64,
    budget: u64,
) -> Result<Imm> {
    let n = net.node_count();
    check_epsilon(epsilon)?;
    if k == 0 || k > n {
        return Err(Error::new(
            "seeds",
            Code::TooManySeeds {
                strategy: Some("imm".to_string()),
                k: k as u64,
                n: n as u64,
                segment: false,
            },
        ));
    }
    let sampler = match model {
        Model::Ic(m) => Sampler::Ic {
            prob: m.prob(),
            skip: Skipper::new(if let IcProb::Uniform(p) = m.prob() {
                p
            } else {
                0.0
            }),
        },
        Model::Lt(m) => Sampler::Lt {
            weights: m.weights(),
        },
        other => {
            return Err(Error::new(
                "seeds",
                Code::ImmModel {
                    model: other.name().to_string(),
                },
            ))
        }
    };
    let mut gen = Gen {
        net,
        sampler,
        rng: rng_from_seed(seed),
        stamp: vec![0; n],
        epoch: 0,
        queue: Vec::new(),
        budget,
    };
    let mut sets = RrSets {
        offsets: vec![0],
        nodes: Vec::new(),
    };
    let nf = n as f64;
    if n == 1 {
        return Ok(Imm {
            seeds: vec![0],
            estimated_spread: 1.0,
            rr_sets: 0,
            epsilon,
        });
    }
    let l = 1.0 * (1.0 + 2f64.ln() / nf.ln());
    let lcnk = ln_choose(n, k);
    let e1 = std::f64::consts::E.recip();
    // sampling phase: a lower bound LB of the optimum
    let eps2 = 2f64.sqrt() * epsilon;
    let lambda2 = (2.0 + 2.0 / 3.0 * eps2) * (lcnk + l * nf.ln() + nf.log2().ln().max(0.0)) * nf
        / (eps2 * eps2);
    let mut lb = 1.0;
    let rounds = (nf.log2() as usize).max(2);
    for i in 1..rounds {
        let x = nf / 2f64.powi(i as i32);
        let theta_i = (lambda2 / x).ceil();
        // every set has at least its root: refuse before sampling what cannot fit
        if rr_bytes(theta_i as u64, theta_i as u64) > budget || !theta_i.is_finite() {
            return Err(too_many(theta_i as u64, theta_i as u64, budget));
        }
        let theta_i = theta_i as usize;
        while sets.len() < theta_i {
            gen.sample(&mut sets)?;
        }
        let (_, cov) = node_selection(n, &sets, k);
        let f = cov as f64 / sets.len() as f64;
        if nf * f >= (1.0 + eps2) * x {
            lb = nf * f / (1.0 + eps2);
            break;
        }
    }
    let alpha = (l * nf.ln() + 2f64.ln()).sqrt();
    let beta = ((1.0 - e1) * (lcnk + l * nf.ln() + 2f64.ln())).sqrt();
    let lambda_star = 2.0 * nf * ((1.0 - e1) * alpha + beta).powi(2) / (epsilon * epsilon);
    let theta = (lambda_star / lb).ceil();
    if rr_bytes(theta as u64, theta as u64) > budget || !theta.is_finite() {
        return Err(too_many(theta as u64, theta as u64, budget));
    }
    let theta = theta as usize;
    while sets.len() < theta {
        gen.sample(&mut sets)?;
    }
    let (seeds, cov) = node_selection(n, &sets, k);
    Ok(Imm {
        seeds,
        estimated_spread: nf * cov as f64 / sets.len() as f64,
        rr_sets: sets.len(),
        epsilon,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_choose_is_exact_on_small_numbers() {
        assert!((ln_choose(10, 3) - 120f64.ln()).abs() < 1e-12);
        assert!((ln_choose(5, 5) - 0.0).abs() < 1e-12);
    }

    #[test]
    fn coverage_greedy_on_hand_made_sets() {
        // sets: {0,1}, {1}, {1,2}, {3}: greedy picks 1 (3 sets) then 3
        let sets = RrSets {
            offsets: vec![0, 2, 3, 5, 6],
            nodes: vec![0, 1, 1, 1, 2, 3],
        };
        assert_eq!(node_selection(4, &sets, 2), (vec![1, 3], 4));
    }

    #[test]
    fn star_hub_first_and_errors() {
        let star = crate::generate::star(50).unwrap();
        let m = Model::Ic(crate::model::IndependentCascade::uniform(0.5).unwrap());
        let r = imm(&star, &m, 1, 0.3, 1).unwrap();
        assert_eq!(r.seeds, vec![0]);
        // spread of the hub: 1 + 49 × 0.5
        assert!(
            (r.estimated_spread - 25.5).abs() < 2.0,
            "{}",
            r.estimated_spread
        );
        assert!(imm(&star, &m, 1, 1.5, 1)
            .unwrap_err()
            .to_string()
            .starts_with("epsilon:"));
        let sir = Model::Sir(crate::model::Epidemic::sir(0.1, 0.5).unwrap());
        assert!(imm(&star, &sir, 1, 0.3, 1)
            .unwrap_err()
            .to_string()
            .contains("ic and lt"));
    }

    #[test]
    fn memory_budget_and_epsilon_are_checked_before_the_work() {
        let net = crate::generate::karate_club();
        let ic = Model::Ic(crate::model::IndependentCascade::uniform(0.1).unwrap());
        for e in [0.0, 0.005, 1.0, f64::NAN] {
            let err = imm(&net, &ic, 1, e, 1).unwrap_err().to_string();
            assert!(err.starts_with("epsilon: must be in [0.01, 1)"), "{err}");
        }
        // a 1 MiB budget: refused quickly, naming epsilon and the sizes
        let t = std::time::Instant::now();
        let err = imm_within(&net, &ic, 1, 0.01, 1, 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("epsilon: imm would need"), "{err}");
        assert!(err.contains("over its limit of 1 MB"), "{err}");
        assert!(t.elapsed().as_secs() < 5);
        // the same within the real budget works
        assert_eq!(imm(&net, &ic, 1, 0.01, 1).unwrap().seeds.len(), 1);
    }
}
