//! Metrics of a cascade and of a network.

use crate::network::Network;
use crate::simulation::Simulation;
use crate::state::{ADVERTISING, NONE, SEED};
use serde::Serialize;

/// Why a person adopted: the one reading of a record's `parent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// A seed (chosen, clicked or boosted).
    Seed,
    /// Convinced by an ad.
    Advertising,
    /// Told by a person (the parent).
    WordOfMouth,
}

impl Cause {
    /// The cause of an adoption from its record's `parent` (`None`: never adopted).
    pub fn of(parent: u32) -> Option<Cause> {
        match parent {
            NONE => None,
            SEED => Some(Cause::Seed),
            ADVERTISING => Some(Cause::Advertising),
            _ => Some(Cause::WordOfMouth),
        }
    }
}

/// One adopter of the cascade tree: who, when, in which generation, told by whom (`None` for
/// seeds and advertising: `cause` says which), ids as written in the network's source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TreeLink {
    /// The adopter's node index.
    pub id: u32,
    /// The adopter's id as written in the network's source (its index for a generated network).
    pub label: String,
    /// The step at which it (first) adopted; 0 for the seeds placed at the start.
    pub step: u32,
    /// Its generation: 0 for seeds and advertising adopters, its parent's + 1 otherwise.
    pub generation: u32,
    /// The label of the person who told it (word of mouth only).
    pub told_by: Option<String>,
    /// Why it adopted.
    pub cause: Cause,
}

/// The current run's cascade tree: every adopter in order of (first) adoption.
///
/// # Complexity
/// O(adopters).
pub fn cascade_tree(sim: &Simulation) -> Vec<TreeLink> {
    let net = sim.network();
    sim.adopters()
        .iter()
        .map(|&v| {
            let r = sim.record(v);
            let cause = Cause::of(r.parent).unwrap_or(Cause::Seed);
            TreeLink {
                id: v,
                label: net.label(v),
                step: r.adopted_at,
                generation: r.generation,
                told_by: (cause == Cause::WordOfMouth).then(|| net.label(r.parent)),
                cause,
            }
        })
        .collect()
}

/// What the page's tooltip shows about one person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeInfo {
    /// The node index.
    pub id: u32,
    /// The id as written in the network's source (its index for a generated network).
    pub label: String,
    /// Out-degree (friends, when undirected).
    pub degree: u32,
    /// Current state as `u8` (see [`crate::NodeState`]).
    pub state: u8,
    /// The step of its first adoption, if it ever adopted.
    pub adopted_at: Option<u32>,
    /// The label of the person who told it (word of mouth only).
    pub told_by: Option<String>,
    /// Why it adopted (`None`: it never did).
    pub cause: Option<Cause>,
    /// Its audience segment, when the network has segments.
    pub segment: Option<u16>,
}

/// Everything known about node `id` in the current run.
///
/// # Errors
/// `id` is not a node id.
pub fn node_info(sim: &Simulation, id: u32) -> crate::Result<NodeInfo> {
    let net = sim.network();
    if id as usize >= net.node_count() {
        return Err(crate::Error::new(
            "node",
            crate::error::Code::NotANodeId {
                node: id as u64,
                nodes: net.node_count() as u64,
            },
        ));
    }
    let r = sim.record(id);
    let cause = Cause::of(r.parent);
    Ok(NodeInfo {
        id,
        label: net.label(id),
        degree: net.out_degree(id),
        state: sim.states()[id as usize],
        adopted_at: (r.adopted_at != NONE).then_some(r.adopted_at),
        told_by: (cause == Some(Cause::WordOfMouth)).then(|| net.label(r.parent)),
        cause,
        segment: net.segments().map(|s| s[id as usize]),
    })
}

/// Per step so far: the cumulative reach and, of it, the people convinced by ads.
pub fn reach_by_cause(sim: &Simulation) -> Vec<[u32; 2]> {
    let h = sim.history();
    let mut ad = 0;
    h.reach
        .iter()
        .zip(&h.new_by_ad)
        .map(|(&r, &a)| {
            ad += a;
            [r, ad]
        })
        .collect()
}

