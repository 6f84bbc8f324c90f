//! Degree discount (Chen, Wang & Yang 2009): pick high-degree nodes, but discount a node's degree
//! for each neighbour already picked, since their audiences overlap.

use crate::network::Network;
use std::collections::BinaryHeap;

/// `k` seeds by degree discount for an Independent Cascade with uniform probability `p`:
/// dd(v) = d(v) − 2 t(v) − (d(v) − t(v)) · t(v) · p, with t(v) the number of v's neighbours
/// already picked. With `p = 0` the rule is d(v) − 2 t(v), which still avoids neighbours of
/// seeds.
///
/// # Complexity
/// O(k · d_max · log n + n log n) with a lazy max-heap.
///
/// # Examples
/// ```
/// // two stars joined hub to hub: the second seed is the other hub, not a leaf
/// let mut edges = vec![(0, 5)];
/// for v in 1..5 { edges.push((0, v)); }
/// for v in 6..9 { edges.push((5, v)); }
/// let net = viralsim::Network::from_edges(9, false, &edges, None).unwrap();
/// assert_eq!(viralsim::influence::degree_discount::degree_discount(&net, 2, 0.1), vec![0, 5]);
/// ```
pub fn degree_discount(net: &Network, k: usize, p: f64) -> Vec<u32> {
    let n = net.node_count();
    let k = k.min(n);
    let deg: Vec<f64> = (0..n as u32).map(|u| net.out_degree(u) as f64).collect();
    let mut t = vec![0f64; n];
    let mut picked = vec![false; n];
    let score = |v: usize, t: &[f64]| deg[v] - 2.0 * t[v] - (deg[v] - t[v]) * t[v] * p;
    // heap of (score, Reverse(id)); stale entries are re-pushed with their current score
    let mut heap: BinaryHeap<(OrdF64, std::cmp::Reverse<u32>)> = (0..n)
        .map(|v| (OrdF64(deg[v]), std::cmp::Reverse(v as u32)))
        .collect();
    let mut out = Vec::with_capacity(k);
    while out.len() < k {
        let Some((OrdF64(s), std::cmp::Reverse(v))) = heap.pop() else {
            break;
        };
        let v = v as usize;
        if picked[v] {
            continue;
        }
        let cur = score(v, &t);
        if cur < s - 1e-12 {
            heap.push((OrdF64(cur), std::cmp::Reverse(v as u32)));
            continue;
        }
        picked[v] = true;
        out.push(v as u32);
        // the picked node's audience: its out-neighbours are discounted
        for &u in net.neighbors(v as u32) {
            if !picked[u as usize] {
                t[u as usize] += 1.0;
            }
        }
    }
    out
}

/// Total order on finite f64 for the heap.
#[derive(Clone, Copy, Debug, PartialEq)]
struct OrdF64(f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_pick_is_top_degree_and_neighbours_are_discounted() {
        let k = crate::generate::karate_club();
        let s = degree_discount(&k, 4, 0.1);
        assert_eq!(s[0], 33);
        assert_eq!(s[1], 0);
        // brute-force recomputation of the rule, step by step
        let mut t = vec![0f64; 34];
        let mut chosen: Vec<u32> = Vec::new();
        for _ in 0..4 {
            let best = (0..34u32)
                .filter(|v| !chosen.contains(v))
                .max_by(|&a, &b| {
                    let f = |v: u32| {
                        let d = k.out_degree(v) as f64;
                        d - 2.0 * t[v as usize] - (d - t[v as usize]) * t[v as usize] * 0.1
                    };
                    f(a).partial_cmp(&f(b)).unwrap().then(b.cmp(&a))
                })
                .unwrap();
            chosen.push(best);
            for &u in k.neighbors(best) {
                t[u as usize] += 1.0;
            }
        }
        assert_eq!(s, chosen);
    }
}
