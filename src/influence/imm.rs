//! IMM: influence maximisation by reverse influence sampling, with the stopping rule of OPIM-C
//! (Tang, Tang, Xiao & Yuan, SIGMOD 2018) as SUBSIM uses it (Guo, Wang, Wei & Chen, SIGMOD 2020).
//!
//! A reverse-reachable (RR) set is the set of nodes that would have reached a random node in
//! one random "live-edge" world of the model. A node set covering a fraction F of many RR sets
//! has expected spread ≈ n·F, so greedy maximum coverage over enough RR sets gives a seed set
//! whose spread is at least (1 − 1/e − ε) of the optimum, with probability at least 1 − δ
//! (here δ = 1/n, as IMM's ℓ = 1). Works for Independent Cascade (any of its probabilities) and
//! Linear Threshold.
//!
//! # How many RR sets
//!
//! Two independent collections R₁ and R₂ of θ sets each are drawn, θ = θ₀, 2θ₀, 4θ₀, … At each
//! size the greedy picks S on R₁; its spread is bounded below from its coverage Λ₂(S) on R₂,
//! and the optimum bounded above from R₁, by the martingale (Chernoff-type) bounds
//!
//! - σ(S) ≥ σˡ = ((√(Λ₂(S) + 2a/9) − √(a/2))² − a/18) · n/θ,
//! - OPT ≤ σᵘ = (√(Λ₁ᵘ + a/2) + √(a/2))² · n/θ,
//!
//! each failing with probability at most e^(−a), a = ln(3·i_max/δ), where Λ₁ᵘ bounds the best
//! coverage of k nodes on R₁: the smallest, over the greedy's prefixes Sᵢ (i = 0..k), of
//! Λ₁(Sᵢ) plus the k largest marginal coverages given Sᵢ, and Λ₁(S_k)/(1 − (1 − 1/k)^k). The
//! seeds are certified when σˡ/σᵘ ≥ 1 − 1/e − ε, and returned once, besides, the greedy's last
//! seed adds at least [`MIN_LAST_GAIN`] sets (a floor for the seeds' quality, not needed by
//! the guarantee, and pursued only up to [`FLOOR_ENTRIES_PER_NODE`]·n drawn entries; when the
//! memory would not allow another doubling, the last certified seeds are returned). At the latest it stops at the i_max-th size, the first
//! θ ≥ θ_max = 2n·((1 − 1/e)·√(ln(6/δ)) + √((1 − 1/e)·(ln C(n, k) + ln(6/δ))))² / (ε²·k),
//! where IMM's theorem (Tang, Shi & Xiao 2015, with OPT ≥ k) alone gives the guarantee with
//! failure probability δ/3; θ₀ = θ_max·ε²·k/n. The union of the 2·i_max bounds and that last
//! event fails with probability at most δ. On most graphs the bounds meet after a few
//! doublings, tens to hundreds of times before θ_max (or IMM's own count).
//!
//! RR set i of collection c is drawn from its own stream, (seed, 2i + c): the sets, so the
//! result, do not depend on how many threads draw them.

use crate::error::{Code, Error, Result};
use crate::model::{IcProb, LtWeights, Model};
use crate::network::Network;
use crate::rng::{below, rng_from_seed, stream_seed, uniform, uniform_open0, RngCore, Skipper};
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

/// What one IMM call may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImmOptions {
    /// Bytes the RR sets may take (see [`MAX_RR_BYTES`]).
    pub budget: u64,
    /// Threads drawing RR sets natively (0: one per core); the result does not depend on it.
    pub threads: usize,
}

impl Default for ImmOptions {
    /// [`MAX_RR_BYTES`], one thread.
    fn default() -> Self {
        ImmOptions {
            budget: MAX_RR_BYTES,
            threads: 1,
        }
    }
}

/// What IMM chose and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Imm {
    /// The chosen seeds, in the order the greedy coverage picked them.
    pub seeds: Vec<u32>,
    /// n × (fraction of the second collection's RR sets the seeds cover): an unbiased estimate
    /// of the seeds' spread (expected reach, seeds included), since that collection played no
    /// part in choosing them.
    pub estimated_spread: f64,
    /// Number of RR sets drawn (both collections).
    pub rr_sets: usize,
    /// The accuracy ε the selection ran with.
    pub epsilon: f64,
    /// σˡ/σᵘ at the stop: the spread the seeds are shown to reach, as a fraction of the
    /// optimum (with probability 1 − 1/n). At least 1 − 1/e − ε unless the sampling went to
    /// θ_max, where IMM's bound gives the guarantee instead.
    pub certified: f64,
}

/// How one RR set is drawn for a model (one value per IMM call: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Sampler {
    Ic { prob: IcProb, skip: Skipper },
    Lt { weights: LtWeights },
}

