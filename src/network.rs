//! The network: a compact, immutable CSR (compressed sparse row) graph.
//!
//! Node ids are dense `u32` indices `0..n`. Out-arcs of node `u` are
//! `targets[offsets[u]..offsets[u + 1]]`, sorted by target, with an optional `f32` weight per arc
//! in the same order. An undirected edge is stored as two arcs. A directed network also keeps the
//! transposed CSR (in-arcs), which Linear Threshold, the threshold model and Bass need.
//!
//! Construction merges duplicate edges (the first weight is kept) and drops self-loops; both are
//! counted in [`BuildReport`]. petgraph is the construction and analysis layer: see
//! [`Network::from_petgraph`] and [`Network::to_petgraph`].

use crate::attributes::Attribute;
use crate::error::{Code, Error, Noun, Result};
use petgraph::graph::Graph;
use petgraph::EdgeType;
use std::collections::HashMap;

/// What construction changed in the input edges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BuildReport {
    /// Input edges that repeated an earlier edge (for undirected input, `a b` after `b a` counts).
    pub duplicates_merged: u64,
    /// Input edges from a node to itself.
    pub self_loops_dropped: u64,
}

/// A compact immutable network. See the module documentation for the layout.
#[derive(Clone, Debug)]
pub struct Network {
    directed: bool,
    offsets: Vec<u32>,
    targets: Vec<u32>,
    weights: Option<Vec<f32>>,
    /// Transposed CSR; empty for undirected networks (the out-arcs serve both ways).
    in_offsets: Vec<u32>,
    in_sources: Vec<u32>,
    in_weights: Option<Vec<f32>>,
    labels: Option<Vec<String>>,
    label_index: Option<HashMap<String, u32>>,
    segments: Option<Vec<u16>>,
    /// Names of the segments (index = segment), when they come from a named attribute or file.
    segment_names: Option<Vec<String>>,
    /// Node attributes read from a file (GraphML, GEXF, GML, a node table…).
    attributes: Option<std::sync::Arc<Vec<Attribute>>>,
    report: BuildReport,
}

/// The value of `s` if it is a whole number written plainly (digits only, no leading zero),
/// small enough to be a node index.
fn plain_index(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 10 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    b.iter().try_fold(0usize, |x, &c| {
        c.is_ascii_digit().then(|| x * 10 + (c - b'0') as usize)
    })
}

/// Upper bound on nodes and arcs the CSR can hold (`u32` offsets).
pub const MAX_ARCS: usize = u32::MAX as usize - 1;

