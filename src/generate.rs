//! Seeded network generators, one function each. All produce undirected networks.
//!
//! Each takes its parameters and a `&mut R` generator; the same parameters and generator state
//! give the same network on every platform. Parameters are validated here and errors name the
//! parameter as it is written in a spec string (`ba:n=1000,m=5` → `m`).

use crate::error::{check_prob, Code, Error, FieldPath, Result};
use crate::network::Network;
use crate::rng::{below, uniform, RngCore, Skipper};
use std::collections::HashSet;

/// `n: must be greater than k = …`.
fn greater_than_k(k: usize, n: usize) -> Error {
    Error::new(
        "n",
        Code::GreaterThanParam {
            name: "k".to_string(),
            value: k as u64,
            got: n as u64,
        },
    )
}

fn check_n(n: usize, min: usize) -> Result<()> {
    if n < min {
        return Err(Error::new(
            "n",
            Code::AtLeastGot {
                min: min as u64,
                got: n as u64,
            },
        ));
    }
    if n > u32::MAX as usize - 1 {
        return Err(Error::over_limit("n", None, u32::MAX as u64 - 1, n as u64));
    }
    Ok(())
}

/// An edge count computed in u64, checked to fit the network's arc limit before anything is
/// allocated for it (so that no `usize` product can wrap on 32-bit targets).
fn edge_capacity(edges: u64) -> Result<usize> {
    let max = crate::network::MAX_ARCS as u64 / 2;
    if edges > max {
        return Err(Error::over_limit("edges", None, max, edges));
    }
    Ok(edges as usize)
}

#[inline]
fn key(u: u32, v: u32) -> u64 {
    let (a, b) = if u < v { (u, v) } else { (v, u) };
    ((a as u64) << 32) | b as u64
}