/// RR sets in one array: set s is `nodes[offsets[s]..offsets[s + 1]]`.
struct RrSets {
    offsets: Vec<usize>,
    nodes: Vec<u32>,
}

impl RrSets {
    fn new() -> Self {
        RrSets {
            offsets: vec![0],
            nodes: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    fn set(&self, s: usize) -> &[u32] {
        &self.nodes[self.offsets[s]..self.offsets[s + 1]]
    }

    fn append(&mut self, other: &RrSets) {
        let base = self.nodes.len();
        self.nodes.extend_from_slice(&other.nodes);
        self.offsets
            .extend(other.offsets[1..].iter().map(|&o| o + base));
    }
}

fn ln_choose(n: usize, k: usize) -> f64 {
    (0..k).map(|i| ((n - i) as f64 / (k - i) as f64).ln()).sum()
}

/// One drawer's working memory: a visit stamp per node and the set being drawn.
struct Scratch {
    stamp: Vec<u32>,
    epoch: u32,
    queue: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch {
            stamp: vec![0; n],
            epoch: 0,
            queue: Vec::new(),
        }
    }
}

/// In-degrees above which the weighted cascade's in-arcs are sampled by geometric skips rather
/// than one draw each (the same distribution; below it the draws are cheaper than logarithms).
const WC_SKIP_FROM: usize = 32;

/// Draws RR sets: set i of collection c from stream (seed, 2i + c).
struct Drawer<'a> {
    net: &'a Network,
    sampler: Sampler,
    seed: u64,
}