/// What one run's cascade looked like.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CascadeMetrics {
    /// Nodes that ever adopted, seeds included.
    pub reach: u32,
    /// `reach / n`.
    pub reach_fraction: f64,
    /// Steps run.
    pub steps: u32,
    /// Largest number of adoptions in one step (after step 0; re-infections in SIS count).
    pub peak_new: u32,
    /// The first step with [`peak_new`](Self::peak_new) adoptions (0 if none after seeding).
    pub peak_step: u32,
    /// First step by which 50 % of the final reach had adopted (0: the seeds already were).
    pub steps_to_50: u32,
    /// First step by which 90 % of the final reach had adopted.
    pub steps_to_90: u32,
    /// Largest generation (seeds and advertising adopters are generation 0).
    pub depth: u32,
    /// Size of the largest generation.
    pub widest_generation_size: u32,
    /// Which generation is the largest (the lowest one on a tie).
    pub widest_generation: u32,
    /// Mean distance between all pairs of nodes of the same cascade tree (Goel et al. 2016);
    /// `None` with fewer than two nodes in every tree.
    pub structural_virality: Option<f64>,
    /// Number of adopters in each generation.
    pub generation_sizes: Vec<u32>,
    /// Mean number of nodes each adopter of generation g passed it on to (R by generation).
    pub offspring_by_generation: Vec<f64>,
    /// Of the reach, the seeds (placed, clicked).
    pub reach_seeds: u32,
    /// Of the reach, the people first convinced by advertising (ads or Bass's `p`).
    pub reach_advertising: u32,
    /// Of the reach, the people first told by another person.
    pub reach_word_of_mouth: u32,
}

/// Computes the cascade metrics of the simulation's current run.
///
/// # Complexity
/// O(k + T) for k adopters and T steps, never O(n²): adopters come in order of adoption from
/// the engine, and structural virality is the Wiener index Σ s·(N − s) over tree edges divided
/// by the number of pairs.
pub fn cascade_metrics(sim: &Simulation) -> CascadeMetrics {
    cascade_metrics_with(sim, &mut MetricsScratch::default())
}

/// Buffers [`cascade_metrics_with`] reuses from one run to the next (a Monte Carlo computes
/// the metrics of every run: allocating them anew each time costs more than filling them).
#[derive(Clone, Debug, Default)]
pub struct MetricsScratch {
    /// For each adopter (by position), its parent's position or [`ROOT`].
    parent: Vec<u32>,
    /// For each adopter, the position of its tree's root.
    root: Vec<u32>,
    /// For each root position, its tree's size.
    tree_size: Vec<u32>,
    /// For each adopter, the size of its subtree.
    sub: Vec<u32>,
}

/// [`cascade_metrics`] with buffers kept from one call to the next.
///
/// # Complexity
/// As [`cascade_metrics`]: O(k + T); one pass over the adopters in adoption order reads each
/// one's record and its parent's, counts causes and generations and builds the forest, and one
/// pass back gives the Wiener index.
pub fn cascade_metrics_with(sim: &Simulation, scratch: &mut MetricsScratch) -> CascadeMetrics {
    let n = sim.network().node_count();
    let h = sim.history();
    let rec = sim.records();
    let mut m = CascadeMetrics {
        reach: sim.reach(),
        steps: sim.step_count(),
        ..Default::default()
    };
    m.reach_fraction = if n == 0 {
        0.0
    } else {
        m.reach as f64 / n as f64
    };
    for (t, &k) in h.new_adoptions.iter().enumerate().skip(1) {
        if k > m.peak_new {
            m.peak_new = k;
            m.peak_step = t as u32;
        }
    }
    let final_reach = m.reach as f64;
    m.steps_to_50 = h
        .reach
        .iter()
        .position(|&r| r as f64 >= 0.5 * final_reach)
        .unwrap_or(0) as u32;
    m.steps_to_90 = h
        .reach
        .iter()
        .position(|&r| r as f64 >= 0.9 * final_reach)
        .unwrap_or(0) as u32;

    // Adopters in order of first adoption. Every record is a node's first adoption (SIS
    // re-infections keep it), made after its parent's first adoption, so this order is
    // topological and positions come from the engine in O(1).
    let nodes: &[u32] = sim.adopters();
    let k = nodes.len();
    let MetricsScratch {
        parent,
        root,
        tree_size,
        sub,
    } = scratch;
    parent.clear();
    root.clear();
    tree_size.clear();
    tree_size.resize(k, 0);
    let mut gen_count: Vec<u32> = Vec::new();
    let mut pairs: u64 = 0;
    for (i, &v) in nodes.iter().enumerate() {
        let r = rec[v as usize];
        match Cause::of(r.parent) {
            Some(Cause::Seed) => m.reach_seeds += 1,
            Some(Cause::Advertising) => m.reach_advertising += 1,
            Some(Cause::WordOfMouth) => m.reach_word_of_mouth += 1,
            None => {}
        }
        let g = r.generation as usize;
        if g >= gen_count.len() {
            gen_count.resize(g + 1, 0);
        }
        gen_count[g] += 1;
        let (p, top) = if r.parent >= ADVERTISING {
            (ROOT, i as u32)
        } else {
            let p = rec[r.parent as usize].position;
            (p, root[p as usize])
        };
        parent.push(p);
        root.push(top);
        // a tree of s nodes gains s pairs with its (s + 1)-th
        pairs += tree_size[top as usize] as u64;
        tree_size[top as usize] += 1;
    }
    m.depth = gen_count.len().saturating_sub(1) as u32;
    for (g, &c) in gen_count.iter().enumerate() {
        if c > m.widest_generation_size {
            m.widest_generation_size = c;
            m.widest_generation = g as u32;
        }
    }
    m.offspring_by_generation = (0..gen_count.len())
        .map(|g| {
            if gen_count[g] == 0 {
                0.0
            } else {
                gen_count.get(g + 1).copied().unwrap_or(0) as f64 / gen_count[g] as f64
            }
        })
        .collect();
    m.structural_virality = wiener_over_pairs(parent, root, tree_size, sub, pairs);
    m.generation_sizes = gen_count;
    m
}

