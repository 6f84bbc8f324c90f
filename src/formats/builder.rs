//! What every structured reader fills ([`Builder`]) and the helpers their errors share.

use super::Format;
use crate::attributes::{AttrKind, Attribute};
use crate::error::{Code, Error, Result, Unit};
use crate::io::Limits;
use crate::network::Network;
use std::collections::HashMap;

/// One edge as a reader found it.
#[derive(Clone, Copy)]
struct RawEdge {
    u: u32,
    v: u32,
    /// The edge is one-way (`None`: as the graph's default).
    directed: Option<bool>,
    weight: Option<f32>,
}

/// What every structured reader fills: nodes by id (in the order they are declared, or first
/// met), edges, weights and attributes; limits checked as they grow.
pub(crate) struct Builder {
    pub(super) limits: Limits,
    ids: HashMap<String, u32>,
    names: Vec<String>,
    edges: Vec<RawEdge>,
    /// The graph's default direction.
    pub directed: bool,
    attrs: Vec<(String, Option<AttrKind>, Vec<Option<String>>)>,
    attr_index: HashMap<String, usize>,
    /// Ids written as numbers are sorted, as an edge list's are (for tables of edges only).
    pub(super) sort_numeric: bool,
    pub(super) notes: Vec<String>,
}

impl Builder {
    pub(super) fn new(limits: Limits) -> Self {
        Builder {
            limits,
            ids: HashMap::new(),
            names: Vec::new(),
            edges: Vec::new(),
            directed: false,
            attrs: Vec::new(),
            attr_index: HashMap::new(),
            sort_numeric: false,
            notes: Vec::new(),
        }
    }

    /// Adds a note (once).
    pub(crate) fn note(&mut self, n: String) {
        if !self.notes.contains(&n) && self.notes.len() < 20 {
            self.notes.push(n);
        }
    }

    /// The node of this id, added if new. `line` is where the id is (for a size over the limit).
    pub(crate) fn node(&mut self, id: &str, line: usize) -> Result<u32> {
        if let Some(&k) = self.ids.get(id) {
            return Ok(k);
        }
        let k = self.names.len() as u32;
        over_at(line, Unit::Nodes, self.limits.max_nodes, k as u64 + 1)?;
        self.ids.insert(id.to_string(), k);
        self.names.push(id.to_string());
        Ok(k)
    }

    /// The node of this id, if declared.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    /// Adds an edge.
    pub(crate) fn edge(
        &mut self,
        u: u32,
        v: u32,
        directed: Option<bool>,
        weight: Option<f32>,
        line: usize,
    ) -> Result<()> {
        over_at(
            line,
            Unit::Edges,
            self.limits.max_edges,
            self.edges.len() as u64 + 1,
        )?;
        self.edges.push(RawEdge {
            u,
            v,
            directed,
            weight,
        });
        Ok(())
    }

    /// Declares an attribute with a type the file gives (`None`: inferred from the values).
    pub(crate) fn declare(&mut self, name: &str, kind: Option<AttrKind>) -> usize {
        if let Some(&i) = self.attr_index.get(name) {
            if kind.is_some() {
                self.attrs[i].1 = kind;
            }
            return i;
        }
        let i = self.attrs.len();
        self.attrs.push((name.to_string(), kind, Vec::new()));
        self.attr_index.insert(name.to_string(), i);
        i
    }

    /// Sets node `v`'s value of attribute `name`.
    pub(crate) fn set(&mut self, v: u32, name: &str, value: String) {
        let i = self.declare(name, None);
        let vals = &mut self.attrs[i].2;
        if vals.len() <= v as usize {
            vals.resize(v as usize + 1, None);
        }
        vals[v as usize] = Some(value);
    }

    /// Sets node `v`'s value of attribute number `i` (from [`Builder::declare`]).
    pub(crate) fn set_index(&mut self, v: u32, i: usize, value: String) {
        let vals = &mut self.attrs[i].2;
        if vals.len() <= v as usize {
            vals.resize(v as usize + 1, None);
        }
        vals[v as usize] = Some(value);
    }