impl Drawer<'_> {
    /// Draws one RR set from `rng` into `sc.queue`.
    fn sample<R: RngCore>(&self, rng: &mut R, sc: &mut Scratch) {
        let net = self.net;
        let n = net.node_count();
        sc.epoch = sc.epoch.wrapping_add(1);
        if sc.epoch == 0 {
            sc.stamp.iter_mut().for_each(|s| *s = 0);
            sc.epoch = 1;
        }
        let epoch = sc.epoch;
        let stamp = &mut sc.stamp;
        let queue = &mut sc.queue;
        let root = below(rng, n as u64) as u32;
        stamp[root as usize] = epoch;
        queue.clear();
        queue.push(root);
        match &self.sampler {
            Sampler::Ic { prob, skip } => {
                let mut i = 0;
                while i < queue.len() {
                    let w = queue[i];
                    i += 1;
                    let ins = net.in_neighbors(w);
                    match prob {
                        IcProb::Uniform(_) => {
                            let mut pos = skip.first_gap(ins.len(), rng);
                            while pos < ins.len() as u64 {
                                let u = ins[pos as usize];
                                if stamp[u as usize] != epoch {
                                    stamp[u as usize] = epoch;
                                    queue.push(u);
                                }
                                pos = pos.saturating_add(1).saturating_add(skip.next_gap(rng));
                            }
                        }
                        IcProb::EdgeWeights => {
                            let ws = net.in_neighbor_weights(w).unwrap_or(&[]);
                            for (&u, &p) in ins.iter().zip(ws) {
                                if stamp[u as usize] != epoch && uniform(rng) < p as f64 {
                                    stamp[u as usize] = epoch;
                                    queue.push(u);
                                }
                            }
                        }
                        IcProb::WeightedCascade if ins.len() <= WC_SKIP_FROM => {
                            let p = 1.0 / ins.len().max(1) as f64;
                            for &u in ins {
                                if stamp[u as usize] != epoch && uniform(rng) < p {
                                    stamp[u as usize] = epoch;
                                    queue.push(u);
                                }
                            }
                        }
                        IcProb::WeightedCascade => {
                            // d trials of probability 1/d: about one success, so geometric
                            // skips (one draw and one logarithm per success, plus one) instead
                            // of d draws
                            let d = ins.len();
                            let inv_log_q = 1.0 / libm::log1p(-1.0 / d as f64);
                            let gap = |rng: &mut R| {
                                let g = libm::log(uniform_open0(rng)) * inv_log_q;
                                if g < d as f64 {
                                    g as usize
                                } else {
                                    d
                                }
                            };
                            let mut pos = gap(rng);
                            while pos < d {
                                let u = ins[pos];
                                if stamp[u as usize] != epoch {
                                    stamp[u as usize] = epoch;
                                    queue.push(u);
                                }
                                pos += 1 + gap(rng);
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
                    let ins = net.in_neighbors(w);
                    if ins.is_empty() {
                        break;
                    }
                    let u = match weights {
                        LtWeights::InDegree => ins[below(rng, ins.len() as u64) as usize],
                        LtWeights::EdgeWeights => {
                            let ws = net.in_neighbor_weights(w).unwrap_or(&[]);
                            let x = uniform(rng);
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
                    if stamp[u as usize] == epoch {
                        break;
                    }
                    stamp[u as usize] = epoch;
                    queue.push(u);
                    w = u;
                }
            }
        }
    }

    /// Appends sets `from..to` of collection `c` to `out`; false (and stops) once `out` takes
    /// more than `cap` bytes.
    fn draw_range(
        &self,
        c: u64,
        from: usize,
        to: usize,
        sc: &mut Scratch,
        out: &mut RrSets,
        cap: u64,
    ) -> bool {
        for i in from..to {
            let mut rng = rng_from_seed(stream_seed(self.seed, 2 * i as u64 + c));
            self.sample(&mut rng, sc);
            out.nodes.extend_from_slice(&sc.queue);
            out.offsets.push(out.nodes.len());
            if rr_bytes(out.len() as u64, out.nodes.len() as u64) > cap {
                return false;
            }
        }
        true
    }
}

/// RR sets the greedy's last seed must add to the cover before certified seeds are returned
/// (when the memory allows the next doubling and before θ_max). The guarantee needs no such
/// floor (every size's check is in the union bound, so the seeds of any certified size have
/// it); without it, a loose ε certifies a handful of sets, where the greedy's last picks rest
/// on one or two sets each, or on none once all are covered: `imm:50` at ε = 0.5 on the
/// peers' BA(100,000, 5), IC p = 0.01, reached 255 people where top-degree reaches 334. With
/// 32 the last pick's count has a relative noise of about 1/√32 ≈ 18 %: 329 there, and on the
/// SUBSIM benchmark graph (k = 50, ε = 0.1) 5,045–5,117 where the first certified size gave
/// 4,760–5,050.
pub const MIN_LAST_GAIN: u64 = 32;

/// RR-set entries per node (both collections) past which [`MIN_LAST_GAIN`] is no longer
/// pursued. Where cascades are large (IC p = 0.1 on BA(100,000, 5): RR sets of half the nodes),
/// the last of k seeds adds almost nothing to the first one's cover, and the floor would draw
/// RR sets until the memory ran out (16 s and 964 MB there, where the old IMM took 6.9 s); the
/// graphs above reach the floor at 9 (SUBSIM's) and 34 (the peers' BA) entries per node.
pub const FLOOR_ENTRIES_PER_NODE: u64 = 64;

/// Sets a thread draws at least, so that small batches are not split.
const MIN_SETS_PER_THREAD: usize = 2048;

/// Draws sets `sets.len()..to` of collection `c` into `sets` with up to `scratch.len()`
/// threads (contiguous ranges joined in index order, so the same sets for any count); false
/// when they would take more than `cap` more bytes.
fn grow(
    drawer: &Drawer,
    c: u64,
    sets: &mut RrSets,
    to: usize,
    scratch: &mut [Scratch],
    cap: u64,
) -> bool {
    let from = sets.len();
    if to <= from {
        return true;
    }
    let threads = scratch.len().min((to - from) / MIN_SETS_PER_THREAD).max(1);
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        let parts: Vec<(RrSets, bool)> = std::thread::scope(|scope| {
            let handles: Vec<_> = scratch[..threads]
                .iter_mut()
                .enumerate()
                .map(|(t, sc)| {
                    let (a, b) = (
                        from + t * (to - from) / threads,
                        from + (t + 1) * (to - from) / threads,
                    );
                    scope.spawn(move || {
                        let mut mine = RrSets::new();
                        let ok = drawer.draw_range(c, a, b, sc, &mut mine, cap);
                        (mine, ok)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| (RrSets::new(), false)))
                .collect()
        });
        let mut ok = true;
        let mut more = (0u64, 0u64);
        for (part, fine) in &parts {
            ok &= fine;
            more.0 += part.len() as u64;
            more.1 += part.nodes.len() as u64;
        }
        if !ok || rr_bytes(more.0, more.1) > cap {
            return false;
        }
        for (part, _) in &parts {
            sets.append(part);
        }
        return true;
    }
    let _ = threads;
    let mut mine = RrSets::new();
    let ok = drawer.draw_range(c, from, to, &mut scratch[0], &mut mine, cap);
    if ok {
        sets.append(&mine);
    }
    ok
}

/// The greedy's answer on a collection.
#[derive(Debug, PartialEq)]
struct Cover {
    /// The seeds in the order picked.
    seeds: Vec<u32>,
    /// Sets they cover.
    covered: u64,
    /// An upper bound on the sets any k nodes cover.
    upper: f64,
    /// Sets the last seed added to the cover (0 when it added none).
    last_gain: u64,
}

/// Greedy maximum coverage of the RR sets (ties to the lower id; once every set is covered,
/// the lowest ids not picked), with the bound on the best coverage described in the module
/// documentation.
///
/// # Complexity
/// O(n + E + k²·log n + E·log n) for E entries: the node → sets index, then a lazy max-heap of
/// the nodes' counts (a count only falls; each fall re-pushes at most once when met).
fn max_coverage(n: usize, sets: &RrSets, k: usize) -> Cover {
    use std::collections::BinaryHeap;
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
        for &v in sets.set(s) {
            inc[fill[v as usize]] = s as u32;
            fill[v as usize] += 1;
        }
    }
    drop(fill);
    // (count when pushed, the node with ties to the lower id)
    let mut heap: BinaryHeap<(u32, std::cmp::Reverse<u32>)> = (0..n as u32)
        .filter(|&v| count[v as usize] > 0)
        .map(|v| (count[v as usize], std::cmp::Reverse(v)))
        .collect();
    let mut covered_set = vec![false; sets.len()];
    let mut picked = vec![false; n];
    let mut seeds = Vec::with_capacity(k);
    let mut covered = 0u64;
    let mut upper = f64::INFINITY;
    let mut last_gain = 0u64;
    let mut top: Vec<u32> = Vec::with_capacity(k);
    let k = k.min(n);
    for step in 0..=k {
        // the k largest current counts, exactly: a popped entry whose count is current is the
        // largest left, since stored counts only overestimate
        top.clear();
        let mut top_sum = 0u64;
        while top.len() < k {
            let Some((c, std::cmp::Reverse(v))) = heap.pop() else {
                break;
            };
            let now = count[v as usize];
            if c != now {
                if now > 0 {
                    heap.push((now, std::cmp::Reverse(v)));
                }
                continue;
            }
            top.push(v);
            top_sum += c as u64;
        }
        upper = upper.min((covered + top_sum) as f64);
        if step == k {
            break;
        }
        for &v in top.iter().skip(1) {
            heap.push((count[v as usize], std::cmp::Reverse(v)));
        }
        let best = match top.first() {
            Some(&v) => v,
            // nothing covers a new set: the lowest ids not taken
            None => match (0..n as u32).find(|&v| !picked[v as usize]) {
                Some(v) => v,
                None => break,
            },
        };
        picked[best as usize] = true;
        seeds.push(best);
        last_gain = count[best as usize] as u64;
        for &s in &inc[start[best as usize]..start[best as usize + 1]] {
            let s = s as usize;
            if covered_set[s] {
                continue;
            }
            covered_set[s] = true;
            covered += 1;
            for &u in sets.set(s) {
                count[u as usize] -= 1;
            }
        }
    }
    if k > 0 {
        let kf = k as f64;
        upper = upper.min(covered as f64 / (1.0 - (1.0 - 1.0 / kf).powf(kf)));
    }
    Cover {
        seeds,
        covered,
        upper,
        last_gain,
    }
}

/// Sets of `sets` that hold a node of `seeds`.
fn coverage(n: usize, sets: &RrSets, seeds: &[u32]) -> u64 {
    let mut is_seed = vec![false; n];
    for &s in seeds {
        is_seed[s as usize] = true;
    }
    (0..sets.len())
        .filter(|&s| sets.set(s).iter().any(|&v| is_seed[v as usize]))
        .count() as u64
}

/// Runs IMM for `k` seeds with accuracy `epsilon` (in (0, 1)) and failure probability 1/n,
/// drawing from `seed`, with [`ImmOptions::default`].
///
/// # Errors
/// `seeds`: a model other than IC or LT, or `k` outside 1..=n; `epsilon`: outside
/// [[`MIN_EPSILON`], 1), or more RR sets than fit in [`MAX_RR_BYTES`] (checked before each
/// doubling from the sets' mean size so far, and while drawing).
///
/// # Complexity
/// Expected O((k + log n)(n + m)/ε²) in the worst case (the θ_max of the module
/// documentation, as IMM); in practice the bounds stop it far earlier. Each size costs the
/// drawing of its new sets (linear in the arcs they examine, spread over the threads), and one
/// greedy over R₁ (see `max_coverage`) and one pass over R₂.
pub fn imm(net: &Network, model: &Model, k: usize, epsilon: f64, seed: u64) -> Result<Imm> {
    imm_with(net, model, k, epsilon, seed, &ImmOptions::default())
}

/// [`imm`] with the RR sets' memory bounded by `budget` bytes instead of [`MAX_RR_BYTES`].
///
/// # Errors
/// As [`imm`], with `budget` for the memory bound.
///
/// # Complexity
/// As [`imm`].
pub fn imm_within(
    net: &Network,
    model: &Model,
    k: usize,
    epsilon: f64,
    seed: u64,
    budget: u64,
) -> Result<Imm> {
    let opts = ImmOptions {
        budget,
        ..ImmOptions::default()
    };
    imm_with(net, model, k, epsilon, seed, &opts)
}

/// [`imm`] with explicit options: the memory budget and the threads.
///
/// # Errors
/// As [`imm`], with `opts.budget` for the memory bound.
///
/// # Complexity
/// As [`imm`].
pub fn imm_with(
    net: &Network,
    model: &Model,
    k: usize,
    epsilon: f64,
    seed: u64,
    opts: &ImmOptions,
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
    if n == 1 {
        return Ok(Imm {
            seeds: vec![0],
            estimated_spread: 1.0,
            rr_sets: 0,
            epsilon,
            certified: 1.0,
        });
    }
    let plan = Plan::new(n, k, epsilon);
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |t| t.get())
    } else {
        opts.threads
    };
    let drawer = Drawer { net, sampler, seed };
    let mut scratch: Vec<Scratch> = Vec::new();
    let (mut r1, mut r2) = (RrSets::new(), RrSets::new());
    let nf = n as f64;
    let mut size = plan.theta0;
    let mut i = 1;
    // the seeds of the last certified size, returned if the memory runs out before the greedy's
    // last pick rests on MIN_LAST_GAIN sets
    let mut certified: Option<Imm> = None;
    loop {
        // refuse before drawing what cannot fit, at the mean size so far (at least the root)
        let (sets, entries) = (
            (r1.len() + r2.len()) as u64,
            (r1.nodes.len() + r2.nodes.len()) as u64,
        );
        let mean = if sets == 0 {
            1.0
        } else {
            entries as f64 / sets as f64
        };
        let want = 2 * size as u64;
        let want_entries = (want as f64 * mean).ceil() as u64;
        if rr_bytes(want, want_entries) > opts.budget {
            return certified.ok_or_else(|| too_many(want, want_entries, opts.budget));
        }
        let workers = threads.min(size / MIN_SETS_PER_THREAD).max(1);
        while scratch.len() < workers {
            scratch.push(Scratch::new(n));
        }
        for c in 0..2u64 {
            let used = rr_bytes(
                (r1.len() + r2.len()) as u64,
                (r1.nodes.len() + r2.nodes.len()) as u64,
            );
            let cap = opts.budget.saturating_sub(used);
            let r = if c == 0 { &mut r1 } else { &mut r2 };
            if !grow(&drawer, c, r, size, &mut scratch, cap) {
                // more than the budget: the projection fell short of the real sizes
                return certified.ok_or_else(|| {
                    too_many(want, want_entries.max(opts.budget / 8 + 1), opts.budget)
                });
            }
        }
        let cover = max_coverage(n, &r1, k);
        let cov2 = coverage(n, &r2, &cover.seeds);
        let ratio = plan.ratio(cov2 as f64, cover.upper);
        let result = Imm {
            seeds: cover.seeds,
            estimated_spread: nf * cov2 as f64 / size as f64,
            rr_sets: r1.len() + r2.len(),
            epsilon,
            certified: ratio,
        };
        // the floor costs at most FLOOR_ENTRIES_PER_NODE·n drawn entries
        let entries = (r1.nodes.len() + r2.nodes.len()) as u64;
        let floor_met = cover.last_gain >= MIN_LAST_GAIN
            || entries >= FLOOR_ENTRIES_PER_NODE.saturating_mul(n as u64);
        if i >= plan.i_max || (ratio >= plan.target && floor_met) {
            return Ok(result);
        }
        if ratio >= plan.target {
            certified = Some(result);
        }
        size = size.saturating_mul(2);
        i += 1;
    }
}

/// The numbers of the stopping rule (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Plan {
    /// RR sets per collection at the first size.
    theta0: usize,
    /// θ_max: per collection, enough for IMM's bound alone.
    theta_max: f64,
    /// The number of sizes θ₀·2^(i − 1), the last the first ≥ θ_max.
    i_max: u32,
    /// ln(1/δ₁) = ln(1/δ₂) = ln(3·i_max/δ).
    a: f64,
    /// 1 − 1/e − ε.
    target: f64,
}

impl Plan {
    /// The plan for `k` seeds of `n` nodes (n ≥ 2) at accuracy `epsilon`, δ = 1/n.
    fn new(n: usize, k: usize, epsilon: f64) -> Plan {
        let nf = n as f64;
        let e1 = 1.0 - std::f64::consts::E.recip();
        let ln6d = (6.0 * nf).ln(); // ln(6/δ)
        let root = e1 * ln6d.sqrt() + (e1 * (ln_choose(n, k) + ln6d)).sqrt();
        let theta_max = 2.0 * nf * root * root / (epsilon * epsilon * k as f64);
        let theta0 = (2.0 * root * root).ceil().max(1.0);
        let i_max = 1 + (theta_max / theta0).log2().ceil().max(0.0) as u32;
        Plan {
            theta0: theta0 as usize,
            theta_max,
            i_max,
            a: (3.0 * i_max as f64 * nf).ln(),
            target: e1 - epsilon,
        }
    }

    /// σˡ/σᵘ for coverage `cov2` of the seeds on R₂ and the bound `upper` on the best
    /// coverage on R₁, collections of equal size (σˡ and σᵘ both scale by n/θ, which cancels).
    fn ratio(&self, cov2: f64, upper: f64) -> f64 {
        let a = self.a;
        let s = (cov2 + 2.0 * a / 9.0).sqrt() - (a / 2.0).sqrt();
        let lower = if s > 0.0 {
            (s * s - a / 18.0).max(0.0)
        } else {
            0.0
        };
        let up = ((upper + a / 2.0).sqrt() + (a / 2.0).sqrt()).powi(2);
        lower / up
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(list: &[&[u32]]) -> RrSets {
        let mut r = RrSets::new();
        for s in list {
            r.nodes.extend_from_slice(s);
            r.offsets.push(r.nodes.len());
        }
        r
    }

    #[test]
    fn ln_choose_is_exact_on_small_numbers() {
        assert!((ln_choose(10, 3) - 120f64.ln()).abs() < 1e-12);
        assert!((ln_choose(5, 5) - 0.0).abs() < 1e-12);
    }

    #[test]
    fn coverage_greedy_on_hand_made_sets() {
        // sets: {0,1}, {1}, {1,2}, {3}: greedy picks 1 (3 sets) then 3
        let r = sets(&[&[0, 1], &[1], &[1, 2], &[3]]);
        let c = max_coverage(4, &r, 2);
        assert_eq!((c.seeds, c.covered, c.last_gain), (vec![1, 3], 4, 1));
        // nothing beats covering every set, and here the greedy is optimal
        assert_eq!(c.upper, 4.0);
        assert_eq!(coverage(4, &r, &[0, 2]), 2);
        // ties go to the lower id; once all is covered, the lowest ids left
        let r = sets(&[&[2, 5], &[5, 2]]);
        let c = max_coverage(6, &r, 3);
        assert_eq!((c.seeds, c.covered), (vec![2, 0, 1], 2));
    }

    /// The lazy heap picks exactly what a full scan for the largest count (ties to the lower
    /// id) picks, on random collections.
    #[test]
    fn the_lazy_greedy_is_the_plain_greedy() {
        let mut rng = rng_from_seed(3);
        for trial in 0..50 {
            let n = 5 + below(&mut rng, 60) as usize;
            let mut r = RrSets::new();
            for _ in 0..below(&mut rng, 400) {
                let len = 1 + below(&mut rng, 6) as usize;
                let mut set: Vec<u32> =
                    (0..len).map(|_| below(&mut rng, n as u64) as u32).collect();
                set.sort();
                set.dedup();
                r.nodes.extend_from_slice(&set);
                r.offsets.push(r.nodes.len());
            }
            let k = 1 + below(&mut rng, n as u64) as usize;
            // the plain greedy
            let mut covered = vec![false; r.len()];
            let mut seeds = Vec::new();
            for _ in 0..k {
                let mut best = (0, u32::MAX);
                for v in 0..n as u32 {
                    if seeds.contains(&v) {
                        continue;
                    }
                    let gain = (0..r.len())
                        .filter(|&s| !covered[s] && r.set(s).contains(&v))
                        .count();
                    if best.1 == u32::MAX || gain > best.0 {
                        best = (gain, v);
                    }
                }
                seeds.push(best.1);
                for (s, c) in covered.iter_mut().enumerate() {
                    *c |= r.set(s).contains(&best.1);
                }
            }
            let c = max_coverage(n, &r, k);
            assert_eq!(c.seeds, seeds, "trial {trial}");
            assert_eq!(c.covered, covered.iter().filter(|&&c| c).count() as u64);
            assert_eq!(coverage(n, &r, &c.seeds), c.covered);
        }
    }

    #[test]
    fn the_coverage_bound_is_an_upper_bound_and_tighter_than_the_ratio() {
        // {0,1}, {0,2}, {1,3}, {2,3}: the greedy takes 0 (2 sets) then 3 (2 sets): optimal 4;
        // with k = 1 the best covers 2
        let r = sets(&[&[0, 1], &[0, 2], &[1, 3], &[2, 3]]);
        let c = max_coverage(4, &r, 1);
        assert_eq!(c.upper, 2.0);
        // a case where the greedy is not optimal: sets {0,1,2}, {3,4} × 2, {5,6} × 2 … the
        // bound stays at least the optimum, and at most Λ(S_k)/(1 − (1 − 1/k)^k)
        let r = sets(&[&[0, 1], &[0, 1], &[0, 2], &[1, 2], &[1, 3], &[3], &[2]]);
        for k in 1..=4 {
            let c = max_coverage(4, &r, k);
            // the optimum by brute force
            let mut best = 0;
            for mask in 0u32..16 {
                if mask.count_ones() as usize != k {
                    continue;
                }
                let seeds: Vec<u32> = (0..4).filter(|v| mask >> v & 1 == 1).collect();
                best = best.max(coverage(4, &r, &seeds));
            }
            assert!(c.upper >= best as f64, "k {k}: {} < {best}", c.upper);
            let kf = k as f64;
            assert!(c.upper <= c.covered as f64 / (1.0 - (1.0 - 1.0 / kf).powf(kf)) + 1e-9);
        }
    }

    #[test]
    fn the_plan_follows_the_formulas() {
        // n = 317,080, k = 50, ε = 0.1: θ₀ = 2·(…)² ≈ 814 and i_max = 1 + ⌈log2(n/(ε²k))⌉
        let p = Plan::new(317_080, 50, 0.1);
        assert!((810..820).contains(&p.theta0), "{p:?}");
        assert_eq!(
            p.i_max,
            1 + (317_080f64 / (0.01 * 50.0)).log2().ceil() as u32
        );
        // the last size reaches θ_max, the one before does not
        let last = p.theta0 as f64 * 2f64.powi(p.i_max as i32 - 1);
        assert!(last >= p.theta_max && last / 2.0 < p.theta_max, "{p:?}");
        assert!((p.target - (1.0 - (-1f64).exp() - 0.1)).abs() < 1e-12);
        // the bounds: equal coverage on both sides gives a ratio below 1 that rises to 1
        let r1 = p.ratio(1000.0, 1000.0);
        let r2 = p.ratio(100_000.0, 100_000.0);
        assert!(r1 < r2 && r2 < 1.0 && r2 > 0.9, "{r1} {r2}");
        // σˡ solves Λ = μ + a/3 + √(a²/9 + 2aμ): the mean that the coverage would exceed by
        // chance with probability e^(−a)
        let a = p.a;
        let cov = 5000.0;
        let s = (cov + 2.0 * a / 9.0_f64).sqrt() - (a / 2.0_f64).sqrt();
        let mu = s * s - a / 18.0;
        assert!((mu + a / 3.0 + (a * a / 9.0 + 2.0 * a * mu).sqrt() - cov).abs() < 1e-6);
        // σᵘ solves Λ = μ − √(2aμ)
        let up = ((cov + a / 2.0).sqrt() + (a / 2.0).sqrt()).powi(2);
        assert!((up - (2.0 * a * up).sqrt() - cov).abs() < 1e-6);
        assert_eq!(p.ratio(0.0, 10.0), 0.0);
    }

    /// The weighted cascade's two samplers (one draw per arc up to [`WC_SKIP_FROM`] in-arcs,
    /// geometric skips above) keep each in-arc of a node with in-degree d with probability
    /// 1/d, independently.
    #[test]
    fn weighted_cascade_keeps_each_in_arc_with_probability_one_over_the_in_degree() {
        for d in [5usize, 32, 33, 200] {
            // node 0 hears from 1..=d, who hear from nobody
            let arcs: Vec<(u32, u32)> = (1..=d as u32).map(|u| (u, 0)).collect();
            let net = Network::from_edges(d + 1, true, &arcs, None).unwrap();
            let drawer = Drawer {
                net: &net,
                sampler: Sampler::Ic {
                    prob: IcProb::WeightedCascade,
                    skip: Skipper::new(0.0),
                },
                seed: 0,
            };
            let mut sc = Scratch::new(d + 1);
            let mut rng = rng_from_seed(d as u64);
            let (mut rooted, mut kept, mut pairs) = (0u64, vec![0u64; d + 1], 0u64);
            while rooted < 40_000 {
                drawer.sample(&mut rng, &mut sc);
                if sc.queue[0] != 0 {
                    assert_eq!(sc.queue.len(), 1);
                    continue;
                }
                rooted += 1;
                for &u in &sc.queue[1..] {
                    kept[u as usize] += 1;
                }
                // independence: both 1 and 2 kept, probability 1/d²
                pairs += (sc.queue.contains(&1) && sc.queue.contains(&2)) as u64;
            }
            let p = 1.0 / d as f64;
            let total: u64 = kept.iter().sum();
            // the mean count kept is d·p = 1 (sd of the mean ≈ √((1 − p)/40,000))
            let mean = total as f64 / rooted as f64;
            assert!(
                (mean - 1.0).abs() < 5.0 * ((1.0 - p) / 40_000f64).sqrt(),
                "d {d}: {mean}"
            );
            // each in-neighbour alike: chi-square over the d cells, d − 1 dof, 5 sd above
            let e = rooted as f64 * p;
            let chi: f64 = kept[1..].iter().map(|&c| (c as f64 - e).powi(2) / e).sum();
            let dof = (d - 1) as f64;
            assert!(chi < dof + 5.0 * (2.0 * dof).sqrt(), "d {d}: chi² {chi}");
            let pe = rooted as f64 * p * p;
            assert!(
                (pairs as f64 - pe).abs() < 5.0 * pe.sqrt() + 1.0,
                "d {d}: {pairs} vs {pe}"
            );
        }
    }

    #[test]
    fn star_hub_first_and_errors() {
        let star = crate::generate::star(50).unwrap();
        let m = Model::Ic(crate::model::IndependentCascade::uniform(0.5).unwrap());
        let r = imm(&star, &m, 1, 0.3, 1).unwrap();
        assert_eq!(r.seeds, vec![0]);
        assert!(r.certified >= 1.0 - (-1f64).exp() - 0.3, "{r:?}");
        // the sizes: θ₀ doubled, both collections; far below θ_max when the bounds meet
        let plan = Plan::new(50, 1, 0.3);
        let per = r.rr_sets / 2;
        assert_eq!(r.rr_sets % 2, 0);
        assert!(
            per % plan.theta0 == 0 && (per / plan.theta0).is_power_of_two(),
            "{r:?}"
        );
        assert!((per as f64) < plan.theta_max / 4.0, "{r:?} {plan:?}");
        // spread of the hub: 1 + 49 × 0.5, estimated on R₂ (half the sets) within 4 sd
        let (theta, share) = ((r.rr_sets / 2) as f64, 25.5 / 50.0);
        let sd = 50.0 * (share * (1.0 - share) / theta).sqrt();
        assert!(
            (r.estimated_spread - 25.5).abs() < 4.0 * sd,
            "{} ± {sd}",
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
    fn the_sets_and_seeds_do_not_depend_on_the_threads() {
        let net =
            crate::generate::barabasi_albert(3000, 3, &mut crate::rng::rng_from_seed(5)).unwrap();
        for model in [
            Model::Ic(crate::model::IndependentCascade::weighted_cascade()),
            Model::Ic(crate::model::IndependentCascade::uniform(0.05).unwrap()),
        ] {
            let run = |threads| {
                let opts = ImmOptions {
                    budget: MAX_RR_BYTES,
                    threads,
                };
                imm_with(&net, &model, 5, 0.05, 9, &opts).unwrap()
            };
            let one = run(1);
            // enough sets that 2 and 3 threads really split them
            assert!(one.rr_sets > 4 * MIN_SETS_PER_THREAD, "{one:?}");
            assert_eq!(one, run(2));
            assert_eq!(one, run(3));
        }
    }

    /// Where RR sets hold a large share of the nodes, the last of k seeds adds little to the
    /// first one's cover: the floor on its gain gives way after FLOOR_ENTRIES_PER_NODE·n
    /// drawn entries instead of drawing until the memory runs out.
    #[test]
    fn the_floor_gives_way_when_cascades_are_large() {
        let net = crate::generate::barabasi_albert(3000, 5, &mut rng_from_seed(6)).unwrap();
        let m = Model::Ic(crate::model::IndependentCascade::uniform(0.2).unwrap());
        let r = imm(&net, &m, 10, 0.5, 2).unwrap();
        // each set holds most of the graph: θ₀ sets already pass the cap, so it stops at the
        // first or second size (θ₀ or 2θ₀ per collection), not at the floor
        let plan = Plan::new(3000, 10, 0.5);
        assert!(r.rr_sets <= 4 * plan.theta0, "{r:?} {plan:?}");
        assert!(r.estimated_spread > 0.5 * 3000.0, "{r:?}");
        assert!(r.certified >= 1.0 - (-1f64).exp() - 0.5, "{r:?}");
    }

    #[test]
    fn memory_budget_and_epsilon_are_checked_before_the_work() {
        let net = crate::generate::karate_club();
        let ic = Model::Ic(crate::model::IndependentCascade::uniform(0.1).unwrap());
        for e in [0.0, 0.005, 1.0, f64::NAN] {
            let err = imm(&net, &ic, 1, e, 1).unwrap_err().to_string();
            assert!(err.starts_with("epsilon: must be in [0.01, 1)"), "{err}");
        }
        // a weakly spreading graph at ε = 0.01 needs millions of sets: a 1 MiB budget refuses
        // quickly, naming epsilon and the sizes
        let big =
            crate::generate::barabasi_albert(20_000, 2, &mut crate::rng::rng_from_seed(1)).unwrap();
        let weak = Model::Ic(crate::model::IndependentCascade::uniform(0.01).unwrap());
        let t = std::time::Instant::now();
        let err = imm_within(&big, &weak, 10, 0.01, 1, 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("epsilon: imm would need"), "{err}");
        assert!(err.contains("over its limit of 1 MB"), "{err}");
        assert!(t.elapsed().as_secs() < 5);
        // ε = 0.01 within the real budget works
        assert_eq!(imm(&net, &ic, 1, 0.01, 1).unwrap().seeds.len(), 1);
    }
}
