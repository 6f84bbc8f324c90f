//! k-core decomposition (coreness): the largest k such that a node belongs to a subgraph where
//! every node has at least k neighbours. Influential spreaders sit in the innermost cores
//! (Kitsak et al. 2010).

use crate::network::Network;

/// Coreness of every node of the undirected view of the network (for a directed network, an
/// arc in either direction makes two nodes neighbours).
///
/// # Complexity
/// O(n + m): the bucket algorithm of Batagelj & Zaversnik (2003).
///
/// # Examples
/// ```
/// // a triangle with a pendant node: the triangle is the 2-core
/// let net = viralsim::Network::from_edges(4, false, &[(0, 1), (1, 2), (2, 0), (2, 3)], None).unwrap();
/// assert_eq!(viralsim::influence::kcore::coreness(&net), vec![2, 2, 2, 1]);
/// ```
pub fn coreness(net: &Network) -> Vec<u32> {
    let n = net.node_count();
    // undirected adjacency
    let adj: Vec<Vec<u32>> = if net.is_directed() {
        let mut a: Vec<Vec<u32>> = vec![Vec::new(); n];
        for u in 0..n as u32 {
            for &v in net.neighbors(u) {
                a[u as usize].push(v);
                a[v as usize].push(u);
            }
        }
        for row in a.iter_mut() {
            row.sort_unstable();
            row.dedup();
        }
        a
    } else {
        Vec::new()
    };
    let nb = |u: u32| -> &[u32] {
        if net.is_directed() {
            &adj[u as usize]
        } else {
            net.neighbors(u)
        }
    };
    let mut deg: Vec<u32> = (0..n as u32).map(|u| nb(u).len() as u32).collect();
    let maxd = deg.iter().copied().max().unwrap_or(0) as usize;
    let mut bin = vec![0usize; maxd + 2];
    for &d in &deg {
        bin[d as usize] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0u32; n];
    for v in 0..n {
        pos[v] = bin[deg[v] as usize];
        vert[pos[v]] = v as u32;
        bin[deg[v] as usize] += 1;
    }
    for d in (1..=maxd + 1).rev() {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for i in 0..n {
        let v = vert[i];
        for &u in nb(v) {
            let (du, dv) = (deg[u as usize], deg[v as usize]);
            if du > dv {
                let pu = pos[u as usize];
                let pw = bin[du as usize];
                let w = vert[pw];
                if u != w {
                    pos[u as usize] = pw;
                    vert[pu] = w;
                    pos[w as usize] = pu;
                    vert[pw] = u;
                }
                bin[du as usize] += 1;
                deg[u as usize] -= 1;
            }
        }
    }
    deg
}

/// The `k` nodes of highest coreness; ties go to the higher degree, then the lower id.
pub fn kcore_seeds(net: &Network, k: usize) -> Vec<u32> {
    let core = coreness(net);
    let mut ids: Vec<u32> = (0..net.node_count() as u32).collect();
    ids.sort_by_key(|&u| {
        (
            std::cmp::Reverse(core[u as usize]),
            std::cmp::Reverse(net.out_degree(u)),
            u,
        )
    });
    ids.truncate(k);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn karate_cores_match_networkx() {
        // nx.core_number(nx.karate_club_graph())
        let want = [
            4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3,
            3, 4, 3, 4, 4,
        ];
        assert_eq!(coreness(&crate::generate::karate_club()), want);
    }

    #[test]
    fn cores_of_simple_graphs() {
        assert!(coreness(&crate::generate::complete(6).unwrap())
            .iter()
            .all(|&c| c == 5));
        assert!(coreness(&crate::generate::path(6).unwrap())
            .iter()
            .all(|&c| c == 1));
        let g = crate::generate::grid(5, 5).unwrap();
        assert!(coreness(&g).iter().all(|&c| c == 2));
    }
}