impl Network {
    /// Builds a network from an edge list.
    ///
    /// # Arguments
    /// * `n` — number of nodes; every endpoint must be `< n`.
    /// * `directed` — whether `(u, v)` means only `u → v`.
    /// * `edges` — the edges, in any order, duplicates and self-loops allowed.
    /// * `weights` — optional weight per edge (same length as `edges`), each finite and ≥ 0.
    ///
    /// # Returns
    /// The network, with duplicates merged (first weight kept) and self-loops dropped.
    ///
    /// # Errors
    /// An endpoint `≥ n`, a weight list of the wrong length, a negative or non-finite weight, or
    /// more arcs than `u32` offsets can hold.
    ///
    /// # Complexity
    /// O(n + m log d_max): a counting sort by source, then each row sorted.
    ///
    /// # Examples
    /// ```
    /// use viralsim::Network;
    /// let net = Network::from_edges(3, false, &[(0, 1), (1, 0), (1, 2), (2, 2)], None).unwrap();
    /// assert_eq!(net.edge_count(), 2);
    /// assert_eq!(net.report().duplicates_merged, 1);
    /// assert_eq!(net.report().self_loops_dropped, 1);
    /// assert_eq!(net.neighbors(1), &[0, 2]);
    /// ```
    pub fn from_edges(
        n: usize,
        directed: bool,
        edges: &[(u32, u32)],
        weights: Option<&[f32]>,
    ) -> Result<Self> {
        if n > u32::MAX as usize - 1 {
            return Err(Error::over_limit(
                "nodes",
                None,
                u32::MAX as u64 - 1,
                n as u64,
            ));
        }
        if let Some(w) = weights {
            if w.len() != edges.len() {
                return Err(Error::new(
                    "weights",
                    Code::CountMismatch {
                        got: w.len() as u64,
                        what: Noun::Weights,
                        expected: edges.len() as u64,
                        of: Noun::Edges,
                    },
                ));
            }
            if let Some((i, x)) = w
                .iter()
                .enumerate()
                .find(|(_, x)| !x.is_finite() || **x < 0.0)
            {
                return Err(Error::new(
                    "weights",
                    Code::EdgeWeight {
                        edge: i as u64,
                        weight: *x,
                    },
                ));
            }
        }
        let arcs_per_edge = if directed { 1 } else { 2 };
        if edges.len().saturating_mul(arcs_per_edge) > MAX_ARCS {
            return Err(Error::over_limit(
                "arcs",
                None,
                MAX_ARCS as u64,
                (edges.len() * arcs_per_edge) as u64,
            ));
        }
        let mut report = BuildReport::default();
        let mut deg = vec![0u32; n + 1];
        for &(u, v) in edges {
            if u as usize >= n || v as usize >= n {
                return Err(Error::new(
                    "edges",
                    Code::Endpoint {
                        u: u as u64,
                        v: v as u64,
                        n: n as u64,
                    },
                ));
            }
            if u == v {
                report.self_loops_dropped += 1;
                continue;
            }
            deg[u as usize] += 1;
            if !directed {
                deg[v as usize] += 1;
            }
        }
        // counting sort by source
        let mut offsets = vec![0u32; n + 1];
        for i in 0..n {
            offsets[i + 1] = offsets[i] + deg[i];
        }
        let total = offsets[n] as usize;
        let mut targets = vec![0u32; total];
        let mut wts: Option<Vec<f32>> = weights.map(|_| vec![0f32; total]);
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        for (i, &(u, v)) in edges.iter().enumerate() {
            if u == v {
                continue;
            }
            let mut put = |a: u32, b: u32| {
                let k = fill[a as usize] as usize;
                targets[k] = b;
                if let (Some(w), Some(src)) = (wts.as_mut(), weights) {
                    w[k] = src[i];
                }
                fill[a as usize] += 1;
            };
            put(u, v);
            if !directed {
                put(v, u);
            }
        }
        // sort each row, stable so that the first weight of a duplicate is kept, then dedup in place
        let mut write = 0usize;
        let mut new_offsets = vec![0u32; n + 1];
        let mut row: Vec<(u32, f32)> = Vec::new();
        let mut removed_arcs = 0u64;
        for u in 0..n {
            let (a, b) = (offsets[u] as usize, offsets[u + 1] as usize);
            row.clear();
            for k in a..b {
                row.push((targets[k], wts.as_ref().map_or(0.0, |w| w[k])));
            }
            row.sort_by_key(|&(t, _)| t);
            let mut last = u32::MAX;
            for &(t, w) in &row {
                if t == last {
                    removed_arcs += 1;
                    continue;
                }
                last = t;
                targets[write] = t;
                if let Some(ws) = wts.as_mut() {
                    ws[write] = w;
                }
                write += 1;
            }
            new_offsets[u + 1] = write as u32;
        }
        targets.truncate(write);
        targets.shrink_to_fit();
        if let Some(w) = wts.as_mut() {
            w.truncate(write);
            w.shrink_to_fit();
        }
        report.duplicates_merged = removed_arcs / arcs_per_edge as u64;
        let mut net = Network {
            directed,
            offsets: new_offsets,
            targets,
            weights: wts,
            in_offsets: Vec::new(),
            in_sources: Vec::new(),
            in_weights: None,
            labels: None,
            label_index: None,
            segments: None,
            segment_names: None,
            attributes: None,
            report,
        };
        if directed {
            net.build_transpose();
        }
        Ok(net)
    }