    /// Gives attribute number `i` the value `value` on every node that has none.
    pub(crate) fn fill_default(&mut self, i: usize, value: &str) {
        let n = self.names.len();
        let vals = &mut self.attrs[i].2;
        vals.resize(n, None);
        for v in vals.iter_mut().filter(|v| v.is_none()) {
            *v = Some(value.to_string());
        }
    }

    pub(super) fn finish(self, format: Format, force_directed: bool) -> Result<Network> {
        let n = self.names.len();
        if n == 0 {
            return Err(Error::new(
                "network",
                Code::NoNodes {
                    format: format.title().to_string(),
                },
            ));
        }
        let any_directed = force_directed
            || self
                .edges
                .iter()
                .any(|e| e.directed.unwrap_or(self.directed));
        let mixed = !force_directed
            && any_directed
            && self
                .edges
                .iter()
                .any(|e| !e.directed.unwrap_or(self.directed));
        let weighted = self.edges.iter().any(|e| e.weight.is_some());
        // numeric ids sorted, as for an edge list
        let mut new_of: Vec<u32> = (0..n as u32).collect();
        let mut order: Vec<u32> = (0..n as u32).collect();
        if self.sort_numeric {
            let nums: Option<Vec<u64>> = self
                .names
                .iter()
                .map(|s| s.parse::<u64>().ok().filter(|_| !s.starts_with('+')))
                .collect();
            if let Some(nums) = nums {
                order.sort_by_key(|&k| nums[k as usize]);
                for (new, &old) in order.iter().enumerate() {
                    new_of[old as usize] = new as u32;
                }
            }
        }
        let mut edges = Vec::with_capacity(self.edges.len() + if mixed { 16 } else { 0 });
        let mut weights = Vec::with_capacity(if weighted { self.edges.len() } else { 0 });
        for e in &self.edges {
            let (u, v) = (new_of[e.u as usize], new_of[e.v as usize]);
            edges.push((u, v));
            if weighted {
                weights.push(e.weight.unwrap_or(1.0));
            }
            // an undirected edge in a directed network: both arcs
            if mixed && !e.directed.unwrap_or(self.directed) && u != v {
                edges.push((v, u));
                if weighted {
                    weights.push(e.weight.unwrap_or(1.0));
                }
            }
        }
        let labels: Vec<String> = order
            .iter()
            .map(|&k| self.names[k as usize].clone())
            .collect();
        let mut attributes = Vec::with_capacity(self.attrs.len());
        for (name, kind, mut vals) in self.attrs {
            vals.resize(n, None);
            let vals: Vec<Option<String>> =
                order.iter().map(|&k| vals[k as usize].take()).collect();
            let mut a = Attribute::inferred(name, vals);
            if let Some(k) = kind {
                a.kind = k;
            }
            attributes.push(a);
        }
        Network::from_edges(
            n,
            any_directed,
            &edges,
            if weighted { Some(&weights) } else { None },
        )?
        .with_labels(labels)?
        .with_attributes(attributes)
    }
}

/// The error for `got` over `limit` while reading line `line` (the edge list's own check).
pub(crate) use crate::io::over_at_line as over_at;

/// A weight as written: a finite number ≥ 0, or the line's error.
pub(crate) fn weight_at(text: &str, line: usize) -> Result<f32> {
    let w: f32 = text.trim().parse().map_err(|_| {
        Error::at_line(
            line,
            Code::WeightNotANumber {
                got: crate::io::echo(text.trim()),
            },
        )
    })?;
    if !w.is_finite() || w < 0.0 {
        return Err(Error::at_line(
            line,
            Code::WeightNegative {
                got: crate::io::echo(text.trim()),
            },
        ));
    }
    Ok(w)
}

/// The error `FORMAT: expected E, found F` at a line.
pub(crate) fn expected(format: Format, line: usize, expected: &str, found: &str) -> Error {
    Error::at_line(
        line,
        Code::FormatExpected {
            format: format.title().to_string(),
            expected: expected.to_string(),
            found: crate::io::echo(found),
        },
    )
}