/// The Wiener index of the forest divided by its pairs (`None` without a pair): Σ over tree
/// edges of s·(N − s), s the subtree's size below the edge and N its tree's.
fn wiener_over_pairs(
    parent: &[u32],
    root: &[u32],
    tree_size: &[u32],
    sub: &mut Vec<u32>,
    pairs: u64,
) -> Option<f64> {
    if pairs == 0 {
        return None;
    }
    let k = parent.len();
    sub.clear();
    sub.resize(k, 1);
    let mut wiener: f64 = 0.0;
    for i in (0..k).rev() {
        let p = parent[i];
        if p != ROOT {
            let n = tree_size[root[i] as usize] as u64;
            let s = sub[i] as u64;
            wiener += (s * (n - s)) as f64;
            sub[p as usize] += sub[i];
        }
    }
    Some(wiener / pairs as f64)
}

/// Marks a root in the parent positions given to [`structural_virality`].
pub const ROOT: u32 = u32::MAX;

/// Structural virality of a forest (Goel et al. 2016): the mean distance over all pairs of
/// nodes in the same tree.
///
/// # Arguments
/// * `parent` — for each node `i`, the index of its parent, or [`ROOT`]; every parent must come
///   before its children (`parent[i] < i`).
///
/// # Returns
/// `None` when no tree has two nodes.
///
/// # Complexity
/// O(k) for k nodes: the Wiener index is Σ over tree edges of s·(N − s), s the size of the
/// subtree below the edge and N the size of its tree.
///
/// # Examples
/// ```
/// use viralsim::metrics::{structural_virality, ROOT};
/// // a star with 4 nodes: 2 (n − 1) / n = 1.5; a path with 4 nodes: (n + 1) / 3 = 5/3
/// assert_eq!(structural_virality(&[ROOT, 0, 0, 0]), Some(1.5));
/// assert!((structural_virality(&[ROOT, 0, 1, 2]).unwrap() - 5.0 / 3.0).abs() < 1e-12);
/// ```
pub fn structural_virality(parent: &[u32]) -> Option<f64> {
    let k = parent.len();
    if k < 2 {
        return None;
    }
    let mut root = vec![0u32; k];
    let mut tree_size = vec![0u32; k];
    let mut pairs = 0u64;
    for i in 0..k {
        root[i] = if parent[i] == ROOT {
            i as u32
        } else {
            root[parent[i] as usize]
        };
        let r = root[i] as usize;
        pairs += tree_size[r] as u64;
        tree_size[r] += 1;
    }
    wiener_over_pairs(parent, &root, &tree_size, &mut Vec::new(), pairs)
}