    fn build_transpose(&mut self) {
        let n = self.node_count();
        let mut deg = vec![0u32; n + 1];
        for &t in &self.targets {
            deg[t as usize + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let in_offsets = deg.clone();
        let mut fill = deg;
        let mut in_sources = vec![0u32; self.targets.len()];
        let mut in_weights = self
            .weights
            .as_ref()
            .map(|_| vec![0f32; self.targets.len()]);
        for u in 0..n {
            for k in self.offsets[u] as usize..self.offsets[u + 1] as usize {
                let v = self.targets[k] as usize;
                let j = fill[v] as usize;
                in_sources[j] = u as u32; // sources arrive in increasing u: rows come out sorted
                if let (Some(iw), Some(w)) = (in_weights.as_mut(), self.weights.as_ref()) {
                    iw[j] = w[k];
                }
                fill[v] += 1;
            }
        }
        self.in_offsets = in_offsets;
        self.in_sources = in_sources;
        self.in_weights = in_weights;
    }

    /// Builds a network from a petgraph graph. Node `i` of the graph becomes node `i`.
    /// `weight` maps an edge weight to an optional arc weight (return `None` for unweighted).
    /// If any edge has a weight, the others get 1.0.
    ///
    /// # Errors
    /// As [`Network::from_edges`]: a weight that is negative or not finite, or too many nodes
    /// or arcs.
    ///
    /// # Examples
    /// ```
    /// use petgraph::graph::UnGraph;
    /// let g = UnGraph::<(), ()>::from_edges(&[(0, 1), (1, 2)]);
    /// let net = viralsim::Network::from_petgraph(&g, |_| None).unwrap();
    /// assert_eq!((net.node_count(), net.edge_count()), (3, 2));
    /// ```
    pub fn from_petgraph<N, E, Ty: EdgeType>(
        g: &Graph<N, E, Ty>,
        weight: impl Fn(&E) -> Option<f32>,
    ) -> Result<Self> {
        let mut edges = Vec::with_capacity(g.edge_count());
        let mut ws = Vec::with_capacity(g.edge_count());
        let mut any_weight = false;
        for e in g.raw_edges() {
            edges.push((e.source().index() as u32, e.target().index() as u32));
            let w = weight(&e.weight);
            any_weight |= w.is_some();
            ws.push(w.unwrap_or(1.0));
        }
        Network::from_edges(
            g.node_count(),
            g.is_directed(),
            &edges,
            if any_weight { Some(&ws) } else { None },
        )
    }

    /// The network as a petgraph graph (directed or undirected as stored), arc weights as edge
    /// weights (1.0 when unweighted). Use it for analysis and as a test oracle.
    ///
    /// # Complexity
    /// O(n + m) time and memory.
    pub fn to_petgraph(&self) -> Graph<(), f32, petgraph::Directed> {
        let mut g = Graph::with_capacity(self.node_count(), self.targets.len());
        for _ in 0..self.node_count() {
            g.add_node(());
        }
        for u in 0..self.node_count() as u32 {
            for (k, &v) in self.neighbors(u).iter().enumerate() {
                if self.directed || u < v {
                    let w = self
                        .weights
                        .as_ref()
                        .map_or(1.0, |w| w[self.offsets[u as usize] as usize + k]);
                    g.add_edge(
                        petgraph::graph::NodeIndex::new(u as usize),
                        petgraph::graph::NodeIndex::new(v as usize),
                        w,
                    );
                }
            }
        }
        g
    }

    /// Same network with node labels (the ids written in an input file). Labels must be unique.
    ///
    /// # Errors
    /// `labels`: not one label per node, or a label used twice.
    pub fn with_labels(mut self, labels: Vec<String>) -> Result<Self> {
        if labels.len() != self.node_count() {
            return Err(Error::new(
                "labels",
                Code::CountMismatch {
                    got: labels.len() as u64,
                    what: Noun::Labels,
                    expected: self.node_count() as u64,
                    of: Noun::Nodes,
                },
            ));
        }
        // labels "0", "1", … in node order (most files number their nodes so) are unique and
        // found by their value: no index to hash them into
        if labels
            .iter()
            .enumerate()
            .all(|(i, l)| plain_index(l) == Some(i))
        {
            self.labels = Some(labels);
            self.label_index = None;
            return Ok(self);
        }
        let mut index = HashMap::with_capacity(labels.len());
        for (i, l) in labels.iter().enumerate() {
            if index.insert(l.clone(), i as u32).is_some() {
                return Err(Error::new(
                    "labels",
                    Code::DuplicateLabel { label: l.clone() },
                ));
            }
        }
        self.labels = Some(labels);
        self.label_index = Some(index);
        Ok(self)
    }

    /// Same network with a segment (audience group) per node.
    ///
    /// # Errors
    /// `segments`: not one segment per node.
    pub fn with_segments(mut self, segments: Vec<u16>) -> Result<Self> {
        if segments.len() != self.node_count() {
            return Err(Error::new(
                "segments",
                Code::CountMismatch {
                    got: segments.len() as u64,
                    what: Noun::Segments,
                    expected: self.node_count() as u64,
                    of: Noun::Nodes,
                },
            ));
        }
        self.segments = Some(segments);
        Ok(self)
    }

    /// Same network with names for its segments (index = segment number): reach per segment,
    /// ad targeting and stickiness then name them.
    ///
    /// # Errors
    /// `segments`: fewer names than segments, or a name used twice.
    pub fn with_segment_names(mut self, names: Vec<String>) -> Result<Self> {
        if names.len() < self.segment_count() {
            return Err(Error::new(
                "segments",
                Code::CountMismatch {
                    got: names.len() as u64,
                    what: Noun::Labels,
                    expected: self.segment_count() as u64,
                    of: Noun::Segments,
                },
            ));
        }
        for (i, n) in names.iter().enumerate() {
            if names[..i].contains(n) {
                return Err(Error::new(
                    "segments",
                    Code::DuplicateLabel { label: n.clone() },
                ));
            }
        }
        self.segment_names = Some(names);
        Ok(self)
    }

    /// Same network with node attributes (one value per node in each).
    ///
    /// # Errors
    /// `attributes`: an attribute without one value per node.
    pub fn with_attributes(mut self, attributes: Vec<Attribute>) -> Result<Self> {
        for a in &attributes {
            if a.values.len() != self.node_count() {
                return Err(Error::new(
                    "attributes",
                    Code::CountMismatch {
                        got: a.values.len() as u64,
                        what: Noun::Values,
                        expected: self.node_count() as u64,
                        of: Noun::Nodes,
                    },
                ));
            }
        }
        self.attributes = if attributes.is_empty() {
            None
        } else {
            Some(std::sync::Arc::new(attributes))
        };
        Ok(self)
    }

    /// The node attributes read from a file (empty when there are none).
    pub fn attributes(&self) -> &[Attribute] {
        self.attributes.as_deref().map_or(&[], |a| &a[..])
    }

    /// The attribute called `name`, if the network has one.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes().iter().find(|a| a.name == name)
    }

    /// The names of the segments, when they have names.
    pub fn segment_names(&self) -> Option<&[String]> {
        self.segment_names.as_deref()
    }

    /// Segment `s` as messages and tables name it: its name, or its number.
    pub fn segment_name(&self, s: u16) -> String {
        match self.segment_names.as_ref().and_then(|n| n.get(s as usize)) {
            Some(n) => n.clone(),
            None => s.to_string(),
        }
    }

    /// The segment a user means by `text`: its name, or else its number.
    pub fn segment_by_name(&self, text: &str) -> Option<u16> {
        if let Some(names) = &self.segment_names {
            if let Some(i) = names.iter().position(|n| n == text) {
                return Some(i as u16);
            }
        }
        text.parse::<u16>().ok()
    }

    /// Number of nodes `n` (ids are `0..n`).
    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }
    /// Number of edges: arcs for a directed network, arcs / 2 for an undirected one.
    pub fn edge_count(&self) -> usize {
        if self.directed {
            self.targets.len()
        } else {
            self.targets.len() / 2
        }
    }
    /// Number of stored arcs (2 per undirected edge).
    pub fn arc_count(&self) -> usize {
        self.targets.len()
    }
    /// Whether arcs are one-way (`u → v` only); an undirected network stores each edge as two
    /// arcs.
    pub fn is_directed(&self) -> bool {
        self.directed
    }
    /// Whether every arc carries a weight (an edge list's third column, used by IC and LT with
    /// `weights: edge`).
    pub fn is_weighted(&self) -> bool {
        self.weights.is_some()
    }
    /// What construction changed in the input: duplicates merged and self-loops dropped.
    pub fn report(&self) -> BuildReport {
        self.report
    }
    /// Out-neighbours of `u`, sorted (all neighbours when undirected).
    ///
    /// # Panics
    /// If `u` is not a node (`u ≥ n`).
    #[inline]
    pub fn neighbors(&self, u: u32) -> &[u32] {
        &self.targets[self.offsets[u as usize] as usize..self.offsets[u as usize + 1] as usize]
    }
    /// Arc weights of `u`'s out-arcs, in the order of [`neighbors`](Self::neighbors).
    #[inline]
    pub fn neighbor_weights(&self, u: u32) -> Option<&[f32]> {
        self.weights
            .as_ref()
            .map(|w| &w[self.offsets[u as usize] as usize..self.offsets[u as usize + 1] as usize])
    }
    /// In-neighbours of `v` (equal to the neighbours when undirected), sorted.
    #[inline]
    pub fn in_neighbors(&self, v: u32) -> &[u32] {
        if self.directed {
            &self.in_sources
                [self.in_offsets[v as usize] as usize..self.in_offsets[v as usize + 1] as usize]
        } else {
            self.neighbors(v)
        }
    }
    /// Weights of `v`'s in-arcs, in the order of [`in_neighbors`](Self::in_neighbors).
    #[inline]
    pub fn in_neighbor_weights(&self, v: u32) -> Option<&[f32]> {
        if self.directed {
            self.in_weights.as_ref().map(|w| {
                &w[self.in_offsets[v as usize] as usize..self.in_offsets[v as usize + 1] as usize]
            })
        } else {
            self.neighbor_weights(v)
        }
    }
    /// Number of out-arcs of `u` (its degree when undirected).
    ///
    /// # Panics
    /// If `u` is not a node (`u ≥ n`).
    #[inline]
    pub fn out_degree(&self, u: u32) -> u32 {
        self.offsets[u as usize + 1] - self.offsets[u as usize]
    }
    /// Number of in-arcs of `v` (its degree when undirected).
    ///
    /// # Panics
    /// If `v` is not a node (`v ≥ n`).
    #[inline]
    pub fn in_degree(&self, v: u32) -> u32 {
        if self.directed {
            self.in_offsets[v as usize + 1] - self.in_offsets[v as usize]
        } else {
            self.out_degree(v)
        }
    }
    /// Weight of the arc `u → v`, if it exists (binary search in `u`'s row).
    pub fn arc_weight(&self, u: u32, v: u32) -> Option<f32> {
        let row = self.neighbors(u);
        let k = row.binary_search(&v).ok()?;
        Some(self.neighbor_weights(u).map_or(1.0, |w| w[k]))
    }
    /// CSR offsets (`n + 1` entries).
    pub fn offsets(&self) -> &[u32] {
        &self.offsets
    }
    /// CSR targets (one per arc).
    pub fn targets(&self) -> &[u32] {
        &self.targets
    }
    /// The node labels (ids as written in an input file), one per node; `None` when the nodes
    /// are known by their index only (generated networks).
    pub fn labels(&self) -> Option<&[String]> {
        self.labels.as_deref()
    }
    /// The label of node `u` as written in its source, or its index.
    pub fn label(&self, u: u32) -> String {
        match &self.labels {
            Some(l) => l[u as usize].clone(),
            None => u.to_string(),
        }
    }
    /// Finds the node a user means by `id`: its label when the network has labels, else its index.
    pub fn node_by_label(&self, id: &str) -> Option<u32> {
        match &self.label_index {
            Some(ix) => ix.get(id).copied(),
            // labels that are the indices, written plainly
            None if self.labels.is_some() => plain_index(id)
                .filter(|&u| u < self.node_count())
                .map(|u| u as u32),
            None => id
                .parse::<u32>()
                .ok()
                .filter(|&u| (u as usize) < self.node_count()),
        }
    }
    /// The audience segment of each node (from an `sbm` network or a segments file), one per
    /// node; `None` without segments.
    pub fn segments(&self) -> Option<&[u16]> {
        self.segments.as_deref()
    }
    /// Number of segments (highest segment + 1; 0 without segments).
    pub fn segment_count(&self) -> usize {
        self.segments()
            .map_or(0, |s| s.iter().map(|&x| x as usize + 1).max().unwrap_or(0))
    }
    /// The nodes of segment `s`, in id order (empty without segments).
    pub fn segment_members(&self, s: u16) -> Vec<u32> {
        let segs = self.segments().unwrap_or(&[]);
        (0..segs.len() as u32)
            .filter(|&v| segs[v as usize] == s)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_has_transpose() {
        let net = Network::from_edges(
            4,
            true,
            &[(0, 1), (0, 2), (2, 1), (3, 1), (0, 1)],
            Some(&[0.5, 0.25, 1.0, 0.125, 0.9]),
        )
        .unwrap();
        assert_eq!(net.edge_count(), 4);
        assert_eq!(net.report().duplicates_merged, 1);
        assert_eq!(net.neighbors(0), &[1, 2]);
        assert_eq!(net.neighbor_weights(0).unwrap(), &[0.5, 0.25]);
        assert_eq!(net.in_neighbors(1), &[0, 2, 3]);
        assert_eq!(net.in_neighbor_weights(1).unwrap(), &[0.5, 1.0, 0.125]);
        assert_eq!(net.in_degree(1), 3);
        assert_eq!(net.out_degree(1), 0);
        assert_eq!(net.arc_weight(3, 1), Some(0.125));
        assert_eq!(net.arc_weight(1, 3), None);
    }

    #[test]
    fn errors_name_the_problem() {
        let e = Network::from_edges(2, false, &[(0, 5)], None).unwrap_err();
        assert!(e.to_string().contains("edge (0, 5)"), "{e}");
        let e = Network::from_edges(2, false, &[(0, 1)], Some(&[-1.0])).unwrap_err();
        assert!(e.to_string().starts_with("weights:"), "{e}");
        let e = Network::from_edges(2, false, &[(0, 1)], Some(&[])).unwrap_err();
        assert!(e.to_string().contains("0 weights for 1 edges"), "{e}");
        let e = Network::from_edges(2, false, &[], None)
            .unwrap()
            .with_labels(vec!["a".into(), "a".into()])
            .unwrap_err();
        assert!(e.to_string().contains("'a' is used twice"), "{e}");
    }

    #[test]
    fn petgraph_round_trip() {
        let net = Network::from_edges(5, false, &[(0, 1), (1, 2), (3, 4), (2, 0)], None).unwrap();
        let g = net.to_petgraph();
        assert_eq!(g.edge_count(), 4);
        let back = Network::from_petgraph(&g, |_| None).unwrap();
        // a directed petgraph graph gives a directed network: each undirected edge once
        assert_eq!(back.edge_count(), 4);
        assert_eq!(petgraph::algo::connected_components(&g), 2);
    }

    #[test]
    fn labels_resolve_ids() {
        let net = Network::from_edges(2, false, &[(0, 1)], None).unwrap();
        assert_eq!(net.node_by_label("1"), Some(1));
        assert_eq!(net.node_by_label("2"), None);
        let net = net.with_labels(vec!["alice".into(), "bob".into()]).unwrap();
        assert_eq!(net.node_by_label("bob"), Some(1));
        assert_eq!(net.label(0), "alice");
        // labels that are the indices need no index, and only their own text finds a node
        let net = Network::from_edges(3, false, &[(0, 1)], None).unwrap();
        let net = net
            .with_labels(vec!["0".into(), "1".into(), "2".into()])
            .unwrap();
        assert!(net.label_index.is_none());
        assert_eq!(net.node_by_label("2"), Some(2));
        for other in ["02", "+2", "3", " 2", "", "99999999999"] {
            assert_eq!(net.node_by_label(other), None, "{other:?}");
        }
        // one label out of place: hashed as before
        let net = Network::from_edges(3, false, &[(0, 1)], None).unwrap();
        let net = net
            .with_labels(vec!["0".into(), "2".into(), "1".into()])
            .unwrap();
        assert_eq!(net.node_by_label("2"), Some(1));
        assert_eq!(plain_index("0"), Some(0));
        assert_eq!(plain_index("00"), None);
    }
}