/// Erdős–Rényi G(n, p): every pair of distinct nodes is an edge with probability `p`.
///
/// # Complexity
/// O(n + m) expected: geometric skipping over the pairs (Batagelj & Brandes 2005), not O(n²).
///
/// # Errors
/// `n`: 0 or over `u32::MAX − 1`; `p`: not a probability; `arcs`: more than the CSR holds.
///
/// # Examples
/// ```
/// let mut rng = viralsim::rng::rng_from_seed(1);
/// let g = viralsim::generate::erdos_renyi_gnp(1000, 0.01, &mut rng).unwrap();
/// assert_eq!(g.node_count(), 1000);
/// assert!((4000..6000).contains(&g.edge_count())); // expected 4995
/// ```
pub fn erdos_renyi_gnp<R: RngCore + ?Sized>(n: usize, p: f64, rng: &mut R) -> Result<Network> {
    check_n(n, 1)?;
    check_prob("p", p)?;
    let mut edges =
        Vec::with_capacity(((n as f64) * (n as f64 - 1.0) / 2.0 * p * 1.05) as usize + 16);
    if p > 0.0 {
        let skip = Skipper::new(p);
        let (mut v, mut w): (u64, i64) = (1, -1);
        let n64 = n as u64;
        while v < n64 {
            let g = skip.next_gap(rng);
            if g == u64::MAX {
                break;
            }
            w = w
                .saturating_add(1)
                .saturating_add(g.min(i64::MAX as u64 / 2) as i64);
            while w >= v as i64 && v < n64 {
                w -= v as i64;
                v += 1;
            }
            if v < n64 {
                edges.push((v as u32, w as u32));
            }
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// Erdős–Rényi G(n, m): `m` distinct edges chosen uniformly among all pairs.
///
/// # Complexity
/// O(n + m) expected (rejection of repeats; when `m` is over half of all pairs the missing
/// edges are drawn instead).
///
/// # Errors
/// `n`: 0 or over `u32::MAX − 1`; `m`: more than the n (n − 1) / 2 pairs.
pub fn erdos_renyi_gnm<R: RngCore + ?Sized>(n: usize, m: usize, rng: &mut R) -> Result<Network> {
    check_n(n, 1)?;
    let total = n as u64 * (n as u64 - 1) / 2;
    if m as u64 > total {
        return Err(Error::new(
            "m",
            Code::SimpleGraphEdges {
                n: n as u64,
                max: total,
                got: m as u64,
            },
        ));
    }
    let complement = (m as u64) > total / 2;
    let draw = if complement {
        (total - m as u64) as usize
    } else {
        m
    };
    let mut chosen: HashSet<u64> = HashSet::with_capacity(draw);
    let mut order = Vec::with_capacity(draw);
    while order.len() < draw {
        let u = below(rng, n as u64) as u32;
        let v = below(rng, n as u64) as u32;
        if u != v && chosen.insert(key(u, v)) {
            order.push((u, v));
        }
    }
    let edges: Vec<(u32, u32)> = if complement {
        let mut e = Vec::with_capacity(m);
        for u in 0..n as u32 {
            for v in u + 1..n as u32 {
                if !chosen.contains(&key(u, v)) {
                    e.push((u, v));
                }
            }
        }
        e
    } else {
        order
    };
    Network::from_edges(n, false, &edges, None)
}

/// Barabási–Albert preferential attachment: starts from a star on `m + 1` nodes; each new node
/// links to `m` distinct existing nodes chosen with probability proportional to degree (as
/// networkx does). `m·(n − m)` edges.
///
/// # Complexity
/// O(n·m²) expected: targets are drawn from the list of edge endpoints (O(1) a draw), and each
/// new node checks its up to `m` chosen targets for a repeat.
///
/// # Errors
/// `m`: 0; `n`: not greater than `m`, or over `u32::MAX − 1`; `edges`: m (n − m) over
/// [`MAX_ARCS`](crate::network::MAX_ARCS) / 2.
pub fn barabasi_albert<R: RngCore + ?Sized>(n: usize, m: usize, rng: &mut R) -> Result<Network> {
    holme_kim_inner(n, m, 0.0, rng, "m")
}

/// Holme–Kim: Barabási–Albert with triad formation. After each preferential link to `w`, the
/// next link of the same new node goes, with probability `pt`, to a random neighbour of `w`
/// (closing a triangle) when one is free. Power-law degrees with tunable clustering.
///
/// # Complexity
/// O(n·m²) expected, as [`barabasi_albert`] (a triad-formation step makes at most 4 tries).
///
/// # Errors
/// `pt`: not a probability; otherwise as [`barabasi_albert`].
pub fn holme_kim<R: RngCore + ?Sized>(n: usize, m: usize, pt: f64, rng: &mut R) -> Result<Network> {
    check_prob("pt", pt)?;
    holme_kim_inner(n, m, pt, rng, "m")
}

fn holme_kim_inner<R: RngCore + ?Sized>(
    n: usize,
    m: usize,
    pt: f64,
    rng: &mut R,
    mname: &str,
) -> Result<Network> {
    if m < 1 {
        return Err(Error::new(
            mname,
            Code::AtLeastGot {
                min: 1,
                got: m as u64,
            },
        ));
    }
    if n <= m {
        return Err(Error::new(
            "n",
            Code::GreaterThanParam {
                name: "m".to_string(),
                value: m as u64,
                got: n as u64,
            },
        ));
    }
    check_n(n, 2)?;
    let total = edge_capacity(m as u64 * (n - m) as u64)?;
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(total);
    // endpoint list: a node appears once per incident edge
    let mut ends: Vec<u32> = Vec::with_capacity(2 * total);
    // adjacency, needed only for triad formation
    let mut adj: Vec<Vec<u32>> = if pt > 0.0 {
        vec![Vec::new(); n]
    } else {
        Vec::new()
    };
    let add = |u: u32,
               v: u32,
               edges: &mut Vec<(u32, u32)>,
               ends: &mut Vec<u32>,
               adj: &mut Vec<Vec<u32>>| {
        edges.push((u, v));
        ends.push(u);
        ends.push(v);
        if !adj.is_empty() {
            adj[u as usize].push(v);
            adj[v as usize].push(u);
        }
    };
    for v in 1..=m as u32 {
        add(0, v, &mut edges, &mut ends, &mut adj);
    }
    let mut chosen: Vec<u32> = Vec::with_capacity(m);
    for src in (m + 1) as u32..n as u32 {
        chosen.clear();
        let mut last_pa: Option<u32> = None;
        while chosen.len() < m {
            let mut target = None;
            if let (Some(w), true) = (last_pa, pt > 0.0) {
                if uniform(rng) < pt {
                    let nb = &adj[w as usize];
                    // a random neighbour of w that is not already chosen; give up after a few tries
                    for _ in 0..4 {
                        let c = nb[below(rng, nb.len() as u64) as usize];
                        if !chosen.contains(&c) {
                            target = Some(c);
                            break;
                        }
                    }
                }
            }
            let t = match target {
                Some(t) => t,
                None => {
                    let t = ends[below(rng, ends.len() as u64) as usize];
                    if chosen.contains(&t) {
                        continue;
                    }
                    last_pa = Some(t);
                    t
                }
            };
            chosen.push(t);
        }
        for &t in &chosen {
            add(src, t, &mut edges, &mut ends, &mut adj);
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// Watts–Strogatz small world: a ring lattice where each node links to its `k/2` nearest
/// neighbours on each side, then each lattice edge `(u, u + j)` is rewired with probability `p`
/// to `(u, w)` with `w` uniform among nodes not already linked to `u`.
///
/// # Complexity
/// O(n·k) expected.
///
/// # Errors
/// `p`: not a probability; `k`: odd or below 2; `n`: not greater than `k`, or over
/// `u32::MAX − 1`; `edges`: n·k / 2 over [`MAX_ARCS`](crate::network::MAX_ARCS) / 2.
pub fn watts_strogatz<R: RngCore + ?Sized>(
    n: usize,
    k: usize,
    p: f64,
    rng: &mut R,
) -> Result<Network> {
    check_prob("p", p)?;
    if k % 2 == 1 || k < 2 {
        return Err(Error::new("k", Code::EvenAtLeastTwo { got: k as u64 }));
    }
    if n <= k {
        return Err(greater_than_k(k, n));
    }
    check_n(n, 3)?;
    let half = k / 2;
    let total = edge_capacity(n as u64 * half as u64)?;
    let mut present: HashSet<u64> = HashSet::with_capacity(total);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(total);
    let mut deg = vec![k as u32; n];
    for u in 0..n {
        for j in 1..=half {
            let v = ((u + j) % n) as u32;
            present.insert(key(u as u32, v));
            edges.push((u as u32, v));
        }
    }
    for e in edges.iter_mut() {
        if uniform(rng) < p {
            let u = e.0;
            // a node linked to everyone keeps its edge (rejection would never end)
            if deg[u as usize] as usize >= n - 1 {
                continue;
            }
            loop {
                let w = below(rng, n as u64) as u32;
                if w != u && !present.contains(&key(u, w)) {
                    present.remove(&key(e.0, e.1));
                    present.insert(key(u, w));
                    deg[e.1 as usize] -= 1;
                    deg[w as usize] += 1;
                    e.1 = w;
                    break;
                }
            }
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// The most segments a stochastic block model may have: its generation visits every pair of
/// segments, so its cost grows with their square.
pub const MAX_SBM_SEGMENTS: usize = 1000;

/// Stochastic block model ("audience segments"): `sizes[i]` nodes in segment `i` (numbered
/// consecutively), each pair linked with probability `p_in` inside a segment and `p_out` across
/// segments. Every node is tagged with its segment ([`Network::segments`]).
///
/// # Complexity
/// O(n + m + s²) expected for s segments: geometric skipping inside each block pair.
///
/// # Errors
/// `p_in`, `p_out`: not a probability; `sizes`: no segment, more than [`MAX_SBM_SEGMENTS`], or
/// an empty one; `n`: their total over `u32::MAX − 1`.
pub fn stochastic_block_model<R: RngCore + ?Sized>(
    sizes: &[usize],
    p_in: f64,
    p_out: f64,
    rng: &mut R,
) -> Result<Network> {
    check_prob("p_in", p_in)?;
    check_prob("p_out", p_out)?;
    if sizes.is_empty() || sizes.len() > MAX_SBM_SEGMENTS {
        return Err(Error::new(
            "sizes",
            Code::SegmentCount {
                max: MAX_SBM_SEGMENTS as u64,
                got: sizes.len() as u64,
            },
        ));
    }
    if let Some(i) = sizes.iter().position(|&s| s == 0) {
        return Err(Error::new(
            "sizes",
            Code::EmptySegment { segment: i as u64 },
        ));
    }
    let n = sizes
        .iter()
        .try_fold(0usize, |a, &s| a.checked_add(s))
        .unwrap_or(usize::MAX);
    check_n(n, 1)?;
    let mut starts = vec![0usize; sizes.len() + 1];
    for (i, s) in sizes.iter().enumerate() {
        starts[i + 1] = starts[i] + s;
    }
    let mut edges = Vec::new();
    for a in 0..sizes.len() {
        for b in a..sizes.len() {
            let p = if a == b { p_in } else { p_out };
            if p <= 0.0 {
                continue;
            }
            let skip = Skipper::new(p);
            let (sa, sb) = (sizes[a] as u64, sizes[b] as u64);
            let pairs = if a == b { sa * (sa - 1) / 2 } else { sa * sb };
            let mut idx: u64 = 0;
            loop {
                let g = skip.next_gap(rng);
                idx = idx.saturating_add(g);
                if idx >= pairs {
                    break;
                }
                let (i, j) = if a == b {
                    // idx → (row i > col j) in the strict lower triangle
                    let i = ((1.0 + (1.0 + 8.0 * idx as f64).sqrt()) / 2.0).floor() as u64;
                    let mut i = i.max(1);
                    while i * (i - 1) / 2 > idx {
                        i -= 1;
                    }
                    while (i + 1) * i / 2 <= idx {
                        i += 1;
                    }
                    (i, idx - i * (i - 1) / 2)
                } else {
                    (idx / sb, idx % sb)
                };
                edges.push(((starts[a] as u64 + i) as u32, (starts[b] as u64 + j) as u32));
                idx += 1;
            }
        }
    }
    let mut seg = Vec::with_capacity(n);
    for (i, &s) in sizes.iter().enumerate() {
        seg.extend(std::iter::repeat_n(i as u16, s));
    }
    Network::from_edges(n, false, &edges, None)?.with_segments(seg)
}

/// Configuration model with a power-law degree sequence: degrees drawn from P(k) ∝ k^(−gamma)
/// for `k_min ≤ k ≤ k_max` (by default `k_max` = √n, the structural cutoff), stubs matched
/// uniformly at random; self-loops and repeated edges are dropped (the "erased" configuration
/// model) and counted in the build report.
///
/// # Complexity
/// O(n + m) plus the degree table (O(k_max)).
///
/// # Errors
/// `n`: below 2 or over `u32::MAX − 1`; `gamma`: not a number > 1; `kmin`: not
/// 1 ≤ k_min ≤ k_max < n.
pub fn configuration_power_law<R: RngCore + ?Sized>(
    n: usize,
    gamma: f64,
    k_min: usize,
    k_max: Option<usize>,
    rng: &mut R,
) -> Result<Network> {
    check_n(n, 2)?;
    if !(gamma.is_finite() && gamma > 1.0) {
        return Err(Error::new(
            "gamma",
            Code::GreaterThan {
                min: 1.0,
                got: gamma,
            },
        ));
    }
    let k_max = k_max.unwrap_or(((n as f64).sqrt() as usize).max(k_min));
    if k_min < 1 || k_min > k_max || k_max >= n {
        return Err(Error::new(
            "kmin",
            Code::DegreeBounds {
                kmin: k_min as u64,
                kmax: k_max as u64,
                n: n as u64,
            },
        ));
    }
    // cumulative distribution over k_min..=k_max
    let mut cdf = Vec::with_capacity(k_max - k_min + 1);
    let mut acc = 0.0;
    for k in k_min..=k_max {
        acc += libm::pow(k as f64, -gamma);
        cdf.push(acc);
    }
    let mut stubs: Vec<u32> = Vec::new();
    for u in 0..n as u32 {
        let x = uniform(rng) * acc;
        let idx = cdf.partition_point(|&c| c <= x).min(cdf.len() - 1);
        let d = k_min + idx;
        stubs.extend(std::iter::repeat_n(u, d));
    }
    if stubs.len() % 2 == 1 {
        stubs.push(below(rng, n as u64) as u32);
    }
    // Fisher–Yates, then pair consecutive stubs
    for i in (1..stubs.len()).rev() {
        let j = below(rng, i as u64 + 1) as usize;
        stubs.swap(i, j);
    }
    let edges: Vec<(u32, u32)> = stubs.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    Network::from_edges(n, false, &edges, None)
}

/// Complete graph K_n.
///
/// # Errors
/// `n`: 0; over 20,000 nodes (a [`Code::OverLimit`](crate::error::Code::OverLimit), 200 million edges).
pub fn complete(n: usize) -> Result<Network> {
    check_n(n, 1)?;
    if n > 20_000 {
        return Err(Error::over_limit(
            FieldPath::name("complete graph nodes"),
            None,
            20_000,
            n as u64,
        ));
    }
    let mut edges = Vec::with_capacity(n * (n - 1) / 2);
    for u in 0..n as u32 {
        for v in u + 1..n as u32 {
            edges.push((u, v));
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// Ring lattice: each node linked to its `k/2` nearest neighbours on each side (`k` even).
///
/// # Errors
/// `k`: odd; `n`: not greater than `k`, or over `u32::MAX − 1`; `edges`: n·k / 2 over
/// [`MAX_ARCS`](crate::network::MAX_ARCS) / 2.
pub fn ring_lattice(n: usize, k: usize) -> Result<Network> {
    if k % 2 == 1 {
        return Err(Error::new("k", Code::Even { got: k as u64 }));
    }
    if n <= k {
        return Err(greater_than_k(k, n));
    }
    check_n(n, 1)?;
    let mut edges = Vec::with_capacity(edge_capacity(n as u64 * (k as u64 / 2))?);
    for u in 0..n {
        for j in 1..=k / 2 {
            edges.push((u as u32, ((u + j) % n) as u32));
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// Star: node 0 is the hub, linked to nodes `1..n`.
///
/// # Errors
/// `n`: 0 or over `u32::MAX − 1`.
pub fn star(n: usize) -> Result<Network> {
    check_n(n, 1)?;
    let edges: Vec<(u32, u32)> = (1..n as u32).map(|v| (0, v)).collect();
    Network::from_edges(n, false, &edges, None)
}

/// Path 0 – 1 – … – (n − 1).
///
/// # Errors
/// `n`: 0 or over `u32::MAX − 1`.
pub fn path(n: usize) -> Result<Network> {
    check_n(n, 1)?;
    let edges: Vec<(u32, u32)> = (1..n as u32).map(|v| (v - 1, v)).collect();
    Network::from_edges(n, false, &edges, None)
}

/// 2-D grid of `rows × cols` nodes, 4-neighbour links; node `r·cols + c` is at row `r`, column `c`.
///
/// # Errors
/// `rows`: `rows` or `cols` is 0, or their product overflows; `n`: over `u32::MAX − 1`.
pub fn grid(rows: usize, cols: usize) -> Result<Network> {
    if rows == 0 || cols == 0 {
        return Err(Error::new(
            "rows",
            Code::GridSize {
                rows: rows as u64,
                cols: cols as u64,
            },
        ));
    }
    let n = rows
        .checked_mul(cols)
        .ok_or_else(|| Error::new("rows", Code::GridOverflow))?;
    check_n(n, 1)?;
    let mut edges = Vec::with_capacity(edge_capacity(2 * n as u64)?);
    for r in 0..rows {
        for c in 0..cols {
            let u = (r * cols + c) as u32;
            if c + 1 < cols {
                edges.push((u, u + 1));
            }
            if r + 1 < rows {
                edges.push((u, u + cols as u32));
            }
        }
    }
    Network::from_edges(n, false, &edges, None)
}

/// Zachary's karate club (1977): 34 members, 78 friendships, numbered as in networkx
/// (0 is the instructor "Mr. Hi", 33 the administrator "John A.").
pub fn karate_club() -> Network {
    const ADJ: &[(u32, &[u32])] = &[
        (0, &[1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 17, 19, 21, 31]),
        (1, &[2, 3, 7, 13, 17, 19, 21, 30]),
        (2, &[3, 7, 8, 9, 13, 27, 28, 32]),
        (3, &[7, 12, 13]),
        (4, &[6, 10]),
        (5, &[6, 10, 16]),
        (6, &[16]),
        (8, &[30, 32, 33]),
        (9, &[33]),
        (13, &[33]),
        (14, &[32, 33]),
        (15, &[32, 33]),
        (18, &[32, 33]),
        (19, &[33]),
        (20, &[32, 33]),
        (22, &[32, 33]),
        (23, &[25, 27, 29, 32, 33]),
        (24, &[25, 27, 31]),
        (25, &[31]),
        (26, &[29, 33]),
        (27, &[33]),
        (28, &[31, 33]),
        (29, &[32, 33]),
        (30, &[32, 33]),
        (31, &[32, 33]),
        (32, &[33]),
    ];
    let edges: Vec<(u32, u32)> = ADJ
        .iter()
        .flat_map(|(u, vs)| vs.iter().map(move |&v| (*u, v)))
        .collect();
    // 78 distinct edges between nodes 0..34, no self-loop (the `karate_club` test checks it):
    // `from_edges` cannot refuse them. (No `expect`: its message would format the error with
    // `Debug`, whose code for every error code is 6 KB of the widget's wasm.)
    match Network::from_edges(34, false, &edges, None) {
        Ok(net) => net,
        Err(_) => unreachable!("the karate club edge list is valid"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::rng_from_seed;

    fn simple(net: &Network) {
        for u in 0..net.node_count() as u32 {
            let nb = net.neighbors(u);
            assert!(
                nb.windows(2).all(|w| w[0] < w[1]),
                "row {u} sorted, no duplicates"
            );
            assert!(!nb.contains(&u), "no self-loop at {u}");
        }
    }

    #[test]
    fn karate_matches_networkx() {
        let k = karate_club();
        assert_eq!((k.node_count(), k.edge_count()), (34, 78));
        let mut by_deg: Vec<u32> = (0..34).collect();
        by_deg.sort_by_key(|&u| (std::cmp::Reverse(k.out_degree(u)), u));
        assert_eq!(&by_deg[..10], &[33, 0, 32, 2, 1, 3, 31, 8, 13, 23]);
        assert_eq!(k.out_degree(33), 17);
        assert_eq!(k.out_degree(0), 16);
    }

    #[test]
    fn gnp_edge_count_and_degree() {
        let mut r = rng_from_seed(5);
        let n = 20_000;
        let p = 5.0 / (n as f64 - 1.0);
        let g = erdos_renyi_gnp(n, p, &mut r).unwrap();
        simple(&g);
        let expected = p * (n as f64) * (n as f64 - 1.0) / 2.0;
        let sd = (expected * (1.0 - p)).sqrt();
        assert!(
            (g.edge_count() as f64 - expected).abs() < 4.0 * sd,
            "{} vs {expected}",
            g.edge_count()
        );
        assert_eq!(g.report(), Default::default());
        // p = 1 gives the complete graph, p = 0 the empty one
        assert_eq!(erdos_renyi_gnp(30, 1.0, &mut r).unwrap().edge_count(), 435);
        assert_eq!(erdos_renyi_gnp(30, 0.0, &mut r).unwrap().edge_count(), 0);
    }

    #[test]
    fn gnm_exact_count() {
        let mut r = rng_from_seed(6);
        let g = erdos_renyi_gnm(100, 300, &mut r).unwrap();
        assert_eq!(g.edge_count(), 300);
        simple(&g);
        let g = erdos_renyi_gnm(10, 44, &mut r).unwrap();
        assert_eq!(g.edge_count(), 44);
        assert!(erdos_renyi_gnm(10, 46, &mut r)
            .unwrap_err()
            .to_string()
            .starts_with("m:"));
    }

    #[test]
    fn ba_counts_and_min_degree() {
        let mut r = rng_from_seed(7);
        let g = barabasi_albert(2000, 3, &mut r).unwrap();
        assert_eq!(g.edge_count(), 3 * (2000 - 3));
        simple(&g);
        assert!((0..2000).all(|u| g.out_degree(u) >= 3 || u == 0 || u <= 3));
        let max = (0..2000).map(|u| g.out_degree(u)).max().unwrap();
        assert!(max > 40, "hubs form: max degree {max}");
        assert!(barabasi_albert(3, 3, &mut r).is_err());
        assert!(barabasi_albert(10, 0, &mut r)
            .unwrap_err()
            .to_string()
            .starts_with("m:"));
    }

    #[test]
    fn holme_kim_has_more_triangles_than_ba() {
        let mut r = rng_from_seed(8);
        let ba = barabasi_albert(3000, 3, &mut r).unwrap();
        let hk = holme_kim(3000, 3, 0.9, &mut r).unwrap();
        simple(&hk);
        assert_eq!(hk.edge_count(), ba.edge_count());
        let (cb, ch) = (
            crate::metrics::average_clustering(&ba),
            crate::metrics::average_clustering(&hk),
        );
        assert!(ch > 3.0 * cb, "clustering HK {ch} vs BA {cb}");
    }

    #[test]
    fn ws_keeps_edge_count() {
        let mut r = rng_from_seed(9);
        let g = watts_strogatz(1000, 10, 0.1, &mut r).unwrap();
        assert_eq!(g.edge_count(), 5000);
        simple(&g);
        let lattice = watts_strogatz(100, 4, 0.0, &mut r).unwrap();
        assert_eq!(lattice.neighbors(0), &[1, 2, 98, 99]);
        assert!(watts_strogatz(100, 3, 0.1, &mut r)
            .unwrap_err()
            .to_string()
            .starts_with("k:"));
    }

    #[test]
    fn sbm_blocks() {
        let mut r = rng_from_seed(10);
        let g = stochastic_block_model(&[300, 200], 0.1, 0.0, &mut r).unwrap();
        simple(&g);
        let seg = g.segments().unwrap();
        assert_eq!(seg[299], 0);
        assert_eq!(seg[300], 1);
        for u in 0..500u32 {
            for &v in g.neighbors(u) {
                assert_eq!(
                    seg[u as usize], seg[v as usize],
                    "no cross edges when p_out = 0"
                );
            }
        }
        let expected = 0.1 * (300.0 * 299.0 / 2.0 + 200.0 * 199.0 / 2.0);
        let sd = (expected * 0.9f64).sqrt();
        assert!((g.edge_count() as f64 - expected).abs() < 4.0 * sd);
        // complete blocks: p_in = 1 gives every pair exactly once
        let g = stochastic_block_model(&[5, 4], 1.0, 1.0, &mut r).unwrap();
        assert_eq!(g.edge_count(), 36);
    }

    #[test]
    fn configuration_model_degrees() {
        let mut r = rng_from_seed(11);
        let g = configuration_power_law(10_000, 2.5, 2, None, &mut r).unwrap();
        simple(&g);
        assert!(g.edge_count() > 10_000);
        assert!((0..10_000).all(|u| g.out_degree(u) <= 100));
        assert!(configuration_power_law(100, 0.5, 2, None, &mut r)
            .unwrap_err()
            .to_string()
            .starts_with("gamma:"));
    }

    #[test]
    fn teaching_graphs() {
        assert_eq!(complete(6).unwrap().edge_count(), 15);
        assert_eq!(ring_lattice(10, 4).unwrap().edge_count(), 20);
        assert_eq!(star(5).unwrap().out_degree(0), 4);
        let g = grid(3, 4).unwrap();
        assert_eq!(g.edge_count(), 3 * 3 + 2 * 4);
        assert_eq!(g.neighbors(5), &[1, 4, 6, 9]);
        assert_eq!(path(4).unwrap().edge_count(), 3);
    }

    #[test]
    fn same_seed_same_network() {
        let a = barabasi_albert(500, 2, &mut rng_from_seed(3)).unwrap();
        let b = barabasi_albert(500, 2, &mut rng_from_seed(3)).unwrap();
        assert_eq!(a.targets(), b.targets());
        let c = barabasi_albert(500, 2, &mut rng_from_seed(4)).unwrap();
        assert_ne!(a.targets(), c.targets());
    }
}