/// Summary of a network's structure (the CLI's `info`).
#[derive(Clone, Debug, Serialize)]
pub struct NetworkInfo {
    /// Number of nodes n.
    pub nodes: usize,
    /// Number of edges m (arcs when directed).
    pub edges: usize,
    /// Whether arcs are one-way.
    pub directed: bool,
    /// Whether arcs carry weights.
    pub weighted: bool,
    /// Smallest out-degree.
    pub degree_min: u32,
    /// Largest out-degree.
    pub degree_max: u32,
    /// Mean out-degree (arcs / n: 2m / n when undirected).
    pub degree_mean: f64,
    /// Median out-degree.
    pub degree_median: f64,
    /// Weakly connected components.
    pub components: usize,
    /// Nodes in the largest weakly connected component.
    pub largest_component: usize,
    /// Nodes with no arc in or out.
    pub isolated_nodes: usize,
    /// Mean local clustering coefficient (nodes of degree < 2 count as 0, as in networkx).
    pub average_clustering: f64,
    /// Input edges merged as duplicates when the network was built.
    pub duplicates_merged: u64,
    /// Input self-loops dropped when the network was built.
    pub self_loops_dropped: u64,
    /// Number of audience segments, when the network has segments.
    pub segments: Option<usize>,
}

/// Computes [`NetworkInfo`]. Components come from petgraph (union–find).
///
/// # Complexity
/// O(n log n + m α(n)) plus [`average_clustering`].
pub fn network_info(net: &Network) -> NetworkInfo {
    let n = net.node_count();
    let mut degs: Vec<u32> = (0..n as u32).map(|u| net.out_degree(u)).collect();
    degs.sort_unstable();
    let mean = if n == 0 {
        0.0
    } else {
        net.arc_count() as f64 / n as f64
    };
    let median = if n == 0 {
        0.0
    } else if n % 2 == 1 {
        degs[n / 2] as f64
    } else {
        (degs[n / 2 - 1] as f64 + degs[n / 2] as f64) / 2.0
    };
    // union–find over the arcs, via petgraph
    let mut uf = petgraph::unionfind::UnionFind::<u32>::new(n);
    for u in 0..n as u32 {
        for &v in net.neighbors(u) {
            uf.union(u, v);
        }
    }
    let labels = uf.into_labeling();
    let mut size = vec![0usize; n];
    for &l in &labels {
        size[l as usize] += 1;
    }
    let components = size.iter().filter(|&&s| s > 0).count();
    let isolated = (0..n as u32)
        .filter(|&u| net.out_degree(u) == 0 && net.in_degree(u) == 0)
        .count();
    NetworkInfo {
        nodes: n,
        edges: net.edge_count(),
        directed: net.is_directed(),
        weighted: net.is_weighted(),
        degree_min: degs.first().copied().unwrap_or(0),
        degree_max: degs.last().copied().unwrap_or(0),
        degree_mean: mean,
        degree_median: median,
        components,
        largest_component: size.iter().copied().max().unwrap_or(0),
        isolated_nodes: isolated,
        average_clustering: average_clustering(net),
        duplicates_merged: net.report().duplicates_merged,
        self_loops_dropped: net.report().self_loops_dropped,
        segments: net.segments().map(|_| net.segment_count()),
    }
}

