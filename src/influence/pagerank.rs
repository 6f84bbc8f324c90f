//! PageRank, computed on the reversed arcs: a node scores high when it passes the message to
//! nodes that themselves pass it on widely (for an undirected network reversing changes nothing).

use crate::network::Network;

/// PageRank scores (summing to 1) of the network with every arc reversed.
///
/// # Arguments
/// * `damping` — probability of following an arc (0.85 is usual); the rest teleports uniformly.
///   Nodes with no arc to follow spread their score uniformly.
///
/// # Complexity
/// O((n + m) · iterations); iterates until the L1 change is below 1e-10 or 200 iterations.
///
/// # Examples
/// ```
/// let star = viralsim::generate::star(5).unwrap();
/// let pr = viralsim::influence::pagerank::pagerank(&star, 0.85);
/// assert!(pr[0] > pr[1]);
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// ```
pub fn pagerank(net: &Network, damping: f64) -> Vec<f64> {
    let n = net.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let mut pr = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    // reversed arcs: score flows from v to its in-neighbours u (u → v in the network)
    for _ in 0..200 {
        let mut dangling = 0.0;
        next.iter_mut().for_each(|x| *x = 0.0);
        for v in 0..n as u32 {
            let ins = net.in_neighbors(v);
            if ins.is_empty() {
                dangling += pr[v as usize];
                continue;
            }
            let share = pr[v as usize] / ins.len() as f64;
            for &u in ins {
                next[u as usize] += share;
            }
        }
        let base = (1.0 - damping) / nf + damping * dangling / nf;
        let mut change = 0.0;
        for i in 0..n {
            let x = base + damping * next[i];
            change += (x - pr[i]).abs();
            pr[i] = x;
        }
        if change < 1e-10 {
            break;
        }
    }
    pr
}

/// The `k` nodes of highest PageRank (damping 0.85), ties to the lower id.
pub fn pagerank_seeds(net: &Network, k: usize) -> Vec<u32> {
    super::top_k_by(&pagerank(net, 0.85), k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn karate_matches_networkx() {
        // networkx 3.6.1: nx.pagerank(nx.karate_club_graph(), weight=None, tol=1e-12)
        let pr = pagerank(&crate::generate::karate_club(), 0.85);
        assert!((pr[33] - 0.10091918232295749).abs() < 1e-9, "{}", pr[33]);
        assert!((pr[0] - 0.09699728539860193).abs() < 1e-9, "{}", pr[0]);
        assert!((pr[32] - 0.07169322599817837).abs() < 1e-9, "{}", pr[32]);
        assert_eq!(
            pagerank_seeds(&crate::generate::karate_club(), 3),
            vec![33, 0, 32]
        );
    }

    #[test]
    fn direction_counts() {
        // 0 → 1 → 2: node 0 reaches the most, so it ranks first on the reversed arcs
        let net = Network::from_edges(3, true, &[(0, 1), (1, 2)], None).unwrap();
        let pr = pagerank(&net, 0.85);
        assert!(pr[0] > pr[1] && pr[1] > pr[2], "{pr:?}");
    }
}