/// Mean local clustering coefficient of the undirected view (for a directed network, arcs are
/// taken as given: triangles among out-neighbours).
///
/// # Complexity
/// O(Σ_u Σ_{v ∈ N(u)} d(v)) with a marker array.
pub fn average_clustering(net: &Network) -> f64 {
    let n = net.node_count();
    if n == 0 {
        return 0.0;
    }
    let mut mark = vec![u32::MAX; n];
    let mut total = 0.0;
    for u in 0..n as u32 {
        let nb = net.neighbors(u);
        let d = nb.len();
        if d < 2 {
            continue;
        }
        for &v in nb {
            mark[v as usize] = u;
        }
        let mut links = 0u64;
        for &v in nb {
            for &w in net.neighbors(v) {
                if mark[w as usize] == u {
                    links += 1;
                }
            }
        }
        // each undirected link among neighbours is seen twice
        let pairs = (d * (d - 1)) as f64;
        total += links as f64 / pairs;
    }
    total / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv_of(net: &Network, root: u32) -> f64 {
        // BFS tree from root, in BFS order
        let n = net.node_count();
        let mut par = vec![u32::MAX; n];
        let mut order = vec![root];
        let mut seen = vec![false; n];
        seen[root as usize] = true;
        let mut i = 0;
        while i < order.len() {
            let u = order[i];
            for &v in net.neighbors(u) {
                if !seen[v as usize] {
                    seen[v as usize] = true;
                    par[v as usize] = u;
                    order.push(v);
                }
            }
            i += 1;
        }
        let mut pos = vec![0u32; n];
        for (i, &v) in order.iter().enumerate() {
            pos[v as usize] = i as u32;
        }
        let pp: Vec<u32> = order
            .iter()
            .map(|&v| {
                if par[v as usize] == u32::MAX {
                    ROOT
                } else {
                    pos[par[v as usize] as usize]
                }
            })
            .collect();
        structural_virality(&pp).unwrap()
    }

    /// Buffers kept from run to run give each run's metrics exactly as fresh ones: runs of very
    /// different sizes (a big one, then a small one, then none) through one scratch.
    #[test]
    fn reused_buffers_give_the_metrics_of_fresh_ones() {
        for (model, seeds) in [
            (r#"{"kind":"ic","p":0.3}"#, "random:3"),
            (r#"{"kind":"sir","beta":0.2,"gamma":0.3}"#, "top-degree:2"),
            (r#"{"kind":"bass","p":0.01,"q":0.4}"#, "none"),
        ] {
            let text = format!(
                r#"{{"network":"ba:n=400,m=2","model":{model},"seeds":"{seeds}","seed":4}}"#
            );
            let mut sim = crate::Scenario::from_json(&text)
                .unwrap()
                .build(None)
                .unwrap();
            let mut scratch = MetricsScratch::default();
            for run in 0..30 {
                sim.reset_run(4, run);
                sim.run(200);
                let fresh = cascade_metrics(&sim);
                let kept = cascade_metrics_with(&sim, &mut scratch);
                assert_eq!(
                    format!("{fresh:?}"),
                    format!("{kept:?}"),
                    "{model} run {run}"
                );
            }
        }
    }

    #[test]
    fn structural_virality_star_and_path() {
        for n in [2usize, 3, 10, 101] {
            let star = crate::generate::star(n).unwrap();
            let expect = 2.0 * (n as f64 - 1.0) / n as f64;
            assert!((sv_of(&star, 0) - expect).abs() < 1e-12, "star {n}");
            let path = crate::generate::path(n).unwrap();
            let expect = (n as f64 + 1.0) / 3.0;
            assert!((sv_of(&path, 0) - expect).abs() < 1e-12, "path {n}");
            // the root does not matter
            assert!((sv_of(&path, (n / 2) as u32) - expect).abs() < 1e-12);
        }
        assert_eq!(structural_virality(&[ROOT]), None);
        assert_eq!(
            structural_virality(&[ROOT, ROOT]),
            None,
            "two one-node trees have no pair"
        );
    }

    #[test]
    fn structural_virality_matches_all_pairs_bfs() {
        // oracle: mean of all-pairs distances with petgraph's BFS-based dijkstra on random trees
        let mut r = crate::rng::rng_from_seed(9);
        for k in [2usize, 5, 17, 40] {
            let par: Vec<Option<u32>> = (0..k)
                .map(|i| {
                    if i == 0 {
                        None
                    } else {
                        Some(crate::rng::below(&mut r, i as u64) as u32)
                    }
                })
                .collect();
            let edges: Vec<(u32, u32)> = (1..k).map(|i| (par[i].unwrap(), i as u32)).collect();
            let g = petgraph::graph::UnGraph::<(), ()>::from_edges(&edges);
            let mut sum = 0.0;
            for a in 0..k {
                let d =
                    petgraph::algo::dijkstra(&g, petgraph::graph::NodeIndex::new(a), None, |_| {
                        1.0f64
                    });
                sum += d.values().sum::<f64>();
            }
            let oracle = sum / (k * (k - 1)) as f64;
            let pp: Vec<u32> = par.iter().map(|p| p.unwrap_or(ROOT)).collect();
            let got = structural_virality(&pp).unwrap();
            assert!((got - oracle).abs() < 1e-9, "k={k}: {got} vs {oracle}");
        }
    }

    #[test]
    fn clustering_and_info() {
        let k = crate::generate::karate_club();
        let c = average_clustering(&k);
        // networkx: nx.average_clustering(nx.karate_club_graph()) = 0.5706384782076823
        assert!((c - 0.5706384782076823).abs() < 1e-12, "{c}");
        let info = network_info(&k);
        assert_eq!(
            (
                info.nodes,
                info.edges,
                info.components,
                info.degree_max,
                info.degree_min
            ),
            (34, 78, 1, 17, 1)
        );
        let two = Network::from_edges(5, false, &[(0, 1), (2, 3)], None).unwrap();
        let info = network_info(&two);
        assert_eq!(
            (info.components, info.largest_component, info.isolated_nodes),
            (3, 2, 1)
        );
        assert_eq!(
            average_clustering(&crate::generate::complete(5).unwrap()),
            1.0
        );
    }
}
